// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/database.h"

#include "error.h"
#include "storage/fileerrors.h"
#include "storage/pagechecksums.h"
#include "storage/waitnotice.h"

#include <atomic>
#include <cerrno>
#include <QDateTime>
#include <QFileInfo>
#include <QUrl>
#include <sqlite3.h>

namespace Quire {

namespace {
QString fileLabel(const QString &path)
{
    return path.isEmpty() ? QStringLiteral("(memory)") : QFileInfo(path).fileName();
}
} // namespace

namespace {
std::atomic<void (*)(const QString &)> waitNotifier{nullptr};
} // namespace

Database::Database(const QString &path, OpenMode mode)
    : m_path(path)
{
    // URIs let VACUUM INTO name a checksummed target (PageChecksums::UriParameter).
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_URI;
    QByteArray name = path.isEmpty() ? QByteArray(":memory:") : path.toUtf8();
    switch (mode) {
    case OpenMode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case OpenMode::ReadOnlyImmutable:
        flags |= SQLITE_OPEN_READONLY;
        name = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toEncoded() + "?immutable=1";
        break;
    case OpenMode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case OpenMode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    // A plain path that happens to start with "file:" stays a path.
    if (mode != OpenMode::ReadOnlyImmutable && name.startsWith("file:"))
        name.prepend("./");
    const int rc = sqlite3_open_v2(name.constData(), &m_db, flags, PageChecksums::vfs());
    if (rc != SQLITE_OK) {
        QString msg = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
        const int err = m_db ? sqlite3_system_errno(m_db) : 0;
        if (err != 0)
            msg = FileErrors::describeErrno(err, path);
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw Error(QStringLiteral("%1: cannot open: %2").arg(fileLabel(path), msg));
    }
    sqlite3_extended_result_codes(m_db, 1);
    // Another program writing to the project (the workbench and a CLI run):
    // wait for it, say so after a second, give up only after a long time.
    sqlite3_busy_handler(m_db, &Database::onBusy, this);
}

int Database::busyTimeoutMs()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("QUIRE_BUSY_TIMEOUT", &ok);
    return ok && seconds >= 0 ? seconds * 1000 : 10 * 60 * 1000;
}

void Database::setWaitNotifier(void (*notify)(const QString &message))
{
    waitNotifier = notify;
}

void setWaitNotifier(void (*notify)(const QString &message))
{
    Database::setWaitNotifier(notify);
}

int Database::onBusy(void *self, int count)
{
    auto *db = static_cast<Database *>(self);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (count == 0) {
        db->m_waitStartedMs = now;
        db->m_told = false;
    }
    const qint64 waited = now - db->m_waitStartedMs;
    const int limit = db->m_busyLimitMs >= 0 ? db->m_busyLimitMs : busyTimeoutMs();
    if (waited >= limit)
        return 0;
    static constexpr qint64 TellAfterMs = 1000;
    if (waited >= TellAfterMs && !db->m_told) {
        db->m_told = true;
        if (auto notify = waitNotifier.load())
            notify(QStringLiteral("%1: another program is writing to this project; waiting for it to finish "
                                  "(up to %2 s)…")
                       .arg(fileLabel(db->m_path))
                       .arg(limit / 1000));
    }
    sqlite3_sleep(count < 10 ? 5 : 50);
    return 1;
}

void Database::checkpoint() noexcept
{
    if (!m_db || sqlite3_db_readonly(m_db, "main") == 1)
        return;
    // No waiting here: with readers in the way, TRUNCATE would call the busy
    // handler; PASSIVE copies what no reader still needs.
    sqlite3_busy_handler(m_db, nullptr, nullptr);
    int rc = sqlite3_wal_checkpoint_v2(m_db, "main", SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
    if (rc != SQLITE_OK)
        sqlite3_wal_checkpoint_v2(m_db, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    sqlite3_busy_handler(m_db, &Database::onBusy, this);
}

QString Database::describeLastError() const
{
    const int code = sqlite3_extended_errcode(m_db);
    const int err = sqlite3_system_errno(m_db);
    const QString sqliteMessage = QString::fromUtf8(sqlite3_errmsg(m_db));
    return FileErrors::describeSqlite(code, err, m_path, sqliteMessage);
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

void Database::check(int rc, const char *context) const
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        fail(context);
}

void Database::fail(const char *context) const
{
    const QString msg = describeLastError();
    if (FileErrors::isFileProblem(sqlite3_extended_errcode(m_db)))
        throw Error(QStringLiteral("%1: %2").arg(fileLabel(m_path), msg));
    throw Error(QStringLiteral("%1: %2 failed: %3").arg(fileLabel(m_path), QString::fromUtf8(context), msg));
}

void Database::exec(const QString &sql)
{
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        QString msg = err ? QString::fromUtf8(err) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_free(err);
        if ((rc & 0xff) == SQLITE_NOTADB)
            throw Error(QStringLiteral("%1: not a Quire project (not a database file)").arg(fileLabel(m_path)));
        if (FileErrors::isFileProblem(sqlite3_extended_errcode(m_db)))
            msg = describeLastError();
        throw Error(QStringLiteral("%1: %2").arg(fileLabel(m_path), msg));
    }
}

qint64 Database::scalarInt(const QString &sql)
{
    Statement st(*this, sql);
    return st.step() ? st.columnInt(0) : 0;
}

qint64 Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

Statement::Statement(Database &db, const QString &sql)
    : m_db(db)
    , m_sql(sql)
{
    const QByteArray utf8 = sql.toUtf8();
    const char *tail = nullptr;
    if (sqlite3_prepare_v2(db.handle(), utf8.constData(), int(utf8.size()), &m_stmt, &tail) != SQLITE_OK)
        db.fail("preparing a statement");
    for (; tail && *tail; ++tail) {
        if (*tail != ' ' && *tail != '\n' && *tail != '\t' && *tail != '\r' && *tail != ';') {
            sqlite3_finalize(m_stmt);
            m_stmt = nullptr;
            throw Error(QStringLiteral("internal error: more than one SQL statement in \"%1\"").arg(sql));
        }
    }
}

Statement::~Statement()
{
    // Finalise first: SQLite may still point into m_bound until then.
    sqlite3_finalize(m_stmt);
}

Statement &Statement::bind(int index, qint64 value)
{
    m_db.check(sqlite3_bind_int64(m_stmt, index, value), "binding a value");
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    m_db.check(sqlite3_bind_double(m_stmt, index, value), "binding a value");
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    // A null QString binds as '' (not NULL): NULL is asked for explicitly with
    // bindNull() or an empty std::optional, so a missing memo never trips NOT NULL.
    QByteArray utf8 = value.toUtf8();
    // toUtf8() reserves three bytes per UTF-16 unit; give back the rest
    // before SQLite holds on to it (600 MB instead of 200 MB for a big text).
    if (utf8.capacity() > utf8.size() + 4096)
        utf8.squeeze();
    const qsizetype size = utf8.size();
    const char *data = keep(index, std::move(utf8));
    m_db.check(sqlite3_bind_text64(m_stmt, index, data ? data : "", sqlite3_uint64(size), SQLITE_STATIC, SQLITE_UTF8),
               "binding a value");
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &blob)
{
    // QByteArray is shared, not copied: a changeset of an import is bound in place.
    const char *data = keep(index, blob);
    m_db.check(sqlite3_bind_blob64(m_stmt, index, data, sqlite3_uint64(blob.size()), SQLITE_STATIC), "binding a value");
    return *this;
}

const char *Statement::keep(int index, QByteArray bytes)
{
    if (index < 1)
        throw Error(QStringLiteral("internal error: SQL parameter index %1").arg(index));
    if (m_bound.size() < std::size_t(index))
        m_bound.resize(std::size_t(index));
    m_bound[std::size_t(index) - 1] = std::move(bytes);
    return m_bound[std::size_t(index) - 1].constData();
}

Statement &Statement::bindNull(int index)
{
    m_db.check(sqlite3_bind_null(m_stmt, index), "binding a value");
    return *this;
}

Statement &Statement::bind(int index, const std::optional<qint64> &value)
{
    return value ? bind(index, *value) : bindNull(index);
}

Statement &Statement::bind(int index, const std::optional<QString> &value)
{
    return value ? bind(index, *value) : bindNull(index);
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    m_db.fail("a database statement");
}

void Statement::run()
{
    step();
    sqlite3_reset(m_stmt);
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_bound.clear();
}

qint64 Statement::columnInt(int col) const
{
    return sqlite3_column_int64(m_stmt, col);
}

double Statement::columnDouble(int col) const
{
    return sqlite3_column_double(m_stmt, col);
}

QString Statement::columnText(int col) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
    if (!p)
        return QString();
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, col));
}

QByteArray Statement::columnBlob(int col) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, col));
    return QByteArray(p, sqlite3_column_bytes(m_stmt, col));
}

bool Statement::columnIsNull(int col) const
{
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}

std::optional<qint64> Statement::columnOptInt(int col) const
{
    if (columnIsNull(col))
        return std::nullopt;
    return columnInt(col);
}

Transaction::Transaction(Database &db)
    : m_db(db)
{
    static std::atomic<int> counter{0};
    m_name = QStringLiteral("quire_sp%1").arg(++counter);
    m_outermost = sqlite3_get_autocommit(m_db.handle()) != 0;
    // The outermost level takes the write lock first (waiting for another
    // writer through the busy handler): a transaction that only asked for it
    // at its first write would fail at once when another program committed
    // in between, and an undo could read a log that is no longer the newest.
    if (m_outermost)
        m_db.exec(QStringLiteral("BEGIN IMMEDIATE"));
    m_db.exec(QStringLiteral("SAVEPOINT ") + m_name);
}

Transaction::~Transaction()
{
    if (!m_done) {
        // Never throw from a destructor: a failed rollback leaves SQLite to
        // discard the transaction when the connection closes.
        // The outermost level rolls the whole transaction back: "ROLLBACK TO"
        // plus "RELEASE" would commit an empty transaction and touch the file.
        const QByteArray sql =
            m_outermost ? QByteArray("ROLLBACK") : QStringLiteral("ROLLBACK TO %1; RELEASE %1").arg(m_name).toUtf8();
        sqlite3_exec(m_db.handle(), sql.constData(), nullptr, nullptr, nullptr);
    }
}

void Transaction::commit()
{
    m_db.exec(QStringLiteral("RELEASE ") + m_name);
    if (m_outermost)
        m_db.exec(QStringLiteral("COMMIT"));
    m_done = true;
}

QString sqlIdList(const std::set<qint64> &ids)
{
    QString out;
    for (qint64 id : ids) {
        if (!out.isEmpty())
            out += QLatin1Char(',');
        out += QString::number(id);
    }
    return out;
}

} // namespace Quire
