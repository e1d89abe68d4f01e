// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/fileerrors.h"

#include "error.h"

#include <cerrno>
#include <cstring>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <sqlite3.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace Quire::FileErrors {

namespace {

QString folderOf(const QString &path)
{
    const QFileInfo info(path);
    return QDir::toNativeSeparators(info.isDir() ? info.absoluteFilePath() : info.absolutePath());
}

QString label(const QString &path)
{
    return QFileInfo(path).fileName();
}

} // namespace

bool canWrite(const QString &path)
{
    return ::access(QFile::encodeName(path).constData(), W_OK) == 0;
}

bool folderReadOnly(const QString &path)
{
    return !canWrite(folderOf(path));
}

bool diskNearlyFull(const QString &path)
{
    const qint64 free = freeBytes(path);
    return free >= 0 && free < 64 * 1024;
}

QString writeFailure(const QString &path, const QString &qtMessage, bool outOfResources)
{
    if (outOfResources || diskNearlyFull(path))
        return describeErrno(ENOSPC, path);
    if (folderReadOnly(path))
        return describeErrno(EACCES, path);
    return qtMessage;
}

void saveFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        throw Error(QStringLiteral("%1: cannot write: %2")
                        .arg(path, writeFailure(path, f.errorString(), f.error() == QFileDevice::ResourceError)));
    const bool written = f.write(bytes) == bytes.size();
    if (!written) {
        const QString why = writeFailure(path, f.errorString(), f.error() == QFileDevice::ResourceError);
        f.cancelWriting();
        throw Error(QStringLiteral("%1: cannot write: %2").arg(path, why));
    }
    if (!f.commit())
        throw Error(QStringLiteral("%1: cannot write: %2")
                        .arg(path, writeFailure(path, f.errorString(), f.error() == QFileDevice::ResourceError)));
}

qint64 freeBytes(const QString &path)
{
    struct statvfs st
    {
    };
    const QByteArray folder = QFile::encodeName(folderOf(path));
    if (statvfs(folder.constData(), &st) != 0)
        return -1;
    return qint64(st.f_bavail) * qint64(st.f_frsize);
}

QString sizeText(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 bytes").arg(bytes);
    if (bytes < 1024 * 1024)
        return QStringLiteral("%1 KB").arg(bytes / 1024);
    if (bytes < 1024LL * 1024 * 1024)
        return QStringLiteral("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    return QStringLiteral("%1 GB").arg(double(bytes) / (1024.0 * 1024.0 * 1024.0), 0, 'f', 1);
}

QString describeErrno(int err, const QString &path)
{
    switch (err) {
    case ENOSPC:
    case EDQUOT: {
        const qint64 free = freeBytes(path);
        return free >= 0 ? QStringLiteral("the disk is full (%1 free in %2)").arg(sizeText(free), folderOf(path))
                         : QStringLiteral("the disk is full");
    }
    case EFBIG:
        return QStringLiteral("the file has grown past the largest size this system allows for it");
    case EROFS:
        return QStringLiteral("the disk holding %1 is mounted read-only").arg(folderOf(path));
    case EACCES:
    case EPERM:
        if (folderReadOnly(path))
            return QStringLiteral("the folder %1 is read-only for you").arg(folderOf(path));
        return QStringLiteral("permission denied on %1").arg(label(path));
    case EIO:
        return QStringLiteral("the disk reported an input/output error (the disk or its connection may be failing)");
    case ENOENT:
        return QStringLiteral("the file or its folder no longer exists");
    case ENAMETOOLONG:
        return QStringLiteral("the file name is too long");
    case EMFILE:
    case ENFILE:
        return QStringLiteral("too many files are open");
    case ENOMEM:
        return QStringLiteral("out of memory");
    default:
        return QString::fromLocal8Bit(std::strerror(err));
    }
}

bool isFileProblem(int code)
{
    switch (code & 0xff) {
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CORRUPT:
    case SQLITE_READONLY:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
    case SQLITE_NOMEM:
        return true;
    default:
        return false;
    }
}

QString describeSqlite(int code, int err, const QString &path, const QString &sqliteMessage)
{
    const QString name = label(path);
    if ((code & 0xff) == SQLITE_FULL || err == ENOSPC || err == EDQUOT)
        return describeErrno(err == EDQUOT ? EDQUOT : ENOSPC, path);
    switch (code) {
    case SQLITE_IOERR_DATA:
        return QStringLiteral("the project file is damaged: a part of it no longer matches its checksum (a disk "
                              "error or a change by another program); nothing was read from the damaged part. "
                              "Restore the newest backup: quire-cli backup restore %1")
            .arg(name);
    case SQLITE_IOERR_SHORT_READ:
        return QStringLiteral("the project file is damaged: it is shorter than its own header says (cut off). "
                              "Restore the newest backup: quire-cli backup restore %1")
            .arg(name);
    case SQLITE_READONLY_DBMOVED:
        return QStringLiteral("the project file was moved, replaced or deleted while it was open (a backup restored "
                              "or a copy put in its place?); nothing was written. Open it again");
    case SQLITE_READONLY_RECOVERY:
    case SQLITE_READONLY_CANTINIT:
        return QStringLiteral("the project needs to be recovered after an interrupted write, which needs write "
                              "access to the file and its folder %1")
            .arg(folderOf(path));
    default:
        break;
    }
    switch (code & 0xff) {
    case SQLITE_CORRUPT:
        return QStringLiteral(
                   "the project file is damaged (%1). Restore the newest backup: quire-cli backup restore %2")
            .arg(sqliteMessage, name);
    case SQLITE_NOTADB:
        return QStringLiteral("not a Quire project (not a database file)");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return QStringLiteral("another program is writing to this project and has not finished; try again when it "
                              "has (a write waits up to $QUIRE_BUSY_TIMEOUT seconds, 600 by default)");
    case SQLITE_READONLY:
        if (folderReadOnly(path))
            return QStringLiteral("the project is open read-only: the folder %1 cannot be written").arg(folderOf(path));
        if (!canWrite(path))
            return QStringLiteral("the project is open read-only: the file %1 cannot be written").arg(name);
        return QStringLiteral("the project is open read-only");
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        if (err != 0)
            return describeErrno(err, path);
        break;
    case SQLITE_NOMEM:
        return QStringLiteral("out of memory");
    default:
        break;
    }
    return sqliteMessage;
}

} // namespace Quire::FileErrors
