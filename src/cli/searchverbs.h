// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Quire::Cli {

/// What main() passes on from the global options.
struct SearchVerbContext
{
    bool json = false;
    QString coder;
};

/// search PROJECT QUERY [--kwic N] [--sentence] [--regex] [--limit N] [--in documents|memos|codes|all]
int cmdSearch(const SearchVerbContext &context, const QStringList &words);
/// autocode PROJECT QUERY --code PATH [--extend hit|word|sentence|paragraph|turn] [--hits 1,3,5-7] [--regex]
int cmdAutocode(const SearchVerbContext &context, const QStringList &words);
/// words PROJECT [--by document|code|speaker|case|ATTRIBUTE] [--stem] [--stopwords none|english] [--top N] [--document D]...
int cmdWords(const SearchVerbContext &context, const QStringList &words);
/// reindex PROJECT [--language LANG] [--check]
int cmdReindex(const SearchVerbContext &context, const QStringList &words);

} // namespace Quire::Cli
