// SPDX-License-Identifier: GPL-3.0-or-later
// The exchange API (model/exchangebuilder.h) that exchange plugins write and
// read through: a plan with the plugin's own ids written as one command into a
// real project file, matching and renaming, refusal of a plan that does not fit
// together (project unchanged), and the facts the exporter reads.
#include "testsupport.h"

#include "error.h"
#include "model/exchangebuilder.h"
#include "model/project.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <QJsonObject>

using namespace Quire;
using namespace QuireTest;

namespace {

ImportedFile packageFile()
{
    ImportedFile f;
    f.sourcePath = QStringLiteral("/nowhere/study.qdpx");
    f.sha256 = QStringLiteral("00");
    f.format = QStringLiteral("refiqda");
    f.size = 10;
    return f;
}

ExchangeDocument document(const QString &ref, const QString &name, const QString &text)
{
    ExchangeDocument d;
    d.ref = ref;
    d.document.name = name;
    d.document.text = text;
    d.document.encoding = QStringLiteral("UTF-8");
    d.document.meta = QJsonObject{{QStringLiteral("refiGuid"), ref}};
    return d;
}

ExchangeSegment segment(const QString &ref, const QString &doc, qsizetype start, qsizetype end,
                        const QStringList &codes, const QString &coder = QString())
{
    ExchangeSegment s;
    s.ref = ref;
    s.documentRef = doc;
    s.start = start;
    s.end = end;
    s.codeRefs = codes;
    s.coderRef = coder;
    return s;
}

std::vector<Id> sorted(std::vector<Id> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

TEST_CASE("exchange builder: a plan with the plugin's ids is written as one command", "[exchangebuilder]")
{
    TempDir dir;
    auto p = Project::create(dir.path(QStringLiteral("p.quire")));
    p->setCoder(QStringLiteral("importer"));
    const auto historyBefore = p->history().size();

    // "🙂" is one code point and two UTF-16 units: positions are code points.
    const QString text = QStringLiteral("🙂 We waited six weeks. Nobody called back.");
    ExchangeBuilder b(*p, QStringLiteral("study.qdpx"), packageFile());
    b.addCoder({QStringLiteral("u1"), QStringLiteral("Ana")});
    b.addCoder({QStringLiteral("u2"), QStringLiteral("Ben")});
    b.addCode({QStringLiteral("c1"), QStringLiteral("{AAAAAAAA-0000-4000-8000-000000000001}"), QStringLiteral("Access"),
               QStringLiteral("#112233"), QStringLiteral("Getting care"), QString(), QString()});
    b.addCode({QStringLiteral("c2"), QStringLiteral("aaaaaaaa-0000-4000-8000-000000000002"), QStringLiteral("Waiting"),
               QString(), QString(), QStringLiteral("c1"), QString()});
    b.addDocument(document(QStringLiteral("d1"), QStringLiteral("Interview 1"), text));
    b.defineAttribute({AttributeScope::Case, QStringLiteral("age"), AttributeType::Number});
    b.addCase({QStringLiteral("k1"), QStringLiteral("P1"), QString(), {QStringLiteral("d1")}});
    b.setValue({AttributeScope::Case, QStringLiteral("k1"), QStringLiteral("age"), QStringLiteral("41")});
    b.setValue({AttributeScope::Document, QStringLiteral("d1"), QStringLiteral("site"), QStringLiteral("north")});
    // "We waited six weeks." = code points 2..22; Ana codes it twice (joined), Ben once.
    b.addSegment(
        segment(QStringLiteral("s1"), QStringLiteral("d1"), 2, 22, {QStringLiteral("c2")}, QStringLiteral("u1")));
    b.addSegment(
        segment(QStringLiteral("s2"), QStringLiteral("d1"), 2, 22, {QStringLiteral("c1")}, QStringLiteral("u1")));
    b.addSegment(
        segment(QStringLiteral("s3"), QStringLiteral("d1"), 2, 22, {QStringLiteral("c1")}, QStringLiteral("u2")));
    // No coder: the project's own; no case: the document's one case.
    b.addSegment(segment(QString(), QStringLiteral("d1"), 23, 42, {QStringLiteral("c1")}));
    b.addMemo({QStringLiteral("project"), QString(), QStringLiteral("Journal"), QStringLiteral("first look")});
    b.addMemo({QStringLiteral("segment"), QStringLiteral("s2"), QStringLiteral("On s2"), QStringLiteral("joined")});
    b.addMemo(
        {QStringLiteral("code"), QStringLiteral("c2"), QStringLiteral("On code"), QStringLiteral("define waiting")});
    b.addMemo({QStringLiteral("case"), QStringLiteral("k1"), QStringLiteral("On case"), QStringLiteral("older")});
    b.addMemo({QStringLiteral("document"), QStringLiteral("d1"), QStringLiteral("On doc"), QStringLiteral("phone")});
    REQUIRE(p->documents().empty()); // nothing is written before write()

    const ExchangeImportResult r = b.write(QStringLiteral("test.import"), QStringLiteral("Import study.qdpx"));

    CHECK(r.codersUsed == 2);
    CHECK(r.codesCreated == 2);
    CHECK(r.codesMatched == 0);
    CHECK(r.renamedCodes.isEmpty());
    CHECK(r.documentsCreated == 1);
    CHECK(r.casesCreated == 1);
    CHECK(r.segmentsCreated == 3);
    CHECK(r.segmentsMerged == 1);
    CHECK(r.attributeValuesSet == 2);
    CHECK(r.memosCreated == 5);

    // One entry in the history for all of it.
    const auto history = p->history();
    REQUIRE(history.size() == historyBefore + 1);
    CHECK(history.back().kind == QStringLiteral("test.import"));
    CHECK(history.back().summary == QStringLiteral("Import study.qdpx"));

    // The plugin's ids map to the rows written.
    const Id doc = r.documentIds.value(QStringLiteral("d1"));
    CHECK(p->document(doc).name == QStringLiteral("Interview 1"));
    CHECK(p->documentText(doc) == text);
    const Id access = r.codeIds.value(QStringLiteral("c1"));
    const Id waiting = r.codeIds.value(QStringLiteral("c2"));
    CHECK(p->codePath(waiting) == QStringLiteral("Access/Waiting"));
    CHECK(p->code(access).color == QStringLiteral("#112233"));
    CHECK(p->code(access).guid == QStringLiteral("{AAAAAAAA-0000-4000-8000-000000000001}"));
    CHECK(p->code(access).description == QStringLiteral("Getting care"));
    const Id caseId = r.caseIds.value(QStringLiteral("k1"));
    CHECK(p->findCase(QStringLiteral("P1")).id == caseId);
    CHECK(p->caseDocuments(caseId) == std::vector<Id>{doc});
    CHECK(p->attribute(AttributeScope::Case, caseId, QStringLiteral("age")) == QStringLiteral("41"));
    CHECK(p->attribute(AttributeScope::Document, doc, QStringLiteral("site")) == QStringLiteral("north"));

    // s1 and s2 are one segment of Ana's with both codes; Ben's stays apart.
    CHECK(r.segmentIds.value(QStringLiteral("s1")) == r.segmentIds.value(QStringLiteral("s2")));
    const Segment ana = p->segment(r.segmentIds.value(QStringLiteral("s1")));
    CHECK(ana.coder == QStringLiteral("Ana"));
    CHECK(sorted(ana.codes) == sorted({access, waiting}));
    CHECK(p->documentRange(doc, ana.start, ana.end) == QStringLiteral("We waited six weeks."));
    CHECK(ana.caseId == caseId);
    const Segment ben = p->segment(r.segmentIds.value(QStringLiteral("s3")));
    CHECK(ben.id != ana.id);
    CHECK(ben.coder == QStringLiteral("Ben"));
    const auto all = p->segments(doc);
    REQUIRE(all.size() == 3);
    const auto last = std::find_if(all.begin(), all.end(), [](const Segment &s) { return s.start == 23; });
    REQUIRE(last != all.end());
    CHECK(last->coder == QStringLiteral("importer"));
    CHECK(last->caseId == caseId);
    CHECK(p->documentRange(doc, last->start, last->end) == QStringLiteral("Nobody called back."));

    // Memos land on what they name.
    CHECK(p->memos(QStringLiteral("project")).size() == 1);
    REQUIRE(p->memos(QStringLiteral("segment"), ana.id).size() == 1);
    CHECK(p->memos(QStringLiteral("segment"), ana.id).front().text == QStringLiteral("joined"));
    CHECK(p->memos(QStringLiteral("code"), waiting).size() == 1);
    CHECK(p->memos(QStringLiteral("case"), caseId).size() == 1);
    CHECK(p->memos(QStringLiteral("document"), doc).front().title == QStringLiteral("On doc"));

    // One undo step takes it all back.
    p->undo();
    CHECK(p->documents().empty());
    CHECK(p->codes().empty());
    CHECK(p->segments().empty());
    CHECK(p->cases().empty());
    CHECK(p->memos().empty());
}

TEST_CASE("exchange builder: a known GUID is the same code and taken names are changed", "[exchangebuilder]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("p.quire"));
    auto p = Project::create(path);
    p->addCode(QStringLiteral("Theme"));
    Id known = 0;
    {
        ExchangeBuilder first(*p, QStringLiteral("codes.qdc"), packageFile());
        first.addCode({QStringLiteral("g"), QStringLiteral("bbbbbbbb-0000-4000-8000-00000000000b"),
                       QStringLiteral("Known"), QString(), QString(), QString(), QString()});
        first.addDocument(document(QStringLiteral("d"), QStringLiteral("Notes"), QStringLiteral("abc")));
        known = first.write(QStringLiteral("test.import"), QStringLiteral("first")).codeIds.value(QStringLiteral("g"));
    }
    ExchangeBuilder b(*p, QStringLiteral("again.qdpx"), packageFile());
    // The same GUID in braces and upper case: the code the project has, name and all.
    b.addCode({QStringLiteral("x"), QStringLiteral("{BBBBBBBB-0000-4000-8000-00000000000B}"),
               QStringLiteral("Other name"), QString(), QString(), QString(), QString()});
    b.addCode({QStringLiteral("t"), QStringLiteral("cccccccc-0000-4000-8000-00000000000c"), QStringLiteral("Theme"),
               QString(), QString(), QString(), QString()});
    b.addCode({QStringLiteral("s"), QStringLiteral("dddddddd-0000-4000-8000-00000000000d"), QStringLiteral("yes/no"),
               QString(), QString(), QStringLiteral("x"), QString()});
    b.addDocument(document(QStringLiteral("d"), QStringLiteral("Notes"), QStringLiteral("abc def")));
    b.addCase({QStringLiteral("k"), QString(), QStringLiteral("d"), {QStringLiteral("d")}});
    const ExchangeImportResult r = b.write(QStringLiteral("test.import"), QStringLiteral("again"));

    CHECK(r.codesMatched == 1);
    CHECK(r.codesCreated == 2);
    CHECK(r.codeIds.value(QStringLiteral("x")) == known);
    CHECK(p->code(known).name == QStringLiteral("Known"));
    const QList<QPair<QString, QString>> codes{{QStringLiteral("Theme"), QStringLiteral("Theme (2)")},
                                               {QStringLiteral("yes/no"), QStringLiteral("yes\u2215no")}};
    CHECK(r.renamedCodes == codes);
    CHECK(p->codePath(r.codeIds.value(QStringLiteral("s"))) == QStringLiteral("Known/yes\u2215no"));
    const QList<QPair<QString, QString>> docs{{QStringLiteral("Notes"), QStringLiteral("Notes (2)")}};
    CHECK(r.renamedDocuments == docs);
    // A nameless case takes its document's name as stored.
    CHECK(p->findCase(QStringLiteral("Notes (2)")).id == r.caseIds.value(QStringLiteral("k")));
    CHECK(r.casesCreated == 1);
}

TEST_CASE("exchange builder: a plan that does not fit together is refused and the project is unchanged",
          "[exchangebuilder]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("p.quire"));
    auto p = Project::create(path);
    p->addCode(QStringLiteral("Theme"));
    const QString before = projectFingerprint(path);
    const auto historyBefore = p->history().size();

    auto started = [&] {
        auto b = std::make_unique<ExchangeBuilder>(*p, QStringLiteral("bad.qdpx"), packageFile());
        b->addCode(
            {QStringLiteral("c"), QString(), QStringLiteral("Code"), QString(), QString(), QString(), QString()});
        b->addDocument(document(QStringLiteral("d"), QStringLiteral("Doc"), QStringLiteral("twelve chars")));
        return b;
    };
    auto refused = [&](const std::function<void(ExchangeBuilder &)> &add, const QString &cause,
                       const QString &prefix = QStringLiteral("bad.qdpx: ")) {
        auto b = started();
        try {
            add(*b);
            b->write(QStringLiteral("test.import"), QStringLiteral("bad"));
            FAIL("accepted: " << cause.toStdString());
        } catch (const Error &e) {
            const QString message = e.message();
            CHECK(message.startsWith(prefix));
            CHECK(message.contains(cause));
        }
    };
    refused(
        [](ExchangeBuilder &b) {
            b.addSegment(segment(QStringLiteral("s"), QStringLiteral("d"), 0, 4, {QStringLiteral("nope")}));
        },
        QStringLiteral("the code \"nope\", which the import does not hold"));
    refused(
        [](ExchangeBuilder &b) {
            b.addSegment(segment(QStringLiteral("s"), QStringLiteral("d"), 5, 13, {QStringLiteral("c")}));
        },
        QStringLiteral("spans 5 to 13, which is not a non-empty range of the document's 12 characters"));
    refused([](ExchangeBuilder &b) { b.addSegment(segment(QStringLiteral("s"), QStringLiteral("d"), 0, 4, {})); },
            QStringLiteral("has no code"));
    refused(
        [](ExchangeBuilder &b) {
            b.addMemo({QStringLiteral("segment"), QStringLiteral("s9"), QStringLiteral("M"), QStringLiteral("x")});
        },
        QStringLiteral("the segment \"s9\""));
    refused(
        [](ExchangeBuilder &b) {
            b.addMemo({QStringLiteral("relation"), QStringLiteral("d"), QStringLiteral("M"), QStringLiteral("x")});
        },
        QStringLiteral("not a project, document, code, segment or case"));
    refused(
        [](ExchangeBuilder &b) {
            b.addCode({QStringLiteral("k"), QString(), QStringLiteral("Red"), QStringLiteral("red"), QString(),
                       QString(), QString()});
        },
        QStringLiteral("the colour \"red\", which is not #RRGGBB"));
    refused(
        [](ExchangeBuilder &b) {
            b.addDocument(document(QStringLiteral("d"), QStringLiteral("Twice"), QStringLiteral("x")));
        },
        QStringLiteral("repeated id \"d\""));
    refused(
        [](ExchangeBuilder &b) {
            b.addCase({QStringLiteral("k"), QString(), QString(), {}});
        },
        QStringLiteral("the case \"k\" has no name"));
    // A plan that fits but that the project refuses while writing (a value that is not a
    // number for a number attribute): the one command is rolled back as a whole.
    refused(
        [](ExchangeBuilder &b) {
            b.defineAttribute({AttributeScope::Document, QStringLiteral("pages"), AttributeType::Number});
            b.addSegment(segment(QStringLiteral("s"), QStringLiteral("d"), 0, 6, {QStringLiteral("c")}));
            b.setValue(
                {AttributeScope::Document, QStringLiteral("d"), QStringLiteral("pages"), QStringLiteral("many")});
        },
        QStringLiteral("attribute \"pages\" is a number; \"many\" is not"), QString());

    CHECK(projectFingerprint(path) == before);
    CHECK(p->history().size() == historyBefore);
    CHECK(p->documents().empty());
}

TEST_CASE("exchange snapshot: what the exporter reads besides the project's own reads", "[exchangebuilder]")
{
    TempDir dir;
    auto p = Project::create(dir.path(QStringLiteral("p.quire")));
    p->setCoder(QStringLiteral("Ana"));
    const Id b = p->addCode(QStringLiteral("B"));
    const Id a = p->addCode(QStringLiteral("A"));
    const Id child2 = p->addCode(QStringLiteral("A/Second"));
    const Id child1 = p->addCode(QStringLiteral("B/First"));
    p->linkCode(QStringLiteral("B/First"), QStringLiteral("A"));
    const auto docs = p->importDocuments({textFile(QStringLiteral("one.txt"), QStringLiteral("some text"))});
    const Id memo = p->addMemo(QStringLiteral("project"), std::nullopt, QStringLiteral("draft"));
    p->setCoder(QStringLiteral("Ben"));
    p->editMemo(memo, QStringLiteral("final"));

    const ExchangeSnapshot s = ExchangeSnapshot::read(*p);
    REQUIRE(s.created.has_value());
    CHECK(!s.created->isEmpty());
    // By parent (B was created first), then position under it: under A, Second came before First.
    REQUIRE(b < a);
    const std::vector<std::pair<Id, Id>> expected{{child1, b}, {child2, a}, {child1, a}};
    CHECK(s.codeParents == expected);
    CHECK(s.coders.contains(QStringLiteral("Ana")));
    CHECK(s.coders.contains(QStringLiteral("Ben")));
    CHECK(s.coders.indexOf(QStringLiteral("Ana")) < s.coders.indexOf(QStringLiteral("Ben")));
    REQUIRE(s.lastChange.has_value());
    CHECK(s.lastChange->coder == QStringLiteral("Ben"));
    CHECK(!s.lastChange->time.isEmpty());
    CHECK(s.importedBy.value(docs.front()) == QStringLiteral("Ana"));
    CHECK(s.memoEditedBy.value(memo) == QStringLiteral("Ben"));
    CHECK(s.memoEditedBy.size() == 1);

    // An undone edit is not in effect.
    p->undo();
    const ExchangeSnapshot after = ExchangeSnapshot::read(*p);
    CHECK(after.memoEditedBy.isEmpty());
    REQUIRE(after.lastChange.has_value());
    CHECK(after.lastChange->coder == QStringLiteral("Ana"));
}
