// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <optional>
#include <QString>
#include <set>
#include <vector>

namespace Quire {

class CommandLog;
class Database;

/// The memos of a project: the only code that writes the table `memos`.
/// Checks that a memo's target exists are the caller's (Project), which
/// knows every kind of target; this store keeps the rows.
class MemoStore
{
public:
    MemoStore(Database &db, CommandLog &log);

    /// Adds a memo as one command; `targetId` is empty for a project memo.
    Id add(const QString &targetKind, std::optional<Id> targetId, const QString &text, const QString &title);
    void edit(Id memoId, const QString &text);
    void remove(Id memoId);
    std::vector<Memo> list(const QString &targetKind = QString(), std::optional<Id> targetId = std::nullopt) const;

    // Inside another store's command: the memos that go with what it removes or merges.
    /// Removes the memos of these targets of one kind.
    void removeFor(const QString &targetKind, const std::set<Id> &targetIds);
    /// Moves the memos of one target to another of the same kind (a merged code).
    void retarget(const QString &targetKind, Id from, Id to);
    /// Sets who wrote the memo and when: a memo brought from another project
    /// (a merge) keeps its author, as segments do.
    void setAuthorDuringCommand(Id memoId, Id coderId, const QString &created, const QString &modified);

    // Not a command: a copy for another coder leaves out the first coder's memos.
    /// Removes every memo on a target of that kind; returns how many.
    qint64 removeAllOf(const QString &targetKind);
    /// Removes every memo except those on a target of that kind; returns how many.
    qint64 removeAllBut(const QString &targetKind);

private:
    void checkExists(Id memoId) const;

    Database &m_db;
    CommandLog &m_log;
};

} // namespace Quire
