// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QString>
#include <QStringList>

class QMainWindow;

namespace Quire {

class ProjectSession;
class WorkbenchShell;

/// What staging a picture needs of the main window beyond its panes (found
/// by type): the session, the shell, choosing a code and a segment, the
/// centre tab and the palette. The main window implements it.
class ScreenshotWindow
{
public:
    virtual QMainWindow *mainWindow() = 0;
    virtual ProjectSession &session() const = 0;
    virtual WorkbenchShell &shell() = 0;
    virtual void selectCode(Id codeId) = 0;
    virtual void selectSegment(Id segmentId) = 0;
    /// The document view (0) or the theme board (1).
    virtual void showCentralTab(int index) = 0;
    virtual bool darkPalette() const = 0;
    virtual void setDarkPalette(bool on) = 0;

protected:
    ~ScreenshotWindow() = default;
};

/// Offscreen pictures of the workbench, for the docs, the tests and machines
/// without a display.
namespace Screenshots {

/// Every view that can be rendered: "main" (the whole window), "document"
/// (the document view with its gutter), "codes" (the code tree), "search"
/// (the search pane with the hits of a sample query), "board" (the theme
/// board), "quotes" (the quote basket), "history" (the window with the
/// history dock raised), "dark" (the window in the dark
/// palette), "rtl" (a right-to-left document, see makeRtlProject), "memos"
/// (the window with the memo manager raised), "code-menu" (the window
/// with the code tree's context menu open on the current code) and
/// "export" (the export dialog over the window at 1366×768).
QStringList viewNames();
/// The analysis and WTfC views ("crosstab", "agreement", "frequencies",
/// "wtfc-themes", "wtfc-graph", "wtfc-solutions", "wtfc-grid", "wtfc-actions"): each opens as a
/// centre tab (analysis/analysismenu.h, workshop/workshopmenu.h) and is pictured with the docks hidden.
QStringList insightViews();
/// The views written when there is no display (those of the opened project).
QStringList mainViews();

/// Shows the document with the most segments, selects its first segment and
/// that segment's code, so a picture shows highlights, counts and a memo.
void stage(ScreenshotWindow &window);

/// Creates (in \a folder) a small project with an invented Hebrew and Arabic
/// transcript whose coded spans are right-to-left and mixed; returns its path
/// or throws Quire::Error.
QString makeRtlProject(const QString &folder);

/// Renders \a view of \a window (shown, laid out) into a PNG at \a file.
/// Returns an empty string on success, else a one-sentence error.
QString save(ScreenshotWindow &window, const QString &view, const QString &file);

} // namespace Screenshots
} // namespace Quire
