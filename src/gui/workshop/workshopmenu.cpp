// SPDX-License-Identifier: GPL-3.0-or-later
#include "workshop/workshopmenu.h"

#include "analysis/analysisoperations.h"
#include "projectsession.h"
#include "workbenchshell.h"
#include "workshop/workshopgridview.h"
#include "workshop/wtfcactionsview.h"
#include "workshop/wtfcgraphview.h"
#include "workshop/wtfcgridview.h"
#include "workshop/wtfcsolutionsview.h"
#include "workshop/wtfcthemesview.h"

#include "error.h"
#include "model/project.h"
#include "wtfc/graphexport.h"
#include "wtfcreport.h"

#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMouseEvent>
#include <QSaveFile>

#ifdef QUIRE_HAVE_SVG
#endif

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

namespace Quire {

using namespace Quire::Wtfc;

// ---- opening -------------------------------------------------------------------

QWidget *openWtfcView(ProjectSession &session, WorkbenchShell &shell, const QString &name)
{
    if (name == QLatin1String("wtfc-themes"))
        return shell.openTab(QStringLiteral("wtfcThemesView"), WtfcThemesView::tr("Themes and votes"),
                             [&] { return new WtfcThemesView(session); });
    if (name == QLatin1String("wtfc-graph"))
        return shell.openTab(QStringLiteral("wtfcGraphView"), WtfcGraphView::tr("Root causes"),
                             [&] { return new WtfcGraphView(session); });
    if (name == QLatin1String("wtfc-solutions"))
        return shell.openTab(QStringLiteral("wtfcSolutionsView"), WtfcSolutionsView::tr("Success and solutions"),
                             [&] { return new WtfcSolutionsView(session); });
    if (name == QLatin1String("wtfc-grid"))
        return shell.openTab(QStringLiteral("wtfcGridView"), WtfcGridView::tr("Investment grid"),
                             [&] { return new WtfcGridView(session); });
    if (name == QLatin1String("wtfc-theme-grid"))
        return shell.openTab(QStringLiteral("workshopGridView"), WorkshopGridView::tr("Workshop grid"),
                             [&] { return new WorkshopGridView(session); });
    if (name == QLatin1String("wtfc-actions"))
        return shell.openTab(QStringLiteral("wtfcActionsView"), WtfcActionsView::tr("Action plan"),
                             [&] { return new WtfcActionsView(session); });
    return nullptr;
}

QString exportWorkshopReport(ProjectSession &session, const QString &path)
{
    Project *project = session.project();
    if (!project)
        return ProjectSession::tr("Open a project first.");
    const QString format = QFileInfo(path).suffix().toLower();
    if (!QStringList{QStringLiteral("md"), QStringLiteral("html"), QStringLiteral("docx"), QStringLiteral("pdf")}
             .contains(format))
        return ProjectSession::tr("%1: a workshop report is .md, .html, .docx or .pdf").arg(QFileInfo(path).fileName());
    try {
        const Snapshot snap = Workshop(*project).snapshot();
        const std::vector<Render::ReportFile> files = Render::workshopReport(snap, analyse(snap), format, path);
        // Every file written in full before any replaces what was there.
        std::vector<std::unique_ptr<QSaveFile>> out;
        for (const Render::ReportFile &f : files) {
            auto file = std::make_unique<QSaveFile>(f.path);
            if (!file->open(QIODevice::WriteOnly) || file->write(f.bytes) != f.bytes.size())
                return ProjectSession::tr("%1: cannot write: %2")
                    .arg(QFileInfo(f.path).fileName(), file->errorString());
            out.push_back(std::move(file));
        }
        for (const auto &file : out) {
            if (!file->commit())
                return ProjectSession::tr("%1: cannot write: %2")
                    .arg(QFileInfo(file->fileName()).fileName(), file->errorString());
        }
    } catch (const Error &e) {
        return e.message();
    }
    return QString();
}

void addWorkshopMenu(QMenuBar *bar, ProjectSession &session, WorkbenchShell &shell)
{
    QMenu *menu = bar->addMenu(WtfcThemesView::tr("&Workshop"));
    menu->setObjectName(QStringLiteral("workshopMenu"));
    QWidget *w = shell.shellWidget();
    ProjectSession *s = &session;
    WorkbenchShell *sh = &shell;
    auto open = [s, sh](const QString &name) { return [s, sh, name] { openWtfcView(*s, *sh, name); }; };
    menu->addAction(WtfcThemesView::tr("&Themes and votes"), w, open(QStringLiteral("wtfc-themes")));
    menu->addAction(WtfcThemesView::tr("Workshop gri&d (themes × areas, top notes)"), w,
                    open(QStringLiteral("wtfc-theme-grid")));
    menu->addAction(WtfcThemesView::tr("&Root-cause graph"), w, open(QStringLiteral("wtfc-graph")));
    menu->addAction(WtfcThemesView::tr("&Success statements and solutions"), w, open(QStringLiteral("wtfc-solutions")));
    menu->addAction(WtfcThemesView::tr("Investment &grid"), w, open(QStringLiteral("wtfc-grid")));
    menu->addAction(WtfcThemesView::tr("&Action plan"), w, open(QStringLiteral("wtfc-actions")));
    menu->addSeparator();
    QAction *exportReport = menu->addAction(WtfcThemesView::tr("&Export workshop report…"), w, [w, s] {
        if (!s->project())
            return;
        exportWithDialog(w, WtfcThemesView::tr("Export workshop report"),
                         WtfcThemesView::tr("Word (*.docx);;PDF (*.pdf);;HTML (*.html);;Markdown (*.md)"),
                         [s](const QString &path) { return exportWorkshopReport(*s, path); });
    });
    exportReport->setObjectName(QStringLiteral("exportWorkshopReport"));
}

} // namespace Quire
