// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <functional>
#include <QObject>
#include <QString>

class QProgressDialog;
class QWidget;
namespace Quire {

class Project;

/// Long work (import, export) on a worker thread while the GUI stays live,
/// with a progress dialog and Cancel. The work must not touch the window's
/// Project: SQLite connections are not shared across threads, so it opens
/// its own. run() returns when the work has finished (a local event loop
/// runs meanwhile), so callers read like synchronous code.
class BackgroundJob : public QObject
{
    Q_OBJECT
public:
    /// What the work sees: progress reports and the cancel request.
    class Control
    {
    public:
        /// Reports progress; blocks until the GUI has shown it (and maybe
        /// cancelled), so a cancel is seen by the next cancelled() check.
        void progress(int value, int maximum, const QString &label);
        bool cancelled() const { return m_cancel.load(); }
        /// Called on the GUI thread when Cancel is pressed (e.g. sqlite3_interrupt
        /// on the worker's connection, which SQLite allows from another thread).
        void setOnCancel(std::function<void()> f);

    private:
        friend class BackgroundJob;
        BackgroundJob *m_job = nullptr;
        std::atomic<bool> m_cancel{false};
        std::function<void()> m_onCancel;
    };

    /// While it lives, Cancel stops the work's statements on `db` (the
    /// worker's own connection): sqlite3_interrupt for the one running, and
    /// a progress handler for any started after Cancel (sqlite3_interrupt
    /// alone misses those). The transaction then rolls back.
    class CancelStatements
    {
    public:
        CancelStatements(Control &control, Project &project);
        ~CancelStatements();
        CancelStatements(const CancelStatements &) = delete;
        CancelStatements &operator=(const CancelStatements &) = delete;

    private:
        Control &m_control;
        Project &m_project;
    };

    enum class Outcome { Done, Cancelled, Failed };

    BackgroundJob(QWidget *parent, const QString &title);
    ~BackgroundJob() override;

    /// Runs \a work on a new thread; Quire::Error it throws becomes error().
    Outcome run(const std::function<void(Control &)> &work);
    QString error() const { return m_error; }
    /// Asks the work to stop (as the Cancel button does).
    void cancel();

Q_SIGNALS:
    /// On the GUI thread, for every progress report.
    void progressed(int value, int maximum, const QString &label);

private:
    void show(int value, int maximum, const QString &label);

    QProgressDialog *m_dialog = nullptr;
    Control m_control;
    QString m_error;
};

} // namespace Quire
