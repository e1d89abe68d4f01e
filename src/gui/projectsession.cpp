// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectsession.h"

#include "error.h"
#include "formats/pluginmanager.h"
#include "model/project.h"
#include "search/search.h"

#include <algorithm>
#include <QTimer>

namespace Quire {

Outcome Outcome::failure(const QString &message)
{
    Outcome o;
    o.m_failed = true;
    o.m_error = message;
    return o;
}

ProjectSession::ProjectSession(QObject *parent)
    : QObject(parent)
    , m_plugins(std::make_unique<PluginManager>())
{
    setObjectName(QStringLiteral("projectSession"));
    m_plugins->loadDefault();
    // A moment after the last change the log goes into the project file, so
    // the .quire file alone is the whole project while the window is idle
    // (docs/reliability.md); a checkpoint per command would cost a disk sync each.
    m_checkpointTimer = new QTimer(this);
    m_checkpointTimer->setSingleShot(true);
    m_checkpointTimer->setInterval(1000);
    connect(m_checkpointTimer, &QTimer::timeout, this, [this] {
        if (m_project)
            m_project->checkpoint();
    });
    connect(this, &ProjectSession::changed, m_checkpointTimer, qOverload<>(&QTimer::start));
}

ProjectSession::~ProjectSession() = default;

Search *ProjectSession::search()
{
    if (!m_project)
        return nullptr;
    if (!m_search)
        m_search = std::make_unique<Search>(*m_project);
    return m_search.get();
}

Outcome ProjectSession::open(const QString &path)
{
    try {
        auto p = Project::open(path);
        m_search.reset(); // it refers to the project it was made for
        m_project = std::move(p);
        // The window waits on its own thread: a short wait, then the refusal
        // names the other program (docs/reliability.md).
        m_project->setBusyTimeout(15000);
    } catch (const Error &e) {
        return Outcome::failure(e.message());
    }
    return {};
}

Outcome ProjectSession::create(const QString &path)
{
    try {
        Project::create(path);
    } catch (const Error &e) {
        return Outcome::failure(e.message());
    }
    return open(path);
}

void ProjectSession::close()
{
    m_search.reset();
    m_project.reset();
}

Outcome ProjectSession::run(const std::function<void()> &body, Changes changes)
{
    if (!m_project) {
        const QString message = tr("Open or create a project first.");
        Q_EMIT failed(message);
        return Outcome::failure(message);
    }
    if (m_beforeChange)
        m_beforeChange();
    Outcome outcome;
    try {
        body();
    } catch (const Error &e) {
        outcome = Outcome::failure(e.message());
        Q_EMIT failed(e.message());
    }
    notify(changes | History);
    return outcome;
}

Outcome ProjectSession::undo(QString *summary)
{
    QString s;
    const Outcome outcome = run(
        [&] {
            if (!m_project->canUndo()) {
                // The newest done step may be a format upgrade: then the core's refusal says why.
                const auto log = m_project->history();
                if (std::none_of(log.begin(), log.end(),
                                 [](const CommandRecord &r) { return r.state == QLatin1String("done"); }))
                    throw Error(QStringLiteral("There is nothing to undo."));
            }
            s = m_project->undo();
        },
        Everything);
    if (summary)
        *summary = s;
    return outcome;
}

Outcome ProjectSession::redo(QString *summary)
{
    QString s;
    const Outcome outcome = run(
        [&] {
            if (!m_project->canRedo())
                throw Error(QStringLiteral("There is nothing to redo."));
            s = m_project->redo();
        },
        Everything);
    if (summary)
        *summary = s;
    return outcome;
}

void ProjectSession::notify(Changes changes)
{
    if (m_holds > 0) {
        m_held |= changes;
        return;
    }
    Q_EMIT changed(changes);
}

ProjectSession::HoldChanges::HoldChanges(ProjectSession &session)
    : m_session(session)
{
    ++m_session.m_holds;
}

ProjectSession::HoldChanges::~HoldChanges()
{
    if (--m_session.m_holds > 0)
        return;
    const Changes held = m_session.m_held;
    m_session.m_held = {};
    if (held)
        Q_EMIT m_session.changed(held);
}

} // namespace Quire
