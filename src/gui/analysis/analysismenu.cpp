// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/analysismenu.h"

#include "analysis/agreementview.h"
#include "analysis/analysisoperations.h"
#include "analysis/analysisviewsupport.h"
#include "analysis/cooccurrenceview.h"
#include "analysis/crosstabview.h"
#include "analysis/frequencyview.h"
#include "backgroundjob.h"
#include "jobs/projectjobs.h"
#include "projectsession.h"
#include "workbenchshell.h"

#include "error.h"
#include "model/project.h"
#include "tablesfile.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

#include <algorithm>
#include <set>

namespace Quire {

using namespace Quire::Analysis;

QWidget *openAnalysisView(ProjectSession &session, WorkbenchShell &shell, const QString &name)
{
    if (name == QLatin1String("cooccurrence"))
        return shell.openTab(QStringLiteral("cooccurrenceView"), CooccurrenceView::tr("Co-occurrence"),
                             [&] { return new CooccurrenceView(session); });
    if (name == QLatin1String("crosstab"))
        return shell.openTab(QStringLiteral("crosstabView"), CrosstabView::tr("Crosstab"),
                             [&] { return new CrosstabView(session); });
    if (name == QLatin1String("agreement"))
        return shell.openTab(QStringLiteral("agreementView"), AgreementView::tr("Agreement"),
                             [&] { return new AgreementView(session); });
    if (name == QLatin1String("frequencies"))
        return shell.openTab(QStringLiteral("frequencyView"), FrequencyView::tr("Frequencies"),
                             [&] { return new FrequencyView(session); });
    return nullptr;
}

void addAnalysisMenu(QMenuBar *bar, ProjectSession &session, WorkbenchShell &shell)
{
    QMenu *menu = bar->addMenu(CrosstabView::tr("&Analysis"));
    menu->setObjectName(QStringLiteral("analysisMenu"));
    QWidget *w = shell.shellWidget();
    ProjectSession *s = &session;
    WorkbenchShell *sh = &shell;
    auto open = [s, sh](const QString &name) { return [s, sh, name] { openAnalysisView(*s, *sh, name); }; };
    menu->addAction(CrosstabView::tr("&Crosstab (codes × attribute)"), w, open(QStringLiteral("crosstab")));
    menu->addAction(CrosstabView::tr("&Agreement between coders"), w, open(QStringLiteral("agreement")));
    menu->addAction(CrosstabView::tr("&Frequencies"), w, open(QStringLiteral("frequencies")));
    menu->addAction(CrosstabView::tr("C&o-occurrence of codes"), w, open(QStringLiteral("cooccurrence")));
    QMenu *team = menu->addMenu(CrosstabView::tr("&Team coding"));
    team->addAction(CrosstabView::tr("&Copy for another coder…"), w, [w, s] {
        if (!s->project())
            return;
        QString target = QFileDialog::getSaveFileName(w, CrosstabView::tr("Copy for another coder"), QString(),
                                                      CrosstabView::tr("Quire projects (*.quire)"));
        if (target.isEmpty())
            return;
        if (QFileInfo(target).suffix().isEmpty())
            target += QStringLiteral(".quire");
        const QString error = copyProjectForCoder(*s, target, false);
        if (!error.isEmpty())
            QMessageBox::warning(w, CrosstabView::tr("Copy for another coder"), error);
        else
            QMessageBox::information(
                w, CrosstabView::tr("Copy for another coder"),
                CrosstabView::tr("Wrote %1: the documents, cases and codebook without any coding. The other "
                                 "coder codes it on their own; Analysis ▸ Team coding ▸ Merge brings the work back.")
                    .arg(QFileInfo(target).fileName()));
    });
    team->addAction(CrosstabView::tr("&Merge another coder's project…"), w, [w, s] {
        if (!s->project())
            return;
        const QString other = QFileDialog::getOpenFileName(w, CrosstabView::tr("Merge another coder's project"),
                                                           QString(), CrosstabView::tr("Quire projects (*.quire)"));
        if (other.isEmpty())
            return;
        MergeReport r;
        const QString error = mergeCoderProject(*s, w, other, &r);
        if (!error.isEmpty()) {
            QMessageBox::warning(w, CrosstabView::tr("Merge"), error);
            return;
        }
        QMessageBox box(
            QMessageBox::Information, CrosstabView::tr("Merge"),
            CrosstabView::tr(
                "Merged %1: %2 documents matched, %3 copied; %4 codes matched, %5 added; %6 segments added, "
                "%7 already present, %8 skipped. Edit ▸ Undo takes the whole merge back.")
                .arg(r.other)
                .arg(r.documentsMatched)
                .arg(r.documentsCopied)
                .arg(r.codesMatched)
                .arg(r.codesAdded)
                .arg(r.segmentsAdded)
                .arg(r.segmentsAlreadyPresent)
                .arg(r.segmentsSkipped),
            QMessageBox::Ok, w);
        if (!r.issues.empty())
            box.setDetailedText(r.issueTable().toText());
        box.exec();
    });
}

} // namespace Quire
