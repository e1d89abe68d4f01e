// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QMenuBar;
class QWidget;

namespace Quire {

class ProjectSession;
class WorkbenchShell;

/// Adds the "Workshop" menu (root-cause graph, success and solutions, grid, action plan).
void addWorkshopMenu(QMenuBar *bar, ProjectSession &session, WorkbenchShell &shell);

/// Writes the workshop report (src/render/wtfcreport.h) to `path`: Markdown
/// (and NAME.graph.svg beside it), HTML, .docx or PDF by the suffix. All the
/// files or none (QSaveFile). Returns an empty string, or the error message.
QString exportWorkshopReport(ProjectSession &session, const QString &path);
/// Opens (or raises) the WTfC view \a name ("wtfc-themes", "wtfc-graph", "wtfc-solutions",
/// "wtfc-grid", "wtfc-actions") as a tab; nullptr for an unknown name.
QWidget *openWtfcView(ProjectSession &session, WorkbenchShell &shell, const QString &name);

} // namespace Quire
