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

QString idList(const std::set<Id> &ids)
{
    QStringList out;
    for (Id id : ids)
        out << QString::number(id);
    return out.join(QLatin1Char(','));
}

/// Equal as SQLite's NOCASE compares: ASCII letters without case, the rest as is.
bool sameNoCase(const QString &a, const QString &b)
{
    if (a.size() != b.size())
        return false;
    auto fold = [](QChar c) { return c >= QLatin1Char('A') && c <= QLatin1Char('Z') ? QChar(c.unicode() + 32) : c; };
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (fold(a[i]) != fold(b[i]))
            return false;
    }
    return true;
}

using SpansByDocument = std::map<Id, std::vector<Span>>;

/// Where the project stood when something was read from it: another
/// program's commit moves the data version, this connection's own changes
/// the count of changed rows. A cache is good while both are unchanged.
struct Stamp
{
    qint64 dataVersion = -1;
    qint64 changes = -1;
    bool operator==(const Stamp &) const = default;
};

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

/// What the filters and details need to know about a document, each part
/// read from the project the first time it is needed.
struct DocumentFacts
{
    bool turnsLoaded = false;
    std::vector<Turn> turns; ///< by start
    bool casesLoaded = false;
    std::optional<Id> onlyCase;
    bool pagesLoaded = false;
    std::vector<Page> pages;
};

/// The document being looked at.
struct CurrentDocument
{
    Id id = 0;
    DocumentFacts *facts = nullptr; ///< Private::factsOf(), when first needed
    const Turn *lastTurn = nullptr; ///< hits come in order: the next is often in the same turn
};

} // namespace

struct Search::Private
{
    explicit Private(Project &p)
        : project(p)
        , db(ProjectAccess::database(p))
        , index(db)
    {}

    Project &project;
    Database &db; ///< for the index module only: everything else is asked of the project
    /// The FTS5 matches and the documents' word maps (the index module keeps
    /// them in memory after the first search, docs/benchmarks.md).
    SearchIndex::Reader index;
    Analyzer plain{QStringLiteral("none")};
    std::vector<HitFilter> filters;

    /// The project's state during the running query (set by run()).
    Stamp now;
    Stamp stamp() const { return {project.dataVersion(), qint64(sqlite3_total_changes64(db.handle()))}; }
    void startQuery();

    /// Coded passages of recent code filters, reused while the project is
    /// unchanged: someone refining a query re-runs the same filter.
    struct CachedSpans
    {
        QString codes;
        Stamp stamp;
        std::shared_ptr<const SpansByDocument> spans;
    };
    std::vector<CachedSpans> spanCache;

    /// Document names, reread when the project has changed.
    std::unordered_map<Id, QString> documentNames;
    Stamp namesStamp;
    void refreshNames();

    /// Turns, cases and pages of the documents looked at, kept while the
    /// project is unchanged and while they hold fewer than MaxFactRows rows
    /// (some 30 MB): the search pane re-runs a query as someone types.
    static constexpr qsizetype MaxFactRows = 200000;
    std::unordered_map<Id, DocumentFacts> facts;
    qsizetype factRows = 0;
    Stamp factsStamp;
    DocumentFacts &factsOf(CurrentDocument &doc);

    /// Memos by id, for the details of memo hits.
    std::unordered_map<Id, Memo> memoById;
    Stamp memosStamp;
    const Memo *memo(Id id);

    void resolveFilters(const std::vector<QueryFilter> &queryFilters);
    std::shared_ptr<const SpansByDocument> codedSpans(const std::set<Id> &codes);
    bool keepDocument(Id id) const;
    bool keepHit(CurrentDocument &doc, const Span &hit);
    const Turn *turnAt(CurrentDocument &doc, qsizetype position);
    std::optional<Id> onlyCase(CurrentDocument &doc);
    const std::vector<Page> &pagesOf(CurrentDocument &doc);
    void searchDocuments(const ParsedQuery &q, SearchResult &r);
    void searchFields(const ParsedQuery &q, SearchResult &r, const QString &source);
    void searchRegex(const QString &pattern, SearchResult &r);
    void addDetails(SearchResult &r, const SearchOptions &options);
};

Search::Search(Project &project)
    : d(std::make_unique<Private>(project))
{}

Search::~Search() = default;

void Search::Private::startQuery()
{
    now = stamp();
    if (!(factsStamp == now) || factRows > MaxFactRows) {
        facts.clear();
        factRows = 0;
        factsStamp = now;
    }
}

void Search::Private::refreshNames()
{
    if (namesStamp == now)
        return;
    documentNames.clear();
    for (auto &[id, name] : project.documentNames())
        documentNames.emplace(id, std::move(name));
    namesStamp = now;
}

const Memo *Search::Private::memo(Id id)
{
    if (!(memosStamp == now)) {
        memoById.clear();
        for (Memo &m : project.memos())
            memoById.emplace(m.id, std::move(m));
        memosStamp = now;
    }
    const auto it = memoById.find(id);
    return it == memoById.end() ? nullptr : &it->second;
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
                // The code and every code below it (the tree may join again: each once).
                std::vector<Id> pending{*code};
                while (!pending.empty()) {
                    const Id c = pending.back();
                    pending.pop_back();
                    if (!h.ids.insert(c).second)
                        continue;
                    for (Id child : project.children(c))
                        pending.push_back(child);
                }
            }
            h.spans = codedSpans(h.ids);
        } else if (key == QLatin1String("speaker")) {
            h.kind = HitFilter::Speaker;
            for (const QString &v : f.values) {
                if (!project.hasSpeaker(v))
                    throw Error(QStringLiteral("query: no speaker \"%1\" in any document of %2 %3")
                                    .arg(v, project.fileName(), where));
                h.values.insert(v.toCaseFolded());
            }
        } else if (key == QLatin1String("document")) {
            h.kind = HitFilter::Document;
            refreshNames();
            for (const QString &v : f.values) {
                // As SQLite's GLOB: * and ? make it a pattern, [...] then matches one of a set.
                const bool glob = v.contains(QLatin1Char('*')) || v.contains(QLatin1Char('?'));
                const QByteArray pattern = v.toUtf8();
                bool any = false;
                for (const auto &[id, name] : documentNames) {
                    if (name == v || (glob && sqlite3_strglob(pattern.constData(), name.toUtf8().constData()) == 0)) {
                        h.ids.insert(id);
                        any = true;
                    }
                }
                if (!any)
                    throw Error(
                        QStringLiteral("query: no document named \"%1\" in %2 %3").arg(v, project.fileName(), where));
            }
        } else {
            h.kind = HitFilter::Attribute;
            bool defined = false;
            QStringList names;
            for (const AttributeDef &def : project.attributeDefs()) {
                defined = defined || sameNoCase(def.name, f.key);
                names << def.name;
            }
            if (!defined) {
                std::sort(names.begin(), names.end());
                names.erase(std::unique(names.begin(), names.end()), names.end());
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
            for (const AttributeValue &v : project.attributeValues()) {
                if (!sameNoCase(v.name, f.key))
                    continue;
                auto &target = v.scope == AttributeScope::Case ? h.caseValues : h.documentValues;
                target[v.ownerId] = v.value.toCaseFolded();
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
    for (const CachedSpans &c : spanCache) {
        if (c.codes == key && c.stamp == now)
            return c.spans;
    }
    // All passages of the codes at once, through the index on the code:
    // far cheaper than asking per document, which reads every segment of it.
    auto spans = std::make_shared<SpansByDocument>();
    for (const CodingLink &link : project.codingLinks(codes))
        (*spans)[link.documentId].emplace_back(link.start, link.end);
    for (auto &[doc, list] : *spans) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    if (spanCache.size() >= 4)
        spanCache.erase(spanCache.begin());
    spanCache.push_back({key, now, spans});
    return spans;
}

DocumentFacts &Search::Private::factsOf(CurrentDocument &doc)
{
    if (!doc.facts)
        doc.facts = &facts[doc.id]; // a node of its own: stays put as others are added
    return *doc.facts;
}

const Turn *Search::Private::turnAt(CurrentDocument &doc, qsizetype position)
{
    if (doc.lastTurn && doc.lastTurn->start <= position && position < doc.lastTurn->end)
        return doc.lastTurn;
    DocumentFacts &f = factsOf(doc);
    if (!f.turnsLoaded) {
        f.turns = project.turns(doc.id);
        f.turnsLoaded = true;
        factRows += qsizetype(f.turns.size());
    }
    // The last turn starting at or before the position, if it reaches past it.
    const auto after = std::upper_bound(f.turns.begin(), f.turns.end(), position,
                                        [](qsizetype p, const Turn &t) { return p < t.start; });
    if (after == f.turns.begin() || position >= std::prev(after)->end)
        return nullptr;
    doc.lastTurn = &*std::prev(after);
    return doc.lastTurn;
}

std::optional<Id> Search::Private::onlyCase(CurrentDocument &doc)
{
    DocumentFacts &f = factsOf(doc);
    if (!f.casesLoaded) {
        const std::vector<Id> cases = project.documentCases(doc.id);
        // As when coding: a document of exactly one case (a narrative) speaks for that case.
        if (cases.size() == 1)
            f.onlyCase = cases.front();
        f.casesLoaded = true;
        ++factRows;
    }
    return f.onlyCase;
}

const std::vector<Page> &Search::Private::pagesOf(CurrentDocument &doc)
{
    DocumentFacts &f = factsOf(doc);
    if (!f.pagesLoaded) {
        f.pages = project.pages(doc.id);
        f.pagesLoaded = true;
        factRows += qsizetype(f.pages.size());
    }
    return f.pages;
}

bool Search::Private::keepHit(CurrentDocument &doc, const Span &hit)
{
    for (HitFilter &f : filters) {
        bool match = true;
        switch (f.kind) {
        case HitFilter::Document:
            continue; // decided per document
        case HitFilter::Code: {
            const auto it = f.spans->find(doc.id);
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
            const Turn *t = turnAt(doc, hit.first);
            match = t && f.values.contains(t->speaker.toCaseFolded());
            break;
        }
        case HitFilter::Attribute: {
            const Turn *t = turnAt(doc, hit.first);
            const std::optional<Id> caseId = t && t->caseId ? t->caseId : onlyCase(doc);
            const QString *value = nullptr;
            if (caseId) {
                const auto c = f.caseValues.find(*caseId);
                if (c != f.caseValues.end())
                    value = &c->second;
            }
            if (!value) {
                const auto d = f.documentValues.find(doc.id);
                if (d != f.documentValues.end())
                    value = &d->second;
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
        SearchIndex::Reader::Matches rows = index.match(SearchIndex::Source::Documents, q.match);
        while (rows.next()) {
            CurrentDocument doc;
            doc.id = rows.id();
            if (!keepDocument(doc.id))
                continue;
            const auto &spans = resolver.resolve(rows.instances(), index.tokenMap(doc.id), 0, q.excluding);
            bool any = false;
            for (const Span &s : spans) {
                if (!filters.empty() && !keepHit(doc, s))
                    continue;
                any = true;
                found.push_back({doc.id, s.first, s.second});
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
    const QStringList fields = memos ? QStringList{QStringLiteral("title"), QStringLiteral("text")}
                                     : QStringList{QStringLiteral("name"), QStringLiteral("description")};
    try {
        SearchIndex::Reader::Matches rows =
            index.match(memos ? SearchIndex::Source::Memos : SearchIndex::Source::Codes, q.match);
        while (rows.next()) {
            const Id id = rows.id();
            const QByteArray view = rows.instances();
            const QByteArray instances(view.constData(), view.size());
            const QString texts[2] = {rows.field(0), rows.field(1)};
            SpanResolver resolver;
            QString label;
            if (memos) {
                label = texts[0].isEmpty() ? QStringLiteral("memo %1").arg(id) : texts[0];
            } else {
                label = project.codePath(id);
            }
            bool any = false;
            for (int column = 0; column < 2; ++column) {
                const QByteArray map = SearchIndex::tokenMap(plain, texts[column]);
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
    for (const Document &doc : project.documents()) {
        const QString text = project.documentText(doc.id);
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
            h.id = doc.id;
            h.name = doc.name;
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
                            .arg(pattern, doc.name));
        if (any)
            ++r.sources;
    }
}

void Search::Private::addDetails(SearchResult &r, const SearchOptions &options)
{
    const qsizetype n =
        options.limit > 0 ? std::min<qsizetype>(options.limit, qsizetype(r.hits.size())) : qsizetype(r.hits.size());
    QString currentKey;
    std::unique_ptr<TextUnits> units;
    CurrentDocument doc;
    for (qsizetype i = 0; i < n; ++i) {
        SearchHit &h = r.hits[std::size_t(i)];
        const QString key = h.source + QLatin1Char('/') + QString::number(h.id) + QLatin1Char('/') + h.field;
        if (key != currentKey) {
            currentKey = key;
            QString text;
            const bool first = h.field == QLatin1String("title") || h.field == QLatin1String("name");
            if (h.source == QLatin1String("document")) {
                text = project.documentText(h.id);
                doc = CurrentDocument();
                doc.id = h.id;
            } else if (h.source == QLatin1String("memo")) {
                if (const Memo *m = memo(h.id))
                    text = first ? m->title : m->text;
            } else {
                const Code c = project.code(h.id);
                text = first ? c.name : c.description;
            }
            units = std::make_unique<TextUnits>(text);
        }
        const TextOffsets &offsets = units->offsets();
        const qsizetype length = offsets.codePointCount();
        Span context{h.start, h.end};
        const Turn *turn = h.source == QLatin1String("document") ? turnAt(doc, h.start) : nullptr;
        if (options.sentence) {
            context = units->sentences(h.start, h.end);
            // The sentence starts after the speaker label, unless the hit is in it.
            if (turn) {
                const qsizetype content = units->speakerLabelEnd(*turn);
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
            if (const Turn *t = turn) {
                h.speaker = t->speaker;
                h.caseId = t->caseId;
                h.timeMs = t->timeMs;
            }
            if (!h.caseId)
                h.caseId = onlyCase(doc);
            for (const Page &p : pagesOf(doc)) {
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
    d->startQuery();
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
    d->index.forget();
    SearchIndex::rebuild(d->db, language);
}

void Search::rebuild()
{
    d->index.forget();
    SearchIndex::rebuild(d->db);
}

void Search::check()
{
    SearchIndex::check(d->db);
}

Search::Size Search::size() const
{
    const SearchIndex::Size s = SearchIndex::size(d->db);
    Size out;
    out.indexBytes = s.indexBytes;
    out.textBytes = s.textBytes;
    return out;
}

} // namespace Quire
