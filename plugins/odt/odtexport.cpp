// SPDX-License-Identifier: GPL-3.0-or-later
#include "odtplugin.h"

#include "error.h"
#include "io/zipwriter.h"
#include "report/exportlayout.h"

#include <algorithm>
#include <QXmlStreamWriter>

namespace Quire::Odt {

namespace {

const QString Office = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:office:1.0");
const QString Text = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:text:1.0");
const QString Table = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:table:1.0");
const QString Style = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:style:1.0");
const QString Fo = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0");
const QString Meta = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:meta:1.0");

/// Writes text into an open text:p or text:h so that a reader gets every
/// character back: ODF collapses runs of spaces and drops leading ones, so
/// those become <text:s/>; tabs become <text:tab/>, newlines <text:line-break/>.
void writeText(QXmlStreamWriter &x, const QString &text)
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
            qsizetype literal = (atStart || atEnd) ? 0 : 1;
            if (literal)
                chunk += QLatin1Char(' ');
            if (n - literal > 0) {
                flush();
                x.writeEmptyElement(Text, QStringLiteral("s"));
                if (n - literal > 1)
                    x.writeAttribute(Text, QStringLiteral("c"), QString::number(n - literal));
            }
            i += n;
            atStart = false;
            continue;
        }
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n')) {
            flush();
            x.writeEmptyElement(Text, c == QLatin1Char('\t') ? QStringLiteral("tab") : QStringLiteral("line-break"));
            atStart = true;
        } else {
            chunk += c;
            atStart = false;
        }
        ++i;
    }
    flush();
}

void paragraph(QXmlStreamWriter &x, const QString &style, const QString &text)
{
    x.writeStartElement(Text, QStringLiteral("p"));
    x.writeAttribute(Text, QStringLiteral("style-name"), style);
    writeText(x, text);
    x.writeEndElement();
}

void heading(QXmlStreamWriter &x, int level, const QString &text)
{
    x.writeStartElement(Text, QStringLiteral("h"));
    x.writeAttribute(Text, QStringLiteral("style-name"), QStringLiteral("Heading_20_%1").arg(level));
    x.writeAttribute(Text, QStringLiteral("outline-level"), QString::number(level));
    writeText(x, text);
    x.writeEndElement();
}

void tableRow(QXmlStreamWriter &x, const LayoutTable &t, const QStringList &cells, int depth, bool header)
{
    x.writeStartElement(Table, QStringLiteral("table-row"));
    for (qsizetype c = 0; c < cells.size(); ++c) {
        x.writeStartElement(Table, QStringLiteral("table-cell"));
        // Each border drawn once: every cell has its right and bottom edge,
        // the first column its left, the header row its top.
        x.writeAttribute(Table, QStringLiteral("style-name"),
                         QStringLiteral("Cell%1%2")
                             .arg(header ? QStringLiteral("T") : QString(), c == 0 ? QStringLiteral("L") : QString()));
        const bool numeric = t.numeric[std::size_t(c)];
        if (numeric && !header && !cells[c].isEmpty()) {
            x.writeAttribute(Office, QStringLiteral("value-type"), QStringLiteral("float"));
            x.writeAttribute(Office, QStringLiteral("value"), cells[c]);
        } else {
            x.writeAttribute(Office, QStringLiteral("value-type"), QStringLiteral("string"));
        }
        QString style = QStringLiteral("Table_20_Contents");
        if (header)
            style = QStringLiteral("Table_20_Heading");
        else if (numeric)
            style = QStringLiteral("Number");
        else if (c == 0)
            style = QStringLiteral("Depth%1").arg(std::min(depth, 5));
        paragraph(x, style, cells[c]);
        x.writeEndElement();
    }
    x.writeEndElement();
}

QByteArray contentXml(const ThemeReport &report)
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    x.writeStartDocument();
    x.writeNamespace(Office, QStringLiteral("office"));
    x.writeNamespace(Text, QStringLiteral("text"));
    x.writeNamespace(Table, QStringLiteral("table"));
    x.writeNamespace(Style, QStringLiteral("style"));
    x.writeNamespace(Fo, QStringLiteral("fo"));
    x.writeStartElement(Office, QStringLiteral("document-content"));
    x.writeAttribute(Office, QStringLiteral("version"), QStringLiteral("1.3"));
    // Automatic styles: the table's cells and the indentation of code rows.
    x.writeStartElement(Office, QStringLiteral("automatic-styles"));
    const QString line = QStringLiteral("0.5pt solid #999999");
    for (const QString &name :
         {QStringLiteral("Cell"), QStringLiteral("CellL"), QStringLiteral("CellT"), QStringLiteral("CellTL")}) {
        x.writeStartElement(Style, QStringLiteral("style"));
        x.writeAttribute(Style, QStringLiteral("name"), name);
        x.writeAttribute(Style, QStringLiteral("family"), QStringLiteral("table-cell"));
        x.writeEmptyElement(Style, QStringLiteral("table-cell-properties"));
        x.writeAttribute(Fo, QStringLiteral("border-right"), line);
        x.writeAttribute(Fo, QStringLiteral("border-bottom"), line);
        x.writeAttribute(Fo, QStringLiteral("border-left"),
                         name.endsWith(QLatin1Char('L')) ? line : QStringLiteral("none"));
        x.writeAttribute(Fo, QStringLiteral("border-top"),
                         name.contains(QLatin1Char('T')) ? line : QStringLiteral("none"));
        x.writeAttribute(Fo, QStringLiteral("padding"), QStringLiteral("0.05cm"));
        if (name.contains(QLatin1Char('T')))
            x.writeAttribute(Fo, QStringLiteral("background-color"),
                             QStringLiteral("#eeeeee")); // the header row, shaded as in Word
        x.writeEndElement();
    }
    for (int d = 0; d <= 5; ++d) {
        x.writeStartElement(Style, QStringLiteral("style"));
        x.writeAttribute(Style, QStringLiteral("name"), QStringLiteral("Depth%1").arg(d));
        x.writeAttribute(Style, QStringLiteral("family"), QStringLiteral("paragraph"));
        x.writeAttribute(Style, QStringLiteral("parent-style-name"), QStringLiteral("Table_20_Contents"));
        x.writeEmptyElement(Style, QStringLiteral("paragraph-properties"));
        x.writeAttribute(Fo, QStringLiteral("margin-left"), QStringLiteral("%1cm").arg(0.6 * d));
        if (d == 0) {
            x.writeEmptyElement(Style, QStringLiteral("text-properties"));
            x.writeAttribute(Fo, QStringLiteral("font-weight"), QStringLiteral("bold"));
        }
        x.writeEndElement();
    }
    if (layoutHasTable(report)) {
        // The page's text width (17 cm), the name column the largest share
        // of it, as in the .docx export; the rest share what is left.
        const TableWidths widths = layoutTableWidths(layoutTable(report).header.size());
        auto cm = [](int twips) { return QStringLiteral("%1cm").arg(twips * 2.54 / 1440, 0, 'f', 3); };
        x.writeStartElement(Style, QStringLiteral("style"));
        x.writeAttribute(Style, QStringLiteral("name"), QStringLiteral("Themes"));
        x.writeAttribute(Style, QStringLiteral("family"), QStringLiteral("table"));
        x.writeEmptyElement(Style, QStringLiteral("table-properties"));
        x.writeAttribute(Style, QStringLiteral("width"),
                         cm(widths.name + widths.other * int(layoutTable(report).header.size() - 1)));
        x.writeAttribute(Table, QStringLiteral("align"), QStringLiteral("left"));
        x.writeEndElement();
        for (const auto &[name, width] : {std::pair{QStringLiteral("NameColumn"), widths.name},
                                          std::pair{QStringLiteral("Column"), widths.other}}) {
            x.writeStartElement(Style, QStringLiteral("style"));
            x.writeAttribute(Style, QStringLiteral("name"), name);
            x.writeAttribute(Style, QStringLiteral("family"), QStringLiteral("table-column"));
            x.writeEmptyElement(Style, QStringLiteral("table-column-properties"));
            x.writeAttribute(Style, QStringLiteral("column-width"), cm(width));
            x.writeEndElement();
        }
    }
    x.writeEndElement(); // automatic-styles
    x.writeStartElement(Office, QStringLiteral("body"));
    x.writeStartElement(Office, QStringLiteral("text"));
    const auto notes = [&] {
        paragraph(x, QStringLiteral("Note"), reportSummary(report));
        for (const auto &n : report.notes)
            paragraph(x, QStringLiteral("Note"), n);
    };
    if (layoutHasTable(report)) {
        const LayoutTable t = layoutTable(report);
        heading(x, 1, t.title);
        notes();
        x.writeStartElement(Table, QStringLiteral("table"));
        x.writeAttribute(Table, QStringLiteral("name"), QStringLiteral("Themes"));
        x.writeAttribute(Table, QStringLiteral("style-name"), QStringLiteral("Themes"));
        x.writeEmptyElement(Table, QStringLiteral("table-column"));
        x.writeAttribute(Table, QStringLiteral("style-name"), QStringLiteral("NameColumn"));
        if (t.header.size() > 1) {
            x.writeEmptyElement(Table, QStringLiteral("table-column"));
            x.writeAttribute(Table, QStringLiteral("style-name"), QStringLiteral("Column"));
            x.writeAttribute(Table, QStringLiteral("number-columns-repeated"), QString::number(t.header.size() - 1));
        }
        x.writeStartElement(Table, QStringLiteral("table-header-rows"));
        tableRow(x, t, t.header, 0, true);
        x.writeEndElement();
        for (const auto &r : t.rows)
            tableRow(x, t, r.cells, r.depth, false);
        x.writeEndElement(); // table
    }
    if (layoutHasQuotes(report)) {
        heading(x, 1, QStringLiteral("Quotes"));
        if (!layoutHasTable(report))
            notes();
        for (std::size_t i = 0; i < report.rows.size(); ++i) {
            const auto &row = report.rows[i];
            heading(x, quoteHeadingLevel(row), quoteHeading(row));
            if (!row.description.isEmpty())
                paragraph(x, QStringLiteral("Description"), row.description);
            for (const auto &q : report.quotes[i]) {
                paragraph(x, QStringLiteral("Quote"), quoteDisplayText(q));
                paragraph(x, QStringLiteral("Citation"), quoteCitationLine(q));
                if (report.showMemos && !q.memo.isEmpty())
                    paragraph(x, QStringLiteral("Memo"), q.memo);
            }
        }
    }
    x.writeEndElement(); // text
    x.writeEndElement(); // body
    x.writeEndElement(); // document-content
    x.writeEndDocument();
    return bytes;
}

const char *const StylesXml = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3">
<office:font-face-decls><style:font-face style:name="Carlito" svg:font-family="Carlito" style:font-family-generic="swiss" style:font-pitch="variable"/><style:font-face style:name="Noto Sans CJK SC" svg:font-family="&apos;Noto Sans CJK SC&apos;" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>
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
<style:style style:name="Number" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:paragraph-properties fo:text-align="end"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
</office:document-styles>
)";

QByteArray metaXml(const ThemeReport &report)
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    x.writeStartDocument();
    x.writeNamespace(Office, QStringLiteral("office"));
    x.writeNamespace(Meta, QStringLiteral("meta"));
    x.writeNamespace(QStringLiteral("http://purl.org/dc/elements/1.1/"), QStringLiteral("dc"));
    x.writeStartElement(Office, QStringLiteral("document-meta"));
    x.writeAttribute(Office, QStringLiteral("version"), QStringLiteral("1.3"));
    x.writeStartElement(Office, QStringLiteral("meta"));
    x.writeTextElement(Meta, QStringLiteral("generator"), QStringLiteral("Quire"));
    x.writeTextElement(QStringLiteral("http://purl.org/dc/elements/1.1/"), QStringLiteral("title"), report.projectName);
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndDocument();
    return bytes;
}

const char *const Manifest = R"(<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
)";

} // namespace

void OdtPlugin::write(const ThemeReport &report, QIODevice &out) const
{
    ZipWriter zip(QStringLiteral("the OpenDocument export"));
    // ODF: "mimetype" first and stored, so that tools can recognise the type from the first bytes.
    zip.add(QStringLiteral("mimetype"), QByteArrayLiteral("application/vnd.oasis.opendocument.text"),
            ZipWriter::Method::Store);
    zip.add(QStringLiteral("content.xml"), contentXml(report));
    zip.add(QStringLiteral("styles.xml"), QByteArray(StylesXml));
    zip.add(QStringLiteral("meta.xml"), metaXml(report));
    zip.add(QStringLiteral("META-INF/manifest.xml"), QByteArray(Manifest));
    zip.finish(out);
}

} // namespace Quire::Odt
