// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "wtfc/analysis.h"

#include <QByteArray>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <vector>

namespace Quire::Wtfc {

/// Sizes for Quire's own layered layout (pixels). Node widths come from the
/// label length at a fixed character width, so no font metrics are needed and
/// the result is the same on every machine.
struct LayoutOptions
{
    double charWidth = 7.0;
    double lineHeight = 14.0;
    double paddingX = 14.0; ///< left + right, inside a node
    double paddingY = 12.0; ///< top + bottom, inside a node
    double nodeGap = 18.0;  ///< between neighbours in a layer
    double layerGap = 60.0; ///< between the bottom of one layer and the top of the next
    int wrapWidth = 28;     ///< label characters per line
    int sweeps = 4;         ///< barycentric ordering rounds (each one down and one up)
};

struct LayoutNode
{
    Id id = 0;
    int layer = 0; ///< longest path, in edges, from a node nothing points at (the I statements)
    int order = 0; ///< position within the layer, 0 = leftmost
    double x = 0;  ///< centre
    double y = 0;  ///< centre
    double width = 0;
    double height = 0;
    QStringList lines; ///< the label, wrapped
};

struct LayoutEdge
{
    Id from = 0;
    Id to = 0;
    /// Straight line from the bottom centre of `from` to the top centre of `to`.
    QPointF start, end;
};

/// A layered drawing of the root-cause graph: I statements on top, each cause
/// below everything that points at it, root causes towards the bottom.
struct QUIRECORE_EXPORT GraphLayout
{
    std::vector<LayoutNode> nodes; ///< in snapshot order
    std::vector<LayoutEdge> edges; ///< in snapshot order
    int layers = 0;
    double width = 0;  ///< drawing spans x in [0, width]
    double height = 0; ///< and y in [0, height]
    /// Edge crossings between consecutive layers (edges spanning one layer only), for tests and the benchmark.
    long long adjacentCrossings = 0;
    double lineHeight = 14.0; ///< of the label lines, for drawing them

    /// The node with this id, or nullptr (binary search).
    const LayoutNode *node(Id id) const;
    std::vector<std::pair<Id, std::size_t>> byId; ///< (id, index into nodes), sorted by id
};

/// Sugiyama-style layered layout, in O(V + E) per sweep plus a sort per layer:
/// layer = longest-path depth from the nodes nothing points at; barycentric
/// ordering sweeps (down, then up) to reduce crossings; coordinates that pull
/// each node towards its neighbours without overlapping in its layer; straight
/// edges. Deterministic: ties are broken by the previous order, then by id.
/// Throws Quire::Error if the graph has a cycle or an edge to a missing node.
QUIRECORE_EXPORT GraphLayout layeredLayout(const Snapshot &workshop, const LayoutOptions &options = {});

/// The layout as a standalone SVG (valid XML, viewBox, labels escaped): one
/// `<g class="node" id="n<ID>">` per node holding a `<title>` and one `<text>`,
/// I statements as rounded boxes, causes as ellipses, root causes doubled.
QUIRECORE_EXPORT QByteArray layoutToSvg(const Snapshot &workshop, const Analysis &analysis, const GraphLayout &layout);

/// Which layout graphSvg() used.
enum class SvgEngine { Graphviz, Quire };

/// Graphs of at most this many nodes are laid out by Graphviz "dot" (spline
/// edges, better crossing minimisation); larger ones by layeredLayout(), which
/// stays well under a second at 10,000 nodes where dot takes minutes.
inline constexpr std::size_t GraphvizMaxNodes = 150;

/// The root-cause graph as SVG: Graphviz for graphs of at most GraphvizMaxNodes
/// nodes when this build has it, Quire's layered layout otherwise (docs/wtfc.md).
QUIRECORE_EXPORT QByteArray graphSvg(const Snapshot &workshop, const Analysis &analysis, SvgEngine *used = nullptr);

} // namespace Quire::Wtfc
