// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QByteArray>
#include <QString>

namespace Quire {

/// Whether this build can lay graphs out (Graphviz was found at build time).
QUIRECORE_EXPORT bool graphvizAvailable();

/// Lays a graph in DOT out with the Graphviz layout `engine` ("dot" layered,
/// "neato" spring model) and renders it in `format` ("svg", "png"). `what`
/// names the graph in errors ("the code graph"). Graphviz keeps global state
/// (error level, plugin registry), so one graph is laid out at a time, from
/// any thread. Throws Error when this build has no Graphviz or Graphviz
/// cannot read, lay out or render the graph.
QUIRECORE_EXPORT QByteArray renderDot(const QByteArray &dot, const char *engine, const char *format,
                                      const QString &what);

} // namespace Quire
