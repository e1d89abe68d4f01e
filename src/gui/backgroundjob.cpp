// SPDX-License-Identifier: GPL-3.0-or-later
#include "backgroundjob.h"

#include "model/project.h"

#include "error.h"

#include <exception>
#include <mutex>
#include <QEventLoop>
#include <QMetaObject>
#include <QProgressDialog>
#include <QThread>

namespace Quire {

namespace {
std::mutex onCancelMutex;
}

void BackgroundJob::Control::progress(int value, int maximum, const QString &label)
{
    if (!m_job)
        return;
    BackgroundJob *job = m_job;
    QMetaObject::invokeMethod(
        job, [job, value, maximum, label] { job->show(value, maximum, label); }, Qt::BlockingQueuedConnection);
}

void BackgroundJob::Control::setOnCancel(std::function<void()> f)
{
    std::lock_guard lock(onCancelMutex);
    m_onCancel = std::move(f);
}

BackgroundJob::CancelStatements::CancelStatements(Control &control, Project &project)
    : m_control(control)
    , m_project(project)
{
    control.setOnCancel([&project] { project.interrupt(); });
    project.setCancelCheck([&control] { return control.cancelled(); });
}

BackgroundJob::CancelStatements::~CancelStatements()
{
    m_control.setOnCancel(nullptr);
    m_project.setCancelCheck(nullptr);
}

BackgroundJob::BackgroundJob(QWidget *parent, const QString &title)
    : QObject(parent)
    , m_dialog(new QProgressDialog(title, tr("Cancel"), 0, 0, parent))
{
    m_dialog->setWindowTitle(title);
    m_dialog->setWindowModality(Qt::WindowModal);
    // Shown at once: while it is up, the window (and its Project connection) takes no input.
    m_dialog->setMinimumDuration(0);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    m_dialog->setAccessibleName(title);
    connect(m_dialog, &QProgressDialog::canceled, this, &BackgroundJob::cancel);
    m_control.m_job = this;
}

BackgroundJob::~BackgroundJob()
{
    delete m_dialog;
}

void BackgroundJob::cancel()
{
    m_control.m_cancel = true;
    m_dialog->setLabelText(tr("Cancelling…"));
    std::lock_guard lock(onCancelMutex);
    if (m_control.m_onCancel)
        m_control.m_onCancel();
}

void BackgroundJob::show(int value, int maximum, const QString &label)
{
    m_dialog->setMaximum(maximum);
    m_dialog->setValue(value);
    if (!m_control.cancelled())
        m_dialog->setLabelText(label);
    Q_EMIT progressed(value, maximum, label);
}

BackgroundJob::Outcome BackgroundJob::run(const std::function<void(Control &)> &work)
{
    m_error.clear();
    bool failed = false;
    QThread *thread = QThread::create([&] {
        try {
            work(m_control);
        } catch (const Error &e) {
            m_error = e.message();
            failed = true;
        } catch (const std::exception &e) {
            m_error = QString::fromUtf8(e.what());
            failed = true;
        }
    });
    QEventLoop loop;
    connect(thread, &QThread::finished, &loop, &QEventLoop::quit);
    m_dialog->setValue(0);
    m_dialog->show();
    thread->start();
    loop.exec();
    thread->wait();
    delete thread;
    {
        std::lock_guard lock(onCancelMutex);
        m_control.m_onCancel = nullptr;
    }
    m_dialog->reset();
    m_dialog->hide();
    if (m_control.cancelled())
        return Outcome::Cancelled;
    return failed ? Outcome::Failed : Outcome::Done;
}

} // namespace Quire
