// SPDX-License-Identifier: GPL-3.0-or-later
// The Working Together for Change verbs of quire-cli: every stage of a
// workshop, one command (one undo step) per call, so a whole workshop can run
// from a script (corpora/wtfc/run-workshop.sh).
#include "wtfcverbs.h"

#include "args.h"
#include "output.h"

#include "error.h"
#include "model/project.h"
#include "storage/fileerrors.h"
#include "tablesfile.h"
#include "wtfc/analysis.h"
#include "wtfc/graphexport.h"
#include "wtfc/grid.h"
#include "wtfc/layout.h"
#include "wtfc/report.h"
#include "wtfc/workshop.h"
#include "wtfcreport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>

namespace Quire::Cli {

using namespace Quire::Wtfc;

namespace {

class Session
{
public:
    Session(const Context &c, const QString &path)
        : m_context(c)
        , m_project(c.openProject(path))
        , m_workshop(*m_project)
    {}
    Workshop &workshop() { return m_workshop; }
    Project &project() { return *m_project; }
    void report(const QString &text, QJsonObject json = {}) const { Cli::report(m_context, text, std::move(json)); }
    bool json() const { return m_context.json; }

private:
    const Context &m_context;
    std::unique_ptr<Project> m_project;
    Workshop m_workshop;
};

/// Statements by document name or id, or as @PERSON:RANK (in `area`) or
/// @PERSON:AREA:RANK: the person's statement of that rank in that area.
std::vector<Id> statementIds(Workshop &w, const QStringList &names, const QString &area = QString())
{
    std::vector<Id> ids;
    for (const QString &n : names) {
        QString t = n;
        if (t.startsWith(QLatin1Char('@'))) {
            const QStringList parts = t.mid(1).split(QLatin1Char(':'));
            bool ok = false;
            const qint64 rank = parts.last().toLongLong(&ok);
            if (!ok || parts.size() < 2 || parts.size() > 3 || (parts.size() == 2 && area.isEmpty()))
                throw UsageError(
                    QStringLiteral("\"%1\" is not @PERSON:AREA:RANK (or @PERSON:RANK with a theme's area)").arg(t));
            ids.push_back(w.findStatement(parts[0], parts.size() == 3 ? parts[1] : area, rank));
            continue;
        }
        if (t.startsWith(QLatin1String("statement:"), Qt::CaseInsensitive))
            t = t.mid(10);
        ids.push_back(w.resolveStatement(t));
    }
    return ids;
}

QString themeArea(Workshop &w, Id theme)
{
    for (const Theme &t : w.snapshot().themes) {
        if (t.id == theme)
            return t.area;
    }
    return QString();
}

/// The themes named `text` when several areas have that name and no area is
/// given (a strategic theme); otherwise none, and the name resolves as usual.
std::vector<Id> strategicTheme(Workshop &w, const QString &text, const QString &area)
{
    if (!area.isEmpty() || text.trimmed().startsWith(QLatin1String("theme:"), Qt::CaseInsensitive))
        return {};
    const Snapshot snap = w.snapshot();
    for (const std::vector<Id> &group : strategicThemes(snap)) {
        if (group.size() > 1 &&
            snap.theme(group.front())->name.trimmed().compare(text.trimmed(), Qt::CaseInsensitive) == 0)
            return group;
    }
    return {};
}

Id solutionId(Workshop &w, const QString &text)
{
    const ItemRef r = w.resolveItem(text.contains(QLatin1Char(':')) ? text : QStringLiteral("solution:") + text);
    if (r.kind != ItemKind::Solution)
        throw Error(QStringLiteral("\"%1\" is not a solution (write solution:ID)").arg(text));
    return r.id;
}

Id actionId(Workshop &w, const QString &text)
{
    const ItemRef r = w.resolveItem(text.contains(QLatin1Char(':')) ? text : QStringLiteral("action:") + text);
    if (r.kind != ItemKind::Action)
        throw Error(QStringLiteral("\"%1\" is not an action (write action:ID)").arg(text));
    return r.id;
}

int positiveNumber(const QString &verb, const QString &option, const QString &value)
{
    bool ok = false;
    const int n = value.toInt(&ok);
    if (!ok || n < 1)
        throw UsageError(QStringLiteral("%1: --%2 takes a whole number from 1, not \"%3\"").arg(verb, option, value));
    return n;
}

double score(const QString &verb, const QString &option, const QString &value)
{
    bool ok = false;
    const double d = value.toDouble(&ok);
    if (!ok)
        throw UsageError(QStringLiteral("%1: --%2 takes a score from 0 to 10, not \"%3\"").arg(verb, option, value));
    return d;
}

void saveFile(const QString &path, const QByteArray &bytes)
{
    FileErrors::saveFile(path, bytes);
}

QJsonArray ids(const std::vector<Id> &v)
{
    QJsonArray a;
    for (Id id : v)
        a.append(id);
    return a;
}

/// Per voter group: {"group": …, "dots": N, "stars": N}.
QJsonArray tallyJson(const VoteTally &t)
{
    QJsonArray out;
    for (const auto &[group, counts] : t.groups)
        out.append(QJsonObject{{QStringLiteral("group"), group},
                               {QStringLiteral("dots"), counts.first},
                               {QStringLiteral("stars"), counts.second}});
    return out;
}

QJsonObject templateJson(const Template &t)
{
    return {{QStringLiteral("areas"), QJsonArray::fromStringList(t.areas)},
            {QStringLiteral("perspectives"), QJsonArray::fromStringList(t.perspectives)},
            {QStringLiteral("solutionKinds"), QJsonArray::fromStringList(t.solutionKinds)},
            {QStringLiteral("xAxis"), t.xAxis},
            {QStringLiteral("yAxis"), t.yAxis},
            {QStringLiteral("quadrants"), QJsonArray::fromStringList(t.quadrants)}};
}

QJsonObject chainJson(const Snapshot &snap, const Chain &ch)
{
    QJsonArray texts;
    for (Id n : ch.nodes)
        texts.append(snap.node(n) ? snap.node(n)->text : QString());
    return {{QStringLiteral("nodes"), ids(ch.nodes)},
            {QStringLiteral("texts"), texts},
            {QStringLiteral("length"), ch.length()}};
}

/// wtfc why and wtfc unlink: a "why" link between two nodes, made or removed.
int whyOrUnlink(const Context &c, const QStringList &words, bool add)
{
    const QString verb = add ? QStringLiteral("wtfc why") : QStringLiteral("wtfc unlink");
    Args a(words, verb);
    a.expectAtMost(3);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    Workshop &w = s.workshop();
    const Id from = w.resolveNode(a.at(1, QStringLiteral("NODE")));
    const QString causeText = a.at(2, QStringLiteral("CAUSE"));
    if (!add) {
        w.unlink(from, w.resolveNode(causeText));
        s.report(QStringLiteral("Removed the \"why\" link"));
        return 0;
    }
    // A cause typed for the first time is created with its edge, in one command.
    std::optional<Id> to;
    try {
        to = w.resolveNode(causeText);
    } catch (const Error &) {
        // An id that names nothing is a mistake, not the text of a new cause.
        static const QRegularExpression reference(QStringLiteral("^\\s*([A-Za-z-]+:)?\\d+\\s*$"));
        if (reference.match(causeText).hasMatch())
            throw;
    }
    if (to) {
        w.addWhy(from, *to);
        const Snapshot snap = w.snapshot();
        s.report(QStringLiteral("\"%1\" is caused by \"%2\"").arg(snap.node(from)->text, snap.node(*to)->text),
                 {{QStringLiteral("cause"), *to}, {QStringLiteral("new"), false}});
    } else {
        const Id id = w.addWhyText(from, causeText);
        s.report(QStringLiteral("Added cause %1 \"%2\" under node %3").arg(id).arg(causeText.trimmed()).arg(from),
                 {{QStringLiteral("cause"), id}, {QStringLiteral("new"), true}});
    }
    return 0;
}

/// wtfc success add and wtfc solution add: both hang under a cause.
int successOrSolution(const Context &c, const QStringList &words, bool success)
{
    const QString noun = success ? QStringLiteral("success") : QStringLiteral("solution");
    Args a(words, QStringLiteral("wtfc %1 add").arg(noun));
    a.expectAtMost(4);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Id cause = s.workshop().resolveNode(a.at(1, QStringLiteral("CAUSE")));
    const QString what = a.at(2, success ? QStringLiteral("PERSPECTIVE") : QStringLiteral("KIND"));
    const QString text = a.at(3, QStringLiteral("TEXT"));
    const Id id = success ? s.workshop().addSuccess(cause, what, text) : s.workshop().addSolution(cause, what, text);
    s.report(QStringLiteral("Added %1 %2")
                 .arg(success ? QStringLiteral("success statement") : QStringLiteral("solution"))
                 .arg(id),
             {{QStringLiteral("id"), id}});
    return 0;
}

} // namespace

// ---- verbs ------------------------------------------------------------------

int cmdWtfcTemplate(const Context &c, const QStringList &words)
{
    const QString verb = QStringLiteral("wtfc template");
    Args a(words, verb);
    a.expectAtMost(1);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    Template t = s.workshop().workshopTemplate();
    bool changed = false;
    if (a.has(QStringLiteral("preset"))) {
        const QString p = a.value(QStringLiteral("preset"));
        if (p == QLatin1String("default"))
            t = Template::defaults();
        else if (p == QLatin1String("glad-sad-mad"))
            t = Template::gladSadMad();
        else
            throw UsageError(QStringLiteral("%1: --preset is default or glad-sad-mad, not \"%2\"").arg(verb, p));
        changed = true;
    }
    auto list = [&](const QString &option, QStringList &target) {
        if (a.has(option)) {
            target = a.values(option);
            changed = true;
        }
    };
    list(QStringLiteral("area"), t.areas);
    list(QStringLiteral("perspective"), t.perspectives);
    list(QStringLiteral("solution-kind"), t.solutionKinds);
    list(QStringLiteral("quadrant"), t.quadrants);
    if (a.has(QStringLiteral("x-axis"))) {
        t.xAxis = a.value(QStringLiteral("x-axis"));
        changed = true;
    }
    if (a.has(QStringLiteral("y-axis"))) {
        t.yAxis = a.value(QStringLiteral("y-axis"));
        changed = true;
    }
    if (changed)
        s.workshop().setTemplate(t);
    const Template now = s.workshop().workshopTemplate();
    if (s.json()) {
        QJsonObject o = templateJson(now);
        o.insert(QStringLiteral("ok"), true);
        printJson(o);
    } else {
        print(QStringLiteral("areas: %1\nperspectives: %2\nsolution kinds: %3\ngrid: %4 × %5\nquadrants: %6\n")
                  .arg(now.areas.join(QStringLiteral("; ")), now.perspectives.join(QStringLiteral("; ")),
                       now.solutionKinds.join(QStringLiteral("; ")), now.xAxis, now.yAxis,
                       now.quadrants.join(QStringLiteral("; "))));
    }
    return 0;
}

int cmdWtfcStatements(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc statements"));
    a.expectAtMost(1);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Snapshot snap = s.workshop().snapshot();
    QJsonArray out;
    QString text;
    for (const PcrStatement &st : snap.statements) {
        if (a.has(QStringLiteral("area")) && st.area.compare(a.value(QStringLiteral("area")), Qt::CaseInsensitive) != 0)
            continue;
        if (a.has(QStringLiteral("unthemed")) && st.themeId)
            continue;
        QStringList people;
        for (Id p : st.people)
            people << snap.personName(p);
        const VoteTally v = tally(snap, {ItemKind::Statement, st.id});
        out.append(QJsonObject{{QStringLiteral("id"), st.id},
                               {QStringLiteral("name"), st.name},
                               {QStringLiteral("area"), st.area},
                               {QStringLiteral("rank"), st.rank ? QJsonValue(*st.rank) : QJsonValue()},
                               {QStringLiteral("takenForward"), st.takenForward},
                               {QStringLiteral("people"), QJsonArray::fromStringList(people)},
                               {QStringLiteral("theme"), st.themeId ? QJsonValue(*st.themeId) : QJsonValue()},
                               {QStringLiteral("dots"), v.dots},
                               {QStringLiteral("stars"), v.stars},
                               {QStringLiteral("byGroup"), tallyJson(v)},
                               {QStringLiteral("text"), st.text}});
        text += QStringLiteral("%1\t%2\t%3\t%4%5\n")
                    .arg(st.id)
                    .arg(st.name, st.area, st.text, v.empty() ? QString() : QStringLiteral("\t") + v.text());
    }
    if (s.json())
        printJson(QJsonObject{{QStringLiteral("statements"), out}});
    else
        print(text);
    return 0;
}

int cmdWtfcThemeGrid(const Context &c, const QStringList &words)
{
    const QString verb = QStringLiteral("wtfc theme grid");
    Args a(words, verb);
    a.expectAtMost(1);
    GridOptions o;
    if (a.has(QStringLiteral("top")))
        o.top = positiveNumber(verb, QStringLiteral("top"), a.value(QStringLiteral("top")));
    if (a.has(QStringLiteral("rank"))) {
        const QString r = a.value(QStringLiteral("rank")).trimmed().toLower();
        if (r == QLatin1String("stars") || r == QLatin1String("star"))
            o.rankBy = RankBy::Stars;
        else if (r == QLatin1String("dots") || r == QLatin1String("dot"))
            o.rankBy = RankBy::Dots;
        else
            throw UsageError(
                QStringLiteral("%1: --rank is stars or dots, not \"%2\"").arg(verb, a.value(QStringLiteral("rank"))));
    }
    o.emptyText = a.value(QStringLiteral("empty"));
    o.voterGroup = a.value(QStringLiteral("group"));
    o.themeHeader = a.value(QStringLiteral("theme-header"));
    o.includeUnvoted = a.has(QStringLiteral("all-notes"));
    o.totals = a.has(QStringLiteral("totals"));
    const QString out = a.value(QStringLiteral("out"));
    if (a.has(QStringLiteral("out")) && !Render::writesTables(out))
        throw UsageError(
            QStringLiteral("%1: --out names a .md, .csv, .html, .docx, .odt, .pdf or .xlsx file, not \"%2\"")
                .arg(verb, out));
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Snapshot snap = s.workshop().snapshot();
    const Quire::Analysis::AnalysisTable table = gridTable(workshopGrid(snap, o), o);
    if (!out.isEmpty()) {
        Render::writeTables(out, {table}, QStringLiteral("Workshop grid"), s.project().fileName());
        s.report(QStringLiteral("Wrote %1").arg(out), {{QStringLiteral("files"), QJsonArray{out}}});
    } else if (s.json()) {
        printJson(QJsonObject{{QStringLiteral("title"), table.title}, {QStringLiteral("rows"), table.toJson()}});
    } else {
        print(table.toText());
    }
    return 0;
}

int cmdWtfcThemeList(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc theme list"));
    a.expectAtMost(1);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Snapshot snap = s.workshop().snapshot();
    QJsonArray out;
    QString text;
    for (const Theme &t : snap.themes) {
        const int votes = snap.votesFor({ItemKind::Theme, t.id});
        const VoteTally all = themeTally(snap, t.id);
        out.append(QJsonObject{{QStringLiteral("id"), t.id},
                               {QStringLiteral("area"), t.area},
                               {QStringLiteral("name"), t.name},
                               {QStringLiteral("description"), t.description},
                               {QStringLiteral("votes"), votes},
                               {QStringLiteral("dotsWithStatements"), all.dots},
                               {QStringLiteral("starsWithStatements"), all.stars},
                               {QStringLiteral("byGroup"), tallyJson(all)},
                               {QStringLiteral("statements"), ids(t.statements)}});
        // votes on the theme itself, then everything on it and its statements
        text += QStringLiteral("%1\t%2\t%3\t%4 statements\t%5 votes\t%6\t%7\t%8\n")
                    .arg(t.id)
                    .arg(t.area, t.name)
                    .arg(t.statements.size())
                    .arg(votes)
                    .arg(all.text(), all.groupText(), t.description);
    }
    if (s.json())
        printJson(QJsonObject{{QStringLiteral("themes"), out}});
    else
        print(text);
    return 0;
}

int cmdWtfcThemeAdd(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc theme add"));
    a.expectAtMost(3);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const QString area = a.at(1, QStringLiteral("AREA"));
    const QString name = a.at(2, QStringLiteral("NAME"));
    if (area.trimmed() == QLatin1String("*")) {
        // A strategic theme: the same name in every area, one undo step (docs/decisions/0012-strategic-themes.md).
        std::vector<Id> added;
        const QStringList areas = s.workshop().workshopTemplate().areas;
        s.project().batch(QStringLiteral("wtfc.theme.add"),
                          QStringLiteral("Add theme \"%1\" in %2 areas").arg(name.trimmed()).arg(areas.size()), [&] {
                              for (const QString &ar : areas)
                                  added.push_back(
                                      s.workshop().addTheme(ar, name, a.value(QStringLiteral("description"))));
                          });
        QStringList idList;
        for (Id id : added)
            idList << QString::number(id);
        s.report(QStringLiteral("Added theme \"%1\" in %2 areas (ids %3)")
                     .arg(name.trimmed())
                     .arg(added.size())
                     .arg(idList.join(QStringLiteral(", "))),
                 {{QStringLiteral("ids"), ids(added)}});
        return 0;
    }
    const Id id = s.workshop().addTheme(area, name, a.value(QStringLiteral("description")));
    s.report(QStringLiteral("Added theme %1 \"%2\"").arg(id).arg(name), {{QStringLiteral("id"), id}});
    return 0;
}

int cmdWtfcThemeAssign(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc theme assign"));
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    a.at(2, QStringLiteral("STATEMENT"));
    const std::vector<Id> spanning =
        strategicTheme(s.workshop(), a.at(1, QStringLiteral("THEME")), a.value(QStringLiteral("area")));
    if (!spanning.empty()) {
        // A name several areas have: each statement goes on the theme of its own area, in one command.
        const Snapshot snap = s.workshop().snapshot();
        const auto st = statementIds(s.workshop(), a.positional().mid(2));
        std::map<Id, std::vector<Id>> byTheme;
        for (Id id : st) {
            const PcrStatement *p = snap.statement(id);
            const auto t = std::find_if(spanning.begin(), spanning.end(), [&](Id th) {
                return p && snap.theme(th)->area.compare(p->area.trimmed(), Qt::CaseInsensitive) == 0;
            });
            if (t == spanning.end())
                throw Error(QStringLiteral("The statement \"%1\" is in the area \"%2\", which has no theme \"%3\"")
                                .arg(p ? p->name : QString::number(id), p ? p->area : QString(),
                                     a.at(1, QStringLiteral("THEME"))));
            byTheme[*t].push_back(id);
        }
        s.project().batch(
            QStringLiteral("wtfc.theme.assign"),
            QStringLiteral("Put %1 statement(s) on theme \"%2\"").arg(st.size()).arg(a.at(1, QStringLiteral("THEME"))),
            [&] {
                for (const auto &[theme, list] : byTheme)
                    s.workshop().assign(theme, list);
            });
        s.report(QStringLiteral("Put %1 statement(s) on theme \"%2\" in %3 area(s)")
                     .arg(st.size())
                     .arg(a.at(1, QStringLiteral("THEME")))
                     .arg(byTheme.size()),
                 {{QStringLiteral("themes"), ids([&] {
                       std::vector<Id> v;
                       for (const auto &kv : byTheme)
                           v.push_back(kv.first);
                       return v;
                   }())}});
        return 0;
    }
    const Id theme = s.workshop().resolveTheme(a.at(1, QStringLiteral("THEME")), a.value(QStringLiteral("area")));
    const auto st = statementIds(s.workshop(), a.positional().mid(2), themeArea(s.workshop(), theme));
    s.workshop().assign(theme, st);
    s.report(QStringLiteral("Put %1 statement(s) on theme %2").arg(st.size()).arg(theme),
             {{QStringLiteral("theme"), theme}});
    return 0;
}

int cmdWtfcThemeUnassign(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc theme unassign"));
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    a.at(1, QStringLiteral("STATEMENT"));
    const auto st = statementIds(s.workshop(), a.positional().mid(1));
    s.workshop().unassign(st);
    s.report(QStringLiteral("Took %1 statement(s) off their themes").arg(st.size()));
    return 0;
}

int cmdWtfcThemeRename(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc theme rename"));
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    a.expectAtMost(3);
    // A name several areas have is a strategic theme: renamed in every area (unless --this-area).
    const std::vector<Id> spanning =
        strategicTheme(s.workshop(), a.at(1, QStringLiteral("THEME")), a.value(QStringLiteral("area")));
    if (!spanning.empty() && a.has(QStringLiteral("this-area")))
        throw UsageError(QStringLiteral("wtfc theme rename: several areas have a theme \"%1\"; --this-area needs "
                                        "--area to say which")
                             .arg(a.at(1, QStringLiteral("THEME"))));
    const Id theme = spanning.empty()
                         ? s.workshop().resolveTheme(a.at(1, QStringLiteral("THEME")), a.value(QStringLiteral("area")))
                         : spanning.front();
    s.workshop().renameTheme(theme, a.at(2, QStringLiteral("NAME")), a.has(QStringLiteral("this-area")));
    s.report(QStringLiteral("Renamed theme %1").arg(theme));
    return 0;
}

int cmdWtfcThemeDelete(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc theme delete"));
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Id theme = s.workshop().resolveTheme(a.at(1, QStringLiteral("THEME")), a.value(QStringLiteral("area")));
    a.expectAtMost(2);
    s.workshop().deleteTheme(theme);
    s.report(QStringLiteral("Deleted theme %1").arg(theme));
    return 0;
}

int cmdWtfcVote(const Context &c, const QStringList &words)
{
    const QString verb = QStringLiteral("wtfc vote");
    Args a(words, verb);
    a.expectAtMost(2);
    if (a.has(QStringLiteral("dots")) && a.has(QStringLiteral("stars")))
        throw UsageError(QStringLiteral("%1: give --dots or --stars, not both").arg(verb));
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const ItemRef item = s.workshop().resolveItem(a.at(1, QStringLiteral("ITEM")));
    const bool stars = a.has(QStringLiteral("stars"));
    const int n = stars ? positiveNumber(verb, QStringLiteral("stars"), a.value(QStringLiteral("stars")))
                  : a.has(QStringLiteral("dots"))
                      ? positiveNumber(verb, QStringLiteral("dots"), a.value(QStringLiteral("dots")))
                      : 1;
    const Id id = s.workshop().vote(item, stars ? QStringLiteral("star") : QStringLiteral("dot"), n,
                                    a.value(QStringLiteral("group")));
    s.report(QStringLiteral("%1 %2 on %3")
                 .arg(n)
                 .arg(stars ? QStringLiteral("star(s)") : QStringLiteral("dot(s)"), s.workshop().label(item)),
             {{QStringLiteral("id"), id}});
    return 0;
}

int cmdWtfcSelect(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc select"));
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const QString stage = a.at(1, QStringLiteral("STAGE"));
    a.at(2, QStringLiteral("ITEM"));
    std::vector<ItemRef> items;
    for (const QString &w : a.positional().mid(2))
        items.push_back(s.workshop().resolveItem(w));
    const bool keep = !a.has(QStringLiteral("--drop"));
    // Several items are one undo step, like every other verb.
    s.project().batch(QStringLiteral("wtfc.select"),
                      QStringLiteral("Stage %1: %2 item(s)").arg(stage).arg(items.size()), [&] {
                          for (const ItemRef &i : items)
                              s.workshop().select(stage, i, keep);
                      });
    s.report(QStringLiteral("%1 %2 item(s) at stage %3")
                 .arg(keep ? QStringLiteral("Took forward") : QStringLiteral("Dropped"))
                 .arg(items.size())
                 .arg(stage));
    return 0;
}

int cmdWtfcIstatementAdd(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc istatement add"));
    a.expectAtMost(3);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Id theme = s.workshop().resolveTheme(a.at(1, QStringLiteral("THEME")), a.value(QStringLiteral("area")));
    const Id id = s.workshop().addIStatement(
        theme, a.at(2, QStringLiteral("TEXT")),
        statementIds(s.workshop(), a.values(QStringLiteral("statement")), themeArea(s.workshop(), theme)));
    s.report(QStringLiteral("Added I statement %1").arg(id), {{QStringLiteral("id"), id}});
    return 0;
}

int cmdWtfcIstatementLink(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc istatement link"));
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Id node = s.workshop().resolveNode(a.at(1, QStringLiteral("ISTATEMENT")));
    a.at(2, QStringLiteral("STATEMENT"));
    const Snapshot snap = s.workshop().snapshot();
    const Node *n = snap.node(node);
    const QString area = n && n->themeId ? themeArea(s.workshop(), *n->themeId) : QString();
    const auto st = statementIds(s.workshop(), a.positional().mid(2), area);
    s.workshop().linkStatements(node, st);
    s.report(QStringLiteral("Linked %1 statement(s) to I statement %2").arg(st.size()).arg(node));
    return 0;
}

int cmdWtfcCauseAdd(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc cause add"));
    a.expectAtMost(2);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Id id = s.workshop().addCause(a.at(1, QStringLiteral("TEXT")));
    s.report(QStringLiteral("Added cause %1").arg(id), {{QStringLiteral("id"), id}});
    return 0;
}

int cmdWtfcWhy(const Context &c, const QStringList &words)
{
    return whyOrUnlink(c, words, true);
}

int cmdWtfcUnlink(const Context &c, const QStringList &words)
{
    return whyOrUnlink(c, words, false);
}

int cmdWtfcAnalyse(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc analyse"));
    a.expectAtMost(1);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Snapshot snap = s.workshop().snapshot();
    const Wtfc::Analysis an = analyse(snap);
    if (s.json()) {
        QJsonArray causes;
        for (const CauseReach &r : an.causes) {
            QJsonArray people;
            for (Id p : r.people)
                people.append(snap.personName(p));
            causes.append(QJsonObject{{QStringLiteral("id"), r.cause},
                                      {QStringLiteral("text"), snap.node(r.cause)->text},
                                      {QStringLiteral("rank"), r.rank},
                                      {QStringLiteral("root"), r.root},
                                      {QStringLiteral("depth"), r.depth},
                                      {QStringLiteral("istatements"), ids(r.istatements)},
                                      {QStringLiteral("themes"), ids(r.themes)},
                                      {QStringLiteral("statements"), ids(r.statements)},
                                      {QStringLiteral("people"), people},
                                      {QStringLiteral("istatementCount"), r.istatementCount},
                                      {QStringLiteral("themeCount"), r.themeCount},
                                      {QStringLiteral("statementCount"), r.statementCount},
                                      {QStringLiteral("peopleCount"), r.peopleCount},
                                      {QStringLiteral("votes"), r.votes}});
        }
        QJsonArray chains;
        for (const Chain &ch : an.longestChains)
            chains.append(chainJson(snap, ch));
        printJson(
            QJsonObject{{QStringLiteral("causes"), causes},
                        {QStringLiteral("rootCauses"), ids(an.rootCauses)},
                        {QStringLiteral("sharedCauses"), ids(an.sharedCauses)},
                        {QStringLiteral("articulationPoints"), ids(an.articulationPoints)},
                        {QStringLiteral("longestChains"), chains},
                        {QStringLiteral("maxChainLength"), an.maxChainLength},
                        {QStringLiteral("rankedBy"),
                         QStringLiteral("people, istatements, statements, votes (descending); ties share a rank")}});
        return 0;
    }
    QString text = QStringLiteral("rank\tpeople\tI-st\tstmts\tvotes\tdepth\tcause\n");
    for (const CauseReach &r : an.causes)
        text += QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\t%7%8\n")
                    .arg(r.rank)
                    .arg(r.peopleCount)
                    .arg(r.istatementCount)
                    .arg(r.statementCount)
                    .arg(r.votes)
                    .arg(r.depth)
                    .arg(snap.node(r.cause)->text, r.root ? QStringLiteral(" [root]") : QString());
    text += QStringLiteral("shared causes: %1\narticulation points: %2\nlongest chain: %3 whys\n")
                .arg(an.sharedCauses.size())
                .arg(an.articulationPoints.size())
                .arg(an.maxChainLength);
    print(text);
    return 0;
}

int cmdWtfcTrace(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc trace"));
    a.expectAtMost(2);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const ItemRef item = s.workshop().resolveItem(a.at(1, QStringLiteral("ITEM")));
    const Snapshot snap = s.workshop().snapshot();
    const bool forward = a.has(QStringLiteral("reverse"));
    const Trace t = forward ? traceForward(snap, item) : traceBack(snap, item);
    auto named = [&](const std::vector<Id> &v, ItemKind kind) {
        QJsonArray out;
        for (Id id : v) {
            QString text;
            switch (kind) {
            case ItemKind::Action:
                text = snap.action(id)->text;
                break;
            case ItemKind::Solution:
                text = snap.solution(id)->text;
                break;
            case ItemKind::Theme:
                text = snap.theme(id)->name;
                break;
            case ItemKind::Cause:
            case ItemKind::IStatement:
                text = snap.node(id)->text;
                break;
            case ItemKind::Success:
                for (const SuccessStatement &x : snap.success)
                    if (x.id == id)
                        text = x.text;
                break;
            case ItemKind::Statement:
                break;
            }
            QJsonObject o{{QStringLiteral("id"), id}, {QStringLiteral("text"), text}};
            if (kind == ItemKind::Theme) // the votes on the theme and its statements
                o.insert(QStringLiteral("votes"), themeTally(snap, id).text());
            else if (kind == ItemKind::IStatement) // on it, its theme and the statements it sums up
                o.insert(QStringLiteral("votes"), istatementTally(snap, id).text());
            else if (kind == ItemKind::Cause || kind == ItemKind::Solution)
                o.insert(QStringLiteral("votes"), tally(snap, {kind, id}).text());
            out.append(o);
        }
        return out;
    };
    QJsonArray statements;
    for (Id id : t.statements) {
        const PcrStatement *st = snap.statement(id);
        QStringList people;
        for (Id p : st->people)
            people << snap.personName(p);
        statements.append(QJsonObject{{QStringLiteral("id"), id},
                                      {QStringLiteral("name"), st->name},
                                      {QStringLiteral("area"), st->area},
                                      {QStringLiteral("people"), QJsonArray::fromStringList(people)},
                                      {QStringLiteral("votes"), tally(snap, {ItemKind::Statement, id}).text()},
                                      {QStringLiteral("text"), st->text}});
    }
    QJsonArray people;
    for (Id p : t.people)
        people.append(QJsonObject{{QStringLiteral("id"), p}, {QStringLiteral("name"), snap.personName(p)}});
    QJsonArray chains;
    for (const Chain &ch : t.chains)
        chains.append(chainJson(snap, ch));
    if (s.json()) {
        printJson(
            QJsonObject{{QStringLiteral("item"), QStringLiteral("%1:%2").arg(toString(item.kind)).arg(item.id)},
                        {QStringLiteral("direction"), forward ? QStringLiteral("forward") : QStringLiteral("back")},
                        {QStringLiteral("actions"), named(t.actions, ItemKind::Action)},
                        {QStringLiteral("solutions"), named(t.solutions, ItemKind::Solution)},
                        {QStringLiteral("success"), named(t.success, ItemKind::Success)},
                        {QStringLiteral("causes"), named(t.causes, ItemKind::Cause)},
                        {QStringLiteral("istatements"), named(t.istatements, ItemKind::IStatement)},
                        {QStringLiteral("themes"), named(t.themes, ItemKind::Theme)},
                        {QStringLiteral("chains"), chains},
                        {QStringLiteral("statements"), statements},
                        {QStringLiteral("people"), people}});
        return 0;
    }
    QString text =
        s.workshop().label(item) + (forward ? QStringLiteral(" supports:\n") : QStringLiteral(" comes from:\n"));
    auto section = [&](const QString &title, const QJsonArray &arr) {
        if (arr.isEmpty())
            return;
        text += title + QStringLiteral(":\n");
        for (const auto &v : arr) {
            const QString votes = v.toObject().value(QStringLiteral("votes")).toString();
            text += QStringLiteral("  %1\t%2%3\n")
                        .arg(v.toObject().value(QStringLiteral("id")).toInteger())
                        .arg(v.toObject().value(QStringLiteral("text")).toString(),
                             votes.isEmpty() ? QString() : QStringLiteral("\t") + votes);
        }
    };
    section(QStringLiteral("actions"), named(t.actions, ItemKind::Action));
    section(QStringLiteral("solutions"), named(t.solutions, ItemKind::Solution));
    section(QStringLiteral("success statements"), named(t.success, ItemKind::Success));
    for (const auto &ch : chains) {
        QStringList parts;
        for (const auto &x : ch.toObject().value(QStringLiteral("texts")).toArray())
            parts << x.toString();
        text += QStringLiteral("chain: %1\n").arg(parts.join(QStringLiteral(" → ")));
    }
    section(QStringLiteral("causes"), named(t.causes, ItemKind::Cause));
    section(QStringLiteral("I statements"), named(t.istatements, ItemKind::IStatement));
    section(QStringLiteral("themes"), named(t.themes, ItemKind::Theme));
    text += QStringLiteral("statements (%1) from %2 people:\n").arg(t.statements.size()).arg(t.people.size());
    for (const auto &v : statements) {
        const QJsonObject o = v.toObject();
        QStringList who;
        for (const auto &p : o.value(QStringLiteral("people")).toArray())
            who << p.toString();
        const QString votes = o.value(QStringLiteral("votes")).toString();
        text += QStringLiteral("  %1\t%2\t%3%4\n")
                    .arg(who.join(QStringLiteral(", ")), o.value(QStringLiteral("area")).toString(),
                         o.value(QStringLiteral("text")).toString(),
                         votes == QLatin1String("no votes") ? QString() : QStringLiteral("\t") + votes);
    }
    print(text);
    return 0;
}

int cmdWtfcSuccessAdd(const Context &c, const QStringList &words)
{
    return successOrSolution(c, words, true);
}

int cmdWtfcSolutionAdd(const Context &c, const QStringList &words)
{
    return successOrSolution(c, words, false);
}

int cmdWtfcGridPlace(const Context &c, const QStringList &words)
{
    const QString verb = QStringLiteral("wtfc grid place");
    Args a(words, verb);
    a.expectAtMost(2);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Id solution = solutionId(s.workshop(), a.at(1, QStringLiteral("SOLUTION")));
    if (a.has(QStringLiteral("quadrant"))) {
        if (a.has(QStringLiteral("x")) || a.has(QStringLiteral("y")))
            throw UsageError(QStringLiteral("%1: give --quadrant or --x and --y, not both").arg(verb));
        const Template t = s.workshop().workshopTemplate();
        const QString q = a.value(QStringLiteral("quadrant"));
        int index = -1;
        for (int i = 0; i < t.quadrants.size(); ++i) {
            if (t.quadrants[i].compare(q.trimmed(), Qt::CaseInsensitive) == 0)
                index = i;
        }
        if (index < 0)
            throw Error(QStringLiteral("The grid has no quadrant \"%1\"; it has %2")
                            .arg(q, t.quadrants.join(QStringLiteral(", "))));
        s.workshop().placeInQuadrant(solution, index);
        s.report(QStringLiteral("Placed solution %1 in %2").arg(solution).arg(t.quadrants[index]));
        return 0;
    }
    if (!a.has(QStringLiteral("x")) || !a.has(QStringLiteral("y")))
        throw UsageError(QStringLiteral("%1: give --x SCORE and --y SCORE (0 to 10), or --quadrant LABEL").arg(verb));
    s.workshop().placeByScores(solution, score(verb, QStringLiteral("x"), a.value(QStringLiteral("x"))),
                               score(verb, QStringLiteral("y"), a.value(QStringLiteral("y"))));
    s.report(QStringLiteral("Placed solution %1").arg(solution));
    return 0;
}

int cmdWtfcActionAdd(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc action add"));
    a.expectAtMost(3);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Id solution = solutionId(s.workshop(), a.at(1, QStringLiteral("SOLUTION")));
    const Id id = s.workshop().addAction(
        solution, a.at(2, QStringLiteral("TEXT")), a.value(QStringLiteral("owner")), a.value(QStringLiteral("due")),
        a.has(QStringLiteral("status")) ? a.value(QStringLiteral("status")) : QStringLiteral("planned"));
    s.report(QStringLiteral("Added action %1").arg(id), {{QStringLiteral("id"), id}});
    return 0;
}

int cmdWtfcActionStatus(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc action status"));
    a.expectAtMost(3);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Id id = actionId(s.workshop(), a.at(1, QStringLiteral("ACTION")));
    s.workshop().setActionStatus(id, a.at(2, QStringLiteral("STATUS")));
    s.report(QStringLiteral("Action %1 is %2").arg(id).arg(a.at(2, QStringLiteral("STATUS"))));
    return 0;
}

namespace {
Id successId(Workshop &w, const QString &text)
{
    const ItemRef r = w.resolveItem(text.contains(QLatin1Char(':')) ? text : QStringLiteral("success:") + text);
    if (r.kind != ItemKind::Success)
        throw Error(QStringLiteral("\"%1\" is not a success statement (write success:ID)").arg(text));
    return r.id;
}

/// An option's value if given (an empty value counts), else \a current.
QString valueOr(const Args &a, const QString &option, const QString &current)
{
    return a.has(option) ? a.value(option) : current;
}
} // namespace

int cmdWtfcSuccessEdit(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc success edit"));
    a.expectAtMost(2);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Id id = successId(s.workshop(), a.at(1, QStringLiteral("SUCCESS")));
    const Snapshot snap = s.workshop().snapshot();
    const auto it =
        std::find_if(snap.success.begin(), snap.success.end(), [&](const SuccessStatement &x) { return x.id == id; });
    s.workshop().editSuccess(id, valueOr(a, QStringLiteral("perspective"), it->perspective),
                             valueOr(a, QStringLiteral("text"), it->text));
    s.report(QStringLiteral("Changed success statement %1").arg(id), {{QStringLiteral("id"), id}});
    return 0;
}

int cmdWtfcSuccessDelete(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc success delete"));
    a.expectAtMost(2);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Id id = successId(s.workshop(), a.at(1, QStringLiteral("SUCCESS")));
    s.workshop().deleteSuccess(id);
    s.report(QStringLiteral("Deleted success statement %1").arg(id), {{QStringLiteral("id"), id}});
    return 0;
}

int cmdWtfcSolutionEdit(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc solution edit"));
    a.expectAtMost(2);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Id id = solutionId(s.workshop(), a.at(1, QStringLiteral("SOLUTION")));
    const Snapshot snap = s.workshop().snapshot();
    const Solution *old = snap.solution(id);
    s.workshop().editSolution(id, valueOr(a, QStringLiteral("kind"), old->kind),
                              valueOr(a, QStringLiteral("text"), old->text));
    s.report(QStringLiteral("Changed solution %1").arg(id), {{QStringLiteral("id"), id}});
    return 0;
}

int cmdWtfcSolutionDelete(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc solution delete"));
    a.expectAtMost(2);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Id id = solutionId(s.workshop(), a.at(1, QStringLiteral("SOLUTION")));
    const Snapshot snap = s.workshop().snapshot();
    const auto actions =
        std::count_if(snap.actions.begin(), snap.actions.end(), [&](const Action &x) { return x.solutionId == id; });
    s.workshop().deleteSolution(id);
    s.report(QStringLiteral("Deleted solution %1 and its %2 action(s)").arg(id).arg(actions),
             {{QStringLiteral("id"), id}, {QStringLiteral("actions"), qint64(actions)}});
    return 0;
}

int cmdWtfcActionEdit(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc action edit"));
    a.expectAtMost(2);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Id id = actionId(s.workshop(), a.at(1, QStringLiteral("ACTION")));
    const Snapshot snap = s.workshop().snapshot();
    const Action old = *snap.action(id);
    s.workshop().editAction(id, valueOr(a, QStringLiteral("text"), old.text),
                            valueOr(a, QStringLiteral("owner"), old.owner), valueOr(a, QStringLiteral("due"), old.due));
    s.report(QStringLiteral("Changed action %1").arg(id), {{QStringLiteral("id"), id}});
    return 0;
}

int cmdWtfcActionDelete(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("wtfc action delete"));
    a.expectAtMost(2);
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Id id = actionId(s.workshop(), a.at(1, QStringLiteral("ACTION")));
    s.workshop().deleteAction(id);
    s.report(QStringLiteral("Deleted action %1").arg(id), {{QStringLiteral("id"), id}});
    return 0;
}

int cmdWtfcExport(const Context &c, const QStringList &words)
{
    const QString verb = QStringLiteral("wtfc export");
    Args a(words, verb);
    a.expectAtMost(1);
    const QString out = a.value(QStringLiteral("out"));
    if (out.isEmpty())
        throw UsageError(QStringLiteral("%1: --out FILE is required").arg(verb));
    QString format = a.value(QStringLiteral("format")).toLower();
    if (format.isEmpty())
        format = QFileInfo(out).suffix().toLower();
    if (format == QLatin1String("markdown"))
        format = QStringLiteral("md");
    if (!QStringList{QStringLiteral("md"), QStringLiteral("html"), QStringLiteral("docx"), QStringLiteral("pdf"),
                     QStringLiteral("dot"), QStringLiteral("graphml"), QStringLiteral("svg")}
             .contains(format))
        throw UsageError(
            QStringLiteral("%1: --format is md, html, docx, pdf, dot, graphml or svg, not \"%2\"").arg(verb, format));
    Session s(c, a.at(0, QStringLiteral("PROJECT")));
    const Snapshot snap = s.workshop().snapshot();
    const Wtfc::Analysis an = analyse(snap);
    QStringList written;
    if (format == QLatin1String("dot")) {
        saveFile(out, graphToDot(snap, an));
        written << out;
    } else if (format == QLatin1String("graphml")) {
        saveFile(out, graphToGraphml(snap, an));
        written << out;
    } else if (format == QLatin1String("svg")) {
        saveFile(out, graphSvg(snap, an));
        written << out;
    } else {
        // The report, with the graph picture as the format can hold it (src/render).
        for (const Render::ReportFile &f : Render::workshopReport(snap, an, format, out)) {
            saveFile(f.path, f.bytes);
            written << f.path;
        }
    }
    s.report(QStringLiteral("Wrote %1").arg(written.join(QStringLiteral(", "))),
             {{QStringLiteral("files"), QJsonArray::fromStringList(written)}});
    return 0;
}

} // namespace Quire::Cli
