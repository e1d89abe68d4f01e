// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectwatcher.h"

#include "error.h"
#include "model/project.h"

namespace Quire {

ProjectWatcher::ProjectWatcher(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &ProjectWatcher::poll);
}

void ProjectWatcher::watch(Project *project)
{
    m_project = project;
    sync();
    if (m_project)
        m_timer.start();
    else
        m_timer.stop();
}

qint64 ProjectWatcher::version() const
{
    // Reads the WAL index header only: no table is read, nothing is locked.
    return m_project->dataVersion();
}

void ProjectWatcher::sync()
{
    if (!m_project)
        return;
    try {
        m_version = version();
    } catch (const Error &) {
        // Looked at again on the next tick.
    }
}

void ProjectWatcher::pauseWhile(QObject *job)
{
    ++m_paused;
    connect(job, &QObject::destroyed, this, [this] {
        --m_paused;
        sync();
    });
}

void ProjectWatcher::poll()
{
    if (!m_project || m_paused > 0)
        return;
    qint64 now = 0;
    try {
        now = version();
    } catch (const Error &) {
        return; // a busy or vanished file: the next tick tries again
    }
    if (now == m_version)
        return;
    m_version = now;
    Q_EMIT externalChange();
}

} // namespace Quire
