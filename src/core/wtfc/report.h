// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "wtfc/analysis.h"

#include <QByteArray>
#include <QString>

namespace Quire::Wtfc {

struct ReportOptions
{
    int sampleStatements = 3; ///< statements quoted under each theme
    /// Markdown: where the graph picture is, relative to the report (empty: no picture).
    QString svgLink;
    /// HTML: the SVG to embed (empty: a note says Graphviz was unavailable).
    QByteArray svg;
    /// HTML: instead of the SVG, an <img> of this name (the PDF report hands
    /// QTextDocument the picture under it), `pictureWidth` points wide.
    QString pictureName;
    int pictureWidth = 0;
    /// .docx: the graph as PNG bytes and its size in pixels, embedded in the
    /// page width (empty: the report says the picture is in the .svg).
    QByteArray png;
    int pngWidth = 0;
    int pngHeight = 0;
};

/// The WTfC report: themes per area with votes and sample statements,
/// I statements, the graph (picture and ranked causes), success statements
/// by perspective, solutions by kind, the grid, the action plan, and an
/// appendix tracing each action back to the statements and people.
/// Statements are quoted exactly as stored (Markdown escapes only).
QUIRECORE_EXPORT QString reportMarkdown(const Snapshot &workshop, const Analysis &analysis,
                                        const ReportOptions &options = {});
/// The same report as a Word document (.docx bytes), with the graph picture
/// of `options.png` if there is one. `fileName` names the target in error messages.
QUIRECORE_EXPORT QByteArray reportDocx(const Snapshot &workshop, const Analysis &analysis, const ReportOptions &options,
                                       const QString &fileName);
QUIRECORE_EXPORT QString reportHtml(const Snapshot &workshop, const Analysis &analysis,
                                    const ReportOptions &options = {});

} // namespace Quire::Wtfc
