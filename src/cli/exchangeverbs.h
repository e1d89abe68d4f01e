// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context.h"

namespace Quire::Cli {

/// True when `import` names one whole-project package (.qdpx, .qde, .qdc)
/// that an exchange plugin reads: such a file fills the whole project.
bool isExchangeImport(const QStringList &words);
/// import PROJECT FILE.qdpx|.qde|.qdc: one command; prints the exchange report.
int cmdExchangeImport(const Context &context, const QStringList &words);

/// True when `export` asks for --format qdpx|qdc (or --out FILE.qdpx|.qdc without --format).
bool isExchangeExport(const QStringList &words);
/// export PROJECT --format qdpx|qdc --out FILE
int cmdExchangeExport(const Context &context, const QStringList &words);

} // namespace Quire::Cli
