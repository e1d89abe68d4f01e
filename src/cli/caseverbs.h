// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context.h"

namespace Quire::Cli {

/// case add|attr|link PROJECT NAME ... and attribute define PROJECT NAME: cases and their attributes.
int cmdCaseAdd(const Context &context, const QStringList &words);
int cmdCaseAttr(const Context &context, const QStringList &words);
int cmdCaseLink(const Context &context, const QStringList &words);
int cmdAttributeDefine(const Context &context, const QStringList &words);

} // namespace Quire::Cli
