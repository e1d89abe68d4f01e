// SPDX-License-Identifier: GPL-3.0-or-later
// The sample corpus (corpora/sample) built into a project through quire-cli,
// as scripts/demo.sh does, and its exports compared byte for byte with the
// expected files in corpora/sample/expected. To regenerate them after an
// intended change of an export, run the test with QUIRE_UPDATE_EXPECTED=1
// and review the difference before committing it.
#include <catch2/catch.hpp>

#include "testsupport.h"

#include <map>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace QuireTest;

namespace {

const QString Corpus = QStringLiteral(QUIRE_CORPORA_DIR "/sample");

std::vector<QStringList> readTsv(const QString &name)
{
    const QString text = QString::fromUtf8(readFile(Corpus + QLatin1Char('/') + name));
    std::vector<QStringList> rows;
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i) // the first line is the header
        rows.push_back(lines[i].split(QLatin1Char('\t')));
    return rows;
}

CliResult cli(const QStringList &args)
{
    CliResult r = runCli(args);
    INFO(args.join(QLatin1Char(' ')).toStdString() << "\n" << r.errText().toStdString());
    REQUIRE(r.exitCode == 0);
    return r;
}

/// The project of scripts/demo.sh, plus the quote selections of quotes.tsv.
QString buildSample(const TempDir &dir)
{
    const QString p = dir.path(QStringLiteral("sample.quire"));
    cli({QStringLiteral("new"), p});
    for (const QStringList &row : readTsv(QStringLiteral("documents.tsv"))) {
        QStringList args{QStringLiteral("import"), p, Corpus + QLatin1Char('/') + row.value(0),
                         QStringLiteral("--kind"), row.value(1)};
        if (!row.value(2).isEmpty())
            args << QStringLiteral("--case") << row.value(2);
        for (const QString &kv : row.value(3).split(QLatin1Char(';'), Qt::SkipEmptyParts))
            args << QStringLiteral("--attr") << kv;
        cli(args);
    }
    const auto coding = readTsv(QStringLiteral("coding.tsv"));
    QStringList codes;
    for (const auto &row : coding)
        codes << row.value(1);
    codes.removeDuplicates();
    codes.sort();
    for (const QString &c : codes)
        cli({QStringLiteral("code"), QStringLiteral("add"), p, c});
    std::map<std::pair<QString, QString>, QString> segmentOf; // (file, quote) -> id
    for (const auto &row : coding) {
        const CliResult r =
            cli({QStringLiteral("--json"), QStringLiteral("segment"), QStringLiteral("add"), p, row.value(0),
                 QStringLiteral("--code"), row.value(1), QStringLiteral("--quote"), row.value(2)});
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QString id = QString::number(o.value(QStringLiteral("id")).toInteger());
        if (id == QLatin1String("0"))
            id = QString::number(
                o.value(QStringLiteral("segments")).toArray().at(0).toObject().value(QStringLiteral("id")).toInteger());
        REQUIRE(id != QLatin1String("0"));
        segmentOf[{row.value(0), row.value(2)}] = id;
    }
    for (const QStringList &row : readTsv(QStringLiteral("quotes.tsv"))) {
        const auto it = segmentOf.find({row.value(0), row.value(1)});
        INFO(row.join(QLatin1Char('|')).toStdString());
        REQUIRE(it != segmentOf.end());
        const QString star = row.value(2);
        if (star == QLatin1String("yes"))
            cli({QStringLiteral("quote"), QStringLiteral("star"), p, it->second});
        else if (!star.isEmpty())
            cli({QStringLiteral("quote"), QStringLiteral("star"), p, it->second, QStringLiteral("--order"), star});
        if (!row.value(3).isEmpty())
            cli({QStringLiteral("quote"), QStringLiteral("edit"), p, it->second, row.value(3)});
    }
    return p;
}

} // namespace

TEST_CASE("corpus: the sample corpus exports exactly the expected files", "[export][corpus]")
{
    TempDir dir;
    const QString project = buildSample(dir);
    const QString citation = QStringLiteral("({source} {number})");
    // name -> the export's options (besides --out and --no-timestamp)
    const std::vector<std::pair<QString, QStringList>> exports{
        {QStringLiteral("theme-table-by-group.md"),
         {QStringLiteral("--template"), QStringLiteral("theme-table"), QStringLiteral("--by"),
          QStringLiteral("group")}},
        {QStringLiteral("matrix-by-type.md"),
         {QStringLiteral("--template"), QStringLiteral("matrix"), QStringLiteral("--by"), QStringLiteral("type")}},
        {QStringLiteral("codebook.md"), {QStringLiteral("--template"), QStringLiteral("codebook")}},
        {QStringLiteral("codebook.csv"), {QStringLiteral("--template"), QStringLiteral("codebook")}},
        {QStringLiteral("quotes.csv"),
         {QStringLiteral("--template"), QStringLiteral("quotes"), QStringLiteral("--by"), QStringLiteral("group"),
          QStringLiteral("--citation"), citation}},
        {QStringLiteral("quotes.md"),
         {QStringLiteral("--template"), QStringLiteral("quotes"), QStringLiteral("--citation"), citation}},
        {QStringLiteral("quotes-selected.md"),
         {QStringLiteral("--template"), QStringLiteral("quotes"), QStringLiteral("--citation"), citation,
          QStringLiteral("--max-quotes"), QStringLiteral("2"), QStringLiteral("--order"), QStringLiteral("chosen"),
          QStringLiteral("--max-length"), QStringLiteral("120"), QStringLiteral("--speaker-label"),
          QStringLiteral("--locator"), QStringLiteral("time")}},
    };
    const bool update = qEnvironmentVariableIsSet("QUIRE_UPDATE_EXPECTED");
    for (const auto &[name, options] : exports) {
        const QString out = dir.path(name);
        cli(QStringList{QStringLiteral("export"), project, QStringLiteral("--out"), out,
                        QStringLiteral("--no-timestamp")} +
            options);
        const QByteArray got = readFile(out);
        const QString expectedPath = Corpus + QStringLiteral("/expected/") + name;
        if (update) {
            QDir().mkpath(Corpus + QStringLiteral("/expected"));
            QFile f(expectedPath);
            REQUIRE(f.open(QIODevice::WriteOnly));
            f.write(got);
            WARN("wrote " << expectedPath.toStdString());
            continue;
        }
        INFO(name.toStdString() << ": differs from " << expectedPath.toStdString() << " (diff it with "
                                << out.toStdString() << "; QUIRE_UPDATE_EXPECTED=1 rewrites the expected files)");
        REQUIRE(QFile::exists(expectedPath));
        CHECK(got == readFile(expectedPath));
    }
    // The same export twice gives the same bytes: nothing depends on the time.
    const QString again = dir.path(QStringLiteral("again.md"));
    cli({QStringLiteral("export"), project, QStringLiteral("--out"), again, QStringLiteral("--no-timestamp"),
         QStringLiteral("--template"), QStringLiteral("theme-table"), QStringLiteral("--by"), QStringLiteral("group")});
    CHECK(readFile(again) == readFile(dir.path(QStringLiteral("theme-table-by-group.md"))));
}
