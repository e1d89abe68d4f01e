// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QByteArray>
#include <QString>

namespace Quire {

/// Turns the bytes of an imported file into the stored text.
///
/// The stored text is the file's text after exactly two changes: a leading
/// byte-order mark is removed and CRLF / lone CR become LF. Nothing else is
/// touched (no normalisation, no quote changes; a U+FEFF that is not at the
/// very start stays). Every failure throws Quire::Error with a sentence that
/// names the file.
///
/// How the encoding is chosen:
///  1. A byte-order mark wins: UTF-8, UTF-16LE/BE or UTF-32LE/BE (even over a
///     declared encoding, since the mark is part of the file itself).
///  2. Otherwise a declared encoding is used: any name ICU knows, matched
///     case-insensitively (utf-8, UTF8, windows-1252, cp1252, latin1, ...).
///  3. Otherwise strictly valid UTF-8 is UTF-8.
///  4. Otherwise the file must be Western European single-byte text:
///     "windows-1252" if it contains a byte 0x80-0x9F that Windows-1252
///     defines, else "ISO-8859-1". ICU's charset detector only vetoes this:
///     if it clearly prefers another encoding (Cyrillic, Greek, CJK, ...;
///     for the Latin-2 / Latin-5 families only when it is confident), or if
///     the file looks like UTF-8 with a few broken bytes, the import fails
///     and asks for the encoding to be declared. UTF-16/32 without a
///     byte-order mark is never guessed.
class QUIRECORE_EXPORT TextDecoder
{
public:
    /// The result of decoding one file.
    struct DecodedText
    {
        /// The stored text (BOM removed, line endings normalised to LF).
        QString text;
        /// Name of the encoding used: "UTF-8", "UTF-16LE", "UTF-16BE",
        /// "UTF-32LE", "UTF-32BE", "windows-1252", "ISO-8859-1", or ICU's
        /// preferred (MIME, else IANA) name for a declared encoding.
        QString encoding;
        /// Whether a leading byte-order mark was found (and removed).
        bool hadBom = false;
        /// Number of CRLF pairs turned into LF.
        qsizetype crlfCount = 0;
        /// Number of lone CRs turned into LF.
        qsizetype crCount = 0;
    };

    /// Largest file decode() accepts, in bytes (512 MiB).
    static constexpr qsizetype MaxFileSize = qsizetype(512) * 1024 * 1024;

    TextDecoder() = delete;

    /// Decodes \a bytes, the whole content of the file \a sourceName (used in
    /// error messages). \a declaredEncoding, if not empty, is the encoding the
    /// user or the format declared; it is ignored when the file has a BOM.
    /// Throws Quire::Error for empty, oversized, binary or undecodable input.
    static DecodedText decode(const QByteArray &bytes, const QString &sourceName,
                              const QString &declaredEncoding = QString());

    /// Returns \a text with every CRLF and every lone CR replaced by LF, and
    /// stores how many of each were replaced in \a crlf and \a cr if given.
    static QString normaliseLineEndings(const QString &text, qsizetype *crlf = nullptr, qsizetype *cr = nullptr);
};

} // namespace Quire
