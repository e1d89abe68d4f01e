// SPDX-License-Identifier: GPL-3.0-or-later
// The workbench driven through its real widgets, offscreen: open a project
// built from corpora/sample, select text in the document view, code it, see
// the highlight and the count, undo and redo with the keyboard, export.
#include "guisupport.h"
#include "testsupport.h"

#include "codetreemodel.h"
#include "documentview.h"
#include "mainwindow.h"
#include "screenshots.h"

#include "formats/fileimport.h"
#include "formats/pluginmanager.h"
#include "model/project.h"
#include "text/textoffsets.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>
#include <QTreeWidget>

using namespace Quire;
using namespace QuireTest;

TEST_CASE("coding a selection after an emoji stores code points, highlights the UTF-16 range, undo and redo", "[gui]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
    const Id code = w.window.project()->resolveCode(TranslatingPath);
    w.window.showDocument(fg1);
    REQUIRE(w.window.documentView()->documentId() == fg1);

    // The view shows the stored text exactly.
    const QString stored = w.window.project()->documentText(fg1);
    REQUIRE(w.window.documentView()->toPlainText() == stored);

    // A span after the 🙂 (a surrogate pair): UTF-16 and code points differ by one there.
    const QString words = QStringLiteral("I look after my father-in-law");
    const int emoji = int(stored.indexOf(QStringLiteral("🙂")));
    REQUIRE(emoji > 0);
    const int from = int(stored.indexOf(words, emoji));
    REQUIRE(from > emoji);
    const int to = from + int(words.size());
    qsizetype surrogatePairsBefore = 0;
    for (int i = 0; i < from; ++i)
        surrogatePairsBefore += stored[i].isHighSurrogate() ? 1 : 0;
    REQUIRE(surrogatePairsBefore >= 1);
    const qsizetype expectedStart = from - surrogatePairsBefore;
    const qsizetype expectedEnd = expectedStart + words.size();

    w.window.selectCode(code);
    CHECK(w.window.codeTree()->currentIndex().data(CodeTreeModel::CodeIdRole).toLongLong() == code);
    const qsizetype countBefore = w.treeCount(code);
    CHECK(countBefore == 0);
    const int documentRowSegments = w.window.documentList()->currentItem()->text(2).toInt();

    w.selectUtf16(from, to);
    REQUIRE(w.window.codeAction()->isEnabled());
    w.window.codeAction()->trigger();
    INFO(w.window.lastError().toStdString());

    const auto segs = w.window.project()->segments(fg1, code);
    REQUIRE(segs.size() == 1);
    const Segment seg = segs.front();
    CHECK(seg.start == expectedStart);
    CHECK(seg.end == expectedEnd);
    CHECK(w.window.project()->documentRange(fg1, seg.start, seg.end) == words);

    // The highlight covers exactly the selected UTF-16 range.
    const auto highlights = w.highlightsOf(seg.id);
    REQUIRE(highlights.size() == 1);
    CHECK(highlights.front() == qMakePair(from, to));
    // On the screen (the selection is), it is one of the extra selections QPlainTextEdit paints.
    CHECK(w.paintedHighlightsOf(seg.id) == highlights);
    CHECK(w.treeCount(code) == countBefore + 1);
    CHECK(w.window.documentList()->currentItem()->text(2).toInt() == documentRowSegments + 1);
    CHECK(w.window.recentCodes().front() == code);
    CHECK(w.window.undoAction()->text().contains(QLatin1String("Undo")));
    CHECK(w.window.undoAction()->isEnabled());
    // The detail pane lists it with its code.
    bool listed = false;
    for (int i = 0; i < w.window.segmentList()->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = w.window.segmentList()->topLevelItem(i);
        listed = listed || (item->text(0) == words && item->text(1) == QLatin1String("Translating"));
    }
    CHECK(listed);

    // Ctrl+Z through the keyboard: the segment, the highlight and the count go.
    w.pressCtrl(Qt::Key_Z);
    CHECK(w.window.lastError().isEmpty());
    CHECK(w.window.project()->segments(fg1, code).empty());
    CHECK(w.highlightsOf(seg.id).isEmpty());
    CHECK(w.treeCount(code) == countBefore);
    CHECK(w.window.redoAction()->isEnabled());

    // Ctrl+Shift+Z brings it back at the same place.
    w.pressCtrl(Qt::Key_Z, Qt::ShiftModifier);
    const auto again = w.window.project()->segments(fg1, code);
    REQUIRE(again.size() == 1);
    CHECK(again.front().start == expectedStart);
    CHECK(again.front().end == expectedEnd);
    CHECK(w.treeCount(code) == countBefore + 1);
    REQUIRE(w.highlightsOf(again.front().id).size() == 1);
    CHECK(w.highlightsOf(again.front().id).front() == qMakePair(from, to));
}

TEST_CASE("recent codes: Ctrl+1 codes a selection with the last used code", "[gui]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    const Id fg2 = w.documentId(QStringLiteral("fg2-professionals.txt"));
    const Id code = w.window.project()->resolveCode(TranslatingPath);
    const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
    w.window.showDocument(fg1);
    w.window.selectCode(code);
    const QString fg1Text = w.window.project()->documentText(fg1);
    const int a = int(fg1Text.indexOf(QStringLiteral("translating")));
    REQUIRE(a > 0);
    w.selectUtf16(a, a + 11);
    REQUIRE(w.window.codeSelection());

    w.window.showDocument(fg2);
    const QString text = w.window.project()->documentText(fg2);
    w.selectUtf16(0, 10);
    w.pressCtrl(Qt::Key_1);
    const auto segs = w.window.project()->segments(fg2, code);
    REQUIRE(segs.size() == 1);
    CHECK(w.window.project()->documentRange(fg2, segs.front().start, segs.front().end) == text.left(10));
    CHECK(w.treeCount(code) == 2);
}

TEST_CASE("in-vivo coding makes a code named after the words, in one undoable command", "[gui]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
    w.window.showDocument(fg1);
    const QString stored = w.window.project()->documentText(fg1);
    const QString words = QStringLiteral("like falling off a cliff");
    const int from = int(stored.indexOf(words));
    REQUIRE(from > 0);
    const auto codesBefore = w.window.project()->codes().size();
    w.selectUtf16(from, from + int(words.size()));
    w.window.inVivoAction()->trigger();
    INFO(w.window.lastError().toStdString());
    const auto id = w.window.project()->tryResolveCode(words);
    REQUIRE(id);
    CHECK(w.window.currentCode() == *id);
    CHECK(w.treeCount(*id) == 1);
    const auto segs = w.window.project()->segments(fg1, *id);
    REQUIRE(segs.size() == 1);
    CHECK(w.window.project()->documentRange(fg1, segs.front().start, segs.front().end) == words);
    // One undo takes back both the segment and the new code.
    REQUIRE(w.window.undo());
    CHECK_FALSE(w.window.project()->tryResolveCode(words));
    CHECK(w.window.project()->codes().size() == codesBefore);
    CHECK_FALSE(w.window.codeModel()->indexOfCode(*id).isValid());
}

TEST_CASE("the code tree shows a multi-parent code under each parent with its count", "[gui]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    {
        auto p = Project::open(path);
        p->addCode(QStringLiteral("Being heard"));
        p->linkCode(TranslatingPath, QStringLiteral("Being heard"));
    }
    Workbench w(path);
    const Id code = w.window.project()->resolveCode(TranslatingPath);
    const QModelIndexList rows = w.window.codeModel()->indexesOfCode(code);
    REQUIRE(rows.size() == 2);
    QStringList paths;
    for (const QModelIndex &i : rows)
        paths << i.data(CodeTreeModel::PathRole).toString();
    paths.sort();
    CHECK(paths == QStringList{QStringLiteral("Being heard/Translating"), TranslatingPath});
    const Id noTime =
        w.window.project()->resolveCode(QStringLiteral("Sustaining the carer/Respite and breaks/No time for myself"));
    CHECK(w.treeCount(noTime) == 1);
    CHECK(w.window.codeModel()->indexOfCode(noTime).data(Qt::DecorationRole).value<QColor>() ==
          QColor(QStringLiteral("#e76f51")));
}

TEST_CASE("the detail pane edits a segment memo as an undoable command", "[gui]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
    w.window.showDocument(fg1);
    REQUIRE(w.window.segmentList()->topLevelItemCount() == 1);
    w.window.segmentList()->setCurrentItem(w.window.segmentList()->topLevelItem(0));
    const auto seg = w.window.currentSegment();
    REQUIRE(seg);
    // Selecting a segment selects its text in the document view.
    CHECK(w.window.documentView()->selectedStoredText() == QStringLiteral("I don't get a minute to myself"));
    REQUIRE(w.window.memoEditor()->isEnabled());
    w.window.memoEditor()->setPlainText(QStringLiteral("tiredness, said twice"));
    REQUIRE(w.window.setCurrentSegmentMemo(w.window.memoEditor()->toPlainText()));
    CHECK(w.window.project()->segment(*seg).memo == QStringLiteral("tiredness, said twice"));
    CHECK(w.window.segmentList()->topLevelItem(0)->text(2) == QStringLiteral("tiredness, said twice"));
    REQUIRE(w.window.undo());
    CHECK(w.window.project()->segment(*seg).memo.isEmpty());
}

TEST_CASE("speaker labels are bold in the document view", "[gui]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
    w.window.showDocument(fg1);
    const QString stored = w.window.project()->documentText(fg1);
    const int p4 = int(stored.indexOf(QStringLiteral("\nP4:"))) + 1;
    QTextCursor c(w.window.documentView()->document());
    // A cursor's format is that of the character before it.
    c.setPosition(p4 + 1);
    CHECK(c.charFormat().fontWeight() == QFont::Bold);
    c.setPosition(p4 + 3);
    CHECK(c.charFormat().fontWeight() == QFont::Bold);
    c.setPosition(p4 + 5);
    CHECK(c.charFormat().fontWeight() != QFont::Bold);
    // Formatting never changes the characters.
    CHECK(w.window.documentView()->toPlainText() == stored);
}

TEST_CASE("export writes the Markdown theme report with the coded quote", "[gui]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    const QString out = dir.path(QStringLiteral("themes.md"));
    REQUIRE(w.window.exportReport(out));
    const QString md = QString::fromUtf8(readFile(out));
    CHECK(md.contains(QStringLiteral("I don't get a minute to myself")));
    CHECK(md.contains(QStringLiteral("No time for myself")));
    const QString csv = dir.path(QStringLiteral("themes.csv"));
    REQUIRE(w.window.exportReport(csv));
    CHECK(QString::fromUtf8(readFile(csv)).contains(QStringLiteral("No time for myself")));
    // An unknown format is an error, not a file.
    CHECK_FALSE(w.window.exportReport(dir.path(QStringLiteral("themes.xyz"))));
    CHECK_FALSE(w.window.lastError().isEmpty());
}

TEST_CASE("importing through the window is one undoable command", "[gui]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("empty.quire"));
    MainWindow window;
    window.setErrorDialogs(false);
    window.setLayoutPersistence(false);
    REQUIRE(window.newProject(path));
    const QString a =
        dir.writeFile(QStringLiteral("a.txt"), QByteArray("P1: one 😀 two\nP2: three\nP1: four\nP2: five\n"));
    REQUIRE(window.importFiles({a}));
    REQUIRE(window.project()->documents().size() == 1);
    CHECK(window.documentList()->topLevelItemCount() == 1);
    CHECK(window.documentView()->toPlainText() ==
          window.project()->documentText(window.project()->documents().front().id));
    // A bad file: nothing imported, the error names it.
    CHECK_FALSE(window.importFiles({dir.path(QStringLiteral("missing.txt"))}));
    CHECK(window.lastError().contains(QLatin1String("missing.txt")));
    CHECK(window.project()->documents().size() == 1);
    REQUIRE(window.undo());
    CHECK(window.project()->documents().empty());
    CHECK(window.documentList()->topLevelItemCount() == 0);
    CHECK(window.documentView()->toPlainText().isEmpty());
}

TEST_CASE("screenshot mode renders every view to a PNG", "[gui]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    Screenshots::stage(w.window);
    for (const QString &view : Screenshots::viewNames()) {
        const QString file = dir.path(view + QStringLiteral(".png"));
        REQUIRE(Screenshots::save(w.window, view, file).isEmpty());
        const QImage image(file);
        REQUIRE_FALSE(image.isNull());
        CHECK(image.width() > 100);
        CHECK(image.height() > 100);
    }
    CHECK_FALSE(Screenshots::save(w.window, QStringLiteral("nope"), dir.path(QStringLiteral("x.png"))).isEmpty());
}
