// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/memostore.h"

#include "error.h"
#include "model/commandlog.h"
#include "storage/database.h"

#include <QFileInfo>

namespace Quire {

MemoStore::MemoStore(Database &db, CommandLog &log)
    : m_db(db)
    , m_log(log)
{}

Id MemoStore::add(const QString &targetKind, std::optional<Id> targetId, const QString &text, const QString &title)
{
    Id id = 0;
    m_log.run(QStringLiteral("memo.add"), QStringLiteral("Add %1 memo").arg(targetKind),
              {{QStringLiteral("target"), targetKind}}, [&] {
                  Statement ins(m_db, QStringLiteral("INSERT INTO memos(target_kind, target_id, title, text, coder_id, "
                                                     "created, modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)"));
                  ins.bind(1, targetKind)
                      .bind(2, targetId)
                      .bind(3, title)
                      .bind(4, text)
                      .bind(5, m_log.coderId())
                      .bind(6, CommandLog::now())
                      .run();
                  id = m_db.lastInsertId();
              });
    return id;
}

void MemoStore::checkExists(Id memoId) const
{
    if (m_db.scalarInt(QStringLiteral("SELECT count(*) FROM memos WHERE id = %1").arg(memoId)) == 0)
        throw Error(QStringLiteral("%1: no memo %2").arg(QFileInfo(m_db.path()).fileName()).arg(memoId));
}

void MemoStore::edit(Id memoId, const QString &text)
{
    checkExists(memoId);
    m_log.run(QStringLiteral("memo.edit"), QStringLiteral("Edit memo %1").arg(memoId),
              {{QStringLiteral("memo"), memoId}}, [&] {
                  Statement up(m_db, QStringLiteral("UPDATE memos SET text = ?1, modified = ?2 WHERE id = ?3"));
                  up.bind(1, text).bind(2, CommandLog::now()).bind(3, memoId).run();
              });
}

void MemoStore::remove(Id memoId)
{
    checkExists(memoId);
    m_log.run(QStringLiteral("memo.delete"), QStringLiteral("Delete memo %1").arg(memoId),
              {{QStringLiteral("memo"), memoId}}, [&] {
                  Statement del(m_db, QStringLiteral("DELETE FROM memos WHERE id = ?1"));
                  del.bind(1, memoId).run();
              });
}

std::vector<Memo> MemoStore::list(const QString &targetKind, std::optional<Id> targetId) const
{
    QString sql =
        QStringLiteral("SELECT m.id, m.target_kind, m.target_id, m.title, m.text, c.name, m.created, m.modified "
                       "FROM memos m JOIN coders c ON c.id = m.coder_id WHERE 1");
    if (!targetKind.isEmpty())
        sql += QStringLiteral(" AND m.target_kind = ?1");
    if (targetId)
        sql += QStringLiteral(" AND m.target_id = ?2");
    sql += QStringLiteral(" ORDER BY m.id");
    Statement st(m_db, sql);
    if (!targetKind.isEmpty())
        st.bind(1, targetKind);
    if (targetId)
        st.bind(2, *targetId);
    std::vector<Memo> out;
    while (st.step())
        out.push_back({st.columnInt(0), st.columnText(1), st.columnOptInt(2), st.columnText(3), st.columnText(4),
                       st.columnText(5), st.columnText(6), st.columnText(7)});
    return out;
}

void MemoStore::removeFor(const QString &targetKind, const std::set<Id> &targetIds)
{
    Statement del(m_db, QStringLiteral("DELETE FROM memos WHERE target_kind = ?1 AND target_id = ?2"));
    for (Id id : targetIds) {
        del.reset();
        del.bind(1, targetKind).bind(2, id).run();
    }
}

void MemoStore::retarget(const QString &targetKind, Id from, Id to)
{
    Statement up(m_db, QStringLiteral("UPDATE memos SET target_id = ?3 WHERE target_kind = ?1 AND target_id = ?2"));
    up.bind(1, targetKind).bind(2, from).bind(3, to).run();
}

void MemoStore::setAuthorDuringCommand(Id memoId, Id coderId, const QString &created, const QString &modified)
{
    Statement up(m_db, QStringLiteral("UPDATE memos SET coder_id = ?1, created = ?2, modified = ?3 WHERE id = ?4"));
    up.bind(1, coderId).bind(2, created).bind(3, modified).bind(4, memoId).run();
}

qint64 MemoStore::removeAllOf(const QString &targetKind)
{
    Statement del(m_db, QStringLiteral("DELETE FROM memos WHERE target_kind = ?1"));
    del.bind(1, targetKind).run();
    return m_db.changes();
}

qint64 MemoStore::removeAllBut(const QString &targetKind)
{
    Statement del(m_db, QStringLiteral("DELETE FROM memos WHERE target_kind <> ?1"));
    del.bind(1, targetKind).run();
    return m_db.changes();
}

} // namespace Quire
