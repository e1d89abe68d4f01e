// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <utility>
#include <vector>

namespace Quire::Refi {

/// How a tool counted selection positions (docs/decisions/0005-refiqda-offsets.md).
enum class OffsetUnit {
    Utf16,        ///< UTF-16 code units over the text as written, CRLF = 2 (NVivo)
    CodePoints,   ///< code points over the text as written, CRLF = 2 (the spec; qc, MAXQDA)
    CodePointsLf, ///< code points with every line break counted as 1 (ATLAS.ti)
};

struct OffsetSelection
{
    QString guid, name;
    qint64 start = 0;
    qint64 end = 0;
};

struct OffsetInput
{
    QString origin;      ///< the package's origin attribute
    QString sourceLabel; ///< "file.qdpx: source \"x\"" for errors
    QString raw;         ///< the text as written (BOM removed, line endings kept)
    /// False when the raw text no longer has its line endings (inline
    /// content, which the XML parser normalises; a re-decoded legacy charset).
    bool rawKeepsLineEndings = true;
    std::vector<OffsetSelection> selections;
};

struct OffsetDecision
{
    OffsetUnit unit = OffsetUnit::CodePoints;
    QString unitName; ///< e.g. "UTF-16 code units (CRLF = 2)"
    QString summary;  ///< the unit and the evidence, one line
    /// Per selection, code points over the stored text (LF, no BOM).
    std::vector<std::pair<qsizetype, qsizetype>> ranges;
    /// Selections that fit the chosen unit (quoted name, else word or line
    /// boundaries), and those that fit another unit but not the chosen one:
    /// a source whose selections mix units. Empty when they do not mix.
    qint64 fitChosen = 0;
    std::vector<std::pair<OffsetUnit, qint64>> fitOther;
    /// One sentence on the mix, naming the source; empty when they do not mix.
    QString mixWarning;
};

QString unitName(OffsetUnit unit);

/// Chooses the unit for one source: the origin's known habit, overruled only
/// when another unit puts clearly more selections on word or line
/// boundaries (or matches the quoted text some tools put in the selection
/// name), and never a unit that puts a selection outside the text. Throws
/// Quire::Error naming the source and selection when no unit fits.
OffsetDecision decideOffsets(const OffsetInput &input, const QString &storedText);

} // namespace Quire::Refi
