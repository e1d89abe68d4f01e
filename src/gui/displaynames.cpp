// SPDX-License-Identifier: GPL-3.0-or-later
#include "displaynames.h"

#include "model/project.h"

#include <QStringList>

namespace Quire::DisplayNames {

QString firstWords(const QString &text, qsizetype max)
{
    const QString one = text.simplified();
    if (one.size() <= max)
        return one;
    // Cut at the last space before the limit, so no word is broken.
    qsizetype cut = one.lastIndexOf(QLatin1Char(' '), max);
    if (cut < max / 2)
        cut = max;
    return one.left(cut).trimmed() + QChar(0x2026);
}

QString statementLabel(const QString &person, const QString &area, const QString &rank, const QString &text)
{
    QStringList parts;
    for (const QString &p : {person, area, rank})
        if (!p.isEmpty())
            parts << p;
    parts << firstWords(text);
    return parts.join(QStringLiteral(" · "));
}

QHash<Id, QString> documentLabels(const Project &project)
{
    QHash<Id, QString> out;
    QHash<Id, QString> area, rank, person;
    bool statements = false;
    const std::vector<Document> documents = project.documents();
    for (const Document &d : documents) {
        out.insert(d.id, d.name);
        statements = statements || d.kind == QLatin1String("statement");
    }
    if (!statements)
        return out;
    for (const AttributeValue &v : project.attributeValues(AttributeScope::Document)) {
        if (v.name == QLatin1String("area"))
            area.insert(v.ownerId, v.value);
        else if (v.name == QLatin1String("rank"))
            rank.insert(v.ownerId, v.value);
    }
    for (const Case &c : project.cases())
        for (Id doc : project.caseDocuments(c.id))
            if (!person.contains(doc))
                person.insert(doc, c.name);
    for (const Document &d : documents)
        if (d.kind == QLatin1String("statement"))
            out.insert(d.id, statementLabel(person.value(d.id), area.value(d.id), rank.value(d.id),
                                            project.documentRange(d.id, 0, std::min<qsizetype>(d.length, 120))));
    return out;
}

void LabelDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant label = index.data(LabelRole);
    if (label.isValid() && !label.toString().isEmpty()) {
        option->text = label.toString();
        option->textElideMode = Qt::ElideRight;
    }
}

} // namespace Quire::DisplayNames
