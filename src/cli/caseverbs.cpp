// SPDX-License-Identifier: GPL-3.0-or-later
// The case verbs of quire-cli and the definition of attributes (of cases and documents).
#include "caseverbs.h"

#include "args.h"
#include "output.h"

#include "error.h"
#include "model/project.h"

#include <map>
#include <vector>

namespace Quire::Cli {

namespace {

AttributeType parseType(const QString &t)
{
    static const std::map<QString, AttributeType> types{{QStringLiteral("text"), AttributeType::Text},
                                                        {QStringLiteral("number"), AttributeType::Number},
                                                        {QStringLiteral("date"), AttributeType::Date},
                                                        {QStringLiteral("boolean"), AttributeType::Boolean},
                                                        {QStringLiteral("choice"), AttributeType::Choice}};
    auto it = types.find(t);
    if (it == types.end())
        throw Error(QStringLiteral("attribute type \"%1\" is not one of text, number, date, boolean, choice").arg(t));
    return it->second;
}

} // namespace

int cmdCaseAdd(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("case add");
    Args a(words, verb);
    a.expectAtMost(2);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const QString name = a.at(1, QStringLiteral("case NAME"));
    std::vector<Id> docs;
    for (const auto &d : a.values(QStringLiteral("document")))
        docs.push_back(p->findDocument(d).id);
    QList<std::pair<QString, QString>> attrs;
    for (const auto &kv : a.values(QStringLiteral("attr")))
        attrs.append(Cli::parseKeyValue(kv));
    Id id = 0;
    p->batch(QStringLiteral("case.add"), QStringLiteral("Add case %1").arg(name), [&] {
        id = p->addCase(name, a.has(QStringLiteral("kind")) ? a.value(QStringLiteral("kind"))
                                                            : QStringLiteral("participant"));
        for (Id d : docs)
            p->linkCaseDocument(id, d);
        for (const auto &[k, v] : attrs)
            p->setAttribute(AttributeScope::Case, id, k, v);
    });
    report(context, QStringLiteral("Added case %1").arg(name), {{QStringLiteral("id"), id}});
    return 0;
}

int cmdCaseAttr(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("case attr");
    Args a(words, verb);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const Case c = p->findCase(a.at(1, QStringLiteral("case NAME")));
    const QStringList kvs = a.positional().mid(2);
    if (kvs.isEmpty())
        throw Error(QStringLiteral("%1: give at least one KEY=VALUE").arg(verb));
    QList<std::pair<QString, QString>> attrs;
    for (const auto &kv : kvs)
        attrs.append(Cli::parseKeyValue(kv));
    p->batch(QStringLiteral("attribute.set"), QStringLiteral("Set attributes of %1").arg(c.name), [&] {
        for (const auto &[k, v] : attrs)
            p->setAttribute(AttributeScope::Case, c.id, k, v);
    });
    report(context, QStringLiteral("Set %1 attribute(s) of %2").arg(attrs.size()).arg(c.name));
    return 0;
}

int cmdCaseLink(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("case link");
    Args a(words, verb);
    a.expectAtMost(3);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const Case c = p->findCase(a.at(1, QStringLiteral("case NAME")));
    const Document d = p->findDocument(a.at(2, QStringLiteral("DOCUMENT")));
    p->linkCaseDocument(c.id, d.id);
    report(context, QStringLiteral("Linked %1 to %2").arg(c.name, d.name));
    return 0;
}

int cmdAttributeDefine(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("attribute define");
    Args a(words, verb);
    a.expectAtMost(2);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const QString scope = a.has(QStringLiteral("scope")) ? a.value(QStringLiteral("scope")) : QStringLiteral("case");
    if (scope != QLatin1String("case") && scope != QLatin1String("document"))
        throw Error(QStringLiteral("%1: --scope is case or document, not \"%2\"").arg(verb, scope));
    const AttributeType type =
        parseType(a.has(QStringLiteral("type")) ? a.value(QStringLiteral("type")) : QStringLiteral("text"));
    QStringList choices;
    for (const auto &c : a.value(QStringLiteral("choices")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        choices << c.trimmed();
    const QString name = a.at(1, QStringLiteral("attribute NAME"));
    p->defineAttribute(scope == QLatin1String("case") ? AttributeScope::Case : AttributeScope::Document, name, type,
                       choices);
    report(context, QStringLiteral("Defined %1 attribute %2 (%3)").arg(scope, name, toString(type)));
    return 0;
}

} // namespace Quire::Cli
