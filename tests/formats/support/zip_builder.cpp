// SPDX-License-Identifier: GPL-3.0-or-later
#include "zip_builder.h"

#include <zip.h>

#include <cstring>
#include <stdexcept>
#include <string>

namespace QuireTest {

namespace {

[[noreturn]] void fail(const std::string &what)
{
    throw std::runtime_error("zip_builder: " + what);
}

/// A libzip source of `size` zero bytes, produced on demand.
struct ZeroSource
{
    zip_uint64_t size = 0;
    zip_uint64_t position = 0;
    zip_error_t error;
};

zip_int64_t zeroCallback(void *userdata, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    auto *z = static_cast<ZeroSource *>(userdata);
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        z->position = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        const zip_uint64_t n = std::min(len, z->size - z->position);
        std::memset(data, 0, n);
        z->position += n;
        return zip_int64_t(n);
    }
    case ZIP_SOURCE_CLOSE:
        return 0;
    case ZIP_SOURCE_STAT: {
        auto *st = static_cast<zip_stat_t *>(data);
        zip_stat_init(st);
        st->size = z->size;
        st->mtime = 1700000000;
        st->valid |= ZIP_STAT_SIZE | ZIP_STAT_MTIME;
        return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&z->error, data, len);
    case ZIP_SOURCE_FREE:
        zip_error_fini(&z->error);
        delete z;
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                              ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
        zip_error_set(&z->error, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
}

QByteArray build(const std::vector<ZipEntry> &entries, const QString &zeroName, qint64 zeroBytes)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer)
        fail("cannot create a buffer");
    zip_source_keep(buffer); // it must outlive zip_close, which writes into it
    zip_t *za = zip_open_from_source(buffer, ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!za)
        fail(std::string("cannot open for writing: ") + zip_error_strerror(&error));

    auto add = [za](const QString &name, zip_source_t *source, bool stored, bool encrypted) {
        const zip_int64_t index = zip_file_add(za, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            fail("cannot add " + name.toStdString() + ": " + zip_strerror(za));
        }
        zip_file_set_mtime(za, zip_uint64_t(index), 1700000000, 0);
        if (stored && zip_set_file_compression(za, zip_uint64_t(index), ZIP_CM_STORE, 0) != 0)
            fail("cannot store " + name.toStdString());
        if (encrypted && zip_file_set_encryption(za, zip_uint64_t(index), ZIP_EM_AES_256, "secret") != 0)
            fail("cannot encrypt " + name.toStdString() + ": " + zip_strerror(za));
    };
    for (const ZipEntry &e : entries) {
        // The entries' bytes stay alive in `entries` until zip_close.
        zip_source_t *source = zip_source_buffer(za, e.data.constData(), zip_uint64_t(e.data.size()), 0);
        if (!source)
            fail("cannot make a source");
        add(e.name, source, e.stored, e.encrypted);
    }
    if (!zeroName.isEmpty()) {
        auto *z = new ZeroSource;
        z->size = zip_uint64_t(zeroBytes);
        zip_error_init(&z->error);
        zip_source_t *source = zip_source_function(za, zeroCallback, z);
        if (!source)
            fail("cannot make the zero source");
        add(zeroName, source, false, false);
    }
    if (zip_close(za) != 0)
        fail(std::string("cannot write: ") + zip_strerror(za));

    QByteArray out;
    zip_stat_t st;
    if (zip_source_open(buffer) != 0 || zip_source_stat(buffer, &st) != 0)
        fail("cannot read back");
    out.resize(qsizetype(st.size));
    if (zip_source_read(buffer, out.data(), st.size) != zip_int64_t(st.size))
        fail("short read back");
    zip_source_close(buffer);
    zip_source_free(buffer);
    zip_error_fini(&error);
    return out;
}

quint32 le32(const QByteArray &b, qsizetype at)
{
    const auto *p = reinterpret_cast<const unsigned char *>(b.constData() + at);
    return quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24;
}

quint32 le16(const QByteArray &b, qsizetype at)
{
    const auto *p = reinterpret_cast<const unsigned char *>(b.constData() + at);
    return quint32(p[0]) | quint32(p[1]) << 8;
}

void put32(QByteArray &b, qsizetype at, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        b[at + i] = char((v >> (8 * i)) & 0xff);
}

QByteArray utf8(const QString &s)
{
    return s.toUtf8();
}

} // namespace

QByteArray makeZip(const std::vector<ZipEntry> &entries)
{
    return build(entries, QString(), 0);
}

QByteArray makeZipWithZeros(const std::vector<ZipEntry> &entries, const QString &name, qint64 zeroBytes)
{
    return build(entries, name, zeroBytes);
}

QByteArray withDeclaredSize(QByteArray zip, const QString &name, quint32 size)
{
    const qsizetype eocd = zip.lastIndexOf(QByteArray("PK\x05\x06", 4));
    if (eocd < 0)
        fail("no end of central directory");
    const quint32 count = le16(zip, eocd + 10);
    qsizetype at = qsizetype(le32(zip, eocd + 16));
    const QByteArray wanted = name.toUtf8();
    for (quint32 i = 0; i < count; ++i) {
        if (zip.mid(at, 4) != QByteArray("PK\x01\x02", 4))
            fail("bad central header");
        const quint32 nameLength = le16(zip, at + 28);
        const quint32 extraLength = le16(zip, at + 30);
        const quint32 commentLength = le16(zip, at + 32);
        if (zip.mid(at + 46, nameLength) == wanted) {
            put32(zip, at + 24, size);
            const qsizetype local = qsizetype(le32(zip, at + 42));
            put32(zip, local + 22, size);
            return zip;
        }
        at += 46 + nameLength + extraLength + commentLength;
    }
    fail("no entry " + name.toStdString());
}

bool canWriteEncrypted()
{
    return zip_encryption_method_supported(ZIP_EM_AES_256, 1) != 0;
}

std::vector<ZipEntry> replaced(std::vector<ZipEntry> entries, const QString &name, const QByteArray &data)
{
    for (auto &e : entries) {
        if (e.name == name) {
            e.data = data;
            return entries;
        }
    }
    fail("no entry " + name.toStdString() + " to replace");
}

// ---- WordprocessingML ----------------------------------------------------

namespace {

const char *const WordNamespaces =
    R"(xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" )"
    R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" )"
    R"(xmlns:o="urn:schemas-microsoft-com:office:office" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" )"
    R"(xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" )"
    R"(xmlns:v="urn:schemas-microsoft-com:vml" )"
    R"(xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" )"
    R"(xmlns:w10="urn:schemas-microsoft-com:office:word" )"
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" )"
    R"(xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" )"
    R"(xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" )"
    R"(mc:Ignorable="w14")";

QByteArray xmlHead()
{
    return QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n");
}

QByteArray notesXml(const char *root, const char *note, const QString &inner)
{
    // Word always writes the separator (-1) and continuation separator (0) notes first.
    return xmlHead() + QByteArray("<w:") + root + ' ' + WordNamespaces + '>' + "<w:" + note +
           R"( w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:)" +
           note + "><w:" + note +
           R"( w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:)" +
           note + '>' + utf8(inner) + "</w:" + root + '>';
}

} // namespace

QByteArray wordDocumentXml(const QString &bodyXml)
{
    return xmlHead() + QByteArray("<w:document ") + WordNamespaces + "><w:body>" + utf8(bodyXml) +
           R"(<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>)" +
           "</w:body></w:document>";
}

std::vector<ZipEntry> docxEntries(const QString &bodyXml, const QString &footnotesXml, const QString &endnotesXml)
{
    const bool footnotes = !footnotesXml.isEmpty();
    const bool endnotes = !endnotesXml.isEmpty();
    QByteArray types =
        xmlHead() +
        R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
        R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
        R"(<Default Extension="xml" ContentType="application/xml"/>)"
        R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
        R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
        R"(<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>)"
        R"(<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>)"
        R"(<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>)";
    if (footnotes)
        types +=
            R"(<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>)";
    if (endnotes)
        types +=
            R"(<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/>)";
    types += "</Types>";

    const QByteArray rootRels =
        xmlHead() +
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>)"
        R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
        R"(</Relationships>)";
    QByteArray docRels =
        xmlHead() +
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
        R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>)"
        R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>)";
    if (footnotes)
        docRels +=
            R"(<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>)";
    if (endnotes)
        docRels +=
            R"(<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>)";
    docRels += "</Relationships>";

    const QByteArray styles =
        xmlHead() + QByteArray("<w:styles ") + WordNamespaces + '>' +
        R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>)"
        R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>)"
        R"(<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>)"
        R"(<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/></w:style>)"
        R"(<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>)"
        R"(<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>)"
        R"(</w:styles>)";
    QByteArray settings = xmlHead() + QByteArray("<w:settings ") + WordNamespaces + "><w:trackRevisions/>";
    if (footnotes)
        settings += R"(<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>)";
    if (endnotes)
        settings += R"(<w:endnotePr><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>)";
    settings += "</w:settings>";
    const QByteArray numbering =
        xmlHead() + QByteArray("<w:numbering ") + WordNamespaces + '>' +
        R"(<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>)"
        R"(<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>)"
        R"(<w:pPr><w:tabs><w:tab w:val="num" w:pos="720"/></w:tabs><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>)"
        R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>)";
    const QByteArray core =
        xmlHead() +
        R"(<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" )"
        R"(xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" )"
        R"(xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Focus group</dc:title>)"
        R"(<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T10:00:00Z</dcterms:created></cp:coreProperties>)";

    std::vector<ZipEntry> entries{{QStringLiteral("[Content_Types].xml"), types},
                                  {QStringLiteral("_rels/.rels"), rootRels},
                                  {QStringLiteral("word/document.xml"), wordDocumentXml(bodyXml)},
                                  {QStringLiteral("word/_rels/document.xml.rels"), docRels},
                                  {QStringLiteral("word/styles.xml"), styles},
                                  {QStringLiteral("word/settings.xml"), settings},
                                  {QStringLiteral("word/numbering.xml"), numbering},
                                  {QStringLiteral("docProps/core.xml"), core}};
    if (footnotes)
        entries.push_back({QStringLiteral("word/footnotes.xml"), notesXml("footnotes", "footnote", footnotesXml)});
    if (endnotes)
        entries.push_back({QStringLiteral("word/endnotes.xml"), notesXml("endnotes", "endnote", endnotesXml)});
    return entries;
}

QByteArray makeDocx(const QString &bodyXml, const QString &footnotesXml, const QString &endnotesXml)
{
    return makeZip(docxEntries(bodyXml, footnotesXml, endnotesXml));
}

// ---- OpenDocument --------------------------------------------------------

namespace {

const char *const OdfNamespaces =
    R"(xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
    R"(xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" )"
    R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
    R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" )"
    R"(xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" )"
    R"(xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" )"
    R"(xmlns:xlink="http://www.w3.org/1999/xlink" )"
    R"(xmlns:dc="http://purl.org/dc/elements/1.1/" )"
    R"(xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" )"
    R"(xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" )"
    R"(xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" )"
    R"(office:version="1.3")";

} // namespace

QByteArray odtContentXml(const QString &textXml)
{
    return QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") + "<office:document-content " +
           OdfNamespaces +
           R"(><office:scripts/><office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/></office:font-face-decls>)"
           R"(<office:automatic-styles><style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold"/></style:style>)"
           R"(<style:style style:name="Table1" style:family="table"><style:table-properties style:width="17cm" table:align="margins"/></style:style></office:automatic-styles>)"
           R"(<office:body><office:text>)" +
           utf8(textXml) + "</office:text></office:body></office:document-content>";
}

std::vector<ZipEntry> odtEntries(const QString &textXml)
{
    const QByteArray manifest =
        QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") +
        R"(<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">)"
        R"(<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>)"
        R"(<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>)"
        R"(<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>)"
        R"(<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>)"
        R"(</manifest:manifest>)";
    const QByteArray styles =
        QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") + "<office:document-styles " + OdfNamespaces +
        R"(><office:styles><style:style style:name="Standard" style:family="paragraph" style:class="text"/>)"
        R"(<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1" style:class="text"/>)"
        R"(<style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>)"
        R"(</office:styles></office:document-styles>)";
    const QByteArray meta =
        QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") + "<office:document-meta " + OdfNamespaces +
        R"(><office:meta><meta:generator>QuireTest</meta:generator><dc:title>Focus group</dc:title></office:meta></office:document-meta>)";
    return {{QStringLiteral("mimetype"), QByteArrayLiteral("application/vnd.oasis.opendocument.text"), true},
            {QStringLiteral("content.xml"), odtContentXml(textXml)},
            {QStringLiteral("styles.xml"), styles},
            {QStringLiteral("meta.xml"), meta},
            {QStringLiteral("META-INF/manifest.xml"), manifest}};
}

QByteArray makeOdt(const QString &textXml)
{
    return makeZip(odtEntries(textXml));
}

// ---- SpreadsheetML -------------------------------------------------------

std::vector<ZipEntry> xlsxEntries(const std::vector<std::pair<QString, QString>> &sheets,
                                  const QStringList &sharedStrings)
{
    QByteArray types =
        xmlHead() +
        R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
        R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
        R"(<Default Extension="xml" ContentType="application/xml"/>)"
        R"(<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>)"
        R"(<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>)"
        R"(<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>)";
    QByteArray workbook =
        xmlHead() +
        R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
        R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
        R"(<workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets>)";
    QByteArray rels =
        xmlHead() + R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
    std::vector<ZipEntry> sheetEntries;
    int n = 0;
    for (const auto &[name, data] : sheets) {
        ++n;
        const QByteArray number = QByteArray::number(n);
        QString escaped = name.toHtmlEscaped();
        types += R"(<Override PartName="/xl/worksheets/sheet)" + number +
                 R"(.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>)";
        workbook += "<sheet name=\"" + utf8(escaped) + "\" sheetId=\"" + number + "\" r:id=\"rId" + number + "\"/>";
        rels +=
            R"(<Relationship Id="rId)" + number +
            R"(" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet)" +
            number + R"(.xml"/>)";
        sheetEntries.push_back(
            {QStringLiteral("xl/worksheets/sheet%1.xml").arg(n),
             xmlHead() +
                 R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
                 R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
                 R"(<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>)" +
                 utf8(data) +
                 R"(</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>)"});
    }
    types += "</Types>";
    workbook += "</sheets></workbook>";
    rels +=
        R"(<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
        R"(<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
        "</Relationships>";
    QByteArray strings = xmlHead() +
                         R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count=")" +
                         QByteArray::number(sharedStrings.size()) + "\" uniqueCount=\"" +
                         QByteArray::number(sharedStrings.size()) + "\">";
    for (const QString &si : sharedStrings)
        strings += "<si>" + utf8(si) + "</si>";
    strings += "</sst>";
    const QByteArray styles =
        xmlHead() +
        R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>)"
        R"(<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>)"
        R"(<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>)"
        R"(<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>)"
        R"(<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>)";
    const QByteArray rootRels =
        xmlHead() +
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>)"
        R"(</Relationships>)";
    std::vector<ZipEntry> entries{
        {QStringLiteral("[Content_Types].xml"), types}, {QStringLiteral("_rels/.rels"), rootRels},
        {QStringLiteral("xl/workbook.xml"), workbook},  {QStringLiteral("xl/_rels/workbook.xml.rels"), rels},
        {QStringLiteral("xl/styles.xml"), styles},      {QStringLiteral("xl/sharedStrings.xml"), strings}};
    entries.insert(entries.end(), sheetEntries.begin(), sheetEntries.end());
    return entries;
}

QByteArray makeXlsx(const std::vector<std::pair<QString, QString>> &sheets, const QStringList &sharedStrings)
{
    return makeZip(xlsxEntries(sheets, sharedStrings));
}

} // namespace QuireTest
