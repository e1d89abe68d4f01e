// SPDX-License-Identifier: GPL-3.0-or-later
// The workshop grid (themes × areas, the top N notes a cell): ties in stars,
// a cell with fewer than N notes, an empty cell, a theme spanning three
// areas, votes of several voter groups summed; and the vote tallies the
// report, statement lists and traces show.
#include "testsupport.h"

#include "error.h"
#include "model/project.h"
#include "wtfc/analysis.h"
#include "wtfc/grid.h"
#include "wtfc/report.h"
#include "wtfc/workshop.h"

#include <map>

using namespace Quire;
using namespace Quire::Wtfc;
using QuireTest::TempDir;

namespace {

struct Event
{
    std::unique_ptr<Project> project;
    std::map<QString, Id> id; // notes by name, themes as "THEME/area"
};

ImportedDocument note(const QString &name, const QString &person, const QString &area, int rank, const QString &text)
{
    ImportedDocument d;
    d.name = name;
    d.kind = QStringLiteral("statement");
    d.text = text;
    d.caseName = person;
    d.attributes = {{QStringLiteral("area"), area}, {QStringLiteral("rank"), QString::number(rank)}};
    return d;
}

//  Glad / sad / mad. "Access" spans all three areas, "Groups" only glad and sad:
//    Access/glad: g1 (2 stars), g2 (no vote)                 -> fewer than 3 notes
//    Access/sad:  s1 (4), s2 (3), s3 (3), s4 (3), s5 (1)      -> ties at the cut-off
//    Access/mad:  m1 (1 star from each of three groups)      -> groups summed
//    Groups/glad: g3 (1 dot)                                 -> no star: empty by stars
//    Groups/sad:  (no note)                                  -> empty cell
Event buildEvent(const TempDir &dir)
{
    Event e;
    e.project = Project::create(dir.path(QStringLiteral("event.quire")));
    Project &p = *e.project;
    ImportedFile f;
    f.sourcePath = dir.path(QStringLiteral("event.csv"));
    f.format = QStringLiteral("csv");
    f.sha256 = QStringLiteral("0");
    const QString glad = QStringLiteral("glad"), sad = QStringLiteral("sad"), mad = QStringLiteral("mad");
    f.documents = {
        note(QStringLiteral("g1"), QStringLiteral("A"), glad, 1, QStringLiteral("The drop-in needs no appointment")),
        note(QStringLiteral("g2"), QStringLiteral("B"), glad, 1, QStringLiteral("Self-referral works online")),
        note(QStringLiteral("g3"), QStringLiteral("C"), glad, 1, QStringLiteral("The walking group")),
        note(QStringLiteral("s1"), QStringLiteral("A"), sad, 1, QStringLiteral("Eleven weeks to a first session")),
        note(QStringLiteral("s2"), QStringLiteral("B"), sad, 1, QStringLiteral("Nobody rings back")),
        note(QStringLiteral("s3"), QStringLiteral("C"), sad, 1, QStringLiteral("The letter says nothing")),
        note(QStringLiteral("s4"), QStringLiteral("D"), sad, 1, QStringLiteral("Referrals bounce between teams")),
        note(QStringLiteral("s5"), QStringLiteral("E"), sad, 1, QStringLiteral("Practices refer differently")),
        note(QStringLiteral("m1"), QStringLiteral("A"), mad, 1, QStringLiteral("Sent to A&E as the only way in"))};
    p.importDocuments({f});
    Workshop w(p);
    Template t = Template::gladSadMad();
    w.setTemplate(t);
    for (const ImportedDocument &d : f.documents)
        e.id[d.name] = w.resolveStatement(d.name);
    for (const QString &area : t.areas)
        e.id[QStringLiteral("Access/") + area] =
            w.addTheme(area, QStringLiteral("Access"), QStringLiteral("Getting help when it is needed"));
    e.id[QStringLiteral("Groups/glad")] = w.addTheme(glad, QStringLiteral("Groups"));
    e.id[QStringLiteral("Groups/sad")] =
        w.addTheme(sad, QStringLiteral("groups ")); // same strategic theme: case and spaces aside
    auto on = [&](const QString &theme, std::initializer_list<const char *> notes) {
        std::vector<Id> ids;
        for (const char *n : notes)
            ids.push_back(e.id[QString::fromLatin1(n)]);
        w.assign(e.id[theme], ids);
    };
    on(QStringLiteral("Access/glad"), {"g1", "g2"});
    on(QStringLiteral("Access/sad"), {"s1", "s2", "s3", "s4", "s5"});
    on(QStringLiteral("Access/mad"), {"m1"});
    on(QStringLiteral("Groups/glad"), {"g3"});
    auto stars = [&](const char *n, int count, const QString &group = QString()) {
        w.vote({ItemKind::Statement, e.id[QString::fromLatin1(n)]}, QStringLiteral("star"), count, group);
    };
    stars("g1", 2, QStringLiteral("carers"));
    stars("s1", 4);
    stars("s3", 3); // s3 before s2 in votes, but ties list by statement order
    stars("s2", 2);
    stars("s2", 1, QStringLiteral("staff"));
    stars("s4", 3);
    stars("s5", 1);
    stars("m1", 1, QStringLiteral("carers"));
    stars("m1", 1, QStringLiteral("staff"));
    stars("m1", 1, QStringLiteral("people using services"));
    w.vote({ItemKind::Statement, e.id[QStringLiteral("g3")]}, QStringLiteral("dot"), 1, QStringLiteral("staff"));
    w.vote({ItemKind::Theme, e.id[QStringLiteral("Access/sad")]}, QStringLiteral("dot"), 5, QStringLiteral("staff"));
    return e;
}

} // namespace

TEST_CASE("wtfc grid: themes of one name across areas are one row, areas are columns", "[wtfc][grid]")
{
    TempDir dir;
    Event e = buildEvent(dir);
    const Snapshot snap = Workshop(*e.project).snapshot();
    const Grid g = workshopGrid(snap);
    CHECK(g.areas == QStringList{QStringLiteral("glad"), QStringLiteral("sad"), QStringLiteral("mad")});
    REQUIRE(g.rows.size() == 2);
    CHECK(g.rows[0].theme == QStringLiteral("Access"));
    CHECK(g.rows[0].description == QStringLiteral("Getting help when it is needed"));
    CHECK(g.rows[0].themes.size() == 3); // spans three areas
    CHECK(g.rows[1].theme == QStringLiteral("Groups"));
    CHECK(g.rows[1].themes.size() == 2);
    for (const GridRow &r : g.rows)
        CHECK(r.cells.size() == 3);
    // The stages that need one area per theme still see three themes, each in its area.
    for (const QString &area : snap.workshopTemplate.areas)
        CHECK(snap.theme(e.id[QStringLiteral("Access/") + area])->area == area);
    Workshop w(*e.project);
    CHECK(w.addIStatement(e.id[QStringLiteral("Access/sad")], QStringLiteral("I can't get help")) > 0);
    CHECK_THROWS_WITH(w.assign(e.id[QStringLiteral("Access/glad")], {e.id[QStringLiteral("s1")]}),
                      Catch::Contains("is in the area"));
}

TEST_CASE("wtfc grid: ties in stars share a rank and the cut-off says who else ties", "[wtfc][grid]")
{
    TempDir dir;
    Event e = buildEvent(dir);
    const Snapshot snap = Workshop(*e.project).snapshot();
    const Grid g = workshopGrid(snap);
    const GridCell &sad = g.rows[0].cells[1];
    REQUIRE(sad.notes.size() == 3);
    CHECK(sad.notes[0].statement == e.id[QStringLiteral("s1")]);
    CHECK(sad.notes[0].rank == 1);
    CHECK_FALSE(sad.notes[0].tied);
    CHECK(sad.notes[1].statement == e.id[QStringLiteral("s2")]); // 2 + 1 stars from two groups: 3
    CHECK(sad.notes[2].statement == e.id[QStringLiteral("s3")]);
    CHECK(sad.notes[1].rank == 2);
    CHECK(sad.notes[2].rank == 2);
    CHECK(sad.notes[1].tied);
    CHECK(sad.notes[1].votes == 3);
    CHECK(sad.tiedBeyond == 1); // s4 has 3 stars too; s5 with 1 is not a tie
    const Quire::Analysis::AnalysisTable t = gridTable(g);
    CHECK(t.header == QStringList{QStringLiteral("Theme"), QStringLiteral("Descriptor"), QStringLiteral("glad"),
                                  QStringLiteral("sad"), QStringLiteral("mad")});
    CHECK(
        t.rows[0][3] ==
        QStringLiteral(
            "1. Eleven weeks to a first session (4 stars)\n2= Nobody rings back (3 stars)\n2= The letter says nothing (3 stars)\n"
            "(+1 more tied at 3 stars)"));
    // With room for four the tie is shown whole and nothing is left out.
    GridOptions four;
    four.top = 4;
    const GridCell &all = workshopGrid(snap, four).rows[0].cells[1];
    CHECK(all.notes.size() == 4);
    CHECK(all.tiedBeyond == 0);
    CHECK(all.notes[3].rank == 2);
}

TEST_CASE("wtfc grid: a cell with fewer than N notes and an empty cell", "[wtfc][grid]")
{
    TempDir dir;
    Event e = buildEvent(dir);
    const Snapshot snap = Workshop(*e.project).snapshot();
    const Quire::Analysis::AnalysisTable t = gridTable(workshopGrid(snap));
    // Access/glad: one starred note of two; the note nobody starred is not "identified".
    CHECK(t.rows[0][2] == QStringLiteral("1. The drop-in needs no appointment (2 stars)"));
    // Groups/glad has a note with a dot but no star; Groups/sad has no note; Groups/mad has no theme.
    CHECK(t.rows[1][2] == QStringLiteral("(no top 3 identified)"));
    CHECK(t.rows[1][3] == QStringLiteral("(no top 3 identified)"));
    CHECK(t.rows[1][4] == QStringLiteral("(no top 3 identified)"));
    CHECK(t.rows[1][1].isEmpty()); // no descriptor given for Groups
    GridOptions o;
    o.emptyText = QStringLiteral("–");
    o.includeUnvoted = true;
    o.top = 2;
    const Quire::Analysis::AnalysisTable u = gridTable(workshopGrid(snap, o), o);
    CHECK(u.title == QStringLiteral("Top 2 by stars"));
    CHECK(u.rows[0][2] ==
          QStringLiteral("1. The drop-in needs no appointment (2 stars)\n2. Self-referral works online (0 stars)"));
    CHECK(u.rows[1][2] == QStringLiteral("1. The walking group (0 stars)"));
    CHECK(u.rows[1][3] == QStringLiteral("–"));
    // By dots the glad note of Groups is the only one ranked.
    GridOptions dots;
    dots.rankBy = RankBy::Dots;
    const Quire::Analysis::AnalysisTable d = gridTable(workshopGrid(snap, dots), dots);
    CHECK(d.title == QStringLiteral("Top 3 by dots"));
    CHECK(d.rows[1][2] == QStringLiteral("1. The walking group (1 dot)"));
    CHECK(d.rows[0][3] == QStringLiteral("(no top 3 identified)")); // the 5 dots are on the theme, not on a note
    GridOptions none;
    none.top = 0;
    CHECK_THROWS_WITH(workshopGrid(snap, none), Catch::Contains("at least one note"));
}

TEST_CASE("wtfc grid: votes of several voter groups are summed, or one group's alone", "[wtfc][grid]")
{
    TempDir dir;
    Event e = buildEvent(dir);
    const Snapshot snap = Workshop(*e.project).snapshot();
    GridOptions o;
    o.totals = true;
    const Grid g = workshopGrid(snap, o);
    CHECK(g.rows[0].cells[2].notes.at(0).votes == 3); // m1: one star from each of three groups
    CHECK(g.rows[0].stars == 2 + 4 + 3 + 3 + 3 + 1 + 3);
    CHECK(g.rows[0].dots == 5);
    const Quire::Analysis::AnalysisTable t = gridTable(g, o);
    CHECK(t.header.last() == QStringLiteral("Votes"));
    CHECK(t.rows[0].last() == QStringLiteral("19 stars, 5 dots"));
    // One group: staff starred s2 once and m1 once.
    GridOptions staff;
    staff.voterGroup = QStringLiteral("Staff");
    const Grid sg = workshopGrid(snap, staff);
    REQUIRE(sg.rows[0].cells[1].notes.size() == 1);
    CHECK(sg.rows[0].cells[1].notes[0].statement == e.id[QStringLiteral("s2")]);
    CHECK(sg.rows[0].cells[1].notes[0].votes == 1);
    CHECK(sg.rows[0].cells[2].notes.at(0).votes == 1);
    CHECK(gridTable(sg, staff).title == QStringLiteral("Top 3 by stars of Staff"));

    // The tallies the report and lists show.
    const VoteTally m1 = tally(snap, {ItemKind::Statement, e.id[QStringLiteral("m1")]});
    CHECK(m1.stars == 3);
    CHECK(m1.text() == QStringLiteral("3 stars"));
    CHECK(m1.groupText() == QStringLiteral("carers: 1 star; staff: 1 star; people using services: 1 star"));
    const VoteTally sad = themeTally(snap, e.id[QStringLiteral("Access/sad")]);
    CHECK(sad.text() == QStringLiteral("5 dots, 14 stars"));
    CHECK(sad.groupText() == QStringLiteral("no group: 13 stars; staff: 5 dots, 1 star"));
    const QString md = reportMarkdown(snap, analyse(snap));
    CHECK(md.contains(
        QStringLiteral("| Access | 5 dots, 14 stars | 5 | 5 | no group: 13 stars; staff: 5 dots, 1 star |")));
    CHECK(md.contains(QStringLiteral("Getting help when it is needed")));
    CHECK(md.contains(QStringLiteral("\u201CEleven weeks to a first session\u201D (A) \u2014 4 stars")));
}

TEST_CASE(
    "wtfc votes: an I statement sums the votes on itself, its theme and its notes - a solution shows its cause's too",
    "[wtfc][grid][votes]")
{
    TempDir dir;
    Event e = buildEvent(dir);
    Workshop w(*e.project);
    const Id is = w.addIStatement(e.id[QStringLiteral("Access/sad")], QStringLiteral("I can't get help"));
    w.vote({ItemKind::IStatement, is}, QStringLiteral("star"), 2, QStringLiteral("carers"));
    const Id cause = w.addWhyText(is, QStringLiteral("Referral routes differ by practice"));
    const Id solution = w.addSolution(cause, QStringLiteral("radical"), QStringLiteral("One referral form"));
    w.vote({ItemKind::Cause, cause}, QStringLiteral("dot"), 1, QStringLiteral("staff"));
    w.vote({ItemKind::Solution, solution}, QStringLiteral("dot"), 2, QStringLiteral("carers"));
    const Snapshot snap = w.snapshot();
    // 2 stars on it, the theme's 5 dots, its notes' 4 + 3 + 3 + 3 + 1 stars; each vote once.
    const VoteTally v = istatementTally(snap, is);
    CHECK(v.text() == QStringLiteral("5 dots, 16 stars"));
    CHECK(v.groupText() == QStringLiteral("no group: 13 stars; staff: 5 dots, 1 star; carers: 2 stars"));
    // Linked to two notes only: those two, the theme and itself.
    w.linkStatements(is, {e.id[QStringLiteral("s1")], e.id[QStringLiteral("s5")]});
    CHECK(istatementTally(w.snapshot(), is).text() == QStringLiteral("5 dots, 7 stars"));
    CHECK(istatementTally(snap, cause).empty()); // a cause is not an I statement
    const Snapshot linked = w.snapshot();
    const QString md = reportMarkdown(linked, analyse(linked));
    CHECK(md.contains(QStringLiteral(
        "| I can't get help | Access | 5 dots, 7 stars | 2 | no group: 5 stars; staff: 5 dots; carers: 2 stars |")));
    CHECK(md.contains(QStringLiteral("| One referral form | Referral routes differ by practice | 2 dots | 1 dot |")));
    CHECK_FALSE(md.contains(QStringLiteral("0 dot")));
}

TEST_CASE("wtfc grid: renaming one area's theme of a strategic theme keeps its row whole", "[wtfc][grid][rename]")
{
    TempDir dir;
    Event e = buildEvent(dir);
    Workshop w(*e.project);
    const Quire::Analysis::AnalysisTable before = gridTable(workshopGrid(w.snapshot()));
    w.renameTheme(e.id[QStringLiteral("Access/sad")], QStringLiteral("Access and waiting"));
    Snapshot snap = w.snapshot();
    for (const QString &area : snap.workshopTemplate.areas)
        CHECK(snap.theme(e.id[QStringLiteral("Access/") + area])->name == QStringLiteral("Access and waiting"));
    Grid g = workshopGrid(snap);
    REQUIRE(g.rows.size() == 2);
    CHECK(g.rows[0].theme == QStringLiteral("Access and waiting"));
    CHECK(g.rows[0].themes.size() == 3);
    Quire::Analysis::AnalysisTable after = gridTable(g);
    REQUIRE(after.rows.size() == before.rows.size());
    for (qsizetype c = 1; c < before.header.size(); ++c)
        CHECK(after.rows[0][c] == before.rows[0][c]); // the same cells under the new name
    // "Groups" and "groups " are one strategic theme too: renamed together.
    w.renameTheme(e.id[QStringLiteral("Groups/glad")], QStringLiteral("Peer groups"));
    CHECK(w.snapshot().theme(e.id[QStringLiteral("Groups/sad")])->name == QStringLiteral("Peer groups"));
    // One command: one undo takes the three areas back.
    e.project->undo();
    e.project->undo();
    snap = w.snapshot();
    for (const QString &area : snap.workshopTemplate.areas)
        CHECK(snap.theme(e.id[QStringLiteral("Access/") + area])->name == QStringLiteral("Access"));
    // Asked for, one area's theme alone leaves the row.
    w.renameTheme(e.id[QStringLiteral("Access/mad")], QStringLiteral("Crisis"), true);
    g = workshopGrid(w.snapshot());
    REQUIRE(g.rows.size() == 3);
    CHECK(g.rows[0].themes.size() == 2);
    CHECK(g.rows[1].theme == QStringLiteral("Crisis")); // rows in the order their first theme was added
    // A name another theme of one of the areas has is refused for all, nothing changed.
    const Id other = w.addTheme(QStringLiteral("glad"), QStringLiteral("Transport"));
    CHECK(other > 0);
    CHECK_THROWS_WITH(w.renameTheme(e.id[QStringLiteral("Access/sad")], QStringLiteral("Transport")),
                      Catch::Contains("already has a theme"));
    CHECK(w.snapshot().theme(e.id[QStringLiteral("Access/sad")])->name == QStringLiteral("Access"));
    CHECK(w.snapshot().theme(e.id[QStringLiteral("Access/glad")])->name == QStringLiteral("Access"));
}
