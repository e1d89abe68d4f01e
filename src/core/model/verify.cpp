// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/verify.h"

#include "error.h"
#include "index/searchindex.h"
#include "model/commandlog.h"
#include "model/documentstore.h"
#include "model/schema.h"
#include "model/segmentstore.h"
#include "storage/database.h"
#include "storage/fileerrors.h"
#include "storage/pagechecksums.h"
#include "storage/projectfile.h"

#include <memory>
#include <QFileInfo>
#include <sqlite3.h>

namespace Quire {

namespace {

/// Runs a check; a damaged part it meets becomes a problem, not an exception.
template <typename F> void guarded(VerifyReport &r, const QString &what, F &&f)
{
    try {
        f();
    } catch (const Error &e) {
        r.problems << QStringLiteral("%1: %2").arg(what, e.message());
    }
}

} // namespace

VerifyReport verifyProject(const QString &path)
{
    VerifyReport r;
    const QString name = QFileInfo(path).fileName();
    if (!QFileInfo::exists(path))
        throw Error(QStringLiteral("%1: no such file").arg(path));
    guarded(r, QStringLiteral("file"), [&] { ProjectFile::checkNotCutOff(path); });
    if (!r.problems.isEmpty())
        return r;
    if (ProjectFile::walBytes(path) > 0 && !ProjectFile::openElsewhere(path))
        r.notes << QStringLiteral("%1-wal holds changes not yet in the project file (a session that was ended "
                                  "abruptly); opening the project checks and keeps them")
                       .arg(name);
    const bool canWrite = ProjectFile::writable(path);
    auto connect = [&](Database::OpenMode mode) {
        auto db = std::make_unique<Database>(path, mode);
        SearchIndex::registerConnection(db->handle());
        return db;
    };
    auto db = connect(canWrite ? Database::OpenMode::ReadOnly : Database::OpenMode::ReadOnlyImmutable);
    try {
        db->scalarInt(QStringLiteral("PRAGMA application_id"));
    } catch (const Error &) {
        // A full disk (no room for the shared-memory file): with no log
        // waiting, the file alone is the whole project.
        if (!FileErrors::diskNearlyFull(path) || ProjectFile::walBytes(path) > 0)
            throw;
        db = connect(Database::OpenMode::ReadOnlyImmutable);
        r.notes << QStringLiteral("the disk is full: the file was read as it is, without its locks");
    }
    guarded(r, QStringLiteral("identification"), [&] {
        if (db->scalarInt(QStringLiteral("PRAGMA application_id")) != Schema::ApplicationId)
            throw Error(QStringLiteral("not a Quire project"));
    });
    if (!r.problems.isEmpty())
        return r;
    r.checksummed = PageChecksums::isChecksummed(db->handle());
    if (!r.checksummed)
        r.notes << QStringLiteral("the file has no page checksums yet (made by an older Quire); they are added "
                                  "the next time it is opened for writing");
    guarded(r, QStringLiteral("structure"), [&] {
        r.pages = db->scalarInt(QStringLiteral("PRAGMA page_count"));
        Statement st(*db, QStringLiteral("PRAGMA integrity_check(100)"));
        while (st.step()) {
            const QString line = st.columnText(0);
            if (line != QLatin1String("ok"))
                r.problems << QStringLiteral("structure: %1").arg(line);
        }
    });
    guarded(r, QStringLiteral("links"), [&] {
        Statement st(*db, QStringLiteral("PRAGMA foreign_key_check"));
        int n = 0;
        while (st.step() && n++ < 20)
            r.problems << QStringLiteral("links: a row of %1 (row %2) points to a missing row of %3")
                              .arg(st.columnText(0))
                              .arg(st.columnInt(1))
                              .arg(st.columnText(2));
    });
    if (!r.problems.isEmpty())
        return r;
    // Quire's own rules, each checked by the store that owns the table.
    guarded(r, QStringLiteral("documents"), [&] { r.documents = DocumentStore::verify(*db, r.problems); });
    guarded(r, QStringLiteral("segments"), [&] { r.segments = SegmentStore::verify(*db, r.problems); });
    guarded(r, QStringLiteral("history"), [&] { r.commands = CommandLog::verify(*db, r.problems); });
    return r;
}

} // namespace Quire
