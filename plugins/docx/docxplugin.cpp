// SPDX-License-Identifier: GPL-3.0-or-later
#include "docxplugin.h"

#include "error.h"
#include "io/ziparchive.h"
#include "officetext.h"

#include <QHash>
#include <QJsonObject>

namespace Quire::Docx {

namespace {

using OfficeText::FlowText;
using OfficeText::XmlPart;

const QString WordNs = QStringLiteral("http://schemas.openxmlformats.org/wordprocessingml/2006/main");
const QString WordStrictNs = QStringLiteral("http://purl.oclc.org/ooxml/wordprocessingml/main");
const QString McNs = QStringLiteral("http://schemas.openxmlformats.org/markup-compatibility/2006");

// Word's own files and encrypted Office files are OLE compound documents.
const QByteArray OleSignature = QByteArray::fromHex("d0cf11e0a1b11ae1");

bool isWord(QStringView ns)
{
    return ns == WordNs || ns == WordStrictNs;
}

class Converter
{
public:
    enum class Part { Document, Footnotes, Endnotes };

    explicit Converter(const QString &fileName)
        : m_fileName(fileName)
    {}

    void read(const QByteArray &bytes, const QString &partName, Part part)
    {
        XmlPart xml(bytes, m_fileName, partName);
        FlowText notesFlow;
        walk(xml, part == Part::Document ? m_body : notesFlow, part);
        if (part == Part::Document)
            m_encoding = xml.encoding();
    }

    QString bodyText() { return m_body.finish(); }

    /// "[n] text" for every note referenced from the body, in order of first reference.
    QStringList noteLines() const
    {
        QStringList lines;
        for (qsizetype i = 0; i < m_noteOrder.size(); ++i) {
            const QString text = m_noteTexts.value(m_noteOrder[i]);
            const QString mark = QStringLiteral("[%1]").arg(i + 1);
            lines << (text.isEmpty() ? mark : mark + QLatin1Char(' ') + text);
        }
        return lines;
    }

    int countNotes(QChar kind) const
    {
        int n = 0;
        for (const QString &key : m_noteOrder)
            n += key.front() == kind ? 1 : 0;
        return n;
    }

    int paragraphs = 0;
    int tables = 0;
    int deletions = 0;
    QString encoding() const { return m_encoding; }

private:
    enum class El { Other, Paragraph, Run, Table, Row, Cell, TextBox, AltContent, Note };

    static QString noteKey(bool endnote, const QString &id)
    {
        return (endnote ? QStringLiteral("e:") : QStringLiteral("f:")) + id;
    }

    int noteNumber(const QString &key)
    {
        if (!m_noteNumbers.contains(key)) {
            m_noteOrder << key;
            m_noteNumbers.insert(key, int(m_noteOrder.size()));
        }
        return m_noteNumbers.value(key);
    }

    /// Reads a w:pPr (or w:trPr) to its end; true when it holds a tracked
    /// deletion of the paragraph mark (pPr/rPr/del) or of the row (trPr/del).
    static bool markDeleted(XmlPart &xml, bool row)
    {
        std::vector<QString> path;
        bool deleted = false;
        for (;;) {
            const auto token = xml.next();
            if (token == QXmlStreamReader::StartElement) {
                const QString name = isWord(xml.xml().namespaceUri()) ? xml.xml().name().toString() : QString();
                path.push_back(name);
                const bool del = name == QLatin1String("del") || name == QLatin1String("moveFrom");
                if (row && path.size() == 1 && del)
                    deleted = true;
                if (!row && path.size() == 2 && path[0] == QLatin1String("rPr") && del)
                    deleted = true;
            } else if (token == QXmlStreamReader::EndElement) {
                if (path.empty())
                    return deleted;
                path.pop_back();
            } else if (token == QXmlStreamReader::EndDocument) {
                return deleted;
            }
        }
    }

    void walk(XmlPart &xml, FlowText &flow, Part part)
    {
        std::vector<El> stack;
        std::vector<bool> choiceTaken;
        QString currentNote;
        bool sawRoot = false;
        QXmlStreamReader &r = xml.xml();
        while (!xml.atEnd()) {
            const auto token = xml.next();
            if (token == QXmlStreamReader::EndElement) {
                if (stack.empty())
                    continue;
                const El e = stack.back();
                stack.pop_back();
                switch (e) {
                case El::Paragraph:
                    flow.endParagraph();
                    break;
                case El::Table:
                    flow.endTable();
                    break;
                case El::Row:
                    flow.endRow();
                    break;
                case El::Cell:
                    flow.endCell();
                    break;
                case El::TextBox:
                    flow.endTextBox();
                    break;
                case El::AltContent:
                    choiceTaken.pop_back();
                    break;
                case El::Note:
                    m_noteTexts.insert(currentNote, flow.endNote());
                    break;
                case El::Other:
                case El::Run:
                    break;
                }
                continue;
            }
            if (token != QXmlStreamReader::StartElement)
                continue;

            const QStringView ns = r.namespaceUri();
            const QStringView name = r.name();
            const El parent = stack.empty() ? El::Other : stack.back();

            if (!sawRoot) {
                sawRoot = true;
                const QLatin1String expected = part == Part::Document    ? QLatin1String("document")
                                               : part == Part::Footnotes ? QLatin1String("footnotes")
                                                                         : QLatin1String("endnotes");
                if (!isWord(ns) || name != expected)
                    xml.fail(
                        QStringLiteral("is not WordprocessingML (its root element is <%1>)").arg(r.qualifiedName()));
                stack.push_back(El::Other);
                continue;
            }

            if (ns == McNs) {
                // Markup compatibility: the first alternative only, so a text
                // box written as DrawingML and again as VML is read once.
                if (name == QLatin1String("AlternateContent")) {
                    stack.push_back(El::AltContent);
                    choiceTaken.push_back(false);
                } else if (name == QLatin1String("Choice") || name == QLatin1String("Fallback")) {
                    if (parent == El::AltContent && !choiceTaken.back()) {
                        choiceTaken.back() = true;
                        stack.push_back(El::Other);
                    } else {
                        xml.skip();
                    }
                } else {
                    stack.push_back(El::Other);
                }
                continue;
            }
            if (!isWord(ns)) {
                // Drawings, VML shapes …: only their w:txbxContent matters.
                stack.push_back(El::Other);
                continue;
            }

            const bool inRun = parent == El::Run;
            if (name == QLatin1String("p")) {
                flow.beginParagraph();
                if (part == Part::Document)
                    ++paragraphs;
                stack.push_back(El::Paragraph);
            } else if (name == QLatin1String("pPr")) {
                if (parent == El::Paragraph && markDeleted(xml, false)) {
                    flow.markParagraphDeleted();
                    ++deletions;
                } else if (parent != El::Paragraph) {
                    xml.skip();
                }
            } else if (name == QLatin1String("r")) {
                stack.push_back(El::Run);
            } else if (name == QLatin1String("t")) {
                if (inRun)
                    flow.append(xml.elementText());
                else
                    xml.skip();
            } else if (name == QLatin1String("tab") || name == QLatin1String("ptab")) {
                // Outside a run, w:tab is a tab stop of the paragraph's style.
                if (inRun)
                    flow.append(QStringLiteral("\t"));
                xml.skip();
            } else if (name == QLatin1String("br") || name == QLatin1String("cr")) {
                if (inRun)
                    flow.lineBreak();
                xml.skip();
            } else if (name == QLatin1String("noBreakHyphen")) {
                if (inRun)
                    flow.append(QString(QChar(0x2011)));
                xml.skip();
            } else if (name == QLatin1String("sym")) {
                // The character code as given; symbol fonts use the private use area.
                bool ok = false;
                const uint code = xml.attribute(ns.toString(), QStringLiteral("char")).toUInt(&ok, 16);
                if (inRun && ok && code > 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF)) {
                    const char32_t c = code;
                    flow.append(QString::fromUcs4(&c, 1));
                }
                xml.skip();
            } else if (name == QLatin1String("footnoteReference") || name == QLatin1String("endnoteReference")) {
                if (inRun && part == Part::Document) {
                    const QString id = xml.attribute(ns.toString(), QStringLiteral("id"));
                    flow.append(
                        QStringLiteral("[%1]").arg(noteNumber(noteKey(name == QLatin1String("endnoteReference"), id))));
                }
                xml.skip();
            } else if (name == QLatin1String("del") || name == QLatin1String("moveFrom")) {
                ++deletions;
                xml.skip();
            } else if (name == QLatin1String("trPr")) {
                if (parent == El::Row && markDeleted(xml, true)) {
                    flow.dropRow();
                    ++deletions;
                } else if (parent != El::Row) {
                    xml.skip();
                }
            } else if (name == QLatin1String("tbl")) {
                flow.beginTable();
                if (part == Part::Document)
                    ++tables;
                stack.push_back(El::Table);
            } else if (name == QLatin1String("tr")) {
                flow.beginRow();
                stack.push_back(El::Row);
            } else if (name == QLatin1String("tc")) {
                flow.beginCell();
                stack.push_back(El::Cell);
            } else if (name == QLatin1String("txbxContent")) {
                flow.beginTextBox();
                stack.push_back(El::TextBox);
            } else if ((name == QLatin1String("footnote") || name == QLatin1String("endnote")) &&
                       part != Part::Document && stack.size() == 1) {
                const QString type = xml.attribute(ns.toString(), QStringLiteral("type"));
                if (!type.isEmpty() && type != QLatin1String("normal")) {
                    // separator, continuationSeparator, continuationNotice: layout, not notes
                    xml.skip();
                    continue;
                }
                currentNote = noteKey(part == Part::Endnotes, xml.attribute(ns.toString(), QStringLiteral("id")));
                flow.beginNote();
                stack.push_back(El::Note);
            } else if (name == QLatin1String("instrText") || name == QLatin1String("delText") ||
                       name == QLatin1String("delInstrText") || name == QLatin1String("rPr") ||
                       name == QLatin1String("sectPr") || name == QLatin1String("tblPr") ||
                       name == QLatin1String("tblGrid") || name == QLatin1String("tcPr") ||
                       name == QLatin1String("tblPrEx") || name == QLatin1String("rt") ||
                       name == QLatin1String("sdtPr") || name == QLatin1String("sdtEndPr") ||
                       name == QLatin1String("fldData") || name == QLatin1String("footnoteRef") ||
                       name == QLatin1String("endnoteRef") || name == QLatin1String("softHyphen") ||
                       name == QLatin1String("annotationRef") || name == QLatin1String("footnotePr") ||
                       name == QLatin1String("endnotePr")) {
                // Field codes, deleted text, formatting, ruby guides, note marks
                // (replaced by "[n]"): nothing a reader sees as text.
                xml.skip();
            } else {
                // body, hyperlink, ins, moveTo, sdt, sdtContent, smartTag, fldSimple …
                stack.push_back(El::Other);
            }
        }
    }

    QString m_fileName;
    QString m_encoding = QStringLiteral("UTF-8");
    FlowText m_body;
    QStringList m_noteOrder;
    QHash<QString, int> m_noteNumbers;
    QHash<QString, QString> m_noteTexts;
};

} // namespace

std::vector<ImportedDocument> DocxPlugin::read(const QString &fileName, const QByteArray &bytes,
                                               const ImportOptions &options) const
{
    if (bytes.startsWith(OleSignature))
        throw Error(QStringLiteral("%1: is an old-style Word .doc or a password-protected document; "
                                   "save it as .docx without a password and import it again")
                        .arg(fileName));
    const ZipArchive zip(bytes, fileName);
    OfficeText::checkEntryNames(zip, fileName);
    const QString documentPart = QStringLiteral("word/document.xml");
    if (!zip.contains(documentPart, true))
        throw Error(QStringLiteral("%1: not a Word document (word/document.xml is missing)").arg(fileName));

    Converter converter(fileName);
    converter.read(zip.read(documentPart, true), documentPart, Converter::Part::Document);
    // Notes parts are checked even when nothing refers to them: a hostile
    // part is refused wherever it sits.
    const QString footnotesPart = QStringLiteral("word/footnotes.xml");
    if (zip.contains(footnotesPart, true))
        converter.read(zip.read(footnotesPart, true), footnotesPart, Converter::Part::Footnotes);
    const QString endnotesPart = QStringLiteral("word/endnotes.xml");
    if (zip.contains(endnotesPart, true))
        converter.read(zip.read(endnotesPart, true), endnotesPart, Converter::Part::Endnotes);

    ImportedDocument doc = OfficeText::assembleDocument(fileName, converter.bodyText(), converter.noteLines(),
                                                        converter.encoding(), options);
    const QJsonObject counts{{QStringLiteral("encoding"), doc.encoding},
                             {QStringLiteral("bytes"), qint64(bytes.size())},
                             {QStringLiteral("paragraphs"), converter.paragraphs},
                             {QStringLiteral("tables"), converter.tables},
                             {QStringLiteral("footnotes"), converter.countNotes(QLatin1Char('f'))},
                             {QStringLiteral("endnotes"), converter.countNotes(QLatin1Char('e'))},
                             {QStringLiteral("trackedDeletionsDropped"), converter.deletions}};
    for (auto it = counts.begin(); it != counts.end(); ++it)
        doc.meta.insert(it.key(), it.value());
    return {doc};
}

} // namespace Quire::Docx
