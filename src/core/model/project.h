// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "model/imported.h"
#include "model/types.h"

#include <functional>
#include <memory>
#include <optional>
#include <QJsonObject>
#include <QString>
#include <set>
#include <vector>

namespace Quire {

class CaseStore;
class Codebook;
class DocumentStore;
class SegmentStore;
class CommandLog;
class MemoStore;
class Database;
namespace Backups {
struct Backup;
}

/// One open .quire project. Every mutation runs as a command: one SQLite
/// transaction whose row changes are captured as a session changeset and
/// stored in the command log with the coder and time, so undo and redo work
/// across process restarts (docs/decisions/0001-command-log.md).
/// Every method throws Quire::Error and leaves the project unchanged on failure.
class QUIRECORE_EXPORT Project
{
public:
    ~Project();
    Project(const Project &) = delete;
    Project &operator=(const Project &) = delete;

    /// Creates a new project file; fails if the file exists. The file is
    /// built under a hidden name beside it and renamed when complete, so a
    /// kill or a full disk never leaves a half-made project.
    static std::unique_ptr<Project> create(const QString &path);
    /// Opens an existing project, migrating an older schema forward. A file
    /// or folder that cannot be written opens read-only (every change is then
    /// refused with the reason); a file with a second name (hard link), a
    /// cut-off file or one whose write-ahead log does not fit it is refused
    /// or repaired as docs/reliability.md says.
    static std::unique_ptr<Project> open(const QString &path);

    /// Copies every committed command into the project file and empties the
    /// write-ahead log, without waiting for readers (decision 0011): then the
    /// .quire file alone is the whole project. Runs when the Project closes;
    /// the workbench also calls it when it has been idle for a moment.
    void checkpoint() noexcept;

    /// Whether the project was opened read-only (see open()).
    bool readOnly() const { return m_readOnly; }
    /// What opening or the last change found worth telling the person
    /// (a log set aside, a backup that could not be made); cleared by takeNotes().
    QStringList takeNotes();
    /// Where such notes go the moment they arise instead (the CLI prints them
    /// on stderr); nullptr: kept for takeNotes().
    static void setNoteHandler(void (*handler)(const QString &note));

    // ---- the connection, for the workbench and the CLI -------------------
    /// How long a change waits for another program's write before it is
    /// refused with a sentence naming it (the workbench: 15 s).
    void setBusyTimeout(int ms);
    /// Asked about every thousand steps of SQLite work while set; returning
    /// true stops the running statement, which then throws and leaves the
    /// project as it was (a Cancel button). nullptr: no check.
    void setCancelCheck(std::function<bool()> cancelled);
    /// Stops the running statement from another thread (thread-safe).
    void interrupt() noexcept;
    /// Changes when another connection (another program) commits a change
    /// to the project: the workbench polls it to reload (PRAGMA data_version).
    qint64 dataVersion() const;
    /// Runs `body` in one transaction: nothing of it is kept if it throws.
    /// Commands run inside it are kept or dropped together (an exchange
    /// import that can still be cancelled before it is stored).
    void atomically(const std::function<void()> &body);
    /// A backup now, beside the project (docs/reliability.md).
    Backups::Backup makeBackup();
    /// A consistent copy of the project as it is, to `target` (Save a copy).
    void saveCopy(const QString &target);

    QString path() const;
    QString fileName() const;
    /// When the project was created (the stored time stamp), if the file says.
    std::optional<QString> created() const;

    /// The person whose actions are recorded. Defaults to $QUIRE_CODER, then $USER.
    void setCoder(const QString &name);
    QString coder() const;

    // ---- documents -------------------------------------------------------
    /// Adds the documents of one or more read files in one command (all or nothing):
    /// texts, speaker turns (each speaker becomes or matches a case), pages,
    /// the documents' own cases and attributes, then the target's.
    std::vector<Id> importDocuments(const std::vector<ImportedFile> &files,
                                    const ImportTarget &target = ImportTarget());
    /// Shorthand: document attributes and one case for every document.
    std::vector<Id> importDocuments(const std::vector<ImportedFile> &files,
                                    const QList<QPair<QString, QString>> &documentAttributes,
                                    const QString &caseName = QString());
    std::vector<Document> documents() const;
    /// Every document's id and name, by id (cheaper than documents()).
    std::vector<std::pair<Id, QString>> documentNames() const;
    Document document(Id id) const;
    /// By exact name, else by numeric id. Throws if there is none.
    Document findDocument(const QString &nameOrId) const;
    QString documentText(Id id) const;
    /// Stored text between two code-point offsets; throws for an impossible range.
    QString documentRange(Id id, qsizetype start, qsizetype end) const;
    void renameDocument(Id id, const QString &name);
    void deleteDocument(Id id, bool force);
    std::vector<Turn> turns(Id documentId) const;
    std::vector<Page> pages(Id documentId) const;
    /// Whether any document has a turn of this speaker (ASCII letters without regard to case).
    bool hasSpeaker(const QString &speaker) const;

    // ---- codes -----------------------------------------------------------
    /// Creates every missing code along the path; returns the last one.
    Id addCode(const QString &path, const QString &color = QString(), const QString &description = QString());
    /// Resolves "Theme/Subtheme/Code"; throws naming the first missing part.
    Id resolveCode(const QString &path) const;
    std::optional<Id> tryResolveCode(const QString &path) const;
    std::vector<Code> codes() const;
    Code code(Id id) const;
    /// Every path by which a code can be reached (several for a multi-parent code).
    QStringList codePaths(Id id) const;
    QString codePath(Id id) const { return codePaths(id).value(0); }
    std::vector<Id> children(std::optional<Id> parent) const;
    void renameCode(const QString &path, const QString &newName);
    /// Moves the code reached by `path` from that path's parent to `newParentPath` ("" = top level).
    void moveCode(const QString &path, const QString &newParentPath);
    /// Adds a further parent.
    void linkCode(const QString &path, const QString &parentPath);
    /// Removes the parent link that `path` goes through (the code must keep another place).
    void unlinkCode(const QString &path);
    /// Moves segments, children and memos of `from` into `into` and deletes `from`.
    void mergeCode(const QString &from, const QString &into);
    /// Deletes a code and the sub-codes that have no other parent. If any of them
    /// has coded segments, `force` is required.
    void deleteCode(const QString &path, bool force);
    void describeCode(const QString &path, const std::optional<QString> &description,
                      const std::optional<QString> &color);
    /// Number of segments coded with the code (not its children).
    qsizetype segmentCount(Id codeId) const;

    // ---- segments --------------------------------------------------------
    Id addSegment(Id documentId, qsizetype start, qsizetype end, const std::vector<Id> &codes,
                  const QString &memo = QString(), std::optional<Id> caseId = std::nullopt);
    /// Adds many segments in one command (used by --occurrence all and benchmarks).
    std::vector<Id> addSegments(Id documentId, const std::vector<std::pair<qsizetype, qsizetype>> &ranges,
                                const std::vector<Id> &codes, const QString &memo = QString());
    void removeSegment(Id segmentId);
    void resizeSegment(Id segmentId, qsizetype start, qsizetype end);
    void setSegmentMemo(Id segmentId, const QString &memo);
    /// Takes one code off a segment (the segment and its other codes stay).
    void removeSegmentCode(Id segmentId, Id codeId);
    Segment segment(Id id) const;
    /// All segments, or those of one document and/or one code.
    std::vector<Segment> segments(std::optional<Id> documentId = std::nullopt,
                                  std::optional<Id> codeId = std::nullopt) const;
    /// Every (segment, code) link, in no particular order: one read for the analyses.
    std::vector<CodingLink> codingLinks() const;
    /// The links with any of these codes (not the codes below them).
    std::vector<CodingLink> codingLinks(const std::set<Id> &codes) const;
    /// Every coder's id and name, in the order they first acted.
    std::vector<std::pair<Id, QString>> coders() const;
    /// Code-point positions where `quote` occurs exactly in the document.
    std::vector<qsizetype> findQuote(Id documentId, const QString &quote) const;

    // ---- cases and attributes -------------------------------------------
    Id addCase(const QString &name, const QString &kind = QStringLiteral("participant"));
    /// Whether the case's segments count in tables (false for a facilitator).
    void setCaseCounted(Id caseId, bool counted);
    std::vector<Case> cases() const;
    Case findCase(const QString &nameOrId) const;
    std::optional<Case> tryFindCase(const QString &name) const;
    void linkCaseDocument(Id caseId, Id documentId);
    std::vector<Id> caseDocuments(Id caseId) const;
    std::vector<Id> documentCases(Id documentId) const;
    /// Declares an attribute (type and, for choice, its values).
    void defineAttribute(AttributeScope scope, const QString &name, AttributeType type,
                         const QStringList &choices = {});
    /// Sets a value; declares a text attribute if unknown. The value is checked against the type.
    void setAttribute(AttributeScope scope, Id ownerId, const QString &name, const QString &value);
    std::vector<AttributeDef> attributeDefs() const;
    std::vector<AttributeValue> attributeValues(std::optional<AttributeScope> scope = std::nullopt) const;
    /// A case's or document's value, or a null QString.
    QString attribute(AttributeScope scope, Id ownerId, const QString &name) const;

    // ---- memos -----------------------------------------------------------
    Id addMemo(const QString &targetKind, std::optional<Id> targetId, const QString &text,
               const QString &title = QString());
    void editMemo(Id memoId, const QString &text);
    void deleteMemo(Id memoId);
    std::vector<Memo> memos(const QString &targetKind = QString(), std::optional<Id> targetId = std::nullopt) const;

    // ---- command log -----------------------------------------------------
    /// Runs several operations as one command: one entry in the log, one undo step,
    /// and nothing of it kept if any part fails.
    void batch(const QString &kind, const QString &summary, const std::function<void()> &body);
    bool canUndo() const;
    bool canRedo() const;
    /// Undoes the latest done command; returns its summary.
    QString undo();
    /// Redoes the latest undone command; returns its summary.
    QString redo();
    std::vector<CommandRecord> history() const;

    struct CompactResult
    {
        qint64 textsRemoved = 0; ///< texts no document and no command in the history can bring back
        qint64 bytesBefore = 0;  ///< the project file's size
        qint64 bytesAfter = 0;
    };
    /// Removes the stored texts that nothing can bring back — documents
    /// deleted or imports undone whose commands have since been discarded
    /// (a new command after an undo) — and rewrites the file without free
    /// pages (VACUUM). A document's text stays while any done or undone
    /// command names the document, so undo and redo work as before. Not a
    /// command: it changes nothing undo could see.
    CompactResult compact();
    /// Rewrites the file without free pages (VACUUM), so that rows deleted
    /// outside the history (a copy for another coder) leave no trace in it.
    /// Not a command; run it outside any.
    void vacuum();

private:
    friend class ProjectAccess;
    Database &database() { return *m_db; }
    explicit Project(std::unique_ptr<Database> db);
    void configureConnection();
    /// Before the first change of this session: an automatic backup when one is due.
    void beforeFirstWrite();
    void addNote(const QString &note);
    /// Runs `body` as one recorded command (transaction + session changeset).
    void runCommand(const QString &kind, const QString &summary, const QJsonObject &args,
                    const std::function<void()> &body);

    std::unique_ptr<Database> m_db;
    std::unique_ptr<CommandLog> m_log;
    std::unique_ptr<MemoStore> m_memos;
    std::unique_ptr<CaseStore> m_cases;
    std::unique_ptr<DocumentStore> m_documents;
    std::unique_ptr<Codebook> m_codebook;
    std::unique_ptr<SegmentStore> m_segments;
    bool m_readOnly = false;
    QString m_readOnlyReason; ///< why every change is refused, when the file itself cannot say (a full disk)
    bool m_wroteBefore = false;
    QStringList m_notes;
    std::function<bool()> m_cancelled;
};

} // namespace Quire
