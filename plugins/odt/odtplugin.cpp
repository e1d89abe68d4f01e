// SPDX-License-Identifier: GPL-3.0-or-later
#include "odtplugin.h"

#include "../docx/officetext.h"
#include "error.h"
#include "io/ziparchive.h"

#include <QJsonObject>

#include <algorithm>

namespace Quire::Odt {

namespace {

using OfficeText::FlowText;
using OfficeText::XmlPart;

const QString OfficeNs = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:office:1.0");
const QString TextNs = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:text:1.0");
const QString TableNs = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:table:1.0");
const QString DrawNs = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:drawing:1.0");
const QString SvgNs = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0");

// Repetition attributes multiply content; beyond this they are layout noise
// or an attack, never text someone typed.
constexpr int MaxRepeat = 1000;
constexpr int MaxSpaces = 10000;

int boundedCount(const QString &value, int fallback, int maximum)
{
    bool ok = false;
    const int n = value.toInt(&ok);
    return ok && n >= 1 ? std::min(n, maximum) : fallback;
}

/// Text-namespace elements that only hold other elements: white space in
/// them is indentation, not text of the paragraph around them.
bool isBlockElement(QStringView name)
{
    static const QStringList blocks{QStringLiteral("note"),
                                    QStringLiteral("note-body"),
                                    QStringLiteral("list"),
                                    QStringLiteral("list-item"),
                                    QStringLiteral("list-header"),
                                    QStringLiteral("numbered-paragraph"),
                                    QStringLiteral("section"),
                                    QStringLiteral("index-body"),
                                    QStringLiteral("index-title"),
                                    QStringLiteral("table-of-content"),
                                    QStringLiteral("illustration-index"),
                                    QStringLiteral("table-index"),
                                    QStringLiteral("object-index"),
                                    QStringLiteral("user-index"),
                                    QStringLiteral("alphabetical-index"),
                                    QStringLiteral("bibliography"),
                                    QStringLiteral("tracked-changes")};
    return blocks.contains(name);
}

class Converter
{
public:
    explicit Converter(const QString &fileName)
        : m_fileName(fileName)
    {}

    void read(const QByteArray &bytes, const QString &partName)
    {
        XmlPart xml(bytes, m_fileName, partName);
        walk(xml);
        m_encoding = xml.encoding();
        if (!m_sawText)
            throw Error(
                QStringLiteral("%1: not an OpenDocument text (%2 has no office:text body)").arg(m_fileName, partName));
    }

    QString bodyText() { return m_flow.finish(); }
    QStringList noteLines() const { return m_notes; }
    QString encoding() const { return m_encoding; }

    int paragraphs = 0;
    int headings = 0;
    int tables = 0;
    int footnotes = 0;
    int endnotes = 0;
    int deletions = 0;

private:
    enum class El { Other, Paragraph, Table, Row, Cell, TextBox, Note, NoteBody };
    struct Open
    {
        El kind = El::Other;
        bool chars = false; ///< character data here is paragraph text
        int repeat = 1;
    };

    static int countDeletions(XmlPart &xml)
    {
        int n = 0;
        int depth = 0;
        for (;;) {
            const auto token = xml.next();
            if (token == QXmlStreamReader::StartElement) {
                ++depth;
                if (xml.xml().namespaceUri() == TextNs && xml.xml().name() == QLatin1String("deletion"))
                    ++n;
            } else if (token == QXmlStreamReader::EndElement) {
                if (depth == 0)
                    return n;
                --depth;
            } else if (token == QXmlStreamReader::EndDocument) {
                return n;
            }
        }
    }

    void walk(XmlPart &xml)
    {
        QXmlStreamReader &r = xml.xml();
        std::vector<Open> stack;
        bool inText = false;
        QString citation;
        bool sawRoot = false;
        while (!xml.atEnd()) {
            const auto token = xml.next();
            if (token == QXmlStreamReader::Characters) {
                if (!stack.empty() && stack.back().chars)
                    m_flow.appendCollapsing(r.text().toString());
                continue;
            }
            if (token == QXmlStreamReader::EndElement) {
                if (stack.empty())
                    continue;
                const Open e = stack.back();
                stack.pop_back();
                switch (e.kind) {
                case El::Paragraph:
                    m_flow.endParagraph();
                    break;
                case El::Table:
                    m_flow.endTable();
                    break;
                case El::Row:
                    m_flow.endRow(e.repeat);
                    break;
                case El::Cell:
                    m_flow.endCell(e.repeat);
                    break;
                case El::TextBox:
                    m_flow.endTextBox();
                    break;
                case El::NoteBody: {
                    const QString text = m_flow.endNote();
                    const QString mark = QStringLiteral("[%1]").arg(citation);
                    m_notes << (text.isEmpty() ? mark : mark + QLatin1Char(' ') + text);
                    break;
                }
                case El::Note:
                case El::Other:
                    break;
                }
                continue;
            }
            if (token != QXmlStreamReader::StartElement)
                continue;

            const QStringView ns = r.namespaceUri();
            const QStringView name = r.name();
            const El parent = stack.empty() ? El::Other : stack.back().kind;

            if (!sawRoot) {
                sawRoot = true;
                if (ns != OfficeNs || name != QLatin1String("document-content"))
                    xml.fail(QStringLiteral("is not OpenDocument content (its root element is <%1>)")
                                 .arg(r.qualifiedName()));
                stack.push_back(Open{});
                continue;
            }
            if (!inText) {
                // Styles, fonts and scripts come before the body; only office:text is text.
                if (ns == OfficeNs && name == QLatin1String("body")) {
                    stack.push_back(Open{});
                } else if (ns == OfficeNs && name == QLatin1String("text") && !m_sawText) {
                    inText = true;
                    m_sawText = true;
                    stack.push_back(Open{});
                } else {
                    xml.skip();
                }
                continue;
            }

            if (ns == TextNs) {
                if (name == QLatin1String("p") || name == QLatin1String("h")) {
                    m_flow.beginParagraph();
                    ++paragraphs;
                    if (name == QLatin1String("h"))
                        ++headings;
                    stack.push_back(Open{El::Paragraph, true, 1});
                } else if (name == QLatin1String("tab")) {
                    m_flow.append(QStringLiteral("\t"));
                    xml.skip();
                } else if (name == QLatin1String("s")) {
                    m_flow.append(QString(boundedCount(xml.attribute(TextNs, QStringLiteral("c")), 1, MaxSpaces),
                                          QLatin1Char(' ')));
                    xml.skip();
                } else if (name == QLatin1String("line-break")) {
                    m_flow.lineBreak();
                    xml.skip();
                } else if (name == QLatin1String("tracked-changes")) {
                    // The store of deleted text; what stays in the body is the
                    // current text with insertions marked by change-start/end.
                    deletions += countDeletions(xml);
                } else if (name == QLatin1String("note")) {
                    citation.clear();
                    if (xml.attribute(TextNs, QStringLiteral("note-class")) == QLatin1String("endnote"))
                        ++endnotes;
                    else
                        ++footnotes;
                    stack.push_back(Open{El::Note, false, 1});
                } else if (name == QLatin1String("note-citation")) {
                    const QString text = xml.elementText(QXmlStreamReader::IncludeChildElements).trimmed();
                    if (parent == El::Note) {
                        citation = text.isEmpty() ? QString::number(m_notes.size() + 1) : text;
                        m_flow.append(QStringLiteral("[%1]").arg(citation));
                    }
                } else if (name == QLatin1String("note-body")) {
                    if (parent != El::Note) {
                        xml.skip();
                        continue;
                    }
                    if (citation.isEmpty()) {
                        citation = QString::number(m_notes.size() + 1);
                        m_flow.append(QStringLiteral("[%1]").arg(citation));
                    }
                    m_flow.beginNote();
                    stack.push_back(Open{El::NoteBody, false, 1});
                } else if (name == QLatin1String("change") || name == QLatin1String("change-start") ||
                           name == QLatin1String("change-end") || name == QLatin1String("soft-page-break") ||
                           name == QLatin1String("sequence-decls") || name == QLatin1String("variable-decls") ||
                           name == QLatin1String("user-field-decls") || name == QLatin1String("dde-connection-decls") ||
                           name == QLatin1String("ruby-text") || name == QLatin1String("number") ||
                           name.endsWith(QLatin1String("-source"))) {
                    // Deletion points, insertion marks, declarations, index
                    // templates, and list numbers cached by the writing
                    // application (numbering is layout, not text).
                    xml.skip();
                } else {
                    stack.push_back(Open{El::Other, !isBlockElement(name), 1});
                }
            } else if (ns == TableNs) {
                if (name == QLatin1String("table")) {
                    m_flow.beginTable();
                    ++tables;
                    stack.push_back(Open{El::Table, false, 1});
                } else if (name == QLatin1String("table-row")) {
                    m_flow.beginRow();
                    stack.push_back(Open{
                        El::Row, false,
                        boundedCount(xml.attribute(TableNs, QStringLiteral("number-rows-repeated")), 1, MaxRepeat)});
                } else if (name == QLatin1String("table-cell") || name == QLatin1String("covered-table-cell")) {
                    m_flow.beginCell();
                    stack.push_back(Open{
                        El::Cell, false,
                        boundedCount(xml.attribute(TableNs, QStringLiteral("number-columns-repeated")), 1, MaxRepeat)});
                } else if (name == QLatin1String("table-column") || name == QLatin1String("table-columns") ||
                           name == QLatin1String("table-header-columns") ||
                           name == QLatin1String("table-column-group") || name == QLatin1String("title") ||
                           name == QLatin1String("desc")) {
                    xml.skip();
                } else {
                    stack.push_back(Open{});
                }
            } else if (ns == DrawNs && name == QLatin1String("text-box")) {
                m_flow.beginTextBox();
                stack.push_back(Open{El::TextBox, false, 1});
            } else if ((ns == SvgNs && (name == QLatin1String("title") || name == QLatin1String("desc"))) ||
                       (ns == OfficeNs &&
                        (name == QLatin1String("annotation") || name == QLatin1String("annotation-end") ||
                         name == QLatin1String("forms")))) {
                // Alternative text and comments are not part of the text.
                xml.skip();
            } else {
                stack.push_back(Open{});
            }
        }
    }

    QString m_fileName;
    QString m_encoding = QStringLiteral("UTF-8");
    FlowText m_flow;
    QStringList m_notes;
    bool m_sawText = false;
};

} // namespace

std::vector<ImportedDocument> OdtPlugin::read(const QString &fileName, const QByteArray &bytes,
                                              const ImportOptions &options) const
{
    const ZipArchive zip(bytes, fileName);
    OfficeText::checkEntryNames(zip, fileName);
    if (zip.contains(QStringLiteral("mimetype"))) {
        const QString mime = QString::fromUtf8(zip.read(QStringLiteral("mimetype"))).trimmed();
        if (!mime.startsWith(QLatin1String("application/vnd.oasis.opendocument.text")))
            throw Error(
                QStringLiteral("%1: not an OpenDocument text (its mimetype is \"%2\")").arg(fileName, mime.left(100)));
    }
    const QString contentPart = QStringLiteral("content.xml");
    if (!zip.contains(contentPart))
        throw Error(QStringLiteral("%1: not an OpenDocument text (content.xml is missing)").arg(fileName));

    Converter converter(fileName);
    converter.read(zip.read(contentPart), contentPart);
    ImportedDocument doc = OfficeText::assembleDocument(fileName, converter.bodyText(), converter.noteLines(),
                                                        converter.encoding(), options);
    const QJsonObject counts{{QStringLiteral("encoding"), doc.encoding},
                             {QStringLiteral("bytes"), qint64(bytes.size())},
                             {QStringLiteral("paragraphs"), converter.paragraphs},
                             {QStringLiteral("headings"), converter.headings},
                             {QStringLiteral("tables"), converter.tables},
                             {QStringLiteral("footnotes"), converter.footnotes},
                             {QStringLiteral("endnotes"), converter.endnotes},
                             {QStringLiteral("trackedDeletionsDropped"), converter.deletions}};
    for (auto it = counts.begin(); it != counts.end(); ++it)
        doc.meta.insert(it.key(), it.value());
    return {doc};
}

} // namespace Quire::Odt
