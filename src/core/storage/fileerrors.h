// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QString>

namespace Quire::FileErrors {

/// The real cause of a failed file operation, in words: "the disk is full
/// (12 KB free in /home/ann/study)", "the folder /media/usb is read-only",
/// "permission denied on study.quire", … `path` is the file concerned.
QUIRECORE_EXPORT QString describeErrno(int err, const QString &path);

/// The same for an SQLite result code (extended) and the system error behind
/// it; falls back to SQLite's message.
QUIRECORE_EXPORT QString describeSqlite(int extendedCode, int systemErrno, const QString &path,
                                        const QString &sqliteMessage);

/// Whether the code is about the file rather than the statement (full disk,
/// I/O, damage, locks, read-only): then the message stands alone.
QUIRECORE_EXPORT bool isFileProblem(int extendedCode);

/// Why writing `path` failed, when Qt's own message ("Unknown error", "No
/// space left on device") is all there is: a full disk or a read-only folder
/// is named as such, with the free space; otherwise Qt's message.
/// `outOfResources`: Qt reported QFileDevice::ResourceError (its code for a full disk).
QUIRECORE_EXPORT QString writeFailure(const QString &path, const QString &qtMessage, bool outOfResources = false);

/// Writes `bytes` to `path` through a temporary file renamed when complete
/// (an existing file stays as it was on failure); throws Error naming the
/// file and the real cause.
QUIRECORE_EXPORT void saveFile(const QString &path, const QByteArray &bytes);

/// Whether this process may write `path` (a file, or a folder): access(2),
/// not permission bits, so a read-only mount refuses even root.
QUIRECORE_EXPORT bool canWrite(const QString &path);

/// Whether `path`'s folder cannot be written (see canWrite).
QUIRECORE_EXPORT bool folderReadOnly(const QString &path);

/// Less room on the volume holding `path` than a few pages: what stops a
/// write there is the disk.
QUIRECORE_EXPORT bool diskNearlyFull(const QString &path);

/// Free bytes on the volume holding `path` (its folder when it does not exist), or -1.
QUIRECORE_EXPORT qint64 freeBytes(const QString &path);

/// "12 KB", "3.4 MB", "1.2 GB".
QUIRECORE_EXPORT QString sizeText(qint64 bytes);

} // namespace Quire::FileErrors
