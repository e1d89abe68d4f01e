// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "formats/importerinterface.h"

#include <QString>
#include <QStringList>

namespace Quire {

class PluginManager;

/// The largest file Quire reads in one piece; larger ones are refused with a
/// message rather than exhausting memory.
inline constexpr qint64 MaxImportFileSize = qint64(512) * 1024 * 1024;

/// Reads one file from disk with the importer chosen by format or extension:
/// checks existence, type and size, hashes the bytes, and returns what the
/// importer made of it, within options.limits. Touches no project. Throws
/// Error naming the file.
QUIRECORE_EXPORT ImportedFile readImportFile(const PluginManager &plugins, const QString &path,
                                             const QString &format = QString(),
                                             const ImportOptions &options = ImportOptions());

/// A file name's bytes as text: valid UTF-8 as it is, every other byte (and
/// control characters) as \xHH, so that a name in another encoding can be
/// shown in a message exactly.
QUIRECORE_EXPORT QString escapedFileName(const QByteArray &name);

/// True when the bytes are valid UTF-8 (the encoding Quire uses for file names).
QUIRECORE_EXPORT bool isValidUtf8(const QByteArray &bytes);

/// The files and folders under `folder` (recursively, hidden names left out,
/// as a folder import does) whose names are not valid UTF-8, each as a
/// complete error message with the name escaped (escapedFileName). Qt can
/// neither list nor open them, so a folder import would lose them without a word.
QUIRECORE_EXPORT QStringList undecodableNames(const QString &folder);

/// The characters one imported document puts into the project: its text,
/// its name and its attribute values (UTF-16 code units).
QUIRECORE_EXPORT qint64 importedCharacters(const ImportedDocument &doc);

/// Throws Error naming the file, the limit and the option that raises it when
/// what a file of `fileSize` bytes became breaks `limits`: more than
/// maxDocuments documents, or more than maxExpansion characters per byte.
QUIRECORE_EXPORT void checkImportLimits(const QString &fileName, qint64 fileSize, qint64 documents, qint64 characters,
                                        const ImportLimits &limits);

} // namespace Quire

namespace Quire {

/// Finds speaker turns in doc.text (unless options.detectSpeakers is off, or with
/// options.speakerPattern) and marks the document a transcript when it has them.
/// With `prefixLength` (UTF-16 units) only that start of the text is searched:
/// notes appended after a document's body are never turns.
QUIRECORE_EXPORT void applySpeakerTurns(ImportedDocument &doc, const ImportOptions &options,
                                        qsizetype prefixLength = -1);

/// The common path of text-like importers: decodes the bytes (detected or
/// declared encoding), removes a leading BOM, turns line endings into LF and
/// records what was done in the document's import metadata.
QUIRECORE_EXPORT ImportedDocument decodeTextDocument(const QString &fileName, const QByteArray &bytes,
                                                     const ImportOptions &options);

} // namespace Quire
