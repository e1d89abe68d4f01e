// SPDX-License-Identifier: GPL-3.0-or-later
// The search verbs as a user runs them: real quire-cli processes on real
// files. Hit offsets are checked against `show --range` byte for byte.
#include <catch2/catch.hpp>

#include "search/textunits.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace QuireTest;

namespace {

QString q(const char *s)
{
    return QString::fromUtf8(s);
}

CliResult cli(const QStringList &args)
{
    return runCli(args);
}

QByteArray okOut(const QStringList &args)
{
    const CliResult r = runCli(args);
    INFO("quire-cli " << args.join(QLatin1Char(' ')).toStdString() << "\nstderr: " << r.errText().toStdString());
    REQUIRE(r.exitCode == 0);
    return r.out;
}

QJsonObject okJson(const QStringList &args)
{
    return QJsonDocument::fromJson(okOut(QStringList{q("--json")} + args)).object();
}

/// A project with the sample focus group (emoji, decomposed é, Han, curly
/// quotes) and a small file of emoji and Chinese.
QString sampleProject(const TempDir &dir)
{
    const QString p = dir.path(q("s.quire"));
    okOut({q("new"), p});
    okOut({q("import"), p, corpusFile(q("fg1-carers.txt")), q("--attr"), q("group=carer")});
    const QString emoji =
        dir.writeFile(q("emoji-cjk.txt"),
                      QByteArray("\xEF\xBB\xBF") + q("I: 👩‍👩‍👧 We need help 😢 我们需要帮助。\r\n"
                                                     "P1: Help us 😢😢 please, 帮助 now.\r\n"
                                                     "I: e\u0301clair 👩🏽‍⚕️ nurse helps.\r\n"
                                                     "P1: Thank you.\r\n")
                                                       .toUtf8());
    okOut({q("import"), p, emoji});
    return p;
}

void checkHitsAgainstShow(const QString &project, const QString &query)
{
    const QJsonObject r = okJson({q("search"), project, query, q("--kwic"), q("15")});
    const QJsonArray hits = r.value(q("hits")).toArray();
    INFO("query " << query.toStdString());
    REQUIRE_FALSE(hits.isEmpty());
    CHECK(r.value(q("total")).toInt() == hits.size());
    for (const auto &v : hits) {
        const QJsonObject h = v.toObject();
        const QString doc = h.value(q("name")).toString();
        const QString range = q("%1:%2").arg(h.value(q("start")).toInteger()).arg(h.value(q("end")).toInteger());
        const QByteArray shown = okOut({q("show"), project, doc, q("--range"), range});
        CHECK(shown == h.value(q("text")).toString().toUtf8());
        const QString context =
            q("%1:%2").arg(h.value(q("contextStart")).toInteger()).arg(h.value(q("contextEnd")).toInteger());
        const QByteArray around = okOut({q("show"), project, doc, q("--range"), context});
        CHECK(
            around ==
            (h.value(q("left")).toString() + h.value(q("text")).toString() + h.value(q("right")).toString()).toUtf8());
    }
}

} // namespace

TEST_CASE("search: every hit is the show --range text, byte for byte (emoji, CJK, decomposed accents)", "[cli][search]")
{
    TempDir dir;
    const QString p = sampleProject(dir);
    for (const char *query : {"help", "帮助", "我们", "nurse", "eclair", "cafe", "Zhou", "\"need help\"",
                              "listen* OR respite", "NEAR(help please, 3)", "周丽"})
        checkHitsAgainstShow(p, q(query));
    // Folding: the stored é is e + U+0301, the query a precomposed é or none at all.
    const QJsonObject cafe = okJson({q("search"), p, q("café")});
    REQUIRE(cafe.value(q("total")).toInt() == 1);
    CHECK(cafe.value(q("hits")).toArray()[0].toObject().value(q("text")).toString() == q("cafe\u0301"));
    // Speakers come from the turns; the help of the emoji file's second line is P1's.
    const QJsonArray help = okJson({q("search"), p, q("help document:emoji-cjk.txt")}).value(q("hits")).toArray();
    REQUIRE(help.size() == 3);
    CHECK(help[1].toObject().value(q("speaker")).toString() == q("P1"));
}

TEST_CASE("search: the concordance lines the hits up in one column", "[cli][search]")
{
    TempDir dir;
    const QString p = sampleProject(dir);
    const CliResult r = cli({q("search"), p, q("help document:emoji-cjk.txt"), q("--kwic"), q("20")});
    REQUIRE(r.exitCode == 0);
    QStringList lines = r.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() >= 4);
    CHECK(lines.takeFirst().startsWith(q("3 hits in 1 document")));
    int column = -1;
    for (const QString &line : lines) {
        const qsizetype at = line.indexOf(QRegularExpression(q(" \\[[Hh]elps?\\] ")));
        REQUIRE(at > 0);
        const int width = Quire::TextUnits::displayWidth(line.left(at));
        if (column < 0)
            column = width;
        CHECK(width == column);
    }
    // --limit shows the first hits and says so.
    const CliResult limited = cli({q("search"), p, q("(help OR nurse) document:emoji-cjk.txt"), q("--limit"), q("2")});
    REQUIRE(limited.exitCode == 0);
    CHECK(limited.outText().startsWith(q("4 hits in 1 document; showing the first 2\n")));
    CHECK(limited.outText().count(QLatin1Char('\n')) == 3);
    // No hits is not an error.
    const CliResult none = cli({q("search"), p, q("zebra")});
    CHECK(none.exitCode == 0);
    CHECK(none.outText().startsWith(q("No hits for zebra")));
}

TEST_CASE("search: malformed queries and filters fail with one line naming the column, the project is unchanged",
          "[cli][search]")
{
    TempDir dir;
    const QString p = sampleProject(dir);
    const QString before = projectFingerprint(p);
    const std::vector<std::pair<QStringList, QString>> cases{
        {{q("(respite OR money")}, q("query: unbalanced parenthesis at column 1")},
        {{q("respite \"money")}, q("query: unbalanced quote at column 9")},
        {{q("NEAR()")}, q("query: NEAR at column 1 needs at least two words or phrases")},
        {{q("NEAR")}, q("query: NEAR at column 1 needs its words in parentheses")},
        {{q("")}, q("query: the query is empty")},
        {{q("respite code:\"No/Such\"")}, q("query: no code \"No/Such\"")},
        {{q("respite speaker:Nobody")}, q("query: no speaker \"Nobody\"")},
        {{q("respite ward:7")}, q("query: \"ward:\" at column 9 is neither a filter")},
        {{q("(x"), q("--regex")}, q("query: invalid regular expression at column 3")},
    };
    for (const auto &[args, needle] : cases) {
        const CliResult r = cli(QStringList{q("search"), p} + args);
        INFO("search " << args.join(QLatin1Char(' ')).toStdString() << " → " << r.errText().toStdString());
        CHECK(r.exitCode == 1);
        CHECK(r.out.isEmpty());
        CHECK(r.errText().startsWith(q("quire-cli: ") + needle));
        CHECK(r.errText().count(QLatin1Char('\n')) == 1);
        CHECK_FALSE(r.errText().contains(q("fts5")));
        CHECK_FALSE(r.errText().contains(q("SQL")));
    }
    CHECK(cli({q("search"), p, q("x"), q("--kwic"), q("-3")}).exitCode == 2);
    CHECK(cli({q("search"), p, q("x"), q("--in"), q("everything")}).exitCode == 2);
    CHECK(projectFingerprint(p) == before);
}

TEST_CASE("search: undo of an import takes its hits away, redo brings them back", "[cli][search][undo]")
{
    TempDir dir;
    const QString p = dir.path(q("u.quire"));
    okOut({q("new"), p});
    okOut({q("import"), p, corpusFile(q("nar1-carer-story.txt"))});
    const QString extra =
        dir.writeFile(q("extra.txt"), q("Respite, respite, and more respite, all in one résumé.\n").toUtf8());
    const int base = okJson({q("search"), p, q("respite OR resume")}).value(q("total")).toInt();
    okOut({q("import"), p, extra});
    CHECK(okJson({q("search"), p, q("respite OR resume")}).value(q("total")).toInt() == base + 4);
    okOut({q("reindex"), p, q("--check")});

    okOut({q("undo"), p});
    CHECK(okJson({q("search"), p, q("respite OR resume")}).value(q("total")).toInt() == base);
    CHECK(okJson({q("search"), p, q("resume")}).value(q("total")).toInt() == 0);
    okOut({q("reindex"), p, q("--check")});

    okOut({q("redo"), p});
    const QJsonObject back = okJson({q("search"), p, q("resume")});
    REQUIRE(back.value(q("total")).toInt() == 1);
    CHECK(back.value(q("hits")).toArray()[0].toObject().value(q("text")).toString() == q("résumé"));
    okOut({q("reindex"), p, q("--check")});

    // Deleting the document and undoing that, too.
    okOut({q("document"), q("delete"), p, q("extra.txt")});
    CHECK(okJson({q("search"), p, q("resume")}).value(q("total")).toInt() == 0);
    okOut({q("undo"), p});
    CHECK(okJson({q("search"), p, q("resume")}).value(q("total")).toInt() == 1);
    okOut({q("reindex"), p, q("--check")});
}

TEST_CASE("autocode: all or chosen hits, widened, in one command that one undo removes", "[cli][search][autocode]")
{
    TempDir dir;
    const QString p = sampleProject(dir);
    okOut({q("code"), q("add"), p, q("Support/Respite")});
    const qsizetype historyBefore = QJsonDocument::fromJson(okOut({q("--json"), q("history"), p})).array().size();
    const QJsonArray hits = okJson({q("search"), p, q("respite")}).value(q("hits")).toArray();
    REQUIRE(hits.size() >= 3);

    const QJsonObject r =
        okJson({q("autocode"), p, q("respite"), q("--code"), q("Support/Respite"), q("--extend"), q("sentence")});
    CHECK(r.value(q("hits")).toInt() == hits.size());
    CHECK(r.value(q("added")).toInt() + r.value(q("alreadyCoded")).toInt() == r.value(q("passages")).toInt());
    const QJsonArray segments =
        QJsonDocument::fromJson(okOut({q("--json"), q("list"), q("segments"), p, q("--code"), q("Support/Respite")}))
            .array();
    CHECK(segments.size() == r.value(q("added")).toInt());
    for (const auto &s : segments) {
        const QString text = s.toObject().value(q("text")).toString();
        CHECK(text.contains(q("respite"), Qt::CaseInsensitive));
        CHECK_FALSE(text.contains(QLatin1Char('\n')));
    }
    // One command in the history; one undo removes every segment.
    CHECK(QJsonDocument::fromJson(okOut({q("--json"), q("history"), p})).array().size() == historyBefore + 1);
    okOut({q("undo"), p});
    CHECK(QJsonDocument::fromJson(okOut({q("--json"), q("list"), q("segments"), p})).array().isEmpty());

    // Chosen hits only, by their numbers in the search listing.
    const QJsonObject two = okJson({q("autocode"), p, q("respite"), q("--code"), q("Support/Respite"), q("--hits"),
                                    q("1,3"), q("--extend"), q("word")});
    CHECK(two.value(q("added")).toInt() == 2);
    const QJsonArray coded = QJsonDocument::fromJson(okOut({q("--json"), q("list"), q("segments"), p})).array();
    REQUIRE(coded.size() == 2);
    CHECK(coded[0].toObject().value(q("start")).toInt() == hits[0].toObject().value(q("start")).toInt());
    CHECK(coded[1].toObject().value(q("start")).toInt() == hits[2].toObject().value(q("start")).toInt());
    // The same again: already coded by this coder, nothing changes.
    const CliResult again =
        cli({q("autocode"), p, q("respite"), q("--code"), q("Support/Respite"), q("--hits"), q("1,3")});
    CHECK(again.exitCode == 0);
    CHECK(again.outText().startsWith(q("Nothing coded")));

    const QString before = projectFingerprint(p);
    const CliResult noCode = cli({q("autocode"), p, q("respite"), q("--code"), q("Nope")});
    CHECK(noCode.exitCode == 1);
    CHECK(noCode.errText().contains(q("no code \"Nope\"")));
    CHECK(cli({q("autocode"), p, q("respite")}).exitCode == 2);
    CHECK(cli({q("autocode"), p, q("respite"), q("--code"), q("Support/Respite"), q("--hits"), q("99")})
              .errText()
              .contains(q("no hit 99")));
    CHECK(cli({q("autocode"), p, q("respite"), q("--code"), q("Support/Respite"), q("--extend"), q("chapter")})
              .exitCode == 1);
    CHECK(projectFingerprint(p) == before);
}

TEST_CASE("words: frequencies per speaker and attribute, stemmed, with stop words", "[cli][search][words]")
{
    TempDir dir;
    const QString p = sampleProject(dir);
    const QJsonArray groups =
        okJson({q("words"), p, q("--by"), q("speaker"), q("--top"), q("5")}).value(q("groups")).toArray();
    QStringList names;
    for (const auto &g : groups) {
        const QJsonObject o = g.toObject();
        names << o.value(q("group")).toString();
        const QJsonArray top = o.value(q("top")).toArray();
        CHECK(top.size() <= 5);
        for (qsizetype i = 1; i < top.size(); ++i)
            CHECK(top[i - 1].toObject().value(q("count")).toInt() >= top[i].toObject().value(q("count")).toInt());
        for (const auto &w : top)
            CHECK(w.toObject().value(q("word")).toString() != q("the"));
    }
    CHECK(names.contains(q("P1")));
    CHECK(names.contains(q("Facilitator")));
    CHECK(names.contains(q("(no speaker)")));

    const QJsonArray plain =
        okJson({q("words"), p, q("--stopwords"), q("none"), q("--top"), q("1")}).value(q("groups")).toArray();
    REQUIRE(plain.size() == 1);
    CHECK(plain[0].toObject().value(q("top")).toArray()[0].toObject().value(q("word")).toString() == q("the"));

    const QJsonObject stemmed = okJson({q("words"), p, q("--stem"), q("--by"), q("group"), q("--top"), q("0")});
    QStringList groupNames, forms;
    for (const auto &g : stemmed.value(q("groups")).toArray()) {
        groupNames << g.toObject().value(q("group")).toString();
        for (const auto &w : g.toObject().value(q("top")).toArray()) {
            if (w.toObject().value(q("stem")).toString() == q("help")) {
                for (const auto &f : w.toObject().value(q("forms")).toArray())
                    forms << f.toObject().value(q("form")).toString();
            }
        }
    }
    CHECK(groupNames == (QStringList{q("(none)"), q("carer")}));
    CHECK(forms.contains(q("helps")));
    CHECK(forms.contains(q("helped")));
    CHECK(forms.contains(q("help")));
    const CliResult text = cli({q("words"), p, q("--by"), q("document"), q("--top"), q("3")});
    REQUIRE(text.exitCode == 0);
    CHECK(text.outText().contains(q("fg1-carers.txt (")));
    CHECK(cli({q("words"), p, q("--by"), q("ward")})
              .errText()
              .contains(q("--by takes document, code, speaker, case or an attribute")));
    CHECK(cli({q("words"), p, q("--stopwords"), q("klingon")}).exitCode == 1);
}

TEST_CASE("reindex: check, rebuild and change the stemming language", "[cli][search]")
{
    TempDir dir;
    const QString p = sampleProject(dir);
    CHECK(okJson({q("reindex"), p, q("--check")}).value(q("language")).toString() == q("english"));
    const int stemmed = okJson({q("search"), p, q("helped")}).value(q("total")).toInt();
    okOut({q("reindex"), p, q("--language"), q("none")});
    CHECK(okJson({q("search"), p, q("helped")}).value(q("total")).toInt() < stemmed);
    CHECK(okJson({q("search"), p, q("help")}).value(q("total")).toInt() == 3);
    okOut({q("reindex"), p, q("--check")});
    okOut({q("reindex"), p, q("--language"), q("english"), q("--check")});
    CHECK(okJson({q("search"), p, q("helped")}).value(q("total")).toInt() == stemmed);
    const QString before = fileHash(p);
    const CliResult bad = cli({q("reindex"), p, q("--language"), q("klingon")});
    CHECK(bad.exitCode == 1);
    CHECK(bad.errText().contains(q("klingon")));
    CHECK(bad.errText().contains(q("english")));
    CHECK(fileHash(p) == before);
    // Memos and code descriptions are searchable.
    okOut({q("memo"), q("add"), p, q("Ask the nurse about respite."), q("--title"), q("Follow-up")});
    okOut({q("code"), q("add"), p, q("Care/Nursing"), q("--description"), q("Nurses and district nursing")});
    const QJsonArray hits = okJson({q("search"), p, q("nurse"), q("--in"), q("all")}).value(q("hits")).toArray();
    QStringList sources;
    for (const auto &h : hits)
        sources << h.toObject().value(q("source")).toString();
    CHECK(sources.contains(q("document")));
    CHECK(sources.contains(q("memo")));
    CHECK(sources.contains(q("code")));
}
