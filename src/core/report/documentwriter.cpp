// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/documentwriter.h"

#include "error.h"
#include "io/zipwriter.h"

#include <QFileInfo>
#include <QXmlStreamWriter>

#include <algorithm>
#include <map>
#include <numeric>

namespace Quire::Doc {

Writer::~Writer() = default;

void Writer::table(const QStringList &header, const QList<QStringList> &rows)
{
    Table t;
    t.header = header;
    for (const QStringList &r : rows)
        t.rows.push_back({r, 0});
    table(t);
}

namespace {

bool isNumber(const QString &text)
{
    bool ok = false;
    text.trimmed().toDouble(&ok);
    return ok;
}

qsizetype longestLine(const QString &text)
{
    qsizetype longest = 0;
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n')))
        longest = std::max(longest, line.size());
    return longest;
}

qsizetype longestWord(const QString &text)
{
    qsizetype longest = 0, run = 0;
    for (const QChar c : text) {
        run = c.isSpace() ? 0 : run + 1;
        longest = std::max(longest, run);
    }
    return longest;
}

} // namespace

std::vector<bool> Table::numericColumns() const
{
    std::vector<bool> out(std::size_t(header.size()), false);
    if (!numeric.empty()) {
        for (std::size_t c = 0; c < out.size() && c < numeric.size(); ++c)
            out[c] = numeric[c];
        return out;
    }
    for (qsizetype c = 0; c < header.size(); ++c) {
        bool any = false, all = true;
        for (const Row &r : rows) {
            const QString cell = r.cells.value(c);
            if (cell.trimmed().isEmpty())
                continue;
            any = true;
            all = all && isNumber(cell);
        }
        out[std::size_t(c)] = any && all;
    }
    return out;
}

std::vector<double> columnWidths(const Table &t, double textWidth, double charWidth)
{
    const auto columns = std::size_t(t.header.size());
    if (columns == 0)
        return {};
    // A column of numbers, or whose longest line is at most this many
    // characters, is as wide as its content; a text column is at least as
    // wide as its longest word (at most this many characters).
    constexpr qsizetype Short = 14, LongWord = 20;
    const double pad = 2 * charWidth; // the cell's margins and a little air
    const double bold = 1.1;          // a header's character is wider
    const std::vector<bool> numeric = t.numericColumns();
    std::vector<bool> fitted(columns);
    std::vector<double> width(columns), least(columns), text(columns);
    for (std::size_t c = 0; c < columns; ++c) {
        const QString &head = t.header[qsizetype(c)];
        qsizetype line = 0, word = longestWord(head);
        for (const Table::Row &r : t.rows) {
            const QString cell = r.cells.value(qsizetype(c));
            const qsizetype indent = t.tree && c == 0 ? 3 * r.depth : 0; // 0.6 cm a level
            line = std::max(line, longestLine(cell) + indent);
            word = std::max(word, longestWord(cell) + indent);
            text[c] += double(std::min<qsizetype>(cell.size(), 400));
        }
        fitted[c] = numeric[c] || line <= Short;
        width[c] = std::max(double(line), bold * double(longestWord(head))) * charWidth + pad;
        least[c] = double(std::min(word, LongWord)) * charWidth + pad;
    }
    double fittedSum = 0, leastText = 0;
    std::size_t texts = 0;
    for (std::size_t c = 0; c < columns; ++c) {
        if (fitted[c]) {
            fittedSum += width[c];
        } else {
            leastText += least[c];
            ++texts;
        }
    }
    if (texts == 0) {
        // All short: the room left goes to the columns of words (a tree of
        // short names), the numbers keep their width; too little room is
        // taken from every column alike.
        const auto words = std::size_t(std::count(numeric.begin(), numeric.end(), false));
        if (fittedSum < textWidth && words > 0) {
            for (std::size_t c = 0; c < columns; ++c)
                if (!numeric[c])
                    width[c] += (textWidth - fittedSum) / double(words);
        } else {
            for (double &w : width)
                w *= textWidth / fittedSum;
        }
        return width;
    }
    // The fitted columns give way when the text columns would be narrower
    // than their words, but keep at least half the width between them.
    const double room = textWidth - std::min(leastText, textWidth / 2);
    if (fittedSum > room) {
        for (std::size_t c = 0; c < columns; ++c)
            if (fitted[c])
                width[c] *= room / fittedSum;
        fittedSum = room;
    }
    // The text columns share the rest alike, but one holding much less
    // text than its share (a theme's name beside its notes) gets what its
    // lines need, at most two thirds of a share.
    double rest = textWidth - fittedSum;
    double allText = 0;
    for (std::size_t c = 0; c < columns; ++c)
        if (!fitted[c])
            allText += text[c];
    std::size_t wide = texts;
    if (texts > 1 && allText > 0) {
        const double share = rest / double(texts);
        for (std::size_t c = 0; c < columns; ++c) {
            if (fitted[c] || text[c] / allText >= 2.0 / 3.0 / double(texts))
                continue;
            width[c] = std::clamp(width[c], least[c], share * 2 / 3);
            fitted[c] = true; // from here on: its width is set
            rest -= width[c];
            --wide;
        }
    }
    for (std::size_t c = 0; c < columns; ++c)
        if (!fitted[c])
            width[c] = rest / double(wide);
    return width;
}

namespace {

/// More columns than this are set in a smaller type.
constexpr qsizetype WideTable = 6;

/// A table's first column (a code path, a name) gets this share of the
/// width in HTML, the rest share what is left; 0: all columns equal. Qt's
/// rich text otherwise shares the width out equally and breaks a long
/// first column inside its words.
int firstColumnPercent(qsizetype columns)
{
    return columns > 2 ? std::max(25, 100 - 9 * int(columns - 1)) : 0;
}

/// HTML widths (percent, summing to 100) when the columns after the first
/// hold more text than the first (a workshop grid's notes): a column with
/// little text gets about two thirds of an equal share, at most 15%; the
/// text columns share the rest alike. Empty when the columns after the
/// first hold counts or short words (firstColumnPercent applies).
std::vector<int> textColumnPercents(const QStringList &header, const std::vector<Table::Row> &rows)
{
    const qsizetype columns = header.size();
    if (columns < 2 || rows.empty())
        return {};
    std::vector<double> mean(std::size_t(columns), 0.0);
    for (const Table::Row &r : rows)
        for (qsizetype i = 0; i < columns && i < r.cells.size(); ++i)
            mean[std::size_t(i)] += double(std::min<qsizetype>(r.cells[i].size(), 400)) / double(rows.size());
    double rest = 0;
    for (std::size_t i = 1; i < mean.size(); ++i)
        rest += mean[i];
    if (rest / double(columns - 1) <= std::max(40.0, mean[0]))
        return {};
    const int narrow = std::min(15, int(100.0 / (double(columns) * 1.3)));
    double total = 0;
    for (double m : mean)
        total += m;
    std::vector<bool> isNarrow(mean.size());
    int left = 100;
    qsizetype wide = 0;
    for (std::size_t i = 0; i < mean.size(); ++i) {
        isNarrow[i] = 100.0 * mean[i] / total < double(narrow);
        if (isNarrow[i])
            left -= narrow;
        else
            ++wide;
    }
    std::vector<int> percents;
    int sum = 0;
    for (std::size_t i = 0; i < mean.size(); ++i) {
        percents.push_back(isNarrow[i] || wide == 0 ? narrow : left / int(wide));
        sum += percents.back();
    }
    *std::max_element(percents.begin(), percents.end()) += 100 - sum; // rounding
    return percents;
}

QString mdEscape(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        if (QStringLiteral("\\`*_[]<>|#").contains(c))
            out += QLatin1Char('\\');
        if (c == QLatin1Char('\n'))
            out += QStringLiteral("<br>");
        else
            out += c;
    }
    return out;
}

class MarkdownWriter : public Writer
{
public:
    using Writer::paragraph;
    using Writer::table;
    void heading(int level, const QString &text) override
    {
        m_out += QString(level, QLatin1Char('#')) + QLatin1Char(' ') + mdEscape(text) + QStringLiteral("\n\n");
    }
    void paragraph(const QString &text, Style style) override
    {
        m_out += (style == Style::Quote ? QStringLiteral("> ") : QString()) + mdEscape(text) + QStringLiteral("\n\n");
    }
    void list(const QStringList &items) override
    {
        for (const QString &i : items)
            m_out += QStringLiteral("- ") + mdEscape(i) + QLatin1Char('\n');
        m_out += QLatin1Char('\n');
    }
    void table(const Table &t) override
    {
        auto row = [&](const QStringList &cells) {
            QStringList esc;
            for (const QString &c : cells)
                esc << mdEscape(c);
            m_out += QStringLiteral("| ") + esc.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
        };
        row(t.header);
        m_out += QStringLiteral("|") + QStringLiteral("---|").repeated(t.header.size()) + QLatin1Char('\n');
        for (const Table::Row &r : t.rows)
            row(r.cells);
        m_out += QLatin1Char('\n');
    }
    void picture(const Picture &p) override
    {
        if (p.link.isEmpty())
            paragraph(p.missing, Style::Body);
        else
            m_out += QStringLiteral("![%1](%2)\n\n").arg(mdEscape(p.alt), p.link);
    }
    QByteArray finish() override { return m_out.toUtf8(); }

private:
    QString m_out;
};

class HtmlWriter : public Writer
{
public:
    using Writer::paragraph;
    using Writer::table;
    explicit HtmlWriter(const QString &title)
    {
        m_out =
            QStringLiteral("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                           "<title>%1</title>\n<style>\n")
                .arg(title.toHtmlEscaped()) +
            QStringLiteral(
                "body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}\n"
                "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:.3em .5em;vertical-align:top}\n"
                "th{background:#eee}.picture svg{max-width:100%;height:auto}\n"
                "</style>\n</head>\n<body>\n");
    }
    static QString esc(const QString &s)
    {
        return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    }
    void heading(int level, const QString &text) override
    {
        m_out += QStringLiteral("<h%1>%2</h%1>\n").arg(level).arg(esc(text));
    }
    void paragraph(const QString &text, Style style) override
    {
        static const char *const classes[] = {"", "note", "quote", "citation", "memo", "description"};
        const QLatin1String cls(classes[int(style)]);
        m_out += cls.isEmpty() ? QStringLiteral("<p>%1</p>\n").arg(esc(text))
                               : QStringLiteral("<p class=\"%1\">%2</p>\n").arg(cls, esc(text));
    }
    void list(const QStringList &items) override
    {
        m_out += QStringLiteral("<ul>\n");
        for (const QString &i : items)
            m_out += QStringLiteral("<li>%1</li>\n").arg(esc(i));
        m_out += QStringLiteral("</ul>\n");
    }
    void table(const Table &t) override
    {
        // Widths for Qt's rich text (the PDF), which otherwise shares the
        // page out equally and breaks a long first column (code paths,
        // names) inside its words. A wide table is set smaller.
        const QStringList &header = t.header;
        const bool wide = header.size() > WideTable;
        m_out += wide ? QStringLiteral("<table width=\"100%\" style=\"font-size:8pt\">\n<tr>")
                      : QStringLiteral("<table width=\"100%\">\n<tr>");
        const int first = firstColumnPercent(header.size());
        const std::vector<int> shares = textColumnPercents(header, t.rows);
        for (qsizetype i = 0; i < header.size(); ++i) {
            if (!shares.empty())
                m_out += QStringLiteral("<th width=\"%1%\">%2</th>").arg(shares[std::size_t(i)]).arg(esc(header[i]));
            else
                m_out += i == 0 && first > 0
                             ? QStringLiteral("<th width=\"%1%\">%2</th>").arg(first).arg(esc(header[i]))
                             : QStringLiteral("<th>%1</th>").arg(esc(header[i]));
        }
        m_out += QStringLiteral("</tr>\n");
        for (const Table::Row &row : t.rows) {
            const QStringList &r = row.cells;
            m_out += QStringLiteral("<tr>");
            for (qsizetype i = 0; i < r.size(); ++i) {
                m_out += i == 0 && first > 0 && shares.empty()
                             ? QStringLiteral("<td width=\"%1%\">%2</td>").arg(first).arg(esc(r[i]))
                             : QStringLiteral("<td>%1</td>").arg(esc(r[i]));
            }
            m_out += QStringLiteral("</tr>\n");
        }
        m_out += QStringLiteral("</table>\n");
    }
    void picture(const Picture &p) override
    {
        if (!p.name.isEmpty()) {
            m_out += QStringLiteral("<p><img src=\"%1\" width=\"%2\" alt=\"%3\"></p>\n")
                         .arg(p.name.toHtmlEscaped())
                         .arg(p.width)
                         .arg(esc(p.alt));
            return;
        }
        const qsizetype start = p.svg.indexOf("<svg");
        if (start < 0) {
            paragraph(p.missing, Style::Body);
            return;
        }
        m_out += QStringLiteral("<div class=\"picture\">\n") + QString::fromUtf8(p.svg.mid(start)) +
                 QStringLiteral("\n</div>\n");
    }
    QByteArray finish() override { return (m_out + QStringLiteral("</body>\n</html>\n")).toUtf8(); }

private:
    QString m_out;
};

/// The paragraph style of each Style in Word and in OpenDocument.
QString docxStyle(Style style)
{
    static const char *const names[] = {"", "Note", "Quote", "Citation", "Memo", "Description"};
    return QString::fromLatin1(names[int(style)]);
}

/// How a Word run looks beyond its paragraph's style.
struct Run
{
    bool bold = false;
    int halfPoints = 0; ///< 0: the style's size
};

/// WordprocessingML: headings use the style ids Heading1…4 and each Style
/// its own paragraph style (styles.xml below). Tables have fixed column
/// widths that fit their content, a border on every side of every cell
/// and a header row that repeats on each page. Pictures are PNGs
/// (word/media/pictureN.png, relationship rIdN+1) scaled into the text width.
class DocxWriter : public Writer
{
public:
    using Writer::paragraph;
    using Writer::table;
    explicit DocxWriter(const QString &fileName)
        : m_fileName(fileName)
        , m_xml(&m_body)
    {}
    void heading(int level, const QString &text) override
    {
        para(text, QStringLiteral("Heading%1").arg(std::clamp(level, 1, 4)));
    }
    void paragraph(const QString &text, Style style) override { para(text, docxStyle(style)); }
    void list(const QStringList &items) override
    {
        for (const QString &i : items)
            para(QStringLiteral("\u2022 ") + i, QString());
    }
    void table(const Table &t) override
    {
        const QString w = QStringLiteral("w:");
        const qsizetype columns = t.header.size();
        if (columns == 0)
            return;
        const bool small = columns > WideTable;
        const int halfPoints = small ? 16 : 0;
        // Fixed column widths in twips, summing to the text width; a
        // character of 11 pt Calibri is about 110 twips (8 pt: 80).
        const std::vector<double> fitted = columnWidths(t, TextWidth, small ? 80 : 110);
        std::vector<int> widths;
        for (double f : fitted)
            widths.push_back(int(f));
        *std::max_element(widths.begin(), widths.end()) += TextWidth - std::accumulate(widths.begin(), widths.end(), 0);
        const std::vector<bool> numeric = t.numericColumns();
        m_xml.writeStartElement(w + QStringLiteral("tbl"));
        m_xml.writeStartElement(w + QStringLiteral("tblPr"));
        m_xml.writeEmptyElement(w + QStringLiteral("tblStyle"));
        m_xml.writeAttribute(w + QStringLiteral("val"), QStringLiteral("QuireTable"));
        m_xml.writeEmptyElement(w + QStringLiteral("tblW"));
        m_xml.writeAttribute(w + QStringLiteral("w"), QString::number(TextWidth));
        m_xml.writeAttribute(w + QStringLiteral("type"), QStringLiteral("dxa"));
        borders(QStringLiteral("tblBorders"), {"top", "left", "bottom", "right", "insideH", "insideV"});
        m_xml.writeEmptyElement(w + QStringLiteral("tblLayout"));
        m_xml.writeAttribute(w + QStringLiteral("type"), QStringLiteral("fixed"));
        m_xml.writeEndElement(); // tblPr
        m_xml.writeStartElement(w + QStringLiteral("tblGrid"));
        for (int width : widths) {
            m_xml.writeEmptyElement(w + QStringLiteral("gridCol"));
            m_xml.writeAttribute(w + QStringLiteral("w"), QString::number(width));
        }
        m_xml.writeEndElement();
        auto row = [&](const QStringList &cells, int depth, bool head) {
            m_xml.writeStartElement(w + QStringLiteral("tr"));
            if (head) { // repeated at the top of each page
                m_xml.writeStartElement(w + QStringLiteral("trPr"));
                m_xml.writeEmptyElement(w + QStringLiteral("tblHeader"));
                m_xml.writeEndElement();
            }
            for (qsizetype i = 0; i < columns; ++i) {
                m_xml.writeStartElement(w + QStringLiteral("tc"));
                m_xml.writeStartElement(w + QStringLiteral("tcPr"));
                m_xml.writeEmptyElement(w + QStringLiteral("tcW"));
                m_xml.writeAttribute(w + QStringLiteral("w"), QString::number(widths[std::size_t(i)]));
                m_xml.writeAttribute(w + QStringLiteral("type"), QStringLiteral("dxa"));
                // Each cell's own borders: no reader leaves a cell open.
                borders(QStringLiteral("tcBorders"), {"top", "left", "bottom", "right"});
                if (head) {
                    m_xml.writeEmptyElement(w + QStringLiteral("shd"));
                    m_xml.writeAttribute(w + QStringLiteral("val"), QStringLiteral("clear"));
                    m_xml.writeAttribute(w + QStringLiteral("color"), QStringLiteral("auto"));
                    m_xml.writeAttribute(w + QStringLiteral("fill"), QStringLiteral("E7E6E6"));
                }
                m_xml.writeEndElement(); // tcPr
                const bool treeCell = t.tree && i == 0 && !head;
                Run run;
                run.bold = head || (treeCell && depth == 0);
                run.halfPoints = halfPoints;
                para(cells.value(i), QStringLiteral("TableContents"), run, treeCell ? depth * 340 : 0,
                     numeric[std::size_t(i)] && !head);
                m_xml.writeEndElement(); // tc
            }
            m_xml.writeEndElement(); // tr
        };
        row(t.header, 0, true);
        for (const Table::Row &r : t.rows)
            row(r.cells, r.depth, false);
        m_xml.writeEndElement(); // tbl
        para(QString(), QString());
    }
    void picture(const Picture &p) override
    {
        if (p.png.isEmpty() || p.pngWidth <= 0 || p.pngHeight <= 0) {
            paragraph(p.missing, Style::Body);
            return;
        }
        m_pictures.push_back(p.png);
        const int number = int(m_pictures.size());
        // Into the text block (A4 less 1-inch margins: 9026 × 13958 twips;
        // 635 EMU a twip), never above its own size at 150 dpi.
        constexpr double EmuPerTwip = 635, EmuPerPixel = 914400.0 / 150;
        const double scale = std::min({9026 * EmuPerTwip / p.pngWidth, 12000 * EmuPerTwip / p.pngHeight, EmuPerPixel});
        const auto cx = qint64(p.pngWidth * scale);
        const auto cy = qint64(p.pngHeight * scale);
        auto extent = [&](const QString &element) {
            m_xml.writeEmptyElement(element);
            m_xml.writeAttribute(QStringLiteral("cx"), QString::number(cx));
            m_xml.writeAttribute(QStringLiteral("cy"), QString::number(cy));
        };
        const QString w = QStringLiteral("w:");
        m_xml.writeStartElement(w + QStringLiteral("p"));
        m_xml.writeStartElement(w + QStringLiteral("r"));
        m_xml.writeStartElement(w + QStringLiteral("drawing"));
        m_xml.writeStartElement(QStringLiteral("wp:inline"));
        extent(QStringLiteral("wp:extent"));
        m_xml.writeEmptyElement(QStringLiteral("wp:docPr"));
        m_xml.writeAttribute(QStringLiteral("id"), QString::number(number));
        m_xml.writeAttribute(QStringLiteral("name"), QStringLiteral("Picture %1").arg(number));
        m_xml.writeAttribute(QStringLiteral("descr"), p.alt);
        m_xml.writeStartElement(QStringLiteral("a:graphic"));
        m_xml.writeStartElement(QStringLiteral("a:graphicData"));
        m_xml.writeAttribute(QStringLiteral("uri"),
                             QStringLiteral("http://schemas.openxmlformats.org/drawingml/2006/picture"));
        m_xml.writeStartElement(QStringLiteral("pic:pic"));
        m_xml.writeStartElement(QStringLiteral("pic:nvPicPr"));
        m_xml.writeEmptyElement(QStringLiteral("pic:cNvPr"));
        m_xml.writeAttribute(QStringLiteral("id"), QString::number(number));
        m_xml.writeAttribute(QStringLiteral("name"), QStringLiteral("picture%1.png").arg(number));
        m_xml.writeEmptyElement(QStringLiteral("pic:cNvPicPr"));
        m_xml.writeEndElement(); // nvPicPr
        m_xml.writeStartElement(QStringLiteral("pic:blipFill"));
        m_xml.writeEmptyElement(QStringLiteral("a:blip"));
        m_xml.writeAttribute(QStringLiteral("r:embed"), QStringLiteral("rId%1").arg(number + 1));
        m_xml.writeStartElement(QStringLiteral("a:stretch"));
        m_xml.writeEmptyElement(QStringLiteral("a:fillRect"));
        m_xml.writeEndElement(); // stretch
        m_xml.writeEndElement(); // blipFill
        m_xml.writeStartElement(QStringLiteral("pic:spPr"));
        m_xml.writeStartElement(QStringLiteral("a:xfrm"));
        m_xml.writeEmptyElement(QStringLiteral("a:off"));
        m_xml.writeAttribute(QStringLiteral("x"), QStringLiteral("0"));
        m_xml.writeAttribute(QStringLiteral("y"), QStringLiteral("0"));
        extent(QStringLiteral("a:ext"));
        m_xml.writeEndElement(); // xfrm
        m_xml.writeStartElement(QStringLiteral("a:prstGeom"));
        m_xml.writeAttribute(QStringLiteral("prst"), QStringLiteral("rect"));
        m_xml.writeEmptyElement(QStringLiteral("a:avLst"));
        m_xml.writeEndElement(); // prstGeom
        m_xml.writeEndElement(); // spPr
        m_xml.writeEndElement(); // pic
        m_xml.writeEndElement(); // graphicData
        m_xml.writeEndElement(); // graphic
        m_xml.writeEndElement(); // inline
        m_xml.writeEndElement(); // drawing
        m_xml.writeEndElement(); // r
        m_xml.writeEndElement(); // p
    }
    QByteArray finish() override;

private:
    /// A4 less 1-inch margins, in twips.
    static constexpr int TextWidth = 9026;

    void borders(const QString &element, std::initializer_list<const char *> sides)
    {
        const QString w = QStringLiteral("w:");
        m_xml.writeStartElement(w + element);
        for (const char *side : sides) {
            m_xml.writeEmptyElement(w + QString::fromLatin1(side));
            m_xml.writeAttribute(w + QStringLiteral("val"), QStringLiteral("single"));
            m_xml.writeAttribute(w + QStringLiteral("sz"), QStringLiteral("4"));
            m_xml.writeAttribute(w + QStringLiteral("space"), QStringLiteral("0"));
            m_xml.writeAttribute(w + QStringLiteral("color"), QStringLiteral("999999"));
        }
        m_xml.writeEndElement();
    }

    QByteArray document()
    {
        QByteArray doc = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
                         "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
                         "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                         "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>";
        doc += m_body;
        doc +=
            "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
            "<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/>"
            "</w:sectPr></w:body></w:document>";
        return doc;
    }

    /// One paragraph; every character kept: a tab is <w:tab/>, "\n" <w:br/>,
    /// and the text's spaces are preserved.
    void para(const QString &text, const QString &style, Run run = {}, int indentTwips = 0, bool right = false)
    {
        const QString w = QStringLiteral("w:");
        m_xml.writeStartElement(w + QStringLiteral("p"));
        if (!style.isEmpty() || indentTwips > 0 || right) {
            m_xml.writeStartElement(w + QStringLiteral("pPr"));
            if (!style.isEmpty()) {
                m_xml.writeEmptyElement(w + QStringLiteral("pStyle"));
                m_xml.writeAttribute(w + QStringLiteral("val"), style);
            }
            if (indentTwips > 0) {
                m_xml.writeEmptyElement(w + QStringLiteral("ind"));
                m_xml.writeAttribute(w + QStringLiteral("left"), QString::number(indentTwips));
            }
            if (right) {
                m_xml.writeEmptyElement(w + QStringLiteral("jc"));
                m_xml.writeAttribute(w + QStringLiteral("val"), QStringLiteral("right"));
            }
            m_xml.writeEndElement();
        }
        if (!text.isEmpty()) {
            m_xml.writeStartElement(w + QStringLiteral("r"));
            if (run.bold || run.halfPoints > 0) {
                m_xml.writeStartElement(w + QStringLiteral("rPr"));
                if (run.bold)
                    m_xml.writeEmptyElement(w + QStringLiteral("b"));
                if (run.halfPoints > 0) {
                    m_xml.writeEmptyElement(w + QStringLiteral("sz"));
                    m_xml.writeAttribute(w + QStringLiteral("val"), QString::number(run.halfPoints));
                    m_xml.writeEmptyElement(w + QStringLiteral("szCs"));
                    m_xml.writeAttribute(w + QStringLiteral("val"), QString::number(run.halfPoints));
                }
                m_xml.writeEndElement();
            }
            QString chunk;
            const auto flush = [&] {
                if (chunk.isEmpty())
                    return;
                m_xml.writeStartElement(w + QStringLiteral("t"));
                m_xml.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
                m_xml.writeCharacters(chunk);
                m_xml.writeEndElement();
                chunk.clear();
            };
            for (const QChar c : text) {
                if (c == QLatin1Char('\t') || c == QLatin1Char('\n')) {
                    flush();
                    m_xml.writeEmptyElement(w +
                                            (c == QLatin1Char('\t') ? QStringLiteral("tab") : QStringLiteral("br")));
                } else {
                    chunk += c;
                }
            }
            flush();
            m_xml.writeEndElement(); // r
        }
        m_xml.writeEndElement(); // p
    }

    QString m_fileName;
    QByteArray m_body;
    QXmlStreamWriter m_xml;
    std::vector<QByteArray> m_pictures;
};

const char *const DocxStyles = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults>
<w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Noto Sans CJK SC" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="3"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:next w:val="Citation"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="0"/><w:ind w:left="720" w:right="720"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Citation"><w:name w:val="Citation"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:spacing w:after="160"/><w:ind w:left="720" w:right="720"/><w:jc w:val="right"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Memo"><w:name w:val="Memo"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="160"/><w:ind w:left="720" w:right="720"/></w:pPr><w:rPr><w:color w:val="555555"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="555555"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Description"><w:name w:val="Description"/><w:basedOn w:val="Normal"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableContents"><w:name w:val="Table Contents"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="QuireTable"><w:name w:val="Quire Table"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:left w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:right w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="999999"/></w:tblBorders></w:tblPr><w:tblStylePr w:type="firstRow"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/></w:tcPr></w:tblStylePr></w:style>
</w:styles>
)";

QByteArray DocxWriter::finish()
{
    QByteArray pictureRelations;
    for (std::size_t i = 0; i < m_pictures.size(); ++i)
        pictureRelations +=
            QStringLiteral("<Relationship Id=\"rId%1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                           "relationships/image\" Target=\"media/picture%2.png\"/>")
                .arg(i + 2)
                .arg(i + 1)
                .toUtf8();
    ZipWriter zip(m_fileName);
    zip.add(
        QStringLiteral("[Content_Types].xml"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Default Extension=\"png\" ContentType=\"image/png\"/>"
        "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        "</Types>");
    zip.add(
        QStringLiteral("_rels/.rels"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        "</Relationships>");
    zip.add(
        QStringLiteral("word/_rels/document.xml.rels"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>" +
            pictureRelations + "</Relationships>");
    zip.add(QStringLiteral("word/document.xml"), document());
    zip.add(QStringLiteral("word/styles.xml"), QByteArray(DocxStyles));
    for (std::size_t i = 0; i < m_pictures.size(); ++i)
        zip.add(QStringLiteral("word/media/picture%1.png").arg(i + 1), m_pictures[i]);
    return zip.finish();
}

/// OpenDocument text (.odt): the styles of the same names as in Word,
/// tables with fixed column widths that fit their content, each border
/// drawn once (every cell its right and bottom edge, the first column its
/// left, the header row its top), the header row repeated on each page;
/// pictures are not embedded (the picture's `missing` text is said instead).
class OdtWriter : public Writer
{
public:
    using Writer::paragraph;
    using Writer::table;
    OdtWriter(const QString &title, const QString &fileName)
        : m_title(title)
        , m_fileName(fileName)
        , m_xml(&m_body)
    {}
    void heading(int level, const QString &t) override
    {
        const int l = std::clamp(level, 1, 4);
        m_xml.writeStartElement(QStringLiteral("text:h"));
        m_xml.writeAttribute(QStringLiteral("text:style-name"), QStringLiteral("Heading_20_%1").arg(l));
        m_xml.writeAttribute(QStringLiteral("text:outline-level"), QString::number(l));
        text(m_xml, t);
        m_xml.writeEndElement();
    }
    void paragraph(const QString &t, Style style) override
    {
        para(t, style == Style::Body ? QStringLiteral("Standard") : docxStyle(style));
    }
    void list(const QStringList &items) override
    {
        for (const QString &i : items)
            para(QStringLiteral("\u2022 ") + i, QStringLiteral("Standard"));
    }
    void table(const Table &t) override
    {
        constexpr double TextWidth = 17.0; // cm: A4 less 2 cm margins
        const qsizetype columns = t.header.size();
        if (columns == 0)
            return;
        const bool small = columns > WideTable;
        // A character of 11 pt Carlito is about 0.194 cm (8 pt: 0.141 cm).
        const std::vector<double> widths = columnWidths(t, TextWidth, small ? 0.141 : 0.194);
        const std::vector<bool> numeric = t.numericColumns();
        const QString name = QStringLiteral("Table%1").arg(++m_tables);
        m_styles +=
            QStringLiteral("<style:style style:name=\"%1\" style:family=\"table\"><style:table-properties "
                           "style:width=\"%2cm\" table:align=\"left\" fo:margin-bottom=\"0.2cm\"/></style:style>")
                .arg(name)
                .arg(TextWidth, 0, 'f', 2);
        m_xml.writeStartElement(QStringLiteral("table:table"));
        m_xml.writeAttribute(QStringLiteral("table:name"), name);
        m_xml.writeAttribute(QStringLiteral("table:style-name"), name);
        for (std::size_t i = 0; i < widths.size(); ++i) {
            m_xml.writeEmptyElement(QStringLiteral("table:table-column"));
            m_xml.writeAttribute(
                QStringLiteral("table:style-name"),
                columnStyle(numeric[i] ? QStringLiteral("Column") : QStringLiteral("NameColumn"), widths[i]));
        }
        const QString prefix = small ? QStringLiteral("Small_20_") : QStringLiteral("Table_20_");
        auto row = [&](const QStringList &cells, int depth, bool head) {
            m_xml.writeStartElement(QStringLiteral("table:table-row"));
            for (qsizetype i = 0; i < columns; ++i) {
                const QString cell = cells.value(i);
                m_xml.writeStartElement(QStringLiteral("table:table-cell"));
                m_xml.writeAttribute(
                    QStringLiteral("table:style-name"),
                    QStringLiteral("Cell%1%2")
                        .arg(head ? QStringLiteral("T") : QString(), i == 0 ? QStringLiteral("L") : QString()));
                const bool number = numeric[std::size_t(i)] && !head;
                if (number && isNumber(cell)) {
                    m_xml.writeAttribute(QStringLiteral("office:value-type"), QStringLiteral("float"));
                    m_xml.writeAttribute(QStringLiteral("office:value"), cell.trimmed());
                } else {
                    m_xml.writeAttribute(QStringLiteral("office:value-type"), QStringLiteral("string"));
                }
                QString style = prefix + QStringLiteral("Contents");
                if (head)
                    style = prefix + QStringLiteral("Heading");
                else if (number)
                    style = prefix + QStringLiteral("Number");
                else if (t.tree && i == 0)
                    style =
                        (small ? QStringLiteral("SmallDepth%1") : QStringLiteral("Depth%1")).arg(std::min(depth, 5));
                para(cell, style);
                m_xml.writeEndElement();
            }
            m_xml.writeEndElement();
        };
        m_xml.writeStartElement(QStringLiteral("table:table-header-rows"));
        row(t.header, 0, true);
        m_xml.writeEndElement();
        for (const Table::Row &r : t.rows)
            row(r.cells, r.depth, false);
        m_xml.writeEndElement();
    }
    void picture(const Picture &p) override
    {
        para(p.missing.isEmpty() ? p.alt : p.missing, QStringLiteral("Standard"));
    }
    QByteArray finish() override;

private:
    /// The name of a column style `width` cm wide: `role`, then a number
    /// when a column of that role but another width came first.
    QString columnStyle(const QString &role, double width)
    {
        const QString cm = QString::number(width, 'f', 3);
        for (int n = 1;; ++n) {
            const QString name = n == 1 ? role : role + QString::number(n);
            const auto known = m_columnStyles.find(name);
            if (known == m_columnStyles.end()) {
                m_columnStyles.emplace(name, cm);
                m_styles += QStringLiteral("<style:style style:name=\"%1\" style:family=\"table-column\">"
                                           "<style:table-column-properties style:column-width=\"%2cm\"/></style:style>")
                                .arg(name, cm);
                return name;
            }
            if (known->second == cm)
                return name;
        }
    }

    /// Characters into an open text:p or text:h so that a reader gets every
    /// one back: ODF collapses runs of spaces and drops leading and trailing
    /// ones, so those become <text:s/>; tabs become <text:tab/>, "\n"
    /// <text:line-break/>.
    static void text(QXmlStreamWriter &x, const QString &text)
    {
        QString chunk;
        bool atStart = true; // at the paragraph's start or after a tab or line break
        const auto flush = [&] {
            if (!chunk.isEmpty())
                x.writeCharacters(chunk);
            chunk.clear();
        };
        for (qsizetype i = 0; i < text.size();) {
            const QChar c = text[i];
            if (c == QLatin1Char(' ')) {
                qsizetype n = 0;
                while (i + n < text.size() && text[i + n] == QLatin1Char(' '))
                    ++n;
                const bool atEnd = i + n == text.size();
                const qsizetype literal = (atStart || atEnd) ? 0 : 1;
                if (literal)
                    chunk += QLatin1Char(' ');
                if (n - literal > 0) {
                    flush();
                    x.writeEmptyElement(QStringLiteral("text:s"));
                    if (n - literal > 1)
                        x.writeAttribute(QStringLiteral("text:c"), QString::number(n - literal));
                }
                i += n;
                atStart = false;
                continue;
            }
            if (c == QLatin1Char('\t') || c == QLatin1Char('\n')) {
                flush();
                x.writeEmptyElement(c == QLatin1Char('\t') ? QStringLiteral("text:tab")
                                                           : QStringLiteral("text:line-break"));
                atStart = true;
            } else {
                chunk += c;
                atStart = false;
            }
            ++i;
        }
        flush();
    }
    void para(const QString &t, const QString &style)
    {
        m_xml.writeStartElement(QStringLiteral("text:p"));
        m_xml.writeAttribute(QStringLiteral("text:style-name"), style);
        text(m_xml, t);
        m_xml.writeEndElement();
    }

    QString m_title;
    QString m_fileName;
    QByteArray m_body;
    QXmlStreamWriter m_xml;
    QString m_styles;                          ///< automatic styles of the tables and their columns
    std::map<QString, QString> m_columnStyles; ///< name → width in cm
    int m_tables = 0;
};

const char *const OdtNamespaces = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                                  "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
                                  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                                  "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                                  "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
                                  "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "
                                  "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                                  "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"";

const char *const OdtStyles =
    R"(<office:font-face-decls><style:font-face style:name="Carlito" svg:font-family="Carlito" style:font-family-generic="swiss" style:font-pitch="variable"/><style:font-face style:name="Noto Sans CJK SC" svg:font-family="&apos;Noto Sans CJK SC&apos;" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/><style:text-properties style:font-name="Carlito" style:font-name-asian="Noto Sans CJK SC" style:font-name-complex="Carlito" fo:font-size="11pt" fo:language="en" fo:country="GB"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3" style:class="text"><style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_4" style:display-name="Heading 4" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="4" style:class="text"><style:text-properties fo:font-size="11pt" fo:font-weight="bold" fo:font-style="italic"/></style:style>
<style:style style:name="Quote" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Citation" style:class="html"><style:paragraph-properties fo:margin-left="1.25cm" fo:margin-right="1.25cm" fo:margin-top="0.28cm" fo:margin-bottom="0cm" fo:keep-with-next="always"/><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Citation" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="1.25cm" fo:margin-right="1.25cm" fo:text-align="end" fo:margin-bottom="0.28cm"/></style:style>
<style:style style:name="Description" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Memo" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="1.25cm" fo:margin-right="1.25cm" fo:margin-bottom="0.28cm"/><style:text-properties fo:font-size="9pt" fo:color="#555555"/></style:style>
<style:style style:name="Note" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="9pt" fo:color="#555555"/></style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:margin-bottom="0cm"/></style:style>
<style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Table_20_Number" style:display-name="Table Number" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="Small_20_Contents" style:display-name="Small Contents" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:text-properties fo:font-size="8pt"/></style:style>
<style:style style:name="Small_20_Heading" style:display-name="Small Heading" style:family="paragraph" style:parent-style-name="Small_20_Contents"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Small_20_Number" style:display-name="Small Number" style:family="paragraph" style:parent-style-name="Small_20_Contents"><style:paragraph-properties fo:text-align="end"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
)";

QByteArray OdtWriter::finish()
{
    const QByteArray ns(OdtNamespaces);
    // The cells (each border drawn once, the header row shaded) and the
    // indentation of a tree's rows, then the tables and their columns.
    QString automatic;
    const QString line = QStringLiteral("0.5pt solid #999999");
    for (const QString &name :
         {QStringLiteral("Cell"), QStringLiteral("CellL"), QStringLiteral("CellT"), QStringLiteral("CellTL")}) {
        const bool top = name.contains(QLatin1Char('T')), left = name.endsWith(QLatin1Char('L'));
        automatic +=
            QStringLiteral("<style:style style:name=\"%1\" style:family=\"table-cell\"><style:table-cell-properties "
                           "fo:border-right=\"%2\" fo:border-bottom=\"%2\" fo:border-left=\"%3\" "
                           "fo:border-top=\"%4\" fo:padding=\"0.05cm\"%5/></style:style>")
                .arg(name, line, left ? line : QStringLiteral("none"), top ? line : QStringLiteral("none"),
                     top ? QStringLiteral(" fo:background-color=\"#eeeeee\"") : QString());
    }
    for (int d = 0; d <= 5; ++d)
        for (const auto &[name, parent] :
             {std::pair{QStringLiteral("Depth"), QStringLiteral("Table_20_Contents")},
              std::pair{QStringLiteral("SmallDepth"), QStringLiteral("Small_20_Contents")}})
            automatic +=
                QStringLiteral(
                    "<style:style style:name=\"%1%2\" style:family=\"paragraph\" style:parent-style-name=\"%3\">"
                    "<style:paragraph-properties fo:margin-left=\"%4cm\"/>%5</style:style>")
                    .arg(name)
                    .arg(d)
                    .arg(parent)
                    .arg(0.6 * d)
                    .arg(d == 0 ? QStringLiteral("<style:text-properties fo:font-weight=\"bold\"/>") : QString());
    const QByteArray content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content " + ns +
                               " office:version=\"1.3\"><office:automatic-styles>" + automatic.toUtf8() +
                               m_styles.toUtf8() + "</office:automatic-styles><office:body><office:text>" + m_body +
                               "</office:text></office:body></office:document-content>\n";
    QByteArray meta;
    {
        QXmlStreamWriter x(&meta);
        x.writeStartDocument();
        x.writeStartElement(QStringLiteral("office:document-meta"));
        x.writeAttribute(QStringLiteral("xmlns:office"),
                         QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:office:1.0"));
        x.writeAttribute(QStringLiteral("xmlns:meta"),
                         QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:meta:1.0"));
        x.writeAttribute(QStringLiteral("xmlns:dc"), QStringLiteral("http://purl.org/dc/elements/1.1/"));
        x.writeAttribute(QStringLiteral("office:version"), QStringLiteral("1.3"));
        x.writeStartElement(QStringLiteral("office:meta"));
        x.writeTextElement(QStringLiteral("meta:generator"), QStringLiteral("Quire"));
        x.writeTextElement(QStringLiteral("dc:title"), m_title);
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndDocument();
    }
    const QByteArray styles = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles " + ns +
                              " office:version=\"1.3\">\n" + QByteArray(OdtStyles) + "</office:document-styles>\n";
    ZipWriter zip(m_fileName);
    // "mimetype" first and stored, so that tools know the type from the first bytes.
    zip.add(QStringLiteral("mimetype"), QByteArrayLiteral("application/vnd.oasis.opendocument.text"),
            ZipWriter::Method::Store);
    zip.add(QStringLiteral("content.xml"), content);
    zip.add(QStringLiteral("styles.xml"), styles);
    zip.add(QStringLiteral("meta.xml"), meta);
    zip.add(
        QStringLiteral("META-INF/manifest.xml"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
        "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
        "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
        "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
        "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
        "</manifest:manifest>\n");
    return zip.finish();
}

} // namespace

std::unique_ptr<Writer> makeWriter(const QString &format, const QString &title, const QString &fileName)
{
    if (format == QLatin1String("md"))
        return std::make_unique<MarkdownWriter>();
    if (format == QLatin1String("html"))
        return std::make_unique<HtmlWriter>(title);
    if (format == QLatin1String("docx"))
        return std::make_unique<DocxWriter>(fileName);
    throw Error(QStringLiteral("%1: a document is written as md, html or docx, not \"%2\"")
                    .arg(QFileInfo(fileName).fileName(), format));
}

std::unique_ptr<Writer> makeOdtWriter(const QString &title, const QString &fileName)
{
    return std::make_unique<OdtWriter>(title, fileName);
}

} // namespace Quire::Doc
