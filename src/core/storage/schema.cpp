// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/schema.h"

#include "error.h"
#include "storage/database.h"

#include <QFile>
#include <QFileInfo>
#include <array>

namespace Quire::Schema {

namespace {

// Migration i brings a project from version i to version i+1. Never edit a
// migration that has shipped: add a new one. No ON DELETE CASCADE anywhere:
// every row a command removes is removed explicitly, so the command's
// changeset holds it and undo can restore it (see docs/decisions/0001).
// Append new migrations at the end; the size is counted, not written.
constexpr auto Migrations = std::to_array<const char *>({
    // 0 → 1: the coding model.
    R"SQL(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE coders (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  created TEXT NOT NULL
);
CREATE TABLE documents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL DEFAULT 'text',
  text TEXT NOT NULL,
  length INTEGER NOT NULL CHECK (length >= 0),
  sha256 TEXT NOT NULL,
  format TEXT NOT NULL,
  encoding TEXT NOT NULL,
  source_path TEXT,
  import_meta TEXT NOT NULL DEFAULT '{}',
  imported_by INTEGER REFERENCES coders(id),
  imported_at TEXT NOT NULL
);
CREATE TABLE codes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  guid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL CHECK (length(name) > 0 AND instr(name, '/') = 0),
  color TEXT,
  description TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL
);
-- A code may sit under several parents; a code with no row here is a top-level code.
CREATE TABLE code_parents (
  code_id INTEGER NOT NULL REFERENCES codes(id),
  parent_id INTEGER NOT NULL REFERENCES codes(id),
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (code_id, parent_id),
  CHECK (code_id <> parent_id)
);
CREATE INDEX code_parents_parent ON code_parents(parent_id);
CREATE TABLE cases (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL DEFAULT 'participant',
  created TEXT NOT NULL
);
CREATE TABLE case_documents (
  case_id INTEGER NOT NULL REFERENCES cases(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  PRIMARY KEY (case_id, document_id)
);
CREATE INDEX case_documents_document ON case_documents(document_id);
CREATE TABLE segments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  start INTEGER NOT NULL CHECK (start >= 0),
  "end" INTEGER NOT NULL,
  case_id INTEGER REFERENCES cases(id),
  coder_id INTEGER NOT NULL REFERENCES coders(id),
  created TEXT NOT NULL,
  memo TEXT NOT NULL DEFAULT '',
  CHECK ("end" > start)
);
CREATE INDEX segments_document ON segments(document_id, start);
CREATE TABLE segment_codes (
  segment_id INTEGER NOT NULL REFERENCES segments(id),
  code_id INTEGER NOT NULL REFERENCES codes(id),
  PRIMARY KEY (segment_id, code_id)
);
CREATE INDEX segment_codes_code ON segment_codes(code_id);
CREATE TABLE attribute_defs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  scope TEXT NOT NULL CHECK (scope IN ('case', 'document')),
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean', 'choice')),
  choices TEXT NOT NULL DEFAULT '',
  UNIQUE (scope, name)
);
CREATE TABLE attribute_values (
  attribute_id INTEGER NOT NULL REFERENCES attribute_defs(id),
  owner_id INTEGER NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (attribute_id, owner_id)
);
CREATE TABLE memos (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('project', 'document', 'code', 'segment', 'case')),
  target_id INTEGER,
  title TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  coder_id INTEGER NOT NULL REFERENCES coders(id),
  created TEXT NOT NULL,
  modified TEXT NOT NULL
);
CREATE INDEX memos_target ON memos(target_kind, target_id);
-- The command log: every mutation, with who and when, and the SQLite
-- session changeset that undo inverts and redo re-applies.
CREATE TABLE commands (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  summary TEXT NOT NULL,
  args TEXT NOT NULL DEFAULT '{}',
  coder_id INTEGER NOT NULL REFERENCES coders(id),
  created TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('done', 'undone', 'discarded')),
  changeset BLOB NOT NULL
);
CREATE TABLE command_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  command_id INTEGER NOT NULL REFERENCES commands(id),
  event TEXT NOT NULL CHECK (event IN ('undo', 'redo')),
  coder_id INTEGER NOT NULL REFERENCES coders(id),
  created TEXT NOT NULL
);
)SQL",
    // 1 → 2: speaker turns, which link passages of a transcript to cases.
    R"SQL(
CREATE TABLE turns (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  speaker TEXT NOT NULL,
  case_id INTEGER REFERENCES cases(id),
  time_ms INTEGER
);
CREATE INDEX turns_document ON turns(document_id, start);
)SQL",
    // 2 → 3: pages of paginated sources, end times of turns, and cases that
    // are left out of counts (a focus group's facilitator).
    R"SQL(
CREATE TABLE pages (
  document_id INTEGER NOT NULL REFERENCES documents(id),
  number INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  PRIMARY KEY (document_id, number)
);
ALTER TABLE turns ADD COLUMN time_end_ms INTEGER;
ALTER TABLE cases ADD COLUMN counted INTEGER NOT NULL DEFAULT 1;
)SQL",
    // 3 → 4: every new command looks for undone ones; index them, and the
    // log by state for undo/redo, so a long history costs nothing per command.
    R"SQL(
CREATE INDEX commands_undone ON commands(id) WHERE state = 'undone';
CREATE INDEX commands_done ON commands(id) WHERE state = 'done';
)SQL",
    // 4 → 5: full-text search (docs/search.md, docs/decisions/0004). Needs
    // the "quire" tokenizer and quire_token_map() on the connection
    // (SearchIndex::registerConnection). Every table starts with "search_",
    // so the command log leaves it out; triggers keep it in step with the
    // content tables in the same transaction, also when undo and redo apply
    // a changeset. search_tokens: each document's word spans (code points).
    R"SQL(
CREATE VIRTUAL TABLE search_documents USING fts5(text, content='documents', content_rowid='id', tokenize='quire english');
CREATE VIRTUAL TABLE search_memos USING fts5(title, text, content='memos', content_rowid='id', tokenize='quire english');
CREATE VIRTUAL TABLE search_codes USING fts5(name, description, content='codes', content_rowid='id', tokenize='quire english');
CREATE TABLE search_tokens (document_id INTEGER PRIMARY KEY, map BLOB NOT NULL);
CREATE TRIGGER search_documents_insert AFTER INSERT ON documents BEGIN
  INSERT INTO search_documents(rowid, text) VALUES (new.id, new.text);
  INSERT INTO search_tokens(document_id, map) VALUES (new.id, quire_token_map(new.text));
END;
CREATE TRIGGER search_documents_delete AFTER DELETE ON documents BEGIN
  INSERT INTO search_documents(search_documents, rowid, text) VALUES ('delete', old.id, old.text);
  DELETE FROM search_tokens WHERE document_id = old.id;
END;
CREATE TRIGGER search_documents_update AFTER UPDATE OF id, text ON documents
WHEN old.id IS NOT new.id OR old.text IS NOT new.text BEGIN
  INSERT INTO search_documents(search_documents, rowid, text) VALUES ('delete', old.id, old.text);
  DELETE FROM search_tokens WHERE document_id = old.id;
  INSERT INTO search_documents(rowid, text) VALUES (new.id, new.text);
  INSERT INTO search_tokens(document_id, map) VALUES (new.id, quire_token_map(new.text));
END;
CREATE TRIGGER search_memos_insert AFTER INSERT ON memos BEGIN
  INSERT INTO search_memos(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER search_memos_delete AFTER DELETE ON memos BEGIN
  INSERT INTO search_memos(search_memos, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER search_memos_update AFTER UPDATE OF id, title, text ON memos
WHEN old.id IS NOT new.id OR old.title IS NOT new.title OR old.text IS NOT new.text BEGIN
  INSERT INTO search_memos(search_memos, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO search_memos(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER search_codes_insert AFTER INSERT ON codes BEGIN
  INSERT INTO search_codes(rowid, name, description) VALUES (new.id, new.name, new.description);
END;
CREATE TRIGGER search_codes_delete AFTER DELETE ON codes BEGIN
  INSERT INTO search_codes(search_codes, rowid, name, description) VALUES ('delete', old.id, old.name, old.description);
END;
CREATE TRIGGER search_codes_update AFTER UPDATE OF id, name, description ON codes
WHEN old.id IS NOT new.id OR old.name IS NOT new.name OR old.description IS NOT new.description BEGIN
  INSERT INTO search_codes(search_codes, rowid, name, description) VALUES ('delete', old.id, old.name, old.description);
  INSERT INTO search_codes(rowid, name, description) VALUES (new.id, new.name, new.description);
END;
INSERT INTO search_documents(search_documents) VALUES ('rebuild');
INSERT INTO search_memos(search_memos) VALUES ('rebuild');
INSERT INTO search_codes(search_codes) VALUES ('rebuild');
INSERT INTO search_tokens(document_id, map) SELECT id, quire_token_map(text) FROM documents;
INSERT OR IGNORE INTO meta(key, value) VALUES ('search.language', 'english');
)SQL",
});

void runMigration(Database &db, int from)
{
    Transaction tx(db);
    db.exec(QString::fromUtf8(Migrations[std::size_t(from)]));
    db.exec(QStringLiteral("PRAGMA user_version = %1").arg(from + 1));
    tx.commit();
}

QString label(const Database &db)
{
    return QFileInfo(db.path()).fileName();
}

} // namespace

int currentVersion()
{
    return int(Migrations.size());
}

void createAtVersion(Database &db, int version)
{
    db.exec(QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId));
    for (int v = int(db.scalarInt(QStringLiteral("PRAGMA user_version"))); v < version; ++v)
        runMigration(db, v);
}

void create(Database &db)
{
    createAtVersion(db, currentVersion());
}

int openAndMigrate(Database &db)
{
    // Reading the header is the first access: a file that is not SQLite fails here.
    int appId = 0;
    try {
        appId = int(db.scalarInt(QStringLiteral("PRAGMA application_id")));
    } catch (const Error &) {
        throw Error(QStringLiteral("%1: not a Quire project (not a database file)").arg(label(db)));
    }
    const int version = int(db.scalarInt(QStringLiteral("PRAGMA user_version")));
    if (appId != ApplicationId)
        throw Error(QStringLiteral("%1: not a Quire project (it is an SQLite database of another program)").arg(label(db)));
    if (version > currentVersion())
        throw Error(QStringLiteral("%1: this project was saved by a newer version of Quire (schema %2; this build "
                                   "reads up to schema %3). Open it with a newer Quire.")
                        .arg(label(db))
                        .arg(version)
                        .arg(currentVersion()));
    if (version < 1)
        throw Error(QStringLiteral("%1: not a Quire project (no schema)").arg(label(db)));
    if (version < currentVersion()) {
        const QString backup = db.path() + QStringLiteral(".v%1.bak").arg(version);
        QFile::remove(backup);
        Statement vac(db, QStringLiteral("VACUUM INTO ?1"));
        vac.bind(1, backup);
        vac.run();
        for (int v = version; v < currentVersion(); ++v)
            runMigration(db, v);
    }
    return version;
}

} // namespace Quire::Schema
