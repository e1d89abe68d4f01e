// SPDX-License-Identifier: GPL-3.0-or-later
#include "wtfc/grid.h"

#include "error.h"
#include "wtfc/analysis.h"

#include <QHash>

#include <algorithm>
#include <map>

namespace Quire::Wtfc {

namespace {

QString nameKey(const QString &name)
{
    return name.trimmed().toCaseFolded();
}

bool counts(const Vote &v, RankBy kind, const QString &group)
{
    const bool star = v.kind == QLatin1String("star");
    if (star != (kind == RankBy::Stars))
        return false;
    return group.isEmpty() || v.voterGroup.compare(group.trimmed(), Qt::CaseInsensitive) == 0;
}

} // namespace

QString toString(RankBy rank)
{
    return rank == RankBy::Stars ? QStringLiteral("stars") : QStringLiteral("dots");
}

QString voteCount(int n, RankBy kind)
{
    const QString noun = kind == RankBy::Stars ? QStringLiteral("star") : QStringLiteral("dot");
    return QStringLiteral("%1 %2%3").arg(n).arg(noun, n == 1 ? QString() : QStringLiteral("s"));
}

void VoteTally::add(const Vote &v)
{
    const bool star = v.kind == QLatin1String("star");
    (star ? stars : dots) += v.count;
    const QString g = v.voterGroup.trimmed();
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const auto &x) { return x.first.compare(g, Qt::CaseInsensitive) == 0; });
    if (it == groups.end()) {
        groups.push_back({g, {0, 0}});
        it = groups.end() - 1;
    }
    (star ? it->second.second : it->second.first) += v.count;
}

namespace {
QString dotsAndStars(int dots, int stars)
{
    QStringList parts;
    if (dots > 0)
        parts << voteCount(dots, RankBy::Dots);
    if (stars > 0)
        parts << voteCount(stars, RankBy::Stars);
    return parts.isEmpty() ? QStringLiteral("no votes") : parts.join(QStringLiteral(", "));
}
} // namespace

QString VoteTally::text() const
{
    return dotsAndStars(dots, stars);
}

QString VoteTally::groupText() const
{
    QStringList parts;
    for (const auto &[group, counts] : groups)
        parts << QStringLiteral("%1: %2").arg(group.isEmpty() ? QStringLiteral("no group") : group,
                                              dotsAndStars(counts.first, counts.second));
    return parts.join(QStringLiteral("; "));
}

VoteTally tally(const Snapshot &s, const ItemRef &item)
{
    VoteTally t;
    for (const Vote &v : s.votes) {
        if (v.target == item)
            t.add(v);
    }
    return t;
}

VoteTally themeTally(const Snapshot &s, Id theme)
{
    VoteTally t;
    const Theme *th = s.theme(theme);
    if (!th)
        return t;
    for (const Vote &v : s.votes) {
        if ((v.target.kind == ItemKind::Theme && v.target.id == theme) ||
            (v.target.kind == ItemKind::Statement &&
             std::find(th->statements.begin(), th->statements.end(), v.target.id) != th->statements.end()))
            t.add(v);
    }
    return t;
}

VoteTally istatementTally(const Snapshot &s, Id istatement)
{
    VoteTally t;
    const Node *n = s.node(istatement);
    if (!n || n->kind != ItemKind::IStatement)
        return t;
    const std::vector<Id> statements = statementsOf(s, *n);
    for (const Vote &v : s.votes) {
        if ((v.target.kind == ItemKind::IStatement && v.target.id == istatement) ||
            (v.target.kind == ItemKind::Theme && n->themeId && v.target.id == *n->themeId) ||
            (v.target.kind == ItemKind::Statement &&
             std::find(statements.begin(), statements.end(), v.target.id) != statements.end()))
            t.add(v);
    }
    return t;
}

std::vector<std::vector<Id>> strategicThemes(const Snapshot &s)
{
    std::vector<const Theme *> themes;
    for (const Theme &t : s.themes)
        themes.push_back(&t);
    std::stable_sort(themes.begin(), themes.end(), [](const Theme *a, const Theme *b) { return a->id < b->id; });
    std::vector<std::vector<Id>> groups;
    QHash<QString, std::size_t> index;
    for (const Theme *t : themes) {
        const QString key = nameKey(t->name);
        const auto it = index.constFind(key);
        if (it == index.constEnd()) {
            index.insert(key, groups.size());
            groups.push_back({t->id});
        } else {
            groups[*it].push_back(t->id);
        }
    }
    return groups;
}

Grid workshopGrid(const Snapshot &s, const GridOptions &o)
{
    if (o.top < 1)
        throw Error(QStringLiteral("A workshop grid shows at least one note per cell, not %1").arg(o.top));
    // Votes of the ranking kind per statement, and every vote per theme row.
    std::map<Id, int> noteVotes;
    for (const Vote &v : s.votes) {
        if (v.target.kind == ItemKind::Statement && counts(v, o.rankBy, o.voterGroup))
            noteVotes[v.target.id] += v.count;
    }
    auto votesOf = [&](Id statement) {
        const auto it = noteVotes.find(statement);
        return it == noteVotes.end() ? 0 : it->second;
    };
    Grid g;
    g.areas = s.workshopTemplate.areas;
    for (const std::vector<Id> &group : strategicThemes(s)) {
        GridRow row;
        row.themes = group;
        row.cells.resize(std::size_t(g.areas.size()));
        for (Id themeId : group) {
            const Theme *t = s.theme(themeId);
            if (row.theme.isEmpty())
                row.theme = t->name.trimmed();
            if (row.description.isEmpty())
                row.description = t->description.trimmed();
            for (const Vote &v : s.votes) {
                const bool mine =
                    (v.target.kind == ItemKind::Theme && v.target.id == themeId) ||
                    (v.target.kind == ItemKind::Statement &&
                     std::find(t->statements.begin(), t->statements.end(), v.target.id) != t->statements.end());
                if (!mine ||
                    (!o.voterGroup.isEmpty() && v.voterGroup.compare(o.voterGroup.trimmed(), Qt::CaseInsensitive) != 0))
                    continue;
                (v.kind == QLatin1String("star") ? row.stars : row.dots) += v.count;
            }
            const qsizetype column = g.areas.indexOf(t->area);
            if (column < 0)
                continue; // an area the template no longer has: not a column
            GridCell &cell = row.cells[std::size_t(column)];
            std::vector<GridNote> notes;
            for (const Id st : t->statements) {
                const PcrStatement *p = s.statement(st);
                if (!p)
                    continue;
                const int n = votesOf(st);
                if (n == 0 && !o.includeUnvoted)
                    continue;
                notes.push_back({st, p->text, n, 0, false});
            }
            for (const GridNote &n : cell.notes) // themes whose names differ only in case share a row
                notes.push_back(n);
            std::stable_sort(notes.begin(), notes.end(), [](const GridNote &a, const GridNote &b) {
                return a.votes != b.votes ? a.votes > b.votes : a.statement < b.statement;
            });
            for (std::size_t i = 0; i < notes.size(); ++i) {
                notes[i].rank = (i > 0 && notes[i].votes == notes[i - 1].votes) ? notes[i - 1].rank : int(i) + 1;
                notes[i].tied = (i > 0 && notes[i].votes == notes[i - 1].votes) ||
                                (i + 1 < notes.size() && notes[i].votes == notes[i + 1].votes);
            }
            cell.tiedBeyond = 0;
            if (notes.size() > std::size_t(o.top)) {
                const int last = notes[std::size_t(o.top) - 1].votes;
                for (std::size_t i = std::size_t(o.top); i < notes.size() && notes[i].votes == last; ++i)
                    ++cell.tiedBeyond;
                notes.resize(std::size_t(o.top));
            }
            cell.notes = std::move(notes);
        }
        g.rows.push_back(std::move(row));
    }
    return g;
}

Quire::Analysis::AnalysisTable gridTable(const Grid &g, const GridOptions &o)
{
    Quire::Analysis::AnalysisTable t;
    t.title = QStringLiteral("Top %1 by %2").arg(o.top).arg(toString(o.rankBy));
    if (!o.voterGroup.isEmpty())
        t.title += QStringLiteral(" of %1").arg(o.voterGroup.trimmed());
    const bool descriptors =
        std::any_of(g.rows.begin(), g.rows.end(), [](const GridRow &r) { return !r.description.isEmpty(); });
    t.header << (o.themeHeader.isEmpty() ? QStringLiteral("Theme") : o.themeHeader);
    if (descriptors)
        t.header << QStringLiteral("Descriptor");
    t.header << g.areas;
    if (o.totals)
        t.header << QStringLiteral("Votes");
    const QString empty = o.emptyText.isEmpty() ? QStringLiteral("(no top %1 identified)").arg(o.top) : o.emptyText;
    for (const GridRow &r : g.rows) {
        QStringList row{r.theme};
        if (descriptors)
            row << r.description;
        for (const GridCell &c : r.cells) {
            if (c.notes.empty()) {
                row << empty;
                continue;
            }
            QStringList lines;
            for (const GridNote &n : c.notes)
                lines << QStringLiteral("%1%2 %3 (%4)")
                             .arg(n.rank)
                             .arg(n.tied ? QStringLiteral("=") : QStringLiteral("."), n.text,
                                  voteCount(n.votes, o.rankBy));
            if (c.tiedBeyond > 0)
                lines << QStringLiteral("(+%1 more tied at %2)")
                             .arg(c.tiedBeyond)
                             .arg(voteCount(c.notes.back().votes, o.rankBy));
            row << lines.join(QLatin1Char('\n'));
        }
        if (o.totals)
            row << QStringLiteral("%1, %2").arg(voteCount(r.stars, RankBy::Stars), voteCount(r.dots, RankBy::Dots));
        t.rows.push_back(row);
    }
    return t;
}

} // namespace Quire::Wtfc
