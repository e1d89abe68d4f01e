// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "model/types.h"
#include "search/search.h"

#include <QString>

#include <vector>

namespace Quire {

class Project;

/// How far a hit is widened before it is coded.
enum class AutocodeExtent { Hit, Word, Sentence, Paragraph, Turn };

/// Parses hit, word, sentence, paragraph or turn; throws Error otherwise.
QUIRECORE_EXPORT AutocodeExtent parseAutocodeExtent(const QString &name);

struct AutocodeOptions
{
    Id code = 0;
    AutocodeExtent extent = AutocodeExtent::Word;
    /// 1-based numbers of the hits to code, as `search` lists them; empty: all.
    std::vector<qsizetype> hits;
    /// Only `regex` is used (documents are searched, no details).
    SearchOptions search;
};

struct AutocodeResult
{
    qsizetype hits = 0;         ///< hits chosen
    qsizetype passages = 0;     ///< extended, merged spans
    qsizetype added = 0;        ///< new segments
    qsizetype joined = 0;       ///< existing segments of the same span (by this coder) that got the code
    qsizetype alreadyCoded = 0; ///< spans this coder had already coded with the code: skipped
    qsizetype outsideTurns = 0; ///< extent turn: hits outside any turn, widened to their paragraph instead
    qsizetype documents = 0;    ///< documents that got segments
    std::vector<Id> segments;   ///< the segments added or joined
};

/// Codes the hits of a query (all, or the chosen ones) with one code, each
/// widened to the extent; overlapping passages become one segment; passages
/// the current coder has already coded with the code are skipped. Everything
/// is ONE command: one undo step removes it all. Throws Error (project unchanged).
QUIRECORE_EXPORT AutocodeResult autocode(Project &project, const QString &query, const AutocodeOptions &options);

} // namespace Quire
