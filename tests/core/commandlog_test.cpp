// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "error.h"
#include "model/project.h"
#include "model/projectaccess.h"
#include "search/search.h"
#include "storage/database.h"
#include "testsupport.h"

#include <functional>

using namespace Quire;
using QuireTest::textFile;

namespace {

/// Everything a user can see of a project, as text: used to compare states.
QString snapshot(const Project &p)
{
    QStringList out;
    for (const auto &d : p.documents())
        out << QStringLiteral("doc %1 %2 %3").arg(d.id).arg(d.name).arg(d.length);
    for (const auto &c : p.codes()) {
        QStringList parents;
        for (Id x : c.parents)
            parents << QString::number(x);
        out << QStringLiteral("code %1 %2 %3 %4 [%5]")
                   .arg(c.id)
                   .arg(c.name, c.color, c.description, parents.join(QLatin1Char(',')));
    }
    for (const auto &s : p.segments()) {
        QStringList codes;
        for (Id x : s.codes)
            codes << QString::number(x);
        out << QStringLiteral("seg %1 %2 %3:%4 [%5] %6")
                   .arg(s.id)
                   .arg(s.documentId)
                   .arg(s.start)
                   .arg(s.end)
                   .arg(codes.join(QLatin1Char(',')), s.memo);
    }
    for (const auto &c : p.cases()) {
        QStringList docs;
        for (Id d : p.caseDocuments(c.id))
            docs << QString::number(d);
        out << QStringLiteral("case %1 %2 [%3]").arg(c.id).arg(c.name, docs.join(QLatin1Char(',')));
    }
    for (const auto &v : p.attributeValues())
        out << QStringLiteral("attr %1 %2 %3=%4").arg(toString(v.scope)).arg(v.ownerId).arg(v.name, v.value);
    for (const auto &m : p.memos())
        out << QStringLiteral("memo %1 %2 %3").arg(m.id).arg(m.targetKind, m.text);
    return out.join(QLatin1Char('\n'));
}

} // namespace

TEST_CASE("Every kind of command undoes and redoes, also after reopening the project", "[commandlog]")
{
    QuireTest::TempDir dir;
    const QString path = dir.path(QStringLiteral("log.quire"));
    Id doc = 0, seg = 0, code = 0, caseId = 0, memo = 0;
    {
        auto p = Project::create(path);
        p->setCoder(QStringLiteral("ana"));
        doc = p->importDocuments(
                   {textFile(QStringLiteral("a.txt"), QStringLiteral("I can't see someone when I need to."))})
                  .front();
        code = p->addCode(QStringLiteral("Access/Appointments/Waiting"));
    }
    // Each step: a mutation, run on a freshly opened project each time.
    const std::vector<std::pair<const char *, std::function<void(Project &)>>> steps{
        {"add segment", [&](Project &p) { seg = p.addSegment(doc, 0, 11, {code}, QStringLiteral("memo")); }},
        {"resize segment", [&](Project &p) { p.resizeSegment(seg, 2, 11); }},
        {"rename code",
         [&](Project &p) { p.renameCode(QStringLiteral("Access/Appointments/Waiting"), QStringLiteral("Delays")); }},
        {"describe code",
         [&](Project &p) {
             p.describeCode(QStringLiteral("Access/Appointments/Delays"), QStringLiteral("def"),
                            QStringLiteral("#112233"));
         }},
        {"add code", [&](Project &p) { p.addCode(QStringLiteral("Trust")); }},
        {"link code",
         [&](Project &p) { p.linkCode(QStringLiteral("Access/Appointments/Delays"), QStringLiteral("Trust")); }},
        {"move code", [&](Project &p) { p.moveCode(QStringLiteral("Access/Appointments"), QStringLiteral("Trust")); }},
        {"add case", [&](Project &p) { caseId = p.addCase(QStringLiteral("P1")); }},
        {"link case", [&](Project &p) { p.linkCaseDocument(caseId, doc); }},
        {"set attribute",
         [&](Project &p) {
             p.setAttribute(AttributeScope::Case, caseId, QStringLiteral("group"), QStringLiteral("carer"));
         }},
        {"add memo", [&](Project &p) { memo = p.addMemo(QStringLiteral("segment"), seg, QStringLiteral("first")); }},
        {"edit memo", [&](Project &p) { p.editMemo(memo, QStringLiteral("second")); }},
        {"segment memo", [&](Project &p) { p.setSegmentMemo(seg, QStringLiteral("changed")); }},
        {"merge code", [&](Project &p) { p.mergeCode(QStringLiteral("Trust/Delays"), QStringLiteral("Access")); }},
        {"delete code", [&](Project &p) { p.deleteCode(QStringLiteral("Access"), true); }},
        {"remove segment",
         [&](Project &p) {
             p.addSegment(doc, 0, 5, {p.addCode(QStringLiteral("X"))});
             p.removeSegment(p.segments().back().id);
         }},
        {"delete document", [&](Project &p) { p.deleteDocument(doc, true); }},
    };
    for (const auto &[name, step] : steps) {
        INFO("step: " << name);
        QString before, after;
        {
            auto p = Project::open(path);
            p->setCoder(QStringLiteral("ana"));
            before = snapshot(*p);
            step(*p);
            after = snapshot(*p);
            REQUIRE(before != after);
        }
        {
            auto p = Project::open(path);
            p->undo();
            // "remove segment" is two commands (code X + segment and removal): undo the rest.
            while (snapshot(*p) != before && p->canUndo() && std::string(name) == "remove segment")
                p->undo();
            REQUIRE(snapshot(*p) == before);
        }
        {
            auto p = Project::open(path);
            while (p->canRedo())
                p->redo();
            REQUIRE(snapshot(*p) == after);
        }
    }
    auto p = Project::open(path);
    // The log has who and when for every command.
    const auto history = p->history();
    REQUIRE(history.size() >= steps.size() + 2);
    for (const auto &c : history) {
        CHECK(c.coder == QStringLiteral("ana"));
        CHECK_FALSE(c.created.isEmpty());
        CHECK(c.state == QStringLiteral("done"));
    }
    // Undo everything back to an empty project, then redo it all.
    const QString final = snapshot(*p);
    while (p->canUndo())
        p->undo();
    CHECK(snapshot(*p).isEmpty());
    while (p->canRedo())
        p->redo();
    CHECK(snapshot(*p) == final);
}

TEST_CASE("A new command after undo discards the redo branch but keeps it in history", "[commandlog]")
{
    QuireTest::TempDir dir;
    auto p = Project::create(dir.path(QStringLiteral("b.quire")));
    p->addCode(QStringLiteral("A"));
    p->addCode(QStringLiteral("B"));
    CHECK(p->undo() == QStringLiteral("Add code B"));
    CHECK(p->canRedo());
    p->addCode(QStringLiteral("C"));
    CHECK_FALSE(p->canRedo());
    REQUIRE_THROWS_WITH(p->redo(), Catch::Contains("nothing to redo"));
    const auto h = p->history();
    REQUIRE(h.size() == 3);
    CHECK(h[1].state == QStringLiteral("discarded"));
    CHECK(p->codes().size() == 2);
}

TEST_CASE("A failing command leaves nothing behind and records nothing", "[commandlog]")
{
    QuireTest::TempDir dir;
    auto p = Project::create(dir.path(QStringLiteral("c.quire")));
    p->addCode(QStringLiteral("A"));
    const auto before = p->history().size();
    ImportedDocument good;
    good.name = QStringLiteral("one.txt");
    good.text = QStringLiteral("fine");
    ImportedDocument dup = good; // same name: the whole import must fail
    REQUIRE_THROWS_WITH(p->importDocuments({ImportedFile{
                            QStringLiteral("x"), QStringLiteral("0"), QStringLiteral("plaintext"), {good, dup}}}),
                        Catch::Contains("already has a document named"));
    CHECK(p->documents().empty());
    CHECK(p->history().size() == before);
    REQUIRE_THROWS_AS(p->batch(QStringLiteral("test"), QStringLiteral("half"),
                               [&] {
                                   p->addCode(QStringLiteral("B"));
                                   throw Error(QStringLiteral("fails half-way"));
                               }),
                      Error);
    CHECK(p->codes().size() == 1);
    CHECK(p->history().size() == before);
}

TEST_CASE("Undo refuses when the file was changed behind the log's back", "[commandlog]")
{
    QuireTest::TempDir dir;
    const QString path = dir.path(QStringLiteral("d.quire"));
    {
        auto p = Project::create(path);
        p->addCode(QStringLiteral("A"));
    }
    {
        Database db(path, Database::OpenMode::ReadWrite);
        db.exec(QStringLiteral("UPDATE codes SET name = 'Tampered'"));
    }
    auto p = Project::open(path);
    REQUIRE_THROWS_WITH(p->undo(), Catch::Contains("no longer matches"));
    CHECK(p->codes().front().name == QStringLiteral("Tampered"));
    CHECK(p->canUndo());
}

namespace {

/// Every row of every model table, each value quoted by SQLite itself: the
/// exact content, where snapshot() shows what a user sees. Left out: the log
/// and coders (history), the texts (never changed) and the search index,
/// which is checked by searching.
QString tableDump(Database &db)
{
    QStringList tables;
    {
        Statement st(db,
                     QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                    "AND name NOT LIKE 'search_%' AND name NOT IN ('commands', 'command_events', "
                                    "'coders', 'document_texts') ORDER BY name"));
        while (st.step())
            tables << st.columnText(0);
    }
    QStringList out;
    for (const QString &table : tables) {
        Statement cols(db, QStringLiteral("SELECT group_concat('quote(\"' || name || '\")', \" || '|' || \") "
                                          "FROM pragma_table_info(?1)"));
        cols.bind(1, table);
        REQUIRE(cols.step());
        Statement rows(db, QStringLiteral("SELECT %1 FROM \"%2\" ORDER BY 1").arg(cols.columnText(0), table));
        while (rows.step())
            out << table + QLatin1Char(' ') + rows.columnText(0);
    }
    return out.join(QLatin1Char('\n'));
}

/// A transcript with "Speaker: words" lines, its turns and two pages.
ImportedDocument transcript(const QString &name, const QStringList &lines)
{
    ImportedDocument d;
    d.name = name;
    d.kind = QStringLiteral("transcript");
    d.encoding = QStringLiteral("UTF-8");
    for (const QString &line : lines) {
        ImportedTurn t;
        t.start = d.text.size();
        t.speaker = line.section(QLatin1Char(':'), 0, 0);
        d.text += line;
        t.end = d.text.size();
        t.timeMs = t.start * 100;
        d.turns.push_back(t);
        d.text += QLatin1Char('\n');
    }
    const qsizetype half = d.turns[d.turns.size() / 2].start;
    d.pages = {ImportedPage{1, 0, half}, ImportedPage{2, half, d.text.size()}};
    return d;
}

} // namespace

TEST_CASE("Undo and redo of a multi-document import restore every row exactly", "[commandlog][undo]")
{
    QuireTest::TempDir dir;
    const QString path = dir.path(QStringLiteral("import.quire"));
    QString before, beforeRows, after, afterRows, afterCounts;
    {
        auto p = Project::create(path);
        p->setCoder(QStringLiteral("ana"));
        // Work that the import must leave alone: a coded document, a case it
        // links to and a document attribute it sets values of.
        const Id first =
            p->importDocuments({textFile(QStringLiteral("notes.txt"), QStringLiteral("Waiting lists were long."))})
                .front();
        p->addSegment(first, 0, 7, {p->addCode(QStringLiteral("Access/Waiting"))});
        const Id site = p->addCase(QStringLiteral("Site A"), QStringLiteral("site"));
        p->linkCaseDocument(site, first);
        p->setAttribute(AttributeScope::Document, first, QStringLiteral("wave"), QStringLiteral("1"));
        before = snapshot(*p);
        beforeRows = tableDump(ProjectAccess::database(*p));

        ImportedDocument a = transcript(
            QStringLiteral("ana.txt"),
            {QStringLiteral("Interviewer: How long did you wait?"), QStringLiteral("Ana: Three weeks for the nurse."),
             QStringLiteral("Interviewer: And then?"), QStringLiteral("Ana: Then the nurse came twice.")});
        a.attributes = {{QStringLiteral("ward"), QStringLiteral("North")}};
        ImportedDocument b = transcript(QStringLiteral("ben.txt"), {QStringLiteral("Interviewer: Who helped you?"),
                                                                    QStringLiteral("Ben: My daughter and the nurse."),
                                                                    QStringLiteral("Carer: I did the shopping.")});
        b.caseName = QStringLiteral("Household 7");
        ImportedDocument c;
        c.name = QStringLiteral("plain.txt");
        c.text = QStringLiteral("No speakers here, only a nurse.");
        c.encoding = QStringLiteral("UTF-8");
        ImportTarget target;
        target.caseName = QStringLiteral("Site A");
        target.attributes = {{QStringLiteral("wave"), QStringLiteral("2")}};
        p->importDocuments(
            {ImportedFile{QStringLiteral("/tmp/ana.txt"), QStringLiteral("01"), QStringLiteral("plaintext"), {a}},
             ImportedFile{QStringLiteral("/tmp/pair.txt"), QStringLiteral("02"), QStringLiteral("plaintext"), {b, c}}},
            target);
        after = snapshot(*p);
        afterRows = tableDump(ProjectAccess::database(*p));
        afterCounts = QuireTest::projectFingerprint(path);
    }
    // The import made every kind of row the check is about.
    REQUIRE(after != before);
    {
        Database db(path, Database::OpenMode::ReadOnly);
        CHECK(db.scalarInt(QStringLiteral("SELECT count(*) FROM turns")) == 7);
        CHECK(db.scalarInt(QStringLiteral("SELECT count(*) FROM pages")) == 4);
        CHECK(db.scalarInt(QStringLiteral("SELECT count(*) FROM cases")) == 7); // Site A, Household 7, 5 speakers
        CHECK(db.scalarInt(QStringLiteral("SELECT count(*) FROM case_documents")) == 10);
        CHECK(db.scalarInt(QStringLiteral("SELECT count(*) FROM attribute_values")) == 5);
        CHECK(db.scalarInt(QStringLiteral("SELECT count(*) FROM attribute_defs")) == 2);
    }
    auto searchNurse = [](Project &p) {
        Search s(p);
        s.check();
        return s.run(QStringLiteral("nurse")).hits.size();
    };
    // Twice, each time in a freshly opened project, as quire-cli would.
    for (int round = 0; round < 2; ++round) {
        INFO("round " << round);
        {
            auto p = Project::open(path);
            CHECK(p->undo().startsWith(QStringLiteral("Import 3 documents")));
            CHECK(snapshot(*p) == before);
            CHECK(tableDump(ProjectAccess::database(*p)) == beforeRows);
            CHECK(searchNurse(*p) == 0);
        }
        {
            auto p = Project::open(path);
            CHECK(p->redo().startsWith(QStringLiteral("Import 3 documents")));
            CHECK(snapshot(*p) == after);
            CHECK(tableDump(ProjectAccess::database(*p)) == afterRows);
            CHECK(searchNurse(*p) == 4); // twice in ana.txt, once in ben.txt and plain.txt
        }
        CHECK(QuireTest::projectFingerprint(path) == afterCounts);
    }
}
