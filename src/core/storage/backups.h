// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QDateTime>
#include <QString>
#include <vector>

namespace Quire {

class Database;

/// Rotating copies of a project made with SQLite's backup API, in a folder
/// beside it ("study.quire-backups/"), and the way back from them
/// (docs/reliability.md). Every copy is written aside and renamed when
/// complete, so a kill or a full disk never leaves half a backup.
namespace Backups {

struct Backup
{
    QString path;
    QDateTime made; ///< UTC, from the file name
    qint64 bytes = 0;
};

/// "study.quire-backups" beside the project.
QUIRECORE_EXPORT QString folderFor(const QString &projectPath);
/// Newest first.
QUIRECORE_EXPORT std::vector<Backup> list(const QString &projectPath);
/// How many backups are kept ($QUIRE_BACKUPS, default 10; 0 turns automatic backups off).
QUIRECORE_EXPORT int keepCount();
/// Seconds between automatic backups ($QUIRE_BACKUP_INTERVAL, default 1800).
QUIRECORE_EXPORT qint64 intervalSeconds();
/// Whether an automatic backup is due (none yet, or the newest is older than the interval).
QUIRECORE_EXPORT bool due(const QString &projectPath);

/// Copies the project as `source` sees it (its committed state) into a new
/// backup, then removes the oldest beyond keepCount(). Returns the new one.
QUIRECORE_EXPORT Backup make(Database &source, const QString &projectPath);

/// A consistent copy of the project at `target` (which must not exist): the
/// copy is complete or absent, whatever happens.
QUIRECORE_EXPORT void saveCopy(Database &source, const QString &target);

/// Puts a backup (default: the newest) in the project's place. Refuses while
/// another program has the project open, checks the backup first (a damaged
/// backup is refused), keeps the current file as a backup of its own
/// (unless it is unreadable), and returns the backup restored.
QUIRECORE_EXPORT Backup restore(const QString &projectPath, const QString &backupPath = QString());

/// Checks a project or backup file: SQLite's integrity check (every page's
/// checksum is verified as it is read). Returns the problems found (empty: intact).
QUIRECORE_EXPORT QStringList check(const QString &path);

} // namespace Backups
} // namespace Quire
