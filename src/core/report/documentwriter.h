// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace Quire::Doc {

/// A picture as each format can hold it; the writer uses its own part and,
/// without one, says `missing` in a paragraph.
struct Picture
{
    QString alt;      ///< what the picture shows (alt text, Word's description)
    QString link;     ///< Markdown: a file beside the document
    QByteArray svg;   ///< HTML: drawn inline
    QString name;     ///< HTML instead of svg: <img src="name"> (QTextDocument resources)
    int width = 0;    ///< … this many CSS pixels wide
    QByteArray png;   ///< .docx: the picture, fitted into the text width
    int pngWidth = 0; ///< in pixels
    int pngHeight = 0;
    QString missing; ///< said instead when the format's part is empty
};

/// What a paragraph is; each format gives it its own look (a Word or
/// OpenDocument paragraph style of the same name, an HTML class).
enum class Style {
    Body,        ///< plain text
    Note,        ///< small grey text under a title (counts, notes on the export)
    Quote,       ///< a participant's words, indented and italic
    Citation,    ///< the line under a quote, set to the right
    Memo,        ///< a researcher's memo under a quote, small and grey
    Description, ///< a code's description, italic
};

/// A table: a header row that repeats on each page, body rows, and what each
/// column holds. Every cell has borders; column widths fit the content
/// (columnWidths).
struct Table
{
    struct Row
    {
        QStringList cells;
        int depth = 0; ///< with `tree`: the first cell is indented by this
    };
    QStringList header;
    std::vector<Row> rows;
    /// Per column: holds numbers, set to the right. Empty: a column is
    /// numeric when every cell in it under the header is a number or empty.
    std::vector<bool> numeric;
    /// The first column is a tree (themes, subthemes, codes): indented by
    /// the row's depth, a top-level row's name in bold.
    bool tree = false;

    /// numeric, or found from the cells when empty.
    std::vector<bool> numericColumns() const;
};

/// The widths of a table's columns, summing to `textWidth` (any unit):
/// a column of numbers or short words gets what its longest cell (and the
/// longest word of its header) needs, the columns of text share the rest,
/// alike unless one holds much less text than the others. `charWidth` is a
/// character's mean width in the same unit.
QUIRECORE_EXPORT std::vector<double> columnWidths(const Table &table, double textWidth, double charWidth);

/// A simple document — headings, styled paragraphs, bulleted lists, tables
/// with a header row, pictures — written as Markdown, HTML, Word (.docx) or
/// OpenDocument text (.odt, pictures not embedded). Text is escaped for
/// each format; a "\n" in a cell or paragraph is a line break. Every report
/// and export that writes .docx or .odt goes through this one writer.
class QUIRECORE_EXPORT Writer
{
public:
    virtual ~Writer();
    virtual void heading(int level, const QString &text) = 0; ///< levels 1–4
    virtual void paragraph(const QString &text, Style style) = 0;
    void paragraph(const QString &text) { paragraph(text, Style::Body); }
    virtual void list(const QStringList &items) = 0;
    virtual void table(const Table &table) = 0;
    /// A table of text: numeric columns found from the cells.
    void table(const QStringList &header, const QList<QStringList> &rows);
    virtual void picture(const Picture &picture) = 0;
    /// The document: UTF-8 text (Markdown, HTML) or the .docx package. Once.
    virtual QByteArray finish() = 0;
};

/// A writer for "md", "html" or "docx" (throws Error naming `fileName` for
/// another). `title` is the HTML page title.
QUIRECORE_EXPORT std::unique_ptr<Writer> makeWriter(const QString &format, const QString &title,
                                                    const QString &fileName);
/// An OpenDocument text writer (.odt): tables with fixed widths and thin
/// borders; a picture is not embedded, its `missing` text is said instead,
/// so the reports that carry pictures keep to makeWriter's formats.
QUIRECORE_EXPORT std::unique_ptr<Writer> makeOdtWriter(const QString &title, const QString &fileName);

} // namespace Quire::Doc
