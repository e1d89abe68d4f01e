// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

namespace Quire {

class Project;

/// Notices commits that another connection made to the open project (a
/// quire-cli run, a second workbench) so the window can show them. About once
/// a second it reads Project::dataVersion() on the window's own connection: the
/// number changes only when another connection has committed, so the window's
/// own commands never count. Workers of the window that write through their
/// own connection (an import) are not "another program": pauseWhile() stops
/// looking while such a job lives.
class ProjectWatcher : public QObject
{
    Q_OBJECT
public:
    explicit ProjectWatcher(QObject *parent = nullptr);

    /// Watches \a project, the window's connection (nullptr: nothing). The
    /// caller keeps it alive until the next watch() call or the watcher's end.
    void watch(Project *project);
    /// What the connection sees now counts as shown: called as the window
    /// starts re-reading the project, so a commit that lands during the
    /// re-read is noticed on the next look.
    void sync();
    /// Stops looking until \a job is destroyed, then takes its commit as the
    /// window's own (sync).
    void pauseWhile(QObject *job);
    /// How often to look, in milliseconds (default 1000).
    void setInterval(int ms) { m_timer.setInterval(ms); }

Q_SIGNALS:
    /// Another connection committed since the last sync(); emitted once per change seen.
    void externalChange();

private:
    void poll();
    qint64 version() const;

    QTimer m_timer;
    Project *m_project = nullptr;
    qint64 m_version = 0;
    int m_paused = 0;
};

} // namespace Quire
