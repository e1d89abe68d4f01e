// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <QObject>
#include <QString>
#include <QStringList>

class QMenu;
class QWidget;
class QThread;

namespace Quire {

class Project;

/// The project file itself in the workbench (docs/reliability.md): File ▸
/// Save a copy…, Restore from backup…, Check project file, and the check of
/// the whole file that runs on a worker thread after a project is opened.
/// It knows the window only through the three functions it is given.
class ProjectFileActions : public QObject
{
    Q_OBJECT
public:
    struct Hooks
    {
        std::function<Project *()> project;        ///< the open project, or nullptr
        std::function<void()> close;               ///< closes it (every connection of the window)
        std::function<bool(const QString &)> open; ///< opens a project file
    };
    ProjectFileActions(QWidget *window, Hooks hooks);
    ~ProjectFileActions() override;

    /// Adds the three actions to the File menu.
    void addTo(QMenu *fileMenu);

    /// A consistent copy of the open project at `target` (SQLite's backup
    /// API: complete or absent). Returns an error message, or an empty string.
    QString saveCopy(const QString &target);
    /// Closes the project, puts the backup in its place (the current state is
    /// kept as a backup), reopens it. An empty `backupPath`: the newest.
    /// Returns an error message, or an empty string.
    QString restore(const QString &backupPath = QString());

    /// Reads every page of the project file on a worker thread; `checked`
    /// follows. A check still running for another file is left to finish.
    void checkInBackground(const QString &path);
    bool checking() const;

Q_SIGNALS:
    /// `problems` empty: intact.
    void checked(const QString &path, const QStringList &problems);

private:
    void chooseSaveCopy();
    void chooseRestore();
    void checkNow();

    QWidget *m_window;
    Hooks m_hooks;
    QThread *m_worker = nullptr;
};

} // namespace Quire
