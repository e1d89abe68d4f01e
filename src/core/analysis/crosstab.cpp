// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/crosstab.h"

#include "analysis/analysisdata.h"
#include "error.h"
#include "model/project.h"

#include <algorithm>
#include <map>
#include <set>

namespace Quire::Analysis {

QString toString(CountUnit unit)
{
    switch (unit) {
    case CountUnit::Segments:
        return QStringLiteral("segments");
    case CountUnit::Documents:
        return QStringLiteral("documents");
    case CountUnit::Cases:
        return QStringLiteral("cases");
    }
    return QString();
}

CountUnit countUnitFromString(const QString &name)
{
    if (name == QLatin1String("segments"))
        return CountUnit::Segments;
    if (name == QLatin1String("documents"))
        return CountUnit::Documents;
    if (name == QLatin1String("cases"))
        return CountUnit::Cases;
    throw Error(QStringLiteral("count unit is segments, documents or cases, not \"%1\"").arg(name));
}

double Crosstab::rowFraction(std::size_t row, std::size_t column) const
{
    const qint64 base = rows.at(row).total;
    return base > 0 ? double(rows[row].cells.at(column)) / double(base) : 0.0;
}

double Crosstab::columnFraction(std::size_t row, std::size_t column) const
{
    const qint64 base = columnTotals.at(column);
    return base > 0 ? double(rows.at(row).cells.at(column)) / double(base) : 0.0;
}

AnalysisTable Crosstab::table(Cells cells) const
{
    AnalysisTable t;
    const QString what = cells == Cells::Counts       ? toString(unit)
                         : cells == Cells::RowPercent ? QStringLiteral("%1, % of row").arg(toString(unit))
                                                      : QStringLiteral("%1, % of column").arg(toString(unit));
    t.title = QStringLiteral("Codes by %1 (%2)").arg(attribute, what);
    t.header << QStringLiteral("code") << columns << QStringLiteral("total");
    for (std::size_t r = 0; r < rows.size(); ++r) {
        QStringList line{rows[r].path};
        for (std::size_t c = 0; c < std::size_t(columns.size()); ++c) {
            if (cells == Cells::Counts)
                line << QString::number(rows[r].cells[c]);
            else
                line << formatNumber(100.0 * (cells == Cells::RowPercent ? rowFraction(r, c) : columnFraction(r, c)),
                                     1);
        }
        line << QString::number(rows[r].total);
        t.rows.push_back(line);
    }
    QStringList totals{QStringLiteral("(any code)")};
    for (qint64 v : columnTotals)
        totals << QString::number(v);
    totals << QString::number(grandTotal);
    t.rows.push_back(totals);
    return t;
}

Crosstab computeCrosstab(Project &project, const CrosstabOptions &options)
{
    using namespace Detail;
    Crosstab x;
    x.unit = options.unit;
    const CodeTree tree(project);
    const std::vector<Id> rowCodes = resolveCodes(project, tree, options.codePaths);
    std::map<Id, std::size_t> rowOf;
    for (std::size_t i = 0; i < rowCodes.size(); ++i)
        rowOf.emplace(rowCodes[i], i);

    std::optional<Id> coder;
    if (!options.coder.isEmpty()) {
        for (const auto &[id, name] : loadCoders(project)) {
            if (name == options.coder)
                coder = id;
        }
        if (!coder)
            throw Error(QStringLiteral("%1: no coder named \"%2\"").arg(project.fileName(), options.coder));
    }
    const std::set<Id> uncounted = uncountedCases(project);

    // Column of a segment: by attribute value, document or case.
    std::map<Id, QString> caseValue, docValue;
    std::map<Id, std::size_t> idColumn;
    if (options.columns == ColumnKind::Attribute) {
        if (options.attribute.isEmpty())
            throw Error(QStringLiteral("crosstab: name an attribute for the columns"));
        bool known = false;
        for (const auto &d : project.attributeDefs())
            known = known || d.name == options.attribute;
        if (!known)
            throw Error(QStringLiteral("%1: no attribute named \"%2\"").arg(project.fileName(), options.attribute));
        x.attribute = options.attribute;
        for (const auto &v : project.attributeValues()) {
            if (v.name != options.attribute)
                continue;
            (v.scope == AttributeScope::Case ? caseValue : docValue)[v.ownerId] = v.value;
        }
    } else if (options.columns == ColumnKind::Document) {
        x.attribute = QStringLiteral("document");
        for (const auto &d : project.documents()) {
            idColumn.emplace(d.id, std::size_t(x.columns.size()));
            x.columns << d.name;
            x.columnIds.push_back(d.id);
        }
    } else {
        x.attribute = QStringLiteral("case");
        for (const auto &c : project.cases()) {
            if (!c.counted)
                continue;
            idColumn.emplace(c.id, std::size_t(x.columns.size()));
            x.columns << c.name;
            x.columnIds.push_back(c.id);
        }
    }
    auto attributeOf = [&](const CodedSpan &s) {
        if (s.caseId) {
            auto it = caseValue.find(*s.caseId);
            if (it != caseValue.end() && !it->second.isEmpty())
                return it->second;
        }
        auto it = docValue.find(s.documentId);
        return it != docValue.end() && !it->second.isEmpty() ? it->second : QStringLiteral("(none)");
    };

    const std::vector<CodedSpan> spans = loadCodedSpans(project);
    // The counted thing of a span: segment, document or case id (none: not counted).
    auto unitOf = [&](const CodedSpan &s) -> std::optional<Id> {
        switch (options.unit) {
        case CountUnit::Segments:
            return s.segmentId;
        case CountUnit::Documents:
            return s.documentId;
        case CountUnit::Cases:
            return s.caseId;
        }
        return std::nullopt;
    };
    // Hits (row, column, counted unit); attribute values get provisional
    // columns in order of appearance and are sorted by value at the end.
    struct Hit
    {
        std::size_t row;
        std::size_t column;
        Id unit;
    };
    std::vector<Hit> hits;
    hits.reserve(spans.size() * 2);
    std::map<QString, std::size_t> provisional;
    QStringList seenValues;
    auto valueColumn = [&](const QString &v) {
        auto it = provisional.find(v);
        if (it != provisional.end())
            return it->second;
        seenValues << v;
        return provisional.emplace(v, std::size_t(seenValues.size() - 1)).first->second;
    };
    for (const CodedSpan &s : spans) {
        if (s.caseId && uncounted.count(*s.caseId))
            continue;
        if (coder && s.coderId != *coder)
            continue;
        const auto unit = unitOf(s);
        if (!unit)
            continue;
        std::size_t column = 0;
        if (options.columns == ColumnKind::Attribute) {
            column = valueColumn(attributeOf(s));
        } else {
            const auto key = options.columns == ColumnKind::Document ? std::optional<Id>(s.documentId) : s.caseId;
            if (!key)
                continue;
            auto it = idColumn.find(*key);
            if (it == idColumn.end())
                continue;
            column = it->second;
        }
        auto addRow = [&](Id code) {
            auto r = rowOf.find(code);
            if (r != rowOf.end())
                hits.push_back(Hit{r->second, column, *unit});
        };
        if (options.includeSubcodes) {
            for (Id c : tree.selfAndAncestors(s.codeId))
                addRow(c);
        } else {
            addRow(s.codeId);
        }
    }
    if (options.columns == ColumnKind::Attribute) {
        // A choice attribute's columns follow its choices, every one even if unused
        // (values stored before the choices were set come after, sorted); others sort.
        QStringList sorted;
        for (const auto &d : project.attributeDefs()) {
            if (d.name == options.attribute && d.type == AttributeType::Choice) {
                sorted = d.choices;
                break;
            }
        }
        QStringList rest;
        for (const QString &v : seenValues)
            if (!sorted.contains(v))
                rest << v;
        std::sort(rest.begin(), rest.end());
        sorted << rest;
        std::vector<std::size_t> remap(std::size_t(seenValues.size()));
        for (qsizetype i = 0; i < seenValues.size(); ++i)
            remap[std::size_t(i)] = std::size_t(sorted.indexOf(seenValues[i]));
        for (Hit &h : hits)
            h.column = remap[h.column];
        x.columns = sorted;
    }
    const std::size_t C = std::size_t(x.columns.size());
    const std::size_t R = rowCodes.size();
    // Distinct counts by sorting: no hash sets, no allocation per unit.
    std::vector<qint64> cells(R * C, 0), rowTotals(R, 0);
    x.columnTotals.assign(C, 0);
    auto distinct = [&](auto key, auto &&count) {
        std::vector<std::pair<std::pair<std::size_t, std::size_t>, Id>> keys;
        keys.reserve(hits.size());
        for (const Hit &h : hits)
            keys.push_back({key(h), h.unit});
        std::sort(keys.begin(), keys.end());
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (i == 0 || keys[i] != keys[i - 1])
                count(keys[i].first);
        }
    };
    distinct([](const Hit &h) { return std::make_pair(h.row, h.column); },
             [&](const std::pair<std::size_t, std::size_t> &k) { ++cells[k.first * C + k.second]; });
    distinct([](const Hit &h) { return std::make_pair(h.row, std::size_t(0)); },
             [&](const std::pair<std::size_t, std::size_t> &k) { ++rowTotals[k.first]; });
    distinct([](const Hit &h) { return std::make_pair(h.column, std::size_t(0)); },
             [&](const std::pair<std::size_t, std::size_t> &k) { ++x.columnTotals[k.first]; });
    distinct([](const Hit &) { return std::make_pair(std::size_t(0), std::size_t(0)); },
             [&](const std::pair<std::size_t, std::size_t> &) { ++x.grandTotal; });
    for (std::size_t r = 0; r < R; ++r) {
        Crosstab::Row out;
        out.codeId = rowCodes[r];
        out.path = tree.path(rowCodes[r]);
        out.cells.assign(cells.begin() + qsizetype(r * C), cells.begin() + qsizetype((r + 1) * C));
        out.total = rowTotals[r];
        x.rows.push_back(out);
    }
    return x;
}

} // namespace Quire::Analysis
