// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context.h"

namespace Quire::Cli {

/// undo|redo PROJECT [--steps N] and history PROJECT: the command log.
int cmdUndo(const Context &context, const QStringList &words);
int cmdRedo(const Context &context, const QStringList &words);
int cmdHistory(const Context &context, const QStringList &words);

} // namespace Quire::Cli
