// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "analysis/table.h"
#include "wtfc/workshop.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace Quire::Wtfc {

/// What ranks the notes in a grid cell.
enum class RankBy { Stars, Dots };
QUIRECORE_EXPORT QString toString(RankBy rank);

/// The workshop grid's choices (docs/wtfc.md, "The workshop grid").
struct GridOptions
{
    int top = 3;                   ///< notes per cell
    RankBy rankBy = RankBy::Stars; ///< stars or dots placed on the notes
    QString emptyText;             ///< a cell with no ranked note; empty: "(no top N identified)"
    QString voterGroup;            ///< count only this voter group's votes (empty: every vote)
    bool includeUnvoted = false;   ///< rank notes with no vote too (else a note needs one)
    bool totals = false;           ///< a last column with the votes summed per theme
    QString themeHeader;           ///< the first column's header; empty: "Theme"
};

/// A note in a cell: a statement and its place.
struct GridNote
{
    Id statement = 0;
    QString text;
    int votes = 0; ///< of the ranking kind
    int rank = 0;  ///< competition ranking inside the cell (1, 2, 2, 4)
    bool tied = false;
};

struct GridCell
{
    std::vector<GridNote> notes; ///< the top N, best first
    int tiedBeyond = 0;          ///< notes left out that tie with the last one shown
};

/// A row: a strategic theme, i.e. the WTfC themes of one name across the areas.
struct GridRow
{
    QString theme;
    QString description;         ///< the first non-empty description of its themes
    std::vector<Id> themes;      ///< the WTfC themes, one per area at most
    std::vector<GridCell> cells; ///< one per template area
    int stars = 0;               ///< summed over its notes and themes
    int dots = 0;
};

struct Grid
{
    QStringList areas;
    std::vector<GridRow> rows;
};

/// The strategic themes of a workshop: its themes grouped by name (compared
/// without case or outer spaces), in the order their first theme was added.
QUIRECORE_EXPORT std::vector<std::vector<Id>> strategicThemes(const Snapshot &workshop);

/// The grid: the template's areas as columns, the strategic themes as rows,
/// each cell the top N notes of that theme in that area by stars or dots.
/// Throws Error for a `top` below 1.
QUIRECORE_EXPORT Grid workshopGrid(const Snapshot &workshop, const GridOptions &options = {});

/// The grid as a table for the writers (Render::writeTables): Theme,
/// Descriptor (when any theme has one), one column per area, Votes (with
/// `totals`). A cell lists its notes a line each as "1. TEXT (N stars)",
/// a tie as "2= …", then "(+K more tied)"; an empty cell says the empty text.
QUIRECORE_EXPORT Quire::Analysis::AnalysisTable gridTable(const Grid &grid, const GridOptions &options = {});

/// Dots and stars, in all and per voter group.
struct QUIRECORE_EXPORT VoteTally
{
    int dots = 0;
    int stars = 0;
    /// voter group (empty: none given) -> dots, stars; in the order groups first voted
    std::vector<std::pair<QString, std::pair<int, int>>> groups;

    void add(const Vote &vote);
    bool empty() const { return dots == 0 && stars == 0; }
    /// "3 dots, 5 stars" (a kind with none left out; "no votes" for none).
    QString text() const;
    /// "family carers: 2 stars; staff: 1 dot" (votes with no group as "no group").
    QString groupText() const;
};

/// The votes on one item.
QUIRECORE_EXPORT VoteTally tally(const Snapshot &workshop, const ItemRef &item);
/// The votes on a theme and on every statement on it, summed.
QUIRECORE_EXPORT VoteTally themeTally(const Snapshot &workshop, Id theme);

/// The votes behind an I statement, summed: those on the I statement itself, on
/// its theme and on each statement it sums up (its linked statements, or its
/// theme's when none are linked), each vote counted once.
QUIRECORE_EXPORT VoteTally istatementTally(const Snapshot &workshop, Id istatement);

/// "3 stars", "1 dot", "0 stars".
QUIRECORE_EXPORT QString voteCount(int n, RankBy kind);

} // namespace Quire::Wtfc
