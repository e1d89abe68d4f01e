// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/themereport.h"

#include "error.h"
#include "model/project.h"

#include <QDateTime>
#include <QRegularExpression>
#include <map>
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
};

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

ThemeReport buildThemeReport(const Project &project, const ReportOptions &options)
{
    Context ctx{project, {}, {}, {}, {}, {}, {}};
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
    report.generated = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    report.byAttribute = options.byAttribute;

    const auto allSegments = project.segments();
    for (const auto &s : allSegments) {
        for (Id c : s.codes)
            ctx.segmentsByCode[c].push_back(s);
    }
    if (!options.byAttribute.isEmpty()) {
        if (!ctx.attrNames.count(options.byAttribute))
            throw Error(QStringLiteral("%1: no attribute named \"%2\" to split by").arg(project.fileName(), options.byAttribute));
        std::set<QString> values;
        for (const auto &s : allSegments) {
            const QString v = attributeFor(ctx, s, options.byAttribute);
            values.insert(v.isEmpty() ? QStringLiteral("(none)") : v);
        }
        for (const auto &v : values)
            report.byValues << v;
    }

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
        for (const auto &s : ctx.segmentsByCode[id]) {
            Quote q;
            q.segmentId = s.id;
            q.codePath = path;
            q.document = ctx.documents.at(s.documentId).name;
            q.caseName = s.caseId ? ctx.cases.at(*s.caseId).name : QString();
            q.start = s.start;
            q.end = s.end;
            q.text = project.documentRange(s.documentId, s.start, s.end);
            q.citation = expandCitation(ctx, options.citationTemplate, s, path);
            q.memo = s.memo;
            report.quotes[rowIndex].push_back(q);
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
