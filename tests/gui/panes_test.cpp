// SPDX-License-Identifier: GPL-3.0-or-later
// The workbench's panes driven through their real widgets, offscreen: the
// search pane (search, click through, code a hit), the theme board (a card
// dropped into a theme through the list's own drop handler), the quote
// basket, drag-and-drop in the code tree (codes moved and merged, text
// dragged from the document view coded), document filters, resizing a
// segment by dragging its edge, the newer-schema refusal, import and export
// on a worker thread with Cancel, the dark palette and right-to-left text.
#include "guisupport.h"
#include "model/projectaccess.h"
#include "testsupport.h"

#include "backgroundjob.h"
#include "codetreeview.h"
#include "documentfilter.h"
#include "quotebasket.h"
#include "screenshots.h"
#include "searchpane.h"
#include "workshop/themeboard.h"

#include "report/quotes.h"
#include "storage/database.h"
#include "text/textoffsets.h"

#include <functional>
#include <QComboBox>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTableWidget>
#include <QTabWidget>
#include <QTreeWidget>

using namespace Quire;
using namespace QuireTest;

namespace {

const QString NotWorking = QStringLiteral("Not working");
const QString NotWorkingArea = QStringLiteral("what is not working");

/// The sample project plus the PCR statements (kind "statement", area/rank,
/// person as case) and two themes under "Not working".
QString buildBoardProject(const TempDir &dir)
{
    const QString path = buildSampleProject(dir);
    auto p = Project::open(path);
    PluginManager plugins;
    plugins.loadStatic();
    p->importDocuments({readImportFile(plugins, QStringLiteral(QUIRE_CORPORA_DIR "/sample/pcr-statements.csv"))});
    p->addCode(NotWorking + QStringLiteral("/Not listened to"), QStringLiteral("#264653"));
    p->addCode(NotWorking + QStringLiteral("/Care not joined up"), QStringLiteral("#f4a261"));
    return path;
}

/// Drops \a mime on a view the way a real drag ends: QDragEnterEvent then QDropEvent sent
/// to its viewport, handled by the view's own dragEnterEvent and dropEvent.
void dropOn(QAbstractItemView *view, QMimeData *mime, QPoint at = QPoint(20, 20),
            Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    // New columns become visible on the next pass of the event loop, as for a user.
    QApplication::processEvents();
    REQUIRE(view->isVisible());
    // As a real drag: enter (the widget that accepts becomes the drop target), then drop.
    QDragEnterEvent enter(at, Qt::MoveAction | Qt::CopyAction, mime, Qt::LeftButton, mods);
    QApplication::sendEvent(view->viewport(), &enter);
    REQUIRE(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::MoveAction | Qt::CopyAction, mime, Qt::LeftButton, mods);
    QApplication::sendEvent(view->viewport(), &drop);
    REQUIRE(drop.isAccepted());
    QApplication::processEvents();
    delete mime;
}

/// The MIME data the view's model produces for a drag of \a index (what startDrag puts in the QDrag).
QMimeData *dragData(QAbstractItemView *view, const QModelIndexList &indexes)
{
    QMimeData *mime = view->model()->mimeData(indexes);
    REQUIRE(mime);
    return mime;
}

void sendMouse(QWidget *viewport, QEvent::Type type, QPoint at, Qt::MouseButtons buttons)
{
    QMouseEvent e(type, QPointF(at), viewport->mapToGlobal(QPointF(at)), Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(viewport, &e);
}

/// Drags \a mime (what the document view's own drag carries) over the code
/// tree to \a at and drops it there, as a real text drag does: enter, move,
/// drop on the viewport, only "copy" offered. Checks the tree accepts it as a
/// copy while over it; returns the code the tree showed as the target (0: the
/// empty area) and, if \a whileOver is given, lets it look at the tree then.
Id dragTextTo(CodeTreeView *tree, QMimeData *mime, QPoint at, const std::function<void()> &whileOver = {})
{
    QApplication::processEvents();
    REQUIRE(tree->isVisible());
    QDragEnterEvent enter(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(tree->viewport(), &enter);
    REQUIRE(enter.isAccepted());
    CHECK(enter.dropAction() == Qt::CopyAction);
    QDragMoveEvent move(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(tree->viewport(), &move);
    REQUIRE(move.isAccepted());
    CHECK(move.dropAction() == Qt::CopyAction);
    CHECK(tree->draggingText());
    const QModelIndex target = tree->textDropTarget();
    const Id targetCode = target.isValid() ? target.data(CodeTreeModel::CodeIdRole).toLongLong() : 0;
    if (whileOver)
        whileOver();
    QDropEvent drop(QPointF(at), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(tree->viewport(), &drop);
    REQUIRE(drop.isAccepted());
    // Copy: the document view, as the drag's source, must not remove the text.
    CHECK(drop.dropAction() == Qt::CopyAction);
    CHECK_FALSE(tree->draggingText());
    QApplication::processEvents();
    delete mime;
    return targetCode;
}

/// The selection's drag data, built by the document view's own function.
QMimeData *selectionDrag(DocumentView *view)
{
    QMimeData *mime = view->selectionMimeData();
    REQUIRE(mime);
    REQUIRE(mime->hasFormat(DocumentView::textRangeMimeType()));
    return mime;
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

} // namespace

TEST_CASE("search pane: live KWIC hits, click-through, code a selected hit in one undoable command", "[gui][search]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    SearchPane *pane = w.window.searchPane();
    REQUIRE(pane);

    // A malformed query is a message in the pane, not a dialog or a crash.
    pane->setQuery(QStringLiteral("(respite"));
    CHECK(pane->hits().empty());
    CHECK(pane->statusLabel()->text().contains(QLatin1String("parenthesis")));

    // Typing: the results follow after a short pause.
    pane->queryEdit()->setFocus();
    pane->queryEdit()->clear();
    QTest::keyClicks(pane->queryEdit(), QStringLiteral("respite"));
    for (int i = 0; i < 100 && pane->hits().empty(); ++i)
        QTest::qWait(20);
    REQUIRE_FALSE(pane->hits().empty());
    const auto hits = pane->hits();
    REQUIRE(pane->table()->rowCount() == int(hits.size()));
    const SearchHit first = hits.front();
    CHECK(first.text.compare(QLatin1String("respite"), Qt::CaseInsensitive) == 0);
    CHECK(pane->table()->item(0, SearchPane::HitColumn)->text() == first.text);
    CHECK(pane->table()->item(0, SearchPane::DocumentColumn)->text() == first.name);
    CHECK(pane->table()
              ->item(0, SearchPane::LeftColumn)
              ->text()
              .endsWith(QString(first.left).replace(QLatin1Char('\n'), QLatin1Char(' '))));
    CHECK_FALSE(pane->table()->item(0, SearchPane::SpeakerColumn)->text().isEmpty());

    // Click-through: the passage is selected in its document.
    QTest::mouseClick(pane->table()->viewport(), Qt::LeftButton, Qt::NoModifier,
                      pane->table()->visualItemRect(pane->table()->item(0, SearchPane::HitColumn)).center());
    CHECK(w.window.currentDocument() == first.id);
    const auto range = w.window.documentView()->selectedRange();
    REQUIRE(range);
    CHECK(range->first == first.start);
    CHECK(range->second == first.end);

    // Code the selected hit, widened to nothing (the hit itself), with the current code.
    const Id code = w.window.project()->resolveCode(TranslatingPath);
    w.window.selectCode(code);
    pane->extentCombo()->setCurrentIndex(pane->extentCombo()->findData(QStringLiteral("hit")));
    pane->table()->selectRow(0);
    REQUIRE(pane->codeButton()->isEnabled());
    const auto commandsBefore = w.window.project()->history().size();
    QTest::mouseClick(pane->codeButton(), Qt::LeftButton);
    INFO(pane->statusLabel()->text().toStdString());
    const auto segs = w.window.project()->segments(first.id, code);
    REQUIRE(segs.size() == 1);
    CHECK(segs.front().start == first.start);
    CHECK(segs.front().end == first.end);
    CHECK(w.treeCount(code) == 1);
    CHECK(w.window.project()->history().size() == commandsBefore + 1);
    // The pane still lists the hits after the command.
    CHECK(pane->hits().size() == hits.size());

    REQUIRE(w.window.undo());
    CHECK(w.window.project()->segments(first.id, code).empty());
    CHECK(w.treeCount(code) == 0);
}

TEST_CASE("theme board: dropping a statement card into a theme codes it (one command), undo takes it back",
          "[gui][board]")
{
    TempDir dir;
    Workbench w(buildBoardProject(dir));
    Project &p = *w.window.project();
    ThemeBoard *board = w.window.themeBoard();
    w.window.showCentralTab(1);
    board->showStatements();
    const Id parent = p.resolveCode(NotWorking);
    const Id listened = p.resolveCode(NotWorking + QStringLiteral("/Not listened to"));
    const Id joined = p.resolveCode(NotWorking + QStringLiteral("/Care not joined up"));
    board->setThemeParent(parent);
    const auto themes = board->themes();
    CHECK(themes.size() == 2);
    CHECK(std::count(themes.begin(), themes.end(), listened) == 1);
    CHECK(std::count(themes.begin(), themes.end(), joined) == 1);

    // One area at a time, from the statements' own attribute values.
    const QStringList areas = board->areas();
    CHECK(areas.contains(NotWorkingArea));
    CHECK(areas.contains(QStringLiteral("what is working")));
    board->setArea(NotWorkingArea);
    REQUIRE_FALSE(board->cards().empty());
    for (const BoardCard &c : board->cards()) {
        CHECK(c.area == NotWorkingArea);
        CHECK_FALSE(c.person.isEmpty());
        CHECK(c.document.startsWith(QLatin1String("pcr-statements")));
    }
    const int unsorted = board->cardCount(std::nullopt);
    CHECK(unsorted == int(board->cards().size()));
    CHECK(board->cardCount(listened) == 0);

    // The card the real drag would carry: the list's own mimeData for its first item.
    BoardCardList *pile = board->listFor(std::nullopt);
    REQUIRE(pile->count() > 0);
    const QString cardText = pile->item(0)->text();
    const BoardCard card = *std::find_if(board->cards().begin(), board->cards().end(),
                                         [&](const BoardCard &c) { return c.text.startsWith(cardText.left(20)); });
    const auto commandsBefore = p.history().size();
    dropOn(board->listFor(listened), dragData(pile, {pile->model()->index(0, 0)}));
    INFO(board->statusLabel()->text().toStdString());
    CHECK(board->cardCount(listened) == 1);
    CHECK(board->cardCount(std::nullopt) == unsorted - 1);
    CHECK(p.history().size() == commandsBefore + 1);
    // The statement's whole text is coded with the theme; the segment keeps its person.
    const auto segs = p.segments(card.documentId, listened);
    REQUIRE(segs.size() == 1);
    CHECK(segs.front().start == 0);
    CHECK(segs.front().end == p.document(card.documentId).length);
    CHECK(w.treeCount(listened) == 1);

    // Moving it on to the other theme: one command, the first theme comes off.
    BoardCardList *from = board->listFor(listened);
    REQUIRE(from->count() == 1);
    dropOn(board->listFor(joined), dragData(from, {from->model()->index(0, 0)}));
    CHECK(board->cardCount(listened) == 0);
    CHECK(board->cardCount(joined) == 1);
    CHECK(p.segments(card.documentId, listened).empty());
    CHECK(p.segments(card.documentId, joined).size() == 1);
    CHECK(p.history().size() == commandsBefore + 2);

    REQUIRE(w.window.undo());
    CHECK(board->cardCount(listened) == 1);
    CHECK(board->cardCount(joined) == 0);
    REQUIRE(w.window.undo());
    CHECK(board->cardCount(listened) == 0);
    CHECK(board->cardCount(std::nullopt) == unsorted);
    CHECK(p.segments(card.documentId).empty());

    // Another area shows other cards.
    board->setArea(QStringLiteral("what is working"));
    REQUIRE_FALSE(board->cards().empty());
    CHECK(board->cards().front().area == QStringLiteral("what is working"));
}

TEST_CASE("theme board: segments of a code as cards, a drop adds the theme to the same segment", "[gui][board]")
{
    TempDir dir;
    Workbench w(buildBoardProject(dir));
    Project &p = *w.window.project();
    const Id noTime = p.resolveCode(QStringLiteral("Sustaining the carer/Respite and breaks/No time for myself"));
    const Id listened = p.resolveCode(NotWorking + QStringLiteral("/Not listened to"));
    ThemeBoard *board = w.window.themeBoard();
    w.window.showCentralTab(1);
    board->showSegmentsOf(noTime);
    board->setThemeParent(p.resolveCode(NotWorking));
    REQUIRE(board->cards().size() == 1);
    const BoardCard card = board->cards().front();
    CHECK(card.text == QStringLiteral("I don't get a minute to myself"));
    CHECK(card.document == QStringLiteral("fg1-carers.txt"));
    CHECK_FALSE(card.person.isEmpty());
    BoardCardList *pile = board->listFor(std::nullopt);
    dropOn(board->listFor(listened), dragData(pile, {pile->model()->index(0, 0)}));
    CHECK(board->cardCount(listened) == 1);
    const Segment s = p.segment(*card.segmentId);
    CHECK(std::find(s.codes.begin(), s.codes.end(), listened) != s.codes.end());
    CHECK(std::find(s.codes.begin(), s.codes.end(), noTime) != s.codes.end());
    // Back to "not sorted": the theme comes off, the segment and its own code stay.
    BoardCardList *in = board->listFor(listened);
    REQUIRE(in->count() == 1);
    dropOn(board->listFor(std::nullopt), dragData(in, {in->model()->index(0, 0)}));
    CHECK(board->cardCount(listened) == 0);
    CHECK(p.segment(*card.segmentId).codes == std::vector<Id>{noTime});
}

TEST_CASE("quote basket: star, reorder, editorial version checked in the pane, export preview", "[gui][quotes]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    Id second = 0;
    {
        auto p = Project::open(path);
        const Id fg1 = p->findDocument(QStringLiteral("fg1-carers.txt")).id;
        const QString quote = QStringLiteral("like falling off a cliff");
        const auto at = p->findQuote(fg1, quote);
        REQUIRE(at.size() == 1);
        second = p->addSegment(fg1, at[0], at[0] + quote.size(), {p->resolveCode(TranslatingPath)});
    }
    Workbench w(path);
    Project &p = *w.window.project();
    QuoteBasket *basket = w.window.quoteBasket();
    const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
    w.window.showDocument(fg1);
    const auto segs = p.segments(fg1);
    REQUIRE(segs.size() == 2);
    const Id first = segs[0].id == second ? segs[1].id : segs[0].id;

    w.window.selectSegment(first);
    REQUIRE(w.window.starCurrentSegment());
    w.window.selectSegment(second);
    REQUIRE(w.window.starCurrentSegment());
    CHECK(basket->order() == std::vector<Id>{first, second});
    CHECK(basket->list()->count() == 2);

    // Down moves the first after the second: ranks rewritten in one command.
    const auto commands = p.history().size();
    basket->selectRow(0);
    REQUIRE(basket->move(0, +1));
    CHECK(basket->order() == std::vector<Id>{second, first});
    CHECK(p.history().size() == commands + 1);
    const auto sel = quoteSelections(p);
    CHECK(sel.at(second).rank == 1);
    CHECK(sel.at(first).rank == 2);
    CHECK(basket->currentRow() == 1);

    // An editorial version that is not in the quote: the core's message in the pane, nothing stored.
    const QString before = projectFingerprint(path);
    basket->selectRow(1);
    CHECK_FALSE(basket->setEditorial(1, QStringLiteral("I never get a minute [to rest]")));
    CHECK_FALSE(basket->errorLabel()->text().isEmpty());
    CHECK(basket->editorialEditor()->toPlainText().isEmpty() == false);
    CHECK(projectFingerprint(path) == before);
    CHECK_FALSE(quoteSelections(p).at(first).editorial.size());

    // A good one: cut and insertion; the preview shows it as the export writes it.
    const QString edited = QStringLiteral("I don't get a minute [to myself] ...");
    REQUIRE(basket->setEditorial(1, QStringLiteral("I don't get a minute ... to myself")));
    CHECK(basket->errorLabel()->text().isEmpty());
    CHECK(quoteSelections(p).at(first).editorial == QStringLiteral("I don't get a minute ... to myself"));
    const QString preview = basket->previewText();
    CHECK(preview.contains(QStringLiteral("I don't get a minute ... to myself")));
    CHECK(preview.contains(QStringLiteral("like falling off a cliff")));
    CHECK(preview.indexOf(QStringLiteral("like falling off a cliff")) >= 0);
    (void)edited;

    // Undo through the window takes back the editorial version.
    REQUIRE(w.window.undo());
    CHECK(quoteSelections(p).at(first).editorial.isEmpty());
}

TEST_CASE("code tree: dropping a code on another moves it, Alt merges, parents show subtree totals", "[gui][codes]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    Project &p = *w.window.project();
    CodeTreeView *tree = w.window.codeTree();
    CodeTreeModel *model = w.window.codeModel();
    const QString noTimePath = QStringLiteral("Sustaining the carer/Respite and breaks/No time for myself");
    const Id noTime = p.resolveCode(noTimePath);
    const Id caring = p.resolveCode(QStringLiteral("Caring roles"));

    // Parents: their own count and the subtree's in the third column.
    const QModelIndex sustaining = model->indexOfCode(p.resolveCode(QStringLiteral("Sustaining the carer")));
    CHECK(sustaining.siblingAtColumn(CodeTreeModel::CountColumn).data().toString() == QStringLiteral("0"));
    CHECK(sustaining.siblingAtColumn(CodeTreeModel::TotalColumn).data().toString() == QStringLiteral("(1)"));
    CHECK(model->indexOfCode(noTime, CodeTreeModel::TotalColumn).data().toString().isEmpty());

    // Multi-select is on; dragging "No time for myself" onto "Caring roles".
    CHECK(tree->selectionMode() == QAbstractItemView::ExtendedSelection);
    tree->expandAll();
    QApplication::processEvents();
    const QModelIndex target = model->indexOfCode(caring);
    const QPoint at = tree->visualRect(target).center();
    dropOn(tree, dragData(tree, {model->indexOfCode(noTime)}), at);
    INFO(w.window.lastError().toStdString());
    CHECK(p.codePath(noTime) == QStringLiteral("Caring roles/No time for myself"));
    CHECK(model->indexOfCode(caring, CodeTreeModel::TotalColumn).data().toString() == QStringLiteral("(1)"));
    REQUIRE(w.window.undo());
    CHECK(p.codePath(noTime) == noTimePath);

    // Two codes selected and dropped on the empty area: both to the top level, one command.
    const Id translating = p.resolveCode(TranslatingPath);
    const auto commands = p.history().size();
    dropOn(tree, dragData(tree, {model->indexOfCode(noTime), model->indexOfCode(translating)}),
           QPoint(10, tree->viewport()->height() - 5));
    CHECK(p.codePath(noTime) == QStringLiteral("No time for myself"));
    CHECK(p.codePath(translating) == QStringLiteral("Translating"));
    CHECK(p.history().size() == commands + 1);
    REQUIRE(w.window.undo());

    // Alt+drop merges "Translating" into "No time for myself": its segments move, the code goes.
    tree->expandAll();
    QApplication::processEvents();
    const QPoint onNoTime = tree->visualRect(model->indexOfCode(noTime)).center();
    dropOn(tree, dragData(tree, {model->indexOfCode(translating)}), onNoTime, Qt::AltModifier);
    CHECK_FALSE(p.tryResolveCode(TranslatingPath));
    CHECK(w.treeCount(noTime) == 1);
    REQUIRE(w.window.undo());
    CHECK(p.tryResolveCode(TranslatingPath));
}

TEST_CASE("code tree: a selection dragged from the document onto a code codes it in one command, undo takes it back",
          "[gui][codes][drag]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    Project &p = *w.window.project();
    CodeTreeView *tree = w.window.codeTree();
    CodeTreeModel *model = w.window.codeModel();
    DocumentView *view = w.window.documentView();
    const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
    const Id translating = p.resolveCode(TranslatingPath);
    w.window.showDocument(fg1);
    tree->expandAll();
    QApplication::processEvents();

    // Words after the emoji, so code points and UTF-16 differ.
    const QString words = QStringLiteral("I look after my father-in-law");
    const auto at = p.findQuote(fg1, words);
    REQUIRE(at.size() == 1);
    view->selectRange(at[0], at[0] + words.size());
    const int from = int(view->toUtf16(at[0]));
    REQUIRE(from != int(at[0]));
    CHECK(w.treeCount(translating) == 0);
    const auto commands = p.history().size();

    // The drag carries the range and the exact text; it is not a code drag.
    QMimeData *mime = selectionDrag(view);
    CHECK_FALSE(mime->hasFormat(CodeTreeModel::codeMimeType()));
    CHECK(mime->text() == words);
    const auto carried = DocumentView::textRangeFrom(mime);
    REQUIRE(carried);
    CHECK(carried->documentId == fg1);
    CHECK(carried->start == at[0]);
    CHECK(carried->end == at[0] + words.size());

    const QPoint onTranslating = tree->visualRect(model->indexOfCode(translating)).center();
    const QString shot = dir.path(QStringLiteral("code-tree-text-drop.png"));
    const Id shown = dragTextTo(tree, mime, onTranslating, [&] {
        // The row the drop goes to is framed while the text is over it.
        tree->viewport()->repaint();
        REQUIRE(tree->grab().save(shot));
        keepScreenshot(shot);
    });
    CHECK(shown == translating);
    INFO(w.window.lastError().toStdString());
    const auto segs = p.segments(fg1, translating);
    REQUIRE(segs.size() == 1);
    const Segment seg = segs.front();
    CHECK(seg.start == at[0]);
    CHECK(seg.end == at[0] + words.size());
    CHECK(p.documentRange(fg1, seg.start, seg.end) == words);
    CHECK(p.history().size() == commands + 1);
    // The count and the highlight change at once.
    CHECK(w.treeCount(translating) == 1);
    REQUIRE(w.highlightsOf(seg.id).size() == 1);
    CHECK(w.highlightsOf(seg.id).front() == qMakePair(from, from + int(words.size())));
    CHECK(w.window.recentCodes().front() == translating);
    // The picture shows the highlight, not the selection over it.
    QTextCursor plain = view->textCursor();
    plain.clearSelection();
    view->setTextCursor(plain);
    const QString main = dir.path(QStringLiteral("drag-coded.png"));
    REQUIRE(Screenshots::save(w.window, QStringLiteral("main"), main).isEmpty());
    keepScreenshot(main);

    // The same range onto the same code again: nothing changes, the status bar says so.
    tree->expandAll();
    view->selectRange(seg.start, seg.end);
    dragTextTo(tree, selectionDrag(view), tree->visualRect(model->indexOfCode(translating)).center());
    CHECK(p.segments(fg1, translating).size() == 1);
    CHECK(p.history().size() == commands + 1);
    CHECK(w.treeCount(translating) == 1);
    CHECK(w.window.statusBar()->currentMessage().contains(QLatin1String("Already coded")));
    CHECK(w.window.lastError().isEmpty());

    REQUIRE(w.window.undo());
    CHECK(p.segments(fg1, translating).empty());
    CHECK(w.treeCount(translating) == 0);
    CHECK(w.highlightsOf(seg.id).isEmpty());

    // Dragging a code still moves it (the text drag left no state behind).
    const Id noTime = p.resolveCode(QStringLiteral("Sustaining the carer/Respite and breaks/No time for myself"));
    tree->expandAll();
    QApplication::processEvents();
    dropOn(tree, dragData(tree, {model->indexOfCode(noTime)}),
           tree->visualRect(model->indexOfCode(translating)).center());
    CHECK(p.codePath(noTime) == TranslatingPath + QStringLiteral("/No time for myself"));
}

TEST_CASE("code tree: a selection dropped on the empty area becomes an in-vivo code, one command", "[gui][codes][drag]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    Project &p = *w.window.project();
    CodeTreeView *tree = w.window.codeTree();
    DocumentView *view = w.window.documentView();
    const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
    w.window.showDocument(fg1);
    const QString words = QStringLiteral("I look after my father-in-law");
    const auto at = p.findQuote(fg1, words);
    REQUIRE(at.size() == 1);
    view->selectRange(at[0], at[0] + words.size());
    const auto commands = p.history().size();
    const auto codes = p.codes().size();

    const Id shown = dragTextTo(tree, selectionDrag(view), QPoint(10, tree->viewport()->height() - 5));
    CHECK(shown == 0);
    INFO(w.window.lastError().toStdString());
    const auto code = p.tryResolveCode(words);
    REQUIRE(code);
    CHECK(p.codes().size() == codes + 1);
    CHECK(p.history().size() == commands + 1);
    const auto segs = p.segments(fg1, *code);
    REQUIRE(segs.size() == 1);
    CHECK(segs.front().start == at[0]);
    CHECK(segs.front().end == at[0] + words.size());
    CHECK(w.treeCount(*code) == 1);
    CHECK(w.window.currentCode() == *code);

    // One undo takes the code and its segment.
    REQUIRE(w.window.undo());
    CHECK_FALSE(p.tryResolveCode(words));
    CHECK(p.codes().size() == codes);
}

TEST_CASE("code tree: a dragged selection across emoji and CJK text is coded at exact code points",
          "[gui][codes][drag]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    // Characters outside the BMP (an emoji, a CJK Extension B ideograph) before and inside the span.
    const QString text = QStringLiteral(
        "P1: 今日は🙂 母の世話をしました。𠀋 家族😀と一緒に。\nP2: はい。\n");
    {
        auto p = Project::open(path);
        PluginManager plugins;
        plugins.loadStatic();
        p->importDocuments({readImportFile(plugins, dir.writeFile(QStringLiteral("cjk.txt"), text.toUtf8()))});
    }
    Workbench w(path);
    Project &p = *w.window.project();
    const Id doc = w.documentId(QStringLiteral("cjk.txt"));
    const Id translating = p.resolveCode(TranslatingPath);
    w.window.showDocument(doc);
    DocumentView *view = w.window.documentView();
    const QString stored = p.documentText(doc);

    // Select in the widget (UTF-16) from 母 to 😀 inclusive, as a mouse would.
    const int from = int(stored.indexOf(QStringLiteral("母")));
    const int to = int(stored.indexOf(QStringLiteral("😀"))) + 2;
    REQUIRE(from > 0);
    REQUIRE(to > from);
    w.selectUtf16(from, to);
    const QString selected = stored.mid(from, to - from);
    qsizetype before = 0, inside = 0;
    for (int i = 0; i < to; ++i)
        (i < from ? before : inside) += stored[i].isHighSurrogate() ? 1 : 0;
    REQUIRE(before == 1); // 🙂
    REQUIRE(inside == 2); // 𠀋 and 😀
    const qsizetype start = from - before;
    const qsizetype end = to - before - inside;

    CodeTreeView *tree = w.window.codeTree();
    tree->expandAll();
    QApplication::processEvents();
    const QPoint onTranslating = tree->visualRect(w.window.codeModel()->indexOfCode(translating)).center();
    CHECK(dragTextTo(tree, selectionDrag(view), onTranslating) == translating);
    INFO(w.window.lastError().toStdString());
    const auto segs = p.segments(doc, translating);
    REQUIRE(segs.size() == 1);
    CHECK(segs.front().start == start);
    CHECK(segs.front().end == end);
    CHECK(p.documentRange(doc, start, end) == selected);
    REQUIRE(w.highlightsOf(segs.front().id).size() == 1);
    CHECK(w.highlightsOf(segs.front().id).front() == qMakePair(from, to));
}

TEST_CASE("code tree: dragged text that this project does not hold is refused and changes nothing",
          "[gui][codes][drag]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    Project &p = *w.window.project();
    const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
    const Id translating = p.resolveCode(TranslatingPath);
    w.window.showDocument(fg1);
    w.window.documentView()->selectRange(0, 10);
    QMimeData *mime = selectionDrag(w.window.documentView());
    // As from another window with another project: same document id and range, other text.
    auto range = *DocumentView::textRangeFrom(mime);
    range.text = QStringLiteral("not these!");
    const auto commands = p.history().size();
    CHECK_FALSE(w.window.dropText(range, translating));
    CHECK(w.window.lastError().contains(QLatin1String("not in this project")));
    range.end = p.document(fg1).length + 5;
    CHECK_FALSE(w.window.dropText(range, translating));
    CHECK(p.history().size() == commands);
    CHECK(p.segments(fg1, translating).empty());
    // Malformed drag data is not a text range at all.
    QMimeData bad;
    bad.setData(DocumentView::textRangeMimeType(), "{\"document\": 1, \"start\": 5}");
    CHECK_FALSE(DocumentView::textRangeFrom(&bad));
    delete mime;
}

TEST_CASE("document filters by kind, case and attribute value", "[gui][documents]")
{
    TempDir dir;
    Workbench w(buildBoardProject(dir));
    QTreeWidget *list = w.window.documentList();
    auto visible = [&] {
        QStringList names;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (!list->topLevelItem(i)->isHidden())
                names << list->topLevelItem(i)->text(0);
        return names;
    };
    const int all = list->topLevelItemCount();
    CHECK(visible().size() == all);
    DocumentFilterBar *filter = w.window.documentFilter();
    // The sheet's rows are documents of kind "statement"; the .txt files are not.
    filter->setKind(QStringLiteral("statement"));
    const QStringList statements = visible();
    CHECK(statements.size() == 58);
    for (const QString &n : statements)
        CHECK(n.startsWith(QLatin1String("pcr-statements")));
    filter->setKind(QString());
    filter->setCase(QStringLiteral("R01"));
    const QStringList r01 = visible();
    REQUIRE_FALSE(r01.isEmpty());
    for (const QString &n : r01)
        CHECK(n.contains(QLatin1String("R01")));
    filter->setCase(QString());
    filter->setAttribute(QStringLiteral("area=") + NotWorkingArea);
    const QStringList nw = visible();
    REQUIRE_FALSE(nw.isEmpty());
    for (const QString &n : nw)
        CHECK(n.contains(NotWorkingArea));
    filter->setAttribute(QString());
    CHECK(visible().size() == all);
}

TEST_CASE("dragging a segment's edge resizes it in one undoable command", "[gui][document]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    Project &p = *w.window.project();
    const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
    w.window.showDocument(fg1);
    const Segment seg = p.segments(fg1).front();
    DocumentView *view = w.window.documentView();
    view->selectRange(seg.start, seg.end);
    QApplication::processEvents();
    const int endUtf16 = int(view->toUtf16(seg.end));
    const QRect endRect = view->caretRect(endUtf16);
    const QPoint grab(endRect.x(), endRect.center().y());
    const auto edge = view->edgeAt(grab);
    REQUIRE(edge);
    CHECK(edge->segmentId == seg.id);
    CHECK_FALSE(edge->start);
    // Drag the end to the end of the next word.
    const QString text = view->toPlainText();
    int newEnd = endUtf16;
    while (newEnd < text.size() && !text[newEnd].isLetter())
        ++newEnd;
    while (newEnd < text.size() && text[newEnd].isLetter())
        ++newEnd;
    const QRect to = view->caretRect(newEnd);
    REQUIRE(to.y() == endRect.y());
    sendMouse(view->viewport(), QEvent::MouseButtonPress, grab, Qt::LeftButton);
    sendMouse(view->viewport(), QEvent::MouseMove, QPoint(to.x(), to.center().y()), Qt::LeftButton);
    sendMouse(view->viewport(), QEvent::MouseButtonRelease, QPoint(to.x(), to.center().y()), Qt::NoButton);
    INFO(w.window.lastError().toStdString());
    const Segment after = p.segment(seg.id);
    CHECK(after.start == seg.start);
    CHECK(after.end == seg.end + (newEnd - endUtf16));
    CHECK(p.documentRange(fg1, after.start, after.end) == QStringLiteral("I don't get a minute to myself, not"));
    REQUIRE(w.window.undo());
    CHECK(p.segment(seg.id).end == seg.end);
}

TEST_CASE("a project saved by a newer schema is refused with the core's message, the open one stays", "[gui][safety]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    const QString current = w.window.project()->path();
    const QString newer = dir.path(QStringLiteral("newer.quire"));
    {
        auto p = Project::create(newer);
        ProjectAccess::database(*p).exec(QStringLiteral("PRAGMA user_version = 999"));
    }
    CHECK_FALSE(w.window.openProject(newer));
    CHECK(w.window.lastError().contains(QLatin1String("newer version of Quire")));
    CHECK(w.window.lastError().contains(QLatin1String("newer.quire")));
    REQUIRE(w.window.project());
    CHECK(w.window.project()->path() == current);
    CHECK(w.window.documentList()->topLevelItemCount() > 0);
}

TEST_CASE("export and import run on a worker thread, Cancel leaves the file and the project as they were",
          "[gui][safety]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    Workbench w(path);

    // Export finishes off the GUI thread and the file is there.
    const QString out = dir.path(QStringLiteral("report.md"));
    int reports = 0;
    auto counting = QObject::connect(&w.window, &MainWindow::jobStarted, [&](BackgroundJob *job) {
        QObject::connect(job, &BackgroundJob::progressed, [&] { ++reports; });
    });
    REQUIRE(w.window.exportReport(out));
    CHECK(QFileInfo::exists(out));
    CHECK(QString::fromUtf8(readFile(out)).contains(QStringLiteral("I don't get a minute to myself")));
    CHECK(reports >= 2);
    QObject::disconnect(counting);

    // Cancel at the first progress report: the worker stops before writing.
    auto cancelling = QObject::connect(&w.window, &MainWindow::jobStarted, [&](BackgroundJob *job) {
        QObject::connect(job, &BackgroundJob::progressed, job, &BackgroundJob::cancel);
    });
    const QString cancelled = dir.path(QStringLiteral("cancelled.md"));
    CHECK_FALSE(w.window.exportReport(cancelled));
    CHECK_FALSE(QFileInfo::exists(cancelled));
    CHECK(w.window.lastError().contains(QLatin1String("cancelled")));

    // Import cancelled: nothing stored.
    const QString before = projectFingerprint(path);
    const QString a = dir.writeFile(QStringLiteral("a.txt"), QByteArray("P1: one\nP2: two\n"));
    const QString b = dir.writeFile(QStringLiteral("b.txt"), QByteArray("P1: three\nP2: four\n"));
    const auto docs = w.window.project()->documents().size();
    CHECK_FALSE(w.window.importFiles({a, b}));
    CHECK(w.window.project()->documents().size() == docs);
    CHECK(projectFingerprint(path) == before);
    QObject::disconnect(cancelling);

    // Not cancelled: stored through the worker's connection, seen by the window's, undone by it.
    REQUIRE(w.window.importFiles({a, b}));
    CHECK(w.window.project()->documents().size() == docs + 2);
    CHECK(w.window.documentList()->topLevelItemCount() == int(docs) + 2);
    REQUIRE(w.window.undo());
    CHECK(w.window.project()->documents().size() == docs);
}

TEST_CASE("right-to-left text: highlights cover the coded words and run right to left", "[gui][rtl]")
{
    TempDir dir;
    const QString path = Screenshots::makeRtlProject(dir.path(QStringLiteral(".")));
    Workbench w(path);
    Project &p = *w.window.project();
    const Id doc = p.documents().front().id;
    w.window.showDocument(doc);
    DocumentView *view = w.window.documentView();
    const QString stored = p.documentText(doc);
    REQUIRE(view->toPlainText() == stored);
    for (const Segment &s : p.segments(doc)) {
        const QString words = p.documentRange(doc, s.start, s.end);
        const int from = int(stored.indexOf(words));
        REQUIRE(from >= 0);
        const auto hl = w.highlightsOf(s.id);
        REQUIRE(hl.size() == 1);
        CHECK(hl.front() == qMakePair(from, from + int(words.size())));
        // Hebrew and Arabic are drawn right to left: the span's start is right of its end.
        const QRect a = view->caretRect(from + 1);
        const QRect b = view->caretRect(from + int(words.size()) - 1);
        if (a.y() == b.y())
            CHECK(a.x() > b.x());
    }
    // The Arabic line comes after the emoji: code points and UTF-16 differ there by one.
    const QString arabic = QStringLiteral("ولا أحد يتصل بي");
    const auto at = p.findQuote(doc, arabic);
    REQUIRE(at.size() == 1);
    CHECK(view->toUtf16(at.front()) == stored.indexOf(arabic));
    CHECK(at.front() == stored.indexOf(arabic) - 1);
}

TEST_CASE("the dark palette applies to the window and the screenshot views render", "[gui][palette]")
{
    TempDir dir;
    Workbench w(buildBoardProject(dir));
    w.window.darkAction()->trigger();
    QApplication::processEvents();
    CHECK(w.window.darkPalette());
    INFO(QApplication::palette().color(QPalette::Base).name().toStdString());
    CHECK(w.window.documentView()->palette().color(QPalette::Base).lightness() < 80);
    CHECK(w.window.documentView()->palette().color(QPalette::Text).lightness() > 180);
    w.window.darkAction()->trigger();
    QApplication::processEvents();
    CHECK_FALSE(w.window.darkPalette());
    CHECK(w.window.documentView()->palette().color(QPalette::Base).lightness() > 200);

    Screenshots::stage(w.window);
    for (const QString &view : Screenshots::viewNames()) {
        const QString file = dir.path(view + QStringLiteral(".png"));
        INFO(view.toStdString());
        REQUIRE(Screenshots::save(w.window, view, file).isEmpty());
        const QImage image(file);
        REQUIRE_FALSE(image.isNull());
        CHECK(image.width() > 100);
        CHECK(image.height() > 100);
    }
    CHECK_FALSE(w.window.darkPalette());
}
