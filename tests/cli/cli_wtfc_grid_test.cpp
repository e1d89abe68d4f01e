// SPDX-License-Identifier: GPL-3.0-or-later
// The stakeholder event (corpora/stakeholder-event) built through quire-cli by
// its script, and its workshop grids, theme list and statement list compared
// byte for byte with the expected files in corpora/stakeholder-event/expected.
// To regenerate them after an intended change, run the test with
// QUIRE_UPDATE_EXPECTED=1 and review the difference before committing it.
#include "testsupport.h"

#include "io/ziparchive.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QXmlStreamReader>

#include <cstdlib>

using namespace QuireTest;

namespace {

const QString Event = QStringLiteral(QUIRE_CORPORA_DIR "/stakeholder-event");

CliResult cli(const QStringList &args)
{
    CliResult r = runCli(args);
    INFO(args.join(QLatin1Char(' ')).toStdString() << "\n" << r.errText().toStdString());
    REQUIRE(r.exitCode == 0);
    return r;
}

QString buildEvent(const TempDir &dir)
{
    const QString project = dir.path(QStringLiteral("event.quire"));
    QProcess run;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QUIRE_CLI"), QStringLiteral(QUIRE_CLI_PATH));
    run.setProcessEnvironment(env);
    run.start(QStringLiteral("bash"), {Event + QStringLiteral("/build-event.sh"), project, dir.path(QString())});
    REQUIRE(run.waitForFinished(300000));
    INFO(QString::fromUtf8(run.readAllStandardError()).toStdString());
    REQUIRE(run.exitStatus() == QProcess::NormalExit);
    REQUIRE(run.exitCode() == 0);
    return project;
}

void compare(const QString &name, const QByteArray &got)
{
    const QString expectedPath = Event + QStringLiteral("/expected/") + name;
    if (qEnvironmentVariableIsSet("QUIRE_UPDATE_EXPECTED")) {
        QDir().mkpath(Event + QStringLiteral("/expected"));
        QFile f(expectedPath);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(got);
        WARN("wrote " << expectedPath.toStdString());
        return;
    }
    INFO(name.toStdString() << ": differs from " << expectedPath.toStdString()
                            << " (QUIRE_UPDATE_EXPECTED=1 rewrites the expected files)");
    REQUIRE(QFile::exists(expectedPath));
    CHECK(got == readFile(expectedPath));
}

} // namespace

TEST_CASE("wtfc grid cli: the stakeholder event's outputs are exactly the expected files", "[wtfc][cli][grid][corpus]")
{
    TempDir dir;
    const QString project = buildEvent(dir);

    // The corpus is what its README promises: 10 strategic themes over glad/sad/mad,
    // 86 notes (83 with stars) from six stakeholder groups.
    const QJsonArray notes =
        QJsonDocument::fromJson(
            cli({QStringLiteral("--json"), QStringLiteral("wtfc"), QStringLiteral("statements"), project}).out)
            .object()
            .value(QStringLiteral("statements"))
            .toArray();
    CHECK(notes.size() == 86);
    int starred = 0;
    for (const auto &n : notes)
        starred += n.toObject().value(QStringLiteral("stars")).toInt() > 0 ? 1 : 0;
    CHECK(starred == 83);
    const QJsonArray themes = QJsonDocument::fromJson(cli({QStringLiteral("--json"), QStringLiteral("wtfc"),
                                                           QStringLiteral("theme"), QStringLiteral("list"), project})
                                                          .out)
                                  .object()
                                  .value(QStringLiteral("themes"))
                                  .toArray();
    CHECK(themes.size() == 30);

    // name -> the options of `wtfc theme grid` (besides --out)
    const std::vector<std::pair<QString, QStringList>> grids{
        {QStringLiteral("grid-top3.md"), {}},
        {QStringLiteral("grid-top3.csv"),
         {QStringLiteral("--top"), QStringLiteral("3"), QStringLiteral("--rank"), QStringLiteral("stars")}},
        {QStringLiteral("grid-top1-totals.md"),
         {QStringLiteral("--top"), QStringLiteral("1"), QStringLiteral("--totals"), QStringLiteral("--empty"),
          QStringLiteral("(nothing starred)"), QStringLiteral("--theme-header"), QStringLiteral("Strategic theme")}},
        {QStringLiteral("grid-family-carers.md"),
         {QStringLiteral("--group"), QStringLiteral("family carers"), QStringLiteral("--top"), QStringLiteral("2")}},
        {QStringLiteral("grid-all-notes.html"),
         {QStringLiteral("--all-notes"), QStringLiteral("--top"), QStringLiteral("5")}},
    };
    for (const auto &[name, options] : grids) {
        const QString out = dir.path(name);
        cli(QStringList{QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("grid"), project,
                        QStringLiteral("--out"), out} +
            options);
        compare(name, readFile(out));
    }
    compare(QStringLiteral("theme-list.txt"),
            cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("list"), project}).out);
    compare(QStringLiteral("statements.txt"), cli({QStringLiteral("wtfc"), QStringLiteral("statements"), project}).out);
    compare(QStringLiteral("trace-theme-2.txt"), cli({QStringLiteral("wtfc"), QStringLiteral("trace"), project,
                                                      QStringLiteral("theme:2"), QStringLiteral("--reverse")})
                                                     .out);

    // .docx, .odt and .xlsx are packages with the notes in them.
    for (const QString &suffix : {QStringLiteral("docx"), QStringLiteral("odt"), QStringLiteral("xlsx")}) {
        const QString out = dir.path(QStringLiteral("grid.") + suffix);
        cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("grid"), project, QStringLiteral("--out"),
             out});
        const Quire::ZipArchive zip(readFile(out), out);
        const QString part = suffix == QLatin1String("docx")  ? QStringLiteral("word/document.xml")
                             : suffix == QLatin1String("odt") ? QStringLiteral("content.xml")
                                                              : QStringLiteral("xl/worksheets/sheet1.xml");
        INFO(suffix.toStdString());
        REQUIRE(zip.contains(part));
        const QString xml = QString::fromUtf8(zip.read(part));
        CHECK(xml.contains(QStringLiteral("Told to go to A&amp;E because there was no other way in")));
        CHECK(xml.contains(QStringLiteral("(no top 3 identified)")));
        if (suffix == QLatin1String("odt")) {
            // Well-formed, the type stored first, and every row of the grid five cells wide (theme, descriptor, three
            // areas).
            CHECK(readFile(out).mid(30, 8) == "mimetype");
            QXmlStreamReader x(zip.read(part));
            int rows = 0, cells = 0;
            while (!x.atEnd()) {
                x.readNext();
                if (x.isStartElement() && x.qualifiedName() == QLatin1String("table:table-row"))
                    ++rows;
                if (x.isStartElement() && x.qualifiedName() == QLatin1String("table:table-cell"))
                    ++cells;
            }
            CHECK_FALSE(x.hasError());
            CHECK(rows == 11);
            CHECK(cells == 55);
        }
    }
    // In the .docx the theme and descriptor columns are narrower than each area's.
    {
        const Quire::ZipArchive docx(readFile(dir.path(QStringLiteral("grid.docx"))), QStringLiteral("grid.docx"));
        QXmlStreamReader x(docx.read(QStringLiteral("word/document.xml")));
        std::vector<int> widths;
        while (!x.atEnd() && widths.size() < 5) {
            x.readNext();
            if (x.isStartElement() && x.name() == QLatin1String("gridCol"))
                widths.push_back(x.attributes().value(QStringLiteral("w:w")).toInt());
        }
        REQUIRE(widths.size() == 5);
        CHECK(widths[0] < widths[2]);
        CHECK(widths[1] < widths[2]);
        CHECK(std::abs(widths[2] - widths[3]) <= 9026 / 100 + 1); // alike, but for rounding to whole percents
    }
    // A PDF too (laid out by Qt).
    const QString pdf = dir.path(QStringLiteral("grid.pdf"));
    cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("grid"), project, QStringLiteral("--out"),
         pdf});
    CHECK(readFile(pdf).startsWith("%PDF-"));

    // Bad options are refused with the option named, and nothing is written.
    const CliResult bad = runCli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("grid"), project,
                                  QStringLiteral("--rank"), QStringLiteral("hearts")});
    CHECK(bad.exitCode != 0);
    CHECK(bad.errText().contains(QStringLiteral("--rank is stars or dots")));
    const CliResult zero = runCli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("grid"), project,
                                   QStringLiteral("--top"), QStringLiteral("0")});
    CHECK(zero.exitCode != 0);
    const CliResult wrong = runCli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("grid"), project,
                                    QStringLiteral("--out"), dir.path(QStringLiteral("g.txt"))});
    CHECK(wrong.exitCode != 0);
    CHECK_FALSE(QFile::exists(dir.path(QStringLiteral("g.txt"))));
}

TEST_CASE("wtfc grid cli: a theme in every area is one command and one undo step", "[wtfc][cli][grid]")
{
    TempDir dir;
    const QString p = dir.path(QStringLiteral("small.quire"));
    const QString csv = dir.path(QStringLiteral("notes.csv"));
    QFile f(csv);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(
        "person,area,rank,statement,group\nA,glad,1,The drop-in,staff\nA,sad,1,The wait,staff\nB,mad,1,The phone,carers\n");
    f.close();
    cli({QStringLiteral("new"), p});
    cli({QStringLiteral("import"), p, csv, QStringLiteral("--quiet")});
    cli({QStringLiteral("wtfc"), QStringLiteral("template"), p, QStringLiteral("--preset"),
         QStringLiteral("glad-sad-mad")});
    auto themes = [&] {
        return QJsonDocument::fromJson(cli({QStringLiteral("--json"), QStringLiteral("wtfc"), QStringLiteral("theme"),
                                            QStringLiteral("list"), p})
                                           .out)
            .object()
            .value(QStringLiteral("themes"))
            .toArray();
    };
    cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("add"), p, QStringLiteral("*"),
         QStringLiteral("Access"), QStringLiteral("--description"), QStringLiteral("Getting help")});
    const QJsonArray three = themes();
    REQUIRE(three.size() == 3);
    for (const auto &t : three)
        CHECK(t.toObject().value(QStringLiteral("description")).toString() == QStringLiteral("Getting help"));
    // Notes of three areas on the one name: each goes on its own area's theme.
    cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("assign"), p, QStringLiteral("Access"),
         QStringLiteral("@A:glad:1"), QStringLiteral("@A:sad:1"), QStringLiteral("@B:mad:1")});
    for (const auto &t : themes())
        CHECK(t.toObject().value(QStringLiteral("statements")).toArray().size() == 1);
    CHECK(runCli({QStringLiteral("undo"), p}).exitCode == 0); // the assignment, all three at once
    for (const auto &t : themes())
        CHECK(t.toObject().value(QStringLiteral("statements")).toArray().isEmpty());
    CHECK(runCli({QStringLiteral("undo"), p}).exitCode == 0); // the three themes
    CHECK(themes().isEmpty());
    // A name only one area has still needs the note's area to match.
    cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("add"), p, QStringLiteral("glad"),
         QStringLiteral("Groups")});
    const CliResult wrong = runCli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("assign"), p,
                                    QStringLiteral("Groups"), QStringLiteral("@B:mad:1")});
    CHECK(wrong.exitCode != 0);
    CHECK(wrong.errText().contains(QStringLiteral("is in the area")));
}

TEST_CASE("wtfc grid cli: renaming a strategic theme keeps its grid row, --this-area splits one off",
          "[wtfc][cli][grid][rename]")
{
    TempDir dir;
    const QString p = dir.path(QStringLiteral("rename.quire"));
    const QString csv = dir.path(QStringLiteral("notes.csv"));
    QFile f(csv);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("person,area,rank,statement,group\nA,glad,1,The drop-in,staff\nA,sad,1,The wait,staff\n"
            "B,mad,1,The phone,carers\n");
    f.close();
    cli({QStringLiteral("new"), p});
    cli({QStringLiteral("import"), p, csv, QStringLiteral("--quiet")});
    cli({QStringLiteral("wtfc"), QStringLiteral("template"), p, QStringLiteral("--preset"),
         QStringLiteral("glad-sad-mad")});
    cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("add"), p, QStringLiteral("*"),
         QStringLiteral("Access")});
    cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("assign"), p, QStringLiteral("Access"),
         QStringLiteral("@A:glad:1"), QStringLiteral("@A:sad:1"), QStringLiteral("@B:mad:1")});
    for (const char *note : {"@A:glad:1", "@A:sad:1", "@B:mad:1"})
        cli({QStringLiteral("wtfc"), QStringLiteral("vote"), p, QString::fromLatin1(note), QStringLiteral("--stars"),
             QStringLiteral("1")});
    auto grid = [&] {
        return QJsonDocument::fromJson(cli({QStringLiteral("--json"), QStringLiteral("wtfc"), QStringLiteral("theme"),
                                            QStringLiteral("grid"), p})
                                           .out)
            .object()
            .value(QStringLiteral("rows"))
            .toArray();
    };
    REQUIRE(grid().size() == 1);
    // The name is in three areas and no --area is given: all three are renamed, one row stays.
    cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("rename"), p, QStringLiteral("Access"),
         QStringLiteral("Access and waiting")});
    const QJsonArray one = grid();
    REQUIRE(one.size() == 1);
    const QString row = QString::fromUtf8(QJsonDocument(one.at(0).toObject()).toJson(QJsonDocument::Compact));
    CHECK(row.contains(QStringLiteral("Access and waiting")));
    for (const char *note : {"The drop-in", "The wait", "The phone"})
        CHECK(row.contains(QString::fromLatin1(note)));
    // --this-area needs to know which area when the name is in several.
    const CliResult which =
        runCli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("rename"), p,
                QStringLiteral("Access and waiting"), QStringLiteral("Crisis"), QStringLiteral("--this-area")});
    CHECK(which.exitCode != 0);
    CHECK(which.errText().contains(QStringLiteral("--area")));
    cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("rename"), p,
         QStringLiteral("Access and waiting"), QStringLiteral("Crisis"), QStringLiteral("--this-area"),
         QStringLiteral("--area"), QStringLiteral("mad")});
    CHECK(grid().size() == 2);
}
