// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <optional>
#include <QByteArray>
#include <QString>
#include <QtGlobal>
#include <set>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace Quire {

/// Owns one sqlite3 connection. Non-copyable; every failing call throws
/// Quire::Error with SQLite's own message and the file name.
class QUIRECORE_EXPORT Database
{
public:
    /// ReadOnlyImmutable: a file in a folder nobody can write (no WAL can
    /// appear), read without locks or a -shm file.
    enum class OpenMode { ReadWrite, ReadWriteCreate, ReadOnly, ReadOnlyImmutable };

    Database(const QString &path, OpenMode mode);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }

    /// Runs one or more SQL statements that return no rows (schema scripts).
    void exec(const QString &sql);
    /// Runs a single statement and returns the first column of the first row
    /// as an integer (0 when there is no row).
    qint64 scalarInt(const QString &sql);
    qint64 lastInsertId() const;
    int changes() const;

    /// Throws Error for a non-OK SQLite result code, naming the file and the context.
    void check(int rc, const char *context) const;
    [[noreturn]] void fail(const char *context) const;
    /// The cause of the connection's last error in words a researcher can act
    /// on ("the disk is full (12 KB free in /home/ann/study)", "the project
    /// file is damaged …"), or SQLite's own message when there is nothing better.
    QString describeLastError() const;

    /// How long a write waits for another program that is writing to the same
    /// project before giving up (default 10 minutes; $QUIRE_BUSY_TIMEOUT in
    /// seconds overrides it).
    static int busyTimeoutMs();
    /// This connection's own limit (the workbench waits less, on its GUI
    /// thread, than a script); negative: busyTimeoutMs().
    void setBusyTimeout(int ms) { m_busyLimitMs = ms; }
    /// Told once per wait, after a second of waiting, with a sentence naming
    /// the file ("study.quire: another program is writing to this project;
    /// waiting for it to finish …"). The CLI prints it; the workbench shows it.
    static void setWaitNotifier(void (*notify)(const QString &message));
    /// Tries a TRUNCATE checkpoint without waiting (the project file then holds
    /// every committed command and the -wal file is empty), else copies what
    /// it can. Never throws: a checkpoint that cannot run now runs later.
    void checkpoint() noexcept;

private:
    static int onBusy(void *self, int count);

    sqlite3 *m_db = nullptr;
    QString m_path;
    qint64 m_waitStartedMs = 0;
    bool m_told = false;
    int m_busyLimitMs = -1;
};

/// A prepared statement. Rejects SQL that holds more than one statement, so a
/// stray semicolon can never silently drop the second half.
class QUIRECORE_EXPORT Statement
{
public:
    Statement(Database &db, const QString &sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // SQLite binds parameters from 1 and reads columns from 0; these
    // wrappers keep that convention so call sites read like the SQL.
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const QByteArray &blob);
    Statement &bindNull(int index);
    Statement &bind(int index, const std::optional<qint64> &value);
    Statement &bind(int index, const std::optional<QString> &value);

    /// Advances to the next row; false when done.
    bool step();
    /// Runs a statement that returns no rows.
    void run();
    void reset();

    qint64 columnInt(int col) const;
    double columnDouble(int col) const;
    QString columnText(int col) const;
    QByteArray columnBlob(int col) const;
    bool columnIsNull(int col) const;
    std::optional<qint64> columnOptInt(int col) const;

private:
    /// Keeps a bound value's bytes alive while SQLite reads them in place
    /// (SQLITE_STATIC), so a document of hundreds of megabytes is not copied
    /// again; released by reset() or when the parameter is bound anew.
    const char *keep(int index, QByteArray bytes);

    Database &m_db;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_sql;
    std::vector<QByteArray> m_bound;
};

/// A transaction (a SAVEPOINT, so it nests) that rolls back in its
/// destructor unless commit() was called.
class QUIRECORE_EXPORT Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    Database &m_db;
    QString m_name;
    bool m_outermost = false;
    bool m_done = false;
};

/// Ids as an SQL list ("3,7,12") for `IN (…)`: integers only, so nothing
/// from a person ever reaches SQL text this way.
QUIRECORE_EXPORT QString sqlIdList(const std::set<qint64> &ids);

} // namespace Quire
