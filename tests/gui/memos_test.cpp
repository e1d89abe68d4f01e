// SPDX-License-Identifier: GPL-3.0-or-later
// Memos and codes in the workbench, driven through the real widgets,
// offscreen: a memo typed and never saved survives switching document; the
// memo manager's project journal, document, code and segment memos, its
// filter, search, Go to and Delete; the code tree's and the document view's
// context menus (rename, delete, merge, colour, description, further parent)
// as one undo step each; the code properties panel; the in-vivo colour.
#include "guisupport.h"
#include "testsupport.h"

#include "codeactions.h"
#include "codeproperties.h"
#include "memoeditor.h"
#include "memomanager.h"
#include "screenshots.h"

#include <functional>
#include <QAction>
#include <QColorDialog>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDir>
#include <QDockWidget>
#include <QImage>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>

using namespace Quire;
using namespace QuireTest;

namespace {

const QString NoTimePath = QStringLiteral("Sustaining the carer/Respite and breaks/No time for myself");

bool waitFor(const std::function<bool()> &condition)
{
    for (int i = 0; i < 300 && !condition(); ++i)
        QTest::qWait(10);
    return condition();
}

/// Right-clicks the code tree's row of \a codeId and returns the menu that pops up.
QMenu *codeMenuFromTree(Workbench &w, Id codeId)
{
    const QModelIndex index = w.window.codeModel()->indexOfCode(codeId);
    REQUIRE(index.isValid());
    w.window.codeTree()->scrollTo(index);
    const QPoint at = w.window.codeTree()->visualRect(index).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, w.window.codeTree()->viewport()->mapToGlobal(at));
    QApplication::sendEvent(w.window.codeTree()->viewport(), &event);
    REQUIRE(event.isAccepted());
    auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    REQUIRE(menu);
    CHECK(menu->objectName() == QStringLiteral("codeMenu"));
    return menu;
}

QAction *actionNamed(QMenu *menu, const QString &name)
{
    for (QAction *a : menu->actions())
        if (a->objectName() == name)
            return a;
    FAIL("no action " << name.toStdString());
    return nullptr;
}

/// Clicks \a action in its open menu, as a user does, and lets the dialog it opens run.
void triggerInMenu(QMenu *menu, QAction *action)
{
    menu->setActiveAction(action);
    QTest::keyClick(menu, Qt::Key_Return);
    QApplication::processEvents();
}

qsizetype historySize(Project &p)
{
    return qsizetype(p.history().size());
}

} // namespace

TEST_CASE("a segment memo typed but not saved is kept on switching document", "[gui][memos]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    {
        Workbench w(path);
        const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
        w.window.showDocument(fg1);
        const Id segment = w.window.project()->segments(fg1).front().id;
        w.window.selectSegment(segment);
        REQUIRE(w.window.currentSegment() == segment);
        w.window.memoEditor()->setFocus();
        QTest::keyClicks(w.window.memoEditor(), QStringLiteral("tired, said twice"));
        CHECK(w.window.segmentMemo()->statusLabel()->text() == QStringLiteral("Unsaved changes"));
        // Another document chosen in the list, by a click: no Save pressed.
        QTreeWidgetItem *other = nullptr;
        for (int i = 0; i < w.window.documentList()->topLevelItemCount(); ++i)
            if (w.window.documentList()->topLevelItem(i)->text(0) != QStringLiteral("fg1-carers.txt"))
                other = w.window.documentList()->topLevelItem(i);
        REQUIRE(other);
        const Id otherId = other->data(0, Qt::UserRole + 1).toLongLong(); // the list is rebuilt by commands
        const QRect rect = w.window.documentList()->visualItemRect(other);
        QTest::mouseClick(w.window.documentList()->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
        REQUIRE(waitFor([&] { return !w.window.project()->segment(segment).memo.isEmpty(); }));
        CHECK(w.window.currentDocument() != fg1);
        CHECK(w.window.project()->segment(segment).memo == QStringLiteral("tired, said twice"));
        CHECK(w.window.segmentMemo()->statusLabel()->text().startsWith(QStringLiteral("Saved")));
        // One command: Undo takes it back.
        CHECK(w.window.project()->history().back().summary.contains(QStringLiteral("memo")));

        // Switching from the program (showDocument) writes a draft too.
        w.window.showDocument(fg1);
        w.window.selectSegment(segment);
        w.window.memoEditor()->setFocus();
        w.window.memoEditor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(w.window.memoEditor(), QStringLiteral(" (and a third time)"));
        w.window.showDocument(otherId);
        REQUIRE(waitFor([&] { return w.window.project()->segment(segment).memo.endsWith(QStringLiteral("time)")); }));
        // It is in the memo manager, as a segment memo.
        w.window.memoManager()->setKindFilter(QStringLiteral("segment"));
        CHECK(w.window.memoManager()->visibleCount() == 1);
    }
    // Reopened: the text is in the project file.
    auto reopened = Project::open(path);
    const Id fg1 = reopened->findDocument(QStringLiteral("fg1-carers.txt")).id;
    CHECK(reopened->segments(fg1).front().memo == QStringLiteral("tired, said twice (and a third time)"));
}

TEST_CASE("memos typed in the memo manager are written on switching, and a draft on closing", "[gui][memos]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    {
        Workbench w(path);
        MemoManager *memos = w.window.memoManager();
        const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
        // Edit ▸ Project journal.
        QAction *journal = nullptr;
        for (QAction *a : w.window.findChildren<QAction *>())
            if (a->text() == QStringLiteral("Project &journal"))
                journal = a;
        REQUIRE(journal);
        journal->trigger();
        CHECK(memos->heading()->text() == QStringLiteral("New project journal entry"));
        QTest::keyClicks(memos->memoEditor()->editor(), QStringLiteral("Day 1: coded the carers' group."));
        // The document's memo next: the journal entry is written.
        memos->editMemoOf(QStringLiteral("document"), fg1);
        REQUIRE(waitFor([&] { return w.window.project()->memos(QStringLiteral("project")).size() == 1; }));
        CHECK(w.window.project()->memos(QStringLiteral("project")).front().text ==
              QStringLiteral("Day 1: coded the carers' group."));
        QTest::keyClicks(memos->memoEditor()->editor(), QStringLiteral("Group of five carers, one interpreter."));
        // Closing the window writes what is still being typed.
        w.window.close();
    }
    auto reopened = Project::open(path);
    const Id fg1 = reopened->findDocument(QStringLiteral("fg1-carers.txt")).id;
    const auto docMemos = reopened->memos(QStringLiteral("document"), fg1);
    REQUIRE(docMemos.size() == 1);
    CHECK(docMemos.front().text == QStringLiteral("Group of five carers, one interpreter."));
}

TEST_CASE("the memo manager lists every kind of memo, filters, searches, goes to the target and deletes",
          "[gui][memos]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    Id fg1 = 0, code = 0, segment = 0;
    {
        auto p = Project::open(path);
        fg1 = p->findDocument(QStringLiteral("fg1-carers.txt")).id;
        code = p->resolveCode(NoTimePath);
        segment = p->segments(fg1).front().id;
        p->addMemo(QStringLiteral("project"), std::nullopt, QStringLiteral("Journal: started the respite theme"));
        p->addMemo(QStringLiteral("document"), fg1, QStringLiteral("Carers' group, recorded in March"));
        p->addMemo(QStringLiteral("code"), code, QStringLiteral("Use when a carer says there is no respite"));
        p->setSegmentMemo(segment, QStringLiteral("said with a laugh"));
    }
    Workbench w(path);
    MemoManager *memos = w.window.memoManager();
    REQUIRE(memos->rows().size() == 4);
    CHECK(memos->visibleCount() == 4);
    memos->kindFilter()->setCurrentIndex(memos->kindFilter()->findData(QStringLiteral("code")));
    CHECK(memos->visibleCount() == 1);
    memos->kindFilter()->setCurrentIndex(0);
    QTest::keyClicks(memos->searchEdit(), QStringLiteral("respite"));
    CHECK(memos->visibleCount() == 2); // the journal and the code memo
    memos->searchEdit()->clear();
    QTest::keyClicks(memos->searchEdit(), QStringLiteral("fg1-carers"));
    CHECK(memos->visibleCount() == 2); // on the document, and on its segment

    // Go to: the document memo opens the document, the segment memo its passage.
    const Id other = w.documentId(QStringLiteral("fg2-professionals.txt"));
    w.window.showDocument(other);
    memos->searchEdit()->clear();
    memos->setKindFilter(QStringLiteral("document"));
    memos->selectVisibleRow(0);
    QTest::mouseClick(memos->findChild<QPushButton *>(QStringLiteral("jumpToMemoTarget")), Qt::LeftButton);
    CHECK(w.window.currentDocument() == fg1);
    w.window.showDocument(other);
    memos->setKindFilter(QStringLiteral("segment"));
    memos->selectVisibleRow(0);
    REQUIRE(memos->jumpToTarget());
    CHECK(w.window.currentDocument() == fg1);
    CHECK(w.window.documentView()->selectedStoredText() == QStringLiteral("I don't get a minute to myself"));
    memos->setKindFilter(QStringLiteral("code"));
    memos->selectVisibleRow(0);
    w.window.selectCode(w.window.project()->resolveCode(TranslatingPath));
    REQUIRE(memos->jumpToTarget());
    CHECK(w.window.currentCode() == code);
    CHECK(memos->memoEditor()->editor()->toPlainText() == QStringLiteral("Use when a carer says there is no respite"));

    // Delete, then Undo brings it back.
    const qsizetype before = historySize(*w.window.project());
    QTest::mouseClick(memos->findChild<QPushButton *>(QStringLiteral("deleteMemo")), Qt::LeftButton);
    CHECK(w.window.project()->memos(QStringLiteral("code")).empty());
    CHECK(historySize(*w.window.project()) == before + 1);
    CHECK(memos->rows().size() == 3);
    REQUIRE(w.window.undo());
    CHECK(w.window.project()->memos(QStringLiteral("code")).size() == 1);
    CHECK(memos->rows().size() == 4);
}

TEST_CASE("renaming a code through its context menu, and undoing it", "[gui][codes]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    Project &p = *w.window.project();
    const Id translating = p.resolveCode(TranslatingPath);
    const qsizetype before = historySize(p);
    QMenu *menu = codeMenuFromTree(w, translating);
    answerNextDialog<QInputDialog>([](QInputDialog *d) {
        CHECK(d->objectName() == QStringLiteral("renameCodeDialog"));
        CHECK(d->textValue() == QStringLiteral("Translating"));
        d->setTextValue(QStringLiteral("Interpreting for family"));
        d->accept();
    });
    triggerInMenu(menu, actionNamed(menu, QStringLiteral("renameCode")));
    REQUIRE(waitFor([&] { return p.code(translating).name == QStringLiteral("Interpreting for family"); }));
    CHECK(historySize(p) == before + 1);
    CHECK(w.window.codeModel()->indexOfCode(translating).data().toString() ==
          QStringLiteral("Interpreting for family"));
    // Edit ▸ Undo, the window's own action.
    REQUIRE(w.window.undoAction()->isEnabled());
    w.window.undoAction()->trigger();
    CHECK(p.code(translating).name == QStringLiteral("Translating"));
    CHECK(w.window.codeModel()->indexOfCode(translating).data().toString() == QStringLiteral("Translating"));
}

TEST_CASE("deleting a code from its menu says what it takes and is one undo step", "[gui][codes]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    Project &p = *w.window.project();
    const Id noTime = p.resolveCode(NoTimePath);
    p.addMemo(QStringLiteral("code"), noTime, QStringLiteral("a definition"));
    w.window.refresh();
    const qsizetype segments = qsizetype(p.segments().size());
    QMenu *menu = codeMenuFromTree(w, noTime);
    QAction *remove = actionNamed(menu, QStringLiteral("deleteCode"));
    CHECK(remove->text().contains(QStringLiteral("1 segment")));
    QString asked;
    answerNextDialog<QMessageBox>([&](QMessageBox *box) {
        asked = box->text();
        box->button(QMessageBox::Yes)->click();
    });
    triggerInMenu(menu, remove);
    REQUIRE(waitFor([&] { return !p.tryResolveCode(NoTimePath); }));
    CHECK(asked.contains(QStringLiteral("1 coded segment")));
    CHECK(asked.contains(QStringLiteral("1 memo")));
    CHECK_FALSE(w.window.codeModel()->indexOfCode(noTime).isValid());
    REQUIRE(w.window.undo());
    CHECK(p.tryResolveCode(NoTimePath) == noTime);
    CHECK(p.segmentCount(noTime) == 1);
    CHECK(qsizetype(p.segments().size()) == segments);
    CHECK(p.memos(QStringLiteral("code"), noTime).size() == 1);
}

TEST_CASE("merging and recolouring a code from its menu", "[gui][codes]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    Project &p = *w.window.project();
    const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
    const Id noTime = p.resolveCode(NoTimePath);
    Id tired = 0;
    REQUIRE(w.window.runCommand([&] {
        tired = p.addCode(QStringLiteral("Sustaining the carer/Respite and breaks/Worn out"));
        p.addSegment(fg1, 0, 10, {tired});
    }));
    const qsizetype before = historySize(p);

    QMenu *menu = codeMenuFromTree(w, tired);
    answerNextDialog<QInputDialog>([](QInputDialog *d) {
        CHECK(d->objectName() == QStringLiteral("mergeCodeDialog"));
        CHECK(d->comboBoxItems().contains(NoTimePath));
        CHECK_FALSE(d->comboBoxItems().contains(QStringLiteral("Sustaining the carer/Respite and breaks/Worn out")));
        d->setTextValue(NoTimePath);
        d->accept();
    });
    triggerInMenu(menu, actionNamed(menu, QStringLiteral("mergeCode")));
    REQUIRE(
        waitFor([&] { return !p.tryResolveCode(QStringLiteral("Sustaining the carer/Respite and breaks/Worn out")); }));
    CHECK(p.segmentCount(noTime) == 2);
    CHECK(historySize(p) == before + 1);

    menu = codeMenuFromTree(w, noTime);
    answerNextDialog<QColorDialog>([](QColorDialog *d) {
        CHECK(d->objectName() == QStringLiteral("codeColourDialog"));
        d->setCurrentColor(QColor(QStringLiteral("#123456")));
        d->accept();
    });
    triggerInMenu(menu, actionNamed(menu, QStringLiteral("colourCode")));
    REQUIRE(waitFor([&] { return p.code(noTime).color == QStringLiteral("#123456"); }));
    CHECK(historySize(p) == before + 2);
    CHECK(w.window.codeModel()->indexOfCode(noTime).data(Qt::DecorationRole).value<QColor>() ==
          QColor(QStringLiteral("#123456")));
    REQUIRE(w.window.undo());
    CHECK(p.code(noTime).color == QStringLiteral("#e76f51"));
    REQUIRE(w.window.undo());
    CHECK(p.segmentCount(noTime) == 1);
    CHECK(p.tryResolveCode(QStringLiteral("Sustaining the carer/Respite and breaks/Worn out")) == tired);
}

TEST_CASE("the document view's menu on a coded passage describes the code and links a parent", "[gui][codes]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    Project &p = *w.window.project();
    const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
    const Id noTime = p.resolveCode(NoTimePath);
    w.window.showDocument(fg1);
    const Segment s = p.segments(fg1).front();
    DocumentView *view = w.window.documentView();
    const int middle = int(view->toUtf16(s.start) + view->toUtf16(s.end)) / 2;
    const QPoint at = view->caretRect(middle).center();
    auto openMenu = [&]() -> QMenu * {
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, view->viewport()->mapToGlobal(at));
        QApplication::sendEvent(view->viewport(), &event);
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        REQUIRE(menu);
        CHECK(menu->objectName() == QStringLiteral("documentMenu"));
        QMenu *sub = menu->findChild<QMenu *>(QStringLiteral("codeMenu"));
        REQUIRE(sub);
        CHECK(sub->title() == QStringLiteral("Code “No time for myself”"));
        return sub;
    };
    QMenu *sub = openMenu();
    answerNextDialog<QInputDialog>([](QInputDialog *d) {
        CHECK(d->objectName() == QStringLiteral("describeCodeDialog"));
        d->setTextValue(QStringLiteral("A carer says they have no time of their own."));
        d->accept();
    });
    actionNamed(sub, QStringLiteral("describeCode"))->trigger();
    REQUIRE(waitFor([&] { return !p.code(noTime).description.isEmpty(); }));
    CHECK(p.code(noTime).description == QStringLiteral("A carer says they have no time of their own."));
    if (QApplication::activePopupWidget())
        QApplication::activePopupWidget()->close();

    sub = openMenu();
    answerNextDialog<QInputDialog>([](QInputDialog *d) {
        CHECK(d->objectName() == QStringLiteral("linkCodeDialog"));
        d->setTextValue(QStringLiteral("Caring roles"));
        d->accept();
    });
    actionNamed(sub, QStringLiteral("linkCode"))->trigger();
    REQUIRE(waitFor([&] { return p.code(noTime).parents.size() == 2; }));
    CHECK(p.codePaths(noTime).contains(QStringLiteral("Caring roles/No time for myself")));
    CHECK(w.window.codeModel()->indexesOfCode(noTime).size() == 2);
    if (QApplication::activePopupWidget())
        QApplication::activePopupWidget()->close();
}

TEST_CASE("the code properties panel renames, describes and keeps the code memo", "[gui][codes]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    Project &p = *w.window.project();
    const Id noTime = p.resolveCode(NoTimePath);
    w.window.selectCode(noTime);
    CodePropertiesPanel *panel = w.window.codeProperties();
    panel->parentWidget()->show();
    panel->parentWidget()->raise();
    REQUIRE(panel->code() == noTime);
    CHECK(panel->countsLabel()->text() == QStringLiteral("1 segment(s)"));
    CHECK(panel->nameEdit()->text() == QStringLiteral("No time for myself"));
    panel->descriptionEdit()->setFocus();
    QTest::keyClicks(panel->descriptionEdit(), QStringLiteral("No time of one's own."));
    panel->memoEditor()->editor()->setFocus(); // leaving the description writes it
    REQUIRE(waitFor([&] { return p.code(noTime).description == QStringLiteral("No time of one's own."); }));
    CHECK(panel->descriptionStatus()->text().startsWith(QStringLiteral("Saved")));
    QTest::keyClicks(panel->memoEditor()->editor(), QStringLiteral("Close to 'Respite'."));
    panel->nameEdit()->setFocus();
    REQUIRE(waitFor([&] { return p.memos(QStringLiteral("code"), noTime).size() == 1; }));
    CHECK(panel->memoEditor()->statusLabel()->text().startsWith(QStringLiteral("Saved")));
    panel->nameEdit()->selectAll();
    QTest::keyClicks(panel->nameEdit(), QStringLiteral("No time for me"));
    QTest::keyClick(panel->nameEdit(), Qt::Key_Return);
    CHECK(p.code(noTime).name == QStringLiteral("No time for me"));
    REQUIRE(w.window.undo());
    CHECK(p.code(noTime).name == QStringLiteral("No time for myself"));
}

TEST_CASE("an in-vivo code gets a colour no other code shows", "[gui][codes]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    {
        // A code whose stored colour is the one the next new code would be given by its id.
        auto p = Project::open(path);
        Id maxId = 0;
        for (const Code &c : p->codes())
            maxId = std::max(maxId, c.id);
        Code next;
        next.id = maxId + 2; // the in-vivo code comes after the one added here
        p->addCode(QStringLiteral("Look-alike"), CodeTreeModel::colorFor(next).name());
    }
    Workbench w(path);
    const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
    w.window.showDocument(fg1);
    const QString text = w.window.project()->documentText(fg1);
    const int at = int(text.indexOf(QStringLiteral("minute")));
    REQUIRE(at > 0);
    w.selectUtf16(at, at + 6);
    REQUIRE(w.window.inVivoCode());
    const Id inVivo = *w.window.currentCode();
    const Code made = w.window.project()->code(inVivo);
    CHECK(made.name == QStringLiteral("minute"));
    const QColor colour = CodeTreeModel::colorFor(made);
    for (const Code &c : w.window.project()->codes()) {
        if (c.id == inVivo)
            continue;
        const int d = std::abs(CodeTreeModel::colorFor(c).hsvHue() - colour.hsvHue());
        INFO(c.name.toStdString() << " " << CodeTreeModel::colorFor(c).name().toStdString());
        CHECK(std::min(d, 360 - d) >= 15);
    }
}

TEST_CASE("the memo manager and the code menu pictured at 1366x768", "[gui][memos][codes]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    {
        auto p = Project::open(path);
        const Id fg1 = p->findDocument(QStringLiteral("fg1-carers.txt")).id;
        const Id noTime = p->resolveCode(NoTimePath);
        p->addMemo(QStringLiteral("project"), std::nullopt,
                   QStringLiteral("Day 1: first pass through the carers' group; respite comes up again and again."));
        p->addMemo(QStringLiteral("document"), fg1, QStringLiteral("Five carers, one interpreter; recorded in March."));
        p->addMemo(QStringLiteral("code"), noTime,
                   QStringLiteral("Use when a carer says there is no time of their own, not for breaks they did get."));
        p->setSegmentMemo(p->segments(fg1).front().id, QStringLiteral("said with a laugh, then silence"));
    }
    Workbench w(path);
    // The theme board's own minimum width (966 px, a matter of the layout work of issue 15) holds
    // the window at 1602 px; it is not shown in these pictures, so it steps aside for them.
    QTabWidget *tabs = w.window.centralTabs(); // (the centre is a stack: welcome page, tabs)
    tabs->widget(1)->setMinimumWidth(400);
    QApplication::processEvents(); // the new minimum reaches the window's layout
    w.window.resize(1366, 768);
    QApplication::processEvents();
    REQUIRE(w.window.size() == QSize(1366, 768));
    Screenshots::stage(w.window);
    const QString folder = qEnvironmentVariableIsSet("QUIRE_SCREENSHOT_DIR")
                               ? qEnvironmentVariable("QUIRE_SCREENSHOT_DIR")
                               : dir.path(QString());
    const QString memos = QDir(folder).filePath(QStringLiteral("memo-manager.png"));
    const QString menu = QDir(folder).filePath(QStringLiteral("code-menu.png"));
    const QString plain = dir.path(QStringLiteral("main.png"));
    REQUIRE(Screenshots::save(w.window, QStringLiteral("memos"), memos).isEmpty());
    CHECK(w.window.memoManager()->visibleRegion().boundingRect().width() > 300); // raised, not behind a tab
    REQUIRE(Screenshots::save(w.window, QStringLiteral("main"), plain).isEmpty());
    REQUIRE(Screenshots::save(w.window, QStringLiteral("code-menu"), menu).isEmpty());
    const QImage withMenu(menu), without(plain);
    REQUIRE(withMenu.size() == QSize(1366, 768));
    REQUIRE(without.size() == withMenu.size());
    // The menu is drawn over the window: a block of pixels differs from the plain picture.
    int differing = 0;
    for (int y = 0; y < withMenu.height(); ++y)
        for (int x = 0; x < withMenu.width(); ++x)
            differing += withMenu.pixel(x, y) != without.pixel(x, y) ? 1 : 0;
    CHECK(differing > 150 * 100);
    CHECK(QApplication::activePopupWidget() == nullptr); // and closed again
}
