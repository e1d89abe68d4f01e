// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/textunits.h"

#include "error.h"

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <vector>

namespace Quire {

namespace {

// Opening an ICU break iterator costs far more than pointing one at a new
// text, and a concordance makes a TextUnits per document: idle iterators wait
// here, per thread.
struct IteratorPool
{
    std::vector<UBreakIterator *> idle[2];
    ~IteratorPool()
    {
        for (auto &list : idle) {
            for (UBreakIterator *it : list)
                ubrk_close(it);
        }
    }
};
thread_local IteratorPool pool;

std::vector<UBreakIterator *> &idleOf(int kind)
{
    return pool.idle[kind == UBRK_WORD ? 0 : 1];
}

void release(UBreakIterator *it, int kind)
{
    if (!it)
        return;
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(it, u"", 0, &status);
    if (idleOf(kind).size() < 4)
        idleOf(kind).push_back(it);
    else
        ubrk_close(it);
}

} // namespace

TextUnits::TextUnits(const QString &text)
    : m_text(text)
    , m_offsets(text)
{}

TextUnits::~TextUnits()
{
    release(m_words, UBRK_WORD);
    release(m_sentences, UBRK_SENTENCE);
}

UBreakIterator *TextUnits::iterator(UBreakIterator *&it, int kind)
{
    if (it)
        return it;
    UErrorCode status = U_ZERO_ERROR;
    const auto *text = reinterpret_cast<const UChar *>(m_text.utf16());
    auto &idle = idleOf(kind);
    if (!idle.empty()) {
        it = idle.back();
        idle.pop_back();
        ubrk_setText(it, text, int32_t(m_text.size()), &status);
    } else {
        it = ubrk_open(UBreakIteratorType(kind), "", text, int32_t(m_text.size()), &status);
    }
    if (U_FAILURE(status)) {
        if (it)
            ubrk_close(it);
        it = nullptr;
        throw Error(QStringLiteral("search: cannot start the ICU break iterator (%1)")
                        .arg(QString::fromLatin1(u_errorName(status))));
    }
    return it;
}

qsizetype TextUnits::wordBoundaryAtOrAfter(qsizetype position)
{
    const qsizetype u = m_offsets.toUtf16(position);
    UBreakIterator *it = iterator(m_words, UBRK_WORD);
    if (ubrk_isBoundary(it, int32_t(u)))
        return position;
    const int32_t next = ubrk_following(it, int32_t(u));
    return next == UBRK_DONE ? m_offsets.codePointCount() : m_offsets.fromUtf16(next);
}

qsizetype TextUnits::wordBoundaryAtOrBefore(qsizetype position)
{
    const qsizetype u = m_offsets.toUtf16(position);
    UBreakIterator *it = iterator(m_words, UBRK_WORD);
    if (ubrk_isBoundary(it, int32_t(u)))
        return position;
    const int32_t previous = ubrk_preceding(it, int32_t(u));
    return previous == UBRK_DONE ? 0 : m_offsets.fromUtf16(previous);
}

TextUnits::Span TextUnits::words(qsizetype start, qsizetype end)
{
    return {wordBoundaryAtOrBefore(start), std::max(wordBoundaryAtOrAfter(end), wordBoundaryAtOrBefore(start))};
}

TextUnits::Span TextUnits::sentences(qsizetype start, qsizetype end)
{
    UBreakIterator *it = iterator(m_sentences, UBRK_SENTENCE);
    const int32_t u0 = int32_t(m_offsets.toUtf16(start));
    const int32_t u1 = int32_t(m_offsets.toUtf16(end));
    int32_t from = ubrk_isBoundary(it, u0) ? u0 : ubrk_preceding(it, u0);
    if (from == UBRK_DONE)
        from = 0;
    // The sentence holding the last character of the span.
    int32_t to = u1 > u0 ? ubrk_following(it, u1 - 1) : ubrk_following(it, u0);
    if (to == UBRK_DONE)
        to = int32_t(m_text.size());
    const Span s{m_offsets.fromUtf16(from), m_offsets.fromUtf16(to)};
    // Keep the span's own ends even if trimming would cut into it.
    const Span t = trimmed(s);
    return {std::min(t.first, start), std::max(t.second, end)};
}

TextUnits::Span TextUnits::paragraphs(qsizetype start, qsizetype end)
{
    const qsizetype u0 = m_offsets.toUtf16(start);
    const qsizetype u1 = m_offsets.toUtf16(end);
    const qsizetype before = u0 > 0 ? m_text.lastIndexOf(QLatin1Char('\n'), u0 - 1) : -1;
    qsizetype after = m_text.indexOf(QLatin1Char('\n'), std::max(u1 - 1, u0));
    if (after < 0)
        after = m_text.size();
    const Span s{m_offsets.fromUtf16(before + 1), m_offsets.fromUtf16(std::max(after, u1))};
    const Span t = trimmed(s);
    return {std::min(t.first, start), std::max(t.second, end)};
}

TextUnits::Span TextUnits::trimmed(Span span) const
{
    qsizetype u0 = m_offsets.toUtf16(span.first);
    qsizetype u1 = m_offsets.toUtf16(span.second);
    while (u0 < u1 && m_text[u0].isSpace())
        ++u0;
    while (u1 > u0 && m_text[u1 - 1].isSpace())
        --u1;
    if (u0 == u1)
        return span;
    return {m_offsets.fromUtf16(u0), m_offsets.fromUtf16(u1)};
}

qsizetype TextUnits::speakerLabelEnd(const Turn &t) const
{
    if (t.speaker.isEmpty() || t.start < 0 || t.end > m_offsets.codePointCount() || t.start >= t.end)
        return t.start;
    const qsizetype from = m_offsets.toUtf16(t.start);
    const qsizetype to = m_offsets.toUtf16(t.end);
    qsizetype lineEnd = m_text.indexOf(QLatin1Char('\n'), from);
    if (lineEnd < 0 || lineEnd > to)
        lineEnd = to;
    const qsizetype name = m_text.indexOf(t.speaker, from);
    if (name < 0 || name >= lineEnd || name - from > 40)
        return t.start;
    const qsizetype after = name + t.speaker.size();
    for (qsizetype i = after; i < lineEnd && i - after <= 60; ++i) {
        if (m_text[i] == QLatin1Char(':') || m_text[i] == QLatin1Char(']')) {
            qsizetype c = i + 1;
            while (c < lineEnd && m_text[c].isSpace())
                ++c;
            return m_offsets.fromUtf16(c);
        }
    }
    return t.start;
}

int TextUnits::displayWidth(const QString &s)
{
    const auto *p = reinterpret_cast<const UChar *>(s.utf16());
    const int32_t n = int32_t(s.size());
    int width = 0;
    bool joined = false;
    for (int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U16_NEXT(p, i, n, c);
        // An emoji ZWJ sequence (👩‍👩‍👧) shows as one picture.
        if (c == 0x200D) {
            joined = true;
            continue;
        }
        if (joined) {
            joined = false;
            continue;
        }
        const int8_t category = u_charType(c);
        if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR ||
            u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) || u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER))
            continue;
        const int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
        width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH || u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)) ? 2 : 1;
    }
    return width;
}

} // namespace Quire
