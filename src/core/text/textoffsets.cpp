// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/textoffsets.h"

#include "error.h"

#include <algorithm>

namespace Quire {

namespace {

constexpr bool isHighSurrogate(char16_t u)
{
    return u >= 0xD800 && u <= 0xDBFF;
}
constexpr bool isLowSurrogate(char16_t u)
{
    return u >= 0xDC00 && u <= 0xDFFF;
}

// One code point starting at UTF-16 index i: how many UTF-16 units and UTF-8
// bytes it takes. A surrogate that is not part of a valid pair is a code point
// of its own and counts 3 bytes, the size of the U+FFFD written for it.
struct Step
{
    qsizetype units;
    qsizetype bytes;
};

inline Step stepAt(const char16_t *p, qsizetype n, qsizetype i)
{
    const char16_t u = p[i];
    if (u < 0x80)
        return {1, 1};
    if (u < 0x800)
        return {1, 2};
    if (isHighSurrogate(u) && i + 1 < n && isLowSurrogate(p[i + 1]))
        return {2, 4};
    return {1, 3};
}

inline const char16_t *unitsOf(const QString &s)
{
    return reinterpret_cast<const char16_t *>(s.constData());
}

QString number(qsizetype n)
{
    return QString::number(n);
}

} // namespace

TextOffsets::TextOffsets(const QString &text, const QString &sourceName)
    : m_text(text)
    , m_sourceName(sourceName)
{
    const char16_t *p = unitsOf(m_text);
    const qsizetype n = m_text.size();

    // Most stored texts are plain ASCII; they need no tables at all.
    const bool ascii = std::all_of(p, p + n, [](char16_t u) { return u < 0x80; });
    m_codePointCount = n;
    m_utf8Length = n;
    if (ascii)
        return;

    m_isAscii = false;
    m_utf16Checkpoints.reserve(std::size_t(n / CheckpointInterval + 1));
    m_utf8Checkpoints.reserve(std::size_t(n / CheckpointInterval + 1));

    qsizetype codePoint = 0;
    qsizetype unit = 0;
    qsizetype byte = 0;
    while (unit < n) {
        if ((codePoint & (CheckpointInterval - 1)) == 0) {
            m_utf16Checkpoints.push_back(unit);
            m_utf8Checkpoints.push_back(byte);
        }
        const Step step = stepAt(p, n, unit);
        if (step.units == 2)
            m_isBmpOnly = false;
        unit += step.units;
        byte += step.bytes;
        ++codePoint;
    }
    // The end is a valid position too; keep the invariant that checkpoint k
    // exists for every k <= codePointCount / CheckpointInterval.
    if ((codePoint & (CheckpointInterval - 1)) == 0) {
        m_utf16Checkpoints.push_back(unit);
        m_utf8Checkpoints.push_back(byte);
    }

    m_codePointCount = codePoint;
    m_utf8Length = byte;
    if (m_isBmpOnly) {
        // Code point == UTF-16 index here, so the UTF-16 table is redundant.
        std::vector<qsizetype>().swap(m_utf16Checkpoints);
    }
}

qsizetype TextOffsets::toUtf16(qsizetype codePoint) const
{
    checkCodePoint(codePoint);
    if (m_isBmpOnly)
        return codePoint;

    const char16_t *p = unitsOf(m_text);
    const qsizetype n = m_text.size();
    const qsizetype k = codePoint >> CheckpointShift;
    qsizetype unit = m_utf16Checkpoints[std::size_t(k)];
    for (qsizetype c = k << CheckpointShift; c < codePoint; ++c)
        unit += stepAt(p, n, unit).units;
    return unit;
}

qsizetype TextOffsets::fromUtf16(qsizetype utf16Index) const
{
    if (utf16Index < 0) {
        fail(QStringLiteral("UTF-16 index %1 is before the start of the text").arg(number(utf16Index)));
    }
    if (utf16Index > m_text.size()) {
        fail(QStringLiteral("UTF-16 index %1 is past the end of the text (%2 UTF-16 code units)")
                 .arg(number(utf16Index), number(m_text.size())));
    }
    if (m_isBmpOnly)
        return utf16Index;

    const char16_t *p = unitsOf(m_text);
    const qsizetype n = m_text.size();
    // Last checkpoint at or before utf16Index; entry 0 is 0, so it exists.
    const auto it = std::upper_bound(m_utf16Checkpoints.begin(), m_utf16Checkpoints.end(), utf16Index);
    const qsizetype k = (it - m_utf16Checkpoints.begin()) - 1;
    qsizetype unit = m_utf16Checkpoints[std::size_t(k)];
    qsizetype codePoint = k << CheckpointShift;
    while (unit < utf16Index) {
        unit += stepAt(p, n, unit).units;
        ++codePoint;
    }
    if (unit != utf16Index) {
        fail(QStringLiteral("UTF-16 index %1 splits a character: it falls between the two "
                            "halves of a surrogate pair")
                 .arg(number(utf16Index)));
    }
    return codePoint;
}

qsizetype TextOffsets::toUtf8(qsizetype codePoint) const
{
    checkCodePoint(codePoint);
    if (m_isAscii)
        return codePoint;

    const char16_t *p = unitsOf(m_text);
    const qsizetype n = m_text.size();
    const qsizetype k = codePoint >> CheckpointShift;
    qsizetype unit = m_isBmpOnly ? (k << CheckpointShift) : m_utf16Checkpoints[std::size_t(k)];
    qsizetype byte = m_utf8Checkpoints[std::size_t(k)];
    for (qsizetype c = k << CheckpointShift; c < codePoint; ++c) {
        const Step step = stepAt(p, n, unit);
        unit += step.units;
        byte += step.bytes;
    }
    return byte;
}

qsizetype TextOffsets::fromUtf8(qsizetype byteOffset) const
{
    if (byteOffset < 0) {
        fail(QStringLiteral("UTF-8 byte offset %1 is before the start of the text").arg(number(byteOffset)));
    }
    if (byteOffset > m_utf8Length) {
        fail(QStringLiteral("UTF-8 byte offset %1 is past the end of the text (%2 bytes in UTF-8)")
                 .arg(number(byteOffset), number(m_utf8Length)));
    }
    if (m_isAscii)
        return byteOffset;

    const char16_t *p = unitsOf(m_text);
    const qsizetype n = m_text.size();
    const auto it = std::upper_bound(m_utf8Checkpoints.begin(), m_utf8Checkpoints.end(), byteOffset);
    const qsizetype k = (it - m_utf8Checkpoints.begin()) - 1;
    qsizetype byte = m_utf8Checkpoints[std::size_t(k)];
    qsizetype unit = m_isBmpOnly ? (k << CheckpointShift) : m_utf16Checkpoints[std::size_t(k)];
    qsizetype codePoint = k << CheckpointShift;
    while (byte < byteOffset) {
        const Step step = stepAt(p, n, unit);
        unit += step.units;
        byte += step.bytes;
        ++codePoint;
    }
    if (byte != byteOffset) {
        fail(QStringLiteral("UTF-8 byte offset %1 splits a character: it falls inside a "
                            "multi-byte UTF-8 sequence")
                 .arg(number(byteOffset)));
    }
    return codePoint;
}

QString TextOffsets::mid(qsizetype start, qsizetype end) const
{
    checkRange(start, end);
    const qsizetype from = toUtf16(start);
    return m_text.mid(from, toUtf16(end) - from);
}

void TextOffsets::checkRange(qsizetype start, qsizetype end) const
{
    checkCodePoint(start);
    checkCodePoint(end);
    if (start > end) {
        fail(QStringLiteral("range %1 to %2 is invalid: its start is after its end").arg(number(start), number(end)));
    }
}

qsizetype TextOffsets::codePointLength(const QString &s)
{
    const char16_t *p = unitsOf(s);
    const qsizetype n = s.size();
    qsizetype count = n;
    for (qsizetype i = 0; i + 1 < n; ++i) {
        if (isHighSurrogate(p[i]) && isLowSurrogate(p[i + 1])) {
            --count;
            ++i;
        }
    }
    return count;
}

void TextOffsets::checkCodePoint(qsizetype codePoint) const
{
    if (codePoint < 0)
        fail(QStringLiteral("offset %1 is before the start of the text").arg(number(codePoint)));
    if (codePoint > m_codePointCount) {
        fail(QStringLiteral("offset %1 is past the end of the text (%2 characters)")
                 .arg(number(codePoint), number(m_codePointCount)));
    }
}

void TextOffsets::fail(const QString &message) const
{
    // Offsets come from stored data or other tools; naming the file lets the
    // user find which import the bad position belongs to.
    if (m_sourceName.isEmpty())
        throw Error(message);
    throw Error(m_sourceName + QStringLiteral(": ") + message);
}

} // namespace Quire
