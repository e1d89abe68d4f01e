// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the CSV reader and the statement-sheet mapping: any
// input must either parse or throw Quire::Error, never crash, hang or leak.
#include "error.h"
#include "formats/csvreader.h"
#include "formats/table.h"

#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The first byte chooses the delimiter and the sheet mode, so that every
    // path is reachable from the corpus; the rest is the file's text.
    if (size == 0)
        return 0;
    const uint8_t control = data[0];
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    static const QChar delimiters[] = {QChar(), QLatin1Char(','), QLatin1Char(';'), QLatin1Char('\t')};
    try {
        const Quire::Table table = Quire::parseCsv(text, QStringLiteral("fuzz.csv"), delimiters[control & 3]);
        // What the reader promises: every row is as wide as the header.
        for (const auto &row : table.rows) {
            if (row.cells.size() != table.header.size())
                __builtin_trap();
        }
        Quire::ImportOptions options;
        if (control & 4)
            options.settings.insert(QStringLiteral("mode"), QStringLiteral("survey"));
        if (control & 8)
            options.settings.insert(QStringLiteral("taken-forward-ranks"), QStringLiteral("1,3"));
        const auto docs = Quire::sheetDocuments(table, QStringLiteral("fuzz.csv"), options);
        for (const auto &d : docs) {
            if (d.text.trimmed().isEmpty() || d.name.isEmpty())
                __builtin_trap();
        }
    } catch (const Quire::Error &) {
        // Refusing bad input with a message is the expected outcome.
    }
    return 0;
}
