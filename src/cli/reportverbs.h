// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context.h"

namespace Quire::Cli {

/// export PROJECT --out FILE ...: a theme report or table (a REFI-QDA package goes to exchangeverbs.cpp).
int cmdExport(const Context &context, const QStringList &words);

} // namespace Quire::Cli
