// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context.h"

namespace Quire::Cli {

/// memo add|edit|delete PROJECT ...: memos on the project or on one thing in it.
int cmdMemoAdd(const Context &context, const QStringList &words);
int cmdMemoEdit(const Context &context, const QStringList &words);
int cmdMemoDelete(const Context &context, const QStringList &words);

} // namespace Quire::Cli
