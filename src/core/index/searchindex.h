// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace Quire {

class Analyzer;
class Database;

/// The SQLite side of search (docs/decisions/0004-search-index.md):
///
/// - the FTS5 tokenizer "quire" (argument: the Snowball language), built on
///   Analyzer. Documents are indexed by stem; a word whose stem differs from
///   its folded form also gets that form, marked with a leading 0x01 byte, at
///   the same position, so prefix queries (`listeni*`) match what was written.
/// - the FTS5 auxiliary function quire_hits(table): the phrase instances of
///   the current row as int32 triples (column, token position, tokens).
/// - the SQL function quire_token_map(text): every word's code-point span,
///   compactly encoded; stored per document in search_tokens so hit
///   positions need no re-tokenising at query time.
///
/// Everything here is registered on each connection (and, through an SQLite
/// auto-extension, on every later connection of the process) before any
/// statement touches a search_ table, including the migration creating them.
namespace SearchIndex {

/// Registers the tokenizer and functions on `db` (a no-op if already there).
/// Throws Error if this SQLite has no FTS5.
QUIRECORE_EXPORT void registerConnection(sqlite3 *db);

/// One phrase instance reported by quire_hits().
struct Instance
{
    int phrase = 0; ///< phrases are numbered in the order they appear in the MATCH expression
    int column = 0;
    int position = 0; ///< token position of the first token
    int size = 1;     ///< tokens in the phrase
};
/// Sorted by column, then position.
QUIRECORE_EXPORT std::vector<Instance> decodeInstances(const QByteArray &blob);
/// The same into `out` (reusing its storage).
QUIRECORE_EXPORT void decodeInstances(const QByteArray &blob, std::vector<Instance> &out);

/// The token map of a text: the code-point span of every word, in order.
QUIRECORE_EXPORT QByteArray tokenMap(Analyzer &analyzer, const QString &text);

/// Reads a token map (which must outlive the reader): the span of word
/// number `position`. Seeking costs at most 64 steps from a block start.
class QUIRECORE_EXPORT TokenMapReader
{
public:
    explicit TokenMapReader(const QByteArray &map);
    /// Moves to word `position`; false if the map has no such word.
    bool seek(qsizetype position);
    qsizetype start() const { return m_start; }
    qsizetype end() const { return m_end; }

private:
    bool next();

    const unsigned char *m_index = nullptr;
    qsizetype m_blocks = 0;
    const unsigned char *m_stream = nullptr;
    const unsigned char *m_p = nullptr;
    const unsigned char *m_stop = nullptr;
    qsizetype m_position = -1;
    qsizetype m_start = 0;
    qsizetype m_end = 0;
};

/// The indexed tables (names start with "search_": the command log skips them).
QUIRECORE_EXPORT QString createTablesSql(const QString &language);
/// The search language the index tables were made with (the tokenizer argument).
QUIRECORE_EXPORT QString indexLanguage(Database &db);
/// Rebuilds every index from the content tables; with a language, first
/// recreates the tables with that stemmer. Runs in one transaction.
QUIRECORE_EXPORT void rebuild(Database &db, const QString &language = QString());
/// FTS5's integrity check of every index plus a comparison of the token maps
/// with the documents; throws Error describing the first problem.
QUIRECORE_EXPORT void check(Database &db);

struct Size
{
    qint64 indexBytes = 0; ///< pages of every search_ table and index
    qint64 textBytes = 0;  ///< UTF-8 bytes of the indexed document texts
};
/// The size of the index and of the text it indexes.
QUIRECORE_EXPORT Size size(Database &db);

/// What a query can run on: the index of the document texts, of the memos
/// (title, text) or of the codes (name, description).
enum class Source { Documents, Memos, Codes };

/// Reads the index for queries (src/core/search asks here instead of writing
/// SQL on search_ tables): the rows an FTS5 MATCH expression finds with their
/// phrase instances, and each document's token map. Its statements stay
/// prepared, and the token maps are read once, at the first that is asked
/// for: a document's text never changes under its id (ids are never reused,
/// decision 0008), so neither does its map. One Reader per connection, used
/// by one thread; call forget() after rebuild().
class QUIRECORE_EXPORT Reader
{
public:
    explicit Reader(Database &db);
    ~Reader();
    Reader(const Reader &) = delete;
    Reader &operator=(const Reader &) = delete;

    /// The rows a MATCH expression finds, in id order. One Matches per
    /// Source at a time (they share a prepared statement, reset when the
    /// Matches goes).
    class QUIRECORE_EXPORT Matches
    {
    public:
        ~Matches();
        Matches(const Matches &) = delete;
        Matches &operator=(const Matches &) = delete;

        /// The next row; false after the last. Throws Error with FTS5's
        /// message for an expression it cannot run.
        bool next();
        /// The document, memo or code.
        qint64 id() const;
        /// The row's phrase instances (quire_hits(), see decodeInstances());
        /// valid until the next call of next().
        QByteArray instances() const;
        /// The indexed text of a memo (0: title, 1: text) or code (0: name,
        /// 1: description); empty for documents (their text is not read).
        QString field(int column) const;

    private:
        friend class Reader;
        Matches(Database &db, sqlite3_stmt *st, bool fields);
        Database &m_db;
        sqlite3_stmt *m_st;
        bool m_fields;
    };
    Matches match(Source source, const QString &expression);

    /// A document's token map (tokenMap() of its text); empty for a document
    /// the index does not have. Valid until the next call.
    const QByteArray &tokenMap(qint64 document);
    /// Drops the maps read so far and the prepared statements: after
    /// rebuild() or a change of language.
    void forget();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace SearchIndex
} // namespace Quire
