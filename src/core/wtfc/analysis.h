// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "wtfc/workshop.h"

#include <vector>

namespace Quire::Wtfc {

/// What one cause explains: everything that reaches it through "is caused by".
struct CauseReach
{
    Id cause = 0;
    bool root = false; ///< no further "why"
    /// Longest path (in edges) from an I statement down to the cause; -1 when
    /// no I statement reaches it.
    int depth = -1;
    int istatementCount = 0;
    int themeCount = 0;
    int statementCount = 0;
    int peopleCount = 0; ///< distinct people (cases) behind those statements
    int votes = 0;       ///< dots and stars on the cause
    /// Competition rank: ties share a rank and the next rank skips (1, 2, 2, 4).
    int rank = 0;
    // Filled when AnalysisOptions::sets is on (ids in ascending order).
    std::vector<Id> istatements, themes, statements, people;
};

/// A path down the graph: an I statement, then each cause it is caused by, to a root cause.
struct Chain
{
    std::vector<Id> nodes;
    int length() const { return int(nodes.size()) - 1; }
};

struct AnalysisOptions
{
    bool sets = true; ///< list the ids in each CauseReach, not only the counts
};

struct QUIRECORE_EXPORT Analysis
{
    /// Every cause, best first: ranked by distinct people, then I statements,
    /// then statements, then votes (all descending); equal on all four share a
    /// rank, listed by id (docs/wtfc.md).
    std::vector<CauseReach> causes;
    std::vector<Id> rootCauses;         ///< by id
    std::vector<Id> sharedCauses;       ///< reached by two or more I statements, by id
    std::vector<Id> articulationPoints; ///< causes whose removal disconnects the picture, by id
    /// The longest chain of each I statement, longest first (ties by I statement id).
    std::vector<Chain> longestChains;
    int maxChainLength = 0;

    const CauseReach *reach(Id cause) const;
};

/// Builds a Boost.Graph adjacency_list over the snapshot's nodes and analyses it.
/// The statements an I statement stands for are those linked to it, or, when
/// none are linked, the statements of its theme.
QUIRECORE_EXPORT Analysis analyse(const Snapshot &workshop, const AnalysisOptions &options = {});

/// The chain from an item back to the people's words, or forward to what it supports.
struct Trace
{
    ItemRef origin;
    bool forward = false;
    std::vector<Id> actions, solutions, success, causes, istatements, themes, statements, people;
    /// Backward: one shortest path from each I statement to the traced cause.
    /// Forward: one shortest path from each I statement reached to each root cause below it.
    std::vector<Chain> chains;
};

/// Back from an action, solution, success statement, cause, I statement, theme or statement
/// to the statements and people.
QUIRECORE_EXPORT Trace traceBack(const Snapshot &workshop, const ItemRef &item);
/// Forward from a statement, theme, I statement or cause to everything it supports.
QUIRECORE_EXPORT Trace traceForward(const Snapshot &workshop, const ItemRef &item);

/// The statements an I statement stands for (see analyse()).
QUIRECORE_EXPORT std::vector<Id> statementsOf(const Snapshot &workshop, const Node &istatement);

} // namespace Quire::Wtfc
