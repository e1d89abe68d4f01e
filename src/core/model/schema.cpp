// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/schema.h"

#include "error.h"
#include "index/searchindex.h"
#include "storage/database.h"
#include "storage/pagechecksums.h"
#include "storage/projectfile.h"

#include <array>
#include <QFile>
#include <QFileInfo>
#include <sqlite3.h>

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
    // Working Together for Change (docs/wtfc.md, docs/decisions/0006). The
    // statements are the PCR statement documents; a person is the case linked
    // to a statement. wtfc_nodes holds I statements and causes, wtfc_edges
    // "FROM is caused by TO"; the graph is analysed with Boost.Graph on demand.
    R"SQL(
CREATE TABLE wtfc_template (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE wtfc_themes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  area TEXT NOT NULL,
  name TEXT NOT NULL CHECK (length(name) > 0),
  description TEXT NOT NULL DEFAULT '',
  UNIQUE (area, name)
);
CREATE TABLE wtfc_theme_statements (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id),
  theme_id INTEGER NOT NULL REFERENCES wtfc_themes(id)
);
CREATE INDEX wtfc_theme_statements_theme ON wtfc_theme_statements(theme_id);
CREATE TABLE wtfc_nodes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('istatement', 'cause')),
  text TEXT NOT NULL UNIQUE CHECK (length(text) > 0),
  theme_id INTEGER REFERENCES wtfc_themes(id),
  CHECK ((kind = 'istatement') = (theme_id IS NOT NULL))
);
CREATE TABLE wtfc_istatement_statements (
  node_id INTEGER NOT NULL REFERENCES wtfc_nodes(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  PRIMARY KEY (node_id, document_id)
);
CREATE TABLE wtfc_edges (
  from_id INTEGER NOT NULL REFERENCES wtfc_nodes(id),
  to_id INTEGER NOT NULL REFERENCES wtfc_nodes(id),
  PRIMARY KEY (from_id, to_id),
  CHECK (from_id <> to_id)
);
CREATE INDEX wtfc_edges_to ON wtfc_edges(to_id);
CREATE TABLE wtfc_votes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('statement', 'theme', 'istatement', 'cause', 'solution')),
  target_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('dot', 'star')),
  count INTEGER NOT NULL CHECK (count > 0),
  voter_group TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL
);
CREATE INDEX wtfc_votes_target ON wtfc_votes(target_kind, target_id);
CREATE TABLE wtfc_selections (
  stage TEXT NOT NULL,
  target_kind TEXT NOT NULL,
  target_id INTEGER NOT NULL,
  PRIMARY KEY (stage, target_kind, target_id)
);
CREATE TABLE wtfc_success (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  cause_id INTEGER NOT NULL REFERENCES wtfc_nodes(id),
  perspective TEXT NOT NULL,
  text TEXT NOT NULL CHECK (length(text) > 0)
);
CREATE TABLE wtfc_solutions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  cause_id INTEGER NOT NULL REFERENCES wtfc_nodes(id),
  kind TEXT NOT NULL,
  text TEXT NOT NULL CHECK (length(text) > 0),
  x_score REAL CHECK (x_score BETWEEN 0 AND 10),
  y_score REAL CHECK (y_score BETWEEN 0 AND 10),
  quadrant INTEGER CHECK (quadrant BETWEEN 0 AND 3)
);
CREATE TABLE wtfc_actions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  solution_id INTEGER NOT NULL REFERENCES wtfc_solutions(id),
  text TEXT NOT NULL CHECK (length(text) > 0),
  owner TEXT NOT NULL DEFAULT '',
  due TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in progress', 'done', 'dropped'))
);
)SQL",
    // Quote selection (docs/exports.md): a segment starred as an exemplar
    // quote, its place in a chosen order, and an editorial version with cuts
    // and [insertions]. No REFERENCES: Project removes segments without
    // knowing this table, and rows of removed segments are skipped on read.
    R"SQL(
CREATE TABLE quote_selections (
  segment_id INTEGER PRIMARY KEY,
  starred INTEGER NOT NULL DEFAULT 0,
  rank INTEGER,
  editorial TEXT NOT NULL DEFAULT '',
  modified TEXT NOT NULL
);
)SQL",
    // Document texts move out of `documents` into `document_texts`, which the
    // command log does not track (docs/decisions/0008-document-texts.md): a
    // text is written once and never changed, so an import's changeset no
    // longer carries it (half the file, no copy of every text in memory when
    // the changeset is made). A text outlives its document row so that undo
    // of a deletion and redo of an import find it again. The full-text index
    // reads the texts of existing documents through document_text_view.
    R"SQL(
CREATE TABLE document_texts (document_id INTEGER PRIMARY KEY, text TEXT NOT NULL);
INSERT INTO document_texts(document_id, text) SELECT id, text FROM documents;
DROP TRIGGER search_documents_insert;
DROP TRIGGER search_documents_delete;
DROP TRIGGER search_documents_update;
DROP TABLE search_documents;
ALTER TABLE documents DROP COLUMN text;
CREATE VIEW document_text_view AS
  SELECT d.id AS id, t.text AS text FROM documents d JOIN document_texts t ON t.document_id = d.id;
CREATE VIRTUAL TABLE search_documents USING fts5(text, content='document_text_view', content_rowid='id',
  tokenize='quire english');
CREATE TRIGGER search_documents_insert AFTER INSERT ON documents BEGIN
  INSERT INTO search_documents(rowid, text) SELECT new.id, text FROM document_texts WHERE document_id = new.id;
  INSERT INTO search_tokens(document_id, map)
    SELECT new.id, quire_token_map(text) FROM document_texts WHERE document_id = new.id;
END;
CREATE TRIGGER search_documents_delete AFTER DELETE ON documents BEGIN
  INSERT INTO search_documents(search_documents, rowid, text)
    SELECT 'delete', old.id, text FROM document_texts WHERE document_id = old.id;
  DELETE FROM search_tokens WHERE document_id = old.id;
END;
INSERT INTO search_documents(search_documents) VALUES ('rebuild');
-- Changesets recorded before this point hold documents rows with a text
-- column that no longer exists; SQLite would skip them on undo. So the
-- older history stays as a record, and undo stops at this entry.
INSERT OR IGNORE INTO coders(name, created) VALUES ('Quire', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
UPDATE commands SET state = 'discarded' WHERE state = 'undone';
INSERT INTO commands(kind, summary, args, coder_id, created, state, changeset)
  SELECT 'upgrade', 'Project upgraded: document texts stored apart from the undo log; earlier steps cannot be undone',
         '{}', (SELECT id FROM coders WHERE name = 'Quire'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'done', x''
  WHERE EXISTS (SELECT 1 FROM commands);
)SQL",
    // An index on every column that refers to a row which can be deleted.
    // Deleting a row makes SQLite look for rows that still refer to it; with
    // no index that is a scan of the whole referring table per deleted row.
    // Undo of an import deletes one case per speaker and document, and each
    // scanned all turns and segments: quadratic, hours for 20,000 documents.
    // (The coders table is left out: its rows are never deleted.)
    R"SQL(
CREATE INDEX turns_case ON turns(case_id);
CREATE INDEX segments_case ON segments(case_id);
CREATE INDEX command_events_command ON command_events(command_id);
CREATE INDEX wtfc_istatement_statements_document ON wtfc_istatement_statements(document_id);
CREATE INDEX wtfc_nodes_theme ON wtfc_nodes(theme_id);
CREATE INDEX wtfc_success_cause ON wtfc_success(cause_id);
CREATE INDEX wtfc_solutions_cause ON wtfc_solutions(cause_id);
CREATE INDEX wtfc_actions_solution ON wtfc_actions(solution_id);
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
        // Only a file that is not SQLite is "not a project"; a full disk, a
        // read-only folder or damage say what they are.
        if ((sqlite3_extended_errcode(db.handle()) & 0xff) == SQLITE_NOTADB)
            throw Error(QStringLiteral("%1: not a Quire project (not a database file)").arg(label(db)));
        throw;
    }
    const int version = int(db.scalarInt(QStringLiteral("PRAGMA user_version")));
    if (appId != ApplicationId)
        throw Error(
            QStringLiteral("%1: not a Quire project (it is an SQLite database of another program)").arg(label(db)));
    if (version > currentVersion())
        throw Error(QStringLiteral("%1: this project was saved by a newer version of Quire (schema %2; this build "
                                   "reads up to schema %3). Open it with a newer Quire.")
                        .arg(label(db))
                        .arg(version)
                        .arg(currentVersion()));
    if (version < 1)
        throw Error(QStringLiteral("%1: not a Quire project (no schema)").arg(label(db)));
    if (version < currentVersion()) {
        if (sqlite3_db_readonly(db.handle(), "main") == 1)
            throw Error(QStringLiteral("%1: this project was saved by an older Quire and must be upgraded, which needs "
                                       "write access to the file and its folder %2")
                            .arg(label(db), QFileInfo(db.path()).absolutePath()));
        const QString backup = db.path() + QStringLiteral(".v%1.bak").arg(version);
        // Written aside and renamed: a kill never leaves half a backup.
        const QString partial = ProjectFile::partialPathFor(backup);
        try {
            Statement vac(db, QStringLiteral("VACUUM INTO ?1"));
            vac.bind(1, PageChecksums::vacuumTarget(db.handle(), partial));
            vac.run();
            ProjectFile::replace(partial, backup);
        } catch (...) {
            ProjectFile::removeWithCompanions(partial);
            throw;
        }
        for (int v = version; v < currentVersion(); ++v)
            runMigration(db, v);
        // Migrations create the index with the default language; a project
        // indexed in another language gets its own back.
        const QString language = SearchIndex::indexLanguage(db);
        bool otherLanguage = false;
        {
            Statement indexSql(db, QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'search_documents'"));
            otherLanguage =
                indexSql.step() && !indexSql.columnText(0).contains(QStringLiteral("quire %1'").arg(language));
        }
        if (otherLanguage)
            SearchIndex::rebuild(db, language);
    }
    return version;
}

} // namespace Quire::Schema
