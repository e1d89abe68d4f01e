// SPDX-License-Identifier: GPL-3.0-or-later
// Cases and attributes, getting started and Help in the workbench, driven
// through the real widgets, offscreen: a choice value chosen in the cases
// table and undone; a number the core refuses; true/false, counted and a
// linked document as one command each; the welcome page's recent projects
// and its sample project; the coder's name, asked once and recorded; the
// shortcuts listed from the window's real actions.
#include "guisupport.h"
#include "testsupport.h"

#include "casespanel.h"
#include "helpmenu.h"
#include "usersettings.h"
#include "welcomepage.h"

#include <functional>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>

using namespace Quire;
using namespace QuireTest;

namespace {

/// The workbench's settings in a folder of this test's own while it lives
/// (QUIRE_SETTINGS), then back to the test run's.
class OwnSettings
{
public:
    OwnSettings()
        : m_before(qgetenv("QUIRE_SETTINGS"))
        , m_coderBefore(qgetenv("QUIRE_CODER"))
    {
        qputenv("QUIRE_SETTINGS", m_dir.path(QStringLiteral("settings.ini")).toUtf8());
        qunsetenv("QUIRE_CODER");
    }
    ~OwnSettings()
    {
        qputenv("QUIRE_SETTINGS", m_before);
        if (m_coderBefore.isEmpty())
            qunsetenv("QUIRE_CODER");
        else
            qputenv("QUIRE_CODER", m_coderBefore);
    }
    const TempDir &dir() const { return m_dir; }

private:
    TempDir m_dir;
    QByteArray m_before;
    QByteArray m_coderBefore;
};

/// Lets a change made from an editor run and the table show it (both wait for the editor to close).
void settle()
{
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
}

CasesPanel *openCases(Workbench &w)
{
    CasesPanel *cases = w.window.showCases();
    REQUIRE(cases);
    REQUIRE(w.window.centralTabs()->currentWidget() == cases);
    settle();
    return cases;
}

Id firstCase(Workbench &w)
{
    const auto cases = w.window.project()->cases();
    REQUIRE(!cases.empty());
    return cases.front().id;
}

QModelIndex cell(CasesPanel *cases, Id owner, const QString &attribute)
{
    const int row = cases->rowOf(owner);
    const int column = cases->columnOf(attribute);
    REQUIRE(row >= 0);
    REQUIRE(column >= 0);
    return cases->table()->model()->index(row, column);
}

QStackedWidget *centre(MainWindow &window)
{
    auto *stack = qobject_cast<QStackedWidget *>(window.centralWidget());
    REQUIRE(stack);
    return stack;
}

} // namespace

TEST_CASE("Cases table: a choice chosen in its cell is one command and Undo takes it back", "[gui][cases]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    CasesPanel *cases = openCases(w);
    REQUIRE(cases->defineAttribute(AttributeScope::Case, QStringLiteral("role"), AttributeType::Choice,
                                   {QStringLiteral("carer"), QStringLiteral("professional")}));
    settle();
    const Id caseId = firstCase(w);
    const QModelIndex index = cell(cases, caseId, QStringLiteral("role"));
    const size_t before = w.window.project()->history().size();

    cases->table()->setCurrentIndex(index);
    cases->table()->edit(index);
    auto *box = qobject_cast<QComboBox *>(cases->table()->indexWidget(index));
    REQUIRE(box); // a choice is edited with a list of its values
    CHECK(box->count() == 3);
    QTest::keyClick(box, Qt::Key_Down); // the first value: chosen is done
    settle();

    CHECK(w.window.project()->attribute(AttributeScope::Case, caseId, QStringLiteral("role")) ==
          QStringLiteral("carer"));
    CHECK(w.window.project()->history().size() == before + 1);
    CHECK(cases->table()->model()->data(cell(cases, caseId, QStringLiteral("role"))).toString() ==
          QStringLiteral("carer"));

    REQUIRE(w.window.undo());
    settle();
    CHECK(w.window.project()->attribute(AttributeScope::Case, caseId, QStringLiteral("role")).isNull());
    CHECK(cases->table()->model()->data(cell(cases, caseId, QStringLiteral("role"))).toString().isEmpty());
}

TEST_CASE("Cases table: a number the core refuses is not stored and its message is shown", "[gui][cases]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    CasesPanel *cases = openCases(w);
    REQUIRE(cases->defineAttribute(AttributeScope::Case, QStringLiteral("age"), AttributeType::Number, {}));
    settle();
    const Id caseId = firstCase(w);
    const size_t before = w.window.project()->history().size();

    QModelIndex index = cell(cases, caseId, QStringLiteral("age"));
    cases->table()->setCurrentIndex(index);
    cases->table()->edit(index);
    auto *line = qobject_cast<QLineEdit *>(cases->table()->indexWidget(index));
    REQUIRE(line);
    QTest::keyClicks(line, QStringLiteral("forty"));
    QTest::keyClick(line, Qt::Key_Return);
    settle();

    CHECK(w.window.project()->attribute(AttributeScope::Case, caseId, QStringLiteral("age")).isNull());
    CHECK(w.window.project()->history().size() == before);
    const QString message = QStringLiteral("attribute \"age\" is a number; \"forty\" is not");
    CHECK(cases->messageLabel()->text() == message);
    CHECK(w.window.lastError() == message);
    CHECK(cases->table()->model()->data(cell(cases, caseId, QStringLiteral("age"))).toString().isEmpty());

    // A number is taken.
    index = cell(cases, caseId, QStringLiteral("age"));
    cases->table()->edit(index);
    line = qobject_cast<QLineEdit *>(cases->table()->indexWidget(index));
    REQUIRE(line);
    QTest::keyClicks(line, QStringLiteral("42"));
    QTest::keyClick(line, Qt::Key_Return);
    settle();
    CHECK(w.window.project()->attribute(AttributeScope::Case, caseId, QStringLiteral("age")) == QStringLiteral("42"));
    CHECK(w.window.project()->history().size() == before + 1);
}

TEST_CASE("Cases table: true/false, counted, a new case and a linked document are one command each", "[gui][cases]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    CasesPanel *cases = openCases(w);
    size_t steps = w.window.project()->history().size();

    REQUIRE(cases->addCase(QStringLiteral("Carer A"), QStringLiteral("participant")));
    settle();
    CHECK(w.window.project()->history().size() == ++steps);
    const Id carer = w.window.project()->findCase(QStringLiteral("Carer A")).id;
    REQUIRE(cases->rowOf(carer) >= 0);

    // The counted box ticked off through the table's item, as a click does.
    QTableWidgetItem *counted = cases->table()->item(cases->rowOf(carer), CasesPanel::CountedColumn);
    REQUIRE(counted);
    REQUIRE(counted->checkState() == Qt::Checked);
    counted->setCheckState(Qt::Unchecked);
    settle();
    CHECK_FALSE(w.window.project()->findCase(QStringLiteral("Carer A")).counted);
    CHECK(w.window.project()->history().size() == ++steps);

    REQUIRE(cases->defineAttribute(AttributeScope::Case, QStringLiteral("consented"), AttributeType::Boolean, {}));
    settle();
    CHECK(w.window.project()->history().size() == ++steps);
    const QModelIndex index = cell(cases, carer, QStringLiteral("consented"));
    QTableWidgetItem *consented = cases->table()->item(index.row(), index.column());
    REQUIRE(consented->flags() & Qt::ItemIsUserCheckable); // true/false is a box to tick
    consented->setCheckState(Qt::Checked);
    settle();
    CHECK(w.window.project()->attribute(AttributeScope::Case, carer, QStringLiteral("consented")) ==
          QStringLiteral("true"));
    CHECK(w.window.project()->history().size() == ++steps);

    const Id fg1 = w.documentId(QStringLiteral("fg1-carers.txt"));
    REQUIRE(cases->linkDocument(carer, fg1));
    settle();
    CHECK(w.window.project()->history().size() == ++steps);
    CHECK(cases->table()->item(cases->rowOf(carer), CasesPanel::LinksColumn)->text() ==
          QStringLiteral("fg1-carers.txt"));

    // Documents as rows: a date attribute is edited with a date editor.
    cases->showScope(AttributeScope::Document);
    REQUIRE(cases->defineAttribute(AttributeScope::Document, QStringLiteral("recorded"), AttributeType::Date, {}));
    settle();
    const QModelIndex date = cell(cases, fg1, QStringLiteral("recorded"));
    cases->table()->edit(date);
    REQUIRE(qobject_cast<QDateEdit *>(cases->table()->indexWidget(date)));
    CHECK(cases->table()->item(cases->rowOf(fg1), CasesPanel::LinksColumn)->text().contains(QStringLiteral("Carer A")));
}

TEST_CASE("Welcome page: shown without a project, lists a recent project and opens it", "[gui][welcome]")
{
    OwnSettings settings;
    TempDir dir;
    const QString path = buildSampleProject(dir);
    UserSettings::addRecentProject(path);

    MainWindow window;
    window.setErrorDialogs(false);
    window.setLayoutPersistence(false);
    window.resize(1366, 768);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.welcomePage());
    CHECK(centre(window)->currentWidget() == window.welcomePage());
    QListWidget *recent = window.welcomePage()->recentList();
    REQUIRE(recent->count() == 1);
    CHECK(recent->item(0)->toolTip() == QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()));

    recent->setFocus();
    recent->setCurrentRow(0);
    QTest::keyClick(recent, Qt::Key_Return);
    QApplication::processEvents();
    REQUIRE(window.project());
    CHECK(QFileInfo(window.project()->path()) == QFileInfo(path));
    CHECK(centre(window)->currentWidget() != window.welcomePage());

    // A project opened any other way goes first in the list.
    TempDir other;
    const QString second = other.path(QStringLiteral("second.quire"));
    REQUIRE(window.newProject(second));
    CHECK(UserSettings::recentProjects().value(0) == QFileInfo(second).absoluteFilePath());
    CHECK(UserSettings::recentProjects().size() == 2);
}

TEST_CASE("Welcome page: the sample project button opens the coded sample corpus", "[gui][welcome]")
{
    OwnSettings settings;
    MainWindow window;
    window.setErrorDialogs(false);
    window.setLayoutPersistence(false);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QTest::mouseClick(window.welcomePage()->sampleButton(), Qt::LeftButton);
    QApplication::processEvents();
    INFO(window.lastError().toStdString());
    REQUIRE(window.project());
    CHECK(QFileInfo(window.project()->path()).absolutePath() ==
          QFileInfo(settings.dir().path(QString())).absoluteFilePath());
    Project &p = *window.project();
    CHECK(p.documents().size() == 5);
    CHECK(p.segments().size() == 59); // every quote of corpora/sample/coding.tsv
    CHECK(p.findDocument(QStringLiteral("nar1-carer-story.txt")).kind == QStringLiteral("narrative"));
    CHECK(p.attribute(AttributeScope::Document, p.findDocument(QStringLiteral("fg2-professionals.txt")).id,
                      QStringLiteral("group")) == QStringLiteral("professional"));
    CHECK(p.tryFindCase(QStringLiteral("Narrative 2")).has_value());
    CHECK(centre(window)->currentWidget() != window.welcomePage());
}

TEST_CASE("Coder name: set from the Edit menu, shown, and recorded on the next command", "[gui][coder]")
{
    OwnSettings settings;
    TempDir dir;
    const QString path = buildSampleProject(dir);
    {
        Workbench w(path);
        REQUIRE(w.window.coderAction());
        answerNextDialog<QInputDialog>([](QInputDialog *d) {
            d->setTextValue(QStringLiteral("Dr A. Researcher"));
            d->accept();
        });
        w.window.coderAction()->trigger();
        CHECK(w.window.coderLabel()->text() == QStringLiteral("Coder: Dr A. Researcher"));
        REQUIRE(w.window.runCommand([&] { w.window.project()->addCode(QStringLiteral("Named by the coder")); }));
        const auto history = w.window.project()->history();
        REQUIRE(!history.empty());
        CHECK(history.back().coder == QStringLiteral("Dr A. Researcher"));
    }
    // Remembered: the next window records the same name.
    Workbench again(path);
    CHECK(again.window.coderLabel()->text() == QStringLiteral("Coder: Dr A. Researcher"));
    REQUIRE(again.window.runCommand([&] { again.window.project()->addCode(QStringLiteral("Second")); }));
    CHECK(again.window.project()->history().back().coder == QStringLiteral("Dr A. Researcher"));
}

TEST_CASE("Coder name: asked once, before the first change, when none was given", "[gui][coder]")
{
    OwnSettings settings;
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    w.window.setErrorDialogs(true);
    REQUIRE_FALSE(UserSettings::coderAsked());
    answerNextDialog<QInputDialog>([](QInputDialog *d) {
        d->setTextValue(QStringLiteral("Asked Once"));
        d->accept();
    });
    REQUIRE(w.window.runCommand([&] { w.window.project()->addCode(QStringLiteral("First change")); }));
    CHECK(w.window.project()->history().back().coder == QStringLiteral("Asked Once"));
    CHECK(UserSettings::coderAsked());
    CHECK(UserSettings::coderName() == QStringLiteral("Asked Once"));
    w.window.setErrorDialogs(false);
}

TEST_CASE("Help: the shortcuts list shows the keys of the window's real actions", "[gui][help]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    QMenu *help = w.window.menuBar()->findChild<QMenu *>(QStringLiteral("helpMenu"));
    REQUIRE(help);
    QAction *shortcuts = nullptr;
    for (QAction *a : help->actions())
        if (a->text() == QStringLiteral("&Keyboard shortcuts"))
            shortcuts = a;
    REQUIRE(shortcuts);
    shortcuts->trigger();
    auto *dialog = w.window.findChild<QDialog *>(QStringLiteral("help-shortcuts"));
    REQUIRE(dialog);
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("shortcutsTable"));
    REQUIRE(table);
    QHash<QString, QString> keys;
    QHash<QString, QString> menus;
    for (int r = 0; r < table->rowCount(); ++r) {
        keys[table->item(r, 1)->text()] = table->item(r, 2)->text();
        menus[table->item(r, 1)->text()] = table->item(r, 0)->text();
    }
    // Undo's text names the step it would undo ("Undo Add code …").
    const QString undo = w.window.undoAction()->text().remove(QLatin1Char('&'));
    CHECK(keys.value(undo) == w.window.undoAction()->shortcut().toString(QKeySequence::NativeText));
    CHECK(menus.value(undo) == QStringLiteral("Edit"));
    CHECK(keys.value(QStringLiteral("In-vivo code")) ==
          w.window.inVivoAction()->shortcut().toString(QKeySequence::NativeText));
    CHECK(keys.value(QStringLiteral("Cases and attributes")) ==
          QKeySequence(QStringLiteral("Ctrl+Shift+A")).toString(QKeySequence::NativeText));
    // A key given to an action later shows the next time the list opens.
    dialog->close();
    QApplication::processEvents();
    w.window.coderAction()->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+N")));
    showShortcuts(&w.window);
    table = w.window.findChild<QDialog *>(QStringLiteral("help-shortcuts"))->findChild<QTableWidget *>();
    REQUIRE(table);
    bool found = false;
    for (int r = 0; r < table->rowCount(); ++r)
        found = found || (table->item(r, 1)->text() == QStringLiteral("Coder name…") &&
                          table->item(r, 2)->text() ==
                              QKeySequence(QStringLiteral("Ctrl+Alt+N")).toString(QKeySequence::NativeText));
    CHECK(found);

    // The search language page is the bundled docs/search.md.
    QDialog *search = showHelpPage(&w.window, QStringLiteral("search"));
    auto *text = search->findChild<QTextBrowser *>(QStringLiteral("helpText"));
    REQUIRE(text);
    QFile source(QStringLiteral(QUIRE_SOURCE_DIR "/docs/search.md"));
    REQUIRE(source.open(QIODevice::ReadOnly));
    const QString firstHeading = QString::fromUtf8(source.readLine()).remove(QLatin1Char('#')).trimmed();
    CHECK(text->toPlainText().startsWith(firstHeading));

    // Help ▸ Quire guide (F1) is docs/gui.md.
    QAction *guide = nullptr;
    for (QAction *a : help->actions())
        if (a->shortcut() == QKeySequence(QKeySequence::HelpContents))
            guide = a;
    REQUIRE(guide);
    guide->trigger();
    auto *guidePage = w.window.findChild<QDialog *>(QStringLiteral("help-gui"));
    REQUIRE(guidePage);
    CHECK(guidePage->findChild<QTextBrowser *>()->toPlainText().startsWith(QStringLiteral("The workbench")));
}
