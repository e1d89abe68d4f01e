// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/xlsxwriter.h"

#include "error.h"

#include <QFile>
#include <QTemporaryDir>
#include <xlsxwriter.h>

#include <algorithm>

namespace Quire {

namespace {

/// libxlsxwriter needs a file name: the workbook is assembled in a temporary
/// folder and read back.
class Book
{
public:
    Book(const QString &path, const QString &tmpdir, const QString &what)
        : m_path(path.toLocal8Bit())
        , m_tmpdir(tmpdir.toLocal8Bit())
        , m_what(what)
    {
        // Constant memory: rows go to disk as they are written, and strings
        // are stored inline in their sheet.
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;
        options.tmpdir = m_tmpdir.data();
        m_book = workbook_new_opt(m_path.constData(), &options);
        if (!m_book)
            throw Error(QStringLiteral("cannot write %1: libxlsxwriter could not start a workbook").arg(m_what));
        m_formats[int(XlsxWorkbook::Style::Plain)] = nullptr;
        lxw_format *top = workbook_add_format(m_book);
        format_set_align(top, LXW_ALIGN_VERTICAL_TOP);
        m_formats[int(XlsxWorkbook::Style::Top)] = top;
        lxw_format *wrap = workbook_add_format(m_book);
        format_set_text_wrap(wrap);
        format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
        m_formats[int(XlsxWorkbook::Style::Wrap)] = wrap;
        lxw_format *header = workbook_add_format(m_book);
        format_set_bold(header);
        format_set_bg_color(header, 0xE7E6E6);
        format_set_border(header, LXW_BORDER_THIN);
        m_formats[int(XlsxWorkbook::Style::Header)] = header;
        for (int d = 0; d < 6; ++d) {
            lxw_format *f = workbook_add_format(m_book);
            format_set_indent(f, uint8_t(d));
            if (d == 0)
                format_set_bold(f);
            m_indent[d] = f;
        }
    }
    ~Book()
    {
        if (m_book)
            workbook_close(m_book);
    }
    Book(const Book &) = delete;
    Book &operator=(const Book &) = delete;

    void properties(const QString &title)
    {
        // A fixed creation time: equal workbooks give equal files.
        const QByteArray t = title.toUtf8();
        lxw_doc_properties props{};
        if (!title.isEmpty())
            props.title = const_cast<char *>(t.constData());
        props.created = 1;
        check(workbook_set_properties(m_book, &props));
    }

    void sheet(const XlsxWorkbook::Sheet &sheet)
    {
        const QByteArray name = sheet.name.toUtf8();
        lxw_worksheet *s = workbook_add_worksheet(m_book, name.constData());
        if (!s)
            throw Error(QStringLiteral("cannot write %1: cannot add the sheet \"%2\"").arg(m_what, sheet.name));
        for (const auto &[column, width] : sheet.columnWidths)
            check(worksheet_set_column(s, lxw_col_t(column), lxw_col_t(column), width, nullptr));
        if (sheet.freezeHeader)
            worksheet_freeze_panes(s, 1, 0);
        for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
            const auto &cells = sheet.rows[r];
            for (std::size_t c = 0; c < cells.size(); ++c)
                cell(s, lxw_row_t(r), lxw_col_t(c), cells[c]);
        }
    }

    void close()
    {
        const lxw_error e = workbook_close(m_book);
        m_book = nullptr;
        check(e);
    }

private:
    void cell(lxw_worksheet *s, lxw_row_t r, lxw_col_t c, const XlsxWorkbook::Cell &cell)
    {
        lxw_format *format = cell.style == XlsxWorkbook::Style::Name ? m_indent[std::clamp(cell.depth, 0, 5)]
                                                                     : m_formats[int(cell.style)];
        if (cell.isNumber) {
            check(worksheet_write_number(s, r, c, cell.number, format));
            return;
        }
        if (cell.text.isEmpty())
            return;
        const QByteArray utf8 = cell.text.toUtf8();
        // Always a string cell, never a formula: a text that begins with "="
        // is stored and shown exactly, so no apostrophe is needed.
        const lxw_error e = worksheet_write_string(s, r, c, utf8.constData(), format);
        if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
            throw Error(QStringLiteral("cannot write %1: the text for row %2 is longer than the 32,767 characters an "
                                       "Excel cell holds")
                            .arg(m_what)
                            .arg(r + 1));
        check(e);
    }

    void check(lxw_error e) const
    {
        if (e != LXW_NO_ERROR)
            throw Error(QStringLiteral("cannot write %1: %2").arg(m_what, QString::fromUtf8(lxw_strerror(e))));
    }

    QByteArray m_path;
    QByteArray m_tmpdir;
    QString m_what;
    lxw_workbook *m_book = nullptr;
    lxw_format *m_formats[4] = {};
    lxw_format *m_indent[6] = {};
};

} // namespace

QByteArray writeXlsx(const XlsxWorkbook &book, const QString &what)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        throw Error(QStringLiteral("cannot write %1: no temporary folder (%2)").arg(what, dir.errorString()));
    const QString path = dir.filePath(QStringLiteral("workbook.xlsx"));
    {
        Book b(path, dir.path(), what);
        b.properties(book.title);
        for (const auto &sheet : book.sheets)
            b.sheet(sheet);
        b.close();
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("cannot write %1: %2").arg(what, f.errorString()));
    return f.readAll();
}

} // namespace Quire
