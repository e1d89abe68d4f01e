// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "projectfileactions.h"

#include "analysis/analysismenu.h"
#include "backgroundjob.h"
#include "casespanel.h"
#include "codeactions.h"
#include "codeproperties.h"
#include "codetreemodel.h"
#include "codetreeview.h"
#include "displaynames.h"
#include "docklayout.h"
#include "documentfilter.h"
#include "documentview.h"
#include "exchangedialog.h"
#include "exportdialog.h"
#include "helpmenu.h"
#include "historypane.h"
#include "jobs/projectjobs.h"
#include "memoeditor.h"
#include "memomanager.h"
#include "projectwatcher.h"
#include "quotebasket.h"
#include "sampleproject.h"
#include "searchpane.h"
#include "usersettings.h"
#include "welcomepage.h"
#include "workshop/themeboard.h"
#include "workshop/workshopmenu.h"

#include "error.h"
#include "formats/exchangeinterface.h"
#include "formats/pluginmanager.h"
#include "model/project.h"
#include "report/quotes.h"

#include <algorithm>
#include <cstdlib>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Quire {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
constexpr size_t MaxRecent = 9;

/// One line of a segment's text for lists: line breaks and tabs shown as spaces.
QString excerpt(const QString &text, qsizetype max = 90)
{
    QString s = text;
    s.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\t'), QLatin1Char(' '));
    return s.size() > max ? s.left(max - 1) + QChar(0x2026) : s;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(std::make_unique<ProjectSession>())
{
    m_watcher = new ProjectWatcher(this);
    connect(m_session.get(), &ProjectSession::jobStarted, this, &MainWindow::jobStarted);
    connect(m_session.get(), &ProjectSession::jobStarted, m_watcher, &ProjectWatcher::pauseWhile);
    connect(m_session.get(), &ProjectSession::failed, this, &MainWindow::reportError);
    connect(m_watcher, &ProjectWatcher::externalChange, this, &MainWindow::showExternalChange);
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Quire"));
    setAccessibleName(tr("Quire workbench"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks | QMainWindow::AllowTabbedDocks);

    m_view = new DocumentView(this);
    m_view->setObjectName(QStringLiteral("documentView"));
    connect(m_view, &DocumentView::segmentResizeRequested, this, &MainWindow::resizeSegment);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("centralTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_view, tr("Document"));
    m_board = new ThemeBoard(*m_session);
    m_tabs->addTab(m_board, tr("Theme board"));
    m_welcome = new WelcomePage;
    m_centre = new QStackedWidget;
    m_centre->addWidget(m_welcome);
    m_centre->addWidget(m_tabs);
    setCentralWidget(m_centre);

    buildDocks();
    buildActions();
    // The analysis and WTfC views open as centre tabs from their own menus (analysisviews.h, wtfcviews.h).
    addWorkshopMenu(menuBar(), *m_session, *this);
    addAnalysisMenu(menuBar(), *m_session, *this);
    buildStart();
    // The panes and views are connected by now: the window refreshes last.
    connect(m_session.get(), &ProjectSession::changed, this, &MainWindow::sessionChanged);
    statusBar()->showMessage(tr("Open a project (Ctrl+O) or create one (Ctrl+N)."));

    const auto settings = UserSettings::open();
    const QSettings &s = *settings;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    if (s.value(QStringLiteral("view/dark")).toBool())
        setDarkPalette(true);
    refresh();
}

MainWindow::~MainWindow()
{
    // Closing without closeEvent (the program ending): what is being typed is still written.
    m_errorDialogs = false;
    m_session->setBeforeChange(nullptr);
    // Not shown in place of the tabs while they are taken down (no focus moves, no late writes).
    delete m_welcome;
    m_welcome = nullptr;
    saveDrafts();
    // The panes that write when they lose focus go before the session they write to.
    delete m_codeProperties;
    delete m_memos;
    qDeleteAll(findChildren<CasesPanel *>());
}

void MainWindow::setLayoutPersistence(bool on)
{
    m_persistLayout = on;
    findChild<DockLayout *>()->setPersistence(on);
}

void MainWindow::saveDrafts()
{
    if (!project())
        return;
    m_codeProperties->saveDescription();
    for (MemoEditor *memo : findChildren<MemoEditor *>())
        memo->save();
    for (CasesPanel *cases : findChildren<CasesPanel *>())
        cases->commitEditing();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveDrafts();
    if (m_persistLayout) {
        const auto settings = UserSettings::open();
        QSettings &s = *settings;
        s.setValue(QStringLiteral("window/geometry"), saveGeometry());
        // The state the window starts with is the document view's (each view keeps its own, DockLayout).
        auto *docks = findChild<DockLayout *>();
        docks->save();
        const QByteArray coding = docks->stateOf(QStringLiteral("document"));
        s.setValue(QStringLiteral("window/state"), coding.isEmpty() ? saveState() : coding);
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::buildDocks()
{
    // Documents
    m_documentList = new QTreeWidget;
    m_documentList->setObjectName(QStringLiteral("documentList"));
    m_documentList->setAccessibleName(tr("Documents"));
    m_documentList->setColumnCount(3);
    m_documentList->setHeaderLabels({tr("Document"), tr("Kind"), tr("Segments")});
    m_documentList->setRootIsDecorated(false);
    m_documentList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_documentList->header()->setStretchLastSection(false);
    m_documentList->setTextElideMode(Qt::ElideMiddle);
    m_documentList->setItemDelegateForColumn(0, new DisplayNames::LabelDelegate(m_documentList));
    connect(m_documentList, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!m_refreshing && item)
            showDocument(item->data(0, IdRole).toLongLong());
    });
    m_documentFilter = new DocumentFilterBar;
    connect(m_documentFilter, &DocumentFilterBar::changed, this, [this] { refreshDocuments(); });
    auto *docPane = new QWidget;
    auto *docLayout = new QVBoxLayout(docPane);
    docLayout->setContentsMargins(2, 2, 2, 2);
    docLayout->setSpacing(2);
    docLayout->addWidget(m_documentFilter);
    docLayout->addWidget(m_documentList, 1);
    auto *docDock = new QDockWidget(tr("Documents"), this);
    docDock->setObjectName(QStringLiteral("documentsDock"));
    docDock->setWidget(docPane);
    addDockWidget(Qt::LeftDockWidgetArea, docDock);

    // Codes
    m_codeModel = new CodeTreeModel(this);
    m_codeTree = new CodeTreeView;
    m_codeTree->setObjectName(QStringLiteral("codeTree"));
    m_codeTree->setAccessibleName(tr("Code tree"));
    m_codeTree->setModel(m_codeModel);
    m_codeTree->setUniformRowHeights(true);
    m_codeTree->header()->setSectionResizeMode(CodeTreeModel::NameColumn, QHeaderView::Stretch);
    m_codeTree->header()->setStretchLastSection(false);
    m_codeTree->header()->setSectionResizeMode(CodeTreeModel::CountColumn, QHeaderView::ResizeToContents);
    m_codeTree->header()->setSectionResizeMode(CodeTreeModel::TotalColumn, QHeaderView::ResizeToContents);
    connect(m_codeTree, &CodeTreeView::codesDropped, this, &MainWindow::dropCodes);
    connect(m_codeTree, &CodeTreeView::textDropped, this, &MainWindow::dropText);
    connect(m_codeTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (m_refreshing)
                    return;
                if (current.isValid())
                    m_currentCode = current.data(CodeTreeModel::CodeIdRole).toLongLong();
                refreshActions();
            });
    // Double-clicking a code codes the current selection with it.
    connect(m_codeTree, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (m_view->textCursor().hasSelection())
            codeSelectionWith(index.data(CodeTreeModel::CodeIdRole).toLongLong());
    });
    auto *codeDock = new QDockWidget(tr("Codes"), this);
    codeDock->setObjectName(QStringLiteral("codesDock"));
    codeDock->setWidget(m_codeTree);
    addDockWidget(Qt::LeftDockWidgetArea, codeDock);
    splitDockWidget(docDock, codeDock, Qt::Vertical);

    // Detail: the document's segments and the selected one's memo
    auto *detail = new QWidget;
    auto *layout = new QVBoxLayout(detail);
    layout->setContentsMargins(4, 4, 4, 4);
    m_documentInfo = new QLabel;
    m_documentInfo->setObjectName(QStringLiteral("documentInfo"));
    m_documentInfo->setWordWrap(true);
    m_documentInfo->setTextFormat(Qt::PlainText);
    layout->addWidget(m_documentInfo);
    m_segmentList = new QTreeWidget;
    m_segmentList->setObjectName(QStringLiteral("segmentList"));
    m_segmentList->setAccessibleName(tr("Segments of the document"));
    m_segmentList->setHeaderLabels({tr("Text"), tr("Codes"), tr("Memo")});
    m_segmentList->setRootIsDecorated(false);
    m_segmentList->setWordWrap(true);
    m_segmentList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_segmentList->header()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_segmentList->header()->setSectionResizeMode(2, QHeaderView::Interactive);
    m_segmentList->header()->setStretchLastSection(false);
    m_segmentList->setColumnWidth(1, 130);
    m_segmentList->setColumnWidth(2, 70);
    connect(m_segmentList, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (m_refreshing)
            return;
        updateSegmentDetail();
        if (item && project()) {
            const Segment s = project()->segment(item->data(0, IdRole).toLongLong());
            m_view->selectRange(s.start, s.end);
        }
    });
    layout->addWidget(m_segmentList, 3);
    auto *memoLabel = new QLabel(tr("Segment memo"));
    layout->addWidget(memoLabel);
    m_segmentMemo = new MemoEditor(*m_session);
    m_memoEdit = m_segmentMemo->editor();
    m_memoEdit->setObjectName(QStringLiteral("segmentMemo"));
    m_memoEdit->setAccessibleName(tr("Segment memo"));
    memoLabel->setBuddy(m_memoEdit);
    layout->addWidget(m_segmentMemo, 1);
    auto *buttons = new QHBoxLayout;
    m_saveMemo = new QPushButton(tr("&Save memo"));
    m_saveMemo->setAccessibleName(tr("Save segment memo"));
    connect(m_saveMemo, &QPushButton::clicked, this, [this] { m_segmentMemo->save(); });
    m_removeSegment = new QPushButton(tr("&Remove segment"));
    m_removeSegment->setAccessibleName(tr("Remove segment"));
    connect(m_removeSegment, &QPushButton::clicked, this, [this] { removeCurrentSegment(); });
    m_starButton = new QPushButton(tr("S&tar as quote"));
    m_starButton->setAccessibleName(tr("Star the segment as an exemplar quote"));
    connect(m_starButton, &QPushButton::clicked, this, [this] { starCurrentSegment(); });
    buttons->addWidget(m_saveMemo);
    buttons->addWidget(m_removeSegment);
    buttons->addWidget(m_starButton);
    buttons->addStretch();
    layout->addLayout(buttons);
    auto *detailDock = new QDockWidget(tr("Details"), this);
    detailDock->setObjectName(QStringLiteral("detailDock"));
    detailDock->setWidget(detail);
    addDockWidget(Qt::RightDockWidgetArea, detailDock);

    m_quotes = new QuoteBasket(*m_session);
    auto *quoteDock = new QDockWidget(tr("Quote basket"), this);
    quoteDock->setObjectName(QStringLiteral("quoteDock"));
    quoteDock->setWidget(m_quotes);
    addDockWidget(Qt::RightDockWidgetArea, quoteDock);
    tabifyDockWidget(detailDock, quoteDock);
    detailDock->raise();

    m_search = new SearchPane(*m_session, *this);
    connect(this, &MainWindow::currentCodeChanged, m_search, &SearchPane::updateButton);
    auto *searchDock = new QDockWidget(tr("Search"), this);
    searchDock->setObjectName(QStringLiteral("searchDock"));
    searchDock->setWidget(m_search);
    addDockWidget(Qt::BottomDockWidgetArea, searchDock);
    // History: the command log kept open beside the details (Ctrl+H raises it).
    m_history = new HistoryPane(*m_session, *this);
    auto *historyDock = new QDockWidget(tr("History"), this);
    historyDock->setObjectName(QStringLiteral("historyDock"));
    historyDock->setWidget(m_history);
    addDockWidget(Qt::RightDockWidgetArea, historyDock);
    tabifyDockWidget(quoteDock, historyDock);
    detailDock->raise();

    // Memos of every kind, and the chosen code's properties, beside the details.
    m_codeActions = new CodeActions(*m_session, *this, this);
    m_memos = new MemoManager(*m_session, *this);
    auto *memoDock = new QDockWidget(tr("Memos"), this);
    memoDock->setObjectName(QStringLiteral("memoDock"));
    memoDock->setWidget(m_memos);
    addDockWidget(Qt::RightDockWidgetArea, memoDock);
    tabifyDockWidget(historyDock, memoDock);
    m_codeProperties = new CodePropertiesPanel(*m_session, *m_codeActions);
    auto *codeDock2 = new QDockWidget(tr("Code"), this);
    codeDock2->setObjectName(QStringLiteral("codePropertiesDock"));
    codeDock2->setWidget(m_codeProperties);
    addDockWidget(Qt::RightDockWidgetArea, codeDock2);
    tabifyDockWidget(memoDock, codeDock2);
    detailDock->raise();
    connect(m_memos, &MemoManager::codeRequested, this, &MainWindow::selectCode);
    connect(m_codeActions, &CodeActions::memoRequested, m_memos, &MemoManager::editMemoOf);
    connect(m_codeActions, &CodeActions::propertiesRequested, this, [this, codeDock2](Id codeId) {
        selectCode(codeId);
        codeDock2->show();
        codeDock2->raise();
    });
    connect(m_codeActions, &CodeActions::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(this, &MainWindow::currentCodeChanged, this, [this] { m_codeProperties->showCode(m_currentCode); });
    connect(m_codeTree, &CodeTreeView::codeMenuRequested, this,
            [this](const QString &path, const QPoint &at) { m_codeActions->popup(path, at, this); });
    connect(m_view, &DocumentView::codeMenuRequested, this, [this](QMenu *menu, const QList<Id> &codes) {
        menu->addSeparator();
        for (Id c : codes) {
            QMenu *sub = menu->addMenu(tr("Code “%1”").arg(project()->code(c).name));
            sub->setObjectName(QStringLiteral("codeMenu"));
            m_codeActions->addActions(sub, project()->codePath(c));
        }
    });
    m_documentList->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_documentList, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        QTreeWidgetItem *item = m_documentList->itemAt(at);
        if (!item || !project())
            return;
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addAction(tr("Document &memo…"), this, [this, id = item->data(0, IdRole).toLongLong()] {
            m_memos->editMemoOf(QStringLiteral("document"), id);
        });
        menu->popup(m_documentList->viewport()->mapToGlobal(at));
    });

    resizeDocks({docDock, detailDock}, {360, 400}, Qt::Horizontal);
    resizeDocks({searchDock}, {220}, Qt::Vertical);
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setAccessibleName(tr("Main toolbar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    QAction *newAct = file->addAction(tr("&New project…"), this, &MainWindow::chooseNewProject);
    newAct->setShortcut(QKeySequence::New);
    QAction *openAct = file->addAction(tr("&Open project…"), this, &MainWindow::chooseOpenProject);
    openAct->setShortcut(QKeySequence::Open);
    file->addSeparator();
    m_importAction = file->addAction(tr("&Import files…"), this, &MainWindow::chooseImportFiles);
    m_importAction->setShortcut(QKeySequence(tr("Ctrl+Shift+I")));
    m_exportAction = file->addAction(tr("&Export theme report…"), this, &MainWindow::chooseExport);
    m_exportAction->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    file->addSeparator();
    m_importExchangeAction =
        file->addAction(tr("Import &REFI-QDA project or codebook…"), this, &MainWindow::chooseImportExchange);
    m_importExchangeAction->setToolTip(
        tr("Import a REFI-QDA project (.qdpx, .qde) or codebook (.qdc) from NVivo, ATLAS.ti, MAXQDA, QualCoder …"));
    m_exportExchangeAction = file->addAction(tr("Export REFI-Q&DA…"), this, &MainWindow::chooseExportExchange);
    m_exportExchangeAction->setToolTip(tr("Export the project (.qdpx) or its codebook (.qdc) for other QDA tools"));
    file->addSeparator();
    m_fileActions = new ProjectFileActions(this, {[this] { return m_session->project(); },
                                                  [this] {
                                                      saveDrafts();
                                                      m_watcher->watch(nullptr);
                                                      m_session->close();
                                                      refresh();
                                                  },
                                                  [this](const QString &path) { return openProject(path); }});
    m_fileActions->addTo(file);
    connect(
        m_fileActions, &ProjectFileActions::checked, this, [this](const QString &path, const QStringList &problems) {
            const Project *project = m_session->project();
            if (!project || project->path() != path)
                return;
            if (problems.isEmpty())
                statusBar()->showMessage(tr("Checked %1: every page intact.").arg(project->fileName()), 5000);
            else
                reportError(
                    tr("%1 is damaged: %2 Use File ▸ Restore from backup…").arg(project->fileName(), problems.front()));
        });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = edit->addAction(tr("&Undo"), this, &MainWindow::undo);
    m_undoAction->setShortcut(QKeySequence(tr("Ctrl+Z")));
    m_redoAction = edit->addAction(tr("&Redo"), this, &MainWindow::redo);
    m_redoAction->setShortcut(QKeySequence(tr("Ctrl+Shift+Z")));
    edit->addSeparator();
    QAction *history = edit->addAction(tr("&History"), this, &MainWindow::showHistory);
    history->setShortcut(QKeySequence(tr("Ctrl+H")));
    edit->addSeparator();
    QAction *journal = edit->addAction(tr("Project &journal"), this, [this] {
        if (project())
            m_memos->editMemoOf(QStringLiteral("project"), std::nullopt);
    });
    journal->setShortcut(QKeySequence(tr("Ctrl+J")));
    edit->addAction(tr("Memo of the current &document"), this, [this] {
        if (project() && currentDocument())
            m_memos->editMemoOf(QStringLiteral("document"), *currentDocument());
    });

    QMenu *code = menuBar()->addMenu(tr("&Code"));
    m_codeAction = code->addAction(tr("&Code selection"), this, &MainWindow::codeSelection);
    m_codeAction->setShortcuts({QKeySequence(tr("Ctrl+Return")), QKeySequence(tr("Ctrl+Enter"))});
    m_codeAction->setToolTip(tr("Code the selected text with the code selected in the tree (Ctrl+Return)"));
    m_inVivoAction = code->addAction(tr("&In-vivo code"), this, &MainWindow::inVivoCode);
    m_inVivoAction->setShortcut(QKeySequence(tr("Ctrl+I")));
    m_inVivoAction->setToolTip(tr("Make the selected words a new code and code them with it (Ctrl+I)"));
    m_starAction = code->addAction(tr("&Star segment as quote"), this, &MainWindow::starCurrentSegment);
    m_starAction->setShortcut(QKeySequence(tr("Ctrl+D")));
    QAction *addCode = code->addAction(tr("&New code…"), this, &MainWindow::addCodeDialog);
    addCode->setShortcut(QKeySequence(tr("Ctrl+K")));
    m_recentMenu = code->addMenu(tr("&Recent codes"));
    for (int i = 0; i < int(MaxRecent); ++i) {
        auto *a = new QAction(this);
        a->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)));
        a->setVisible(false);
        connect(a, &QAction::triggered, this, [this, i] {
            if (size_t(i) < m_recent.size())
                codeSelectionWith(m_recent[size_t(i)]);
        });
        m_recentMenu->addAction(a);
        // Shortcuts of actions only in a submenu still need a widget that is shown.
        addAction(a);
        m_recentActions << a;
    }

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *d : findChildren<QDockWidget *>())
        view->addAction(d->toggleViewAction());
    // Each view in front keeps its own dock layout; analysis and workshop views start without docks.
    (new DockLayout(this, m_tabs))->addTo(view);
    view->addSeparator();
    QAction *docTab = view->addAction(tr("&Document view"), this, [this] { showCentralTab(0); });
    docTab->setShortcut(QKeySequence(tr("Ctrl+Shift+D")));
    QAction *boardTab = view->addAction(tr("Theme &board"), this, [this] { showCentralTab(1); });
    boardTab->setShortcut(QKeySequence(tr("Ctrl+B")));
    QAction *find = view->addAction(tr("&Search…"), this, [this] {
        for (QDockWidget *d : findChildren<QDockWidget *>())
            if (d->widget() == m_search) {
                d->show();
                d->raise();
            }
        m_search->queryEdit()->setFocus();
        m_search->queryEdit()->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    view->addSeparator();
    m_darkAction = view->addAction(tr("Dar&k palette"));
    m_darkAction->setCheckable(true);
    connect(m_darkAction, &QAction::toggled, this, [this](bool on) { setDarkPalette(on); });

    for (QAction *a : {openAct, m_importAction, m_exportAction})
        bar->addAction(a);
    bar->addSeparator();
    for (QAction *a : {m_undoAction, m_redoAction, history})
        bar->addAction(a);
    bar->addSeparator();
    for (QAction *a : {m_codeAction, m_inVivoAction})
        bar->addAction(a);
}

bool MainWindow::run(ProjectSession::Changes changes, const std::function<void()> &body)
{
    return m_session->run(body, changes).ok();
}

void MainWindow::sessionChanged()
{
    refresh();
    Q_EMIT projectChanged();
}

int MainWindow::stepHistory(int steps)
{
    if (!m_session->project() || steps == 0)
        return 0;
    const bool dialogs = m_errorDialogs;
    m_errorDialogs = false; // a refusal is shown once, after the busy cursor
    int taken = 0;
    {
        // Everything shown is refreshed once, when the hold ends.
        const ProjectSession::HoldChanges hold(*m_session);
        QApplication::setOverrideCursor(Qt::WaitCursor);
        while (taken < std::abs(steps) && (steps < 0 ? undo() : redo()))
            ++taken;
        QApplication::restoreOverrideCursor();
        m_errorDialogs = dialogs;
    }
    if (taken < std::abs(steps)) {
        const QString message = steps < 0 ? tr("Undid %n step(s), then: %1", nullptr, taken).arg(m_lastError)
                                          : tr("Redid %n step(s), then: %1", nullptr, taken).arg(m_lastError);
        statusBar()->showMessage(message, 10000);
        if (dialogs)
            QMessageBox::warning(this, tr("Quire"), message);
    } else {
        statusBar()->showMessage(
            steps < 0 ? tr("Undone %n command(s)", nullptr, taken) : tr("Redone %n command(s)", nullptr, taken), 5000);
    }
    return taken;
}

void MainWindow::reportError(const QString &message)
{
    m_lastError = message;
    statusBar()->showMessage(message, 10000);
    if (m_errorDialogs)
        QMessageBox::warning(this, tr("Quire"), message);
}

bool MainWindow::openProject(const QString &path)
{
    saveDrafts();
    if (const Outcome opened = m_session->open(path); !opened) {
        reportError(opened.error());
        return false;
    }
    Project *project = m_session->project();
    m_watcher->watch(project);
    UserSettings::addRecentProject(project->path());
    applyCoderName();
    m_recent.clear();
    m_currentCode.reset();
    m_view->showDocument(nullptr, std::nullopt);
    setWindowTitle(project->readOnly() ? tr("%1 (read-only) — Quire").arg(project->fileName())
                                       : tr("%1 — Quire").arg(project->fileName()));
    m_session->notify(ProjectSession::Everything);
    const auto docs = project->documents();
    if (!docs.empty())
        showDocument(docs.front().id);
    statusBar()->showMessage(
        project->readOnly()
            ? tr("Opened %1 read-only: its folder or disk cannot be written.").arg(QDir::toNativeSeparators(path))
            : tr("Opened %1").arg(QDir::toNativeSeparators(path)),
        5000);
    // What opening found (a log set aside), then a check of every page in the background.
    for (const QString &note : project->takeNotes())
        reportError(note);
    m_fileActions->checkInBackground(path);
    return true;
}

bool MainWindow::newProject(const QString &path)
{
    try {
        Project::create(path);
    } catch (const Error &e) {
        reportError(e.message());
        return false;
    }
    return openProject(path);
}

bool MainWindow::importFiles(const QStringList &paths)
{
    const ProjectJobs::ImportResult r = ProjectJobs(*m_session, this).importFiles(paths);
    if (r.done()) {
        statusBar()->showMessage(tr("Imported %n document(s).", nullptr, int(r.documents.size())), 5000);
        if (!r.documents.empty())
            showDocument(r.documents.front());
        return true;
    }
    if (r.outcome == BackgroundJob::Outcome::Cancelled) {
        m_lastError = r.message;
        statusBar()->showMessage(m_lastError, 5000);
    } else {
        reportError(r.message);
    }
    refresh();
    return false;
}

bool MainWindow::exportReport(const QString &path, const QString &format)
{
    const ProjectJobs::Result r = ProjectJobs(*m_session, this).exportReport(path, format);
    if (r.done()) {
        statusBar()->showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(path)), 5000);
        return true;
    }
    if (r.outcome == BackgroundJob::Outcome::Cancelled) {
        m_lastError = r.message;
        statusBar()->showMessage(m_lastError, 5000);
    } else {
        reportError(r.message);
    }
    return false;
}

bool MainWindow::importExchange(const QString &path)
{
    const ProjectJobs::ExchangeResult r = ProjectJobs(*m_session, this).importExchange(path);
    if (r.done()) {
        if (r.firstNewDocument)
            showDocument(*r.firstNewDocument);
        statusBar()->showMessage(
            r.report.unmapped.isEmpty()
                ? r.headline
                : tr("%1; %n kind(s) of content not mapped (see the report)", nullptr, int(r.report.unmapped.size()))
                      .arg(r.headline),
            10000);
        showExchangeReport(r.headline, r.report);
        return true;
    }
    if (r.outcome == BackgroundJob::Outcome::Cancelled) {
        m_lastError = r.message;
        statusBar()->showMessage(m_lastError, 5000);
    } else {
        reportError(r.message);
    }
    refresh();
    return false;
}

bool MainWindow::exportExchange(const QString &path, const QString &format)
{
    const ProjectJobs::ExchangeResult r = ProjectJobs(*m_session, this).exportExchange(path, format);
    if (r.done()) {
        statusBar()->showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(path)), 10000);
        showExchangeReport(r.headline, r.report);
        return true;
    }
    if (r.outcome == BackgroundJob::Outcome::Cancelled) {
        m_lastError = r.message;
        statusBar()->showMessage(m_lastError, 5000);
    } else {
        reportError(r.message);
    }
    return false;
}

void MainWindow::showExchangeReport(const QString &headline, const ExchangeReport &report)
{
    if (!m_exchangeDialog)
        m_exchangeDialog = new ExchangeReportDialog(this);
    m_exchangeDialog->setReport(headline, report);
    m_exchangeDialog->show();
    m_exchangeDialog->raise();
}

bool MainWindow::starCurrentSegment()
{
    const auto seg = currentSegment();
    if (!project() || !seg) {
        reportError(tr("Choose a segment (in the details pane) to star it."));
        return false;
    }
    const bool ok = m_quotes->star(*seg);
    if (!ok && !m_quotes->errorLabel()->text().isEmpty())
        reportError(m_quotes->errorLabel()->text());
    if (ok) {
        const Segment s = project()->segment(*seg);
        statusBar()->showMessage(
            tr("★ Starred as quote %1 in the quote basket: “%2”.")
                .arg(m_quotes->order().size())
                .arg(DisplayNames::firstWords(project()->documentRange(s.documentId, s.start, s.end))),
            8000);
    }
    selectSegment(*seg);
    return ok;
}

bool MainWindow::dropCodes(const QStringList &paths, const QString &targetPath, bool merge)
{
    if (!project())
        return false;
    QStringList moving;
    for (const QString &p : paths) {
        // A code dropped on itself or under its own subtree is no change here;
        // the core refuses cycles anyway.
        if (p == targetPath || (!targetPath.isEmpty() && targetPath.startsWith(p + QLatin1Char('/'))))
            continue;
        moving << p;
    }
    if (moving.isEmpty())
        return false;
    if (merge) {
        if (m_errorDialogs &&
            QMessageBox::question(this, tr("Merge codes"),
                                  tr("Merge %1 into %2? Their segments, sub-codes and memos move to %2 and the merged "
                                     "code(s) are deleted. Undo (Ctrl+Z) takes it back.")
                                      .arg(moving.join(QStringLiteral(", ")), targetPath)) != QMessageBox::Yes)
            return false;
        return run(ProjectSession::Codes | ProjectSession::Segments, [&] {
            project()->batch(QStringLiteral("code.merge"),
                             QStringLiteral("Merge %1 into %2").arg(moving.join(QStringLiteral(", ")), targetPath),
                             [&] {
                                 for (const QString &p : moving)
                                     project()->mergeCode(p, targetPath);
                             });
        });
    }
    return run(ProjectSession::Codes | ProjectSession::Segments, [&] {
        project()->batch(
            QStringLiteral("code.move"),
            QStringLiteral("Move %1 to %2")
                .arg(moving.join(QStringLiteral(", ")), targetPath.isEmpty() ? tr("the top level") : targetPath),
            [&] {
                for (const QString &p : moving)
                    project()->moveCode(p, targetPath);
            });
    });
}

bool MainWindow::resizeSegment(Id segmentId, qsizetype start, qsizetype end)
{
    const bool ok = run(ProjectSession::Segments, [&] { project()->resizeSegment(segmentId, start, end); });
    if (ok)
        selectSegment(segmentId);
    return ok;
}

namespace {
QPalette makeDarkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6), disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x44, 0x46, 0x4b));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Light, QColor(0x50, 0x52, 0x57));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}
} // namespace

void MainWindow::setDarkPalette(bool on)
{
    if (m_darkAction && m_darkAction->isChecked() != on) {
        // The action's toggled signal calls back here.
        m_darkAction->setChecked(on);
        return;
    }
    // Fusion follows the palette fully; native styles may ignore a dark one.
    if (on)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(on ? makeDarkPalette() : QApplication::style()->standardPalette());
    setProperty("darkPalette", on);
    if (m_persistLayout)
        UserSettings::open()->setValue(QStringLiteral("view/dark"), on);
    m_view->viewport()->update();
}

bool MainWindow::darkPalette() const
{
    return property("darkPalette").toBool();
}

void MainWindow::showCentralTab(int index)
{
    m_tabs->setCurrentIndex(index);
    if (index == 1)
        m_board->reload();
}

void MainWindow::showDocument(std::optional<Id> documentId)
{
    if (!project())
        documentId.reset();
    try {
        m_view->showDocument(project(), documentId);
    } catch (const Error &e) {
        reportError(e.message());
        m_view->showDocument(nullptr, std::nullopt);
    }
    m_refreshing = true;
    for (int i = 0; i < m_documentList->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_documentList->topLevelItem(i);
        if (documentId && item->data(0, IdRole).toLongLong() == *documentId)
            m_documentList->setCurrentItem(item);
    }
    m_refreshing = false;
    refreshSegments();
}

void MainWindow::showPassage(Id documentId, qsizetype start, qsizetype end)
{
    if (currentDocument() != documentId)
        showDocument(documentId);
    m_view->selectRange(start, end);
}

QWidget *MainWindow::openTab(const QString &objectName, const QString &title, const std::function<QWidget *()> &make)
{
    for (int i = 0; i < m_tabs->count(); ++i)
        if (m_tabs->widget(i)->objectName() == objectName) {
            m_tabs->setCurrentIndex(i);
            return m_tabs->widget(i);
        }
    QWidget *w = make();
    w->setObjectName(objectName);
    m_tabs->setCurrentIndex(m_tabs->addTab(w, title));
    return w;
}

std::optional<Id> MainWindow::currentDocument() const
{
    return m_view->documentId();
}

void MainWindow::selectCode(Id codeId)
{
    const QModelIndex index = m_codeModel->indexOfCode(codeId);
    if (!index.isValid())
        return;
    m_codeTree->scrollTo(index);
    m_codeTree->selectionModel()->setCurrentIndex(index,
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_currentCode = codeId;
    refreshActions();
}

std::optional<Id> MainWindow::currentCode() const
{
    return m_currentCode;
}

std::optional<Id> MainWindow::currentSegment() const
{
    const QTreeWidgetItem *item = m_segmentList->currentItem();
    if (!item)
        return std::nullopt;
    return item->data(0, IdRole).toLongLong();
}

void MainWindow::selectSegment(Id segmentId)
{
    for (int i = 0; i < m_segmentList->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_segmentList->topLevelItem(i);
        if (item->data(0, IdRole).toLongLong() == segmentId)
            m_segmentList->setCurrentItem(item);
    }
}

void MainWindow::rememberCode(Id codeId)
{
    std::erase(m_recent, codeId);
    m_recent.push_front(codeId);
    if (m_recent.size() > MaxRecent)
        m_recent.pop_back();
}

bool MainWindow::codeSelection()
{
    if (!m_currentCode) {
        reportError(tr("Choose a code in the code tree first."));
        return false;
    }
    return codeSelectionWith(*m_currentCode);
}

bool MainWindow::codeSelectionWith(Id codeId)
{
    const auto doc = m_view->documentId();
    if (!project() || !doc) {
        reportError(tr("Open a document and select the text to code."));
        return false;
    }
    std::optional<std::pair<qsizetype, qsizetype>> range;
    try {
        range = m_view->selectedRange();
    } catch (const Error &e) {
        reportError(e.message());
        return false;
    }
    if (!range || range->first == range->second) {
        reportError(tr("First select the text to code."));
        return false;
    }
    Id segment = 0;
    const bool ok = run(ProjectSession::Codes | ProjectSession::Segments,
                        [&] { segment = project()->addSegment(*doc, range->first, range->second, {codeId}); });
    if (ok) {
        rememberCode(codeId);
        refreshActions();
        selectSegment(segment);
    }
    return ok;
}

bool MainWindow::inVivoCode()
{
    const auto doc = m_view->documentId();
    if (!project() || !doc) {
        reportError(tr("Open a document and select the words to code."));
        return false;
    }
    std::optional<std::pair<qsizetype, qsizetype>> range;
    QString words;
    try {
        range = m_view->selectedRange();
        words = m_view->selectedStoredText();
    } catch (const Error &e) {
        reportError(e.message());
        return false;
    }
    if (!range) {
        reportError(tr("First select the words to use as a code."));
        return false;
    }
    return inVivoRange(*doc, range->first, range->second, words);
}

bool MainWindow::inVivoRange(Id documentId, qsizetype start, qsizetype end, const QString &words)
{
    // The code is named after the words; the segment keeps the exact text.
    QString name = words.simplified();
    // "/" separates the levels of a code path; a name cannot contain it.
    name.replace(QLatin1Char('/'), QChar(0x2215));
    if (name.isEmpty()) {
        reportError(tr("First select the words to use as a code."));
        return false;
    }
    if (name.size() > 80)
        name = name.left(79) + QChar(0x2026);
    Id codeId = 0, segment = 0;
    const bool ok = run(ProjectSession::Codes | ProjectSession::Segments, [&] {
        project()->batch(QStringLiteral("code.in-vivo"), QStringLiteral("In-vivo code \"%1\"").arg(name), [&] {
            // A colour no other code shows, so the new code stands out from the rest.
            codeId = project()->addCode(name, CodeActions::unusedColor(*project()));
            segment = project()->addSegment(documentId, start, end, {codeId});
        });
    });
    if (ok) {
        rememberCode(codeId);
        selectCode(codeId);
        selectSegment(segment);
    }
    return ok;
}

bool MainWindow::dropText(const TextRange &range, Id codeId)
{
    if (!project())
        return false;
    // A drag from another window may carry another project's range: it must
    // hold the same text here, or nothing is coded.
    QString stored;
    try {
        stored = project()->documentRange(range.documentId, range.start, range.end);
    } catch (const Error &e) {
        reportError(tr("The dropped text is not in this project: %1").arg(e.message()));
        return false;
    }
    if (stored != range.text) {
        reportError(tr("The dropped text is not in this project: %1 has other text at %2:%3.")
                        .arg(project()->document(range.documentId).name)
                        .arg(range.start)
                        .arg(range.end));
        return false;
    }
    if (!codeId)
        return inVivoRange(range.documentId, range.start, range.end, range.text);
    // The same span is one segment per coder; the core refuses a code it already has.
    for (const Segment &s : project()->segments(range.documentId, codeId)) {
        if (s.start == range.start && s.end == range.end && s.coder == project()->coder()) {
            statusBar()->showMessage(tr("Already coded with %1; nothing changed.").arg(project()->codePath(codeId)),
                                     10000);
            selectSegment(s.id);
            return false;
        }
    }
    Id segment = 0;
    const bool ok = run(ProjectSession::Codes | ProjectSession::Segments,
                        [&] { segment = project()->addSegment(range.documentId, range.start, range.end, {codeId}); });
    if (ok) {
        rememberCode(codeId);
        refreshActions();
        selectSegment(segment);
        statusBar()->showMessage(tr("Coded with %1.").arg(project()->codePath(codeId)), 5000);
    }
    return ok;
}

bool MainWindow::setCurrentSegmentMemo(const QString &memo)
{
    const auto seg = currentSegment();
    if (!seg) {
        reportError(tr("Choose a segment first."));
        return false;
    }
    const bool ok =
        run(ProjectSession::Segments | ProjectSession::Memos, [&] { project()->setSegmentMemo(*seg, memo); });
    selectSegment(*seg);
    return ok;
}

bool MainWindow::removeCurrentSegment()
{
    const auto seg = currentSegment();
    if (!seg) {
        reportError(tr("Choose a segment first."));
        return false;
    }
    return run(ProjectSession::Segments | ProjectSession::Codes, [&] { project()->removeSegment(*seg); });
}

bool MainWindow::undo()
{
    QString summary;
    const bool ok = m_session->undo(&summary).ok();
    if (ok)
        statusBar()->showMessage(tr("Undone: %1").arg(summary), 5000);
    return ok;
}

bool MainWindow::redo()
{
    QString summary;
    const bool ok = m_session->redo(&summary).ok();
    if (ok)
        statusBar()->showMessage(tr("Redone: %1").arg(summary), 5000);
    return ok;
}

void MainWindow::refresh()
{
    if (m_welcome)
        m_centre->setCurrentWidget(project() ? static_cast<QWidget *>(m_tabs) : m_welcome);
    m_watcher->sync(); // before reading: a commit during the reads shows on the next look
    const int scroll = m_view->verticalScrollBar()->value();
    const auto segment = currentSegment();
    refreshDocuments();
    // The document's text never changes; only its highlights do.
    if (project() && m_view->documentId()) {
        try {
            project()->document(*m_view->documentId());
            m_view->refreshHighlights(project());
        } catch (const Error &) {
            // The document is gone (an undone import).
            m_view->showDocument(nullptr, std::nullopt);
        }
    } else if (!project()) {
        m_view->showDocument(nullptr, std::nullopt);
    }
    m_view->verticalScrollBar()->setValue(scroll);
    refreshCodes();
    refreshSegments();
    if (segment)
        selectSegment(*segment);
    refreshActions();
    m_board->projectChanged();
    m_quotes->reload();
    m_search->projectChanged();
}

void MainWindow::showExternalChange()
{
    // A memo being typed is kept in the editor, still unsaved.
    const auto segment = currentSegment();
    const bool typing = m_memoEdit->document()->isModified();
    const QString draft = m_memoEdit->toPlainText();
    m_session->notify(ProjectSession::Everything);
    if (typing && segment && currentSegment() == segment) {
        m_memoEdit->setPlainText(draft);
        m_memoEdit->document()->setModified(true);
    }
    statusBar()->showMessage(tr("Updated: changes made by another program"), 5000);
}

void MainWindow::refreshDocuments()
{
    m_refreshing = true;
    m_documentList->clear();
    m_documentFilter->reload(project());
    if (project()) {
        QHash<Id, int> counts;
        for (const Segment &s : project()->segments())
            ++counts[s.documentId];
        // A statement is known by its person, area, rank and first words, not by the sheet it came from.
        const QHash<Id, QString> labels = DisplayNames::documentLabels(*project());
        for (const Document &d : project()->documents()) {
            auto *item = new QTreeWidgetItem({d.name, d.kind, QString::number(counts.value(d.id))});
            // The row shows the label (LabelDelegate); the item keeps the stored name.
            if (labels.value(d.id) != d.name)
                item->setData(0, DisplayNames::LabelRole, labels.value(d.id));
            item->setData(0, IdRole, d.id);
            item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(0, d.kind == QLatin1String("statement")
                                    ? QStringLiteral("%1\n%2").arg(project()->documentText(d.id), d.name)
                                    : QStringLiteral("%1\n%2").arg(d.name, d.sourcePath));
            m_documentList->addTopLevelItem(item);
            item->setHidden(!m_documentFilter->accepts(d));
            if (m_view->documentId() == d.id)
                m_documentList->setCurrentItem(item);
        }
    }
    m_documentList->resizeColumnToContents(1);
    m_documentList->resizeColumnToContents(2);
    m_refreshing = false;
}

void MainWindow::refreshCodes()
{
    m_refreshing = true;
    // Keep the expansion state across the reset, by path.
    QSet<QString> expanded;
    std::function<void(const QModelIndex &)> collect = [&](const QModelIndex &parent) {
        for (int r = 0; r < m_codeModel->rowCount(parent); ++r) {
            const QModelIndex i = m_codeModel->index(r, 0, parent);
            if (m_codeTree->isExpanded(i))
                expanded.insert(i.data(CodeTreeModel::PathRole).toString());
            collect(i);
        }
    };
    const bool first = m_codeModel->rowCount() == 0;
    collect(QModelIndex());
    m_codeModel->reload(project());
    if (first) {
        m_codeTree->expandAll();
    } else {
        std::function<void(const QModelIndex &)> restore = [&](const QModelIndex &parent) {
            for (int r = 0; r < m_codeModel->rowCount(parent); ++r) {
                const QModelIndex i = m_codeModel->index(r, 0, parent);
                if (expanded.contains(i.data(CodeTreeModel::PathRole).toString()) || m_codeModel->rowCount(i) == 0)
                    m_codeTree->expand(i);
                restore(i);
            }
        };
        restore(QModelIndex());
    }
    if (m_currentCode) {
        const QModelIndex index = m_codeModel->indexOfCode(*m_currentCode);
        if (index.isValid())
            m_codeTree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                     QItemSelectionModel::Rows);
        else
            m_currentCode.reset();
    }
    m_refreshing = false;
}

void MainWindow::refreshSegments()
{
    // The chosen segment stays chosen (and its memo draft in the editor) if it is still shown.
    const auto previous = currentSegment();
    m_refreshing = true;
    m_segmentList->clear();
    m_documentInfo->clear();
    const auto doc = m_view->documentId();
    if (project() && doc) {
        try {
            const Document d = project()->document(*doc);
            QStringList attrs;
            for (const AttributeValue &v : project()->attributeValues(AttributeScope::Document))
                if (v.ownerId == *doc)
                    attrs << QStringLiteral("%1=%2").arg(v.name, v.value);
            m_documentInfo->setText(
                tr("%1 · %2 · %n turn(s)", nullptr, int(project()->turns(*doc).size())).arg(d.name, d.kind) +
                (attrs.isEmpty() ? QString() : QLatin1Char('\n') + attrs.join(QStringLiteral(", "))));
            QHash<Id, QString> names;
            for (const Code &c : project()->codes())
                names.insert(c.id, c.name);
            const QString text = project()->documentText(*doc);
            const auto quotes = quoteSelections(*project());
            for (const Segment &s : project()->segments(*doc)) {
                QStringList codes;
                for (Id c : s.codes)
                    codes << names.value(c);
                const QString quote =
                    m_view->toUtf16(s.end) <= text.size()
                        ? text.mid(m_view->toUtf16(s.start), m_view->toUtf16(s.end) - m_view->toUtf16(s.start))
                        : QString();
                auto *item =
                    new QTreeWidgetItem({excerpt(quote), codes.join(QStringLiteral(", ")), excerpt(s.memo, 40)});
                item->setData(0, IdRole, s.id);
                item->setToolTip(0, quote);
                if (const auto q = quotes.find(s.id); q != quotes.end() && q->second.starred) {
                    // A starred quote carries a star here, as in the quote basket.
                    item->setText(0, QStringLiteral("★ ") + item->text(0));
                    item->setToolTip(0, tr("Starred as a quote\n") + quote);
                }
                item->setToolTip(2, s.memo);
                m_segmentList->addTopLevelItem(item);
                if (previous == s.id)
                    m_segmentList->setCurrentItem(item);
            }
        } catch (const Error &e) {
            reportError(e.message());
        }
    }
    m_refreshing = false;
    updateSegmentDetail();
}

void MainWindow::updateSegmentDetail()
{
    const auto seg = currentSegment();
    m_memoEdit->setEnabled(bool(seg));
    m_saveMemo->setEnabled(bool(seg));
    m_removeSegment->setEnabled(bool(seg));
    m_starButton->setEnabled(bool(seg));
    // Pointed at another segment, the editor writes what was typed on the last one.
    m_segmentMemo->setTarget(seg && project() ? std::optional(MemoTarget{QStringLiteral("segment"), *seg, 0, true})
                                              : std::nullopt);
}

void MainWindow::refreshActions()
{
    const bool open = project() != nullptr;
    m_importAction->setEnabled(open);
    m_exportAction->setEnabled(open);
    m_importExchangeAction->setEnabled(open && !m_session->plugins().exchanges().empty());
    m_exportExchangeAction->setEnabled(open && !m_session->plugins().exchanges().empty());
    m_codeAction->setEnabled(open && m_currentCode.has_value());
    m_inVivoAction->setEnabled(open);
    QString undoText, redoText;
    if (open) {
        // Undo takes back the newest done command, redo re-applies the oldest undone one.
        for (const CommandRecord &r : project()->history()) {
            if (r.state == QLatin1String("done"))
                undoText = r.summary;
            else if (r.state == QLatin1String("undone") && redoText.isEmpty())
                redoText = r.summary;
        }
    }
    m_undoAction->setEnabled(!undoText.isEmpty());
    m_undoAction->setText(undoText.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(excerpt(undoText, 60)));
    // The toolbar keeps short labels; the summary is in the menu and the tooltip.
    m_undoAction->setIconText(tr("Undo"));
    m_undoAction->setToolTip(undoText.isEmpty() ? tr("Nothing to undo") : tr("Undo: %1 (Ctrl+Z)").arg(undoText));
    m_redoAction->setEnabled(!redoText.isEmpty());
    m_redoAction->setText(redoText.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(excerpt(redoText, 60)));
    m_redoAction->setIconText(tr("Redo"));
    m_redoAction->setToolTip(redoText.isEmpty() ? tr("Nothing to redo") : tr("Redo: %1 (Ctrl+Shift+Z)").arg(redoText));
    if (m_currentCode && open) {
        try {
            m_codeAction->setText(tr("&Code selection as “%1”").arg(project()->code(*m_currentCode).name));
            m_codeAction->setIconText(tr("Code as “%1”").arg(excerpt(project()->code(*m_currentCode).name, 30)));
        } catch (const Error &) {
            m_codeAction->setText(tr("&Code selection"));
        }
    } else {
        m_codeAction->setText(tr("&Code selection"));
    }
    if (!m_currentCode || !open)
        m_codeAction->setIconText(tr("Code selection"));
    m_starAction->setEnabled(open);
    Q_EMIT currentCodeChanged();
    for (int i = 0; i < m_recentActions.size(); ++i) {
        QAction *a = m_recentActions[i];
        QString name;
        if (open && size_t(i) < m_recent.size()) {
            try {
                name = project()->codePath(m_recent[size_t(i)]);
            } catch (const Error &) {
            }
        }
        a->setVisible(!name.isEmpty());
        a->setEnabled(!name.isEmpty());
        a->setText(name);
    }
}

void MainWindow::showHistory()
{
    for (QDockWidget *d : findChildren<QDockWidget *>())
        if (d->widget() == m_history) {
            d->show();
            d->raise();
        }
    m_history->list()->setFocus();
}

void MainWindow::chooseOpenProject()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open project"), QString(), tr("Quire projects (*.quire)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::chooseNewProject()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New project"), QString(), tr("Quire projects (*.quire)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".quire");
    newProject(path);
}

void MainWindow::chooseImportFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Import files"));
    if (!paths.isEmpty())
        importFiles(paths);
}

void MainWindow::chooseExport()
{
    // Every format and option of quire-cli export, with a preview (exportdialog.h).
    auto *dialog = new ExportDialog(*m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::exported, this,
            [this](const QString &, const QString &headline) { statusBar()->showMessage(headline, 10000); });
    dialog->open();
}

void MainWindow::chooseImportExchange()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import REFI-QDA project or codebook"), QString(),
                                     tr("REFI-QDA projects and codebooks (*.qdpx *.qde *.qdc);;All files (*)"));
    if (!path.isEmpty())
        importExchange(path);
}

void MainWindow::chooseExportExchange()
{
    const QString projectFilter = tr("REFI-QDA project, the whole project (*.qdpx)");
    const QString codebookFilter = tr("REFI-QDA codebook, the codes only (*.qdc)");
    QString selected = projectFilter;
    QString path = QFileDialog::getSaveFileName(this, tr("Export REFI-QDA"), QString(),
                                                projectFilter + QStringLiteral(";;") + codebookFilter, &selected);
    if (path.isEmpty())
        return;
    const QString chosen = selected == codebookFilter ? QStringLiteral("qdc") : QStringLiteral("qdpx");
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix.isEmpty())
        path += QLatin1Char('.') + chosen;
    const bool known = suffix == QLatin1String("qdpx") || suffix == QLatin1String("qdc");
    exportExchange(path, known ? suffix : chosen);
}

void MainWindow::addCodeDialog()
{
    if (!project())
        return;
    QString parent;
    if (m_currentCode)
        parent = m_codeTree->currentIndex().data(CodeTreeModel::PathRole).toString();
    bool ok = false;
    const QString path =
        QInputDialog::getText(this, tr("New code"), tr("Code path (Theme/Subtheme/Code):"), QLineEdit::Normal,
                              parent.isEmpty() ? QString() : parent + QLatin1Char('/'), &ok);
    if (!ok || path.trimmed().isEmpty())
        return;
    Id id = 0;
    if (run(ProjectSession::Codes, [&] { id = project()->addCode(path.trimmed()); }))
        selectCode(id);
}

// ---- getting started: the welcome page, the coder's name, Help, cases ----

void MainWindow::buildStart()
{
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::openProject);
    connect(m_welcome, &WelcomePage::newRequested, this, &MainWindow::chooseNewProject);
    connect(m_welcome, &WelcomePage::openOtherRequested, this, &MainWindow::chooseOpenProject);
    connect(m_welcome, &WelcomePage::sampleRequested, this, &MainWindow::openSampleProject);

    m_coderLabel = new QLabel;
    m_coderLabel->setObjectName(QStringLiteral("coderLabel"));
    m_coderLabel->setToolTip(tr("Every change is recorded with this name (Edit ▸ Coder name…)"));
    statusBar()->addPermanentWidget(m_coderLabel);
    applyCoderName();
    // Asked once, before the first change, when no name was ever given.
    m_session->setBeforeChange([this] {
        if (m_errorDialogs && !UserSettings::coderAsked()) {
            UserSettings::setCoderAsked();
            chooseCoderName();
        }
    });

    QMenu *edit = nullptr;
    for (QAction *a : menuBar()->actions())
        if (a->menu() && a->menu()->title() == tr("&Edit"))
            edit = a->menu();
    m_coderAction = new QAction(tr("Coder &name…"), this);
    m_coderAction->setObjectName(QStringLiteral("coderNameAction"));
    connect(m_coderAction, &QAction::triggered, this, &MainWindow::chooseCoderName);
    if (edit) {
        edit->addSeparator();
        edit->addAction(m_coderAction);
    }
    QMenu *view = nullptr;
    for (QAction *a : menuBar()->actions())
        if (a->menu() && a->menu()->title() == tr("&View"))
            view = a->menu();
    if (view) {
        QAction *cases = view->addAction(tr("&Cases and attributes"), this, [this] { showCases(); });
        cases->setObjectName(QStringLiteral("casesAction"));
        cases->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    }
    addHelpMenu(menuBar(), this);
}

void MainWindow::applyCoderName()
{
    const QString stored = UserSettings::coderName();
    // $QUIRE_CODER, when set, is what the person chose for this run (as in quire-cli).
    if (project() && !stored.isEmpty() && qEnvironmentVariableIsEmpty("QUIRE_CODER"))
        project()->setCoder(stored);
    const QString shown = project() ? project()->coder() : stored;
    // "unknown": neither a name given nor $QUIRE_CODER nor $USER (the core's last resort).
    m_coderLabel->setText(shown.isEmpty() || shown == QLatin1String("unknown")
                              ? tr("Coder: not set (Edit ▸ Coder name…)")
                              : tr("Coder: %1").arg(shown));
}

bool MainWindow::setCoderName(const QString &name)
{
    if (name.trimmed().isEmpty()) {
        reportError(tr("A coder's name cannot be empty."));
        return false;
    }
    UserSettings::setCoderName(name);
    if (project())
        project()->setCoder(name);
    m_coderLabel->setText(tr("Coder: %1").arg(name.trimmed()));
    statusBar()->showMessage(tr("Changes are now recorded as made by %1.").arg(name.trimmed()), 5000);
    return true;
}

void MainWindow::chooseCoderName()
{
    const QString current = project() ? project()->coder() : UserSettings::coderName();
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Coder name"),
        tr("Your name or initials. Every change you make is recorded with it, so a team can see who coded what:"),
        QLineEdit::Normal, current, &ok);
    if (ok)
        setCoderName(name);
}

bool MainWindow::openSampleProject()
{
    QString path;
    try {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        path = SampleProject::ensure(m_session->plugins(), UserSettings::dataFolder());
        QApplication::restoreOverrideCursor();
    } catch (const Error &e) {
        QApplication::restoreOverrideCursor();
        reportError(e.message());
        return false;
    }
    return openProject(path);
}

CasesPanel *MainWindow::showCases()
{
    return static_cast<CasesPanel *>(openTab(QStringLiteral("casesPanel"), tr("Cases and attributes"),
                                             [this] { return new CasesPanel(*m_session); }));
}

} // namespace Quire
