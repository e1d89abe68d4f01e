// SPDX-License-Identifier: GPL-3.0-or-later
// The command log from quire-cli: undo, redo and the history.
#include "historyverbs.h"

#include "args.h"
#include "output.h"

#include "error.h"
#include "model/project.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Quire::Cli {

namespace {

int undoOrRedo(const Context &context, const QStringList &words, bool undo)
{
    const QString verb = undo ? QStringLiteral("undo") : QStringLiteral("redo");
    Args a(words, verb);
    a.expectAtMost(1);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const int steps = a.has(QStringLiteral("steps")) ? a.value(QStringLiteral("steps")).toInt() : 1;
    if (steps < 1)
        throw Error(QStringLiteral("%1: --steps takes a number from 1").arg(verb));
    QStringList done;
    for (int i = 0; i < steps; ++i)
        done << (undo ? p->undo() : p->redo());
    QStringList lines;
    for (const auto &s : done)
        lines << (undo ? QStringLiteral("Undid: ") : QStringLiteral("Redid: ")) + s;
    report(context, lines.join(QLatin1Char('\n')), {{QStringLiteral("commands"), QJsonArray::fromStringList(done)}});
    return 0;
}

} // namespace

int cmdUndo(const Context &context, const QStringList &words)
{
    return undoOrRedo(context, words, true);
}

int cmdRedo(const Context &context, const QStringList &words)
{
    return undoOrRedo(context, words, false);
}

int cmdHistory(const Context &context, const QStringList &words)
{
    Args a(words, QStringLiteral("history"));
    a.expectAtMost(1);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    QJsonArray out;
    QString text;
    for (const auto &c : p->history()) {
        out.append(QJsonObject{{QStringLiteral("id"), c.id},
                               {QStringLiteral("kind"), c.kind},
                               {QStringLiteral("summary"), c.summary},
                               {QStringLiteral("coder"), c.coder},
                               {QStringLiteral("created"), c.created},
                               {QStringLiteral("state"), c.state}});
        text += QStringLiteral("%1\t%2\t%3\t%4\t%5\n").arg(c.id).arg(c.created, c.coder, c.state, c.summary);
    }
    printResult(context, out, text);
    return 0;
}

} // namespace Quire::Cli
