// SPDX-License-Identifier: GPL-3.0-or-later
// Every quire-cli verb, run as a real process on a real project file.
#include <catch2/catch.hpp>

#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace QuireTest;

namespace {

QString ok(const QStringList &args)
{
    const CliResult r = runCli(args);
    INFO("quire-cli " << args.join(QLatin1Char(' ')).toStdString() << "\nstderr: " << r.errText().toStdString());
    REQUIRE(r.exitCode == 0);
    REQUIRE(r.err.isEmpty());
    return r.outText();
}

QJsonDocument json(const QStringList &args)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(ok(QStringList{QStringLiteral("--json")} + args).toUtf8(), &e);
    INFO("JSON error: " << e.errorString().toStdString());
    REQUIRE(e.error == QJsonParseError::NoError);
    return doc;
}

QString fail(const QStringList &args)
{
    const CliResult r = runCli(args);
    INFO("quire-cli " << args.join(QLatin1Char(' ')).toStdString());
    REQUIRE(r.exitCode != 0);
    REQUIRE(r.out.isEmpty());
    REQUIRE(r.err.count('\n') == 1);
    REQUIRE(r.err.startsWith("quire-cli: "));
    return r.errText();
}

} // namespace

TEST_CASE("quire-cli: new, import, list, show", "[cli]")
{
    TempDir dir;
    const QString p = dir.path(QStringLiteral("t.quire"));
    CHECK(ok({QStringLiteral("new"), p}).contains(QStringLiteral("Created")));
    fail({QStringLiteral("new"), p});

    const QString md = dir.writeFile(
        QStringLiteral("notes.md"),
        QByteArray(
            "# Памятка\r\n\r\n*Carers* said \xE2\x80\x9Cwe\xE2\x80\x99re tired\xE2\x80\x9D \xF0\x9F\x98\xA2\r\n"));
    const QString latin =
        dir.writeFile(QStringLiteral("letter.txt"), QByteArray("Dear Sir, the caf\xE9 was closed \x96 again.\n"));
    const QJsonDocument imported = json(
        {QStringLiteral("import"), p, md, latin, QStringLiteral("--attr"), QStringLiteral("source=Nar."),
         QStringLiteral("--case"), QStringLiteral("Writer 1"), QStringLiteral("--kind"), QStringLiteral("narrative")});
    const QJsonArray docs = imported.object().value(QStringLiteral("documents")).toArray();
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].toObject().value(QStringLiteral("format")).toString() == QStringLiteral("md"));
    CHECK(docs[1].toObject().value(QStringLiteral("encoding")).toString() == QStringLiteral("windows-1252"));
    CHECK(docs[1].toObject().value(QStringLiteral("kind")).toString() == QStringLiteral("narrative"));
    CHECK(
        docs[0].toObject().value(QStringLiteral("import")).toObject().value(QStringLiteral("crlfConverted")).toInt() ==
        3);

    // show prints the stored text exactly: BOM gone, CRLF → LF, nothing else changed.
    CHECK(runCli({QStringLiteral("show"), p, QStringLiteral("notes.md")}).out ==
          QByteArray("# Памятка\n\n*Carers* said \xE2\x80\x9Cwe\xE2\x80\x99re tired\xE2\x80\x9D \xF0\x9F\x98\xA2\n"));
    CHECK(runCli({QStringLiteral("show"), p, QStringLiteral("letter.txt"), QStringLiteral("--range"),
                  QStringLiteral("14:18")})
              .out == QByteArray("caf\xC3\xA9"));
    // The emoji is one code point: offset 39 is the emoji, 40 the newline.
    CHECK(runCli({QStringLiteral("show"), p, QStringLiteral("notes.md"), QStringLiteral("--range"),
                  QStringLiteral("39:40")})
              .out == QByteArray("\xF0\x9F\x98\xA2"));
    CHECK(json({QStringLiteral("show"), p, QStringLiteral("2"), QStringLiteral("--range"), QStringLiteral("0:4")})
              .object()
              .value(QStringLiteral("text"))
              .toString() == QStringLiteral("Dear"));

    CHECK(json({QStringLiteral("list"), QStringLiteral("documents"), p}).array().size() == 2);
    const QJsonArray cases = json({QStringLiteral("list"), QStringLiteral("cases"), p}).array();
    REQUIRE(cases.size() == 1);
    CHECK(cases[0].toObject().value(QStringLiteral("documents")).toArray().size() == 2);
    const QJsonArray attrs = json({QStringLiteral("list"), QStringLiteral("attributes"), p}).array();
    CHECK(attrs.size() == 3); // one definition, two values
    CHECK(ok({QStringLiteral("list"), QStringLiteral("documents"), p}).contains(QStringLiteral("letter.txt")));
    fail({QStringLiteral("list"), QStringLiteral("planets"), p});
    CHECK(ok({QStringLiteral("plugins")}).contains(QStringLiteral("plaintext")));
    CHECK(ok({QStringLiteral("--help")}).contains(QStringLiteral("segment add")));
    CHECK(ok({QStringLiteral("--version")}).startsWith(QStringLiteral("quire-cli ")));
}

TEST_CASE("quire-cli: code verbs", "[cli]")
{
    TempDir dir;
    const QString p = dir.path(QStringLiteral("c.quire"));
    ok({QStringLiteral("new"), p});
    const QString doc =
        dir.writeFile(QStringLiteral("d.txt"), QByteArray("Nobody joins up my care. I am not listened to."));
    ok({QStringLiteral("import"), p, doc});
    ok({QStringLiteral("code"), QStringLiteral("add"), p, QStringLiteral("Care/Joined up/Handovers"),
        QStringLiteral("--color"), QStringLiteral("#336699")});
    ok({QStringLiteral("code"), QStringLiteral("add"), p, QStringLiteral("Voice/Not heard")});
    ok({QStringLiteral("code"), QStringLiteral("describe"), p, QStringLiteral("Voice/Not heard"),
        QStringLiteral("Includes: being talked over.")});
    ok({QStringLiteral("code"), QStringLiteral("link"), p, QStringLiteral("Care/Joined up/Handovers"),
        QStringLiteral("--parent"), QStringLiteral("Voice")});
    QJsonArray codes = json({QStringLiteral("list"), QStringLiteral("codes"), p}).array();
    QStringList paths;
    for (const auto &c : codes)
        paths << c.toObject().value(QStringLiteral("path")).toString();
    CHECK(paths.contains(QStringLiteral("Voice/Handovers")));
    CHECK(paths.contains(QStringLiteral("Care/Joined up/Handovers")));
    ok({QStringLiteral("code"), QStringLiteral("unlink"), p, QStringLiteral("Voice/Handovers")});
    ok({QStringLiteral("code"), QStringLiteral("rename"), p, QStringLiteral("Voice/Not heard"),
        QStringLiteral("Not listened to")});
    ok({QStringLiteral("code"), QStringLiteral("move"), p, QStringLiteral("Voice/Not listened to"),
        QStringLiteral("--to"), QStringLiteral("Care")});
    ok({QStringLiteral("segment"), QStringLiteral("add"), p, QStringLiteral("d.txt"), QStringLiteral("--code"),
        QStringLiteral("Care/Not listened to"), QStringLiteral("--quote"), QStringLiteral("I am not listened to.")});
    ok({QStringLiteral("code"), QStringLiteral("merge"), p, QStringLiteral("Care/Not listened to"),
        QStringLiteral("--into"), QStringLiteral("Voice")});
    codes = json({QStringLiteral("list"), QStringLiteral("codes"), p}).array();
    bool found = false;
    for (const auto &c : codes) {
        const auto o = c.toObject();
        if (o.value(QStringLiteral("path")).toString() == QStringLiteral("Voice")) {
            found = true;
            CHECK(o.value(QStringLiteral("segments")).toInt() == 1);
            CHECK(o.value(QStringLiteral("description")).toString().isEmpty());
        }
        CHECK(o.value(QStringLiteral("name")).toString() != QStringLiteral("Not listened to"));
    }
    CHECK(found);
    CHECK(fail({QStringLiteral("code"), QStringLiteral("delete"), p, QStringLiteral("Voice")})
              .contains(QStringLiteral("--force")));
    ok({QStringLiteral("code"), QStringLiteral("delete"), p, QStringLiteral("Voice"), QStringLiteral("--force")});
    CHECK(json({QStringLiteral("list"), QStringLiteral("segments"), p}).array().isEmpty());
    ok({QStringLiteral("undo"), p});
    CHECK(json({QStringLiteral("list"), QStringLiteral("segments"), p}).array().size() == 1);
    fail({QStringLiteral("code"), QStringLiteral("fly"), p, QStringLiteral("Voice")});
}

TEST_CASE("quire-cli: segments, cases, attributes, memos, documents", "[cli]")
{
    TempDir dir;
    const QString p = dir.path(QStringLiteral("s.quire"));
    ok({QStringLiteral("new"), p});
    const QString doc =
        dir.writeFile(QStringLiteral("fg.txt"), QByteArray("P1: I wait. I wait. I wait for the phone.\n"));
    ok({QStringLiteral("import"), p, doc});
    ok({QStringLiteral("code"), QStringLiteral("add"), p, QStringLiteral("Access/Waiting")});
    ok({QStringLiteral("case"), QStringLiteral("add"), p, QStringLiteral("P1"), QStringLiteral("--document"),
        QStringLiteral("fg.txt"), QStringLiteral("--attr"), QStringLiteral("group=carer")});
    const QJsonArray all = json({QStringLiteral("segment"), QStringLiteral("add"), p, QStringLiteral("fg.txt"),
                                 QStringLiteral("--code"), QStringLiteral("Access/Waiting"), QStringLiteral("--quote"),
                                 QStringLiteral("I wait"), QStringLiteral("--occurrence"), QStringLiteral("all")})
                               .object()
                               .value(QStringLiteral("segments"))
                               .toArray();
    CHECK(all.size() == 3);
    ok({QStringLiteral("undo"), p});
    const QJsonArray second =
        json({QStringLiteral("segment"), QStringLiteral("add"), p, QStringLiteral("fg.txt"), QStringLiteral("--code"),
              QStringLiteral("Access/Waiting"), QStringLiteral("--quote"), QStringLiteral("I wait"),
              QStringLiteral("--occurrence"), QStringLiteral("2"), QStringLiteral("--memo"), QStringLiteral("repeats")})
            .object()
            .value(QStringLiteral("segments"))
            .toArray();
    REQUIRE(second.size() == 1);
    CHECK(second[0].toObject().value(QStringLiteral("start")).toInt() == 12);
    const QString id = QString::number(second[0].toObject().value(QStringLiteral("id")).toInt());
    ok({QStringLiteral("segment"), QStringLiteral("resize"), p, id, QStringLiteral("--range"),
        QStringLiteral("20:40")});
    ok({QStringLiteral("segment"), QStringLiteral("memo"), p, id, QStringLiteral("the whole sentence")});
    QJsonObject seg = json({QStringLiteral("list"), QStringLiteral("segments"), p}).array()[0].toObject();
    CHECK(seg.value(QStringLiteral("text")).toString() == QStringLiteral("I wait for the phone"));
    CHECK(seg.value(QStringLiteral("memo")).toString() == QStringLiteral("the whole sentence"));
    CHECK(seg.value(QStringLiteral("case")).toString() == QStringLiteral("P1"));
    CHECK(seg.value(QStringLiteral("coder")).toString() == QStringLiteral("tester"));

    ok({QStringLiteral("attribute"), QStringLiteral("define"), p, QStringLiteral("age"), QStringLiteral("--type"),
        QStringLiteral("number")});
    ok({QStringLiteral("case"), QStringLiteral("attr"), p, QStringLiteral("P1"), QStringLiteral("age=71")});
    fail({QStringLiteral("case"), QStringLiteral("attr"), p, QStringLiteral("P1"), QStringLiteral("age=old")});
    ok({QStringLiteral("document"), QStringLiteral("attr"), p, QStringLiteral("fg.txt"), QStringLiteral("number=1")});
    ok({QStringLiteral("case"), QStringLiteral("add"), p, QStringLiteral("Group 1"), QStringLiteral("--kind"),
        QStringLiteral("group")});
    ok({QStringLiteral("case"), QStringLiteral("link"), p, QStringLiteral("Group 1"), QStringLiteral("fg.txt")});
    CHECK(json({QStringLiteral("list"), QStringLiteral("cases"), p}).array().size() == 2);

    const QString memo =
        QString::number(json({QStringLiteral("memo"), QStringLiteral("add"), p, QStringLiteral("Check consent form"),
                              QStringLiteral("--case"), QStringLiteral("P1")})
                            .object()
                            .value(QStringLiteral("id"))
                            .toInt());
    ok({QStringLiteral("memo"), QStringLiteral("add"), p, QStringLiteral("Journal: first pass done"),
        QStringLiteral("--project")});
    ok({QStringLiteral("memo"), QStringLiteral("add"), p, QStringLiteral("Quiet room"), QStringLiteral("--document"),
        QStringLiteral("fg.txt")});
    ok({QStringLiteral("memo"), QStringLiteral("add"), p, QStringLiteral("Key quote"), QStringLiteral("--segment"),
        id});
    ok({QStringLiteral("memo"), QStringLiteral("add"), p, QStringLiteral("Definition"), QStringLiteral("--code"),
        QStringLiteral("Access")});
    ok({QStringLiteral("memo"), QStringLiteral("edit"), p, memo, QStringLiteral("Consent form checked")});
    ok({QStringLiteral("memo"), QStringLiteral("delete"), p, QStringLiteral("2")});
    const QJsonArray memos = json({QStringLiteral("list"), QStringLiteral("memos"), p}).array();
    REQUIRE(memos.size() == 4);
    CHECK(memos[0].toObject().value(QStringLiteral("text")).toString() == QStringLiteral("Consent form checked"));
    fail({QStringLiteral("memo"), QStringLiteral("add"), p, QStringLiteral("x"), QStringLiteral("--case"),
          QStringLiteral("P1"), QStringLiteral("--project")});

    ok({QStringLiteral("segment"), QStringLiteral("remove"), p, id});
    CHECK(json({QStringLiteral("list"), QStringLiteral("segments"), p}).array().isEmpty());
    ok({QStringLiteral("document"), QStringLiteral("rename"), p, QStringLiteral("fg.txt"),
        QStringLiteral("Focus group 1")});
    ok({QStringLiteral("document"), QStringLiteral("delete"), p, QStringLiteral("Focus group 1")});
    CHECK(json({QStringLiteral("list"), QStringLiteral("documents"), p}).array().isEmpty());
    ok({QStringLiteral("undo"), p, QStringLiteral("--steps"), QStringLiteral("2")});
    CHECK(json({QStringLiteral("list"), QStringLiteral("documents"), p})
              .array()[0]
              .toObject()
              .value(QStringLiteral("name"))
              .toString() == QStringLiteral("fg.txt"));
    ok({QStringLiteral("redo"), p});
    const QJsonArray history = json({QStringLiteral("history"), p}).array();
    CHECK(history.last().toObject().value(QStringLiteral("state")).toString() == QStringLiteral("undone"));
    CHECK(history.last()
              .toObject()
              .value(QStringLiteral("summary"))
              .toString()
              .startsWith(QStringLiteral("Delete document")));
    CHECK(ok({QStringLiteral("history"), p}).contains(QStringLiteral("tester")));
}

TEST_CASE("quire-cli: export Markdown and CSV with citations and attribute columns", "[cli]")
{
    TempDir dir;
    const QString p = dir.path(QStringLiteral("e.quire"));
    ok({QStringLiteral("new"), p});
    const QString doc = dir.writeFile(QStringLiteral("fg.txt"), QByteArray("=SUM(A1) they said, \"no\", and left.\n"));
    ok({QStringLiteral("import"), p, doc, QStringLiteral("--attr"), QStringLiteral("source=FG"),
        QStringLiteral("--attr"), QStringLiteral("number=1")});
    ok({QStringLiteral("code"), QStringLiteral("add"), p, QStringLiteral("Theme/Sub/Code")});
    ok({QStringLiteral("segment"), QStringLiteral("add"), p, QStringLiteral("fg.txt"), QStringLiteral("--code"),
        QStringLiteral("Theme/Sub/Code"), QStringLiteral("--range"), QStringLiteral("0:24")});
    const QString md = dir.path(QStringLiteral("out.md"));
    ok({QStringLiteral("export"), p, QStringLiteral("--out"), md, QStringLiteral("--citation"),
        QStringLiteral("({source} {number})"), QStringLiteral("--by"), QStringLiteral("source")});
    const QString mdText = QString::fromUtf8(readFile(md));
    CHECK(mdText.contains(QStringLiteral("| **Theme** | 1 | 1 | 0 | 1 |")));
    CHECK(mdText.contains(QStringLiteral("> =SUM(A1) they said, \"no\"\n")));
    CHECK(mdText.contains(QStringLiteral("— (FG 1)")));
    const QString csv = dir.path(QStringLiteral("out.csv"));
    ok({QStringLiteral("export"), p, QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), csv});
    const QString csvText = QString::fromUtf8(readFile(csv));
    // Formula injection neutralised, quotes doubled, CRLF rows.
    CHECK(csvText.contains(QStringLiteral(",\"'=SUM(A1) they said, \"\"no\"\"\",")));
    CHECK(csvText.count(QStringLiteral("\r\n")) == 5);
    CHECK(fail({QStringLiteral("export"), p, QStringLiteral("--out"), dir.path(QStringLiteral("x.pptx"))})
              .contains(QStringLiteral("no exporter")));
    CHECK(fail({QStringLiteral("export"), p, QStringLiteral("--out"), md, QStringLiteral("--citation"),
                QStringLiteral("{nope}")})
              .contains(QStringLiteral("unknown field")));
}

TEST_CASE("quire-cli: import a folder with a summary, speakers become cases", "[cli]")
{
    TempDir dir;
    const QString p = dir.path(QStringLiteral("f.quire"));
    ok({QStringLiteral("new"), p});
    dir.writeFile(QStringLiteral("in/fg1.txt"),
                  QByteArray("Facilitator: Hello.\nP1: Hi.\nP2: Hiya.\nFacilitator: Right.\n"));
    dir.writeFile(QStringLiteral("in/sub/story.md"), QByteArray("# My story\n\nIt began in May.\n"));
    dir.writeFile(QStringLiteral("in/audio.mp3"), QByteArray("ID3"));
    dir.writeFile(QStringLiteral("in/.hidden.txt"), QByteArray("x"));
    const QString out = ok({QStringLiteral("import"), p, dir.path(QStringLiteral("in"))});
    CHECK(out.contains(QStringLiteral("Imported fg1.txt (plaintext, UTF-8, 58 characters, 4 turns, 3 speakers)")));
    CHECK(
        out.contains(QStringLiteral("2 documents from 2 files; 1 transcripts with 4 turns and 3 speakers; 1 skipped")));
    CHECK(out.contains(QStringLiteral("skipped: ")));
    CHECK(out.contains(QStringLiteral("audio.mp3")));
    const QJsonArray cases = json({QStringLiteral("list"), QStringLiteral("cases"), p}).array();
    REQUIRE(cases.size() == 3);
    CHECK(cases[0].toObject().value(QStringLiteral("name")).toString() == QStringLiteral("fg1: Facilitator"));
    CHECK(cases[0].toObject().value(QStringLiteral("kind")).toString() == QStringLiteral("facilitator"));
    // Speakers matched across documents by name, and detection switched off.
    const QString p2 = dir.path(QStringLiteral("g.quire"));
    ok({QStringLiteral("new"), p2});
    ok({QStringLiteral("import"), p2, dir.path(QStringLiteral("in/fg1.txt")), QStringLiteral("--speaker-case"),
        QStringLiteral("{speaker}"), QStringLiteral("--counted-speaker"), QStringLiteral("Facilitator")});
    CHECK(json({QStringLiteral("list"), QStringLiteral("cases"), p2})
              .array()[0]
              .toObject()
              .value(QStringLiteral("name"))
              .toString() == QStringLiteral("Facilitator"));
    const QString p3 = dir.path(QStringLiteral("h.quire"));
    ok({QStringLiteral("new"), p3});
    ok({QStringLiteral("import"), p3, dir.path(QStringLiteral("in/fg1.txt")), QStringLiteral("--no-speakers")});
    CHECK(json({QStringLiteral("list"), QStringLiteral("cases"), p3}).array().isEmpty());
    CHECK(fail({QStringLiteral("import"), p3, dir.path(QStringLiteral("in/fg1.txt")),
                QStringLiteral("--speaker-pattern"), QStringLiteral("(")})
              .contains(QStringLiteral("not a valid regular expression")));
}

TEST_CASE("quire-cli: import shows a progress line on a terminal only", "[cli]")
{
    TempDir dir;
    const QString p = dir.path(QStringLiteral("tty.quire"));
    ok({QStringLiteral("new"), p});
    dir.writeFile(QStringLiteral("in/a.txt"), QByteArray("first\n"));
    dir.writeFile(QStringLiteral("in/b.txt"), QByteArray("second\n"));
    // Piped: no progress on stderr at all.
    const CliResult piped = runCli({QStringLiteral("import"), p, dir.path(QStringLiteral("in/a.txt"))});
    REQUIRE(piped.exitCode == 0);
    CHECK(piped.err.isEmpty());
    // Under a pseudo-terminal (util-linux `script`): "Reading i/n name" lines.
    QProcess proc;
    proc.setProgram(QStringLiteral("script"));
    proc.setArguments({QStringLiteral("-qec"),
                       QStringLiteral("'%1' import '%2' '%3'")
                           .arg(QStringLiteral(QUIRE_CLI_PATH), p, dir.path(QStringLiteral("in/b.txt"))),
                       QStringLiteral("/dev/null")});
    proc.start();
    if (!proc.waitForStarted(10000)) {
        WARN("util-linux script is not available: terminal progress not checked");
        return;
    }
    REQUIRE(proc.waitForFinished(60000));
    const QByteArray screen = proc.readAllStandardOutput();
    CHECK(proc.exitCode() == 0);
    CHECK(screen.contains("Reading 1/1 b.txt"));
    CHECK(screen.contains("Imported b.txt"));
}
