// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "report/themereport.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace Quire {

namespace Doc {
class Writer;
}

/// The table an export shows, already laid out for the report's layout
/// (ThemeReport::layout), so that every format writes the same cells.
struct LayoutTable
{
    struct Row
    {
        int depth = 0;     ///< 0 for a theme; formats indent or style by it
        QStringList cells; ///< cells[0] is the code's own name, without indentation
    };
    QString title;
    QStringList header;
    std::vector<bool> numeric; ///< per column: holds a count
    std::vector<Row> rows;
};

/// The layouts exporters understand, for usage texts and errors.
QUIRECORE_EXPORT QStringList exportLayouts();
/// Throws Error for an unknown layout, or a matrix without --by columns.
QUIRECORE_EXPORT void checkLayout(const ThemeReport &report);
QUIRECORE_EXPORT bool layoutHasTable(const ThemeReport &report);
QUIRECORE_EXPORT bool layoutHasQuotes(const ThemeReport &report);
QUIRECORE_EXPORT LayoutTable layoutTable(const ThemeReport &report);

/// "Theme / Subtheme / Code" for a row's heading in the quote appendix.
QUIRECORE_EXPORT QString quoteHeading(const ThemeRow &row);
/// The heading level (1-based) of a row in the quote appendix: 2 for a theme, at most 4.
QUIRECORE_EXPORT int quoteHeadingLevel(const ThemeRow &row);
/// One line about the project and the counts, for under the title.
QUIRECORE_EXPORT QString reportSummary(const ThemeReport &report);
/// The quote as text formats show it: "SPEAKER: " (with --speaker-label) and the quote's text.
QUIRECORE_EXPORT QString quoteDisplayText(const Quote &quote);
/// The line under a quote: the citation, then " · LOCATOR" and " · edited" when
/// the text is an editorial version (cuts and [insertions]) of the stored span.
QUIRECORE_EXPORT QString quoteCitationLine(const Quote &quote);

/// The report as a document — the layout's table (a tree of themes, counts
/// set to the right), then the quotes with their citations and memos —
/// into `writer`, which the caller finishes. The .docx and .odt exporters
/// are this and Doc::makeWriter / Doc::makeOdtWriter.
QUIRECORE_EXPORT void writeReportDocument(Doc::Writer &writer, const ThemeReport &report);

} // namespace Quire
