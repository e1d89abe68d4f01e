// SPDX-License-Identifier: GPL-3.0-or-later
#include "wtfc/layout.h"

#include "error.h"
#include "wtfc/graphexport.h"

#include <QHash>
#include <QXmlStreamWriter>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace Quire::Wtfc {

namespace {

QStringList wrapLabel(const QString &text, int width)
{
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList lines;
    QString line;
    for (const QString &w : words) {
        if (!line.isEmpty() && line.size() + 1 + w.size() > width) {
            lines << line;
            line.clear();
        }
        if (!line.isEmpty())
            line += QLatin1Char(' ');
        line += w;
    }
    if (!line.isEmpty() || lines.isEmpty())
        lines << line;
    return lines;
}

/// Adjacency in compressed rows: the neighbours of v are items[start[v] .. start[v + 1]).
struct Rows
{
    std::vector<int> start, items;
    int begin(int v) const { return start[std::size_t(v)]; }
    int end(int v) const { return start[std::size_t(v) + 1]; }
};

Rows buildRows(int n, const std::vector<std::pair<int, int>> &pairs)
{
    Rows r;
    r.start.assign(std::size_t(n) + 1, 0);
    for (const auto &p : pairs)
        ++r.start[std::size_t(p.first) + 1];
    std::partial_sum(r.start.begin(), r.start.end(), r.start.begin());
    r.items.resize(pairs.size());
    std::vector<int> fill(r.start.begin(), r.start.end() - 1);
    for (const auto &p : pairs)
        r.items[std::size_t(fill[std::size_t(p.first)]++)] = p.second;
    return r;
}

class Layouter
{
public:
    Layouter(const Snapshot &s, const LayoutOptions &o)
        : m_s(s)
        , m_o(o)
        , m_n(int(s.nodes.size()))
    {}

    GraphLayout run()
    {
        buildGraph();
        assignLayers();
        sizeNodes();
        orderLayers();
        placeX();
        return result();
    }

private:
    void buildGraph()
    {
        QHash<Id, int> index;
        index.reserve(m_n);
        for (int i = 0; i < m_n; ++i)
            index.insert(m_s.nodes[std::size_t(i)].id, i);
        std::vector<std::pair<int, int>> down, up;
        down.reserve(m_s.edges.size());
        up.reserve(m_s.edges.size());
        m_edges.reserve(m_s.edges.size());
        for (const Edge &e : m_s.edges) {
            const auto a = index.constFind(e.from), b = index.constFind(e.to);
            if (a == index.constEnd() || b == index.constEnd())
                throw Error(
                    QStringLiteral("The root-cause graph has a \"why\" link to a node that does not exist (%1 → %2)")
                        .arg(e.from)
                        .arg(e.to));
            down.emplace_back(*a, *b);
            up.emplace_back(*b, *a);
            m_edges.emplace_back(*a, *b);
        }
        m_down = buildRows(m_n, down);
        m_up = buildRows(m_n, up);
    }

    // Longest path from the sources, in topological order (Kahn, lowest index first).
    void assignLayers()
    {
        m_layer.assign(std::size_t(m_n), 0);
        std::vector<int> indegree(std::size_t(m_n), 0);
        for (int v = 0; v < m_n; ++v)
            indegree[std::size_t(v)] = m_up.end(v) - m_up.begin(v);
        std::vector<int> queue;
        queue.reserve(std::size_t(m_n));
        for (int v = 0; v < m_n; ++v)
            if (indegree[std::size_t(v)] == 0)
                queue.push_back(v);
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const int v = queue[head];
            for (int k = m_down.begin(v); k < m_down.end(v); ++k) {
                const int w = m_down.items[std::size_t(k)];
                m_layer[std::size_t(w)] = std::max(m_layer[std::size_t(w)], m_layer[std::size_t(v)] + 1);
                if (--indegree[std::size_t(w)] == 0)
                    queue.push_back(w);
            }
        }
        if (int(queue.size()) != m_n)
            throw Error(QStringLiteral("The root-cause graph has a cycle, so it cannot be laid out in layers"));
        const int layers = m_n == 0 ? 0 : *std::max_element(m_layer.begin(), m_layer.end()) + 1;
        m_layers.assign(std::size_t(layers), {});
        // Initial order: topological (breadth-first) order, which keeps the
        // causes of one I statement near each other before any sweep.
        for (int v : queue)
            m_layers[std::size_t(m_layer[std::size_t(v)])].push_back(v);
    }

    void sizeNodes()
    {
        m_lines.resize(std::size_t(m_n));
        m_w.resize(std::size_t(m_n));
        m_h.resize(std::size_t(m_n));
        for (int v = 0; v < m_n; ++v) {
            const Node &node = m_s.nodes[std::size_t(v)];
            QStringList lines = wrapLabel(node.text, std::max(4, m_o.wrapWidth));
            qsizetype longest = 1;
            for (const QString &l : lines)
                longest = std::max(longest, l.size());
            double w = double(longest) * m_o.charWidth + m_o.paddingX;
            double h = double(lines.size()) * m_o.lineHeight + m_o.paddingY;
            if (node.kind != ItemKind::IStatement) {
                // An ellipse around the text's box needs about √2 times its size.
                w *= 1.3;
                h += m_o.lineHeight * 0.6;
            }
            m_w[std::size_t(v)] = w;
            m_h[std::size_t(v)] = h;
            m_lines[std::size_t(v)] = std::move(lines);
        }
        m_x.assign(std::size_t(m_n), 0.0);
        m_pos.assign(std::size_t(m_n), 0.0);
        m_order.assign(std::size_t(m_n), 0);
        for (std::size_t l = 0; l < m_layers.size(); ++l)
            pack(int(l));
    }

    // Side by side in the current order, centred on x = 0.
    void pack(int layer)
    {
        const std::vector<int> &nodes = m_layers[std::size_t(layer)];
        double total = 0;
        for (int v : nodes)
            total += m_w[std::size_t(v)] + m_o.nodeGap;
        double left = -total / 2;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const int v = nodes[i];
            m_x[std::size_t(v)] = left + m_w[std::size_t(v)] / 2;
            m_order[std::size_t(v)] = int(i);
            m_pos[std::size_t(v)] = (double(i) + 0.5) / double(nodes.size());
            left += m_w[std::size_t(v)] + m_o.nodeGap;
        }
    }

    // Reorders one layer by the mean relative position (0…1 across its own
    // layer) of each node's neighbours in `rows`; relative, so that a narrow
    // layer pulls as much as a wide one.
    void sortByBarycentre(int layer, const Rows &rows)
    {
        std::vector<int> &nodes = m_layers[std::size_t(layer)];
        m_key.resize(std::size_t(m_n));
        for (int v : nodes) {
            // Only neighbours in the next layer decide; a node without any keeps
            // its relative place. Letting the far ends of long edges pull too
            // (plainly or weighted by span) doubled the crossings on the
            // generated graphs of the tests and the benchmark.
            double sum = 0;
            int count = 0;
            for (int k = rows.begin(v); k < rows.end(v); ++k) {
                const int w = rows.items[std::size_t(k)];
                if (std::abs(m_layer[std::size_t(w)] - layer) == 1) {
                    sum += m_pos[std::size_t(w)];
                    ++count;
                }
            }
            m_key[std::size_t(v)] = count ? sum / count : m_pos[std::size_t(v)];
        }
        std::sort(nodes.begin(), nodes.end(), [&](int a, int b) {
            if (m_key[std::size_t(a)] != m_key[std::size_t(b)])
                return m_key[std::size_t(a)] < m_key[std::size_t(b)];
            if (m_order[std::size_t(a)] != m_order[std::size_t(b)])
                return m_order[std::size_t(a)] < m_order[std::size_t(b)];
            return m_s.nodes[std::size_t(a)].id < m_s.nodes[std::size_t(b)].id;
        });
        pack(layer);
    }

    // Crossings among the edges joining consecutive layers: inversions of the
    // lower ends once the edges are sorted by their upper ends (Fenwick tree).
    long long crossings() const
    {
        const std::size_t L = m_layers.size();
        std::vector<std::vector<std::pair<int, int>>> byLayer(L);
        for (const auto &[a, b] : m_edges)
            if (m_layer[std::size_t(b)] == m_layer[std::size_t(a)] + 1)
                byLayer[std::size_t(m_layer[std::size_t(a)])].emplace_back(m_order[std::size_t(a)],
                                                                           m_order[std::size_t(b)]);
        long long total = 0;
        std::vector<int> tree;
        for (std::size_t l = 0; l + 1 < L; ++l) {
            auto &es = byLayer[l];
            if (es.size() < 2)
                continue;
            std::sort(es.begin(), es.end());
            const std::size_t size = m_layers[l + 1].size();
            tree.assign(size + 1, 0);
            long long seen = 0;
            for (const auto &e : es) {
                // Earlier edges whose lower end lies strictly to the right cross this one.
                long long notGreater = 0;
                for (std::size_t i = std::size_t(e.second) + 1; i > 0; i -= i & (~i + 1))
                    notGreater += tree[i];
                total += seen - notGreater;
                for (std::size_t i = std::size_t(e.second) + 1; i <= size; i += i & (~i + 1))
                    ++tree[i];
                ++seen;
            }
        }
        return total;
    }

    void orderLayers()
    {
        const int L = int(m_layers.size());
        m_crossings = crossings();
        std::vector<std::vector<int>> best = m_layers;
        for (int sweep = 0; sweep < m_o.sweeps; ++sweep) {
            for (int l = 1; l < L; ++l)
                sortByBarycentre(l, m_up);
            for (int l = L - 2; l >= 0; --l)
                sortByBarycentre(l, m_down);
            const long long c = crossings();
            // Barycentres can make things worse on some graphs: keep the best order seen.
            if (c < m_crossings) {
                m_crossings = c;
                best = m_layers;
            }
        }
        m_layers = std::move(best);
        for (int l = 0; l < L; ++l)
            pack(l);
    }

    // Each node moves towards the mean x of its neighbours; the order within a
    // layer and the gaps are kept by averaging a left-to-right and a
    // right-to-left placement (both feasible, so their mean is too).
    void placeLayer(int layer, bool useUp, bool useDown)
    {
        const std::vector<int> &nodes = m_layers[std::size_t(layer)];
        const std::size_t n = nodes.size();
        if (n == 0)
            return;
        std::vector<double> want(n), left(n), right(n);
        for (std::size_t i = 0; i < n; ++i) {
            const int v = nodes[i];
            double sum = 0;
            int count = 0;
            for (const Rows *rows : {useUp ? &m_up : nullptr, useDown ? &m_down : nullptr}) {
                if (!rows)
                    continue;
                for (int k = rows->begin(v); k < rows->end(v); ++k, ++count)
                    sum += m_x[std::size_t(rows->items[std::size_t(k)])];
            }
            want[i] = count ? sum / count : m_x[std::size_t(v)];
        }
        auto gap = [&](std::size_t i) {
            return (m_w[std::size_t(nodes[i - 1])] + m_w[std::size_t(nodes[i])]) / 2 + m_o.nodeGap;
        };
        left[0] = want[0];
        for (std::size_t i = 1; i < n; ++i)
            left[i] = std::max(want[i], left[i - 1] + gap(i));
        right[n - 1] = want[n - 1];
        for (std::size_t i = n - 1; i > 0; --i)
            right[i - 1] = std::min(want[i - 1], right[i] - gap(i));
        for (std::size_t i = 0; i < n; ++i)
            m_x[std::size_t(nodes[i])] = (left[i] + right[i]) / 2;
    }

    void placeX()
    {
        const int L = int(m_layers.size());
        for (int round = 0; round < 2; ++round) {
            for (int l = 1; l < L; ++l)
                placeLayer(l, true, false);
            for (int l = L - 2; l >= 0; --l)
                placeLayer(l, false, true);
        }
        for (int l = 0; l < L; ++l)
            placeLayer(l, true, true);
    }

    GraphLayout result()
    {
        GraphLayout g;
        g.layers = int(m_layers.size());
        g.adjacentCrossings = m_crossings;
        const double margin = 10;
        double minX = 0, maxX = 0;
        bool first = true;
        for (int v = 0; v < m_n; ++v) {
            const double l = m_x[std::size_t(v)] - m_w[std::size_t(v)] / 2,
                         r = m_x[std::size_t(v)] + m_w[std::size_t(v)] / 2;
            minX = first ? l : std::min(minX, l);
            maxX = first ? r : std::max(maxX, r);
            first = false;
        }
        std::vector<double> layerY(m_layers.size());
        double y = margin;
        for (std::size_t l = 0; l < m_layers.size(); ++l) {
            double h = 0;
            for (int v : m_layers[l])
                h = std::max(h, m_h[std::size_t(v)]);
            layerY[l] = y + h / 2;
            y += h + m_o.layerGap;
        }
        g.width = m_n ? maxX - minX + 2 * margin : 0;
        g.height = m_n ? y - m_o.layerGap + margin : 0;
        g.nodes.reserve(std::size_t(m_n));
        for (int v = 0; v < m_n; ++v) {
            LayoutNode n;
            n.id = m_s.nodes[std::size_t(v)].id;
            n.layer = m_layer[std::size_t(v)];
            n.order = m_order[std::size_t(v)];
            n.x = m_x[std::size_t(v)] - minX + margin;
            n.y = layerY[std::size_t(n.layer)];
            n.width = m_w[std::size_t(v)];
            n.height = m_h[std::size_t(v)];
            n.lines = std::move(m_lines[std::size_t(v)]);
            g.nodes.push_back(std::move(n));
        }
        g.lineHeight = m_o.lineHeight;
        g.byId.reserve(g.nodes.size());
        for (std::size_t i = 0; i < g.nodes.size(); ++i)
            g.byId.emplace_back(g.nodes[i].id, i);
        std::sort(g.byId.begin(), g.byId.end());
        g.edges.reserve(m_edges.size());
        for (const auto &[a, b] : m_edges) {
            const LayoutNode &from = g.nodes[std::size_t(a)], &to = g.nodes[std::size_t(b)];
            g.edges.push_back(
                {from.id, to.id, QPointF(from.x, from.y + from.height / 2), QPointF(to.x, to.y - to.height / 2)});
        }
        return g;
    }

    const Snapshot &m_s;
    const LayoutOptions &m_o;
    const int m_n;
    Rows m_down, m_up;
    std::vector<std::pair<int, int>> m_edges;
    std::vector<int> m_layer, m_order;
    std::vector<std::vector<int>> m_layers;
    std::vector<double> m_x, m_pos, m_w, m_h, m_key;
    std::vector<QStringList> m_lines;
    long long m_crossings = 0;
};

QString num(double v)
{
    return QString::number(v, 'f', 1);
}

} // namespace

const LayoutNode *GraphLayout::node(Id id) const
{
    const auto it = std::lower_bound(byId.begin(), byId.end(), id,
                                     [](const std::pair<Id, std::size_t> &p, Id v) { return p.first < v; });
    return it != byId.end() && it->first == id ? &nodes[it->second] : nullptr;
}

GraphLayout layeredLayout(const Snapshot &workshop, const LayoutOptions &options)
{
    return Layouter(workshop, options).run();
}

QByteArray layoutToSvg(const Snapshot &s, const Analysis &a, const GraphLayout &layout)
{
    QHash<Id, const CauseReach *> reach;
    reach.reserve(qsizetype(a.causes.size()));
    for (const CauseReach &r : a.causes)
        reach.insert(r.cause, &r);
    QHash<Id, const Node *> nodes;
    nodes.reserve(qsizetype(s.nodes.size()));
    for (const Node &n : s.nodes)
        nodes.insert(n.id, &n);

    QByteArray bytes;
    bytes.reserve(qsizetype(layout.nodes.size() * 400 + layout.edges.size() * 80));
    QXmlStreamWriter w(&bytes);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("svg"));
    w.writeDefaultNamespace(QStringLiteral("http://www.w3.org/2000/svg"));
    w.writeAttribute(QStringLiteral("width"), num(layout.width));
    w.writeAttribute(QStringLiteral("height"), num(layout.height));
    w.writeAttribute(QStringLiteral("viewBox"), QStringLiteral("0 0 %1 %2").arg(num(layout.width), num(layout.height)));
    w.writeAttribute(QStringLiteral("font-family"), QStringLiteral("Helvetica, Arial, sans-serif"));
    w.writeAttribute(QStringLiteral("font-size"), QStringLiteral("11"));

    w.writeStartElement(QStringLiteral("defs"));
    w.writeStartElement(QStringLiteral("marker"));
    w.writeAttribute(QStringLiteral("id"), QStringLiteral("arrow"));
    w.writeAttribute(QStringLiteral("viewBox"), QStringLiteral("0 0 10 10"));
    w.writeAttribute(QStringLiteral("refX"), QStringLiteral("10"));
    w.writeAttribute(QStringLiteral("refY"), QStringLiteral("5"));
    w.writeAttribute(QStringLiteral("markerWidth"), QStringLiteral("7"));
    w.writeAttribute(QStringLiteral("markerHeight"), QStringLiteral("7"));
    w.writeAttribute(QStringLiteral("orient"), QStringLiteral("auto"));
    w.writeEmptyElement(QStringLiteral("path"));
    w.writeAttribute(QStringLiteral("d"), QStringLiteral("M0,0 L10,5 L0,10 z"));
    w.writeAttribute(QStringLiteral("fill"), QStringLiteral("#555555"));
    w.writeEndElement(); // marker
    w.writeEndElement(); // defs

    // Edges first, so the nodes are drawn over them.
    w.writeStartElement(QStringLiteral("g"));
    w.writeAttribute(QStringLiteral("class"), QStringLiteral("edges"));
    w.writeAttribute(QStringLiteral("stroke"), QStringLiteral("#555555"));
    w.writeAttribute(QStringLiteral("stroke-width"), QStringLiteral("1"));
    w.writeAttribute(QStringLiteral("marker-end"), QStringLiteral("url(#arrow)"));
    for (const LayoutEdge &e : layout.edges) {
        w.writeEmptyElement(QStringLiteral("line"));
        w.writeAttribute(QStringLiteral("x1"), num(e.start.x()));
        w.writeAttribute(QStringLiteral("y1"), num(e.start.y()));
        w.writeAttribute(QStringLiteral("x2"), num(e.end.x()));
        w.writeAttribute(QStringLiteral("y2"), num(e.end.y()));
    }
    w.writeEndElement();

    for (const LayoutNode &n : layout.nodes) {
        const Node *node = nodes.value(n.id);
        const bool istatement = node && node->kind == ItemKind::IStatement;
        const CauseReach *r = reach.value(n.id);
        const bool root = r && r->root;
        w.writeStartElement(QStringLiteral("g"));
        w.writeAttribute(QStringLiteral("class"), QStringLiteral("node"));
        w.writeAttribute(QStringLiteral("id"), QStringLiteral("n%1").arg(n.id));
        // Same title convention as the Graphviz SVG (n<ID>), so readers of one read the other.
        w.writeTextElement(QStringLiteral("title"), QStringLiteral("n%1").arg(n.id));
        if (istatement) {
            w.writeEmptyElement(QStringLiteral("rect"));
            w.writeAttribute(QStringLiteral("x"), num(n.x - n.width / 2));
            w.writeAttribute(QStringLiteral("y"), num(n.y - n.height / 2));
            w.writeAttribute(QStringLiteral("width"), num(n.width));
            w.writeAttribute(QStringLiteral("height"), num(n.height));
            w.writeAttribute(QStringLiteral("rx"), QStringLiteral("6"));
            w.writeAttribute(QStringLiteral("fill"), QStringLiteral("#dbe9f6"));
            w.writeAttribute(QStringLiteral("stroke"), QStringLiteral("#000000"));
        } else {
            auto ellipse = [&](double grow, const QString &fill) {
                w.writeEmptyElement(QStringLiteral("ellipse"));
                w.writeAttribute(QStringLiteral("cx"), num(n.x));
                w.writeAttribute(QStringLiteral("cy"), num(n.y));
                w.writeAttribute(QStringLiteral("rx"), num(n.width / 2 + grow));
                w.writeAttribute(QStringLiteral("ry"), num(n.height / 2 + grow));
                w.writeAttribute(QStringLiteral("fill"), fill);
                w.writeAttribute(QStringLiteral("stroke"), QStringLiteral("#000000"));
            };
            if (root)
                ellipse(0, QStringLiteral("#f7d9c4"));
            ellipse(root ? -3 : 0, root ? QStringLiteral("#f7d9c4") : QStringLiteral("#f2f2f2"));
        }
        // The first line positioned on <text> itself and the others as <tspan dy>:
        // browsers break the lines; Qt's SVG Tiny renderer ignores tspan
        // positions but still shows the text (on one line) this way.
        w.writeStartElement(QStringLiteral("text"));
        w.writeAttribute(QStringLiteral("x"), num(n.x));
        w.writeAttribute(QStringLiteral("y"), num(n.y - layout.lineHeight * double(n.lines.size() - 1) / 2 + 4));
        w.writeAttribute(QStringLiteral("text-anchor"), QStringLiteral("middle"));
        for (qsizetype i = 0; i < n.lines.size(); ++i) {
            // The space between lines ends the previous line (Qt drops a leading one).
            const QString text = i + 1 < n.lines.size() ? n.lines[i] + QLatin1Char(' ') : n.lines[i];
            if (i == 0) {
                w.writeCharacters(text);
                continue;
            }
            w.writeStartElement(QStringLiteral("tspan"));
            w.writeAttribute(QStringLiteral("x"), num(n.x));
            w.writeAttribute(QStringLiteral("dy"), num(layout.lineHeight));
            w.writeCharacters(text);
            w.writeEndElement();
        }
        w.writeEndElement(); // text
        w.writeEndElement(); // g
    }
    w.writeEndElement(); // svg
    w.writeEndDocument();
    return bytes;
}

QByteArray graphSvg(const Snapshot &workshop, const Analysis &analysis, SvgEngine *used)
{
    const bool graphviz = graphvizAvailable() && workshop.nodes.size() <= GraphvizMaxNodes;
    if (used)
        *used = graphviz ? SvgEngine::Graphviz : SvgEngine::Quire;
    if (graphviz)
        return layoutSvg(graphToDot(workshop, analysis));
    return layoutToSvg(workshop, analysis, layeredLayout(workshop));
}

} // namespace Quire::Wtfc
