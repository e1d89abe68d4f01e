// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <memory>
#include <optional>
#include <QString>
#include <QStringList>
#include <set>
#include <utility>
#include <vector>

namespace Quire {

class CaseStore;
class Codebook;
class CommandLog;
class Database;
class DocumentStore;
class MemoStore;

/// The coded passages of a project: the only code that writes the tables
/// `segments` and `segment_codes`. A segment is a span of one document (in
/// code points) by one coder, credited to a case, carrying one or more codes.
/// It reads documents, codes and cases through their stores to check what it
/// is given, and removes the memos of the segments it removes.
class SegmentStore
{
public:
    SegmentStore(Database &db, CommandLog &log, const DocumentStore &documents, const Codebook &codebook,
                 const CaseStore &cases, MemoStore &memos);

    /// Codes a span as one command; the same span by the same coder gains the codes instead.
    Id add(Id documentId, qsizetype start, qsizetype end, const std::vector<Id> &codeIds, const QString &memo,
           std::optional<Id> caseId);
    /// Many spans of one document as one command.
    std::vector<Id> addMany(Id documentId, const std::vector<std::pair<qsizetype, qsizetype>> &ranges,
                            const std::vector<Id> &codeIds, const QString &memo);
    void remove(Id segmentId);
    void resize(Id segmentId, qsizetype start, qsizetype end);
    void setMemo(Id segmentId, const QString &memo);
    void removeCode(Id segmentId, Id codeId);

    Segment segment(Id id) const;
    std::vector<Segment> list(std::optional<Id> documentId, std::optional<Id> codeId) const;
    std::vector<CodingLink> codingLinks() const;
    /// The links with any of the codes, in no particular order (through the index on the code).
    std::vector<CodingLink> codingLinks(const std::set<Id> &codes) const;
    /// Segments coded with the code (not its children).
    qsizetype countForCode(Id codeId) const;
    /// (segment, code) links with any of the codes.
    qsizetype countForCodes(const std::set<Id> &codes) const;

    /// Writes segments as given (coder, time, case and memo chosen by the
    /// caller: an exchange import, a merge), inside a command of the
    /// project's, with statements prepared once for thousands of segments.
    /// The caller checks what it hands over.
    class Inserter
    {
    public:
        ~Inserter();
        Inserter(const Inserter &) = delete;
        Inserter &operator=(const Inserter &) = delete;
        Id insert(Id documentId, qsizetype start, qsizetype end, std::optional<Id> caseId, Id coderId,
                  const QString &created, const QString &memo);
        /// Gives the segment the code; nothing happens when it has it already.
        void addCode(Id segmentId, Id codeId);

    private:
        friend class SegmentStore;
        explicit Inserter(Database &db);
        struct Statements;
        std::unique_ptr<Statements> m_st;
    };
    Inserter inserter();

    /// Removes every segment with its codes and memos, not as a command: a
    /// copy for another coder starts with no coding. Returns how many went.
    qint64 removeAllOutsideCommand();

    // Inside a command of the project's.
    /// Removes a document's segments with their codes and memos; returns their ids.
    std::set<Id> removeForDocumentDuringCommand(Id documentId);
    /// Gives every segment coded `from` the code `to` instead.
    void recodeDuringCommand(Id from, Id to);
    /// Takes the codes off every segment; segments left with no code go, with
    /// their memos. Returns the segments removed.
    std::set<Id> uncodeDuringCommand(const std::set<Id> &codes);

    /// For `quire-cli verify`, on a connection of its own: counts the segments and
    /// adds a problem for each one that lies past the end of its document.
    static qint64 verify(Database &db, QStringList &problems);

private:
    class Writer;
    std::vector<CodingLink> readLinks(const QString &where) const;

    Database &m_db;
    CommandLog &m_log;
    const DocumentStore &m_documents;
    const Codebook &m_codebook;
    const CaseStore &m_cases;
    MemoStore &m_memos;
};

} // namespace Quire
