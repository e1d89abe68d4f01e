// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QMenuBar;
class QWidget;

namespace Quire {

class ProjectSession;
class WorkbenchShell;

/// Adds the "Analysis" menu (crosstab, agreement, frequencies, co-occurrence, team coding) to the window.
void addAnalysisMenu(QMenuBar *bar, ProjectSession &session, WorkbenchShell &shell);
/// Opens (or raises) the analysis view \a name ("crosstab", "agreement",
/// "frequencies", "cooccurrence") as a tab of the window's centre; nullptr for an unknown name.
QWidget *openAnalysisView(ProjectSession &session, WorkbenchShell &shell, const QString &name);

} // namespace Quire
