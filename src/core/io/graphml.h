// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QByteArray>
#include <QString>
#include <utility>
#include <vector>

namespace Quire {

/// A graph as GraphML (http://graphml.graphdrawing.org) holds it: declared
/// data keys, nodes and edges that carry values for those keys. Every graph
/// export (the code graph, the root-cause graph) is written by toGraphml.
struct Graphml
{
    struct Key
    {
        QString id;
        QString domain; ///< "node" or "edge"
        QString name;   ///< attr.name
        QString type;   ///< attr.type: "string", "int", "long", "double", "boolean"
    };
    /// Key id and value, in the order written.
    using Data = std::vector<std::pair<QString, QString>>;
    struct Node
    {
        QString id;
        Data data;
    };
    struct Edge
    {
        QString id; ///< empty: the edge has no id attribute
        QString source;
        QString target;
        Data data;
    };
    QString id;
    bool directed = false;
    std::vector<Key> keys;
    std::vector<Node> nodes;
    std::vector<Edge> edges;
};

/// The graph as an indented GraphML document (UTF-8, XML declaration).
QUIRECORE_EXPORT QByteArray toGraphml(const Graphml &graph);

} // namespace Quire
