// SPDX-License-Identifier: GPL-3.0-or-later
#define SQLITE_ENABLE_SESSION
#define SQLITE_ENABLE_PREUPDATE_HOOK
#include "model/verify.h"

#include "error.h"
#include "index/searchindex.h"
#include "model/schema.h"
#include "storage/database.h"
#include "storage/fileerrors.h"
#include "storage/pagechecksums.h"
#include "storage/projectfile.h"
#include "text/textoffsets.h"

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
    guarded(r, QStringLiteral("documents"), [&] {
        Statement st(*db, QStringLiteral("SELECT d.id, d.name, d.length, t.text IS NULL, coalesce(t.text, '') "
                                         "FROM documents d LEFT JOIN document_texts t ON t.document_id = d.id"));
        while (st.step()) {
            ++r.documents;
            const QString doc = st.columnText(1);
            if (st.columnInt(3) != 0) {
                r.problems << QStringLiteral("documents: \"%1\" has no stored text").arg(doc);
                continue;
            }
            const qint64 length = TextOffsets::codePointLength(st.columnText(4));
            if (length != st.columnInt(2))
                r.problems << QStringLiteral("documents: the text of \"%1\" has %2 characters, %3 were recorded")
                                  .arg(doc)
                                  .arg(length)
                                  .arg(st.columnInt(2));
        }
    });
    guarded(r, QStringLiteral("segments"), [&] {
        r.segments = db->scalarInt(QStringLiteral("SELECT count(*) FROM segments"));
        Statement st(*db,
                     QStringLiteral("SELECT s.id, d.name, s.start, s.\"end\", d.length FROM segments s "
                                    "JOIN documents d ON d.id = s.document_id WHERE s.\"end\" > d.length LIMIT 20"));
        while (st.step())
            r.problems << QStringLiteral("segments: segment %1 (%2:%3) lies past the end of \"%4\" (%5 characters)")
                              .arg(st.columnInt(0))
                              .arg(st.columnInt(2))
                              .arg(st.columnInt(3))
                              .arg(st.columnText(1))
                              .arg(st.columnInt(4));
    });
    guarded(r, QStringLiteral("history"), [&] {
        r.commands = db->scalarInt(QStringLiteral("SELECT count(*) FROM commands"));
        // Commands before a format upgrade are a record only: undo never reaches them.
        Statement st(*db, QStringLiteral("SELECT id, summary, changeset FROM commands WHERE id > "
                                         "(SELECT coalesce(max(id), 0) FROM commands WHERE kind = 'upgrade')"));
        while (st.step()) {
            const QByteArray changeset = st.columnBlob(2);
            if (changeset.isEmpty())
                continue;
            sqlite3_changeset_iter *it = nullptr;
            int rc = sqlite3changeset_start(&it, int(changeset.size()), const_cast<char *>(changeset.constData()));
            while (rc == SQLITE_OK && sqlite3changeset_next(it) == SQLITE_ROW) {
            }
            if (rc == SQLITE_OK)
                rc = sqlite3changeset_finalize(it);
            if (rc != SQLITE_OK)
                r.problems << QStringLiteral("history: command %1 (\"%2\") cannot be read; undo cannot pass it")
                                  .arg(st.columnInt(0))
                                  .arg(st.columnText(1));
        }
    });
    return r;
}

} // namespace Quire
