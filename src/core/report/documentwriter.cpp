// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/documentwriter.h"

#include "error.h"
#include "io/zipwriter.h"

#include <QFileInfo>
#include <QXmlStreamWriter>

#include <algorithm>
#include <vector>

namespace Quire::Doc {

Writer::~Writer() = default;

namespace {

/// A table's first column (a code path, a name) gets this share of the
/// width, the rest share what is left; 0: all columns equal. Word
/// processors and Qt's rich text otherwise share the width out equally and
/// break a long first column inside its words.
int firstColumnPercent(qsizetype columns)
{
    return columns > 2 ? std::max(25, 100 - 9 * int(columns - 1)) : 0;
}

/// Shares of the width (percent, summing to 100) when the columns after the
/// first hold more text than the first (a workshop grid's notes): a column
/// with little text (a name, a descriptor) gets about two thirds of an equal
/// share, at most 15%, so that its words are not broken; the text columns
/// share the rest alike. Empty when the columns after the first hold counts
/// or short words (firstColumnPercent applies).
std::vector<int> textColumnPercents(const QStringList &header, const QList<QStringList> &rows)
{
    const qsizetype columns = header.size();
    if (columns < 2 || rows.isEmpty())
        return {};
    std::vector<double> mean(std::size_t(columns), 0.0);
    for (const QStringList &r : rows)
        for (qsizetype i = 0; i < columns && i < r.size(); ++i)
            mean[std::size_t(i)] += double(std::min<qsizetype>(r[i].size(), 400)) / double(rows.size());
    double rest = 0;
    for (std::size_t i = 1; i < mean.size(); ++i)
        rest += mean[i];
    if (rest / double(columns - 1) <= std::max(40.0, mean[0]))
        return {};
    const int narrow = std::min(15, int(100.0 / (double(columns) * 1.3)));
    // A column is narrow when its share by text would be below that.
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

/// More columns than this are set in a smaller type.
constexpr qsizetype WideTable = 6;

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
    void heading(int level, const QString &text) override
    {
        m_out += QString(level, QLatin1Char('#')) + QLatin1Char(' ') + mdEscape(text) + QStringLiteral("\n\n");
    }
    void paragraph(const QString &text) override { m_out += mdEscape(text) + QStringLiteral("\n\n"); }
    void list(const QStringList &items) override
    {
        for (const QString &i : items)
            m_out += QStringLiteral("- ") + mdEscape(i) + QLatin1Char('\n');
        m_out += QLatin1Char('\n');
    }
    void table(const QStringList &header, const QList<QStringList> &rows) override
    {
        auto row = [&](const QStringList &cells) {
            QStringList esc;
            for (const QString &c : cells)
                esc << mdEscape(c);
            m_out += QStringLiteral("| ") + esc.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
        };
        row(header);
        m_out += QStringLiteral("|") + QStringLiteral("---|").repeated(header.size()) + QLatin1Char('\n');
        for (const QStringList &r : rows)
            row(r);
        m_out += QLatin1Char('\n');
    }
    void picture(const Picture &p) override
    {
        if (p.link.isEmpty())
            paragraph(p.missing);
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
    void paragraph(const QString &text) override { m_out += QStringLiteral("<p>%1</p>\n").arg(esc(text)); }
    void list(const QStringList &items) override
    {
        m_out += QStringLiteral("<ul>\n");
        for (const QString &i : items)
            m_out += QStringLiteral("<li>%1</li>\n").arg(esc(i));
        m_out += QStringLiteral("</ul>\n");
    }
    void table(const QStringList &header, const QList<QStringList> &rows) override
    {
        // Widths for Qt's rich text (the PDF), which otherwise shares the
        // page out equally and breaks a long first column (code paths,
        // names) inside its words. A wide table is set smaller.
        const bool wide = header.size() > WideTable;
        m_out += wide ? QStringLiteral("<table width=\"100%\" style=\"font-size:8pt\">\n<tr>")
                      : QStringLiteral("<table width=\"100%\">\n<tr>");
        const int first = firstColumnPercent(header.size());
        const std::vector<int> shares = textColumnPercents(header, rows);
        for (qsizetype i = 0; i < header.size(); ++i) {
            if (!shares.empty())
                m_out += QStringLiteral("<th width=\"%1%\">%2</th>").arg(shares[std::size_t(i)]).arg(esc(header[i]));
            else
                m_out += i == 0 && first > 0
                             ? QStringLiteral("<th width=\"%1%\">%2</th>").arg(first).arg(esc(header[i]))
                             : QStringLiteral("<th>%1</th>").arg(esc(header[i]));
        }
        m_out += QStringLiteral("</tr>\n");
        for (const QStringList &r : rows) {
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
            paragraph(p.missing);
            return;
        }
        m_out += QStringLiteral("<div class=\"picture\">\n") + QString::fromUtf8(p.svg.mid(start)) +
                 QStringLiteral("\n</div>\n");
    }
    QByteArray finish() override { return (m_out + QStringLiteral("</body>\n</html>\n")).toUtf8(); }

private:
    QString m_out;
};

/// WordprocessingML: headings use the built-in style ids Heading1…4 (defined
/// in styles.xml below), tables have single borders. Pictures are PNGs
/// (word/media/pictureN.png, relationship rIdN+1) scaled into the text width.
class DocxWriter : public Writer
{
public:
    explicit DocxWriter(const QString &fileName)
        : m_fileName(fileName)
        , m_xml(&m_body)
    {}
    void heading(int level, const QString &text) override { para(text, QStringLiteral("Heading%1").arg(level)); }
    void paragraph(const QString &text) override { para(text, QString()); }
    void list(const QStringList &items) override
    {
        for (const QString &i : items)
            para(QStringLiteral("\u2022 ") + i, QString());
    }
    void table(const QStringList &header, const QList<QStringList> &rows) override
    {
        const QString w = QStringLiteral("w:");
        // Fixed column widths in twips, summing to the text width (A4 less
        // 1-inch margins).
        constexpr int TextWidth = 9026;
        const qsizetype columns = std::max<qsizetype>(1, header.size());
        const int first = firstColumnPercent(columns);
        std::vector<int> widths(std::size_t(columns), TextWidth / int(columns));
        const std::vector<int> shares = textColumnPercents(header, rows);
        if (!shares.empty()) {
            for (std::size_t i = 0; i < widths.size(); ++i)
                widths[i] = TextWidth * shares[i] / 100;
        } else if (first > 0) {
            widths[0] = TextWidth * first / 100;
            for (std::size_t i = 1; i < widths.size(); ++i)
                widths[i] = (TextWidth - widths[0]) / int(columns - 1);
        }
        const int halfPoints = columns > WideTable ? 16 : 0;
        m_xml.writeStartElement(w + QStringLiteral("tbl"));
        m_xml.writeStartElement(w + QStringLiteral("tblPr"));
        m_xml.writeEmptyElement(w + QStringLiteral("tblW"));
        m_xml.writeAttribute(w + QStringLiteral("w"), QString::number(TextWidth));
        m_xml.writeAttribute(w + QStringLiteral("type"), QStringLiteral("dxa"));
        m_xml.writeStartElement(w + QStringLiteral("tblBorders"));
        for (const char *side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
            m_xml.writeEmptyElement(w + QString::fromLatin1(side));
            m_xml.writeAttribute(w + QStringLiteral("val"), QStringLiteral("single"));
            m_xml.writeAttribute(w + QStringLiteral("sz"), QStringLiteral("4"));
        }
        m_xml.writeEndElement();
        m_xml.writeEmptyElement(w + QStringLiteral("tblLayout"));
        m_xml.writeAttribute(w + QStringLiteral("type"), QStringLiteral("fixed"));
        m_xml.writeEndElement();
        m_xml.writeStartElement(w + QStringLiteral("tblGrid"));
        for (int width : widths) {
            m_xml.writeEmptyElement(w + QStringLiteral("gridCol"));
            m_xml.writeAttribute(w + QStringLiteral("w"), QString::number(width));
        }
        m_xml.writeEndElement();
        auto row = [&](const QStringList &cells, bool bold) {
            m_xml.writeStartElement(w + QStringLiteral("tr"));
            for (qsizetype i = 0; i < cells.size(); ++i) {
                m_xml.writeStartElement(w + QStringLiteral("tc"));
                m_xml.writeStartElement(w + QStringLiteral("tcPr"));
                m_xml.writeEmptyElement(w + QStringLiteral("tcW"));
                m_xml.writeAttribute(w + QStringLiteral("w"),
                                     QString::number(widths[std::size_t(std::min(i, columns - 1))]));
                m_xml.writeAttribute(w + QStringLiteral("type"), QStringLiteral("dxa"));
                m_xml.writeEndElement();
                para(cells[i], QString(), bold, halfPoints);
                m_xml.writeEndElement();
            }
            m_xml.writeEndElement();
        };
        row(header, true);
        for (const QStringList &r : rows)
            row(r, false);
        m_xml.writeEndElement();
        para(QString(), QString());
    }
    void picture(const Picture &p) override
    {
        if (p.png.isEmpty() || p.pngWidth <= 0 || p.pngHeight <= 0) {
            paragraph(p.missing);
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

    void para(const QString &text, const QString &style, bool bold = false, int halfPoints = 0)
    {
        const QString w = QStringLiteral("w:");
        m_xml.writeStartElement(w + QStringLiteral("p"));
        if (!style.isEmpty()) {
            m_xml.writeStartElement(w + QStringLiteral("pPr"));
            m_xml.writeEmptyElement(w + QStringLiteral("pStyle"));
            m_xml.writeAttribute(w + QStringLiteral("val"), style);
            m_xml.writeEndElement();
        }
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            m_xml.writeStartElement(w + QStringLiteral("r"));
            if (bold || halfPoints > 0) {
                m_xml.writeStartElement(w + QStringLiteral("rPr"));
                if (bold)
                    m_xml.writeEmptyElement(w + QStringLiteral("b"));
                if (halfPoints > 0) {
                    m_xml.writeEmptyElement(w + QStringLiteral("sz"));
                    m_xml.writeAttribute(w + QStringLiteral("val"), QString::number(halfPoints));
                }
                m_xml.writeEndElement();
            }
            if (i > 0)
                m_xml.writeEmptyElement(w + QStringLiteral("br"));
            m_xml.writeStartElement(w + QStringLiteral("t"));
            m_xml.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
            m_xml.writeCharacters(lines[i]);
            m_xml.writeEndElement();
            m_xml.writeEndElement();
        }
        m_xml.writeEndElement();
    }

    QString m_fileName;
    QByteArray m_body;
    QXmlStreamWriter m_xml;
    std::vector<QByteArray> m_pictures;
};

QByteArray DocxWriter::finish()
{
    QByteArray styles =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>";
    const int sizes[] = {36, 30, 26, 24};
    for (int level = 1; level <= 4; ++level)
        styles +=
            QStringLiteral(
                "<w:style w:type=\"paragraph\" w:styleId=\"Heading%1\"><w:name w:val=\"heading %1\"/>"
                "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"%2\"/></w:pPr>"
                "<w:rPr><w:b/><w:sz w:val=\"%3\"/></w:rPr></w:style>")
                .arg(level)
                .arg(level - 1)
                .arg(sizes[level - 1])
                .toUtf8();
    styles += "</w:styles>";
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
    zip.add(QStringLiteral("word/styles.xml"), styles);
    for (std::size_t i = 0; i < m_pictures.size(); ++i)
        zip.add(QStringLiteral("word/media/picture%1.png").arg(i + 1), m_pictures[i]);
    return zip.finish();
}

/// OpenDocument text (.odt): the same parts, a table with fixed column widths
/// and thin borders, each "\n" a line break; pictures are not embedded (the
/// picture's `missing` text is said instead).
class OdtWriter : public Writer
{
public:
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
    void paragraph(const QString &t) override { para(t, QStringLiteral("Standard")); }
    void list(const QStringList &items) override
    {
        for (const QString &i : items)
            para(QStringLiteral("\u2022 ") + i, QStringLiteral("Standard"));
    }
    void table(const QStringList &header, const QList<QStringList> &rows) override
    {
        constexpr double TextWidth = 17.0; // cm: A4 less 2 cm margins
        const qsizetype columns = std::max<qsizetype>(1, header.size());
        std::vector<double> widths(std::size_t(columns), TextWidth / double(columns));
        const std::vector<int> shares = textColumnPercents(header, rows);
        const int first = firstColumnPercent(columns);
        if (!shares.empty()) {
            for (std::size_t i = 0; i < widths.size(); ++i)
                widths[i] = TextWidth * shares[i] / 100.0;
        } else if (first > 0) {
            widths[0] = TextWidth * first / 100.0;
            for (std::size_t i = 1; i < widths.size(); ++i)
                widths[i] = (TextWidth - widths[0]) / double(columns - 1);
        }
        const QString name = QStringLiteral("Table%1").arg(++m_tables);
        m_styles +=
            QStringLiteral(
                "<style:style style:name=\"%1\" style:family=\"table\"><style:table-properties style:width=\"%2cm\" "
                "table:align=\"left\" fo:margin-top=\"0.1cm\" fo:margin-bottom=\"0.2cm\"/></style:style>")
                .arg(name)
                .arg(TextWidth, 0, 'f', 2);
        for (std::size_t i = 0; i < widths.size(); ++i)
            m_styles +=
                QStringLiteral(
                    "<style:style style:name=\"%1.C%2\" style:family=\"table-column\"><style:table-column-properties "
                    "style:column-width=\"%3cm\"/></style:style>")
                    .arg(name)
                    .arg(i + 1)
                    .arg(widths[i], 0, 'f', 2);
        m_xml.writeStartElement(QStringLiteral("table:table"));
        m_xml.writeAttribute(QStringLiteral("table:name"), name);
        m_xml.writeAttribute(QStringLiteral("table:style-name"), name);
        for (std::size_t i = 0; i < widths.size(); ++i) {
            m_xml.writeEmptyElement(QStringLiteral("table:table-column"));
            m_xml.writeAttribute(QStringLiteral("table:style-name"), QStringLiteral("%1.C%2").arg(name).arg(i + 1));
        }
        const bool small = columns > WideTable;
        auto row = [&](const QStringList &cells, bool head) {
            m_xml.writeStartElement(QStringLiteral("table:table-row"));
            for (qsizetype i = 0; i < columns; ++i) {
                m_xml.writeStartElement(QStringLiteral("table:table-cell"));
                m_xml.writeAttribute(QStringLiteral("table:style-name"),
                                     head ? QStringLiteral("HeadCell") : QStringLiteral("Cell"));
                m_xml.writeAttribute(QStringLiteral("office:value-type"), QStringLiteral("string"));
                para(cells.value(i),
                     head ? (small ? QStringLiteral("Small_20_Heading") : QStringLiteral("Table_20_Heading"))
                          : (small ? QStringLiteral("Small_20_Contents") : QStringLiteral("Table_20_Contents")));
                m_xml.writeEndElement();
            }
            m_xml.writeEndElement();
        };
        m_xml.writeStartElement(QStringLiteral("table:table-header-rows"));
        row(header, true);
        m_xml.writeEndElement();
        for (const QStringList &r : rows)
            row(r, false);
        m_xml.writeEndElement();
    }
    void picture(const Picture &p) override
    {
        para(p.missing.isEmpty() ? p.alt : p.missing, QStringLiteral("Standard"));
    }
    QByteArray finish() override
    {
        const QByteArray ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                              "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
                              "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                              "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                              "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
                              "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                              "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"";
        const QByteArray content =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content " + ns +
            " office:version=\"1.3\"><office:automatic-styles>"
            "<style:style style:name=\"Cell\" style:family=\"table-cell\"><style:table-cell-properties fo:border=\"0.5pt solid #808080\" "
            "fo:padding=\"0.1cm\" style:vertical-align=\"top\"/></style:style>"
            "<style:style style:name=\"HeadCell\" style:family=\"table-cell\"><style:table-cell-properties fo:background-color=\"#eeeeee\" "
            "fo:border=\"0.5pt solid #808080\" fo:padding=\"0.1cm\" style:vertical-align=\"top\"/></style:style>" +
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
        auto style = [](const QString &name, const QString &parent, const QString &paragraph, const QString &text) {
            return QStringLiteral("<style:style style:name=\"%1\" style:family=\"paragraph\"%2>%3%4</style:style>")
                .arg(name, parent.isEmpty() ? QString() : QStringLiteral(" style:parent-style-name=\"%1\"").arg(parent),
                     paragraph.isEmpty() ? QString()
                                         : QStringLiteral("<style:paragraph-properties %1/>").arg(paragraph),
                     text.isEmpty() ? QString() : QStringLiteral("<style:text-properties %1/>").arg(text));
        };
        QString named =
            style(QStringLiteral("Standard"), QString(), QStringLiteral("fo:margin-bottom=\"0.2cm\""), QString());
        const char *sizes[] = {"16pt", "14pt", "12pt", "11pt"};
        for (int l = 1; l <= 4; ++l)
            named +=
                style(QStringLiteral("Heading_20_%1").arg(l), QStringLiteral("Standard"),
                      QStringLiteral("fo:margin-top=\"0.4cm\" fo:margin-bottom=\"0.2cm\" fo:keep-with-next=\"always\""),
                      QStringLiteral("fo:font-size=\"%1\" fo:font-weight=\"bold\"").arg(QLatin1String(sizes[l - 1])));
        named += style(QStringLiteral("Table_20_Contents"), QStringLiteral("Standard"),
                       QStringLiteral("fo:margin-bottom=\"0cm\""), QString());
        named += style(QStringLiteral("Table_20_Heading"), QStringLiteral("Table_20_Contents"), QString(),
                       QStringLiteral("fo:font-weight=\"bold\""));
        named += style(QStringLiteral("Small_20_Contents"), QStringLiteral("Table_20_Contents"), QString(),
                       QStringLiteral("fo:font-size=\"8pt\""));
        named += style(QStringLiteral("Small_20_Heading"), QStringLiteral("Small_20_Contents"), QString(),
                       QStringLiteral("fo:font-weight=\"bold\""));
        const QByteArray styles =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles " + ns +
            " office:version=\"1.3\"><office:styles><style:default-style style:family=\"paragraph\"><style:text-properties "
            "fo:font-family=\"'Liberation Sans', Arial, sans-serif\" style:font-family-generic=\"swiss\" fo:font-size=\"10pt\"/>"
            "</style:default-style>" +
            named.toUtf8() +
            "</office:styles><office:automatic-styles><style:page-layout style:name=\"A4\"><style:page-layout-properties "
            "fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" fo:margin-top=\"2cm\" fo:margin-bottom=\"2cm\" fo:margin-left=\"2cm\" "
            "fo:margin-right=\"2cm\"/></style:page-layout></office:automatic-styles><office:master-styles><style:master-page "
            "style:name=\"Standard\" style:page-layout-name=\"A4\"/></office:master-styles></office:document-styles>\n";
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

private:
    /// Characters into an open text:p or text:h, every one kept: runs of spaces
    /// as <text:s/> (ODF collapses them), tabs as <text:tab/>, "\n" as <text:line-break/>.
    static void text(QXmlStreamWriter &x, const QString &t)
    {
        QString run;
        auto flush = [&] {
            if (!run.isEmpty())
                x.writeCharacters(run);
            run.clear();
        };
        for (qsizetype i = 0; i < t.size(); ++i) {
            const QChar c = t[i];
            if (c == QLatin1Char(' ') && (i == 0 || t[i - 1] == QLatin1Char(' ') || t[i - 1] == QLatin1Char('\n'))) {
                flush();
                x.writeEmptyElement(QStringLiteral("text:s"));
            } else if (c == QLatin1Char('\t') || c == QLatin1Char('\n')) {
                flush();
                x.writeEmptyElement(c == QLatin1Char('\t') ? QStringLiteral("text:tab")
                                                           : QStringLiteral("text:line-break"));
            } else {
                run += c;
            }
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
    QString m_styles; ///< automatic styles of the tables
    int m_tables = 0;
};
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
