// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/teamwork.h"

#include "error.h"
#include "model/codebook.h"
#include "model/commandlog.h"
#include "model/memostore.h"
#include "model/project.h"
#include "model/projectaccess.h"
#include "model/segmentstore.h"
#include "storage/projectfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>

namespace Quire::Analysis {

CopyForCoderResult copyForCoder(Project &source, const QString &targetPath, const CopyForCoderOptions &options)
{
    const QFileInfo target(targetPath);
    if (target.exists())
        throw Error(QStringLiteral("%1: already exists; choose another name for the copy").arg(targetPath));
    if (!target.absoluteDir().exists())
        throw Error(QStringLiteral("%1: folder %2 does not exist").arg(targetPath, target.absolutePath()));
    if (target.absoluteFilePath() == QFileInfo(source.path()).absoluteFilePath())
        throw Error(QStringLiteral("%1: the copy cannot overwrite the project itself").arg(targetPath));
    // Built under a hidden name and renamed when complete: a copy killed half
    // way never looks finished (it would still hold the first coder's work).
    const QString partial = ProjectFile::partialPathFor(targetPath);
    CopyForCoderResult result;
    try {
        // The backup API copies the pages as the source connection sees them
        // (the WAL included), schema and search index alike.
        source.saveCopy(partial);
        {
            auto copy = Project::open(partial);
            // Not a command: the copy starts with an empty history, so nothing of
            // the first coder's work can be brought back by undo.
            copy->atomically([&] {
                MemoStore &memos = ProjectAccess::memos(*copy);
                result.memosRemoved = options.keepMemos ? memos.removeAllOf(QStringLiteral("segment"))
                                                        : memos.removeAllBut(QStringLiteral("code"));
                result.segmentsRemoved = ProjectAccess::segments(*copy).removeAllOutsideCommand();
                ProjectAccess::log(*copy).clearHistory();
            });
            copy->vacuum();
        }
        ProjectFile::publish(partial, targetPath);
    } catch (const Error &e) {
        ProjectFile::removeWithCompanions(partial);
        QString cause = e.message();
        cause.replace(QFileInfo(partial).fileName(), QFileInfo(targetPath).fileName());
        throw Error(cause);
    }
    return result;
}

AnalysisTable MergeReport::issueTable() const
{
    AnalysisTable t;
    t.title = QStringLiteral("Merge of %1").arg(other);
    t.header = QStringList{QStringLiteral("kind"), QStringLiteral("subject"), QStringLiteral("detail")};
    for (const auto &i : issues)
        t.rows.push_back({i.kind, i.subject, i.detail});
    return t;
}

namespace {

struct OtherSegment
{
    Id id = 0;
    Id documentId = 0;
    qsizetype start = 0, end = 0;
    std::optional<Id> caseId;
    QString coder;
    QString created;
    QString memo;
    std::set<Id> codes;
};

} // namespace

MergeReport mergeProject(Project &project, const QString &otherPath, bool copyDocuments)
{
    if (QFileInfo(otherPath).absoluteFilePath() == QFileInfo(project.path()).absoluteFilePath())
        throw Error(QStringLiteral("%1: a project cannot be merged with itself").arg(otherPath));
    auto other = Project::open(otherPath);
    MergeReport report;
    report.other = other->fileName();

    // ---- documents: by source hash, then name, then text ----------------
    const std::vector<Document> here = project.documents();
    std::multimap<QString, Document> hereByHash;
    for (const auto &d : here)
        hereByHash.emplace(d.sha256, d);
    std::map<Id, Id> docMap; // other id -> this id
    std::set<Id> matchedHere;
    std::vector<Document> toCopy; // only in the other project
    for (const Document &d : other->documents()) {
        auto [from, to] = hereByHash.equal_range(d.sha256);
        std::optional<Document> match;
        for (auto it = from; it != to; ++it) {
            if (it->second.name == d.name && !matchedHere.count(it->second.id))
                match = it->second;
        }
        if (!match) {
            const QString text = other->documentText(d.id);
            for (auto it = from; it != to && !match; ++it) {
                if (!matchedHere.count(it->second.id) && it->second.length == d.length &&
                    project.documentText(it->second.id) == text)
                    match = it->second;
            }
        }
        if (!match) {
            if (copyDocuments)
                toCopy.push_back(d);
            else
                report.issues.push_back({QStringLiteral("document-only-there"), d.name,
                                         QStringLiteral("only in %1; its segments were not merged").arg(report.other)});
            continue;
        }
        if (match->length != d.length || project.documentText(match->id) != other->documentText(d.id)) {
            report.issues.push_back(
                {QStringLiteral("document-text-differs"), d.name,
                 QStringLiteral("same source file, different stored text; its segments were not merged")});
            continue;
        }
        docMap.emplace(d.id, match->id);
        matchedHere.insert(match->id);
    }
    for (const auto &d : here) {
        if (!matchedHere.count(d.id))
            report.issues.push_back(
                {QStringLiteral("document-only-here"), d.name, QStringLiteral("not in %1").arg(report.other)});
    }
    report.documentsMatched = qint64(docMap.size());

    // ---- codes: by GUID, then by path --------------------------------------
    std::map<QString, Code> hereByGuid;
    for (const Code &c : project.codes())
        hereByGuid.emplace(c.guid, c);
    struct CodePlan
    {
        Code code;
        QStringList paths;
        std::optional<Id> target;
    };
    std::vector<CodePlan> plans; // parents before children (sorted below)
    for (const Code &c : other->codes()) {
        CodePlan plan{c, other->codePaths(c.id), std::nullopt};
        const QString path = plan.paths.value(0);
        auto g = hereByGuid.find(c.guid);
        if (g != hereByGuid.end()) {
            plan.target = g->second.id;
            const QStringList herePaths = project.codePaths(g->second.id);
            if (!herePaths.contains(path))
                report.issues.push_back(
                    {QStringLiteral("code-path-differs"), path,
                     QStringLiteral("the same code (GUID) is \"%1\" here; kept that").arg(herePaths.value(0))});
        } else if (auto byPath = project.tryResolveCode(path)) {
            plan.target = *byPath;
            report.issues.push_back({QStringLiteral("code-guid-differs"), path,
                                     QStringLiteral("matched by path; the GUIDs differ (kept this project's)")});
        }
        if (plan.target) {
            ++report.codesMatched;
            const Code mine = project.code(*plan.target);
            if (mine.color.compare(c.color, Qt::CaseInsensitive) != 0)
                report.issues.push_back({QStringLiteral("code-colour-differs"), path,
                                         QStringLiteral("%1 here, %2 there; kept %1")
                                             .arg(mine.color.isEmpty() ? QStringLiteral("none") : mine.color,
                                                  c.color.isEmpty() ? QStringLiteral("none") : c.color)});
            if (mine.description != c.description)
                report.issues.push_back({QStringLiteral("code-description-differs"), path,
                                         QStringLiteral("the descriptions differ; kept this project's")});
        }
        plans.push_back(plan);
    }

    std::stable_sort(plans.begin(), plans.end(), [](const CodePlan &a, const CodePlan &b) {
        return a.paths.value(0).count(QLatin1Char('/')) < b.paths.value(0).count(QLatin1Char('/'));
    });

    // ---- segments of matched documents --------------------------------------
    std::vector<OtherSegment> segments;
    std::set<Id> copied;
    for (const Document &d : toCopy)
        copied.insert(d.id);
    for (const Segment &s : other->segments()) {
        if (!docMap.count(s.documentId) && !copied.count(s.documentId)) {
            ++report.segmentsSkipped;
            continue;
        }
        OtherSegment o{s.id, s.documentId, s.start, s.end, s.caseId, s.coder, s.created, s.memo, {}};
        o.codes.insert(s.codes.begin(), s.codes.end());
        segments.push_back(o);
    }
    std::map<Id, QString> otherCaseNames;
    for (const Case &c : other->cases())
        otherCaseNames.emplace(c.id, c.name);
    std::vector<Memo> otherSegmentMemos = other->memos(QStringLiteral("segment"));
    std::vector<Memo> otherCodeMemos = other->memos(QStringLiteral("code"));

    // The copies, read before the command starts: as the other project's
    // importer left them, its speaker turns, pages, case and attributes.
    std::vector<ImportedFile> copies;
    std::set<QString> namesHere;
    std::set<Id> renamed; // copies under another name: their speakers' cases are named after it
    for (const Document &d : here)
        namesHere.insert(d.name);
    const std::vector<AttributeValue> otherAttributes = other->attributeValues(AttributeScope::Document);
    for (const Document &d : toCopy) {
        ImportedDocument doc;
        doc.name = d.name;
        if (namesHere.count(doc.name)) {
            renamed.insert(d.id);
            doc.name = QStringLiteral("%1 (from %2)").arg(d.name, report.other);
            for (int n = 2; namesHere.count(doc.name); ++n)
                doc.name = QStringLiteral("%1 (from %2, %3)").arg(d.name, report.other).arg(n);
        }
        namesHere.insert(doc.name);
        doc.kind = d.kind;
        doc.text = other->documentText(d.id);
        doc.encoding = d.encoding;
        doc.meta = QJsonDocument::fromJson(d.importMeta.toUtf8()).object();
        doc.meta.insert(QStringLiteral("mergedFrom"), report.other);
        for (const Turn &t : other->turns(d.id))
            doc.turns.push_back({t.start, t.end, t.speaker, t.timeMs, t.endTimeMs});
        for (const Page &pg : other->pages(d.id))
            doc.pages.push_back({pg.number, pg.start, pg.end});
        const std::vector<Id> cases = other->documentCases(d.id);
        if (doc.turns.empty() && cases.size() == 1 && otherCaseNames.count(cases.front()))
            doc.caseName = otherCaseNames.at(cases.front());
        for (const AttributeValue &v : otherAttributes) {
            if (v.ownerId == d.id)
                doc.attributes.append({v.name, v.value});
        }
        ImportedFile f;
        f.sourcePath = d.sourcePath.isEmpty() ? d.name : d.sourcePath;
        f.sha256 = d.sha256;
        f.format = d.format;
        f.documents.push_back(std::move(doc));
        copies.push_back(std::move(f));
    }

    project.batch(QStringLiteral("merge"), QStringLiteral("Merge %1").arg(report.other), [&] {
        CommandLog &log = ProjectAccess::log(project);
        MemoStore &memos = ProjectAccess::memos(project);
        std::map<QString, Id> coderIds;
        auto coderId = [&](const QString &name) {
            auto it = coderIds.find(name);
            if (it != coderIds.end())
                return it->second;
            return coderIds.emplace(name, log.coderId(name)).first->second;
        };
        // A merged memo keeps who wrote it and when, as segments do.
        auto keepAuthor = [&](Id memo, const Memo &from) {
            memos.setAuthorDuringCommand(memo, coderId(from.coder), from.created, from.modified);
        };
        // Within this command: one undo takes the copies back with the rest.
        for (std::size_t i = 0; i < copies.size(); ++i) {
            const std::vector<Id> ids = project.importDocuments({copies[i]});
            docMap.emplace(toCopy[i].id, ids.front());
            ++report.documentsCopied;
            qint64 segmentCount = 0;
            for (const OtherSegment &s : segments)
                segmentCount += s.documentId == toCopy[i].id ? 1 : 0;
            report.issues.push_back(
                {QStringLiteral("document-copied"), copies[i].documents.front().name,
                 QStringLiteral("only in %1: copied with its %2 segments").arg(report.other).arg(segmentCount)});
        }
        std::map<Id, Id> codeMap;
        // Parents first: a code's paths name its parents, created on the way.
        for (CodePlan &plan : plans) {
            if (plan.target) {
                codeMap.emplace(plan.code.id, *plan.target);
                continue;
            }
            if (auto existing = project.tryResolveCode(plan.paths.value(0))) {
                codeMap.emplace(plan.code.id, *existing);
                continue;
            }
            const Id id = project.addCode(plan.paths.value(0), plan.code.color, plan.code.description);
            if (!hereByGuid.count(plan.code.guid)) {
                ProjectAccess::codebook(project).setGuidDuringCommand(id, plan.code.guid);
                hereByGuid.emplace(plan.code.guid, project.code(id));
            }
            // Further parents of a multi-parent code.
            for (qsizetype i = 1; i < plan.paths.size(); ++i) {
                const QString parent = plan.paths[i].section(QLatin1Char('/'), 0, -2);
                if (parent.isEmpty() || project.tryResolveCode(plan.paths[i]))
                    continue;
                if (!project.tryResolveCode(parent))
                    project.addCode(parent);
                project.linkCode(plan.paths.value(0), parent);
            }
            codeMap.emplace(plan.code.id, id);
            ++report.codesAdded;
            for (const Memo &m : otherCodeMemos) {
                if (m.targetId && *m.targetId == plan.code.id) {
                    keepAuthor(project.addMemo(QStringLiteral("code"), id, m.text, m.title), m);
                    ++report.memosAdded;
                }
            }
        }
        // Existing segments: the same span by the same coder is one segment
        // with several codes, so a new code for it joins that segment.
        using SpanKey = std::tuple<Id, qsizetype, qsizetype, QString>;
        std::map<SpanKey, std::pair<Id, std::set<Id>>> present;
        {
            std::map<Id, QString> coderNames;
            for (const auto &[id, name] : log.coders())
                coderNames.emplace(id, name);
            for (const CodingLink &l : project.codingLinks()) {
                auto &entry = present[SpanKey{l.documentId, l.start, l.end, coderNames[l.coderId]}];
                entry.first = l.segmentId;
                entry.second.insert(l.codeId);
            }
        }
        SegmentStore::Inserter rows = ProjectAccess::segments(project).inserter();
        std::map<Id, Id> segmentMap;
        for (const OtherSegment &s : segments) {
            const Id doc = docMap.at(s.documentId);
            const SpanKey key{doc, s.start, s.end, s.coder};
            auto existing = present.find(key);
            std::vector<Id> codes;
            for (Id c : s.codes) {
                const Id mine = codeMap.at(c);
                if (existing == present.end() || !existing->second.second.count(mine))
                    codes.push_back(mine);
            }
            if (codes.empty()) {
                ++report.segmentsAlreadyPresent;
                continue;
            }
            if (existing != present.end()) {
                for (Id c : codes) {
                    rows.addCode(existing->second.first, c);
                    existing->second.second.insert(c);
                }
                segmentMap.emplace(s.id, existing->second.first);
                ++report.segmentsAdded;
                continue;
            }
            std::optional<Id> caseId;
            if (s.caseId && !renamed.count(s.documentId)) {
                if (auto c = project.tryFindCase(otherCaseNames.at(*s.caseId)))
                    caseId = c->id;
            }
            const Id seg = rows.insert(doc, s.start, s.end, caseId, coderId(s.coder), s.created, s.memo);
            segmentMap.emplace(s.id, seg);
            auto &entry = present[key];
            entry.first = seg;
            for (Id c : codes) {
                rows.addCode(seg, c);
                entry.second.insert(c);
            }
            ++report.segmentsAdded;
        }
        for (const Memo &m : otherSegmentMemos) {
            if (!m.targetId || !segmentMap.count(*m.targetId))
                continue;
            keepAuthor(project.addMemo(QStringLiteral("segment"), segmentMap.at(*m.targetId), m.text, m.title), m);
            ++report.memosAdded;
        }
    });
    return report;
}

} // namespace Quire::Analysis
