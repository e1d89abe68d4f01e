// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/projectfile.h"

#include "error.h"
#include "storage/fileerrors.h"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <sys/stat.h>
#include <unistd.h>

namespace Quire::ProjectFile {

namespace {

QString label(const QString &path)
{
    return QFileInfo(path).fileName();
}

void syncPath(const QString &path, bool folder)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), folder ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

void renameNoReplace(const QString &from, const QString &to, bool mayReplace)
{
    const QByteArray a = QFile::encodeName(from);
    const QByteArray b = QFile::encodeName(to);
    int rc = 0;
    if (mayReplace) {
        rc = ::rename(a.constData(), b.constData());
    } else {
#ifdef RENAME_NOREPLACE
        rc = ::renameat2(AT_FDCWD, a.constData(), AT_FDCWD, b.constData(), RENAME_NOREPLACE);
        if (rc != 0 && (errno == EINVAL || errno == ENOSYS))
#endif
        {
            // A file system without renameat2: a hard link fails if `to` exists.
            rc = ::link(a.constData(), b.constData());
            if (rc == 0)
                ::unlink(a.constData());
        }
    }
    if (rc != 0) {
        const int err = errno;
        if (err == EEXIST)
            throw Error(QStringLiteral("%1: already exists; choose another name or open it").arg(to));
        throw Error(
            QStringLiteral("%1: cannot be put in place: %2").arg(label(to), FileErrors::describeErrno(err, to)));
    }
}

} // namespace

QString partialPathFor(const QString &path)
{
    const QFileInfo info(path);
    const QString tag = QString::number(QRandomGenerator::system()->generate64() & 0xffffffffffULL, 36);
    return info.absoluteDir().filePath(QStringLiteral(".%1.partial-%2").arg(info.fileName(), tag));
}

void publish(const QString &partial, const QString &path)
{
    syncPath(partial, false);
    renameNoReplace(partial, path, false);
    syncPath(QFileInfo(path).absolutePath(), true);
}

void replace(const QString &partial, const QString &path)
{
    syncPath(partial, false);
    for (const char *suffix : {"-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
    renameNoReplace(partial, path, true);
    syncPath(QFileInfo(path).absolutePath(), true);
}

void removeWithCompanions(const QString &path) noexcept
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

void checkSingleName(const QString &path)
{
    struct stat st
    {
    };
    const QByteArray name = QFile::encodeName(path);
    if (::stat(name.constData(), &st) != 0)
        return;
    if (S_ISREG(st.st_mode) && st.st_nlink > 1)
        throw Error(QStringLiteral("%1: the file has %2 names (hard links); Quire refuses to open it, because two "
                                   "programs writing through different names can lose each other's work. Make a "
                                   "copy under one name (quire-cli save-copy) and open that")
                        .arg(label(path))
                        .arg(qulonglong(st.st_nlink)));
}

bool openElsewhere(const QString &path)
{
    // Every connection to a WAL database holds a shared lock on one byte of
    // the -shm file (byte 128 for SQLite's unix VFS) while it is open.
    const QByteArray shm = QFile::encodeName(path + QStringLiteral("-shm"));
    const int fd = ::open(shm.constData(), O_RDWR);
    if (fd < 0)
        return false;
    struct flock lock
    {
    };
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = 128;
    lock.l_len = 1;
    const bool held = ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
    ::close(fd);
    return held;
}

bool writable(const QString &path)
{
    return FileErrors::canWrite(path) && !FileErrors::folderReadOnly(path);
}

qint64 walBytes(const QString &path)
{
    const QFileInfo wal(path + QStringLiteral("-wal"));
    return wal.exists() ? wal.size() : 0;
}

void checkNotCutOff(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return; // opening reports it
    const QByteArray header = f.read(100);
    if (header.size() < 100 || !header.startsWith("SQLite format 3"))
        return; // not SQLite: identification reports it
    const auto byte = [&](int i) { return quint32(quint8(header[i])); };
    qint64 pageSize = (byte(16) << 8) | byte(17);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 pages = (byte(28) << 24) | (byte(29) << 16) | (byte(30) << 8) | byte(31);
    const quint32 changes = (byte(24) << 24) | (byte(25) << 16) | (byte(26) << 8) | byte(27);
    const quint32 validFor = (byte(92) << 24) | (byte(93) << 16) | (byte(94) << 8) | byte(95);
    // The page count in the header is trusted only when it was written with it.
    if (pages == 0 || changes != validFor)
        return;
    const qint64 expected = qint64(pages) * pageSize;
    if (f.size() < expected && walBytes(path) == 0)
        throw Error(QStringLiteral("%1: the project file is damaged: it is cut off (%2 of the %3 its header names). "
                                   "Restore the newest backup: quire-cli backup restore %1")
                        .arg(label(path), FileErrors::sizeText(f.size()), FileErrors::sizeText(expected)));
}

} // namespace Quire::ProjectFile
