// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfplugin.h"

#include "error.h"
#include "formats/fileimport.h"
#include "formats/transcript.h"
#include "text/textoffsets.h"

#include <QJsonArray>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QVariant>

#include <poppler-qt6.h>

#include <algorithm>
#include <utility>

namespace Quire::Pdf {

namespace {

// PDF 1.7 (ISO 32000-1, 7.5.2 and 7.5.5): the header is within the first
// 1024 bytes and the end-of-file marker within the last 1024 (readers are
// allowed this slack).
constexpr qsizetype MarkerWindow = 1024;

/// The letters a ligature character stands for (their Unicode compatibility
/// decomposition), or nullptr if \a c is not one of U+FB00–U+FB06.
const char16_t *ligatureLetters(char16_t c)
{
    switch (c) {
    case 0xFB00:
        return u"ff";
    case 0xFB01:
        return u"fi";
    case 0xFB02:
        return u"fl";
    case 0xFB03:
        return u"ffi";
    case 0xFB04:
        return u"ffl";
    case 0xFB05:
        return u"\u017Ft"; // long s + t, as Unicode decomposes it
    case 0xFB06:
        return u"st";
    default:
        return nullptr;
    }
}

/// Appends \a word to \a out with ligatures expanded; returns how many were.
qsizetype appendExpanded(QString &out, const QString &word)
{
    qsizetype expanded = 0;
    for (const QChar ch : word) {
        if (const char16_t *letters = ligatureLetters(ch.unicode())) {
            out += QString::fromUtf16(letters);
            ++expanded;
        } else {
            out += ch;
        }
    }
    return expanded;
}

/// Poppler reports problems through one process-wide callback. Imports hold
/// this lock while Poppler works so each sees only its own messages (and
/// Poppler does not print them on stderr, where the CLI keeps one line for
/// the user).
QMutex popplerLock;

void collectMessage(const QString &message, const QVariant &closure)
{
    auto *messages = reinterpret_cast<QStringList *>(closure.value<quintptr>());
    if (!messages)
        return;
    // Poppler prefixes "Error: " or "Error (byte offset): ", which says nothing to a user.
    static const QRegularExpression prefix(QStringLiteral("^Error(?: \\(\\d+\\))?: "));
    messages->append(message.trimmed().remove(prefix));
}

class MessageCollector
{
public:
    MessageCollector()
    {
        Poppler::setDebugErrorFunction(collectMessage, QVariant::fromValue(reinterpret_cast<quintptr>(&m_messages)));
    }
    ~MessageCollector() { Poppler::setDebugErrorFunction(nullptr, QVariant()); }
    MessageCollector(const MessageCollector &) = delete;
    MessageCollector &operator=(const MessageCollector &) = delete;

    QStringList take() { return std::exchange(m_messages, {}); }

private:
    QStringList m_messages;
};

QString pageList(const QList<int> &pages)
{
    QStringList numbers;
    for (int n : pages)
        numbers << QString::number(n);
    return numbers.join(QStringLiteral(", "));
}

QString plural(qsizetype n, const QString &one, const QString &many)
{
    return n == 1 ? one : many;
}

struct PageText
{
    QString text;
    qsizetype ligatures = 0;
};

// Poppler offers the page text two ways: Page::text() sorts line fragments by
// their position (a "physical" layout that interleaves the lines of side by
// side columns and pads with spaces to mimic indentation), while textList()
// gives the words in Poppler's reading order (flows, blocks, lines, words: the
// order of pdftotext without -layout). Reading order is what a quote needs,
// so the words are joined here: one space where Poppler saw a gap, one line
// break where a line ends. Nothing is joined across lines, so "care-" at a
// line end stays "care-\n".
PageText readPage(const Poppler::Page &page)
{
    PageText result;
    const std::vector<std::unique_ptr<Poppler::TextBox>> words = page.textList();
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Poppler::TextBox &word = *words[i];
        result.ligatures += appendExpanded(result.text, word.text());
        if (i + 1 == words.size())
            break;
        // nextWord() links the words of one line; the last word has none.
        if (word.nextWord() != words[i + 1].get())
            result.text += QLatin1Char('\n');
        else if (word.hasSpaceAfter())
            result.text += QLatin1Char(' ');
    }
    return result;
}

bool isBlank(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); });
}

} // namespace

std::vector<ImportedDocument> PdfPlugin::read(const QString &fileName, const QByteArray &bytes,
                                              const ImportOptions &options) const
{
    const auto unreadable = [&fileName](const QString &why) {
        return Error(QStringLiteral("%1: not a readable PDF (%2)").arg(fileName, why));
    };
    if (!bytes.left(MarkerWindow).contains("%PDF-"))
        throw unreadable(QStringLiteral("it does not start with a PDF header"));

    QMutexLocker locker(&popplerLock);
    MessageCollector collector;
    std::unique_ptr<Poppler::Document> pdf = Poppler::Document::loadFromData(bytes);
    QStringList loadMessages = collector.take();
    if (!pdf) {
        throw unreadable(loadMessages.isEmpty()
                             ? QStringLiteral("Poppler cannot open it")
                             : QStringLiteral("Poppler cannot open it: %1").arg(loadMessages.constFirst()));
    }
    if (pdf->isLocked()) {
        throw Error(
            QStringLiteral("%1: the PDF is password-protected; remove the password and import again").arg(fileName));
    }
    // Poppler rebuilds a damaged cross-reference table silently and then reads
    // whatever it finds; a file cut short would so lose its last pages or
    // lines without anyone noticing. A complete file ends with %%EOF.
    if (!bytes.right(MarkerWindow).contains("%%EOF") && (pdf->xrefWasReconstructed() || !loadMessages.isEmpty()))
        throw unreadable(QStringLiteral("the file is cut short: it does not end with %%EOF"));
    const int pageCount = pdf->numPages();
    if (pageCount <= 0)
        throw unreadable(QStringLiteral("it has no pages"));

    QString text;
    std::vector<std::pair<qsizetype, qsizetype>> pageRanges; // UTF-16 indices
    QList<int> withoutText;
    QList<int> withProblems;
    QString firstProblem;
    qsizetype ligatures = 0;
    for (int i = 0; i < pageCount; ++i) {
        if (i > 0)
            text += QLatin1Char('\n');
        const std::unique_ptr<Poppler::Page> page = pdf->page(i);
        PageText pageText;
        if (page)
            pageText = readPage(*page);
        const QStringList problems = collector.take();
        if (!page || !problems.isEmpty()) {
            withProblems << i + 1;
            if (firstProblem.isEmpty())
                firstProblem = page ? problems.constFirst() : QStringLiteral("the page cannot be read");
        }
        if (isBlank(pageText.text))
            withoutText << i + 1;
        ligatures += pageText.ligatures;
        pageRanges.emplace_back(text.size(), text.size() + pageText.text.size());
        text += pageText.text;
    }
    if (withoutText.size() == pageCount) {
        throw Error(
            QStringLiteral("%1: the PDF has no text layer (scanned pages?); run OCR on it first").arg(fileName));
    }

    ImportedDocument doc;
    doc.name = fileName;
    doc.text = text;
    doc.encoding = QStringLiteral("Unicode (PDF text layer)");
    const TextOffsets offsets(doc.text, fileName);
    for (std::size_t i = 0; i < pageRanges.size(); ++i) {
        doc.pages.push_back(
            ImportedPage{int(i) + 1, offsets.fromUtf16(pageRanges[i].first), offsets.fromUtf16(pageRanges[i].second)});
    }
    if (!withoutText.isEmpty()) {
        doc.warnings << QStringLiteral("%1 %2 no text layer (scanned?); %3 missing from the "
                                       "imported text; run OCR on the file to include %4")
                            .arg(plural(withoutText.size(), QStringLiteral("page"), QStringLiteral("pages")) +
                                     QLatin1Char(' ') + pageList(withoutText),
                                 plural(withoutText.size(), QStringLiteral("has"), QStringLiteral("have")),
                                 plural(withoutText.size(), QStringLiteral("its text is"),
                                        QStringLiteral("their text is")),
                                 plural(withoutText.size(), QStringLiteral("it"), QStringLiteral("them")));
    }
    if (pdf->xrefWasReconstructed() || !loadMessages.isEmpty()) {
        doc.warnings << QStringLiteral("the PDF is damaged and was repaired while reading (%1); "
                                       "check the text against the original")
                            .arg(loadMessages.isEmpty() ? QStringLiteral("its cross-reference table had to be rebuilt")
                                                        : loadMessages.constFirst());
    }
    if (!withProblems.isEmpty()) {
        doc.warnings << QStringLiteral("Poppler reported problems on %1 %2 (%3); the text of %4 "
                                       "may be incomplete")
                            .arg(plural(withProblems.size(), QStringLiteral("page"), QStringLiteral("pages")),
                                 pageList(withProblems), firstProblem,
                                 plural(withProblems.size(), QStringLiteral("that page"),
                                        QStringLiteral("those pages")));
    }

    // Poppler reads such a file without a password; its owner asked readers not
    // to copy the text, which the researcher should know about.
    const bool copyingPermitted = pdf->okToCopy();
    if (!copyingPermitted) {
        doc.warnings << QStringLiteral("the PDF's permissions do not allow copying its text; it was "
                                       "imported, but check that you may use it");
    }

    QJsonArray blankPages;
    for (int n : withoutText)
        blankPages.append(n);
    doc.meta = QJsonObject{{QStringLiteral("encoding"), doc.encoding},
                           {QStringLiteral("bytes"), qint64(bytes.size())},
                           {QStringLiteral("pages"), pageCount},
                           {QStringLiteral("pagesWithoutText"), blankPages},
                           {QStringLiteral("ligaturesExpanded"), qint64(ligatures)},
                           {QStringLiteral("textOrder"), QStringLiteral("reading order")},
                           {QStringLiteral("encrypted"), pdf->isEncrypted()},
                           {QStringLiteral("copyingPermitted"), copyingPermitted},
                           {QStringLiteral("producer"), pdf->producer()},
                           {QStringLiteral("title"), pdf->title()}};

    applySpeakerTurns(doc, options);
    return {std::move(doc)};
}

} // namespace Quire::Pdf
