// SPDX-License-Identifier: GPL-3.0-or-later
#include "wtfc/report.h"

#include "report/documentwriter.h"
#include "wtfc/grid.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace Quire::Wtfc {

namespace {

using Doc::Writer;

QString quote(const Snapshot &s, Id statementId)
{
    const PcrStatement *st = s.statement(statementId);
    if (!st)
        return QString();
    QStringList who;
    for (Id p : st->people)
        who << s.personName(p);
    return QStringLiteral("\u201C%1\u201D (%2)")
        .arg(st->text, who.isEmpty() ? st->name : who.join(QStringLiteral(", ")));
}

QString nodeText(const Snapshot &s, Id id)
{
    const Node *n = s.node(id);
    return n ? n->text : QString();
}

QString chainText(const Snapshot &s, const Chain &c)
{
    QStringList parts;
    for (Id n : c.nodes)
        parts << nodeText(s, n);
    return parts.join(QStringLiteral(" \u2192 "));
}

void write(Writer &w, const Snapshot &s, const Analysis &a, const ReportOptions &o)
{
    const Template &t = s.workshopTemplate;
    w.heading(1, QStringLiteral("Working Together for Change: workshop report")); // also the HTML title
    int themed = 0;
    for (const PcrStatement &st : s.statements)
        themed += st.themeId ? 1 : 0;
    w.paragraph(
        QStringLiteral(
            "%1 statements from %2 people; %3 themed into %4 themes; %5 I statements; %6 causes (%7 root causes); "
            "%8 solutions; %9 actions.")
            .arg(s.statements.size())
            .arg(s.people.size())
            .arg(themed)
            .arg(s.themes.size())
            .arg(std::count_if(s.nodes.begin(), s.nodes.end(),
                               [](const Node &n) { return n.kind == ItemKind::IStatement; }))
            .arg(a.causes.size())
            .arg(a.rootCauses.size())
            .arg(s.solutions.size())
            .arg(s.actions.size()));

    // 1. Themes per area.
    w.heading(2, QStringLiteral("Themes"));
    for (const QString &area : t.areas) {
        std::vector<const Theme *> themes;
        for (const Theme &th : s.themes) {
            if (th.area == area)
                themes.push_back(&th);
        }
        if (themes.empty())
            continue;
        // Most voted first: the votes on the theme and on its statements (dots and stars) summed.
        auto total = [&](const Theme *x) {
            const VoteTally v = themeTally(s, x->id);
            return v.dots + v.stars;
        };
        std::stable_sort(themes.begin(), themes.end(),
                         [&](const Theme *x, const Theme *y) { return total(x) > total(y); });
        w.heading(3, area);
        QList<QStringList> rows;
        for (const Theme *th : themes) {
            QSet<Id> people;
            for (Id st : th->statements)
                if (const PcrStatement *x = s.statement(st))
                    for (Id p : x->people)
                        people.insert(p);
            const VoteTally v = themeTally(s, th->id);
            rows << QStringList{th->name, v.text(), QString::number(th->statements.size()),
                                QString::number(people.size()), v.groupText()};
        }
        w.paragraph(QStringLiteral("Votes are those on the theme and on its statements, summed."));
        w.table({QStringLiteral("Theme"), QStringLiteral("Votes"), QStringLiteral("Statements"),
                 QStringLiteral("People"), QStringLiteral("Votes by group")},
                rows);
        for (const Theme *th : themes) {
            if (th->statements.empty())
                continue;
            w.heading(4, th->name);
            if (!th->description.trimmed().isEmpty())
                w.paragraph(th->description.trimmed());
            // Sample: the most voted statements first, then in order.
            std::vector<Id> sample = th->statements;
            std::stable_sort(sample.begin(), sample.end(), [&](Id x, Id y) {
                return s.votesFor({ItemKind::Statement, x}) > s.votesFor({ItemKind::Statement, y});
            });
            QStringList items;
            for (std::size_t i = 0; i < sample.size() && int(i) < o.sampleStatements; ++i) {
                const VoteTally v = tally(s, {ItemKind::Statement, sample[i]});
                items << (v.empty() ? quote(s, sample[i])
                                    : QStringLiteral("%1 \u2014 %2").arg(quote(s, sample[i]), v.text()));
            }
            w.list(items);
        }
    }

    // 2. I statements.
    w.heading(2, QStringLiteral("I statements"));
    {
        QList<QStringList> rows;
        for (const Node &n : s.nodes) {
            if (n.kind != ItemKind::IStatement)
                continue;
            const Theme *th = n.themeId ? s.theme(*n.themeId) : nullptr;
            const VoteTally v = istatementTally(s, n.id);
            rows << QStringList{n.text, th ? th->name : QString(), v.text(), QString::number(statementsOf(s, n).size()),
                                v.groupText()};
        }
        w.paragraph(QStringLiteral(
            "Votes are those on the I statement, on its theme and on the statements it sums up, summed."));
        w.table({QStringLiteral("I statement"), QStringLiteral("Theme"), QStringLiteral("Votes"),
                 QStringLiteral("Statements"), QStringLiteral("Votes by group")},
                rows);
    }

    // 3. The graph.
    w.heading(2, QStringLiteral("Root causes"));
    Doc::Picture picture;
    picture.alt = QStringLiteral("The root-cause graph");
    picture.link = o.svgLink;
    picture.svg = o.svg;
    picture.name = o.pictureName;
    picture.width = o.pictureWidth;
    picture.png = o.png;
    picture.pngWidth = o.pngWidth;
    picture.pngHeight = o.pngHeight;
    picture.missing =
        QStringLiteral("(The graph picture is not in this export; see the .svg or .dot export of the graph.)");
    w.picture(picture);
    {
        QList<QStringList> rows;
        for (const CauseReach &r : a.causes) {
            if (!r.root)
                continue;
            rows << QStringList{QString::number(r.rank),           nodeText(s, r.cause),
                                QString::number(r.peopleCount),    QString::number(r.istatementCount),
                                QString::number(r.statementCount), QString::number(r.votes)};
        }
        w.paragraph(QStringLiteral(
            "Root causes ranked by the distinct people they explain, then I statements, statements and votes; "
            "equal causes share a rank."));
        w.table({QStringLiteral("Rank"), QStringLiteral("Root cause"), QStringLiteral("People"),
                 QStringLiteral("I statements"), QStringLiteral("Statements"), QStringLiteral("Votes")},
                rows);
        QStringList shared;
        for (Id c : a.sharedCauses)
            shared << QStringLiteral("%1 (%2 I statements)").arg(nodeText(s, c)).arg(a.reach(c)->istatementCount);
        w.heading(3, QStringLiteral("Causes shared by several I statements"));
        w.list(shared.isEmpty() ? QStringList{QStringLiteral("none")} : shared);
        w.heading(3, QStringLiteral("Longest chains"));
        QStringList chains;
        for (const Chain &c : a.longestChains) {
            if (c.length() == a.maxChainLength && c.length() > 0)
                chains << QStringLiteral("%1 (%2 whys)").arg(chainText(s, c)).arg(c.length());
        }
        w.list(chains.isEmpty() ? QStringList{QStringLiteral("none")} : chains);
        QStringList cut;
        for (Id c : a.articulationPoints)
            cut << nodeText(s, c);
        w.heading(3, QStringLiteral("Causes that hold the picture together"));
        w.paragraph(QStringLiteral("Removing one of these would split the graph in two."));
        w.list(cut.isEmpty() ? QStringList{QStringLiteral("none")} : cut);
    }

    // 4. Success statements by perspective.
    w.heading(2, QStringLiteral("What success looks like"));
    for (const QString &p : t.perspectives) {
        QList<QStringList> rows;
        for (const SuccessStatement &x : s.success) {
            if (x.perspective == p)
                rows << QStringList{nodeText(s, x.causeId), x.text};
        }
        if (rows.isEmpty())
            continue;
        w.heading(3, p);
        w.table({QStringLiteral("Root cause"), QStringLiteral("Success")}, rows);
    }

    // 5. Solutions by kind.
    w.heading(2, QStringLiteral("Solutions"));
    for (const QString &k : t.solutionKinds) {
        QList<QStringList> rows;
        for (const Solution &x : s.solutions) {
            if (x.kind == k)
                rows << QStringList{x.text, nodeText(s, x.causeId), tally(s, {ItemKind::Solution, x.id}).text(),
                                    tally(s, {ItemKind::Cause, x.causeId}).text()};
        }
        if (rows.isEmpty())
            continue;
        w.heading(3, k);
        w.table({QStringLiteral("Solution"), QStringLiteral("Root cause"), QStringLiteral("Votes"),
                 QStringLiteral("Votes on the root cause")},
                rows);
    }

    // 6. The grid.
    w.heading(2, QStringLiteral("Investment grid"));
    {
        QStringList cells[4];
        QStringList unplaced;
        for (const Solution &x : s.solutions) {
            const auto q = s.quadrantOf(x);
            QString label = x.text;
            if (x.x && x.y)
                label += QStringLiteral(" (%1 %2, %3 %4)").arg(t.xAxis).arg(*x.x).arg(t.yAxis).arg(*x.y);
            if (q)
                cells[*q] << label;
            else
                unplaced << x.text;
        }
        auto cell = [&](int q) {
            return QStringLiteral("%1: %2").arg(t.quadrants.value(q), cells[q].isEmpty()
                                                                          ? QStringLiteral("none")
                                                                          : cells[q].join(QStringLiteral("; ")));
        };
        w.paragraph(
            QStringLiteral("Across: %1 (low to high). Down: %2 (high, then low). A score of 5 or more counts as high.")
                .arg(t.xAxis, t.yAxis));
        w.table({QString(), QStringLiteral("low %1").arg(t.xAxis), QStringLiteral("high %1").arg(t.xAxis)},
                {{QStringLiteral("high %1").arg(t.yAxis), cell(0), cell(1)},
                 {QStringLiteral("low %1").arg(t.yAxis), cell(2), cell(3)}});
        if (!unplaced.isEmpty()) {
            w.paragraph(QStringLiteral("Not yet placed:"));
            w.list(unplaced);
        }
    }

    // 7. Action plan.
    w.heading(2, QStringLiteral("Action plan"));
    {
        QList<QStringList> rows;
        for (const Action &x : s.actions) {
            const Solution *so = s.solution(x.solutionId);
            rows << QStringList{QString::number(x.id),
                                x.text,
                                x.owner,
                                x.due,
                                x.status,
                                so ? so->text : QString(),
                                so ? nodeText(s, so->causeId) : QString()};
        }
        w.table({QStringLiteral("#"), QStringLiteral("Action"), QStringLiteral("Who"), QStringLiteral("By when"),
                 QStringLiteral("Status"), QStringLiteral("Solution"), QStringLiteral("Root cause")},
                rows);
    }

    // Appendix: every action back to the people's own words.
    w.heading(2, QStringLiteral("Appendix: from each action back to the people's words"));
    for (const Action &x : s.actions) {
        const Trace tr = traceBack(s, {ItemKind::Action, x.id});
        w.heading(3, QStringLiteral("Action %1: %2").arg(x.id).arg(x.text));
        QStringList items;
        for (Id so : tr.solutions)
            items << QStringLiteral("Solution: %1").arg(s.solution(so)->text);
        for (const Chain &c : tr.chains)
            items << QStringLiteral("Why: %1").arg(chainText(s, c));
        for (Id th : tr.themes)
            items << QStringLiteral("Theme: %1 (%2)").arg(s.theme(th)->name, s.theme(th)->area);
        items << QStringLiteral("%1 statements from %2 people").arg(tr.statements.size()).arg(tr.people.size());
        w.list(items);
        QStringList quotes;
        for (Id st : tr.statements)
            quotes << quote(s, st);
        w.list(quotes);
    }
}

} // namespace

namespace {

const QString Title = QStringLiteral("Working Together for Change: workshop report");

QByteArray report(const QString &format, const Snapshot &workshop, const Analysis &analysis,
                  const ReportOptions &options, const QString &fileName)
{
    const std::unique_ptr<Writer> w = Doc::makeWriter(format, Title, fileName);
    write(*w, workshop, analysis, options);
    return w->finish();
}

} // namespace

QString reportMarkdown(const Snapshot &workshop, const Analysis &analysis, const ReportOptions &options)
{
    return QString::fromUtf8(report(QStringLiteral("md"), workshop, analysis, options, QStringLiteral("report.md")));
}

QString reportHtml(const Snapshot &workshop, const Analysis &analysis, const ReportOptions &options)
{
    return QString::fromUtf8(
        report(QStringLiteral("html"), workshop, analysis, options, QStringLiteral("report.html")));
}

QByteArray reportDocx(const Snapshot &workshop, const Analysis &analysis, const ReportOptions &options,
                      const QString &fileName)
{
    return report(QStringLiteral("docx"), workshop, analysis, options, fileName);
}

} // namespace Quire::Wtfc
