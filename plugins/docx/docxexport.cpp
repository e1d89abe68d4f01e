// SPDX-License-Identifier: GPL-3.0-or-later
#include "docxplugin.h"

#include "error.h"
#include "io/zipwriter.h"
#include "report/exportlayout.h"

#include <algorithm>
#include <QXmlStreamWriter>

namespace Quire::Docx {

namespace {

const QString W = QStringLiteral("http://schemas.openxmlformats.org/wordprocessingml/2006/main");

/// Writes WordprocessingML paragraphs. Text keeps every character: tabs become
/// <w:tab/>, newlines <w:br/>, and runs preserve their spaces.
class Body
{
public:
    explicit Body(QXmlStreamWriter &x)
        : m_x(x)
    {}

    void runs(const QString &text, bool bold = false, bool italic = false)
    {
        m_x.writeStartElement(W, QStringLiteral("r"));
        if (bold || italic) {
            m_x.writeStartElement(W, QStringLiteral("rPr"));
            if (bold)
                m_x.writeEmptyElement(W, QStringLiteral("b"));
            if (italic)
                m_x.writeEmptyElement(W, QStringLiteral("i"));
            m_x.writeEndElement();
        }
        QString chunk;
        const auto flush = [&] {
            if (chunk.isEmpty())
                return;
            m_x.writeStartElement(W, QStringLiteral("t"));
            m_x.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
            m_x.writeCharacters(chunk);
            m_x.writeEndElement();
            chunk.clear();
        };
        for (const QChar c : text) {
            if (c == QLatin1Char('\t')) {
                flush();
                m_x.writeEmptyElement(W, QStringLiteral("tab"));
            } else if (c == QLatin1Char('\n')) {
                flush();
                m_x.writeEmptyElement(W, QStringLiteral("br"));
            } else {
                chunk += c;
            }
        }
        flush();
        m_x.writeEndElement(); // r
    }

    void paragraph(const QString &style, const QString &text, int indentTwips = 0, bool right = false,
                   bool bold = false, bool italic = false)
    {
        m_x.writeStartElement(W, QStringLiteral("p"));
        if (!style.isEmpty() || indentTwips || right) {
            m_x.writeStartElement(W, QStringLiteral("pPr"));
            if (!style.isEmpty()) {
                m_x.writeEmptyElement(W, QStringLiteral("pStyle"));
                m_x.writeAttribute(W, QStringLiteral("val"), style);
            }
            if (indentTwips) {
                m_x.writeEmptyElement(W, QStringLiteral("ind"));
                m_x.writeAttribute(W, QStringLiteral("left"), QString::number(indentTwips));
            }
            if (right) {
                m_x.writeEmptyElement(W, QStringLiteral("jc"));
                m_x.writeAttribute(W, QStringLiteral("val"), QStringLiteral("right"));
            }
            m_x.writeEndElement();
        }
        if (!text.isEmpty())
            runs(text, bold, italic);
        m_x.writeEndElement();
    }

    void table(const LayoutTable &t)
    {
        m_x.writeStartElement(W, QStringLiteral("tbl"));
        m_x.writeStartElement(W, QStringLiteral("tblPr"));
        m_x.writeEmptyElement(W, QStringLiteral("tblStyle"));
        m_x.writeAttribute(W, QStringLiteral("val"), QStringLiteral("QuireTable"));
        m_x.writeEmptyElement(W, QStringLiteral("tblW"));
        m_x.writeAttribute(W, QStringLiteral("w"), QStringLiteral("0"));
        m_x.writeAttribute(W, QStringLiteral("type"), QStringLiteral("auto"));
        m_x.writeEndElement();
        m_x.writeStartElement(W, QStringLiteral("tblGrid"));
        const TableWidths widths = layoutTableWidths(t.header.size());
        m_otherWidth = widths.other;
        m_nameWidth = widths.name;
        for (qsizetype c = 0; c < t.header.size(); ++c) {
            m_x.writeEmptyElement(W, QStringLiteral("gridCol"));
            m_x.writeAttribute(W, QStringLiteral("w"), QString::number(c == 0 ? m_nameWidth : m_otherWidth));
        }
        m_x.writeEndElement();
        row(t, t.header, 0, true);
        for (const auto &r : t.rows)
            row(t, r.cells, r.depth, false);
        m_x.writeEndElement(); // tbl
    }

private:
    void row(const LayoutTable &t, const QStringList &cells, int depth, bool header)
    {
        m_x.writeStartElement(W, QStringLiteral("tr"));
        if (header) {
            m_x.writeStartElement(W, QStringLiteral("trPr"));
            m_x.writeEmptyElement(W, QStringLiteral("tblHeader"));
            m_x.writeEndElement();
        }
        for (qsizetype c = 0; c < cells.size(); ++c) {
            m_x.writeStartElement(W, QStringLiteral("tc"));
            m_x.writeStartElement(W, QStringLiteral("tcPr"));
            m_x.writeEmptyElement(W, QStringLiteral("tcW"));
            m_x.writeAttribute(W, QStringLiteral("w"), QString::number(c == 0 ? m_nameWidth : m_otherWidth));
            m_x.writeAttribute(W, QStringLiteral("type"), QStringLiteral("dxa"));
            m_x.writeEndElement();
            const bool numeric = t.numeric[std::size_t(c)];
            paragraph(QStringLiteral("TableContents"), cells[c], c == 0 ? depth * 360 : 0, numeric && !header,
                      header || (c == 0 && depth == 0));
            m_x.writeEndElement(); // tc
        }
        m_x.writeEndElement(); // tr
    }

    QXmlStreamWriter &m_x;
    int m_nameWidth = 3600;  ///< twips
    int m_otherWidth = 1400; ///< twips
};

QByteArray documentXml(const ThemeReport &report)
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    x.writeStartDocument(QStringLiteral("1.0"), true);
    x.writeNamespace(W, QStringLiteral("w"));
    x.writeStartElement(W, QStringLiteral("document"));
    x.writeStartElement(W, QStringLiteral("body"));
    Body b(x);
    const auto notes = [&] {
        b.paragraph(QStringLiteral("Note"), reportSummary(report));
        for (const auto &n : report.notes)
            b.paragraph(QStringLiteral("Note"), n);
    };
    if (layoutHasTable(report)) {
        const LayoutTable t = layoutTable(report);
        b.paragraph(QStringLiteral("Heading1"), t.title);
        notes();
        b.table(t);
    }
    if (layoutHasQuotes(report)) {
        b.paragraph(QStringLiteral("Heading1"), QStringLiteral("Quotes"));
        if (!layoutHasTable(report))
            notes();
        for (std::size_t i = 0; i < report.rows.size(); ++i) {
            const auto &row = report.rows[i];
            b.paragraph(QStringLiteral("Heading%1").arg(quoteHeadingLevel(row)), quoteHeading(row));
            if (!row.description.isEmpty())
                b.paragraph(QString(), row.description, 0, false, false, true);
            for (const auto &q : report.quotes[i]) {
                b.paragraph(QStringLiteral("Quote"), quoteDisplayText(q));
                b.paragraph(QStringLiteral("Citation"), quoteCitationLine(q));
                if (report.showMemos && !q.memo.isEmpty())
                    b.paragraph(QStringLiteral("Memo"), q.memo);
            }
        }
    }
    // A4 portrait, 2 cm margins.
    x.writeStartElement(W, QStringLiteral("sectPr"));
    x.writeEmptyElement(W, QStringLiteral("pgSz"));
    x.writeAttribute(W, QStringLiteral("w"), QStringLiteral("11906"));
    x.writeAttribute(W, QStringLiteral("h"), QStringLiteral("16838"));
    x.writeEmptyElement(W, QStringLiteral("pgMar"));
    for (const char *side : {"top", "right", "bottom", "left"})
        x.writeAttribute(W, QString::fromLatin1(side), QStringLiteral("1134"));
    x.writeAttribute(W, QStringLiteral("header"), QStringLiteral("709"));
    x.writeAttribute(W, QStringLiteral("footer"), QStringLiteral("709"));
    x.writeAttribute(W, QStringLiteral("gutter"), QStringLiteral("0"));
    x.writeEndElement();
    x.writeEndElement(); // body
    x.writeEndElement(); // document
    x.writeEndDocument();
    return bytes;
}

const char *const StylesXml = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
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
<w:style w:type="paragraph" w:styleId="TableContents"><w:name w:val="Table Contents"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="QuireTable"><w:name w:val="Quire Table"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:left w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:right w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="999999"/></w:tblBorders></w:tblPr><w:tblStylePr w:type="firstRow"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/></w:tcPr></w:tblStylePr></w:style>
</w:styles>
)";

const char *const ContentTypes = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>
)";

const char *const PackageRels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>
)";

const char *const DocumentRels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>
)";

} // namespace

void DocxPlugin::write(const ThemeReport &report, QIODevice &out) const
{
    ZipWriter zip(QStringLiteral("the Word export"));
    zip.add(QStringLiteral("[Content_Types].xml"), QByteArray(ContentTypes));
    zip.add(QStringLiteral("_rels/.rels"), QByteArray(PackageRels));
    zip.add(QStringLiteral("word/_rels/document.xml.rels"), QByteArray(DocumentRels));
    zip.add(QStringLiteral("word/document.xml"), documentXml(report));
    zip.add(QStringLiteral("word/styles.xml"), QByteArray(StylesXml));
    zip.finish(out);
}

} // namespace Quire::Docx
