// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/textoffsets.h"

#include "error.h"

#include <catch2/catch.hpp>

#include "testsupport.h"

#include <QStringEncoder>

#include <cstdint>
#include <string>
#include <vector>

using Quire::TextOffsets;

namespace {

// Catch cannot print QString; this escaped form shows exactly which UTF-16
// units differ when a comparison fails.
std::string dump(const QString &s)
{
    std::string out;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u >= 0x20 && u < 0x7F) {
            out += char(u);
        } else {
            static const char hex[] = "0123456789ABCDEF";
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4)
                out += hex[(u >> shift) & 0xF];
        }
    }
    return out;
}

bool isHigh(char16_t u)
{
    return u >= 0xD800 && u <= 0xDBFF;
}
bool isLow(char16_t u)
{
    return u >= 0xDC00 && u <= 0xDFFF;
}

// Deliberately simple reference: position of every code point boundary in
// UTF-16 units and UTF-8 bytes, computed one character at a time.
struct Reference
{
    std::vector<qsizetype> utf16; // utf16[cp] = UTF-16 index of code point cp
    std::vector<qsizetype> utf8;  // utf8[cp]  = UTF-8 offset of code point cp
};

Reference naiveReference(const QString &text)
{
    Reference ref;
    qsizetype unit = 0;
    qsizetype byte = 0;
    const qsizetype n = text.size();
    while (unit < n) {
        ref.utf16.push_back(unit);
        ref.utf8.push_back(byte);
        const char16_t u = text.at(unit).unicode();
        if (isHigh(u) && unit + 1 < n && isLow(text.at(unit + 1).unicode())) {
            unit += 2;
            byte += 4;
        } else {
            unit += 1;
            byte += u < 0x80 ? 1 : u < 0x800 ? 2 : 3;
        }
    }
    ref.utf16.push_back(unit);
    ref.utf8.push_back(byte);
    return ref;
}

void requireConsistentWithReference(const TextOffsets &offsets, const QString &text)
{
    const Reference ref = naiveReference(text);
    const auto count = qsizetype(ref.utf16.size()) - 1;
    REQUIRE(offsets.codePointCount() == count);
    REQUIRE(offsets.utf16Length() == text.size());
    REQUIRE(offsets.utf8Length() == ref.utf8.back());
    for (qsizetype cp = 0; cp <= count; ++cp) {
        const auto i = std::size_t(cp);
        if (offsets.toUtf16(cp) != ref.utf16[i] || offsets.toUtf8(cp) != ref.utf8[i] ||
            offsets.fromUtf16(ref.utf16[i]) != cp || offsets.fromUtf8(ref.utf8[i]) != cp) {
            INFO("code point " << cp);
            REQUIRE(offsets.toUtf16(cp) == ref.utf16[i]);
            REQUIRE(offsets.toUtf8(cp) == ref.utf8[i]);
            REQUIRE(offsets.fromUtf16(ref.utf16[i]) == cp);
            REQUIRE(offsets.fromUtf8(ref.utf8[i]) == cp);
        }
    }
}

// Deterministic mix of 1-, 2-, 3- and 4-byte characters plus combining marks
// and ZWJ sequences, in runs of varying length so checkpoints fall anywhere.
QString mixedText(qsizetype minUtf16Length)
{
    const QString pieces[] = {
        QStringLiteral("plain ascii words "),
        QStringLiteral("é"),
        QStringLiteral("中文"),
        QStringLiteral("😢"),
        QStringLiteral("e\u0301"),
        QStringLiteral("👩\u200D👩\u200D👧"),
        QStringLiteral("مرحبا"),
        QStringLiteral("שלום "),
        QStringLiteral("\n"),
        QStringLiteral("“q”"),
    };
    QString text;
    std::uint32_t state = 12345;
    while (text.size() < minUtf16Length) {
        state = state * 1103515245u + 12345u;
        text += pieces[(state >> 16) % (sizeof pieces / sizeof pieces[0])];
    }
    return text;
}

} // namespace

TEST_CASE("TextOffsets uses the identity fast path for ASCII text", "[textoffsets]")
{
    const QString text = QStringLiteral("Hello, world!\nSecond line.");
    const TextOffsets offsets(text);

    REQUIRE(offsets.isAscii());
    REQUIRE(offsets.isBmpOnly());
    REQUIRE(offsets.codePointCount() == text.size());
    REQUIRE(offsets.utf16Length() == text.size());
    REQUIRE(offsets.utf8Length() == text.size());
    for (qsizetype i = 0; i <= text.size(); ++i) {
        REQUIRE(offsets.toUtf16(i) == i);
        REQUIRE(offsets.toUtf8(i) == i);
        REQUIRE(offsets.fromUtf16(i) == i);
        REQUIRE(offsets.fromUtf8(i) == i);
    }
    REQUIRE(dump(offsets.mid(7, 12)) == "world");
    REQUIRE(dump(offsets.text()) == dump(text));
}

TEST_CASE("TextOffsets handles BMP-only text", "[textoffsets]")
{
    SECTION("Latin with accents")
    {
        const QString text = QStringLiteral("café crème");
        const TextOffsets offsets(text);
        REQUIRE_FALSE(offsets.isAscii());
        REQUIRE(offsets.isBmpOnly());
        REQUIRE(offsets.codePointCount() == 10);
        REQUIRE(offsets.utf16Length() == 10);
        REQUIRE(offsets.utf8Length() == 12);
        REQUIRE(offsets.toUtf8(3) == 3);
        REQUIRE(offsets.toUtf8(4) == 5);
        REQUIRE(offsets.fromUtf8(5) == 4);
        REQUIRE(dump(offsets.mid(5, 10)) == dump(QStringLiteral("crème")));
    }
    SECTION("CJK")
    {
        const QString text = QStringLiteral("中文abc");
        const TextOffsets offsets(text);
        REQUIRE(offsets.isBmpOnly());
        REQUIRE(offsets.codePointCount() == 5);
        REQUIRE(offsets.utf8Length() == 9);
        REQUIRE(offsets.toUtf8(1) == 3);
        REQUIRE(offsets.toUtf8(2) == 6);
        REQUIRE(offsets.fromUtf8(6) == 2);
        REQUIRE(dump(offsets.mid(1, 3)) == dump(QStringLiteral("文a")));
    }
    SECTION("Arabic and Hebrew (right-to-left) text is stored in logical order")
    {
        const QString text = QStringLiteral("مرحبا שלום");
        const TextOffsets offsets(text);
        REQUIRE(offsets.isBmpOnly());
        REQUIRE(offsets.codePointCount() == 10);
        REQUIRE(offsets.utf8Length() == 5 * 2 + 1 + 4 * 2);
        REQUIRE(dump(offsets.mid(6, 10)) == dump(QStringLiteral("שלום")));
        REQUIRE(offsets.toUtf8(6) == 11);
        REQUIRE(offsets.fromUtf8(11) == 6);
    }
}

TEST_CASE("TextOffsets counts emoji and ZWJ sequences in code points", "[textoffsets]")
{
    // 👩‍👩‍👧 is one grapheme but five code points: woman, ZWJ, woman, ZWJ, girl.
    const QString family = QStringLiteral("👩\u200D👩\u200D👧");
    const QString text = QStringLiteral("I 😢 ") + family + QStringLiteral("!");
    const TextOffsets offsets(text);

    REQUIRE_FALSE(offsets.isBmpOnly());
    REQUIRE(TextOffsets::codePointLength(family) == 5);
    REQUIRE(offsets.codePointCount() == 10);
    REQUIRE(offsets.utf16Length() == 14);
    REQUIRE(offsets.utf8Length() == 26);
    REQUIRE(offsets.utf8Length() == text.toUtf8().size());

    REQUIRE(offsets.toUtf16(2) == 2);
    REQUIRE(offsets.toUtf16(3) == 4); // after 😢, a surrogate pair
    REQUIRE(offsets.toUtf8(3) == 6);
    REQUIRE(dump(offsets.mid(2, 3)) == dump(QStringLiteral("😢")));
    REQUIRE(dump(offsets.mid(4, 9)) == dump(family));
    REQUIRE(dump(offsets.mid(9, 10)) == "!");
    REQUIRE(offsets.fromUtf16(13) == 9);
    REQUIRE(offsets.fromUtf8(25) == 9);
}

TEST_CASE("TextOffsets counts a combining mark as its own code point", "[textoffsets]")
{
    // No NFC normalisation: "e" + U+0301 stays two code points.
    const QString text = QStringLiteral("ce\u0301") + QStringLiteral("s");
    const TextOffsets offsets(text);
    REQUIRE(offsets.codePointCount() == 4);
    REQUIRE(offsets.utf16Length() == 4);
    REQUIRE(offsets.utf8Length() == 5);
    REQUIRE(offsets.toUtf8(2) == 2);
    REQUIRE(offsets.toUtf8(3) == 4);
    REQUIRE(dump(offsets.mid(1, 3)) == dump(QStringLiteral("e\u0301")));
    REQUIRE(dump(offsets.mid(2, 3)) == dump(QStringLiteral("\u0301")));
}

TEST_CASE("TextOffsets handles empty text", "[textoffsets]")
{
    const TextOffsets offsets{QString()};
    REQUIRE(offsets.codePointCount() == 0);
    REQUIRE(offsets.utf16Length() == 0);
    REQUIRE(offsets.utf8Length() == 0);
    REQUIRE(offsets.isAscii());
    REQUIRE(offsets.toUtf16(0) == 0);
    REQUIRE(offsets.toUtf8(0) == 0);
    REQUIRE(offsets.fromUtf16(0) == 0);
    REQUIRE(offsets.fromUtf8(0) == 0);
    REQUIRE(offsets.mid(0, 0).isEmpty());
    REQUIRE_NOTHROW(offsets.checkRange(0, 0));
    REQUIRE_THROWS_WITH(offsets.toUtf16(1), "offset 1 is past the end of the text (0 characters)");
    REQUIRE_THROWS_AS(offsets.toUtf8(1), Quire::Error);
    REQUIRE_THROWS_AS(offsets.fromUtf16(1), Quire::Error);
    REQUIRE_THROWS_AS(offsets.fromUtf8(1), Quire::Error);
    REQUIRE_THROWS_AS(offsets.mid(0, 1), Quire::Error);
}

TEST_CASE("TextOffsets gives the segment at the very end of the text", "[textoffsets]")
{
    const QString text = QStringLiteral("end: é😢x");
    const TextOffsets offsets(text);
    const qsizetype n = offsets.codePointCount();
    REQUIRE(n == 8);
    REQUIRE(dump(offsets.mid(n - 3, n)) == dump(QStringLiteral("é😢x")));
    REQUIRE(offsets.toUtf16(n) == text.size());
    REQUIRE(offsets.toUtf8(n) == text.toUtf8().size());
    REQUIRE(offsets.fromUtf16(text.size()) == n);
    REQUIRE(offsets.fromUtf8(offsets.utf8Length()) == n);
    REQUIRE(offsets.mid(n, n).isEmpty());
}

TEST_CASE("TextOffsets round-trips every position of a mixed string", "[textoffsets]")
{
    const QString text = QStringLiteral("Aé中😢e\u0301 👩\u200D👩\u200D👧 “x” مرحبا\tשלום\n𝄞!");
    const TextOffsets offsets(text);
    REQUIRE(offsets.codePointCount() == TextOffsets::codePointLength(text));

    for (qsizetype cp = 0; cp <= offsets.codePointCount(); ++cp) {
        INFO("code point " << cp);
        const qsizetype u16 = offsets.toUtf16(cp);
        const qsizetype u8 = offsets.toUtf8(cp);
        REQUIRE(offsets.fromUtf16(u16) == cp);
        REQUIRE(offsets.fromUtf8(u8) == cp);
        REQUIRE(u8 == text.left(u16).toUtf8().size());
        REQUIRE(TextOffsets::codePointLength(text.left(u16)) == cp);
        REQUIRE(dump(offsets.mid(0, cp)) == dump(text.left(u16)));
    }
    requireConsistentWithReference(offsets, text);
}

TEST_CASE("TextOffsets rejects invalid positions with clear errors", "[textoffsets]")
{
    const QString text = QString(98, QLatin1Char('a')) + QStringLiteral("😢é");
    const TextOffsets offsets(text, QStringLiteral("fg2.txt"));
    REQUIRE(offsets.codePointCount() == 100);
    REQUIRE(offsets.utf16Length() == 101);
    REQUIRE(offsets.utf8Length() == 104);

    SECTION("past the end")
    {
        REQUIRE_THROWS_WITH(offsets.toUtf16(120), "fg2.txt: offset 120 is past the end of the text (100 characters)");
        REQUIRE_THROWS_WITH(offsets.toUtf8(101), Catch::Contains("offset 101 is past the end"));
        REQUIRE_THROWS_WITH(offsets.fromUtf16(102), Catch::Contains("UTF-16 index 102 is past the end") &&
                                                        Catch::Contains("101 UTF-16 code units"));
        REQUIRE_THROWS_WITH(offsets.fromUtf8(105), Catch::Contains("fg2.txt") && Catch::Contains("105") &&
                                                       Catch::Contains("104 bytes in UTF-8"));
        REQUIRE_THROWS_WITH(offsets.mid(99, 101), Catch::Contains("offset 101 is past the end"));
    }
    SECTION("negative")
    {
        REQUIRE_THROWS_WITH(offsets.toUtf16(-1), "fg2.txt: offset -1 is before the start of the text");
        REQUIRE_THROWS_AS(offsets.fromUtf16(-1), Quire::Error);
        REQUIRE_THROWS_AS(offsets.fromUtf8(-1), Quire::Error);
        REQUIRE_THROWS_AS(offsets.checkRange(-1, 5), Quire::Error);
    }
    SECTION("start after end")
    {
        REQUIRE_THROWS_WITH(offsets.mid(5, 3), Catch::Contains("fg2.txt") && Catch::Contains("5 to 3") &&
                                                   Catch::Contains("start is after its end"));
        REQUIRE_THROWS_AS(offsets.checkRange(10, 9), Quire::Error);
        REQUIRE_NOTHROW(offsets.checkRange(9, 9));
        REQUIRE_NOTHROW(offsets.checkRange(0, 100));
    }
    SECTION("splitting a surrogate pair")
    {
        REQUIRE(offsets.fromUtf16(98) == 98);
        REQUIRE(offsets.fromUtf16(100) == 99);
        REQUIRE_THROWS_WITH(offsets.fromUtf16(99), Catch::Contains("fg2.txt: UTF-16 index 99 splits a character"));
    }
    SECTION("splitting a UTF-8 sequence")
    {
        REQUIRE(offsets.fromUtf8(98) == 98);
        REQUIRE(offsets.fromUtf8(102) == 99);
        REQUIRE(offsets.fromUtf8(104) == 100);
        for (qsizetype inside : {99, 100, 101, 103}) {
            INFO("byte " << inside);
            REQUIRE_THROWS_WITH(offsets.fromUtf8(inside),
                                Catch::Contains("UTF-8 byte offset") && Catch::Contains("splits a character"));
        }
    }
    SECTION("without a source name the message starts with the problem")
    {
        const TextOffsets anonymous(text);
        REQUIRE_THROWS_WITH(anonymous.toUtf16(120), "offset 120 is past the end of the text (100 characters)");
    }
}

TEST_CASE("TextOffsets treats lone surrogates as one code point of three UTF-8 bytes", "[textoffsets]")
{
    QString text = QStringLiteral("a");
    text += QChar(0xD800); // lone high surrogate
    text += QStringLiteral("b");
    text += QChar(0xDC00); // lone low surrogate
    text += QStringLiteral("😢");
    text += QChar(0xD83D); // high surrogate at the very end
    const TextOffsets offsets(text);

    REQUIRE(TextOffsets::codePointLength(text) == 6);
    REQUIRE(offsets.codePointCount() == 6);
    REQUIRE(offsets.utf16Length() == 7);
    REQUIRE(offsets.utf8Length() == 1 + 3 + 1 + 3 + 4 + 3);
    // QStringEncoder writes U+FFFD (three bytes) for each lone surrogate; it
    // must be stateless, or it holds back the trailing high surrogate waiting
    // for its other half. (QString::toUtf8() in Qt 6.4 writes '?' instead.)
    QStringEncoder encoder(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
    const QByteArray encoded = encoder.encode(text);
    REQUIRE(offsets.utf8Length() == encoded.size());
    REQUIRE(offsets.fromUtf16(2) == 2); // a lone surrogate is never "split"
    REQUIRE(offsets.toUtf8(2) == 4);
    REQUIRE(offsets.toUtf16(5) == 6);
    REQUIRE_THROWS_AS(offsets.fromUtf8(2), Quire::Error);
    requireConsistentWithReference(offsets, text);
}

TEST_CASE("TextOffsets::codePointLength counts surrogate pairs once", "[textoffsets]")
{
    REQUIRE(TextOffsets::codePointLength(QString()) == 0);
    REQUIRE(TextOffsets::codePointLength(QStringLiteral("abc")) == 3);
    REQUIRE(TextOffsets::codePointLength(QStringLiteral("é中")) == 2);
    REQUIRE(TextOffsets::codePointLength(QStringLiteral("😢😢")) == 2);
    REQUIRE(TextOffsets::codePointLength(QStringLiteral("e\u0301")) == 2);
}

TEST_CASE("TextOffsets stays exact across checkpoints in long texts", "[textoffsets]")
{
    SECTION("mixed text of more than 200 KB")
    {
        const QString text = mixedText(210 * 1024);
        const TextOffsets offsets(text);
        REQUIRE_FALSE(offsets.isBmpOnly());
        REQUIRE(offsets.utf8Length() == text.toUtf8().size());
        requireConsistentWithReference(offsets, text);

        // Every UTF-16 index and every byte offset that is not a boundary
        // must be rejected; sample them to keep the test fast.
        const Reference ref = naiveReference(text);
        std::vector<bool> utf16Boundary(std::size_t(text.size()) + 1, false);
        for (const qsizetype u : ref.utf16)
            utf16Boundary[std::size_t(u)] = true;
        std::vector<bool> utf8Boundary(std::size_t(offsets.utf8Length()) + 1, false);
        for (const qsizetype b : ref.utf8)
            utf8Boundary[std::size_t(b)] = true;
        qsizetype rejected = 0;
        for (qsizetype i = 0; i <= text.size(); i += 37) {
            if (!utf16Boundary[std::size_t(i)]) {
                REQUIRE_THROWS_AS(offsets.fromUtf16(i), Quire::Error);
                ++rejected;
            }
        }
        for (qsizetype b = 0; b <= offsets.utf8Length(); b += 41) {
            if (!utf8Boundary[std::size_t(b)]) {
                REQUIRE_THROWS_AS(offsets.fromUtf8(b), Quire::Error);
                ++rejected;
            }
        }
        REQUIRE(rejected > 100);
    }
    SECTION("BMP-only text of more than 200 KB")
    {
        QString text;
        while (text.size() < 200 * 1024)
            text += QStringLiteral("Grüße aus 中国, שלום! ");
        const TextOffsets offsets(text);
        REQUIRE(offsets.isBmpOnly());
        REQUIRE_FALSE(offsets.isAscii());
        REQUIRE(offsets.utf8Length() == text.toUtf8().size());
        requireConsistentWithReference(offsets, text);
    }
    SECTION("lengths that are exact multiples of the checkpoint interval")
    {
        for (const qsizetype count : {63, 64, 65, 128, 129}) {
            INFO(count << " code points");
            QString text;
            for (qsizetype i = 0; i < count; ++i)
                text += (i % 3 == 0) ? QStringLiteral("😢") : QStringLiteral("é");
            const TextOffsets offsets(text);
            REQUIRE(offsets.codePointCount() == count);
            requireConsistentWithReference(offsets, text);
            REQUIRE(dump(offsets.mid(count - 1, count)) == dump(text.right(count % 3 == 1 ? 2 : 1)));
        }
    }
}

TEST_CASE("TextOffsets handles a text of several megabytes", "[textoffsets]")
{
    const QString text = mixedText(3 * 1024 * 1024);
    const TextOffsets offsets(text);
    const qsizetype n = offsets.codePointCount();
    std::uint32_t state = 99;
    for (int i = 0; i < 20000; ++i) {
        state = state * 1103515245u + 12345u;
        const qsizetype cp = qsizetype(state % std::uint32_t(n + 1));
        REQUIRE(offsets.fromUtf8(offsets.toUtf8(cp)) == cp);
        REQUIRE(offsets.fromUtf16(offsets.toUtf16(cp)) == cp);
    }
    REQUIRE(offsets.toUtf8(n) == offsets.utf8Length());
}
