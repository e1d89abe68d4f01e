// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>
#include <vector>

namespace Quire::Doc {
class Writer;
}

namespace Quire::Analysis {

/// A plain table of text cells: what every analysis hands to the CLI, to CSV
/// and to a view. Numbers are already formatted (invariant locale, '.').
struct QUIRECORE_EXPORT AnalysisTable
{
    QString title;
    QStringList header;
    std::vector<QStringList> rows;

    /// RFC 4180 CSV with a header row, LF line ends, UTF-8; fields by
    /// csvField (io/csvwriter.h), so a cell that a spreadsheet would run as a
    /// formula gets a leading apostrophe.
    QByteArray toCsv() const;
    /// Writes toCsv() to `path`; throws Error naming the file if it cannot.
    void writeCsv(const QString &path) const;
    /// Tab-separated lines for a terminal, columns padded to equal width.
    QString toText() const;
    /// One JSON object per row, keyed by the header.
    QJsonArray toJson() const;
};

/// Writes the tables as one .xlsx workbook, a worksheet per table (named
/// after its title), numbers as numbers; throws Error naming the file.
QUIRECORE_EXPORT void writeXlsx(const QString &path, const std::vector<AnalysisTable> &tables);

/// The tables as a document for a report or an appendix: "md", "html" or
/// "docx" bytes (report/documentwriter.h) with `title` as the first heading,
/// a line naming the project, and each table under its own title. Throws
/// Error naming `fileName` for another format.
QUIRECORE_EXPORT QByteArray tablesDocument(const QString &format, const QString &title, const QString &projectName,
                                           const std::vector<AnalysisTable> &tables, const QString &fileName);

/// The same into a writer of the caller's choice (e.g. Doc::makeOdtWriter); finishes it.
QUIRECORE_EXPORT QByteArray tablesDocument(Doc::Writer &writer, const QString &title, const QString &projectName,
                                           const std::vector<AnalysisTable> &tables);

/// A coefficient as text: three decimals, or "n/a" when it is undefined.
QUIRECORE_EXPORT QString formatNumber(double value, int decimals = 3);

} // namespace Quire::Analysis
