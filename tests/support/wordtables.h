// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The tables of a WordprocessingML document part (word/document.xml), as a
// reader sees them: column grid, each row's header mark, each cell's width,
// drawn borders and text. For tests of the .docx writer's tables.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

#include <vector>

namespace QuireTest {

struct WordCell
{
    QString text;
    int width = 0;       ///< w:tcW, twips
    QStringList borders; ///< the sides of w:tcBorders drawn (w:val neither nil nor none)
};

struct WordRow
{
    bool header = false; ///< w:trPr/w:tblHeader: repeated at the top of each page
    std::vector<WordCell> cells;
};

struct WordTable
{
    std::vector<int> grid; ///< w:gridCol widths, twips
    std::vector<WordRow> rows;
};

/// Every top-level table of `documentXml`; `error` gets the parser's error, if any.
inline std::vector<WordTable> wordTables(const QByteArray &documentXml, QString *error = nullptr)
{
    std::vector<WordTable> tables;
    QXmlStreamReader x(documentXml);
    int depth = 0;
    bool inBorders = false;
    while (!x.atEnd()) {
        x.readNext();
        const auto n = x.name();
        if (x.isStartElement()) {
            if (n == QLatin1String("tbl")) {
                if (++depth == 1)
                    tables.emplace_back();
            }
            if (depth != 1)
                continue;
            WordTable &t = tables.back();
            if (n == QLatin1String("gridCol")) {
                t.grid.push_back(x.attributes().value(QStringLiteral("w:w")).toInt());
            } else if (n == QLatin1String("tr")) {
                t.rows.emplace_back();
            } else if (n == QLatin1String("tblHeader") && !t.rows.empty()) {
                t.rows.back().header = true;
            } else if (n == QLatin1String("tc")) {
                t.rows.back().cells.emplace_back();
            } else if (n == QLatin1String("tcW") && !t.rows.empty() && !t.rows.back().cells.empty()) {
                t.rows.back().cells.back().width = x.attributes().value(QStringLiteral("w:w")).toInt();
            } else if (n == QLatin1String("tcBorders")) {
                inBorders = true;
            } else if (inBorders) {
                const auto val = x.attributes().value(QStringLiteral("w:val"));
                if (val != QLatin1String("nil") && val != QLatin1String("none"))
                    t.rows.back().cells.back().borders << n.toString();
            } else if (n == QLatin1String("t") && !t.rows.empty() && !t.rows.back().cells.empty()) {
                t.rows.back().cells.back().text += x.readElementText();
            }
        } else if (x.isEndElement()) {
            if (n == QLatin1String("tbl"))
                --depth;
            else if (n == QLatin1String("tcBorders"))
                inBorders = false;
        }
    }
    if (error)
        *error = x.hasError() ? x.errorString() : QString();
    return tables;
}

/// The index of the first table whose header row's first cell reads `first`; -1: none.
inline int wordTableStarting(const std::vector<WordTable> &tables, const QString &first)
{
    for (std::size_t i = 0; i < tables.size(); ++i)
        if (!tables[i].rows.empty() && !tables[i].rows[0].cells.empty() && tables[i].rows[0].cells[0].text == first)
            return int(i);
    return -1;
}

} // namespace QuireTest
