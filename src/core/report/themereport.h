// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "model/types.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace Quire {

class Project;

/// One row of a theme table: a code at one place in the tree.
struct ThemeRow
{
    Id codeId = 0;
    QString path;  ///< Theme/Subtheme/Code
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
    QString text;
    QString citation;
    QString memo;
};

struct ReportOptions
{
    /// Split counts into columns by this case (or, failing that, document) attribute.
    QString byAttribute;
    /// Fields in braces: {document}, {case}, {code}, {start}, {end}, or any case or document attribute.
    QString citationTemplate = QStringLiteral("({document})");
    /// Only these subtrees (paths); empty for all.
    QStringList codePaths;
};

struct ThemeReport
{
    QString projectName;
    QString generated;
    QString byAttribute;
    QStringList byValues;
    std::vector<ThemeRow> rows;
    /// Quotes per row index: quotes[i] are coded directly with rows[i]'s code, in document order.
    std::vector<std::vector<Quote>> quotes;
    /// What exporters write (see report/exportlayout.h): empty for the theme table
    /// followed by the quotes, or "theme-table", "quotes", "matrix", "codebook".
    QString layout;
    /// Lines an exporter prints under the title, e.g. what was redacted.
    QStringList notes;
};

/// Builds the report from the project; throws Error for an unknown attribute,
/// code path or template field.
QUIRECORE_EXPORT ThemeReport buildThemeReport(const Project &project, const ReportOptions &options);

} // namespace Quire
