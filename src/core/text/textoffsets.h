// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QString>

#include <vector>

namespace Quire {

/// Converts positions in a stored text between the three units the project
/// meets: Unicode code points (the unit every stored position uses), UTF-16
/// code units (QString indices) and UTF-8 bytes (exports, SQLite, other tools).
///
/// This is the one place that does such conversions; nothing else should
/// compute offsets by hand.
///
/// Positions are boundaries, so every conversion accepts 0..length inclusive
/// (the end of the text is a valid position). Invalid positions throw
/// Quire::Error; nothing is clamped silently.
///
/// Lone surrogates (a QString built from broken input can hold them; the
/// TextDecoder never produces them) each count as one code point, one UTF-16
/// unit and three UTF-8 bytes, i.e. the size of the U+FFFD that a stateless
/// QStringEncoder(QStringConverter::Utf8) writes in their place. Note that
/// QString::toUtf8() in Qt 6.4 writes a one-byte '?' instead, so UTF-8 offsets
/// of such a text only match output written through QStringEncoder.
///
/// Cost: construction is O(n); every query is O(log n + 64). Text that is
/// pure ASCII needs no tables; text without surrogate pairs needs only UTF-8
/// checkpoints; other text keeps one UTF-16 and one UTF-8 checkpoint every 64
/// code points.
class QUIRECORE_EXPORT TextOffsets
{
public:
    /// Indexes \a text (a stored text). \a sourceName, when given, prefixes
    /// every error message so the user knows which file the offset belongs to.
    explicit TextOffsets(const QString &text, const QString &sourceName = QString());

    /// The indexed text.
    const QString &text() const { return m_text; }

    /// Length of the text in Unicode code points (the unit of stored positions).
    qsizetype codePointCount() const { return m_codePointCount; }
    /// Length of the text in UTF-16 code units (QString::size()).
    qsizetype utf16Length() const { return m_text.size(); }
    /// Length of the text encoded as UTF-8, in bytes.
    qsizetype utf8Length() const { return m_utf8Length; }
    /// True when every code point is a single UTF-16 unit (no surrogate pairs),
    /// so code point positions and UTF-16 indices coincide.
    bool isBmpOnly() const { return m_isBmpOnly; }
    /// True when the text is pure ASCII, so all three units coincide.
    bool isAscii() const { return m_isAscii; }

    /// UTF-16 index of code point position \a codePoint (0..codePointCount()).
    qsizetype toUtf16(qsizetype codePoint) const;
    /// Code point position of UTF-16 index \a utf16Index (0..utf16Length());
    /// throws if the index falls between the halves of a surrogate pair.
    qsizetype fromUtf16(qsizetype utf16Index) const;
    /// UTF-8 byte offset of code point position \a codePoint (0..codePointCount()).
    qsizetype toUtf8(qsizetype codePoint) const;
    /// Code point position of UTF-8 byte offset \a byteOffset (0..utf8Length());
    /// throws if the offset falls inside a multi-byte UTF-8 sequence.
    qsizetype fromUtf8(qsizetype byteOffset) const;

    /// The text between code point positions \a start (inclusive) and \a end
    /// (exclusive); throws like checkRange().
    QString mid(qsizetype start, qsizetype end) const;
    /// Throws Quire::Error unless 0 <= \a start <= \a end <= codePointCount().
    void checkRange(qsizetype start, qsizetype end) const;

    /// Number of code points in \a s, counting lone surrogates as one each.
    static qsizetype codePointLength(const QString &s);

private:
    void checkCodePoint(qsizetype codePoint) const;
    [[noreturn]] void fail(const QString &message) const;

    // A checkpoint every 64 code points bounds each query's forward scan to
    // 63 characters while costing only 16 bytes per 64 characters.
    static constexpr int CheckpointShift = 6;
    static constexpr qsizetype CheckpointInterval = qsizetype(1) << CheckpointShift;

    QString m_text;
    QString m_sourceName;
    qsizetype m_codePointCount = 0;
    qsizetype m_utf8Length = 0;
    bool m_isAscii = true;
    bool m_isBmpOnly = true;
    // Entry k holds the position of code point k * CheckpointInterval, for
    // k = 0..codePointCount() / CheckpointInterval. Both stay empty for ASCII
    // text; m_utf16Checkpoints also stays empty for BMP-only text.
    std::vector<qsizetype> m_utf16Checkpoints;
    std::vector<qsizetype> m_utf8Checkpoints;
};

} // namespace Quire
