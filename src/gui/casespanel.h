// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "projectsession.h"

#include <map>
#include <QWidget>

class QAbstractItemDelegate;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace Quire {

/// Cases and attributes as an editable table, like a classification sheet:
/// one row per case (or per document), its kind, whether it counts, the
/// documents linked to it, then a column per attribute with an editor that
/// fits its type (a list for a choice, a box to tick for true/false, a
/// calendar for a date). Every change is one core command through the
/// session (addCase, setCaseCounted, linkCaseDocument, defineAttribute,
/// setAttribute), so Undo takes each back; a value the core refuses is not
/// stored and its message is shown under the table.
class CasesPanel : public QWidget
{
    Q_OBJECT
public:
    /// Fixed columns before the attribute columns.
    enum Column { NameColumn, KindColumn, LinksColumn, CountedColumn };

    explicit CasesPanel(ProjectSession &session, QWidget *parent = nullptr);
    /// Sets the value being typed in a cell, if any (never lost on closing).
    ~CasesPanel() override;

    /// Sets the value being typed in a cell now, as leaving the cell would.
    void commitEditing();

    /// Cases (rows are cases) or Document (rows are documents).
    void showScope(AttributeScope scope);
    AttributeScope scope() const { return m_scope; }

    /// Re-reads the rows, the attribute definitions and their values.
    void reload();

    Outcome addCase(const QString &name, const QString &kind);
    Outcome setCounted(Id caseId, bool counted);
    Outcome linkDocument(Id caseId, Id documentId);
    Outcome defineAttribute(AttributeScope scope, const QString &name, AttributeType type, const QStringList &choices);
    /// Sets (or with an empty \a value clears) the value of \a name for a case or a document.
    Outcome setValue(AttributeScope scope, Id ownerId, const QString &name, const QString &value);

    /// The table's row of \a ownerId (a case or a document, by scope), or -1.
    int rowOf(Id ownerId) const;
    /// The table's column of attribute \a name, or -1.
    int columnOf(const QString &name) const;
    /// The definition of the attribute shown in \a column (nullptr for a fixed column).
    const AttributeDef *definitionAt(int column) const;
    Id ownerAt(int row) const;

    QTableWidget *table() const { return m_table; }
    QComboBox *scopeBox() const { return m_scopeBox; }
    /// The last refusal (empty after a change that worked).
    QLabel *messageLabel() const { return m_message; }

private:
    void chooseAddCase();
    void chooseDefineAttribute();
    void chooseLinkDocument();
    void clearCurrentValue();
    void itemChanged(QTableWidgetItem *item);
    /// Shows what a change came to under the table.
    Outcome report(const Outcome &outcome, const QString &done);
    void scheduleReload();

    ProjectSession &m_session;
    AttributeScope m_scope = AttributeScope::Case;
    QComboBox *m_scopeBox = nullptr;
    QPushButton *m_addCase = nullptr;
    QPushButton *m_define = nullptr;
    QPushButton *m_link = nullptr;
    QTableWidget *m_table = nullptr;
    QAbstractItemDelegate *m_delegate = nullptr;
    QLabel *m_message = nullptr;
    std::map<int, AttributeDef> m_columns; ///< attribute column -> its definition
    int m_firstAttributeColumn = 0;
    bool m_loading = false;
    bool m_reloadQueued = false;
};

} // namespace Quire
