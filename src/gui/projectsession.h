// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <QObject>
#include <QString>

class QTimer;

namespace Quire {

class BackgroundJob;
class PluginManager;
class Project;
class Search;

/// What a project operation came to: success, or the error a researcher
/// reads (one sentence naming the cause). Returned by value, never thrown.
class Outcome
{
public:
    Outcome() = default;
    static Outcome failure(const QString &message);

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    /// Empty on success.
    const QString &error() const { return m_error; }

private:
    bool m_failed = false;
    QString m_error;
};

/// The open project as the workbench sees it: the Project, its full-text
/// Search and the format plugins. Every change goes through run() (one
/// recorded command, so Undo takes it back); a Quire::Error becomes the
/// returned Outcome and failed(), and changed() then says what kind of thing
/// changed so each view reloads only what it shows. A moment after the last
/// change the log is checkpointed into the project file.
class ProjectSession : public QObject
{
    Q_OBJECT
public:
    enum Change : unsigned {
        Documents = 0x01,
        Codes = 0x02,
        Segments = 0x04,
        Cases = 0x08,
        Memos = 0x10,
        Workshop = 0x20,
        Quotes = 0x40,
        History = 0x80,
        Everything = 0xff,
    };
    Q_DECLARE_FLAGS(Changes, Change)
    Q_FLAG(Changes)

    explicit ProjectSession(QObject *parent = nullptr);
    ~ProjectSession() override;

    /// nullptr while no project is open.
    Project *project() const { return m_project.get(); }
    /// The open project's search, kept while it is open (its word maps and
    /// document names are read once, not per query); nullptr without a project.
    Search *search();
    const PluginManager &plugins() const { return *m_plugins; }

    /// Opens a .quire project in place of the current one; on failure the
    /// current one stays open.
    Outcome open(const QString &path);
    /// Creates a new, empty project file and opens it.
    Outcome create(const QString &path);
    /// Closes the project (nothing is open afterwards).
    void close();

    /// Runs one project operation; \a changes says what it may change
    /// (History is implied: a command was recorded). A Quire::Error it throws
    /// is returned and emitted as failed(); changed() follows either way.
    Outcome run(const std::function<void()> &body, Changes changes);
    /// Called before every operation run() starts on an open project (the
    /// window asks for the coder's name before the first change).
    void setBeforeChange(std::function<void()> hook) { m_beforeChange = std::move(hook); }
    /// Undoes the newest done command; its summary goes to \a summary.
    Outcome undo(QString *summary = nullptr);
    /// Redoes the oldest undone command; its summary goes to \a summary.
    Outcome redo(QString *summary = nullptr);

    /// Announces changes made outside run(): a background job's own
    /// connection, another program, a project just opened.
    void notify(Changes changes);

    /// While one lives, changed() is held back and sent once, with every
    /// kind collected, when the last one ends (undoing several steps).
    class HoldChanges
    {
    public:
        explicit HoldChanges(ProjectSession &session);
        ~HoldChanges();
        HoldChanges(const HoldChanges &) = delete;
        HoldChanges &operator=(const HoldChanges &) = delete;

    private:
        ProjectSession &m_session;
    };

Q_SIGNALS:
    /// After every operation (also a failed one), undo, redo and notify().
    void changed(Quire::ProjectSession::Changes what);
    /// An operation failed; \a message is the error a researcher reads.
    void failed(const QString &message);
    /// A long job (import, export, merge, index rebuild) starts on a worker
    /// thread; it lives until the function that started it returns.
    void jobStarted(Quire::BackgroundJob *job);

private:
    std::unique_ptr<PluginManager> m_plugins;
    std::unique_ptr<Project> m_project;
    std::unique_ptr<Search> m_search; // after m_project: goes first
    QTimer *m_checkpointTimer = nullptr;
    std::function<void()> m_beforeChange;
    int m_holds = 0;
    Changes m_held;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(ProjectSession::Changes)

} // namespace Quire
