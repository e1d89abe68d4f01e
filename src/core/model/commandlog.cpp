// SPDX-License-Identifier: GPL-3.0-or-later
#define SQLITE_ENABLE_SESSION
#define SQLITE_ENABLE_PREUPDATE_HOOK
#include "model/commandlog.h"

#include "error.h"
#include "storage/database.h"

#include <cstring>
#include <memory>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <sqlite3.h>

namespace Quire {

namespace {

// The command log tracks model tables only: the log itself and the coder
// list are history, not state that undo may take back.
int trackTable(void *, const char *table)
{
    const QByteArray t(table);
    // search_*: the full-text index, kept in step by triggers (also during
    // undo and redo), so changesets never carry index rows.
    // document_texts: written once, never changed, kept after its document
    // row is gone, so changesets need not carry the texts (decision 0008).
    return !(t == "commands" || t == "command_events" || t == "coders" || t.startsWith("sqlite_") ||
             t.startsWith("search_") || t == "document_texts");
}

// Undo and redo apply changesets in strict stack order, so any conflict
// means the file was changed behind the log's back: refuse rather than guess.
int abortOnConflict(void *, int, sqlite3_changeset_iter *)
{
    return SQLITE_CHANGESET_ABORT;
}

struct SessionDeleter
{
    void operator()(sqlite3_session *s) const { sqlite3session_delete(s); }
};

} // namespace

QString CommandLog::now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

CommandLog::CommandLog(Database &db)
    : m_db(db)
{
    QString who = qEnvironmentVariable("QUIRE_CODER");
    if (who.isEmpty())
        who = qEnvironmentVariable("USER");
    if (who.isEmpty())
        who = QStringLiteral("unknown");
    m_coder = who;
}

void CommandLog::setCoder(const QString &name)
{
    if (name.trimmed().isEmpty())
        throw Error(QStringLiteral("coder name is empty"));
    m_coder = name.trimmed();
    m_coderId.reset();
}

std::vector<std::pair<Id, QString>> CommandLog::coders() const
{
    Statement st(m_db, QStringLiteral("SELECT id, name FROM coders ORDER BY id"));
    std::vector<std::pair<Id, QString>> out;
    while (st.step())
        out.emplace_back(st.columnInt(0), st.columnText(1));
    return out;
}

bool CommandLog::empty() const
{
    return m_db.scalarInt(QStringLiteral("SELECT count(*) FROM commands")) == 0;
}

Id CommandLog::coderId()
{
    if (!m_coderId)
        m_coderId = coderId(m_coder);
    return *m_coderId;
}

Id CommandLog::coderId(const QString &name)
{
    Statement ins(m_db, QStringLiteral("INSERT OR IGNORE INTO coders(name, created) VALUES (?1, ?2)"));
    ins.bind(1, name).bind(2, CommandLog::now()).run();
    Statement sel(m_db, QStringLiteral("SELECT id FROM coders WHERE name = ?1"));
    sel.bind(1, name);
    sel.step();
    return sel.columnInt(0);
}

void CommandLog::run(const QString &kind, const QString &summary, const QJsonObject &args,
                     const std::function<void()> &body)
{
    if (m_inCommand) {
        // Part of an enclosing command (an import creating cases, a batch):
        // its changes land in that command's changeset.
        body();
        return;
    }
    if (beforeFirstChange)
        beforeFirstChange();
    Transaction tx(m_db);
    const Id coder = coderId();
    m_inCommand = true;
    struct Reset
    {
        bool &flag;
        ~Reset() { flag = false; }
    } reset{m_inCommand};
    sqlite3_session *raw = nullptr;
    m_db.check(sqlite3session_create(m_db.handle(), "main", &raw), "starting a change session");
    std::unique_ptr<sqlite3_session, SessionDeleter> session(raw);
    sqlite3session_table_filter(raw, &trackTable, nullptr);
    m_db.check(sqlite3session_attach(raw, nullptr), "starting a change session");

    body();

    int size = 0;
    void *data = nullptr;
    m_db.check(sqlite3session_changeset(raw, &size, &data), "recording the change");
    // Wrapped, not copied (an import's changeset holds every imported text);
    // freed when this function returns, after the INSERT below has run.
    std::unique_ptr<void, decltype(&sqlite3_free)> owned(data, &sqlite3_free);
    const QByteArray changeset = QByteArray::fromRawData(static_cast<const char *>(data), size);
    session.reset();
    if (changeset.isEmpty()) {
        tx.commit();
        return; // nothing changed: nothing to undo
    }
    // Uses the partial index commands_undone: no scan of the whole log per command.
    m_db.exec(QStringLiteral("UPDATE commands SET state = 'discarded' WHERE state = 'undone'"));
    Statement ins(m_db, QStringLiteral("INSERT INTO commands(kind, summary, args, coder_id, created, state, changeset) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, 'done', ?6)"));
    ins.bind(1, kind)
        .bind(2, summary)
        .bind(3, QString::fromUtf8(QJsonDocument(args).toJson(QJsonDocument::Compact)))
        .bind(4, coder)
        .bind(5, CommandLog::now())
        .bind(6, changeset)
        .run();
    tx.commit();
}

bool CommandLog::canUndo() const
{
    return m_db.scalarInt(QStringLiteral("SELECT coalesce((SELECT kind != 'upgrade' FROM commands WHERE state = 'done' "
                                         "ORDER BY id DESC LIMIT 1), 0)")) != 0;
}

bool CommandLog::canRedo() const
{
    return m_db.scalarInt(QStringLiteral("SELECT count(*) FROM commands WHERE state = 'undone'")) > 0;
}

namespace {
void applyChangeset(Database &db, const QByteArray &changeset, bool invert, const QString &what)
{
    QByteArray data = changeset;
    if (invert) {
        int n = 0;
        void *p = nullptr;
        db.check(sqlite3changeset_invert(int(changeset.size()), const_cast<char *>(changeset.constData()), &n, &p),
                 "inverting a change");
        data = QByteArray(static_cast<const char *>(p), n);
        sqlite3_free(p);
    }
    const int rc =
        sqlite3changeset_apply(db.handle(), int(data.size()), data.data(), nullptr, &abortOnConflict, nullptr);
    if (rc != SQLITE_OK)
        throw Error(QStringLiteral("%1: cannot %2: the project no longer matches the command log")
                        .arg(QFileInfo(db.path()).fileName(), what));
}
} // namespace

QString CommandLog::undo()
{
    if (beforeFirstChange)
        beforeFirstChange();
    Transaction tx(m_db);
    Statement st(
        m_db,
        QStringLiteral(
            "SELECT id, summary, changeset, kind, created FROM commands WHERE state = 'done' ORDER BY id DESC LIMIT 1"));
    if (!st.step())
        throw Error(QStringLiteral("%1: nothing to undo").arg(QFileInfo(m_db.path()).fileName()));
    const Id id = st.columnInt(0);
    const QString summary = st.columnText(1);
    // Steps recorded before a format upgrade cannot be undone (decision 0008).
    if (st.columnText(3) == QLatin1String("upgrade"))
        throw Error(
            QStringLiteral("%1: nothing more to undo: the project was upgraded to a new file format on %2, and the "
                           "steps before that are kept as a record only")
                .arg(QFileInfo(m_db.path()).fileName(), st.columnText(4).left(10)));
    applyChangeset(m_db, st.columnBlob(2), true, QStringLiteral("undo \"%1\"").arg(summary));
    m_db.exec(QStringLiteral("UPDATE commands SET state = 'undone' WHERE id = %1").arg(id));
    Statement ev(
        m_db,
        QStringLiteral("INSERT INTO command_events(command_id, event, coder_id, created) VALUES (?1, 'undo', ?2, ?3)"));
    ev.bind(1, id).bind(2, coderId()).bind(3, CommandLog::now()).run();
    tx.commit();
    if (afterUndoRedo)
        afterUndoRedo();
    return summary;
}

QString CommandLog::redo()
{
    if (beforeFirstChange)
        beforeFirstChange();
    Transaction tx(m_db);
    Statement st(
        m_db,
        QStringLiteral("SELECT id, summary, changeset FROM commands WHERE state = 'undone' ORDER BY id ASC LIMIT 1"));
    if (!st.step())
        throw Error(QStringLiteral("%1: nothing to redo").arg(QFileInfo(m_db.path()).fileName()));
    const Id id = st.columnInt(0);
    const QString summary = st.columnText(1);
    applyChangeset(m_db, st.columnBlob(2), false, QStringLiteral("redo \"%1\"").arg(summary));
    m_db.exec(QStringLiteral("UPDATE commands SET state = 'done' WHERE id = %1").arg(id));
    Statement ev(
        m_db,
        QStringLiteral("INSERT INTO command_events(command_id, event, coder_id, created) VALUES (?1, 'redo', ?2, ?3)"));
    ev.bind(1, id).bind(2, coderId()).bind(3, CommandLog::now()).run();
    tx.commit();
    if (afterUndoRedo)
        afterUndoRedo();
    return summary;
}

std::vector<CommandRecord> CommandLog::history() const
{
    Statement st(m_db, QStringLiteral("SELECT m.id, m.kind, m.summary, c.name, m.created, m.state FROM commands m "
                                      "JOIN coders c ON c.id = m.coder_id ORDER BY m.id"));
    std::vector<CommandRecord> out;
    while (st.step())
        out.push_back({st.columnInt(0), st.columnText(1), st.columnText(2), st.columnText(3), st.columnText(4),
                       st.columnText(5)});
    return out;
}

std::optional<std::pair<QString, QString>> CommandLog::lastChange() const
{
    Statement st(m_db, QStringLiteral("SELECT c.created, k.name FROM commands c JOIN coders k ON k.id = c.coder_id "
                                      "WHERE c.state = 'done' ORDER BY c.id DESC LIMIT 1"));
    if (!st.step())
        return std::nullopt;
    return std::make_pair(st.columnText(0), st.columnText(1));
}

QHash<Id, QString> CommandLog::lastCoderOf(const QString &kind, const QString &argument) const
{
    Statement st(m_db, QStringLiteral("SELECT json_extract(c.args, ?2), k.name FROM commands c "
                                      "JOIN coders k ON k.id = c.coder_id "
                                      "WHERE c.kind = ?1 AND c.state = 'done' ORDER BY c.id"));
    st.bind(1, kind).bind(2, QStringLiteral("$.") + argument);
    QHash<Id, QString> out;
    while (st.step())
        out.insert(st.columnInt(0), st.columnText(1));
    return out;
}

void CommandLog::clearHistory()
{
    m_db.exec(QStringLiteral("DELETE FROM command_events"));
    m_db.exec(QStringLiteral("DELETE FROM commands"));
}

std::set<Id> CommandLog::rowsInHistory(const char *table) const
{
    std::set<Id> named;
    Statement log(m_db, QStringLiteral("SELECT changeset FROM commands WHERE state IN ('done', 'undone')"));
    while (log.step()) {
        const QByteArray changeset = log.columnBlob(0);
        if (changeset.isEmpty())
            continue;
        sqlite3_changeset_iter *it = nullptr;
        if (sqlite3changeset_start(&it, int(changeset.size()), const_cast<char *>(changeset.constData())) != SQLITE_OK)
            throw Error(
                QStringLiteral("%1: a command of the history cannot be read").arg(QFileInfo(m_db.path()).fileName()));
        while (sqlite3changeset_next(it) == SQLITE_ROW) {
            const char *name = nullptr;
            int columns = 0, op = 0, indirect = 0;
            sqlite3changeset_op(it, &name, &columns, &op, &indirect);
            if (std::strcmp(name, table) != 0)
                continue;
            sqlite3_value *id = nullptr;
            // The primary key (column 0) is in the old values of a delete
            // or an update and in the new values of an insert.
            if (op == SQLITE_INSERT)
                sqlite3changeset_new(it, 0, &id);
            else
                sqlite3changeset_old(it, 0, &id);
            if (id)
                named.insert(sqlite3_value_int64(id));
        }
        if (sqlite3changeset_finalize(it) != SQLITE_OK)
            throw Error(
                QStringLiteral("%1: a command of the history cannot be read").arg(QFileInfo(m_db.path()).fileName()));
    }
    return named;
}

qint64 CommandLog::verify(Database &db, QStringList &problems)
{
    const qint64 count = db.scalarInt(QStringLiteral("SELECT count(*) FROM commands"));
    // Commands before a format upgrade are a record only: undo never reaches them.
    Statement st(db, QStringLiteral("SELECT id, summary, changeset FROM commands WHERE id > "
                                    "(SELECT coalesce(max(id), 0) FROM commands WHERE kind = 'upgrade')"));
    while (st.step()) {
        const QByteArray changeset = st.columnBlob(2);
        if (changeset.isEmpty())
            continue;
        sqlite3_changeset_iter *it = nullptr;
        int rc = sqlite3changeset_start(&it, int(changeset.size()), const_cast<char *>(changeset.constData()));
        while (rc == SQLITE_OK && sqlite3changeset_next(it) == SQLITE_ROW) {
        }
        if (rc == SQLITE_OK)
            rc = sqlite3changeset_finalize(it);
        if (rc != SQLITE_OK)
            problems << QStringLiteral("history: command %1 (\"%2\") cannot be read; undo cannot pass it")
                            .arg(st.columnInt(0))
                            .arg(st.columnText(1));
    }
    return count;
}

} // namespace Quire
