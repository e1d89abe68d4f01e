// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <optional>
#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <vector>

namespace Quire {

using Id = qint64;

/// An imported document. Positions into `text` are Unicode code points.
struct Document
{
    Id id = 0;
    QString name;
    QString kind;     ///< transcript, narrative, statement, text …
    QString format;   ///< the importer that read it (plaintext, markdown …)
    QString encoding; ///< the source encoding that was detected or declared
    QString sha256;   ///< of the original file's bytes
    QString sourcePath;
    QString importMeta; ///< JSON object: what the importer reported
    QString importedAt;
    qsizetype length = 0; ///< in code points
};

struct Code
{
    Id id = 0;
    QString guid;
    QString name;
    QString color;
    QString description;
    std::vector<Id> parents; ///< empty for a top-level code
};

struct Segment
{
    Id id = 0;
    Id documentId = 0;
    qsizetype start = 0; ///< code points, inclusive
    qsizetype end = 0;   ///< code points, exclusive
    std::optional<Id> caseId;
    QString coder;
    QString created;
    QString memo;
    std::vector<Id> codes;
};

struct Case
{
    Id id = 0;
    QString name;
    QString kind;        ///< participant, group, review, facilitator …
    bool counted = true; ///< false: left out of counts (a facilitator)
};

struct Turn
{
    Id id = 0;
    Id documentId = 0;
    qsizetype start = 0;
    qsizetype end = 0;
    QString speaker;
    std::optional<Id> caseId;
    std::optional<qint64> timeMs;
    std::optional<qint64> endTimeMs;
};

struct Page
{
    Id documentId = 0;
    int number = 1;
    qsizetype start = 0;
    qsizetype end = 0;
};

enum class AttributeScope { Case, Document };
enum class AttributeType { Text, Number, Date, Boolean, Choice };

struct AttributeDef
{
    Id id = 0;
    AttributeScope scope = AttributeScope::Case;
    QString name;
    AttributeType type = AttributeType::Text;
    QStringList choices;
};

struct AttributeValue
{
    AttributeScope scope = AttributeScope::Case;
    Id ownerId = 0;
    QString ownerName;
    QString name;
    AttributeType type = AttributeType::Text;
    QString value;
};

struct Memo
{
    Id id = 0;
    QString targetKind; ///< project, document, code, segment, case
    std::optional<Id> targetId;
    QString title;
    QString text;
    QString coder;
    QString created;
    QString modified;
};

/// One (segment, code) link with what the analyses need of the segment:
/// every coding of a project in one read (Project::codingLinks).
struct CodingLink
{
    Id segmentId = 0;
    Id documentId = 0;
    qsizetype start = 0;
    qsizetype end = 0;
    std::optional<Id> caseId;
    Id coderId = 0;
    Id codeId = 0;
};

struct CommandRecord
{
    Id id = 0;
    QString kind;
    QString summary;
    QString coder;
    QString created;
    QString state; ///< done, undone, discarded
};

QUIRECORE_EXPORT QString toString(AttributeScope scope);
QUIRECORE_EXPORT QString toString(AttributeType type);

} // namespace Quire
