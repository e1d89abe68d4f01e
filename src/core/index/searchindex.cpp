// SPDX-License-Identifier: GPL-3.0-or-later
#include "index/searchindex.h"

#include "error.h"
#include "index/analyzer.h"
#include "storage/database.h"
#include "text/textoffsets.h"

#include <QFileInfo>
#include <QtEndian>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <tuple>
#include <unordered_map>

namespace Quire::SearchIndex {

namespace {

// Marks the folded (unstemmed) form of a word in the index; it can never
// start a real term, because the analyzer never produces control characters.
constexpr char SurfaceMarker = '\x01';

/// Shared by the tokenizer and quire_token_map() of one connection.
struct ConnectionState
{
    Analyzer plain{QStringLiteral("none")};
    // The token map of the text the tokenizer indexed last: the trigger that
    // indexes a document asks for its map right after, so the text is broken
    // into words once, not twice.
    bool hasLast = false;
    QByteArray lastText;
    QByteArray lastMap;
};
using SharedState = std::shared_ptr<ConnectionState>;

void deleteState(void *p)
{
    delete static_cast<SharedState *>(p);
}

struct FtsTokenizer
{
    FtsTokenizer(const QString &language, SharedState s)
        : analyzer(language)
        , state(std::move(s))
    {}
    Analyzer analyzer;
    SharedState state;
};

// A token map: per word, the gap since the previous word's end and its
// length, in code points. Nearly every word of running text has a gap of 0–3
// and is 1–31 long: one byte (gap << 5 | length); otherwise a 0 byte and two
// varints. In front, for random access, a little-endian uint32 count of
// blocks and per block of 64 words the byte offset of its first word in the
// stream and the end of the word before it.
constexpr qsizetype BlockShift = 6;
constexpr qsizetype BlockSize = qsizetype(1) << BlockShift;

void putVarint(QByteArray &out, quint64 v)
{
    while (v >= 0x80) {
        out.append(char(0x80 | (v & 0x7f)));
        v >>= 7;
    }
    out.append(char(v));
}

void putUint32(QByteArray &out, qsizetype v)
{
    char bytes[4];
    qToLittleEndian(quint32(v), bytes);
    out.append(bytes, 4);
}

class TokenMapWriter
{
public:
    void add(qsizetype start, qsizetype end)
    {
        if ((m_count & (BlockSize - 1)) == 0) {
            m_blocks.push_back(m_stream.size());
            m_blocks.push_back(m_previousEnd);
        }
        ++m_count;
        const qsizetype gap = start - m_previousEnd;
        const qsizetype length = end - start;
        if (gap >= 0 && gap <= 3 && length >= 1 && length <= 31) {
            m_stream.append(char((gap << 5) | length));
        } else {
            m_stream.append('\0');
            putVarint(m_stream, quint64(std::max<qsizetype>(gap, 0)));
            putVarint(m_stream, quint64(std::max<qsizetype>(length, 0)));
        }
        m_previousEnd = end;
    }

    QByteArray finish() const
    {
        QByteArray out;
        out.reserve(4 + qsizetype(m_blocks.size()) * 4 + m_stream.size());
        putUint32(out, qsizetype(m_blocks.size() / 2));
        for (qsizetype v : m_blocks)
            putUint32(out, v);
        out.append(m_stream);
        return out;
    }

private:
    QByteArray m_stream;
    std::vector<qsizetype> m_blocks;
    qsizetype m_previousEnd = 0;
    qsizetype m_count = 0;
};

using TokenCallback = int (*)(void *, int, const char *, int, int, int);

int tokenizerCreate(void *context, const char **args, int count, Fts5Tokenizer **out)
{
    try {
        const QString language = count > 0 ? QString::fromUtf8(args[0]) : QStringLiteral("english");
        if (count > 1 || !Analyzer::isLanguage(language))
            return SQLITE_ERROR;
        *out = reinterpret_cast<Fts5Tokenizer *>(new FtsTokenizer(language, *static_cast<SharedState *>(context)));
        return SQLITE_OK;
    } catch (const std::bad_alloc &) {
        return SQLITE_NOMEM;
    } catch (...) {
        return SQLITE_ERROR;
    }
}

void tokenizerDelete(Fts5Tokenizer *tokenizer)
{
    delete reinterpret_cast<FtsTokenizer *>(tokenizer);
}

int tokenizerTokenize(Fts5Tokenizer *tokenizer, void *context, int flags, const char *text, int length,
                      TokenCallback addToken)
{
    // No C++ exception may cross into SQLite.
    try {
        FtsTokenizer &self = *reinterpret_cast<FtsTokenizer *>(tokenizer);
        Analyzer &analyzer = self.analyzer;
        const QString s = QString::fromUtf8(text, length);
        const TextOffsets offsets(s);
        // FTS5 wants UTF-8 byte offsets into its input; the analyzer works in
        // UTF-16. Clamped, in case the stored bytes were not valid UTF-8.
        auto byteAt = [&](qsizetype utf16) {
            return int(std::min<qsizetype>(offsets.toUtf8(offsets.fromUtf16(utf16)), length));
        };
        const bool query = flags & FTS5_TOKENIZE_QUERY;
        int rc = SQLITE_OK;
        QByteArray surface;
        auto emitSurface = [&](const Analyzer::Word &w, int tflags) {
            surface.resize(w.folded.size() + 1);
            surface[0] = SurfaceMarker;
            std::memcpy(surface.data() + 1, w.folded.constData(), std::size_t(w.folded.size()));
            return addToken(context, tflags, surface.constData(), int(surface.size()), byteAt(w.start), byteAt(w.end));
        };
        if (query && (flags & FTS5_TOKENIZE_PREFIX)) {
            // Only the last token is a prefix. A prefix is matched against what
            // was written (folded, not stemmed: "listeni" is no stem) and
            // against stems (so "listen*" also finds the stem "listen").
            std::vector<Analyzer::Word> words;
            analyzer.forEachWord(s, [&](const Analyzer::Word &w) {
                words.push_back(w);
                return true;
            });
            for (std::size_t i = 0; i < words.size() && rc == SQLITE_OK; ++i) {
                const Analyzer::Word &w = words[i];
                if (i + 1 < words.size()) {
                    rc = addToken(context, 0, w.term.constData(), int(w.term.size()), byteAt(w.start), byteAt(w.end));
                } else {
                    rc = addToken(context, 0, w.folded.constData(), int(w.folded.size()), byteAt(w.start),
                                  byteAt(w.end));
                    if (rc == SQLITE_OK)
                        rc = emitSurface(w, FTS5_TOKEN_COLOCATED);
                }
            }
            return rc;
        }
        const bool document = flags & FTS5_TOKENIZE_DOCUMENT;
        TokenMapWriter map;
        analyzer.forEachWord(s, [&](const Analyzer::Word &w) {
            rc = addToken(context, 0, w.term.constData(), int(w.term.size()), byteAt(w.start), byteAt(w.end));
            if (rc == SQLITE_OK && !query && w.term != w.folded)
                rc = emitSurface(w, FTS5_TOKEN_COLOCATED);
            if (document)
                map.add(offsets.fromUtf16(w.start), offsets.fromUtf16(w.end));
            return rc == SQLITE_OK;
        });
        if (document && rc == SQLITE_OK) {
            self.state->lastText = QByteArray(text, length);
            self.state->lastMap = map.finish();
            self.state->hasLast = true;
        }
        return rc;
    } catch (const std::bad_alloc &) {
        return SQLITE_NOMEM;
    } catch (...) {
        return SQLITE_ERROR;
    }
}

void hitsFunction(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *result, int, sqlite3_value **)
{
    try {
        int count = 0;
        int rc = api->xInstCount(fts, &count);
        std::vector<int32_t> out;
        out.reserve(std::size_t(count) * 4);
        for (int i = 0; i < count && rc == SQLITE_OK; ++i) {
            int phrase = 0, column = 0, position = 0;
            rc = api->xInst(fts, i, &phrase, &column, &position);
            if (rc == SQLITE_OK) {
                out.push_back(phrase);
                out.push_back(column);
                out.push_back(position);
                out.push_back(std::max(1, api->xPhraseSize(fts, phrase)));
            }
        }
        if (rc != SQLITE_OK) {
            sqlite3_result_error_code(result, rc);
            return;
        }
        sqlite3_result_blob64(result, out.empty() ? "" : static_cast<const void *>(out.data()),
                              sqlite3_uint64(out.size() * sizeof(int32_t)), SQLITE_TRANSIENT);
    } catch (const std::bad_alloc &) {
        sqlite3_result_error_nomem(result);
    } catch (...) {
        sqlite3_result_error(result, "quire_hits failed", -1);
    }
}

void tokenMapFunction(sqlite3_context *result, int, sqlite3_value **args)
{
    try {
        ConnectionState &state = **static_cast<SharedState *>(sqlite3_user_data(result));
        const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(args[0]));
        const int length = text ? sqlite3_value_bytes(args[0]) : 0;
        const bool known = state.hasLast && length == state.lastText.size() &&
                           std::memcmp(text ? text : "", state.lastText.constData(), std::size_t(length)) == 0;
        const QByteArray map = known ? state.lastMap : tokenMap(state.plain, QString::fromUtf8(text, length));
        sqlite3_result_blob64(result, map.isEmpty() ? "" : map.constData(), sqlite3_uint64(map.size()),
                              SQLITE_TRANSIENT);
    } catch (const std::bad_alloc &) {
        sqlite3_result_error_nomem(result);
    } catch (...) {
        sqlite3_result_error(result, "quire_token_map failed", -1);
    }
}

fts5_api *fts5Api(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(st, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return api;
}

void registerOrThrow(sqlite3 *db)
{
    fts5_api *api = fts5Api(db);
    if (!api || api->iVersion < 2)
        throw Error(QStringLiteral("search: this SQLite library has no FTS5 full-text search"));
    void *existingContext = nullptr;
    fts5_tokenizer existing{};
    if (api->xFindTokenizer(api, "quire", &existingContext, &existing) == SQLITE_OK)
        return;
    const SharedState state = std::make_shared<ConnectionState>();
    fts5_tokenizer tokenizer{&tokenizerCreate, &tokenizerDelete, &tokenizerTokenize};
    auto *forTokenizer = new SharedState(state);
    if (api->xCreateTokenizer(api, "quire", forTokenizer, &tokenizer, &deleteState) != SQLITE_OK) {
        delete forTokenizer; // FTS5 takes ownership only on success
        throw Error(QStringLiteral("search: cannot register the search tokenizer: %1")
                        .arg(QString::fromUtf8(sqlite3_errmsg(db))));
    }
    if (api->xCreateFunction(api, "quire_hits", nullptr, &hitsFunction, nullptr) != SQLITE_OK)
        throw Error(
            QStringLiteral("search: cannot register quire_hits: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
    // SQLite calls deleteState itself if this fails.
    if (sqlite3_create_function_v2(db, "quire_token_map", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   new SharedState(state), &tokenMapFunction, nullptr, nullptr,
                                   &deleteState) != SQLITE_OK)
        throw Error(
            QStringLiteral("search: cannot register quire_token_map: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
}

// Any connection of this process (a test or tool opening the file with a
// plain Database) can then write to tables whose triggers feed the index.
int autoExtension(sqlite3 *db, const char **, const sqlite3_api_routines *)
{
    try {
        registerOrThrow(db);
    } catch (...) {
        // Never fail the open: the connection just cannot write indexed tables.
    }
    return SQLITE_OK;
}

bool getVarint(const unsigned char *&p, const unsigned char *stop, quint64 &v)
{
    v = 0;
    for (int shift = 0; p < stop && shift < 64; shift += 7) {
        const unsigned char b = *p++;
        v |= quint64(b & 0x7f) << shift;
        if (!(b & 0x80))
            return true;
    }
    return false;
}

QString fileLabel(const Database &db)
{
    return db.path().isEmpty() ? QStringLiteral("(memory)") : QFileInfo(db.path()).fileName();
}

const char *const IndexedTables[] = {"search_documents", "search_memos", "search_codes"};

} // namespace

void registerConnection(sqlite3 *db)
{
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_auto_extension(reinterpret_cast<void (*)()>(&autoExtension)); });
    registerOrThrow(db);
}

std::vector<Instance> decodeInstances(const QByteArray &blob)
{
    std::vector<Instance> out;
    decodeInstances(blob, out);
    return out;
}

void decodeInstances(const QByteArray &blob, std::vector<Instance> &out)
{
    const qsizetype n = blob.size() / qsizetype(4 * sizeof(int32_t));
    out.resize(std::size_t(n));
    for (qsizetype i = 0; i < n; ++i) {
        int32_t v[4];
        std::memcpy(v, blob.constData() + i * qsizetype(sizeof v), sizeof v);
        out[std::size_t(i)] = {v[0], v[1], v[2], v[3]};
    }
    std::sort(out.begin(), out.end(), [](const Instance &a, const Instance &b) {
        return a.column != b.column       ? a.column < b.column
               : a.position != b.position ? a.position < b.position
                                          : a.size < b.size;
    });
}

QByteArray tokenMap(Analyzer &analyzer, const QString &text)
{
    const TextOffsets offsets(text);
    TokenMapWriter map;
    analyzer.forEachWord(
        text,
        [&](const Analyzer::Word &w) {
            map.add(offsets.fromUtf16(w.start), offsets.fromUtf16(w.end));
            return true;
        },
        false);
    return map.finish();
}

TokenMapReader::TokenMapReader(const QByteArray &map)
{
    const auto *p = reinterpret_cast<const unsigned char *>(map.constData());
    const qsizetype n = map.size();
    if (n < 4)
        return;
    const qsizetype blocks = qFromLittleEndian<quint32>(p);
    if (blocks < 0 || 4 + blocks * 8 > n)
        return;
    m_index = p + 4;
    m_blocks = blocks;
    m_stream = p + 4 + blocks * 8;
    m_stop = p + n;
    m_p = m_stream;
}

bool TokenMapReader::next()
{
    if (!m_p || m_p >= m_stop)
        return false;
    quint64 gap = 0, length = 0;
    const unsigned char b = *m_p++;
    if (b != 0) {
        gap = b >> 5;
        length = b & 31;
    } else if (!getVarint(m_p, m_stop, gap) || !getVarint(m_p, m_stop, length)) {
        m_p = m_stop;
        return false;
    }
    m_start = m_end + qsizetype(gap);
    m_end = m_start + qsizetype(length);
    ++m_position;
    return true;
}

bool TokenMapReader::seek(qsizetype position)
{
    if (position < 0 || !m_p)
        return false;
    const qsizetype block = position >> BlockShift;
    // Jump to the block unless the word is ahead within the current one.
    if (position < m_position || block > ((m_position < 0 ? 0 : m_position) >> BlockShift) || m_position < 0) {
        if (block >= m_blocks)
            return false;
        const qsizetype offset = qFromLittleEndian<quint32>(m_index + block * 8);
        const qsizetype previousEnd = qFromLittleEndian<quint32>(m_index + block * 8 + 4);
        if (offset > m_stop - m_stream)
            return false;
        m_p = m_stream + offset;
        m_end = previousEnd;
        m_position = block * BlockSize - 1;
    }
    // Words before the wanted one only move the end along: a tight loop
    // over the one-byte entries (nearly all of them), the general step for
    // the rest.
    const unsigned char *p = m_p;
    qsizetype end = m_end;
    qsizetype at = m_position;
    while (at + 1 < position && p < m_stop && *p != 0) {
        const unsigned char b = *p++;
        end += (b >> 5) + (b & 31);
        ++at;
    }
    m_p = p;
    m_end = end;
    m_position = at;
    while (m_position < position) {
        if (!next())
            return false;
    }
    return m_position == position;
}

QString createTablesSql(const QString &language)
{
    if (!Analyzer::isLanguage(language))
        throw Error(QStringLiteral("search: no stemmer for the language \"%1\" (known: %2)")
                        .arg(language, Analyzer::languages().join(QStringLiteral(", "))));
    // Keep in step with the migrations in model/schema.cpp (documents: the
    // one that moved texts into document_texts).
    return QStringLiteral(
               "CREATE VIRTUAL TABLE search_documents USING fts5(text, content='document_text_view', content_rowid='id', "
               "tokenize='quire %1');"
               "CREATE VIRTUAL TABLE search_memos USING fts5(title, text, content='memos', content_rowid='id', "
               "tokenize='quire %1');"
               "CREATE VIRTUAL TABLE search_codes USING fts5(name, description, content='codes', content_rowid='id', "
               "tokenize='quire %1');")
        .arg(language);
}

QString indexLanguage(Database &db)
{
    Statement st(db, QStringLiteral("SELECT value FROM meta WHERE key = 'search.language'"));
    const QString language = st.step() ? st.columnText(0) : QString();
    return language.isEmpty() ? QStringLiteral("english") : language;
}

void rebuild(Database &db, const QString &language)
{
    Transaction tx(db);
    if (!language.isEmpty()) {
        const QString create = createTablesSql(language);
        db.exec(QStringLiteral("DROP TABLE search_documents; DROP TABLE search_memos; DROP TABLE search_codes;"));
        db.exec(create);
        Statement meta(db, QStringLiteral("INSERT INTO meta(key, value) VALUES ('search.language', ?1) "
                                          "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
        meta.bind(1, language).run();
    }
    for (const char *table : IndexedTables)
        db.exec(QStringLiteral("INSERT INTO %1(%1) VALUES ('rebuild')").arg(QString::fromLatin1(table)));
    db.exec(QStringLiteral(
        "DELETE FROM search_tokens;"
        "INSERT INTO search_tokens(document_id, map) SELECT id, quire_token_map(text) FROM document_text_view;"));
    tx.commit();
}

void check(Database &db)
{
    // FTS5's own check covers the structure of each index; whether the index
    // holds exactly the terms of the content rows is compared here, through
    // fts5vocab, against a fresh tokenisation.
    struct Indexed
    {
        const char *table;
        const char *content;
        QStringList columns;
    };
    const Indexed indexed[] = {{"search_documents", "document_text_view", {QStringLiteral("text")}},
                               {"search_memos", "memos", {QStringLiteral("title"), QStringLiteral("text")}},
                               {"search_codes", "codes", {QStringLiteral("name"), QStringLiteral("description")}}};
    Analyzer analyzer(indexLanguage(db));
    using Entry = std::tuple<qint64, QString, qint64, QByteArray>;
    for (const Indexed &ix : indexed) {
        const QString table = QString::fromLatin1(ix.table);
        try {
            db.exec(QStringLiteral("INSERT INTO %1(%1) VALUES ('integrity-check')").arg(table));
        } catch (const Error &e) {
            throw Error(QStringLiteral("%1: the search index %2 is damaged (%3); run reindex")
                            .arg(fileLabel(db), table, e.message()));
        }
        std::vector<Entry> actual, expected;
        db.exec(QStringLiteral("DROP TABLE IF EXISTS temp.quire_check_vocab;"
                               "CREATE VIRTUAL TABLE temp.quire_check_vocab USING fts5vocab(main, %1, instance)")
                    .arg(table));
        {
            Statement st(db, QStringLiteral("SELECT doc, col, offset, term FROM temp.quire_check_vocab"));
            while (st.step())
                actual.emplace_back(st.columnInt(0), st.columnText(1), st.columnInt(2), st.columnBlob(3));
        }
        db.exec(QStringLiteral("DROP TABLE temp.quire_check_vocab"));
        Statement rows(db, QStringLiteral("SELECT id, %1 FROM %2")
                               .arg(ix.columns.join(QStringLiteral(", ")), QString::fromLatin1(ix.content)));
        while (rows.step()) {
            for (int c = 0; c < ix.columns.size(); ++c) {
                qint64 position = 0;
                analyzer.forEachWord(rows.columnText(1 + c), [&](const Analyzer::Word &w) {
                    expected.emplace_back(rows.columnInt(0), ix.columns[c], position, w.term);
                    if (w.term != w.folded)
                        expected.emplace_back(rows.columnInt(0), ix.columns[c], position, SurfaceMarker + w.folded);
                    ++position;
                    return true;
                });
            }
        }
        std::sort(actual.begin(), actual.end());
        std::sort(expected.begin(), expected.end());
        if (actual != expected) {
            const auto [a, e] = std::mismatch(actual.begin(), actual.end(), expected.begin(), expected.end());
            const qint64 row =
                a != actual.end() && (e == expected.end() || *a < *e) ? std::get<0>(*a) : std::get<0>(*e);
            throw Error(QStringLiteral("%1: the search index %2 does not match row %3 of %4; run reindex")
                            .arg(fileLabel(db), table)
                            .arg(row)
                            .arg(QString::fromLatin1(ix.content)));
        }
    }
    const qint64 stale = db.scalarInt(QStringLiteral(
        "SELECT (SELECT count(*) FROM document_text_view d LEFT JOIN search_tokens t ON t.document_id = d.id "
        "WHERE t.map IS NOT quire_token_map(d.text)) + "
        "(SELECT count(*) FROM search_tokens WHERE document_id NOT IN (SELECT id FROM documents))"));
    if (stale != 0)
        throw Error(QStringLiteral("%1: the word positions of %2 documents do not match their text; run reindex")
                        .arg(fileLabel(db))
                        .arg(stale));
}

Size size(Database &db)
{
    Size s;
    s.indexBytes = db.scalarInt(
        QStringLiteral("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'search\\_%' ESCAPE '\\'"));
    s.textBytes =
        db.scalarInt(QStringLiteral("SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM document_text_view"));
    return s;
}

namespace {

/// A statement prepared once; its rows are read straight from SQLite's
/// buffers (the hot loop of a search reads an instance list per matching row
/// and need not copy it).
struct Prepared
{
    sqlite3_stmt *st = nullptr;

    Prepared() = default;
    Prepared(const Prepared &) = delete;
    Prepared &operator=(const Prepared &) = delete;
    ~Prepared() { sqlite3_finalize(st); }

    sqlite3_stmt *get(Database &db, const char *sql)
    {
        if (!st && sqlite3_prepare_v2(db.handle(), sql, -1, &st, nullptr) != SQLITE_OK)
            db.fail("preparing a search");
        return st;
    }
    void finalize()
    {
        sqlite3_finalize(st);
        st = nullptr;
    }
};

QByteArray blobView(sqlite3_stmt *st, int column)
{
    const void *p = sqlite3_column_blob(st, column);
    return QByteArray::fromRawData(static_cast<const char *>(p), p ? sqlite3_column_bytes(st, column) : 0);
}

bool stepRow(Database &db, sqlite3_stmt *st)
{
    const int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        db.fail("a search");
    return false;
}

} // namespace

struct Reader::Private
{
    explicit Private(Database &database)
        : db(database)
    {}

    Database &db;
    Prepared matches[3];
    Prepared mapOfOne;

    /// The maps, by document id. Bounded: 64 MB of maps is some 20 million
    /// words; beyond it maps are read per query. A query then reads from
    /// SQLite just FTS5's answer, not ~3 KB of map per matching document
    /// (docs/benchmarks.md, "Full-text search").
    static constexpr qsizetype MaxTokenMapBytes = 64 * 1024 * 1024;
    std::unordered_map<qint64, QByteArray> maps;
    qsizetype mapBytes = 0;
    bool mapsLoaded = false;
    QByteArray uncached;

    void loadMaps()
    {
        mapsLoaded = true;
        // All at once: one pass over the table costs about as much as
        // fetching the maps of 250 documents one by one (0.4 ms for 1,000
        // transcripts).
        Prepared all;
        sqlite3_stmt *st = all.get(db, "SELECT document_id, map FROM search_tokens");
        while (mapBytes < MaxTokenMapBytes && stepRow(db, st)) {
            const QByteArray map = blobView(st, 1);
            mapBytes += map.size();
            maps.emplace(sqlite3_column_int64(st, 0), QByteArray(map.constData(), map.size()));
        }
    }
};

Reader::Reader(Database &db)
    : d(std::make_unique<Private>(db))
{
    // A query reads a word-position map per matching document. With SQLite's
    // default 2 MB page cache a search over a thousand transcripts spent most
    // of its time copying the same pages from the OS again; 64 MB is an upper
    // bound, allocated only as pages are read.
    const qint64 cache = db.scalarInt(QStringLiteral("PRAGMA cache_size")); // < 0: KiB, else pages
    const qint64 bytes = cache < 0 ? -cache * 1024 : cache * db.scalarInt(QStringLiteral("PRAGMA page_size"));
    if (bytes < 64 * 1024 * 1024)
        db.exec(QStringLiteral("PRAGMA cache_size = -65536"));
}

Reader::~Reader() = default;

Reader::Matches Reader::match(Source source, const QString &expression)
{
    static const char *const sql[] = {
        "SELECT rowid, quire_hits(search_documents) FROM search_documents WHERE search_documents MATCH ?1 "
        "ORDER BY rowid",
        // The columns of an external-content index are read from its content table.
        "SELECT rowid, quire_hits(search_memos), title, text FROM search_memos WHERE search_memos MATCH ?1 "
        "ORDER BY rowid",
        "SELECT rowid, quire_hits(search_codes), name, description FROM search_codes WHERE search_codes MATCH ?1 "
        "ORDER BY rowid"};
    const int i = int(source);
    sqlite3_stmt *st = d->matches[i].get(d->db, sql[i]);
    sqlite3_reset(st);
    const QByteArray utf8 = expression.toUtf8();
    if (sqlite3_bind_text64(st, 1, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT, SQLITE_UTF8) !=
        SQLITE_OK)
        d->db.fail("binding a search");
    return Matches(d->db, st, source != Source::Documents);
}

const QByteArray &Reader::tokenMap(qint64 document)
{
    if (!d->mapsLoaded)
        d->loadMaps();
    if (const auto it = d->maps.find(document); it != d->maps.end())
        return it->second;
    // A document imported since, or one beyond the bound.
    sqlite3_stmt *st = d->mapOfOne.get(d->db, "SELECT map FROM search_tokens WHERE document_id = ?1");
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, document);
    d->uncached.clear();
    if (stepRow(d->db, st)) {
        const QByteArray view = blobView(st, 0);
        d->uncached = QByteArray(view.constData(), view.size());
    }
    sqlite3_reset(st);
    if (d->mapBytes >= Private::MaxTokenMapBytes)
        return d->uncached;
    d->mapBytes += d->uncached.size();
    return d->maps.emplace(document, d->uncached).first->second;
}

void Reader::forget()
{
    d->maps.clear();
    d->mapBytes = 0;
    d->mapsLoaded = false;
    for (Prepared &p : d->matches)
        p.finalize();
    d->mapOfOne.finalize();
}

Reader::Matches::Matches(Database &db, sqlite3_stmt *st, bool fields)
    : m_db(db)
    , m_st(st)
    , m_fields(fields)
{}

Reader::Matches::~Matches()
{
    sqlite3_reset(m_st);
}

bool Reader::Matches::next()
{
    return stepRow(m_db, m_st);
}

qint64 Reader::Matches::id() const
{
    return sqlite3_column_int64(m_st, 0);
}

QByteArray Reader::Matches::instances() const
{
    return blobView(m_st, 1);
}

QString Reader::Matches::field(int column) const
{
    if (!m_fields || column < 0 || column > 1)
        return QString();
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_st, 2 + column));
    return QString::fromUtf8(p, p ? sqlite3_column_bytes(m_st, 2 + column) : 0);
}

} // namespace Quire::SearchIndex
