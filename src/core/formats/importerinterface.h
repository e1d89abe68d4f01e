// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QtPlugin>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

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

/// What one imported file may become at most, so that a small hostile file
/// cannot run away with time, memory or the project's size. Each limit scales
/// with the input or can be raised on purpose (quire-cli import
/// --max-expansion, --max-columns, --max-documents); a file beyond one is
/// refused with an error naming the file, the limit and the option.
struct ImportLimits
{
    /// Characters of imported text (document texts and names, attribute
    /// values) per byte of the file. Real files stay below 3 (office formats
    /// compress their text a few times, REFI-QDA packages about twice);
    /// repeated shared strings or one source file named by many sources go
    /// far beyond. Every file may give at least MinExpansionCharacters.
    qint64 maxExpansion = 20;
    /// Columns of one sheet (CSV, XLSX): Excel's own maximum (column XFD).
    qint64 maxColumns = 16384;
    /// Documents from one file (rows of a sheet, sources of a package).
    qint64 maxDocuments = 100000;
};

/// The text any file may give whatever its size (a small sheet names every
/// row's document after the file, which can outweigh its few bytes).
inline constexpr qint64 MinExpansionCharacters = qint64(1) << 20;

struct ImportOptions
{
    /// Limits on what the file may become (fileimport.h checks them).
    ImportLimits limits;
    QString declaredEncoding; ///< empty: detect
    bool detectSpeakers = true;
    /// A regular expression for speaker lines with a named group "speaker"
    /// (and optionally "time"); empty: the built-in patterns.
    QString speakerPattern;
    /// Importer-specific settings, e.g. for statement sheets "column.person",
    /// "column.area", "column.rank", "column.text", "taken-forward-ranks",
    /// "mode" (statements|survey), "sheet".
    QMap<QString, QString> settings;
};

/// A format plugin that reads files into documents. Implementations throw
/// Quire::Error naming the file and the problem; they never touch the project.
class ImporterInterface
{
public:
    virtual ~ImporterInterface() = default;
    /// Short stable id used by --format (plaintext, md, docx …).
    virtual QString formatId() const = 0;
    /// Lower-case file extensions without the dot.
    virtual QStringList fileExtensions() const = 0;
    /// Reads one file. `bytes` is the whole file, already read by the caller.
    virtual std::vector<ImportedDocument> read(const QString &fileName, const QByteArray &bytes,
                                               const ImportOptions &options) const = 0;
};

} // namespace Quire

// 1.1: ImportOptions carries the import limits (a 1.0 plugin would read it wrongly).
#define QuireImporterInterface_iid "org.quire.ImporterInterface/1.1"
Q_DECLARE_INTERFACE(Quire::ImporterInterface, QuireImporterInterface_iid)
