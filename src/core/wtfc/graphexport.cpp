// SPDX-License-Identifier: GPL-3.0-or-later
#include "wtfc/graphexport.h"

#include "error.h"

#include <QHash>
#include <QXmlStreamWriter>


namespace Quire::Wtfc {

namespace {

// DOT string escaping: quotes and backslashes; line breaks become \n.
QString dotString(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : s) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c != QLatin1Char('\r'))
            out += c;
    }
    out += QLatin1Char('"');
    return out;
}

// Long labels are wrapped at word boundaries so the layered layout stays readable.
QString wrapped(const QString &text, int width = 28)
{
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString out, line;
    for (const QString &w : words) {
        if (!line.isEmpty() && line.size() + 1 + w.size() > width) {
            out += line + QLatin1Char('\n');
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + w;
    }
    return out + line;
}

constexpr std::size_t LargeGraphNodes = 150;

} // namespace

QByteArray graphToDot(const Snapshot &s, const Analysis &a)
{
    QHash<Id, const CauseReach *> reach;
    for (const CauseReach &r : a.causes)
        reach.insert(r.cause, &r);
    QString out;
    out += QStringLiteral("digraph wtfc {\n"
                          "  graph [rankdir=TB, nodesep=0.3, ranksep=0.5, fontname=\"Helvetica\"];\n"
                          "  node [fontname=\"Helvetica\", fontsize=10];\n"
                          "  edge [color=\"#555555\", arrowsize=0.7];\n");
    // Beyond workshop size, dot's crossing minimisation and spline routing grow
    // steeply (docs/benchmarks.md): straight edges and bounded effort instead.
    if (s.nodes.size() > LargeGraphNodes)
        out += QStringLiteral("  graph [splines=line, mclimit=0.2, nslimit=2, nslimit1=2, remincross=false];\n");
    for (const Node &n : s.nodes) {
        out += QStringLiteral("  n%1 [label=%2").arg(n.id).arg(dotString(wrapped(n.text)));
        if (n.kind == ItemKind::IStatement) {
            out += QStringLiteral(", shape=box, style=\"rounded,filled\", fillcolor=\"#dbe9f6\", kind=\"istatement\"");
        } else {
            const CauseReach *r = reach.value(n.id);
            const bool root = r && r->root;
            out += QStringLiteral(", shape=ellipse, style=filled, fillcolor=%1, kind=\"cause\"")
                       .arg(root ? QStringLiteral("\"#f7d9c4\", peripheries=2") : QStringLiteral("\"#f2f2f2\""));
            if (r)
                out += QStringLiteral(", tooltip=%1").arg(dotString(QStringLiteral("%1 people, %2 I statements, %3 statements")
                                                                         .arg(r->peopleCount)
                                                                         .arg(r->istatementCount)
                                                                         .arg(r->statementCount)));
        }
        out += QStringLiteral("];\n");
    }
    for (const Edge &e : s.edges)
        out += QStringLiteral("  n%1 -> n%2;\n").arg(e.from).arg(e.to);
    out += QStringLiteral("}\n");
    return out.toUtf8();
}

QByteArray graphToGraphml(const Snapshot &s, const Analysis &a)
{
    QHash<Id, const CauseReach *> reach;
    for (const CauseReach &r : a.causes)
        reach.insert(r.cause, &r);
    QByteArray bytes;
    QXmlStreamWriter w(&bytes);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("graphml"));
    w.writeDefaultNamespace(QStringLiteral("http://graphml.graphdrawing.org/xmlns"));
    auto key = [&](const QString &id, const QString &name, const QString &type) {
        w.writeStartElement(QStringLiteral("key"));
        w.writeAttribute(QStringLiteral("id"), id);
        w.writeAttribute(QStringLiteral("for"), QStringLiteral("node"));
        w.writeAttribute(QStringLiteral("attr.name"), name);
        w.writeAttribute(QStringLiteral("attr.type"), type);
        w.writeEndElement();
    };
    key(QStringLiteral("kind"), QStringLiteral("kind"), QStringLiteral("string"));
    key(QStringLiteral("label"), QStringLiteral("label"), QStringLiteral("string"));
    key(QStringLiteral("root"), QStringLiteral("root"), QStringLiteral("boolean"));
    key(QStringLiteral("people"), QStringLiteral("people"), QStringLiteral("int"));
    w.writeStartElement(QStringLiteral("graph"));
    w.writeAttribute(QStringLiteral("id"), QStringLiteral("wtfc"));
    w.writeAttribute(QStringLiteral("edgedefault"), QStringLiteral("directed"));
    auto data = [&](const QString &k, const QString &v) {
        w.writeStartElement(QStringLiteral("data"));
        w.writeAttribute(QStringLiteral("key"), k);
        w.writeCharacters(v);
        w.writeEndElement();
    };
    for (const Node &n : s.nodes) {
        w.writeStartElement(QStringLiteral("node"));
        w.writeAttribute(QStringLiteral("id"), QStringLiteral("n%1").arg(n.id));
        data(QStringLiteral("kind"), toString(n.kind));
        data(QStringLiteral("label"), n.text);
        if (const CauseReach *r = reach.value(n.id)) {
            data(QStringLiteral("root"), r->root ? QStringLiteral("true") : QStringLiteral("false"));
            data(QStringLiteral("people"), QString::number(r->peopleCount));
        }
        w.writeEndElement();
    }
    int i = 0;
    for (const Edge &e : s.edges) {
        w.writeStartElement(QStringLiteral("edge"));
        w.writeAttribute(QStringLiteral("id"), QStringLiteral("e%1").arg(i++));
        w.writeAttribute(QStringLiteral("source"), QStringLiteral("n%1").arg(e.from));
        w.writeAttribute(QStringLiteral("target"), QStringLiteral("n%1").arg(e.to));
        w.writeEndElement();
    }
    w.writeEndElement(); // graph
    w.writeEndElement(); // graphml
    w.writeEndDocument();
    return bytes;
}

QByteArray layoutSvg(const QByteArray &dot)
{
    return renderDot(dot, "dot", "svg", QStringLiteral("the root-cause graph"));
}

} // namespace Quire::Wtfc
