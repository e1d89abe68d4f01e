// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "model/types.h"

#include <functional>
#include <optional>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <set>
#include <vector>

namespace Quire {

class Database;

/// The command log: the only writer of the tables `commands`,
/// `command_events` and `coders`. Every change to a project runs through
/// run(): one SQLite transaction whose row changes are captured as a session
/// changeset and stored with the coder and time, so undo and redo work across
/// process restarts (docs/decisions/0001-command-log-sqlite-session.md).
class QUIRECORE_EXPORT CommandLog
{
public:
    explicit CommandLog(Database &db);
    /// The time stamp every table of the project uses: UTC, ISO 8601 with milliseconds.
    static QString now();
    CommandLog(const CommandLog &) = delete;
    CommandLog &operator=(const CommandLog &) = delete;

    /// The person whose actions are recorded.
    void setCoder(const QString &name);
    QString coder() const { return m_coder; }
    /// The coder's row, created on first use.
    Id coderId();
    /// The row of the coder named `name` (who coded in an imported or merged
    /// project), created on first use. Coders are history: undo keeps them.
    Id coderId(const QString &name);
    /// Every coder's id and name, in the order they first acted.
    std::vector<std::pair<Id, QString>> coders() const;

    /// Called before the first change of a session (the project's automatic
    /// backup); may throw to refuse every change (a read-only project).
    std::function<void()> beforeFirstChange;
    /// Called after undo and redo changed rows behind the stores' backs.
    std::function<void()> afterUndoRedo;

    /// Runs `body` as one recorded command. Inside another command (a batch,
    /// an import creating cases) it simply runs, and its changes land in the
    /// enclosing command.
    void run(const QString &kind, const QString &summary, const QJsonObject &args, const std::function<void()> &body);
    bool inCommand() const { return m_inCommand; }

    /// Whether nothing was ever recorded.
    bool empty() const;
    bool canUndo() const;
    bool canRedo() const;
    /// Undoes the latest done command; returns its summary.
    QString undo();
    /// Redoes the latest undone command; returns its summary.
    QString redo();
    std::vector<CommandRecord> history() const;
    /// The newest command in effect: its time and its coder's name.
    std::optional<std::pair<QString, QString>> lastChange() const;
    /// For each id that the argument `argument` of done commands of `kind`
    /// names, the coder of the newest of them (who last edited each memo).
    QHash<Id, QString> lastCoderOf(const QString &kind, const QString &argument) const;
    /// Forgets every command and every undo and redo of one: not a command.
    /// A copy for another coder starts with an empty history, so nothing of
    /// the first coder's work can be brought back by undo.
    void clearHistory();
    /// Ids of the rows of `table` that a done or undone command inserted,
    /// changed or deleted: what undo or redo could still bring back.
    std::set<Id> rowsInHistory(const char *table) const;

    /// For `quire-cli verify`, on a connection of its own: counts the commands and
    /// adds a problem for each changeset undo could reach but not read.
    static qint64 verify(Database &db, QStringList &problems);

private:
    Database &m_db;
    QString m_coder;
    std::optional<Id> m_coderId;
    bool m_inCommand = false;
};

} // namespace Quire
