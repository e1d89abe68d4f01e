// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QHash>
#include <QString>
#include <QStyledItemDelegate>

namespace Quire {

class Project;

/// Names as lists show them when the stored name says too little.
namespace DisplayNames {

/// The words of \a text up to about \a max characters, on one line, "…" if cut.
QString firstWords(const QString &text, qsizetype max = 40);

/// A statement's short label: "R01 · what is not working · 2 · I waited 9 months…"
/// (person, area, rank, first words; the parts it has).
QString statementLabel(const QString &person, const QString &area, const QString &rank, const QString &text);

/// The label of every document of \a project: a statement (kind "statement")
/// gets statementLabel, from its case, its "area" and "rank" attributes and
/// its text; any other document its name.
QHash<Id, QString> documentLabels(const Project &project);

/// The item role of a short label shown instead of the item's text (which stays the stored name).
constexpr int LabelRole = Qt::UserRole + 40;

/// Shows an item's LabelRole, when it has one, in place of its text, cut at its end
/// (a label leads with what tells items apart); other items as they are.
class LabelDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace DisplayNames
} // namespace Quire
