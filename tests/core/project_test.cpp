// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "error.h"
#include "model/project.h"
#include "model/projectaccess.h"
#include "storage/database.h"
#include "testsupport.h"

#include <algorithm>
#include <tuple>

using namespace Quire;
using QuireTest::textFile;

namespace {

struct Fixture
{
    QuireTest::TempDir dir;
    std::unique_ptr<Project> p = Project::create(dir.path(QStringLiteral("p.quire")));
    Fixture() { p->setCoder(QStringLiteral("ana")); }
};

} // namespace

TEST_CASE("Codes form a hierarchy of any depth with multi-parent codes", "[model][codes]")
{
    Fixture f;
    const Id code = f.p->addCode(QStringLiteral("Being heard/Not listened to/Dismissed as emotional"),
                                 QStringLiteral("#aa3355"), QStringLiteral("Carer's view waved away"));
    const Id theme = f.p->resolveCode(QStringLiteral("Being heard"));
    const Id sub = f.p->resolveCode(QStringLiteral("Being heard/Not listened to"));
    CHECK(f.p->children(std::nullopt) == std::vector<Id>{theme});
    CHECK(f.p->children(theme) == std::vector<Id>{sub});
    CHECK(f.p->code(code).color == QStringLiteral("#aa3355"));
    CHECK(f.p->code(code).description == QStringLiteral("Carer's view waved away"));
    // Deeper than three levels.
    const Id deep =
        f.p->addCode(QStringLiteral("Being heard/Not listened to/Dismissed as emotional/By GPs/At reception"));
    CHECK(f.p->codePath(deep) ==
          QStringLiteral("Being heard/Not listened to/Dismissed as emotional/By GPs/At reception"));

    // A second parent: the code is reachable by two paths.
    f.p->addCode(QStringLiteral("Trust in services"));
    f.p->linkCode(QStringLiteral("Being heard/Not listened to/Dismissed as emotional"),
                  QStringLiteral("Trust in services"));
    const QStringList paths = f.p->codePaths(code);
    CHECK(paths.size() == 2);
    CHECK(paths.contains(QStringLiteral("Trust in services/Dismissed as emotional")));
    CHECK(f.p->resolveCode(QStringLiteral("Trust in services/Dismissed as emotional")) == code);
    CHECK(f.p->resolveCode(QStringLiteral("Trust in services/Dismissed as emotional/By GPs/At reception")) == deep);

    // Loops are refused, names are unique among siblings, errors name the path.
    REQUIRE_THROWS_WITH(f.p->moveCode(QStringLiteral("Being heard"), QStringLiteral("Being heard/Not listened to")),
                        Catch::Contains("loop"));
    REQUIRE_THROWS_WITH(
        f.p->linkCode(QStringLiteral("Trust in services"), QStringLiteral("Trust in services/Dismissed as emotional")),
        Catch::Contains("loop"));
    REQUIRE_THROWS_WITH(f.p->addCode(QStringLiteral("Being heard/Not listened to")), Catch::Contains("already exists"));
    REQUIRE_THROWS_WITH(f.p->resolveCode(QStringLiteral("Being heard/Nope/X")),
                        Catch::Contains("Being heard/Nope") && Catch::Contains("\"Being heard\" exists"));
    REQUIRE_THROWS_WITH(f.p->addCode(QStringLiteral("A//B")), Catch::Contains("empty part"));
    REQUIRE_THROWS_WITH(f.p->addCode(QStringLiteral("Colour"), QStringLiteral("red")), Catch::Contains("#RRGGBB"));

    // Unlink one place: the code stays under its other parent.
    f.p->unlinkCode(QStringLiteral("Trust in services/Dismissed as emotional"));
    CHECK(f.p->codePaths(code) == QStringList{QStringLiteral("Being heard/Not listened to/Dismissed as emotional")});
    REQUIRE_THROWS_WITH(f.p->unlinkCode(QStringLiteral("Being heard/Not listened to/Dismissed as emotional")),
                        Catch::Contains("only this place"));
}

TEST_CASE("Rename, move, merge and delete codes", "[model][codes]")
{
    Fixture f;
    const auto docs =
        f.p->importDocuments({textFile(QStringLiteral("d.txt"), QStringLiteral("alpha beta gamma delta"))});
    const Id doc = docs.front();
    const Id a = f.p->addCode(QStringLiteral("T/A"));
    const Id b = f.p->addCode(QStringLiteral("T/B"));
    f.p->addCode(QStringLiteral("T/A/A1"));
    f.p->addSegment(doc, 0, 5, {a});
    f.p->addSegment(doc, 6, 10, {a, b});

    f.p->renameCode(QStringLiteral("T/A"), QStringLiteral("Alpha"));
    CHECK(f.p->codePath(a) == QStringLiteral("T/Alpha"));
    REQUIRE_THROWS_WITH(f.p->renameCode(QStringLiteral("T/Alpha"), QStringLiteral("B")),
                        Catch::Contains("already exists"));

    f.p->moveCode(QStringLiteral("T/B"), QStringLiteral("/"));
    CHECK(f.p->codePath(b) == QStringLiteral("B"));
    f.p->moveCode(QStringLiteral("B"), QStringLiteral("T"));

    // Merge: segments, children and memos move; the merged code is gone.
    f.p->addMemo(QStringLiteral("code"), a, QStringLiteral("definition draft"));
    f.p->mergeCode(QStringLiteral("T/Alpha"), QStringLiteral("T/B"));
    CHECK_FALSE(f.p->tryResolveCode(QStringLiteral("T/Alpha")));
    CHECK(f.p->segmentCount(b) == 2);
    CHECK(f.p->resolveCode(QStringLiteral("T/B/A1")) > 0);
    CHECK(f.p->memos(QStringLiteral("code"), b).size() == 1);

    // Delete needs force when segments would be uncoded; segments left with no code go too.
    REQUIRE_THROWS_WITH(f.p->deleteCode(QStringLiteral("T"), false),
                        Catch::Contains("--force") && Catch::Contains("2 coded segments"));
    CHECK(f.p->segments().size() == 2);
    f.p->deleteCode(QStringLiteral("T"), true);
    CHECK(f.p->codes().empty());
    CHECK(f.p->segments().empty());
}

TEST_CASE("Segments: ranges are checked, same span gathers codes, quotes are found exactly", "[model][segments]")
{
    Fixture f;
    const QString text = QStringLiteral("P1: I waited \U0001F622 three hours.\nP2: We waited too. We waited.");
    const Id doc = f.p->importDocuments({textFile(QStringLiteral("fg.txt"), text)}).front();
    const Id c = f.p->addCode(QStringLiteral("Waiting"));
    const Id c2 = f.p->addCode(QStringLiteral("Emotion"));
    CHECK(f.p->document(doc).length == text.toUcs4().size());

    // Code points, not UTF-16: the emoji counts once.
    const auto hits = f.p->findQuote(doc, QStringLiteral("three hours"));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0] == 15); // "P1: I waited " is 13, the emoji 1, a space 1
    const Id s = f.p->addSegment(doc, hits[0], hits[0] + 11, {c});
    CHECK(f.p->documentRange(doc, 15, 26) == QStringLiteral("three hours"));
    CHECK(f.p->findQuote(doc, QStringLiteral("waited")).size() == 3);
    CHECK(f.p->findQuote(doc, QStringLiteral("not there")).empty());

    CHECK(f.p->addSegment(doc, 15, 26, {c2}) == s);
    CHECK(f.p->segment(s).codes.size() == 2);
    REQUIRE_THROWS_WITH(f.p->addSegment(doc, 15, 26, {c}), Catch::Contains("already coded"));

    const qsizetype len = f.p->document(doc).length;
    REQUIRE_THROWS_WITH(f.p->addSegment(doc, 5, len + 1, {c}), Catch::Contains("past the end"));
    REQUIRE_THROWS_WITH(f.p->addSegment(doc, 9, 3, {c}), Catch::Contains("reversed"));
    REQUIRE_THROWS_WITH(f.p->addSegment(doc, -1, 3, {c}), Catch::Contains("negative"));
    REQUIRE_THROWS_WITH(f.p->addSegment(doc, 0, 3, {}), Catch::Contains("at least one code"));
    // A segment ending at the very end of the document.
    const Id last = f.p->addSegment(doc, len - 7, len, {c});
    CHECK(f.p->documentRange(doc, len - 7, len) == QStringLiteral("waited."));

    f.p->resizeSegment(last, len - 7, len - 1);
    CHECK(f.p->segment(last).end == len - 1);
    REQUIRE_THROWS_AS(f.p->resizeSegment(last, 0, len + 5), Error);
    f.p->removeSegment(last);
    REQUIRE_THROWS_WITH(f.p->segment(last), Catch::Contains("no segment"));
}

TEST_CASE("Cases, typed attributes and memos", "[model][cases]")
{
    Fixture f;
    const Id doc = f.p->importDocuments({textFile(QStringLiteral("story.txt"), QStringLiteral("A story of care."))}, {},
                                        QStringLiteral("Narrative 1"))
                       .front();
    const Case c = f.p->findCase(QStringLiteral("Narrative 1"));
    CHECK(f.p->caseDocuments(c.id) == std::vector<Id>{doc});
    // A segment in a one-case document credits that case.
    const Id code = f.p->addCode(QStringLiteral("Care"));
    const Id s = f.p->addSegment(doc, 2, 7, {code});
    CHECK(f.p->segment(s).caseId == c.id);

    f.p->defineAttribute(AttributeScope::Case, QStringLiteral("age"), AttributeType::Number);
    f.p->defineAttribute(AttributeScope::Case, QStringLiteral("group"), AttributeType::Choice,
                         {QStringLiteral("carer"), QStringLiteral("professional")});
    f.p->defineAttribute(AttributeScope::Case, QStringLiteral("interviewed"), AttributeType::Date);
    f.p->defineAttribute(AttributeScope::Case, QStringLiteral("consented"), AttributeType::Boolean);
    f.p->setAttribute(AttributeScope::Case, c.id, QStringLiteral("age"), QStringLiteral("47"));
    f.p->setAttribute(AttributeScope::Case, c.id, QStringLiteral("group"), QStringLiteral("carer"));
    f.p->setAttribute(AttributeScope::Case, c.id, QStringLiteral("interviewed"), QStringLiteral("2026-03-14"));
    f.p->setAttribute(AttributeScope::Case, c.id, QStringLiteral("consented"), QStringLiteral("yes"));
    f.p->setAttribute(AttributeScope::Document, doc, QStringLiteral("type"), QStringLiteral("carer story"));
    CHECK(f.p->attribute(AttributeScope::Case, c.id, QStringLiteral("consented")) == QStringLiteral("true"));
    CHECK(f.p->attribute(AttributeScope::Document, doc, QStringLiteral("type")) == QStringLiteral("carer story"));
    REQUIRE_THROWS_WITH(f.p->setAttribute(AttributeScope::Case, c.id, QStringLiteral("age"), QStringLiteral("forty")),
                        Catch::Contains("number"));
    REQUIRE_THROWS_WITH(f.p->setAttribute(AttributeScope::Case, c.id, QStringLiteral("group"), QStringLiteral("nurse")),
                        Catch::Contains("carer, professional"));
    REQUIRE_THROWS_AS(
        f.p->setAttribute(AttributeScope::Case, c.id, QStringLiteral("interviewed"), QStringLiteral("14/03/2026")),
        Error);
    REQUIRE_THROWS_AS(
        f.p->setAttribute(AttributeScope::Case, c.id, QStringLiteral("consented"), QStringLiteral("maybe")), Error);
    // Redefining a type that existing values do not fit is refused.
    REQUIRE_THROWS_WITH(f.p->defineAttribute(AttributeScope::Document, QStringLiteral("type"), AttributeType::Number),
                        Catch::Contains("carer story"));

    const Id m1 =
        f.p->addMemo(QStringLiteral("project"), std::nullopt, QStringLiteral("Reflexive note: I am a carer too."));
    f.p->addMemo(QStringLiteral("document"), doc, QStringLiteral("Long pauses in the recording."));
    f.p->addMemo(QStringLiteral("segment"), s, QStringLiteral("Key quote?"));
    f.p->addMemo(QStringLiteral("case"), c.id, QStringLiteral("Met at the carers' café."));
    f.p->addMemo(QStringLiteral("code"), code, QStringLiteral("Inclusion: any act of care."));
    CHECK(f.p->memos().size() == 5);
    f.p->editMemo(m1, QStringLiteral("Reflexive note, revised."));
    CHECK(f.p->memos(QStringLiteral("project")).front().text == QStringLiteral("Reflexive note, revised."));
    REQUIRE_THROWS_AS(f.p->addMemo(QStringLiteral("segment"), 999, QStringLiteral("x")), Error);
    REQUIRE_THROWS_AS(f.p->addMemo(QStringLiteral("planet"), 1, QStringLiteral("x")), Error);
}

TEST_CASE("Compact removes only the texts nothing can bring back, undo and redo still work", "[model][compact]")
{
    Fixture f;
    const QString big = QStringLiteral("A long answer about waiting lists. ").repeated(2000); // ~70 KB
    const Id kept = f.p->importDocuments({textFile(QStringLiteral("kept.txt"), QStringLiteral("We waited."))}).front();
    const Id deleted = f.p->importDocuments({textFile(QStringLiteral("deleted.txt"), big)}).front();
    f.p->deleteDocument(deleted, false); // undoable: its text must stay
    const Id undone = f.p->importDocuments({textFile(QStringLiteral("undone.txt"), big + QStringLiteral("!"))}).front();
    f.p->undo(); // the import of undone.txt: redo could bring it back
    auto texts = [&] {
        return ProjectAccess::database(*f.p).scalarInt(QStringLiteral("SELECT count(*) FROM document_texts"));
    };
    CHECK(texts() == 3);

    Project::CompactResult r = f.p->compact();
    CHECK(r.textsRemoved == 0); // both can still come back
    CHECK(texts() == 3);

    // A new command discards the undone import: that text is now unreachable.
    f.p->addCode(QStringLiteral("Waiting"));
    const QString before = QuireTest::projectFingerprint(f.p->path());
    r = f.p->compact();
    CHECK(r.textsRemoved == 1);
    CHECK(texts() == 2);
    CHECK(r.bytesAfter < r.bytesBefore);
    CHECK(QuireTest::projectFingerprint(f.p->path()) == before);

    // Undo reaches back past the deletion: the deleted document's text is there.
    f.p->undo(); // the code
    f.p->undo(); // the deletion
    CHECK(f.p->documentText(deleted) == big);
    f.p->redo();
    f.p->redo();
    CHECK(f.p->documentText(kept) == QStringLiteral("We waited."));
    // The discarded import stays discarded; a new import gets a new id.
    const Id again = f.p->importDocuments({textFile(QStringLiteral("undone.txt"), QStringLiteral("Again."))}).front();
    CHECK(again != undone);
    CHECK(f.p->documentText(again) == QStringLiteral("Again."));
}

TEST_CASE("Typed reads for search: known speakers, document names, the links of chosen codes", "[model][documents]")
{
    Fixture f;
    const QString text = QStringLiteral("Ann: We waited.\n\u00c9mile: So did we.\n");
    ImportedFile file = textFile(QStringLiteral("fg.txt"), text);
    file.documents.front().kind = QStringLiteral("transcript");
    file.documents.front().turns.push_back({0, 15, QStringLiteral("Ann"), std::nullopt, std::nullopt});
    file.documents.front().turns.push_back({16, 33, QStringLiteral("\u00c9mile"), std::nullopt, std::nullopt});
    const Id fg = f.p->importDocuments({file}).front();
    const Id letter =
        f.p->importDocuments({textFile(QStringLiteral("letter.txt"), QStringLiteral("No turns."))}).front();

    // Speakers: ASCII letters without regard to case, the rest exactly.
    CHECK(f.p->hasSpeaker(QStringLiteral("Ann")));
    CHECK(f.p->hasSpeaker(QStringLiteral("aNN")));
    CHECK(f.p->hasSpeaker(QStringLiteral("\u00c9mile")));
    CHECK(f.p->hasSpeaker(QStringLiteral("\u00c9MILE")));
    CHECK_FALSE(f.p->hasSpeaker(QStringLiteral("\u00e9mile")));
    CHECK_FALSE(f.p->hasSpeaker(QStringLiteral("An")));
    CHECK_FALSE(f.p->hasSpeaker(QStringLiteral("letter.txt")));

    f.p->renameDocument(letter, QStringLiteral("letter 2.txt"));
    CHECK(f.p->documentNames() == (std::vector<std::pair<Id, QString>>{{fg, QStringLiteral("fg.txt")},
                                                                       {letter, QStringLiteral("letter 2.txt")}}));
    f.p->deleteDocument(fg, true);
    CHECK_FALSE(f.p->hasSpeaker(QStringLiteral("Ann")));
    CHECK(f.p->documentNames() == (std::vector<std::pair<Id, QString>>{{letter, QStringLiteral("letter 2.txt")}}));
    f.p->undo();
    CHECK(f.p->hasSpeaker(QStringLiteral("Ann")));
    CHECK(f.p->documentText(fg) == text); // read again through the same prepared statement
    CHECK(f.p->turns(fg).size() == 2);

    // The links of chosen codes: each (segment, code) pair once, no other code's.
    const Id a = f.p->addCode(QStringLiteral("Theme/A"));
    const Id b = f.p->addCode(QStringLiteral("B"));
    const Id c = f.p->addCode(QStringLiteral("C"));
    const Id both = f.p->addSegment(fg, 0, 15, {a, b});
    const Id onlyC = f.p->addSegment(fg, 16, 33, {c});
    f.p->addSegment(letter, 0, 2, {b});
    auto links = [&](const std::set<Id> &codes) {
        std::vector<std::tuple<Id, Id, Id, qsizetype, qsizetype>> out;
        for (const CodingLink &l : f.p->codingLinks(codes))
            out.emplace_back(l.segmentId, l.codeId, l.documentId, l.start, l.end);
        std::sort(out.begin(), out.end());
        return out;
    };
    CHECK(links({a}) == (std::vector<std::tuple<Id, Id, Id, qsizetype, qsizetype>>{{both, a, fg, 0, 15}}));
    CHECK(links({c, a}) ==
          (std::vector<std::tuple<Id, Id, Id, qsizetype, qsizetype>>{{both, a, fg, 0, 15}, {onlyC, c, fg, 16, 33}}));
    CHECK(links({b}).size() == 2);
    // The code above a coded one is not itself coded.
    CHECK(links({f.p->resolveCode(QStringLiteral("Theme"))}).empty());
    CHECK(links({}).empty());
    CHECK(links({a, b, c}).size() == f.p->codingLinks().size());
}
