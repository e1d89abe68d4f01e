// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/frequencies.h"

#include "analysis/analysisdata.h"
#include "error.h"
#include "model/project.h"

#include <algorithm>
#include <map>
#include <set>

namespace Quire::Analysis {

FrequencyAxis frequencyAxisFromString(const QString &name)
{
    if (name == QLatin1String("document"))
        return FrequencyAxis::Document;
    if (name == QLatin1String("speaker"))
        return FrequencyAxis::Speaker;
    throw Error(QStringLiteral("frequencies are counted by document or speaker, not \"%1\"").arg(name));
}

AnalysisTable Frequencies::table() const
{
    AnalysisTable t;
    t.title = axis == FrequencyAxis::Document ? QStringLiteral("Segments per document")
                                              : QStringLiteral("Segments per speaker");
    t.header << (axis == FrequencyAxis::Document ? QStringLiteral("document") : QStringLiteral("speaker"));
    if (!orderValues.isEmpty())
        t.header << QStringLiteral("order");
    t.header << paths;
    for (qsizetype x = 0; x < labels.size(); ++x) {
        QStringList r{labels[x]};
        if (!orderValues.isEmpty())
            r << orderValues.value(x);
        for (const auto &series : counts)
            r << QString::number(series[std::size_t(x)]);
        t.rows.push_back(r);
    }
    return t;
}

Frequencies computeFrequencies(Project &project, const FrequencyOptions &options)
{
    using namespace Detail;
    const CodeTree tree(project);
    Frequencies f;
    f.axis = options.axis;
    f.codes = resolveCodes(project, tree, options.codePaths);
    std::map<Id, std::size_t> row;
    for (std::size_t i = 0; i < f.codes.size(); ++i) {
        row.emplace(f.codes[i], i);
        f.paths << tree.path(f.codes[i]);
    }
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

    std::map<Id, std::size_t> docColumn;
    std::map<QString, std::size_t> speakerColumn;
    std::map<Id, std::vector<Turn>> turns;
    if (options.axis == FrequencyAxis::Document) {
        std::vector<Document> docs = project.documents();
        std::sort(docs.begin(), docs.end(), [](const Document &a, const Document &b) { return a.id < b.id; });
        if (!options.orderBy.isEmpty()) {
            bool known = false;
            for (const auto &d : project.attributeDefs())
                known = known || (d.scope == AttributeScope::Document && d.name == options.orderBy);
            if (!known)
                throw Error(QStringLiteral("%1: no document attribute named \"%2\" to order by")
                                .arg(project.fileName(), options.orderBy));
            std::map<Id, QString> value;
            bool numeric = true;
            for (const auto &d : docs) {
                value[d.id] = project.attribute(AttributeScope::Document, d.id, options.orderBy);
                bool ok = false;
                value[d.id].toDouble(&ok);
                numeric = numeric && (ok || value[d.id].isEmpty());
            }
            std::stable_sort(docs.begin(), docs.end(), [&](const Document &a, const Document &b) {
                const QString &x = value[a.id], &y = value[b.id];
                if (x.isEmpty() != y.isEmpty())
                    return y.isEmpty(); // documents without a value go last
                return numeric ? x.toDouble() < y.toDouble() : x < y;
            });
            for (const auto &d : docs)
                f.orderValues << value[d.id];
        }
        for (const auto &d : docs) {
            docColumn.emplace(d.id, std::size_t(f.labels.size()));
            f.labels << d.name;
            f.labelIds.push_back(d.id);
        }
    }
    // Speakers are collected as they come, then sorted by name.
    std::vector<std::pair<std::size_t, QString>> speakerHits;
    std::vector<std::pair<std::size_t, std::size_t>> hits;
    std::set<std::pair<Id, std::size_t>> seen; // (segment, row): a segment counts once per row
    for (const CodedSpan &s : loadCodedSpans(project)) {
        if ((s.caseId && uncounted.count(*s.caseId)) || (coder && s.coderId != *coder))
            continue;
        std::vector<std::size_t> rows;
        if (options.includeSubcodes) {
            for (Id c : tree.selfAndAncestors(s.codeId)) {
                auto it = row.find(c);
                if (it != row.end())
                    rows.push_back(it->second);
            }
        } else if (auto it = row.find(s.codeId); it != row.end()) {
            rows.push_back(it->second);
        }
        for (std::size_t r : rows) {
            if (!seen.insert({s.segmentId, r}).second)
                continue;
            if (options.axis == FrequencyAxis::Document) {
                hits.emplace_back(r, docColumn.at(s.documentId));
            } else {
                auto it = turns.find(s.documentId);
                if (it == turns.end())
                    it = turns.emplace(s.documentId, project.turns(s.documentId)).first;
                QString speaker = QStringLiteral("(no speaker)");
                for (const Turn &t : it->second) {
                    if (t.start <= s.start && s.start < t.end) {
                        speaker = t.speaker;
                        break;
                    }
                }
                speakerHits.emplace_back(r, speaker);
            }
        }
    }
    if (options.axis == FrequencyAxis::Speaker) {
        std::set<QString> speakers;
        for (const auto &h : speakerHits)
            speakers.insert(h.second);
        for (const QString &s : speakers) {
            speakerColumn.emplace(s, std::size_t(f.labels.size()));
            f.labels << s;
        }
        for (const auto &h : speakerHits)
            hits.emplace_back(h.first, speakerColumn.at(h.second));
    }
    f.counts.assign(f.codes.size(), std::vector<qint64>(std::size_t(f.labels.size()), 0));
    for (const auto &h : hits)
        ++f.counts[h.first][h.second];
    return f;
}

} // namespace Quire::Analysis
