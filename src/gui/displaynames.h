// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QHash>
#include <QString>

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

} // namespace DisplayNames
} // namespace Quire
