// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "wtfc/analysis.h"
#include "wtfc/workshop.h"

#include <functional>
#include <optional>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace Quire {

class ProjectSession;

/// The action plan: one row per action with its owner, due date, status
/// (changed through the core), the solution and cause it serves and how many
/// statements and people it traces back to. A form under the table adds an
/// action (solution, text, owner, due date) and edits or deletes the selected
/// one; each is one command.
class WtfcActionsView : public QWidget
{
    Q_OBJECT
public:
    explicit WtfcActionsView(ProjectSession &session, QWidget *parent = nullptr);
    void reload();
    QTableWidget *table() const { return m_table; }
    /// Sets the status of the action in \a row through the core.
    bool setStatus(int row, const QString &status);
    /// A new action for \a solution (Workshop::addAction, one command); \a due is YYYY-MM-DD or empty.
    bool addAction(Id solution, const QString &text, const QString &owner, const QString &due);
    /// Changes the text, owner and due date of the action in \a row (Workshop::editAction).
    bool editAction(int row, const QString &text, const QString &owner, const QString &due);
    /// Deletes the action in \a row; unless \a confirmed, asks first.
    bool deleteAction(int row, bool confirmed = false);
    /// The action id shown in \a row (0 if none).
    Id actionAt(int row) const;
    /// The row showing \a action, or -1.
    int rowOf(Id action) const;

    // The form under the table: it shows the selected action; "Add" makes a
    // new one from it, "Save" changes the selected one.
    QComboBox *solutionBox() const { return m_solution; }
    QLineEdit *textEdit() const { return m_text; }
    QLineEdit *ownerEdit() const { return m_owner; }
    QDateEdit *dueEdit() const { return m_due; }
    /// Checked: the action has a due date (the date edit is used).
    QCheckBox *hasDueBox() const { return m_hasDue; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *deleteButton() const { return m_delete; }
    QString message() const;

private:
    /// The form's due date: YYYY-MM-DD, or empty without one.
    QString formDue() const;
    void fillForm(int row);

    ProjectSession &m_session;
    QTableWidget *m_table = nullptr;
    QLabel *m_trace = nullptr;
    QLabel *m_message = nullptr;
    QComboBox *m_solution = nullptr;
    QLineEdit *m_text = nullptr;
    QLineEdit *m_owner = nullptr;
    QDateEdit *m_due = nullptr;
    QCheckBox *m_hasDue = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_delete = nullptr;
    Wtfc::Snapshot m_snapshot;
    std::vector<Id> m_rows;
    bool m_loading = false;
};

} // namespace Quire
