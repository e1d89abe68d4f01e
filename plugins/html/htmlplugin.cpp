// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlplugin.h"

#include "error.h"
#include "formats/fileimport.h"
#include "text/textdecoder.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <vector>

namespace Quire::Html {

namespace {

// The parser never touches the network (NONET; an HTML document has no
// external entities to load anyway), reports nothing on stderr, repairs what
// it can, and takes the text as the UTF-8 we give it rather than re-decoding
// it after a <meta charset> (IGNORE_ENC): the charset was already applied.
constexpr int ParseOptions =
    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC;

QString nameOf(const xmlNode *node)
{
    return node->name ? QString::fromUtf8(reinterpret_cast<const char *>(node->name)).toLower() : QString();
}

QString contentOf(const xmlNode *node)
{
    return node->content ? QString::fromUtf8(reinterpret_cast<const char *>(node->content)) : QString();
}

// Parts of a page a reader never sees as text.
bool isInvisible(const QString &name)
{
    static const QSet<QString> names{QStringLiteral("head"),     QStringLiteral("script"),   QStringLiteral("style"),
                                     QStringLiteral("noscript"), QStringLiteral("template"), QStringLiteral("svg"),
                                     QStringLiteral("math"),     QStringLiteral("iframe"),   QStringLiteral("title")};
    return names.contains(name);
}

// Elements a browser lays out as blocks: their start and end end a line.
bool isBlock(const QString &name)
{
    static const QSet<QString> names{
        QStringLiteral("address"), QStringLiteral("article"), QStringLiteral("aside"),    QStringLiteral("blockquote"),
        QStringLiteral("body"),    QStringLiteral("caption"), QStringLiteral("center"),   QStringLiteral("dd"),
        QStringLiteral("details"), QStringLiteral("dialog"),  QStringLiteral("dir"),      QStringLiteral("div"),
        QStringLiteral("dl"),      QStringLiteral("dt"),      QStringLiteral("fieldset"), QStringLiteral("figcaption"),
        QStringLiteral("figure"),  QStringLiteral("footer"),  QStringLiteral("form"),     QStringLiteral("h1"),
        QStringLiteral("h2"),      QStringLiteral("h3"),      QStringLiteral("h4"),       QStringLiteral("h5"),
        QStringLiteral("h6"),      QStringLiteral("header"),  QStringLiteral("hgroup"),   QStringLiteral("hr"),
        QStringLiteral("html"),    QStringLiteral("legend"),  QStringLiteral("li"),       QStringLiteral("main"),
        QStringLiteral("menu"),    QStringLiteral("nav"),     QStringLiteral("ol"),       QStringLiteral("option"),
        QStringLiteral("p"),       QStringLiteral("pre"),     QStringLiteral("section"),  QStringLiteral("summary"),
        QStringLiteral("table"),   QStringLiteral("tbody"),   QStringLiteral("tfoot"),    QStringLiteral("thead"),
        QStringLiteral("tr"),      QStringLiteral("ul")};
    return names.contains(name);
}

// HTML's "ASCII whitespace": what a browser collapses. U+00A0 (&nbsp;) is not
// among it and stays in the text as the character the page contains.
bool isHtmlSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || u == u'\t' || u == u'\n' || u == u'\r' || u == u'\f';
}

/// Visits the tree below and including \a root without recursion (a hostile
/// page may nest elements thousands deep). \a enter returns false to skip a
/// node's children; \a leave is called for every node whose children were
/// visited (or that had none).
template <typename Enter, typename Leave> void walk(xmlNode *root, Enter enter, Leave leave)
{
    xmlNode *node = root;
    while (node) {
        const bool descend = enter(node);
        if (descend && node->children) {
            node = node->children;
            continue;
        }
        if (descend)
            leave(node);
        while (node != root && !node->next) {
            node = node->parent;
            leave(node);
        }
        if (node == root)
            break;
        node = node->next;
    }
}

/// Builds the visible text line by line.
class TextBuilder
{
public:
    void text(const QString &s)
    {
        if (m_preDepth > 0) {
            QString verbatim = s;
            // As in a browser, a newline right after <pre> is not content.
            if (m_preJustOpened && verbatim.startsWith(QLatin1Char('\n')))
                verbatim.remove(0, 1);
            m_preJustOpened = false;
            if (verbatim.isEmpty())
                return;
            flushSpace();
            m_out += verbatim;
            m_atLineStart = verbatim.endsWith(QLatin1Char('\n'));
            m_suppressSpace = m_atLineStart;
            return;
        }
        for (const QChar c : s) {
            if (isHtmlSpace(c)) {
                m_pendingSpace = true;
                continue;
            }
            flushSpace();
            m_out += c;
            m_atLineStart = false;
            m_suppressSpace = false;
        }
    }

    void endLine()
    {
        if (!m_atLineStart)
            m_out += QLatin1Char('\n');
        m_atLineStart = true;
        m_suppressSpace = true;
        m_pendingSpace = false;
    }

    void lineBreak()
    {
        m_out += QLatin1Char('\n');
        m_atLineStart = true;
        m_suppressSpace = true;
        m_pendingSpace = false;
    }

    void cellStart()
    {
        if (m_cells.empty())
            return;
        if (m_cells.back()++ > 0) {
            m_out += QLatin1Char('\t');
            m_atLineStart = false;
        }
        m_suppressSpace = true;
        m_pendingSpace = false;
    }

    void rowStart() { m_cells.push_back(0); }
    void rowEnd()
    {
        if (!m_cells.empty())
            m_cells.pop_back();
    }
    void cellEnd() { m_pendingSpace = false; }

    void preStart()
    {
        ++m_preDepth;
        m_preJustOpened = true;
    }
    void preEnd()
    {
        if (m_preDepth > 0)
            --m_preDepth;
        m_preJustOpened = false;
    }

    QString result() const
    {
        QString out = m_out;
        while (out.endsWith(QLatin1Char('\n')))
            out.chop(1);
        return out;
    }

private:
    void flushSpace()
    {
        if (m_pendingSpace && !m_suppressSpace)
            m_out += QLatin1Char(' ');
        m_pendingSpace = false;
    }

    QString m_out;
    bool m_atLineStart = true;
    bool m_suppressSpace = true; // at a line start or right after a cell's tab
    bool m_pendingSpace = false;
    int m_preDepth = 0;
    bool m_preJustOpened = false;
    std::vector<int> m_cells; // cells seen so far in each open table row
};

QString collapsed(const QString &s)
{
    QString out;
    bool space = false;
    for (const QChar c : s) {
        if (isHtmlSpace(c)) {
            space = !out.isEmpty();
            continue;
        }
        if (space)
            out += QLatin1Char(' ');
        space = false;
        out += c;
    }
    return out;
}

QString textContent(xmlNode *node)
{
    xmlChar *content = xmlNodeGetContent(node);
    const QString s = content ? QString::fromUtf8(reinterpret_cast<const char *>(content)) : QString();
    xmlFree(content);
    return s;
}

/// The charset a page declares in a <meta> tag near its start (both
/// <meta charset="…"> and the http-equiv Content-Type form), as an encoding
/// name for the TextDecoder; empty if none.
QString declaredCharset(const QByteArray &bytes)
{
    static const QRegularExpression meta(QStringLiteral(R"(<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:\-]+))"),
                                         QRegularExpression::CaseInsensitiveOption);
    // Browsers look at the first 1024 bytes; allow some more for long heads.
    const QRegularExpressionMatch m = meta.match(QString::fromLatin1(bytes.left(4096)));
    if (!m.hasMatch())
        return {};
    const QString label = m.captured(1).toLower();
    // The WHATWG Encoding Standard maps these labels to windows-1252, and a
    // page cannot be UTF-16 by its own declaration (only by its BOM).
    static const QSet<QString> western{
        QStringLiteral("iso-8859-1"), QStringLiteral("iso8859-1"), QStringLiteral("iso_8859-1"),
        QStringLiteral("latin1"),     QStringLiteral("l1"),        QStringLiteral("us-ascii"),
        QStringLiteral("ascii"),      QStringLiteral("cp819"),     QStringLiteral("ibm819"),
        QStringLiteral("cp1252"),     QStringLiteral("x-cp1252"),  QStringLiteral("windows-1252")};
    if (western.contains(label))
        return QStringLiteral("windows-1252");
    if (label.startsWith(QLatin1String("utf-16")))
        return QStringLiteral("UTF-8");
    return label;
}

struct DocFree
{
    void operator()(xmlDoc *doc) const { xmlFreeDoc(doc); }
};

struct ContextFree
{
    void operator()(htmlParserCtxt *context) const { htmlFreeParserCtxt(context); }
};

} // namespace

std::vector<ImportedDocument> HtmlPlugin::read(const QString &fileName, const QByteArray &bytes,
                                               const ImportOptions &options) const
{
    QStringList warnings;
    const QString metaCharset = declaredCharset(bytes);
    TextDecoder::DecodedText decoded;
    if (!options.declaredEncoding.isEmpty() || metaCharset.isEmpty()) {
        decoded = TextDecoder::decode(bytes, fileName, options.declaredEncoding);
    } else {
        try {
            decoded = TextDecoder::decode(bytes, fileName, metaCharset);
        } catch (const Error &) {
            // A page saying "utf-8" while holding Windows-1252 bytes is common;
            // detection then does better than giving up.
            decoded = TextDecoder::decode(bytes, fileName);
            warnings << QStringLiteral("the page declares the charset \"%1\" but is not written in "
                                       "it; read as %2 instead")
                            .arg(metaCharset, decoded.encoding);
        }
    }

    const QByteArray utf8 = decoded.text.toUtf8();
    if (utf8.size() > std::numeric_limits<int>::max())
        throw Error(QStringLiteral("%1: the page is too large to parse").arg(fileName));
    xmlInitParser();
    const std::unique_ptr<htmlParserCtxt, ContextFree> context(htmlNewParserCtxt());
    if (!context)
        throw Error(QStringLiteral("%1: the HTML parser cannot start (out of memory?)").arg(fileName));
    const std::unique_ptr<xmlDoc, DocFree> html(
        htmlCtxtReadMemory(context.get(), utf8.constData(), int(utf8.size()), nullptr, "UTF-8", ParseOptions));
    // In recovery mode the parser gives up on some pages (elements nested more
    // than 256 deep, for one) and returns what it had read so far: the rest of
    // the page would be missing without a word.
    if (context->disableSAX) {
        const xmlError *last = xmlCtxtGetLastError(context.get());
        const QString why = last && last->message ? QString::fromUtf8(last->message).trimmed() : QString();
        if (why.startsWith(QLatin1String("Excessive depth")))
            throw Error(QStringLiteral("%1: the page nests its elements more than 256 levels deep; "
                                       "Quire does not read such pages")
                            .arg(fileName));
        throw Error(QStringLiteral("%1: the HTML parser stopped before the end of the page (%2)")
                        .arg(fileName, why.isEmpty() ? QStringLiteral("no reason given") : why));
    }
    xmlNode *root = html ? xmlDocGetRootElement(html.get()) : nullptr;
    if (!root)
        throw Error(QStringLiteral("%1: the page has no visible text").arg(fileName));

    QString title;
    int scriptsDropped = 0;
    walk(
        root,
        [&](xmlNode *node) {
            if (node->type != XML_ELEMENT_NODE)
                return false;
            const QString name = nameOf(node);
            if (name == QLatin1String("script"))
                ++scriptsDropped;
            else if (name == QLatin1String("title") && title.isEmpty())
                title = collapsed(textContent(node));
            return true;
        },
        [](xmlNode *) {});

    TextBuilder builder;
    walk(
        root,
        [&](xmlNode *node) {
            switch (node->type) {
            case XML_TEXT_NODE:
            case XML_CDATA_SECTION_NODE:
                builder.text(contentOf(node));
                return false;
            case XML_ELEMENT_NODE:
                break;
            default: // comments, processing instructions, DTD nodes
                return false;
            }
            const QString name = nameOf(node);
            if (isInvisible(name) || xmlHasProp(node, reinterpret_cast<const xmlChar *>("hidden")))
                return false;
            if (name == QLatin1String("br")) {
                builder.lineBreak();
            } else if (name == QLatin1String("td") || name == QLatin1String("th")) {
                builder.cellStart();
            } else if (isBlock(name)) {
                builder.endLine();
                if (name == QLatin1String("tr"))
                    builder.rowStart();
                else if (name == QLatin1String("pre"))
                    builder.preStart();
            }
            return true;
        },
        [&](xmlNode *node) {
            if (node->type != XML_ELEMENT_NODE)
                return;
            const QString name = nameOf(node);
            if (name == QLatin1String("td") || name == QLatin1String("th")) {
                builder.cellEnd();
            } else if (isBlock(name)) {
                if (name == QLatin1String("tr"))
                    builder.rowEnd();
                else if (name == QLatin1String("pre"))
                    builder.preEnd();
                builder.endLine();
            }
        });

    ImportedDocument doc;
    doc.name = fileName;
    doc.text = builder.result();
    if (std::all_of(doc.text.cbegin(), doc.text.cend(), [](QChar c) { return c.isSpace(); }))
        throw Error(QStringLiteral("%1: the page has no visible text").arg(fileName));
    doc.encoding = decoded.encoding;
    doc.warnings = warnings;
    doc.meta = QJsonObject{{QStringLiteral("encoding"), decoded.encoding},
                           {QStringLiteral("encodingDeclared"), !options.declaredEncoding.isEmpty()},
                           {QStringLiteral("charsetInPage"), metaCharset},
                           {QStringLiteral("bomRemoved"), decoded.hadBom},
                           {QStringLiteral("bytes"), qint64(bytes.size())},
                           {QStringLiteral("title"), title},
                           {QStringLiteral("scriptsDropped"), scriptsDropped}};

    applySpeakerTurns(doc, options);
    return {std::move(doc)};
}

} // namespace Quire::Html
