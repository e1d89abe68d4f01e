// SPDX-License-Identifier: GPL-3.0-or-later
// quire-cli list: one kind of thing in the project, as text or JSON.
#include "listverbs.h"

#include "args.h"
#include "output.h"

#include "documentverbs.h"
#include "error.h"
#include "model/project.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <map>
#include <optional>

namespace Quire::Cli {

namespace {

QJsonArray idArray(const std::vector<Id> &ids)
{
    QJsonArray a;
    for (Id id : ids)
        a.append(id);
    return a;
}

} // namespace

int cmdList(const Context &context, const QStringList &words)
{
    Args a(words, QStringLiteral("list"));
    a.expectAtMost(2);
    const QString what = a.at(0, QStringLiteral("what to list (documents, codes, cases, segments, attributes, memos)"));
    auto project = context.openProject(a.at(1, QStringLiteral("PROJECT")));
    QJsonArray out;
    QString text;
    if (what == QLatin1String("documents")) {
        for (const auto &d : project->documents()) {
            out.append(documentJson(d));
            text +=
                QStringLiteral("%1\t%2\t%3\t%4\t%5 chars\n").arg(d.id).arg(d.name, d.kind, d.encoding).arg(d.length);
        }
    } else if (what == QLatin1String("codes")) {
        std::function<void(Id, const QString &, int)> walk = [&](Id id, const QString &path, int depth) {
            const Code c = project->code(id);
            const qsizetype n = project->segmentCount(id);
            QJsonArray parents;
            for (Id p : c.parents)
                parents.append(project->codePath(p));
            out.append(QJsonObject{{QStringLiteral("id"), id},
                                   {QStringLiteral("path"), path},
                                   {QStringLiteral("name"), c.name},
                                   {QStringLiteral("depth"), depth},
                                   {QStringLiteral("color"), c.color},
                                   {QStringLiteral("description"), c.description},
                                   {QStringLiteral("segments"), qint64(n)},
                                   {QStringLiteral("parents"), parents},
                                   {QStringLiteral("guid"), c.guid}});
            text +=
                QString(depth * 2, QLatin1Char(' ')) + c.name + QStringLiteral(" (%1)").arg(n) +
                (c.parents.size() > 1 ? QStringLiteral(" [also under %1 parents]").arg(c.parents.size()) : QString()) +
                QLatin1Char('\n');
            for (Id child : project->children(id))
                walk(child, path + QLatin1Char('/') + project->code(child).name, depth + 1);
        };
        for (Id root : project->children(std::nullopt))
            walk(root, project->code(root).name, 0);
    } else if (what == QLatin1String("cases")) {
        for (const auto &c : project->cases()) {
            QJsonObject attrs;
            for (const auto &v : project->attributeValues(AttributeScope::Case)) {
                if (v.ownerId == c.id)
                    attrs.insert(v.name, v.value);
            }
            out.append(QJsonObject{{QStringLiteral("id"), c.id},
                                   {QStringLiteral("name"), c.name},
                                   {QStringLiteral("kind"), c.kind},
                                   {QStringLiteral("documents"), idArray(project->caseDocuments(c.id))},
                                   {QStringLiteral("attributes"), attrs}});
            text += QStringLiteral("%1\t%2\t%3\n").arg(c.id).arg(c.name, c.kind);
        }
    } else if (what == QLatin1String("segments")) {
        std::optional<Id> doc, code;
        if (a.has(QStringLiteral("document")))
            doc = project->findDocument(a.value(QStringLiteral("document"))).id;
        if (a.has(QStringLiteral("code")))
            code = project->resolveCode(a.value(QStringLiteral("code")));
        std::map<Id, QString> docNames;
        for (const auto &s : project->segments(doc, code)) {
            if (!docNames.count(s.documentId))
                docNames[s.documentId] = project->document(s.documentId).name;
            QJsonArray codes;
            QStringList codeText;
            for (Id c : s.codes) {
                codes.append(project->codePath(c));
                codeText << project->codePath(c);
            }
            const QString quote = project->documentRange(s.documentId, s.start, s.end);
            out.append(QJsonObject{
                {QStringLiteral("id"), s.id},
                {QStringLiteral("document"), docNames[s.documentId]},
                {QStringLiteral("start"), qint64(s.start)},
                {QStringLiteral("end"), qint64(s.end)},
                {QStringLiteral("codes"), codes},
                {QStringLiteral("coder"), s.coder},
                {QStringLiteral("created"), s.created},
                {QStringLiteral("case"), s.caseId ? project->findCase(QString::number(*s.caseId)).name : QString()},
                {QStringLiteral("memo"), s.memo},
                {QStringLiteral("text"), quote}});
            QString shortQuote = quote.left(60);
            shortQuote.replace(QLatin1Char('\n'), QLatin1Char(' '));
            text += QStringLiteral("%1\t%2\t%3:%4\t%5\t%6%7\n")
                        .arg(s.id)
                        .arg(docNames[s.documentId])
                        .arg(s.start)
                        .arg(s.end)
                        .arg(codeText.join(QStringLiteral("; ")), shortQuote,
                             quote.size() > 60 ? QStringLiteral("…") : QString());
        }
    } else if (what == QLatin1String("attributes")) {
        for (const auto &def : project->attributeDefs()) {
            out.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("definition")},
                                   {QStringLiteral("scope"), toString(def.scope)},
                                   {QStringLiteral("name"), def.name},
                                   {QStringLiteral("type"), toString(def.type)},
                                   {QStringLiteral("choices"), QJsonArray::fromStringList(def.choices)}});
        }
        for (const auto &v : project->attributeValues()) {
            out.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("value")},
                                   {QStringLiteral("scope"), toString(v.scope)},
                                   {QStringLiteral("owner"), v.ownerName},
                                   {QStringLiteral("name"), v.name},
                                   {QStringLiteral("type"), toString(v.type)},
                                   {QStringLiteral("value"), v.value}});
            text += QStringLiteral("%1\t%2\t%3\t%4\n").arg(toString(v.scope), v.ownerName, v.name, v.value);
        }
    } else if (what == QLatin1String("memos")) {
        for (const auto &m : project->memos()) {
            out.append(
                QJsonObject{{QStringLiteral("id"), m.id},
                            {QStringLiteral("target"), m.targetKind},
                            {QStringLiteral("targetId"), m.targetId ? QJsonValue(qint64(*m.targetId)) : QJsonValue()},
                            {QStringLiteral("title"), m.title},
                            {QStringLiteral("text"), m.text},
                            {QStringLiteral("coder"), m.coder},
                            {QStringLiteral("modified"), m.modified}});
            text += QStringLiteral("%1\t%2%3\t%4\t%5\n")
                        .arg(m.id)
                        .arg(m.targetKind, m.targetId ? QStringLiteral(" %1").arg(*m.targetId) : QString(), m.coder,
                             m.text);
        }
    } else {
        throw Error(QStringLiteral("list: cannot list \"%1\" (documents, codes, cases, segments, attributes, memos)")
                        .arg(what));
    }
    printResult(context, out, text);
    return 0;
}

} // namespace Quire::Cli
