// SPDX-License-Identifier: GPL-3.0-or-later
// The project file defends itself (docs/reliability.md): page checksums,
// damage found and named instead of served, a foreign write-ahead log set
// aside, read-only places, hard links, backups and restore.
#include <catch2/catch.hpp>

#include "error.h"
#include "index/searchindex.h"
#include "model/project.h"
#include "model/projectaccess.h"
#include "model/schema.h"
#include "model/verify.h"
#include "storage/backups.h"
#include "storage/database.h"
#include "storage/pagechecksums.h"
#include "storage/projectfile.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <random>
#include <sqlite3.h>
#include <unistd.h>

using namespace Quire;
using QuireTest::EnvSetting;
using QuireTest::projectContent;
using QuireTest::TempDir;
using QuireTest::textFile;
using QuireTest::TmpfsMount;

namespace {

/// Invented words, so texts fill several pages without repeating one page.
QString prose(int seed, int words)
{
    static const char *const vocabulary[] = {
        "carer", "appointment", "waited", "nobody", "listened", "phone",   "ward",  "discharge", "mother", "tablets",
        "night", "worried",     "letter", "nurse",  "home",     "respite", "tired", "rang",      "again",  "week"};
    std::mt19937 rng(static_cast<unsigned>(seed));
    QString out;
    for (int i = 0; i < words; ++i) {
        out += QString::fromLatin1(vocabulary[rng() % 20]);
        out += (i % 17 == 16) ? QStringLiteral(".\n") : QStringLiteral(" ");
    }
    return out;
}

/// A project with three documents over several pages, codes, segments, memos.
QString makeStudy(const TempDir &dir, const QString &name = QStringLiteral("study.quire"))
{
    const QString path = dir.path(name);
    auto p = Project::create(path);
    p->setCoder(QStringLiteral("ana"));
    p->importDocuments({textFile(QStringLiteral("fg1.txt"), prose(1, 3000)),
                        textFile(QStringLiteral("fg2.txt"), prose(2, 2500)),
                        textFile(QStringLiteral("story.txt"), prose(3, 1200))});
    const Id code = p->addCode(QStringLiteral("Being heard/Not listened to"), QStringLiteral("#aa3355"),
                               QStringLiteral("Carers describe being talked over"));
    const Id other = p->addCode(QStringLiteral("Services/Waiting"));
    const auto docs = p->documents();
    for (int i = 0; i < 30; ++i)
        p->addSegment(docs[std::size_t(i % 3)].id, i * 37, i * 37 + 20 + i, {i % 2 ? code : other},
                      QStringLiteral("memo %1").arg(i));
    p->addMemo(QStringLiteral("project"), std::nullopt, QStringLiteral("Journal: first pass done."));
    return path;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

bool isDamageMessage(const QString &m)
{
    return m.contains(QLatin1String("damaged")) || m.contains(QLatin1String("not a Quire project")) ||
           m.contains(QLatin1String("malformed"));
}

} // namespace

TEST_CASE("Page checksums: every page of a project carries one and verify reads them all", "[reliability][checksums]")
{
    TempDir dir;
    const QString path = makeStudy(dir);
    const QByteArray bytes = readAll(path);
    REQUIRE(bytes.size() > 20 * 4096);
    CHECK(int(quint8(bytes[20])) == PageChecksums::ReserveBytes);
    const int pageSize = (int(quint8(bytes[16])) << 8) | int(quint8(bytes[17]));
    REQUIRE(pageSize == 4096);
    int intact = 0;
    for (qsizetype at = 0; at + pageSize <= bytes.size(); at += pageSize)
        intact +=
            PageChecksums::pageIsIntact(reinterpret_cast<const unsigned char *>(bytes.constData() + at), pageSize);
    CHECK(intact == bytes.size() / pageSize);
    // The WAL is empty once the commands are done: the file is the project.
    CHECK(ProjectFile::walBytes(path) == 0);

    const VerifyReport r = verifyProject(path);
    CHECK(r.problems.isEmpty());
    CHECK(r.checksummed);
    CHECK(r.pages == bytes.size() / pageSize);
    CHECK(r.documents == 3);
    CHECK(r.segments == 30);
}

TEST_CASE("Page checksums: commands still in the write-ahead log survive a crash", "[reliability][checksums]")
{
    // The WAL's own frame checksums must stay true although each page gets
    // its checksum on the way to the disk: otherwise recovery after a crash
    // would drop the frames without a word.
    TempDir dir;
    const QString path = dir.path(QStringLiteral("log.db"));
    const QString crashed = dir.path(QStringLiteral("crashed.db"));
    {
        Database db(path, Database::OpenMode::ReadWriteCreate);
        REQUIRE(PageChecksums::startChecksummedFile(db.handle()));
        {
            Statement wal(db, QStringLiteral("PRAGMA journal_mode = WAL"));
            REQUIRE(wal.step());
        }
        db.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0"));
        db.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB NOT NULL)"));
        for (int tx = 0; tx < 20; ++tx) {
            Transaction t(db);
            for (int i = 0; i < 200; ++i)
                db.exec(QStringLiteral("INSERT INTO t(body) VALUES (randomblob(%1))").arg(100 + (i * 7) % 900));
            t.commit();
        }
        // The WAL now holds every commit (nothing was checkpointed): copy the
        // files as a kill would leave them.
        REQUIRE(ProjectFile::walBytes(path) > 100 * 4096);
        REQUIRE(QFile::copy(path, crashed));
        REQUIRE(QFile::copy(path + QStringLiteral("-wal"), crashed + QStringLiteral("-wal")));
    }
    Database db(crashed, Database::OpenMode::ReadWrite);
    CHECK(PageChecksums::isChecksummed(db.handle()));
    CHECK(db.scalarInt(QStringLiteral("SELECT count(*) FROM t")) == 4000);
    Statement check(db, QStringLiteral("PRAGMA integrity_check"));
    REQUIRE(check.step());
    CHECK(check.columnText(0) == QStringLiteral("ok"));
}

TEST_CASE("A flipped bit in the project file is reported, never served as data", "[reliability][damage]")
{
    TempDir dir;
    const QString path = makeStudy(dir);
    const QString good = projectContent(path);
    const QByteArray original = readAll(path);
    std::mt19937 rng(20261207);
    int reported = 0, foundByVerify = 0, unread = 0;
    for (int trial = 0; trial < 60; ++trial) {
        QByteArray bytes = original;
        // Half the trials hit the first pages (schema, tables), half anywhere.
        const qsizetype span = trial % 2 ? bytes.size() : std::min<qsizetype>(bytes.size(), 8 * 4096);
        const qsizetype at = qsizetype(rng() % quint64(span));
        bytes[at] = char(bytes[at] ^ char(1 << (rng() % 8)));
        const QString copy = dir.path(QStringLiteral("flip%1.quire").arg(trial));
        writeAll(copy, bytes);
        INFO("byte " << at << " (page " << at / 4096 + 1 << ")");
        try {
            const QString seen = projectContent(copy);
            CHECK(seen == good); // read in full: then it must be the same project
            // Not met by what a researcher reads (the search index, a free
            // page): verify reads every page in use.
            if (!verifyProject(copy).intact())
                ++foundByVerify;
            else
                ++unread;
        } catch (const Error &e) {
            INFO(e.message().toStdString());
            CHECK(isDamageMessage(e.message()));
            ++reported;
        }
    }
    INFO("reported on opening or reading: " << reported << ", by verify: " << foundByVerify
                                            << ", in no page in use: " << unread);
    // A flip in a free page is harmless and found by nothing; the rest must be found.
    CHECK(reported + foundByVerify >= 54);
    CHECK(reported >= 10);
}

TEST_CASE("A project file with its header's reserve byte damaged is still caught", "[reliability][damage]")
{
    TempDir dir;
    const QString path = makeStudy(dir);
    QByteArray bytes = readAll(path);
    bytes[20] = 0; // "no checksums": the page 1 checksum still gives it away
    const QString copy = dir.path(QStringLiteral("reserve.quire"));
    writeAll(copy, bytes);
    REQUIRE_THROWS_WITH(projectContent(copy), Catch::Contains("damaged"));
}

TEST_CASE("A cut-off project file is refused, naming the cause", "[reliability][damage]")
{
    TempDir dir;
    const QString path = makeStudy(dir);
    const QByteArray bytes = readAll(path);
    for (const qsizetype keep : {qsizetype(bytes.size() - 1), qsizetype(bytes.size() - 4096),
                                 qsizetype(bytes.size() / 2), qsizetype(4096 * 3)}) {
        const QString copy = dir.path(QStringLiteral("cut%1.quire").arg(keep));
        writeAll(copy, bytes.left(keep));
        INFO("kept " << keep << " of " << bytes.size());
        REQUIRE_THROWS_WITH(projectContent(copy), Catch::Contains("damaged"));
        const VerifyReport r = verifyProject(copy);
        CHECK_FALSE(r.intact());
    }
}

TEST_CASE("A write-ahead log from another state of the project is set aside, not replayed", "[reliability][damage]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("study.quire"));
    const QString backup = dir.path(QStringLiteral("restored.quire"));
    {
        auto p = Project::create(path);
        p->importDocuments({textFile(QStringLiteral("one.txt"), prose(10, 800))});
        p->addCode(QStringLiteral("Early"));
    }
    // The older copy a person restores by hand.
    REQUIRE(QFile::copy(path, backup));
    const QString older = projectContent(backup);
    {
        auto p = Project::open(path);
        p->importDocuments({textFile(QStringLiteral("two.txt"), prose(11, 4000)),
                            textFile(QStringLiteral("three.txt"), prose(12, 4000))});
    }
    // Later changes that stay in the log (a session that was killed).
    {
        Database db(path, Database::OpenMode::ReadWrite);
        SearchIndex::registerConnection(db.handle());
        db.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0"));
        sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        Transaction t(db);
        for (int i = 0; i < 300; ++i)
            db.exec(QStringLiteral("INSERT INTO memos(target_kind, text, coder_id, created, modified) "
                                   "VALUES ('project', '%1', 1, 'x', 'x')")
                        .arg(prose(100 + i, 40)));
        t.commit();
        REQUIRE(ProjectFile::walBytes(path) > 0);
        REQUIRE(QFile::copy(path + QStringLiteral("-wal"), backup + QStringLiteral("-wal")));
    }
    std::unique_ptr<Project> p;
    REQUIRE_NOTHROW(p = Project::open(backup));
    const QStringList notes = p->takeNotes();
    REQUIRE(notes.size() == 1);
    CHECK(notes.front().contains(QLatin1String("set aside")));
    CHECK(projectContent(*p) == older);
    p.reset();
    CHECK(QDir(dir.path(QStringLiteral("."))).entryList({QStringLiteral("restored.quire-wal.set-aside-*")}).size() ==
          1);
    CHECK(verifyProject(backup).intact());
}

TEST_CASE("A project with a second name (hard link) is refused", "[reliability]")
{
    TempDir dir;
    const QString path = makeStudy(dir);
    const QString other = dir.path(QStringLiteral("other-name.quire"));
    REQUIRE(::link(QFile::encodeName(path).constData(), QFile::encodeName(other).constData()) == 0);
    REQUIRE_THROWS_WITH(Project::open(other), Catch::Contains("2 names") && Catch::Contains("hard link"));
    REQUIRE_THROWS_WITH(Project::open(path), Catch::Contains("2 names"));
    ::unlink(QFile::encodeName(other).constData());
    CHECK_NOTHROW(Project::open(path));
}

TEST_CASE("A project on a read-only disk opens read-only and says why a change is refused", "[reliability][readonly]")
{
    TempDir dir;
    TmpfsMount disk(dir.path(QStringLiteral("mnt")), QStringLiteral("size=16m"));
    if (!disk.mounted()) {
        WARN("skipped: needs root to mount a tmpfs (CI runs as root)");
        return;
    }
    const QString path = makeStudy(dir, QStringLiteral("mnt/study.quire"));
    const QString expected = projectContent(path);
    const QString hash = QuireTest::fileHash(path);
    REQUIRE(disk.makeReadOnly());

    auto p = Project::open(path);
    CHECK(p->readOnly());
    CHECK(projectContent(*p) == expected);
    REQUIRE_THROWS_WITH(p->addCode(QStringLiteral("New")), Catch::Contains("read-only"));
    p.reset();
    CHECK(QuireTest::fileHash(path) == hash);
    CHECK(verifyProject(path).intact());
}

TEST_CASE("A full disk: the change fails naming the full disk, and the project is as it was", "[reliability][full]")
{
    TempDir dir;
    const QString where = dir.path(QStringLiteral("small"));
    TmpfsMount disk(where, QStringLiteral("size=1m"));
    if (!disk.mounted()) {
        WARN("skipped: needs root to mount a tmpfs (CI runs as root)");
        return;
    }
    const QString path = where + QStringLiteral("/study.quire");
    {
        auto p = Project::create(path);
        p->importDocuments({textFile(QStringLiteral("small.txt"), prose(5, 300))});
    }
    const QString before = projectContent(path);
    EnvSetting noBackups("QUIRE_BACKUPS", "0");
    {
        auto p = Project::open(path);
        // About 4 MB of text into a 1 MB disk.
        REQUIRE_THROWS_WITH(p->importDocuments({textFile(QStringLiteral("big.txt"), prose(6, 600000))}),
                            Catch::Contains("disk is full"));
        CHECK(projectContent(*p) == before);
    }
    CHECK(projectContent(path) == before);
    CHECK(verifyProject(path).intact());
    // A new project that does not fit leaves nothing behind.
    REQUIRE_THROWS_WITH(
        [&] {
            auto q = Project::create(where + QStringLiteral("/second.quire"));
            q->importDocuments({textFile(QStringLiteral("big.txt"), prose(6, 600000))});
        }(),
        Catch::Contains("disk is full"));
    const QStringList left = QDir(where).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &f : left)
        CHECK_FALSE(f.contains(QLatin1String(".partial-")));
}

TEST_CASE("Backups: made before a session's first change, rotated, restored with the current state kept",
          "[reliability][backup]")
{
    TempDir dir;
    EnvSetting interval("QUIRE_BACKUP_INTERVAL", "0");
    EnvSetting keep("QUIRE_BACKUPS", "3");
    const QString path = makeStudy(dir);
    std::vector<QString> states{projectContent(path)};
    for (int i = 0; i < 4; ++i) {
        auto p = Project::open(path);
        p->addCode(QStringLiteral("Round %1").arg(i));
        states.push_back(projectContent(*p));
    }
    const auto backups = Backups::list(path);
    REQUIRE(backups.size() == 3); // rotated at the kept count
    // The newest backup is the state before the last session's change.
    CHECK(projectContent(backups.front().path) == states[3]);
    CHECK(projectContent(backups.back().path) == states[1]);

    const Backups::Backup restored = Backups::restore(path);
    CHECK(restored.path == backups.front().path);
    CHECK(projectContent(path) == states[3]);
    // The state before the restore was kept as a backup of its own.
    const auto after = Backups::list(path);
    REQUIRE_FALSE(after.empty());
    CHECK(projectContent(after.front().path) == states[4]);
    CHECK(verifyProject(path).intact());

    // A damaged backup is refused and the project stays as it is.
    QByteArray bytes = readAll(after.back().path);
    bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x10);
    writeAll(after.back().path, bytes);
    const QString hash = QuireTest::fileHash(path);
    REQUIRE_THROWS_WITH(Backups::restore(path, after.back().path),
                        Catch::Contains("damaged") && Catch::Contains("not restored"));
    CHECK(QuireTest::fileHash(path) == hash);
}

TEST_CASE("A copy saved while the project is open is complete and consistent", "[reliability][backup]")
{
    TempDir dir;
    const QString path = makeStudy(dir);
    auto p = Project::open(path);
    p->addCode(QStringLiteral("Late code"));
    const QString copy = dir.path(QStringLiteral("copy.quire"));
    Backups::saveCopy(ProjectAccess::database(*p), copy);
    CHECK(projectContent(copy) == projectContent(*p));
    REQUIRE_THROWS_WITH(Backups::saveCopy(ProjectAccess::database(*p), copy), Catch::Contains("already exists"));
    CHECK(verifyProject(copy).intact());
}

TEST_CASE("A project made before page checksums gets them when opened, with the same content",
          "[reliability][checksums]")
{
    TempDir dir;
    const QString old = dir.path(QStringLiteral("old.quire"));
    const auto dump = [&] {
        Database db(old, Database::OpenMode::ReadOnly);
        SearchIndex::registerConnection(db.handle());
        Statement st(
            db, QStringLiteral("SELECT (SELECT group_concat(name || '|' || description, ';') FROM codes) || '#' || "
                               "(SELECT group_concat(text, ';') FROM document_texts) || '#' || "
                               "(SELECT count(*) FROM search_documents WHERE search_documents MATCH 'respite')"));
        REQUIRE(st.step());
        return st.columnText(0);
    };
    {
        // As an older Quire wrote it: no reserved bytes.
        Database db(old, Database::OpenMode::ReadWriteCreate);
        SearchIndex::registerConnection(db.handle());
        Schema::create(db);
        db.exec(QStringLiteral("INSERT INTO meta(key, value) VALUES ('created', '2026-01-01')"));
        db.exec(QStringLiteral(
            "INSERT INTO codes(guid, name, description, created) VALUES ('g1', 'Respite', 'Breaks', 'x'), "
            "('g2', 'Waiting', 'Queues', 'x')"));
        db.exec(QStringLiteral("INSERT INTO coders(name, created) VALUES ('ana', 'x')"));
        db.exec(QStringLiteral("INSERT INTO document_texts(document_id, text) VALUES (1, '%1')").arg(prose(40, 3000)));
        db.exec(QStringLiteral("INSERT INTO documents(id, name, kind, length, sha256, format, encoding, imported_by, "
                               "imported_at) VALUES (1, 'old.txt', 'text', (SELECT length(text) FROM document_texts), "
                               "'00', 'plaintext', 'UTF-8', 1, 'x')"));
    }
    REQUIRE(int(quint8(readAll(old)[20])) == 0);
    const QString before = dump();
    REQUIRE(before.contains(QLatin1String("Respite|Breaks")));
    const VerifyReport plain = verifyProject(old);
    CHECK_FALSE(plain.checksummed);
    CHECK(plain.intact());

    CHECK_NOTHROW(Project::open(old));
    CHECK(int(quint8(readAll(old)[20])) == PageChecksums::ReserveBytes);
    CHECK(dump() == before);
    const VerifyReport r = verifyProject(old);
    CHECK(r.checksummed);
    CHECK(r.intact());
}
