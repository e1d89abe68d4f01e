// SPDX-License-Identifier: GPL-3.0-or-later
// The group × theme matrix and the crosstab follow a choice attribute's
// order (every choice, a value nobody used too), can be reordered with
// --by-order, and take the user's mark and first header; through quire-cli.
#include <catch2/catch.hpp>

#include "testsupport.h"

#include <QFile>

using namespace QuireTest;

namespace {

CliResult cli(const QStringList &args)
{
    CliResult r = runCli(args);
    INFO(args.join(QLatin1Char(' ')).toStdString() << "\n" << r.errText().toStdString());
    REQUIRE(r.exitCode == 0);
    return r;
}

/// Three stakeholder groups' notes, coded with two areas of common focus;
/// the group attribute's choices list "commissioners", which nobody has.
QString buildProject(const TempDir &dir)
{
    const QString p = dir.path(QStringLiteral("groups.quire"));
    cli({QStringLiteral("new"), p});
    cli({QStringLiteral("attribute"), QStringLiteral("define"), p, QStringLiteral("group"), QStringLiteral("--scope"),
         QStringLiteral("document"), QStringLiteral("--type"), QStringLiteral("choice"), QStringLiteral("--choices"),
         QStringLiteral("people using services,family carers,commissioners,staff")});
    const std::vector<std::pair<QString, QString>> docs{
        {QStringLiteral("staff.txt"), QStringLiteral("staff")},
        {QStringLiteral("carers.txt"), QStringLiteral("family carers")},
        {QStringLiteral("people.txt"), QStringLiteral("people using services")}};
    for (const auto &[name, group] : docs) {
        QFile f(dir.path(name));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("We want help close to home. We want one plan shared by everyone.\n");
        f.close();
        cli({QStringLiteral("import"), p, dir.path(name), QStringLiteral("--attr"), QStringLiteral("group=") + group,
             QStringLiteral("--quiet")});
    }
    cli({QStringLiteral("code"), QStringLiteral("add"), p, QStringLiteral("Close to home")});
    cli({QStringLiteral("code"), QStringLiteral("add"), p, QStringLiteral("One shared plan")});
    for (const QString &d : {QStringLiteral("staff.txt"), QStringLiteral("carers.txt"), QStringLiteral("people.txt")})
        cli({QStringLiteral("segment"), QStringLiteral("add"), p, d, QStringLiteral("--code"),
             QStringLiteral("Close to home"), QStringLiteral("--quote"),
             QStringLiteral("We want help close to home.")});
    cli({QStringLiteral("segment"), QStringLiteral("add"), p, QStringLiteral("staff.txt"), QStringLiteral("--code"),
         QStringLiteral("One shared plan"), QStringLiteral("--quote"),
         QStringLiteral("We want one plan shared by everyone.")});
    return p;
}

QString exportMatrix(const TempDir &dir, const QString &project, const QStringList &options)
{
    const QString out = dir.path(QStringLiteral("matrix.md"));
    cli(QStringList{QStringLiteral("export"), project, QStringLiteral("--out"), out, QStringLiteral("--no-timestamp"),
                    QStringLiteral("--template"), QStringLiteral("matrix"), QStringLiteral("--by"),
                    QStringLiteral("group")} +
        options);
    return QString::fromUtf8(readFile(out));
}

} // namespace

TEST_CASE("matrix: columns in the choice order, a value nobody used included, marks and header as chosen",
          "[export][matrix]")
{
    TempDir dir;
    const QString p = buildProject(dir);
    // The choices' order, not the alphabet; "commissioners" is a column with no mark.
    const QString plain = exportMatrix(dir, p, {});
    CHECK(plain.contains(QStringLiteral(
        "| Theme / subtheme / code | people using services | family carers | commissioners | staff |\n")));
    CHECK(plain.contains(QStringLiteral("| **Close to home** | \u2713 | \u2713 |  | \u2713 |\n")));
    CHECK(plain.contains(QStringLiteral("| **One shared plan** |  |  |  | \u2713 |\n")));

    // Reordered (the named ones first, the rest after in choice order), "y" and the facilitator's header.
    const QString mine =
        exportMatrix(dir, p,
                     {QStringLiteral("--by-order"), QStringLiteral("staff,family carers"), QStringLiteral("--mark"),
                      QStringLiteral("y"), QStringLiteral("--row-header"), QStringLiteral("Area of common focus")});
    CHECK(mine.contains(
        QStringLiteral("| Area of common focus | staff | family carers | people using services | commissioners |\n")));
    CHECK(mine.contains(QStringLiteral("| **Close to home** | y | y | y |  |\n")));

    // Counts instead of marks.
    const QString counts = exportMatrix(dir, p, {QStringLiteral("--mark"), QStringLiteral("count")});
    CHECK(counts.contains(QStringLiteral("| **Close to home** | 1 | 1 |  | 1 |\n")));

    // A value the attribute does not have is refused, naming it and the values.
    const CliResult bad =
        runCli({QStringLiteral("export"), p, QStringLiteral("--out"), dir.path(QStringLiteral("bad.md")),
                QStringLiteral("--template"), QStringLiteral("matrix"), QStringLiteral("--by"), QStringLiteral("group"),
                QStringLiteral("--by-order"), QStringLiteral("nurses")});
    CHECK(bad.exitCode != 0);
    CHECK(bad.errText().contains(QStringLiteral("\"nurses\", which is not a value of \"group\"")));
    CHECK_FALSE(QFile::exists(dir.path(QStringLiteral("bad.md"))));

    // The crosstab follows the choices too, with a zero column for the unused one.
    cli({QStringLiteral("crosstab"), p, QStringLiteral("--by"), QStringLiteral("group"), QStringLiteral("--out"),
         dir.path(QStringLiteral("x.csv"))});
    const QString csv = QString::fromUtf8(readFile(dir.path(QStringLiteral("x.csv"))));
    CHECK(csv.startsWith(QStringLiteral("code,people using services,family carers,commissioners,staff,total\n")));
    CHECK(csv.contains(QStringLiteral("Close to home,1,1,0,1,3\n")));
}
