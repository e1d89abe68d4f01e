// SPDX-License-Identifier: GPL-3.0-or-later
#include "xlsxplugin.h"

#include "error.h"
#include "io/xlsxwriter.h"
#include "report/exportlayout.h"

namespace Quire::Xlsx {

namespace {

using Cell = XlsxWorkbook::Cell;
using Style = XlsxWorkbook::Style;

/// A text cell aligned to the top of its row; empty cells are left out.
Cell text(const QString &value, Style style = Style::Top)
{
    return Cell::textCell(value, style);
}

std::vector<Cell> headerRow(const QStringList &header)
{
    std::vector<Cell> row;
    for (const QString &h : header)
        row.push_back(text(h, Style::Header));
    return row;
}

} // namespace

void XlsxPlugin::write(const ThemeReport &report, QIODevice &out) const
{
    checkLayout(report);
    XlsxWorkbook book;
    book.title = QStringLiteral("Quire theme report");
    if (layoutHasTable(report)) {
        const LayoutTable t = layoutTable(report);
        XlsxWorkbook::Sheet &s = book.sheets.emplace_back();
        s.name = report.layout == QLatin1String("codebook") ? QStringLiteral("Codebook")
                 : report.layout == QLatin1String("matrix") ? QStringLiteral("Matrix")
                                                            : QStringLiteral("Themes");
        s.columnWidths = {{0, 40}};
        s.freezeHeader = true;
        s.rows.push_back(headerRow(t.header));
        for (const auto &row : t.rows) {
            std::vector<Cell> &cells = s.rows.emplace_back();
            for (qsizetype c = 0; c < row.cells.size(); ++c) {
                if (t.numeric[std::size_t(c)] && !row.cells[c].isEmpty())
                    cells.push_back(Cell::numberCell(row.cells[c].toDouble(), Style::Top));
                else if (c == 0)
                    cells.push_back(Cell::textCell(row.cells[c], Style::Name, row.depth));
                else
                    cells.push_back(text(row.cells[c]));
            }
        }
    }
    if (layoutHasQuotes(report)) {
        XlsxWorkbook::Sheet &s = book.sheets.emplace_back();
        s.name = QStringLiteral("Quotes");
        s.columnWidths = {{0, 30}, {6, 20}, {7, 80}, {8, 30}, {9, 80}};
        s.freezeHeader = true;
        s.rows.push_back(headerRow({QStringLiteral("Theme / subtheme / code"), QStringLiteral("Segment"),
                                    QStringLiteral("Document"), QStringLiteral("Case"), QStringLiteral("Start"),
                                    QStringLiteral("End"), QStringLiteral("Citation"), QStringLiteral("Quote"),
                                    QStringLiteral("Memo"), QStringLiteral("Original"), QStringLiteral("Edited"),
                                    QStringLiteral("Starred"), QStringLiteral("Speaker"), QStringLiteral("Locator")}));
        for (std::size_t i = 0; i < report.rows.size(); ++i) {
            for (const auto &q : report.quotes[i]) {
                s.rows.push_back({text(report.rows[i].path), Cell::numberCell(double(q.segmentId), Style::Top),
                                  text(q.document), text(q.caseName), Cell::numberCell(double(q.start), Style::Top),
                                  Cell::numberCell(double(q.end), Style::Top), text(q.citation),
                                  text(q.text, Style::Wrap), text(q.memo, Style::Wrap), text(q.original, Style::Wrap),
                                  text(q.edited ? QStringLiteral("yes") : QString()),
                                  text(q.starred ? QStringLiteral("yes") : QString()), text(q.speaker),
                                  text(q.locator)});
            }
        }
    }
    XlsxWorkbook::Sheet &notes = book.sheets.emplace_back();
    notes.name = QStringLiteral("Notes");
    notes.rows.push_back({text(reportSummary(report))});
    for (const auto &n : report.notes)
        notes.rows.push_back({text(n)});
    const QByteArray bytes = writeXlsx(book, QStringLiteral("the Excel export"));
    if (out.write(bytes) != bytes.size())
        throw Error(QStringLiteral("cannot write the Excel export: %1").arg(out.errorString()));
}

} // namespace Quire::Xlsx
