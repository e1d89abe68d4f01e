// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "error.h"
#include "io/ziparchive.h"
#include "support/zip_builder.h"
#include "testsupport.h"

#include <QRandomGenerator>

using namespace Quire;
using namespace QuireTest;

namespace {

QString zipError(const QByteArray &bytes, const QString &entry = QString(),
                 const ZipArchive::Limits &limits = ZipArchive::Limits())
{
    try {
        ZipArchive zip(bytes, QStringLiteral("box.zip"), limits);
        if (!entry.isEmpty())
            zip.read(entry);
    } catch (const Error &e) {
        return e.message();
    }
    return QString();
}

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QRandomGenerator gen(seed);
    QByteArray b(n, Qt::Uninitialized);
    for (auto &c : b)
        c = char(gen.bounded(256));
    return b;
}

} // namespace

TEST_CASE("ZipArchive reads entries by exact or case-insensitive name", "[zip]")
{
    const QByteArray text =
        QString::fromUtf8("Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80\n").repeated(1000).toUtf8();
    const QByteArray zip = makeZip({{QStringLiteral("word/document.xml"), text},
                                    {QStringLiteral("mimetype"), QByteArrayLiteral("application/x-test"), true},
                                    {QStringLiteral("dir/"), QByteArray()}});
    ZipArchive archive(zip, QStringLiteral("box.zip"));
    CHECK(archive.entries() ==
          QStringList{QStringLiteral("word/document.xml"), QStringLiteral("mimetype"), QStringLiteral("dir/")});
    CHECK(archive.contains(QStringLiteral("word/document.xml")));
    CHECK_FALSE(archive.contains(QStringLiteral("Word/Document.XML")));
    CHECK(archive.contains(QStringLiteral("Word/Document.XML"), true));
    CHECK(archive.read(QStringLiteral("word/document.xml")) == text);
    CHECK(archive.read(QStringLiteral("WORD/document.xml"), true) == text);
    CHECK(archive.read(QStringLiteral("mimetype")) == QByteArrayLiteral("application/x-test"));
    REQUIRE_THROWS_WITH(archive.read(QStringLiteral("word/missing.xml")),
                        Catch::StartsWith("box.zip: entry \"word/missing.xml\" is missing"));
}

TEST_CASE("ZipArchive::isSafeName refuses names that climb out of the archive", "[zip]")
{
    for (const char *ok : {"word/document.xml", "a..b.xml", "[Content_Types].xml", "dir/", "x/./y"})
        CHECK(ZipArchive::isSafeName(QString::fromUtf8(ok)));
    for (const char *bad :
         {"../evil.xml", "word/../../evil.xml", "..", "/etc/passwd", "C:/x.xml", "c:x", "word\\..\\evil.xml", ""})
        CHECK_FALSE(ZipArchive::isSafeName(QString::fromUtf8(bad)));
}

TEST_CASE("ZipArchive refuses bytes that are not a complete zip", "[zip]")
{
    CHECK(zipError(randomBytes(4096, 7)).startsWith(QStringLiteral("box.zip: not a valid zip container (")));
    CHECK(zipError(QByteArray()).startsWith(QStringLiteral("box.zip: not a valid zip container (")));
    CHECK(zipError(QByteArrayLiteral("PK\x03\x04 just a header"))
              .startsWith(QStringLiteral("box.zip: not a valid zip container (")));

    const QByteArray good =
        makeZip({{QStringLiteral("a.txt"), randomBytes(20000, 1)}, {QStringLiteral("b.txt"), QByteArray(5000, 'b')}});
    REQUIRE(zipError(good, QStringLiteral("a.txt")).isEmpty());
    // Cut anywhere: the central directory is gone or points past the end.
    for (qsizetype keep : {good.size() - 1, good.size() - 30, good.size() / 2, qsizetype(100)}) {
        INFO("kept " << keep << " of " << good.size() << " bytes");
        CHECK(zipError(good.left(keep), QStringLiteral("a.txt"))
                  .startsWith(QStringLiteral("box.zip: not a valid zip container (")));
    }
    // A damaged entry (flipped bytes inside the compressed data) is refused when read.
    QByteArray damaged = good;
    for (qsizetype i = 200; i < 260; ++i)
        damaged[i] = char(~damaged[i]);
    const QString damage = zipError(damaged, QStringLiteral("a.txt"));
    CHECK(damage.startsWith(QStringLiteral("box.zip: ")));
    CHECK_FALSE(damage.isEmpty());
}

TEST_CASE("ZipArchive refuses a zip bomb by its declared and by its actual expansion", "[zip]")
{
    // 300 MB of zeros deflate to about 300 KB.
    const QByteArray bomb = makeZipWithZeros({{QStringLiteral("ok.txt"), QByteArrayLiteral("fine")}},
                                             QStringLiteral("zeros.bin"), qint64(300) * 1024 * 1024);
    CHECK(bomb.size() < 2 * 1024 * 1024);
    ZipArchive archive(bomb, QStringLiteral("box.zip"));
    CHECK(archive.read(QStringLiteral("ok.txt")) == QByteArrayLiteral("fine"));
    REQUIRE_THROWS_WITH(archive.read(QStringLiteral("zeros.bin")),
                        Catch::Equals("box.zip: entry \"zeros.bin\" expands more than 200 times (a zip bomb?)"));

    // The same entry declaring that it holds 1000 bytes: caught while inflating.
    const QByteArray liar = withDeclaredSize(bomb, QStringLiteral("zeros.bin"), 1000);
    {
        ZipArchive lying(liar, QStringLiteral("box.zip"));
        REQUIRE_THROWS_WITH(lying.read(QStringLiteral("zeros.bin")),
                            Catch::Equals("box.zip: entry \"zeros.bin\" expands more than 200 times (a zip bomb?)"));
    }
    // With a generous ratio the size limit stops it, again on the bytes inflated.
    ZipArchive::Limits limits;
    limits.maxRatio = 1e9;
    limits.maxEntrySize = 4 * 1024 * 1024;
    CHECK(zipError(liar, QStringLiteral("zeros.bin"), limits) ==
          QStringLiteral("box.zip: entry \"zeros.bin\" is larger than 4 MB, the most Quire reads from one entry"));
    CHECK(zipError(bomb, QStringLiteral("zeros.bin"), limits) ==
          QStringLiteral("box.zip: entry \"zeros.bin\" is larger than 4 MB, the most Quire reads from one entry"));
}

TEST_CASE("ZipArchive limits entries, totals, unsafe names and encryption", "[zip]")
{
    std::vector<ZipEntry> many;
    for (int i = 0; i < 11; ++i)
        many.push_back({QStringLiteral("part%1.xml").arg(i), QByteArray(300 * 1024, char('a' + i))});
    const QByteArray zip = makeZip(many);
    ZipArchive::Limits limits;
    limits.maxEntries = 10;
    CHECK(zipError(zip, QString(), limits) ==
          QStringLiteral("box.zip: has 11 entries; Quire reads containers of up to 10 entries"));

    limits = ZipArchive::Limits();
    limits.maxTotalSize = 1024 * 1024;
    ZipArchive archive(zip, QStringLiteral("box.zip"), limits);
    CHECK(archive.read(QStringLiteral("part0.xml")).size() == 300 * 1024);
    CHECK(archive.read(QStringLiteral("part1.xml")).size() == 300 * 1024);
    CHECK(archive.read(QStringLiteral("part2.xml")).size() == 300 * 1024);
    REQUIRE_THROWS_WITH(archive.read(QStringLiteral("part3.xml")),
                        Catch::Equals("box.zip: its entries expand to more than 1 MB in all (a zip bomb?)"));

    const QByteArray evil = makeZip({{QStringLiteral("../evil.xml"), QByteArrayLiteral("<x/>")},
                                     {QStringLiteral("ok.xml"), QByteArrayLiteral("<y/>")}});
    ZipArchive withEvil(evil, QStringLiteral("box.zip"));
    CHECK(withEvil.entries().contains(QStringLiteral("../evil.xml")));
    CHECK(withEvil.read(QStringLiteral("ok.xml")) == QByteArrayLiteral("<y/>"));
    REQUIRE_THROWS_WITH(withEvil.read(QStringLiteral("../evil.xml")),
                        Catch::Equals("box.zip: entry \"../evil.xml\" points outside the archive"));

    if (!canWriteEncrypted()) {
        WARN("libzip cannot write AES entries here; encrypted-entry check skipped");
        return;
    }
    const QByteArray locked =
        makeZip({{QStringLiteral("secret.xml"), QByteArrayLiteral("<x>hidden</x>"), false, true}});
    CHECK(zipError(locked, QStringLiteral("secret.xml")) ==
          QStringLiteral("box.zip: entry \"secret.xml\" is encrypted; remove the password and import it again"));
}
