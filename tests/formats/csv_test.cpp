// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "error.h"
#include "formats/csvreader.h"
#include "support/sheet_support.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Quire;
using namespace QuireTest;

namespace {

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QString csvError(const QString &text, const QString &file = QStringLiteral("sheet.csv"))
{
    try {
        parseCsv(text, file);
    } catch (const Error &e) {
        return e.message();
    }
    return QString();
}

} // namespace

TEST_CASE("CSV: RFC 4180 quoting, doubled quotes and newlines inside quotes", "[csv]")
{
    const QString text = u("person,area,rank,statement\r\n"
                           "R01,what is working,1,\"She said \"\"no\"\", then \"\"yes\"\"\"\r\n"
                           "R02,what is not working,2,\"first line\r\nsecond line\nthird, with comma\"\r\n"
                           "R03,\"\",3,  spaces kept  \r\n");
    const Table t = parseCsv(text, QStringLiteral("/tmp/x/sheet.csv"));
    CHECK(t.header == QStringList{u("person"), u("area"), u("rank"), u("statement")});
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0].sourceRow == 2);
    CHECK(t.rows[0].cells[3] == u("She said \"no\", then \"yes\""));
    // Line breaks inside a cell are stored as LF, like every stored text.
    CHECK(t.rows[1].cells[3] == u("first line\nsecond line\nthird, with comma"));
    CHECK(t.rows[1].sourceRow == 3);
    CHECK(t.rows[2].cells[1].isEmpty());
    CHECK(t.rows[2].cells[3] == u("  spaces kept  "));
    CHECK(t.rows[2].sourceRow == 4);
}

TEST_CASE("CSV: delimiters are detected from the header line", "[csv]")
{
    SECTION("semicolon, with a semicolon too many")
    {
        // The header decides the shape; the row is reported, not guessed around.
        CHECK(csvError(u("person;area;rank;statement\nR01;working;1;Yes, I like it; a lot\n"), u("s.csv")) ==
              u("s.csv: row 2 has 5 cells but the header has 4"));
    }
    SECTION("semicolon")
    {
        const Table t = parseCsv(u("person;area;rank;statement\nR01;working;1;Yes, I like it\n"), u("s.csv"));
        REQUIRE(t.header.size() == 4);
        REQUIRE(t.rows.size() == 1);
        CHECK(t.rows[0].cells[3] == u("Yes, I like it"));
    }
    SECTION("tab, with a quoted tab and semicolons in the text")
    {
        const Table t = parseCsv(u("person\tstatement\nR01\t\"tab\tinside; kept\"\n"), u("t.csv"));
        REQUIRE(t.rows.size() == 1);
        CHECK(t.rows[0].cells[1] == u("tab\tinside; kept"));
    }
    SECTION("a quoted header with separators inside does not mislead detection")
    {
        const Table t = parseCsv(u("\"a;b;c\",d\n1,2\n"), u("q.csv"));
        CHECK(t.header == QStringList{u("a;b;c"), u("d")});
    }
    SECTION("a given delimiter wins")
    {
        const Table t = parseCsv(u("a|b\n1,5|2\n"), u("p.csv"), QLatin1Char('|'));
        CHECK(t.rows[0].cells == QStringList{u("1,5"), u("2")});
    }
}

TEST_CASE("CSV: empty rows are skipped, row numbers stay those of the file", "[csv]")
{
    const Table t = parseCsv(u("a,b\n\n1,2\n,\n\n3,4\n\n"), u("e.csv"));
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].sourceRow == 3);
    CHECK(t.rows[1].sourceRow == 6);
    CHECK(t.rows[1].cells == QStringList{u("3"), u("4")});
    // No trailing newline at all is fine too.
    CHECK(parseCsv(u("a,b\n1,2"), u("e.csv")).rows.size() == 1);
    // A last cell left empty is a cell.
    CHECK(parseCsv(u("a,b\n1,\n"), u("e.csv")).rows[0].cells == QStringList{u("1"), QString()});
    // Non-Latin text, emoji and combining marks pass through unchanged.
    const QString exotic = u("周丽 cafe\u0301 🙂 \u2018quoted\u2019");
    CHECK(parseCsv(u("a\n") + exotic + u("\n"), u("e.csv")).rows[0].cells[0] == exotic);
}

TEST_CASE("CSV: a ragged row is an error naming the file and row", "[csv]")
{
    CHECK(csvError(u("a,b,c,d\n1,2,3,4\n1,2,3,4,5\n"), u("/data/pcr.csv")) ==
          u("pcr.csv: row 3 has 5 cells but the header has 4"));
    // Row numbers count records, not lines: a quoted newline does not shift them.
    QString text = u("a,b,c,d\n");
    for (int r = 2; r < 17; ++r)
        text += QStringLiteral("%1,\"x\ny\",c,d\n").arg(r);
    text += u("17,x,y,z,extra\n");
    CHECK(csvError(text, u("big.csv")) == u("big.csv: row 17 has 5 cells but the header has 4"));
    CHECK(csvError(u("a,b,c\n1,2\n")) == u("sheet.csv: row 2 has 2 cells but the header has 3"));
}

TEST_CASE("CSV: an unterminated quote names the row where it began", "[csv]")
{
    const QString msg = csvError(u("a,b\n1,2\n3,\"never closed\n4,5\n6,7\n"), u("open.csv"));
    CHECK(msg.startsWith(u("open.csv: row 3 ")));
    CHECK(msg.contains(u("never closed")));
    CHECK(msg.contains(u("line 3")));
    // Text after a closing quote would have to be guessed at: refused with a hint.
    const QString after = csvError(u("a,b\n1,\"I said \"no\" to them\"\n"), u("q.csv"));
    CHECK(after.startsWith(u("q.csv: row 2 ")));
    CHECK(after.contains(u("doubled")));
    CHECK(csvError(u(""), u("empty.csv")).startsWith(u("empty.csv: ")));
    CHECK(csvError(u("\n\n,,\n"), u("blank.csv")).startsWith(u("blank.csv: has no header")));
}

TEST_CASE("CSV importer: a file with a BOM, CRLF and quoted newlines", "[csv]")
{
    const QByteArray bytes =
        QByteArray("\xEF\xBB\xBF") + u("Person,Area,Rank,Statement,Age group\r\n"
                                       "R01,what is working,1,\"Two lines:\r\n“curly” and \"\"straight\"\"\",65+\r\n"
                                       "R01,what is working,3,caf\u00e9 \t tab,65+\r\n")
                                         .toUtf8();
    const auto docs = Sheet::importWith(u("csv"), u("bom.csv"), bytes);
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].text == u("Two lines:\n“curly” and \"straight\""));
    CHECK(docs[0].caseName == u("R01"));
    CHECK(docs[0].encoding == u("UTF-8"));
    CHECK(docs[0].meta.value(u("bomRemoved")).toBool());
    CHECK(docs[0].meta.value(u("row")).toInt() == 2);
    CHECK(Sheet::attribute(docs[0], u("Age group")) == u("65+"));
    CHECK(docs[1].text == u("caf\u00e9 \t tab"));
    CHECK(Sheet::attribute(docs[1], u("taken_forward")) == u("false"));

    // A Windows-1252 sheet (as Excel writes it) is decoded, and says so.
    const QByteArray cp1252("person;area;rank;statement\r\nR09;working;1;\x93"
                            "Caf\xe9\x94 \x96 \xa3"
                            "5\r\n");
    const auto legacy = Sheet::importWith(u("csv"), u("excel.csv"), cp1252);
    REQUIRE(legacy.size() == 1);
    CHECK(legacy[0].encoding == u("windows-1252"));
    CHECK(legacy[0].text == u("\u201cCaf\u00e9\u201d \u2013 \u00a35"));

    ImportOptions tab;
    tab.settings.insert(u("delimiter"), u("tab"));
    const auto tabbed = Sheet::importWith(u("csv"), u("t.csv"), QByteArray("person\tstatement\nR1\ta, b; c\n"), tab);
    REQUIRE(tabbed.size() == 1);
    CHECK(tabbed[0].text == u("a, b; c"));
}

TEST_CASE("CSV importer: broken files give one clear error naming the file", "[csv]")
{
    auto error = [](const QByteArray &bytes) {
        try {
            Sheet::importWith(u("csv"), u("broken.csv"), bytes);
        } catch (const Error &e) {
            return e.message();
        }
        return QString();
    };
    CHECK(error("person,area,rank,statement\nR1,a,1,ok\nR1,a,2,one,two\n") ==
          u("broken.csv: row 3 has 5 cells but the header has 4"));
    CHECK(error("person,statement\nR1,\"open\n").startsWith(u("broken.csv: row 2 has a quote that is never closed")));
    QByteArray binary("person,statement\nR1,");
    binary.append(QByteArray(64, '\0')).append("binary");
    CHECK(error(binary).startsWith(u("broken.csv")));
    CHECK(error("person,area,rank,statement\n").startsWith(u("broken.csv: has a header row but no rows")));
}

TEST_CASE("CSV through quire-cli: a ragged sheet leaves the project as it was, export still works", "[csv]")
{
    TempDir dir;
    const QString project = dir.path(u("p.quire"));
    REQUIRE(runCli({u("new"), project}).exitCode == 0);
    REQUIRE(runCli({u("import"), project, corpusFile(u("nar1-carer-story.txt"))}).exitCode == 0);
    const QString before = projectFingerprint(project);
    const QString ragged = dir.writeFile(u("ragged.csv"), "person,area,rank,statement\nR1,a,1,fine\nR1,a,2,too,many\n");
    const CliResult r = runCli({u("import"), project, ragged});
    CHECK(r.exitCode != 0);
    CHECK(r.errText().contains(u("ragged.csv: row 3 has 5 cells but the header has 4")));
    CHECK(projectFingerprint(project) == before);
    // Good files named with it are not imported either: all or nothing.
    const CliResult both = runCli({u("import"), project, corpusFile(u("pcr-statements.csv")), ragged});
    CHECK(both.exitCode != 0);
    CHECK(projectFingerprint(project) == before);

    // The plugin is listed once, as importer and exporter.
    const QJsonArray plugins = Sheet::cliJson({u("plugins")}).toArray();
    int csv = 0;
    for (const auto &p : plugins) {
        if (p.toObject().value(u("id")).toString() == u("csv")) {
            ++csv;
            CHECK(p.toObject().value(u("loaded")).toBool());
            const QJsonArray kinds = p.toObject().value(u("metadata")).toObject().value(u("kinds")).toArray();
            CHECK(kinds.contains(u("importer")));
            CHECK(kinds.contains(u("exporter")));
        }
    }
    CHECK(csv == 1);
    REQUIRE(runCli({u("code"), u("add"), project, u("Care/Continuity")}).exitCode == 0);
    REQUIRE(runCli({u("segment"), u("add"), project, u("nar1-carer-story.txt"), u("--code"), u("Care/Continuity"),
                    u("--range"), u("0:20")})
                .exitCode == 0);
    const QString out = dir.path(u("report.csv"));
    const CliResult exported = runCli({u("export"), project, u("--out"), out, u("--format"), u("csv")});
    INFO(exported.errText().toStdString());
    REQUIRE(exported.exitCode == 0);
    const QByteArray csvOut = readFile(out);
    CHECK(csvOut.startsWith("\xEF\xBB\xBF"
                            "kind,path,depth"));
    CHECK(csvOut.contains("Care/Continuity"));
}
