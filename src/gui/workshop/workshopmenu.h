// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QMenuBar;
class QWidget;

namespace Quire {

class ProjectSession;
class WorkbenchShell;

/// Adds the "Workshop" menu (themes, workshop grid, root-cause graph, success and solutions, investment grid,
/// action plan).
void addWorkshopMenu(QMenuBar *bar, ProjectSession &session, WorkbenchShell &shell);

/// Writes the workshop report (src/render/wtfcreport.h) to `path`: Markdown
/// (and NAME.graph.svg beside it), HTML, .docx or PDF by the suffix. All the
/// files or none (QSaveFile). Returns an empty string, or the error message.
QString exportWorkshopReport(ProjectSession &session, const QString &path);
/// Opens (or raises) the WTfC view \a name ("wtfc-themes", "wtfc-theme-grid" (the workshop
/// grid), "wtfc-graph", "wtfc-solutions", "wtfc-grid" (the investment grid), "wtfc-actions")
/// as a tab; nullptr for an unknown name.
QWidget *openWtfcView(ProjectSession &session, WorkbenchShell &shell, const QString &name);

} // namespace Quire
