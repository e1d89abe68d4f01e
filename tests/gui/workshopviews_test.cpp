// SPDX-License-Identifier: GPL-3.0-or-later
// The WTfC views completed (issue 15), offscreen on small workshops built
// here: success statements and solutions edited and deleted through their
// menus and dialogs, actions added with owner and due date, star votes for a
// voter group, a root-cause graph that keeps every node where it was when a
// "why" is added and labels that stay readable at Fit, a themes board that
// keeps its scroll position, and an investment grid that fills the view and
// words a card that is not placed.
#include "guisupport.h"
#include "testsupport.h"

#include "workshop/workshopmenu.h"
#include "workshop/wtfcactionsview.h"
#include "workshop/wtfcgraphview.h"
#include "workshop/wtfcgridview.h"
#include "workshop/wtfcsolutionsview.h"
#include "workshop/wtfcthemesview.h"

#include "wtfc/workshop.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>

#include <map>
#include <memory>

using namespace Quire;
using namespace QuireTest;

namespace {

const QString Area = QStringLiteral("what is not working");

struct Event
{
    QString path;
    std::vector<Id> statements;
    std::vector<Id> themes;
    Id istatement = 0;
    std::vector<Id> chain; ///< causes: chain[0] under the I statement, chain[i+1] under chain[i]
    Id side = 0;           ///< a second cause straight under the I statement
    Id success = 0, solution = 0, other = 0, action = 0;
};

/// Twelve statements by four people, \a themes themes in one area, an I
/// statement with a chain of three causes and a side cause, one success
/// statement, two solutions (one placed, one not) and one action.
Event buildEvent(const TempDir &dir, int themes)
{
    Event e;
    e.path = dir.path(QStringLiteral("event.quire"));
    auto p = Project::create(e.path);
    ImportedFile f;
    f.sourcePath = dir.path(QStringLiteral("sheet.csv"));
    f.format = QStringLiteral("csv");
    f.sha256 = QStringLiteral("0");
    const QStringList people{QStringLiteral("Ann"), QStringLiteral("Bob"), QStringLiteral("Cai"),
                             QStringLiteral("Dee")};
    for (int i = 0; i < 12; ++i) {
        ImportedDocument d;
        d.name = QStringLiteral("s%1").arg(i + 1);
        d.kind = QStringLiteral("statement");
        d.text = QStringLiteral("Statement number %1 about waiting for a call back").arg(i + 1);
        d.caseName = people[i % 4];
        d.attributes = {{QStringLiteral("area"), Area}, {QStringLiteral("rank"), QString::number(i / 4 + 1)}};
        f.documents.push_back(d);
    }
    p->importDocuments({f});
    Wtfc::Workshop w(*p);
    for (int i = 0; i < 12; ++i)
        e.statements.push_back(w.resolveStatement(QStringLiteral("s%1").arg(i + 1)));
    for (int i = 0; i < themes; ++i)
        e.themes.push_back(w.addTheme(Area, QStringLiteral("Theme %1").arg(i + 1)));
    w.assign(e.themes.front(), {e.statements[0], e.statements[1]});
    e.istatement =
        w.addIStatement(e.themes.front(), QStringLiteral("I am not called back"), {e.statements[0], e.statements[1]});
    Id under = e.istatement;
    for (const QString &text : {QStringLiteral("The phone lines jam"), QStringLiteral("Too few receptionists"),
                                QStringLiteral("The budget was cut")}) {
        under = w.addWhyText(under, text);
        e.chain.push_back(under);
    }
    e.side = w.addWhyText(e.istatement, QStringLiteral("Nobody owns the call-back list"));
    e.success = w.addSuccess(e.chain.back(), QStringLiteral("person"), QStringLiteral("I am rung back the same day"));
    e.solution = w.addSolution(e.chain.back(), QStringLiteral("radical"), QStringLiteral("Pool the reception staff"));
    e.other = w.addSolution(e.chain.back(), QStringLiteral("traditional"), QStringLiteral("A call-back rota"));
    w.placeInQuadrant(e.solution, 0);
    e.action = w.addAction(e.solution, QStringLiteral("Draft the shared rota"), QStringLiteral("Practice manager"),
                           QStringLiteral("2026-03-31"));
    return e;
}

Wtfc::Snapshot snapshotOf(Workbench &bench)
{
    return Wtfc::Workshop(*bench.window.project()).snapshot();
}

template <class View> View *openView(Workbench &bench, const char *name)
{
    auto *view = qobject_cast<View *>(openWtfcView(bench.window.session(), bench.window, QString::fromLatin1(name)));
    REQUIRE(view);
    return view;
}

void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

/// Answers the next modal dialog (run from a timer while it is open).
void whenModal(std::function<void(QWidget *)> answer)
{
    QTimer::singleShot(0, [answer = std::move(answer)] {
        QWidget *modal = QApplication::activeModalWidget();
        REQUIRE(modal);
        answer(modal);
    });
}

const Wtfc::Solution *solutionIn(const Wtfc::Snapshot &s, Id id)
{
    return s.solution(id);
}

} // namespace

TEST_CASE("solutions view edits and deletes a success statement and a solution and undo brings each back",
          "[gui][wtfc][workshopviews]")
{
    TempDir dir;
    const Event e = buildEvent(dir, 2);
    Workbench bench(e.path);
    auto *view = openView<WtfcSolutionsView>(bench, "wtfc-solutions");

    // The context menu of a success statement offers Edit… and Delete….
    REQUIRE(view->selectItem({Wtfc::ItemKind::Success, e.success}));
    {
        const std::unique_ptr<QMenu> menu(view->contextMenuForCurrent());
        REQUIRE(menu);
        CHECK(menu->findChild<QAction *>(QStringLiteral("wtfcEditItem")));
        CHECK(menu->findChild<QAction *>(QStringLiteral("wtfcDeleteItem")));
    }
    REQUIRE(view->selectCause(e.chain.back()));
    CHECK_FALSE(view->contextMenuForCurrent()); // a cause row has no item menu

    // Edit… through the real dialog: a new text and perspective, one undo step.
    REQUIRE(view->selectItem({Wtfc::ItemKind::Success, e.success}));
    whenModal([](QWidget *dialog) {
        auto *text = dialog->findChild<QLineEdit *>();
        auto *choice = dialog->findChild<QComboBox *>();
        REQUIRE(text);
        REQUIRE(choice);
        text->setText(QStringLiteral("Someone rings me back within a day"));
        choice->setCurrentText(QStringLiteral("commissioner"));
        qobject_cast<QDialog *>(dialog)->accept();
    });
    const auto history = bench.window.project()->history().size();
    REQUIRE(view->editCurrent());
    CHECK(bench.window.project()->history().size() == history + 1);
    Wtfc::Snapshot s = snapshotOf(bench);
    REQUIRE(s.success.size() == 1);
    CHECK(s.success.front().text == QStringLiteral("Someone rings me back within a day"));
    CHECK(s.success.front().perspective == QStringLiteral("commissioner"));
    CHECK(view->tree()->currentItem()->text(0) == QStringLiteral("Success: Someone rings me back within a day"));
    REQUIRE(bench.window.undo());
    CHECK(snapshotOf(bench).success.front().text == QStringLiteral("I am rung back the same day"));

    // Editing a solution; a kind the template does not have is refused and changes nothing.
    CHECK_FALSE(view->editItem({Wtfc::ItemKind::Solution, e.solution}, QStringLiteral("magic"), QStringLiteral("x")));
    CHECK(view->message().contains(QStringLiteral("solution kind")));
    REQUIRE(view->editItem({Wtfc::ItemKind::Solution, e.solution}, QStringLiteral("different"),
                           QStringLiteral("One reception team for both sites")));
    CHECK(solutionIn(snapshotOf(bench), e.solution)->text == QStringLiteral("One reception team for both sites"));
    CHECK(solutionIn(snapshotOf(bench), e.solution)->kind == QStringLiteral("different"));

    // Delete… through the button: the question names the action that goes with it; Yes deletes.
    REQUIRE(view->selectItem({Wtfc::ItemKind::Solution, e.solution}));
    CHECK(view->deleteQuestion({Wtfc::ItemKind::Solution, e.solution}).contains(QStringLiteral("1 action")));
    whenModal([](QWidget *box) {
        auto *question = qobject_cast<QMessageBox *>(box);
        REQUIRE(question);
        question->button(QMessageBox::Yes)->click();
    });
    auto *deleteButton = view->findChild<QPushButton *>(QStringLiteral("wtfcDeleteSolutionItem"));
    REQUIRE(deleteButton);
    REQUIRE(deleteButton->isEnabled());
    deleteButton->click();
    s = snapshotOf(bench);
    CHECK(s.solution(e.solution) == nullptr);
    CHECK(s.actions.empty());
    CHECK_FALSE(view->selectItem({Wtfc::ItemKind::Solution, e.solution}));
    REQUIRE(bench.window.undo());
    s = snapshotOf(bench);
    REQUIRE(s.solution(e.solution) != nullptr);
    CHECK(s.solution(e.solution)->text == QStringLiteral("One reception team for both sites"));
    CHECK(s.actions.size() == 1);
    CHECK(view->selectItem({Wtfc::ItemKind::Solution, e.solution}));

    // The success statement too, and back.
    REQUIRE(view->deleteItem({Wtfc::ItemKind::Success, e.success}, true));
    CHECK(snapshotOf(bench).success.empty());
    REQUIRE(bench.window.undo());
    CHECK(snapshotOf(bench).success.size() == 1);
}

TEST_CASE("action plan adds an action with owner and due date from its form then edits and deletes it with undo",
          "[gui][wtfc][workshopviews]")
{
    TempDir dir;
    const Event e = buildEvent(dir, 2);
    Workbench bench(e.path);
    auto *view = openView<WtfcActionsView>(bench, "wtfc-actions");
    REQUIRE(view->table()->rowCount() == 1);

    // The form: solution, text, owner, a due date from the date edit, then Add.
    const int other = view->solutionBox()->findData(qlonglong(e.other));
    REQUIRE(other >= 0);
    view->solutionBox()->setCurrentIndex(other);
    view->textEdit()->clear();
    QTest::keyClicks(view->textEdit(), QStringLiteral("Write the rota for May"));
    view->ownerEdit()->clear();
    QTest::keyClicks(view->ownerEdit(), QStringLiteral("Reception lead"));
    view->hasDueBox()->setChecked(true);
    REQUIRE(view->dueEdit()->isEnabled());
    view->dueEdit()->setDate(QDate(2026, 4, 30));
    QTest::mouseClick(view->addButton(), Qt::LeftButton);
    CHECK(view->message().isEmpty());

    Wtfc::Snapshot s = snapshotOf(bench);
    REQUIRE(s.actions.size() == 2);
    const Wtfc::Action added = s.actions.back();
    CHECK(added.text == QStringLiteral("Write the rota for May"));
    CHECK(added.owner == QStringLiteral("Reception lead"));
    CHECK(added.due == QStringLiteral("2026-04-30"));
    CHECK(added.solutionId == e.other);
    CHECK(added.status == QStringLiteral("planned"));
    const int row = view->rowOf(added.id);
    REQUIRE(row >= 0);
    CHECK(view->table()->item(row, 1)->text() == QStringLiteral("Reception lead"));
    CHECK(view->table()->item(row, 2)->text() == QStringLiteral("2026-04-30"));
    CHECK(view->table()->item(row, 4)->text() == QStringLiteral("A call-back rota"));

    // Selecting the row fills the form; a new owner and no due date, then Save.
    view->table()->setCurrentCell(row, 0);
    CHECK(view->ownerEdit()->text() == QStringLiteral("Reception lead"));
    CHECK(view->hasDueBox()->isChecked());
    view->ownerEdit()->setText(QStringLiteral("Practice manager"));
    view->hasDueBox()->setChecked(false);
    QTest::mouseClick(view->saveButton(), Qt::LeftButton);
    CHECK(view->message().isEmpty());
    s = snapshotOf(bench);
    REQUIRE(s.action(added.id) != nullptr);
    CHECK(s.action(added.id)->owner == QStringLiteral("Practice manager"));
    CHECK(s.action(added.id)->due.isEmpty());
    CHECK(s.action(added.id)->text == QStringLiteral("Write the rota for May"));
    REQUIRE(bench.window.undo());
    REQUIRE(snapshotOf(bench).action(added.id) != nullptr);
    CHECK(snapshotOf(bench).action(added.id)->owner == QStringLiteral("Reception lead"));
    CHECK(snapshotOf(bench).action(added.id)->due == QStringLiteral("2026-04-30"));

    // Delete (confirmed), and undo brings it back; undo once more takes the new action away.
    REQUIRE(view->deleteAction(view->rowOf(added.id), true));
    CHECK(snapshotOf(bench).action(added.id) == nullptr);
    CHECK(view->rowOf(added.id) == -1);
    REQUIRE(bench.window.undo());
    CHECK(view->rowOf(added.id) >= 0);
    REQUIRE(bench.window.undo());
    CHECK(snapshotOf(bench).actions.size() == 1);
    CHECK(view->table()->rowCount() == 1);
}

TEST_CASE("themes view casts a star for the chosen voter group and shows it in the header and on the card",
          "[gui][wtfc][workshopviews]")
{
    TempDir dir;
    const Event e = buildEvent(dir, 2);
    Workbench bench(e.path);
    auto *view = openView<WtfcThemesView>(bench, "wtfc-themes");
    const Id theme = e.themes.front();
    CHECK(view->headerText(theme) == QStringLiteral("Theme 1 · 0 vote(s)"));

    view->voterGroupBox()->setCurrentText(QStringLiteral("carers"));
    REQUIRE(view->starButton(theme));
    QTest::mouseClick(view->starButton(theme), Qt::LeftButton);
    settle();
    Wtfc::Snapshot s = snapshotOf(bench);
    REQUIRE(s.votes.size() == 1);
    CHECK(s.votes.front().kind == QStringLiteral("star"));
    CHECK(s.votes.front().voterGroup == QStringLiteral("carers"));
    CHECK(s.votes.front().target == Wtfc::ItemRef{Wtfc::ItemKind::Theme, theme});
    CHECK(view->headerText(theme) == QStringLiteral("Theme 1 · 1 vote(s) · ★ 1"));
    // The group stays chosen and is offered from now on.
    CHECK(view->voterGroupBox()->currentText() == QStringLiteral("carers"));
    CHECK(view->voterGroupBox()->findText(QStringLiteral("carers")) >= 0);

    // A star on a statement from its card's menu, for another group.
    view->voterGroupBox()->setCurrentText(QStringLiteral("staff"));
    {
        const std::unique_ptr<QMenu> menu(view->cardMenu(e.statements[0]));
        auto *star = menu->findChild<QAction *>(QStringLiteral("wtfcCardStar"));
        REQUIRE(star);
        CHECK(star->text().contains(QStringLiteral("staff")));
        star->trigger();
    }
    settle();
    s = snapshotOf(bench);
    REQUIRE(s.votes.size() == 2);
    CHECK(s.votes.back().target == Wtfc::ItemRef{Wtfc::ItemKind::Statement, e.statements[0]});
    CHECK(s.votes.back().voterGroup == QStringLiteral("staff"));
    CHECK(view->cardText(e.statements[0]).contains(QStringLiteral("★ 1")));
    CHECK_FALSE(view->cardText(e.statements[1]).contains(QStringLiteral("★")));
    REQUIRE(bench.window.undo());
    CHECK_FALSE(view->cardText(e.statements[0]).contains(QStringLiteral("★")));
}

TEST_CASE("root-cause graph keeps every existing node at exactly the same position when a why is added",
          "[gui][wtfc][workshopviews]")
{
    TempDir dir;
    const Event e = buildEvent(dir, 1);
    Workbench bench(e.path);
    auto *graph = openView<WtfcGraphView>(bench, "wtfc-graph");
    auto positions = [&] {
        std::map<Id, QRectF> at;
        for (Id id : graph->drawnNodes())
            at[id] = graph->nodeRect(id);
        return at;
    };
    const std::map<Id, QRectF> before = positions();
    REQUIRE(before.size() == 5);

    // A new cause under the side cause.
    REQUIRE(graph->selectNode(e.side));
    REQUIRE(graph->addWhy(QStringLiteral("The list is on paper")));
    std::map<Id, QRectF> after = positions();
    REQUIRE(after.size() == 6);
    for (const auto &[id, rect] : before) {
        INFO("node " << id);
        CHECK(after.at(id) == rect);
    }
    const Id added = *graph->selectedNode();
    for (const auto &[id, rect] : before)
        CHECK_FALSE(after.at(added).intersects(rect));
    // Beside the node it answers "why?" for.
    CHECK(after.at(added).left() > after.at(e.side).right());

    // A why naming a cause already in the graph links it (deeper than it was): still nothing moves.
    const std::map<Id, QRectF> beforeLink = positions();
    REQUIRE(graph->selectNode(e.chain[2]));
    REQUIRE(graph->addWhy(QStringLiteral("The list is on paper")));
    REQUIRE(snapshotOf(bench).edges.size() == 6);
    CHECK(positions() == beforeLink);

    // And undoing both leaves the others where they were.
    REQUIRE(bench.window.undo());
    REQUIRE(bench.window.undo());
    CHECK(positions() == before);
}

TEST_CASE("root-cause graph Fit keeps labels readable on a big graph and scrolls instead", "[gui][wtfc][workshopviews]")
{
    TempDir dir;
    Event e = buildEvent(dir, 1);
    {
        auto p = Project::open(e.path);
        Wtfc::Workshop w(*p);
        // Sixty causes in five chains of twelve: far bigger than the window.
        for (int c = 0; c < 5; ++c) {
            Id under = e.istatement;
            for (int i = 0; i < 12; ++i)
                under = w.addWhyText(under, QStringLiteral("Cause %1.%2").arg(c).arg(i));
        }
    }
    Workbench bench(e.path);
    bench.window.resize(1366, 768);
    settle();
    auto *graph = openView<WtfcGraphView>(bench, "wtfc-graph");
    settle();
    graph->fitAll();
    CHECK(graph->labelPixelSize() >= WtfcGraphView::MinLabelPixels - 0.01);
    // The rest of the graph is a scroll away.
    CHECK(graph->graphicsView()->horizontalScrollBar()->maximum() > 0);
    // A small graph is not blown up at Fit either: natural size at most.
    CHECK(graph->graphicsView()->zoom() <= 1.0);
}

TEST_CASE("themes board keeps its scroll position and current card after a dot and a drop",
          "[gui][wtfc][workshopviews]")
{
    TempDir dir;
    const Event e = buildEvent(dir, 12);
    Workbench bench(e.path);
    auto *view = openView<WtfcThemesView>(bench, "wtfc-themes");
    settle();
    QScrollBar *bar = view->scrollArea()->horizontalScrollBar();
    REQUIRE(bar->maximum() > 400); // twelve columns do not fit
    bar->setValue(bar->maximum() / 2);
    const int at = bar->value();

    // A theme whose column is on screen at that scroll position.
    Id shown = 0;
    for (Id t : e.themes) {
        QPushButton *dot = view->voteButton(t);
        const QPoint inViewport = dot->mapTo(view->scrollArea()->viewport(), QPoint(5, 5));
        if (view->scrollArea()->viewport()->rect().contains(inViewport)) {
            shown = t;
            break;
        }
    }
    REQUIRE(shown != 0);
    REQUIRE(view->setCurrentCard(e.statements[5]));

    QTest::mouseClick(view->voteButton(shown), Qt::LeftButton);
    settle();
    CHECK(snapshotOf(bench).votes.size() == 1);
    CHECK(bar->value() == at);
    CHECK(view->currentCard() == e.statements[5]);

    // A drop onto that theme.
    std::unique_ptr<QMimeData> mime(view->mimeForStatement(e.statements[7]));
    REQUIRE(view->dropCard(mime.get(), shown));
    settle();
    CHECK(view->cardsIn(shown).contains(e.statements[7]));
    CHECK(bar->value() == at);
    CHECK(view->currentCard() == e.statements[5]);
}

TEST_CASE("investment grid fills the view when first opened and a card not placed says so",
          "[gui][wtfc][workshopviews]")
{
    TempDir dir;
    const Event e = buildEvent(dir, 1);
    Workbench bench(e.path);
    bench.window.resize(1366, 768);
    settle();
    auto *grid = openView<WtfcGridView>(bench, "wtfc-grid");
    settle();
    // The solution placed directly, and the one not placed.
    CHECK(grid->quadrantOfCard(e.solution) == 0);
    CHECK(grid->cardPlacement(e.solution) == QStringLiteral("placed directly"));
    CHECK_FALSE(grid->quadrantOfCard(e.other).has_value());
    CHECK(grid->cardPlacement(e.other).startsWith(QStringLiteral("not placed")));
    CHECK_FALSE(grid->cardPlacement(e.other).contains(QStringLiteral("placed directly")));

    // The board fills the canvas: in one direction it spans (nearly) all of it.
    const QRect board = grid->graphicsView()->mapFromScene(grid->graphicsView()->sceneRect()).boundingRect();
    const QSize canvas = grid->graphicsView()->viewport()->size();
    INFO("board " << board.width() << "x" << board.height() << " in " << canvas.width() << "x" << canvas.height());
    CHECK(canvas.width() > 600);
    CHECK((board.width() >= 0.9 * canvas.width() || board.height() >= 0.9 * canvas.height()));
}
