// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/graphviz.h"

#include "error.h"

#ifdef QUIRE_HAVE_GRAPHVIZ
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <mutex>
#endif

namespace Quire {

bool graphvizAvailable()
{
#ifdef QUIRE_HAVE_GRAPHVIZ
    return true;
#else
    return false;
#endif
}

QByteArray renderDot(const QByteArray &dot, const char *engine, const char *format, const QString &what)
{
    const QString formatName = QString::fromLatin1(format);
#ifdef QUIRE_HAVE_GRAPHVIZ
    static std::mutex lock;
    const std::lock_guard<std::mutex> guard(lock);
    agseterr(AGMAX); // no warnings on stderr; failures are reported below
    // One context for the whole run, made on first use and never freed: freeing a context
    // frees the text-measuring plugin's font cache, which the next context's layout still
    // reads (a use after free in Graphviz 2.42, Debian 12, seen under valgrind). Every
    // call holds the lock, so the one context is never used by two threads at once.
    static GVC_t *gvc = gvContext();
    if (!gvc)
        throw Error(QStringLiteral("Graphviz could not start to lay out %1 (gvContext failed)").arg(what));
    Agraph_t *g = agmemread(dot.constData());
    if (!g)
        throw Error(QStringLiteral("Graphviz could not read %1 (%2)").arg(what, QString::fromUtf8(aglasterr())));
    struct Graph
    {
        Agraph_t *g;
        ~Graph() { agclose(g); }
    } graph{g};
    if (gvLayout(gvc, g, engine) != 0)
        throw Error(QStringLiteral("Graphviz could not lay out %1 (is the \"%2\" layout plugin installed?)")
                        .arg(what, QString::fromLatin1(engine)));
    char *data = nullptr;
    unsigned int length = 0;
    const int rc = gvRenderData(gvc, g, format, &data, &length);
    QByteArray bytes = rc == 0 && data ? QByteArray(data, qsizetype(length)) : QByteArray();
    if (data)
        gvFreeRenderData(data);
    gvFreeLayout(gvc, g);
    if (bytes.isEmpty())
        throw Error(QStringLiteral("Graphviz could not render %1 as %2").arg(what, formatName.toUpper()));
    return bytes;
#else
    Q_UNUSED(dot);
    Q_UNUSED(engine);
    throw Error(QStringLiteral("This build of Quire has no Graphviz, so it cannot lay out %1 or write .%2; export .dot "
                               "or .graphml instead, or install libgraphviz-dev and rebuild")
                    .arg(what, formatName));
#endif
}

} // namespace Quire
