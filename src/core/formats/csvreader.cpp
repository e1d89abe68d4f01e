// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/csvreader.h"

#include "error.h"

#include <QFileInfo>

namespace Quire {

namespace {

const QChar Quote = QLatin1Char('"');
const QChar Lf = QLatin1Char('\n');
const QChar Cr = QLatin1Char('\r');

QString baseName(const QString &fileName)
{
    const QString name = QFileInfo(fileName).fileName();
    return name.isEmpty() ? fileName : name;
}

// The delimiter of the header line: the most frequent of ',', ';' and tab
// outside quotes; ',' wins ties and lines that have none of them.
QChar detectDelimiter(const QString &text, qsizetype from)
{
    qsizetype commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (qsizetype i = from; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == Quote) {
            quoted = !quoted; // a doubled quote toggles twice
        } else if (!quoted) {
            if (c == Lf || c == Cr)
                break;
            if (c == QLatin1Char(','))
                ++commas;
            else if (c == QLatin1Char(';'))
                ++semicolons;
            else if (c == QLatin1Char('\t'))
                ++tabs;
        }
    }
    if (semicolons > commas && semicolons >= tabs)
        return QLatin1Char(';');
    if (tabs > commas && tabs > semicolons)
        return QLatin1Char('\t');
    return QLatin1Char(',');
}

bool allEmpty(const QStringList &cells)
{
    for (const QString &c : cells) {
        if (!c.isEmpty())
            return false;
    }
    return true;
}

} // namespace

Table parseCsv(const QString &text, const QString &fileName, QChar delimiter)
{
    const QString file = baseName(fileName);
    if (delimiter == Quote || delimiter == Lf || delimiter == Cr)
        throw Error(QStringLiteral("%1: a quote or a line break cannot be the CSV delimiter").arg(file));
    // A BOM is not part of the first header name (the text decoder removes
    // it already; this covers text that did not go through it).
    const qsizetype begin = text.startsWith(QChar(0xFEFF)) ? 1 : 0;
    const QChar delim = delimiter.isNull() ? detectDelimiter(text, begin) : delimiter;

    Table table;
    bool haveHeader = false;
    QStringList cells;
    QString cell;
    int row = 1;        // record number, as a spreadsheet numbers its rows
    qsizetype line = 1; // physical line, for quotes that run on
    const qsizetype n = text.size();

    auto endRow = [&] {
        cells.append(cell);
        cell.clear();
        if (!allEmpty(cells)) {
            if (!haveHeader) {
                table.header = cells;
                haveHeader = true;
            } else if (cells.size() != table.header.size()) {
                throw Error(QStringLiteral("%1: row %2 has %3 cells but the header has %4")
                                .arg(file)
                                .arg(row)
                                .arg(cells.size())
                                .arg(table.header.size()));
            } else {
                table.rows.push_back(Table::Row{row, cells});
            }
        }
        cells.clear();
        ++row;
    };

    qsizetype i = begin;
    bool atFieldStart = true;
    bool pending = false; // characters seen since the last row ended
    while (i < n) {
        const QChar c = text.at(i);
        if (atFieldStart && c == Quote) {
            // A quoted field runs to the quote that is not doubled.
            const int startRow = row;
            const qsizetype startLine = line;
            ++i;
            bool closed = false;
            while (i < n) {
                const QChar q = text.at(i);
                if (q == Quote) {
                    if (i + 1 < n && text.at(i + 1) == Quote) {
                        cell.append(Quote);
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                if (q == Cr) {
                    // Line breaks inside a cell are stored as LF, like every stored text.
                    cell.append(Lf);
                    ++line;
                    i += (i + 1 < n && text.at(i + 1) == Lf) ? 2 : 1;
                    continue;
                }
                if (q == Lf)
                    ++line;
                cell.append(q);
                ++i;
            }
            if (!closed)
                throw Error(QStringLiteral("%1: row %2 has a quote that is never closed (it opens on line %3)")
                                .arg(file)
                                .arg(startRow)
                                .arg(startLine));
            if (i < n && text.at(i) != delim && text.at(i) != Lf && text.at(i) != Cr) {
                // Guessing here would change the author's words; say how to fix it.
                throw Error(QStringLiteral("%1: row %2 has text after a closing quote on line %3; "
                                           "a quote inside a quoted cell must be doubled (\"\")")
                                .arg(file)
                                .arg(startRow)
                                .arg(line));
            }
            atFieldStart = false;
            pending = true;
            continue;
        }
        if (c == delim) {
            cells.append(cell);
            cell.clear();
            atFieldStart = true;
            pending = true;
            ++i;
            continue;
        }
        if (c == Lf || c == Cr) {
            i += (c == Cr && i + 1 < n && text.at(i + 1) == Lf) ? 2 : 1;
            ++line;
            endRow();
            atFieldStart = true;
            pending = false;
            continue;
        }
        // Unquoted text is kept as written, spaces and stray quotes included.
        cell.append(c);
        atFieldStart = false;
        pending = true;
        ++i;
    }
    if (pending)
        endRow();
    if (!haveHeader)
        throw Error(QStringLiteral("%1: has no header row (the file holds no cells)").arg(file));
    return table;
}

} // namespace Quire
