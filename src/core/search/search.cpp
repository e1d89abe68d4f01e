// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/search.h"

#include "error.h"
#include "index/analyzer.h"
#include "index/searchindex.h"
#include "model/project.h"
#include "model/projectaccess.h"
#include "search/query.h"
#include "search/textunits.h"
#include "storage/database.h"
#include "text/textoffsets.h"

#include <QRegularExpression>
#include <QSet>

#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

namespace Quire {

namespace {

using Span = std::pair<qsizetype, qsizetype>;

struct TurnInfo
{
    qsizetype start = 0;
    qsizetype end = 0;
    QString speaker;
    std::optional<Id> caseId;
    std::optional<qint64> timeMs;
};

QString idList(const std::set<Id> &ids)
{
    QStringList out;
    for (Id id : ids)
        out << QString::number(id);
    return out.join(QLatin1Char(','));
}

using SpansByDocument = std::map<Id, std::vector<Span>>;

/// A filter of the query, resolved against the project.
struct HitFilter
{
    enum Kind { Code, Speaker, Document, Attribute } kind = Code;
    bool negated = false;
    std::set<Id> ids;                             ///< codes (with all codes below them) or documents
    QSet<QString> values;                         ///< speakers or attribute values, case-folded
    std::map<Id, QString> caseValues;             ///< attribute: case id → value (case-folded)
    std::map<Id, QString> documentValues;         ///< attribute: document id → value (case-folded)
    std::shared_ptr<const SpansByDocument> spans; ///< code: the coded passages, per document
};

/// What the filters and details need to know about the document being looked at.
struct DocumentFacts
{
    Id id = 0;
    std::optional<TurnInfo> lastTurn; ///< hits come in order: the next is often in the same turn
    bool casesLoaded = false;
    std::optional<Id> onlyCase;
};

} // namespace

namespace {

/// A statement whose rows are read straight from SQLite's buffers: the hot
/// loop of a search reads an instance list and a word-position map per
/// matching document and need not copy them.
class RawStatement
{
public:
    RawStatement(Database &db, const char *sql)
        : m_db(db)
    {
        if (sqlite3_prepare_v2(db.handle(), sql, -1, &m_st, nullptr) != SQLITE_OK)
            db.fail("preparing a search");
    }
    ~RawStatement() { sqlite3_finalize(m_st); }
    RawStatement(const RawStatement &) = delete;
    RawStatement &operator=(const RawStatement &) = delete;

    void bind(int index, const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        if (sqlite3_bind_text64(m_st, index, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT,
                                SQLITE_UTF8) != SQLITE_OK)
            m_db.fail("binding a search");
    }
    void bind(int index, qint64 value)
    {
        if (sqlite3_bind_int64(m_st, index, value) != SQLITE_OK)
            m_db.fail("binding a search");
    }
    void reset() { sqlite3_reset(m_st); }
    bool step()
    {
        const int rc = sqlite3_step(m_st);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            m_db.fail("a search");
        return false;
    }
    qint64 integer(int column) const { return sqlite3_column_int64(m_st, column); }
    /// Valid until the next step.
    QByteArray view(int column) const
    {
        const void *p = sqlite3_column_blob(m_st, column);
        return QByteArray::fromRawData(static_cast<const char *>(p), p ? sqlite3_column_bytes(m_st, column) : 0);
    }
    QString text(int column) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_st, column));
        return QString::fromUtf8(p, p ? sqlite3_column_bytes(m_st, column) : 0);
    }

private:
    Database &m_db;
    sqlite3_stmt *m_st = nullptr;
};

} // namespace

struct Search::Private
{
    explicit Private(Project &p)
        : project(p)
        , db(ProjectAccess::database(p))
    {}

    Project &project;
    Database &db;
    Analyzer plain{QStringLiteral("none")};
    std::vector<HitFilter> filters;
    std::unique_ptr<Statement> turnQuery;
    std::unique_ptr<Statement> casesQuery;
    /// Coded passages of recent code filters, reused while the project is
    /// unchanged: someone refining a query re-runs the same filter.
    struct CachedSpans
    {
        QString codes;
        qint64 dataVersion = 0;
        qint64 changes = 0;
        std::shared_ptr<const SpansByDocument> spans;
    };
    std::vector<CachedSpans> spanCache;

    /// Word-position maps of the documents, by document id, read at the
    /// first search. A document's text never changes under its id (ids are
    /// never reused, decision 0008), so neither does its map: the cache needs
    /// no checking, only a bound on its size (64 MB of maps is some 20
    /// million words; beyond it maps are read per search) and a reset when
    /// the index is rebuilt. A search then reads from SQLite just FTS5's
    /// answer, not ~3 KB of map per matching document (docs/benchmarks.md,
    /// "Full-text search").
    static constexpr qsizetype MaxTokenMapBytes = 64 * 1024 * 1024;
    std::unordered_map<Id, QByteArray> tokenMaps;
    qsizetype tokenMapBytes = 0;
    bool tokenMapsLoaded = false;
    QByteArray uncachedMap;
    std::unique_ptr<RawStatement> tokenMapQuery;
    void loadTokenMaps();
    const QByteArray &tokenMapOf(Id document);
    void forgetTokenMaps()
    {
        tokenMaps.clear();
        tokenMapBytes = 0;
        tokenMapsLoaded = false;
    }

    /// Document names, reread when the project has changed.
    std::unordered_map<Id, QString> documentNames;
    qint64 namesDataVersion = -1;
    qint64 namesChanges = -1;
    void refreshNames();

    void resolveFilters(const std::vector<QueryFilter> &queryFilters);
    std::shared_ptr<const SpansByDocument> codedSpans(const std::set<Id> &codes);
    bool keepDocument(Id id) const;
    bool keepHit(DocumentFacts &facts, const Span &hit);
    const TurnInfo *turnAt(DocumentFacts &facts, qsizetype position);
    std::optional<Id> onlyCase(DocumentFacts &facts);
    void searchDocuments(const ParsedQuery &q, SearchResult &r);
    void searchFields(const ParsedQuery &q, SearchResult &r, const QString &source);
    void searchRegex(const QString &pattern, SearchResult &r);
    void addDetails(SearchResult &r, const SearchOptions &options);
};

Search::Search(Project &project)
    : d(std::make_unique<Private>(project))
{
    // A query reads a word-position map per matching document. With SQLite's
    // default 2 MB page cache a search over a thousand transcripts spent most
    // of its time copying the same pages from the OS again; 64 MB is an upper
    // bound, allocated only as pages are read.
    const qint64 cache = d->db.scalarInt(QStringLiteral("PRAGMA cache_size")); // < 0: KiB, else pages
    const qint64 bytes = cache < 0 ? -cache * 1024 : cache * d->db.scalarInt(QStringLiteral("PRAGMA page_size"));
    if (bytes < 64 * 1024 * 1024)
        d->db.exec(QStringLiteral("PRAGMA cache_size = -65536"));
}

Search::~Search() = default;

void Search::Private::loadTokenMaps()
{
    if (tokenMapsLoaded)
        return;
    tokenMapsLoaded = true;
    // All at once: one pass over the table costs about as much as fetching
    // the maps of 250 documents one by one (0.4 ms for 1,000 transcripts).
    RawStatement all(db, "SELECT document_id, map FROM search_tokens");
    while (all.step() && tokenMapBytes < MaxTokenMapBytes) {
        const QByteArray map = all.view(1);
        tokenMapBytes += map.size();
        tokenMaps.emplace(all.integer(0), QByteArray(map.constData(), map.size()));
    }
}

const QByteArray &Search::Private::tokenMapOf(Id document)
{
    if (const auto it = tokenMaps.find(document); it != tokenMaps.end())
        return it->second;
    // A document imported since, or one beyond the bound.
    if (!tokenMapQuery)
        tokenMapQuery = std::make_unique<RawStatement>(db, "SELECT map FROM search_tokens WHERE document_id = ?1");
    tokenMapQuery->reset();
    tokenMapQuery->bind(1, document);
    uncachedMap.clear();
    if (tokenMapQuery->step()) {
        const QByteArray view = tokenMapQuery->view(0);
        uncachedMap = QByteArray(view.constData(), view.size());
    }
    tokenMapQuery->reset();
    if (tokenMapBytes >= MaxTokenMapBytes)
        return uncachedMap;
    tokenMapBytes += uncachedMap.size();
    return tokenMaps.emplace(document, uncachedMap).first->second;
}

void Search::Private::refreshNames()
{
    const qint64 version = db.scalarInt(QStringLiteral("PRAGMA data_version"));
    const qint64 changes = sqlite3_total_changes64(db.handle());
    if (version == namesDataVersion && changes == namesChanges)
        return;
    documentNames.clear();
    RawStatement st(db, "SELECT id, name FROM documents");
    while (st.step())
        documentNames.emplace(st.integer(0), st.text(1));
    namesDataVersion = version;
    namesChanges = changes;
}

void Search::Private::resolveFilters(const std::vector<QueryFilter> &queryFilters)
{
    filters.clear();
    for (const QueryFilter &f : queryFilters) {
        HitFilter h;
        h.negated = f.negated;
        const QString key = f.key.toLower();
        const QString where = QStringLiteral("(%1: at column %2)").arg(f.key).arg(f.column);
        if (key == QLatin1String("code")) {
            h.kind = HitFilter::Code;
            for (const QString &path : f.values) {
                const auto code = project.tryResolveCode(path);
                if (!code)
                    throw Error(QStringLiteral("query: no code \"%1\" in %2 %3").arg(path, project.fileName(), where));
                Statement below(
                    db,
                    QStringLiteral("WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT p.code_id FROM code_parents p "
                                   "JOIN sub ON p.parent_id = sub.id) SELECT id FROM sub"));
                below.bind(1, *code);
                while (below.step())
                    h.ids.insert(below.columnInt(0));
            }
            h.spans = codedSpans(h.ids);
        } else if (key == QLatin1String("speaker")) {
            h.kind = HitFilter::Speaker;
            Statement known(db, QStringLiteral("SELECT 1 FROM turns WHERE speaker = ?1 COLLATE NOCASE LIMIT 1"));
            for (const QString &v : f.values) {
                known.reset();
                known.bind(1, v);
                if (!known.step())
                    throw Error(QStringLiteral("query: no speaker \"%1\" in any document of %2 %3")
                                    .arg(v, project.fileName(), where));
                h.values.insert(v.toCaseFolded());
            }
        } else if (key == QLatin1String("document")) {
            h.kind = HitFilter::Document;
            Statement docs(db, QStringLiteral("SELECT id FROM documents WHERE name = ?1 OR (?2 AND name GLOB ?1)"));
            for (const QString &v : f.values) {
                docs.reset();
                docs.bind(1, v).bind(2, qint64(v.contains(QLatin1Char('*')) || v.contains(QLatin1Char('?'))));
                bool any = false;
                while (docs.step()) {
                    h.ids.insert(docs.columnInt(0));
                    any = true;
                }
                if (!any)
                    throw Error(
                        QStringLiteral("query: no document named \"%1\" in %2 %3").arg(v, project.fileName(), where));
            }
        } else {
            h.kind = HitFilter::Attribute;
            Statement values(
                db, QStringLiteral(
                        "SELECT d.scope, v.owner_id, v.value FROM attribute_defs d "
                        "LEFT JOIN attribute_values v ON v.attribute_id = d.id WHERE d.name = ?1 COLLATE NOCASE"));
            values.bind(1, f.key);
            bool defined = false;
            while (values.step()) {
                defined = true;
                if (values.columnIsNull(1))
                    continue;
                auto &target = values.columnText(0) == QLatin1String("case") ? h.caseValues : h.documentValues;
                target[values.columnInt(1)] = values.columnText(2).toCaseFolded();
            }
            if (!defined) {
                QStringList names;
                Statement all(db, QStringLiteral("SELECT DISTINCT name FROM attribute_defs ORDER BY name"));
                while (all.step())
                    names << all.columnText(0);
                throw Error(
                    QStringLiteral(
                        "query: \"%1:\" at column %2 is neither a filter (code, speaker, document) nor an attribute "
                        "of %3%4; to search for the text itself, put it in quotes")
                        .arg(f.key)
                        .arg(f.column)
                        .arg(project.fileName(),
                             names.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" (attributes: %1)").arg(names.join(QStringLiteral(", ")))));
            }
            for (const QString &v : f.values)
                h.values.insert(v.toCaseFolded());
        }
        filters.push_back(std::move(h));
    }
}

bool Search::Private::keepDocument(Id id) const
{
    for (const HitFilter &f : filters) {
        if (f.kind == HitFilter::Document && (f.ids.count(id) > 0) == f.negated)
            return false;
    }
    return true;
}

std::shared_ptr<const SpansByDocument> Search::Private::codedSpans(const std::set<Id> &codes)
{
    const QString key = idList(codes);
    const qint64 version = db.scalarInt(QStringLiteral("PRAGMA data_version"));
    const qint64 changes = sqlite3_total_changes64(db.handle());
    for (const CachedSpans &c : spanCache) {
        if (c.codes == key && c.dataVersion == version && c.changes == changes)
            return c.spans;
    }
    // All passages of the codes at once, through the index on segment_codes.code_id:
    // far cheaper than asking per document, which reads every segment of it.
    auto spans = std::make_shared<SpansByDocument>();
    Statement st(db, QStringLiteral("SELECT s.document_id, s.start, s.\"end\" FROM segment_codes c "
                                    "JOIN segments s ON s.id = c.segment_id WHERE c.code_id IN (%1)")
                         .arg(key));
    while (st.step())
        (*spans)[st.columnInt(0)].emplace_back(st.columnInt(1), st.columnInt(2));
    for (auto &[doc, list] : *spans) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    if (spanCache.size() >= 4)
        spanCache.erase(spanCache.begin());
    spanCache.push_back({key, version, changes, spans});
    return spans;
}

const TurnInfo *Search::Private::turnAt(DocumentFacts &facts, qsizetype position)
{
    if (facts.lastTurn && facts.lastTurn->start <= position && position < facts.lastTurn->end)
        return &*facts.lastTurn;
    if (!turnQuery)
        turnQuery = std::make_unique<Statement>(
            db, QStringLiteral("SELECT start, \"end\", speaker, case_id, time_ms FROM turns "
                               "WHERE document_id = ?1 AND start <= ?2 ORDER BY start DESC LIMIT 1"));
    turnQuery->reset();
    turnQuery->bind(1, facts.id).bind(2, qint64(position));
    if (!turnQuery->step() || position >= turnQuery->columnInt(1))
        return nullptr;
    facts.lastTurn = TurnInfo{turnQuery->columnInt(0), turnQuery->columnInt(1), turnQuery->columnText(2),
                              turnQuery->columnOptInt(3), turnQuery->columnOptInt(4)};
    return &*facts.lastTurn;
}

std::optional<Id> Search::Private::onlyCase(DocumentFacts &facts)
{
    if (facts.casesLoaded)
        return facts.onlyCase;
    facts.casesLoaded = true;
    if (!casesQuery)
        casesQuery = std::make_unique<Statement>(
            db, QStringLiteral("SELECT case_id FROM case_documents WHERE document_id = ?1 LIMIT 2"));
    casesQuery->reset();
    casesQuery->bind(1, facts.id);
    std::vector<Id> cases;
    while (casesQuery->step())
        cases.push_back(casesQuery->columnInt(0));
    // As when coding: a document of exactly one case (a narrative) speaks for that case.
    if (cases.size() == 1)
        facts.onlyCase = cases.front();
    return facts.onlyCase;
}

bool Search::Private::keepHit(DocumentFacts &facts, const Span &hit)
{
    for (HitFilter &f : filters) {
        bool match = true;
        switch (f.kind) {
        case HitFilter::Document:
            continue; // decided per document
        case HitFilter::Code: {
            const auto it = f.spans->find(facts.id);
            if (it == f.spans->end()) {
                match = false;
                break;
            }
            // Spans are sorted by start: only those starting at or before the hit can hold it.
            const auto &list = it->second;
            const auto stop =
                std::upper_bound(list.begin(), list.end(), Span{hit.first, std::numeric_limits<qsizetype>::max()});
            match = std::any_of(list.begin(), stop, [&](const Span &s) { return hit.second <= s.second; });
            break;
        }
        case HitFilter::Speaker: {
            const TurnInfo *t = turnAt(facts, hit.first);
            match = t && f.values.contains(t->speaker.toCaseFolded());
            break;
        }
        case HitFilter::Attribute: {
            const TurnInfo *t = turnAt(facts, hit.first);
            const std::optional<Id> caseId = t && t->caseId ? t->caseId : onlyCase(facts);
            const QString *value = nullptr;
            if (caseId) {
                const auto c = f.caseValues.find(*caseId);
                if (c != f.caseValues.end())
                    value = &c->second;
            }
            if (!value) {
                const auto doc = f.documentValues.find(facts.id);
                if (doc != f.documentValues.end())
                    value = &doc->second;
            }
            match = value && f.values.contains(*value);
            break;
        }
        }
        if (match == f.negated)
            return false;
    }
    return true;
}

namespace {

/// Code-point spans of the phrase instances of one row, from its token map;
/// sorted, duplicates removed. Keeps its buffers from row to row.
class SpanResolver
{
public:
    const std::vector<Span> &resolve(const QByteArray &instances, const QByteArray &map, int column,
                                     const std::vector<bool> &excluding)
    {
        SearchIndex::decodeInstances(instances, m_all);
        // FTS5 also reports phrases after NOT when a row matched through
        // another branch of an OR: they are not hits.
        m_instances.clear();
        bool singleWords = true;
        for (const auto &i : m_all) {
            if (i.column == column && !(std::size_t(i.phrase) < excluding.size() && excluding[std::size_t(i.phrase)])) {
                m_instances.push_back(i);
                singleWords = singleWords && i.size == 1;
            }
        }
        m_out.clear();
        SearchIndex::TokenMapReader reader(map);
        if (singleWords) {
            // The common case: instances are sorted by position, so are the spans.
            qsizetype last = -1;
            for (const auto &i : m_instances) {
                if (i.position == last)
                    continue;
                last = i.position;
                if (!reader.seek(i.position))
                    break; // the map is shorter than the index says: check() reports it
                m_out.emplace_back(reader.start(), reader.end());
            }
            return m_out;
        }
        m_positions.clear();
        for (const auto &i : m_instances) {
            m_positions.push_back(i.position);
            m_positions.push_back(i.position + i.size - 1);
        }
        std::sort(m_positions.begin(), m_positions.end());
        m_positions.erase(std::unique(m_positions.begin(), m_positions.end()), m_positions.end());
        m_resolved.assign(m_positions.size(), Span{-1, -1});
        for (std::size_t k = 0; k < m_positions.size(); ++k) {
            if (!reader.seek(m_positions[k]))
                break;
            m_resolved[k] = {reader.start(), reader.end()};
        }
        auto spanOf = [&](qsizetype position) {
            return m_resolved[std::size_t(std::lower_bound(m_positions.begin(), m_positions.end(), position) -
                                          m_positions.begin())];
        };
        for (const auto &i : m_instances) {
            const Span first = spanOf(i.position);
            const Span last = spanOf(i.position + i.size - 1);
            if (first.first >= 0 && last.second >= first.first)
                m_out.emplace_back(first.first, last.second);
        }
        std::sort(m_out.begin(), m_out.end());
        m_out.erase(std::unique(m_out.begin(), m_out.end()), m_out.end());
        return m_out;
    }

private:
    std::vector<SearchIndex::Instance> m_all, m_instances;
    std::vector<qsizetype> m_positions;
    std::vector<Span> m_resolved, m_out;
};

[[noreturn]] void queryFailed(const Error &e)
{
    // Every term is quoted, so FTS5 should never reject a parsed query.
    throw Error(QStringLiteral("query: the search index could not run this query (%1)").arg(e.message()));
}

} // namespace

void Search::Private::searchDocuments(const ParsedQuery &q, SearchResult &r)
{
    refreshNames();
    loadTokenMaps();
    RawStatement st(db, "SELECT rowid, quire_hits(search_documents) FROM search_documents "
                        "WHERE search_documents MATCH ?1 ORDER BY rowid");
    st.bind(1, q.match);
    // Hits are gathered small and turned into SearchHits once, at their
    // final count: growing a vector of SearchHits was a third of a search.
    struct Found
    {
        Id id;
        qsizetype start, end;
    };
    std::vector<Found> found;
    SpanResolver resolver;
    try {
        while (st.step()) {
            DocumentFacts facts;
            facts.id = st.integer(0);
            if (!keepDocument(facts.id))
                continue;
            const auto &spans = resolver.resolve(st.view(1), tokenMapOf(facts.id), 0, q.excluding);
            bool any = false;
            for (const Span &s : spans) {
                if (!filters.empty() && !keepHit(facts, s))
                    continue;
                any = true;
                found.push_back({facts.id, s.first, s.second});
            }
            r.sources += any ? 1 : 0;
        }
    } catch (const Error &e) {
        queryFailed(e);
    }
    r.hits.reserve(r.hits.size() + found.size());
    const QString *name = nullptr;
    Id named = 0;
    for (const Found &f : found) {
        if (!name || named != f.id) {
            const auto it = documentNames.find(f.id);
            static const QString unknown;
            name = it == documentNames.end() ? &unknown : &it->second;
            named = f.id;
        }
        SearchHit &h = r.hits.emplace_back();
        h.id = f.id;
        h.name = *name;
        h.start = f.start;
        h.end = f.end;
    }
}

void Search::Private::searchFields(const ParsedQuery &q, SearchResult &r, const QString &source)
{
    const bool memos = source == QLatin1String("memo");
    const QString table = memos ? QStringLiteral("search_memos") : QStringLiteral("search_codes");
    const QStringList fields = memos ? QStringList{QStringLiteral("title"), QStringLiteral("text")}
                                     : QStringList{QStringLiteral("name"), QStringLiteral("description")};
    Statement st(db, QStringLiteral("SELECT c.id, quire_hits(%1), c.%2, c.%3 FROM %1 JOIN %4 c ON c.id = %1.rowid "
                                    "WHERE %1 MATCH ?1 ORDER BY c.id")
                         .arg(table, fields[0], fields[1], memos ? QStringLiteral("memos") : QStringLiteral("codes")));
    st.bind(1, q.match);
    try {
        while (st.step()) {
            const Id id = st.columnInt(0);
            const QByteArray instances = st.columnBlob(1);
            SpanResolver resolver;
            QString label;
            if (memos) {
                label = st.columnText(2).isEmpty() ? QStringLiteral("memo %1").arg(id) : st.columnText(2);
            } else {
                label = project.codePath(id);
            }
            bool any = false;
            for (int column = 0; column < 2; ++column) {
                const QString text = st.columnText(2 + column);
                const QByteArray map = SearchIndex::tokenMap(plain, text);
                for (const Span &s : resolver.resolve(instances, map, column, q.excluding)) {
                    SearchHit h;
                    h.source = source;
                    h.id = id;
                    h.name = label;
                    h.field = fields[column];
                    h.start = s.first;
                    h.end = s.second;
                    r.hits.push_back(std::move(h));
                    any = true;
                }
            }
            if (any)
                ++r.sources;
        }
    } catch (const Error &e) {
        queryFailed(e);
    }
}

void Search::Private::searchRegex(const QString &pattern, SearchResult &r)
{
    const QRegularExpression re(pattern, QRegularExpression::UseUnicodePropertiesOption);
    if (!re.isValid()) {
        const qsizetype at = std::clamp<qsizetype>(re.patternErrorOffset(), 0, pattern.size());
        throw Error(QStringLiteral("query: invalid regular expression at column %1: %2")
                        .arg(TextOffsets(pattern).fromUtf16(at) + 1)
                        .arg(re.errorString()));
    }
    Statement st(
        db,
        QStringLiteral(
            "SELECT d.id, d.name, t.text FROM documents d JOIN document_texts t ON t.document_id = d.id ORDER BY d.id"));
    while (st.step()) {
        const QString text = st.columnText(2);
        std::optional<TextOffsets> offsets;
        bool any = false;
        auto it = re.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (m.capturedLength() == 0)
                continue;
            if (!offsets)
                offsets.emplace(text);
            SearchHit h;
            h.id = st.columnInt(0);
            h.name = st.columnText(1);
            h.start = offsets->fromUtf16(m.capturedStart());
            h.end = offsets->fromUtf16(m.capturedEnd());
            r.hits.push_back(std::move(h));
            any = true;
        }
        // The iterator stops at an engine failure (too much backtracking, the
        // JIT stack) as at the end: reporting "no hits" then would be a lie.
        if (!it.isValid())
            throw Error(QStringLiteral("query: the regular expression \"%1\" exceeds the regular expression engine's "
                                       "limits in document \"%2\" (too much backtracking, as with nested repetition "
                                       "like (a+)+); the search was stopped, simplify the pattern")
                            .arg(pattern, st.columnText(1)));
        if (any)
            ++r.sources;
    }
}

void Search::Private::addDetails(SearchResult &r, const SearchOptions &options)
{
    const qsizetype n =
        options.limit > 0 ? std::min<qsizetype>(options.limit, qsizetype(r.hits.size())) : qsizetype(r.hits.size());
    Statement docText(db, QStringLiteral("SELECT text FROM document_text_view WHERE id = ?1"));
    Statement memo(db, QStringLiteral("SELECT title, text FROM memos WHERE id = ?1"));
    Statement code(db, QStringLiteral("SELECT name, description FROM codes WHERE id = ?1"));
    Statement pagesQuery(
        db, QStringLiteral("SELECT number, start, \"end\" FROM pages WHERE document_id = ?1 ORDER BY start"));
    QString currentKey;
    std::unique_ptr<TextUnits> units;
    DocumentFacts facts;
    struct PageInfo
    {
        int number;
        qsizetype start, end;
    };
    std::vector<PageInfo> pages;
    for (qsizetype i = 0; i < n; ++i) {
        SearchHit &h = r.hits[std::size_t(i)];
        const QString key = h.source + QLatin1Char('/') + QString::number(h.id) + QLatin1Char('/') + h.field;
        if (key != currentKey) {
            currentKey = key;
            QString text;
            if (h.source == QLatin1String("document")) {
                docText.reset();
                docText.bind(1, h.id);
                text = docText.step() ? docText.columnText(0) : QString();
                facts = DocumentFacts();
                facts.id = h.id;
                pages.clear();
                pagesQuery.reset();
                pagesQuery.bind(1, h.id);
                while (pagesQuery.step())
                    pages.push_back({int(pagesQuery.columnInt(0)), pagesQuery.columnInt(1), pagesQuery.columnInt(2)});
            } else {
                Statement &st = h.source == QLatin1String("memo") ? memo : code;
                st.reset();
                st.bind(1, h.id);
                if (st.step())
                    text = st.columnText(h.field == QLatin1String("title") || h.field == QLatin1String("name") ? 0 : 1);
            }
            units = std::make_unique<TextUnits>(text);
        }
        const TextOffsets &offsets = units->offsets();
        const qsizetype length = offsets.codePointCount();
        Span context{h.start, h.end};
        const TurnInfo *turn = h.source == QLatin1String("document") ? turnAt(facts, h.start) : nullptr;
        if (options.sentence) {
            context = units->sentences(h.start, h.end);
            // The sentence starts after the speaker label, unless the hit is in it.
            if (turn) {
                Turn t;
                t.start = turn->start;
                t.end = turn->end;
                t.speaker = turn->speaker;
                const qsizetype content = units->speakerLabelEnd(t);
                if (context.first < content && content <= h.start)
                    context.first = content;
            }
        } else if (options.context > 0) {
            const qsizetype from = std::max<qsizetype>(0, h.start - options.context);
            const qsizetype to = std::min(length, h.end + options.context);
            context.first = std::min(units->wordBoundaryAtOrAfter(from), h.start);
            context.second = std::max(units->wordBoundaryAtOrBefore(to), h.end);
            // The context neither starts with what ends a phrase ("): On")
            // nor ends with what opens one, nor with white space.
            const QString &t = units->text();
            auto closing = [](QChar c) {
                const QChar::Category k = c.category();
                return c.isSpace() || k == QChar::Punctuation_Close || k == QChar::Punctuation_Other ||
                       k == QChar::Punctuation_Dash || k == QChar::Punctuation_Connector ||
                       k == QChar::Punctuation_FinalQuote;
            };
            auto opening = [](QChar c) {
                const QChar::Category k = c.category();
                return c.isSpace() || k == QChar::Punctuation_Open || k == QChar::Punctuation_InitialQuote ||
                       k == QChar::Punctuation_Dash;
            };
            qsizetype u = offsets.toUtf16(context.first);
            const qsizetype hitStart = offsets.toUtf16(h.start);
            if (u > 0) {
                while (u < hitStart && closing(t[u]))
                    ++u;
            }
            while (u < hitStart && t[u].isSpace())
                ++u;
            context.first = offsets.fromUtf16(u);
            qsizetype v = offsets.toUtf16(context.second);
            const qsizetype hitEnd = offsets.toUtf16(h.end);
            if (v < t.size()) {
                while (v > hitEnd && opening(t[v - 1]))
                    --v;
            }
            while (v > hitEnd && t[v - 1].isSpace())
                --v;
            context.second = offsets.fromUtf16(v);
        }
        h.text = offsets.mid(h.start, h.end);
        h.left = offsets.mid(context.first, h.start);
        h.right = offsets.mid(h.end, context.second);
        h.contextStart = context.first;
        h.contextEnd = context.second;
        if (h.source == QLatin1String("document")) {
            if (const TurnInfo *t = turn) {
                h.speaker = t->speaker;
                h.caseId = t->caseId;
                h.timeMs = t->timeMs;
            }
            if (!h.caseId)
                h.caseId = onlyCase(facts);
            for (const PageInfo &p : pages) {
                if (p.start <= h.start && h.start < p.end) {
                    h.page = p.number;
                    break;
                }
            }
        }
        h.hasDetails = true;
    }
}

SearchResult Search::run(const QString &query, const SearchOptions &options)
{
    SearchResult r;
    if (options.regex) {
        if (options.scope != SearchScope::Documents)
            throw Error(QStringLiteral("query: --regex searches the documents only"));
        if (query.isEmpty())
            throw Error(QStringLiteral("query: the regular expression is empty"));
        d->searchRegex(query, r);
    } else {
        const ParsedQuery q = parseQuery(query, d->plain);
        r.match = q.match;
        if (!q.filters.empty() && options.scope != SearchScope::Documents)
            throw Error(QStringLiteral("query: filters such as %1: apply to documents only, not to memos or codes")
                            .arg(q.filters.front().key));
        d->resolveFilters(q.filters);
        if (options.scope == SearchScope::Documents || options.scope == SearchScope::All)
            d->searchDocuments(q, r);
        if (options.scope == SearchScope::Memos || options.scope == SearchScope::All)
            d->searchFields(q, r, QStringLiteral("memo"));
        if (options.scope == SearchScope::Codes || options.scope == SearchScope::All)
            d->searchFields(q, r, QStringLiteral("code"));
    }
    if (options.details)
        d->addDetails(r, options);
    return r;
}

QString Search::language() const
{
    return SearchIndex::indexLanguage(d->db);
}

void Search::setLanguage(const QString &language)
{
    d->forgetTokenMaps();
    SearchIndex::rebuild(d->db, language);
}

void Search::rebuild()
{
    d->forgetTokenMaps();
    SearchIndex::rebuild(d->db);
}

void Search::check()
{
    SearchIndex::check(d->db);
}

Search::Size Search::size() const
{
    Size s;
    s.indexBytes = d->db.scalarInt(
        QStringLiteral("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'search\\_%' ESCAPE '\\'"));
    s.textBytes =
        d->db.scalarInt(QStringLiteral("SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM document_text_view"));
    return s;
}

} // namespace Quire
