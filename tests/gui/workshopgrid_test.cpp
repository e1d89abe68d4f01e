// SPDX-License-Identifier: GPL-3.0-or-later
// The workshop grid as a workbench view (Workshop ▸ Workshop grid), offscreen:
// a small glad/sad/mad event built through quire-cli, and the view's cells
// compared with what `quire-cli wtfc theme grid` prints for the same choices;
// its export is the CLI's file byte for byte.
#include "guisupport.h"
#include "projectsession.h"
#include "testsupport.h"

#include "workshop/workshopgridview.h"
#include "workshop/workshopmenu.h"

#include "io/ziparchive.h"
#include "model/project.h"
#include "wtfc/workshop.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenuBar>
#include <QSet>
#include <QTableView>

using namespace Quire;
using namespace QuireTest;

namespace {

CliResult cli(const QStringList &args)
{
    CliResult r = runCli(args);
    INFO(args.join(QLatin1Char(' ')).toStdString() << "\n" << r.errText().toStdString());
    REQUIRE(r.exitCode == 0);
    return r;
}

/// Access spans glad, sad and mad; Transport has glad and sad notes only.
/// Access/sad: four notes, two tied at 2 stars behind one with 3 -> a tie at the cut-off of 2;
/// Access/mad: one note with a dot and no star -> empty by stars;
/// Transport/sad: one starred note (fewer than N); Transport/mad: no theme at all.
QString buildEvent(const TempDir &dir)
{
    const QString p = dir.path(QStringLiteral("grid.quire"));
    const QString csv = dir.path(QStringLiteral("notes.csv"));
    QFile f(csv);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("person,area,rank,statement,group\n"
            "A,glad,1,The drop-in needs no appointment,staff\n"
            "A,sad,1,Eleven weeks to a first session,staff\n"
            "B,sad,1,Nobody rings back,carers\n"
            "C,sad,1,The letter says nothing,carers\n"
            "D,sad,1,Referrals bounce,carers\n"
            "B,mad,1,Sent to A&E as the only way in,carers\n"
            "C,glad,1,The volunteer drivers,carers\n"
            "D,sad,2,The bus stops at six,carers\n");
    f.close();
    cli({QStringLiteral("new"), p});
    cli({QStringLiteral("import"), p, csv, QStringLiteral("--quiet")});
    cli({QStringLiteral("wtfc"), QStringLiteral("template"), p, QStringLiteral("--preset"),
         QStringLiteral("glad-sad-mad")});
    cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("add"), p, QStringLiteral("*"),
         QStringLiteral("Access"), QStringLiteral("--description"), QStringLiteral("Getting help when needed")});
    cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("add"), p, QStringLiteral("glad"),
         QStringLiteral("Transport")});
    cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("add"), p, QStringLiteral("sad"),
         QStringLiteral("Transport")});
    cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("assign"), p, QStringLiteral("Access"),
         QStringLiteral("@A:glad:1"), QStringLiteral("@A:sad:1"), QStringLiteral("@B:sad:1"),
         QStringLiteral("@C:sad:1"), QStringLiteral("@D:sad:1"), QStringLiteral("@B:mad:1")});
    cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("assign"), p, QStringLiteral("Transport"),
         QStringLiteral("@C:glad:1"), QStringLiteral("@D:sad:2")});
    auto vote = [&](const char *note, const char *kind, const char *n, const char *group) {
        cli({QStringLiteral("wtfc"), QStringLiteral("vote"), p, QString::fromLatin1(note),
             QStringLiteral("--") + QString::fromLatin1(kind), QString::fromLatin1(n), QStringLiteral("--group"),
             QString::fromLatin1(group)});
    };
    vote("@A:glad:1", "stars", "1", "staff");
    vote("@A:sad:1", "stars", "3", "carers");
    vote("@B:sad:1", "stars", "2", "staff");
    vote("@C:sad:1", "stars", "1", "staff");
    vote("@C:sad:1", "stars", "1", "carers"); // two groups summed: 2, tied with B
    vote("@D:sad:1", "stars", "2", "carers"); // tied too
    vote("@B:mad:1", "dots", "2", "staff");
    vote("@D:sad:2", "stars", "4", "carers");
    return p;
}

/// The CLI's grid for these options (its --json rows: one object per row, keyed by the
/// column headers) as rows of cells in the order of `header`; `keys` gets each row's headers.
QList<QStringList> cliGrid(const QString &project, const QStringList &options, const QStringList &header,
                           QStringList *keys)
{
    const QJsonObject o =
        QJsonDocument::fromJson(cli(QStringList{QStringLiteral("--json"), QStringLiteral("wtfc"),
                                                QStringLiteral("theme"), QStringLiteral("grid"), project} +
                                    options)
                                    .out)
            .object();
    QList<QStringList> rows;
    keys->clear();
    for (const auto &r : o.value(QStringLiteral("rows")).toArray()) {
        *keys = r.toObject().keys();
        QStringList cells;
        for (const QString &h : header)
            cells << r.toObject().value(h).toString(QStringLiteral("(missing)"));
        rows << cells;
    }
    return rows;
}

/// What the view's table shows, as rows of cells.
QList<QStringList> viewGrid(const WorkshopGridView &view, QStringList *header)
{
    const QAbstractItemModel *m = view.tableView()->model();
    header->clear();
    for (int c = 0; c < m->columnCount(); ++c)
        *header << m->headerData(c, Qt::Horizontal).toString();
    QList<QStringList> rows;
    for (int r = 0; r < m->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m->columnCount(); ++c)
            cells << m->data(m->index(r, c)).toString();
        rows << cells;
    }
    return rows;
}

} // namespace

TEST_CASE("workshop grid view shows the cells quire-cli wtfc theme grid prints, for every choice", "[gui][wtfc][grid]")
{
    TempDir dir;
    const QString project = buildEvent(dir);
    Workbench bench(project);
    // Through the Workshop menu, as a user opens it.
    QMenu *menu = bench.window.menuBar()->findChild<QMenu *>(QStringLiteral("workshopMenu"));
    REQUIRE(menu);
    QAction *open = nullptr;
    for (QAction *a : menu->actions())
        if (a->text().contains(QStringLiteral("Workshop gri")))
            open = a;
    REQUIRE(open);
    open->trigger();
    auto *view = bench.window.findChild<WorkshopGridView *>(QStringLiteral("workshopGridView"));
    REQUIRE(view);
    CHECK(view->error().isEmpty());

    QStringList viewHeader, cliHeader;
    // The defaults: top 3 by stars.
    QList<QStringList> shown = viewGrid(*view, &viewHeader);
    QList<QStringList> printed = cliGrid(project, {}, viewHeader, &cliHeader);
    CHECK(QSet<QString>(viewHeader.begin(), viewHeader.end()) == QSet<QString>(cliHeader.begin(), cliHeader.end()));
    CHECK(viewHeader == QStringList{QStringLiteral("Theme"), QStringLiteral("Descriptor"), QStringLiteral("glad"),
                                    QStringLiteral("sad"), QStringLiteral("mad")});
    CHECK(shown == printed);
    REQUIRE(shown.size() == 2);
    CHECK(shown[0][3] == QStringLiteral("1. Eleven weeks to a first session (3 stars)\n2= Nobody rings back (2 stars)\n"
                                        "2= The letter says nothing (2 stars)\n(+1 more tied at 2 stars)"));
    CHECK(shown[0][4] == QStringLiteral("(no top 3 identified)"));             // a dot, no star
    CHECK(shown[1][3] == QStringLiteral("1. The bus stops at six (4 stars)")); // fewer than N
    CHECK(shown[1][4] == QStringLiteral("(no top 3 identified)"));             // no theme in that area

    // N, ranking, the empty wording, one group, totals and the header, as the CLI's options.
    view->setTop(1);
    view->setRankBy(Wtfc::RankBy::Dots);
    view->setEmptyText(QStringLiteral("(none)"));
    view->setTotals(true);
    view->setThemeHeader(QStringLiteral("Strategic theme"));
    shown = viewGrid(*view, &viewHeader);
    printed = cliGrid(project,
                      {QStringLiteral("--top"), QStringLiteral("1"), QStringLiteral("--rank"), QStringLiteral("dots"),
                       QStringLiteral("--empty"), QStringLiteral("(none)"), QStringLiteral("--totals"),
                       QStringLiteral("--theme-header"), QStringLiteral("Strategic theme")},
                      viewHeader, &cliHeader);
    CHECK(QSet<QString>(viewHeader.begin(), viewHeader.end()) == QSet<QString>(cliHeader.begin(), cliHeader.end()));
    CHECK(shown == printed);
    CHECK(shown[0][4] == QStringLiteral("1. Sent to A&E as the only way in (2 dots)"));
    CHECK(shown[0][2] == QStringLiteral("(none)"));
    view->setRankBy(Wtfc::RankBy::Stars);
    REQUIRE(view->setVoterGroup(QStringLiteral("staff")));
    CHECK_FALSE(view->setVoterGroup(QStringLiteral("nobody voted as this")));
    view->setIncludeUnvoted(true);
    shown = viewGrid(*view, &viewHeader);
    printed =
        cliGrid(project,
                {QStringLiteral("--top"), QStringLiteral("1"), QStringLiteral("--empty"), QStringLiteral("(none)"),
                 QStringLiteral("--totals"), QStringLiteral("--theme-header"), QStringLiteral("Strategic theme"),
                 QStringLiteral("--group"), QStringLiteral("staff"), QStringLiteral("--all-notes")},
                viewHeader, &cliHeader);
    CHECK(QSet<QString>(viewHeader.begin(), viewHeader.end()) == QSet<QString>(cliHeader.begin(), cliHeader.end()));
    CHECK(shown == printed);

    // Export from the view: the CLI's file, byte for byte (.md), and a real .odt and .docx.
    const QString fromView = dir.path(QStringLiteral("view.md"));
    REQUIRE(view->exportGrid(fromView).isEmpty());
    const QString fromCli = dir.path(QStringLiteral("cli/view.md"));
    QDir().mkpath(dir.path(QStringLiteral("cli")));
    cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("grid"), project, QStringLiteral("--top"),
         QStringLiteral("1"), QStringLiteral("--empty"), QStringLiteral("(none)"), QStringLiteral("--totals"),
         QStringLiteral("--theme-header"), QStringLiteral("Strategic theme"), QStringLiteral("--group"),
         QStringLiteral("staff"), QStringLiteral("--all-notes"), QStringLiteral("--out"), fromCli});
    CHECK(readFile(fromView) == readFile(fromCli));
    const QString odt = dir.path(QStringLiteral("grid.odt"));
    REQUIRE(view->exportGrid(odt).isEmpty());
    const QByteArray content = ZipArchive(readFile(odt), odt).read(QStringLiteral("content.xml"));
    CHECK(content.contains("Strategic theme"));
    CHECK(content.contains("The drop-in needs no appointment"));
    const QString docx = dir.path(QStringLiteral("grid.docx"));
    REQUIRE(view->exportGrid(docx).isEmpty());
    CHECK(ZipArchive(readFile(docx), docx).read(QStringLiteral("word/document.xml")).contains("Strategic theme"));
    CHECK(view->exportGrid(dir.path(QStringLiteral("grid.rtf"))).contains(QStringLiteral("grid.rtf")));
    CHECK_FALSE(QFileInfo::exists(dir.path(QStringLiteral("grid.rtf"))));

    // A change in the workshop shows at once: renaming Access (every area) keeps its one row.
    view->setVoterGroup(QString());
    Project *p = bench.window.project();
    REQUIRE(bench.window.session()
                .run(
                    [&] {
                        Wtfc::Workshop w(*p);
                        w.renameTheme(w.resolveTheme(QStringLiteral("Access"), QStringLiteral("sad")),
                                      QStringLiteral("Access and waiting"));
                    },
                    ProjectSession::Workshop)
                .ok());
    shown = viewGrid(*view, &viewHeader);
    REQUIRE(shown.size() == 2);
    CHECK(shown[0][0] == QStringLiteral("Access and waiting"));
}
