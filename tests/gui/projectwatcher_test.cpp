// SPDX-License-Identifier: GPL-3.0-or-later
// The workbench notices what another program commits to the open project
// (here a second connection in this process, as quire-cli would be) and
// shows it without being asked, once, with a word in the status bar; its own
// commands and its own import worker are not taken for another program, and a
// memo being typed survives the refresh.
#include "guisupport.h"
#include "testsupport.h"

#include "projectwatcher.h"

#include <QDeadlineTimer>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStatusBar>

#include <functional>

using namespace Quire;
using namespace QuireTest;

namespace {
const QString ExternalMessage = QStringLiteral("Updated: changes made by another program");

/// Processes events until \a done is true or ten seconds have passed; says which.
bool waitFor(const std::function<bool()> &done)
{
    QDeadlineTimer deadline(10000);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(20);
    }
    return true;
}
} // namespace

TEST_CASE("The workbench shows changes another program commits, and not its own as theirs", "[gui][watcher]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    Workbench w(path);
    auto *watcher = w.window.findChild<ProjectWatcher *>();
    REQUIRE(watcher);
    watcher->setInterval(50); // the window's default is a second; a test need not wait that long
    QSignalSpy external(watcher, &ProjectWatcher::externalChange);

    // The window's own command: shown at once, never announced as external.
    Id own = 0;
    REQUIRE(w.window.runCommand([&] { own = w.window.project()->addCode(QStringLiteral("Own code")); }));
    CHECK(w.window.codeModel()->indexOfCode(own, 0).isValid());
    QTest::qWait(500); // ten looks
    CHECK(external.isEmpty());
    CHECK(w.window.statusBar()->currentMessage() != ExternalMessage);

    // Its own import runs on a worker with a connection of its own: still not external.
    const QString file = dir.writeFile(QStringLiteral("extra.txt"), QByteArray("P1: We waited.\nP2: So did we.\n"));
    REQUIRE(w.window.importFiles({file}));
    QTest::qWait(500);
    CHECK(external.isEmpty());
    CHECK(w.window.statusBar()->currentMessage() != ExternalMessage);

    // A memo being typed on the current segment when the other program writes.
    const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
    w.window.showDocument(fg1);
    const Id segment = w.window.project()->segments(fg1).front().id;
    w.window.selectSegment(segment);
    REQUIRE(w.window.currentSegment() == segment);
    w.window.memoEditor()->setFocus();
    QTest::keyClicks(w.window.memoEditor(), QStringLiteral("half a thought"));
    REQUIRE(w.window.memoEditor()->toPlainText() == QStringLiteral("half a thought"));

    // Another program adds a code through its own connection.
    Id added = 0;
    {
        auto other = Project::open(path);
        other->setCoder(QStringLiteral("cli"));
        added = other->addCode(QStringLiteral("Added elsewhere/Transport"));
    }
    CHECK_FALSE(w.window.codeModel()->indexOfCode(added, 0).isValid()); // not yet looked
    REQUIRE(waitFor([&] { return w.window.codeModel()->indexOfCode(added, 0).isValid(); }));
    CHECK(w.window.codeModel()->indexOfCode(added, 0).data().toString() == QStringLiteral("Transport"));
    CHECK(w.window.statusBar()->currentMessage() == ExternalMessage);
    // The draft is still there, unsaved, on the same segment.
    CHECK(w.window.currentSegment() == segment);
    CHECK(w.window.memoEditor()->toPlainText() == QStringLiteral("half a thought"));
    CHECK(w.window.memoEditor()->document()->isModified());
    CHECK(w.window.project()->segment(segment).memo.isEmpty());
    // One commit, one refresh.
    QTest::qWait(500);
    CHECK(external.size() == 1);

    // Undo by the other program (quire-cli undo) is seen too: the code goes away.
    {
        auto other = Project::open(path);
        other->undo();
    }
    REQUIRE(waitFor([&] { return !w.window.codeModel()->indexOfCode(added, 0).isValid(); }));
    CHECK(external.size() == 2);
}
