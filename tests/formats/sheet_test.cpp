// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "error.h"
#include "formats/csvreader.h"
#include "formats/table.h"
#include "support/sheet_support.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSet>

using namespace Quire;
using namespace QuireTest;

namespace {

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

std::vector<ImportedDocument> sheet(const char *csv, const QMap<QString, QString> &settings = {},
                                    const QString &file = QStringLiteral("review.csv"))
{
    ImportOptions options;
    options.settings = settings;
    return sheetDocuments(parseCsv(QString::fromUtf8(csv), file), file, options);
}

QString sheetError(const char *csv, const QMap<QString, QString> &settings = {})
{
    try {
        sheet(csv, settings);
    } catch (const Error &e) {
        return e.message();
    }
    return QString();
}

QStringList attributeNames(const ImportedDocument &d)
{
    QStringList names;
    for (const auto &kv : d.attributes)
        names << kv.first;
    return names;
}

} // namespace

TEST_CASE("Statement sheet: the shipped PCR corpus", "[sheet]")
{
    const QString path = corpusFile(u("pcr-statements.csv"));
    const auto docs = Sheet::importWith(u("csv"), QFileInfo(path).fileName(), readFile(path));
    REQUIRE(docs.size() == 58);
    QMap<QString, int> perArea, perPerson;
    QSet<QString> names;
    int forward = 0;
    for (const auto &d : docs) {
        CHECK(d.kind == u("statement"));
        CHECK_FALSE(d.text.isEmpty());
        CHECK(d.encoding == u("UTF-8"));
        ++perArea[Sheet::attribute(d, u("area"))];
        ++perPerson[d.caseName];
        names.insert(d.name);
        const int rank = Sheet::attribute(d, u("rank")).toInt();
        CHECK(rank >= 1);
        const QString tf = Sheet::attribute(d, u("taken_forward"));
        CHECK(tf == (rank <= 2 ? u("true") : u("false")));
        forward += tf == u("true") ? 1 : 0;
        // Nothing but the four columns: no stray attributes.
        CHECK(attributeNames(d) == QStringList{u("area"), u("rank"), u("taken_forward")});
    }
    CHECK(names.size() == 58);
    CHECK(perArea.value(u("what is working")) == 18);
    CHECK(perArea.value(u("what is not working")) == 21);
    CHECK(perArea.value(u("what is important for the future")) == 19);
    CHECK(perArea.size() == 3);
    // Each person agrees two statements per area: six each are taken forward.
    CHECK(forward == 48);
    CHECK(perPerson.size() == 8);
    CHECK(perPerson.value(u("R07")) == 9);
    CHECK(perPerson.value(u("R04")) == 6);

    const auto byName = [&](const QString &name) -> const ImportedDocument & {
        for (const auto &d : docs) {
            if (d.name == name)
                return d;
        }
        FAIL("no document " << name.toStdString());
        return docs.front();
    };
    const auto &fit = byName(u("pcr-statements R05 what is not working 1"));
    CHECK(fit.text == u("My benefits review said I was \"fit for work\" after a twenty minute phone call"));
    CHECK(fit.caseName == u("R05"));
    CHECK(fit.meta.value(u("row")).toInt() == 33);
    const auto &cafe = byName(u("pcr-statements R02 what is working 1"));
    CHECK(cafe.text == u("I love my job at the caf\u00e9, two mornings a week"));
    CHECK(byName(u("pcr-statements R07 what is not working 4")).text ==
          u("The doctor talks too fast and uses long words"));
    CHECK(Sheet::attribute(byName(u("pcr-statements R07 what is not working 4")), u("taken_forward")) == u("false"));
}

TEST_CASE("Statement sheet: quire-cli import of the PCR corpus", "[sheet]")
{
    TempDir dir;
    const QString project = dir.path(u("wtfc.quire"));
    REQUIRE(runCli({u("new"), project}).exitCode == 0);
    QElapsedTimer timer;
    timer.start();
    const CliResult r = runCli({u("import"), project, corpusFile(u("pcr-statements.csv"))});
    INFO(r.errText().toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(timer.elapsed() < 10000);

    const QJsonArray docs = Sheet::cliJson({u("list"), u("documents"), project}).toArray();
    CHECK(docs.size() == 58);
    int statements = 0;
    for (const auto &d : docs) {
        statements += d.toObject().value(u("kind")).toString() == u("statement") ? 1 : 0;
        CHECK(d.toObject().value(u("format")).toString() == u("csv"));
    }
    CHECK(statements == 58);

    const QJsonArray cases = Sheet::cliJson({u("list"), u("cases"), project}).toArray();
    CHECK(cases.size() == 8);
    for (const auto &c : cases) {
        const QJsonObject o = c.toObject();
        if (o.value(u("name")).toString() == u("R07"))
            CHECK(o.value(u("documents")).toArray().size() == 9);
        else
            CHECK(o.value(u("documents")).toArray().size() >= 6);
    }

    const CliResult attrs = runCli({u("list"), u("attributes"), project});
    REQUIRE(attrs.exitCode == 0);
    CHECK(attrs.outText().contains(u("taken_forward")));
    CHECK(attrs.outText().contains(u("pcr-statements R05 what is not working 1\ttaken_forward\ttrue")));
    CHECK(attrs.outText().contains(u("pcr-statements R05 what is not working 1\tarea\twhat is not working")));

    // Importing the same sheet again is refused (names clash), and changes nothing.
    const QString before = projectFingerprint(project);
    const CliResult again = runCli({u("import"), project, corpusFile(u("pcr-statements.csv"))});
    CHECK(again.exitCode != 0);
    CHECK(projectFingerprint(project) == before);
}

TEST_CASE("Statement sheet: headers by synonym, extra columns become attributes", "[sheet]")
{
    const auto docs = sheet("Review ID,Area,Priority,Comment,Setting,Notes\n"
                            "A1,what is working,1,I like my garden,home,\n"
                            "A1,what is working,2,\"My carer, Sam\",home,kept\n"
                            "A2,what is not working,3,\" leading space kept\",hospital,\n"
                            "A2,what is not working,4,,hospital,no text: skipped\n");
    REQUIRE(docs.size() == 3);
    CHECK(docs[0].name == u("review A1 what is working 1"));
    CHECK(docs[0].caseName == u("A1"));
    CHECK(attributeNames(docs[0]) == QStringList{u("area"), u("rank"), u("taken_forward"), u("Setting")});
    CHECK(Sheet::attribute(docs[1], u("Notes")) == u("kept"));
    CHECK(docs[1].text == u("My carer, Sam"));
    CHECK(docs[2].text == u(" leading space kept"));
    CHECK(Sheet::attribute(docs[2], u("taken_forward")) == u("false"));
    CHECK(Sheet::attribute(docs[2], u("Setting")) == u("hospital"));
}

TEST_CASE("Statement sheet: settings map columns and taken-forward ranks", "[sheet]")
{
    const char *csv = "Who,Where,Order,Words,Words2\n"
                      "P1,glad,1,Sunny garden,x\n"
                      "P1,glad,2,Kind staff,y\n"
                      "P1,sad,3.0,Long waits,z\n";
    QMap<QString, QString> settings{{u("column.person"), u("who")},
                                    {u("column.area"), u("WHERE")},
                                    {u("column.rank"), u("Order")},
                                    {u("column.text"), u("Words")},
                                    {u("taken-forward-ranks"), u("1, 3")}};
    const auto docs = sheet(csv, settings);
    REQUIRE(docs.size() == 3);
    CHECK(docs[0].text == u("Sunny garden"));
    CHECK(Sheet::attribute(docs[0], u("taken_forward")) == u("true"));
    CHECK(Sheet::attribute(docs[1], u("taken_forward")) == u("false"));
    CHECK(Sheet::attribute(docs[2], u("taken_forward")) == u("true"));
    CHECK(Sheet::attribute(docs[2], u("rank")) == u("3"));
    CHECK(Sheet::attribute(docs[2], u("Words2")) == u("z"));

    // A missing text column: the error lists the headers and how to map one.
    const QString missing = sheetError(csv);
    CHECK(missing.startsWith(u("review.csv: no statement text column")));
    CHECK(missing.contains(u("\"Who\", \"Where\", \"Order\", \"Words\", \"Words2\"")));
    CHECK(missing.contains(u("--set column.text=HEADER")));
    // A setting naming a column that is not there.
    const QString wrong = sheetError(csv, {{u("column.text"), u("Text")}, {u("column.person"), u("Who")}});
    CHECK(wrong.startsWith(u("review.csv: column.text names the column \"Text\"")));
    CHECK(wrong.contains(u("\"Words2\"")));
    CHECK(sheetError("statement\nhello\n").contains(u("--set column.person=HEADER")));
    CHECK(sheetError(csv, {{u("column.person"), u("Who")}, {u("column.text"), u("Who")}}).contains(u("two roles")));
    CHECK(
        sheetError(
            csv, {{u("column.person"), u("Who")}, {u("column.text"), u("Words")}, {u("taken-forward-ranks"), u("top")}})
            .contains(u("taken-forward-ranks")));
}

TEST_CASE("Statement sheet: bad ranks, missing people and unclear sheets are errors", "[sheet]")
{
    CHECK(sheetError("person,area,rank,statement\nR1,a,1,ok\nR1,a,two,not a number\n") ==
          u("review.csv: row 3 has the rank \"two\", which is not a whole number"));
    CHECK(sheetError("person,area,rank,statement\nR1,a,1.5,half\n").contains(u("row 2 has the rank \"1.5\"")));
    CHECK(sheetError("person,area,rank,statement\nR1,a,-1,neg\n").contains(u("\"-1\"")));
    CHECK(sheetError("person,area,rank,statement\nR1,a,1,ok\n,a,2,whose?\n")
              .startsWith(u("review.csv: row 3 has a statement but no person")));
    CHECK(sheetError("person,area,rank,statement\nR1,a,1,\n").startsWith(u("review.csv: no row has statement text")));
    CHECK(sheetError("person,note,statement,Note\nR1,a,b,c\n").contains(u("two columns named \"Note\"")));
    CHECK(sheetError("person,statement\nR1,x\n", {{u("mode"), u("poll")}}).contains(u("unknown sheet mode")));
    // A hand-built table with a ragged row is refused as well.
    Table t;
    t.header = QStringList{u("person"), u("statement")};
    t.rows.push_back({7, QStringList{u("R1")}});
    REQUIRE_THROWS_WITH(sheetDocuments(t, u("x.xlsx"), {}), "x.xlsx: row 7 has 1 cells but the header has 2");
}

TEST_CASE("Statement sheet: names stay unique within a file", "[sheet]")
{
    // No rank column, and the same person and area twice: rows tell them apart.
    const auto docs = sheet("person,area,statement\nR1,glad,one\nR1,glad,two\nR1,sad,three\nR2,glad,four\n");
    REQUIRE(docs.size() == 4);
    CHECK(docs[0].name == u("review R1 glad (row 2)"));
    CHECK(docs[1].name == u("review R1 glad (row 3)"));
    CHECK(docs[2].name == u("review R1 sad"));
    CHECK(docs[3].name == u("review R2 glad"));
    // Without a rank column nothing is known about taken forward.
    CHECK(Sheet::attribute(docs[0], u("taken_forward")).isNull());
    const auto ranked = sheet("person,area,rank,statement\nR1,glad,1,one\nR1,glad,1,again\n");
    CHECK(ranked[0].name == u("review R1 glad 1 (row 2)"));
    CHECK(ranked[1].name == u("review R1 glad 1 (row 3)"));
}

TEST_CASE("Survey sheet: one document per respondent per free-text answer", "[sheet]")
{
    const char *csv =
        "Respondent,Age band,Role,What helped you most?,What would you change?,Any other comments\n"
        "S001,65+,carer,\"The carers' café on a Thursday, where nobody rushes you and you can just sit\","
        "\"Fewer forms. I filled in the same details four times for four different people\",\n"
        "S002,45-64,professional,\"Joint visits with the district nurses, so that families hear one plan\",,"
        "\"Short, but: thank you for asking us — this is the first survey I have been sent in years\"\n"
        "S003,18-44,carer,,,\n";
    QMap<QString, QString> settings{{u("mode"), u("survey")}};
    const auto docs = sheet(csv, settings, u("survey 2024.csv"));
    REQUIRE(docs.size() == 4);
    CHECK(docs[0].kind == u("survey answer"));
    CHECK(docs[0].caseName == u("S001"));
    CHECK(docs[0].name == u("survey 2024 S001 What helped you most?"));
    CHECK(docs[0].text == u("The carers' café on a Thursday, where nobody rushes you and you can just sit"));
    CHECK(attributeNames(docs[0]) == QStringList{u("Age band"), u("Role"), u("question")});
    CHECK(Sheet::attribute(docs[0], u("Role")) == u("carer"));
    CHECK(Sheet::attribute(docs[1], u("question")) == u("What would you change?"));
    CHECK(docs[2].caseName == u("S002"));
    CHECK(docs[3].name == u("survey 2024 S002 Any other comments"));
    CHECK(docs[3].text.contains(u("— this is the first survey")));

    // Named text columns and a named id column.
    settings.insert(u("text-columns"), u("Any other comments, Role"));
    settings.insert(u("column.id"), u("respondent"));
    const auto named = sheet(csv, settings, u("s.csv"));
    REQUIRE(named.size() == 4); // Role for S001-S003, comments for S002
    CHECK(named[0].text == u("carer"));
    CHECK(Sheet::attribute(named[0], u("question")) == u("Role"));
    CHECK(Sheet::attribute(named[0], u("What helped you most?")).startsWith(u("The carers'")));

    QMap<QString, QString> shortOnly{{u("mode"), u("survey")}};
    try {
        sheet("id,age,role\n1,65,carer\n", shortOnly);
        FAIL("a survey without free text was accepted");
    } catch (const Error &e) {
        CHECK(e.message().contains(u("--set text-columns=")));
        CHECK(e.message().contains(u("\"age\"")));
    }
    try {
        sheet("id,comment\n,\"A long enough answer to count as free text, surely, yes indeed\"\n", shortOnly);
        FAIL("an answer without a respondent was accepted");
    } catch (const Error &e) {
        CHECK(e.message() == u("review.csv: row 2 has answers but no respondent id (column \"id\")"));
    }
}

TEST_CASE("Statement sheet: forty reviews (240 statements) import quickly", "[sheet]")
{
    QByteArray csv("person,area,rank,statement,group\r\n");
    const char *areas[] = {"what is working", "what is not working", "what is important for the future"};
    for (int p = 1; p <= 40; ++p) {
        for (int a = 0; a < 3; ++a) {
            for (int r = 1; r <= 2; ++r)
                csv += QStringLiteral("R%1,%2,%3,\"Statement %3 of R%1, \"\"%2\"\"\r\nsecond line\",%4\r\n")
                           .arg(p, 2, 10, QLatin1Char('0'))
                           .arg(QString::fromLatin1(areas[a]))
                           .arg(r)
                           .arg(p % 2 ? u("carer") : u("professional"))
                           .toUtf8();
        }
    }
    QElapsedTimer timer;
    timer.start();
    const auto docs = Sheet::importWith(u("csv"), u("forty.csv"), csv);
    const qint64 readMs = timer.elapsed();
    REQUIRE(docs.size() == 240);
    CHECK(readMs < 500);
    CHECK(docs[239].text == u("Statement 2 of R40, \"what is important for the future\"\nsecond line"));

    TempDir dir;
    const QString project = dir.path(u("forty.quire"));
    REQUIRE(runCli({u("new"), project}).exitCode == 0);
    const QString file = dir.writeFile(u("forty.csv"), csv);
    timer.restart();
    const CliResult r = runCli({u("import"), project, file});
    const qint64 cliMs = timer.elapsed();
    INFO(r.errText().toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(cliMs < 20000);
    CHECK(Sheet::cliJson({u("list"), u("cases"), project}).toArray().size() == 40);
}

TEST_CASE("Statement sheet: quire-cli passes --set settings to the sheet", "[sheet]")
{
    TempDir dir;
    const QString project = dir.path(u("set.quire"));
    REQUIRE(runCli({u("new"), project}).exitCode == 0);
    const QString file = dir.writeFile(u("mapped.csv"), "Who;Words;Order\nA;hello there;1\nB;bye now;2\n");
    const QString before = projectFingerprint(project);
    // Unmapped, the sheet has no text column: refused, nothing stored.
    const CliResult unmapped = runCli({u("import"), project, file});
    CHECK(unmapped.exitCode != 0);
    CHECK(unmapped.errText().contains(u("mapped.csv: no statement text column")));
    CHECK(unmapped.errText().contains(u("--set column.text=HEADER")));
    CHECK(projectFingerprint(project) == before);

    const CliResult r =
        runCli({u("import"), project, file, u("--set"), u("column.person=Who"), u("--set"), u("column.text=Words"),
                u("--set"), u("column.rank=Order"), u("--set"), u("taken-forward-ranks=1")});
    INFO(r.errText().toStdString());
    REQUIRE(r.exitCode == 0);
    const CliResult attrs = runCli({u("list"), u("attributes"), project});
    CHECK(attrs.outText().contains(u("mapped A 1\ttaken_forward\ttrue")));
    CHECK(attrs.outText().contains(u("mapped B 2\ttaken_forward\tfalse")));

    const QString survey = dir.writeFile(
        u("survey.csv"),
        "id,group,answer\n7,carer,\"Being asked what I think, for once, and being listened to properly\"\n");
    const CliResult s = runCli({u("import"), project, survey, u("--set"), u("mode=survey")});
    INFO(s.errText().toStdString());
    REQUIRE(s.exitCode == 0);
    const QJsonArray docs = Sheet::cliJson({u("list"), u("documents"), project}).toArray();
    REQUIRE(docs.size() == 3);
    CHECK(docs[2].toObject().value(u("name")).toString() == u("survey 7 answer"));
    CHECK(docs[2].toObject().value(u("kind")).toString() == u("survey answer"));
}
