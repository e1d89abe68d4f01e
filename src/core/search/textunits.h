// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "model/types.h"
#include "text/textoffsets.h"

#include <QString>

#include <utility>

struct UBreakIterator;

namespace Quire {

/// Word, sentence and paragraph boundaries of one stored text (ICU break
/// iterators), in code points. Used to cut KWIC context and to extend hits
/// before coding them.
class QUIRECORE_EXPORT TextUnits
{
public:
    using Span = std::pair<qsizetype, qsizetype>;

    explicit TextUnits(const QString &text);
    ~TextUnits();
    TextUnits(const TextUnits &) = delete;
    TextUnits &operator=(const TextUnits &) = delete;

    const TextOffsets &offsets() const { return m_offsets; }
    const QString &text() const { return m_text; }

    /// The nearest word boundary at or after / at or before `position`.
    qsizetype wordBoundaryAtOrAfter(qsizetype position);
    qsizetype wordBoundaryAtOrBefore(qsizetype position);
    /// The smallest run of whole words (and whatever lies between them) that covers [start, end).
    Span words(qsizetype start, qsizetype end);
    /// The sentence(s) covering [start, end), without trailing white space.
    Span sentences(qsizetype start, qsizetype end);
    /// The line(s) covering [start, end): a paragraph ends at a line break.
    Span paragraphs(qsizetype start, qsizetype end);
    /// [start, end) without white space at either end (unchanged if all white space).
    Span trimmed(Span span) const;
    /// Where the words of a turn start: after its speaker label ("P1:",
    /// "[00:12:31] Ruth (district nurse):", "[Anna]") on its first line; the
    /// turn's start if there is no such label.
    qsizetype speakerLabelEnd(const Turn &turn) const;

    /// Columns `s` takes in a terminal: East Asian wide and emoji characters
    /// take two, combining marks and joiners none (for aligned concordances).
    static int displayWidth(const QString &s);

private:
    UBreakIterator *iterator(UBreakIterator *&it, int kind);

    QString m_text;
    TextOffsets m_offsets;
    UBreakIterator *m_words = nullptr;
    UBreakIterator *m_sentences = nullptr;
};

} // namespace Quire
