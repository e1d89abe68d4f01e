// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "model/imported.h"

#include <QString>
#include <vector>

namespace Quire {

/// Finds speaker turns in a transcript: "P1: …", "Facilitator: …",
/// "Name (role): …", "[Name] …", "NAME:" at the start of a line, optionally
/// after a timestamp "[00:12:31]", "(12:31)" or "#00:12:31.200#". A turn runs
/// to the next turn's line. Offsets are code points of `text`.
struct QUIRECORE_EXPORT TranscriptDetector
{
    /// A regular expression with a named group "speaker" (and optionally
    /// "time") replaces the built-in patterns; it is matched at line starts.
    QString customPattern;
    /// Fewer turns or speakers than this: not a transcript (no turns).
    int minimumTurns = 3;
    int minimumSpeakers = 2;

    std::vector<ImportedTurn> detect(const QString &text) const;

    /// "[00:12:31]", "12:31", "#00:12:31.200#" … → milliseconds; nullopt if not a time.
    static std::optional<qint64> parseTime(const QString &time);
};

} // namespace Quire
