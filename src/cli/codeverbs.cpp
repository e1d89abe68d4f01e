// SPDX-License-Identifier: GPL-3.0-or-later
// The code verbs of quire-cli: the codebook, one command (one undo step) each.
#include "codeverbs.h"

#include "args.h"
#include "output.h"

#include "error.h"
#include "model/project.h"

#include <optional>

namespace Quire::Cli {

int cmdCodeAdd(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("code add");
    Args a(words, verb);
    a.expectAtMost(2);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const Id id = p->addCode(a.at(1, QStringLiteral("code PATH")), a.value(QStringLiteral("color")),
                             a.value(QStringLiteral("description")));
    report(context, QStringLiteral("Added code %1").arg(p->codePath(id)), {{QStringLiteral("id"), id}});
    return 0;
}

int cmdCodeRename(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("code rename");
    Args a(words, verb);
    a.expectAtMost(3);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    p->renameCode(a.at(1, QStringLiteral("code PATH")), a.at(2, QStringLiteral("NEW-NAME")));
    report(context, QStringLiteral("Renamed %1 to %2").arg(a.at(1, {}), a.at(2, {})));
    return 0;
}

int cmdCodeMove(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("code move");
    Args a(words, verb);
    a.expectAtMost(2);
    if (!a.has(QStringLiteral("to")))
        throw Error(QStringLiteral("%1: say where with --to PARENT (or --to / for the top level)").arg(verb));
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    p->moveCode(a.at(1, QStringLiteral("code PATH")), a.value(QStringLiteral("to")));
    report(context, QStringLiteral("Moved %1 to %2").arg(a.at(1, {}), a.value(QStringLiteral("to"))));
    return 0;
}

int cmdCodeLink(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("code link");
    Args a(words, verb);
    a.expectAtMost(2);
    if (!a.has(QStringLiteral("parent")))
        throw Error(QStringLiteral("%1: name the further parent with --parent PATH").arg(verb));
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    p->linkCode(a.at(1, QStringLiteral("code PATH")), a.value(QStringLiteral("parent")));
    report(context, QStringLiteral("%1 is now also under %2").arg(a.at(1, {}), a.value(QStringLiteral("parent"))));
    return 0;
}

int cmdCodeUnlink(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("code unlink");
    Args a(words, verb);
    a.expectAtMost(2);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    p->unlinkCode(a.at(1, QStringLiteral("code PATH")));
    report(context, QStringLiteral("Removed %1 from that parent").arg(a.at(1, {})));
    return 0;
}

int cmdCodeMerge(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("code merge");
    Args a(words, verb);
    a.expectAtMost(2);
    if (!a.has(QStringLiteral("into")))
        throw Error(QStringLiteral("%1: name the code to merge into with --into PATH").arg(verb));
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    p->mergeCode(a.at(1, QStringLiteral("code PATH")), a.value(QStringLiteral("into")));
    report(context, QStringLiteral("Merged %1 into %2").arg(a.at(1, {}), a.value(QStringLiteral("into"))));
    return 0;
}

int cmdCodeDelete(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("code delete");
    Args a(words, verb);
    a.expectAtMost(2);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    p->deleteCode(a.at(1, QStringLiteral("code PATH")), a.has(QStringLiteral("force")));
    report(context, QStringLiteral("Deleted %1 (undo brings it back)").arg(a.at(1, {})));
    return 0;
}

int cmdCodeDescribe(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("code describe");
    Args a(words, verb);
    a.expectAtMost(3);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    std::optional<QString> description, color;
    if (a.has(QStringLiteral("description")))
        description = a.value(QStringLiteral("description"));
    else if (a.positional().size() > 2)
        description = a.positional()[2];
    if (a.has(QStringLiteral("color")))
        color = a.value(QStringLiteral("color"));
    if (!description && !color)
        throw Error(QStringLiteral("%1: give a description (text or --description) and/or --color").arg(verb));
    p->describeCode(a.at(1, QStringLiteral("code PATH")), description, color);
    report(context, QStringLiteral("Described %1").arg(a.at(1, {})));
    return 0;
}

} // namespace Quire::Cli
