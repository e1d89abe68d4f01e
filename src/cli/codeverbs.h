// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context.h"

namespace Quire::Cli {

/// code add|rename|move|link|unlink|merge|delete|describe PROJECT PATH ...: the codebook.
int cmdCodeAdd(const Context &context, const QStringList &words);
int cmdCodeRename(const Context &context, const QStringList &words);
int cmdCodeMove(const Context &context, const QStringList &words);
int cmdCodeLink(const Context &context, const QStringList &words);
int cmdCodeUnlink(const Context &context, const QStringList &words);
int cmdCodeMerge(const Context &context, const QStringList &words);
int cmdCodeDelete(const Context &context, const QStringList &words);
int cmdCodeDescribe(const Context &context, const QStringList &words);

} // namespace Quire::Cli
