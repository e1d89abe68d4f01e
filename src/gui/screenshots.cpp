// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenshots.h"

#include "analysis/agreementview.h"
#include "analysis/analysismenu.h"
#include "analysis/cooccurrenceview.h"
#include "casespanel.h"
#include "codetreeview.h"
#include "documentview.h"
#include "exportdialog.h"
#include "historypane.h"
#include "memomanager.h"
#include "projectsession.h"
#include "quotebasket.h"
#include "searchpane.h"
#include "welcomepage.h"
#include "workbenchshell.h"
#include "workshop/themeboard.h"
#include "workshop/workshopmenu.h"
#include "workshop/wtfcgraphview.h"
#include "workshop/wtfcgridview.h"

#include "error.h"
#include "formats/fileimport.h"
#include "formats/pluginmanager.h"
#include "model/project.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsView>
#include <QHash>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTreeView>

namespace Quire::Screenshots {

QStringList viewNames()
{
    return mainViews() << QStringLiteral("history") << QStringLiteral("dark") << QStringLiteral("rtl")
                       << QStringLiteral("memos") << QStringLiteral("code-menu") << QStringLiteral("export")
                       << QStringLiteral("cases") << QStringLiteral("welcome") << insightViews();
}

QStringList mainViews()
{
    return {QStringLiteral("main"),   QStringLiteral("document"), QStringLiteral("codes"),
            QStringLiteral("search"), QStringLiteral("board"),    QStringLiteral("quotes")};
}

QStringList insightViews()
{
    return {QStringLiteral("crosstab"),       QStringLiteral("agreement"),   QStringLiteral("frequencies"),
            QStringLiteral("cooccurrence"),   QStringLiteral("wtfc-themes"), QStringLiteral("wtfc-graph"),
            QStringLiteral("wtfc-solutions"), QStringLiteral("wtfc-grid"),   QStringLiteral("wtfc-actions"),
            QStringLiteral("wtfc-theme-grid")};
}

void stage(ScreenshotWindow &window)
{
    Project *p = window.session().project();
    if (!p)
        return;
    QHash<Id, int> counts;
    const auto segments = p->segments();
    for (const Segment &s : segments)
        ++counts[s.documentId];
    std::optional<Id> best;
    for (const Document &d : p->documents())
        if (!best || counts.value(d.id) > counts.value(*best))
            best = d.id;
    if (!best)
        return;
    window.shell().showDocument(*best);
    for (const Segment &s : segments) {
        if (s.documentId != *best)
            continue;
        if (!s.codes.empty())
            window.selectCode(s.codes.front());
        window.selectSegment(s.id);
        break;
    }
    // The segment list scrolled the view to the segment; a picture reads better from the top.
    window.mainWindow()->findChild<DocumentView *>()->moveCursor(QTextCursor::Start);
    window.mainWindow()->findChild<CodeTreeView *>()->scrollToTop();

    // The board shows the statements where most have been sorted: the parent
    // whose child codes hold most statement segments, and their commonest area.
    QHash<Id, QString> areaOf;
    for (const AttributeValue &v : p->attributeValues(AttributeScope::Document))
        if (v.name == QLatin1String("area"))
            areaOf.insert(v.ownerId, v.value);
    QHash<Id, bool> isStatement;
    for (const Document &d : p->documents())
        isStatement.insert(d.id, d.kind == QLatin1String("statement"));
    QHash<Id, int> byParent;
    QHash<QString, int> byArea;
    for (const Segment &s : segments) {
        if (!isStatement.value(s.documentId))
            continue;
        for (Id c : s.codes) {
            const Code code = p->code(c);
            if (!code.parents.empty())
                ++byParent[code.parents.front()];
        }
        ++byArea[areaOf.value(s.documentId)];
    }
    if (!byParent.isEmpty()) {
        Id parent = byParent.begin().key();
        for (auto it = byParent.begin(); it != byParent.end(); ++it)
            if (it.value() > byParent.value(parent))
                parent = it.key();
        QString area = byArea.begin().key();
        for (auto it = byArea.begin(); it != byArea.end(); ++it)
            if (it.value() > byArea.value(area))
                area = it.key();
        window.mainWindow()->findChild<ThemeBoard *>()->setThemeParent(parent);
        if (!area.isEmpty())
            window.mainWindow()->findChild<ThemeBoard *>()->setArea(area);
    }
}

QString makeRtlProject(const QString &folder)
{
    // Invented text (Hebrew, Arabic, and a mixed line), written for Quire:
    //   Facilitator: tell me about your week.
    //   Ruth: I look after my mother every day, and I have no time for myself at all 🙂
    //   Sara: help at home always comes late, and nobody calls me back.
    //   P3: I told the nurse in English "I need a break" – אני צריכה הפסקה – and she wrote it down.
    const QString text = QStringLiteral(
        "מנחה: ספרו לי על השבוע שלכם.\n"
        "רות: אני מטפלת באמא שלי כל יום, ואין לי זמן לעצמי בכלל 🙂 אבל אני לא מוותרת.\n"
        "سارة: المساعدة في البيت تأتي متأخرة دائماً، ولا أحد يتصل بي بعد ذلك.\n"
        "P3: I told the nurse in English \"I need a break\" – אני צריכה הפסקה – and she wrote it down.\n");
    const QString file = QDir(folder).filePath(QStringLiteral("rtl-carers.txt"));
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0)
        throw Error(QStringLiteral("%1: cannot write the right-to-left sample").arg(file));
    f.close();
    const QString path = QDir(folder).filePath(QStringLiteral("rtl.quire"));
    QFile::remove(path);
    auto p = Project::create(path);
    PluginManager plugins;
    plugins.loadStatic();
    p->importDocuments({readImportFile(plugins, file)});
    const Id doc = p->documents().front().id;
    const struct
    {
        const char *code;
        const char *color;
        QString quote;
    } spans[] = {
        {"Caring/No time for myself", "#e76f51", QStringLiteral("ואין לי זמן לעצמי בכלל")},
        {"Services/Not called back", "#2a9d8f", QStringLiteral("ولا أحد يتصل بي")},
        {"Caring/Needing a break", "#e9c46a", QStringLiteral("אני צריכה הפסקה")},
    };
    for (const auto &s : spans) {
        const Id code = p->addCode(QString::fromUtf8(s.code), QString::fromUtf8(s.color));
        const auto at = p->findQuote(doc, s.quote);
        if (at.size() != 1)
            throw Error(QStringLiteral("%1: the right-to-left sample lost its quote").arg(path));
        p->addSegment(doc, at.front(), at.front() + s.quote.size(), {code});
    }
    return path;
}

namespace {
/// A docked pane is narrow in the window; for its picture it floats at a readable size.
void floatAt(QWidget *dock, const QSize &size)
{
    if (auto *d = qobject_cast<QDockWidget *>(dock)) {
        d->setFloating(true);
        d->resize(size);
        d->show();
        QApplication::processEvents();
    }
}

/// The export dialog over the window on a 1366×768 screen, with the options
/// a study report typically takes: participants cited, only the starred quotes in the chosen order.
QPixmap exportDialogPicture(ScreenshotWindow &window)
{
    QMainWindow *main = window.mainWindow();
    const QSize before = main->size();
    main->resize(1366, 768);
    ExportDialog dialog(window.session(), main);
    dialog.citationBox()->setCurrentText(QStringLiteral("({case})"));
    dialog.orderBox()->setCurrentIndex(dialog.orderBox()->findData(int(QuoteOrder::Chosen)));
    dialog.starredOnlyBox()->setChecked(true);
    dialog.speakerLabelBox()->setChecked(true);
    dialog.templateBox()->setCurrentIndex(dialog.templateBox()->findData(QStringLiteral("quotes")));
    dialog.show();
    QApplication::processEvents();
    dialog.previewText();
    QApplication::processEvents();
    // The screen: the window (cut to the screen if it will not shrink so far), the dialog over it.
    QPixmap screen(1366, 768);
    screen.fill(Qt::black);
    const QPixmap shown = dialog.grab();
    QPainter painter(&screen);
    painter.drawPixmap(0, 0, main->grab());
    painter.fillRect(screen.rect(), QColor(0, 0, 0, 90));
    painter.drawPixmap((screen.width() - shown.width()) / 2, (screen.height() - shown.height()) / 2, shown);
    painter.end();
    dialog.close();
    main->resize(before);
    return screen;
}

QWidget *dockOf(QWidget *w)
{
    for (QWidget *p = w; p; p = p->parentWidget())
        if (auto *d = qobject_cast<QDockWidget *>(p))
            return d;
    return w;
}
} // namespace

QString save(ScreenshotWindow &window, const QString &view, const QString &file)
{
    QWidget *widget = nullptr;
    bool dark = false;
    if (view == QLatin1String("main") || view == QLatin1String("dark")) {
        widget = window.mainWindow();
        dark = view == QLatin1String("dark");
    } else if (view == QLatin1String("document") || view == QLatin1String("rtl")) {
        window.showCentralTab(0);
        widget = window.mainWindow()->findChild<DocumentView *>();
    } else if (view == QLatin1String("codes")) {
        window.mainWindow()->findChild<CodeTreeView *>()->expandAll();
        floatAt(dockOf(window.mainWindow()->findChild<CodeTreeView *>()), QSize(520, 700));
        window.mainWindow()->findChild<CodeTreeView *>()->scrollToTop();
        widget = window.mainWindow()->findChild<CodeTreeView *>();
    } else if (view == QLatin1String("search")) {
        // A query with hits in the sample corpus, the first hit opened.
        if (window.mainWindow()->findChild<SearchPane *>()->queryEdit()->text().isEmpty())
            window.mainWindow()->findChild<SearchPane *>()->setQuery(QStringLiteral("listen*"));
        if (!window.mainWindow()->findChild<SearchPane *>()->hits().empty())
            window.mainWindow()->findChild<SearchPane *>()->activateHit(0);
        widget = dockOf(window.mainWindow()->findChild<SearchPane *>());
    } else if (view == QLatin1String("board")) {
        window.showCentralTab(1);
        widget = window.mainWindow()->findChild<ThemeBoard *>();
    } else if (view == QLatin1String("history")) {
        // The whole window, the history dock raised beside the document.
        QWidget *dock = dockOf(window.mainWindow()->findChild<HistoryPane *>());
        dock->show();
        dock->raise();
        widget = window.mainWindow();
    } else if (view == QLatin1String("memos")) {
        // The whole window, the memo manager raised with its first memo chosen.
        auto *memos = window.mainWindow()->findChild<MemoManager *>();
        dockOf(memos)->show();
        dockOf(memos)->raise();
        memos->selectVisibleRow(0);
        widget = window.mainWindow();
    } else if (view == QLatin1String("code-menu")) {
        // The whole window with the code tree's menu open on the current code (drawn over it below).
        widget = window.mainWindow();
    } else if (view == QLatin1String("quotes")) {
        QWidget *dock = dockOf(window.mainWindow()->findChild<QuoteBasket *>());
        dock->raise();
        floatAt(dock, QSize(620, 820));
        window.mainWindow()->findChild<QuoteBasket *>()->selectRow(0);
        widget = dock;
    } else if (view == QLatin1String("cases")) {
        // The whole window at 1366×768, the cases table as a centre tab, the first attribute cell chosen.
        window.mainWindow()->resize(1366, 768);
        auto *cases = static_cast<CasesPanel *>(
            window.shell().openTab(QStringLiteral("casesPanel"), QObject::tr("Cases and attributes"),
                                   [&window] { return new CasesPanel(window.session()); }));
        cases->reload();
        if (cases->table()->rowCount() > 1)
            cases->table()->setCurrentCell(1, CasesPanel::NameColumn);
        widget = window.mainWindow();
    } else if (view == QLatin1String("welcome")) {
        // The whole window at 1366×768 as it is while no project is open.
        window.mainWindow()->resize(1366, 768);
        auto *welcome = window.mainWindow()->findChild<WelcomePage *>();
        if (auto *centre = qobject_cast<QStackedWidget *>(window.mainWindow()->centralWidget()); centre && welcome)
            centre->setCurrentWidget(welcome);
        welcome->reload();
        widget = window.mainWindow();
    } else if (view == QLatin1String("export")) {
        const QFileInfo info(file);
        if (!QDir().mkpath(info.absolutePath()))
            return QStringLiteral("%1: cannot create the folder").arg(info.absolutePath());
        if (!exportDialogPicture(window).save(file, "PNG"))
            return QStringLiteral("%1: cannot write the picture").arg(file);
        return QString();
    } else if (insightViews().contains(view)) {
        widget = view.startsWith(QLatin1String("wtfc-")) ? openWtfcView(window.session(), window.shell(), view)
                                                         : openAnalysisView(window.session(), window.shell(), view);
    } else {
        return QStringLiteral("--view %1: unknown view (use %2)").arg(view, viewNames().join(QStringLiteral(", ")));
    }
    const bool wasDark = window.darkPalette();
    if (dark)
        window.setDarkPalette(true);
    // The analysis and workshop views get the whole window: the docks step aside for the picture.
    QList<QDockWidget *> hidden;
    if (insightViews().contains(view) || view == QLatin1String("cases") || view == QLatin1String("welcome"))
        for (QDockWidget *d : window.mainWindow()->findChildren<QDockWidget *>())
            if (d->isVisible()) {
                d->hide();
                hidden << d;
            }
    if (view == QLatin1String("cases") || view == QLatin1String("welcome")) {
        QApplication::processEvents();
        window.mainWindow()->resize(1366, 768); // now that the docks are out of the way
    }
    // The graph and the action plan are pictured on a laptop screen, the whole window.
    const bool laptop = view == QLatin1String("wtfc-graph") || view == QLatin1String("wtfc-actions");
    const QSize windowSize = window.mainWindow()->size();
    if (laptop)
        window.mainWindow()->resize(1366, 768);
    widget->show();
    QApplication::processEvents();
    if (auto *grid = qobject_cast<WtfcGridView *>(widget))
        grid->fitBoard();
    if (auto *together = qobject_cast<CooccurrenceView *>(widget)) {
        together->setMode(Analysis::CooccurrenceMode::Turn); // codes a speaker voices together
        QApplication::processEvents();
        if (auto *graph = together->findChild<QGraphicsView *>(QStringLiteral("cooccurrenceGraph")))
            graph->fitInView(graph->sceneRect(), Qt::KeepAspectRatio);
    }
    if (auto *agreement = qobject_cast<AgreementView *>(widget);
        agreement && agreement->disagreementTable()->model()->rowCount() > 0)
        agreement->disagreementTable()->selectRow(0);
    if (auto *graph = qobject_cast<WtfcGraphView *>(widget)) {
        // The best-ranked cause selected, so the picture shows its reach.
        if (Project *p = window.session().project()) {
            const auto analysis = Wtfc::analyse(Wtfc::Workshop(*p).snapshot(), Wtfc::AnalysisOptions{false});
            if (!analysis.causes.empty())
                graph->selectNode(analysis.causes.front().cause);
        }
        graph->fitAll();
        QApplication::processEvents();
    }
    QPixmap pixmap = laptop ? window.mainWindow()->grab()
                     : insightViews().contains(view)
                         ? window.mainWindow()->findChild<QTabWidget *>(QStringLiteral("centralTabs"))->grab()
                         : widget->grab();
    if (laptop)
        window.mainWindow()->resize(windowSize);
    if (view == QLatin1String("code-menu")) {
        // A menu is a window of its own: opened as a right click opens it, grabbed, drawn where it shows.
        auto *tree = window.mainWindow()->findChild<CodeTreeView *>();
        const QModelIndex current = tree->currentIndex().isValid() ? tree->currentIndex() : tree->model()->index(0, 0);
        const QPoint at = tree->visualRect(current).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, tree->viewport()->mapToGlobal(at));
        QApplication::sendEvent(tree->viewport(), &event);
        QApplication::processEvents();
        if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
            QPainter painter(&pixmap);
            painter.drawPixmap(window.mainWindow()->mapFromGlobal(menu->pos()), menu->grab());
            painter.end();
            menu->close();
        }
    }
    for (QDockWidget *d : std::as_const(hidden))
        d->show();
    if (dark && !wasDark)
        window.setDarkPalette(false);
    if (auto *d = qobject_cast<QDockWidget *>(dockOf(widget)); d && d->isFloating())
        d->setFloating(false);
    if (view == QLatin1String("board"))
        window.showCentralTab(0);
    const QFileInfo info(file);
    if (!QDir().mkpath(info.absolutePath()))
        return QStringLiteral("%1: cannot create the folder").arg(info.absolutePath());
    if (!pixmap.save(file, "PNG"))
        return QStringLiteral("%1: cannot write the picture").arg(file);
    return QString();
}

} // namespace Quire::Screenshots
