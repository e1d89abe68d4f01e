// SPDX-License-Identifier: GPL-3.0-or-later
#define SQLITE_ENABLE_SESSION
#define SQLITE_ENABLE_PREUPDATE_HOOK
#include "model/project.h"

#include "model/casestore.h"
#include "model/codebook.h"
#include "model/commandlog.h"
#include "model/documentstore.h"
#include "model/memostore.h"
#include "model/segmentstore.h"

#include "error.h"
#include "index/searchindex.h"
#include "model/schema.h"
#include "storage/backups.h"
#include "storage/database.h"
#include "storage/fileerrors.h"
#include "storage/pagechecksums.h"
#include "storage/projectfile.h"
#include "text/textoffsets.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <map>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <set>
#include <sqlite3.h>

namespace Quire {

QString toString(AttributeScope scope)
{
    return scope == AttributeScope::Case ? QStringLiteral("case") : QStringLiteral("document");
}

QString toString(AttributeType type)
{
    switch (type) {
    case AttributeType::Text:
        return QStringLiteral("text");
    case AttributeType::Number:
        return QStringLiteral("number");
    case AttributeType::Date:
        return QStringLiteral("date");
    case AttributeType::Boolean:
        return QStringLiteral("boolean");
    case AttributeType::Choice:
        return QStringLiteral("choice");
    }
    return QString();
}

Project::Project(std::unique_ptr<Database> db)
    : m_db(std::move(db))
    , m_log(std::make_unique<CommandLog>(*m_db))
    , m_memos(std::make_unique<MemoStore>(*m_db, *m_log))
    , m_cases(std::make_unique<CaseStore>(*m_db, *m_log))
    , m_documents(std::make_unique<DocumentStore>(*m_db, *m_log, *m_cases))
    , m_codebook(std::make_unique<Codebook>(*m_db, *m_log))
    , m_segments(std::make_unique<SegmentStore>(*m_db, *m_log, *m_documents, *m_codebook, *m_cases, *m_memos))
{
    m_cases->documentName = [this](Id id) { return document(id).name; };
    m_log->beforeFirstChange = [this] { beforeFirstWrite(); };
    m_log->afterUndoRedo = [this] { m_documents->forgetCachedText(); };
}

Project::~Project()
{
    checkpoint();
}

void Project::checkpoint() noexcept
{
    if (m_db && !m_readOnly)
        m_db->checkpoint();
}

void Project::configureConnection()
{
    m_db->exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    // WAL: readers never block the writer, and a crash mid-command leaves the
    // last committed state intact.
    Statement wal(*m_db, QStringLiteral("PRAGMA journal_mode = WAL"));
    wal.step();
    m_db->exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
}

std::unique_ptr<Project> Project::create(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists())
        throw Error(QStringLiteral("%1: already exists; choose another name or open it").arg(path));
    if (!info.absoluteDir().exists())
        throw Error(QStringLiteral("%1: folder %2 does not exist").arg(path, info.absolutePath()));
    if (FileErrors::folderReadOnly(path))
        throw Error(QStringLiteral("%1: cannot create the project: the folder %2 is read-only for you")
                        .arg(path, info.absolutePath()));
    // Built aside and renamed when complete (docs/reliability.md).
    const QString partial = ProjectFile::partialPathFor(path);
    try {
        {
            auto db = std::make_unique<Database>(partial, Database::OpenMode::ReadWriteCreate);
            // Every page carries a checksum from the first one on (decision 0010).
            PageChecksums::startChecksummedFile(db->handle());
            // Before any statement touches the search tables (the migrations create them).
            SearchIndex::registerConnection(db->handle());
            std::unique_ptr<Project> project(new Project(std::move(db)));
            project->configureConnection();
            Schema::create(*project->m_db);
            Statement meta(*project->m_db, QStringLiteral("INSERT INTO meta(key, value) VALUES ('created', ?1)"));
            meta.bind(1, CommandLog::now()).run();
        }
        // Closing copies the log into the file; a log left behind means the
        // file could not take it (a full disk): it is not a whole project.
        if (QFileInfo::exists(partial + QStringLiteral("-wal")))
            throw Error(FileErrors::writeFailure(partial, QStringLiteral("the new file could not be completed")));
        ProjectFile::publish(partial, path);
    } catch (const Error &e) {
        ProjectFile::removeWithCompanions(partial);
        QString cause = e.message();
        const QString prefix = QFileInfo(partial).fileName() + QStringLiteral(": ");
        if (cause.startsWith(prefix))
            cause.remove(0, prefix.size());
        throw Error(QStringLiteral("%1: cannot create the project: %2").arg(path, cause));
    }
    return open(path);
}

namespace {

/// Runs SQLite's quick check; the first problem, or an empty string.
QString quickCheck(Database &db)
{
    try {
        Statement st(db, QStringLiteral("PRAGMA quick_check(1)"));
        if (st.step() && st.columnText(0) != QLatin1String("ok"))
            return st.columnText(0);
        return QString();
    } catch (const Error &e) {
        return e.message();
    }
}

} // namespace

std::unique_ptr<Project> Project::open(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw Error(QStringLiteral("%1: no such file").arg(path));
    if (info.isDir())
        throw Error(QStringLiteral("%1: is a directory, not a Quire project").arg(path));
    if (info.size() == 0)
        throw Error(QStringLiteral("%1: is empty (0 bytes), not a Quire project").arg(path));
    ProjectFile::checkSingleName(path);
    ProjectFile::checkNotCutOff(path);
    const bool canWrite = ProjectFile::writable(path);
    Database::OpenMode mode = Database::OpenMode::ReadWrite;
    if (!canWrite) {
        // A WAL database shares its -shm file; in a folder nobody can write
        // there is none, and no writer either: read the file as it is.
        mode = !FileErrors::folderReadOnly(path) || QFileInfo::exists(path + QStringLiteral("-shm"))
                   ? Database::OpenMode::ReadOnly
                   : Database::OpenMode::ReadOnlyImmutable;
    }
    // A log with commands in it and nobody writing: a session that was
    // killed (its commands are replayed), or a log that belongs to another
    // copy of the file (checked below, never replayed into the file unchecked).
    const bool leftoverLog = canWrite && ProjectFile::walBytes(path) > 0 && !ProjectFile::openElsewhere(path);
    QStringList notes;
    auto connect = [&] {
        auto db = std::make_unique<Database>(path, mode);
        // Before any statement touches the search tables (a migration may
        // create them); it reads and writes nothing in the file.
        SearchIndex::registerConnection(db->handle());
        if (leftoverLog) // nothing is copied into the file until the log is checked
            sqlite3_db_config(db->handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        return db;
    };
    auto db = connect();
    if (leftoverLog) {
        const QString problem = quickCheck(*db);
        if (!problem.isEmpty()) {
            db.reset(); // no checkpoint on close: the file is as it was
            const QString aside =
                path + QStringLiteral("-wal.set-aside-%1")
                           .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
            if (!QFile::rename(path + QStringLiteral("-wal"), aside))
                throw Error(QStringLiteral("%1: the write-ahead log beside the project (%2-wal) does not fit it (%3) "
                                           "and could not be set aside")
                                .arg(info.fileName(), info.fileName(), problem));
            QFile::remove(path + QStringLiteral("-shm"));
            db = connect();
            const QString still = quickCheck(*db);
            if (!still.isEmpty())
                throw Error(QStringLiteral("%1: the project file is damaged (%2). Restore the newest backup: "
                                           "quire-cli backup restore %1")
                                .arg(info.fileName(), still));
            notes << QStringLiteral("%1: the write-ahead log beside the project did not fit the file (%2), perhaps "
                                    "left from another copy of the project; it was set aside as %3 and the project "
                                    "opened as it was last saved in the file itself")
                         .arg(info.fileName(), problem, QFileInfo(aside).fileName());
        }
        sqlite3_db_config(db->handle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);
    }
    std::unique_ptr<Project> project(new Project(std::move(db)));
    project->m_readOnly = mode != Database::OpenMode::ReadWrite;
    for (const QString &note : notes)
        project->addNote(note);
    // Identify the file before changing anything in it (WAL mode is a write).
    try {
        Schema::openAndMigrate(*project->m_db);
    } catch (const Error &) {
        // A full disk: SQLite cannot make the shared-memory file a writer
        // needs. With nothing waiting in a log the file alone is the project:
        // read it as it is, read-only, until there is room again.
        const int code = sqlite3_extended_errcode(project->m_db->handle());
        const bool full = (code & 0xff) == SQLITE_FULL || sqlite3_system_errno(project->m_db->handle()) == ENOSPC ||
                          FileErrors::diskNearlyFull(path);
        if (!full || mode != Database::OpenMode::ReadWrite || ProjectFile::walBytes(path) > 0)
            throw;
        project.reset();
        if (!ProjectFile::openElsewhere(path)) {
            // Left by the attempt, empty: nothing is lost with them.
            QFile::remove(path + QStringLiteral("-wal"));
            QFile::remove(path + QStringLiteral("-shm"));
        }
        mode = Database::OpenMode::ReadOnlyImmutable;
        project.reset(new Project(connect()));
        project->m_readOnly = true;
        Schema::openAndMigrate(*project->m_db);
        // "the disk is full (N free in FOLDER)", the same words as every other full-disk error.
        const QString diskFull = FileErrors::describeErrno(ENOSPC, path);
        project->m_readOnlyReason = QStringLiteral("%1: %2; the project is open read-only until there is room, and "
                                                   "nothing was changed")
                                        .arg(info.fileName(), diskFull);
        project->addNote(QStringLiteral("%1: %2, so the project is open read-only; make room to change it again")
                             .arg(info.fileName(), diskFull));
        return project;
    }
    if (project->m_readOnly)
        return project;
    project->configureConnection();
    // A project made before page checksums gets them, when nobody else has it open.
    if (!PageChecksums::isChecksummed(project->m_db->handle()) && !ProjectFile::openElsewhere(path)) {
        const QString partial = ProjectFile::partialPathFor(path);
        try {
            Statement vac(*project->m_db, QStringLiteral("VACUUM INTO ?1"));
            vac.bind(1, PageChecksums::vacuumTarget(project->m_db->handle(), partial, true));
            vac.run();
        } catch (const Error &) {
            // No room or no rights for the copy: the project opens as it is.
            ProjectFile::removeWithCompanions(partial);
            return project;
        }
        project.reset();
        if (ProjectFile::openElsewhere(path)) {
            ProjectFile::removeWithCompanions(partial);
        } else {
            ProjectFile::replace(partial, path);
        }
        return open(path);
    }
    return project;
}

namespace {
std::atomic<void (*)(const QString &)> noteHandler{nullptr};
} // namespace

void Project::setNoteHandler(void (*handler)(const QString &note))
{
    noteHandler = handler;
}

void Project::addNote(const QString &note)
{
    if (auto handler = noteHandler.load())
        handler(note);
    else
        m_notes << note;
}

QStringList Project::takeNotes()
{
    QStringList out;
    out.swap(m_notes);
    return out;
}

void Project::beforeFirstWrite()
{
    if (!m_readOnlyReason.isEmpty())
        throw Error(m_readOnlyReason);
    if (m_wroteBefore || m_readOnly)
        return;
    m_wroteBefore = true;
    // Nothing to keep in a project with no history yet.
    if (m_log->empty() || !Backups::due(path()))
        return;
    try {
        Backups::make(*m_db, path());
    } catch (const Error &e) {
        addNote(e.message());
    }
}

void Project::setBusyTimeout(int ms)
{
    m_db->setBusyTimeout(ms);
}

void Project::setCancelCheck(std::function<bool()> cancelled)
{
    m_cancelled = std::move(cancelled);
    if (m_cancelled) {
        sqlite3_progress_handler(
            m_db->handle(), 1000, [](void *p) { return static_cast<Project *>(p)->m_cancelled() ? 1 : 0; }, this);
    } else {
        sqlite3_progress_handler(m_db->handle(), 0, nullptr, nullptr);
    }
}

void Project::interrupt() noexcept
{
    sqlite3_interrupt(m_db->handle());
}

qint64 Project::dataVersion() const
{
    return m_db->scalarInt(QStringLiteral("PRAGMA data_version"));
}

void Project::atomically(const std::function<void()> &body)
{
    Transaction tx(*m_db);
    body();
    tx.commit();
}

Backups::Backup Project::makeBackup()
{
    return Backups::make(*m_db, path());
}

void Project::saveCopy(const QString &target)
{
    Backups::saveCopy(*m_db, target);
}

QString Project::path() const
{
    return m_db->path();
}

QString Project::fileName() const
{
    return QFileInfo(m_db->path()).fileName();
}

std::optional<QString> Project::created() const
{
    Statement st(*m_db, QStringLiteral("SELECT value FROM meta WHERE key = 'created'"));
    if (!st.step())
        return std::nullopt;
    return st.columnText(0);
}

void Project::setCoder(const QString &name)
{
    m_log->setCoder(name);
}

QString Project::coder() const
{
    return m_log->coder();
}

void Project::runCommand(const QString &kind, const QString &summary, const QJsonObject &args,
                         const std::function<void()> &body)
{
    m_log->run(kind, summary, args, body);
}

// ---- command log ------------------------------------------------------------

void Project::batch(const QString &kind, const QString &summary, const std::function<void()> &body)
{
    m_log->run(kind, summary, {}, body);
}

bool Project::canUndo() const
{
    return m_log->canUndo();
}

bool Project::canRedo() const
{
    return m_log->canRedo();
}

QString Project::undo()
{
    return m_log->undo();
}

QString Project::redo()
{
    return m_log->redo();
}

std::vector<CommandRecord> Project::history() const
{
    return m_log->history();
}

// ---- documents --------------------------------------------------------------

std::vector<Id> Project::importDocuments(const std::vector<ImportedFile> &files,
                                         const QList<QPair<QString, QString>> &documentAttributes,
                                         const QString &caseName)
{
    ImportTarget target;
    target.attributes = documentAttributes;
    target.caseName = caseName;
    return importDocuments(files, target);
}

std::vector<Id> Project::importDocuments(const std::vector<ImportedFile> &files, const ImportTarget &target)
{
    return m_documents->import(files, target);
}

std::vector<Document> Project::documents() const
{
    return m_documents->list();
}

std::vector<std::pair<Id, QString>> Project::documentNames() const
{
    return m_documents->names();
}

Document Project::document(Id id) const
{
    return m_documents->document(id);
}

Document Project::findDocument(const QString &nameOrId) const
{
    return m_documents->find(nameOrId);
}

QString Project::documentText(Id id) const
{
    return m_documents->text(id);
}

QString Project::documentRange(Id id, qsizetype start, qsizetype end) const
{
    return m_documents->range(id, start, end);
}

void Project::renameDocument(Id id, const QString &name)
{
    m_documents->rename(id, name);
}

void Project::deleteDocument(Id id, bool force)
{
    const Document d = document(id);
    const auto segs = segments(id);
    if (!segs.empty() && !force)
        throw Error(QStringLiteral("%1 has %2 coded segments; deleting it removes them (use --force)")
                        .arg(d.name)
                        .arg(segs.size()));
    m_documents->checkNotInWorkshop(d);
    runCommand(QStringLiteral("document.delete"), QStringLiteral("Delete document %1").arg(d.name),
               {{QStringLiteral("id"), id}}, [&] {
                   m_segments->removeForDocumentDuringCommand(id);
                   m_memos->removeFor(QStringLiteral("document"), {id});
                   m_cases->forgetDocument(id);
                   m_documents->removeDuringCommand(id);
               });
}

std::vector<Turn> Project::turns(Id documentId) const
{
    return m_documents->turns(documentId);
}

bool Project::hasSpeaker(const QString &speaker) const
{
    return m_documents->hasSpeaker(speaker);
}

std::vector<Page> Project::pages(Id documentId) const
{
    return m_documents->pages(documentId);
}

std::vector<qsizetype> Project::findQuote(Id documentId, const QString &quote) const
{
    return m_documents->findQuote(documentId, quote);
}

// ---- codes --------------------------------------------------------------------

Id Project::addCode(const QString &path, const QString &color, const QString &description)
{
    return m_codebook->add(path, color, description);
}

Id Project::resolveCode(const QString &path) const
{
    return m_codebook->resolve(path);
}

std::optional<Id> Project::tryResolveCode(const QString &path) const
{
    return m_codebook->tryResolve(path);
}

std::vector<Code> Project::codes() const
{
    return m_codebook->list();
}

Code Project::code(Id id) const
{
    return m_codebook->code(id);
}

QStringList Project::codePaths(Id id) const
{
    return m_codebook->codePaths(id);
}

std::vector<Id> Project::children(std::optional<Id> parent) const
{
    return m_codebook->children(parent);
}

void Project::renameCode(const QString &path, const QString &newName)
{
    m_codebook->rename(path, newName);
}

void Project::moveCode(const QString &path, const QString &newParentPath)
{
    m_codebook->move(path, newParentPath);
}

void Project::linkCode(const QString &path, const QString &parentPath)
{
    m_codebook->link(path, parentPath);
}

void Project::unlinkCode(const QString &path)
{
    m_codebook->unlink(path);
}

void Project::mergeCode(const QString &from, const QString &into)
{
    const Id src = resolveCode(from);
    const Id dst = resolveCode(into);
    m_codebook->checkMergeable(src, dst, from, into);
    runCommand(QStringLiteral("code.merge"), QStringLiteral("Merge code %1 into %2").arg(from, into),
               {{QStringLiteral("from"), from}, {QStringLiteral("into"), into}}, [&] {
                   m_segments->recodeDuringCommand(src, dst);
                   m_memos->retarget(QStringLiteral("code"), src, dst);
                   m_codebook->mergeDuringCommand(src, dst);
               });
}

void Project::deleteCode(const QString &path, bool force)
{
    const auto resolved = m_codebook->resolveWithParent(path);
    const Id id = resolved.first;
    const std::optional<Id> viaParent = resolved.second;
    // A multi-parent code reached through one parent only loses that place.
    const Code c = code(id);
    if (viaParent && c.parents.size() > 1) {
        unlinkCode(path);
        return;
    }
    const std::set<Id> doomed = m_codebook->subtree(id);
    const qsizetype segs = m_segments->countForCodes(doomed);
    if (segs > 0 && !force)
        throw Error(QStringLiteral(
                        "code \"%1\"%2 has %3 coded segments; deleting it uncodes them (use --force; it can be undone)")
                        .arg(path, doomed.size() > 1 ? QStringLiteral(" with its %1 sub-codes").arg(doomed.size() - 1)
                                                     : QString())
                        .arg(segs));
    runCommand(QStringLiteral("code.delete"), QStringLiteral("Delete code %1").arg(path),
               {{QStringLiteral("path"), path}, {QStringLiteral("codes"), qint64(doomed.size())}}, [&] {
                   m_segments->uncodeDuringCommand(doomed);
                   m_memos->removeFor(QStringLiteral("code"), doomed);
                   m_codebook->removeDuringCommand(doomed);
               });
}

void Project::describeCode(const QString &path, const std::optional<QString> &description,
                           const std::optional<QString> &color)
{
    m_codebook->describe(path, description, color);
}

qsizetype Project::segmentCount(Id codeId) const
{
    return m_segments->countForCode(codeId);
}

// ---- segments -------------------------------------------------------------

Id Project::addSegment(Id documentId, qsizetype start, qsizetype end, const std::vector<Id> &codeIds,
                       const QString &memo, std::optional<Id> caseId)
{
    return m_segments->add(documentId, start, end, codeIds, memo, caseId);
}

std::vector<Id> Project::addSegments(Id documentId, const std::vector<std::pair<qsizetype, qsizetype>> &ranges,
                                     const std::vector<Id> &codeIds, const QString &memo)
{
    return m_segments->addMany(documentId, ranges, codeIds, memo);
}

void Project::removeSegment(Id segmentId)
{
    m_segments->remove(segmentId);
}

void Project::resizeSegment(Id segmentId, qsizetype start, qsizetype end)
{
    m_segments->resize(segmentId, start, end);
}

void Project::setSegmentMemo(Id segmentId, const QString &memo)
{
    m_segments->setMemo(segmentId, memo);
}

void Project::removeSegmentCode(Id segmentId, Id codeId)
{
    m_segments->removeCode(segmentId, codeId);
}

Segment Project::segment(Id id) const
{
    return m_segments->segment(id);
}

std::vector<Segment> Project::segments(std::optional<Id> documentId, std::optional<Id> codeId) const
{
    return m_segments->list(documentId, codeId);
}

std::vector<CodingLink> Project::codingLinks() const
{
    return m_segments->codingLinks();
}

std::vector<CodingLink> Project::codingLinks(const std::set<Id> &codes) const
{
    return m_segments->codingLinks(codes);
}

std::vector<std::pair<Id, QString>> Project::coders() const
{
    return m_log->coders();
}

Id Project::addCase(const QString &name, const QString &kind)
{
    return m_cases->addCase(name, kind);
}

std::vector<Case> Project::cases() const
{
    return m_cases->cases();
}

void Project::setCaseCounted(Id caseId, bool counted)
{
    m_cases->setCaseCounted(caseId, counted);
}

std::optional<Case> Project::tryFindCase(const QString &name) const
{
    return m_cases->tryFindCase(name);
}

Case Project::findCase(const QString &nameOrId) const
{
    return m_cases->findCase(nameOrId);
}

void Project::linkCaseDocument(Id caseId, Id documentId)
{
    m_cases->linkCaseDocument(caseId, documentId);
}

std::vector<Id> Project::caseDocuments(Id caseId) const
{
    return m_cases->caseDocuments(caseId);
}

std::vector<Id> Project::documentCases(Id documentId) const
{
    return m_cases->documentCases(documentId);
}

std::vector<AttributeDef> Project::attributeDefs() const
{
    return m_cases->attributeDefs();
}

void Project::defineAttribute(AttributeScope scope, const QString &name, AttributeType type, const QStringList &choices)
{
    m_cases->defineAttribute(scope, name, type, choices);
}

void Project::setAttribute(AttributeScope scope, Id ownerId, const QString &name, const QString &value)
{
    m_cases->setAttribute(scope, ownerId, name, value);
}

std::vector<AttributeValue> Project::attributeValues(std::optional<AttributeScope> scope) const
{
    return m_cases->attributeValues(scope);
}

QString Project::attribute(AttributeScope scope, Id ownerId, const QString &name) const
{
    return m_cases->attribute(scope, ownerId, name);
}

// ---- memos ------------------------------------------------------------------

Id Project::addMemo(const QString &targetKind, std::optional<Id> targetId, const QString &text, const QString &title)
{
    static const QStringList kinds{QStringLiteral("project"), QStringLiteral("document"), QStringLiteral("code"),
                                   QStringLiteral("segment"), QStringLiteral("case")};
    if (!kinds.contains(targetKind))
        throw Error(QStringLiteral("a memo belongs to one of: %1 (not \"%2\")")
                        .arg(kinds.join(QStringLiteral(", ")), targetKind));
    if (text.isEmpty())
        throw Error(QStringLiteral("the memo text is empty"));
    if (targetKind == QLatin1String("project")) {
        targetId.reset();
    } else {
        if (!targetId)
            throw Error(QStringLiteral("a %1 memo needs the %1 it belongs to").arg(targetKind));
        if (targetKind == QLatin1String("document"))
            document(*targetId);
        else if (targetKind == QLatin1String("code"))
            code(*targetId);
        else if (targetKind == QLatin1String("segment"))
            segment(*targetId);
        else
            findCase(QString::number(*targetId));
    }
    return m_memos->add(targetKind, targetId, text, title);
}

void Project::editMemo(Id memoId, const QString &text)
{
    m_memos->edit(memoId, text);
}

void Project::deleteMemo(Id memoId)
{
    m_memos->remove(memoId);
}

std::vector<Memo> Project::memos(const QString &targetKind, std::optional<Id> targetId) const
{
    return m_memos->list(targetKind, targetId);
}

// ---- command log ------------------------------------------------------------

Project::CompactResult Project::compact()
{
    beforeFirstWrite();
    CompactResult r;
    r.bytesBefore = QFileInfo(m_db->path()).size();
    // VACUUM writes a new copy of the file (through the WAL) before the old
    // pages go: refuse up front rather than stop half way on a full disk.
    const qint64 free = FileErrors::freeBytes(m_db->path());
    if (free >= 0 && free < 2 * r.bytesBefore + 1024 * 1024)
        throw Error(QStringLiteral("%1: cannot compact: the disk is full (it needs up to %2 free for the rewrite, %3 "
                                   "are free in %4); nothing was changed")
                        .arg(fileName(), FileErrors::sizeText(2 * r.bytesBefore), FileErrors::sizeText(free),
                             QFileInfo(m_db->path()).absolutePath()));
    {
        Transaction tx(*m_db);
        // Documents the command log can still bring back: every row of the
        // documents table in a done or undone command's changeset (a
        // discarded command is never redone).
        r.textsRemoved = m_documents->removeUnreachableTexts(m_log->rowsInHistory("documents"));
        tx.commit();
    }
    vacuum();
    m_db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    r.bytesAfter = QFileInfo(m_db->path()).size();
    return r;
}

void Project::vacuum()
{
    m_db->exec(QStringLiteral("VACUUM"));
}

} // namespace Quire
