// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/casestore.h"

#include "error.h"
#include "model/commandlog.h"
#include "storage/database.h"

#include <QDate>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace Quire {

namespace {

AttributeType typeFromString(const QString &s)
{
    if (s == QLatin1String("number"))
        return AttributeType::Number;
    if (s == QLatin1String("date"))
        return AttributeType::Date;
    if (s == QLatin1String("boolean"))
        return AttributeType::Boolean;
    if (s == QLatin1String("choice"))
        return AttributeType::Choice;
    return AttributeType::Text;
}

} // namespace

CaseStore::CaseStore(Database &db, CommandLog &log)
    : m_db(db)
    , m_log(log)
{}

CaseStore::~CaseStore() = default;

Id CaseStore::addCase(const QString &name, const QString &kind)
{
    if (name.trimmed().isEmpty())
        throw Error(QStringLiteral("a case name cannot be empty"));
    if (tryFindCase(name))
        throw Error(QStringLiteral("a case named \"%1\" already exists").arg(name));
    Id id = 0;
    auto body = [&] {
        Statement ins(m_db, QStringLiteral("INSERT INTO cases(name, kind, created) VALUES (?1, ?2, ?3)"));
        ins.bind(1, name).bind(2, kind).bind(3, CommandLog::now()).run();
        id = m_db.lastInsertId();
    };
    m_log.run(QStringLiteral("case.add"), QStringLiteral("Add case %1").arg(name), {{QStringLiteral("name"), name}},
              body);
    return id;
}

std::vector<Case> CaseStore::cases() const
{
    Statement st(m_db, QStringLiteral("SELECT id, name, kind, counted FROM cases ORDER BY id"));
    std::vector<Case> out;
    while (st.step())
        out.push_back({st.columnInt(0), st.columnText(1), st.columnText(2), st.columnInt(3) != 0});
    return out;
}

void CaseStore::setCaseCounted(Id caseId, bool counted)
{
    const Case c = findCase(QString::number(caseId));
    m_log.run(QStringLiteral("case.counted"),
              QStringLiteral("%1 case %2 in counts")
                  .arg(counted ? QStringLiteral("Include") : QStringLiteral("Leave out"), c.name),
              {{QStringLiteral("case"), caseId}, {QStringLiteral("counted"), counted}}, [&] {
                  Statement up(m_db, QStringLiteral("UPDATE cases SET counted = ?1 WHERE id = ?2"));
                  up.bind(1, counted ? 1 : 0).bind(2, caseId).run();
              });
}

std::optional<Case> CaseStore::tryFindCase(const QString &name) const
{
    Statement st(m_db, QStringLiteral("SELECT id, name, kind, counted FROM cases WHERE name = ?1"));
    st.bind(1, name);
    if (st.step())
        return Case{st.columnInt(0), st.columnText(1), st.columnText(2), st.columnInt(3) != 0};
    return std::nullopt;
}

Case CaseStore::findCase(const QString &nameOrId) const
{
    if (auto c = tryFindCase(nameOrId))
        return *c;
    bool ok = false;
    const Id id = nameOrId.toLongLong(&ok);
    if (ok) {
        Statement st(m_db, QStringLiteral("SELECT id, name, kind, counted FROM cases WHERE id = ?1"));
        st.bind(1, id);
        if (st.step())
            return Case{st.columnInt(0), st.columnText(1), st.columnText(2), st.columnInt(3) != 0};
    }
    throw Error(QStringLiteral("%1: no case named \"%2\"").arg(QFileInfo(m_db.path()).fileName(), nameOrId));
}

void CaseStore::linkCaseDocument(Id caseId, Id documentId)
{
    auto body = [&] {
        Statement ins(m_db,
                      QStringLiteral("INSERT OR IGNORE INTO case_documents(case_id, document_id) VALUES (?1, ?2)"));
        ins.bind(1, caseId).bind(2, documentId).run();
    };
    const Case c = findCase(QString::number(caseId));
    const QString docName = documentName(documentId);
    m_log.run(QStringLiteral("case.link"), QStringLiteral("Link case %1 to %2").arg(c.name, docName),
              {{QStringLiteral("case"), caseId}, {QStringLiteral("document"), documentId}}, body);
}

std::vector<Id> CaseStore::caseDocuments(Id caseId) const
{
    Statement st(m_db,
                 QStringLiteral("SELECT document_id FROM case_documents WHERE case_id = ?1 ORDER BY document_id"));
    st.bind(1, caseId);
    std::vector<Id> out;
    while (st.step())
        out.push_back(st.columnInt(0));
    return out;
}

std::vector<Id> CaseStore::documentCases(Id documentId) const
{
    Statement st(m_db, QStringLiteral("SELECT case_id FROM case_documents WHERE document_id = ?1 ORDER BY case_id"));
    st.bind(1, documentId);
    std::vector<Id> out;
    while (st.step())
        out.push_back(st.columnInt(0));
    return out;
}

namespace {
const char *const AttributeDefColumns = "SELECT id, scope, name, type, choices FROM attribute_defs";

AttributeDef readAttributeDef(const Statement &st)
{
    AttributeDef d;
    d.id = st.columnInt(0);
    d.scope = st.columnText(1) == QLatin1String("case") ? AttributeScope::Case : AttributeScope::Document;
    d.name = st.columnText(2);
    d.type = typeFromString(st.columnText(3));
    const QString choices = st.columnText(4);
    if (!choices.isEmpty()) {
        for (const auto &v : QJsonDocument::fromJson(choices.toUtf8()).array())
            d.choices << v.toString();
    }
    return d;
}
} // namespace

std::vector<AttributeDef> CaseStore::attributeDefs() const
{
    Statement st(m_db, QString::fromUtf8(AttributeDefColumns) + QStringLiteral(" ORDER BY scope, name"));
    std::vector<AttributeDef> out;
    while (st.step())
        out.push_back(readAttributeDef(st));
    return out;
}

QString CaseStore::validateAttribute(const AttributeDef &def, const QString &value) const
{
    const QString v = value.trimmed();
    switch (def.type) {
    case AttributeType::Text:
        return value;
    case AttributeType::Number: {
        bool ok = false;
        v.toDouble(&ok);
        if (!ok)
            throw Error(QStringLiteral("attribute \"%1\" is a number; \"%2\" is not").arg(def.name, value));
        return v;
    }
    case AttributeType::Date:
        if (!QDate::fromString(v, Qt::ISODate).isValid())
            throw Error(QStringLiteral("attribute \"%1\" is a date (YYYY-MM-DD); \"%2\" is not").arg(def.name, value));
        return v;
    case AttributeType::Boolean: {
        const QString l = v.toLower();
        if (l == QLatin1String("true") || l == QLatin1String("yes") || l == QLatin1String("1"))
            return QStringLiteral("true");
        if (l == QLatin1String("false") || l == QLatin1String("no") || l == QLatin1String("0"))
            return QStringLiteral("false");
        throw Error(QStringLiteral("attribute \"%1\" is true or false; \"%2\" is neither").arg(def.name, value));
    }
    case AttributeType::Choice:
        if (!def.choices.contains(v))
            throw Error(QStringLiteral("attribute \"%1\" is one of %2; \"%3\" is not")
                            .arg(def.name, def.choices.join(QStringLiteral(", ")), value));
        return v;
    }
    return value;
}

void CaseStore::defineAttribute(AttributeScope scope, const QString &name, AttributeType type,
                                const QStringList &choices)
{
    if (name.trimmed().isEmpty())
        throw Error(QStringLiteral("an attribute name cannot be empty"));
    if (type == AttributeType::Choice && choices.isEmpty())
        throw Error(QStringLiteral("a choice attribute needs its list of values (--choices a,b,c)"));
    AttributeDef def;
    def.scope = scope;
    def.name = name;
    def.type = type;
    def.choices = choices;
    // Existing values must fit the new type.
    for (const auto &v : attributeValues(scope)) {
        if (v.name == name)
            validateAttribute(def, v.value);
    }
    m_log.run(
        QStringLiteral("attribute.define"),
        QStringLiteral("Define %1 attribute %2 (%3)").arg(toString(scope), name, toString(type)),
        {{QStringLiteral("name"), name}, {QStringLiteral("type"), toString(type)}}, [&] {
            Statement up(
                m_db, QStringLiteral(
                          "INSERT INTO attribute_defs(scope, name, type, choices) VALUES (?1, ?2, ?3, ?4) "
                          "ON CONFLICT(scope, name) DO UPDATE SET type = excluded.type, choices = excluded.choices"));
            up.bind(1, toString(scope))
                .bind(2, name)
                .bind(3, toString(type))
                .bind(4, choices.isEmpty()
                             ? QString()
                             : QString::fromUtf8(
                                   QJsonDocument(QJsonArray::fromStringList(choices)).toJson(QJsonDocument::Compact)))
                .run();
        });
}

Id CaseStore::attributeId(AttributeScope scope, const QString &name)
{
    Statement sel(m_db, QStringLiteral("SELECT id FROM attribute_defs WHERE scope = ?1 AND name = ?2"));
    sel.bind(1, toString(scope)).bind(2, name);
    if (sel.step())
        return sel.columnInt(0);
    Statement ins(m_db, QStringLiteral("INSERT INTO attribute_defs(scope, name, type) VALUES (?1, ?2, 'text')"));
    ins.bind(1, toString(scope)).bind(2, name).run();
    return m_db.lastInsertId();
}

void CaseStore::setAttribute(AttributeScope scope, Id ownerId, const QString &name, const QString &value)
{
    if (name.trimmed().isEmpty())
        throw Error(QStringLiteral("an attribute name cannot be empty"));
    QString ownerName;
    if (scope == AttributeScope::Case)
        ownerName = findCase(QString::number(ownerId)).name;
    else
        ownerName = documentName(ownerId);
    QString stored = value;
    // Only this attribute's definition: reading them all for every value made
    // an import of a sheet with many columns quadratic in its columns.
    Statement defQuery(m_db,
                       QString::fromUtf8(AttributeDefColumns) + QStringLiteral(" WHERE scope = ?1 AND name = ?2"));
    defQuery.bind(1, toString(scope)).bind(2, name);
    if (defQuery.step() && !value.isEmpty())
        stored = validateAttribute(readAttributeDef(defQuery), value);
    auto body = [&] {
        const Id attr = attributeId(scope, name);
        if (value.isEmpty()) {
            Statement del(m_db,
                          QStringLiteral("DELETE FROM attribute_values WHERE attribute_id = ?1 AND owner_id = ?2"));
            del.bind(1, attr).bind(2, ownerId).run();
            return;
        }
        Statement up(m_db,
                     QStringLiteral("INSERT INTO attribute_values(attribute_id, owner_id, value) VALUES (?1, ?2, ?3) "
                                    "ON CONFLICT(attribute_id, owner_id) DO UPDATE SET value = excluded.value"));
        up.bind(1, attr).bind(2, ownerId).bind(3, stored).run();
    };
    m_log.run(QStringLiteral("attribute.set"), QStringLiteral("Set %1 of %2 to %3").arg(name, ownerName, value),
              {{QStringLiteral("scope"), toString(scope)},
               {QStringLiteral("owner"), ownerId},
               {QStringLiteral("name"), name},
               {QStringLiteral("value"), value}},
              body);
}

std::vector<AttributeValue> CaseStore::attributeValues(std::optional<AttributeScope> scope) const
{
    QString sql = QStringLiteral(
        "SELECT d.scope, v.owner_id, CASE d.scope WHEN 'case' THEN (SELECT name FROM cases WHERE id = v.owner_id) "
        "ELSE (SELECT name FROM documents WHERE id = v.owner_id) END, d.name, d.type, v.value "
        "FROM attribute_values v JOIN attribute_defs d ON d.id = v.attribute_id");
    if (scope)
        sql += QStringLiteral(" WHERE d.scope = ?1");
    sql += QStringLiteral(" ORDER BY d.scope, v.owner_id, d.name");
    Statement st(m_db, sql);
    if (scope)
        st.bind(1, toString(*scope));
    std::vector<AttributeValue> out;
    while (st.step()) {
        AttributeValue v;
        v.scope = st.columnText(0) == QLatin1String("case") ? AttributeScope::Case : AttributeScope::Document;
        v.ownerId = st.columnInt(1);
        v.ownerName = st.columnText(2);
        v.name = st.columnText(3);
        v.type = typeFromString(st.columnText(4));
        v.value = st.columnText(5);
        out.push_back(v);
    }
    return out;
}

QString CaseStore::attribute(AttributeScope scope, Id ownerId, const QString &name) const
{
    Statement st(m_db,
                 QStringLiteral("SELECT v.value FROM attribute_values v JOIN attribute_defs d ON d.id = v.attribute_id "
                                "WHERE d.scope = ?1 AND d.name = ?2 AND v.owner_id = ?3"));
    st.bind(1, toString(scope)).bind(2, name).bind(3, ownerId);
    return st.step() ? st.columnText(0) : QString();
}

void CaseStore::linkDuringCommand(Id caseId, Id documentId)
{
    if (!m_link)
        m_link = std::make_unique<Statement>(
            m_db, QStringLiteral("INSERT OR IGNORE INTO case_documents(case_id, document_id) VALUES (?1, ?2)"));
    m_link->reset();
    m_link->bind(1, caseId).bind(2, documentId).run();
}

void CaseStore::forgetDocument(Id documentId)
{
    const QString id = QString::number(documentId);
    m_db.exec(QStringLiteral("DELETE FROM case_documents WHERE document_id = %1;"
                             "DELETE FROM attribute_values WHERE owner_id = %1 AND attribute_id IN "
                             "(SELECT id FROM attribute_defs WHERE scope = 'document');")
                  .arg(id));
}

} // namespace Quire
