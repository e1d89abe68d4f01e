// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/backups.h"

#include "error.h"
#include "storage/database.h"
#include "storage/fileerrors.h"
#include "storage/pagechecksums.h"
#include "storage/projectfile.h"

#include <algorithm>
#include <memory>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimeZone>
#include <sqlite3.h>

namespace Quire::Backups {

namespace {

const char *const StampFormat = "yyyy-MM-dd HHmmss";

QString label(const QString &path)
{
    return QFileInfo(path).fileName();
}

/// Copies every page of `source` into a new file at `partial` through the
/// backup API, in one step (the source keeps a read snapshot meanwhile).
void copyPages(Database &source, const QString &partial)
{
    sqlite3 *dest = nullptr;
    const QByteArray name = QFile::encodeName(partial);
    int rc = sqlite3_open_v2(name.constData(), &dest,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE, PageChecksums::vfs());
    std::unique_ptr<sqlite3, decltype(&sqlite3_close)> owned(dest, &sqlite3_close);
    const auto failure = [&](const QString &what) {
        const int code = dest ? sqlite3_extended_errcode(dest) : rc;
        const int err = dest ? sqlite3_system_errno(dest) : 0;
        const QString msg = FileErrors::describeSqlite(
            code, err, partial, dest ? QString::fromUtf8(sqlite3_errmsg(dest)) : QString::fromUtf8(sqlite3_errstr(rc)));
        owned.reset();
        ProjectFile::removeWithCompanions(partial);
        return Error(QStringLiteral("%1: %2").arg(what, msg));
    };
    if (rc != SQLITE_OK)
        throw failure(QStringLiteral("cannot create the copy"));
    if (PageChecksums::isChecksummed(source.handle()))
        PageChecksums::startChecksummedFile(dest);
    sqlite3_backup *backup = sqlite3_backup_init(dest, "main", source.handle(), "main");
    if (!backup)
        throw failure(QStringLiteral("cannot copy the project"));
    rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        if (rc == SQLITE_IOERR_DATA || (rc & 0xff) == SQLITE_CORRUPT) {
            owned.reset();
            ProjectFile::removeWithCompanions(partial);
            throw Error(source.describeLastError());
        }
        throw failure(QStringLiteral("cannot copy the project"));
    }
    rc = sqlite3_close(dest);
    owned.release();
    if (rc != SQLITE_OK) {
        ProjectFile::removeWithCompanions(partial);
        throw Error(QStringLiteral("cannot finish the copy: %1").arg(QString::fromUtf8(sqlite3_errstr(rc))));
    }
}

} // namespace

QString folderFor(const QString &projectPath)
{
    const QFileInfo info(projectPath);
    return info.absoluteDir().filePath(info.fileName() + QStringLiteral("-backups"));
}

std::vector<Backup> list(const QString &projectPath)
{
    std::vector<Backup> out;
    const QDir folder(folderFor(projectPath));
    if (!folder.exists())
        return out;
    const QString stem = QFileInfo(projectPath).completeBaseName();
    static const QRegularExpression stamp(QStringLiteral(" (\\d{4}-\\d\\d-\\d\\d \\d{6})\\.quire$"));
    for (const QFileInfo &f : folder.entryInfoList({QStringLiteral("*.quire")}, QDir::Files)) {
        if (!f.fileName().startsWith(stem))
            continue;
        const auto m = stamp.match(f.fileName());
        if (!m.hasMatch())
            continue;
        QDateTime when = QDateTime::fromString(m.captured(1), QString::fromLatin1(StampFormat));
        when.setTimeSpec(Qt::UTC);
        out.push_back({f.absoluteFilePath(), when, f.size()});
    }
    std::sort(out.begin(), out.end(), [](const Backup &a, const Backup &b) { return a.made > b.made; });
    return out;
}

int keepCount()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("QUIRE_BACKUPS", &ok);
    return ok && n >= 0 ? n : 10;
}

qint64 intervalSeconds()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("QUIRE_BACKUP_INTERVAL", &ok);
    return ok && n >= 0 ? n : 1800;
}

bool due(const QString &projectPath)
{
    if (keepCount() == 0)
        return false;
    const auto all = list(projectPath);
    if (all.empty() || intervalSeconds() == 0)
        return true;
    return all.front().made.secsTo(QDateTime::currentDateTimeUtc()) >= intervalSeconds();
}

Backup make(Database &source, const QString &projectPath)
{
    const QString folderPath = folderFor(projectPath);
    if (!QDir().mkpath(folderPath))
        throw Error(QStringLiteral("%1: cannot make the backup folder %2: %3")
                        .arg(label(projectPath), folderPath, FileErrors::describeErrno(errno, folderPath)));
    QDateTime now = QDateTime::currentDateTimeUtc();
    // Names sort by time: never earlier than the newest backup there is.
    const auto existing = list(projectPath);
    if (!existing.empty() && existing.front().made >= now)
        now = existing.front().made.addSecs(1);
    QString target;
    // Two backups within a second get the next second's name.
    for (;; now = now.addSecs(1)) {
        target = QDir(folderPath)
                     .filePath(QStringLiteral("%1 %2.quire")
                                   .arg(QFileInfo(projectPath).completeBaseName(),
                                        now.toString(QString::fromLatin1(StampFormat))));
        if (!QFileInfo::exists(target))
            break;
    }
    try {
        saveCopy(source, target);
    } catch (const Error &e) {
        throw Error(QStringLiteral("%1: no backup was made: %2").arg(label(projectPath), e.message()));
    }
    auto all = list(projectPath);
    const int keep = std::max(1, keepCount());
    for (std::size_t i = std::size_t(keep); i < all.size(); ++i)
        ProjectFile::removeWithCompanions(all[i].path);
    return {target, now, QFileInfo(target).size()};
}

void saveCopy(Database &source, const QString &target)
{
    if (QFileInfo::exists(target))
        throw Error(QStringLiteral("%1: already exists; choose another name for the copy").arg(target));
    if (QFileInfo(target).absoluteFilePath() == QFileInfo(source.path()).absoluteFilePath())
        throw Error(QStringLiteral("%1: the copy cannot overwrite the project itself").arg(target));
    const QString partial = ProjectFile::partialPathFor(target);
    try {
        copyPages(source, partial);
        ProjectFile::publish(partial, target);
    } catch (const Error &e) {
        ProjectFile::removeWithCompanions(partial);
        const QString msg = e.message();
        throw Error(msg.startsWith(label(source.path())) ? msg : QStringLiteral("%1: %2").arg(label(target), msg));
    }
}

QStringList check(const QString &path)
{
    QStringList problems;
    try {
        ProjectFile::checkNotCutOff(path);
        Database db(path,
                    ProjectFile::writable(path) ? Database::OpenMode::ReadOnly : Database::OpenMode::ReadOnlyImmutable);
        Statement st(db, QStringLiteral("PRAGMA integrity_check"));
        while (st.step()) {
            const QString line = st.columnText(0);
            if (line != QLatin1String("ok"))
                problems << line;
        }
    } catch (const Error &e) {
        problems << e.message();
    }
    return problems;
}

Backup restore(const QString &projectPath, const QString &backupPath)
{
    const auto all = list(projectPath);
    Backup chosen;
    if (backupPath.isEmpty()) {
        if (all.empty())
            throw Error(QStringLiteral("%1: there is no backup to restore (none in %2)")
                            .arg(label(projectPath), folderFor(projectPath)));
        chosen = all.front();
    } else {
        const QFileInfo info(backupPath);
        if (!info.exists())
            throw Error(QStringLiteral("%1: no such backup").arg(backupPath));
        chosen = {info.absoluteFilePath(), info.lastModified().toUTC(), info.size()};
        for (const auto &b : all) {
            if (b.path == chosen.path)
                chosen = b;
        }
    }
    if (QFileInfo::exists(projectPath) && ProjectFile::openElsewhere(projectPath))
        throw Error(QStringLiteral("%1: another program has the project open; close it before restoring a backup")
                        .arg(label(projectPath)));
    const QStringList problems = check(chosen.path);
    if (!problems.isEmpty())
        throw Error(QStringLiteral("%1: the backup is damaged and was not restored: %2")
                        .arg(label(chosen.path), problems.front()));
    // The current file becomes a backup too, so a restore can be taken back.
    if (QFileInfo::exists(projectPath) && check(projectPath).isEmpty()) {
        Database current(projectPath, Database::OpenMode::ReadOnly);
        make(current, projectPath);
    }
    const QString partial = ProjectFile::partialPathFor(projectPath);
    try {
        Database from(chosen.path, Database::OpenMode::ReadOnly);
        copyPages(from, partial);
        ProjectFile::replace(partial, projectPath);
    } catch (const Error &e) {
        ProjectFile::removeWithCompanions(partial);
        throw Error(QStringLiteral("%1: the backup was not restored: %2").arg(label(projectPath), e.message()));
    }
    return chosen;
}

} // namespace Quire::Backups
