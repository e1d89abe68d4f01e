// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "model/types.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace Quire {

class Project;

/// What a search looks through.
enum class SearchScope { Documents, Memos, Codes, All };

struct SearchOptions
{
    SearchScope scope = SearchScope::Documents;
    /// The query is a regular expression (QRegularExpression, case-sensitive
    /// unless it says (?i)) applied to the stored document texts.
    bool regex = false;
    /// KWIC context: up to this many characters on each side of a hit, cut
    /// back to whole words. 0: no context.
    int context = 40;
    /// Context = the sentence(s) holding the hit (ICU sentence breaks).
    bool sentence = false;
    /// Details (text, context, speaker, page, time) are filled in for the
    /// first `limit` hits only (0: all). Positions cover every hit.
    qsizetype limit = 0;
    /// false: positions only, no details at all (fastest).
    bool details = true;
};

/// One occurrence of a query in a document, memo or code.
struct SearchHit
{
    QString source = QStringLiteral("document"); ///< document, memo or code
    Id id = 0;                                   ///< of the document, memo or code
    QString name;                                ///< document name, memo title ("memo N" if untitled), code path
    QString field = QStringLiteral("text");      ///< text; title (memos); name, description (codes)
    /// Code points of the field's stored text: documentRange(id, start, end) is the hit.
    qsizetype start = 0;
    qsizetype end = 0;

    bool hasDetails = false;
    QString text;
    QString left;  ///< context before the hit; starts at contextStart
    QString right; ///< context after the hit; ends at contextEnd
    qsizetype contextStart = 0;
    qsizetype contextEnd = 0;
    QString speaker;
    std::optional<Id> caseId;
    std::optional<int> page;
    std::optional<qint64> timeMs;
};

struct SearchResult
{
    /// The FTS5 MATCH expression run (empty for --regex).
    QString match;
    /// Every hit, in document order; details for the first `limit`.
    std::vector<SearchHit> hits;
    /// Documents (memos, codes) with at least one hit.
    qsizetype sources = 0;
};

/// Searches a project's full-text index (docs/search.md). One Search may run
/// many queries; it reads the project, never changes it (except rebuild()
/// and setLanguage(), which touch the index only).
class QUIRECORE_EXPORT Search
{
public:
    explicit Search(Project &project);
    ~Search();
    Search(const Search &) = delete;
    Search &operator=(const Search &) = delete;

    /// Runs a query; throws Error "query: …" for a malformed query or a
    /// filter naming something the project does not have.
    SearchResult run(const QString &query, const SearchOptions &options = {});

    /// The stemming language of the index ("english" unless changed).
    QString language() const;
    /// Re-creates the index with another stemmer and rebuilds it.
    void setLanguage(const QString &language);
    /// Rebuilds the index from the stored texts.
    void rebuild();
    /// Verifies the index against the stored texts; throws Error if it does not match.
    void check();

    struct Size
    {
        qint64 indexBytes = 0; ///< pages of every search_ table and index
        qint64 textBytes = 0;  ///< UTF-8 bytes of the document texts
    };
    Size size() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Quire
