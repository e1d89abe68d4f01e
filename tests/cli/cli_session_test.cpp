// SPDX-License-Identifier: GPL-3.0-or-later
// The foundation's end-to-end session: import the sample corpus, build a
// three-level code tree, code quotes by their exact text, undo and redo,
// export Markdown, and check every exported quote against `show --range`.
#include <catch2/catch.hpp>

#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <set>

using namespace QuireTest;

namespace {

QByteArray okOut(const QStringList &args)
{
    const CliResult r = runCli(args);
    INFO("quire-cli " << args.join(QLatin1Char(' ')).toStdString() << "\nstderr: " << r.errText().toStdString());
    REQUIRE(r.exitCode == 0);
    return r.out;
}

qsizetype segmentCount(const QString &p)
{
    return QJsonDocument::fromJson(
               okOut({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("segments"), p}))
        .array()
        .size();
}

struct Row
{
    QString file, code, quote;
};

std::vector<Row> codingPlan()
{
    std::vector<Row> rows;
    const QStringList lines = QString::fromUtf8(readFile(corpusFile(QStringLiteral("coding.tsv"))))
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList f = lines[i].split(QLatin1Char('\t'));
        REQUIRE(f.size() == 3);
        rows.push_back({f[0], f[1], f[2]});
    }
    return rows;
}

} // namespace

TEST_CASE("CLI session: corpus, code tree, 20+ quotes, undo/redo, Markdown export equals show --range",
          "[cli][session]")
{
    TempDir dir;
    const QString p = dir.path(QStringLiteral("session.quire"));
    okOut({QStringLiteral("new"), p});
    QStringList files;
    for (const char *f : {"fg1-carers.txt", "fg2-professionals.txt", "nar1-carer-story.txt",
                          "nar2-complaint-letter.txt", "nar3-compliment-letter.txt"})
        files << corpusFile(QString::fromLatin1(f));
    okOut(QStringList{QStringLiteral("import"), p} + files +
          QStringList{QStringLiteral("--attr"), QStringLiteral("project=demo")});
    const QJsonArray docs = QJsonDocument::fromJson(okOut({QStringLiteral("--json"), QStringLiteral("list"),
                                                           QStringLiteral("documents"), p}))
                                .array();
    REQUIRE(docs.size() == 5);
    CHECK(docs[1].toObject().value(QStringLiteral("encoding")).toString() == QStringLiteral("windows-1252"));

    const auto plan = codingPlan();
    REQUIRE(plan.size() >= 20);
    std::set<QString> codes;
    for (const auto &r : plan)
        codes.insert(r.code);
    for (const auto &c : codes) {
        REQUIRE(c.count(QLatin1Char('/')) == 2); // theme/subtheme/code
        okOut({QStringLiteral("code"), QStringLiteral("add"), p, c});
    }
    const QJsonArray tree =
        QJsonDocument::fromJson(okOut({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("codes"), p}))
            .array();
    int maxDepth = 0;
    for (const auto &c : tree)
        maxDepth = std::max(maxDepth, c.toObject().value(QStringLiteral("depth")).toInt());
    CHECK(maxDepth == 2);

    for (const auto &r : plan)
        okOut({QStringLiteral("segment"), QStringLiteral("add"), p, r.file, QStringLiteral("--code"), r.code,
               QStringLiteral("--quote"), r.quote});
    const qsizetype coded = qsizetype(plan.size());
    CHECK(segmentCount(p) == coded);

    // Undo three, redo two, undo one more, redo all: the counts follow.
    okOut({QStringLiteral("undo"), p, QStringLiteral("--steps"), QStringLiteral("3")});
    CHECK(segmentCount(p) == coded - 3);
    okOut({QStringLiteral("redo"), p, QStringLiteral("--steps"), QStringLiteral("2")});
    CHECK(segmentCount(p) == coded - 1);
    okOut({QStringLiteral("redo"), p});
    CHECK(segmentCount(p) == coded);

    const QString md = dir.path(QStringLiteral("themes.md"));
    okOut({QStringLiteral("export"), p, QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("--out"), md,
           QStringLiteral("--citation"), QStringLiteral("({document})")});
    const QString text = QString::fromUtf8(readFile(md));
    // Each quote: a marker comment naming the segment, then its lines behind "> ".
    static const QRegularExpression marker(
        QStringLiteral("^<!-- quire:segment (\\d+) document=\"([^\"]+)\" range=(\\d+):(\\d+) -->$"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    int checked = 0;
    std::set<QString> quotedTexts;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto m = marker.match(lines[i]);
        if (!m.hasMatch())
            continue;
        QStringList quoteLines;
        for (qsizetype j = i + 1; j < lines.size() && lines[j].startsWith(QStringLiteral("> ")); ++j)
            quoteLines << lines[j].mid(2);
        const QByteArray exported = quoteLines.join(QLatin1Char('\n')).toUtf8();
        const QByteArray shown = okOut({QStringLiteral("show"), p, m.captured(2), QStringLiteral("--range"),
                                        m.captured(3) + QLatin1Char(':') + m.captured(4)});
        INFO("segment " << m.captured(1).toStdString());
        REQUIRE(exported == shown);
        quotedTexts.insert(QString::fromUtf8(exported));
        ++checked;
    }
    CHECK(checked == coded);
    // And every planned quote is exactly what was exported.
    for (const auto &r : plan)
        CHECK(quotedTexts.count(r.quote) == 1);
    CHECK(text.contains(QStringLiteral("| **Being heard** |")));
}
