// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/projectjobs.h"

#include <QDialog>
#include <QString>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTimer;
class QTreeWidget;

namespace Quire {

class ProjectSession;

/// File ▸ Export theme report: every format the exporter plugins offer and
/// every option of `quire-cli export` (template, codes, columns by attribute,
/// citation template, quote order, starred only, speaker labels, locators,
/// memos, redaction rules with a dry run), with a live preview of the first
/// part of the report as Markdown. The export runs as a background job
/// (ProjectJobs): Cancel leaves an existing file as it was.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(ProjectSession &session, QWidget *parent = nullptr);
    ~ExportDialog() override;

    /// The format ids in the format list, in its order (from the plugin registry).
    QStringList formats() const;
    QString format() const;
    /// Selects a format and gives the file name its extension.
    void setFormat(const QString &formatId);
    QString filePath() const;
    void setFilePath(const QString &path);

    /// The choices as the export job takes them; throws Error for redaction
    /// rules that do not parse (naming the rules and the line).
    ProjectJobs::ReportSettings settings() const;
    /// The preview, brought up to date first.
    QString previewText();
    /// Lists what the redaction rules would replace (nothing is written);
    /// false, with the reason in statusText(), when there are no rules or
    /// they do not parse.
    bool dryRun();
    /// Writes the file through the background job; true when it was written
    /// (the dialog then closes).
    bool exportReport();
    /// Asks before replacing an existing file (on by default; off for tests).
    void setAskBeforeReplacing(bool ask) { m_askBeforeReplacing = ask; }
    QString statusText() const;

    QComboBox *formatBox() const { return m_format; }
    QLineEdit *fileEdit() const { return m_file; }
    QComboBox *templateBox() const { return m_template; }
    QListWidget *codeList() const { return m_codes; }
    QComboBox *byBox() const { return m_by; }
    QLineEdit *byOrderEdit() const { return m_byOrder; }
    QLineEdit *markEdit() const { return m_mark; }
    QLineEdit *rowHeaderEdit() const { return m_rowHeader; }
    QCheckBox *timestampBox() const { return m_timestamp; }
    QComboBox *citationBox() const { return m_citation; }
    QComboBox *orderBox() const { return m_order; }
    QCheckBox *starredOnlyBox() const { return m_starredOnly; }
    QSpinBox *maxQuotesBox() const { return m_maxQuotes; }
    QSpinBox *maxLengthBox() const { return m_maxLength; }
    QCheckBox *speakerLabelBox() const { return m_speakerLabel; }
    QComboBox *locatorBox() const { return m_locator; }
    QCheckBox *memosBox() const { return m_memos; }
    QPlainTextEdit *rulesEdit() const { return m_rules; }
    QTreeWidget *dryRunList() const { return m_dryRunList; }
    QLabel *dryRunSummary() const { return m_dryRunSummary; }
    QPlainTextEdit *preview() const { return m_preview; }
    QTabWidget *tabs() const { return m_tabs; }
    QPushButton *exportButton() const { return m_exportButton; }

Q_SIGNALS:
    /// After a file was written: \a headline for the status bar.
    void exported(const QString &path, const QString &headline);

private:
    void fillFromProject();
    void schedulePreview();
    void updatePreview();
    void chooseFile();
    void loadRules();
    void fileEdited();
    void showStatus(const QString &text, bool error);

    ProjectSession &m_session;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_format = nullptr;
    QLineEdit *m_file = nullptr;
    QComboBox *m_template = nullptr;
    QListWidget *m_codes = nullptr;
    QComboBox *m_by = nullptr;
    QLineEdit *m_byOrder = nullptr;
    QLineEdit *m_mark = nullptr;
    QLineEdit *m_rowHeader = nullptr;
    QCheckBox *m_timestamp = nullptr;
    QComboBox *m_citation = nullptr;
    QLabel *m_citationFields = nullptr;
    QComboBox *m_order = nullptr;
    QCheckBox *m_starredOnly = nullptr;
    QSpinBox *m_maxQuotes = nullptr;
    QSpinBox *m_maxLength = nullptr;
    QCheckBox *m_speakerLabel = nullptr;
    QComboBox *m_locator = nullptr;
    QCheckBox *m_memos = nullptr;
    QPlainTextEdit *m_rules = nullptr;
    QLabel *m_rulesName = nullptr;
    QTreeWidget *m_dryRunList = nullptr;
    QLabel *m_dryRunSummary = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_previewTitle = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_exportButton = nullptr;
    QTimer *m_previewTimer = nullptr;
    QString m_rulesFile;    ///< the name redaction sources and notes use ("rules.txt:3")
    QString m_approvedPath; ///< chosen in the file dialog, which asked about replacing it
    bool m_askBeforeReplacing = true;
};

} // namespace Quire
