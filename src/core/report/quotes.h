// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "model/types.h"

#include <map>
#include <optional>
#include <QString>
#include <QStringList>
#include <vector>

namespace Quire {

class Project;

/// What a researcher chose about one coded segment as a quote: starred as an
/// exemplar (optionally with an explicit place in the "chosen" order) and/or an
/// editorial version. Stored in the quote_selections table; the segment's
/// span stays the source the editorial version is checked against.
struct QuoteSelection
{
    Id segmentId = 0;
    bool starred = false;
    std::optional<qint64> rank; ///< the "chosen" order; only with a star
    QString editorial;          ///< empty: the quote is the stored span as it is
    QString modified;
};

/// Editorial marks: a cut is "..." or "…" (also in brackets, "[...]"), an
/// insertion is any other bracketed text, "[to facilitate care]". The retained
/// fragments are the runs of text between marks, without the whitespace next
/// to a mark; empty runs are skipped.
QUIRECORE_EXPORT QStringList editorialFragments(const QString &editorial);

/// The first retained fragment that is not found in `source` after the end of
/// the previous one, or nothing when every fragment exists in order.
QUIRECORE_EXPORT std::optional<QString> firstMissingFragment(const QString &editorial, const QString &source);

/// Throws Error naming the segment and the first missing fragment (or an
/// editorial version that keeps nothing of the source).
QUIRECORE_EXPORT void checkEditorial(Id segmentId, const QString &editorial, const QString &source);

/// Shortens `text` to at most `maxLength` code points (counting the "..." that
/// marks the cut), at the last whitespace before the limit that is not inside
/// a bracketed insertion; a text without such a place is cut inside its first
/// word. The cut is an editorial cut, so checkEditorial still holds.
QUIRECORE_EXPORT QString shortenQuote(const QString &text, qsizetype maxLength);

/// Reads the selections of existing segments, by segment id.
QUIRECORE_EXPORT std::map<Id, QuoteSelection> quoteSelections(const Project &project);

/// Writes selections, each change one undoable command through Project::batch.
/// Every method throws Error for an unknown segment and leaves the project as it was.
class QUIRECORE_EXPORT QuoteSelections
{
public:
    explicit QuoteSelections(Project &project)
        : m_project(project)
    {}

    /// Stars the segment; `rank` places it in the "chosen" order (replacing an earlier rank).
    void star(Id segmentId, std::optional<qint64> rank = std::nullopt);
    /// Removes the star and the rank; an editorial version stays.
    void unstar(Id segmentId);
    /// Sets the editorial version after checking it against the segment's span.
    void setEditorial(Id segmentId, const QString &editorial);
    void clearEditorial(Id segmentId);
    std::optional<QuoteSelection> get(Id segmentId) const;

private:
    void write(const QuoteSelection &s, const QString &kind, const QString &summary);
    Project &m_project;
};

} // namespace Quire
