// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context.h"

namespace Quire::Cli {

/// list documents|codes|cases|segments|attributes|memos PROJECT
int cmdList(const Context &context, const QStringList &words);

} // namespace Quire::Cli
