// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "analysis_support.h"
#include "io/ziparchive.h"
#include "model/project.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>

using namespace Quire;
using AnalysisTest::textFile;
using QuireTest::runCli;

namespace {

QJsonObject json(const QuireTest::CliResult &r)
{
    INFO(r.errText().toStdString());
    REQUIRE(r.exitCode == 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    INFO(r.outText().toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(doc.isObject());
    return doc.object();
}

/// Two coders on four sentences (see agreement_test.cpp) and a group attribute.
QString buildProject(const QuireTest::TempDir &dir)
{
    const QString path = dir.path(QStringLiteral("cli.quire"));
    auto p = Project::create(path);
    const Id doc = p->importDocuments({textFile(QStringLiteral("one.txt"),
                                                QStringLiteral("Alpha one. Beta two. Gamma three. Delta four."))},
                                      {{QStringLiteral("group"), QStringLiteral("carer")}})
                       .front();
    const Id x = p->addCode(QStringLiteral("X"), QStringLiteral("#123456"));
    const Id y = p->addCode(QStringLiteral("Y"));
    p->setCoder(QStringLiteral("ann"));
    p->addSegment(doc, 0, 10, {x});
    p->addSegment(doc, 11, 20, {x});
    p->addSegment(doc, 5, 15, {y});
    p->setCoder(QStringLiteral("ben"));
    p->addSegment(doc, 0, 5, {x});
    p->addSegment(doc, 21, 26, {x});
    return path;
}

} // namespace

TEST_CASE("quire-cli agreement --json gives kappa, alpha, intervals and disagreements", "[cli][agreement]")
{
    QuireTest::TempDir dir;
    const QString path = buildProject(dir);
    const QJsonObject o =
        json(runCli({QStringLiteral("--json"), QStringLiteral("agreement"), path, QStringLiteral("--code"),
                     QStringLiteral("X"), QStringLiteral("--bootstrap"), QStringLiteral("100")}));
    CHECK(o.value(QStringLiteral("coders")).toArray() == QJsonArray{QStringLiteral("ann"), QStringLiteral("ben")});
    CHECK(o.value(QStringLiteral("unit")).toString() == QStringLiteral("sentence"));
    const QJsonObject x = o.value(QStringLiteral("codes")).toArray().at(0).toObject();
    CHECK(x.value(QStringLiteral("code")).toString() == QStringLiteral("X"));
    CHECK(x.value(QStringLiteral("kappa")).toDouble() == Approx(0.0).margin(1e-12));
    CHECK(x.value(QStringLiteral("alpha")).toDouble() == Approx(0.125));
    CHECK(x.value(QStringLiteral("percent")).toDouble() == Approx(0.5));
    CHECK(x.value(QStringLiteral("alphaInterval")).toArray().size() == 2);
    const QJsonArray d = o.value(QStringLiteral("disagreements")).toArray();
    REQUIRE(d.size() == 2);
    CHECK(d.at(0).toObject().value(QStringLiteral("text")).toString() == QStringLiteral("Beta two."));
    CHECK(d.at(0).toObject().value(QStringLiteral("values")).toArray() == QJsonArray{true, false});

    // CSV exports next to the JSON.
    const QString out = dir.path(QStringLiteral("agreement.csv"));
    const QString dis = dir.path(QStringLiteral("disagreements.csv"));
    const auto r = runCli({QStringLiteral("agreement"), path, QStringLiteral("--bootstrap"), QStringLiteral("0"),
                           QStringLiteral("--out"), out, QStringLiteral("--disagreements"), dis});
    REQUIRE(r.exitCode == 0);
    CHECK(QuireTest::readFile(out).startsWith("code,units,units_with_code,coded_by_ann,coded_by_ben,percent,kappa"));
    CHECK(QuireTest::readFile(dis).contains("X,one.txt,11,20,yes,no,Beta two."));

    // One workbook with the three tables, numbers as numbers.
    const QString xlsx = dir.path(QStringLiteral("agreement.xlsx"));
    REQUIRE(runCli({QStringLiteral("agreement"), path, QStringLiteral("--bootstrap"), QStringLiteral("0"),
                    QStringLiteral("--out"), xlsx})
                .exitCode == 0);
    const ZipArchive zip(QuireTest::readFile(xlsx), xlsx);
    CHECK(zip.contains(QStringLiteral("xl/worksheets/sheet3.xml")));
    const QByteArray workbook = zip.read(QStringLiteral("xl/workbook.xml"));
    CHECK(workbook.contains("name=\"Disagreements\""));
    const QByteArray sheet = zip.read(QStringLiteral("xl/worksheets/sheet3.xml"));
    QXmlStreamReader xml(sheet);
    while (!xml.atEnd())
        xml.readNext();
    CHECK_FALSE(xml.hasError());
    CHECK(sheet.contains("<v>11</v>"));
    CHECK(sheet.contains(">Beta two.</t>"));

    // For a report's appendix: Word, Markdown and PDF, every table under its title.
    const QString docx = dir.path(QStringLiteral("agreement.docx"));
    REQUIRE(runCli({QStringLiteral("agreement"), path, QStringLiteral("--bootstrap"), QStringLiteral("0"),
                    QStringLiteral("--out"), docx})
                .exitCode == 0);
    const ZipArchive word(QuireTest::readFile(docx), docx);
    const QByteArray body = word.read(QStringLiteral("word/document.xml"));
    QXmlStreamReader wx(body);
    QString words;
    int tables = 0, gridColumns = 0;
    while (!wx.atEnd()) {
        wx.readNext();
        if (wx.isCharacters())
            words += wx.text().toString() + QLatin1Char(' ');
        if (wx.isStartElement() && wx.name() == QLatin1String("tbl"))
            ++tables;
        if (wx.isStartElement() && wx.name() == QLatin1String("gridCol") && tables == 1)
            ++gridColumns;
    }
    CHECK_FALSE(wx.hasError());
    CHECK(tables == 3);
    CHECK(gridColumns == 12); // code … note: the agreement table's columns, widths fixed
    CHECK(words.contains(QStringLiteral("Agreement between coders")));
    CHECK(words.contains(QStringLiteral("Project: cli.quire")));
    CHECK(words.contains(QStringLiteral("coded by ann")));
    CHECK(words.contains(QStringLiteral("Beta two.")));
    const QString md = dir.path(QStringLiteral("agreement.md"));
    REQUIRE(runCli({QStringLiteral("agreement"), path, QStringLiteral("--bootstrap"), QStringLiteral("0"),
                    QStringLiteral("--out"), md})
                .exitCode == 0);
    const QByteArray markdown = QuireTest::readFile(md);
    CHECK(markdown.startsWith("# Agreement between coders\n"));
    CHECK(markdown.contains("| X | one.txt | 11 | 20 | yes | no | Beta two. |"));
    const QString pdf = dir.path(QStringLiteral("agreement.pdf"));
    const auto pdfRun = runCli({QStringLiteral("agreement"), path, QStringLiteral("--bootstrap"), QStringLiteral("0"),
                                QStringLiteral("--out"), pdf});
    INFO(pdfRun.errText().toStdString());
    REQUIRE(pdfRun.exitCode == 0);
    CHECK(QuireTest::readFile(pdf).startsWith("%PDF"));
    const QString check = dir.path(QStringLiteral("read-back.quire"));
    REQUIRE(runCli({QStringLiteral("new"), check}).exitCode == 0);
    REQUIRE(runCli({QStringLiteral("import"), check, pdf}).exitCode == 0);
    const auto shown = runCli({QStringLiteral("show"), check, QStringLiteral("agreement.pdf")});
    REQUIRE(shown.exitCode == 0);
    CHECK(shown.outText().contains(QStringLiteral("Agreement between coders")));
    CHECK(shown.outText().contains(QStringLiteral("Beta two.")));

    // Bad options are usage errors (exit 2) and change nothing.
    CHECK(runCli({QStringLiteral("agreement"), path, QStringLiteral("--out"), dir.path(QStringLiteral("a.rtf"))})
              .exitCode == 2);
    const QString before = QuireTest::projectFingerprint(path);
    CHECK(runCli({QStringLiteral("agreement"), path, QStringLiteral("--unit"), QStringLiteral("word")}).exitCode == 2);
    CHECK(runCli({QStringLiteral("agreement"), path, QStringLiteral("--coders"), QStringLiteral("ann")}).exitCode == 1);
    CHECK(QuireTest::projectFingerprint(path) == before);
}

TEST_CASE("quire-cli crosstab, cooccur and frequencies --json", "[cli][crosstab]")
{
    QuireTest::TempDir dir;
    const QString path = buildProject(dir);
    const QJsonObject x = json(runCli(
        {QStringLiteral("--json"), QStringLiteral("crosstab"), path, QStringLiteral("--by"), QStringLiteral("group")}));
    CHECK(x.value(QStringLiteral("columns")).toArray() == QJsonArray{QStringLiteral("carer")});
    const QJsonArray rows = x.value(QStringLiteral("rows")).toArray();
    REQUIRE(rows.size() == 2);
    CHECK(rows.at(0).toObject().value(QStringLiteral("code")).toString() == QStringLiteral("X"));
    CHECK(rows.at(0).toObject().value(QStringLiteral("cells")).toArray() == QJsonArray{4});
    CHECK(x.value(QStringLiteral("grandTotal")).toInt() == 5);

    const QJsonObject c = json(runCli({QStringLiteral("--json"), QStringLiteral("cooccur"), path}));
    CHECK(c.value(QStringLiteral("codes")).toArray() == QJsonArray{QStringLiteral("X"), QStringLiteral("Y")});
    // Y [5,15) overlaps ann's X [0,10) and [11,20); ben's X [0,5) only touches it.
    CHECK(c.value(QStringLiteral("counts")).toArray().at(0).toArray().at(1).toInt() == 2);
    const QString graph = dir.path(QStringLiteral("codes.graphml"));
    REQUIRE(runCli({QStringLiteral("cooccur"), path, QStringLiteral("--out"), graph}).exitCode == 0);
    CHECK(QuireTest::readFile(graph).contains("<graphml"));
    CHECK(runCli({QStringLiteral("cooccur"), path, QStringLiteral("--out"), dir.path(QStringLiteral("codes.png"))})
              .exitCode == 2);

    const QJsonObject f = json(runCli({QStringLiteral("--json"), QStringLiteral("frequencies"), path}));
    CHECK(f.value(QStringLiteral("labels")).toArray() == QJsonArray{QStringLiteral("one.txt")});
    CHECK(f.value(QStringLiteral("series")).toArray().at(0).toObject().value(QStringLiteral("counts")).toArray() ==
          QJsonArray{4});
}

TEST_CASE("quire-cli copy-for-coder and merge --json, undone in one step", "[cli][teamwork]")
{
    QuireTest::TempDir dir;
    const QString path = buildProject(dir);
    const QString copy = dir.path(QStringLiteral("second.quire"));
    const QJsonObject c = json(runCli({QStringLiteral("--json"), QStringLiteral("copy-for-coder"), path, copy}));
    CHECK(c.value(QStringLiteral("segmentsRemoved")).toInt() == 5);
    REQUIRE(runCli({QStringLiteral("--coder"), QStringLiteral("cat"), QStringLiteral("segment"), QStringLiteral("add"),
                    copy, QStringLiteral("one.txt"), QStringLiteral("--code"), QStringLiteral("X"),
                    QStringLiteral("--range"), QStringLiteral("34:45")})
                .exitCode == 0);
    const QString before = QuireTest::projectFingerprint(path);
    const QJsonObject m = json(runCli({QStringLiteral("--json"), QStringLiteral("merge"), path, copy}));
    CHECK(m.value(QStringLiteral("segmentsAdded")).toInt() == 1);
    CHECK(m.value(QStringLiteral("documentsMatched")).toInt() == 1);
    CHECK(m.value(QStringLiteral("issues")).toArray().isEmpty());
    CHECK(before.contains(QStringLiteral("segments=5 ")));
    CHECK(QuireTest::projectFingerprint(path).contains(QStringLiteral("segments=6 ")));
    REQUIRE(runCli({QStringLiteral("undo"), path}).exitCode == 0);
    CHECK(QuireTest::projectFingerprint(path).contains(QStringLiteral("segments=5 ")));
    const QJsonObject agreement = json(runCli({QStringLiteral("--json"), QStringLiteral("agreement"), path,
                                               QStringLiteral("--bootstrap"), QStringLiteral("0")}));
    CHECK(agreement.value(QStringLiteral("coders")).toArray().size() == 2); // cat's segment is gone again
}

TEST_CASE("quire-cli agreement says in text and JSON what it leaves out", "[cli][agreement]")
{
    QuireTest::TempDir dir;
    const QString path = dir.path(QStringLiteral("left.quire"));
    {
        auto p = Project::create(path);
        const QString fg = QStringLiteral("Hello all.\nP1: I waited long.\n");
        const Id group =
            p->importDocuments(
                 {textFile(QStringLiteral("fg.txt"), fg,
                           {AnalysisTest::turnOf(fg, QStringLiteral("P1: I waited long."), QStringLiteral("P1"))})})
                .front();
        const Id story =
            p->importDocuments({textFile(QStringLiteral("story.txt"), QStringLiteral("Alone at home."))}).front();
        const Id x = p->addCode(QStringLiteral("X"));
        p->setCoder(QStringLiteral("ann"));
        const auto waited = AnalysisTest::span(fg, QStringLiteral("waited"));
        p->addSegment(group, waited.first, waited.second, {x}); // in turn P1
        p->addSegment(group, 0, 5, {x});                        // "Hello", before every turn
        p->addSegment(story, 0, 5, {x});                        // "Alone": the narrative has no turns
        p->setCoder(QStringLiteral("ben"));
        p->addSegment(group, waited.first, waited.second, {x});
    }
    const QStringList args{QStringLiteral("agreement"),   path,
                           QStringLiteral("--unit"),      QStringLiteral("turn"),
                           QStringLiteral("--bootstrap"), QStringLiteral("0")};
    const auto text = runCli(args);
    INFO(text.errText().toStdString());
    REQUIRE(text.exitCode == 0);
    CHECK(text.outText().contains(QStringLiteral("Left out: 2 coding(s) on 2 segment(s), because they touch no turn; "
                                                 "1 document(s) have no speaker turns at all")));
    const QJsonObject o = json(runCli(QStringList{QStringLiteral("--json")} + args));
    CHECK(o.value(QStringLiteral("codingsOutsideUnits")).toInt() == 2);
    CHECK(o.value(QStringLiteral("segmentsOutsideUnits")).toInt() == 2);
    CHECK(o.value(QStringLiteral("documentsWithoutUnits")).toInt() == 1);
    REQUIRE(o.value(QStringLiteral("leftOut")).toArray().size() == 1);
    CHECK(o.value(QStringLiteral("leftOut"))
              .toArray()
              .at(0)
              .toString()
              .startsWith(QStringLiteral("Left out: 2 coding(s)")));

    // --silent-missing: ben never coded story.txt, so its one sentence has ann's value only.
    const QStringList missing{QStringLiteral("agreement"),
                              path,
                              QStringLiteral("--silent-missing"),
                              QStringLiteral("--bootstrap"),
                              QStringLiteral("0"),
                              QStringLiteral("--no-unitizing")};
    const auto m = runCli(missing);
    REQUIRE(m.exitCode == 0);
    CHECK(m.outText().contains(QStringLiteral("Left out as missing: 1 sentence(s) in 1 document(s)")));
    CHECK(m.outText().contains(QStringLiteral("left out as missing: ann 1")));
    const QJsonObject mj = json(runCli(QStringList{QStringLiteral("--json")} + missing));
    CHECK(mj.value(QStringLiteral("unpairedUnits")).toInt() == 1);
    const QJsonObject row = mj.value(QStringLiteral("codes")).toArray().at(0).toObject();
    CHECK(row.value(QStringLiteral("perCoder")).toArray() == QJsonArray{2, 1});
    CHECK(row.value(QStringLiteral("unpairedPerCoder")).toArray() == QJsonArray{1, 0});
}
