// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the analysis module: the rows every analysis reads, loaded
// with one query each instead of one Project call per segment.

#include "model/types.h"

#include <map>
#include <optional>
#include <QString>
#include <set>
#include <vector>

namespace Quire {
class Project;
}

namespace Quire::Analysis::Detail {

/// One (segment, code) link with what the analyses need of the segment.
using CodedSpan = CodingLink;

/// Every coded span, ordered by document, start, end, segment, code.
std::vector<CodedSpan> loadCodedSpans(Project &project);
/// Coder id → name, for the coders that appear in the project.
std::map<Id, QString> loadCoders(Project &project);
/// Ids of cases left out of counts (a facilitator).
std::set<Id> uncountedCases(Project &project);

/// The code tree: every code's ancestors (itself included), across all its parents.
class CodeTree
{
public:
    explicit CodeTree(const Project &project);
    const std::set<Id> &selfAndAncestors(Id code) const;
    /// Every code in depth-first order, each once (at its first path).
    const std::vector<Id> &ordered() const { return m_ordered; }
    QString path(Id code) const;

private:
    std::map<Id, Code> m_codes;
    std::map<Id, std::set<Id>> m_up;
    std::map<Id, QString> m_paths;
    std::vector<Id> m_ordered;
};

/// Resolves a list of code paths (empty: every code in tree order).
std::vector<Id> resolveCodes(const Project &project, const CodeTree &tree, const QStringList &paths);

} // namespace Quire::Analysis::Detail
