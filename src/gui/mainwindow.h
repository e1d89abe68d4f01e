// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backgroundjob.h"
#include "model/types.h"
#include "projectsession.h"
#include "screenshots.h"
#include "workbenchshell.h"

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTreeView;
class QTreeWidget;

class QTabWidget;

namespace Quire {

class BackgroundJob;
class CasesPanel;
class CodeActions;
class CodePropertiesPanel;
class CodeTreeModel;
class CodeTreeView;
class DocumentFilterBar;
class DocumentView;
class ExchangeReportDialog;
class HistoryPane;
class MemoEditor;
class MemoManager;
class Project;
class ProjectFileActions;
class ProjectWatcher;
struct ExchangeReport;
class QuoteBasket;
class Search;
class SearchPane;
class ThemeBoard;
class WelcomePage;
struct TextRange;

/// The workbench window: documents and the code tree on the left, the
/// document in the centre, the segments of the document with their memos on
/// the right. The open project is its ProjectSession: every change goes
/// through it, so each one is a recorded command that Undo/Redo (and
/// quire-cli undo) can take back. Panes and views get the session and the
/// window as a WorkbenchShell, never the window itself.
class MainWindow : public QMainWindow, public WorkbenchShell, public ScreenshotWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a .quire project; on failure reports the error and keeps the current one.
    bool openProject(const QString &path);
    /// Creates a new, empty project file and opens it.
    bool newProject(const QString &path);
    ProjectSession &session() const override { return *m_session; }
    Project *project() const { return m_session->project(); }
    /// The open project's full-text search (ProjectSession::search); nullptr without a project.
    Search *search() { return m_session->search(); }

    /// Reads the files with the format plugins and imports them as one command.
    /// Runs on a worker thread with its own connection to the project, behind
    /// a progress dialog; Cancel stops reading, or interrupts the storing
    /// transaction, so the project stays as it was. Returns false on error or cancel.
    bool importFiles(const QStringList &paths);
    /// Writes the theme report (buildThemeReport) with the exporter of
    /// \a format ("md", "csv"; empty: from the file's suffix), on a worker
    /// thread; Cancel leaves any existing file as it was.
    bool exportReport(const QString &path, const QString &format = QString());
    /// Imports a REFI-QDA project or codebook (.qdpx, .qde, .qdc) with the
    /// exchange plugin as ONE command (Undo takes all of it back), on a worker
    /// thread with its own connection inside an outer savepoint: Cancel at any
    /// point, or an error (a broken or hostile package), leaves the project as
    /// it was; the error names the file. Shows the report in exchangeReportDialog().
    bool importExchange(const QString &path);
    /// Writes the whole project (format "qdpx") or its codebook ("qdc"; empty:
    /// from the file's suffix) on a worker thread. The package is written
    /// beside the target and renamed over it at the end, so a cancelled or
    /// failed export leaves no file behind and an existing file as it was.
    /// Shows what was dropped in exchangeReportDialog().
    bool exportExchange(const QString &path, const QString &format = QString());
    /// The report of the last REFI-QDA import or export (null before the first).
    ExchangeReportDialog *exchangeReportDialog() const { return m_exchangeDialog; }
    /// Builds the bundled sample corpus into a project in the user's data
    /// folder (once; SampleProject::ensure) and opens it.
    bool openSampleProject();
    /// Records \a name as the coder of every change from now on (this project
    /// and the next ones; kept in UserSettings) and shows it in the status bar.
    bool setCoderName(const QString &name);
    /// Asks for the coder's name (Edit ▸ Coder name…).
    void chooseCoderName();
    /// Shown while no project is open.
    WelcomePage *welcomePage() const { return m_welcome; }
    /// The cases and attributes table (View ▸ Cases and attributes), opened as a centre tab.
    CasesPanel *showCases();
    QLabel *coderLabel() const { return m_coderLabel; }
    QAction *coderAction() const { return m_coderAction; }
    /// Save a copy, restore from backup, the background check of the project file.
    ProjectFileActions *fileActions() const { return m_fileActions; }

    // WorkbenchShell
    QWidget *shellWidget() override { return this; }
    void showDocument(std::optional<Id> documentId) override;
    void showPassage(Id documentId, qsizetype start, qsizetype end) override;
    std::optional<Id> currentDocument() const override;
    std::optional<Id> currentCode() const override;
    QWidget *openTab(const QString &objectName, const QString &title, const std::function<QWidget *()> &make) override;
    int stepHistory(int steps) override;
    QString lastError() const override { return m_lastError; }

    /// Makes \a codeId the current code (selects its first row in the tree).
    void selectCode(Id codeId) override;
    std::optional<Id> currentSegment() const;
    void selectSegment(Id segmentId) override;

    /// Codes the document view's selection with the current code.
    bool codeSelection();
    /// Codes the document view's selection with \a codeId.
    bool codeSelectionWith(Id codeId);
    /// Makes the selected words a new top-level code and codes them with it (one command).
    bool inVivoCode();
    /// Text dragged from the document view and dropped on the code tree:
    /// codes the range with \a codeId, or (\a codeId 0: dropped on the empty
    /// area) makes an in-vivo code named after the text and codes the range
    /// with it; one command either way. The range must hold the same text in
    /// this project (a drag from another window may not). A range already
    /// coded with the code changes nothing and says so in the status bar.
    /// Returns true if the project changed.
    bool dropText(const TextRange &range, Id codeId);
    /// Saves \a memo on the current segment.
    bool setCurrentSegmentMemo(const QString &memo);
    bool removeCurrentSegment();
    bool undo();
    bool redo();
    // stepHistory (WorkbenchShell): |steps| undo() or redo() in one go (the
    // same checks and refusals), under a busy cursor; stops at the first
    // refusal, which is reported once the cursor is back. Everything shown is
    // refreshed, and projectChanged emitted, once at the end.
    /// Stars the current segment as an exemplar quote (end of the chosen order).
    bool starCurrentSegment();
    /// Moves the codes at \a paths under \a targetPath ("" = top level), or
    /// merges them into it (after a confirmation when dialogs are on). One command.
    bool dropCodes(const QStringList &paths, const QString &targetPath, bool merge);
    /// Resizes a segment to [start, end) code points (a dragged edge). One command.
    bool resizeSegment(Id segmentId, qsizetype start, qsizetype end);
    /// Light (the style's own) or dark palette; remembered with the layout.
    void setDarkPalette(bool on) override;
    bool darkPalette() const override;
    /// Shows the document view (0) or the theme board (1).
    void showCentralTab(int index) override;

    // ScreenshotWindow
    QMainWindow *mainWindow() override { return this; }
    WorkbenchShell &shell() override { return *this; }

    /// Runs one project operation that may change anything (ProjectSession::run):
    /// a Quire::Error it throws is reported (dialog or status bar); then everything shown is refreshed.
    bool runCommand(const std::function<void()> &body) { return run(ProjectSession::Everything, body); }
    /// Most recently used codes first (Ctrl+1 … Ctrl+9).
    const std::deque<Id> &recentCodes() const { return m_recent; }

    DocumentView *documentView() const { return m_view; }
    CodeTreeView *codeTree() const { return m_codeTree; }
    CodeTreeModel *codeModel() const { return m_codeModel; }
    QTreeWidget *documentList() const { return m_documentList; }
    QTreeWidget *segmentList() const { return m_segmentList; }
    QPlainTextEdit *memoEditor() const { return m_memoEdit; }
    /// The Details pane's segment memo: written when left or on switching (never lost).
    MemoEditor *segmentMemo() const { return m_segmentMemo; }
    MemoManager *memoManager() const { return m_memos; }
    CodeActions *codeActions() const { return m_codeActions; }
    CodePropertiesPanel *codeProperties() const { return m_codeProperties; }
    QAction *codeAction() const { return m_codeAction; }
    QAction *inVivoAction() const { return m_inVivoAction; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }
    QAction *importExchangeAction() const { return m_importExchangeAction; }
    QAction *exportExchangeAction() const { return m_exportExchangeAction; }
    QAction *darkAction() const { return m_darkAction; }
    SearchPane *searchPane() const { return m_search; }
    ThemeBoard *themeBoard() const { return m_board; }
    QuoteBasket *quoteBasket() const { return m_quotes; }
    HistoryPane *historyPane() const { return m_history; }
    DocumentFilterBar *documentFilter() const { return m_documentFilter; }
    QTabWidget *centralTabs() const { return m_tabs; }

    /// Errors go to a dialog (default) or only to the status bar and lastError()
    /// (tests and screenshots, where nobody could close a dialog).
    void setErrorDialogs(bool on) { m_errorDialogs = on; }
    /// Whether the dock layout is restored from and saved to QSettings.
    void setLayoutPersistence(bool on);

public Q_SLOTS:
    /// Re-reads everything shown from the project, keeping the current
    /// document, code, segment and scroll position.
    void refresh();

Q_SIGNALS:
    /// After every command, undo and redo, and after opening a project
    /// (ProjectSession::changed, once everything shown is refreshed).
    void projectChanged();
    /// The current code may have changed.
    void currentCodeChanged();
    /// A long job (import, export) starts on a worker thread; it lives until
    /// the function that started it returns (tests use it to press Cancel).
    /// Forwards ProjectSession::jobStarted.
    void jobStarted(Quire::BackgroundJob *job);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildDocks();
    /// Runs one project operation through the session; its error is reported (failed()).
    bool run(ProjectSession::Changes changes, const std::function<void()> &body);
    /// The session changed: refresh what is shown, then projectChanged.
    void sessionChanged();
    void reportError(const QString &message);
    void rememberCode(Id codeId);
    /// Makes \a words (simplified) a new top-level code and codes [start, end) with it.
    bool inVivoRange(Id documentId, qsizetype start, qsizetype end, const QString &words);
    void refreshDocuments();
    void refreshCodes();
    void refreshSegments();
    void refreshActions();
    void updateSegmentDetail();
    void showHistory();
    void chooseOpenProject();
    void chooseNewProject();
    void chooseImportFiles();
    void chooseExport();
    void chooseImportExchange();
    void chooseExportExchange();
    void showExchangeReport(const QString &headline, const ExchangeReport &report);
    void addCodeDialog();
    /// The welcome page, the coder's name asked once, Help (end of mainwindow.cpp).
    void buildStart();
    /// Applies the remembered coder's name to the project just opened; shows it.
    void applyCoderName();
    /// Another program committed to the project: refresh once and say so.
    void showExternalChange();
    /// Writes every memo and description being typed (before closing or opening a project).
    void saveDrafts();

    std::unique_ptr<ProjectSession> m_session;
    DocumentView *m_view = nullptr;
    QTreeWidget *m_documentList = nullptr;
    DocumentFilterBar *m_documentFilter = nullptr;
    QTabWidget *m_tabs = nullptr;
    SearchPane *m_search = nullptr;
    ThemeBoard *m_board = nullptr;
    QuoteBasket *m_quotes = nullptr;
    HistoryPane *m_history = nullptr;
    QAction *m_darkAction = nullptr;
    QAction *m_starAction = nullptr;
    QPushButton *m_starButton = nullptr;
    CodeTreeView *m_codeTree = nullptr;
    CodeTreeModel *m_codeModel = nullptr;
    QTreeWidget *m_segmentList = nullptr;
    QLabel *m_documentInfo = nullptr;
    QPlainTextEdit *m_memoEdit = nullptr;
    MemoEditor *m_segmentMemo = nullptr;
    MemoManager *m_memos = nullptr;
    CodeActions *m_codeActions = nullptr;
    CodePropertiesPanel *m_codeProperties = nullptr;
    QPushButton *m_saveMemo = nullptr;
    QPushButton *m_removeSegment = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_codeAction = nullptr;
    QAction *m_inVivoAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_importExchangeAction = nullptr;
    QAction *m_exportExchangeAction = nullptr;
    ExchangeReportDialog *m_exchangeDialog = nullptr;
    QStackedWidget *m_centre = nullptr;
    WelcomePage *m_welcome = nullptr;
    QLabel *m_coderLabel = nullptr;
    QAction *m_coderAction = nullptr;
    ProjectFileActions *m_fileActions = nullptr;
    ProjectWatcher *m_watcher = nullptr;
    QList<QAction *> m_recentActions;
    std::deque<Id> m_recent;
    std::optional<Id> m_currentCode;
    bool m_errorDialogs = true;
    bool m_persistLayout = true;
    bool m_refreshing = false;
    QString m_lastError;
};

} // namespace Quire
