// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace Quire {

class Analyzer;

/// A `key:value` filter of a query: code, speaker, document, or an attribute.
struct QueryFilter
{
    QString key;        ///< as written (code, speaker and document are matched case-insensitively)
    QStringList values; ///< alternatives (speaker:P1|P2)
    bool negated = false;
    qsizetype column = 1; ///< where it starts in the query, 1-based, in characters
};

/// A query of the search language (docs/search.md), parsed.
struct ParsedQuery
{
    /// The FTS5 MATCH expression. Every word and phrase is a quoted FTS5
    /// string, so nothing a user types can become FTS5 syntax.
    QString match;
    /// Filters, all applying to the whole query (AND).
    std::vector<QueryFilter> filters;
    /// Per FTS5 phrase (numbered as they appear in `match`): whether it only
    /// excludes (stands after a NOT). Its occurrences are not hits.
    std::vector<bool> excluding;
};

/// Parses `query`. `analyzer` decides whether a term holds any word at all.
/// Throws Error "query: … at column N …" for malformed input.
QUIRECORE_EXPORT ParsedQuery parseQuery(const QString &query, Analyzer &analyzer);

} // namespace Quire
