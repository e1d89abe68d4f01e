// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/analysisoperations.h"

#include "backgroundjob.h"
#include "jobs/projectjobs.h"
#include "projectsession.h"
#include "workbenchshell.h"

#include "error.h"
#include "model/project.h"
#include "tablesfile.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

#include <algorithm>
#include <set>

namespace Quire {

using namespace Quire::Analysis;

void exportWithDialog(QWidget *parent, const QString &title, const QString &filters,
                      const std::function<QString(const QString &path)> &write)
{
    QString selected;
    QString path = QFileDialog::getSaveFileName(parent, title, QString(), filters, &selected);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + selected.section(QStringLiteral("*."), 1).section(QLatin1Char(')'), 0, 0);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString error = write(path);
    QApplication::restoreOverrideCursor();
    if (!error.isEmpty())
        QMessageBox::warning(parent, title, error);
}

QString copyProjectForCoder(ProjectSession &session, const QString &targetPath, bool keepMemos)
{
    Project *p = session.project();
    if (!p)
        return ProjectSession::tr("Open a project first.");
    try {
        CopyForCoderOptions o;
        o.keepMemos = keepMemos;
        copyForCoder(*p, targetPath, o);
    } catch (const Error &e) {
        return e.message();
    }
    return QString();
}

QString mergeCoderProject(ProjectSession &session, QWidget *dialogParent, const QString &otherPath, MergeReport *report)
{
    return ProjectJobs(session, dialogParent).mergeCoderProject(otherPath, report).message;
}

} // namespace Quire
