// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context.h"

namespace Quire::Cli {

/// segment add|remove|resize|memo PROJECT ...: coded passages.
int cmdSegmentAdd(const Context &context, const QStringList &words);
int cmdSegmentRemove(const Context &context, const QStringList &words);
int cmdSegmentResize(const Context &context, const QStringList &words);
int cmdSegmentMemo(const Context &context, const QStringList &words);

} // namespace Quire::Cli
