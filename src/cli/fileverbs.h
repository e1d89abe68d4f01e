// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context.h"

namespace Quire::Cli {

/// The project file itself: new, compact, verify, backup (list, restore), save-copy.
int cmdNew(const Context &context, const QStringList &words);
int cmdCompact(const Context &context, const QStringList &words);
int cmdVerify(const Context &c, const QStringList &words);
int cmdBackup(const Context &c, const QStringList &words);
int cmdBackupList(const Context &c, const QStringList &words);
int cmdBackupRestore(const Context &c, const QStringList &words);
int cmdSaveCopy(const Context &c, const QStringList &words);

/// Prints notes and waits on stderr ("quire-cli: note: …"), for the whole process.
void installFileMessages();

} // namespace Quire::Cli
