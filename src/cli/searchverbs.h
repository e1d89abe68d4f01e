// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context.h"

namespace Quire::Cli {

/// search PROJECT QUERY [--kwic N] [--sentence] [--regex] [--limit N] [--in documents|memos|codes|all]
int cmdSearch(const Context &context, const QStringList &words);
/// autocode PROJECT QUERY --code PATH [--extend hit|word|sentence|paragraph|turn] [--hits 1,3,5-7] [--regex]
int cmdAutocode(const Context &context, const QStringList &words);
/// words PROJECT [--by document|code|speaker|case|ATTRIBUTE] [--stem] [--stopwords none|english] [--top N] [--document
/// D]...
int cmdWords(const Context &context, const QStringList &words);
/// reindex PROJECT [--language LANG] [--check]
int cmdReindex(const Context &context, const QStringList &words);

} // namespace Quire::Cli
