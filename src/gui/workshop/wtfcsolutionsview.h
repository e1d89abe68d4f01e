// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "wtfc/analysis.h"
#include "wtfc/workshop.h"

#include <functional>
#include <optional>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTreeWidget;

namespace Quire {

class ProjectSession;

/// Success statements and solutions per cause: a tree of causes (root causes
/// taken forward first) with their success statements by perspective and
/// their solutions by kind and grid place; adds, edits and deletes either
/// through the core (buttons, the context menu, F2 and Delete).
class WtfcSolutionsView : public QWidget
{
    Q_OBJECT
public:
    explicit WtfcSolutionsView(ProjectSession &session, QWidget *parent = nullptr);
    void reload();
    QTreeWidget *tree() const { return m_tree; }
    /// Adds to the selected cause (or the cause of the selected row).
    bool addSuccess(const QString &perspective, const QString &text);
    bool addSolution(const QString &kind, const QString &text);
    bool selectCause(Id cause);

    /// The success statement or solution of the current row, if it is one.
    std::optional<Wtfc::ItemRef> currentItem() const;
    bool selectItem(const Wtfc::ItemRef &item);
    /// Changes a success statement's perspective and text, or a solution's
    /// kind and text (Workshop::editSuccess / editSolution, one command).
    bool editItem(const Wtfc::ItemRef &item, const QString &perspectiveOrKind, const QString &text);
    /// Deletes a success statement, or a solution with its actions (one
    /// command). Unless \a confirmed, asks first with deleteQuestion().
    bool deleteItem(const Wtfc::ItemRef &item, bool confirmed = false);
    /// What deleting \a item asks: its text and, for a solution, its actions.
    QString deleteQuestion(const Wtfc::ItemRef &item) const;
    /// The context menu of the current row (Edit…, Delete…); nullptr on a cause. The caller owns it.
    QMenu *contextMenuForCurrent();
    /// Opens the edit dialog for the current row; false on a cause.
    bool editCurrent();
    QString message() const;

private:
    std::optional<Id> currentCause() const;
    /// Runs `add` for the selected cause as one command and reports it.
    bool addToCurrentCause(const std::function<void(Wtfc::Workshop &, Id)> &add);

    ProjectSession &m_session;
    QTreeWidget *m_tree = nullptr;
    QComboBox *m_perspective = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_text = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    Wtfc::Snapshot m_snapshot;
};

} // namespace Quire
