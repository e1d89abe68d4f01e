// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace Quire {

class Project;

class ProjectSession;
class WorkbenchShell;

/// The command log as a dock that stays open (Edit ▸ History, Ctrl+H):
/// one row per command, oldest at the top, "time — coder — summary". Undone
/// commands are grey and italic, discarded ones grey, struck out and marked;
/// a bold "you are here" row sits after the newest done command. Follows
/// every command, undo and redo (ProjectSession::changed, History).
///
/// Double-clicking a row (or "Go back to here") moves the project to just
/// after that command: an earlier done command undoes everything after it, an
/// undone one redoes up to and including it. Every step is the window's undo
/// or redo (WorkbenchShell::stepHistory), so their checks and refusals apply; a
/// refusal (undo stops at a format upgrade) is shown under the list.
class HistoryPane : public QWidget
{
    Q_OBJECT
public:
    /// Row roles: the command id (0 on the marker row) and its state.
    static constexpr int CommandIdRole = Qt::UserRole + 1;
    static constexpr int StateRole = Qt::UserRole + 2;

    HistoryPane(ProjectSession &session, WorkbenchShell &shell, QWidget *parent = nullptr);

    /// The row text of a command: a segment command names the words it coded,
    /// resized or removed and their document ("Resize “I don't get…” to “I
    /// don't get a minute…” in fg1-carers.txt") from the command's arguments,
    /// instead of the offsets of its stored summary; any other command (or
    /// one whose words cannot be read) its summary.
    static QString describe(const Project &project, const CommandRecord &record);

    /// Re-reads the log from the project.
    void reload();
    /// Moves the project to just after command \a commandId (see above).
    /// Returns true when it got there; false if it was refused (the message
    /// is in message()) or the command is discarded or unknown.
    bool goTo(Id commandId);

    QListWidget *list() const { return m_list; }
    QPushButton *goButton() const { return m_goButton; }
    /// The row of the "you are here" marker.
    int markerRow() const;
    /// The row of command \a commandId, or -1.
    int rowOf(Id commandId) const;
    /// The refusal or note shown under the list (empty when none).
    QString message() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateButton();
    void showMessage(const QString &text, bool error);

    ProjectSession &m_session;
    WorkbenchShell &m_shell;
    QListWidget *m_list = nullptr;
    QPushButton *m_goButton = nullptr;
    QLabel *m_message = nullptr;
    bool m_stepping = false;
};

} // namespace Quire
