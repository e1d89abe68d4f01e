// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QString>
#include <QStringList>

namespace Quire {

/// What `quire-cli verify` and the workbench's background check found.
struct VerifyReport
{
    QStringList problems;     ///< empty: the project is intact
    QStringList notes;        ///< facts worth saying (no page checksums yet, a log waiting)
    qint64 pages = 0;         ///< pages read and checked
    bool checksummed = false; ///< every page carries a checksum
    qint64 documents = 0;
    qint64 segments = 0;
    qint64 commands = 0;
    bool intact() const { return problems.isEmpty(); }
};

/// Reads the whole project without changing it: SQLite's integrity check
/// (every page read, so every page checksum verified), the links between
/// tables, and Quire's own rules (every document has its text, of the length
/// recorded; every segment lies inside its document; every command of the
/// history can be read). Opens the file read-only; never throws for damage,
/// which it reports; throws Error only for a file it cannot open at all.
QUIRECORE_EXPORT VerifyReport verifyProject(const QString &path);

} // namespace Quire
