// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/analysisdata.h"

#include "model/project.h"

#include <algorithm>
#include <functional>
#include <tuple>

namespace Quire::Analysis::Detail {

std::vector<CodedSpan> loadCodedSpans(Project &project)
{
    std::vector<CodedSpan> out = project.codingLinks();
    // Sorted here rather than by SQLite: std::sort on plain structs is several times faster.
    std::sort(out.begin(), out.end(), [](const CodedSpan &a, const CodedSpan &b) {
        return std::tie(a.documentId, a.start, a.end, a.segmentId, a.codeId) <
               std::tie(b.documentId, b.start, b.end, b.segmentId, b.codeId);
    });
    return out;
}

std::map<Id, QString> loadCoders(Project &project)
{
    std::map<Id, QString> out;
    for (const auto &[id, name] : project.coders())
        out.emplace(id, name);
    return out;
}

std::set<Id> uncountedCases(Project &project)
{
    std::set<Id> out;
    for (const Case &c : project.cases()) {
        if (!c.counted)
            out.insert(c.id);
    }
    return out;
}

CodeTree::CodeTree(const Project &project)
{
    std::map<Id, std::vector<Id>> children;
    std::vector<Id> roots;
    for (const Code &c : project.codes()) {
        m_codes.emplace(c.id, c);
        if (c.parents.empty())
            roots.push_back(c.id);
        for (Id p : c.parents)
            children[p].push_back(c.id);
    }
    std::function<void(Id, const QString &)> visit = [&](Id id, const QString &path) {
        if (m_paths.count(id))
            return;
        m_paths.emplace(id, path);
        m_ordered.push_back(id);
        for (Id child : children[id])
            visit(child, path + QLatin1Char('/') + m_codes.at(child).name);
    };
    for (Id r : roots)
        visit(r, m_codes.at(r).name);
    // Ancestors through every parent: the code tree is a DAG (no cycles is enforced by Project).
    std::function<const std::set<Id> &(Id)> up = [&](Id id) -> const std::set<Id> & {
        auto it = m_up.find(id);
        if (it != m_up.end())
            return it->second;
        std::set<Id> s{id};
        for (Id p : m_codes.at(id).parents) {
            const auto &above = up(p);
            s.insert(above.begin(), above.end());
        }
        return m_up.emplace(id, std::move(s)).first->second;
    };
    for (const auto &c : m_codes)
        up(c.first);
}

const std::set<Id> &CodeTree::selfAndAncestors(Id code) const
{
    static const std::set<Id> none;
    auto it = m_up.find(code);
    return it == m_up.end() ? none : it->second;
}

QString CodeTree::path(Id code) const
{
    auto it = m_paths.find(code);
    return it == m_paths.end() ? QString() : it->second;
}

std::vector<Id> resolveCodes(const Project &project, const CodeTree &tree, const QStringList &paths)
{
    if (paths.isEmpty())
        return tree.ordered();
    std::vector<Id> out;
    for (const QString &p : paths) {
        const Id id = project.resolveCode(p);
        if (std::find(out.begin(), out.end(), id) == out.end())
            out.push_back(id);
    }
    return out;
}

} // namespace Quire::Analysis::Detail
