// SPDX-License-Identifier: GPL-3.0-or-later
#include "wtfc/workshop.h"

#include "error.h"
#include "model/project.h"
#include "model/projectaccess.h"
#include "storage/database.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <deque>

namespace Quire::Wtfc {

namespace {

using Sql = Quire::Statement;

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

QString areaKey(const QString &area)
{
    return area.simplified().toCaseFolded();
}

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString tableOf(ItemKind kind)
{
    switch (kind) {
    case ItemKind::Statement:
        return QStringLiteral("documents");
    case ItemKind::Theme:
        return QStringLiteral("wtfc_themes");
    case ItemKind::IStatement:
    case ItemKind::Cause:
        return QStringLiteral("wtfc_nodes");
    case ItemKind::Solution:
        return QStringLiteral("wtfc_solutions");
    case ItemKind::Action:
        return QStringLiteral("wtfc_actions");
    case ItemKind::Success:
        return QStringLiteral("wtfc_success");
    }
    return {};
}

QString joinedIds(const std::vector<Id> &ids)
{
    QStringList parts;
    for (Id id : ids)
        parts << QString::number(id);
    return parts.join(QStringLiteral(", "));
}

const QStringList &statuses()
{
    static const QStringList s{QStringLiteral("planned"), QStringLiteral("in progress"), QStringLiteral("done"),
                               QStringLiteral("dropped")};
    return s;
}

QString canonical(const QStringList &allowed, const QString &value, const QString &what)
{
    for (const QString &a : allowed) {
        if (areaKey(a) == areaKey(value))
            return a;
    }
    QStringList q;
    for (const QString &a : allowed)
        q << quoted(a);
    throw Error(QStringLiteral("The workshop has no %1 %2; the template lists %3")
                    .arg(what, quoted(value), q.join(QStringLiteral(", "))));
}

} // namespace

// ---- template ---------------------------------------------------------------

Template Template::defaults()
{
    Template t;
    t.areas = {QStringLiteral("what is working"), QStringLiteral("what is not working"),
               QStringLiteral("what is important for the future")};
    t.perspectives = {QStringLiteral("person"), QStringLiteral("commissioner"),
                      QStringLiteral("clinician/practitioner"), QStringLiteral("third sector")};
    t.solutionKinds = {QStringLiteral("radical"), QStringLiteral("traditional"), QStringLiteral("different"),
                       QStringLiteral("already exists")};
    t.xAxis = QStringLiteral("cost");
    t.yAxis = QStringLiteral("benefit");
    t.quadrants = {QStringLiteral("quick wins"), QStringLiteral("major projects"), QStringLiteral("fill-ins"),
                   QStringLiteral("thankless tasks")};
    return t;
}

Template Template::gladSadMad()
{
    Template t = defaults();
    t.areas = {QStringLiteral("glad"), QStringLiteral("sad"), QStringLiteral("mad")};
    return t;
}

QString toString(ItemKind kind)
{
    switch (kind) {
    case ItemKind::Statement:
        return QStringLiteral("statement");
    case ItemKind::Theme:
        return QStringLiteral("theme");
    case ItemKind::IStatement:
        return QStringLiteral("istatement");
    case ItemKind::Cause:
        return QStringLiteral("cause");
    case ItemKind::Solution:
        return QStringLiteral("solution");
    case ItemKind::Action:
        return QStringLiteral("action");
    case ItemKind::Success:
        return QStringLiteral("success");
    }
    return {};
}

std::optional<ItemKind> itemKindFromString(const QString &text)
{
    const QString t = text.trimmed().toLower();
    for (ItemKind k : {ItemKind::Statement, ItemKind::Theme, ItemKind::IStatement, ItemKind::Cause, ItemKind::Solution,
                       ItemKind::Action, ItemKind::Success}) {
        if (t == toString(k))
            return k;
    }
    if (t == QLatin1String("i-statement"))
        return ItemKind::IStatement;
    return std::nullopt;
}

// ---- snapshot lookups ---------------------------------------------------------

namespace {
template <typename T> const T *findById(const std::vector<T> &items, Id id)
{
    // Rows are read ordered by id.
    const auto it = std::lower_bound(items.begin(), items.end(), id, [](const T &t, Id v) { return t.id < v; });
    return it != items.end() && it->id == id ? &*it : nullptr;
}
} // namespace

const PcrStatement *Snapshot::statement(Id id) const
{
    return findById(statements, id);
}
const Theme *Snapshot::theme(Id id) const
{
    return findById(themes, id);
}
const Node *Snapshot::node(Id id) const
{
    return findById(nodes, id);
}
const Solution *Snapshot::solution(Id id) const
{
    return findById(solutions, id);
}
const Action *Snapshot::action(Id id) const
{
    return findById(actions, id);
}

QString Snapshot::personName(Id id) const
{
    const Person *p = findById(people, id);
    return p ? p->name : QString();
}

int Snapshot::votesFor(const ItemRef &target) const
{
    int n = 0;
    for (const Vote &v : votes) {
        if (v.target == target)
            n += v.count;
    }
    return n;
}

std::optional<int> Snapshot::quadrantOf(const Solution &s) const
{
    if (s.quadrant)
        return s.quadrant;
    if (!s.x || !s.y)
        return std::nullopt;
    const bool highX = *s.x >= 5.0;
    const bool highY = *s.y >= 5.0;
    if (highY)
        return highX ? 1 : 0;
    return highX ? 3 : 2;
}

// ---- Workshop -----------------------------------------------------------------

Workshop::Workshop(Project &project)
    : m_project(project)
{}

Template Workshop::workshopTemplate() const
{
    Template t = Template::defaults();
    Sql q(ProjectAccess::database(m_project), QStringLiteral("SELECT key, value FROM wtfc_template"));
    auto list = [](const QString &json) {
        QStringList out;
        for (const auto &v : QJsonDocument::fromJson(json.toUtf8()).array())
            out << v.toString();
        return out;
    };
    while (q.step()) {
        const QString key = q.columnText(0);
        const QString value = q.columnText(1);
        if (key == QLatin1String("areas"))
            t.areas = list(value);
        else if (key == QLatin1String("perspectives"))
            t.perspectives = list(value);
        else if (key == QLatin1String("solution_kinds"))
            t.solutionKinds = list(value);
        else if (key == QLatin1String("quadrants"))
            t.quadrants = list(value);
        else if (key == QLatin1String("x_axis"))
            t.xAxis = value;
        else if (key == QLatin1String("y_axis"))
            t.yAxis = value;
    }
    return t;
}

void Workshop::setTemplate(const Template &t)
{
    auto checkList = [](const QStringList &l, const QString &what) {
        if (l.isEmpty())
            throw Error(QStringLiteral("The workshop template needs at least one %1").arg(what));
        QSet<QString> seen;
        for (const QString &s : l) {
            if (s.trimmed().isEmpty())
                throw Error(QStringLiteral("The workshop template has an empty %1").arg(what));
            if (seen.contains(areaKey(s)))
                throw Error(QStringLiteral("The workshop template lists the %1 %2 twice").arg(what, quoted(s)));
            seen.insert(areaKey(s));
        }
    };
    checkList(t.areas, QStringLiteral("area"));
    checkList(t.perspectives, QStringLiteral("perspective"));
    checkList(t.solutionKinds, QStringLiteral("solution kind"));
    checkList(t.quadrants, QStringLiteral("quadrant label"));
    if (t.quadrants.size() != 4)
        throw Error(
            QStringLiteral("The investment grid needs exactly four quadrant labels, not %1").arg(t.quadrants.size()));
    if (t.xAxis.trimmed().isEmpty() || t.yAxis.trimmed().isEmpty())
        throw Error(QStringLiteral("The investment grid needs a name for each axis"));
    // Areas in use by themes must stay, or those themes would be orphaned.
    {
        Sql q(ProjectAccess::database(m_project),
              QStringLiteral("SELECT DISTINCT area FROM wtfc_themes ORDER BY area"));
        while (q.step()) {
            const QString area = q.columnText(0);
            bool kept = false;
            for (const QString &a : t.areas)
                kept = kept || areaKey(a) == areaKey(area);
            if (!kept)
                throw Error(
                    QStringLiteral("The workshop template must keep the area %1: themes use it").arg(quoted(area)));
        }
    }
    m_project.batch(QStringLiteral("wtfc.template"), QStringLiteral("Set the workshop template"), [&] {
        auto put = [&](const QString &key, const QString &value) {
            Sql(ProjectAccess::database(m_project),
                QStringLiteral("INSERT INTO wtfc_template(key, value) VALUES (?1, ?2) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value"))
                .bind(1, key)
                .bind(2, value)
                .run();
        };
        auto json = [](const QStringList &l) {
            QJsonArray a;
            for (const QString &s : l)
                a.append(s.trimmed());
            return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
        };
        put(QStringLiteral("areas"), json(t.areas));
        put(QStringLiteral("perspectives"), json(t.perspectives));
        put(QStringLiteral("solution_kinds"), json(t.solutionKinds));
        put(QStringLiteral("quadrants"), json(t.quadrants));
        put(QStringLiteral("x_axis"), t.xAxis.trimmed());
        put(QStringLiteral("y_axis"), t.yAxis.trimmed());
        // Themes follow a renamed spelling of the same area.
        for (const QString &a : t.areas)
            Sql(ProjectAccess::database(m_project),
                QStringLiteral("UPDATE wtfc_themes SET area = ?1 WHERE area <> ?1 AND lower(area) = lower(?1)"))
                .bind(1, a.trimmed())
                .run();
    });
}

std::vector<PcrStatement> Workshop::statements() const
{
    Database &db = ProjectAccess::database(m_project);
    std::vector<PcrStatement> out;
    QHash<Id, std::size_t> index;
    {
        // The text through Project: where texts are stored is the model's business.
        Sql q(db, QStringLiteral("SELECT d.id, d.name, t.theme_id FROM documents d "
                                 "LEFT JOIN wtfc_theme_statements t ON t.document_id = d.id "
                                 "WHERE d.kind = 'statement' ORDER BY d.id"));
        while (q.step()) {
            PcrStatement s;
            s.id = q.columnInt(0);
            s.name = q.columnText(1);
            s.text = m_project.documentText(s.id);
            s.themeId = q.columnOptInt(2);
            index.insert(s.id, out.size());
            out.push_back(std::move(s));
        }
    }
    {
        Sql q(db, QStringLiteral("SELECT v.owner_id, a.name, v.value FROM attribute_values v "
                                 "JOIN attribute_defs a ON a.id = v.attribute_id "
                                 "WHERE a.scope = 'document' AND a.name IN ('area', 'rank', 'taken_forward')"));
        while (q.step()) {
            const auto it = index.constFind(q.columnInt(0));
            if (it == index.constEnd())
                continue;
            PcrStatement &s = out[*it];
            const QString name = q.columnText(1);
            const QString value = q.columnText(2);
            if (name == QLatin1String("area")) {
                s.area = value;
            } else if (name == QLatin1String("rank")) {
                bool ok = false;
                const qint64 r = value.toLongLong(&ok);
                if (ok)
                    s.rank = r;
            } else {
                s.takenForward = value == QLatin1String("true") || value == QLatin1String("1");
            }
        }
    }
    {
        Sql q(db, QStringLiteral("SELECT cd.document_id, cd.case_id FROM case_documents cd "
                                 "JOIN cases c ON c.id = cd.case_id WHERE c.counted = 1 ORDER BY cd.case_id"));
        while (q.step()) {
            const auto it = index.constFind(q.columnInt(0));
            if (it != index.constEnd())
                out[*it].people.push_back(q.columnInt(1));
        }
    }
    return out;
}

Snapshot Workshop::snapshot() const
{
    Database &db = ProjectAccess::database(m_project);
    Snapshot s;
    s.workshopTemplate = workshopTemplate();
    s.statements = statements();
    {
        QSet<Id> used;
        for (const auto &st : s.statements)
            for (Id p : st.people)
                used.insert(p);
        Sql q(db, QStringLiteral("SELECT id, name FROM cases ORDER BY id"));
        while (q.step()) {
            if (used.contains(q.columnInt(0)))
                s.people.push_back({q.columnInt(0), q.columnText(1)});
        }
    }
    {
        Sql q(db, QStringLiteral("SELECT id, area, name, description FROM wtfc_themes ORDER BY id"));
        while (q.step())
            s.themes.push_back({q.columnInt(0), q.columnText(1), q.columnText(2), q.columnText(3), {}});
        Sql m(db,
              QStringLiteral("SELECT theme_id, document_id FROM wtfc_theme_statements ORDER BY theme_id, document_id"));
        while (m.step()) {
            auto *t = const_cast<Theme *>(s.theme(m.columnInt(0)));
            if (t)
                t->statements.push_back(m.columnInt(1));
        }
    }
    {
        Sql q(db, QStringLiteral("SELECT id, kind, text, theme_id FROM wtfc_nodes ORDER BY id"));
        while (q.step()) {
            Node n;
            n.id = q.columnInt(0);
            n.kind = q.columnText(1) == QLatin1String("istatement") ? ItemKind::IStatement : ItemKind::Cause;
            n.text = q.columnText(2);
            n.themeId = q.columnOptInt(3);
            s.nodes.push_back(std::move(n));
        }
        Sql m(db, QStringLiteral(
                      "SELECT node_id, document_id FROM wtfc_istatement_statements ORDER BY node_id, document_id"));
        while (m.step()) {
            auto *n = const_cast<Node *>(s.node(m.columnInt(0)));
            if (n)
                n->statements.push_back(m.columnInt(1));
        }
        Sql e(db, QStringLiteral("SELECT from_id, to_id FROM wtfc_edges ORDER BY from_id, to_id"));
        while (e.step())
            s.edges.push_back({e.columnInt(0), e.columnInt(1)});
    }
    {
        Sql q(db, QStringLiteral(
                      "SELECT id, target_kind, target_id, kind, count, voter_group FROM wtfc_votes ORDER BY id"));
        while (q.step()) {
            Vote v;
            v.id = q.columnInt(0);
            v.target = {itemKindFromString(q.columnText(1)).value_or(ItemKind::Statement), q.columnInt(2)};
            v.kind = q.columnText(3);
            v.count = int(q.columnInt(4));
            v.voterGroup = q.columnText(5);
            s.votes.push_back(std::move(v));
        }
        // A vote on a node is stored as "istatement" or "cause"; either way it is the node's.
        Sql sel(
            db,
            QStringLiteral(
                "SELECT stage, target_kind, target_id FROM wtfc_selections ORDER BY stage, target_kind, target_id"));
        while (sel.step())
            s.selections.emplace_back(
                sel.columnText(0),
                ItemRef{itemKindFromString(sel.columnText(1)).value_or(ItemKind::Statement), sel.columnInt(2)});
    }
    {
        Sql q(db, QStringLiteral("SELECT id, cause_id, perspective, text FROM wtfc_success ORDER BY id"));
        while (q.step())
            s.success.push_back({q.columnInt(0), q.columnInt(1), q.columnText(2), q.columnText(3)});
    }
    {
        Sql q(db, QStringLiteral(
                      "SELECT id, cause_id, kind, text, x_score, y_score, quadrant FROM wtfc_solutions ORDER BY id"));
        while (q.step()) {
            Solution so;
            so.id = q.columnInt(0);
            so.causeId = q.columnInt(1);
            so.kind = q.columnText(2);
            so.text = q.columnText(3);
            if (!q.columnIsNull(4))
                so.x = q.columnDouble(4);
            if (!q.columnIsNull(5))
                so.y = q.columnDouble(5);
            if (!q.columnIsNull(6))
                so.quadrant = int(q.columnInt(6));
            s.solutions.push_back(std::move(so));
        }
    }
    {
        Sql q(db, QStringLiteral("SELECT id, solution_id, text, owner, due, status FROM wtfc_actions ORDER BY id"));
        while (q.step())
            s.actions.push_back(
                {q.columnInt(0), q.columnInt(1), q.columnText(2), q.columnText(3), q.columnText(4), q.columnText(5)});
    }
    return s;
}

// ---- statements and themes ---------------------------------------------------

Id Workshop::resolveStatement(const QString &nameOrId) const
{
    const Document d = m_project.findDocument(nameOrId);
    if (d.kind != QLatin1String("statement"))
        throw Error(
            QStringLiteral("The document %1 is not a statement (it is a %2); import statements from a PCR sheet")
                .arg(quoted(d.name), d.kind));
    return d.id;
}

Id Workshop::findStatement(const QString &person, const QString &area, qint64 rank) const
{
    std::vector<Id> hits;
    const auto all = statements();
    QSet<Id> cases;
    {
        Sql q(ProjectAccess::database(m_project), QStringLiteral("SELECT id FROM cases WHERE name = ?1"));
        q.bind(1, person.trimmed());
        while (q.step())
            cases.insert(q.columnInt(0));
    }
    for (const PcrStatement &s : all) {
        if (s.rank != rank || areaKey(s.area) != areaKey(area))
            continue;
        for (Id p : s.people) {
            if (cases.contains(p)) {
                hits.push_back(s.id);
                break;
            }
        }
    }
    if (hits.empty())
        throw Error(QStringLiteral("%1 has no statement ranked %2 in the area %3")
                        .arg(quoted(person))
                        .arg(rank)
                        .arg(quoted(area)));
    if (hits.size() > 1)
        throw Error(QStringLiteral(
                        "%1 has several statements ranked %2 in the area %3 (documents %4); name one by its document")
                        .arg(quoted(person))
                        .arg(rank)
                        .arg(quoted(area), joinedIds(hits)));
    return hits.front();
}

void Workshop::checkStatements(const std::vector<Id> &ids) const
{
    Sql q(ProjectAccess::database(m_project), QStringLiteral("SELECT kind FROM documents WHERE id = ?1"));
    for (Id id : ids) {
        q.reset();
        q.bind(1, id);
        if (!q.step())
            throw Error(QStringLiteral("There is no statement %1").arg(id));
        if (q.columnText(0) != QLatin1String("statement"))
            throw Error(QStringLiteral("The document %1 is not a statement").arg(id));
    }
}

Id Workshop::addTheme(const QString &area, const QString &name, const QString &description)
{
    const QString a = canonical(workshopTemplate().areas, area, QStringLiteral("area"));
    const QString n = name.trimmed();
    if (n.isEmpty())
        throw Error(QStringLiteral("A theme needs a name"));
    if (ProjectAccess::database(m_project).scalarInt(
            QStringLiteral("SELECT count(*) FROM wtfc_themes WHERE area = '%1' AND name = '%2'")
                .arg(QString(a).replace(QLatin1Char('\''), QStringLiteral("''")),
                     QString(n).replace(QLatin1Char('\''), QStringLiteral("''")))) > 0)
        throw Error(QStringLiteral("The area %1 already has a theme %2").arg(quoted(a), quoted(n)));
    Id id = 0;
    m_project.batch(QStringLiteral("wtfc.theme.add"), QStringLiteral("Add theme %1").arg(quoted(n)), [&] {
        Sql(ProjectAccess::database(m_project),
            QStringLiteral("INSERT INTO wtfc_themes(area, name, description) VALUES (?1, ?2, ?3)"))
            .bind(1, a)
            .bind(2, n)
            .bind(3, description)
            .run();
        id = ProjectAccess::database(m_project).lastInsertId();
    });
    return id;
}

void Workshop::renameTheme(Id theme, const QString &name, bool thisAreaOnly)
{
    const auto s = snapshot();
    const Theme *t = s.theme(theme);
    if (!t)
        throw Error(QStringLiteral("There is no theme %1").arg(theme));
    const QString n = name.trimmed();
    if (n.isEmpty())
        throw Error(QStringLiteral("A theme needs a name"));
    // The themes renamed: this one, and unless told otherwise the other areas' themes of its
    // name (compared as the grid groups them: without case or outer spaces).
    std::vector<const Theme *> renamed{t};
    if (!thisAreaOnly) {
        const QString key = t->name.trimmed().toCaseFolded();
        for (const Theme &o : s.themes) {
            if (o.id != theme && o.area != t->area && o.name.trimmed().toCaseFolded() == key)
                renamed.push_back(&o);
        }
    }
    auto isRenamed = [&](Id id) {
        return std::any_of(renamed.begin(), renamed.end(), [&](const Theme *x) { return x->id == id; });
    };
    for (const Theme *r : renamed) {
        for (const Theme &o : s.themes) {
            if (!isRenamed(o.id) && o.area == r->area && o.name == n)
                throw Error(QStringLiteral("The area %1 already has a theme %2").arg(quoted(r->area), quoted(n)));
        }
    }
    const QString summary =
        renamed.size() == 1
            ? QStringLiteral("Rename theme %1 to %2").arg(quoted(t->name), quoted(n))
            : QStringLiteral("Rename theme %1 to %2 in %3 areas").arg(quoted(t->name), quoted(n)).arg(renamed.size());
    m_project.batch(QStringLiteral("wtfc.theme.rename"), summary, [&] {
        for (const Theme *r : renamed)
            Sql(ProjectAccess::database(m_project), QStringLiteral("UPDATE wtfc_themes SET name = ?1 WHERE id = ?2"))
                .bind(1, n)
                .bind(2, r->id)
                .run();
    });
}

void Workshop::deleteTheme(Id theme)
{
    Database &db = ProjectAccess::database(m_project);
    if (db.scalarInt(QStringLiteral("SELECT count(*) FROM wtfc_themes WHERE id = %1").arg(theme)) == 0)
        throw Error(QStringLiteral("There is no theme %1").arg(theme));
    if (db.scalarInt(QStringLiteral("SELECT count(*) FROM wtfc_nodes WHERE theme_id = %1").arg(theme)) > 0)
        throw Error(QStringLiteral("The theme %1 has I statements; delete them first").arg(theme));
    m_project.batch(QStringLiteral("wtfc.theme.delete"), QStringLiteral("Delete theme %1").arg(theme), [&] {
        db.exec(QStringLiteral("DELETE FROM wtfc_theme_statements WHERE theme_id = %1").arg(theme));
        db.exec(QStringLiteral("DELETE FROM wtfc_votes WHERE target_kind = 'theme' AND target_id = %1").arg(theme));
        db.exec(
            QStringLiteral("DELETE FROM wtfc_selections WHERE target_kind = 'theme' AND target_id = %1").arg(theme));
        db.exec(QStringLiteral("DELETE FROM wtfc_themes WHERE id = %1").arg(theme));
    });
}

void Workshop::assign(Id theme, const std::vector<Id> &ids)
{
    const auto all = statements();
    Sql t(ProjectAccess::database(m_project), QStringLiteral("SELECT area, name FROM wtfc_themes WHERE id = ?1"));
    t.bind(1, theme);
    if (!t.step())
        throw Error(QStringLiteral("There is no theme %1").arg(theme));
    const QString area = t.columnText(0);
    const QString themeName = t.columnText(1);
    if (ids.empty())
        throw Error(QStringLiteral("Name at least one statement to put on the theme %1").arg(quoted(themeName)));
    checkStatements(ids);
    for (Id id : ids) {
        const auto it = std::find_if(all.begin(), all.end(), [id](const PcrStatement &s) { return s.id == id; });
        if (it != all.end() && !it->area.isEmpty() && areaKey(it->area) != areaKey(area))
            throw Error(QStringLiteral("The statement %1 is in the area %2, not in %3 of the theme %4")
                            .arg(quoted(it->name), quoted(it->area), quoted(area), quoted(themeName)));
    }
    m_project.batch(QStringLiteral("wtfc.theme.assign"),
                    QStringLiteral("Put %1 statement(s) on theme %2").arg(ids.size()).arg(quoted(themeName)), [&] {
                        Sql ins(
                            ProjectAccess::database(m_project),
                            QStringLiteral("INSERT INTO wtfc_theme_statements(document_id, theme_id) VALUES (?1, ?2) "
                                           "ON CONFLICT(document_id) DO UPDATE SET theme_id = excluded.theme_id"));
                        for (Id id : ids) {
                            ins.reset();
                            ins.bind(1, id).bind(2, theme).run();
                        }
                    });
}

void Workshop::unassign(const std::vector<Id> &ids)
{
    checkStatements(ids);
    m_project.batch(QStringLiteral("wtfc.theme.unassign"),
                    QStringLiteral("Take statement(s) %1 off their themes").arg(joinedIds(ids)), [&] {
                        Sql del(ProjectAccess::database(m_project),
                                QStringLiteral("DELETE FROM wtfc_theme_statements WHERE document_id = ?1"));
                        for (Id id : ids) {
                            del.reset();
                            del.bind(1, id).run();
                        }
                    });
}

Id Workshop::resolveTheme(const QString &text, const QString &area) const
{
    QString t = text.trimmed();
    if (t.startsWith(QLatin1String("theme:"), Qt::CaseInsensitive))
        t = t.mid(6).trimmed();
    bool isNumber = false;
    const Id asId = t.toLongLong(&isNumber);
    Database &db = ProjectAccess::database(m_project);
    if (isNumber && db.scalarInt(QStringLiteral("SELECT count(*) FROM wtfc_themes WHERE id = %1").arg(asId)) > 0)
        return asId;
    Sql q(db, QStringLiteral("SELECT id, area FROM wtfc_themes WHERE name = ?1 ORDER BY id"));
    q.bind(1, t);
    std::vector<Id> hits;
    while (q.step()) {
        if (area.isEmpty() || areaKey(q.columnText(1)) == areaKey(area))
            hits.push_back(q.columnInt(0));
    }
    if (hits.empty())
        throw Error(QStringLiteral("There is no theme %1").arg(quoted(text)));
    if (hits.size() > 1)
        throw Error(QStringLiteral("Several areas have a theme %1 (ids %2); name its area or use theme:ID")
                        .arg(quoted(text), joinedIds(hits)));
    return hits.front();
}

// ---- votes and selections ----------------------------------------------------

namespace {
void checkItem(Database &db, const ItemRef &item)
{
    QString where = QStringLiteral("id = %1").arg(item.id);
    if (item.kind == ItemKind::Statement)
        where += QStringLiteral(" AND kind = 'statement'");
    else if (item.kind == ItemKind::IStatement)
        where += QStringLiteral(" AND kind = 'istatement'");
    else if (item.kind == ItemKind::Cause)
        where += QStringLiteral(" AND kind = 'cause'");
    if (db.scalarInt(QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(tableOf(item.kind), where)) == 0)
        throw Error(QStringLiteral("There is no %1 %2").arg(toString(item.kind)).arg(item.id));
}
} // namespace

Id Workshop::vote(const ItemRef &target, const QString &kind, int count, const QString &voterGroup)
{
    const QString k = kind.trimmed().toLower();
    if (k != QLatin1String("dot") && k != QLatin1String("star"))
        throw Error(QStringLiteral("A vote is a dot or a star, not %1").arg(quoted(kind)));
    if (count < 1)
        throw Error(QStringLiteral("A vote needs at least one %1, not %2").arg(k).arg(count));
    if (target.kind == ItemKind::Action || target.kind == ItemKind::Success)
        throw Error(QStringLiteral("Votes go on statements, themes, I statements, causes and solutions, not on a %1")
                        .arg(toString(target.kind)));
    Database &db = ProjectAccess::database(m_project);
    checkItem(db, target);
    Id id = 0;
    m_project.batch(
        QStringLiteral("wtfc.vote"), QStringLiteral("%1 %2(s) on %3").arg(count).arg(k, label(target)), [&] {
            Sql(db, QStringLiteral("INSERT INTO wtfc_votes(target_kind, target_id, kind, count, voter_group, created) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"))
                .bind(1, toString(target.kind))
                .bind(2, target.id)
                .bind(3, k)
                .bind(4, count)
                .bind(5, voterGroup.trimmed())
                .bind(6, nowUtc())
                .run();
            id = db.lastInsertId();
        });
    return id;
}

void Workshop::removeVote(Id vote)
{
    Database &db = ProjectAccess::database(m_project);
    if (db.scalarInt(QStringLiteral("SELECT count(*) FROM wtfc_votes WHERE id = %1").arg(vote)) == 0)
        throw Error(QStringLiteral("There is no vote %1").arg(vote));
    m_project.batch(QStringLiteral("wtfc.vote.remove"), QStringLiteral("Remove vote %1").arg(vote),
                    [&] { db.exec(QStringLiteral("DELETE FROM wtfc_votes WHERE id = %1").arg(vote)); });
}

void Workshop::select(const QString &stage, const ItemRef &target, bool selected)
{
    const QString st = stage.trimmed();
    if (st.isEmpty())
        throw Error(QStringLiteral("Name the stage at which %1 is taken forward").arg(label(target)));
    Database &db = ProjectAccess::database(m_project);
    checkItem(db, target);
    m_project.batch(
        QStringLiteral("wtfc.select"),
        QStringLiteral("%1 %2 at stage %3")
            .arg(selected ? QStringLiteral("Take forward") : QStringLiteral("Do not take forward"), label(target),
                 quoted(st)),
        [&] {
            Sql q(db,
                  selected
                      ? QStringLiteral(
                            "INSERT OR IGNORE INTO wtfc_selections(stage, target_kind, target_id) VALUES (?1, ?2, ?3)")
                      : QStringLiteral(
                            "DELETE FROM wtfc_selections WHERE stage = ?1 AND target_kind = ?2 AND target_id = ?3"));
            q.bind(1, st).bind(2, toString(target.kind)).bind(3, target.id).run();
        });
}

// ---- graph --------------------------------------------------------------------

QString Workshop::nodeText(Id node) const
{
    Sql q(ProjectAccess::database(m_project), QStringLiteral("SELECT text FROM wtfc_nodes WHERE id = ?1"));
    q.bind(1, node);
    return q.step() ? q.columnText(0) : QString();
}

void Workshop::checkNodeExists(Id node, std::optional<ItemKind> kind) const
{
    Sql q(ProjectAccess::database(m_project), QStringLiteral("SELECT kind FROM wtfc_nodes WHERE id = ?1"));
    q.bind(1, node);
    if (!q.step())
        throw Error(QStringLiteral("There is no %1 %2")
                        .arg(kind ? toString(*kind) : QStringLiteral("cause or I statement"))
                        .arg(node));
    if (kind && q.columnText(0) != toString(*kind))
        throw Error(QStringLiteral("%1 %2 is not a %3").arg(q.columnText(0)).arg(node).arg(toString(*kind)));
}

Id Workshop::addIStatement(Id theme, const QString &text, const std::vector<Id> &ids)
{
    Database &db = ProjectAccess::database(m_project);
    if (db.scalarInt(QStringLiteral("SELECT count(*) FROM wtfc_themes WHERE id = %1").arg(theme)) == 0)
        throw Error(QStringLiteral("There is no theme %1").arg(theme));
    const QString t = text.trimmed();
    if (t.isEmpty())
        throw Error(QStringLiteral("An I statement needs its text"));
    Sql exists(db, QStringLiteral("SELECT id FROM wtfc_nodes WHERE text = ?1"));
    exists.bind(1, t);
    if (exists.step())
        throw Error(QStringLiteral("The graph already has %1 (node %2)").arg(quoted(t)).arg(exists.columnInt(0)));
    checkStatements(ids);
    Id id = 0;
    m_project.batch(QStringLiteral("wtfc.istatement.add"), QStringLiteral("Add I statement %1").arg(quoted(t)), [&] {
        Sql(db, QStringLiteral("INSERT INTO wtfc_nodes(kind, text, theme_id) VALUES ('istatement', ?1, ?2)"))
            .bind(1, t)
            .bind(2, theme)
            .run();
        id = db.lastInsertId();
        Sql ins(db, QStringLiteral(
                        "INSERT OR IGNORE INTO wtfc_istatement_statements(node_id, document_id) VALUES (?1, ?2)"));
        for (Id s : ids) {
            ins.reset();
            ins.bind(1, id).bind(2, s).run();
        }
    });
    return id;
}

void Workshop::linkStatements(Id istatement, const std::vector<Id> &ids)
{
    checkNodeExists(istatement, ItemKind::IStatement);
    if (ids.empty())
        throw Error(QStringLiteral("Name at least one statement to link to I statement %1").arg(istatement));
    checkStatements(ids);
    Database &db = ProjectAccess::database(m_project);
    m_project.batch(
        QStringLiteral("wtfc.istatement.link"),
        QStringLiteral("Link statement(s) %1 to I statement %2").arg(joinedIds(ids), quoted(nodeText(istatement))),
        [&] {
            Sql ins(db, QStringLiteral(
                            "INSERT OR IGNORE INTO wtfc_istatement_statements(node_id, document_id) VALUES (?1, ?2)"));
            for (Id s : ids) {
                ins.reset();
                ins.bind(1, istatement).bind(2, s).run();
            }
        });
}

Id Workshop::addCause(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        throw Error(QStringLiteral("A cause needs its text"));
    Database &db = ProjectAccess::database(m_project);
    Sql exists(db, QStringLiteral("SELECT id FROM wtfc_nodes WHERE text = ?1"));
    exists.bind(1, t);
    if (exists.step())
        throw Error(QStringLiteral("The graph already has %1 (node %2)").arg(quoted(t)).arg(exists.columnInt(0)));
    Id id = 0;
    m_project.batch(QStringLiteral("wtfc.cause.add"), QStringLiteral("Add cause %1").arg(quoted(t)), [&] {
        Sql(db, QStringLiteral("INSERT INTO wtfc_nodes(kind, text) VALUES ('cause', ?1)")).bind(1, t).run();
        id = db.lastInsertId();
    });
    return id;
}

void Workshop::addWhy(Id from, Id to)
{
    checkNodeExists(from, std::nullopt);
    checkNodeExists(to, ItemKind::Cause);
    Database &db = ProjectAccess::database(m_project);
    if (db.scalarInt(
            QStringLiteral("SELECT count(*) FROM wtfc_edges WHERE from_id = %1 AND to_id = %2").arg(from).arg(to)) > 0)
        throw Error(QStringLiteral("%1 is already caused by %2").arg(quoted(nodeText(from)), quoted(nodeText(to))));
    // A path from `to` back to `from` would close a cycle: find the shortest, to name it.
    if (from == to)
        throw Error(QStringLiteral("%1 cannot be caused by itself: cycle: %1 → %1").arg(quoted(nodeText(from))));
    QHash<Id, Id> parent;
    std::deque<Id> queue{to};
    parent.insert(to, to);
    Sql next(db, QStringLiteral("SELECT to_id FROM wtfc_edges WHERE from_id = ?1 ORDER BY to_id"));
    bool found = false;
    while (!queue.empty() && !found) {
        const Id v = queue.front();
        queue.pop_front();
        next.reset();
        next.bind(1, v);
        while (next.step()) {
            const Id w = next.columnInt(0);
            if (parent.contains(w))
                continue;
            parent.insert(w, v);
            if (w == from) {
                found = true;
                break;
            }
            queue.push_back(w);
        }
    }
    if (found) {
        std::vector<Id> path; // from … to, walked back from `from`
        for (Id v = from;; v = parent.value(v)) {
            path.push_back(v);
            if (v == to)
                break;
        }
        std::reverse(path.begin(), path.end());
        QStringList names{quoted(nodeText(from))};
        for (Id v : path)
            names << quoted(nodeText(v));
        throw Error(QStringLiteral("%1 cannot be caused by %2: that would close the cycle: %3")
                        .arg(quoted(nodeText(from)), quoted(nodeText(to)), names.join(QStringLiteral(" → "))));
    }
    m_project.batch(QStringLiteral("wtfc.why"),
                    QStringLiteral("%1 is caused by %2").arg(quoted(nodeText(from)), quoted(nodeText(to))), [&] {
                        Sql(db, QStringLiteral("INSERT INTO wtfc_edges(from_id, to_id) VALUES (?1, ?2)"))
                            .bind(1, from)
                            .bind(2, to)
                            .run();
                    });
}

Id Workshop::addWhyText(Id from, const QString &causeText)
{
    checkNodeExists(from, std::nullopt);
    Id id = 0;
    m_project.batch(QStringLiteral("wtfc.why"),
                    QStringLiteral("%1 is caused by %2").arg(quoted(nodeText(from)), quoted(causeText.trimmed())), [&] {
                        id = addCause(causeText);
                        addWhy(from, id);
                    });
    return id;
}

void Workshop::unlink(Id from, Id to)
{
    Database &db = ProjectAccess::database(m_project);
    if (db.scalarInt(
            QStringLiteral("SELECT count(*) FROM wtfc_edges WHERE from_id = %1 AND to_id = %2").arg(from).arg(to)) == 0)
        throw Error(QStringLiteral("There is no \"why\" from node %1 to node %2").arg(from).arg(to));
    m_project.batch(
        QStringLiteral("wtfc.unlink"),
        QStringLiteral("%1 is no longer caused by %2").arg(quoted(nodeText(from)), quoted(nodeText(to))),
        [&] { db.exec(QStringLiteral("DELETE FROM wtfc_edges WHERE from_id = %1 AND to_id = %2").arg(from).arg(to)); });
}

void Workshop::renameNode(Id node, const QString &text)
{
    checkNodeExists(node, std::nullopt);
    const QString t = text.trimmed();
    if (t.isEmpty())
        throw Error(QStringLiteral("Node %1 needs a text").arg(node));
    Database &db = ProjectAccess::database(m_project);
    Sql exists(db, QStringLiteral("SELECT id FROM wtfc_nodes WHERE text = ?1 AND id <> ?2"));
    exists.bind(1, t).bind(2, node);
    if (exists.step())
        throw Error(QStringLiteral("The graph already has %1 (node %2)").arg(quoted(t)).arg(exists.columnInt(0)));
    m_project.batch(
        QStringLiteral("wtfc.node.rename"), QStringLiteral("Rename %1 to %2").arg(quoted(nodeText(node)), quoted(t)),
        [&] {
            Sql(db, QStringLiteral("UPDATE wtfc_nodes SET text = ?1 WHERE id = ?2")).bind(1, t).bind(2, node).run();
        });
}

void Workshop::deleteNode(Id node)
{
    checkNodeExists(node, std::nullopt);
    Database &db = ProjectAccess::database(m_project);
    if (db.scalarInt(QStringLiteral("SELECT (SELECT count(*) FROM wtfc_success WHERE cause_id = %1) + "
                                    "(SELECT count(*) FROM wtfc_solutions WHERE cause_id = %1)")
                         .arg(node)) > 0)
        throw Error(
            QStringLiteral("%1 has success statements or solutions; delete those first").arg(quoted(nodeText(node))));
    m_project.batch(QStringLiteral("wtfc.node.delete"), QStringLiteral("Delete %1").arg(quoted(nodeText(node))), [&] {
        db.exec(QStringLiteral("DELETE FROM wtfc_edges WHERE from_id = %1 OR to_id = %1").arg(node));
        db.exec(QStringLiteral("DELETE FROM wtfc_istatement_statements WHERE node_id = %1").arg(node));
        db.exec(QStringLiteral("DELETE FROM wtfc_votes WHERE target_kind IN ('cause', 'istatement') AND target_id = %1")
                    .arg(node));
        db.exec(QStringLiteral(
                    "DELETE FROM wtfc_selections WHERE target_kind IN ('cause', 'istatement') AND target_id = %1")
                    .arg(node));
        db.exec(QStringLiteral("DELETE FROM wtfc_nodes WHERE id = %1").arg(node));
    });
}

Id Workshop::resolveNode(const QString &text) const
{
    const QString t = text.trimmed();
    for (const QString &prefix :
         {QStringLiteral("cause:"), QStringLiteral("istatement:"), QStringLiteral("i-statement:")}) {
        if (t.startsWith(prefix, Qt::CaseInsensitive)) {
            bool ok = false;
            const Id id = t.mid(prefix.size()).toLongLong(&ok);
            if (!ok)
                throw Error(QStringLiteral("%1 is not KIND:ID").arg(quoted(t)));
            checkNodeExists(id, prefix.startsWith(QLatin1Char('c')) ? ItemKind::Cause : ItemKind::IStatement);
            return id;
        }
    }
    Sql q(ProjectAccess::database(m_project), QStringLiteral("SELECT id FROM wtfc_nodes WHERE text = ?1"));
    q.bind(1, t);
    if (q.step())
        return q.columnInt(0);
    bool isNumber = false;
    const Id id = t.toLongLong(&isNumber);
    if (isNumber) {
        checkNodeExists(id, std::nullopt);
        return id;
    }
    throw Error(QStringLiteral("The graph has no cause or I statement %1").arg(quoted(t)));
}

// ---- success, solutions, grid, actions ------------------------------------------

Id Workshop::addSuccess(Id cause, const QString &perspective, const QString &text)
{
    checkNodeExists(cause, ItemKind::Cause);
    const QString p = canonical(workshopTemplate().perspectives, perspective, QStringLiteral("perspective"));
    const QString t = text.trimmed();
    if (t.isEmpty())
        throw Error(QStringLiteral("A success statement needs its text"));
    Database &db = ProjectAccess::database(m_project);
    Id id = 0;
    m_project.batch(
        QStringLiteral("wtfc.success.add"), QStringLiteral("Success for %1 (%2)").arg(quoted(nodeText(cause)), p), [&] {
            Sql(db, QStringLiteral("INSERT INTO wtfc_success(cause_id, perspective, text) VALUES (?1, ?2, ?3)"))
                .bind(1, cause)
                .bind(2, p)
                .bind(3, t)
                .run();
            id = db.lastInsertId();
        });
    return id;
}

Id Workshop::addSolution(Id cause, const QString &kind, const QString &text)
{
    checkNodeExists(cause, ItemKind::Cause);
    const QString k = canonical(workshopTemplate().solutionKinds, kind, QStringLiteral("solution kind"));
    const QString t = text.trimmed();
    if (t.isEmpty())
        throw Error(QStringLiteral("A solution needs its text"));
    Database &db = ProjectAccess::database(m_project);
    Id id = 0;
    m_project.batch(QStringLiteral("wtfc.solution.add"),
                    QStringLiteral("Solution %1 for %2").arg(quoted(t), quoted(nodeText(cause))), [&] {
                        Sql(db, QStringLiteral("INSERT INTO wtfc_solutions(cause_id, kind, text) VALUES (?1, ?2, ?3)"))
                            .bind(1, cause)
                            .bind(2, k)
                            .bind(3, t)
                            .run();
                        id = db.lastInsertId();
                    });
    return id;
}

void Workshop::placeByScores(Id solution, double x, double y)
{
    checkItem(ProjectAccess::database(m_project), {ItemKind::Solution, solution});
    const Template t = workshopTemplate();
    if (!(x >= 0.0 && x <= 10.0) || !(y >= 0.0 && y <= 10.0))
        throw Error(QStringLiteral("Grid scores run from 0 to 10: %1 %2 and %3 %4 do not fit")
                        .arg(t.xAxis)
                        .arg(x)
                        .arg(t.yAxis)
                        .arg(y));
    m_project.batch(
        QStringLiteral("wtfc.grid.place"),
        QStringLiteral("Place solution %1 at %2 %3, %4 %5").arg(solution).arg(t.xAxis).arg(x).arg(t.yAxis).arg(y), [&] {
            Sql(ProjectAccess::database(m_project),
                QStringLiteral("UPDATE wtfc_solutions SET x_score = ?1, y_score = ?2, quadrant = NULL WHERE id = ?3"))
                .bind(1, x)
                .bind(2, y)
                .bind(3, solution)
                .run();
        });
}

void Workshop::placeInQuadrant(Id solution, int quadrant)
{
    checkItem(ProjectAccess::database(m_project), {ItemKind::Solution, solution});
    const Template t = workshopTemplate();
    if (quadrant < 0 || quadrant > 3)
        throw Error(QStringLiteral("The grid has quadrants 0 to 3, not %1").arg(quadrant));
    m_project.batch(
        QStringLiteral("wtfc.grid.place"),
        QStringLiteral("Place solution %1 in %2").arg(solution).arg(quoted(t.quadrants.value(quadrant))), [&] {
            Sql(ProjectAccess::database(m_project),
                QStringLiteral("UPDATE wtfc_solutions SET x_score = NULL, y_score = NULL, quadrant = ?1 WHERE id = ?2"))
                .bind(1, quadrant)
                .bind(2, solution)
                .run();
        });
}

Id Workshop::addAction(Id solution, const QString &text, const QString &owner, const QString &due,
                       const QString &status)
{
    checkItem(ProjectAccess::database(m_project), {ItemKind::Solution, solution});
    const QString t = text.trimmed();
    if (t.isEmpty())
        throw Error(QStringLiteral("An action needs its text"));
    if (!due.trimmed().isEmpty() && !QDate::fromString(due.trimmed(), Qt::ISODate).isValid())
        throw Error(
            QStringLiteral("The due date %1 of action %2 is not a date like 2026-03-31").arg(quoted(due), quoted(t)));
    const QString st = canonical(statuses(), status, QStringLiteral("action status"));
    Database &db = ProjectAccess::database(m_project);
    Id id = 0;
    m_project.batch(QStringLiteral("wtfc.action.add"), QStringLiteral("Action %1").arg(quoted(t)), [&] {
        Sql(db, QStringLiteral(
                    "INSERT INTO wtfc_actions(solution_id, text, owner, due, status) VALUES (?1, ?2, ?3, ?4, ?5)"))
            .bind(1, solution)
            .bind(2, t)
            .bind(3, owner.trimmed())
            .bind(4, due.trimmed())
            .bind(5, st)
            .run();
        id = db.lastInsertId();
    });
    return id;
}

void Workshop::setActionStatus(Id action, const QString &status)
{
    Database &db = ProjectAccess::database(m_project);
    checkItem(db, {ItemKind::Action, action});
    const QString st = canonical(statuses(), status, QStringLiteral("action status"));
    m_project.batch(QStringLiteral("wtfc.action.status"), QStringLiteral("Action %1 is %2").arg(action).arg(st), [&] {
        Sql(db, QStringLiteral("UPDATE wtfc_actions SET status = ?1 WHERE id = ?2")).bind(1, st).bind(2, action).run();
    });
}

namespace {
/// Votes and selections on one item go with it.
void dropMarks(Database &db, const QString &kind, Id id)
{
    for (const char *table : {"wtfc_votes", "wtfc_selections"})
        Sql(db, QStringLiteral("DELETE FROM %1 WHERE target_kind = ?1 AND target_id = ?2").arg(QLatin1String(table)))
            .bind(1, kind)
            .bind(2, id)
            .run();
}
} // namespace

void Workshop::editSuccess(Id success, const QString &perspective, const QString &text)
{
    Database &db = ProjectAccess::database(m_project);
    checkItem(db, {ItemKind::Success, success});
    const QString p = canonical(workshopTemplate().perspectives, perspective, QStringLiteral("perspective"));
    const QString t = text.trimmed();
    if (t.isEmpty())
        throw Error(
            QStringLiteral("Success statement %1 needs its text; delete it instead of emptying it").arg(success));
    m_project.batch(QStringLiteral("wtfc.success.edit"), QStringLiteral("Edit success statement %1").arg(success), [&] {
        Sql(db, QStringLiteral("UPDATE wtfc_success SET perspective = ?1, text = ?2 WHERE id = ?3"))
            .bind(1, p)
            .bind(2, t)
            .bind(3, success)
            .run();
    });
}

void Workshop::deleteSuccess(Id success)
{
    Database &db = ProjectAccess::database(m_project);
    checkItem(db, {ItemKind::Success, success});
    m_project.batch(QStringLiteral("wtfc.success.delete"), QStringLiteral("Remove success statement %1").arg(success),
                    [&] {
                        dropMarks(db, toString(ItemKind::Success), success);
                        db.exec(QStringLiteral("DELETE FROM wtfc_success WHERE id = %1").arg(success));
                    });
}

void Workshop::editSolution(Id solution, const QString &kind, const QString &text)
{
    Database &db = ProjectAccess::database(m_project);
    checkItem(db, {ItemKind::Solution, solution});
    const QString k = canonical(workshopTemplate().solutionKinds, kind, QStringLiteral("solution kind"));
    const QString t = text.trimmed();
    if (t.isEmpty())
        throw Error(QStringLiteral("Solution %1 needs its text; delete it instead of emptying it").arg(solution));
    m_project.batch(QStringLiteral("wtfc.solution.edit"), QStringLiteral("Edit solution %1").arg(solution), [&] {
        Sql(db, QStringLiteral("UPDATE wtfc_solutions SET kind = ?1, text = ?2 WHERE id = ?3"))
            .bind(1, k)
            .bind(2, t)
            .bind(3, solution)
            .run();
    });
}

void Workshop::deleteSolution(Id solution)
{
    Database &db = ProjectAccess::database(m_project);
    checkItem(db, {ItemKind::Solution, solution});
    std::vector<Id> actions;
    {
        Sql q(db, QStringLiteral("SELECT id FROM wtfc_actions WHERE solution_id = ?1"));
        q.bind(1, solution);
        while (q.step())
            actions.push_back(q.columnInt(0));
    }
    m_project.batch(QStringLiteral("wtfc.solution.delete"),
                    QStringLiteral("Remove solution %1 with %2 action(s)").arg(solution).arg(actions.size()), [&] {
                        for (Id a : actions)
                            dropMarks(db, toString(ItemKind::Action), a);
                        db.exec(QStringLiteral("DELETE FROM wtfc_actions WHERE solution_id = %1").arg(solution));
                        dropMarks(db, toString(ItemKind::Solution), solution);
                        db.exec(QStringLiteral("DELETE FROM wtfc_solutions WHERE id = %1").arg(solution));
                    });
}

void Workshop::editAction(Id action, const QString &text, const QString &owner, const QString &due)
{
    Database &db = ProjectAccess::database(m_project);
    checkItem(db, {ItemKind::Action, action});
    const QString t = text.trimmed();
    if (t.isEmpty())
        throw Error(QStringLiteral("Action %1 needs its text; delete it instead of emptying it").arg(action));
    if (!due.trimmed().isEmpty() && !QDate::fromString(due.trimmed(), Qt::ISODate).isValid())
        throw Error(
            QStringLiteral("The due date %1 of action %2 is not a date like 2026-03-31").arg(quoted(due), quoted(t)));
    m_project.batch(QStringLiteral("wtfc.action.edit"), QStringLiteral("Edit action %1").arg(action), [&] {
        Sql(db, QStringLiteral("UPDATE wtfc_actions SET text = ?1, owner = ?2, due = ?3 WHERE id = ?4"))
            .bind(1, t)
            .bind(2, owner.trimmed())
            .bind(3, due.trimmed())
            .bind(4, action)
            .run();
    });
}

void Workshop::deleteAction(Id action)
{
    Database &db = ProjectAccess::database(m_project);
    checkItem(db, {ItemKind::Action, action});
    m_project.batch(QStringLiteral("wtfc.action.delete"), QStringLiteral("Remove action %1").arg(action), [&] {
        dropMarks(db, toString(ItemKind::Action), action);
        db.exec(QStringLiteral("DELETE FROM wtfc_actions WHERE id = %1").arg(action));
    });
}

// ---- items ----------------------------------------------------------------------

ItemRef Workshop::resolveItem(const QString &text) const
{
    const QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('@'))) {
        const QStringList parts = t.mid(1).split(QLatin1Char(':'));
        bool ok = false;
        const qint64 rank = parts.last().toLongLong(&ok);
        if (parts.size() != 3 || !ok)
            throw Error(QStringLiteral("%1 is not @PERSON:AREA:RANK").arg(quoted(t)));
        return {ItemKind::Statement, findStatement(parts[0], parts[1], rank)};
    }
    const qsizetype colon = t.indexOf(QLatin1Char(':'));
    if (colon > 0) {
        if (const auto kind = itemKindFromString(t.left(colon))) {
            const QString rest = t.mid(colon + 1).trimmed();
            bool ok = false;
            const Id id = rest.toLongLong(&ok);
            ItemRef ref{*kind, id};
            if (!ok) {
                if (*kind == ItemKind::Statement)
                    return {ItemKind::Statement, resolveStatement(rest)};
                if (*kind == ItemKind::Theme)
                    return {ItemKind::Theme, resolveTheme(rest)};
                if (*kind == ItemKind::Cause || *kind == ItemKind::IStatement) {
                    ref.id = resolveNode(rest);
                    checkNodeExists(ref.id, *kind);
                    return ref;
                }
                throw Error(QStringLiteral("%1 is not KIND:ID (e.g. action:1)").arg(quoted(t)));
            }
            checkItem(ProjectAccess::database(m_project), ref);
            return ref;
        }
    }
    Sql q(ProjectAccess::database(m_project), QStringLiteral("SELECT id, kind FROM wtfc_nodes WHERE text = ?1"));
    q.bind(1, t);
    if (q.step())
        return {q.columnText(1) == QLatin1String("cause") ? ItemKind::Cause : ItemKind::IStatement, q.columnInt(0)};
    try {
        return {ItemKind::Statement, resolveStatement(t)};
    } catch (const Error &) {
        throw Error(QStringLiteral("%1 names no workshop item; write KIND:ID (statement, theme, istatement, cause, "
                                   "solution, action) or the exact text of a cause or I statement")
                        .arg(quoted(t)));
    }
}

QString Workshop::label(const ItemRef &item) const
{
    QString text;
    Database &db = ProjectAccess::database(m_project);
    switch (item.kind) {
    case ItemKind::Statement: {
        Sql q(db, QStringLiteral("SELECT name FROM documents WHERE id = ?1"));
        q.bind(1, item.id);
        if (q.step())
            text = q.columnText(0);
        break;
    }
    case ItemKind::Theme: {
        Sql q(db, QStringLiteral("SELECT name FROM wtfc_themes WHERE id = ?1"));
        q.bind(1, item.id);
        if (q.step())
            text = q.columnText(0);
        break;
    }
    case ItemKind::IStatement:
    case ItemKind::Cause:
        text = nodeText(item.id);
        break;
    default: {
        Sql q(db, QStringLiteral("SELECT text FROM %1 WHERE id = ?1").arg(tableOf(item.kind)));
        q.bind(1, item.id);
        if (q.step())
            text = q.columnText(0);
    }
    }
    return QStringLiteral("%1 %2 %3").arg(toString(item.kind)).arg(item.id).arg(quoted(text));
}

} // namespace Quire::Wtfc
