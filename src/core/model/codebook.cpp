// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/codebook.h"

#include "error.h"
#include "model/commandlog.h"
#include "storage/database.h"

#include <algorithm>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUuid>

namespace Quire {

namespace {

QStringList splitPath(const QString &path)
{
    QString p = path;
    if (p.startsWith(QLatin1Char('/')))
        p.remove(0, 1);
    if (p.endsWith(QLatin1Char('/')))
        p.chop(1);
    if (p.isEmpty())
        throw Error(QStringLiteral("empty code path"));
    const QStringList parts = p.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part.trimmed().isEmpty())
            throw Error(QStringLiteral("code path \"%1\" has an empty part").arg(path));
    }
    return parts;
}

QString joinPath(const QStringList &parts)
{
    return parts.join(QLatin1Char('/'));
}

/// A GUID as compared: trimmed, lower case, without braces.
QString guidKey(const QString &guid)
{
    QString g = guid.trimmed().toLower();
    if (g.startsWith(QLatin1Char('{')) && g.endsWith(QLatin1Char('}')))
        g = g.mid(1, g.size() - 2);
    return g;
}

} // namespace

Codebook::Codebook(Database &db, CommandLog &log)
    : m_db(db)
    , m_log(log)
{}

std::optional<Id> Codebook::childByName(std::optional<Id> parent, const QString &name) const
{
    if (parent) {
        Statement st(m_db, QStringLiteral("SELECT c.id FROM codes c JOIN code_parents p ON p.code_id = c.id "
                                          "WHERE p.parent_id = ?1 AND c.name = ?2"));
        st.bind(1, *parent).bind(2, name);
        if (st.step())
            return st.columnInt(0);
        return std::nullopt;
    }
    Statement st(m_db, QStringLiteral("SELECT id FROM codes WHERE name = ?1 AND id NOT IN "
                                      "(SELECT code_id FROM code_parents)"));
    st.bind(1, name);
    if (st.step())
        return st.columnInt(0);
    return std::nullopt;
}

std::pair<Id, std::optional<Id>> Codebook::resolveWithParent(const QString &path) const
{
    const QStringList parts = splitPath(path);
    std::optional<Id> parent;
    Id current = 0;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const auto child = childByName(parent, parts[i]);
        if (!child) {
            const QString missing = joinPath(parts.mid(0, i + 1));
            throw Error(
                QStringLiteral("%1: no code \"%2\"%3")
                    .arg(QFileInfo(m_db.path()).fileName(), missing,
                         i == 0 ? QString() : QStringLiteral(" (\"%1\" exists)").arg(joinPath(parts.mid(0, i)))));
        }
        if (i + 1 < parts.size())
            parent = *child;
        current = *child;
    }
    return {current, parts.size() > 1 ? parent : std::nullopt};
}

Id Codebook::resolve(const QString &path) const
{
    return resolveWithParent(path).first;
}

std::optional<Id> Codebook::tryResolve(const QString &path) const
{
    try {
        return resolve(path);
    } catch (const Error &) {
        return std::nullopt;
    }
}

void Codebook::checkSiblingName(std::optional<Id> parent, const QString &name, std::optional<Id> except) const
{
    const auto existing = childByName(parent, name);
    if (existing && existing != except) {
        const QString where =
            parent ? QStringLiteral("under \"%1\"").arg(codePath(*parent)) : QStringLiteral("at the top level");
        throw Error(QStringLiteral("a code named \"%1\" already exists %2").arg(name, where));
    }
}

void Codebook::checkNoCycle(Id code, Id newParent) const
{
    if (code == newParent)
        throw Error(QStringLiteral("a code cannot be its own parent (\"%1\")").arg(codePath(code)));
    Statement st(m_db, QStringLiteral("WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT p.code_id FROM code_parents p "
                                      "JOIN sub ON p.parent_id = sub.id) SELECT 1 FROM sub WHERE id = ?2"));
    st.bind(1, code).bind(2, newParent);
    if (st.step())
        throw Error(QStringLiteral("\"%1\" is inside \"%2\": putting \"%2\" under it would make a loop")
                        .arg(codePath(newParent), codePath(code)));
}

Id Codebook::add(const QString &path, const QString &color, const QString &description)
{
    const QStringList parts = splitPath(path);
    if (tryResolve(path))
        throw Error(QStringLiteral("code \"%1\" already exists").arg(joinPath(parts)));
    if (!color.isEmpty() && !QRegularExpression(QStringLiteral("^#[0-9A-Fa-f]{6}$")).match(color).hasMatch())
        throw Error(QStringLiteral("colour \"%1\" is not of the form #RRGGBB").arg(color));
    Id last = 0;
    m_log.run(QStringLiteral("code.add"), QStringLiteral("Add code %1").arg(joinPath(parts)),
              {{QStringLiteral("path"), joinPath(parts)}}, [&] {
                  std::optional<Id> parent;
                  Statement ins(m_db, QStringLiteral("INSERT INTO codes(guid, name, color, description, created) "
                                                     "VALUES (?1, ?2, ?3, ?4, ?5)"));
                  Statement link(
                      m_db,
                      QStringLiteral("INSERT INTO code_parents(code_id, parent_id, position) "
                                     "VALUES (?1, ?2, (SELECT count(*) FROM code_parents WHERE parent_id = ?2))"));
                  for (qsizetype i = 0; i < parts.size(); ++i) {
                      const bool isLast = i + 1 == parts.size();
                      if (auto existing = childByName(parent, parts[i])) {
                          parent = *existing;
                          continue;
                      }
                      ins.reset();
                      ins.bind(1, QUuid::createUuid().toString(QUuid::WithoutBraces))
                          .bind(2, parts[i])
                          .bind(3, isLast && !color.isEmpty() ? std::optional<QString>(color) : std::nullopt)
                          .bind(4, isLast ? description : QString())
                          .bind(5, CommandLog::now())
                          .run();
                      const Id id = m_db.lastInsertId();
                      if (parent) {
                          link.reset();
                          link.bind(1, id).bind(2, *parent).run();
                      }
                      parent = id;
                  }
                  last = *parent;
              });
    return last;
}

std::vector<Code> Codebook::list() const
{
    std::vector<Code> out;
    Statement st(m_db,
                 QStringLiteral("SELECT id, guid, name, coalesce(color, ''), description FROM codes ORDER BY id"));
    while (st.step())
        out.push_back({st.columnInt(0), st.columnText(1), st.columnText(2), st.columnText(3), st.columnText(4), {}});
    Statement parents(m_db, QStringLiteral("SELECT code_id, parent_id FROM code_parents ORDER BY code_id, position"));
    while (parents.step()) {
        const Id child = parents.columnInt(0);
        auto it = std::lower_bound(out.begin(), out.end(), child, [](const Code &c, Id id) { return c.id < id; });
        if (it != out.end() && it->id == child)
            it->parents.push_back(parents.columnInt(1));
    }
    return out;
}

Code Codebook::code(Id id) const
{
    Statement st(m_db,
                 QStringLiteral("SELECT id, guid, name, coalesce(color, ''), description FROM codes WHERE id = ?1"));
    st.bind(1, id);
    if (!st.step())
        throw Error(QStringLiteral("no code with id %1").arg(id));
    Code c{st.columnInt(0), st.columnText(1), st.columnText(2), st.columnText(3), st.columnText(4), {}};
    Statement parents(m_db, QStringLiteral("SELECT parent_id FROM code_parents WHERE code_id = ?1 ORDER BY parent_id"));
    parents.bind(1, id);
    while (parents.step())
        c.parents.push_back(parents.columnInt(0));
    return c;
}

QStringList Codebook::codePaths(Id id) const
{
    const Code c = code(id);
    if (c.parents.empty())
        return {c.name};
    QStringList out;
    for (Id p : c.parents) {
        for (const QString &pp : codePaths(p))
            out << pp + QLatin1Char('/') + c.name;
    }
    return out;
}

std::vector<Id> Codebook::children(std::optional<Id> parent) const
{
    std::vector<Id> out;
    if (parent) {
        Statement st(m_db, QStringLiteral("SELECT p.code_id FROM code_parents p JOIN codes c ON c.id = p.code_id "
                                          "WHERE p.parent_id = ?1 ORDER BY p.position, c.name"));
        st.bind(1, *parent);
        while (st.step())
            out.push_back(st.columnInt(0));
    } else {
        Statement st(m_db, QStringLiteral("SELECT id FROM codes WHERE id NOT IN (SELECT code_id FROM code_parents) "
                                          "ORDER BY id"));
        while (st.step())
            out.push_back(st.columnInt(0));
    }
    return out;
}

void Codebook::rename(const QString &path, const QString &newName)
{
    const Id id = resolve(path);
    if (newName.trimmed().isEmpty() || newName.contains(QLatin1Char('/')))
        throw Error(QStringLiteral("\"%1\" cannot be a code name (empty or contains '/')").arg(newName));
    const Code c = code(id);
    if (c.parents.empty())
        checkSiblingName(std::nullopt, newName, id);
    for (Id p : c.parents)
        checkSiblingName(p, newName, id);
    m_log.run(QStringLiteral("code.rename"), QStringLiteral("Rename code %1 to %2").arg(path, newName),
              {{QStringLiteral("path"), path}, {QStringLiteral("name"), newName}}, [&] {
                  Statement up(m_db, QStringLiteral("UPDATE codes SET name = ?1 WHERE id = ?2"));
                  up.bind(1, newName).bind(2, id).run();
              });
}

void Codebook::move(const QString &path, const QString &newParentPath)
{
    // Plain locals, not a structured binding: lambdas below capture them (C++20
    // allows capturing bindings, clang 14 does not yet).
    const auto resolved = resolveWithParent(path);
    const Id id = resolved.first;
    const std::optional<Id> oldParent = resolved.second;
    std::optional<Id> newParent;
    if (!newParentPath.isEmpty() && newParentPath != QLatin1String("/"))
        newParent = resolve(newParentPath);
    if (newParent == oldParent)
        throw Error(QStringLiteral("\"%1\" is already there").arg(path));
    const Code c = code(id);
    if (newParent) {
        checkNoCycle(id, *newParent);
        if (std::find(c.parents.begin(), c.parents.end(), *newParent) != c.parents.end())
            throw Error(QStringLiteral("\"%1\" is already under \"%2\"").arg(c.name, newParentPath));
    } else if (c.parents.size() > 1) {
        throw Error(
            QStringLiteral("\"%1\" has several parents; unlink it from the others before moving it to the top level")
                .arg(path));
    }
    checkSiblingName(newParent, c.name, id);
    m_log.run(
        QStringLiteral("code.move"),
        QStringLiteral("Move code %1 to %2").arg(path, newParent ? newParentPath : QStringLiteral("the top level")),
        {{QStringLiteral("path"), path}, {QStringLiteral("to"), newParentPath}}, [&] {
            if (oldParent) {
                Statement del(m_db, QStringLiteral("DELETE FROM code_parents WHERE code_id = ?1 AND parent_id = ?2"));
                del.bind(1, id).bind(2, *oldParent).run();
            }
            if (newParent) {
                Statement ins(m_db,
                              QStringLiteral("INSERT INTO code_parents(code_id, parent_id, position) VALUES "
                                             "(?1, ?2, (SELECT count(*) FROM code_parents WHERE parent_id = ?2))"));
                ins.bind(1, id).bind(2, *newParent).run();
            }
        });
}

void Codebook::link(const QString &path, const QString &parentPath)
{
    const Id id = resolve(path);
    const Id parent = resolve(parentPath);
    const Code c = code(id);
    if (std::find(c.parents.begin(), c.parents.end(), parent) != c.parents.end())
        throw Error(QStringLiteral("\"%1\" is already under \"%2\"").arg(c.name, parentPath));
    checkNoCycle(id, parent);
    checkSiblingName(parent, c.name, id);
    m_log.run(QStringLiteral("code.link"), QStringLiteral("Add parent %1 to code %2").arg(parentPath, path),
              {{QStringLiteral("path"), path}, {QStringLiteral("parent"), parentPath}}, [&] {
                  Statement ins(m_db,
                                QStringLiteral("INSERT INTO code_parents(code_id, parent_id, position) VALUES "
                                               "(?1, ?2, (SELECT count(*) FROM code_parents WHERE parent_id = ?2))"));
                  ins.bind(1, id).bind(2, parent).run();
              });
}

void Codebook::unlink(const QString &path)
{
    const auto resolved = resolveWithParent(path);
    const Id id = resolved.first;
    const std::optional<Id> parent = resolved.second;
    const Code c = code(id);
    if (!parent || c.parents.size() < 2)
        throw Error(QStringLiteral("\"%1\" has only this place in the tree; use move or delete instead").arg(path));
    m_log.run(QStringLiteral("code.unlink"), QStringLiteral("Remove code %1 from this parent").arg(path),
              {{QStringLiteral("path"), path}}, [&] {
                  Statement del(m_db, QStringLiteral("DELETE FROM code_parents WHERE code_id = ?1 AND parent_id = ?2"));
                  del.bind(1, id).bind(2, *parent).run();
              });
}

void Codebook::checkMergeable(Id src, Id dst, const QString &from, const QString &into) const
{
    if (src == dst)
        throw Error(QStringLiteral("cannot merge \"%1\" into itself").arg(from));
    Statement st(m_db, QStringLiteral("WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT p.code_id FROM code_parents p "
                                      "JOIN sub ON p.parent_id = sub.id) SELECT 1 FROM sub WHERE id = ?2"));
    st.bind(1, src).bind(2, dst);
    if (st.step())
        throw Error(
            QStringLiteral("\"%1\" is inside \"%2\"; merge the other way round or move it out first").arg(into, from));
}

void Codebook::mergeDuringCommand(Id src, Id dst)
{
    Statement unparent(m_db, QStringLiteral("DELETE FROM code_parents WHERE code_id = ?1"));
    unparent.bind(1, src).run();
    // Children of the merged code move under the target, unless already there.
    for (Id child : children(src)) {
        Statement del(m_db, QStringLiteral("DELETE FROM code_parents WHERE code_id = ?1 AND parent_id = ?2"));
        del.bind(1, child).bind(2, src).run();
        const Code cc = code(child);
        if (std::find(cc.parents.begin(), cc.parents.end(), dst) != cc.parents.end())
            continue;
        checkSiblingName(dst, cc.name, child);
        Statement ins(m_db, QStringLiteral("INSERT INTO code_parents(code_id, parent_id, position) VALUES "
                                           "(?1, ?2, (SELECT count(*) FROM code_parents WHERE parent_id = ?2))"));
        ins.bind(1, child).bind(2, dst).run();
    }
    Statement del(m_db, QStringLiteral("DELETE FROM codes WHERE id = ?1"));
    del.bind(1, src).run();
}

std::set<Id> Codebook::subtree(Id id) const
{
    // The code and every descendant with no parent outside it.
    std::set<Id> doomed{id};
    for (bool grew = true; grew;) {
        grew = false;
        Statement st(
            m_db,
            QStringLiteral("SELECT DISTINCT code_id FROM code_parents WHERE parent_id IN (%1)").arg(sqlIdList(doomed)));
        while (st.step()) {
            const Id child = st.columnInt(0);
            if (doomed.count(child))
                continue;
            Statement outside(m_db,
                              QStringLiteral("SELECT 1 FROM code_parents WHERE code_id = ?1 AND parent_id NOT IN (%1)")
                                  .arg(sqlIdList(doomed)));
            outside.bind(1, child);
            if (!outside.step()) {
                doomed.insert(child);
                grew = true;
            }
        }
    }
    return doomed;
}

std::vector<std::pair<Id, Id>> Codebook::parentLinks() const
{
    Statement st(m_db,
                 QStringLiteral("SELECT code_id, parent_id FROM code_parents ORDER BY parent_id, position, code_id"));
    std::vector<std::pair<Id, Id>> out;
    while (st.step())
        out.emplace_back(st.columnInt(0), st.columnInt(1));
    return out;
}

struct Codebook::Inserter::Statements
{
    explicit Statements(Database &database)
        : db(database)
        , withGuid(database, QStringLiteral("SELECT id FROM codes WHERE lower(guid) = ?1"))
        , insert(database, QStringLiteral("INSERT INTO codes(guid, name, color, description, created) "
                                          "VALUES (?1, ?2, ?3, ?4, ?5)"))
        , linkParent(database, QStringLiteral("INSERT INTO code_parents(code_id, parent_id, position) VALUES "
                                              "(?1, ?2, (SELECT count(*) FROM code_parents WHERE parent_id = ?2))"))
        , namesUnder(database,
                     QStringLiteral("SELECT c.name FROM codes c WHERE (?1 IS NULL AND NOT EXISTS "
                                    "(SELECT 1 FROM code_parents p WHERE p.code_id = c.id)) OR EXISTS "
                                    "(SELECT 1 FROM code_parents p WHERE p.code_id = c.id AND p.parent_id = ?1)"))
    {}

    Database &db;
    Statement withGuid, insert, linkParent, namesUnder;
};

Codebook::Inserter::Inserter(Database &db)
    : m_st(std::make_unique<Statements>(db))
{}

Codebook::Inserter::~Inserter() = default;

Codebook::Inserter Codebook::inserter()
{
    return Inserter(m_db);
}

std::optional<Id> Codebook::Inserter::withGuid(const QString &guid)
{
    Statement &st = m_st->withGuid;
    st.reset();
    st.bind(1, guidKey(guid));
    if (!st.step())
        return std::nullopt;
    return st.columnInt(0);
}

QSet<QString> Codebook::Inserter::namesUnder(std::optional<Id> parent)
{
    Statement &st = m_st->namesUnder;
    QSet<QString> names;
    st.reset();
    st.bind(1, parent);
    while (st.step())
        names.insert(st.columnText(0));
    return names;
}

Id Codebook::Inserter::insert(const QString &guid, const QString &name, const QString &color,
                              const QString &description, const QString &created, std::optional<Id> parent)
{
    Statement &ins = m_st->insert;
    ins.reset();
    ins.bind(1, guid)
        .bind(2, name)
        .bind(3, color.isEmpty() ? std::nullopt : std::optional<QString>(color))
        .bind(4, description)
        .bind(5, created)
        .run();
    const Id id = m_st->db.lastInsertId();
    if (parent) {
        m_st->linkParent.reset();
        m_st->linkParent.bind(1, id).bind(2, *parent).run();
    }
    return id;
}

void Codebook::setGuidDuringCommand(Id code, const QString &guid)
{
    Statement up(m_db, QStringLiteral("UPDATE codes SET guid = ?1 WHERE id = ?2"));
    up.bind(1, guid).bind(2, code).run();
}

void Codebook::removeDuringCommand(const std::set<Id> &codes)
{
    m_db.exec(QStringLiteral("DELETE FROM code_parents WHERE code_id IN (%1) OR parent_id IN (%1);"
                             "DELETE FROM codes WHERE id IN (%1);")
                  .arg(sqlIdList(codes)));
}

void Codebook::describe(const QString &path, const std::optional<QString> &description,
                        const std::optional<QString> &color)
{
    const Id id = resolve(path);
    if (color && !color->isEmpty() && !QRegularExpression(QStringLiteral("^#[0-9A-Fa-f]{6}$")).match(*color).hasMatch())
        throw Error(QStringLiteral("colour \"%1\" is not of the form #RRGGBB").arg(*color));
    m_log.run(QStringLiteral("code.describe"), QStringLiteral("Describe code %1").arg(path),
              {{QStringLiteral("path"), path}}, [&] {
                  if (description) {
                      Statement up(m_db, QStringLiteral("UPDATE codes SET description = ?1 WHERE id = ?2"));
                      up.bind(1, *description).bind(2, id).run();
                  }
                  if (color) {
                      Statement up(m_db, QStringLiteral("UPDATE codes SET color = ?1 WHERE id = ?2"));
                      up.bind(1, color->isEmpty() ? std::optional<QString>() : color).bind(2, id).run();
                  }
              });
}
} // namespace Quire
