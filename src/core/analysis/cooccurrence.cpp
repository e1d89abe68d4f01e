// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/cooccurrence.h"

#include "analysis/analysisdata.h"
#include "error.h"
#include "io/graphml.h"
#include "io/graphviz.h"
#include "model/project.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace Quire::Analysis {

QString toString(CooccurrenceMode mode)
{
    switch (mode) {
    case CooccurrenceMode::Overlap:
        return QStringLiteral("overlap");
    case CooccurrenceMode::Near:
        return QStringLiteral("near");
    case CooccurrenceMode::Turn:
        return QStringLiteral("turn");
    case CooccurrenceMode::Document:
        return QStringLiteral("document");
    }
    return QString();
}

CooccurrenceMode cooccurrenceModeFromString(const QString &name)
{
    if (name == QLatin1String("overlap"))
        return CooccurrenceMode::Overlap;
    if (name == QLatin1String("near"))
        return CooccurrenceMode::Near;
    if (name == QLatin1String("turn"))
        return CooccurrenceMode::Turn;
    if (name == QLatin1String("document"))
        return CooccurrenceMode::Document;
    throw Error(QStringLiteral("co-occurrence is overlap, near, turn or document, not \"%1\"").arg(name));
}

Cooccurrence computeCooccurrence(Project &project, const CooccurrenceOptions &options)
{
    using namespace Detail;
    if (options.distance < 0)
        throw Error(QStringLiteral("co-occurrence: the distance cannot be negative"));
    const CodeTree tree(project);
    std::optional<Id> coder;
    if (!options.coder.isEmpty()) {
        for (const auto &[id, name] : loadCoders(project)) {
            if (name == options.coder)
                coder = id;
        }
        if (!coder)
            throw Error(QStringLiteral("%1: no coder named \"%2\"").arg(project.fileName(), options.coder));
    }
    const std::set<Id> uncounted = uncountedCases(project);
    std::vector<CodedSpan> spans;
    for (const CodedSpan &s : loadCodedSpans(project)) {
        if ((s.caseId && uncounted.count(*s.caseId)) || (coder && s.coderId != *coder))
            continue;
        spans.push_back(s);
    }
    std::vector<Id> codes;
    if (!options.codePaths.isEmpty()) {
        codes = resolveCodes(project, tree, options.codePaths);
    } else {
        std::set<Id> used;
        for (const auto &s : spans)
            used.insert(s.codeId);
        for (Id c : tree.ordered()) {
            if (used.count(c))
                codes.push_back(c);
        }
    }
    std::map<Id, std::size_t> index;
    for (std::size_t i = 0; i < codes.size(); ++i)
        index.emplace(codes[i], i);
    const std::size_t K = codes.size();

    Cooccurrence r;
    r.mode = options.mode;
    r.distance = options.distance;
    r.codes = codes;
    for (Id c : codes) {
        r.paths << tree.path(c);
        r.colors << project.code(c).color;
    }
    r.occurrences.assign(K, 0);
    r.counts.assign(K, std::vector<qint64>(K, 0));

    std::vector<const CodedSpan *> mine;
    for (const auto &s : spans) {
        if (index.count(s.codeId))
            mine.push_back(&s);
    }
    if (options.mode == CooccurrenceMode::Overlap || options.mode == CooccurrenceMode::Near) {
        const qsizetype reach = options.mode == CooccurrenceMode::Near ? options.distance : 0;
        // Spans arrive ordered by document and start: sweep forward from each one.
        for (std::size_t i = 0; i < mine.size(); ++i) {
            const CodedSpan &a = *mine[i];
            const std::size_t ia = index.at(a.codeId);
            ++r.occurrences[ia];
            for (std::size_t j = i + 1; j < mine.size(); ++j) {
                const CodedSpan &b = *mine[j];
                if (b.documentId != a.documentId)
                    break;
                // Overlap: b starts before a ends. Near: the gap between them is at most `reach`.
                const bool meets = reach == 0 && options.mode == CooccurrenceMode::Overlap ? b.start < a.end
                                                                                           : b.start <= a.end + reach;
                if (!meets) {
                    if (b.start > a.end + reach)
                        break;
                    continue;
                }
                const std::size_t ib = index.at(b.codeId);
                if (ib == ia)
                    continue;
                ++r.counts[ia][ib];
                ++r.counts[ib][ia];
            }
        }
    } else {
        // Contexts: turn ids or document ids; a code's set of contexts.
        std::vector<std::set<Id>> contexts(K);
        std::map<Id, std::vector<Turn>> turns;
        for (const CodedSpan *s : mine) {
            const std::size_t k = index.at(s->codeId);
            if (options.mode == CooccurrenceMode::Document) {
                contexts[k].insert(s->documentId);
                continue;
            }
            auto it = turns.find(s->documentId);
            if (it == turns.end())
                it = turns.emplace(s->documentId, project.turns(s->documentId)).first;
            bool inTurn = false;
            for (const Turn &t : it->second) {
                if (t.start < s->end && s->start < t.end) {
                    contexts[k].insert(t.id);
                    inTurn = true;
                }
            }
            if (!inTurn)
                ++r.outsideTurns;
        }
        for (std::size_t i = 0; i < K; ++i) {
            r.occurrences[i] = qint64(contexts[i].size());
            for (std::size_t j = i + 1; j < K; ++j) {
                qint64 both = 0;
                for (Id c : contexts[i])
                    both += qint64(contexts[j].count(c));
                r.counts[i][j] = r.counts[j][i] = both;
            }
        }
    }
    r.coefficient.assign(K, std::vector<double>(K, 0.0));
    for (std::size_t i = 0; i < K; ++i) {
        r.counts[i][i] = r.occurrences[i];
        for (std::size_t j = 0; j < K; ++j) {
            const double n = double(r.counts[i][j]);
            const double denominator = double(r.occurrences[i] + r.occurrences[j]) - n;
            r.coefficient[i][j] =
                i == j ? (r.occurrences[i] > 0 ? 1.0 : 0.0) : (denominator > 0 ? std::min(1.0, n / denominator) : 0.0);
        }
    }
    return r;
}

AnalysisTable Cooccurrence::matrix(bool coefficients) const
{
    AnalysisTable t;
    t.title = QStringLiteral("Co-occurrence (%1%2), %3")
                  .arg(toString(mode), mode == CooccurrenceMode::Near ? QStringLiteral(" %1").arg(distance) : QString(),
                       coefficients ? QStringLiteral("coefficient") : QStringLiteral("counts"));
    t.header << QStringLiteral("code") << paths;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        QStringList r{paths[qsizetype(i)]};
        for (std::size_t j = 0; j < codes.size(); ++j)
            r << (coefficients ? formatNumber(coefficient[i][j]) : QString::number(counts[i][j]));
        t.rows.push_back(r);
    }
    return t;
}

AnalysisTable Cooccurrence::pairs() const
{
    AnalysisTable t;
    t.title = QStringLiteral("Codes that occur together (%1)").arg(toString(mode));
    t.header =
        QStringList{QStringLiteral("code_a"),        QStringLiteral("code_b"),        QStringLiteral("count"),
                    QStringLiteral("occurrences_a"), QStringLiteral("occurrences_b"), QStringLiteral("coefficient")};
    for (std::size_t i = 0; i < codes.size(); ++i) {
        for (std::size_t j = i + 1; j < codes.size(); ++j) {
            if (counts[i][j] == 0)
                continue;
            t.rows.push_back({paths[qsizetype(i)], paths[qsizetype(j)], QString::number(counts[i][j]),
                              QString::number(occurrences[i]), QString::number(occurrences[j]),
                              formatNumber(coefficient[i][j])});
        }
    }
    return t;
}

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

Graph buildGraph(const Cooccurrence &c, qint64 minCount)
{
    Graph g(c.codes.size());
    for (std::size_t i = 0; i < c.codes.size(); ++i) {
        for (std::size_t j = i + 1; j < c.codes.size(); ++j) {
            if (c.counts[i][j] >= minCount && c.counts[i][j] > 0)
                boost::add_edge(i, j, g);
        }
    }
    return g;
}

QByteArray dotQuoted(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    q.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    q.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return '"' + q.toUtf8() + '"';
}

} // namespace

std::vector<int> Cooccurrence::components(qint64 minCount) const
{
    const Graph g = buildGraph(*this, minCount);
    std::vector<int> component(codes.size(), -1);
    if (codes.empty())
        return component;
    boost::connected_components(g, component.data());
    // A code with no edge is its own component in Boost: mark it as alone.
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (boost::degree(i, g) == 0)
            component[i] = -1;
    }
    // Renumber the remaining components 0, 1, ... in order of first code.
    std::map<int, int> renumber;
    for (int &c : component) {
        if (c < 0)
            continue;
        auto it = renumber.emplace(c, int(renumber.size())).first;
        c = it->second;
    }
    return component;
}

QByteArray Cooccurrence::toGraphml(qint64 minCount) const
{
    const std::vector<int> component = components(minCount);
    Graphml g;
    g.id = QStringLiteral("codes");
    const auto key = [](const char *name, const char *domain, const char *type) {
        return Graphml::Key{QLatin1String(name), QLatin1String(domain), QLatin1String(name), QLatin1String(type)};
    };
    g.keys = {key("label", "node", "string"),  key("color", "node", "string"), key("occurrences", "node", "long"),
              key("component", "node", "int"), key("count", "edge", "long"),   key("coefficient", "edge", "double")};
    for (std::size_t i = 0; i < codes.size(); ++i) {
        Graphml::Node node{QStringLiteral("c%1").arg(codes[i]), {{QStringLiteral("label"), paths[qsizetype(i)]}}};
        if (!colors[qsizetype(i)].isEmpty())
            node.data.emplace_back(QStringLiteral("color"), colors[qsizetype(i)]);
        node.data.emplace_back(QStringLiteral("occurrences"), QString::number(occurrences[i]));
        node.data.emplace_back(QStringLiteral("component"), QString::number(component[i]));
        g.nodes.push_back(std::move(node));
    }
    for (std::size_t i = 0; i < codes.size(); ++i) {
        for (std::size_t j = i + 1; j < codes.size(); ++j) {
            if (counts[i][j] < minCount || counts[i][j] == 0)
                continue;
            g.edges.push_back({QString(),
                               QStringLiteral("c%1").arg(codes[i]),
                               QStringLiteral("c%1").arg(codes[j]),
                               {{QStringLiteral("count"), QString::number(counts[i][j])},
                                {QStringLiteral("coefficient"), QString::number(coefficient[i][j], 'g', 6)}}});
        }
    }
    return Quire::toGraphml(g);
}

QByteArray Cooccurrence::toDot(qint64 minCount) const
{
    QByteArray out =
        "graph codes {\n  graph [overlap=false, splines=true];\n  node [shape=box, style=\"rounded,filled\", "
        "fillcolor=\"#f5f5f5\", fontname=\"sans-serif\"];\n";
    for (std::size_t i = 0; i < codes.size(); ++i) {
        out += "  c" + QByteArray::number(codes[i]) +
               " [label=" + dotQuoted(QStringLiteral("%1 (%2)").arg(paths[qsizetype(i)]).arg(occurrences[i]));
        if (!colors[qsizetype(i)].isEmpty())
            out += ", color=" + dotQuoted(colors[qsizetype(i)]) + ", penwidth=2";
        out += "];\n";
    }
    for (std::size_t i = 0; i < codes.size(); ++i) {
        for (std::size_t j = i + 1; j < codes.size(); ++j) {
            if (counts[i][j] < minCount || counts[i][j] == 0)
                continue;
            out += "  c" + QByteArray::number(codes[i]) + " -- c" + QByteArray::number(codes[j]) + " [label=\"" +
                   QByteArray::number(counts[i][j]) +
                   "\", penwidth=" + QByteArray::number(1.0 + 5.0 * coefficient[i][j], 'f', 2) + "];\n";
        }
    }
    out += "}\n";
    return out;
}

QByteArray Cooccurrence::toSvg(qint64 minCount) const
{
    return renderDot(toDot(minCount), "neato", "svg", QStringLiteral("the code graph"));
}

} // namespace Quire::Analysis
