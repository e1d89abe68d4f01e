// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QHash>
#include <QSet>
#include <QWidget>

class QComboBox;
class QLineEdit;

namespace Quire {

class Project;

/// The line above the documents list: a name filter and combos for the
/// document kind, the case and an attribute value (of the document or of one
/// of its cases). accepts() says whether a document passes all of them.
class DocumentFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit DocumentFilterBar(QWidget *parent = nullptr);

    /// Re-reads the kinds, cases and attribute values; keeps the choices that still exist.
    void reload(const Project *project);
    bool accepts(const Document &document) const;
    bool isActive() const;

    /// Empty: any. Attribute as "name=value".
    void setKind(const QString &kind);
    void setCase(const QString &caseName);
    void setAttribute(const QString &nameEqualsValue);
    void setText(const QString &text);

    QComboBox *kindCombo() const { return m_kind; }
    QComboBox *caseCombo() const { return m_case; }
    QComboBox *attributeCombo() const { return m_attribute; }

Q_SIGNALS:
    void changed();

private:
    static void choose(QComboBox *combo, const QString &value);

    QLineEdit *m_text = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_case = nullptr;
    QComboBox *m_attribute = nullptr;
    QHash<Id, QSet<QString>> m_casesOf;      ///< document → case names
    QHash<Id, QSet<QString>> m_attributesOf; ///< document → "name=value" (its own and its cases')
    bool m_filling = false;
};

} // namespace Quire
