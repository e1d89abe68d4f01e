// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QString>

namespace Quire {

class Database;

/// The project file's schema: versions, migrations and identification.
namespace Schema {

/// PRAGMA application_id of every .quire file: "QUIR" in ASCII.
inline constexpr int ApplicationId = 0x51554952;
/// The schema version this build writes (PRAGMA user_version).
QUIRECORE_EXPORT int currentVersion();

/// Creates the schema in an empty database (version 0 → current).
QUIRECORE_EXPORT void create(Database &db);

/// Checks that db is a Quire project this build can read, and migrates an
/// older one forward. Before the first migration step the file is copied to
/// "<file>.v<old>.bak" (VACUUM INTO, so the copy is consistent).
/// Throws Error for a file that is not a Quire project or comes from a
/// newer Quire. Returns the version the file had.
QUIRECORE_EXPORT int openAndMigrate(Database &db);

/// For tests of migrations: brings an empty database to exactly version v.
QUIRECORE_EXPORT void createAtVersion(Database &db, int version);

} // namespace Schema
} // namespace Quire
