// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QString>

struct sqlite3;

namespace Quire::PageChecksums {

/// The name of the SQLite VFS that keeps an 8-byte checksum at the end of
/// every page of a project file (docs/decisions/0010-page-checksums.md).
///
/// A file takes part when its header says 8 reserved bytes per page (byte
/// 20); other files pass through untouched. Pages are checked as they are
/// read, from the project file and from its write-ahead log alike, so a
/// flipped bit or a page from another file is an SQLITE_IOERR_DATA error
/// ("the project file is damaged"), never a changed quote. The WAL's own
/// frame checksums are kept true: the page checksum is written into the
/// page before the frame's checksum is worked out again from the bytes that
/// reach the disk.
inline constexpr const char *VfsName = "quire-checksums";

/// Reserved bytes per page that mark a checksummed file.
inline constexpr int ReserveBytes = 8;

/// Registers the VFS once per process (thread-safe); returns VfsName.
QUIRECORE_EXPORT const char *vfs();

/// For a connection whose main file is still empty: every page written from
/// now on carries a checksum (the file is being created with
/// ReserveBytes; call before the first write). Throws nothing; returns
/// false when the connection's file is not one of this VFS's.
QUIRECORE_EXPORT bool startChecksummedFile(sqlite3 *db);

/// Whether the connection's main file carries page checksums.
QUIRECORE_EXPORT bool isChecksummed(sqlite3 *db);

/// A URI parameter for VACUUM INTO targets: "?quire_checksums=1" makes the new
/// file checksummed from its first page.
inline constexpr const char *UriParameter = "quire_checksums";

/// The name to give VACUUM INTO for a new file at `path`: a URI that makes the
/// new file checksummed when the connection's own file is (or always, with
/// `addChecksums`: the upgrade of a project made before checksums).
QUIRECORE_EXPORT QString vacuumTarget(sqlite3 *db, const QString &path, bool addChecksums = false);

/// Checks one page image (page size bytes, checksum in the last 8). For tests
/// and `quire-cli verify`, which read the file directly.
QUIRECORE_EXPORT bool pageIsIntact(const unsigned char *page, int pageSize);

} // namespace Quire::PageChecksums
