// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/graphml.h"

#include <QXmlStreamWriter>

namespace Quire {

QByteArray toGraphml(const Graphml &graph)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("graphml"));
    w.writeDefaultNamespace(QStringLiteral("http://graphml.graphdrawing.org/xmlns"));
    for (const Graphml::Key &key : graph.keys) {
        w.writeStartElement(QStringLiteral("key"));
        w.writeAttribute(QStringLiteral("id"), key.id);
        w.writeAttribute(QStringLiteral("for"), key.domain);
        w.writeAttribute(QStringLiteral("attr.name"), key.name);
        w.writeAttribute(QStringLiteral("attr.type"), key.type);
        w.writeEndElement();
    }
    w.writeStartElement(QStringLiteral("graph"));
    w.writeAttribute(QStringLiteral("id"), graph.id);
    w.writeAttribute(QStringLiteral("edgedefault"),
                     graph.directed ? QStringLiteral("directed") : QStringLiteral("undirected"));
    const auto data = [&w](const Graphml::Data &values) {
        for (const auto &[key, value] : values) {
            w.writeStartElement(QStringLiteral("data"));
            w.writeAttribute(QStringLiteral("key"), key);
            w.writeCharacters(value);
            w.writeEndElement();
        }
    };
    for (const Graphml::Node &node : graph.nodes) {
        w.writeStartElement(QStringLiteral("node"));
        w.writeAttribute(QStringLiteral("id"), node.id);
        data(node.data);
        w.writeEndElement();
    }
    for (const Graphml::Edge &edge : graph.edges) {
        w.writeStartElement(QStringLiteral("edge"));
        if (!edge.id.isEmpty())
            w.writeAttribute(QStringLiteral("id"), edge.id);
        w.writeAttribute(QStringLiteral("source"), edge.source);
        w.writeAttribute(QStringLiteral("target"), edge.target);
        data(edge.data);
        w.writeEndElement();
    }
    w.writeEndElement(); // graph
    w.writeEndElement(); // graphml
    w.writeEndDocument();
    return out;
}

} // namespace Quire
