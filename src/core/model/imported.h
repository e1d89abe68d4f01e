// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <vector>

/// What an importer hands to the project (the data of one read file). In
/// model/ because the project stores it; formats/ fills it.
namespace Quire {

/// A speaker turn found by an importer, in code points of the stored text.
struct ImportedTurn
{
    qsizetype start = 0;
    qsizetype end = 0;
    QString speaker;
    std::optional<qint64> timeMs;    ///< start time, when the source gives one
    std::optional<qint64> endTimeMs; ///< end time (subtitle cues)
};

/// A page of a paginated source (PDF), in code points of the stored text.
struct ImportedPage
{
    int number = 1; ///< 1-based, as printed by viewers
    qsizetype start = 0;
    qsizetype end = 0;
};

/// What an importer hands to the project: the stored text (BOM removed, line
/// endings LF, nothing else changed) and what it learnt about it.
struct ImportedDocument
{
    QString name;
    QString kind = QStringLiteral("text"); ///< text, transcript, narrative, statement, survey answer …
    QString text;
    QString encoding;
    QJsonObject meta; ///< importer's report (line endings converted, BOM, pages, turns …)
    std::vector<ImportedTurn> turns;
    std::vector<ImportedPage> pages;
    /// The case the whole document belongs to (a statement's person, a survey respondent).
    QString caseName;
    /// Document attributes found in the source (a statement's area, rank, taken_forward …).
    QList<QPair<QString, QString>> attributes;
    /// Things the user should know that did not stop the import.
    QStringList warnings;
};

/// Documents handed over one at a time, for a file too large to hold in
/// memory at once (a very large text file, read in parts). The project pulls
/// them while it stores them, inside the one import command.
class DocumentStream
{
public:
    virtual ~DocumentStream() = default;
    /// Names of every document the stream will give, in order (known up front).
    virtual QStringList names() const = 0;
    /// The next document, or nothing at the end. Throws Error naming the file.
    virtual std::optional<ImportedDocument> next() = 0;
    /// Applied to every document as it is read (e.g. quire-cli import --kind).
    std::function<void(ImportedDocument &)> adjust;
    /// Things the user should know about the file as a whole.
    QStringList warnings;
};

/// One source file read by an importer: its documents and where they came from.
struct ImportedFile
{
    QString sourcePath;
    QString sha256; ///< of the file's bytes, hex
    QString format;
    std::vector<ImportedDocument> documents;
    /// Further documents read on demand (after `documents`); usually none.
    std::shared_ptr<DocumentStream> parts{};
    qint64 size = 0; ///< bytes
};

/// Where imported documents go and how their speakers become cases.
struct ImportTarget
{
    /// Attributes set on every imported document (--attr).
    QList<QPair<QString, QString>> attributes;
    /// A case every document is linked to (--case); created if new.
    QString caseName;
    /// How a speaker turn's case is named: {speaker} and {document} (the
    /// document name without extension). The default keeps "P1" of two focus
    /// groups apart; "{speaker}" matches speakers across documents.
    QString speakerCaseTemplate = QStringLiteral("{document}: {speaker}");
    /// Speakers whose cases are left out of counts (case-insensitive).
    QStringList uncountedSpeakers{QStringLiteral("Facilitator"), QStringLiteral("Interviewer"),
                                  QStringLiteral("Moderator"), QStringLiteral("I")};
};

} // namespace Quire
