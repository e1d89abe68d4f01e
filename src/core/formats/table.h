// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "formats/importerinterface.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace Quire {

/// A rectangular sheet of text cells as read from CSV or one XLSX worksheet.
/// Rows keep the source's order; `sourceRow` is the 1-based row number in
/// the file (for error messages), header included.
struct Table
{
    QStringList header;
    struct Row
    {
        int sourceRow = 0;
        QStringList cells;
    };
    std::vector<Row> rows;
};

/// Turns a statement sheet into documents: one short document per statement
/// (mode "statements", the default) or one per non-empty free-text answer
/// (mode "survey"). Columns are found by `options.settings`
/// ("column.person", "column.area", "column.rank", "column.text",
/// "column.id"; "text-columns" for surveys, comma-separated) or by header
/// names (person/id/review, area, rank/priority, statement/text). Every other
/// column becomes a document attribute. Statements get `area`, `rank` and
/// `taken_forward` (true for ranks in "taken-forward-ranks", default "1,2").
/// Throws Error naming the file, the row and the column for bad input.
QUIRECORE_EXPORT std::vector<ImportedDocument> sheetDocuments(const Table &table, const QString &fileName,
                                                              const ImportOptions &options);

} // namespace Quire
