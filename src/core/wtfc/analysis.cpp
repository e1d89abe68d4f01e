// SPDX-License-Identifier: GPL-3.0-or-later
#include "wtfc/analysis.h"

#include "error.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/topological_sort.hpp>

#include <QHash>
#include <QSet>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <deque>
#include <iterator>

namespace Quire::Wtfc {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
using UndirectedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Vertex = Graph::vertex_descriptor;

/// One bit set per vertex, stored flat so propagating along an edge is a run of ORs.
class BitRows
{
public:
    BitRows(std::size_t rows, std::size_t bits)
        : m_words((bits + 63) / 64)
        , m_data(rows * m_words, 0)
    {}
    void set(std::size_t row, std::size_t bit) { m_data[row * m_words + bit / 64] |= std::uint64_t(1) << (bit % 64); }
    void orInto(std::size_t to, std::size_t from)
    {
        std::uint64_t *t = m_data.data() + to * m_words;
        const std::uint64_t *f = m_data.data() + from * m_words;
        for (std::size_t i = 0; i < m_words; ++i)
            t[i] |= f[i];
    }
    int count(std::size_t row) const
    {
        int n = 0;
        const std::uint64_t *r = m_data.data() + row * m_words;
        for (std::size_t i = 0; i < m_words; ++i)
            n += std::popcount(r[i]);
        return n;
    }
    template <typename F> void forEach(std::size_t row, F f) const
    {
        const std::uint64_t *r = m_data.data() + row * m_words;
        for (std::size_t i = 0; i < m_words; ++i) {
            std::uint64_t w = r[i];
            while (w) {
                const int b = std::countr_zero(w);
                f(i * 64 + std::size_t(b));
                w &= w - 1;
            }
        }
    }

private:
    std::size_t m_words;
    std::vector<std::uint64_t> m_data;
};

template <typename T> std::size_t indexOf(const std::vector<T> &items, Id id)
{
    const auto it = std::lower_bound(items.begin(), items.end(), id, [](const T &t, Id v) { return t.id < v; });
    return it != items.end() && it->id == id ? std::size_t(it - items.begin()) : items.size();
}

/// The graph as adjacency lists by node id, for the traces.
struct Adjacency
{
    QHash<Id, std::vector<Id>> down; ///< from → causes
    QHash<Id, std::vector<Id>> up;   ///< cause → what it causes

    explicit Adjacency(const Snapshot &s)
    {
        for (const Edge &e : s.edges) {
            down[e.from].push_back(e.to);
            up[e.to].push_back(e.from);
        }
    }
};

/// Breadth-first from `start` along `next`; parent[v] = the neighbour v was reached from.
QHash<Id, Id> bfs(const QHash<Id, std::vector<Id>> &next, const std::vector<Id> &start)
{
    QHash<Id, Id> parent;
    std::deque<Id> queue;
    for (Id s : start) {
        if (!parent.contains(s)) {
            parent.insert(s, s);
            queue.push_back(s);
        }
    }
    while (!queue.empty()) {
        const Id v = queue.front();
        queue.pop_front();
        for (Id w : next.value(v)) {
            if (!parent.contains(w)) {
                parent.insert(w, v);
                queue.push_back(w);
            }
        }
    }
    return parent;
}

void sortUnique(std::vector<Id> &v)
{
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

void addPeople(const Snapshot &s, Trace &t)
{
    for (Id st : t.statements) {
        if (const PcrStatement *x = s.statement(st))
            t.people.insert(t.people.end(), x->people.begin(), x->people.end());
    }
}

void finish(Trace &t)
{
    for (auto *v :
         {&t.actions, &t.solutions, &t.success, &t.causes, &t.istatements, &t.themes, &t.statements, &t.people})
        sortUnique(*v);
}

} // namespace

const CauseReach *Analysis::reach(Id cause) const
{
    for (const CauseReach &c : causes) {
        if (c.cause == cause)
            return &c;
    }
    return nullptr;
}

std::vector<Id> statementsOf(const Snapshot &s, const Node &istatement)
{
    if (!istatement.statements.empty() || !istatement.themeId)
        return istatement.statements;
    const Theme *t = s.theme(*istatement.themeId);
    return t ? t->statements : std::vector<Id>{};
}

Analysis analyse(const Snapshot &s, const AnalysisOptions &options)
{
    const std::size_t n = s.nodes.size();
    Graph g(n);
    for (const Edge &e : s.edges) {
        const std::size_t a = indexOf(s.nodes, e.from), b = indexOf(s.nodes, e.to);
        if (a < n && b < n)
            boost::add_edge(a, b, g);
    }
    std::vector<Vertex> reverseOrder;
    reverseOrder.reserve(n);
    try {
        boost::topological_sort(g, std::back_inserter(reverseOrder));
    } catch (const boost::not_a_dag &) {
        // Edges are checked as they are added; only a file edited by hand gets here.
        throw Error(QStringLiteral("The root-cause graph has a cycle; remove one of its \"why\" links"));
    }

    // Bit positions: I statements, themes, statements and people in id order.
    std::vector<std::size_t> istatementBit(n, std::size_t(-1));
    std::vector<Id> istatementIds;
    for (std::size_t v = 0; v < n; ++v) {
        if (s.nodes[v].kind == ItemKind::IStatement) {
            istatementBit[v] = istatementIds.size();
            istatementIds.push_back(s.nodes[v].id);
        }
    }
    BitRows iBits(n, istatementIds.size()), tBits(n, s.themes.size()), sBits(n, s.statements.size()),
        pBits(n, s.people.size());
    std::vector<int> depth(n, -1);
    for (std::size_t v = 0; v < n; ++v) {
        const Node &node = s.nodes[v];
        if (node.kind != ItemKind::IStatement)
            continue;
        depth[v] = 0;
        iBits.set(v, istatementBit[v]);
        if (node.themeId) {
            const std::size_t t = indexOf(s.themes, *node.themeId);
            if (t < s.themes.size())
                tBits.set(v, t);
        }
        for (Id st : statementsOf(s, node)) {
            const std::size_t i = indexOf(s.statements, st);
            if (i >= s.statements.size())
                continue;
            sBits.set(v, i);
            for (Id p : s.statements[i].people) {
                const std::size_t pi = indexOf(s.people, p);
                if (pi < s.people.size())
                    pBits.set(v, pi);
            }
        }
    }
    // Sources first: everything above a node has been gathered before it is read.
    for (auto it = reverseOrder.rbegin(); it != reverseOrder.rend(); ++it) {
        const Vertex v = *it;
        for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) {
            const Vertex u = boost::source(*e, g);
            iBits.orInto(v, u);
            tBits.orInto(v, u);
            sBits.orInto(v, u);
            pBits.orInto(v, u);
            if (depth[u] >= 0)
                depth[v] = std::max(depth[v], depth[u] + 1);
        }
    }
    // Longest way down from every node; ties go to the cause with the lower id.
    std::vector<int> down(n, 0);
    std::vector<std::size_t> nextDown(n, n);
    for (const Vertex v : reverseOrder) {
        for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
            const Vertex w = boost::target(*e, g);
            if (down[w] + 1 > down[v] ||
                (down[w] + 1 == down[v] && nextDown[v] < n && s.nodes[w].id < s.nodes[nextDown[v]].id)) {
                down[v] = down[w] + 1;
                nextDown[v] = w;
            }
        }
    }

    QHash<Id, int> causeVotes;
    for (const Vote &vote : s.votes) {
        if (vote.target.kind == ItemKind::Cause)
            causeVotes[vote.target.id] += vote.count;
    }

    Analysis a;
    for (std::size_t v = 0; v < n; ++v) {
        const Node &node = s.nodes[v];
        if (node.kind != ItemKind::Cause)
            continue;
        CauseReach r;
        r.cause = node.id;
        r.root = boost::out_degree(v, g) == 0;
        r.depth = depth[v];
        r.istatementCount = iBits.count(v);
        r.themeCount = tBits.count(v);
        r.statementCount = sBits.count(v);
        r.peopleCount = pBits.count(v);
        r.votes = causeVotes.value(node.id);
        if (options.sets) {
            r.istatements.reserve(std::size_t(r.istatementCount));
            r.themes.reserve(std::size_t(r.themeCount));
            r.statements.reserve(std::size_t(r.statementCount));
            r.people.reserve(std::size_t(r.peopleCount));
            iBits.forEach(v, [&](std::size_t b) { r.istatements.push_back(istatementIds[b]); });
            tBits.forEach(v, [&](std::size_t b) { r.themes.push_back(s.themes[b].id); });
            sBits.forEach(v, [&](std::size_t b) { r.statements.push_back(s.statements[b].id); });
            pBits.forEach(v, [&](std::size_t b) { r.people.push_back(s.people[b].id); });
        }
        if (r.root)
            a.rootCauses.push_back(node.id);
        if (r.istatementCount >= 2)
            a.sharedCauses.push_back(node.id);
        a.causes.push_back(std::move(r));
    }
    const auto key = [](const CauseReach &r) {
        return std::tuple(r.peopleCount, r.istatementCount, r.statementCount, r.votes);
    };
    std::stable_sort(a.causes.begin(), a.causes.end(), [&](const CauseReach &x, const CauseReach &y) {
        if (key(x) != key(y))
            return key(x) > key(y);
        return x.cause < y.cause;
    });
    for (std::size_t i = 0; i < a.causes.size(); ++i)
        a.causes[i].rank = i > 0 && key(a.causes[i]) == key(a.causes[i - 1]) ? a.causes[i - 1].rank : int(i) + 1;

    for (std::size_t v = 0; v < n; ++v) {
        if (s.nodes[v].kind != ItemKind::IStatement)
            continue;
        Chain c;
        for (std::size_t w = v; w < n; w = nextDown[w])
            c.nodes.push_back(s.nodes[w].id);
        a.maxChainLength = std::max(a.maxChainLength, c.length());
        a.longestChains.push_back(std::move(c));
    }
    std::stable_sort(a.longestChains.begin(), a.longestChains.end(),
                     [](const Chain &x, const Chain &y) { return x.length() > y.length(); });

    UndirectedGraph ug(n);
    for (auto [e, end] = boost::edges(g); e != end; ++e)
        boost::add_edge(boost::source(*e, g), boost::target(*e, g), ug);
    std::vector<UndirectedGraph::vertex_descriptor> cut;
    boost::articulation_points(ug, std::back_inserter(cut));
    for (auto v : cut) {
        if (s.nodes[v].kind == ItemKind::Cause)
            a.articulationPoints.push_back(s.nodes[v].id);
    }
    std::sort(a.articulationPoints.begin(), a.articulationPoints.end());
    return a;
}

Trace traceBack(const Snapshot &s, const ItemRef &item)
{
    Trace t;
    t.origin = item;
    std::optional<Id> node;
    switch (item.kind) {
    case ItemKind::Action: {
        const Action *a = s.action(item.id);
        if (!a)
            throw Error(QStringLiteral("There is no action %1").arg(item.id));
        t.actions.push_back(a->id);
        const Solution *so = s.solution(a->solutionId);
        if (so) {
            t.solutions.push_back(so->id);
            node = so->causeId;
        }
        break;
    }
    case ItemKind::Solution: {
        const Solution *so = s.solution(item.id);
        if (!so)
            throw Error(QStringLiteral("There is no solution %1").arg(item.id));
        t.solutions.push_back(so->id);
        node = so->causeId;
        break;
    }
    case ItemKind::Success: {
        const auto it = std::find_if(s.success.begin(), s.success.end(),
                                     [&](const SuccessStatement &x) { return x.id == item.id; });
        if (it == s.success.end())
            throw Error(QStringLiteral("There is no success statement %1").arg(item.id));
        t.success.push_back(it->id);
        node = it->causeId;
        break;
    }
    case ItemKind::Cause:
    case ItemKind::IStatement:
        if (!s.node(item.id))
            throw Error(QStringLiteral("There is no %1 %2").arg(toString(item.kind)).arg(item.id));
        node = item.id;
        break;
    case ItemKind::Theme: {
        const Theme *th = s.theme(item.id);
        if (!th)
            throw Error(QStringLiteral("There is no theme %1").arg(item.id));
        t.themes.push_back(th->id);
        t.statements = th->statements;
        break;
    }
    case ItemKind::Statement:
        if (!s.statement(item.id))
            throw Error(QStringLiteral("There is no statement %1").arg(item.id));
        t.statements.push_back(item.id);
        break;
    }
    if (node) {
        const Adjacency adj(s);
        // Upwards from the node: parent[v] is the next node on v's way down to it.
        const QHash<Id, Id> parent = bfs(adj.up, {*node});
        const QList<Id> keys = parent.keys();
        std::vector<Id> reached(keys.begin(), keys.end());
        std::sort(reached.begin(), reached.end());
        for (Id v : reached) {
            const Node *x = s.node(v);
            if (!x)
                continue;
            if (x->kind == ItemKind::Cause) {
                t.causes.push_back(v);
                continue;
            }
            t.istatements.push_back(v);
            if (x->themeId)
                t.themes.push_back(*x->themeId);
            const auto st = statementsOf(s, *x);
            t.statements.insert(t.statements.end(), st.begin(), st.end());
            Chain c;
            for (Id w = v;; w = parent.value(w)) {
                c.nodes.push_back(w);
                if (w == *node)
                    break;
            }
            t.chains.push_back(std::move(c));
        }
    }
    addPeople(s, t);
    finish(t);
    return t;
}

Trace traceForward(const Snapshot &s, const ItemRef &item)
{
    Trace t;
    t.origin = item;
    t.forward = true;
    std::vector<Id> start;
    switch (item.kind) {
    case ItemKind::Statement: {
        const PcrStatement *st = s.statement(item.id);
        if (!st)
            throw Error(QStringLiteral("There is no statement %1").arg(item.id));
        t.statements.push_back(st->id);
        if (st->themeId)
            t.themes.push_back(*st->themeId);
        for (const Node &n : s.nodes) {
            if (n.kind != ItemKind::IStatement)
                continue;
            const auto linked = statementsOf(s, n);
            if (std::find(linked.begin(), linked.end(), st->id) != linked.end())
                start.push_back(n.id);
        }
        break;
    }
    case ItemKind::Theme: {
        const Theme *th = s.theme(item.id);
        if (!th)
            throw Error(QStringLiteral("There is no theme %1").arg(item.id));
        t.themes.push_back(th->id);
        t.statements = th->statements;
        for (const Node &n : s.nodes) {
            if (n.kind == ItemKind::IStatement && n.themeId == th->id)
                start.push_back(n.id);
        }
        break;
    }
    case ItemKind::IStatement:
    case ItemKind::Cause:
        if (!s.node(item.id))
            throw Error(QStringLiteral("There is no %1 %2").arg(toString(item.kind)).arg(item.id));
        start.push_back(item.id);
        break;
    case ItemKind::Solution:
        if (!s.solution(item.id))
            throw Error(QStringLiteral("There is no solution %1").arg(item.id));
        t.solutions.push_back(item.id);
        break;
    case ItemKind::Action:
    case ItemKind::Success:
        throw Error(
            QStringLiteral("Nothing follows from %1 %2: trace it back instead").arg(toString(item.kind)).arg(item.id));
    }
    addPeople(s, t);
    const Adjacency adj(s);
    const QHash<Id, Id> parent = bfs(adj.down, start);
    for (auto it = parent.constBegin(); it != parent.constEnd(); ++it) {
        const Node *x = s.node(it.key());
        if (!x)
            continue;
        (x->kind == ItemKind::Cause ? t.causes : t.istatements).push_back(x->id);
    }
    // One path to each root cause below, from the start node it was reached from.
    std::vector<Id> roots;
    for (Id c : t.causes) {
        if (adj.down.value(c).empty())
            roots.push_back(c);
    }
    std::sort(roots.begin(), roots.end());
    for (Id r : roots) {
        Chain c;
        for (Id w = r;; w = parent.value(w)) {
            c.nodes.push_back(w);
            if (parent.value(w) == w)
                break;
        }
        std::reverse(c.nodes.begin(), c.nodes.end());
        t.chains.push_back(std::move(c));
    }
    const QSet<Id> causes(t.causes.begin(), t.causes.end());
    for (const SuccessStatement &x : s.success) {
        if (causes.contains(x.causeId))
            t.success.push_back(x.id);
    }
    for (const Solution &x : s.solutions) {
        if (causes.contains(x.causeId))
            t.solutions.push_back(x.id);
    }
    const QSet<Id> solutions(t.solutions.begin(), t.solutions.end());
    for (const Action &x : s.actions) {
        if (solutions.contains(x.solutionId))
            t.actions.push_back(x.id);
    }
    finish(t);
    return t;
}

} // namespace Quire::Wtfc
