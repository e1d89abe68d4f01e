// SPDX-License-Identifier: GPL-3.0-or-later
#include "wtfc/graphexport.h"

#include "error.h"
#include "io/graphml.h"

#include <QHash>

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
                out += QStringLiteral(", tooltip=%1")
                           .arg(dotString(QStringLiteral("%1 people, %2 I statements, %3 statements")
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
    Graphml g;
    g.id = QStringLiteral("wtfc");
    g.directed = true;
    g.keys = {{QStringLiteral("kind"), QStringLiteral("node"), QStringLiteral("kind"), QStringLiteral("string")},
              {QStringLiteral("label"), QStringLiteral("node"), QStringLiteral("label"), QStringLiteral("string")},
              {QStringLiteral("root"), QStringLiteral("node"), QStringLiteral("root"), QStringLiteral("boolean")},
              {QStringLiteral("people"), QStringLiteral("node"), QStringLiteral("people"), QStringLiteral("int")}};
    for (const Node &n : s.nodes) {
        Graphml::Node node{QStringLiteral("n%1").arg(n.id),
                           {{QStringLiteral("kind"), toString(n.kind)}, {QStringLiteral("label"), n.text}}};
        if (const CauseReach *r = reach.value(n.id)) {
            node.data.emplace_back(QStringLiteral("root"), r->root ? QStringLiteral("true") : QStringLiteral("false"));
            node.data.emplace_back(QStringLiteral("people"), QString::number(r->peopleCount));
        }
        g.nodes.push_back(std::move(node));
    }
    int i = 0;
    for (const Edge &e : s.edges)
        g.edges.push_back(
            {QStringLiteral("e%1").arg(i++), QStringLiteral("n%1").arg(e.from), QStringLiteral("n%1").arg(e.to), {}});
    return toGraphml(g);
}

QByteArray layoutSvg(const QByteArray &dot)
{
    return renderDot(dot, "dot", "svg", QStringLiteral("the root-cause graph"));
}

} // namespace Quire::Wtfc
