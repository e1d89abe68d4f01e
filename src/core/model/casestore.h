// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <functional>
#include <memory>
#include <optional>
#include <QString>
#include <QStringList>
#include <vector>

namespace Quire {

class CommandLog;
class Database;
class Statement;

/// Cases and attributes: the only code that writes the tables `cases`,
/// `case_documents`, `attribute_defs` and `attribute_values`.
class CaseStore
{
public:
    CaseStore(Database &db, CommandLog &log);
    ~CaseStore();
    CaseStore(const CaseStore &) = delete;
    CaseStore &operator=(const CaseStore &) = delete;

    /// A document's name, or an Error naming the missing document (set by
    /// the project, which owns the documents).
    std::function<QString(Id)> documentName;

    Id addCase(const QString &name, const QString &kind);
    void setCaseCounted(Id caseId, bool counted);
    std::vector<Case> cases() const;
    Case findCase(const QString &nameOrId) const;
    std::optional<Case> tryFindCase(const QString &name) const;
    void linkCaseDocument(Id caseId, Id documentId);
    std::vector<Id> caseDocuments(Id caseId) const;
    std::vector<Id> documentCases(Id documentId) const;

    void defineAttribute(AttributeScope scope, const QString &name, AttributeType type, const QStringList &choices);
    void setAttribute(AttributeScope scope, Id ownerId, const QString &name, const QString &value);
    std::vector<AttributeDef> attributeDefs() const;
    std::vector<AttributeValue> attributeValues(std::optional<AttributeScope> scope) const;
    QString attribute(AttributeScope scope, Id ownerId, const QString &name) const;

    // Inside another store's command.
    /// Links a case and a document (an import: one prepared statement for all).
    void linkDuringCommand(Id caseId, Id documentId);
    /// Removes a deleted document's case links and document attributes.
    void forgetDocument(Id documentId);

private:
    QString validateAttribute(const AttributeDef &def, const QString &value) const;
    Id attributeId(AttributeScope scope, const QString &name);

    Database &m_db;
    CommandLog &m_log;
    std::unique_ptr<Statement> m_link;
};

} // namespace Quire
