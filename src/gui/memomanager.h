// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "memoeditor.h"
#include "model/types.h"

#include <optional>
#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class QTreeWidget;

namespace Quire {

class ProjectSession;
class WorkbenchShell;

/// Every memo of the project in one list: the project journal, document,
/// code, segment and case memos (the memo table) and the segments' own memos
/// (the Details pane's). Filtered by kind and by words in the memo or what it
/// is on; the chosen memo is edited below (MemoEditor: written when the box
/// is left or another memo chosen, with a "Saved" sign); Go to shows what it
/// is on; New adds a further memo; Delete removes one (one command each).
class MemoManager : public QWidget
{
    Q_OBJECT
public:
    MemoManager(ProjectSession &session, WorkbenchShell &shell, QWidget *parent = nullptr);
    ~MemoManager() override;

    struct Row
    {
        MemoTarget target;
        QString kindLabel;
        QString on; ///< what the memo is on, for people
        QString text;
        QString modified;
        QString coder;
    };
    /// Every memo of the project (unfiltered), in list order.
    const std::vector<Row> &rows() const { return m_rows; }

    /// Shows only memos of \a kind ("" all, "project", "document", "code", "segment", "case").
    void setKindFilter(const QString &kind);
    /// Shows only memos whose text or target contains \a words (case-insensitive).
    void setSearch(const QString &words);
    /// The number of rows shown after filtering.
    int visibleCount() const;
    /// Chooses the shown row \a row (counting shown rows only).
    void selectVisibleRow(int row);
    /// The target of the chosen memo, if any.
    std::optional<MemoTarget> currentTarget() const;

    /// Shows the memo of a target (its first memo; a new one when it has
    /// none) in the editor, with the dock raised and the text box focused.
    void editMemoOf(const QString &kind, std::optional<Id> targetId);
    /// Starts a further memo of a target (empty until something is typed).
    void newMemo(const QString &kind, std::optional<Id> targetId);
    /// Shows what the chosen memo is on: the document, the passage, the code.
    bool jumpToTarget();
    /// Deletes the chosen memo (one command).
    bool deleteCurrent();

    QComboBox *kindFilter() const { return m_kind; }
    QLineEdit *searchEdit() const { return m_search; }
    QTreeWidget *list() const { return m_list; }
    MemoEditor *memoEditor() const { return m_editor; }
    QLabel *heading() const { return m_heading; }

public Q_SLOTS:
    /// Re-reads the memos, keeping the chosen one.
    void reload();

Q_SIGNALS:
    /// Go to on a code memo: the window makes the code current.
    void codeRequested(Quire::Id codeId);

private:
    void applyFilter();
    void showChosen();
    void selectTarget(const MemoTarget &target);
    QString describe(const MemoTarget &target) const;
    void raiseDock();

    ProjectSession &m_session;
    WorkbenchShell &m_shell;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_search = nullptr;
    QToolButton *m_new = nullptr;
    QPushButton *m_jump = nullptr;
    QPushButton *m_delete = nullptr;
    QTreeWidget *m_list = nullptr;
    QLabel *m_heading = nullptr;
    MemoEditor *m_editor = nullptr;
    std::vector<Row> m_rows;
    bool m_filling = false;
};

} // namespace Quire
