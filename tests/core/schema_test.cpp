// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "error.h"
#include "index/searchindex.h"
#include "model/project.h"
#include "model/projectaccess.h"
#include "model/schema.h"
#include "search/search.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QFile>

using namespace Quire;

TEST_CASE("A new project is identified, versioned, WAL and enforces foreign keys", "[store][migrations]")
{
    QuireTest::TempDir dir;
    const QString path = dir.path(QStringLiteral("p.quire"));
    auto p = Project::create(path);
    Database &db = ProjectAccess::database(*p);
    CHECK(db.scalarInt(QStringLiteral("PRAGMA application_id")) == Schema::ApplicationId);
    CHECK(db.scalarInt(QStringLiteral("PRAGMA user_version")) == Schema::currentVersion());
    CHECK(db.scalarInt(QStringLiteral("PRAGMA foreign_keys")) == 1);
    Statement jm(db, QStringLiteral("PRAGMA journal_mode"));
    REQUIRE(jm.step());
    CHECK(jm.columnText(0) == QStringLiteral("wal"));
    REQUIRE_THROWS_AS(db.exec(QStringLiteral("INSERT INTO segments(document_id, start, \"end\", coder_id, created) "
                                             "VALUES (999, 0, 1, 999, 'x')")),
                      Error);
    REQUIRE_THROWS_WITH(Project::create(path), Catch::Contains("already exists"));
}

TEST_CASE("An older project is migrated forward after a backup copy", "[store][migrations]")
{
    QuireTest::TempDir dir;
    const QString path = dir.path(QStringLiteral("old.quire"));
    {
        Database db(path, Database::OpenMode::ReadWriteCreate);
        Schema::createAtVersion(db, 1);
        db.exec(QStringLiteral(
            "INSERT INTO coders(name, created) VALUES ('ana', 'now');"
            "INSERT INTO documents(name, text, length, sha256, format, encoding, imported_at) "
            "VALUES ('d.txt', 'hello world', 11, 'x', 'plaintext', 'UTF-8', 'now');"
            "INSERT INTO codes(guid, name, created) VALUES ('g1', 'Theme', 'now');"
            "INSERT INTO segments(document_id, start, \"end\", coder_id, created) VALUES (1, 0, 5, 1, 'now');"
            "INSERT INTO segment_codes VALUES (1, 1);"));
        CHECK(db.scalarInt(QStringLiteral("PRAGMA user_version")) == 1);
        REQUIRE_THROWS_AS(db.exec(QStringLiteral("SELECT * FROM turns")), Error);
    }
    auto p = Project::open(path);
    CHECK(ProjectAccess::database(*p).scalarInt(QStringLiteral("PRAGMA user_version")) == Schema::currentVersion());
    CHECK(ProjectAccess::database(*p).scalarInt(QStringLiteral("SELECT count(*) FROM turns")) == 0);
    REQUIRE(p->segments().size() == 1);
    CHECK(p->documentRange(1, 0, 5) == QStringLiteral("hello"));
    // The backup is the project as it was, still at version 1.
    const QString backup = path + QStringLiteral(".v1.bak");
    REQUIRE(QFile::exists(backup));
    Database old(backup, Database::OpenMode::ReadOnly);
    CHECK(old.scalarInt(QStringLiteral("PRAGMA user_version")) == 1);
    CHECK(old.scalarInt(QStringLiteral("SELECT count(*) FROM segments")) == 1);
}

TEST_CASE("Files that are not Quire projects are refused without being changed", "[store][migrations]")
{
    QuireTest::TempDir dir;
    const QString text = dir.writeFile(QStringLiteral("notes.quire"), QByteArray(2000, 'x'));
    const QString before = QuireTest::fileHash(text);
    REQUIRE_THROWS_WITH(Project::open(text), Catch::Contains("notes.quire") && Catch::Contains("not a Quire project"));
    CHECK(QuireTest::fileHash(text) == before);

    const QString other = dir.path(QStringLiteral("other.db"));
    {
        Database db(other, Database::OpenMode::ReadWriteCreate);
        db.exec(QStringLiteral("CREATE TABLE songs (title TEXT)"));
    }
    REQUIRE_THROWS_WITH(Project::open(other), Catch::Contains("another program"));

    const QString newer = dir.path(QStringLiteral("newer.quire"));
    Project::create(newer).reset();
    {
        Database db(newer, Database::OpenMode::ReadWrite);
        db.exec(QStringLiteral("PRAGMA user_version = 42"));
    }
    REQUIRE_THROWS_WITH(Project::open(newer),
                        Catch::Contains("newer version of Quire") && Catch::Contains("schema 42"));
    Database check(newer, Database::OpenMode::ReadOnly);
    CHECK(check.scalarInt(QStringLiteral("PRAGMA user_version")) == 42);

    REQUIRE_THROWS_WITH(Project::open(dir.path(QStringLiteral("absent.quire"))), Catch::Contains("no such file"));
    REQUIRE_THROWS_WITH(Project::open(dir.path(QString())), Catch::Contains("directory"));
}

TEST_CASE("Texts move out of documents, undo stops at the upgrade, the history stays", "[store][migrations][undo]")
{
    QuireTest::TempDir dir;
    const QString path = dir.path(QStringLiteral("old.quire"));
    {
        Database db(path, Database::OpenMode::ReadWriteCreate);
        // A plain connection: the search tokenizer the triggers of schema 5 call
        // is registered by hand (a Project does it; run alone, no Project has yet).
        SearchIndex::registerConnection(db.handle());
        Schema::createAtVersion(db, 5); // full-text search, texts still in documents
        db.exec(QString::fromUtf8("INSERT INTO coders(name, created) VALUES ('ana', 'now');"
                                  "INSERT INTO documents(name, text, length, sha256, format, encoding, imported_at) "
                                  "VALUES ('d.txt', 'We waited 😢 for the nurse', 26, 'x', 'plaintext', 'UTF-8', 'now');"
                                  "INSERT INTO commands(kind, summary, coder_id, created, state, changeset) "
                                  "VALUES ('import', 'Import d.txt', 1, '2026-01-02T10:00:00Z', 'done', x'00');"
                                  "INSERT INTO commands(kind, summary, coder_id, created, state, changeset) "
                                  "VALUES ('code', 'Add code', 1, '2026-01-02T10:01:00Z', 'undone', x'00');"));
    }
    auto p = Project::open(path);
    CHECK(ProjectAccess::database(*p).scalarInt(QStringLiteral("PRAGMA user_version")) == Schema::currentVersion());
    CHECK(p->documentText(1) == QString::fromUtf8("We waited 😢 for the nurse"));
    CHECK(p->documentRange(1, 10, 11) == QString::fromUtf8("😢"));
    CHECK(ProjectAccess::database(*p).scalarInt(QStringLiteral("SELECT count(*) FROM document_texts")) == 1);
    const auto history = p->history();
    REQUIRE(history.size() == 3);
    CHECK(history[1].state == QStringLiteral("discarded")); // could not be redone over the new format
    CHECK(history[2].kind == QStringLiteral("upgrade"));
    CHECK_FALSE(p->canUndo());
    CHECK_FALSE(p->canRedo());
    REQUIRE_THROWS_WITH(p->undo(), Catch::StartsWith("old.quire: nothing more to undo: the project was upgraded"));
    Search s(*p);
    s.check();
    CHECK(s.run(QStringLiteral("nurse")).hits.size() == 1);
    // New steps after the upgrade are undone as usual, down to the upgrade.
    p->addCode(QStringLiteral("Waiting"));
    CHECK(p->canUndo());
    p->undo();
    CHECK_FALSE(p->canUndo());
}

namespace {
/// "table.column" of every foreign key column with no index that starts with
/// it (the rowid alias counts as indexed). Keys to coders are left out: a
/// coder row is never deleted, so nothing ever looks for rows referring to it.
QStringList unindexedForeignKeys(Database &db)
{
    Statement st(
        db, QStringLiteral(
                "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f "
                "WHERE m.type = 'table' AND f.\"table\" <> 'coders' "
                "AND NOT EXISTS (SELECT 1 FROM pragma_index_list(m.name) il, pragma_index_info(il.name) ii "
                "                WHERE ii.seqno = 0 AND ii.name = f.\"from\" AND il.partial = 0) "
                "AND NOT EXISTS (SELECT 1 FROM pragma_table_info(m.name) ti WHERE ti.name = f.\"from\" AND ti.pk = 1 "
                "                AND upper(ti.type) = 'INTEGER' "
                "                AND (SELECT count(*) FROM pragma_table_info(m.name) WHERE pk > 0) = 1) "
                "ORDER BY 1, 2"));
    QStringList out;
    while (st.step())
        out << st.columnText(0) + QLatin1Char('.') + st.columnText(1);
    return out;
}
} // namespace

TEST_CASE("Every column that refers to a deletable row is indexed, also after an upgrade", "[store][migrations][undo]")
{
    // Without the index, deleting a row scans the whole referring table: undo
    // of a 20,000-document import took hours (one scan of all turns per case).
    QuireTest::TempDir dir;
    const QString fresh = dir.path(QStringLiteral("new.quire"));
    {
        auto p = Project::create(fresh);
        // The check itself sees keys: turns.document_id is one, and indexed.
        CHECK(ProjectAccess::database(*p).scalarInt(
                  QStringLiteral("SELECT count(*) FROM pragma_foreign_key_list('turns')")) == 2);
        CHECK(unindexedForeignKeys(ProjectAccess::database(*p)).join(QStringLiteral(", ")) == QString());
    }
    const QString old = dir.path(QStringLiteral("old.quire"));
    {
        Database db(old, Database::OpenMode::ReadWriteCreate);
        SearchIndex::registerConnection(db.handle());
        Schema::createAtVersion(db, Schema::currentVersion() - 1);
        CHECK(unindexedForeignKeys(db).contains(QStringLiteral("turns.case_id")));
    }
    auto p = Project::open(old);
    CHECK(ProjectAccess::database(*p).scalarInt(QStringLiteral("PRAGMA user_version")) == Schema::currentVersion());
    CHECK(unindexedForeignKeys(ProjectAccess::database(*p)).join(QStringLiteral(", ")) == QString());
}
