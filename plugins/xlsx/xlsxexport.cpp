// SPDX-License-Identifier: GPL-3.0-or-later
#include "xlsxplugin.h"

#include "error.h"
#include "report/exportlayout.h"

#include <QFile>
#include <QTemporaryDir>
#include <xlsxwriter.h>

namespace Quire::Xlsx {

namespace {

/// libxlsxwriter needs a file name; the workbook is assembled in a temporary
/// directory and then copied to the export's device.
class Workbook
{
public:
    explicit Workbook(const QString &path)
        : m_path(path.toLocal8Bit())
    {
        lxw_workbook_options options{};
        options.constant_memory = LXW_FALSE;
        m_book = workbook_new_opt(m_path.constData(), &options);
        if (!m_book)
            throw Error(QStringLiteral("cannot write the Excel export: libxlsxwriter could not start a workbook"));
        // A fixed creation time: equal reports give comparable files.
        lxw_doc_properties props{};
        props.title = const_cast<char *>("Quire theme report");
        props.created = 1;
        workbook_set_properties(m_book, &props);
        m_bold = workbook_add_format(m_book);
        format_set_bold(m_bold);
        format_set_bg_color(m_bold, 0xE7E6E6);
        format_set_border(m_bold, LXW_BORDER_THIN);
        for (int d = 0; d < 6; ++d) {
            lxw_format *f = workbook_add_format(m_book);
            format_set_indent(f, uint8_t(d));
            if (d == 0)
                format_set_bold(f);
            m_indent[d] = f;
        }
        m_wrap = workbook_add_format(m_book);
        format_set_text_wrap(m_wrap);
        format_set_align(m_wrap, LXW_ALIGN_VERTICAL_TOP);
        m_top = workbook_add_format(m_book);
        format_set_align(m_top, LXW_ALIGN_VERTICAL_TOP);
    }
    ~Workbook()
    {
        if (m_book)
            workbook_close(m_book);
    }
    Workbook(const Workbook &) = delete;
    Workbook &operator=(const Workbook &) = delete;

    lxw_worksheet *sheet(const QString &name)
    {
        const QByteArray n = name.toUtf8();
        lxw_worksheet *s = workbook_add_worksheet(m_book, n.constData());
        if (!s)
            throw Error(QStringLiteral("cannot write the Excel export: cannot add the sheet \"%1\"").arg(name));
        return s;
    }

    void text(lxw_worksheet *s, lxw_row_t r, lxw_col_t c, const QString &value, lxw_format *format = nullptr,
              bool wrap = false)
    {
        if (value.isEmpty())
            return;
        if (!format)
            format = wrap ? m_wrap : m_top;
        const QByteArray utf8 = value.toUtf8();
        // Always a string cell, never a formula: a quote that begins with "="
        // is stored and shown as text, exactly, so no apostrophe is needed.
        const lxw_error e = worksheet_write_string(s, r, c, utf8.constData(), format);
        if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
            throw Error(QStringLiteral("cannot write the Excel export: the text for row %1 is longer than the 32,767 characters an Excel cell holds")
                            .arg(r + 1));
        check(e);
    }

    void number(lxw_worksheet *s, lxw_row_t r, lxw_col_t c, double value)
    {
        check(worksheet_write_number(s, r, c, value, m_top));
    }

    void close()
    {
        const lxw_error e = workbook_close(m_book);
        m_book = nullptr;
        check(e);
    }

    static void check(lxw_error e)
    {
        if (e != LXW_NO_ERROR)
            throw Error(QStringLiteral("cannot write the Excel export: %1").arg(QString::fromUtf8(lxw_strerror(e))));
    }

    lxw_format *bold() const { return m_bold; }
    lxw_format *indent(int depth) const { return m_indent[std::min(depth, 5)]; }

private:
    QByteArray m_path;
    lxw_workbook *m_book = nullptr;
    lxw_format *m_bold = nullptr;
    lxw_format *m_indent[6] = {};
    lxw_format *m_wrap = nullptr;
    lxw_format *m_top = nullptr;
};

} // namespace

void XlsxPlugin::write(const ThemeReport &report, QIODevice &out) const
{
    checkLayout(report);
    QTemporaryDir dir;
    if (!dir.isValid())
        throw Error(QStringLiteral("cannot write the Excel export: no temporary directory (%1)").arg(dir.errorString()));
    const QString path = dir.filePath(QStringLiteral("export.xlsx"));
    {
        Workbook book(path);
        if (layoutHasTable(report)) {
            const LayoutTable t = layoutTable(report);
            const QString name = report.layout == QLatin1String("codebook") ? QStringLiteral("Codebook")
                                 : report.layout == QLatin1String("matrix") ? QStringLiteral("Matrix")
                                                                            : QStringLiteral("Themes");
            lxw_worksheet *s = book.sheet(name);
            for (qsizetype c = 0; c < t.header.size(); ++c)
                book.text(s, 0, lxw_col_t(c), t.header[c], book.bold());
            worksheet_set_column(s, 0, 0, 40, nullptr);
            worksheet_freeze_panes(s, 1, 0);
            lxw_row_t r = 1;
            for (const auto &row : t.rows) {
                for (qsizetype c = 0; c < row.cells.size(); ++c) {
                    if (t.numeric[std::size_t(c)] && !row.cells[c].isEmpty())
                        book.number(s, r, lxw_col_t(c), row.cells[c].toDouble());
                    else if (c == 0)
                        book.text(s, r, 0, row.cells[c], book.indent(row.depth));
                    else
                        book.text(s, r, lxw_col_t(c), row.cells[c]);
                }
                ++r;
            }
        }
        if (layoutHasQuotes(report)) {
            lxw_worksheet *s = book.sheet(QStringLiteral("Quotes"));
            const QStringList header{QStringLiteral("Theme / subtheme / code"), QStringLiteral("Segment"),
                                     QStringLiteral("Document"), QStringLiteral("Case"), QStringLiteral("Start"),
                                     QStringLiteral("End"), QStringLiteral("Citation"), QStringLiteral("Quote"),
                                     QStringLiteral("Memo"), QStringLiteral("Original"), QStringLiteral("Edited"),
                                     QStringLiteral("Starred"), QStringLiteral("Speaker"), QStringLiteral("Locator")};
            for (qsizetype c = 0; c < header.size(); ++c)
                book.text(s, 0, lxw_col_t(c), header[c], book.bold());
            worksheet_set_column(s, 0, 0, 30, nullptr);
            worksheet_set_column(s, 6, 6, 20, nullptr);
            worksheet_set_column(s, 7, 7, 80, nullptr);
            worksheet_set_column(s, 8, 8, 30, nullptr);
            worksheet_set_column(s, 9, 9, 80, nullptr);
            worksheet_freeze_panes(s, 1, 0);
            lxw_row_t r = 1;
            for (std::size_t i = 0; i < report.rows.size(); ++i) {
                for (const auto &q : report.quotes[i]) {
                    book.text(s, r, 0, report.rows[i].path);
                    book.number(s, r, 1, double(q.segmentId));
                    book.text(s, r, 2, q.document);
                    book.text(s, r, 3, q.caseName);
                    book.number(s, r, 4, double(q.start));
                    book.number(s, r, 5, double(q.end));
                    book.text(s, r, 6, q.citation);
                    book.text(s, r, 7, q.text, nullptr, true);
                    book.text(s, r, 8, q.memo, nullptr, true);
                    book.text(s, r, 9, q.original, nullptr, true);
                    book.text(s, r, 10, q.edited ? QStringLiteral("yes") : QString());
                    book.text(s, r, 11, q.starred ? QStringLiteral("yes") : QString());
                    book.text(s, r, 12, q.speaker);
                    book.text(s, r, 13, q.locator);
                    ++r;
                }
            }
        }
        lxw_worksheet *notes = book.sheet(QStringLiteral("Notes"));
        book.text(notes, 0, 0, reportSummary(report));
        lxw_row_t r = 1;
        for (const auto &n : report.notes)
            book.text(notes, r++, 0, n);
        book.close();
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("cannot write the Excel export: %1").arg(f.errorString()));
    const QByteArray bytes = f.readAll();
    if (out.write(bytes) != bytes.size())
        throw Error(QStringLiteral("cannot write the Excel export: %1").arg(out.errorString()));
}

} // namespace Quire::Xlsx
