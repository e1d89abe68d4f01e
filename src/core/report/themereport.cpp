// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/themereport.h"

#include "error.h"
#include "model/project.h"
#include "report/quotes.h"
#include "text/textoffsets.h"

#include <algorithm>
#include <map>
#include <memory>
#include <QDateTime>
#include <QRegularExpression>
#include <set>

namespace Quire {

namespace {

struct Context
{
    const Project &project;
    std::map<Id, Document> documents;
    std::map<Id, Case> cases;
    /// Segments of uncounted cases (a facilitator) are quoted but not counted.
    bool counted(const Segment &s) const { return !s.caseId || cases.at(*s.caseId).counted; }
    std::map<std::pair<Id, QString>, QString> caseAttrs;
    std::map<std::pair<Id, QString>, QString> docAttrs;
    std::set<QString> attrNames;
    std::map<Id, std::vector<Segment>> segmentsByCode;
    std::map<Id, QuoteSelection> selections;
    std::map<Id, std::vector<Turn>> turns;
    std::map<Id, std::vector<Page>> pages;
    std::map<Id, QStringList> segmentMemos;
    /// Each quoted document's text, read and indexed once per report: quotes
    /// come code by code from many documents, so a one-document cache misses.
    std::map<Id, std::unique_ptr<TextOffsets>> texts{};

    QString quoteText(const Segment &s)
    {
        auto &t = texts[s.documentId];
        if (!t)
            t = std::make_unique<TextOffsets>(project.documentText(s.documentId));
        if (s.start < 0 || s.end > t->codePointCount() || s.start >= s.end)
            return project.documentRange(s.documentId, s.start, s.end); // throws the usual message
        return t->mid(s.start, s.end);
    }
};

QString clockTime(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600, 2, 10, QLatin1Char('0'))
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

/// The turn the segment starts in.
const Turn *turnOf(Context &ctx, const Segment &s)
{
    auto it = ctx.turns.find(s.documentId);
    if (it == ctx.turns.end())
        it = ctx.turns.emplace(s.documentId, ctx.project.turns(s.documentId)).first;
    for (const auto &t : it->second) {
        if (t.start <= s.start && s.start < t.end)
            return &t;
    }
    return nullptr;
}

QString pageLocator(Context &ctx, const Segment &s)
{
    auto it = ctx.pages.find(s.documentId);
    if (it == ctx.pages.end())
        it = ctx.pages.emplace(s.documentId, ctx.project.pages(s.documentId)).first;
    int first = 0, last = 0;
    for (const auto &p : it->second) {
        if (p.start <= s.start && s.start < p.end)
            first = p.number;
        if (p.start < s.end && s.end <= p.end)
            last = p.number;
    }
    if (!first)
        return QString();
    if (last > first)
        return QStringLiteral("pp. %1\u2013%2").arg(first).arg(last);
    return QStringLiteral("p. %1").arg(first);
}

QString attributeFor(const Context &ctx, const Segment &s, const QString &name)
{
    if (s.caseId) {
        auto it = ctx.caseAttrs.find({*s.caseId, name});
        if (it != ctx.caseAttrs.end())
            return it->second;
    }
    auto it = ctx.docAttrs.find({s.documentId, name});
    return it != ctx.docAttrs.end() ? it->second : QString();
}

QString expandCitation(const Context &ctx, const QString &tmpl, const Segment &s, const QString &codePath)
{
    static const QRegularExpression field(QStringLiteral("\\{([^{}]+)\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = field.globalMatch(tmpl); it.hasNext();) {
        const auto m = it.next();
        out += tmpl.mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        if (name == QLatin1String("document"))
            out += ctx.documents.at(s.documentId).name;
        else if (name == QLatin1String("case"))
            out += s.caseId ? ctx.cases.at(*s.caseId).name : QString();
        else if (name == QLatin1String("code"))
            out += codePath;
        else if (name == QLatin1String("start"))
            out += QString::number(s.start);
        else if (name == QLatin1String("end"))
            out += QString::number(s.end);
        else
            out += attributeFor(ctx, s, name);
        last = m.capturedEnd();
    }
    out += tmpl.mid(last);
    return out;
}

void checkTemplate(const Context &ctx, const QString &tmpl)
{
    static const QRegularExpression field(QStringLiteral("\\{([^{}]*)\\}"));
    static const QStringList builtin{QStringLiteral("document"), QStringLiteral("case"), QStringLiteral("code"),
                                     QStringLiteral("start"), QStringLiteral("end")};
    for (auto it = field.globalMatch(tmpl); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!builtin.contains(name) && !ctx.attrNames.count(name))
            throw Error(QStringLiteral("citation template \"%1\": unknown field {%2} (known: %3, or an attribute name)")
                            .arg(tmpl, name, builtin.join(QStringLiteral(", "))));
    }
}

} // namespace

namespace {

/// The --by columns: see ReportOptions::byAttribute and byOrder.
QStringList columnOrder(const Project &project, const QString &attribute, const std::set<QString> &seen,
                        const QStringList &first)
{
    const QString none = QStringLiteral("(none)");
    QStringList order;
    for (const auto &def : project.attributeDefs()) {
        if (def.name == attribute && def.type == AttributeType::Choice) {
            order = def.choices;
            break;
        }
    }
    if (order.isEmpty()) {
        for (const auto &v : seen)
            order << v;
    } else {
        for (const auto &v : seen) // values stored before the choices were set, then "(none)"
            if (v != none && !order.contains(v))
                order << v;
        if (seen.count(none))
            order << none;
    }
    QStringList result;
    for (const QString &f : first) {
        const QString v = f.trimmed();
        if (!order.contains(v))
            throw Error(QStringLiteral("%1: --by-order names \"%2\", which is not a value of \"%3\" (its values: %4)")
                            .arg(project.fileName(), v, attribute, order.join(QStringLiteral(", "))));
        if (!result.contains(v))
            result << v;
    }
    for (const QString &v : order)
        if (!result.contains(v))
            result << v;
    return result;
}

} // namespace

ThemeReport buildThemeReport(const Project &project, const ReportOptions &options)
{
    if (!options.byOrder.isEmpty() && options.byAttribute.isEmpty())
        throw Error(QStringLiteral("export: --by-order orders the columns of --by ATTRIBUTE; give --by too"));
    Context ctx{project, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    for (const auto &d : project.documents())
        ctx.documents.emplace(d.id, d);
    for (const auto &c : project.cases())
        ctx.cases.emplace(c.id, c);
    for (const auto &v : project.attributeValues()) {
        ctx.attrNames.insert(v.name);
        if (v.scope == AttributeScope::Case)
            ctx.caseAttrs[{v.ownerId, v.name}] = v.value;
        else
            ctx.docAttrs[{v.ownerId, v.name}] = v.value;
    }
    for (const auto &def : project.attributeDefs())
        ctx.attrNames.insert(def.name);
    checkTemplate(ctx, options.citationTemplate);

    ThemeReport report;
    report.projectName = project.fileName();
    if (options.timestamp)
        report.generated = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    report.byAttribute = options.byAttribute;
    report.showMemos = options.includeMemos;
    if (options.maxQuotes < 0)
        throw Error(QStringLiteral("export: --max-quotes must be 0 (all) or more, not %1").arg(options.maxQuotes));
    if (options.maxLength != 0 && options.maxLength < 4)
        throw Error(QStringLiteral("export: --max-length must be at least 4 characters (or 0 for no limit), not %1")
                        .arg(options.maxLength));
    ctx.selections = quoteSelections(project);
    if (options.includeMemos) {
        for (const auto &m : project.memos(QStringLiteral("segment")))
            if (m.targetId)
                ctx.segmentMemos[*m.targetId] << m.text;
    }

    const auto allSegments = project.segments();
    for (const auto &s : allSegments) {
        for (Id c : s.codes)
            ctx.segmentsByCode[c].push_back(s);
    }
    if (!options.byAttribute.isEmpty()) {
        if (!ctx.attrNames.count(options.byAttribute))
            throw Error(QStringLiteral("%1: no attribute named \"%2\" to split by")
                            .arg(project.fileName(), options.byAttribute));
        std::set<QString> values;
        for (const auto &s : allSegments) {
            const QString v = attributeFor(ctx, s, options.byAttribute);
            values.insert(v.isEmpty() ? QStringLiteral("(none)") : v);
        }
        report.byValues = columnOrder(project, options.byAttribute, values, options.byOrder);
    }
    report.matrixMark = options.matrixMark;
    report.rowHeader = options.rowHeader;

    std::vector<Id> roots;
    if (options.codePaths.isEmpty()) {
        roots = project.children(std::nullopt);
    } else {
        for (const auto &p : options.codePaths)
            roots.push_back(project.resolveCode(p));
    }

    // Depth-first: a multi-parent code appears under each of its parents.
    std::function<std::set<Id>(Id, const QString &, int)> visit = [&](Id id, const QString &path, int depth) {
        const Code c = project.code(id);
        const std::size_t rowIndex = report.rows.size();
        report.rows.push_back({});
        report.quotes.emplace_back();
        std::set<Id> subtree;
        for (const auto &s : ctx.segmentsByCode[id])
            subtree.insert(s.id);
        for (Id child : project.children(id)) {
            const auto below = visit(child, path + QLatin1Char('/') + project.code(child).name, depth + 1);
            subtree.insert(below.begin(), below.end());
        }
        ThemeRow &row = report.rows[rowIndex];
        row.codeId = id;
        row.path = path;
        row.name = c.name;
        row.depth = depth;
        row.description = c.description;
        row.color = c.color;
        std::set<Id> docs, cases;
        row.byValue.assign(std::size_t(report.byValues.size()), 0);
        qsizetype countedSegments = 0;
        for (const auto &s : allSegments) {
            if (!subtree.count(s.id) || !ctx.counted(s))
                continue;
            ++countedSegments;
            docs.insert(s.documentId);
            if (s.caseId)
                cases.insert(*s.caseId);
            if (!report.byValues.isEmpty()) {
                QString v = attributeFor(ctx, s, options.byAttribute);
                if (v.isEmpty())
                    v = QStringLiteral("(none)");
                ++row.byValue[std::size_t(report.byValues.indexOf(v))];
            }
        }
        row.segments = countedSegments;
        row.documents = qsizetype(docs.size());
        row.cases = qsizetype(cases.size());
        std::vector<Quote> &quotes = report.quotes[rowIndex];
        for (const auto &s : ctx.segmentsByCode[id]) {
            Quote q;
            q.segmentId = s.id;
            q.codePath = path;
            q.document = ctx.documents.at(s.documentId).name;
            q.caseName = s.caseId ? ctx.cases.at(*s.caseId).name : QString();
            q.start = s.start;
            q.end = s.end;
            q.original = ctx.quoteText(s);
            q.text = q.original;
            q.citation = expandCitation(ctx, options.citationTemplate, s, path);
            q.memo = s.memo;
            if (options.includeMemos) {
                QStringList memos;
                if (!s.memo.isEmpty())
                    memos << s.memo;
                memos << ctx.segmentMemos[s.id];
                q.memo = memos.join(QStringLiteral("\n\n"));
            }
            const auto sel = ctx.selections.find(s.id);
            if (sel != ctx.selections.end()) {
                q.starred = sel->second.starred;
                q.rank = sel->second.rank;
                if (!sel->second.editorial.isEmpty()) {
                    // Checked again: the segment may have been resized since the version was written.
                    checkEditorial(s.id, sel->second.editorial, q.original);
                    q.text = sel->second.editorial;
                    q.edited = true;
                }
            }
            if (options.maxLength > 0) {
                const QString cut = shortenQuote(q.text, options.maxLength);
                if (cut != q.text) {
                    q.text = cut;
                    q.edited = true;
                }
            }
            if (options.speakerLabel || options.locator == QuoteLocator::Time) {
                if (const Turn *t = turnOf(ctx, s)) {
                    if (options.speakerLabel)
                        q.speaker = t->speaker;
                    if (options.locator == QuoteLocator::Time && t->timeMs)
                        q.locator = clockTime(*t->timeMs);
                }
            }
            if (options.locator == QuoteLocator::Page)
                q.locator = pageLocator(ctx, s);
            quotes.push_back(q);
        }
        if (options.starredOnly)
            std::erase_if(quotes, [](const Quote &q) { return !q.starred; });
        // Which quotes: starred first, then in document order (quotes is in document order).
        if (options.maxQuotes > 0 && qsizetype(quotes.size()) > options.maxQuotes) {
            std::vector<std::size_t> index(quotes.size());
            for (std::size_t k = 0; k < index.size(); ++k)
                index[k] = k;
            std::stable_partition(index.begin(), index.end(), [&](std::size_t k) { return quotes[k].starred; });
            index.resize(std::size_t(options.maxQuotes));
            std::sort(index.begin(), index.end());
            std::vector<Quote> kept;
            for (std::size_t k : index)
                kept.push_back(quotes[k]);
            quotes = std::move(kept);
        }
        if (options.order == QuoteOrder::Starred) {
            std::stable_partition(quotes.begin(), quotes.end(), [](const Quote &q) { return q.starred; });
        } else if (options.order == QuoteOrder::Chosen) {
            // Ranked quotes by rank, then the others in document order.
            std::stable_sort(quotes.begin(), quotes.end(), [](const Quote &a, const Quote &b) {
                if (a.rank.has_value() != b.rank.has_value())
                    return a.rank.has_value();
                return a.rank.value_or(0) < b.rank.value_or(0);
            });
        }
        return subtree;
    };
    for (Id r : roots) {
        const QStringList paths = project.codePaths(r);
        visit(r, options.codePaths.isEmpty() ? paths.value(0) : project.codePaths(r).value(0), 0);
    }
    return report;
}

} // namespace Quire
