// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backgroundjob.h"
#include "formats/exchangeinterface.h"
#include "model/types.h"
#include "report/redaction.h"
#include "report/themereport.h"

#include <optional>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <vector>

class QWidget;

namespace Quire {

class Project;
class ProjectSession;
namespace Analysis {
struct MergeReport;
}

/// The long operations on the session's project: importing files, writing
/// the theme report, REFI-QDA import and export, merging another coder's
/// project and rebuilding the search index for another language. Each runs
/// on a worker thread with its own connection behind a progress dialog with
/// Cancel (BackgroundJob), announced by ProjectSession::jobStarted. Cancel or
/// an error leaves the project (and any existing target file) as it was.
/// Changes stored by a job are announced with ProjectSession::notify.
class ProjectJobs
{
    Q_DECLARE_TR_FUNCTIONS(ProjectJobs)
public:
    /// \a dialogParent: where the progress dialog shows.
    ProjectJobs(ProjectSession &session, QWidget *dialogParent);

    /// What a job came to. \a message: the error (Failed), or what Cancel
    /// left (Cancelled); empty when Done.
    struct Result
    {
        BackgroundJob::Outcome outcome = BackgroundJob::Outcome::Failed;
        QString message;
        bool done() const { return outcome == BackgroundJob::Outcome::Done; }
    };
    struct ImportResult : Result
    {
        std::vector<Id> documents;
    };
    struct ExchangeResult : Result
    {
        ExchangeReport report;
        /// A line for the status bar and the report dialog.
        QString headline;
        /// Import: the first document the package added.
        std::optional<Id> firstNewDocument;
    };

    /// Everything a theme report export can choose beside the file and the
    /// format: the options of `quire-cli export` (docs/cli.md#export).
    struct ReportSettings
    {
        ReportOptions options;
        /// --template: empty, "theme-table", "quotes", "matrix" or "codebook".
        QString layout;
        /// --redact: the rules; none for an unredacted report.
        std::optional<Redaction> redaction;
    };
    struct ReportResult : Result
    {
        /// "Wrote FILE (N codes, M quotes)", with the redaction summary.
        QString headline;
    };
    /// The report exactly as an export with \a settings writes it: built, its
    /// layout checked, every text passed through the redaction rules (what
    /// they replaced goes to \a changes and \a names). Throws Error as
    /// buildThemeReport does. The job, the export dialog's preview and its
    /// dry run all use this one function.
    static ThemeReport prepareReport(const Project &project, const ReportSettings &settings,
                                     std::vector<RedactionChange> *changes = nullptr,
                                     std::vector<RedactionChange> *names = nullptr);

    /// Reads the files with the format plugins and imports them as one command.
    ImportResult importFiles(const QStringList &paths);
    /// Writes the theme report with the exporter of \a format ("md", "csv";
    /// empty: from the file's suffix); an existing file stays intact until the new one is complete.
    Result exportReport(const QString &path, const QString &format);
    /// The same with the export dialog's choices (prepareReport).
    ReportResult exportReport(const QString &path, const QString &format, const ReportSettings &settings);
    /// Imports a REFI-QDA project or codebook as ONE command, inside an outer
    /// savepoint: Cancel at any point, or a broken package, leaves the project
    /// as it was; the error names the file.
    ExchangeResult importExchange(const QString &path);
    /// Writes the project ("qdpx") or its codebook ("qdc"; empty: from the
    /// suffix) beside the target and renames it over the target at the end.
    ExchangeResult exportExchange(const QString &path, const QString &format);
    /// Merges another coder's project into the open one as one command.
    Result mergeCoderProject(const QString &otherPath, Analysis::MergeReport *report);
    /// Rebuilds the search index for \a language (a stemmer name).
    Result rebuildSearchIndex(const QString &language);

private:
    /// Failed with "Open or create a project first." when none is open.
    bool needProject(Result &result) const;

    ProjectSession &m_session;
    QWidget *m_parent;
};

} // namespace Quire
