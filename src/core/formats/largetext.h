// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "formats/importerinterface.h"

namespace Quire {

/// Text files larger than this are read in parts instead of in one piece.
inline constexpr qint64 LargeTextFileSize = qint64(32) * 1024 * 1024;
/// The most bytes of a large text file that go into one document.
inline constexpr qint64 TextPartSize = qint64(8) * 1024 * 1024;

/// Reads a large plain-text (or Markdown) file as a stream of documents of at
/// most `partSize` bytes each, cut at line ends: "big.txt (part 3 of 25)".
///
/// One pass over the file hashes it, finds the cuts, checks the encoding of
/// every part (the same rules as TextDecoder: BOM, declared, valid UTF-8,
/// else Western single-byte) and reads nothing into memory beyond one part;
/// the parts themselves are read again, one at a time, when the project
/// stores them. UTF-16/32 files are refused (cutting at a line end needs an
/// ASCII-compatible encoding), as is a file with no line break within
/// 2 × `partSize` bytes. Errors name the file (and the part).
QUIRECORE_EXPORT ImportedFile readLargeTextFile(const QString &path, const QString &format,
                                                const ImportOptions &options, qint64 partSize = TextPartSize);

} // namespace Quire
