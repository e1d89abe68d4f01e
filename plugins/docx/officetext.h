// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the docx, odt and xlsx importers (header-only, so each plugin
// compiles its own copy): the hostile-input rules for zip containers and XML
// parts, the layout of flowing text with tables, text boxes and notes, and
// the transcript step.

#include "error.h"
#include "formats/fileimport.h"
#include "formats/importerinterface.h"
#include "io/ziparchive.h"
#include "text/textdecoder.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>
#include <vector>

namespace Quire::OfficeText {

/// Opens a container and refuses it as a whole if any entry name climbs out:
/// such an archive was made to attack unpackers, whichever entry we need.
inline void checkEntryNames(const ZipArchive &zip, const QString &fileName)
{
    for (const QString &entry : zip.entries()) {
        if (!ZipArchive::isSafeName(entry))
            throw Error(QStringLiteral("%1: entry \"%2\" points outside the archive").arg(fileName, entry));
    }
}

/// A namespace-aware reader over one XML part that turns every problem into
/// an Error naming the file, the part and the position. A DOCTYPE is refused
/// outright: office parts never have one, and entity declarations are how
/// billion-laughs and external-entity attacks arrive.
class XmlPart
{
public:
    XmlPart(const QByteArray &bytes, const QString &fileName, const QString &partName)
        : m_xml(bytes)
        , m_fileName(fileName)
        , m_partName(partName)
    {
        m_xml.setNamespaceProcessing(true);
    }

    QXmlStreamReader &xml() { return m_xml; }
    bool atEnd() const { return m_xml.atEnd(); }

    QXmlStreamReader::TokenType next()
    {
        const QXmlStreamReader::TokenType token = m_xml.readNext();
        if (token == QXmlStreamReader::DTD)
            fail(QStringLiteral(
                "has a document type declaration; external or internal entity declarations are not allowed"));
        if (token == QXmlStreamReader::Invalid)
            failXml();
        return token;
    }

    /// The text of a text-only element (w:t, t, v …); the reader ends on its end tag.
    QString
    elementText(QXmlStreamReader::ReadElementTextBehaviour behaviour = QXmlStreamReader::ErrorOnUnexpectedElement)
    {
        QString text = m_xml.readElementText(behaviour);
        if (m_xml.hasError())
            failXml();
        return text;
    }

    void skip()
    {
        m_xml.skipCurrentElement();
        if (m_xml.hasError())
            failXml();
    }

    QString attribute(const QString &namespaceUri, const QString &name) const
    {
        return m_xml.attributes().value(namespaceUri, name).toString();
    }

    QString encoding() const
    {
        const QString declared = m_xml.documentEncoding().toString();
        return declared.isEmpty() ? QStringLiteral("UTF-8") : declared.toUpper();
    }

    [[noreturn]] void fail(const QString &what) const
    {
        throw Error(QStringLiteral("%1: %2 %3").arg(m_fileName, m_partName, what));
    }

    [[noreturn]] void failXml() const
    {
        throw Error(QStringLiteral("%1: %2 is not well-formed XML (line %3, column %4: %5)")
                        .arg(m_fileName, m_partName)
                        .arg(m_xml.lineNumber())
                        .arg(m_xml.columnNumber())
                        .arg(m_xml.errorString()));
    }

private:
    QXmlStreamReader m_xml;
    QString m_fileName;
    QString m_partName;
};

/// Line endings inside text runs (a "&#13;" in a part) become LF, like every stored text.
inline QString normaliseLineEndings(const QString &text)
{
    return TextDecoder::normaliseLineEndings(text);
}

/// The stored text of a word-processing document: the body, then, after a
/// blank line, its notes; speaker turns are looked for in the body only.
inline ImportedDocument assembleDocument(const QString &fileName, const QString &bodyText, const QStringList &notes,
                                         const QString &encoding, const ImportOptions &options)
{
    ImportedDocument doc;
    doc.name = fileName;
    doc.text = normaliseLineEndings(bodyText);
    const qsizetype bodyLength = doc.text.size();
    if (!notes.isEmpty())
        doc.text += QStringLiteral("\n\n") + normaliseLineEndings(notes.join(QLatin1Char('\n')));
    doc.encoding = encoding;
    applySpeakerTurns(doc, options, bodyLength);
    return doc;
}

/// Lays out flowing text: paragraphs one per line; a table row per line with
/// its cells separated by tabs; inside a table cell every break (paragraph,
/// line break, nested table row or cell) becomes one space so the row stays
/// on its line; a text box's paragraphs go on their own lines where the box
/// is anchored; notes are collected separately by the caller.
class FlowText
{
public:
    FlowText() { m_sinks.push_back(Sink{SinkKind::Body, {}, false, 0}); }

    bool inParagraph() const { return !m_paras.empty(); }
    bool inTable() const { return !m_tables.empty(); }

    void beginParagraph() { m_paras.push_back(Para{}); }
    /// Word's deleted paragraph mark: this paragraph runs on into the next.
    void markParagraphDeleted()
    {
        if (!m_paras.empty())
            m_paras.back().markDeleted = true;
    }
    void endParagraph()
    {
        if (m_paras.empty())
            return;
        Para p = std::move(m_paras.back());
        m_paras.pop_back();
        deliver(p.text, p.markDeleted);
    }

    /// Text as it stands in the source (docx w:t, odt text:s / text:tab …).
    void append(const QString &text)
    {
        if (m_paras.empty() || text.isEmpty())
            return;
        put(m_paras.back(), text);
    }

    /// ODF character data: tabs, line feeds and runs of spaces collapse to
    /// one space; leading and trailing ones of a paragraph go.
    void appendCollapsing(const QString &chars)
    {
        if (m_paras.empty())
            return;
        Para &p = m_paras.back();
        QString run;
        for (const QChar c : chars) {
            if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
                if (!run.isEmpty()) {
                    put(p, run);
                    run.clear();
                }
                p.pendingSpace = true;
            } else {
                run += c;
            }
        }
        if (!run.isEmpty())
            put(p, run);
    }

    void lineBreak() { append(breakText()); }

    void beginTable() { m_tables.push_back(TableState{{}, {}, false, insideCell()}); }
    void beginRow()
    {
        if (m_tables.empty())
            return;
        m_tables.back().cells.clear();
        m_tables.back().rowDropped = false;
    }
    /// A tracked row deletion: the row's text is dropped when it ends.
    void dropRow()
    {
        if (!m_tables.empty())
            m_tables.back().rowDropped = true;
    }
    void beginCell()
    {
        m_sinks.push_back(Sink{SinkKind::Cell, {}, false, 0});
        ++m_cellDepth;
    }
    void endCell(int repeat = 1)
    {
        if (m_sinks.size() < 2 || m_sinks.back().kind != SinkKind::Cell)
            return;
        const QString text = joinNonEmpty(m_sinks.back().pieces, QStringLiteral(" "));
        m_sinks.pop_back();
        --m_cellDepth;
        if (m_tables.empty())
            return;
        for (int i = 0; i < repeat; ++i)
            m_tables.back().cells << text;
    }
    void endRow(int repeat = 1)
    {
        if (m_tables.empty())
            return;
        TableState &t = m_tables.back();
        if (t.rowDropped)
            return;
        const QString row = t.flatten ? joinNonEmpty(t.cells, QStringLiteral(" ")) : t.cells.join(QLatin1Char('\t'));
        for (int i = 0; i < repeat; ++i)
            t.rows << row;
    }
    void endTable()
    {
        if (m_tables.empty())
            return;
        const TableState t = std::move(m_tables.back());
        m_tables.pop_back();
        for (const QString &row : t.rows)
            deliver(row, false);
    }

    void beginTextBox() { m_sinks.push_back(Sink{SinkKind::TextBox, {}, false, qsizetype(m_paras.size())}); }
    void endTextBox()
    {
        if (m_sinks.size() < 2 || m_sinks.back().kind != SinkKind::TextBox)
            return;
        const Sink box = std::move(m_sinks.back());
        m_sinks.pop_back();
        if (box.pieces.isEmpty())
            return;
        if (box.anchorDepth > 0 && box.anchorDepth <= qsizetype(m_paras.size())) {
            // Anchored in a paragraph: the box's lines stand where the anchor is.
            Para &p = m_paras[std::size_t(box.anchorDepth - 1)];
            const QString br = breakText();
            p.pendingSpace = false;
            if (!p.text.isEmpty() && !p.text.endsWith(br))
                p.text += br;
            p.text += box.pieces.join(br);
            p.needBreak = true;
        } else {
            for (const QString &piece : box.pieces)
                deliver(piece, false);
        }
    }

    void beginNote() { m_sinks.push_back(Sink{SinkKind::Note, {}, false, 0}); }
    QString endNote()
    {
        if (m_sinks.size() < 2 || m_sinks.back().kind != SinkKind::Note)
            return {};
        QString text = m_sinks.back().pieces.join(QLatin1Char('\n'));
        m_sinks.pop_back();
        // The space that followed the note mark in the source.
        qsizetype lead = 0;
        while (lead < text.size() && (text[lead] == QLatin1Char(' ') || text[lead] == QLatin1Char('\t')))
            ++lead;
        return text.mid(lead);
    }

    /// The body text, paragraphs and rows joined by "\n".
    QString finish()
    {
        while (!m_paras.empty())
            endParagraph();
        return m_sinks.front().pieces.join(QLatin1Char('\n'));
    }

private:
    enum class SinkKind { Body, Cell, TextBox, Note };
    struct Sink
    {
        SinkKind kind;
        QStringList pieces;
        bool mergeNext = false;
        qsizetype anchorDepth = 0; ///< text boxes: open paragraphs when the box began
    };
    struct Para
    {
        QString text;
        bool markDeleted = false;
        bool needBreak = false;    ///< a text box ended here; more text starts a new line
        bool pendingSpace = false; ///< collapsed ODF white space not yet written
    };
    struct TableState
    {
        QStringList cells;
        QStringList rows;
        bool rowDropped = false;
        bool flatten = false; ///< nested in a cell: rows and cells joined by spaces
    };

    static QString joinNonEmpty(const QStringList &parts, const QString &separator)
    {
        QString out;
        for (const QString &p : parts) {
            if (p.isEmpty())
                continue;
            if (!out.isEmpty())
                out += separator;
            out += p;
        }
        return out;
    }

    // A counter rather than a scan of the sinks: hostile files nest tables deeply.
    bool insideCell() const { return m_cellDepth > 0; }

    QString breakText() const { return insideCell() ? QStringLiteral(" ") : QStringLiteral("\n"); }

    void put(Para &p, const QString &text)
    {
        if (p.needBreak) {
            p.text += breakText();
            p.needBreak = false;
            p.pendingSpace = false;
        }
        if (p.pendingSpace) {
            if (!p.text.isEmpty())
                p.text += QLatin1Char(' ');
            p.pendingSpace = false;
        }
        p.text += text;
    }

    void deliver(const QString &text, bool mergeNext)
    {
        Sink &s = m_sinks.back();
        if (s.mergeNext && !s.pieces.isEmpty())
            s.pieces.last() += text;
        else
            s.pieces << text;
        s.mergeNext = mergeNext;
    }

    std::vector<Sink> m_sinks;
    std::vector<Para> m_paras;
    std::vector<TableState> m_tables;
    int m_cellDepth = 0;
};

} // namespace Quire::OfficeText
