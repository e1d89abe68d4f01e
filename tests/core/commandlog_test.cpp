// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "error.h"
#include "model/project.h"
#include "storage/database.h"
#include "testsupport.h"

#include <functional>

using namespace Quire;

namespace {

ImportedFile textFile(const QString &name, const QString &text)
{
    ImportedDocument d;
    d.name = name;
    d.text = text;
    d.encoding = QStringLiteral("UTF-8");
    return ImportedFile{QStringLiteral("/tmp/") + name, QStringLiteral("00"), QStringLiteral("plaintext"), {d}};
}

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
        out << QStringLiteral("code %1 %2 %3 %4 [%5]").arg(c.id).arg(c.name, c.color, c.description, parents.join(QLatin1Char(',')));
    }
    for (const auto &s : p.segments()) {
        QStringList codes;
        for (Id x : s.codes)
            codes << QString::number(x);
        out << QStringLiteral("seg %1 %2 %3:%4 [%5] %6").arg(s.id).arg(s.documentId).arg(s.start).arg(s.end).arg(codes.join(QLatin1Char(',')), s.memo);
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
        doc = p->importDocuments({textFile(QStringLiteral("a.txt"), QStringLiteral("I can't see someone when I need to."))}).front();
        code = p->addCode(QStringLiteral("Access/Appointments/Waiting"));
    }
    // Each step: a mutation, run on a freshly opened project each time.
    const std::vector<std::pair<const char *, std::function<void(Project &)>>> steps{
        {"add segment", [&](Project &p) { seg = p.addSegment(doc, 0, 11, {code}, QStringLiteral("memo")); }},
        {"resize segment", [&](Project &p) { p.resizeSegment(seg, 2, 11); }},
        {"rename code", [&](Project &p) { p.renameCode(QStringLiteral("Access/Appointments/Waiting"), QStringLiteral("Delays")); }},
        {"describe code", [&](Project &p) { p.describeCode(QStringLiteral("Access/Appointments/Delays"), QStringLiteral("def"), QStringLiteral("#112233")); }},
        {"add code", [&](Project &p) { p.addCode(QStringLiteral("Trust")); }},
        {"link code", [&](Project &p) { p.linkCode(QStringLiteral("Access/Appointments/Delays"), QStringLiteral("Trust")); }},
        {"move code", [&](Project &p) { p.moveCode(QStringLiteral("Access/Appointments"), QStringLiteral("Trust")); }},
        {"add case", [&](Project &p) { caseId = p.addCase(QStringLiteral("P1")); }},
        {"link case", [&](Project &p) { p.linkCaseDocument(caseId, doc); }},
        {"set attribute", [&](Project &p) { p.setAttribute(AttributeScope::Case, caseId, QStringLiteral("group"), QStringLiteral("carer")); }},
        {"add memo", [&](Project &p) { memo = p.addMemo(QStringLiteral("segment"), seg, QStringLiteral("first")); }},
        {"edit memo", [&](Project &p) { p.editMemo(memo, QStringLiteral("second")); }},
        {"segment memo", [&](Project &p) { p.setSegmentMemo(seg, QStringLiteral("changed")); }},
        {"merge code", [&](Project &p) { p.mergeCode(QStringLiteral("Trust/Delays"), QStringLiteral("Access")); }},
        {"delete code", [&](Project &p) { p.deleteCode(QStringLiteral("Access"), true); }},
        {"remove segment", [&](Project &p) { p.addSegment(doc, 0, 5, {p.addCode(QStringLiteral("X"))}); p.removeSegment(p.segments().back().id); }},
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
    REQUIRE_THROWS_WITH(p->importDocuments({ImportedFile{QStringLiteral("x"), QStringLiteral("0"), QStringLiteral("plaintext"), {good, dup}}}),
                        Catch::Contains("already has a document named"));
    CHECK(p->documents().empty());
    CHECK(p->history().size() == before);
    REQUIRE_THROWS_AS(p->batch(QStringLiteral("test"), QStringLiteral("half"), [&] {
        p->addCode(QStringLiteral("B"));
        throw Error(QStringLiteral("fails half-way"));
    }), Error);
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
