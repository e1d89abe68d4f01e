// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "analysis/table.h"
#include "model/types.h"

#include <optional>
#include <QString>
#include <QStringList>
#include <vector>

namespace Quire {
class Project;
}

namespace Quire::Analysis {

/// What a crosstab cell counts (docs/analysis.md).
enum class CountUnit { Segments, Documents, Cases };
QUIRECORE_EXPORT QString toString(CountUnit unit);
/// "segments", "documents" or "cases"; throws Error otherwise.
QUIRECORE_EXPORT CountUnit countUnitFromString(const QString &name);

/// What the columns are.
enum class ColumnKind { Attribute, Document, Case };

struct CrosstabOptions
{
    ColumnKind columns = ColumnKind::Attribute;
    /// For ColumnKind::Attribute: a case attribute, else a document attribute
    /// (a segment takes its case's value, falling back to its document's, as
    /// the theme table does).
    QString attribute;
    CountUnit unit = CountUnit::Segments;
    /// Row codes; empty: every code in tree order.
    QStringList codePaths;
    /// Count a code together with everything below it (as the theme table does).
    bool includeSubcodes = true;
    /// Only this coder's segments; empty: everyone's.
    QString coder;
};

/// A code × attribute (or × document, × case) table. Segments of cases that
/// are left out of counts (a facilitator) are not counted. Every total is a
/// count of distinct segments, documents or cases, so a segment coded with
/// two row codes counts once in a column total.
struct QUIRECORE_EXPORT Crosstab
{
    QString attribute; ///< the attribute, or "document" / "case"
    CountUnit unit = CountUnit::Segments;
    QStringList columns;       ///< attribute values ("(none)" for no value), document or case names
    std::vector<Id> columnIds; ///< document or case ids (empty for attributes)
    struct Row
    {
        Id codeId = 0;
        QString path;
        std::vector<qint64> cells;
        qint64 total = 0; ///< distinct over all columns
    };
    std::vector<Row> rows;
    std::vector<qint64> columnTotals; ///< distinct units in the column coded with any row code
    qint64 grandTotal = 0;

    /// cell / row total (0 when the row is empty), as a fraction.
    double rowFraction(std::size_t row, std::size_t column) const;
    /// cell / column total (0 when the column is empty), as a fraction.
    double columnFraction(std::size_t row, std::size_t column) const;

    enum class Cells { Counts, RowPercent, ColumnPercent };
    AnalysisTable table(Cells cells = Cells::Counts) const;
};

/// Throws Error for an unknown attribute, code or coder.
QUIRECORE_EXPORT Crosstab computeCrosstab(Project &project, const CrosstabOptions &options);

} // namespace Quire::Analysis
