// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "model/imported.h"
#include "model/types.h"

#include <optional>
#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>
#include <vector>

/// The public API through which exchange plugins (REFI-QDA …) fill a project
/// and read what they export, so that no plugin touches the project's tables.
/// Part of the exchange plugin contract: a change here that a plugin could
/// notice bumps QuireProjectExchangeInterface_iid (formats/exchangeinterface.h).
namespace Quire {

class Project;

// Every item an exchange plugin hands over carries the plugin's own id for it
// (`ref`: a GUID of the package, any text unique within its kind); the items
// refer to each other by those ids, and the builder maps them to project ids.

/// A person who coded (REFI-QDA User). Coders are matched by name.
struct ExchangeCoder
{
    QString ref;
    QString name;
};

/// A code. A code whose GUID the project already has is that code (nothing of
/// it is changed); otherwise it is created under `parentRef` (a code handed
/// over before it; empty: the top level).
struct ExchangeCode
{
    QString ref;
    QString guid;  ///< stored as given; matched without braces and case
    QString name;  ///< a '/' becomes U+2215 and a clashing sibling name gets " (2)"
    QString color; ///< "#RRGGBB" or empty
    QString description;
    QString parentRef;
    QString created; ///< ISO time; empty: the time of the import
};

/// A document: `document.name` is the wanted name, made unique with " (2)".
struct ExchangeDocument
{
    QString ref;
    ImportedDocument document;
};

/// A case, matched by name or created, linked to documents.
struct ExchangeCase
{
    QString ref;
    QString name;
    /// When `name` is empty: the case takes the (final) name of this document.
    QString nameFromDocument;
    QStringList documentRefs;
};

/// A coded span of a document: code points over the stored text, end
/// exclusive. The same span by the same coder in one document is one segment
/// with several codes (the later one's memo and case are not used).
struct ExchangeSegment
{
    QString ref; ///< may be empty when nothing refers to the segment
    QString documentRef;
    qsizetype start = 0;
    qsizetype end = 0;
    QStringList codeRefs; ///< at least one
    QString coderRef;     ///< empty: the project's coder
    /// Empty: the document's case when the document belongs to exactly one.
    QString caseRef;
    QString memo;
    QString created; ///< ISO time; empty: the time of the import
};

/// An attribute declaration; skipped when the project already declares it.
struct ExchangeAttribute
{
    AttributeScope scope = AttributeScope::Case;
    QString name;
    AttributeType type = AttributeType::Text;
};

/// An attribute value of a document or case (`ownerRef`, by `scope`), set in
/// the order handed over.
struct ExchangeValue
{
    AttributeScope scope = AttributeScope::Case;
    QString ownerRef;
    QString name;
    QString value;
};

/// A memo on the project (`targetRef` empty), a document, code, segment or case.
struct ExchangeMemo
{
    QString targetKind; ///< project, document, code, segment, case
    QString targetRef;
    QString title;
    QString text;
};

/// What the builder did, for the plugin's ExchangeReport.
struct ExchangeImportResult
{
    qint64 codersUsed = 0;
    qint64 codesCreated = 0;
    qint64 codesMatched = 0; ///< by GUID
    /// Codes whose name had to change: (name handed over, name stored).
    QList<QPair<QString, QString>> renamedCodes;
    qint64 documentsCreated = 0;
    /// Documents whose name was taken: (name handed over, name stored).
    QList<QPair<QString, QString>> renamedDocuments;
    qint64 casesCreated = 0;
    qint64 casesMatched = 0; ///< by name
    qint64 segmentsCreated = 0;
    qint64 segmentsMerged = 0; ///< handed over, but joined an earlier one of the same span and coder
    qint64 attributeValuesSet = 0;
    qint64 memosCreated = 0;
    /// The plugin's ids mapped to project ids.
    QHash<QString, Id> documentIds, codeIds, caseIds, segmentIds;
};

/// Collects what an exchange package holds, checks that it fits together,
/// and writes it into the project as ONE command (one undo step; nothing of it
/// kept on any error). Order of writing: coders, codes, documents (through
/// Project::importDocuments: search index, lengths), attribute declarations,
/// cases and their documents, attribute values, segments, memos. Every error
/// is a Quire::Error naming `fileName`; add*() refuse an item that refers to
/// an id not handed over before it, so a bad plan fails before the project is
/// touched.
class QUIRECORE_EXPORT ExchangeBuilder
{
public:
    /// `fileName` names the package in errors; `source` says where the
    /// documents come from (its documents are ignored: use addDocument()).
    ExchangeBuilder(Project &project, const QString &fileName, const ImportedFile &source);

    void addCoder(const ExchangeCoder &coder);
    void addCode(const ExchangeCode &code);
    void addDocument(const ExchangeDocument &document);
    void defineAttribute(const ExchangeAttribute &attribute);
    void addCase(const ExchangeCase &item);
    void setValue(const ExchangeValue &value);
    void addSegment(const ExchangeSegment &segment);
    void addMemo(const ExchangeMemo &memo);

    /// Writes everything as one command of `kind` with `summary` (the history's line).
    ExchangeImportResult write(const QString &kind, const QString &summary);

private:
    void fail(const QString &what) const;
    void checkRef(const QString &kind, const QString &ref, const QSet<QString> &known, const QString &where) const;

    Project &m_project;
    QString m_fileName;
    ImportedFile m_source;
    std::vector<ExchangeCoder> m_coders;
    std::vector<ExchangeCode> m_codes;
    std::vector<ExchangeDocument> m_documents;
    std::vector<ExchangeAttribute> m_attributes;
    std::vector<ExchangeCase> m_cases;
    std::vector<ExchangeValue> m_values;
    std::vector<ExchangeSegment> m_segments;
    std::vector<ExchangeMemo> m_memos;
    QSet<QString> m_coderRefs, m_codeRefs, m_documentRefs, m_caseRefs, m_segmentRefs;
    QHash<QString, qsizetype> m_documentLength; ///< code points, by ref
};

/// What the exporter needs beyond the project's ordinary reads: facts kept in
/// the project file and its command log. Read once, at the start of an export.
struct QUIRECORE_EXPORT ExchangeSnapshot
{
    /// When the project was created (stored text), if it says.
    std::optional<QString> created;
    /// (code, parent) links in the order of the tree: by parent, then position.
    std::vector<std::pair<Id, Id>> codeParents;
    /// Every coder the project knows, in the order they were first recorded.
    QStringList coders;
    /// The newest command in effect: its time and who made it.
    struct Change
    {
        QString time;
        QString coder;
    };
    std::optional<Change> lastChange;
    /// Who imported each document (by document id), where the project knows.
    QHash<Id, QString> importedBy;
    /// Who last edited each memo (by memo id), for memos edited after they were written.
    QHash<Id, QString> memoEditedBy;

    static ExchangeSnapshot read(Project &project);
};

} // namespace Quire
