// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "analysis/teamwork.h"
#include "analysis_support.h"
#include "error.h"
#include "model/project.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QFile>

using namespace Quire;
using namespace Quire::Analysis;
using AnalysisTest::textFile;

namespace {

const QString TextOne = QStringLiteral("Nobody rings me back. I feel invisible.");
const QString TextTwo = QStringLiteral("The nurse sat with me and listened.");

/// Everything a merge may change, as text: codes (GUID, path, colour) and
/// segments (document, span, coder, codes).
QString state(Project &p)
{
    QStringList out;
    for (const Code &c : p.codes())
        out << QStringLiteral("code %1 %2 %3").arg(c.guid, p.codePath(c.id), c.color);
    for (const Segment &s : p.segments()) {
        QStringList codes;
        for (Id c : s.codes)
            codes << p.codePath(c);
        out << QStringLiteral("segment %1 %2:%3 %4 %5")
                   .arg(p.document(s.documentId).name)
                   .arg(s.start)
                   .arg(s.end)
                   .arg(s.coder, codes.join(QLatin1Char('+')));
    }
    for (const Memo &m : p.memos())
        out << QStringLiteral("memo %1 %2").arg(m.targetKind, m.text);
    out.sort();
    return out.join(QLatin1Char('\n'));
}

/// The first coder's project: two documents, a code with a colour, two segments.
std::unique_ptr<Project> firstCoder(const QString &path)
{
    auto p = Project::create(path);
    p->importDocuments({textFile(QStringLiteral("one.txt"), TextOne), textFile(QStringLiteral("two.txt"), TextTwo)});
    p->setCoder(QStringLiteral("ann"));
    const Id ignored =
        p->addCode(QStringLiteral("Heard/Ignored"), QStringLiteral("#aa0000"), QStringLiteral("Not listened to."));
    const Id one = p->findDocument(QStringLiteral("one.txt")).id;
    const Id seg = p->addSegment(one, 0, 21, {ignored});
    p->addMemo(QStringLiteral("segment"), seg, QStringLiteral("ann's note"));
    return p;
}

} // namespace

TEST_CASE("copy-for-coder keeps the corpus and codebook, drops codings and history", "[teamwork]")
{
    QuireTest::TempDir dir;
    auto a = firstCoder(dir.path(QStringLiteral("ann.quire")));
    a->addMemo(QStringLiteral("project"), std::nullopt, QStringLiteral("my reflexive journal"));
    const CopyForCoderResult r = copyForCoder(*a, dir.path(QStringLiteral("ben.quire")));
    CHECK(r.segmentsRemoved == 1);
    CHECK(r.memosRemoved == 2);
    auto b = Project::open(dir.path(QStringLiteral("ben.quire")));
    CHECK(b->documents().size() == 2);
    CHECK(b->segments().empty());
    CHECK(b->memos().empty());
    CHECK(b->history().empty());
    CHECK_FALSE(b->canUndo());
    REQUIRE(b->codes().size() == 2);
    CHECK(b->code(b->resolveCode(QStringLiteral("Heard/Ignored"))).guid ==
          a->code(a->resolveCode(QStringLiteral("Heard/Ignored"))).guid);
    CHECK(state(*a).contains(QStringLiteral("segment one.txt 0:21 ann Heard/Ignored")));
    // The copy cannot overwrite anything.
    REQUIRE_THROWS_WITH(copyForCoder(*a, dir.path(QStringLiteral("ben.quire"))), Catch::Contains("already exists"));
}

TEST_CASE("copy-for-coder with keep-memos drops only segment memos and no trace of them stays in the file",
          "[teamwork]")
{
    QuireTest::TempDir dir;
    auto a = firstCoder(dir.path(QStringLiteral("ann.quire")));
    const Id one = a->findDocument(QStringLiteral("one.txt")).id;
    const Id ignored = a->resolveCode(QStringLiteral("Heard/Ignored"));
    const Id seg = a->segments().front().id;
    a->addMemo(QStringLiteral("segment"), seg, QStringLiteral("quietly unanswered phone calls"));
    a->addMemo(QStringLiteral("project"), std::nullopt, QStringLiteral("my reflexive journal"));
    a->addMemo(QStringLiteral("document"), one, QStringLiteral("a document memo"));
    a->addMemo(QStringLiteral("code"), ignored, QStringLiteral("a code memo"));
    CopyForCoderOptions options;
    options.keepMemos = true;
    const QString copyPath = dir.path(QStringLiteral("ben.quire"));
    const CopyForCoderResult r = copyForCoder(*a, copyPath, options);
    CHECK(r.segmentsRemoved == 1);
    CHECK(r.memosRemoved == 2); // ann's note and the phone calls, both on the segment
    {
        auto b = Project::open(copyPath);
        CHECK(b->segments().empty());
        CHECK(b->history().empty());
        QStringList kept;
        for (const Memo &m : b->memos())
            kept << m.targetKind + QLatin1Char(' ') + m.text;
        kept.sort();
        CHECK(kept == QStringList{QStringLiteral("code a code memo"), QStringLiteral("document a document memo"),
                                  QStringLiteral("project my reflexive journal")});
        b->checkpoint();
    }
    // Nothing of the first coder's segment memo stays in the copy's file
    // (the memos table, its search index, free pages).
    QFile file(copyPath);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK_FALSE(file.readAll().contains("quietly unanswered phone calls"));
    CHECK(a->memos(QStringLiteral("segment")).size() == 2);
}

TEST_CASE("Merge of identical projects adds nothing and records no command", "[teamwork]")
{
    QuireTest::TempDir dir;
    const QString pathA = dir.path(QStringLiteral("ann.quire"));
    firstCoder(pathA).reset();
    REQUIRE(QFile::copy(pathA, dir.path(QStringLiteral("same.quire"))));
    auto a = Project::open(pathA);
    const QString before = state(*a);
    const auto history = a->history().size();
    const MergeReport r = mergeProject(*a, dir.path(QStringLiteral("same.quire")));
    CHECK(r.documentsMatched == 2);
    CHECK(r.codesMatched == 2);
    CHECK(r.codesAdded == 0);
    CHECK(r.segmentsAdded == 0);
    CHECK(r.segmentsAlreadyPresent == 1);
    CHECK(r.issues.empty());
    CHECK(state(*a) == before);
    CHECK(a->history().size() == history);
}

TEST_CASE("Merge of a second coder's work: disjoint codes, a colour conflict, one undo step", "[teamwork]")
{
    QuireTest::TempDir dir;
    auto a = firstCoder(dir.path(QStringLiteral("ann.quire")));
    copyForCoder(*a, dir.path(QStringLiteral("ben.quire")));
    {
        auto b = Project::open(dir.path(QStringLiteral("ben.quire")));
        b->setCoder(QStringLiteral("ben"));
        b->describeCode(QStringLiteral("Heard/Ignored"), std::nullopt, QStringLiteral("#00aa00"));
        const Id listened = b->addCode(QStringLiteral("Heard/Listened"), QStringLiteral("#0000aa"));
        const Id ignored = b->resolveCode(QStringLiteral("Heard/Ignored"));
        const Id one = b->findDocument(QStringLiteral("one.txt")).id;
        const Id two = b->findDocument(QStringLiteral("two.txt")).id;
        b->addSegment(one, 0, 21, {ignored});
        const Id seg = b->addSegment(two, 4, 35, {listened});
        b->addMemo(QStringLiteral("segment"), seg, QStringLiteral("ben's note"));
        b->addCode(QStringLiteral("Extra/Deep/Code"));
        // Another coder's segment on the same span as ann's: joins nothing of ann's.
        b->setCoder(QStringLiteral("ann"));
        b->addSegment(one, 0, 21, {listened});
        b->setCoder(QStringLiteral("ben"));
    }
    const QString before = state(*a);
    const auto history = a->history().size();
    const MergeReport r = mergeProject(*a, dir.path(QStringLiteral("ben.quire")));
    CHECK(r.documentsMatched == 2);
    CHECK(r.codesAdded == 4); // Heard/Listened, Extra, Extra/Deep, Extra/Deep/Code
    CHECK(r.segmentsAdded == 3);
    CHECK(r.memosAdded == 1);
    CHECK(r.segmentsSkipped == 0);
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].kind == QStringLiteral("code-colour-differs"));
    CHECK(r.issues[0].subject == QStringLiteral("Heard/Ignored"));
    CHECK(r.issues[0].detail.contains(QStringLiteral("kept #aa0000")));

    const QString after = state(*a);
    CHECK(after.contains(QStringLiteral("segment one.txt 0:21 ben Heard/Ignored")));
    CHECK(after.contains(QStringLiteral("segment two.txt 4:35 ben Heard/Listened")));
    // ann's second code on her own span joins her segment (one segment per span and coder).
    CHECK(after.contains(QStringLiteral("segment one.txt 0:21 ann Heard/Ignored+Heard/Listened")));
    CHECK(after.contains(QStringLiteral("memo segment ben's note")));
    // The memo is still ben's, written when he wrote it, though ann merged it.
    for (const Memo &m : a->memos(QStringLiteral("segment"))) {
        if (m.text != QStringLiteral("ben's note"))
            continue;
        CHECK(m.coder == QStringLiteral("ben"));
        for (const Memo &original :
             Project::open(dir.path(QStringLiteral("ben.quire")))->memos(QStringLiteral("segment")))
            CHECK(m.created == original.created);
    }
    CHECK(a->code(a->resolveCode(QStringLiteral("Heard/Ignored"))).color == QStringLiteral("#aa0000"));
    // The new code keeps its GUID, so a later merge matches it again.
    auto b = Project::open(dir.path(QStringLiteral("ben.quire")));
    CHECK(a->code(a->resolveCode(QStringLiteral("Heard/Listened"))).guid ==
          b->code(b->resolveCode(QStringLiteral("Heard/Listened"))).guid);

    // One command: one undo takes all of it back, redo brings it again.
    REQUIRE(a->history().size() == history + 1);
    CHECK(a->history().back().kind == QStringLiteral("merge"));
    a->undo();
    CHECK(state(*a) == before);
    a->redo();
    CHECK(state(*a) == after);

    // Merging again finds everything present.
    const MergeReport again = mergeProject(*a, dir.path(QStringLiteral("ben.quire")));
    CHECK(again.segmentsAdded == 0);
    CHECK(again.codesAdded == 0);
    CHECK(state(*a) == after);
}

TEST_CASE("Merge without copying reports documents present in only one project and skips their segments", "[teamwork]")
{
    QuireTest::TempDir dir;
    auto a = firstCoder(dir.path(QStringLiteral("ann.quire")));
    {
        auto b = Project::create(dir.path(QStringLiteral("ben.quire")));
        b->setCoder(QStringLiteral("ben"));
        b->importDocuments({textFile(QStringLiteral("one.txt"), TextOne),
                            textFile(QStringLiteral("extra.txt"), QStringLiteral("Only here."))});
        const Id code =
            b->addCode(QStringLiteral("Heard/Ignored"), QStringLiteral("#aa0000"), QStringLiteral("Not listened to."));
        b->addSegment(b->findDocument(QStringLiteral("extra.txt")).id, 0, 4, {code});
        b->addSegment(b->findDocument(QStringLiteral("one.txt")).id, 22, 39, {code});
    }
    const MergeReport r = mergeProject(*a, dir.path(QStringLiteral("ben.quire")), false);
    CHECK(r.documentsMatched == 1);
    CHECK(r.documentsCopied == 0);
    CHECK(r.segmentsSkipped == 1);
    CHECK(r.segmentsAdded == 1);
    QStringList kinds;
    for (const auto &i : r.issues)
        kinds << i.kind + QLatin1Char(' ') + i.subject;
    kinds.sort();
    // Matched by path (the GUIDs differ: ben made his own codebook).
    CHECK(kinds ==
          QStringList{QStringLiteral("code-guid-differs Heard"), QStringLiteral("code-guid-differs Heard/Ignored"),
                      QStringLiteral("document-only-here two.txt"), QStringLiteral("document-only-there extra.txt")});
    CHECK(a->documents().size() == 2);
}

TEST_CASE("Merge copies a document only the other coder imported, with its turns, case, attributes and segments",
          "[teamwork]")
{
    QuireTest::TempDir dir;
    auto a = firstCoder(dir.path(QStringLiteral("ann.quire")));
    const auto before = state(*a);
    const std::size_t documentsBefore = a->documents().size();
    const QString extraText = QString::fromUtf8("P1: We waited 😢 for hours.\nP2: Nobody rang back.\n");
    {
        auto b = Project::create(dir.path(QStringLiteral("ben.quire")));
        b->setCoder(QStringLiteral("ben"));
        ImportedFile extra = textFile(QStringLiteral("extra.txt"), extraText);
        ImportedDocument &d = extra.documents.front();
        d.kind = QStringLiteral("transcript");
        d.turns = {{0, 26, QStringLiteral("P1"), 1000, std::nullopt},
                   {27, 48, QStringLiteral("P2"), std::nullopt, std::nullopt}};
        d.attributes = {{QStringLiteral("site"), QStringLiteral("north")}};
        // Same name as ann's first document, other text: copied under another name.
        b->importDocuments({extra, textFile(QStringLiteral("one.txt"), QStringLiteral("A different one."))});
        const Id code = b->addCode(QStringLiteral("Waiting"), QStringLiteral("#336699"));
        b->addSegment(b->findDocument(QStringLiteral("extra.txt")).id, 7, 15, {code});  // "waited 😢"
        b->addSegment(b->findDocument(QStringLiteral("extra.txt")).id, 31, 47, {code}); // "Nobody rang back", after it
        b->addSegment(b->findDocument(QStringLiteral("one.txt")).id, 2, 11, {code});
    }
    const MergeReport r = mergeProject(*a, dir.path(QStringLiteral("ben.quire")));
    CHECK(r.documentsCopied == 2);
    CHECK(r.segmentsAdded == 3);
    CHECK(r.segmentsSkipped == 0);
    REQUIRE(a->documents().size() == documentsBefore + 2);
    const Document copy = a->findDocument(QStringLiteral("extra.txt"));
    CHECK(a->documentText(copy.id) == extraText);
    CHECK(copy.kind == QStringLiteral("transcript"));
    const auto turns = a->turns(copy.id);
    REQUIRE(turns.size() == 2);
    CHECK(turns[0].speaker == QStringLiteral("P1"));
    CHECK(turns[0].timeMs == 1000);
    bool site = false;
    for (const AttributeValue &v : a->attributeValues(AttributeScope::Document))
        site = site || (v.ownerId == copy.id && v.name == QStringLiteral("site") && v.value == QStringLiteral("north"));
    CHECK(site);
    // The copied segments are ben's, on the same text.
    int onCopy = 0;
    for (const Segment &s : a->segments(copy.id)) {
        ++onCopy;
        CHECK(s.coder == QStringLiteral("ben"));
    }
    CHECK(onCopy == 2);
    CHECK(a->documentRange(copy.id, 7, 15) == QString::fromUtf8("waited 😢"));
    CHECK(a->documentRange(copy.id, 31, 47) == QStringLiteral("Nobody rang back"));
    const Document renamed = a->findDocument(QStringLiteral("one.txt (from ben.quire)"));
    CHECK(a->documentText(renamed.id) == QStringLiteral("A different one."));
    QStringList copiedReports;
    for (const auto &i : r.issues) {
        if (i.kind == QStringLiteral("document-copied"))
            copiedReports << i.subject + QStringLiteral(": ") + i.detail;
    }
    copiedReports.sort();
    CHECK(copiedReports ==
          QStringList{QStringLiteral("extra.txt: only in ben.quire: copied with its 2 segments"),
                      QStringLiteral("one.txt (from ben.quire): only in ben.quire: copied with its 1 segments")});
    // One command: one undo takes the copies and their segments away.
    a->undo();
    CHECK(state(*a) == before);
    CHECK(a->documents().size() == documentsBefore);
    a->redo();
    CHECK(a->documents().size() == documentsBefore + 2);
}

TEST_CASE("Merge refuses what is not a project and changes nothing", "[teamwork]")
{
    QuireTest::TempDir dir;
    const QString path = dir.path(QStringLiteral("ann.quire"));
    firstCoder(path).reset();
    const QString fingerprint = QuireTest::projectFingerprint(path);
    const QString hash = QuireTest::fileHash(path);
    auto a = Project::open(path);
    const QString junk =
        dir.writeFile(QStringLiteral("junk.quire"), QByteArray("this is not a database, just text\n").repeated(200));
    REQUIRE_THROWS_AS(mergeProject(*a, junk), Error);
    REQUIRE_THROWS_WITH(mergeProject(*a, dir.path(QStringLiteral("missing.quire"))), Catch::Contains("no such file"));
    REQUIRE_THROWS_WITH(mergeProject(*a, path), Catch::Contains("cannot be merged with itself"));
    a.reset();
    CHECK(QuireTest::projectFingerprint(path) == fingerprint);
    CHECK(QuireTest::fileHash(path) == hash);
}
