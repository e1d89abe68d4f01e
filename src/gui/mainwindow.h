// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QMainWindow>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QTreeView;
class QTreeWidget;

namespace Quire {

class CodeTreeModel;
class DocumentView;
class PluginManager;
class Project;

/// The workbench window: documents and the code tree on the left, the
/// document in the centre, the segments of the document with their memos on
/// the right. Every change goes through a Project method, so each one is a
/// recorded command that Undo/Redo (and quire-cli undo) can take back.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a .quire project; on failure reports the error and keeps the current one.
    bool openProject(const QString &path);
    /// Creates a new, empty project file and opens it.
    bool newProject(const QString &path);
    Project *project() const { return m_project.get(); }

    /// Reads the files with the format plugins and imports them as one command.
    /// Runs on the GUI thread with a progress dialog between files (cancel
    /// stops before anything is stored). Returns false on error or cancel.
    bool importFiles(const QStringList &paths);
    /// Writes the theme report (buildThemeReport) with the exporter of
    /// \a format ("md", "csv"; empty: from the file's suffix).
    bool exportReport(const QString &path, const QString &format = QString());

    void showDocument(std::optional<Id> documentId);
    std::optional<Id> currentDocument() const;
    /// Makes \a codeId the current code (selects its first row in the tree).
    void selectCode(Id codeId);
    std::optional<Id> currentCode() const;
    std::optional<Id> currentSegment() const;
    void selectSegment(Id segmentId);

    /// Codes the document view's selection with the current code.
    bool codeSelection();
    /// Codes the document view's selection with \a codeId.
    bool codeSelectionWith(Id codeId);
    /// Makes the selected words a new top-level code and codes them with it (one command).
    bool inVivoCode();
    /// Saves \a memo on the current segment.
    bool setCurrentSegmentMemo(const QString &memo);
    bool removeCurrentSegment();
    bool undo();
    bool redo();
    /// Most recently used codes first (Ctrl+1 … Ctrl+9).
    const std::deque<Id> &recentCodes() const { return m_recent; }

    DocumentView *documentView() const { return m_view; }
    QTreeView *codeTree() const { return m_codeTree; }
    CodeTreeModel *codeModel() const { return m_codeModel; }
    QTreeWidget *documentList() const { return m_documentList; }
    QTreeWidget *segmentList() const { return m_segmentList; }
    QPlainTextEdit *memoEditor() const { return m_memoEdit; }
    QAction *codeAction() const { return m_codeAction; }
    QAction *inVivoAction() const { return m_inVivoAction; }
    QAction *undoAction() const { return m_undoAction; }
    QAction *redoAction() const { return m_redoAction; }

    /// Errors go to a dialog (default) or only to the status bar and lastError()
    /// (tests and screenshots, where nobody could close a dialog).
    void setErrorDialogs(bool on) { m_errorDialogs = on; }
    QString lastError() const { return m_lastError; }
    /// Whether the dock layout is restored from and saved to QSettings.
    void setLayoutPersistence(bool on);

public Q_SLOTS:
    /// Re-reads everything shown from the project, keeping the current
    /// document, code, segment and scroll position.
    void refresh();

Q_SIGNALS:
    /// After every command, undo and redo, and after opening a project.
    void projectChanged();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildDocks();
    /// Runs one project operation: reports Quire::Error, then refreshes.
    bool run(const std::function<void()> &body);
    void reportError(const QString &message);
    void rememberCode(Id codeId);
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
    void addCodeDialog();

    std::unique_ptr<PluginManager> m_plugins;
    std::unique_ptr<Project> m_project;
    DocumentView *m_view = nullptr;
    QTreeWidget *m_documentList = nullptr;
    QTreeView *m_codeTree = nullptr;
    CodeTreeModel *m_codeModel = nullptr;
    QTreeWidget *m_segmentList = nullptr;
    QLabel *m_documentInfo = nullptr;
    QPlainTextEdit *m_memoEdit = nullptr;
    QPushButton *m_saveMemo = nullptr;
    QPushButton *m_removeSegment = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_codeAction = nullptr;
    QAction *m_inVivoAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QList<QAction *> m_recentActions;
    std::deque<Id> m_recent;
    std::optional<Id> m_currentCode;
    bool m_errorDialogs = true;
    bool m_persistLayout = true;
    bool m_refreshing = false;
    QString m_lastError;
};

} // namespace Quire
