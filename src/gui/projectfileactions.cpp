// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectfileactions.h"

#include "error.h"
#include "model/project.h"
#include "model/verify.h"
#include "storage/backups.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QThread>

namespace Quire {

ProjectFileActions::ProjectFileActions(QWidget *window, Hooks hooks)
    : QObject(window)
    , m_window(window)
    , m_hooks(std::move(hooks))
{}

ProjectFileActions::~ProjectFileActions()
{
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
}

void ProjectFileActions::addTo(QMenu *file)
{
    QAction *copy = file->addAction(tr("Save a &copy…"), this, &ProjectFileActions::chooseSaveCopy);
    copy->setToolTip(tr("A consistent copy of the project, also while you work"));
    QAction *restore = file->addAction(tr("Restore from &backup…"), this, &ProjectFileActions::chooseRestore);
    restore->setToolTip(tr("Put one of the automatic backups in the project's place"));
    QAction *check = file->addAction(tr("Chec&k project file"), this, &ProjectFileActions::checkNow);
    check->setToolTip(tr("Read every page of the project file and report any damage"));
    const auto enable = [this, copy, restore, check] {
        const bool open = m_hooks.project() != nullptr;
        copy->setEnabled(open);
        restore->setEnabled(open);
        check->setEnabled(open);
    };
    connect(file, &QMenu::aboutToShow, this, enable);
}

QString ProjectFileActions::saveCopy(const QString &target)
{
    Project *p = m_hooks.project();
    if (!p)
        return tr("Open a project first.");
    try {
        p->saveCopy(target);
    } catch (const Error &e) {
        return e.message();
    }
    return QString();
}

QString ProjectFileActions::restore(const QString &backupPath)
{
    Project *p = m_hooks.project();
    if (!p)
        return tr("Open a project first.");
    const QString path = p->path();
    if (m_worker)
        m_worker->wait(); // the background check holds a connection
    m_hooks.close();
    QString error;
    try {
        Backups::restore(path, backupPath);
    } catch (const Error &e) {
        error = e.message();
    }
    // Open again either way: after a refused restore the project is as it was.
    m_hooks.open(path);
    return error;
}

void ProjectFileActions::chooseSaveCopy()
{
    Project *p = m_hooks.project();
    if (!p)
        return;
    const QFileInfo info(p->path());
    const QString suggestion =
        info.absoluteDir().filePath(info.completeBaseName() + tr(" copy") + QStringLiteral(".quire"));
    const QString target = QFileDialog::getSaveFileName(m_window, tr("Save a copy of the project"), suggestion,
                                                        tr("Quire projects (*.quire)"));
    if (target.isEmpty())
        return;
    const QString error = saveCopy(target);
    if (error.isEmpty())
        QMessageBox::information(m_window, tr("Quire"),
                                 tr("Saved a copy as %1.").arg(QDir::toNativeSeparators(target)));
    else
        QMessageBox::warning(m_window, tr("Quire"), error);
}

void ProjectFileActions::chooseRestore()
{
    Project *p = m_hooks.project();
    if (!p)
        return;
    const auto backups = Backups::list(p->path());
    if (backups.empty()) {
        QMessageBox::information(m_window, tr("Quire"),
                                 tr("There is no backup of this project yet. Backups are made automatically before "
                                    "the first change of a session, in %1.")
                                     .arg(QDir::toNativeSeparators(Backups::folderFor(p->path()))));
        return;
    }
    QStringList labels;
    for (const auto &b : backups)
        labels
            << tr("%1 (%2 KB)").arg(QLocale().toString(b.made.toLocalTime(), QLocale::LongFormat)).arg(b.bytes / 1024);
    bool ok = false;
    const QString chosen = QInputDialog::getItem(m_window, tr("Restore from backup"),
                                                 tr("Put this backup in the project's place (the project as it is now "
                                                    "is kept as a backup, so this can be taken back):"),
                                                 labels, 0, false, &ok);
    if (!ok)
        return;
    const QString error = restore(backups[std::size_t(labels.indexOf(chosen))].path);
    if (!error.isEmpty())
        QMessageBox::warning(m_window, tr("Quire"), error);
}

void ProjectFileActions::checkNow()
{
    if (Project *p = m_hooks.project())
        checkInBackground(p->path());
}

bool ProjectFileActions::checking() const
{
    return m_worker && m_worker->isRunning();
}

void ProjectFileActions::checkInBackground(const QString &path)
{
    if (checking())
        return;
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
        m_worker = nullptr;
    }
    m_worker = QThread::create([this, path] {
        QStringList problems;
        try {
            problems = verifyProject(path).problems;
        } catch (const Error &e) {
            problems << e.message();
        }
        QMetaObject::invokeMethod(
            this, [this, path, problems] { Q_EMIT checked(path, problems); }, Qt::QueuedConnection);
    });
    m_worker->start(QThread::LowPriority);
}

} // namespace Quire
