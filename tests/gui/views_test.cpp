// SPDX-License-Identifier: GPL-3.0-or-later
// The analysis and WTfC views driven through their real widgets, offscreen,
// on small projects built here by hand: the crosstab's figures, a known
// disagreement between two coders, a "why" typed under a node of the
// root-cause graph (and undone), and solution cards in their quadrants.
#include "guisupport.h"
#include "testsupport.h"

#include "analysis/agreementview.h"
#include "analysis/analysismenu.h"
#include "analysis/analysisoperations.h"
#include "analysis/cooccurrenceview.h"
#include "analysis/crosstabview.h"
#include "analysis/frequencyview.h"
#include "screenshots.h"
#include "workshop/workshopmenu.h"
#include "workshop/wtfcactionsview.h"
#include "workshop/wtfcgraphview.h"
#include "workshop/wtfcgridview.h"
#include "workshop/wtfcsolutionsview.h"
#include "workshop/wtfcthemesview.h"

#include "io/ziparchive.h"
#include "wtfc/workshop.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTimer>

using namespace Quire;
using namespace QuireTest;

namespace {

struct Hand
{
    QString path;
    Id carers = 0, staff = 0, money = 0, respite = 0;
};

/// Two documents, one per group (a document attribute), and three sentences each.
/// Coder A: "Money" on carers' sentences 1 and 3 and staff's sentence 2; "Respite" on carers' sentence 2.
/// Coder B (only when `secondCoder`): "Money" on carers' sentences 1 and 2, nothing else.
Hand buildHandProject(const TempDir &dir, bool secondCoder)
{
    Hand h;
    h.path = dir.path(QStringLiteral("hand.quire"));
    auto p = Project::create(h.path);
    PluginManager plugins;
    plugins.loadStatic();
    const QString carers = dir.writeFile(QStringLiteral("carers.txt"),
                                         "Money is always short. I never get a break. The bills keep coming.\n");
    const QString staff = dir.writeFile(QStringLiteral("staff.txt"),
                                        "Budgets were cut again. We see the money worries. Families cope.\n");
    p->importDocuments({readImportFile(plugins, carers), readImportFile(plugins, staff)});
    h.carers = p->findDocument(QStringLiteral("carers.txt")).id;
    h.staff = p->findDocument(QStringLiteral("staff.txt")).id;
    p->setAttribute(AttributeScope::Document, h.carers, QStringLiteral("group"), QStringLiteral("carer"));
    p->setAttribute(AttributeScope::Document, h.staff, QStringLiteral("group"), QStringLiteral("professional"));
    h.money = p->addCode(QStringLiteral("Money"), QStringLiteral("#e76f51"));
    h.respite = p->addCode(QStringLiteral("Respite"), QStringLiteral("#2a9d8f"));
    auto code = [&](Id doc, const QString &quote, Id codeId) {
        const auto at = p->findQuote(doc, quote);
        REQUIRE(at.size() == 1);
        p->addSegment(doc, at[0], at[0] + quote.size(), {codeId});
    };
    p->setCoder(QStringLiteral("A"));
    code(h.carers, QStringLiteral("Money is always short."), h.money);
    code(h.carers, QStringLiteral("The bills keep coming."), h.money);
    code(h.staff, QStringLiteral("We see the money worries."), h.money);
    code(h.carers, QStringLiteral("I never get a break."), h.respite);
    if (secondCoder) {
        p->setCoder(QStringLiteral("B"));
        code(h.carers, QStringLiteral("Money is always short."), h.money);
        code(h.carers, QStringLiteral("I never get a break."), h.money);
    }
    return h;
}

QStringList rowOf(const AnalysisTableModel *model, int row)
{
    QStringList out;
    for (int c = 0; c < model->columnCount(); ++c)
        out << model->index(row, c).data().toString();
    return out;
}

} // namespace

TEST_CASE("crosstab view shows the figures of a hand-built project", "[gui][views]")
{
    TempDir dir;
    const Hand h = buildHandProject(dir, false);
    Workbench bench(h.path);
    auto *view = qobject_cast<CrosstabView *>(
        openAnalysisView(bench.window.session(), bench.window, QStringLiteral("crosstab")));
    REQUIRE(view);
    CHECK(bench.window.centralTabs()->currentWidget() == view);
    REQUIRE(view->setColumns(QStringLiteral("group")));
    CHECK(view->error().isEmpty());
    // Money: two carers' segments, one professional's; Respite: one carer's.
    CHECK(view->cell(QStringLiteral("Money"), QStringLiteral("carer")) == QStringLiteral("2"));
    CHECK(view->cell(QStringLiteral("Money"), QStringLiteral("professional")) == QStringLiteral("1"));
    CHECK(view->cell(QStringLiteral("Money"), QStringLiteral("total")) == QStringLiteral("3"));
    CHECK(view->cell(QStringLiteral("Respite"), QStringLiteral("carer")) == QStringLiteral("1"));
    CHECK(view->cell(QStringLiteral("Respite"), QStringLiteral("professional")) == QStringLiteral("0"));
    CHECK(view->cell(QStringLiteral("(any code)"), QStringLiteral("carer")) == QStringLiteral("3"));
    // The table view shows what the model holds.
    CHECK(view->tableView()->model()->rowCount() == 3);

    // Row percentages: 2 of Money's 3 segments are carers'.
    view->setCells(Analysis::Crosstab::Cells::RowPercent);
    CHECK(view->cell(QStringLiteral("Money"), QStringLiteral("carer")) == QStringLiteral("66.7"));
    // Column percentages: Money is in all 3 of the carers' coded segments... 2 of 3.
    view->setCells(Analysis::Crosstab::Cells::ColumnPercent);
    CHECK(view->cell(QStringLiteral("Money"), QStringLiteral("carer")) == QStringLiteral("66.7"));
    CHECK(view->cell(QStringLiteral("Money"), QStringLiteral("professional")) == QStringLiteral("100.0"));

    // Documents as cells: Money is in both documents, one per group.
    view->setCells(Analysis::Crosstab::Cells::Counts);
    view->setUnit(Analysis::CountUnit::Documents);
    CHECK(view->cell(QStringLiteral("Money"), QStringLiteral("carer")) == QStringLiteral("1"));
    CHECK(view->cell(QStringLiteral("Money"), QStringLiteral("total")) == QStringLiteral("2"));

    // Documents as columns.
    REQUIRE(view->setColumns(QStringLiteral("document")));
    view->setUnit(Analysis::CountUnit::Segments);
    CHECK(view->cell(QStringLiteral("Money"), QStringLiteral("carers.txt")) == QStringLiteral("2"));
    CHECK(view->cell(QStringLiteral("Money"), QStringLiteral("staff.txt")) == QStringLiteral("1"));

    // A new segment (a command in the window) shows up at once.
    REQUIRE(bench.window.runCommand([&] {
        const auto at = bench.window.project()->findQuote(h.staff, QStringLiteral("Families cope."));
        bench.window.project()->addSegment(h.staff, at[0], at[0] + 14, {h.respite});
    }));
    CHECK(view->cell(QStringLiteral("Respite"), QStringLiteral("staff.txt")) == QStringLiteral("1"));
}

TEST_CASE("agreement view lists a known disagreement beside the unit's text", "[gui][views]")
{
    TempDir dir;
    const Hand h = buildHandProject(dir, true);
    Workbench bench(h.path);
    auto *view = qobject_cast<AgreementView *>(
        openAnalysisView(bench.window.session(), bench.window, QStringLiteral("agreement")));
    REQUIRE(view);
    view->setBootstrap(0);
    view->setUnit(Analysis::AgreementUnit::Sentence);
    CHECK(view->coderList()->count() == 2);
    view->setCoders({QStringLiteral("A"), QStringLiteral("B")});
    REQUIRE(view->error().isEmpty());

    // On Money, A and B disagree on two carers' sentences: A has "The bills keep
    // coming.", B has "I never get a break." (the staff document: B coded nothing
    // there, so by default B found nothing: a third disagreement).
    const AnalysisTableModel *dis = view->disagreementModel();
    const QStringList header = dis->table().header;
    REQUIRE(header.contains(QStringLiteral("A")));
    const auto a = header.indexOf(QStringLiteral("A")), b = header.indexOf(QStringLiteral("B"));
    const auto text = header.indexOf(QStringLiteral("text"));
    bool bills = false, rest = false;
    for (int r = 0; r < dis->rowCount(); ++r) {
        const QStringList row = rowOf(dis, r);
        if (row[0] != QStringLiteral("Money"))
            continue;
        if (row[text] == QStringLiteral("The bills keep coming.")) {
            bills = true;
            CHECK(row[a] == QStringLiteral("yes"));
            CHECK(row[b] == QStringLiteral("no"));
        }
        if (row[text] == QStringLiteral("I never get a break.")) {
            rest = true;
            CHECK(row[a] == QStringLiteral("no"));
            CHECK(row[b] == QStringLiteral("yes"));
        }
    }
    CHECK(bills);
    CHECK(rest);
    // Selecting the row shows the whole unit with each coder's decision.
    view->showDisagreement(0);

    // Per-code table: the Money row; of 6 sentences A and B agree on 3 (both on
    // "Money is always short.", neither on "Budgets…" and "Families cope.").
    const AnalysisTableModel *codes = view->codeModel();
    const auto percent = codes->table().header.indexOf(QStringLiteral("percent"));
    bool found = false;
    for (int r = 0; r < codes->rowCount(); ++r)
        if (rowOf(codes, r)[0] == QStringLiteral("Money")) {
            found = true;
            CHECK(rowOf(codes, r)[percent] == QStringLiteral("50.0"));
        }
    CHECK(found);
}

namespace {

struct SmallWorkshop
{
    QString path;
    Id theme = 0, istatement = 0, cause = 0, quick = 0, major = 0, thankless = 0;
};

SmallWorkshop buildWorkshop(const TempDir &dir)
{
    SmallWorkshop w;
    w.path = dir.path(QStringLiteral("workshop.quire"));
    auto p = Project::create(w.path);
    Wtfc::Workshop ws(*p);
    w.theme = ws.addTheme(QStringLiteral("what is not working"), QStringLiteral("Getting an appointment"));
    w.istatement = ws.addIStatement(w.theme, QStringLiteral("I can't see someone when I need to"));
    w.cause = ws.addWhyText(w.istatement, QStringLiteral("The phone lines jam at 8am"));
    w.quick = ws.addSolution(w.cause, QStringLiteral("different"), QStringLiteral("A call-back list"));
    w.major = ws.addSolution(w.cause, QStringLiteral("radical"), QStringLiteral("A new booking system"));
    w.thankless = ws.addSolution(w.cause, QStringLiteral("traditional"), QStringLiteral("More phone staff"));
    ws.placeByScores(w.quick, 2, 8);     // low cost, high benefit
    ws.placeByScores(w.major, 9, 9);     // high, high
    ws.placeByScores(w.thankless, 8, 2); // high cost, low benefit
    return w;
}

} // namespace

TEST_CASE("root-cause graph view adds a why under the selected node, undo removes it", "[gui][views][wtfc]")
{
    TempDir dir;
    const SmallWorkshop w = buildWorkshop(dir);
    Workbench bench(w.path);
    auto *view =
        qobject_cast<WtfcGraphView *>(openWtfcView(bench.window.session(), bench.window, QStringLiteral("wtfc-graph")));
    REQUIRE(view);
    QList<Id> drawn = view->drawnNodes();
    std::sort(drawn.begin(), drawn.end());
    CHECK(drawn == QList<Id>{w.istatement, w.cause});

    // Nothing selected: the line edit refuses and says why.
    view->graphicsView()->scene()->clearSelection();
    CHECK_FALSE(view->addWhy(QStringLiteral("Too few staff")));
    CHECK(view->message().contains(QStringLiteral("Select")));

    REQUIRE(view->selectNode(w.cause));
    view->whyEdit()->setFocus();
    QTest::keyClicks(view->whyEdit(), QStringLiteral("Too few receptionists"));
    QTest::keyClick(view->whyEdit(), Qt::Key_Return);
    CHECK(view->whyEdit()->text().isEmpty());

    Wtfc::Snapshot s = Wtfc::Workshop(*bench.window.project()).snapshot();
    REQUIRE(s.nodes.size() == 3);
    const Wtfc::Node &added = s.nodes.back();
    CHECK(added.text == QStringLiteral("Too few receptionists"));
    CHECK(s.edges.size() == 2);
    CHECK(std::find(s.edges.begin(), s.edges.end(), Wtfc::Edge{w.cause, added.id}) != s.edges.end());
    CHECK(view->drawnNodes().contains(added.id));
    CHECK(view->selectedNode() == added.id);

    // A cycle is refused with the core's message, and nothing changes.
    REQUIRE(view->selectNode(added.id));
    CHECK_FALSE(view->addWhy(QStringLiteral("The phone lines jam at 8am")));
    CHECK(view->message().contains(QStringLiteral("cycle")));
    CHECK(Wtfc::Workshop(*bench.window.project()).snapshot().edges.size() == 2);

    // Ctrl+Z (the window's undo) takes the why back; the view redraws.
    REQUIRE(bench.window.undo());
    s = Wtfc::Workshop(*bench.window.project()).snapshot();
    CHECK(s.nodes.size() == 2);
    CHECK(s.edges.size() == 1);
    CHECK_FALSE(view->drawnNodes().contains(added.id));

    // The wheel zooms.
    const double before = view->graphicsView()->zoom();
    view->graphicsView()->zoomBy(1.5);
    CHECK(view->graphicsView()->zoom() == Approx(before * 1.5));
}

namespace {

/// The small workshop plus a middle cause: I statement → "Reception is short-staffed" → "The phone
/// lines jam at 8am", so the middle cause has two "why" links and no solutions.
struct ChainWorkshop
{
    SmallWorkshop w;
    Id middle = 0;
};

ChainWorkshop buildChain(const TempDir &dir)
{
    ChainWorkshop c;
    c.w = buildWorkshop(dir);
    auto p = Project::open(c.w.path);
    Wtfc::Workshop ws(*p);
    c.middle = ws.addWhyText(c.w.istatement, QStringLiteral("Reception is short-staffed"));
    ws.addWhy(c.middle, c.w.cause);
    return c;
}

/// Also keeps a picture where QUIRE_SCREENSHOT_DIR says (for the docs), if set.
void keepScreenshot(const QString &file)
{
    const QString dir = QString::fromLocal8Bit(qgetenv("QUIRE_SCREENSHOT_DIR"));
    if (!dir.isEmpty()) {
        QFile::remove(QDir(dir).filePath(QFileInfo(file).fileName()));
        QFile::copy(file, QDir(dir).filePath(QFileInfo(file).fileName()));
    }
}

Wtfc::Snapshot snapshotOf(Workbench &bench)
{
    return Wtfc::Workshop(*bench.window.project()).snapshot();
}

bool hasEdge(const Wtfc::Snapshot &s, Id from, Id to)
{
    return std::find(s.edges.begin(), s.edges.end(), Wtfc::Edge{from, to}) != s.edges.end();
}

QString textOf(const Wtfc::Snapshot &s, Id node)
{
    const Wtfc::Node *n = s.node(node);
    return n ? n->text : QString();
}

WtfcGraphView *openGraph(Workbench &bench)
{
    auto *view =
        qobject_cast<WtfcGraphView *>(openWtfcView(bench.window.session(), bench.window, QStringLiteral("wtfc-graph")));
    REQUIRE(view);
    return view;
}

} // namespace

TEST_CASE("root-cause graph view renames the selected node with F2 and the inline editor, undo takes it back",
          "[gui][views][wtfc]")
{
    TempDir dir;
    const SmallWorkshop w = buildWorkshop(dir);
    Workbench bench(w.path);
    WtfcGraphView *view = openGraph(bench);

    // Nothing selected: refused with a message.
    view->graphicsView()->scene()->clearSelection();
    CHECK_FALSE(view->renameSelected(QStringLiteral("Anything")));
    CHECK(view->message().contains(QStringLiteral("Select")));

    // F2 on the canvas opens the editor over the node with its text; Return commits.
    REQUIRE(view->selectNode(w.cause));
    view->graphicsView()->setFocus();
    QTest::keyClick(view->graphicsView()->viewport(), Qt::Key_F2);
    QLineEdit *editor = view->renameEditor();
    REQUIRE(editor->isVisible());
    CHECK(editor->text() == QStringLiteral("The phone lines jam at 8am"));
    CHECK(view->graphicsView()->mapToScene(editor->geometry().center()).x() ==
          Approx(view->nodeRect(w.cause).center().x()).margin(2));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Everyone phones at 8am"));
    {
        // The picture of the editor over the node, kept for the docs when QUIRE_SCREENSHOT_DIR is set.
        const QString file = dir.path(QStringLiteral("wtfc-graph-rename.png"));
        REQUIRE(view->grab().save(file));
        keepScreenshot(file);
    }
    QTest::keyClick(editor, Qt::Key_Return);
    CHECK_FALSE(editor->isVisible());
    CHECK(textOf(snapshotOf(bench), w.cause) == QStringLiteral("Everyone phones at 8am"));
    CHECK(view->selectedNode() == w.cause);
    CHECK(view->message().isEmpty());

    // Esc leaves the text as it was.
    QTest::keyClick(view->graphicsView()->viewport(), Qt::Key_F2);
    REQUIRE(editor->isVisible());
    QTest::keyClicks(editor, QStringLiteral("Never mind"));
    QTest::keyClick(editor, Qt::Key_Escape);
    CHECK_FALSE(editor->isVisible());
    CHECK(textOf(snapshotOf(bench), w.cause) == QStringLiteral("Everyone phones at 8am"));

    // The core refuses a text another node has; its message shows and nothing changes.
    CHECK_FALSE(view->renameSelected(QStringLiteral("I can't see someone when I need to")));
    CHECK(view->message().contains(QStringLiteral("already has")));
    CHECK(textOf(snapshotOf(bench), w.cause) == QStringLiteral("Everyone phones at 8am"));

    // Double-click on the I statement renames it too (the API call: one command).
    const QPoint at = view->graphicsView()->mapFromScene(view->nodeRect(w.istatement).center());
    QTest::mouseDClick(view->graphicsView()->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    CHECK(view->selectedNode() == w.istatement);
    REQUIRE(editor->isVisible());
    CHECK(editor->text() == QStringLiteral("I can't see someone when I need to"));
    QTest::keyClick(editor, Qt::Key_Escape);
    REQUIRE(view->renameSelected(QStringLiteral("I can never get an appointment")));
    CHECK(textOf(snapshotOf(bench), w.istatement) == QStringLiteral("I can never get an appointment"));

    // Each rename is one command: two undos take both back.
    REQUIRE(bench.window.undo());
    CHECK(textOf(snapshotOf(bench), w.istatement) == QStringLiteral("I can't see someone when I need to"));
    CHECK(textOf(snapshotOf(bench), w.cause) == QStringLiteral("Everyone phones at 8am"));
    REQUIRE(bench.window.undo());
    CHECK(textOf(snapshotOf(bench), w.cause) == QStringLiteral("The phone lines jam at 8am"));
    CHECK(view->drawnNodes().size() == 2);
}

TEST_CASE("root-cause graph view deletes the selected node with its links after saying how many, undo brings them back",
          "[gui][views][wtfc]")
{
    TempDir dir;
    const ChainWorkshop c = buildChain(dir);
    const SmallWorkshop &w = c.w;
    Workbench bench(w.path);
    WtfcGraphView *view = openGraph(bench);
    const Wtfc::Snapshot before = snapshotOf(bench);
    REQUIRE(before.edges.size() == 3);

    // The confirmation names the node and the two "why" links that go with it.
    REQUIRE(view->selectNode(c.middle));
    const QString question = view->deleteQuestion();
    CHECK(question.contains(QStringLiteral("Reception is short-staffed")));
    CHECK(question.contains(QStringLiteral("Its 2 “why” links go with it")));

    // The Delete key asks with that question; "No" changes nothing, "Yes" deletes.
    const QString fingerprintBefore = projectFingerprint(w.path);
    auto answer = [](QMessageBox::StandardButton button, QString *asked) {
        QTimer::singleShot(0, [button, asked] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return; // no question asked: the CHECK on `asked` below fails
            *asked = box->text();
            box->button(button)->click();
        });
    };
    QString asked;
    view->graphicsView()->setFocus();
    answer(QMessageBox::No, &asked);
    QTest::keyClick(view->graphicsView()->viewport(), Qt::Key_Delete);
    CHECK(asked == question);
    CHECK(projectFingerprint(w.path) == fingerprintBefore);
    CHECK(snapshotOf(bench).node(c.middle));
    asked.clear();
    answer(QMessageBox::Yes, &asked);
    QTest::keyClick(view->graphicsView()->viewport(), Qt::Key_Delete);
    CHECK(asked == question);
    Wtfc::Snapshot s = snapshotOf(bench);
    CHECK(s.node(c.middle) == nullptr);
    CHECK(s.edges == std::vector<Wtfc::Edge>{{w.istatement, w.cause}});
    CHECK_FALSE(view->drawnNodes().contains(c.middle));
    CHECK(view->selectedNode() == w.istatement); // the node it explained

    // Undo: the node and both its links come back, and are drawn again.
    REQUIRE(bench.window.undo());
    s = snapshotOf(bench);
    REQUIRE(s.node(c.middle));
    CHECK(s.node(c.middle)->text == QStringLiteral("Reception is short-staffed"));
    CHECK(hasEdge(s, w.istatement, c.middle));
    CHECK(hasEdge(s, c.middle, w.cause));
    CHECK(s.edges.size() == 3);
    CHECK(view->drawnNodes().contains(c.middle));

    // A cause with solutions is refused by the core: its message in the view, the project unchanged.
    const QString fingerprint = projectFingerprint(w.path);
    REQUIRE(view->selectNode(w.cause));
    CHECK(view->deleteQuestion().contains(QStringLiteral("Its 2 “why” links")));
    CHECK_FALSE(view->deleteSelected(true));
    CHECK(view->message().contains(QStringLiteral("solutions")));
    CHECK(view->message().contains(QStringLiteral("The phone lines jam at 8am")));
    CHECK(snapshotOf(bench).nodes.size() == 3);
    CHECK(projectFingerprint(w.path) == fingerprint);
    CHECK(view->selectedNode() == w.cause);
}

TEST_CASE("root-cause graph view links the selected node to another cause by Ctrl+click, refuses a cycle, undo unlinks",
          "[gui][views][wtfc]")
{
    TempDir dir;
    const SmallWorkshop w = buildWorkshop(dir);
    Id other = 0;
    {
        auto p = Project::open(w.path);
        // A second chain under the I statement, not yet tied to the phone lines.
        other = Wtfc::Workshop(*p).addWhyText(w.istatement, QStringLiteral("Reception is short-staffed"));
    }
    Workbench bench(w.path);
    WtfcGraphView *view = openGraph(bench);

    // Ctrl+click on the phone lines while the new cause is selected: "short-staffed is caused by the phone lines".
    REQUIRE(view->selectNode(other));
    const QPoint at = view->graphicsView()->mapFromScene(view->nodeRect(w.cause).center());
    QTest::mouseClick(view->graphicsView()->viewport(), Qt::LeftButton, Qt::ControlModifier, at);
    Wtfc::Snapshot s = snapshotOf(bench);
    CHECK(hasEdge(s, other, w.cause));
    CHECK(s.edges.size() == 3);
    CHECK(view->selectedNode() == other);

    // The other way round would close a cycle: refused with the core's message naming it, nothing changes.
    const QString fingerprint = projectFingerprint(w.path);
    REQUIRE(view->selectNode(w.cause));
    CHECK_FALSE(view->linkSelectedTo(other));
    CHECK(view->message().contains(QStringLiteral("cycle")));
    CHECK(view->message().contains(QStringLiteral("Reception is short-staffed")));
    CHECK(snapshotOf(bench).edges == s.edges);
    CHECK(projectFingerprint(w.path) == fingerprint);
    CHECK(view->selectedNode() == w.cause);

    // The context menu's "Link to an existing cause ▸ Click it in the graph…" waits for the click.
    {
        Wtfc::Workshop ws(*bench.window.project());
        Id third = 0;
        REQUIRE(bench.window.runCommand([&] { third = ws.addCause(QStringLiteral("Nobody plans the rota")); }));
        REQUIRE(view->selectNode(other));
        const std::unique_ptr<QMenu> menu(view->contextMenuForSelected());
        REQUIRE(menu);
        auto *byClick = menu->findChild<QAction *>(QStringLiteral("wtfcLinkByClick"));
        REQUIRE(byClick);
        byClick->trigger();
        CHECK(view->isLinkingByClick());
        const QPoint thirdAt = view->graphicsView()->mapFromScene(view->nodeRect(third).center());
        QTest::mouseClick(view->graphicsView()->viewport(), Qt::LeftButton, Qt::NoModifier, thirdAt);
        CHECK_FALSE(view->isLinkingByClick());
        CHECK(hasEdge(snapshotOf(bench), other, third));
        CHECK(view->selectedNode() == other);
        REQUIRE(bench.window.undo());
        CHECK_FALSE(hasEdge(snapshotOf(bench), other, third));
        REQUIRE(bench.window.undo()); // the cause added above
    }

    // Undo takes the Ctrl+click link back.
    REQUIRE(bench.window.undo());
    s = snapshotOf(bench);
    CHECK_FALSE(hasEdge(s, other, w.cause));
    CHECK(s.edges.size() == 2);
}

TEST_CASE("root-cause graph view context menu lists a node's links and unlinks one, undo relinks", "[gui][views][wtfc]")
{
    TempDir dir;
    const ChainWorkshop c = buildChain(dir);
    const SmallWorkshop &w = c.w;
    Workbench bench(w.path);
    WtfcGraphView *view = openGraph(bench);

    REQUIRE(view->selectNode(c.middle));

    // The picture for docs/gui.md: the window with the node's menu open over the graph
    // (the menu is a popup window of its own, painted onto the window's picture).
    {
        const std::unique_ptr<QMenu> popup(view->contextMenuForSelected());
        REQUIRE(popup);
        const QPoint node = view->graphicsView()->mapFromScene(view->nodeRect(c.middle).center());
        popup->popup(view->graphicsView()->viewport()->mapToGlobal(node));
        REQUIRE(QTest::qWaitForWindowExposed(popup.get()));
        QPixmap picture = bench.window.grab();
        {
            QPainter painter(&picture);
            painter.drawPixmap(bench.window.mapFromGlobal(popup->pos()), popup->grab());
        }
        popup->close();
        const QString file = dir.path(QStringLiteral("wtfc-graph-menu.png"));
        REQUIRE(picture.save(file));
        CHECK(QImage(file).width() > 300);
        keepScreenshot(file);
    }

    const std::unique_ptr<QMenu> menu(view->contextMenuForSelected());
    REQUIRE(menu);
    QStringList texts;
    QAction *unlinkCause = nullptr;
    for (QAction *a : menu->actions()) {
        texts << a->text();
        if (a->text() == QStringLiteral("Unlink: The phone lines jam at 8am"))
            unlinkCause = a;
    }
    CHECK(texts.contains(QStringLiteral("Unlink from: I can't see someone when I need to")));
    CHECK(texts.contains(QStringLiteral("&Rename…")));
    CHECK(texts.contains(QStringLiteral("&Delete…")));
    REQUIRE(unlinkCause);
    CHECK(unlinkCause->data().toLongLong() == w.cause);

    unlinkCause->trigger();
    Wtfc::Snapshot s = snapshotOf(bench);
    CHECK_FALSE(hasEdge(s, c.middle, w.cause));
    CHECK(hasEdge(s, w.istatement, c.middle));
    CHECK(s.edges.size() == 2);
    CHECK(view->selectedNode() == c.middle);

    // A link that is not there: the core's message, nothing changes.
    CHECK_FALSE(view->unlinkSelected(w.cause));
    CHECK(view->message().contains(QStringLiteral("no \"why\"")));

    REQUIRE(bench.window.undo());
    CHECK(hasEdge(snapshotOf(bench), c.middle, w.cause));

    // The API call does the same.
    REQUIRE(view->selectNode(c.middle));
    REQUIRE(view->unlinkSelected(w.cause));
    CHECK_FALSE(hasEdge(snapshotOf(bench), c.middle, w.cause));
    REQUIRE(bench.window.undo());
    CHECK(hasEdge(snapshotOf(bench), c.middle, w.cause));
    CHECK(snapshotOf(bench).edges.size() == 3);
}

TEST_CASE("investment grid places each solution card in its quadrant", "[gui][views][wtfc]")
{
    TempDir dir;
    const SmallWorkshop w = buildWorkshop(dir);
    Workbench bench(w.path);
    auto *view =
        qobject_cast<WtfcGridView *>(openWtfcView(bench.window.session(), bench.window, QStringLiteral("wtfc-grid")));
    REQUIRE(view);
    // Template order: quick wins, major projects, fill-ins, thankless tasks.
    CHECK(view->quadrantOfCard(w.quick) == 0);
    CHECK(view->quadrantOfCard(w.major) == 1);
    CHECK(view->quadrantOfCard(w.thankless) == 3);
    // Quick wins is the top-left square, thankless tasks the bottom-right.
    CHECK(view->quadrantRect(0).center().x() < view->quadrantRect(3).center().x());
    CHECK(view->quadrantRect(0).center().y() < view->quadrantRect(3).center().y());

    // Moving a card goes through the core (one command) and undo puts it back.
    REQUIRE(view->moveCard(w.thankless, 2));
    CHECK(view->quadrantOfCard(w.thankless) == 2);
    REQUIRE(bench.window.undo());
    CHECK(view->quadrantOfCard(w.thankless) == 3);
}

TEST_CASE("action plan and solutions views show the workshop and change it through the core", "[gui][views][wtfc]")
{
    TempDir dir;
    const SmallWorkshop w = buildWorkshop(dir);
    {
        auto p = Project::open(w.path);
        Wtfc::Workshop(*p).addAction(w.quick, QStringLiteral("Set up the call-back list"),
                                     QStringLiteral("Practice manager"), QStringLiteral("2026-03-31"));
    }
    Workbench bench(w.path);
    auto *actions = qobject_cast<WtfcActionsView *>(
        openWtfcView(bench.window.session(), bench.window, QStringLiteral("wtfc-actions")));
    REQUIRE(actions);
    REQUIRE(actions->table()->rowCount() == 1);
    CHECK(actions->table()->item(0, 0)->text() == QStringLiteral("Set up the call-back list"));
    CHECK(actions->table()->item(0, 5)->text() == QStringLiteral("The phone lines jam at 8am"));
    REQUIRE(actions->setStatus(0, QStringLiteral("done")));
    CHECK(Wtfc::Workshop(*bench.window.project()).snapshot().actions.front().status == QStringLiteral("done"));
    CHECK_FALSE(actions->setStatus(0, QStringLiteral("forgotten")));
    CHECK(Wtfc::Workshop(*bench.window.project()).snapshot().actions.front().status == QStringLiteral("done"));

    auto *solutions = qobject_cast<WtfcSolutionsView *>(
        openWtfcView(bench.window.session(), bench.window, QStringLiteral("wtfc-solutions")));
    REQUIRE(solutions);
    REQUIRE(solutions->selectCause(w.cause));
    REQUIRE(solutions->addSuccess(QStringLiteral("person"), QStringLiteral("I get through the first time")));
    const auto success = Wtfc::Workshop(*bench.window.project()).snapshot().success;
    REQUIRE(success.size() == 1);
    CHECK(success.front().causeId == w.cause);
    REQUIRE(bench.window.undo());
    CHECK(Wtfc::Workshop(*bench.window.project()).snapshot().success.empty());
}

TEST_CASE("the workshop report is exported from the Workshop menu in every format, a failed one writes nothing",
          "[gui][views][wtfc]")
{
    TempDir dir;
    const SmallWorkshop w = buildWorkshop(dir);
    Workbench bench(w.path);
    const auto menuAction = bench.window.findChild<QAction *>(QStringLiteral("exportWorkshopReport"));
    REQUIRE(menuAction);

    const QString docx = dir.path(QStringLiteral("report.docx"));
    REQUIRE(exportWorkshopReport(bench.window.session(), docx).isEmpty());
    const ZipArchive zip(readFile(docx), docx);
    CHECK(zip.read(QStringLiteral("word/document.xml")).contains("The phone lines jam at 8am"));
    CHECK(zip.read(QStringLiteral("word/media/picture1.png")).startsWith("\x89PNG"));

    const QString pdf = dir.path(QStringLiteral("report.pdf"));
    REQUIRE(exportWorkshopReport(bench.window.session(), pdf).isEmpty());
    CHECK(readFile(pdf).startsWith("%PDF"));

    const QString md = dir.path(QStringLiteral("report.md"));
    REQUIRE(exportWorkshopReport(bench.window.session(), md).isEmpty());
    CHECK(readFile(md).contains("![The root-cause graph](report.graph.svg)"));
    CHECK(readFile(dir.path(QStringLiteral("report.graph.svg"))).contains("<svg"));

    // A folder that does not exist: an error naming the file, and no file.
    const QString nowhere = dir.path(QStringLiteral("missing/report.html"));
    const QString error = exportWorkshopReport(bench.window.session(), nowhere);
    CHECK(error.contains(QStringLiteral("report.html")));
    CHECK_FALSE(QFileInfo::exists(nowhere));
    CHECK(exportWorkshopReport(bench.window.session(), dir.path(QStringLiteral("report.odt")))
              .contains(QStringLiteral(".docx")));
}

TEST_CASE("screenshots of the analysis and workshop views are written", "[gui][views]")
{
    TempDir dir;
    const SmallWorkshop w = buildWorkshop(dir);
    Workbench bench(w.path);
    for (const QString &view : {QStringLiteral("wtfc-themes"), QStringLiteral("wtfc-graph"),
                                QStringLiteral("wtfc-grid"), QStringLiteral("crosstab")}) {
        const QString file = dir.path(view + QStringLiteral(".png"));
        CHECK(Screenshots::save(bench.window, view, file).isEmpty());
        const QImage image(file);
        CHECK(image.width() > 300);
    }
}

TEST_CASE("themes and votes view sorts a card by a drop, counts a dot in the header, undo takes each back",
          "[gui][views][wtfc]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("themes.quire"));
    const QString area = QStringLiteral("what is not working");
    Id theme = 0, other = 0, s1 = 0, s2 = 0, s3 = 0;
    {
        auto p = Project::create(path);
        auto statement = [&](const QString &name, const QString &person, const QString &text, int rank) {
            ImportedDocument d;
            d.name = name;
            d.kind = QStringLiteral("statement");
            d.text = text;
            d.caseName = person;
            d.attributes = {{QStringLiteral("area"), area}, {QStringLiteral("rank"), QString::number(rank)}};
            return d;
        };
        ImportedFile f;
        f.sourcePath = dir.path(QStringLiteral("sheet.csv"));
        f.format = QStringLiteral("csv");
        f.sha256 = QStringLiteral("0");
        f.documents = {
            statement(QStringLiteral("s1"), QStringLiteral("Ann"), QStringLiteral("Nobody rings me back"), 1),
            statement(QStringLiteral("s2"), QStringLiteral("Bob"), QStringLiteral("The phone is engaged at 8"), 1),
            statement(QStringLiteral("s3"), QStringLiteral("Ann"), QStringLiteral("I wait weeks for the nurse"), 2)};
        p->importDocuments({f});
        Wtfc::Workshop w(*p);
        s1 = w.resolveStatement(QStringLiteral("s1"));
        s2 = w.resolveStatement(QStringLiteral("s2"));
        s3 = w.resolveStatement(QStringLiteral("s3"));
        theme = w.addTheme(area, QStringLiteral("Getting through"));
        other = w.addTheme(area, QStringLiteral("Waiting"));
        w.assign(theme, {s1});
    }
    Workbench bench(path);
    auto *view = qobject_cast<WtfcThemesView *>(
        openWtfcView(bench.window.session(), bench.window, QStringLiteral("wtfc-themes")));
    REQUIRE(view);
    CHECK(view->areaBox()->currentText() == area);
    CHECK(view->cardsIn(theme) == QList<Id>{s1});
    CHECK(view->cardsIn(other).isEmpty());
    CHECK(view->cardsIn(std::nullopt) == QList<Id>{s2, s3});
    CHECK(view->headerText(theme) == QStringLiteral("Getting through · 0 vote(s)"));
    auto themeOf = [&](Id statement) {
        const Wtfc::Snapshot s = Wtfc::Workshop(*bench.window.project()).snapshot();
        const Wtfc::PcrStatement *st = s.statement(statement);
        REQUIRE(st);
        return st->themeId;
    };

    // The drop handler a real drop on the column calls, with the card's own drag data.
    std::unique_ptr<QMimeData> mime(view->mimeForStatement(s2));
    REQUIRE(view->dropCard(mime.get(), theme));
    CHECK(themeOf(s2) == theme);
    CHECK(view->cardsIn(theme) == QList<Id>{s1, s2});
    CHECK(view->cardsIn(std::nullopt) == QList<Id>{s3});
    // Back to "Not sorted" is unassign.
    mime.reset(view->mimeForStatement(s1));
    REQUIRE(view->dropCard(mime.get(), std::nullopt));
    CHECK_FALSE(themeOf(s1).has_value());
    CHECK(view->cardsIn(theme) == QList<Id>{s2});
    REQUIRE(bench.window.undo());
    CHECK(themeOf(s1) == theme);
    REQUIRE(bench.window.undo());
    CHECK_FALSE(themeOf(s2).has_value());
    CHECK(view->cardsIn(std::nullopt) == QList<Id>{s2, s3});

    // "+1 dot": one vote on the theme, shown in its header; undo takes it back.
    REQUIRE(view->voteButton(theme));
    QTest::mouseClick(view->voteButton(theme), Qt::LeftButton);
    QCoreApplication::processEvents();
    CHECK(Wtfc::Workshop(*bench.window.project()).snapshot().votesFor(Wtfc::ItemRef{Wtfc::ItemKind::Theme, theme}) ==
          1);
    CHECK(view->headerText(theme) == QStringLiteral("Getting through · 1 vote(s)"));
    CHECK(view->headerText(other) == QStringLiteral("Waiting · 0 vote(s)"));
    REQUIRE(bench.window.undo());
    CHECK(Wtfc::Workshop(*bench.window.project()).snapshot().votesFor(Wtfc::ItemRef{Wtfc::ItemKind::Theme, theme}) ==
          0);
    CHECK(view->headerText(theme) == QStringLiteral("Getting through · 0 vote(s)"));

    // An I statement typed under the theme is linked to the theme's statements.
    REQUIRE(view->iStatementEdit(theme));
    QTest::keyClicks(view->iStatementEdit(theme), QStringLiteral("I can't get through"));
    QTest::keyClick(view->iStatementEdit(theme), Qt::Key_Return);
    QCoreApplication::processEvents();
    const Wtfc::Snapshot s = Wtfc::Workshop(*bench.window.project()).snapshot();
    REQUIRE(s.nodes.size() == 1);
    CHECK(s.nodes.front().text == QStringLiteral("I can't get through"));
    CHECK(s.nodes.front().themeId == theme);
    CHECK(s.nodes.front().statements == std::vector<Id>{s1});
    REQUIRE(bench.window.undo());
    CHECK(Wtfc::Workshop(*bench.window.project()).snapshot().nodes.empty());

    // A new theme typed in the bar lands in the area shown.
    QTest::keyClicks(view->newThemeEdit(), QStringLiteral("Feeling alone"));
    QTest::keyClick(view->newThemeEdit(), Qt::Key_Return);
    QCoreApplication::processEvents();
    auto themeNamed = [&](const QString &name) -> std::optional<Wtfc::Theme> {
        for (const Wtfc::Theme &t : Wtfc::Workshop(*bench.window.project()).snapshot().themes)
            if (t.name == name)
                return t;
        return std::nullopt;
    };
    const auto alone = themeNamed(QStringLiteral("Feeling alone"));
    REQUIRE(alone);
    CHECK(alone->area == area);
    CHECK(view->newThemeEdit()->text().isEmpty());
    CHECK(view->headerText(alone->id) == QStringLiteral("Feeling alone · 0 vote(s)"));
    REQUIRE(view->themeMenu(alone->id));
    CHECK(view->themeMenu(alone->id)->actions().size() == 4); // rename, take back a dot, separator, delete
    // Rename, then two dots and one taken back.
    REQUIRE(view->renameTheme(alone->id, QStringLiteral("Alone at home")));
    CHECK(view->headerText(alone->id) == QStringLiteral("Alone at home · 0 vote(s)"));
    CHECK_FALSE(view->removeDot(alone->id)); // none yet
    REQUIRE(view->addDot(alone->id));
    REQUIRE(view->addDot(alone->id));
    REQUIRE(view->removeDot(alone->id));
    CHECK(view->headerText(alone->id) == QStringLiteral("Alone at home · 1 vote(s)"));
    // Delete: its card goes back to "Not sorted"; undo brings both back.
    mime.reset(view->mimeForStatement(s3));
    REQUIRE(view->dropCard(mime.get(), alone->id));
    REQUIRE(view->deleteTheme(alone->id));
    CHECK_FALSE(themeNamed(QStringLiteral("Alone at home")));
    CHECK(view->cardsIn(std::nullopt).contains(s3));
    REQUIRE(bench.window.undo());
    CHECK(themeOf(s3) == alone->id);
    // A theme with an I statement is refused, with the core's message.
    REQUIRE(view->addIStatement(theme, QStringLiteral("I can't get through")));
    CHECK_FALSE(view->deleteTheme(theme));
    CHECK_FALSE(view->message().isEmpty());
    CHECK(themeNamed(QStringLiteral("Getting through")));
}
