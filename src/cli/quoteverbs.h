// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context.h"

#include "report/themereport.h"

namespace Quire::Cli {

class Args;

/// quote star|unstar|edit|clear-edit PROJECT SEGMENT ...: exemplar quotes and their editorial versions.
int cmdQuoteStar(const Context &context, const QStringList &words);
int cmdQuoteUnstar(const Context &context, const QStringList &words);
int cmdQuoteEdit(const Context &context, const QStringList &words);
int cmdQuoteClearEdit(const Context &context, const QStringList &words);
/// quote list PROJECT [SEGMENT] [--starred]
int cmdQuoteList(const Context &context, const QStringList &words);

/// Reads --max-quotes, --order, --starred-only, --max-length, --speaker-label, --locator,
/// --memos and --no-timestamp into `options`; a bad value is a usage error.
void applyQuoteExportOptions(const Args &args, ReportOptions &options);

} // namespace Quire::Cli
