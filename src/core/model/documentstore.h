// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/imported.h"
#include "model/types.h"

#include <memory>
#include <optional>
#include <QHash>
#include <QString>
#include <QStringList>
#include <set>
#include <utility>
#include <vector>

namespace Quire {

class CaseStore;
class CommandLog;
class Database;
class Statement;
class TextOffsets;

/// The documents of a project: the only code that writes the tables
/// `documents`, `document_texts`, `turns` and `pages` (and the view
/// `document_text_view`). A document's text is written once, under its id,
/// and never changes; the store keeps the code-point offsets of the latest
/// document read, since coding asks for the same document many times.
class DocumentStore
{
public:
    DocumentStore(Database &db, CommandLog &log, CaseStore &cases);
    ~DocumentStore();
    DocumentStore(const DocumentStore &) = delete;
    DocumentStore &operator=(const DocumentStore &) = delete;

    /// Adds the documents of read files as one command "import" (Project::importDocuments).
    std::vector<Id> import(const std::vector<ImportedFile> &files, const ImportTarget &target);

    std::vector<Document> list() const;
    /// Every document's id and name, by id: what list() costs without the rest.
    std::vector<std::pair<Id, QString>> names() const;
    Document document(Id id) const;
    /// By exact name, else by numeric id. Throws if there is none.
    Document find(const QString &nameOrId) const;
    QString text(Id id) const;
    /// Stored text between two code-point offsets; throws for an impossible range.
    QString range(Id id, qsizetype start, qsizetype end) const;
    const TextOffsets &offsets(Id documentId) const;
    void checkRange(Id documentId, qsizetype start, qsizetype end) const;
    static void checkRange(const Document &d, qsizetype start, qsizetype end);
    void rename(Id id, const QString &name);
    std::vector<Turn> turns(Id documentId) const;
    std::vector<Page> pages(Id documentId) const;
    /// Whether any document has a turn of this speaker; ASCII letters match
    /// without regard to case (as SQLite's NOCASE), other characters exactly.
    bool hasSpeaker(const QString &speaker) const;
    /// Code-point positions where `quote` occurs exactly in the document.
    std::vector<qsizetype> findQuote(Id documentId, const QString &quote) const;
    /// Who imported each document (coder name, by document id), where the project knows.
    QHash<Id, QString> importers() const;

    /// Throws when the document is a workshop statement in a theme or behind an I statement.
    void checkNotInWorkshop(const Document &d) const;

    // Inside a command of the project's.
    /// Removes the document's row, turns and pages (the text stays for undo).
    void removeDuringCommand(Id id);

    /// After undo or redo: the cached offsets may belong to a text that is gone.
    void forgetCachedText();
    /// Removes the texts of documents that neither exist nor appear in
    /// `inHistory` (documents a done or undone command names); returns how many.
    qint64 removeUnreachableTexts(const std::set<Id> &inHistory);

    /// For `quire-cli verify`, on a connection of its own: counts the documents and
    /// adds a problem for each one without its text or whose text is not of the recorded length.
    static qint64 verify(Database &db, QStringList &problems);

private:
    Database &m_db;
    CommandLog &m_log;
    CaseStore &m_cases;
    mutable std::optional<std::pair<Id, std::shared_ptr<TextOffsets>>> m_offsetCache;
    /// Prepared once: a search reads the text, turns and pages of every document it shows.
    mutable std::unique_ptr<Statement> m_textQuery, m_turnsQuery, m_pagesQuery;
};

} // namespace Quire
