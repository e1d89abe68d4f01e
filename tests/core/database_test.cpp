// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "error.h"
#include "storage/database.h"
#include "testsupport.h"

using namespace Quire;

TEST_CASE("Database reports SQLite errors with the file name", "[store]")
{
    QuireTest::TempDir dir;
    Database db(dir.path(QStringLiteral("t.db")), Database::OpenMode::ReadWriteCreate);
    db.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"));
    Statement ins(db, QStringLiteral("INSERT INTO t(name) VALUES (?1)"));
    ins.bind(1, QStringLiteral("a")).run();
    ins.bind(1, QStringLiteral("a"));
    REQUIRE_THROWS_WITH(ins.run(), Catch::Contains("t.db") && Catch::Contains("UNIQUE"));
    REQUIRE_THROWS_AS(db.exec(QStringLiteral("SELECT * FROM nowhere")), Error);
    REQUIRE_THROWS_WITH(Database(dir.path(QStringLiteral("missing/x.db")), Database::OpenMode::ReadWrite),
                        Catch::Contains("x.db") && Catch::Contains("cannot open"));
}

TEST_CASE("Statement rejects SQL with more than one statement", "[store]")
{
    Database db(QString(), Database::OpenMode::ReadWriteCreate);
    db.exec(QStringLiteral("CREATE TABLE t (x)"));
    REQUIRE_THROWS_WITH(Statement(db, QStringLiteral("INSERT INTO t VALUES (1); DELETE FROM t")),
                        Catch::Contains("more than one SQL statement"));
    // A trailing semicolon and white space are one statement.
    REQUIRE_NOTHROW(Statement(db, QStringLiteral("INSERT INTO t VALUES (1);  \n")));
}

TEST_CASE("Statement binds and reads every type, and null strings are empty text", "[store]")
{
    Database db(QString(), Database::OpenMode::ReadWriteCreate);
    db.exec(QStringLiteral("CREATE TABLE t (i INTEGER, d REAL, s TEXT NOT NULL, b BLOB, n INTEGER)"));
    Statement ins(db, QStringLiteral("INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5)"));
    const QString emoji = QStringLiteral("caf\u00e9 \U0001F642");
    ins.bind(1, qint64(1) << 40)
        .bind(2, 2.5)
        .bind(3, emoji)
        .bind(4, QByteArray("\0\1\2", 3))
        .bind(5, std::optional<qint64>())
        .run();
    ins.bind(1, 7).bind(2, 0.0).bind(3, QString()).bind(4, QByteArray()).bindNull(5).run();
    Statement sel(db, QStringLiteral("SELECT i, d, s, b, n FROM t ORDER BY rowid"));
    REQUIRE(sel.step());
    CHECK(sel.columnInt(0) == (qint64(1) << 40));
    CHECK(sel.columnDouble(1) == 2.5);
    CHECK(sel.columnText(2) == emoji);
    CHECK(sel.columnBlob(3) == QByteArray("\0\1\2", 3));
    CHECK(sel.columnIsNull(4));
    CHECK_FALSE(sel.columnOptInt(4).has_value());
    REQUIRE(sel.step());
    CHECK(sel.columnText(2).isEmpty());
    CHECK_FALSE(sel.step());
}

TEST_CASE("Transaction rolls back unless committed, and nests", "[store]")
{
    Database db(QString(), Database::OpenMode::ReadWriteCreate);
    db.exec(QStringLiteral("CREATE TABLE t (x)"));
    {
        Transaction tx(db);
        db.exec(QStringLiteral("INSERT INTO t VALUES (1)"));
    }
    CHECK(db.scalarInt(QStringLiteral("SELECT count(*) FROM t")) == 0);
    {
        Transaction outer(db);
        db.exec(QStringLiteral("INSERT INTO t VALUES (1)"));
        {
            Transaction inner(db);
            db.exec(QStringLiteral("INSERT INTO t VALUES (2)"));
        } // inner rolled back
        outer.commit();
    }
    CHECK(db.scalarInt(QStringLiteral("SELECT count(*) FROM t")) == 1);
    CHECK(db.scalarInt(QStringLiteral("SELECT max(x) FROM t")) == 1);
    try {
        Transaction tx(db);
        db.exec(QStringLiteral("INSERT INTO t VALUES (3)"));
        throw Error(QStringLiteral("boom"));
    } catch (const Error &) {
    }
    CHECK(db.scalarInt(QStringLiteral("SELECT count(*) FROM t")) == 1);
}
