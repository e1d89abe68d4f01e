// SPDX-License-Identifier: GPL-3.0-or-later
// Layout and feedback of the workbench on a 1366×768 screen, offscreen: the
// window fits in every view, docks per view, names that say enough, search
// hits that say they are coded, history rows in words, the quote basket's
// preview and editorial box, and selections coded from their first word.

#include "guisupport.h"

#include "analysis/analysismenu.h"
#include "displaynames.h"
#include "docklayout.h"
#include "historypane.h"
#include "projectsession.h"
#include "quotebasket.h"
#include "screenshots.h"
#include "searchpane.h"
#include "wordrange.h"
#include "workshop/workshopmenu.h"

#include "model/project.h"
#include "report/quotes.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStatusBar>
#include <QTableWidget>
#include <QTabWidget>
#include <QTreeWidget>

using namespace Quire;
using namespace QuireTest;

namespace {

const QSize Small(1366, 768);

void cli(const QStringList &args)
{
    const CliResult r = runCli(args);
    INFO(args.join(QLatin1Char(' ')).toStdString() << "\n" << r.errText().toStdString());
    REQUIRE(r.exitCode == 0);
}

/// The COPD review statements of the corpus (240 of them) in a workshop with the default template and two themes.
QString buildWorkshop(const TempDir &dir)
{
    const QString p = dir.path(QStringLiteral("copd.quire"));
    cli({QStringLiteral("new"), p});
    cli({QStringLiteral("import"), p, QStringLiteral(QUIRE_CORPORA_DIR "/wtfc/copd-review-statements.csv"),
         QStringLiteral("--quiet")});
    cli({QStringLiteral("wtfc"), QStringLiteral("template"), p, QStringLiteral("--preset"), QStringLiteral("default")});
    cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("add"), p,
         QStringLiteral("what is not working"), QStringLiteral("Waiting and access")});
    cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("assign"), p,
         QStringLiteral("Waiting and access"), QStringLiteral("@R01:what is not working:1")});
    return p;
}

QList<QDockWidget *> docksOf(QMainWindow &w)
{
    return w.findChildren<QDockWidget *>();
}

QDockWidget *dockNamed(QMainWindow &w, const char *name)
{
    auto *d = w.findChild<QDockWidget *>(QLatin1String(name));
    REQUIRE(d);
    return d;
}

/// At 1366×768 the window is that size: nothing in it asks for more.
void checkFits(MainWindow &window, const QString &view)
{
    window.resize(Small);
    QApplication::processEvents();
    INFO(view.toStdString() << ": minimum " << window.minimumSizeHint().width() << "×"
                            << window.minimumSizeHint().height());
    CHECK(window.minimumSizeHint().width() <= Small.width());
    CHECK(window.minimumSizeHint().height() <= Small.height());
    CHECK(window.size() == Small);
}

} // namespace

TEST_CASE("layout: the window fits 1366x768 in the document view, the theme board and every analysis and workshop view",
          "[gui][layout]")
{
    TempDir dir;
    Workbench w(buildWorkshop(dir));
    MainWindow &window = w.window;
    checkFits(window, QStringLiteral("document"));
    window.showCentralTab(1);
    checkFits(window, QStringLiteral("board"));
    window.showCentralTab(0);
    for (const QString &view : Screenshots::insightViews()) {
        QWidget *shown = view.startsWith(QLatin1String("wtfc-")) ? openWtfcView(window.session(), window, view)
                                                                 : openAnalysisView(window.session(), window, view);
        REQUIRE(shown);
        QApplication::processEvents();
        checkFits(window, view);
        // An analysis or workshop view has the window to itself: the docks step aside.
        for (QDockWidget *d : docksOf(window))
            CHECK_FALSE(d->isVisible());
        CHECK(shown->width() >= Small.width() - 40);
    }
    // Back on the document, the coding docks are back.
    window.showCentralTab(0);
    QApplication::processEvents();
    CHECK(dockNamed(window, "documentsDock")->isVisible());
    CHECK(dockNamed(window, "codesDock")->isVisible());
    CHECK(dockNamed(window, "searchDock")->isVisible());
}

TEST_CASE("layout: each view keeps its own dock layout, saved in the settings and read back", "[gui][layout]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    const QString ini = dir.path(QStringLiteral("layout.ini"));
    QString themesKey;
    {
        Workbench w(path);
        auto *layout = w.window.findChild<DockLayout *>();
        REQUIRE(layout);
        layout->setSettingsFile(ini);
        layout->setPersistence(true);
        // F9 (View ▸ Hide or show the panes) is there, and so is a toggle per dock.
        REQUIRE(layout->panesAction());
        CHECK(layout->panesAction()->shortcut() == QKeySequence(Qt::Key_F9));
        // On the document: the search dock closed.
        dockNamed(w.window, "searchDock")->toggleViewAction()->trigger();
        CHECK_FALSE(dockNamed(w.window, "searchDock")->isVisible());
        // A workshop view starts without docks; there the memo dock is brought back.
        openWtfcView(w.window.session(), w.window, QStringLiteral("wtfc-themes"));
        QApplication::processEvents();
        themesKey = layout->currentView();
        CHECK(themesKey != QLatin1String("document"));
        CHECK_FALSE(dockNamed(w.window, "documentsDock")->isVisible());
        dockNamed(w.window, "memoDock")->toggleViewAction()->trigger();
        CHECK(dockNamed(w.window, "memoDock")->isVisible());
        // Back to the document: its own layout, the search dock still closed.
        w.window.showCentralTab(0);
        QApplication::processEvents();
        CHECK(dockNamed(w.window, "documentsDock")->isVisible());
        CHECK_FALSE(dockNamed(w.window, "searchDock")->isVisible());
        // F9 clears the view and brings the panes back.
        layout->panesAction()->trigger();
        CHECK_FALSE(dockNamed(w.window, "documentsDock")->isVisible());
        layout->panesAction()->trigger();
        CHECK(dockNamed(w.window, "documentsDock")->isVisible());
        dockNamed(w.window, "searchDock")->hide();
        layout->save();
    }
    {
        QSettings s(ini, QSettings::IniFormat);
        CHECK(s.contains(QStringLiteral("window/views/document")));
        CHECK(s.contains(QStringLiteral("window/views/") + themesKey));
    }
    // A new window with the same settings: the workshop view comes back with its memo dock.
    Workbench again(path);
    auto *layout = again.window.findChild<DockLayout *>();
    layout->setSettingsFile(ini);
    layout->setPersistence(true);
    openWtfcView(again.window.session(), again.window, QStringLiteral("wtfc-themes"));
    QApplication::processEvents();
    CHECK(dockNamed(again.window, "memoDock")->isVisible());
    CHECK_FALSE(dockNamed(again.window, "documentsDock")->isVisible());
    again.window.showCentralTab(0);
    QApplication::processEvents();
    CHECK(dockNamed(again.window, "documentsDock")->isVisible());
    CHECK_FALSE(dockNamed(again.window, "searchDock")->isVisible());
}

TEST_CASE("layout: at 1366x768 the search pane shows every hit, which ones are coded and the code it will use",
          "[gui][layout][search]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    w.window.resize(Small);
    QApplication::processEvents();
    SearchPane *pane = w.window.searchPane();
    pane->setQuery(QStringLiteral("nurse*"));
    QApplication::processEvents();
    const int hits = int(pane->hits().size());
    INFO("hits: " << hits);
    REQUIRE(hits >= 13);
    QTableWidget *table = pane->table();
    REQUIRE(table->rowCount() == hits);
    // Every row is inside the table's viewport: no scrolling needed to see the answer.
    const int last = table->rowViewportPosition(hits - 1) + table->rowHeight(hits - 1);
    CHECK(table->rowViewportPosition(0) >= 0);
    CHECK(last <= table->viewport()->height());
    CHECK(w.window.size() == Small);

    // The quote the sample project codes: its hit says with which code.
    pane->setQuery(QStringLiteral("minute"));
    QApplication::processEvents();
    int codedRow = -1;
    for (int r = 0; r < table->rowCount(); ++r)
        if (!table->item(r, SearchPane::CodedColumn)->text().isEmpty())
            codedRow = r;
    REQUIRE(codedRow >= 0);
    CHECK(table->item(codedRow, SearchPane::CodedColumn)->text() == QStringLiteral("✓ No time for myself"));
    CHECK(table->item(codedRow, SearchPane::HitColumn)->toolTip().contains(QStringLiteral("Respite and breaks")));
    for (int r = 0; r < table->rowCount(); ++r)
        if (r != codedRow)
            CHECK(table->item(r, SearchPane::CodedColumn)->text().isEmpty());

    // The button names the code the hits will get.
    w.window.selectCode(w.window.project()->resolveCode(TranslatingPath));
    table->selectRow(0);
    CHECK(pane->codeButton()->text() == QStringLiteral("&Code 1 selected hit(s) with “Translating”"));
    REQUIRE(pane->codeSelectedHits());
    CHECK(pane->statusLabel()->text().contains(QStringLiteral("with “Translating”")));
    // After coding, the row says so.
    CHECK(table->item(0, SearchPane::CodedColumn)->text().contains(QStringLiteral("Translating")));
}

TEST_CASE("layout: long names are elided in the middle with the full name in a tooltip, statements get short labels",
          "[gui][layout]")
{
    TempDir dir;
    Workbench w(buildWorkshop(dir));
    Project &p = *w.window.project();
    // Code names keep their beginning and end; the tooltip is the whole path.
    const QString longName = QStringLiteral("Navigating services when nobody tells you where to go next");
    REQUIRE(w.window.runCommand([&] { p.addCode(QStringLiteral("Access/") + longName); }));
    CHECK(w.window.codeTree()->textElideMode() == Qt::ElideMiddle);
    const QModelIndex index = w.window.codeModel()->indexOfCode(p.resolveCode(QStringLiteral("Access/") + longName));
    REQUIRE(index.isValid());
    CHECK(index.data(Qt::DisplayRole).toString() == longName);
    CHECK(index.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Access/") + longName));
    CHECK(w.window.documentList()->textElideMode() == Qt::ElideMiddle);

    // 240 statements from one sheet: each row names the person, area, rank and first words.
    QTreeWidget *list = w.window.documentList();
    REQUIRE(list->topLevelItemCount() == 240);
    QSet<QString> labels;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        labels.insert(list->topLevelItem(i)->data(0, DisplayNames::LabelRole).toString());
    CHECK(labels.size() == 240);
    const Id first = p.documents().front().id;
    QTreeWidgetItem *row = nullptr;
    int rowIndex = -1;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->data(0, Qt::UserRole + 1).toLongLong() == first) {
            row = list->topLevelItem(i);
            rowIndex = i;
        }
    REQUIRE(row);
    // The row shows the label in place of the stored name (kept as the item's text), cut at its end.
    auto *delegate = dynamic_cast<DisplayNames::LabelDelegate *>(list->itemDelegateForColumn(0));
    REQUIRE(delegate);
    CHECK(row->text(0) == p.documents().front().name);
    CHECK(row->data(0, DisplayNames::LabelRole).toString() ==
          QStringLiteral("R01 · what is working · 1 · My friend from chapel picks me up for…"));
    // What the delegate paints: the label, cut at its end.
    struct Probe : DisplayNames::LabelDelegate
    {
        using DisplayNames::LabelDelegate::initStyleOption;
    } probe;
    QStyleOptionViewItem option;
    probe.initStyleOption(&option, list->model()->index(rowIndex, 0));
    CHECK(option.text == row->data(0, DisplayNames::LabelRole).toString());
    CHECK(option.textElideMode == Qt::ElideRight);
    CHECK(row->toolTip(0).startsWith(QStringLiteral("My friend from chapel picks me up for the coffee morning")));
}

TEST_CASE("feedback: history rows quote the words, not offsets", "[gui][layout][history]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    Project &p = *w.window.project();
    const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
    const Segment s = p.segments(fg1).front();
    REQUIRE(w.window.resizeSegment(s.id, s.start, s.end + 19)); // "… to myself, not really"
    HistoryPane *pane = w.window.historyPane();
    const QString resized = pane->list()->item(pane->rowOf(p.history().back().id))->text();
    INFO(resized.toStdString());
    CHECK(resized.endsWith(QStringLiteral("Resize “I don't get a minute to myself” to “I don't get a minute to myself, "
                                          "not…” in fg1-carers.txt")));
    // Time — coder — text: the text names no offsets.
    CHECK_FALSE(resized.section(QStringLiteral(" — "), 2).contains(QRegularExpression(QStringLiteral("\\d+:\\d+"))));
    CHECK(pane->list()->item(pane->rowOf(p.history().back().id))->toolTip().contains(p.history().back().summary));

    REQUIRE(w.window.runCommand([&] { p.removeSegment(s.id); }));
    const QString removed = pane->list()->item(pane->rowOf(p.history().back().id))->text();
    CHECK(removed.endsWith(
        QStringLiteral("Remove the segment “I don't get a minute to myself, not…” in fg1-carers.txt")));
    // The sample's first command codes the quote: its row quotes it too.
    const auto log = p.history();
    for (const CommandRecord &r : log)
        if (r.kind == QLatin1String("segment.add"))
            CHECK(HistoryPane::describe(p, r) ==
                  QStringLiteral("Code “I don't get a minute to myself” in fg1-carers.txt with "
                                 "Sustaining the carer/Respite and breaks/No time for myself"));
}

TEST_CASE("feedback: starring shows a star, the basket preview has no markers, the editorial box starts empty",
          "[gui][layout][quotes]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    Project &p = *w.window.project();
    const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
    w.window.showDocument(fg1);
    const Segment s = p.segments(fg1).front();
    w.window.selectSegment(s.id);
    REQUIRE(w.window.starCurrentSegment());
    CHECK(w.window.statusBar()->currentMessage().startsWith(QStringLiteral("★ Starred as quote 1")));
    CHECK(w.window.segmentList()->topLevelItem(0)->text(0).startsWith(QStringLiteral("★ ")));

    QuoteBasket *basket = w.window.quoteBasket();
    basket->selectRow(0);
    const QString quote = QStringLiteral("I don't get a minute to myself");
    CHECK(basket->originalView()->toPlainText() == quote);
    CHECK(basket->originalView()->isReadOnly());
    CHECK(basket->editorialEditor()->toPlainText().isEmpty());
    CHECK_FALSE(basket->editorialEditor()->placeholderText().isEmpty());
    const QString preview = basket->previewText();
    CHECK(preview.contains(quote));
    CHECK_FALSE(preview.contains(QStringLiteral("<!--")));
    CHECK_FALSE(preview.contains(QStringLiteral("quire:segment")));
}

TEST_CASE("a selection that starts mid-sentence is coded from its first word", "[gui][layout][coding]")
{
    CHECK(trimToWords(QStringLiteral(". I don't get"), 10, 23) == std::make_pair(qsizetype(12), qsizetype(23)));
    CHECK(trimToWords(QStringLiteral("  words here \n"), 0, 14) == std::make_pair(qsizetype(2), qsizetype(12)));
    CHECK(trimToWords(QStringLiteral("again, "), 0, 7) == std::make_pair(qsizetype(0), qsizetype(5)));
    CHECK(trimToWords(QStringLiteral("It stopped."), 0, 11) == std::make_pair(qsizetype(0), qsizetype(11)));
    CHECK(trimToWords(QStringLiteral("“Quoted” –"), 0, 10) == std::make_pair(qsizetype(0), qsizetype(8)));
    CHECK(trimToWords(QStringLiteral(" . "), 4, 7) == std::make_pair(qsizetype(4), qsizetype(7)));
    // Code points: an emoji before the words counts once.
    CHECK(trimToWords(QStringLiteral("🙂 I look"), 0, 8) == std::make_pair(qsizetype(2), qsizetype(8)));

    TempDir dir;
    Workbench w(buildSampleProject(dir));
    Project &p = *w.window.project();
    const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
    w.window.showDocument(fg1);
    const QString words = QStringLiteral("Just to say again, everything’s anonymous");
    const auto at = p.findQuote(fg1, words);
    REQUIRE(at.size() == 1);
    // The selection takes ". " of the sentence before and the space after.
    REQUIRE(p.documentRange(fg1, at[0] - 2, at[0]) == QStringLiteral(". "));
    w.window.documentView()->selectRange(at[0] - 2, at[0] + words.size() + 1);
    const Id code = p.resolveCode(TranslatingPath);
    REQUIRE(w.window.codeSelectionWith(code));
    const auto coded = p.segments(fg1, code);
    REQUIRE(coded.size() == 1);
    CHECK(p.documentRange(fg1, coded[0].start, coded[0].end) == words);
}
