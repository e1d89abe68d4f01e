// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "model/types.h"

#include <optional>
#include <QString>
#include <QStringList>
#include <vector>

namespace Quire {

class Project;

/// One row of a theme table: a code at one place in the tree.
struct ThemeRow
{
    Id codeId = 0;
    QString path; ///< Theme/Subtheme/Code
    QString name;
    int depth = 0; ///< 0 for a theme
    QString description;
    QString color; ///< #RRGGBB, or empty
    /// Counts over the code and everything below it (distinct segments, documents, cases).
    qsizetype segments = 0;
    qsizetype documents = 0;
    qsizetype cases = 0;
    /// Segments per value of the --by attribute, in ThemeReport::byValues order.
    std::vector<qsizetype> byValue;
};

/// A coded passage as it is quoted: the exact stored text of its span.
struct Quote
{
    Id segmentId = 0;
    QString codePath;
    QString document;
    QString caseName;
    qsizetype start = 0;
    qsizetype end = 0;
    /// What the export shows: the editorial version when there is one (and
    /// cut to --max-length), else the stored span.
    QString text;
    QString citation;
    QString memo;
    /// The stored span exactly (after redaction, like text): the source the
    /// editorial version is checked against.
    QString original;
    /// text differs from original by declared editorial marks (cuts, [insertions]).
    bool edited = false;
    bool starred = false;
    std::optional<qint64> rank; ///< the chosen order, with a star
    /// The turn's speaker, with ReportOptions::speakerLabel; shown as "SPEAKER: " before the text.
    QString speaker;
    /// "p. 3" or "00:12:05", with ReportOptions::locator.
    QString locator;
};

enum class QuoteOrder { Document, Chosen, Starred };
enum class QuoteLocator { None, Page, Time };

struct ReportOptions
{
    /// Split counts into columns by this case (or, failing that, document) attribute.
    /// The columns follow a choice attribute's choices (every choice, used or not),
    /// then other values sorted, then "(none)"; other attributes' values sorted.
    QString byAttribute;
    /// These --by values first, in this order (the rest after, as above).
    QStringList byOrder;
    /// Matrix cells: this mark where a code has segments (empty: "✓"); "count" writes the count.
    QString matrixMark;
    /// The first column's header of the theme table and matrix (empty: "Theme / subtheme / code").
    QString rowHeader;
    /// Fields in braces: {document}, {case}, {code}, {start}, {end}, or any case or document attribute.
    QString citationTemplate = QStringLiteral("({document})");
    /// Only these subtrees (paths); empty for all.
    QStringList codePaths;
    /// At most this many quotes per code (0: all): starred first, then in document order.
    int maxQuotes = 0;
    QuoteOrder order = QuoteOrder::Document;
    /// Only starred quotes (the counts of the theme table still cover every segment).
    bool starredOnly = false;
    /// Quotes longer than this many code points are cut at a word boundary with "..." (0: no limit; else at least 4).
    int maxLength = 0;
    bool speakerLabel = false;
    QuoteLocator locator = QuoteLocator::None;
    /// Show segment memos (the segment's memo and memos attached to it) under each quote.
    bool includeMemos = false;
    /// Put the time of the export in the note line; off for reproducible files.
    bool timestamp = true;
};

struct ThemeReport
{
    QString projectName;
    QString generated;
    QString byAttribute;
    QStringList byValues;
    QString matrixMark; ///< ReportOptions::matrixMark
    QString rowHeader;  ///< ReportOptions::rowHeader
    std::vector<ThemeRow> rows;
    /// Quotes per row index: quotes[i] are coded directly with rows[i]'s code, in document order.
    std::vector<std::vector<Quote>> quotes;
    /// What exporters write (see report/exportlayout.h): empty for the theme table
    /// followed by the quotes, or "theme-table", "quotes", "matrix", "codebook".
    QString layout;
    /// Lines an exporter prints under the title, e.g. what was redacted.
    QStringList notes;
    /// Text formats show each quote's memo under it (CSV and XLSX always have a memo column).
    bool showMemos = false;
};

/// Builds the report from the project; throws Error for an unknown attribute,
/// code path or template field.
QUIRECORE_EXPORT ThemeReport buildThemeReport(const Project &project, const ReportOptions &options);

} // namespace Quire
