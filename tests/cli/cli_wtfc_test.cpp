// SPDX-License-Identifier: GPL-3.0-or-later
// The Working Together for Change verbs through the real quire-cli: the corpus
// workshop script end to end, exports that parse, cycle refusal, undo.
#include "testsupport.h"
#include "wordtables.h"

#include "io/ziparchive.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QXmlStreamReader>

using namespace QuireTest;

namespace {

QJsonObject json(const CliResult &r)
{
    INFO(r.errText().toStdString());
    REQUIRE(r.exitCode == 0);
    return QJsonDocument::fromJson(r.out).object();
}

bool parsesAsXml(const QByteArray &bytes, const QString &root)
{
    QXmlStreamReader x(bytes);
    bool sawRoot = false;
    while (!x.atEnd()) {
        x.readNext();
        if (x.isStartElement() && !sawRoot)
            sawRoot = x.name() == root;
    }
    return !x.hasError() && sawRoot;
}

} // namespace

TEST_CASE("wtfc cli: the corpus workshop runs from its script", "[wtfc][cli]")
{
    TempDir dir;
    const QString project = dir.path(QStringLiteral("copd.quire"));
    QProcess run;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QUIRE_CLI"), QStringLiteral(QUIRE_CLI_PATH));
    run.setProcessEnvironment(env);
    run.start(QStringLiteral("bash"),
              {QStringLiteral(QUIRE_CORPORA_DIR "/wtfc/run-workshop.sh"), project, dir.path(QString())});
    REQUIRE(run.waitForFinished(300000));
    INFO(QString::fromUtf8(run.readAllStandardError()).toStdString());
    REQUIRE(run.exitStatus() == QProcess::NormalExit);
    REQUIRE(run.exitCode() == 0);

    // 240 statements from 40 people, 15 themes (5 per area), every statement themed.
    const QJsonArray statements =
        json(runCli({QStringLiteral("--json"), QStringLiteral("wtfc"), QStringLiteral("statements"), project}))
            .value(QStringLiteral("statements"))
            .toArray();
    CHECK(statements.size() == 240);
    QSet<QString> people;
    int unthemed = 0;
    for (const auto &v : statements) {
        for (const auto &p : v.toObject().value(QStringLiteral("people")).toArray())
            people.insert(p.toString());
        unthemed += v.toObject().value(QStringLiteral("theme")).isNull() ? 1 : 0;
    }
    CHECK(people.size() == 40);
    CHECK(unthemed == 0);
    const QJsonArray themes = json(runCli({QStringLiteral("--json"), QStringLiteral("wtfc"), QStringLiteral("theme"),
                                           QStringLiteral("list"), project}))
                                  .value(QStringLiteral("themes"))
                                  .toArray();
    CHECK(themes.size() == 15);

    const QJsonObject analysis =
        json(runCli({QStringLiteral("--json"), QStringLiteral("wtfc"), QStringLiteral("analyse"), project}));
    const QJsonArray causes = analysis.value(QStringLiteral("causes")).toArray();
    CHECK(causes.size() == 24);
    CHECK(analysis.value(QStringLiteral("rootCauses")).toArray().size() == 8);
    CHECK(analysis.value(QStringLiteral("longestChains")).toArray().size() == 5); // one per I statement
    CHECK(analysis.value(QStringLiteral("maxChainLength")).toInt() == 3);
    QStringList shared;
    for (const auto &v : analysis.value(QStringLiteral("sharedCauses")).toArray()) {
        for (const auto &c : causes) {
            if (c.toObject().value(QStringLiteral("id")).toInteger() == v.toInteger())
                shared << c.toObject().value(QStringLiteral("text")).toString();
        }
    }
    CHECK(shared.contains(QStringLiteral("Services are commissioned separately and nobody owns the pathway")));
    CHECK(shared.contains(QStringLiteral("Respiratory posts were cut and not replaced")));
    // The best-ranked cause explains the most distinct people; ranks never rise down the list.
    int previous = 0;
    for (const auto &c : causes) {
        const int rank = c.toObject().value(QStringLiteral("rank")).toInt();
        CHECK(rank >= previous);
        previous = rank;
    }
    CHECK(causes.first().toObject().value(QStringLiteral("rank")).toInt() == 1);

    // Back from the first action to the people's own words, exactly as in the sheet.
    const QByteArray sheet = readFile(QStringLiteral(QUIRE_CORPORA_DIR "/wtfc/copd-review-statements.csv"));
    const QJsonObject back = json(runCli({QStringLiteral("--json"), QStringLiteral("wtfc"), QStringLiteral("trace"),
                                          project, QStringLiteral("action:1")}));
    CHECK(back.value(QStringLiteral("solutions")).toArray().size() == 1);
    CHECK(back.value(QStringLiteral("istatements")).toArray().size() == 3);
    CHECK(back.value(QStringLiteral("chains")).toArray().size() == 3);
    const QJsonArray quoted = back.value(QStringLiteral("statements")).toArray();
    CHECK(quoted.size() > 20);
    for (const auto &v : quoted) {
        const QString text = v.toObject().value(QStringLiteral("text")).toString();
        CHECK(sheet.contains(text.toUtf8()));
        CHECK(v.toObject().value(QStringLiteral("people")).toArray().size() == 1);
    }
    CHECK(back.value(QStringLiteral("people")).toArray().size() > 10);
    // And forward from one of those statements, back to the same action.
    const QString someStatement =
        QStringLiteral("statement:%1").arg(quoted.first().toObject().value(QStringLiteral("id")).toInteger());
    const QJsonObject fwd = json(runCli({QStringLiteral("--json"), QStringLiteral("wtfc"), QStringLiteral("trace"),
                                         project, someStatement, QStringLiteral("--reverse")}));
    bool reachesAction = false;
    for (const auto &a : fwd.value(QStringLiteral("actions")).toArray())
        reachesAction = reachesAction || a.toObject().value(QStringLiteral("id")).toInteger() == 1;
    CHECK(reachesAction);

    // The exports the script wrote.
    const QByteArray graphml = readFile(dir.path(QStringLiteral("copd-root-causes.graphml")));
    CHECK(parsesAsXml(graphml, QStringLiteral("graphml")));
    CHECK(graphml.count("<node ") == 29); // 5 I statements + 24 causes
    const QByteArray dot = readFile(dir.path(QStringLiteral("copd-root-causes.dot")));
    CHECK(dot.startsWith("digraph wtfc {"));
    CHECK(dot.count(" -> ") == 32); // the 32 "why" lines of the script
    const QByteArray md = readFile(dir.path(QStringLiteral("copd-workshop-report.md")));
    CHECK(md.contains("## Action plan"));
    CHECK(md.contains("Appendix: from each action back to the people's words"));
    const QByteArray html = readFile(dir.path(QStringLiteral("copd-workshop-report.html")));
    CHECK(html.contains("<h2>Investment grid</h2>"));
    const CliResult svg =
        runCli({QStringLiteral("wtfc"), QStringLiteral("export"), project, QStringLiteral("--format"),
                QStringLiteral("svg"), QStringLiteral("--out"), dir.path(QStringLiteral("again.svg"))});
    if (svg.exitCode == 0) {
        CHECK(parsesAsXml(readFile(dir.path(QStringLiteral("again.svg"))), QStringLiteral("svg")));
        CHECK(html.contains("<svg"));
    } else {
        CHECK(svg.errText().contains(QStringLiteral("no Graphviz")));
    }
    // .docx: the graph is a picture in the document, not a pointer to the .svg.
    const QString docxPath = dir.path(QStringLiteral("copd-workshop-report.docx"));
    const Quire::ZipArchive docx(readFile(docxPath), docxPath);
    const QByteArray docxBody = docx.read(QStringLiteral("word/document.xml"));
    CHECK(parsesAsXml(docxBody, QStringLiteral("document")));
    CHECK(docxBody.contains("Action plan"));
    const QByteArray rels = docx.read(QStringLiteral("word/_rels/document.xml.rels"));
    CHECK(parsesAsXml(rels, QStringLiteral("Relationships")));
    CHECK(parsesAsXml(docx.read(QStringLiteral("[Content_Types].xml")), QStringLiteral("Types")));
    // Its tables fit their content: the rank and the action's number are
    // narrow, the text beside them gets the width; every cell has borders
    // and each header row repeats on a new page.
    {
        const std::vector<WordTable> tables = wordTables(docxBody);
        const int ranks = wordTableStarting(tables, QStringLiteral("Rank"));
        REQUIRE(ranks >= 0);
        const WordTable &rank = tables[std::size_t(ranks)];
        REQUIRE(rank.grid.size() == 6); // rank, root cause, people, I statements, statements, votes
        CHECK(rank.grid[0] < rank.grid[1]);
        CHECK(rank.grid[0] < 9026 / 10);
        for (std::size_t c = 2; c < rank.grid.size(); ++c)
            CHECK(rank.grid[c] < rank.grid[1]);
        const int actions = wordTableStarting(tables, QStringLiteral("#"));
        REQUIRE(actions >= 0);
        CHECK(tables[std::size_t(actions)].grid.at(0) < tables[std::size_t(actions)].grid.at(1));
        for (const WordTable &t : tables) {
            REQUIRE_FALSE(t.rows.empty());
            CHECK(t.rows[0].header);
            for (const WordRow &row : t.rows)
                for (const WordCell &cell : row.cells) {
                    INFO(cell.text.toStdString());
                    CHECK(cell.borders.size() == 4);
                }
        }
    }
    if (svg.exitCode == 0) {
        CHECK(docxBody.contains("<a:blip r:embed=\"rId2\"/>"));
        CHECK(rels.contains(
            "Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/picture1.png\""));
        const QByteArray png = docx.read(QStringLiteral("word/media/picture1.png"));
        CHECK(png.startsWith("\x89PNG\r\n\x1a\n"));
        CHECK(png.size() > 20000); // a drawing of 29 boxes with their words, not an empty frame
        CHECK_FALSE(docxBody.contains("is not in this export"));
    }
    // PDF: the same report, read back by Quire's own PDF importer.
    const QString pdf = dir.path(QStringLiteral("copd-workshop-report.pdf"));
    CHECK(readFile(pdf).startsWith("%PDF"));
    const QString check = dir.path(QStringLiteral("pdf-check.quire"));
    REQUIRE(runCli({QStringLiteral("new"), check}).exitCode == 0);
    const CliResult imported = runCli({QStringLiteral("import"), check, pdf});
    INFO(imported.errText().toStdString());
    REQUIRE(imported.exitCode == 0);
    const CliResult shown = runCli({QStringLiteral("show"), check, QStringLiteral("copd-workshop-report.pdf")});
    REQUIRE(shown.exitCode == 0);
    const QString pdfText = QString::fromUtf8(shown.out).simplified();
    CHECK(pdfText.contains(QStringLiteral("Action plan")));
    CHECK(pdfText.contains(QStringLiteral("Appendix: from each action back to the people's words")));
    CHECK(pdfText.contains(QStringLiteral("Write the care coordinator job description with people with COPD")));
}

TEST_CASE("wtfc cli: a cycle is refused with its name and the project is unchanged, and undo works", "[wtfc][cli]")
{
    TempDir dir;
    const QString project = dir.path(QStringLiteral("small.quire"));
    const QString csv = dir.writeFile(QStringLiteral("pcr.csv"), "person,area,rank,statement\n"
                                                                 "P1,what is not working,1,Nobody rings me back\n"
                                                                 "P2,what is not working,1,\"I wait, and wait\"\n");
    REQUIRE(runCli({QStringLiteral("new"), project}).exitCode == 0);
    REQUIRE(runCli({QStringLiteral("import"), project, csv}).exitCode == 0);
    auto ok = [&](QStringList args) {
        args.prepend(QStringLiteral("wtfc"));
        const CliResult r = runCli(args);
        INFO(args.join(QLatin1Char(' ')).toStdString() + " -> " + r.errText().toStdString());
        REQUIRE(r.exitCode == 0);
    };
    ok({QStringLiteral("theme"), QStringLiteral("add"), project, QStringLiteral("what is not working"),
        QStringLiteral("Access")});
    ok({QStringLiteral("theme"), QStringLiteral("assign"), project, QStringLiteral("Access"), QStringLiteral("@P1:1"),
        QStringLiteral("@P2:1")});
    ok({QStringLiteral("istatement"), QStringLiteral("add"), project, QStringLiteral("Access"),
        QStringLiteral("I can't get help"), QStringLiteral("--statement"), QStringLiteral("@P1:1")});
    ok({QStringLiteral("istatement"), QStringLiteral("link"), project, QStringLiteral("I can't get help"),
        QStringLiteral("@P2:1")});
    ok({QStringLiteral("why"), project, QStringLiteral("I can't get help"), QStringLiteral("A")});
    ok({QStringLiteral("why"), project, QStringLiteral("A"), QStringLiteral("B")});
    const QString fingerprint = projectFingerprint(project);
    const QByteArray before =
        runCli({QStringLiteral("--json"), QStringLiteral("wtfc"), QStringLiteral("analyse"), project}).out;

    const CliResult cycle =
        runCli({QStringLiteral("wtfc"), QStringLiteral("why"), project, QStringLiteral("B"), QStringLiteral("A")});
    CHECK(cycle.exitCode == 1);
    CHECK(cycle.errText().contains(QStringLiteral("cycle: \"B\" → \"A\" → \"B\"")));
    CHECK(projectFingerprint(project) == fingerprint);
    CHECK(runCli({QStringLiteral("--json"), QStringLiteral("wtfc"), QStringLiteral("analyse"), project}).out == before);
    // A mistyped id is an error, not a new cause called "cause:99".
    CHECK(runCli(
              {QStringLiteral("wtfc"), QStringLiteral("why"), project, QStringLiteral("B"), QStringLiteral("cause:99")})
              .exitCode == 1);
    CHECK(projectFingerprint(project) == fingerprint);

    // Reach through the CLI: both statements, both people.
    const QJsonObject a = QJsonDocument::fromJson(before).object();
    for (const auto &c : a.value(QStringLiteral("causes")).toArray()) {
        CHECK(c.toObject().value(QStringLiteral("statementCount")).toInt() == 2);
        CHECK(c.toObject().value(QStringLiteral("peopleCount")).toInt() == 2);
    }

    ok({QStringLiteral("vote"), project, QStringLiteral("cause:B"), QStringLiteral("--dots"), QStringLiteral("4")});
    const QByteArray voted =
        runCli({QStringLiteral("--json"), QStringLiteral("wtfc"), QStringLiteral("analyse"), project}).out;
    CHECK(voted.contains("\"votes\": 4"));
    REQUIRE(runCli({QStringLiteral("undo"), project}).exitCode == 0);
    CHECK(runCli({QStringLiteral("--json"), QStringLiteral("wtfc"), QStringLiteral("analyse"), project}).out == before);
    REQUIRE(runCli({QStringLiteral("redo"), project}).exitCode == 0);
    CHECK(runCli({QStringLiteral("--json"), QStringLiteral("wtfc"), QStringLiteral("analyse"), project}).out == voted);
}

TEST_CASE("wtfc cli: success statements and solutions and actions are edited and deleted", "[wtfc][cli]")
{
    TempDir dir;
    const QString project = dir.path(QStringLiteral("edit.quire"));
    const QString csv = dir.writeFile(QStringLiteral("pcr.csv"), "person,area,rank,statement\n"
                                                                 "P1,what is not working,1,Nobody rings me back\n");
    REQUIRE(runCli({QStringLiteral("new"), project}).exitCode == 0);
    REQUIRE(runCli({QStringLiteral("import"), project, csv}).exitCode == 0);
    auto ok = [&](QStringList args) {
        args.prepend(QStringLiteral("wtfc"));
        const CliResult r = runCli(args);
        INFO(args.join(QLatin1Char(' ')).toStdString() + " -> " + r.errText().toStdString());
        REQUIRE(r.exitCode == 0);
        return r;
    };
    ok({QStringLiteral("cause"), QStringLiteral("add"), project, QStringLiteral("No budget")});
    ok({QStringLiteral("success"), QStringLiteral("add"), project, QStringLiteral("No budget"),
        QStringLiteral("commissioner"), QStringLiteral("One budget")});
    ok({QStringLiteral("solution"), QStringLiteral("add"), project, QStringLiteral("No budget"),
        QStringLiteral("radical"), QStringLiteral("Pool budgets")});
    ok({QStringLiteral("action"), QStringLiteral("add"), project, QStringLiteral("1"), QStringLiteral("Draft it"),
        QStringLiteral("--owner"), QStringLiteral("ICB")});

    ok({QStringLiteral("action"), QStringLiteral("edit"), project, QStringLiteral("1"), QStringLiteral("--owner"),
        QStringLiteral("GP"), QStringLiteral("--due"), QStringLiteral("2026-05-01")});
    ok({QStringLiteral("solution"), QStringLiteral("edit"), project, QStringLiteral("solution:1"),
        QStringLiteral("--text"), QStringLiteral("Share budgets")});
    ok({QStringLiteral("success"), QStringLiteral("edit"), project, QStringLiteral("1"),
        QStringLiteral("--perspective"), QStringLiteral("person")});
    const QString md = dir.path(QStringLiteral("report.md"));
    ok({QStringLiteral("export"), project, QStringLiteral("--out"), md});
    QFile report(md);
    REQUIRE(report.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(report.readAll());
    CHECK(text.contains(QStringLiteral("Share budgets")));
    CHECK(!text.contains(QStringLiteral("Pool budgets")));
    CHECK(text.contains(QStringLiteral("GP")));
    CHECK(text.contains(QStringLiteral("2026-05-01")));
    CHECK(text.contains(QStringLiteral("Draft it")));

    // A bad date is refused and changes nothing.
    const QString fingerprint = projectFingerprint(project);
    const CliResult bad = runCli({QStringLiteral("wtfc"), QStringLiteral("action"), QStringLiteral("edit"), project,
                                  QStringLiteral("1"), QStringLiteral("--due"), QStringLiteral("May")});
    CHECK(bad.exitCode == 1);
    CHECK(bad.errText().contains(QStringLiteral("not a date")));
    CHECK(projectFingerprint(project) == fingerprint);

    auto forward = [&] {
        return QJsonDocument::fromJson(
                   runCli({QStringLiteral("--json"), QStringLiteral("wtfc"), QStringLiteral("trace"), project,
                           QStringLiteral("cause:1"), QStringLiteral("--reverse")})
                       .out)
            .object();
    };
    CHECK(forward().value(QStringLiteral("solutions")).toArray().size() == 1);
    CHECK(forward().value(QStringLiteral("actions")).toArray().size() == 1);
    CHECK(forward().value(QStringLiteral("success")).toArray().size() == 1);
    const CliResult gone = ok(
        {QStringLiteral("--json"), QStringLiteral("solution"), QStringLiteral("delete"), project, QStringLiteral("1")});
    CHECK(QJsonDocument::fromJson(gone.out).object().value(QStringLiteral("actions")).toInt() == 1);
    ok({QStringLiteral("success"), QStringLiteral("delete"), project, QStringLiteral("success:1")});
    const QJsonObject trace = forward();
    CHECK(trace.value(QStringLiteral("solutions")).toArray().isEmpty());
    CHECK(trace.value(QStringLiteral("actions")).toArray().isEmpty());
    CHECK(trace.value(QStringLiteral("success")).toArray().isEmpty());
    // Two undos bring both back, the solution with its action.
    REQUIRE(runCli({QStringLiteral("undo"), project}).exitCode == 0);
    REQUIRE(runCli({QStringLiteral("undo"), project}).exitCode == 0);
    const QJsonObject back = forward();
    CHECK(back.value(QStringLiteral("solutions")).toArray().size() == 1);
    CHECK(back.value(QStringLiteral("actions")).toArray().size() == 1);
    CHECK(back.value(QStringLiteral("success")).toArray().size() == 1);
}
