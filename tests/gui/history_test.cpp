// SPDX-License-Identifier: GPL-3.0-or-later
// The History dock driven through its real widgets, offscreen: Ctrl+H raises
// it, double-clicking an earlier command goes back (undoing through the
// window), "Redo up to here" goes forward, the marker and the greyed rows
// follow, a new command discards the undone ones, and undo stops at a format
// upgrade with the core's message in the pane.
#include "guisupport.h"
#include "testsupport.h"

#include "historypane.h"
#include "screenshots.h"

#include "index/searchindex.h"
#include "model/schema.h"
#include "storage/database.h"

#include <QDockWidget>
#include <QFileInfo>
#include <QImage>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>

using namespace Quire;
using namespace QuireTest;

namespace {

QString stateOf(Project &p, Id commandId)
{
    for (const CommandRecord &r : p.history())
        if (r.id == commandId)
            return r.state;
    FAIL("no command " << commandId);
    return {};
}

bool hasCode(Project &p, const QString &name)
{
    const auto codes = p.codes();
    return std::any_of(codes.begin(), codes.end(), [&](const Code &c) { return c.name == name; });
}

/// Double-clicks the row of \a commandId in the pane's list, as a user does.
void doubleClickRow(HistoryPane *pane, Id commandId)
{
    const int row = pane->rowOf(commandId);
    REQUIRE(row >= 0);
    QListWidget *list = pane->list();
    list->scrollToItem(list->item(row));
    const QPoint at = list->visualItemRect(list->item(row)).center();
    // A double-click is press, release, double-click: the first press makes the row current.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    QApplication::processEvents();
}

QListWidgetItem *rowItem(HistoryPane *pane, Id commandId)
{
    const int row = pane->rowOf(commandId);
    REQUIRE(row >= 0);
    return pane->list()->item(row);
}

bool looksUndone(HistoryPane *pane, Id commandId)
{
    QListWidgetItem *item = rowItem(pane, commandId);
    return item->font().italic() &&
           item->foreground().color() == pane->palette().color(QPalette::Disabled, QPalette::Text);
}

} // namespace

TEST_CASE("history: go back to the 2nd of 4 commands, forward to the 4th, a new command discards", "[history]")
{
    TempDir dir;
    Workbench wb(buildSampleProject(dir));
    Project &p = *wb.window.project();
    const Id fg1 = wb.documentId(QStringLiteral("fg1-carers.txt"));
    wb.window.showDocument(fg1);
    const qsizetype segmentsBefore = p.segments(fg1).size();

    // Four commands through the window, as the menus make them.
    Id waiting = 0;
    REQUIRE(wb.window.runCommand([&] { waiting = p.addCode(QStringLiteral("Waiting"), QStringLiteral("#457b9d")); }));
    REQUIRE(wb.window.runCommand([&] { p.addCode(QStringLiteral("Money worries")); }));
    const QString quote = QStringLiteral("I don't get a minute to myself");
    const qsizetype at = p.findQuote(fg1, quote).at(0);
    Id segment = 0;
    REQUIRE(wb.window.runCommand([&] { segment = p.addSegment(fg1, at, at + 5, {waiting}); }));
    REQUIRE(wb.window.runCommand([&] { p.addCode(QStringLiteral("Respite")); }));
    const auto log = p.history();
    REQUIRE(log.size() >= 4);
    const Id c1 = log[log.size() - 4].id, c2 = log[log.size() - 3].id, c3 = log[log.size() - 2].id, c4 = log.back().id;
    (void)c1;

    // Ctrl+H raises the dock beside the document.
    wb.pressCtrl(Qt::Key_H);
    HistoryPane *pane = wb.window.historyPane();
    REQUIRE(pane->isVisible());
    auto *dock = qobject_cast<QDockWidget *>(pane->parentWidget());
    REQUIRE(dock);
    CHECK(dock->toggleViewAction()->isChecked());

    // Newest at the bottom, "time — coder — summary", the marker after the newest.
    QListWidget *list = pane->list();
    CHECK(list->count() == int(log.size()) + 1);
    CHECK(pane->markerRow() == list->count() - 1);
    CHECK(pane->rowOf(c4) == list->count() - 2);
    const QString row4 = rowItem(pane, c4)->text();
    CHECK(row4.contains(QStringLiteral(" — %1 — ").arg(p.coder())));
    CHECK(row4.endsWith(log.back().summary));
    CHECK(list->item(pane->markerRow())->font().bold());
    CHECK_FALSE(looksUndone(pane, c3));

    // Back to the 2nd: the 3rd and 4th are undone, in one refresh.
    QSignalSpy changed(&wb.window, &MainWindow::projectChanged);
    doubleClickRow(pane, c2);
    CHECK(changed.count() == 1);
    CHECK(stateOf(p, c2) == QStringLiteral("done"));
    CHECK(stateOf(p, c3) == QStringLiteral("undone"));
    CHECK(stateOf(p, c4) == QStringLiteral("undone"));
    CHECK(hasCode(p, QStringLiteral("Money worries")));
    CHECK_FALSE(hasCode(p, QStringLiteral("Respite")));
    CHECK(qsizetype(p.segments(fg1).size()) == segmentsBefore);
    CHECK(wb.highlightsOf(segment).isEmpty()); // the document view followed
    CHECK(pane->markerRow() == pane->rowOf(c2) + 1);
    CHECK(looksUndone(pane, c3));
    CHECK(looksUndone(pane, c4));
    CHECK_FALSE(looksUndone(pane, c2));
    CHECK(wb.window.statusBar()->currentMessage().contains(QStringLiteral("Undone 2 command(s)")));
    CHECK(pane->message().isEmpty());

    // Forward to the 4th with the button: the 3rd and 4th are done again.
    list->setCurrentRow(pane->rowOf(c4));
    REQUIRE(pane->goButton()->isEnabled());
    CHECK(pane->goButton()->text().remove(QLatin1Char('&')) == QStringLiteral("Redo up to here"));
    changed.clear();
    QTest::mouseClick(pane->goButton(), Qt::LeftButton);
    CHECK(changed.count() == 1);
    CHECK(stateOf(p, c3) == QStringLiteral("done"));
    CHECK(stateOf(p, c4) == QStringLiteral("done"));
    CHECK(hasCode(p, QStringLiteral("Respite")));
    CHECK(qsizetype(p.segments(fg1).size()) == segmentsBefore + 1);
    CHECK(wb.highlightsOf(segment).size() == 1);
    CHECK(pane->markerRow() == list->count() - 1);
    CHECK_FALSE(looksUndone(pane, c3));
    CHECK_FALSE(looksUndone(pane, c4));

    // Ctrl+Z elsewhere moves the marker too.
    wb.pressCtrl(Qt::Key_Z);
    CHECK(pane->markerRow() == pane->rowOf(c3) + 1);
    CHECK(looksUndone(pane, c4));

    // Back to the 2nd, then a new command: the undone ones are discarded, and marked.
    REQUIRE(pane->goTo(c2));
    REQUIRE(wb.window.runCommand([&] { p.addCode(QStringLiteral("Transport")); }));
    const Id c5 = p.history().back().id;
    CHECK(stateOf(p, c3) == QStringLiteral("discarded"));
    CHECK(stateOf(p, c4) == QStringLiteral("discarded"));
    for (Id discarded : {c3, c4}) {
        QListWidgetItem *item = rowItem(pane, discarded);
        CHECK(item->text().startsWith(QStringLiteral("✕ ")));
        CHECK(item->text().endsWith(QStringLiteral("(discarded)")));
        CHECK(item->font().strikeOut());
        CHECK(item->data(HistoryPane::StateRole).toString() == QStringLiteral("discarded"));
    }
    CHECK(pane->rowOf(c5) == list->count() - 2);
    CHECK(pane->markerRow() == list->count() - 1);

    // A discarded command cannot be gone back to: nothing changes, the pane says why.
    list->setCurrentRow(pane->rowOf(c4));
    CHECK_FALSE(pane->goButton()->isEnabled());
    doubleClickRow(pane, c4);
    CHECK(pane->message().contains(QStringLiteral("discarded")));
    CHECK(stateOf(p, c5) == QStringLiteral("done"));
    CHECK_FALSE(hasCode(p, QStringLiteral("Respite")));

    // The picture for the docs: the dock beside the document, one step undone.
    wb.pressCtrl(Qt::Key_Z);
    list->setCurrentItem(nullptr);
    const QString shot =
        qEnvironmentVariableIsSet("QUIRE_SCREENSHOT_DIR")
            ? QDir(qEnvironmentVariable("QUIRE_SCREENSHOT_DIR")).filePath(QStringLiteral("history.png"))
            : dir.path(QStringLiteral("history.png"));
    REQUIRE(Screenshots::save(wb.window, QStringLiteral("history"), shot).isEmpty());
    CHECK(QImage(shot).width() > 800);
}

TEST_CASE("history: going back stops at a format upgrade and the pane shows the core's refusal", "[history]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("old.quire"));
    {
        // A schema-5 file: opening it upgrades it, and undo cannot cross the upgrade.
        Database db(path, Database::OpenMode::ReadWriteCreate);
        SearchIndex::registerConnection(db.handle());
        Schema::createAtVersion(db, 5);
        db.exec(QString::fromUtf8("INSERT INTO coders(name, created) VALUES ('ana', 'now');"
                                  "INSERT INTO documents(name, text, length, sha256, format, encoding, imported_at) "
                                  "VALUES ('d.txt', 'We waited for the nurse', 23, 'x', 'plaintext', 'UTF-8', 'now');"
                                  "INSERT INTO commands(kind, summary, coder_id, created, state, changeset) "
                                  "VALUES ('import', 'Import d.txt', 1, '2026-01-02T10:00:00Z', 'done', x'00');"));
    }
    Workbench wb(path);
    Project &p = *wb.window.project();
    REQUIRE(wb.window.runCommand([&] { p.addCode(QStringLiteral("Waiting")); }));
    REQUIRE(wb.window.runCommand([&] { p.addCode(QStringLiteral("Nurses")); }));
    const auto log = p.history();
    REQUIRE(log.size() == 4);
    REQUIRE(log[1].kind == QStringLiteral("upgrade"));
    HistoryPane *pane = wb.window.historyPane();
    // The import before the upgrade is "done": going back to it is tried, step by step.
    QSignalSpy changed(&wb.window, &MainWindow::projectChanged);
    CHECK_FALSE(pane->goTo(log[0].id));
    CHECK(changed.count() == 1);
    // The two codes were undone, then undo refused at the upgrade with the core's reason.
    CHECK(stateOf(p, log[2].id) == QStringLiteral("undone"));
    CHECK(stateOf(p, log[3].id) == QStringLiteral("undone"));
    CHECK(stateOf(p, log[1].id) == QStringLiteral("done"));
    CHECK(p.codes().empty());
    CHECK(pane->message().contains(QStringLiteral("Stopped after 2 step(s)")));
    CHECK(pane->message().contains(QStringLiteral("old.quire: nothing more to undo: the project was upgraded")));
    CHECK(wb.window.lastError().contains(QStringLiteral("nothing more to undo")));
    CHECK(pane->markerRow() == pane->rowOf(log[1].id) + 1);
    // Ctrl+Z there says the same, not just "nothing to undo".
    wb.pressCtrl(Qt::Key_Z);
    CHECK(wb.window.lastError().contains(QStringLiteral("the project was upgraded")));
    // A later command clears the old note.
    REQUIRE(wb.window.runCommand([&] { p.addCode(QStringLiteral("Later")); }));
    CHECK(pane->message().isEmpty());
}
