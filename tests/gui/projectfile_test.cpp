// SPDX-License-Identifier: GPL-3.0-or-later
// The project file in the workbench (docs/reliability.md): File ▸ Save a
// copy and Restore from backup through the window's own actions, the
// background check after opening, a read-only project named in the title.
#include "guisupport.h"
#include "testsupport.h"

#include "projectfileactions.h"

#include "model/verify.h"
#include "storage/backups.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStatusBar>

using namespace Quire;
using namespace QuireTest;

namespace {

QAction *fileMenuAction(MainWindow &w, const QString &text)
{
    for (QAction *menu : w.menuBar()->actions()) {
        if (!menu->menu())
            continue;
        for (QAction *a : menu->menu()->actions())
            if (a->text().remove(QLatin1Char('&')) == text)
                return a;
    }
    return nullptr;
}

} // namespace

TEST_CASE("Workbench: save a copy, restore from a backup, and the background check", "[gui][reliability]")
{
    TempDir dir;
    EnvSetting interval("QUIRE_BACKUP_INTERVAL", "0");
    const QString path = buildSampleProject(dir);
    Workbench wb(path);
    ProjectFileActions *actions = wb.window.fileActions();
    REQUIRE(actions);
    REQUIRE(fileMenuAction(wb.window, QStringLiteral("Save a copy…")));
    REQUIRE(fileMenuAction(wb.window, QStringLiteral("Restore from backup…")));
    REQUIRE(fileMenuAction(wb.window, QStringLiteral("Check project file")));

    // The check (started by opening, or again here) reports an intact file.
    QSignalSpy spy(actions, &ProjectFileActions::checked);
    if (!actions->checking())
        actions->checkInBackground(path);
    REQUIRE(spy.wait(30000));
    CHECK(spy.last().at(0).toString() == path);
    CHECK(spy.last().at(1).toStringList().isEmpty());

    // A change made in the window is preceded by a backup of the state before it.
    const qsizetype codesBefore = qsizetype(wb.window.project()->codes().size());
    REQUIRE(wb.window.runCommand([&] { wb.window.project()->addCode(QStringLiteral("Added in the window")); }));
    const auto backups = Backups::list(path);
    REQUIRE(backups.size() == 1);
    // A moment later the log is in the project file: the .quire file alone is the project.
    QElapsedTimer waited;
    waited.start();
    while (QFileInfo(path + QStringLiteral("-wal")).size() > 0 && waited.elapsed() < 10000)
        QTest::qWait(50);
    CHECK(QFileInfo(path + QStringLiteral("-wal")).size() == 0);
    {
        // Read the file alone, as a copy of it would be read.
        const QString alone = dir.path(QStringLiteral("alone.quire"));
        REQUIRE(QFile::copy(path, alone));
        auto a = Project::open(alone);
        CHECK(a->tryResolveCode(QStringLiteral("Added in the window")).has_value());
    }

    const QString copy = dir.path(QStringLiteral("copy.quire"));
    CHECK(actions->saveCopy(copy).isEmpty());
    CHECK(verifyProject(copy).intact());
    {
        auto c = Project::open(copy);
        CHECK(c->codes().size() == std::size_t(codesBefore + 1));
    }
    CHECK_FALSE(actions->saveCopy(copy).isEmpty()); // exists: refused, not overwritten

    // Restore: the window closes the project, puts the backup in place and opens it again.
    CHECK(actions->restore().isEmpty());
    REQUIRE(wb.window.project());
    CHECK(wb.window.project()->codes().size() == std::size_t(codesBefore));
    CHECK_FALSE(wb.window.project()->tryResolveCode(QStringLiteral("Added in the window")).has_value());
    CHECK(Backups::list(path).size() == 2); // the state before the restore was kept
}

TEST_CASE("Workbench: a damaged project file is reported by the background check", "[gui][reliability]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    // Damage the page holding a letter's text, which opening does not read.
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadWrite));
        const qint64 at = f.readAll().indexOf("I wanted to write and say thank you properly");
        REQUIRE(at > 0);
        REQUIRE(f.seek(at));
        char c = 0;
        REQUIRE(f.getChar(&c));
        REQUIRE(f.seek(at));
        REQUIRE(f.putChar(char(c ^ 0x20)));
    }
    MainWindow window;
    window.setErrorDialogs(false);
    window.setLayoutPersistence(false);
    QSignalSpy spy(window.fileActions(), &ProjectFileActions::checked);
    if (!window.openProject(path)) {
        // Opening itself met the damaged page: said so, nothing shown.
        CHECK(window.statusBar()->currentMessage().contains(QLatin1String("damaged")));
        return;
    }
    REQUIRE(spy.wait(30000));
    const QStringList problems = spy.last().at(1).toStringList();
    REQUIRE_FALSE(problems.isEmpty());
    CHECK(window.statusBar()->currentMessage().contains(QLatin1String("damaged")));
    CHECK(window.statusBar()->currentMessage().contains(QLatin1String("Restore from backup")));
}
