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
