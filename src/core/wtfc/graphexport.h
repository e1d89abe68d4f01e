// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "io/graphviz.h"
#include "wtfc/analysis.h"

#include <QByteArray>
#include <QString>

namespace Quire::Wtfc {

/// The root-cause graph in Graphviz DOT: I statements as boxes, causes as
/// ellipses, root causes doubled; an edge "A -> B" reads "A is caused by B".
/// Node names are n<ID>. Works without Graphviz installed. Graphs of more than
/// 150 nodes get straight edges and a bounded crossing-minimisation effort, so
/// that laying them out stays within seconds rather than minutes.
QUIRECORE_EXPORT QByteArray graphToDot(const Snapshot &workshop, const Analysis &analysis);
/// The same graph as GraphML (XML): node data kind, label, root, reach (people).
QUIRECORE_EXPORT QByteArray graphToGraphml(const Snapshot &workshop, const Analysis &analysis);

/// Whether this build can lay graphs out (io/graphviz.h).
using Quire::graphvizAvailable;
/// Lays DOT out with Graphviz "dot" (layered, io/graphviz.h) and renders it
/// as SVG. Throws Quire::Error if Graphviz is missing or rejects the graph.
QUIRECORE_EXPORT QByteArray layoutSvg(const QByteArray &dot);

} // namespace Quire::Wtfc
