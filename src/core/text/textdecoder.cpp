// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/textdecoder.h"

#include "error.h"

#include <QStringView>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace Quire {

namespace {

struct ConverterCloser
{
    void operator()(UConverter *converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser
{
    void operator()(UCharsetDetector *detector) const { ucsdet_close(detector); }
};
using DetectorPtr = std::unique_ptr<UCharsetDetector, DetectorCloser>;

// ICU's detector is slow and its verdict does not improve much with more text;
// the Western rule itself always looks at every byte.
constexpr qsizetype DetectionSampleSize = 1024 * 1024;

// Thresholds for vetoing the Western fallback (ICU confidences are 0..100).
// Non-Latin scripts (Cyrillic, Greek, Arabic, Hebrew, CJK) are vetoed as soon
// as ICU likes them above its noise floor (its CJK recognisers report 10 for
// any text without errors) and more than any Western candidate. The Latin-2 /
// Latin-5 families share most letters with Latin-1, so ICU often prefers them
// a little for genuine Latin-1 text (a Latin-1 CSV scores 53 as ISO-8859-2
// against 42); they need a confident and clear lead.
constexpr int32_t NonLatinMinConfidence = 20;
constexpr int32_t LatinAlternativeMinConfidence = 50;
constexpr int32_t LatinAlternativeMinLead = 20;

[[noreturn]] void fail(const QString &sourceName, const QString &message)
{
    throw Error(sourceName + QStringLiteral(": ") + message);
}

QString number(qsizetype n)
{
    return QString::number(n);
}

struct Bom
{
    const char *encoding; // both our reported name and ICU's converter name
    const char *bytes;
    qsizetype length;
};

// UTF-32LE must be tested before UTF-16LE: its mark starts with FF FE too.
constexpr Bom Boms[] = {
    {"UTF-8", "\xEF\xBB\xBF", 3}, {"UTF-32LE", "\xFF\xFE\x00\x00", 4}, {"UTF-32BE", "\x00\x00\xFE\xFF", 4},
    {"UTF-16LE", "\xFF\xFE", 2},  {"UTF-16BE", "\xFE\xFF", 2},
};

const Bom *findBom(const QByteArray &bytes)
{
    for (const Bom &bom : Boms) {
        if (bytes.size() >= bom.length && std::memcmp(bytes.constData(), bom.bytes, std::size_t(bom.length)) == 0) {
            return &bom;
        }
    }
    return nullptr;
}

// Length of the strictly valid UTF-8 sequence starting at p (at most avail
// bytes), or 0 if none starts there. Rejects overlong forms, encoded
// surrogates and code points above U+10FFFF, exactly as RFC 3629 demands.
qsizetype validUtf8SequenceLength(const unsigned char *p, qsizetype avail)
{
    const unsigned char lead = p[0];
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    qsizetype length = 0;
    if (lead < 0x80) {
        return 1;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0; // overlong below U+0800
        else if (lead == 0xED)
            high = 0x9F; // U+D800..U+DFFF
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90; // overlong below U+10000
        else if (lead == 0xF4)
            high = 0x8F; // above U+10FFFF
    } else {
        return 0;
    }
    if (avail < length || p[1] < low || p[1] > high)
        return 0;
    for (qsizetype k = 2; k < length; ++k) {
        if (p[k] < 0x80 || p[k] > 0xBF)
            return 0;
    }
    return length;
}

struct Utf8Scan
{
    qsizetype firstInvalid = -1;
    qsizetype validMultiByte = 0;
    qsizetype invalidSequences = 0;
};

Utf8Scan scanUtf8(const char *data, qsizetype size, bool stopAtFirstError)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    Utf8Scan scan;
    qsizetype i = 0;
    while (i < size) {
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        const qsizetype length = validUtf8SequenceLength(p + i, size - i);
        if (length == 0) {
            if (scan.firstInvalid < 0)
                scan.firstInvalid = i;
            ++scan.invalidSequences;
            if (stopAtFirstError)
                break;
            // Stray continuation bytes after a bad lead belong to the same
            // error; counting them would let one broken spot outweigh text.
            ++i;
            while (i < size && p[i] >= 0x80 && p[i] <= 0xBF)
                ++i;
        } else {
            ++scan.validMultiByte;
            i += length;
        }
    }
    return scan;
}

// Line numbers in messages count LF, CRLF and lone CR as one line end each,
// like normaliseLineEndings(), so they match what the user sees in an editor.
template <typename Unit> qsizetype lineBreaks(const Unit *p, qsizetype size)
{
    qsizetype breaks = 0;
    for (qsizetype i = 0; i < size; ++i) {
        if (p[i] == Unit('\n'))
            ++breaks;
        else if (p[i] == Unit('\r') && (i + 1 >= size || p[i + 1] != Unit('\n')))
            ++breaks;
    }
    return breaks;
}

qsizetype lineOfByte(const char *data, qsizetype offset)
{
    // A CR just before the offset is a line end whatever follows it: the
    // byte at the offset is the invalid one, never an LF.
    return 1 + lineBreaks(data, offset);
}

[[noreturn]] void failInvalidUtf8(const QString &sourceName, const char *body, qsizetype offset, qsizetype byteBase,
                                  const QString &context)
{
    fail(sourceName, QStringLiteral("not valid UTF-8 at byte %1 (line %2), %3")
                         .arg(number(byteBase + offset), number(lineOfByte(body, offset)), context));
}

// utf16Hint: without a BOM or a declaration, NULs most likely mean UTF-16 or
// UTF-32 text saved without a byte-order mark; say how to get it imported.
template <typename Unit>
void checkNotBinary(const Unit *p, qsizetype size, const QString &sourceName, const QString &unitName, bool utf16Hint)
{
    qsizetype controls = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const Unit u = p[i];
        if (u >= Unit(0x20))
            continue;
        if (u == Unit(0)) {
            fail(sourceName, QStringLiteral("looks like a binary file, not text (it contains NUL %1%2)")
                                 .arg(unitName, utf16Hint ? QStringLiteral("; UTF-16 and UTF-32 text are "
                                                                           "only recognised with a byte-order "
                                                                           "mark or a declared encoding")
                                                          : QString()));
        }
        if (u != Unit('\t') && u != Unit('\n') && u != Unit('\r') && u != Unit('\f'))
            ++controls;
    }
    // Real texts do carry the odd stray control (form feeds from old word
    // processors, an escape or two), so only a noticeable share counts.
    if (controls * 100 > size) {
        fail(sourceName, QStringLiteral("looks like a binary file, not text (%1 of its %2 %3 are "
                                        "control characters)")
                             .arg(number(controls), number(size), unitName));
    }
}

ConverterPtr openConverter(const char *name)
{
    UErrorCode status = U_ZERO_ERROR;
    ConverterPtr converter(ucnv_open(name, &status));
    if (U_FAILURE(status))
        return nullptr;
    // Substituting U+FFFD would silently change the stored text; a decoding
    // error must stop the import instead.
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status))
        return nullptr;
    return converter;
}

QString preferredName(UConverter *converter)
{
    UErrorCode status = U_ZERO_ERROR;
    const char *internal = ucnv_getName(converter, &status);
    if (U_FAILURE(status) || !internal)
        return QString();
    // ucnv_getName() gives ICU's internal table names ("ibm-5348_P100-1997");
    // users know the MIME / IANA names ("windows-1252").
    for (const char *standard : {"MIME", "IANA"}) {
        status = U_ZERO_ERROR;
        const char *name = ucnv_getStandardName(internal, standard, &status);
        if (U_SUCCESS(status) && name)
            return QString::fromLatin1(name);
    }
    return QString::fromLatin1(internal);
}

// Converts with ICU. byteBase is the offset of data within the file (the BOM
// length) so error positions point into the file as the user has it.
QString convert(UConverter *converter, const char *data, qsizetype size, qsizetype byteBase, const QString &sourceName,
                const QString &encoding, const QString &context)
{
    // One UTF-16 unit per byte suffices for every charset we expect; the
    // overflow branch keeps exotic ones correct.
    QString out;
    out.resize(size + 1);
    const char *source = data;
    const char *sourceLimit = data + size;
    qsizetype written = 0;
    UErrorCode status = U_ZERO_ERROR;
    for (;;) {
        UChar *base = reinterpret_cast<UChar *>(out.data());
        UChar *target = base + written;
        status = U_ZERO_ERROR;
        ucnv_toUnicode(converter, &target, base + out.size(), &source, sourceLimit, nullptr, true, &status);
        written = target - base;
        if (status != U_BUFFER_OVERFLOW_ERROR)
            break;
        out.resize(out.size() * 2);
    }
    if (U_FAILURE(status)) {
        char invalid[32];
        int8_t invalidLength = sizeof invalid;
        UErrorCode invalidStatus = U_ZERO_ERROR;
        ucnv_getInvalidChars(converter, invalid, &invalidLength, &invalidStatus);
        const qsizetype offset = (source - data) - (U_SUCCESS(invalidStatus) ? qsizetype(invalidLength) : 0);
        const qsizetype line = 1 + lineBreaks(reinterpret_cast<const char16_t *>(out.constData()), written);
        fail(sourceName, QStringLiteral("not valid %1 at byte %2 (line %3), %4")
                             .arg(encoding, number(byteBase + offset), number(line), context));
    }
    out.truncate(written);
    return out;
}

QString convertWith(const char *icuName, const char *data, qsizetype size, qsizetype byteBase,
                    const QString &sourceName, const QString &context)
{
    const ConverterPtr converter = openConverter(icuName);
    if (!converter) {
        fail(sourceName, QStringLiteral("cannot be decoded because the %1 converter of ICU is "
                                        "not available")
                             .arg(QString::fromLatin1(icuName)));
    }
    return convert(converter.get(), data, size, byteBase, sourceName, QString::fromLatin1(icuName), context);
}

bool isUnicodeName(const char *name)
{
    return std::strncmp(name, "UTF-", 4) == 0;
}

bool isWesternName(const char *name)
{
    return std::strcmp(name, "ISO-8859-1") == 0 || std::strcmp(name, "windows-1252") == 0;
}

bool isLatinAlternativeName(const char *name)
{
    for (const char *latin : {"ISO-8859-2", "windows-1250", "ISO-8859-9", "windows-1254"}) {
        if (std::strcmp(name, latin) == 0)
            return true;
    }
    return false;
}

// Fails if ICU's detector clearly prefers a non-Western encoding: decoding
// such a file as Latin-1 would store mojibake without any warning.
void checkLooksWestern(const QByteArray &bytes, const QString &sourceName)
{
    UErrorCode status = U_ZERO_ERROR;
    const DetectorPtr detector(ucsdet_open(&status));
    if (U_FAILURE(status))
        return;
    const auto sampleSize = int32_t(std::min(bytes.size(), DetectionSampleSize));
    ucsdet_setText(detector.get(), bytes.constData(), sampleSize, &status);
    int32_t count = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector.get(), &count, &status);
    if (U_FAILURE(status) || !matches)
        return;

    int32_t bestWestern = 0;
    for (int32_t i = 0; i < count; ++i) {
        UErrorCode matchStatus = U_ZERO_ERROR;
        const char *name = ucsdet_getName(matches[i], &matchStatus);
        const int32_t confidence = ucsdet_getConfidence(matches[i], &matchStatus);
        if (U_SUCCESS(matchStatus) && name && isWesternName(name))
            bestWestern = std::max(bestWestern, confidence);
    }

    for (int32_t i = 0; i < count; ++i) { // best match first
        UErrorCode matchStatus = U_ZERO_ERROR;
        const char *name = ucsdet_getName(matches[i], &matchStatus);
        const int32_t confidence = ucsdet_getConfidence(matches[i], &matchStatus);
        // Invalid UTF-8 was ruled out already and UTF-16/32 without a BOM is
        // never guessed, so Unicode matches say nothing here.
        if (U_FAILURE(matchStatus) || !name || isUnicodeName(name) || isWesternName(name))
            continue;
        const bool vetoes =
            isLatinAlternativeName(name)
                ? confidence >= LatinAlternativeMinConfidence && confidence >= bestWestern + LatinAlternativeMinLead
                : confidence >= NonLatinMinConfidence && confidence > bestWestern;
        if (vetoes) {
            fail(sourceName, QStringLiteral("not UTF-8, and it looks like %1 text rather than "
                                            "Western European text; declare its encoding to "
                                            "import it")
                                 .arg(QString::fromLatin1(name)));
        }
    }
}

bool hasWindows1252OnlyByte(const QByteArray &bytes)
{
    // 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in Windows-1252; alone
    // they are no evidence for it.
    return std::any_of(bytes.cbegin(), bytes.cend(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0x80 && b <= 0x9F && b != 0x81 && b != 0x8D && b != 0x8F && b != 0x90 && b != 0x9D;
    });
}

} // namespace

namespace {
// Rewrites the line endings in place: the text only shrinks, so a file of
// hundreds of megabytes is not copied a second time.
void normaliseInPlace(QString &text, qsizetype *crlf, qsizetype *cr)
{
    qsizetype crlfCount = 0;
    qsizetype crCount = 0;
    const qsizetype firstCr = text.indexOf(QLatin1Char('\r'));
    if (firstCr >= 0) {
        const qsizetype size = text.size();
        QChar *data = text.data();
        qsizetype out = firstCr;
        for (qsizetype i = firstCr; i < size; ++i) {
            QChar c = data[i];
            if (c == u'\r') {
                if (i + 1 < size && data[i + 1] == u'\n') {
                    ++crlfCount;
                    ++i;
                } else {
                    ++crCount;
                }
                c = u'\n';
            }
            data[out++] = c;
        }
        text.truncate(out);
    }
    if (crlf)
        *crlf = crlfCount;
    if (cr)
        *cr = crCount;
}
} // namespace

TextDecoder::DecodedText TextDecoder::decode(const QByteArray &bytes, const QString &sourceName,
                                             const QString &declaredEncoding)
{
    if (bytes.isEmpty())
        fail(sourceName, QStringLiteral("the file is empty (0 bytes)"));
    if (bytes.size() > MaxFileSize) {
        fail(sourceName,
             QStringLiteral("the file is too large (%1 bytes); the limit is 512 MiB").arg(number(bytes.size())));
    }

    DecodedText result;
    QString decoded;
    const QString declared = declaredEncoding.trimmed();

    if (const Bom *bom = findBom(bytes)) {
        result.hadBom = true;
        result.encoding = QString::fromLatin1(bom->encoding);
        const char *body = bytes.constData() + bom->length;
        const qsizetype bodySize = bytes.size() - bom->length;
        const QString context = QStringLiteral("although it starts with a %1 byte-order mark").arg(result.encoding);
        if (std::strcmp(bom->encoding, "UTF-8") == 0) {
            const Utf8Scan scan = scanUtf8(body, bodySize, true);
            if (scan.firstInvalid >= 0)
                failInvalidUtf8(sourceName, body, scan.firstInvalid, bom->length, context);
        }
        decoded = convertWith(bom->encoding, body, bodySize, bom->length, sourceName, context);
    } else if (!declared.isEmpty()) {
        // A comma would pass ICU converter options ("UTF-8,swaplfnl") along.
        const ConverterPtr converter =
            declared.contains(QLatin1Char(',')) ? nullptr : openConverter(declared.toUtf8().constData());
        if (!converter) {
            fail(sourceName, QStringLiteral("the declared encoding \"%1\" is not known").arg(declared));
        }
        result.encoding = preferredName(converter.get());
        const QString context = QStringLiteral("although %1 was declared").arg(result.encoding);
        if (result.encoding == QLatin1String("UTF-8")) {
            const Utf8Scan scan = scanUtf8(bytes.constData(), bytes.size(), true);
            if (scan.firstInvalid >= 0)
                failInvalidUtf8(sourceName, bytes.constData(), scan.firstInvalid, 0, context);
        }
        decoded = convert(converter.get(), bytes.constData(), bytes.size(), 0, sourceName, result.encoding, context);
    } else {
        const Utf8Scan scan = scanUtf8(bytes.constData(), bytes.size(), false);
        if (scan.firstInvalid < 0) {
            result.encoding = QStringLiteral("UTF-8");
        } else {
            // Before guessing, so a binary file is reported as binary rather
            // than as text in some unexpected encoding.
            checkNotBinary(reinterpret_cast<const unsigned char *>(bytes.constData()), bytes.size(), sourceName,
                           QStringLiteral("bytes"), true);
            // A UTF-8 file with a stray byte or a truncated last character
            // would otherwise turn into Latin-1 mojibake throughout.
            if (scan.validMultiByte > scan.invalidSequences) {
                failInvalidUtf8(sourceName, bytes.constData(), scan.firstInvalid, 0,
                                QStringLiteral("although the rest of the file looks like UTF-8; "
                                               "repair the file or declare its encoding"));
            }
            checkLooksWestern(bytes, sourceName);
            result.encoding =
                hasWindows1252OnlyByte(bytes) ? QStringLiteral("windows-1252") : QStringLiteral("ISO-8859-1");
        }
        const QByteArray icuName = result.encoding.toLatin1();
        decoded = convertWith(icuName.constData(), bytes.constData(), bytes.size(), 0, sourceName,
                              QStringLiteral("although it was detected as %1").arg(result.encoding));
    }

    checkNotBinary(reinterpret_cast<const char16_t *>(decoded.constData()), decoded.size(), sourceName,
                   QStringLiteral("characters"), !result.hadBom && declared.isEmpty());
    normaliseInPlace(decoded, &result.crlfCount, &result.crCount);
    // The conversion buffer was sized for the worst case; the stored text is
    // kept for the whole import, so return the spare capacity.
    decoded.squeeze();
    result.text = std::move(decoded);
    return result;
}

QString TextDecoder::normaliseLineEndings(const QString &text, qsizetype *crlf, qsizetype *cr)
{
    // Shared until the first write (QString is copy-on-write): most files already use LF.
    QString result = text;
    normaliseInPlace(result, crlf, cr);
    return result;
}

} // namespace Quire
