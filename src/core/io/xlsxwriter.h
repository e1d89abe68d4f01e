// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QByteArray>
#include <QString>
#include <utility>
#include <vector>

namespace Quire {

/// A workbook as Quire writes .xlsx: sheets of text and number cells with a
/// few styles. Every .xlsx export (theme reports, analysis tables, the
/// workshop grid) is written by writeXlsx.
struct XlsxWorkbook
{
    enum class Style {
        Plain,  ///< no format
        Top,    ///< aligned to the top of the row
        Wrap,   ///< aligned to the top, text wrapped
        Header, ///< bold on grey, thin border
        Name,   ///< indented by `depth`, bold at depth 0 (a theme)
    };
    struct Cell
    {
        QString text;
        double number = 0;
        bool isNumber = false;
        Style style = Style::Plain;
        int depth = 0; ///< for Style::Name, 0–5

        static Cell textCell(const QString &text, Style style = Style::Plain, int depth = 0)
        {
            return {text, 0, false, style, depth};
        }
        static Cell numberCell(double number, Style style = Style::Plain)
        {
            return {QString(), number, true, style, 0};
        }
    };
    struct Sheet
    {
        QString name; ///< at most 31 characters, none of []:*?/\, unique in the workbook
        std::vector<std::vector<Cell>> rows;
        std::vector<std::pair<int, double>> columnWidths; ///< column and width in characters
        bool freezeHeader = false;                        ///< the first row stays in view
    };
    QString title; ///< the document property, if any
    std::vector<Sheet> sheets;
};

/// The workbook as .xlsx bytes (libxlsxwriter): text is always a string cell,
/// never a formula; empty text cells are left out; the creation time is fixed,
/// so equal workbooks give equal bytes. Throws Error naming `what` ("the Excel
/// export", a file name), e.g. for a text longer than the 32,767 characters an
/// Excel cell holds.
QUIRECORE_EXPORT QByteArray writeXlsx(const XlsxWorkbook &book, const QString &what);

} // namespace Quire
