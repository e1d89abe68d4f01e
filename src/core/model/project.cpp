// SPDX-License-Identifier: GPL-3.0-or-later
#define SQLITE_ENABLE_SESSION
#define SQLITE_ENABLE_PREUPDATE_HOOK
#include "model/project.h"

#include "model/casestore.h"
#include "model/commandlog.h"
#include "model/memostore.h"

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
#include <QRegularExpression>
#include <QUuid>
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

namespace {

QStringList splitPath(const QString &path)
{
    QString p = path;
    if (p.startsWith(QLatin1Char('/')))
        p.remove(0, 1);
    if (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    if (p.isEmpty())
        throw Error(QStringLiteral("empty code path"));
    const QStringList parts = p.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part.trimmed().isEmpty())
            throw Error(QStringLiteral("code path \"%1\" has an empty part").arg(path));
    }
    return parts;
}

QString joinPath(const QStringList &parts)
{
    return parts.join(QLatin1Char('/'));
}

QString idList(const std::set<Id> &ids)
{
    QStringList out;
    for (Id id : ids)
        out << QString::number(id);
    return out.join(QLatin1Char(','));
}

} // namespace

Project::Project(std::unique_ptr<Database> db)
    : m_db(std::move(db))
    , m_log(std::make_unique<CommandLog>(*m_db))
    , m_memos(std::make_unique<MemoStore>(*m_db, *m_log))
    , m_cases(std::make_unique<CaseStore>(*m_db, *m_log))
{
    m_cases->documentName = [this](Id id) { return document(id).name; };
    m_log->beforeFirstChange = [this] { beforeFirstWrite(); };
    m_log->afterUndoRedo = [this] { m_offsetCache.reset(); };
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

void Project::setCoder(const QString &name)
{
    m_log->setCoder(name);
}

QString Project::coder() const
{
    return m_log->coder();
}

Id Project::coderId()
{
    return m_log->coderId();
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
    QStringList names, sources;
    for (const auto &f : files) {
        sources << f.sourcePath;
        if (f.documents.empty() && !f.parts)
            throw Error(QStringLiteral("%1: the file holds no documents").arg(QFileInfo(f.sourcePath).fileName()));
        for (const auto &d : f.documents)
            names << d.name;
        if (f.parts)
            names << f.parts->names();
    }
    if (names.isEmpty())
        throw Error(QStringLiteral("nothing to import"));
    std::vector<Id> ids;
    QJsonObject args{{QStringLiteral("sources"), QJsonArray::fromStringList(sources)},
                     {QStringLiteral("documents"), QJsonArray::fromStringList(names)}};
    const QString summary = names.size() == 1
                                ? QStringLiteral("Import %1").arg(names.front())
                                : QStringLiteral("Import %1 documents (%2, …)").arg(names.size()).arg(names.front());
    runCommand(QStringLiteral("import"), summary, args, [&] {
        const Id coder = coderId();
        // Cases by name, created on first use within this import.
        std::map<QString, Id> caseIds;
        auto caseFor = [&](const QString &name, const QString &kind, bool counted) {
            auto it = caseIds.find(name);
            if (it != caseIds.end())
                return it->second;
            Id id = 0;
            if (auto c = tryFindCase(name)) {
                id = c->id;
            } else {
                id = addCase(name, kind);
                if (!counted)
                    setCaseCounted(id, false);
            }
            caseIds.emplace(name, id);
            return id;
        };
        std::optional<Id> targetCase;
        if (!target.caseName.isEmpty())
            targetCase = caseFor(target.caseName, QStringLiteral("participant"), true);
        Statement exists(*m_db, QStringLiteral("SELECT 1 FROM documents WHERE name = ?1"));
        Statement ins(
            *m_db,
            QStringLiteral(
                "INSERT INTO documents(id, name, kind, length, sha256, format, encoding, source_path, import_meta, "
                "imported_by, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
        // The text goes in first, under the id the document row will get:
        // the index triggers on documents read it from there.
        Statement text(*m_db, QStringLiteral("INSERT INTO document_texts(document_id, text) VALUES (?1, ?2)"));
        Statement nextId(
            *m_db,
            QStringLiteral("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'documents'), 0) + 1"));
        Statement turn(*m_db,
                       QStringLiteral("INSERT INTO turns(document_id, start, \"end\", speaker, case_id, time_ms, "
                                      "time_end_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
        Statement page(
            *m_db, QStringLiteral("INSERT INTO pages(document_id, number, start, \"end\") VALUES (?1, ?2, ?3, ?4)"));
        const QString when = CommandLog::now();
        auto store = [&](const ImportedFile &f, const ImportedDocument &d) {
            const QString source = QFileInfo(f.sourcePath).fileName();
            exists.reset();
            exists.bind(1, d.name);
            if (exists.step())
                throw Error(QStringLiteral("%1: the project already has a document named \"%2\"").arg(source, d.name));
            const qsizetype length = TextOffsets::codePointLength(d.text);
            QJsonObject meta = d.meta;
            meta.insert(QStringLiteral("sourceFile"), source);
            meta.insert(QStringLiteral("sourceSize"), f.size);
            meta.insert(QStringLiteral("importer"), f.format);
            nextId.reset();
            nextId.step();
            const Id docId = nextId.columnInt(0);
            text.reset();
            text.bind(1, docId).bind(2, d.text).run();
            ins.reset();
            ins.bind(1, docId)
                .bind(2, d.name)
                .bind(3, d.kind)
                .bind(4, qint64(length))
                .bind(5, f.sha256)
                .bind(6, f.format)
                .bind(7, d.encoding)
                .bind(8, f.sourcePath)
                .bind(9, QString::fromUtf8(QJsonDocument(meta).toJson(QJsonDocument::Compact)))
                .bind(10, coder)
                .bind(11, when)
                .run();
            ids.push_back(docId);
            const QString stem = QFileInfo(d.name).completeBaseName();
            for (const auto &t : d.turns) {
                if (t.start < 0 || t.end < t.start || t.end > length)
                    throw Error(
                        QStringLiteral(
                            "%1: importer reported an impossible speaker turn %2:%3 (the text has %4 characters)")
                            .arg(d.name)
                            .arg(t.start)
                            .arg(t.end)
                            .arg(length));
                std::optional<Id> speakerCase;
                if (!t.speaker.isEmpty()) {
                    QString name = target.speakerCaseTemplate;
                    name.replace(QStringLiteral("{speaker}"), t.speaker).replace(QStringLiteral("{document}"), stem);
                    const bool counted = !target.uncountedSpeakers.contains(t.speaker, Qt::CaseInsensitive);
                    speakerCase =
                        caseFor(name, counted ? QStringLiteral("participant") : QStringLiteral("facilitator"), counted);
                    m_cases->linkDuringCommand(*speakerCase, docId);
                }
                turn.reset();
                turn.bind(1, docId).bind(2, qint64(t.start)).bind(3, qint64(t.end)).bind(4, t.speaker);
                turn.bind(5, speakerCase).bind(6, t.timeMs).bind(7, t.endTimeMs).run();
            }
            for (const auto &pg : d.pages) {
                if (pg.start < 0 || pg.end < pg.start || pg.end > length)
                    throw Error(QStringLiteral("%1: importer reported an impossible page %2 at %3:%4")
                                    .arg(d.name)
                                    .arg(pg.number)
                                    .arg(pg.start)
                                    .arg(pg.end));
                page.reset();
                page.bind(1, docId).bind(2, pg.number).bind(3, qint64(pg.start)).bind(4, qint64(pg.end)).run();
            }
            if (!d.caseName.isEmpty()) {
                m_cases->linkDuringCommand(caseFor(d.caseName, QStringLiteral("participant"), true), docId);
            }
            if (targetCase) {
                m_cases->linkDuringCommand(*targetCase, docId);
            }
            for (const auto &kv : d.attributes)
                setAttribute(AttributeScope::Document, docId, kv.first, kv.second);
            for (const auto &kv : target.attributes)
                setAttribute(AttributeScope::Document, docId, kv.first, kv.second);
        };
        for (const auto &f : files) {
            for (const auto &d : f.documents)
                store(f, d);
            // Parts of a very large file: one in memory at a time.
            if (f.parts) {
                while (const std::optional<ImportedDocument> d = f.parts->next())
                    store(f, *d);
            }
        }
    });
    return ids;
}

namespace {
const char *const DocumentColumns =
    "SELECT id, name, kind, format, encoding, sha256, coalesce(source_path, ''), import_meta, imported_at, length "
    "FROM documents";

Document readDocument(const Statement &st)
{
    Document d;
    d.id = st.columnInt(0);
    d.name = st.columnText(1);
    d.kind = st.columnText(2);
    d.format = st.columnText(3);
    d.encoding = st.columnText(4);
    d.sha256 = st.columnText(5);
    d.sourcePath = st.columnText(6);
    d.importMeta = st.columnText(7);
    d.importedAt = st.columnText(8);
    d.length = st.columnInt(9);
    return d;
}
} // namespace

std::vector<Document> Project::documents() const
{
    Statement st(*m_db, QString::fromUtf8(DocumentColumns) + QStringLiteral(" ORDER BY id"));
    std::vector<Document> out;
    while (st.step())
        out.push_back(readDocument(st));
    return out;
}

Document Project::document(Id id) const
{
    Statement st(*m_db, QString::fromUtf8(DocumentColumns) + QStringLiteral(" WHERE id = ?1"));
    st.bind(1, id);
    if (!st.step())
        throw Error(QStringLiteral("no document with id %1").arg(id));
    return readDocument(st);
}

Document Project::findDocument(const QString &nameOrId) const
{
    Statement st(*m_db, QString::fromUtf8(DocumentColumns) + QStringLiteral(" WHERE name = ?1"));
    st.bind(1, nameOrId);
    if (st.step())
        return readDocument(st);
    bool ok = false;
    const Id id = nameOrId.toLongLong(&ok);
    if (ok) {
        Statement byId(*m_db, QString::fromUtf8(DocumentColumns) + QStringLiteral(" WHERE id = ?1"));
        byId.bind(1, id);
        if (byId.step())
            return readDocument(byId);
    }
    throw Error(QStringLiteral("%1: no document named \"%2\"").arg(fileName(), nameOrId));
}

QString Project::documentText(Id id) const
{
    Statement st(*m_db, QStringLiteral("SELECT text FROM document_text_view WHERE id = ?1"));
    st.bind(1, id);
    if (!st.step())
        throw Error(QStringLiteral("no document with id %1").arg(id));
    return st.columnText(0);
}

const TextOffsets &Project::offsets(Id documentId) const
{
    if (!m_offsetCache || m_offsetCache->first != documentId)
        m_offsetCache.emplace(documentId, std::make_shared<TextOffsets>(documentText(documentId)));
    return *m_offsetCache->second;
}

void Project::checkRange(Id documentId, qsizetype start, qsizetype end) const
{
    checkRange(document(documentId), start, end);
}

void Project::checkRange(const Document &d, qsizetype start, qsizetype end)
{
    if (start < 0 || end < 0)
        throw Error(QStringLiteral("%1: range %2:%3 has a negative offset").arg(d.name).arg(start).arg(end));
    if (end > d.length || start > d.length)
        throw Error(QStringLiteral("%1: range %2:%3 is past the end of the document (%4 characters)")
                        .arg(d.name)
                        .arg(start)
                        .arg(end)
                        .arg(d.length));
    if (start >= end)
        throw Error(QStringLiteral("%1: range %2:%3 is empty or reversed; the end must be after the start")
                        .arg(d.name)
                        .arg(start)
                        .arg(end));
}

QString Project::documentRange(Id id, qsizetype start, qsizetype end) const
{
    if (start != end)
        checkRange(id, start, end);
    return offsets(id).mid(start, end);
}

void Project::renameDocument(Id id, const QString &name)
{
    const Document d = document(id);
    if (name.trimmed().isEmpty())
        throw Error(QStringLiteral("a document name cannot be empty"));
    runCommand(QStringLiteral("document.rename"), QStringLiteral("Rename document %1 to %2").arg(d.name, name),
               {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}}, [&] {
                   Statement st(*m_db, QStringLiteral("SELECT 1 FROM documents WHERE name = ?1 AND id <> ?2"));
                   st.bind(1, name).bind(2, id);
                   if (st.step())
                       throw Error(QStringLiteral("a document named \"%1\" already exists").arg(name));
                   Statement up(*m_db, QStringLiteral("UPDATE documents SET name = ?1 WHERE id = ?2"));
                   up.bind(1, name).bind(2, id).run();
               });
}

void Project::deleteDocument(Id id, bool force)
{
    const Document d = document(id);
    const auto segs = segments(id);
    if (!segs.empty() && !force)
        throw Error(QStringLiteral("%1 has %2 coded segments; deleting it removes them (use --force)")
                        .arg(d.name)
                        .arg(segs.size()));
    // A workshop statement sorted into a theme or summed up by an I statement
    // is part of a traceable chain (docs/wtfc.md): it is taken out there first.
    Statement inWorkshop(*m_db,
                         QStringLiteral("SELECT (SELECT count(*) FROM wtfc_theme_statements WHERE document_id = ?1) + "
                                        "(SELECT count(*) FROM wtfc_istatement_statements WHERE document_id = ?1)"));
    inWorkshop.bind(1, id);
    if (inWorkshop.step() && inWorkshop.columnInt(0) > 0)
        throw Error(
            QStringLiteral("%1 is a statement of the workshop (in a theme or behind an I statement); take it out "
                           "of the workshop first (quire-cli wtfc theme unassign / unlink)")
                .arg(d.name));
    runCommand(
        QStringLiteral("document.delete"), QStringLiteral("Delete document %1").arg(d.name),
        {{QStringLiteral("id"), id}}, [&] {
            const QString ids = QString::number(id);
            std::set<Id> segIds;
            for (const Segment &s : segs)
                segIds.insert(s.id);
            m_memos->removeFor(QStringLiteral("segment"), segIds);
            m_memos->removeFor(QStringLiteral("document"), {id});
            m_cases->forgetDocument(id);
            m_db->exec(
                QStringLiteral(
                    "DELETE FROM segment_codes WHERE segment_id IN (SELECT id FROM segments WHERE document_id = %1);"
                    "DELETE FROM segments WHERE document_id = %1;"
                    "DELETE FROM turns WHERE document_id = %1;"
                    "DELETE FROM pages WHERE document_id = %1;"
                    "DELETE FROM documents WHERE id = %1;")
                    .arg(ids));
        });
    m_offsetCache.reset();
}

std::vector<Turn> Project::turns(Id documentId) const
{
    Statement st(*m_db, QStringLiteral("SELECT id, document_id, start, \"end\", speaker, case_id, time_ms, time_end_ms "
                                       "FROM turns WHERE document_id = ?1 ORDER BY start"));
    st.bind(1, documentId);
    std::vector<Turn> out;
    while (st.step())
        out.push_back({st.columnInt(0), st.columnInt(1), st.columnInt(2), st.columnInt(3), st.columnText(4),
                       st.columnOptInt(5), st.columnOptInt(6), st.columnOptInt(7)});
    return out;
}

std::vector<Page> Project::pages(Id documentId) const
{
    Statement st(*m_db, QStringLiteral("SELECT document_id, number, start, \"end\" FROM pages WHERE document_id = ?1 "
                                       "ORDER BY number"));
    st.bind(1, documentId);
    std::vector<Page> out;
    while (st.step())
        out.push_back({st.columnInt(0), int(st.columnInt(1)), st.columnInt(2), st.columnInt(3)});
    return out;
}

// ---- codes --------------------------------------------------------------------

std::optional<Id> Project::childByName(std::optional<Id> parent, const QString &name) const
{
    if (parent) {
        Statement st(*m_db, QStringLiteral("SELECT c.id FROM codes c JOIN code_parents p ON p.code_id = c.id "
                                           "WHERE p.parent_id = ?1 AND c.name = ?2"));
        st.bind(1, *parent).bind(2, name);
        if (st.step())
            return st.columnInt(0);
        return std::nullopt;
    }
    Statement st(*m_db, QStringLiteral("SELECT id FROM codes WHERE name = ?1 AND id NOT IN "
                                       "(SELECT code_id FROM code_parents)"));
    st.bind(1, name);
    if (st.step())
        return st.columnInt(0);
    return std::nullopt;
}

std::pair<Id, std::optional<Id>> Project::resolveWithParent(const QString &path) const
{
    const QStringList parts = splitPath(path);
    std::optional<Id> parent;
    Id current = 0;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const auto child = childByName(parent, parts[i]);
        if (!child) {
            const QString missing = joinPath(parts.mid(0, i + 1));
            throw Error(
                QStringLiteral("%1: no code \"%2\"%3")
                    .arg(fileName(), missing,
                         i == 0 ? QString() : QStringLiteral(" (\"%1\" exists)").arg(joinPath(parts.mid(0, i)))));
        }
        if (i + 1 < parts.size())
            parent = *child;
        current = *child;
    }
    return {current, parts.size() > 1 ? parent : std::nullopt};
}

Id Project::resolveCode(const QString &path) const
{
    return resolveWithParent(path).first;
}

std::optional<Id> Project::tryResolveCode(const QString &path) const
{
    try {
        return resolveCode(path);
    } catch (const Error &) {
        return std::nullopt;
    }
}

void Project::checkSiblingName(std::optional<Id> parent, const QString &name, std::optional<Id> except) const
{
    const auto existing = childByName(parent, name);
    if (existing && existing != except) {
        const QString where =
            parent ? QStringLiteral("under \"%1\"").arg(codePath(*parent)) : QStringLiteral("at the top level");
        throw Error(QStringLiteral("a code named \"%1\" already exists %2").arg(name, where));
    }
}

void Project::checkNoCycle(Id code, Id newParent) const
{
    if (code == newParent)
        throw Error(QStringLiteral("a code cannot be its own parent (\"%1\")").arg(codePath(code)));
    Statement st(*m_db,
                 QStringLiteral("WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT p.code_id FROM code_parents p "
                                "JOIN sub ON p.parent_id = sub.id) SELECT 1 FROM sub WHERE id = ?2"));
    st.bind(1, code).bind(2, newParent);
    if (st.step())
        throw Error(QStringLiteral("\"%1\" is inside \"%2\": putting \"%2\" under it would make a loop")
                        .arg(codePath(newParent), codePath(code)));
}

Id Project::addCode(const QString &path, const QString &color, const QString &description)
{
    const QStringList parts = splitPath(path);
    if (tryResolveCode(path))
        throw Error(QStringLiteral("code \"%1\" already exists").arg(joinPath(parts)));
    if (!color.isEmpty() && !QRegularExpression(QStringLiteral("^#[0-9A-Fa-f]{6}$")).match(color).hasMatch())
        throw Error(QStringLiteral("colour \"%1\" is not of the form #RRGGBB").arg(color));
    Id last = 0;
    runCommand(QStringLiteral("code.add"), QStringLiteral("Add code %1").arg(joinPath(parts)),
               {{QStringLiteral("path"), joinPath(parts)}}, [&] {
                   std::optional<Id> parent;
                   Statement ins(*m_db, QStringLiteral("INSERT INTO codes(guid, name, color, description, created) "
                                                       "VALUES (?1, ?2, ?3, ?4, ?5)"));
                   Statement link(
                       *m_db,
                       QStringLiteral("INSERT INTO code_parents(code_id, parent_id, position) "
                                      "VALUES (?1, ?2, (SELECT count(*) FROM code_parents WHERE parent_id = ?2))"));
                   for (qsizetype i = 0; i < parts.size(); ++i) {
                       const bool isLast = i + 1 == parts.size();
                       if (auto existing = childByName(parent, parts[i])) {
                           parent = *existing;
                           continue;
                       }
                       ins.reset();
                       ins.bind(1, QUuid::createUuid().toString(QUuid::WithoutBraces))
                           .bind(2, parts[i])
                           .bind(3, isLast && !color.isEmpty() ? std::optional<QString>(color) : std::nullopt)
                           .bind(4, isLast ? description : QString())
                           .bind(5, CommandLog::now())
                           .run();
                       const Id id = m_db->lastInsertId();
                       if (parent) {
                           link.reset();
                           link.bind(1, id).bind(2, *parent).run();
                       }
                       parent = id;
                   }
                   last = *parent;
               });
    return last;
}

std::vector<Code> Project::codes() const
{
    std::vector<Code> out;
    Statement st(*m_db,
                 QStringLiteral("SELECT id, guid, name, coalesce(color, ''), description FROM codes ORDER BY id"));
    while (st.step())
        out.push_back({st.columnInt(0), st.columnText(1), st.columnText(2), st.columnText(3), st.columnText(4), {}});
    Statement parents(*m_db, QStringLiteral("SELECT code_id, parent_id FROM code_parents ORDER BY code_id, position"));
    while (parents.step()) {
        const Id child = parents.columnInt(0);
        auto it = std::lower_bound(out.begin(), out.end(), child, [](const Code &c, Id id) { return c.id < id; });
        if (it != out.end() && it->id == child)
            it->parents.push_back(parents.columnInt(1));
    }
    return out;
}

Code Project::code(Id id) const
{
    Statement st(*m_db,
                 QStringLiteral("SELECT id, guid, name, coalesce(color, ''), description FROM codes WHERE id = ?1"));
    st.bind(1, id);
    if (!st.step())
        throw Error(QStringLiteral("no code with id %1").arg(id));
    Code c{st.columnInt(0), st.columnText(1), st.columnText(2), st.columnText(3), st.columnText(4), {}};
    Statement parents(*m_db,
                      QStringLiteral("SELECT parent_id FROM code_parents WHERE code_id = ?1 ORDER BY parent_id"));
    parents.bind(1, id);
    while (parents.step())
        c.parents.push_back(parents.columnInt(0));
    return c;
}

QStringList Project::codePaths(Id id) const
{
    const Code c = code(id);
    if (c.parents.empty())
        return {c.name};
    QStringList out;
    for (Id p : c.parents) {
        for (const QString &pp : codePaths(p))
            out << pp + QLatin1Char('/') + c.name;
    }
    return out;
}

std::vector<Id> Project::children(std::optional<Id> parent) const
{
    std::vector<Id> out;
    if (parent) {
        Statement st(*m_db, QStringLiteral("SELECT p.code_id FROM code_parents p JOIN codes c ON c.id = p.code_id "
                                           "WHERE p.parent_id = ?1 ORDER BY p.position, c.name"));
        st.bind(1, *parent);
        while (st.step())
            out.push_back(st.columnInt(0));
    } else {
        Statement st(*m_db, QStringLiteral("SELECT id FROM codes WHERE id NOT IN (SELECT code_id FROM code_parents) "
                                           "ORDER BY id"));
        while (st.step())
            out.push_back(st.columnInt(0));
    }
    return out;
}

void Project::renameCode(const QString &path, const QString &newName)
{
    const Id id = resolveCode(path);
    if (newName.trimmed().isEmpty() || newName.contains(QLatin1Char('/')))
        throw Error(QStringLiteral("\"%1\" cannot be a code name (empty or contains '/')").arg(newName));
    const Code c = code(id);
    if (c.parents.empty())
        checkSiblingName(std::nullopt, newName, id);
    for (Id p : c.parents)
        checkSiblingName(p, newName, id);
    runCommand(QStringLiteral("code.rename"), QStringLiteral("Rename code %1 to %2").arg(path, newName),
               {{QStringLiteral("path"), path}, {QStringLiteral("name"), newName}}, [&] {
                   Statement up(*m_db, QStringLiteral("UPDATE codes SET name = ?1 WHERE id = ?2"));
                   up.bind(1, newName).bind(2, id).run();
               });
}

void Project::moveCode(const QString &path, const QString &newParentPath)
{
    // Plain locals, not a structured binding: lambdas below capture them (C++20
    // allows capturing bindings, clang 14 does not yet).
    const auto resolved = resolveWithParent(path);
    const Id id = resolved.first;
    const std::optional<Id> oldParent = resolved.second;
    std::optional<Id> newParent;
    if (!newParentPath.isEmpty() && newParentPath != QLatin1String("/"))
        newParent = resolveCode(newParentPath);
    if (newParent == oldParent)
        throw Error(QStringLiteral("\"%1\" is already there").arg(path));
    const Code c = code(id);
    if (newParent) {
        checkNoCycle(id, *newParent);
        if (std::find(c.parents.begin(), c.parents.end(), *newParent) != c.parents.end())
            throw Error(QStringLiteral("\"%1\" is already under \"%2\"").arg(c.name, newParentPath));
    } else if (c.parents.size() > 1) {
        throw Error(
            QStringLiteral("\"%1\" has several parents; unlink it from the others before moving it to the top level")
                .arg(path));
    }
    checkSiblingName(newParent, c.name, id);
    runCommand(
        QStringLiteral("code.move"),
        QStringLiteral("Move code %1 to %2").arg(path, newParent ? newParentPath : QStringLiteral("the top level")),
        {{QStringLiteral("path"), path}, {QStringLiteral("to"), newParentPath}}, [&] {
            if (oldParent) {
                Statement del(*m_db, QStringLiteral("DELETE FROM code_parents WHERE code_id = ?1 AND parent_id = ?2"));
                del.bind(1, id).bind(2, *oldParent).run();
            }
            if (newParent) {
                Statement ins(*m_db,
                              QStringLiteral("INSERT INTO code_parents(code_id, parent_id, position) VALUES "
                                             "(?1, ?2, (SELECT count(*) FROM code_parents WHERE parent_id = ?2))"));
                ins.bind(1, id).bind(2, *newParent).run();
            }
        });
}

void Project::linkCode(const QString &path, const QString &parentPath)
{
    const Id id = resolveCode(path);
    const Id parent = resolveCode(parentPath);
    const Code c = code(id);
    if (std::find(c.parents.begin(), c.parents.end(), parent) != c.parents.end())
        throw Error(QStringLiteral("\"%1\" is already under \"%2\"").arg(c.name, parentPath));
    checkNoCycle(id, parent);
    checkSiblingName(parent, c.name, id);
    runCommand(QStringLiteral("code.link"), QStringLiteral("Add parent %1 to code %2").arg(parentPath, path),
               {{QStringLiteral("path"), path}, {QStringLiteral("parent"), parentPath}}, [&] {
                   Statement ins(*m_db,
                                 QStringLiteral("INSERT INTO code_parents(code_id, parent_id, position) VALUES "
                                                "(?1, ?2, (SELECT count(*) FROM code_parents WHERE parent_id = ?2))"));
                   ins.bind(1, id).bind(2, parent).run();
               });
}

void Project::unlinkCode(const QString &path)
{
    const auto resolved = resolveWithParent(path);
    const Id id = resolved.first;
    const std::optional<Id> parent = resolved.second;
    const Code c = code(id);
    if (!parent || c.parents.size() < 2)
        throw Error(QStringLiteral("\"%1\" has only this place in the tree; use move or delete instead").arg(path));
    runCommand(QStringLiteral("code.unlink"), QStringLiteral("Remove code %1 from this parent").arg(path),
               {{QStringLiteral("path"), path}}, [&] {
                   Statement del(*m_db,
                                 QStringLiteral("DELETE FROM code_parents WHERE code_id = ?1 AND parent_id = ?2"));
                   del.bind(1, id).bind(2, *parent).run();
               });
}

void Project::mergeCode(const QString &from, const QString &into)
{
    const Id src = resolveCode(from);
    const Id dst = resolveCode(into);
    if (src == dst)
        throw Error(QStringLiteral("cannot merge \"%1\" into itself").arg(from));
    {
        Statement st(*m_db,
                     QStringLiteral("WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT p.code_id FROM code_parents p "
                                    "JOIN sub ON p.parent_id = sub.id) SELECT 1 FROM sub WHERE id = ?2"));
        st.bind(1, src).bind(2, dst);
        if (st.step())
            throw Error(QStringLiteral("\"%1\" is inside \"%2\"; merge the other way round or move it out first")
                            .arg(into, from));
    }
    runCommand(
        QStringLiteral("code.merge"), QStringLiteral("Merge code %1 into %2").arg(from, into),
        {{QStringLiteral("from"), from}, {QStringLiteral("into"), into}}, [&] {
            const QString s = QString::number(src), d = QString::number(dst);
            m_db->exec(
                QStringLiteral(
                    "INSERT OR IGNORE INTO segment_codes(segment_id, code_id) SELECT segment_id, %2 FROM segment_codes "
                    "WHERE code_id = %1; DELETE FROM segment_codes WHERE code_id = %1;"
                    "DELETE FROM code_parents WHERE code_id = %1;")
                    .arg(s, d));
            m_memos->retarget(QStringLiteral("code"), src, dst);
            // Children of the merged code move under the target, unless already there.
            for (Id child : children(src)) {
                Statement del(*m_db, QStringLiteral("DELETE FROM code_parents WHERE code_id = ?1 AND parent_id = ?2"));
                del.bind(1, child).bind(2, src).run();
                const Code cc = code(child);
                if (std::find(cc.parents.begin(), cc.parents.end(), dst) != cc.parents.end())
                    continue;
                checkSiblingName(dst, cc.name, child);
                Statement ins(*m_db,
                              QStringLiteral("INSERT INTO code_parents(code_id, parent_id, position) VALUES "
                                             "(?1, ?2, (SELECT count(*) FROM code_parents WHERE parent_id = ?2))"));
                ins.bind(1, child).bind(2, dst).run();
            }
            Statement del(*m_db, QStringLiteral("DELETE FROM codes WHERE id = ?1"));
            del.bind(1, src).run();
        });
}

void Project::deleteCode(const QString &path, bool force)
{
    const auto resolved = resolveWithParent(path);
    const Id id = resolved.first;
    const std::optional<Id> viaParent = resolved.second;
    // A multi-parent code reached through one parent only loses that place.
    const Code c = code(id);
    if (viaParent && c.parents.size() > 1) {
        unlinkCode(path);
        return;
    }
    // The subtree: the code and every descendant with no parent outside it.
    std::set<Id> doomed{id};
    for (bool grew = true; grew;) {
        grew = false;
        Statement st(
            *m_db,
            QStringLiteral("SELECT DISTINCT code_id FROM code_parents WHERE parent_id IN (%1)").arg(idList(doomed)));
        while (st.step()) {
            const Id child = st.columnInt(0);
            if (doomed.count(child))
                continue;
            Statement outside(*m_db,
                              QStringLiteral("SELECT 1 FROM code_parents WHERE code_id = ?1 AND parent_id NOT IN (%1)")
                                  .arg(idList(doomed)));
            outside.bind(1, child);
            if (!outside.step()) {
                doomed.insert(child);
                grew = true;
            }
        }
    }
    const QString ids = idList(doomed);
    const auto segs =
        m_db->scalarInt(QStringLiteral("SELECT count(*) FROM segment_codes WHERE code_id IN (%1)").arg(ids));
    if (segs > 0 && !force)
        throw Error(QStringLiteral(
                        "code \"%1\"%2 has %3 coded segments; deleting it uncodes them (use --force; it can be undone)")
                        .arg(path, doomed.size() > 1 ? QStringLiteral(" with its %1 sub-codes").arg(doomed.size() - 1)
                                                     : QString())
                        .arg(segs));
    runCommand(
        QStringLiteral("code.delete"), QStringLiteral("Delete code %1").arg(path),
        {{QStringLiteral("path"), path}, {QStringLiteral("codes"), qint64(doomed.size())}}, [&] {
            m_db->exec(
                QStringLiteral(
                    "CREATE TEMP TABLE IF NOT EXISTS quire_orphans(id INTEGER PRIMARY KEY); DELETE FROM quire_orphans;"
                    "INSERT INTO quire_orphans SELECT DISTINCT segment_id FROM segment_codes WHERE code_id IN (%1);"
                    "DELETE FROM segment_codes WHERE code_id IN (%1);"
                    "DELETE FROM quire_orphans WHERE id IN (SELECT segment_id FROM segment_codes);")
                    .arg(ids));
            std::set<Id> orphans;
            Statement orphan(*m_db, QStringLiteral("SELECT id FROM quire_orphans"));
            while (orphan.step())
                orphans.insert(orphan.columnInt(0));
            m_memos->removeFor(QStringLiteral("segment"), orphans);
            m_memos->removeFor(QStringLiteral("code"), doomed);
            m_db->exec(QStringLiteral("DELETE FROM segments WHERE id IN (SELECT id FROM quire_orphans);"
                                      "DELETE FROM code_parents WHERE code_id IN (%1) OR parent_id IN (%1);"
                                      "DELETE FROM codes WHERE id IN (%1);")
                           .arg(ids));
        });
}

void Project::describeCode(const QString &path, const std::optional<QString> &description,
                           const std::optional<QString> &color)
{
    const Id id = resolveCode(path);
    if (color && !color->isEmpty() && !QRegularExpression(QStringLiteral("^#[0-9A-Fa-f]{6}$")).match(*color).hasMatch())
        throw Error(QStringLiteral("colour \"%1\" is not of the form #RRGGBB").arg(*color));
    runCommand(QStringLiteral("code.describe"), QStringLiteral("Describe code %1").arg(path),
               {{QStringLiteral("path"), path}}, [&] {
                   if (description) {
                       Statement up(*m_db, QStringLiteral("UPDATE codes SET description = ?1 WHERE id = ?2"));
                       up.bind(1, *description).bind(2, id).run();
                   }
                   if (color) {
                       Statement up(*m_db, QStringLiteral("UPDATE codes SET color = ?1 WHERE id = ?2"));
                       up.bind(1, color->isEmpty() ? std::optional<QString>() : color).bind(2, id).run();
                   }
               });
}

qsizetype Project::segmentCount(Id codeId) const
{
    Statement st(*m_db, QStringLiteral("SELECT count(*) FROM segment_codes WHERE code_id = ?1"));
    st.bind(1, codeId);
    st.step();
    return st.columnInt(0);
}

// ---- segments -------------------------------------------------------------

/// Inserts segments into one document with statements prepared once and the
/// document's speaker turns read once: auto-coding adds thousands at a time.
class Project::SegmentWriter
{
public:
    SegmentWriter(Project &project, Id documentId)
        : m_documentId(documentId)
        , m_coder(project.coderId())
        , m_created(CommandLog::now())
        , m_insert(*project.m_db, QStringLiteral("INSERT INTO segments(document_id, start, \"end\", case_id, coder_id, "
                                                 "created, memo) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"))
        , m_link(*project.m_db,
                 QStringLiteral("INSERT OR IGNORE INTO segment_codes(segment_id, code_id) VALUES (?1, ?2)"))
        , m_db(*project.m_db)
    {
        for (const Turn &t : project.turns(documentId)) {
            if (t.caseId)
                m_turns.push_back(t);
        }
        // A document that belongs to exactly one case (a narrative) credits that case.
        const auto cases = project.documentCases(documentId);
        if (cases.size() == 1)
            m_onlyCase = cases.front();
    }

    /// The case a passage starting at `pos` is credited to: the speaker turn's, else the document's only case.
    std::optional<Id> caseAt(qsizetype pos) const
    {
        auto it = std::upper_bound(m_turns.begin(), m_turns.end(), pos,
                                   [](qsizetype p, const Turn &t) { return p < t.start; });
        if (it != m_turns.begin() && pos < std::prev(it)->end)
            return std::prev(it)->caseId;
        return m_onlyCase;
    }

    Id insert(qsizetype start, qsizetype end, const std::vector<Id> &codeIds, const QString &memo,
              std::optional<Id> caseId)
    {
        if (!caseId)
            caseId = caseAt(start);
        m_insert.reset();
        m_insert.bind(1, m_documentId)
            .bind(2, qint64(start))
            .bind(3, qint64(end))
            .bind(4, caseId)
            .bind(5, m_coder)
            .bind(6, m_created)
            .bind(7, memo)
            .run();
        const Id seg = m_db.lastInsertId();
        for (Id c : codeIds) {
            m_link.reset();
            m_link.bind(1, seg).bind(2, c).run();
        }
        return seg;
    }

private:
    Id m_documentId;
    Id m_coder;
    QString m_created;
    Statement m_insert;
    Statement m_link;
    Database &m_db;
    std::vector<Turn> m_turns; ///< with a case, sorted by start
    std::optional<Id> m_onlyCase;
};

Id Project::addSegment(Id documentId, qsizetype start, qsizetype end, const std::vector<Id> &codeIds,
                       const QString &memo, std::optional<Id> caseId)
{
    const Document d = document(documentId);
    checkRange(d, start, end);
    if (codeIds.empty())
        throw Error(QStringLiteral("a segment needs at least one code"));
    for (Id c : codeIds)
        code(c);
    if (caseId)
        findCase(QString::number(*caseId));
    // The same span by the same coder is one segment with several codes.
    Statement same(*m_db, QStringLiteral("SELECT s.id FROM segments s JOIN coders c ON c.id = s.coder_id WHERE "
                                         "s.document_id = ?1 AND s.start = ?2 AND s.\"end\" = ?3 AND c.name = ?4"));
    same.bind(1, documentId).bind(2, qint64(start)).bind(3, qint64(end)).bind(4, coder());
    if (same.step()) {
        const Id seg = same.columnInt(0);
        const Segment existing = segment(seg);
        std::vector<Id> added;
        for (Id c : codeIds) {
            if (std::find(existing.codes.begin(), existing.codes.end(), c) == existing.codes.end())
                added.push_back(c);
        }
        if (added.empty())
            throw Error(QStringLiteral("%1: %2:%3 is already coded with that code (segment %4)")
                            .arg(d.name)
                            .arg(start)
                            .arg(end)
                            .arg(seg));
        runCommand(QStringLiteral("segment.code"),
                   QStringLiteral("Code %1 %2:%3 with %4").arg(d.name).arg(start).arg(end).arg(codePath(added.front())),
                   {{QStringLiteral("segment"), seg}}, [&] {
                       Statement link(*m_db,
                                      QStringLiteral("INSERT INTO segment_codes(segment_id, code_id) VALUES (?1, ?2)"));
                       for (Id c : added) {
                           link.reset();
                           link.bind(1, seg).bind(2, c).run();
                       }
                   });
        return seg;
    }
    Id seg = 0;
    runCommand(QStringLiteral("segment.add"),
               QStringLiteral("Code %1 %2:%3 with %4").arg(d.name).arg(start).arg(end).arg(codePath(codeIds.front())),
               {{QStringLiteral("document"), documentId},
                {QStringLiteral("start"), qint64(start)},
                {QStringLiteral("end"), qint64(end)}},
               [&] { seg = SegmentWriter(*this, documentId).insert(start, end, codeIds, memo, caseId); });
    return seg;
}

std::vector<Id> Project::addSegments(Id documentId, const std::vector<std::pair<qsizetype, qsizetype>> &ranges,
                                     const std::vector<Id> &codeIds, const QString &memo)
{
    if (codeIds.empty())
        throw Error(QStringLiteral("a segment needs at least one code"));
    if (ranges.empty())
        throw Error(QStringLiteral("no ranges to code"));
    for (Id c : codeIds)
        code(c);
    const Document d = document(documentId);
    for (const auto &r : ranges)
        checkRange(d, r.first, r.second);
    std::vector<Id> out;
    out.reserve(ranges.size());
    runCommand(
        QStringLiteral("segment.add"),
        QStringLiteral("Code %1 passages of %2 with %3").arg(ranges.size()).arg(d.name, codePath(codeIds.front())),
        {{QStringLiteral("document"), documentId}, {QStringLiteral("count"), qint64(ranges.size())}}, [&] {
            SegmentWriter writer(*this, documentId);
            for (const auto &r : ranges)
                out.push_back(writer.insert(r.first, r.second, codeIds, memo, std::nullopt));
        });
    return out;
}

void Project::removeSegment(Id segmentId)
{
    const Segment s = segment(segmentId);
    runCommand(QStringLiteral("segment.remove"), QStringLiteral("Remove segment %1").arg(segmentId),
               {{QStringLiteral("segment"), segmentId}}, [&] {
                   const QString id = QString::number(segmentId);
                   m_memos->removeFor(QStringLiteral("segment"), {segmentId});
                   m_db->exec(QStringLiteral("DELETE FROM segment_codes WHERE segment_id = %1;"
                                             "DELETE FROM segments WHERE id = %1;")
                                  .arg(id));
               });
}

void Project::resizeSegment(Id segmentId, qsizetype start, qsizetype end)
{
    const Segment s = segment(segmentId);
    checkRange(s.documentId, start, end);
    runCommand(QStringLiteral("segment.resize"),
               QStringLiteral("Resize segment %1 from %2:%3 to %4:%5")
                   .arg(segmentId)
                   .arg(s.start)
                   .arg(s.end)
                   .arg(start)
                   .arg(end),
               {{QStringLiteral("segment"), segmentId},
                {QStringLiteral("start"), qint64(start)},
                {QStringLiteral("end"), qint64(end)}},
               [&] {
                   Statement up(*m_db, QStringLiteral("UPDATE segments SET start = ?1, \"end\" = ?2 WHERE id = ?3"));
                   up.bind(1, qint64(start)).bind(2, qint64(end)).bind(3, segmentId).run();
               });
}

void Project::setSegmentMemo(Id segmentId, const QString &memo)
{
    segment(segmentId);
    runCommand(QStringLiteral("segment.memo"), QStringLiteral("Edit memo of segment %1").arg(segmentId),
               {{QStringLiteral("segment"), segmentId}}, [&] {
                   Statement up(*m_db, QStringLiteral("UPDATE segments SET memo = ?1 WHERE id = ?2"));
                   up.bind(1, memo).bind(2, segmentId).run();
               });
}

void Project::removeSegmentCode(Id segmentId, Id codeId)
{
    segment(segmentId);
    runCommand(
        QStringLiteral("segment.uncode"), QStringLiteral("Remove code %1 from segment %2").arg(codeId).arg(segmentId),
        {{QStringLiteral("segment"), segmentId}, {QStringLiteral("code"), codeId}}, [&] {
            Statement del(*m_db, QStringLiteral("DELETE FROM segment_codes WHERE segment_id = ?1 AND code_id = ?2"));
            del.bind(1, segmentId).bind(2, codeId).run();
        });
}

namespace {
const char *const SegmentColumns =
    "SELECT s.id, s.document_id, s.start, s.\"end\", s.case_id, c.name, s.created, s.memo, "
    "(SELECT group_concat(code_id) FROM (SELECT code_id FROM segment_codes WHERE segment_id = s.id ORDER BY code_id)) "
    "FROM segments s JOIN coders c ON c.id = s.coder_id";

Segment readSegment(const Statement &st)
{
    Segment s;
    s.id = st.columnInt(0);
    s.documentId = st.columnInt(1);
    s.start = st.columnInt(2);
    s.end = st.columnInt(3);
    s.caseId = st.columnOptInt(4);
    s.coder = st.columnText(5);
    s.created = st.columnText(6);
    s.memo = st.columnText(7);
    const QString codes = st.columnText(8);
    for (const QString &c : codes.split(QLatin1Char(','), Qt::SkipEmptyParts))
        s.codes.push_back(c.toLongLong());
    return s;
}
} // namespace

Segment Project::segment(Id id) const
{
    Statement st(*m_db, QString::fromUtf8(SegmentColumns) + QStringLiteral(" WHERE s.id = ?1"));
    st.bind(1, id);
    if (!st.step())
        throw Error(QStringLiteral("%1: no segment %2").arg(fileName()).arg(id));
    return readSegment(st);
}

std::vector<Segment> Project::segments(std::optional<Id> documentId, std::optional<Id> codeId) const
{
    QString sql = QString::fromUtf8(SegmentColumns) + QStringLiteral(" WHERE 1");
    if (documentId)
        sql += QStringLiteral(" AND s.document_id = ?1");
    if (codeId)
        sql += QStringLiteral(" AND s.id IN (SELECT segment_id FROM segment_codes WHERE code_id = ?2)");
    sql += QStringLiteral(" ORDER BY s.document_id, s.start, s.\"end\", s.id");
    Statement st(*m_db, sql);
    if (documentId)
        st.bind(1, *documentId);
    if (codeId)
        st.bind(2, *codeId);
    std::vector<Segment> out;
    while (st.step())
        out.push_back(readSegment(st));
    return out;
}

std::vector<CodingLink> Project::codingLinks() const
{
    Statement st(*m_db,
                 QStringLiteral("SELECT s.id, s.document_id, s.start, s.\"end\", s.case_id, s.coder_id, sc.code_id "
                                "FROM segments s JOIN segment_codes sc ON sc.segment_id = s.id"));
    std::vector<CodingLink> out;
    while (st.step()) {
        CodingLink c;
        c.segmentId = st.columnInt(0);
        c.documentId = st.columnInt(1);
        c.start = st.columnInt(2);
        c.end = st.columnInt(3);
        c.caseId = st.columnOptInt(4);
        c.coderId = st.columnInt(5);
        c.codeId = st.columnInt(6);
        out.push_back(c);
    }
    return out;
}

std::vector<std::pair<Id, QString>> Project::coders() const
{
    return m_log->coders();
}

std::vector<qsizetype> Project::findQuote(Id documentId, const QString &quote) const
{
    if (quote.isEmpty())
        throw Error(QStringLiteral("the quote is empty"));
    const TextOffsets &off = offsets(documentId);
    const QString text = documentText(documentId);
    std::vector<qsizetype> out;
    for (qsizetype at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1))
        out.push_back(off.fromUtf16(at));
    return out;
}

// ---- cases and attributes -------------------------------------------------

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
        const std::set<Id> named = m_log->rowsInHistory("documents");
        std::vector<Id> orphans;
        Statement texts(
            *m_db, QStringLiteral(
                       "SELECT document_id FROM document_texts WHERE document_id NOT IN (SELECT id FROM documents)"));
        while (texts.step()) {
            if (!named.count(texts.columnInt(0)))
                orphans.push_back(texts.columnInt(0));
        }
        Statement remove(*m_db, QStringLiteral("DELETE FROM document_texts WHERE document_id = ?1"));
        for (Id id : orphans) {
            remove.reset();
            remove.bind(1, id).run();
        }
        r.textsRemoved = qint64(orphans.size());
        tx.commit();
    }
    m_db->exec(QStringLiteral("VACUUM"));
    m_db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    r.bytesAfter = QFileInfo(m_db->path()).size();
    return r;
}

} // namespace Quire
