// SPDX-License-Identifier: GPL-3.0-or-later
// The memo verbs of quire-cli.
#include "memoverbs.h"

#include "args.h"
#include "output.h"

#include "error.h"
#include "model/project.h"

#include <optional>

namespace Quire::Cli {

int cmdMemoAdd(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("memo add");
    Args a(words, verb);
    a.expectAtMost(2);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const QString text = a.at(1, QStringLiteral("memo TEXT"));
    QString kind = QStringLiteral("project");
    std::optional<Id> target;
    int targets = a.has(QStringLiteral("project")) ? 1 : 0;
    if (a.has(QStringLiteral("document"))) {
        kind = QStringLiteral("document");
        target = p->findDocument(a.value(QStringLiteral("document"))).id;
        ++targets;
    }
    if (a.has(QStringLiteral("code"))) {
        kind = QStringLiteral("code");
        target = p->resolveCode(a.value(QStringLiteral("code")));
        ++targets;
    }
    if (a.has(QStringLiteral("segment"))) {
        kind = QStringLiteral("segment");
        target = a.value(QStringLiteral("segment")).toLongLong();
        ++targets;
    }
    if (a.has(QStringLiteral("case"))) {
        kind = QStringLiteral("case");
        target = p->findCase(a.value(QStringLiteral("case"))).id;
        ++targets;
    }
    if (targets > 1)
        throw Error(
            QStringLiteral(
                "%1: a memo belongs to one thing: give only one of --project, --document, --code, --segment, --case")
                .arg(verb));
    const Id id = p->addMemo(kind, target, text, a.value(QStringLiteral("title")));
    report(context, QStringLiteral("Added %1 memo %2").arg(kind).arg(id), {{QStringLiteral("id"), id}});
    return 0;
}

int cmdMemoEdit(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("memo edit");
    Args a(words, verb);
    a.expectAtMost(3);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const Id id = a.at(1, QStringLiteral("MEMO-ID")).toLongLong();
    p->editMemo(id, a.at(2, QStringLiteral("TEXT")));
    report(context, QStringLiteral("Memo %1 saved").arg(id));
    return 0;
}

int cmdMemoDelete(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("memo delete");
    Args a(words, verb);
    a.expectAtMost(2);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const Id id = a.at(1, QStringLiteral("MEMO-ID")).toLongLong();
    p->deleteMemo(id);
    report(context, QStringLiteral("Memo %1 deleted").arg(id));
    return 0;
}

} // namespace Quire::Cli
