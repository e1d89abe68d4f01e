// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QString>

namespace Quire::ProjectFile {

/// A hidden name beside `path` for a file being written
/// (".study.quire.partial-1a2b3c"); it becomes `path` only when complete.
QUIRECORE_EXPORT QString partialPathFor(const QString &path);

/// Puts a complete file in place under `path`: syncs it, renames it without
/// replacing anything (throws naming `path` if it exists by then), syncs the
/// folder. A kill at any moment leaves either no `path` or the whole file.
QUIRECORE_EXPORT void publish(const QString &partial, const QString &path);

/// The same, replacing `path` (restore): the -wal and -shm files of the old
/// file are removed first, so none of it can be replayed onto the new one.
QUIRECORE_EXPORT void replace(const QString &partial, const QString &path);

/// Removes a file with its -wal, -shm and -journal companions; never throws.
QUIRECORE_EXPORT void removeWithCompanions(const QString &path) noexcept;

/// Throws when the file has a second name (a hard link): SQLite's locks and
/// write-ahead log follow the name, so two names let two writers lose each
/// other's commands.
QUIRECORE_EXPORT void checkSingleName(const QString &path);

/// Whether another process has the project open (it holds the shared-memory
/// lock every connection to a WAL database keeps while open).
QUIRECORE_EXPORT bool openElsewhere(const QString &path);

/// Whether the file and its folder can be written (SQLite needs both).
QUIRECORE_EXPORT bool writable(const QString &path);

/// Bytes the -wal file holds (0 when there is none).
QUIRECORE_EXPORT qint64 walBytes(const QString &path);

/// Throws a clear error when the file is shorter than its header says (cut
/// off), unless a write-ahead log may still hold the rest.
QUIRECORE_EXPORT void checkNotCutOff(const QString &path);

} // namespace Quire::ProjectFile
