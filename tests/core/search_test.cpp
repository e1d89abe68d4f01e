// SPDX-License-Identifier: GPL-3.0-or-later
// Full-text search in-process: the analyzer (folding, stemming, word
// breaking), the query language, hits and their offsets, filters, the index
// through undo and redo, autocode and word frequencies.
#include <catch2/catch.hpp>

#include "error.h"
#include "index/analyzer.h"
#include "index/searchindex.h"
#include "model/project.h"
#include "model/projectaccess.h"
#include "model/schema.h"
#include "search/autocode.h"
#include "search/search.h"
#include "search/words.h"
#include "storage/database.h"
#include "testsupport.h"
#include "text/textoffsets.h"

#include <QSet>

using namespace Quire;

namespace {

ImportedDocument textDocument(const QString &name, const QString &text)
{
    ImportedDocument d;
    d.name = name;
    d.text = text;
    d.encoding = QStringLiteral("UTF-8");
    return d;
}

ImportedFile fileOf(std::vector<ImportedDocument> docs)
{
    ImportedFile f;
    f.sourcePath = QStringLiteral("/tmp/") + docs.front().name;
    f.sha256 = QStringLiteral("00");
    f.format = QStringLiteral("plaintext");
    f.documents = std::move(docs);
    return f;
}

/// A transcript whose turns are the lines "SPEAKER: …" (ASCII text, so
/// UTF-16 indices are code points).
ImportedDocument transcript(const QString &name, const QString &text)
{
    ImportedDocument d = textDocument(name, text);
    d.kind = QStringLiteral("transcript");
    qsizetype lineStart = 0;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const qsizetype colon = line.indexOf(QStringLiteral(": "));
        if (colon > 0)
            d.turns.push_back({lineStart, lineStart + line.size(), line.left(colon), std::nullopt, std::nullopt});
        lineStart += line.size() + 1;
    }
    return d;
}

struct Fixture
{
    QuireTest::TempDir dir;
    std::unique_ptr<Project> p = Project::create(dir.path(QStringLiteral("s.quire")));
    Fixture() { p->setCoder(QStringLiteral("ana")); }

    Id import(const QString &name, const QString &text)
    {
        return p->importDocuments({fileOf({textDocument(name, text)})}).front();
    }

    SearchResult run(const QString &query, SearchOptions options = {}) { return Search(*p).run(query, options); }

    /// The text of every hit, in order.
    QStringList texts(const QString &query, SearchOptions options = {})
    {
        QStringList out;
        for (const SearchHit &h : run(query, options).hits)
            out << h.text;
        return out;
    }

    /// The documents with hits, in order.
    QStringList documents(const QString &query)
    {
        QStringList out;
        for (const SearchHit &h : run(query).hits) {
            if (!out.contains(h.name))
                out << h.name;
        }
        return out;
    }
};

QStringList words(Analyzer &a, const QString &text, bool terms)
{
    QStringList out;
    a.forEachWord(text, [&](const Analyzer::Word &w) {
        out << QString::fromUtf8(terms ? w.term : w.folded);
        return true;
    });
    return out;
}

QString errorOf(const std::function<void()> &f)
{
    try {
        f();
    } catch (const Error &e) {
        return e.message();
    }
    return QString();
}

} // namespace

TEST_CASE("The analyzer folds case and accents, stems English and breaks CJK into words", "[search][analyzer]")
{
    Analyzer en;
    // Case and accent folding: precomposed, decomposed (e + U+0301), full-width.
    CHECK(words(en, QString::fromUtf8("résumé RÉSUMÉ resume re\u0301sume\u0301 ｒｅｓｕｍｅ"), false) ==
          QStringList(5, QStringLiteral("resume")));
    // Stemming: one term for the inflections.
    CHECK(words(en, QStringLiteral("Listening listened listens listen"), true) ==
          QStringList(4, QStringLiteral("listen")));
    // Curly and straight apostrophes are the same.
    CHECK(words(en, QString::fromUtf8("it’s it's"), false) == QStringList(2, QStringLiteral("it's")));
    // Emoji, punctuation and spaces are not words; CJK runs are split by ICU's dictionary.
    CHECK(words(en, QString::fromUtf8("👩‍👩‍👧 我们需要帮助 😢 — !"), false) ==
          (QStringList{QString::fromUtf8("我们"), QString::fromUtf8("需要"), QString::fromUtf8("帮助")}));
    // Marks that carry meaning outside Latin, Greek, Cyrillic, Arabic and Hebrew stay: が is not か.
    CHECK(words(en, QString::fromUtf8("が か"), false) ==
          (QStringList{QString::fromUtf8("が"), QString::fromUtf8("か")}));
    // Chinese words in an English text are not stemmed; numbers are words but not stemmed.
    CHECK(words(en, QString::fromUtf8("Zhōu Lì carers 2024"), true) ==
          (QStringList{QStringLiteral("zhou"), QStringLiteral("li"), QStringLiteral("carer"), QStringLiteral("2024")}));

    Analyzer none(QStringLiteral("none"));
    CHECK_FALSE(none.stems());
    CHECK(words(none, QStringLiteral("Listening listened"), true) ==
          (QStringList{QStringLiteral("listening"), QStringLiteral("listened")}));
    Analyzer fr(QStringLiteral("french"));
    const QStringList french = words(fr, QString::fromUtf8("écoutaient écouter"), true);
    CHECK(QSet<QString>(french.begin(), french.end()).size() == 1);
    REQUIRE_THROWS_WITH(Analyzer(QStringLiteral("klingon")), Catch::Contains("klingon") && Catch::Contains("english"));
    CHECK(Analyzer::languages().contains(QStringLiteral("none")));
}

TEST_CASE("Search folds accents, case and inflections, phrases, NEAR and prefixes", "[search]")
{
    Fixture f;
    f.import(QStringLiteral("cv.txt"),
             QString::fromUtf8("Her résumé was good. RESUME writing is hard. "
                               "I was Listening, she listened, they listen to the carers and they care."));
    CHECK(f.texts(QStringLiteral("resume")) == (QStringList{QString::fromUtf8("résumé"), QStringLiteral("RESUME")}));
    CHECK(f.texts(QString::fromUtf8("RÉSUMÉ")) == f.texts(QStringLiteral("resume")));
    CHECK(f.texts(QStringLiteral("listen")) ==
          (QStringList{QStringLiteral("Listening"), QStringLiteral("listened"), QStringLiteral("listen")}));
    CHECK(f.texts(QStringLiteral("listened")) == f.texts(QStringLiteral("listen")));

    // Phrases: adjacent words only, folded and stemmed like single words.
    CHECK(f.texts(QStringLiteral("\"the carers and\"")) == QStringList{QStringLiteral("the carers and")});
    CHECK(f.texts(QStringLiteral("\"carer and\"")) == QStringList{QStringLiteral("carers and")});
    CHECK(f.texts(QStringLiteral("\"carers they\"")).isEmpty());
    // NEAR: at most N words between them.
    f.import(QStringLiteral("near.txt"), QStringLiteral("alpha one two three beta gamma"));
    CHECK(f.texts(QStringLiteral("NEAR(alpha beta, 3)")) ==
          (QStringList{QStringLiteral("alpha"), QStringLiteral("beta")}));
    CHECK(f.texts(QStringLiteral("NEAR(beta alpha, 3)")) ==
          (QStringList{QStringLiteral("alpha"), QStringLiteral("beta")}));
    CHECK(f.texts(QStringLiteral("NEAR(alpha beta, 2)")).isEmpty());
    // With more phrases, N counts the words between the first and the last, the middle phrase's included.
    CHECK(f.texts(QStringLiteral("NEAR(alpha \"three beta\" gamma, 4)")) ==
          (QStringList{QStringLiteral("alpha"), QStringLiteral("three beta"), QStringLiteral("gamma")}));
    CHECK(f.texts(QStringLiteral("NEAR(alpha \"three beta\" gamma, 3)")).isEmpty());
    CHECK(f.texts(QStringLiteral("NEAR(résumé writing)")) ==
          (QStringList{QString::fromUtf8("résumé"), QStringLiteral("RESUME"), QStringLiteral("writing")}));

    // Prefixes match what was written (listeni* is no stem) and stems (listen*).
    CHECK(f.texts(QStringLiteral("listeni*")) == QStringList{QStringLiteral("Listening")});
    CHECK(f.texts(QStringLiteral("listen*")) ==
          (QStringList{QStringLiteral("Listening"), QStringLiteral("listened"), QStringLiteral("listen")}));
    CHECK(f.texts(QStringLiteral("\"they liste\"*")) == QStringList{QStringLiteral("they listen")});
    CHECK(f.texts(QStringLiteral("zzz*")).isEmpty());
    // Lower-case operators are words.
    CHECK(f.texts(QStringLiteral("\"carers and they care\"")) == QStringList{QStringLiteral("carers and they care")});
}

TEST_CASE("Boolean operators: NOT binds tighter than AND, AND tighter than OR, adjacent terms AND", "[search]")
{
    Fixture f;
    f.import(QStringLiteral("a.txt"), QStringLiteral("apple and cherry"));
    f.import(QStringLiteral("b.txt"), QStringLiteral("banana and cherry"));
    f.import(QStringLiteral("c.txt"), QStringLiteral("banana only"));
    f.import(QStringLiteral("d.txt"), QStringLiteral("apple only"));
    // apple OR (banana AND NOT cherry)
    const QStringList precedence{QStringLiteral("a.txt"), QStringLiteral("c.txt"), QStringLiteral("d.txt")};
    CHECK(f.documents(QStringLiteral("apple OR banana AND NOT cherry")) == precedence);
    CHECK(f.documents(QStringLiteral("apple OR banana NOT cherry")) == precedence);
    CHECK(f.documents(QStringLiteral("(apple OR banana) AND NOT cherry")) ==
          (QStringList{QStringLiteral("c.txt"), QStringLiteral("d.txt")}));
    CHECK(f.documents(QStringLiteral("banana cherry")) == QStringList{QStringLiteral("b.txt")});
    CHECK(f.documents(QStringLiteral("banana AND cherry OR only")) ==
          (QStringList{QStringLiteral("b.txt"), QStringLiteral("c.txt"), QStringLiteral("d.txt")}));
    // Words after NOT are never hits, even where a document matches through another branch.
    CHECK(f.texts(QStringLiteral("apple OR banana AND NOT cherry")) ==
          (QStringList{QStringLiteral("apple"), QStringLiteral("banana"), QStringLiteral("apple")}));
    // The MATCH expression quotes every term: user text cannot become FTS5 syntax.
    CHECK(f.run(QStringLiteral("apple OR banana NOT cherry")).match ==
          QStringLiteral("(\"apple\" OR (\"banana\" NOT \"cherry\"))"));
    CHECK(f.run(QStringLiteral("^cherry -banana")).match == QStringLiteral("(\"^cherry\" AND \"-banana\")"));
    CHECK(f.documents(QStringLiteral("^cherry -banana")) == QStringList{QStringLiteral("b.txt")});
}

TEST_CASE("Filters: code (and below), speaker, document and attributes", "[search][filters]")
{
    Fixture f;
    ImportTarget target;
    target.speakerCaseTemplate = QStringLiteral("{document}: {speaker}");
    target.attributes = {{QStringLiteral("group"), QStringLiteral("carer")}};
    const QString fg = QStringLiteral("Facilitator: What about money?\n"
                                      "P1: Money is tight, money worries me.\n"
                                      "P2: We never talk about money.\n");
    const Id fgId = f.p->importDocuments({fileOf({transcript(QStringLiteral("fg.txt"), fg)})}, target).front();
    const Id other = f.import(QStringLiteral("letter.txt"), QStringLiteral("Money, money. The letter is about money."));
    f.p->setAttribute(AttributeScope::Document, other, QStringLiteral("group"), QStringLiteral("professional"));
    // A case attribute overrides the document's for that speaker's words.
    f.p->setAttribute(AttributeScope::Case, f.p->findCase(QStringLiteral("fg: P2")).id, QStringLiteral("group"),
                      QStringLiteral("professional"));

    REQUIRE(f.run(QStringLiteral("money")).hits.size() == 7);
    auto speakers = [&](const QString &q) {
        QStringList out;
        for (const SearchHit &h : f.run(q).hits)
            out << (h.speaker.isEmpty() ? h.name : h.speaker);
        return out;
    };
    CHECK(speakers(QStringLiteral("money speaker:P1")) == (QStringList{QStringLiteral("P1"), QStringLiteral("P1")}));
    CHECK(speakers(QStringLiteral("money speaker:p1|P2")) ==
          (QStringList{QStringLiteral("P1"), QStringLiteral("P1"), QStringLiteral("P2")}));
    CHECK(speakers(QStringLiteral("money NOT speaker:Facilitator document:fg.txt")) ==
          (QStringList{QStringLiteral("P1"), QStringLiteral("P1"), QStringLiteral("P2")}));
    CHECK(speakers(QStringLiteral("money document:\"letter.txt\"")) == QStringList(3, QStringLiteral("letter.txt")));
    CHECK(speakers(QStringLiteral("money document:*.txt")).size() == 7);
    CHECK(speakers(QStringLiteral("money group:carer")) ==
          (QStringList{QStringLiteral("Facilitator"), QStringLiteral("P1"), QStringLiteral("P1")}));
    CHECK(speakers(QStringLiteral("money group:Professional")) ==
          (QStringList{QStringLiteral("P2"), QStringLiteral("letter.txt"), QStringLiteral("letter.txt"),
                       QStringLiteral("letter.txt")}));

    // code: hits inside segments coded with the code or any code below it.
    const Id sub = f.p->addCode(QStringLiteral("Finance/Worry"));
    const Id theme = f.p->resolveCode(QStringLiteral("Finance"));
    const qsizetype p1 = fg.indexOf(QStringLiteral("Money is tight"));
    f.p->addSegment(fgId, p1, p1 + 14, {sub}); // "Money is tight"
    f.p->addSegment(other, 0, 5, {theme});     // "Money"
    CHECK(speakers(QStringLiteral("money code:\"Finance/Worry\"")) == QStringList{QStringLiteral("P1")});
    CHECK(speakers(QStringLiteral("money code:Finance")) ==
          (QStringList{QStringLiteral("P1"), QStringLiteral("letter.txt")}));
    CHECK(speakers(QStringLiteral("money NOT code:Finance speaker:P1")) == QStringList{QStringLiteral("P1")});
    CHECK(speakers(QStringLiteral("(money OR tight) code:Finance/Worry")) ==
          (QStringList{QStringLiteral("P1"), QStringLiteral("P1")}));

    // Filters naming what the project does not have are errors, not empty results.
    CHECK_THAT(errorOf([&] { f.run(QStringLiteral("money code:\"Finance/Nope\"")); }).toStdString(),
               Catch::Contains("no code \"Finance/Nope\"") && Catch::Contains("column 7"));
    CHECK_THAT(errorOf([&] { f.run(QStringLiteral("money speaker:P9")); }).toStdString(),
               Catch::Contains("no speaker \"P9\""));
    CHECK_THAT(errorOf([&] { f.run(QStringLiteral("money document:nope.txt")); }).toStdString(),
               Catch::Contains("no document named \"nope.txt\""));
    CHECK_THAT(errorOf([&] { f.run(QStringLiteral("money colour:red")); }).toStdString(),
               Catch::Contains("\"colour:\" at column 7") && Catch::Contains("group"));
}

TEST_CASE("Document patterns match as SQLite GLOB does, attribute names without ASCII case", "[search][filters]")
{
    Fixture f;
    const Id one = f.import(QStringLiteral("fg-1.txt"), QStringLiteral("Money talk."));
    f.import(QStringLiteral("fg-2.txt"), QStringLiteral("More money talk."));
    f.import(QStringLiteral("letter.txt"), QStringLiteral("Money, the letter says."));
    f.import(QStringLiteral("[draft].txt"), QStringLiteral("A draft about money."));
    f.p->setAttribute(AttributeScope::Document, one, QStringLiteral("Group"), QStringLiteral("Carer"));

    CHECK(f.documents(QStringLiteral("money document:fg-?.txt")) ==
          (QStringList{QStringLiteral("fg-1.txt"), QStringLiteral("fg-2.txt")}));
    CHECK(f.documents(QStringLiteral("money document:[fl]*")) ==
          (QStringList{QStringLiteral("fg-1.txt"), QStringLiteral("fg-2.txt"), QStringLiteral("letter.txt")}));
    // Without * or ? a name is a name, brackets and all.
    CHECK(f.documents(QStringLiteral("money document:\"[draft].txt\"")) == QStringList{QStringLiteral("[draft].txt")});
    CHECK(f.documents(QStringLiteral("money NOT document:*-?.txt")) ==
          (QStringList{QStringLiteral("letter.txt"), QStringLiteral("[draft].txt")}));
    // Names and patterns are case-sensitive.
    CHECK_THAT(errorOf([&] { f.run(QStringLiteral("money document:FG-1.txt")); }).toStdString(),
               Catch::Contains("no document named \"FG-1.txt\""));
    CHECK_THAT(errorOf([&] { f.run(QStringLiteral("money document:*.TXT")); }).toStdString(),
               Catch::Contains("no document named \"*.TXT\""));

    // An attribute is named without regard to case, its value too.
    CHECK(f.documents(QStringLiteral("money GROUP:carer")) == QStringList{QStringLiteral("fg-1.txt")});
    CHECK(f.documents(QStringLiteral("money NOT group:CARER")) ==
          (QStringList{QStringLiteral("fg-2.txt"), QStringLiteral("letter.txt"), QStringLiteral("[draft].txt")}));
    f.p->defineAttribute(AttributeScope::Case, QStringLiteral("Age"), AttributeType::Number);
    CHECK_THAT(errorOf([&] { f.run(QStringLiteral("money colour:red")); }).toStdString(),
               Catch::Contains("(attributes: Age, Group)"));

    // Memo titles: the hit and its context come from the memo as stored.
    f.p->addMemo(QStringLiteral("project"), std::nullopt, QStringLiteral("Ask about the money."),
                 QStringLiteral("Money worries"));
    SearchOptions memos;
    memos.scope = SearchScope::Memos;
    const SearchResult r = f.run(QStringLiteral("money"), memos);
    REQUIRE(r.hits.size() == 2);
    CHECK(r.hits[0].name == QStringLiteral("Money worries"));
    CHECK(r.hits[0].field == QStringLiteral("title"));
    CHECK(r.hits[0].right == QStringLiteral(" worries"));
    CHECK(r.hits[1].field == QStringLiteral("text"));
    CHECK(r.hits[1].left == QStringLiteral("Ask about the "));
}

TEST_CASE("Hit offsets are code points: the hit text is the stored range, with emoji and CJK", "[search][offsets]")
{
    Fixture f;
    const QString text = QString::fromUtf8("👩‍👩‍👧 We need help 😢 我们需要帮助。Help us!\n"
                                           "e\u0301clair café 😢😢 help 👩🏽‍⚕️ nurse 帮助");
    const Id id = f.import(QStringLiteral("emoji.txt"), text);
    const TextOffsets offsets(text);
    SearchOptions o;
    o.context = 12;
    for (const QString &q : {QStringLiteral("help"), QString::fromUtf8("帮助"), QString::fromUtf8("我们"),
                             QStringLiteral("eclair"), QStringLiteral("cafe"), QStringLiteral("nurse"),
                             QStringLiteral("\"need help\""), QStringLiteral("NEAR(help nurse, 3)")}) {
        const SearchResult r = f.run(q, o);
        INFO(q.toStdString());
        REQUIRE_FALSE(r.hits.empty());
        for (const SearchHit &h : r.hits) {
            CHECK(h.text == f.p->documentRange(id, h.start, h.end));
            CHECK(h.left + h.text + h.right == f.p->documentRange(id, h.contextStart, h.contextEnd));
        }
    }
    CHECK(f.texts(QStringLiteral("help")) ==
          (QStringList{QStringLiteral("help"), QStringLiteral("Help"), QStringLiteral("help")}));
    CHECK(f.texts(QString::fromUtf8("帮助")) == QStringList(2, QString::fromUtf8("帮助")));
    CHECK(f.texts(QStringLiteral("eclair")) == QStringList{QString::fromUtf8("e\u0301clair")});
    const SearchHit last = f.run(QStringLiteral("nurse")).hits.front();
    CHECK(last.start == offsets.fromUtf16(text.indexOf(QStringLiteral("nurse"))));
    CHECK(last.end == last.start + 5);
}

TEST_CASE("KWIC context is cut at word boundaries, or is the sentence", "[search][kwic]")
{
    Fixture f;
    f.import(QStringLiteral("k.txt"),
             QStringLiteral("First sentence here. The carers were never listened to by anyone at all. Last one."));
    SearchOptions o;
    o.context = 10;
    const SearchHit h = f.run(QStringLiteral("listened"), o).hits.front();
    CHECK(h.left == QStringLiteral("never "));
    CHECK(h.right == QStringLiteral(" to by"));
    o.sentence = true;
    const SearchHit s = f.run(QStringLiteral("listened"), o).hits.front();
    CHECK(s.left + s.text + s.right == QStringLiteral("The carers were never listened to by anyone at all."));
    o = SearchOptions();
    o.context = 0;
    const SearchHit bare = f.run(QStringLiteral("listened"), o).hits.front();
    CHECK(bare.left.isEmpty());
    CHECK(bare.right.isEmpty());
    o.limit = 1;
    o.context = 5;
    f.import(QStringLiteral("k2.txt"), QStringLiteral("listened again"));
    const SearchResult limited = f.run(QStringLiteral("listened"), o);
    REQUIRE(limited.hits.size() == 2);
    CHECK(limited.hits[0].hasDetails);
    CHECK_FALSE(limited.hits[1].hasDetails);
    CHECK(limited.sources == 2);
}

TEST_CASE("Speaker, case, page and time of hits", "[search][kwic]")
{
    Fixture f;
    ImportedDocument d =
        transcript(QStringLiteral("t.txt"), QStringLiteral("I: Tell me about respite.\nP1: Respite saved me.\n"));
    d.turns[1].timeMs = 372000;
    d.pages = {{1, 0, 26}, {2, 26, 47}};
    f.p->importDocuments({fileOf({d})});
    const auto hits = f.run(QStringLiteral("respite")).hits;
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].speaker == QStringLiteral("I"));
    CHECK(hits[0].page == 1);
    CHECK_FALSE(hits[0].timeMs);
    CHECK(hits[1].speaker == QStringLiteral("P1"));
    CHECK(hits[1].page == 2);
    CHECK(hits[1].timeMs == 372000);
    REQUIRE(hits[1].caseId);
    CHECK(f.p->findCase(QString::number(*hits[1].caseId)).name == QStringLiteral("t: P1"));
}

TEST_CASE("The index follows imports, deletions, undo and redo in the same transaction", "[search][undo]")
{
    Fixture f;
    Search s(*f.p);
    f.import(QStringLiteral("one.txt"), QStringLiteral("The first document mentions respite."));
    const Id two =
        f.p->importDocuments(
               {fileOf({textDocument(QStringLiteral("two.txt"), QStringLiteral("Respite again, and résumé.")),
                        textDocument(QStringLiteral("three.txt"), QStringLiteral("No match here."))})})
            .front();
    CHECK(s.run(QStringLiteral("respite")).hits.size() == 2);
    s.check();

    f.p->undo(); // the second import: both of its documents leave the index
    CHECK(s.run(QStringLiteral("respite")).hits.size() == 1);
    CHECK(s.run(QStringLiteral("resume")).hits.empty());
    s.check();
    f.p->redo();
    REQUIRE(s.run(QStringLiteral("resume")).hits.size() == 1);
    CHECK(s.run(QStringLiteral("resume")).hits.front().id == two);
    CHECK(s.run(QStringLiteral("respite")).hits.size() == 2);
    s.check();

    f.p->deleteDocument(two, false);
    CHECK(s.run(QStringLiteral("respite")).hits.size() == 1);
    s.check();
    f.p->undo();
    CHECK(s.run(QStringLiteral("respite")).hits.size() == 2);
    s.check();

    // Memos and code descriptions: searchable, and kept in step too.
    const Id code = f.p->addCode(QStringLiteral("Respite care"), QString(), QStringLiteral("Breaks for carers"));
    const Id memo = f.p->addMemo(QStringLiteral("code"), code, QStringLiteral("Ask about respite budgets"),
                                 QStringLiteral("Follow-up"));
    SearchOptions all;
    all.scope = SearchScope::All;
    const SearchResult r = s.run(QStringLiteral("respite"), all);
    QStringList sources;
    for (const SearchHit &h : r.hits)
        sources << h.source + QLatin1Char('/') + h.field;
    CHECK(sources == (QStringList{QStringLiteral("document/text"), QStringLiteral("document/text"),
                                  QStringLiteral("memo/text"), QStringLiteral("code/name")}));
    SearchOptions codes;
    codes.scope = SearchScope::Codes;
    REQUIRE(s.run(QStringLiteral("carer"), codes).hits.size() == 1);
    CHECK(s.run(QStringLiteral("carer"), codes).hits.front().text == QStringLiteral("carers"));
    f.p->editMemo(memo, QStringLiteral("Nothing left"));
    SearchOptions memos;
    memos.scope = SearchScope::Memos;
    CHECK(s.run(QStringLiteral("respite"), memos).hits.empty());
    f.p->undo();
    CHECK(s.run(QStringLiteral("respite"), memos).hits.size() == 1);
    f.p->describeCode(QStringLiteral("Respite care"), QStringLiteral("Short breaks"), std::nullopt);
    CHECK(s.run(QStringLiteral("carer"), codes).hits.empty());
    f.p->undo();
    CHECK(s.run(QStringLiteral("carer"), codes).hits.size() == 1);
    s.check();

    // A change behind the index's back is found.
    ProjectAccess::database(*f.p).exec(QStringLiteral(
        "INSERT INTO search_documents(search_documents, rowid, text) "
        "SELECT 'delete', v.id, v.text FROM document_text_view v JOIN documents d ON d.id = v.id WHERE d.name = 'one.txt'"));
    REQUIRE_THROWS_WITH(s.check(), Catch::Contains("does not match") && Catch::Contains("reindex"));
    s.rebuild();
    s.check();
    CHECK(s.run(QStringLiteral("respite")).hits.size() == 2);
}

TEST_CASE("A long-lived Search answers as a fresh one after every change", "[search][undo][cache]")
{
    // The workbench keeps one Search for the whole session; it caches word
    // maps and document names. Every answer must equal a fresh Search's.
    Fixture f;
    Search kept(*f.p);
    auto same = [&](const QString &query) {
        const SearchResult a = kept.run(query);
        const SearchResult b = Search(*f.p).run(query);
        REQUIRE(a.hits.size() == b.hits.size());
        for (std::size_t i = 0; i < a.hits.size(); ++i) {
            CHECK(a.hits[i].id == b.hits[i].id);
            CHECK(a.hits[i].name == b.hits[i].name);
            CHECK(a.hits[i].start == b.hits[i].start);
            CHECK(a.hits[i].end == b.hits[i].end);
            CHECK(a.hits[i].text == f.p->documentRange(a.hits[i].id, a.hits[i].start, a.hits[i].end));
        }
        CHECK(a.sources == b.sources);
        return a;
    };
    const Id one = f.import(QStringLiteral("one.txt"), QStringLiteral("Respite helps. Respite again."));
    CHECK(same(QStringLiteral("respite")).hits.size() == 2);

    f.p->renameDocument(one, QStringLiteral("first.txt"));
    REQUIRE(same(QStringLiteral("respite")).hits.size() == 2);
    CHECK(kept.run(QStringLiteral("respite")).hits.front().name == QStringLiteral("first.txt"));
    f.p->undo();
    CHECK(kept.run(QStringLiteral("respite")).hits.front().name == QStringLiteral("one.txt"));

    // An import undone and another made: the new document gets a new id,
    // and its words are found where they are, not where the undone one's were.
    const Id gone = f.import(QStringLiteral("two.txt"), QStringLiteral("Only later comes respite."));
    CHECK(same(QStringLiteral("respite")).hits.size() == 3);
    f.p->undo();
    CHECK(same(QStringLiteral("respite")).hits.size() == 2);
    const Id three =
        f.import(QStringLiteral("three.txt"), QString::fromUtf8("😢😢 — respite 🙂, at last: respite."));
    CHECK(three != gone);
    const SearchResult r = same(QStringLiteral("respite"));
    REQUIRE(r.hits.size() == 4);
    CHECK(r.hits[2].start == 5);
    f.p->undo();
    f.p->redo();
    CHECK(same(QStringLiteral("respite")).hits.size() == 4);
    f.p->deleteDocument(one, false);
    CHECK(same(QStringLiteral("respite")).hits.size() == 2);
    kept.rebuild();
    CHECK(same(QStringLiteral("respite")).hits.size() == 2);
}

TEST_CASE("Word positions far into a text, after long gaps and long words", "[search][offsets]")
{
    // The word map stores most words in one byte (a gap of up to 3 and a
    // length of up to 31 code points) and the rest in a longer form; a hit
    // is found by skipping from the nearest 64-word block start.
    Fixture f;
    QString text;
    for (int i = 0; i < 500; ++i) {
        if (i % 7 == 0)
            text += QStringLiteral("          "); // a long gap
        if (i % 11 == 0)
            text += QStringLiteral("pneumonoultramicroscopicsilicovolcanoconiosis "); // 45 letters
        text += QStringLiteral("w%1 ").arg(i);
        if (i % 97 == 0)
            text += QStringLiteral("respite ");
    }
    const Id id = f.import(QStringLiteral("long.txt"), text);
    Search s(*f.p);
    for (const QString &query :
         {QStringLiteral("respite"), QStringLiteral("pneumonoultramicroscopicsilicovolcanoconiosis"),
          QStringLiteral("w499"), QStringLiteral("w0")}) {
        const SearchResult r = s.run(query);
        qsizetype expected = 0;
        for (qsizetype at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + 1)) {
            if (at + query.size() < text.size() && text[at + query.size()].isLetterOrNumber())
                continue; // "w49" inside "w499"
            ++expected;
        }
        REQUIRE(qsizetype(r.hits.size()) == expected);
        for (const SearchHit &h : r.hits)
            CHECK(f.p->documentRange(id, h.start, h.end) == query);
    }
}

TEST_CASE("Empty and word-less documents are indexed consistently", "[search]")
{
    Fixture f;
    f.import(QStringLiteral("empty.txt"), QString());
    f.import(QStringLiteral("symbols.txt"), QString::fromUtf8("😢 — !!! 👩‍👩‍👧"));
    f.import(QStringLiteral("words.txt"), QStringLiteral("some words"));
    Search s(*f.p);
    s.check();
    CHECK(s.run(QStringLiteral("words")).hits.size() == 1);
    SearchOptions o;
    o.regex = true;
    CHECK(s.run(QString::fromUtf8("😢"), o).hits.size() == 1);
}

TEST_CASE("The command log never records index rows", "[search][undo]")
{
    Fixture f;
    f.import(QStringLiteral("x.txt"), QStringLiteral("words for the index"));
    // Changesets name their tables; none of them may be a search_ table.
    Statement st(ProjectAccess::database(*f.p), QStringLiteral("SELECT changeset FROM commands"));
    REQUIRE(st.step());
    CHECK_FALSE(st.columnBlob(0).contains("search_"));
}

TEST_CASE("Malformed queries give the column and what was expected, never SQL", "[search][errors]")
{
    Fixture f;
    f.import(QStringLiteral("a.txt"), QStringLiteral("some text"));
    const std::vector<std::pair<QString, QStringList>> cases{
        {QString(), {QStringLiteral("query: the query is empty")}},
        {QStringLiteral("   "), {QStringLiteral("query is empty")}},
        {QStringLiteral("\"unclosed phrase"), {QStringLiteral("unbalanced quote at column 1")}},
        {QStringLiteral("care \"unclosed"), {QStringLiteral("unbalanced quote at column 6")}},
        {QStringLiteral("(carers OR money"),
         {QStringLiteral("unbalanced parenthesis at column 1"), QStringLiteral("never closed")}},
        {QStringLiteral("carers OR money)"), {QStringLiteral("unbalanced parenthesis at column 16")}},
        {QStringLiteral("(carers OR money) AND (respite"), {QStringLiteral("unbalanced parenthesis at column 23")}},
        {QStringLiteral("()"), {QStringLiteral("empty parentheses at column 1")}},
        {QStringLiteral("NEAR"), {QStringLiteral("NEAR at column 1 needs its words in parentheses")}},
        {QStringLiteral("NEAR()"), {QStringLiteral("NEAR at column 1 needs at least two words")}},
        {QStringLiteral("NEAR(money)"), {QStringLiteral("needs at least two words")}},
        {QStringLiteral("NEAR(a b, x)"), {QStringLiteral("expected a number of words after the comma at column 9")}},
        {QStringLiteral("NEAR(a b"), {QStringLiteral("NEAR( is never closed")}},
        {QStringLiteral("NEAR(a (b c))"), {QStringLiteral("takes only words and phrases")}},
        {QStringLiteral("money OR"), {QStringLiteral("OR at column 7 needs a word or phrase after it")}},
        {QStringLiteral("OR money"), {QStringLiteral("OR at column 1 needs a word or phrase before it")}},
        {QStringLiteral("AND money"), {QStringLiteral("AND at column 1 needs a word or phrase before it")}},
        {QStringLiteral("money AND"), {QStringLiteral("AND at column 7 needs a word or phrase after it")}},
        {QStringLiteral("NOT money"), {QStringLiteral("NOT at column 1 has nothing to exclude from")}},
        {QStringLiteral("money NOT"), {QStringLiteral("NOT at column 7 needs a word or phrase after it")}},
        {QStringLiteral("* money"), {QStringLiteral("\"*\" at column 1 must follow a word")}},
        {QStringLiteral("mon*ey"), {QStringLiteral("\"*\" at column 4 must end a word")}},
        {QStringLiteral("money, time"), {QStringLiteral("unexpected \",\" at column 6")}},
        {QStringLiteral("\"\""), {QStringLiteral("empty phrase")}},
        {QString::fromUtf8("😢"), {QStringLiteral("holds no word to search for"), QStringLiteral("--regex")}},
        {QString::fromUtf8("\"😢 money\" (x"), {QStringLiteral("unbalanced parenthesis at column 11")}},
        {QStringLiteral("speaker:"), {QStringLiteral("the filter speaker: at column 1 needs a value")}},
        {QStringLiteral("speaker:P1"), {QStringLiteral("give at least one word or phrase")}},
        {QStringLiteral("money OR speaker:P1"),
         {QStringLiteral("the filter speaker: at column 10 applies to the whole query")}},
        {QStringLiteral("(money OR code:X)"), {QStringLiteral("the filter code: at column 11")}},
        {QStringLiteral("NEAR(money code:X)"), {QStringLiteral("takes only words and phrases")}},
        {QStringLiteral("money code:\"Nope/Not\""),
         {QStringLiteral("no code \"Nope/Not\""), QStringLiteral("column 7")}},
    };
    for (const auto &[query, needles] : cases) {
        INFO("query: " << query.toStdString());
        const QString message = errorOf([&] { f.run(query); });
        INFO("message: " << message.toStdString());
        REQUIRE_FALSE(message.isEmpty());
        CHECK(message.startsWith(QStringLiteral("query: ")));
        for (const QString &n : needles)
            CHECK(message.contains(n));
        CHECK_FALSE(message.contains(QStringLiteral("fts5")));
        CHECK_FALSE(message.contains(QStringLiteral("SQL")));
        CHECK_FALSE(message.contains(QLatin1Char('\n')));
    }
    // Column numbers count characters, not bytes or UTF-16 units.
    CHECK(errorOf([&] { f.run(QString::fromUtf8("\"😢😢 résumé\" (x")); }).contains(QStringLiteral("column 13")));
    // Parentheses around the whole query may hold filters.
    CHECK(f.run(QStringLiteral("(text document:a.txt)")).hits.size() == 1);
}

TEST_CASE("Regular-expression mode scans the stored text", "[search][regex]")
{
    Fixture f;
    const Id id = f.import(QStringLiteral("r.txt"), QString::fromUtf8("😢 Ticket #1234 and #56; TICKET #7"));
    SearchOptions o;
    o.regex = true;
    const SearchResult r = f.run(QStringLiteral("#\\d+"), o);
    REQUIRE(r.hits.size() == 3);
    CHECK(r.hits[0].text == QStringLiteral("#1234"));
    CHECK(r.hits[0].start == 9);
    CHECK(f.p->documentRange(id, r.hits[2].start, r.hits[2].end) == QStringLiteral("#7"));
    CHECK(f.run(QStringLiteral("(?i)ticket"), o).hits.size() == 2);
    CHECK(f.run(QString::fromUtf8("😢"), o).hits.size() == 1);
    CHECK_THAT(errorOf([&] { f.run(QStringLiteral("ticket (#"), o); }).toStdString(),
               Catch::StartsWith("query: invalid regular expression at column") && Catch::Contains("missing"));
}

TEST_CASE("Autocode codes hits widened to a unit in one undoable command", "[search][autocode]")
{
    Fixture f;
    const QString text = QStringLiteral("I: What helped?\n"
                                        "P1: Respite helped. The respite week was short. Nothing else.\n"
                                        "P2: I never had respite.\n");
    ImportTarget target;
    const Id doc = f.p->importDocuments({fileOf({transcript(QStringLiteral("fg.txt"), text)})}, target).front();
    const Id other = f.import(QStringLiteral("n.txt"), QStringLiteral("Respite is a word. Also respite here."));
    const Id code = f.p->addCode(QStringLiteral("Support/Respite"));
    const qsizetype commands = qsizetype(f.p->history().size());

    AutocodeOptions o;
    o.code = code;
    o.extent = AutocodeExtent::Sentence;
    const AutocodeResult r = autocode(*f.p, QStringLiteral("respite"), o);
    CHECK(r.hits == 5);
    CHECK(r.added == 5);
    CHECK(r.documents == 2);
    CHECK(qsizetype(f.p->history().size()) == commands + 1);
    QStringList coded;
    for (const Segment &s : f.p->segments(std::nullopt, code))
        coded << f.p->documentRange(s.documentId, s.start, s.end);
    // Sentences, without the speaker label that starts a turn.
    CHECK(coded == (QStringList{QStringLiteral("Respite helped."), QStringLiteral("The respite week was short."),
                                QStringLiteral("I never had respite."), QStringLiteral("Respite is a word."),
                                QStringLiteral("Also respite here.")}));

    // Again: everything is already coded by this coder, nothing changes.
    const AutocodeResult again = autocode(*f.p, QStringLiteral("respite"), o);
    CHECK(again.alreadyCoded == 5);
    CHECK(again.added == 0);
    CHECK(qsizetype(f.p->history().size()) == commands + 1);

    // One undo removes every segment of the command.
    f.p->undo();
    CHECK(f.p->segments(std::nullopt, code).empty());

    // Turns: hits in one turn merge into one segment; chosen hits only.
    o.extent = AutocodeExtent::Turn;
    o.hits = {1, 2};
    const AutocodeResult turns = autocode(*f.p, QStringLiteral("respite"), o);
    CHECK(turns.hits == 2);
    CHECK(turns.added == 1);
    const auto segs = f.p->segments(doc, code);
    REQUIRE(segs.size() == 1);
    CHECK(f.p->documentRange(doc, segs[0].start, segs[0].end) ==
          QStringLiteral("Respite helped. The respite week was short. Nothing else."));
    o.hits = {9};
    CHECK_THAT(errorOf([&] { autocode(*f.p, QStringLiteral("respite"), o); }).toStdString(),
               Catch::Contains("no hit 9") && Catch::Contains("5 hits"));
    o.hits.clear();
    o.extent = AutocodeExtent::Turn;
    const AutocodeResult outside = autocode(*f.p, QStringLiteral("respite"), o);
    CHECK(outside.outsideTurns == 2); // n.txt has no turns: its paragraph
    CHECK(outside.alreadyCoded == 1);
    CHECK(f.p->segments(other, code).size() == 1);

    // A span the coder already coded with another code gets this code added.
    f.p->undo();
    f.p->undo();
    const Id word = f.p->addCode(QStringLiteral("Word"));
    const qsizetype at = text.indexOf(QStringLiteral("respite week"));
    const Id existing = f.p->addSegment(doc, at, at + 7, {word});
    o.extent = AutocodeExtent::Word;
    const AutocodeResult joinWord = autocode(*f.p, QStringLiteral("respite document:fg.txt"), o);
    CHECK(joinWord.hits == 3);
    CHECK(joinWord.joined == 1);
    CHECK(joinWord.added == 2);
    CHECK(f.p->segment(existing).codes.size() == 2);
    f.p->undo();
    CHECK(f.p->segment(existing).codes.size() == 1);

    // Overlapping passages become one segment.
    o.extent = AutocodeExtent::Hit;
    const AutocodeResult overlap = autocode(*f.p, QStringLiteral("\"respite week\" OR week"), o);
    CHECK(overlap.hits == 2);
    CHECK(overlap.added == 1);
    const Segment merged = f.p->segment(overlap.segments.front());
    CHECK(f.p->documentRange(doc, merged.start, merged.end) == QStringLiteral("respite week"));
}

TEST_CASE("Word frequencies per group, stemmed or not, with stop words", "[search][words]")
{
    Fixture f;
    ImportTarget target;
    target.attributes = {{QStringLiteral("group"), QStringLiteral("carer")}};
    f.p->importDocuments(
        {fileOf({transcript(QStringLiteral("fg.txt"),
                            QStringLiteral("I: Were you listened to?\n"
                                           "P1: Nobody listens. I listen, they listened to nobody.\n"))})},
        target);
    WordFrequencyOptions o;
    o.by = QStringLiteral("speaker");
    const auto bySpeaker = wordFrequencies(*f.p, o);
    REQUIRE(bySpeaker.size() == 2);
    CHECK(bySpeaker[0].group == QStringLiteral("I"));
    CHECK(bySpeaker[1].group == QStringLiteral("P1"));
    CHECK(bySpeaker[1].top.front().word == QStringLiteral("nobody"));
    CHECK(bySpeaker[1].top.front().count == 2);
    CHECK(bySpeaker[1].words == 5); // "I", "they", "to" are stop words; the label "P1" is a number, not counted
    o.stem = true;
    const auto stemmed = wordFrequencies(*f.p, o);
    CHECK(stemmed[1].top.front().stem == QStringLiteral("listen"));
    CHECK(stemmed[1].top.front().count == 3);
    CHECK(stemmed[1].top.front().forms.size() == 3);
    o.stopwords = QStringLiteral("none");
    o.by = QString();
    o.stem = false;
    o.top = 0;
    const auto all = wordFrequencies(*f.p, o);
    REQUIRE(all.size() == 1);
    CHECK(all[0].group == QStringLiteral("all"));
    CHECK(all[0].words == 12); // not the speaker labels "I:" and "P1:"
    o.by = QStringLiteral("group");
    CHECK(wordFrequencies(*f.p, o).front().group == QStringLiteral("carer"));
    o.by = QStringLiteral("colour");
    REQUIRE_THROWS_WITH(wordFrequencies(*f.p, o),
                        Catch::Contains("--by takes document, code, speaker, case or an attribute"));
    o.by = QStringLiteral("code");
    const Id code = f.p->addCode(QStringLiteral("Unheard"));
    f.p->addSegment(f.p->documents().front().id, 29, 43, {code}); // "Nobody listens"
    const auto byCode = wordFrequencies(*f.p, o);
    REQUIRE(byCode.size() == 1);
    CHECK(byCode[0].words == 2);
}

TEST_CASE("The search language can change, the index follows", "[search][language]")
{
    Fixture f;
    f.import(QStringLiteral("l.txt"), QStringLiteral("They listened. Ils écoutaient."));
    Search s(*f.p);
    CHECK(s.language() == QStringLiteral("english"));
    CHECK(s.run(QStringLiteral("listen")).hits.size() == 1);
    s.setLanguage(QStringLiteral("none"));
    CHECK(s.language() == QStringLiteral("none"));
    CHECK(s.run(QStringLiteral("listen")).hits.empty());
    CHECK(s.run(QStringLiteral("listened")).hits.size() == 1);
    s.check();
    s.setLanguage(QStringLiteral("french"));
    CHECK(s.run(QStringLiteral("écouter")).hits.size() == 1);
    s.check();
    // Still kept in step with later imports, with the new stemmer.
    f.import(QStringLiteral("m.txt"), QString::fromUtf8("Vous écoutez."));
    CHECK(s.run(QStringLiteral("ecouter")).hits.size() == 2);
    s.check();
    REQUIRE_THROWS_WITH(s.setLanguage(QStringLiteral("elvish")), Catch::Contains("elvish"));
    CHECK(s.language() == QStringLiteral("french"));
}

TEST_CASE("A project from before search gets its index when it is opened", "[search][migrations]")
{
    QuireTest::TempDir dir;
    const QString path = dir.path(QStringLiteral("old.quire"));
    {
        Database db(path, Database::OpenMode::ReadWriteCreate);
        Schema::createAtVersion(db, 4);
        db.exec(QString::fromUtf8(
            "INSERT INTO coders(name, created) VALUES ('ana', 'now');"
            "INSERT INTO documents(name, text, length, sha256, format, encoding, imported_at) "
            "VALUES ('d.txt', 'We listened 😢 to 帮助', 19, 'x', 'plaintext', 'UTF-8', 'now');"
            "INSERT INTO codes(guid, name, description, created) VALUES ('g1', 'Theme', 'About listening', 'now');"
            "INSERT INTO memos(target_kind, text, coder_id, created, modified) "
            "VALUES ('project', 'listen again', 1, 'now', 'now');"));
    }
    auto p = Project::open(path);
    CHECK(ProjectAccess::database(*p).scalarInt(QStringLiteral("PRAGMA user_version")) == Schema::currentVersion());
    Search s(*p);
    s.check();
    const auto hits = s.run(QString::fromUtf8("listen OR 帮助")).hits;
    REQUIRE(hits.size() == 2);
    CHECK(hits[1].text == QString::fromUtf8("帮助"));
    CHECK(hits[1].start == 17);
    SearchOptions all;
    all.scope = SearchScope::All;
    CHECK(s.run(QStringLiteral("listen"), all).hits.size() == 3);
}

TEST_CASE("A plain connection of the process can still write indexed tables", "[search][connection]")
{
    QuireTest::TempDir dir;
    const QString path = dir.path(QStringLiteral("p.quire"));
    {
        auto p = Project::create(path);
        p->addCode(QStringLiteral("Theme"));
    }
    {
        Database db(path, Database::OpenMode::ReadWrite);
        db.exec(QStringLiteral("UPDATE codes SET description = 'changed outside'"));
    }
    auto p = Project::open(path);
    SearchOptions codes;
    codes.scope = SearchScope::Codes;
    CHECK(Search(*p).run(QStringLiteral("outside"), codes).hits.size() == 1);
    Search(*p).check();
}
