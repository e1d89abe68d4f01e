// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/textdecoder.h"

#include "error.h"

#include <catch2/catch.hpp>

#include "testsupport.h"

#include <QList>

#include <cstddef>
#include <string>

using Quire::TextDecoder;

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

// Keeps embedded NULs, which QByteArray(const char *) would stop at.
template <std::size_t N> QByteArray bytes(const char (&literal)[N])
{
    return QByteArray(literal, qsizetype(N - 1));
}

QByteArray utf16(const QString &text, bool littleEndian, bool withBom)
{
    QByteArray out;
    auto put = [&](char16_t u) {
        const char high = char(u >> 8);
        const char low = char(u & 0xFF);
        out.append(littleEndian ? low : high);
        out.append(littleEndian ? high : low);
    };
    if (withBom)
        put(0xFEFF);
    for (const QChar c : text)
        put(c.unicode());
    return out;
}

QByteArray utf32(const QString &text, bool littleEndian)
{
    QByteArray out;
    auto put = [&](uint u) {
        for (int k = 0; k < 4; ++k) {
            const int shift = littleEndian ? 8 * k : 8 * (3 - k);
            out.append(char((u >> shift) & 0xFF));
        }
    };
    put(0xFEFF);
    for (const uint u : text.toUcs4())
        put(u);
    return out;
}

// Windows-1251 puts А..я at 0xC0..0xFF, which is all this test text needs.
QByteArray windows1251(const QString &text)
{
    QByteArray out;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        out.append(u >= 0x410 && u <= 0x44F ? char(0xC0 + (u - 0x410)) : char(u));
    }
    return out;
}

const QString SampleText = QStringLiteral("“Curly quotes”, ‘single’ — dashes… café, cafe\u0301, 中文, 😢, שלום, مرحبا.\n"
                                          "\tTabbed line\u00A0with NBSP and a form feed\f.\n");

} // namespace

TEST_CASE("TextDecoder decodes UTF-8", "[textdecoder]")
{
    SECTION("without a BOM")
    {
        const auto decoded = TextDecoder::decode(SampleText.toUtf8(), QStringLiteral("a.txt"));
        REQUIRE(decoded.encoding == QLatin1String("UTF-8"));
        REQUIRE_FALSE(decoded.hadBom);
        REQUIRE(dump(decoded.text) == dump(SampleText));
        REQUIRE(decoded.crlfCount == 0);
        REQUIRE(decoded.crCount == 0);
    }
    SECTION("with a BOM, which is removed")
    {
        const auto decoded = TextDecoder::decode(bytes("\xEF\xBB\xBF") + SampleText.toUtf8(), QStringLiteral("a.txt"));
        REQUIRE(decoded.encoding == QLatin1String("UTF-8"));
        REQUIRE(decoded.hadBom);
        REQUIRE(dump(decoded.text) == dump(SampleText));
    }
    SECTION("plain ASCII is UTF-8")
    {
        const auto decoded = TextDecoder::decode(bytes("just ascii\n"), QStringLiteral("a.txt"));
        REQUIRE(decoded.encoding == QLatin1String("UTF-8"));
        REQUIRE(dump(decoded.text) == "just ascii\\u000A");
    }
    SECTION("a file holding only a BOM gives an empty text")
    {
        const auto decoded = TextDecoder::decode(bytes("\xEF\xBB\xBF"), QStringLiteral("a.txt"));
        REQUIRE(decoded.hadBom);
        REQUIRE(decoded.text.isEmpty());
    }
}

TEST_CASE("TextDecoder decodes UTF-16 and UTF-32 with a BOM", "[textdecoder]")
{
    SECTION("UTF-16LE")
    {
        const auto decoded = TextDecoder::decode(utf16(SampleText, true, true), QStringLiteral("w.txt"));
        REQUIRE(decoded.encoding == QLatin1String("UTF-16LE"));
        REQUIRE(decoded.hadBom);
        REQUIRE(dump(decoded.text) == dump(SampleText));
    }
    SECTION("UTF-16BE")
    {
        const auto decoded = TextDecoder::decode(utf16(SampleText, false, true), QStringLiteral("w.txt"));
        REQUIRE(decoded.encoding == QLatin1String("UTF-16BE"));
        REQUIRE(decoded.hadBom);
        REQUIRE(dump(decoded.text) == dump(SampleText));
    }
    SECTION("UTF-32LE and UTF-32BE")
    {
        const auto le = TextDecoder::decode(utf32(SampleText, true), QStringLiteral("w.txt"));
        REQUIRE(le.encoding == QLatin1String("UTF-32LE"));
        REQUIRE(dump(le.text) == dump(SampleText));
        const auto be = TextDecoder::decode(utf32(SampleText, false), QStringLiteral("w.txt"));
        REQUIRE(be.encoding == QLatin1String("UTF-32BE"));
        REQUIRE(dump(be.text) == dump(SampleText));
    }
    SECTION("the BOM wins over a declared encoding")
    {
        const auto decoded =
            TextDecoder::decode(utf16(SampleText, true, true), QStringLiteral("w.txt"), QStringLiteral("UTF-8"));
        REQUIRE(decoded.encoding == QLatin1String("UTF-16LE"));
        REQUIRE(dump(decoded.text) == dump(SampleText));
    }
    SECTION("a truncated code unit is an error naming the byte")
    {
        const QByteArray data = utf16(QStringLiteral("abc"), true, true) + bytes("d");
        REQUIRE_THROWS_WITH(TextDecoder::decode(data, QStringLiteral("w.txt")),
                            Catch::Contains("w.txt: not valid UTF-16LE at byte 8") &&
                                Catch::Contains("byte-order mark"));
    }
    SECTION("a lone surrogate is an error")
    {
        QString broken = QStringLiteral("ab");
        broken.insert(1, QChar(0xD800));
        REQUIRE_THROWS_WITH(TextDecoder::decode(utf16(broken, false, true), QStringLiteral("w.txt")),
                            Catch::Contains("not valid UTF-16BE at byte 4 (line 1)"));
    }
    SECTION("UTF-16 without a BOM is not guessed")
    {
        REQUIRE_THROWS_WITH(
            TextDecoder::decode(utf16(QStringLiteral("Hello world"), true, false), QStringLiteral("w.txt")),
            Catch::Contains("binary") && Catch::Contains("byte-order mark"));
    }
}

TEST_CASE("TextDecoder detects Windows-1252 and ISO-8859-1", "[textdecoder]")
{
    SECTION("curly quotes and the euro sign are Windows-1252")
    {
        const auto decoded = TextDecoder::decode(bytes("\x93Hello\x94, she said, \x91it costs \x80"
                                                       "5\x92.\n"),
                                                 QStringLiteral("q.txt"));
        REQUIRE(decoded.encoding == QLatin1String("windows-1252"));
        REQUIRE_FALSE(decoded.hadBom);
        REQUIRE(dump(decoded.text) == dump(QStringLiteral("“Hello”, she said, ‘it costs €5’.\n")));
    }
    SECTION("Latin-1 letters without 0x80-0x9F bytes are ISO-8859-1")
    {
        const auto decoded = TextDecoder::decode(bytes("Le c\xE9l\xE8"
                                                       "bre caf\xE9 de la place \xE9tait ferm\xE9 depuis l'\xE9t\xE9 "
                                                       "dernier, \xE0 cause des travaux.\n"),
                                                 QStringLiteral("fr.txt"));
        REQUIRE(decoded.encoding == QLatin1String("ISO-8859-1"));
        REQUIRE(dump(decoded.text) == dump(QStringLiteral("Le célèbre café de la place était fermé depuis l'été "
                                                          "dernier, à cause des travaux.\n")));
    }
    SECTION("even a single Latin-1 word is accepted")
    {
        const auto decoded = TextDecoder::decode(bytes("caf\xE9"), QStringLiteral("w.txt"));
        REQUIRE(decoded.encoding == QLatin1String("ISO-8859-1"));
        REQUIRE(dump(decoded.text) == dump(QStringLiteral("café")));
    }
    SECTION("bytes undefined in Windows-1252 alone do not make it Windows-1252")
    {
        const auto decoded = TextDecoder::decode(bytes("na\xEFve \x81 text"), QStringLiteral("w.txt"));
        REQUIRE(decoded.encoding == QLatin1String("ISO-8859-1"));
    }
    SECTION("invalid UTF-8 forms are never taken for UTF-8")
    {
        // Overlong "/", an encoded surrogate and a code point above U+10FFFF.
        for (const QByteArray &data : {bytes("a\xC0\xAF"
                                             "b"),
                                       bytes("a\xED\xA0\x80"
                                             "b"),
                                       bytes("a\xF4\x90\x80\x80"
                                             "b")}) {
            const auto decoded = TextDecoder::decode(data, QStringLiteral("w.txt"));
            REQUIRE(decoded.encoding != QLatin1String("UTF-8"));
            REQUIRE(decoded.text.size() == data.size());
        }
    }
}

TEST_CASE("TextDecoder refuses to guess non-Western encodings", "[textdecoder]")
{
    const QString russian =
        QStringLiteral("Все счастливые семьи похожи друг на друга, каждая несчастливая семья несчастлива "
                       "по-своему. Все смешалось в доме Облонских.\n");
    const QByteArray data = windows1251(russian);

    SECTION("undeclared Cyrillic text is an error asking for the encoding")
    {
        REQUIRE_THROWS_WITH(TextDecoder::decode(data, QStringLiteral("ru.txt")),
                            Catch::Contains("ru.txt: not UTF-8, and it looks like windows-1251") &&
                                Catch::Contains("declare its encoding"));
    }
    SECTION("the same bytes decode once the encoding is declared")
    {
        const auto decoded = TextDecoder::decode(data, QStringLiteral("ru.txt"), QStringLiteral("cp1251"));
        REQUIRE(decoded.encoding == QLatin1String("windows-1251"));
        REQUIRE(dump(decoded.text) == dump(russian));
    }
    SECTION("UTF-8 with one stray byte is not reinterpreted as Latin-1")
    {
        const QByteArray broken =
            QStringLiteral("café crème brûlée\nnaïve ").toUtf8() + bytes("\xE9") + QStringLiteral(" déjà vu").toUtf8();
        REQUIRE_THROWS_WITH(TextDecoder::decode(broken, QStringLiteral("u.txt")),
                            Catch::Contains("u.txt: not valid UTF-8 at byte 29 (line 2)") &&
                                Catch::Contains("looks like UTF-8"));
    }
    SECTION("UTF-8 cut off in the middle of its last character")
    {
        QByteArray cut = QStringLiteral("Grüße, 中文").toUtf8();
        cut.chop(1);
        REQUIRE_THROWS_WITH(TextDecoder::decode(cut, QStringLiteral("u.txt")),
                            Catch::Contains("not valid UTF-8 at byte 12"));
    }
}

TEST_CASE("TextDecoder honours a declared encoding", "[textdecoder]")
{
    const QByteArray cp1252 = bytes("\x93Quoted\x94 caf\xE9 \x80");
    const QString expected = QStringLiteral("“Quoted” café €");

    SECTION("names are matched case-insensitively and through aliases")
    {
        for (const char *name : {"windows-1252", "Windows-1252", "cp1252", "CP1252"}) {
            INFO(name);
            const auto decoded = TextDecoder::decode(cp1252, QStringLiteral("d.txt"), QString::fromLatin1(name));
            REQUIRE(decoded.encoding == QLatin1String("windows-1252"));
            REQUIRE(dump(decoded.text) == dump(expected));
        }
        for (const char *name : {"latin1", "Latin-1", "ISO-8859-1", "iso8859-1"}) {
            INFO(name);
            const auto decoded = TextDecoder::decode(cp1252, QStringLiteral("d.txt"), QString::fromLatin1(name));
            REQUIRE(decoded.encoding == QLatin1String("ISO-8859-1"));
            // ISO-8859-1 proper: 0x93 is the C1 control U+0093, not a quote.
            REQUIRE(decoded.text.at(0).unicode() == 0x93);
        }
        for (const char *name : {"utf-8", "UTF8", " UTF-8 "}) {
            INFO(name);
            const auto decoded =
                TextDecoder::decode(expected.toUtf8(), QStringLiteral("d.txt"), QString::fromLatin1(name));
            REQUIRE(decoded.encoding == QLatin1String("UTF-8"));
            REQUIRE(dump(decoded.text) == dump(expected));
        }
    }
    SECTION("declared UTF-16LE without a BOM")
    {
        const auto decoded =
            TextDecoder::decode(utf16(SampleText, true, false), QStringLiteral("d.txt"), QStringLiteral("utf-16le"));
        REQUIRE(decoded.encoding == QLatin1String("UTF-16LE"));
        REQUIRE_FALSE(decoded.hadBom);
        REQUIRE(dump(decoded.text) == dump(SampleText));
    }
    SECTION("invalid bytes in declared UTF-8 name the file, byte and line")
    {
        REQUIRE_THROWS_WITH(
            TextDecoder::decode(bytes("abc\r\ndef\rgh\xFFij"), QStringLiteral("fg2.txt"), QStringLiteral("utf-8")),
            "fg2.txt: not valid UTF-8 at byte 11 (line 3), although UTF-8 was declared");
        REQUIRE_THROWS_WITH(TextDecoder::decode(cp1252, QStringLiteral("fg2.txt"), QStringLiteral("UTF-8")),
                            Catch::Contains("fg2.txt: not valid UTF-8 at byte 0 (line 1)"));
        for (const QByteArray &data :
             {bytes("a\xC0\xAF"), bytes("a\xED\xA0\x80"), bytes("a\xF4\x90\x80\x80"), bytes("a\xE2\x82")}) {
            REQUIRE_THROWS_WITH(TextDecoder::decode(data, QStringLiteral("fg2.txt"), QStringLiteral("UTF-8")),
                                Catch::Contains("not valid UTF-8 at byte 1 (line 1)"));
        }
    }
    SECTION("invalid bytes after a UTF-8 BOM count the BOM in the byte offset")
    {
        REQUIRE_THROWS_WITH(TextDecoder::decode(bytes("\xEF\xBB\xBF"
                                                      "ab\xFF"),
                                                QStringLiteral("fg2.txt")),
                            "fg2.txt: not valid UTF-8 at byte 5 (line 1), although it starts "
                            "with a UTF-8 byte-order mark");
    }
    SECTION("invalid bytes in another declared encoding")
    {
        REQUIRE_THROWS_WITH(
            TextDecoder::decode(bytes("ok\nbad \xE9"), QStringLiteral("fg2.txt"), QStringLiteral("us-ascii")),
            Catch::Contains("fg2.txt: not valid US-ASCII at byte 7 (line 2)"));
    }
    SECTION("an unknown encoding name")
    {
        REQUIRE_THROWS_WITH(TextDecoder::decode(cp1252, QStringLiteral("fg2.txt"), QStringLiteral("klingon-8")),
                            "fg2.txt: the declared encoding \"klingon-8\" is not known");
        REQUIRE_THROWS_AS(TextDecoder::decode(cp1252, QStringLiteral("fg2.txt"), QStringLiteral("UTF-8,swaplfnl")),
                          Quire::Error);
    }
}

TEST_CASE("TextDecoder rejects empty, oversized and binary input", "[textdecoder]")
{
    SECTION("empty")
    {
        REQUIRE_THROWS_WITH(TextDecoder::decode(QByteArray(), QStringLiteral("e.txt")),
                            "e.txt: the file is empty (0 bytes)");
    }
    SECTION("larger than 512 MiB")
    {
        // Uninitialized: only the size is checked, the pages are never touched.
        const QByteArray huge(TextDecoder::MaxFileSize + 1, Qt::Uninitialized);
        REQUIRE_THROWS_WITH(TextDecoder::decode(huge, QStringLiteral("big.txt")),
                            Catch::Contains("big.txt: the file is too large (536870913 bytes)"));
    }
    SECTION("NUL bytes")
    {
        REQUIRE_THROWS_WITH(TextDecoder::decode(bytes("ab\0cd"), QStringLiteral("b.bin")),
                            Catch::Contains("b.bin: looks like a binary file, not text"));
        REQUIRE_THROWS_WITH(TextDecoder::decode(bytes("\x89PNG\r\n\x1A\n\0\0\0\rIHDR"), QStringLiteral("b.png")),
                            Catch::Contains("looks like a binary file, not text"));
        // A declared encoding does not make NUL characters text.
        REQUIRE_THROWS_WITH(TextDecoder::decode(bytes("ab\0cd"), QStringLiteral("b.bin"), QStringLiteral("latin1")),
                            "b.bin: looks like a binary file, not text (it contains NUL "
                            "characters)");
    }
    SECTION("many control characters")
    {
        QByteArray data(200, 'a');
        data[10] = '\x01';
        data[20] = '\x02';
        data[30] = '\x1B';
        REQUIRE_THROWS_WITH(TextDecoder::decode(data, QStringLiteral("c.dat")),
                            Catch::Contains("c.dat: looks like a binary file") &&
                                Catch::Contains("3 of its 200 characters"));
    }
    SECTION("a few control characters and form feeds are still text")
    {
        QByteArray data(200, 'a');
        data[10] = '\x1B';
        data[20] = '\x0C';
        data[30] = '\x0C';
        data[40] = '\t';
        const auto decoded = TextDecoder::decode(data, QStringLiteral("c.txt"));
        REQUIRE(decoded.text.size() == 200);
    }
}

TEST_CASE("TextDecoder normalises line endings and changes nothing else", "[textdecoder]")
{
    SECTION("CRLF and lone CR become LF, with counts")
    {
        const auto decoded =
            TextDecoder::decode(bytes("one\r\ntwo\rthree\nfour\r\n\r\rfive\r"), QStringLiteral("l.txt"));
        REQUIRE(dump(decoded.text) == dump(QStringLiteral("one\ntwo\nthree\nfour\n\n\nfive\n")));
        REQUIRE(decoded.crlfCount == 2);
        REQUIRE(decoded.crCount == 4);
    }
    SECTION("line endings in UTF-16 are normalised too")
    {
        const auto decoded =
            TextDecoder::decode(utf16(QStringLiteral("a\r\nb\rc"), false, true), QStringLiteral("l.txt"));
        REQUIRE(dump(decoded.text) == "a\\u000Ab\\u000Ac");
        REQUIRE(decoded.crlfCount == 1);
        REQUIRE(decoded.crCount == 1);
    }
    SECTION("a BOM that is not at the start stays")
    {
        const auto middle = TextDecoder::decode(bytes("a\xEF\xBB\xBF"
                                                      "b"),
                                                QStringLiteral("m.txt"));
        REQUIRE(middle.encoding == QLatin1String("UTF-8"));
        REQUIRE_FALSE(middle.hadBom);
        REQUIRE(dump(middle.text) == "a\\uFEFFb");

        const auto doubled = TextDecoder::decode(bytes("\xEF\xBB\xBF\xEF\xBB\xBF"
                                                       "b"),
                                                 QStringLiteral("m.txt"));
        REQUIRE(doubled.hadBom);
        REQUIRE(dump(doubled.text) == "\\uFEFFb");
    }
    SECTION("quotes, combining marks, tabs and other characters survive unchanged")
    {
        const QByteArray original = SampleText.toUtf8();
        const auto decoded = TextDecoder::decode(original, QStringLiteral("s.txt"));
        REQUIRE(decoded.text.toUtf8() == original);
        // Decomposed and precomposed é stay distinct (no NFC).
        REQUIRE(decoded.text.contains(QStringLiteral("cafe\u0301")));
        REQUIRE(decoded.text.contains(QStringLiteral("café")));
    }
}

TEST_CASE("TextDecoder::normaliseLineEndings", "[textdecoder]")
{
    qsizetype crlf = -1;
    qsizetype cr = -1;
    REQUIRE(TextDecoder::normaliseLineEndings(QString(), &crlf, &cr).isEmpty());
    REQUIRE(crlf == 0);
    REQUIRE(cr == 0);

    const QString unchanged = QStringLiteral("no carriage returns\n");
    REQUIRE(TextDecoder::normaliseLineEndings(unchanged, &crlf, &cr) == unchanged);
    REQUIRE(crlf == 0);
    REQUIRE(cr == 0);

    REQUIRE(dump(TextDecoder::normaliseLineEndings(QStringLiteral("\r\r\n\n\r"))) == "\\u000A\\u000A\\u000A\\u000A");
    REQUIRE(dump(TextDecoder::normaliseLineEndings(QStringLiteral("é\r\n😢\r"), &crlf, &cr)) ==
            dump(QStringLiteral("é\n😢\n")));
    REQUIRE(crlf == 1);
    REQUIRE(cr == 1);
}
