// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/projectjobs.h"

#include "projectsession.h"

#include "analysis/teamwork.h"
#include "error.h"
#include "formats/exporterinterface.h"
#include "formats/fileimport.h"
#include "formats/pluginmanager.h"
#include "model/project.h"
#include "report/exportlayout.h"
#include "report/themereport.h"
#include "search/search.h"

#include <filesystem>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryDir>
#include <set>
#include <system_error>

namespace Quire {

ProjectJobs::ProjectJobs(ProjectSession &session, QWidget *dialogParent)
    : m_session(session)
    , m_parent(dialogParent)
{}

bool ProjectJobs::needProject(Result &result) const
{
    if (m_session.project())
        return true;
    result.outcome = BackgroundJob::Outcome::Failed;
    result.message = tr("Open or create a project first.");
    return false;
}

ProjectJobs::ImportResult ProjectJobs::importFiles(const QStringList &paths)
{
    ImportResult result;
    if (!needProject(result))
        return result;
    // The worker reads the files, then stores them as one command through its
    // own connection (SQLite connections stay on their thread). Cancel while
    // reading stores nothing; Cancel while storing interrupts the transaction,
    // which rolls back. Either way the project is as it was.
    const QString projectPath = m_session.project()->path();
    const QString coder = m_session.project()->coder();
    const PluginManager &plugins = m_session.plugins();
    bool stored = false;
    BackgroundJob job(m_parent, tr("Importing"));
    Q_EMIT m_session.jobStarted(&job);
    const auto outcome = job.run([&](BackgroundJob::Control &control) {
        const int steps = int(paths.size()) + 1;
        std::vector<ImportedFile> read;
        for (qsizetype i = 0; i < paths.size(); ++i) {
            control.progress(int(i), steps, tr("Reading %1…").arg(QFileInfo(paths[i]).fileName()));
            if (control.cancelled())
                return;
            read.push_back(readImportFile(plugins, paths[i]));
        }
        control.progress(steps - 1, steps, tr("Storing %n document file(s)…", nullptr, int(read.size())));
        if (control.cancelled())
            return;
        auto project = Project::open(projectPath);
        project->setCoder(coder);
        const BackgroundJob::CancelStatements stoppable(control, *project);
        result.documents = project->importDocuments(read);
        stored = true;
    });
    if (stored) {
        // Stored before Cancel could stop it: it is done, and undo takes it back.
        result.outcome = BackgroundJob::Outcome::Done;
        m_session.notify(ProjectSession::Everything);
    } else if (outcome == BackgroundJob::Outcome::Cancelled) {
        result.outcome = outcome;
        result.message = tr("Import cancelled: nothing was stored.");
    } else {
        result.outcome = BackgroundJob::Outcome::Failed;
        result.message = job.error();
    }
    return result;
}

ThemeReport ProjectJobs::prepareReport(const Project &project, const ReportSettings &settings,
                                       std::vector<RedactionChange> *changes, std::vector<RedactionChange> *names)
{
    ThemeReport report = buildThemeReport(project, settings.options);
    report.layout = settings.layout;
    checkLayout(report);
    // A copy of the stored text: redaction never reaches the project.
    if (settings.redaction) {
        std::vector<RedactionChange> made = settings.redaction->apply(report, names);
        if (changes)
            *changes = std::move(made);
    }
    return report;
}

ProjectJobs::Result ProjectJobs::exportReport(const QString &path, const QString &format)
{
    return exportReport(path, format, ReportSettings());
}

ProjectJobs::ReportResult ProjectJobs::exportReport(const QString &path, const QString &format,
                                                    const ReportSettings &settings)
{
    ReportResult result;
    if (!needProject(result))
        return result;
    const QString projectPath = m_session.project()->path();
    const QString f = format.isEmpty() ? QFileInfo(path).suffix().toLower() : format;
    const PluginManager &plugins = m_session.plugins();
    bool written = false;
    qsizetype codes = 0, quotes = 0;
    QString redacted;
    BackgroundJob job(m_parent, tr("Exporting"));
    Q_EMIT m_session.jobStarted(&job);
    const auto outcome = job.run([&](BackgroundJob::Control &control) {
        control.progress(0, 3, tr("Reading the project…"));
        if (control.cancelled())
            return;
        ExporterInterface *exporter = plugins.exporter(f);
        // Its own connection: the window's stays on the GUI thread.
        const auto project = Project::open(projectPath);
        std::vector<RedactionChange> changes, names;
        const ThemeReport report = prepareReport(*project, settings, &changes, &names);
        control.progress(1, 3, tr("Writing %1…").arg(QFileInfo(path).fileName()));
        if (control.cancelled())
            return;
        // QSaveFile: an existing file stays intact until the new one is complete.
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            throw Error(QStringLiteral("%1: cannot write: %2").arg(path, out.errorString()));
        exporter->write(report, out);
        if (control.cancelled()) {
            out.cancelWriting();
            return;
        }
        if (!out.commit())
            throw Error(QStringLiteral("%1: cannot write: %2").arg(path, out.errorString()));
        written = true;
        codes = qsizetype(report.rows.size());
        for (const auto &q : report.quotes)
            quotes += qsizetype(q.size());
        if (settings.redaction)
            redacted = settings.redaction->summary(changes, &names);
        control.progress(3, 3, tr("Done"));
    });
    if (written) {
        result.outcome = BackgroundJob::Outcome::Done;
        result.headline =
            tr("Wrote %1 (%2 codes, %3 quotes)").arg(QDir::toNativeSeparators(path)).arg(codes).arg(quotes);
        if (!redacted.isEmpty())
            result.headline += QLatin1Char(' ') + redacted;
    } else if (outcome == BackgroundJob::Outcome::Cancelled) {
        result.outcome = outcome;
        result.message = tr("Export cancelled: %1 was not written.").arg(QDir::toNativeSeparators(path));
    } else {
        result.message = job.error();
    }
    return result;
}

ProjectJobs::ExchangeResult ProjectJobs::importExchange(const QString &path)
{
    ExchangeResult result;
    if (!needProject(result))
        return result;
    const QString name = QFileInfo(path).fileName();
    ProjectExchangeInterface *plugin = m_session.plugins().exchangeFor(path);
    if (!plugin) {
        result.message =
            tr("%1: not a REFI-QDA file (.qdpx, .qde or .qdc), or this Quire was built without the refiqda plugin")
                .arg(name);
        return result;
    }
    // As importFiles: the worker has its own connection. The plugin stores the
    // package as one command; an outer savepoint around it lets Cancel take
    // even a finished import back before it is committed. Cancel while the
    // plugin writes interrupts its statement, so its command rolls back.
    Project &own = *m_session.project();
    const QString projectPath = own.path();
    const QString coder = own.coder();
    std::set<Id> before;
    for (const Document &d : own.documents())
        before.insert(d.id);
    ExchangeReport report;
    bool stored = false;
    BackgroundJob job(m_parent, tr("Importing %1").arg(name));
    Q_EMIT m_session.jobStarted(&job);
    const auto outcome = job.run([&](BackgroundJob::Control &control) {
        control.progress(0, 2, tr("Reading %1…").arg(name));
        if (control.cancelled())
            return;
        auto project = Project::open(projectPath);
        project->setCoder(coder);
        // Released before the connection closes (declared after it).
        const BackgroundJob::CancelStatements stoppable(control, *project);
        struct Cancelled
        {
        };
        try {
            project->atomically([&] {
                ExchangeReport r = plugin->importInto(*project, path);
                control.progress(1, 2, tr("Storing %1…").arg(name));
                if (control.cancelled())
                    throw Cancelled(); // nothing of it is kept
                report = std::move(r);
            });
        } catch (const Cancelled &) {
            return;
        }
        stored = true;
    });
    if (stored) {
        result.outcome = BackgroundJob::Outcome::Done;
        for (const Document &d : own.documents()) {
            if (!before.count(d.id)) {
                result.firstNewDocument = d.id;
                break;
            }
        }
        result.headline = tr("Imported %1: %2 document(s), %3 new code(s), %4 segment(s)")
                              .arg(name)
                              .arg(report.count(QStringLiteral("documents created")))
                              .arg(report.count(QStringLiteral("codes created")))
                              .arg(report.count(QStringLiteral("segments created")));
        result.report = std::move(report);
        m_session.notify(ProjectSession::Everything);
        return result;
    }
    if (outcome == BackgroundJob::Outcome::Cancelled) {
        result.outcome = outcome;
        result.message = tr("Import of %1 cancelled: nothing was stored.").arg(name);
        return result;
    }
    result.message = job.error();
    if (!result.message.contains(name))
        result.message = tr("%1: %2").arg(name, result.message);
    return result;
}

ProjectJobs::ExchangeResult ProjectJobs::exportExchange(const QString &path, const QString &format)
{
    ExchangeResult result;
    if (!needProject(result))
        return result;
    const QFileInfo target(path);
    const QString name = target.fileName();
    const QString f = format.isEmpty() ? target.suffix().toLower() : format.toLower();
    ProjectExchangeInterface *plugin = m_session.plugins().exchangeExporter(f);
    if (!plugin) {
        result.message =
            tr("%1: REFI-QDA export writes a project (.qdpx) or a codebook (.qdc), not \"%2\"").arg(name, f);
        return result;
    }
    const QString projectPath = m_session.project()->path();
    const QString projectName = m_session.project()->fileName();
    ExchangeReport report;
    bool written = false;
    BackgroundJob job(m_parent, tr("Exporting %1").arg(name));
    Q_EMIT m_session.jobStarted(&job);
    const auto outcome = job.run([&](BackgroundJob::Control &control) {
        control.progress(0, 3, tr("Reading the project…"));
        if (control.cancelled())
            return;
        // The package is written into a folder beside the target and renamed
        // over it in one step at the end: a cancelled or failed export leaves
        // no half-written file, and an existing file stays as it was until then.
        const QString folder = target.absolutePath();
        QTemporaryDir staging(folder + QStringLiteral("/.quire-export-XXXXXX"));
        if (!staging.isValid())
            throw Error(QStringLiteral("%1: cannot write in %2 (%3)")
                            .arg(name, QDir::toNativeSeparators(folder), staging.errorString()));
        const QString staged = staging.filePath(name);
        const auto project = Project::open(projectPath);
        control.progress(1, 3, tr("Writing %1…").arg(name));
        if (control.cancelled())
            return;
        ExchangeReport r;
        try {
            r = plugin->exportProject(*project, staged, f, ExchangeOptions{});
        } catch (const Error &e) {
            throw Error(QString(e.message()).replace(staged, path));
        }
        if (control.cancelled())
            return; // the staging folder goes, with the package
        std::error_code ec;
        std::filesystem::rename(std::filesystem::path(staged.toStdU16String()),
                                std::filesystem::path(target.absoluteFilePath().toStdU16String()), ec);
        if (ec)
            throw Error(
                QStringLiteral("%1: cannot be written (%2)").arg(path, QString::fromLocal8Bit(ec.message().c_str())));
        r.file = name;
        report = std::move(r);
        written = true;
        control.progress(3, 3, tr("Done"));
    });
    if (written) {
        result.outcome = BackgroundJob::Outcome::Done;
        result.headline = f == QLatin1String("qdc") ? tr("Exported the codebook of %1 to %2: %3 code(s)")
                                                          .arg(projectName, name)
                                                          .arg(report.count(QStringLiteral("codes")))
                                                    : tr("Exported %1 to %2: %3 source(s), %4 code(s), %5 selection(s)")
                                                          .arg(projectName, name)
                                                          .arg(report.count(QStringLiteral("sources")))
                                                          .arg(report.count(QStringLiteral("codes")))
                                                          .arg(report.count(QStringLiteral("selections")));
        result.report = std::move(report);
        return result;
    }
    if (outcome == BackgroundJob::Outcome::Cancelled) {
        result.outcome = outcome;
        result.message = tr("Export cancelled: %1 was not written.").arg(QDir::toNativeSeparators(path));
        return result;
    }
    result.message = job.error();
    if (!result.message.contains(name))
        result.message = tr("%1: %2").arg(name, result.message);
    return result;
}

ProjectJobs::Result ProjectJobs::mergeCoderProject(const QString &otherPath, Analysis::MergeReport *report)
{
    Result result;
    Project *p = m_session.project();
    if (!p) {
        result.message = tr("Open a project first.");
        return result;
    }
    const QString path = p->path();
    const QString coder = p->coder();
    Analysis::MergeReport merged;
    BackgroundJob job(m_parent, tr("Merging"));
    Q_EMIT m_session.jobStarted(&job);
    result.outcome = job.run([&](BackgroundJob::Control &control) {
        control.progress(0, 1, tr("Merging %1…").arg(QFileInfo(otherPath).fileName()));
        if (control.cancelled())
            return;
        auto worker = Project::open(path);
        worker->setCoder(coder);
        const BackgroundJob::CancelStatements stoppable(control, *worker);
        merged = Analysis::mergeProject(*worker, otherPath);
    });
    m_session.notify(ProjectSession::Everything);
    if (result.outcome == BackgroundJob::Outcome::Cancelled)
        result.message = tr("Merge of %1 cancelled: nothing was changed.").arg(QFileInfo(otherPath).fileName());
    else if (result.outcome == BackgroundJob::Outcome::Failed)
        result.message = job.error();
    else if (report)
        *report = merged;
    return result;
}

ProjectJobs::Result ProjectJobs::rebuildSearchIndex(const QString &language)
{
    Result result;
    if (!needProject(result))
        return result;
    const QString path = m_session.project()->path();
    BackgroundJob job(m_parent, tr("Rebuilding the search index"));
    Q_EMIT m_session.jobStarted(&job);
    result.outcome = job.run([&](BackgroundJob::Control &control) {
        control.progress(0, 1, tr("Rebuilding the search index for %1…").arg(language));
        if (control.cancelled())
            return;
        auto worker = Project::open(path);
        const BackgroundJob::CancelStatements stoppable(control, *worker);
        Search(*worker).setLanguage(language);
    });
    if (result.outcome == BackgroundJob::Outcome::Failed)
        result.message = job.error();
    return result;
}

} // namespace Quire
