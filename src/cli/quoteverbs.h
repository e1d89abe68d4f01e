// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/themereport.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace Quire::Cli {

class Args;

/// What main() passes on from the global options.
struct QuoteVerbContext
{
    bool json = false;
    QString coder;
};

/// quote star|unstar|edit|clear-edit|list PROJECT [SEGMENT] ...
int cmdQuote(const QuoteVerbContext &context, const QStringList &words);

/// Reads --max-quotes, --order, --max-length, --speaker-label, --locator,
/// --memos and --no-timestamp into `options`; a bad value is a usage error.
void applyQuoteExportOptions(const Args &args, ReportOptions &options);

} // namespace Quire::Cli
