// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <optional>
#include <QObject>
#include <QString>
#include <QStringList>

class QColor;
class QMenu;
class QPoint;
class QWidget;

namespace Quire {

class Outcome;
class Project;
class ProjectSession;
class WorkbenchShell;

/// What can be done to a code, for the code tree's context menu, the
/// document view's menu on a coded passage and the code properties panel:
/// rename, delete (the question says what it takes), merge into another code,
/// colour (QColorDialog), description, a further parent, its memo. Each
/// change is one core command (Project::renameCode, deleteCode, mergeCode,
/// describeCode, linkCode), so one Undo takes it back. A code is named by
/// the path it was reached by (a code with two parents has two).
class CodeActions : public QObject
{
    Q_OBJECT
public:
    CodeActions(ProjectSession &session, WorkbenchShell &shell, QObject *parent = nullptr);

    /// Adds the code's actions to \a menu (object names renameCode,
    /// deleteCode, mergeCode, colourCode, describeCode, linkCode, codeMemo,
    /// codeProperties).
    void addActions(QMenu *menu, const QString &path);
    /// Shows the code's menu at \a globalPos (not blocking; it deletes itself when closed).
    QMenu *popup(const QString &path, const QPoint &globalPos, QWidget *parent);

    // One command each; a refusal is reported by the session (failed()).
    bool rename(const QString &path, const QString &newName);
    bool remove(const QString &path);
    bool merge(const QString &from, const QString &into);
    bool setColour(const QString &path, const QColor &colour);
    bool describe(const QString &path, const QString &description);
    bool link(const QString &path, const QString &parentPath);

    /// The question asked before deleting: what the deletion takes with it.
    QString deleteQuestion(const QString &path) const;

    // Ask in a dialog (parented to the shell), then do it.
    bool askRename(const QString &path);
    bool askDelete(const QString &path);
    bool askMerge(const QString &path);
    bool askColour(const QString &path);
    bool askDescription(const QString &path);
    bool askLink(const QString &path);

    /// A colour no code of \a project shows yet (stored or derived), as
    /// #rrggbb: the hue farthest from every hue in use.
    static QString unusedColor(const Project &project);

Q_SIGNALS:
    /// The code's memo should be shown (the memo manager shows or starts it).
    void memoRequested(const QString &kind, Quire::Id targetId);
    /// The code properties panel should show the code.
    void propertiesRequested(Quire::Id codeId);
    /// What was done, for the status bar.
    void message(const QString &text);

private:
    /// Every code path but \a path and those under it (the choices for merge and link).
    QStringList otherPaths(const QString &path) const;
    std::optional<QString> askItem(const QString &title, const QString &label, const QStringList &items,
                                   const QString &objectName);
    bool ran(const Outcome &outcome, const QString &done);

    ProjectSession &m_session;
    WorkbenchShell &m_shell;
};

} // namespace Quire
