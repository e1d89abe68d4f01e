// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Quire::Cli {

/// The project file itself: verify, backup (list, restore), save-copy.
struct FileVerbContext
{
    bool json = false;
    QString coder;
};

int cmdVerify(const FileVerbContext &c, const QStringList &words);
int cmdBackup(const FileVerbContext &c, const QStringList &words);
int cmdSaveCopy(const FileVerbContext &c, const QStringList &words);

/// Prints notes and waits on stderr ("quire-cli: note: …"), for the whole process.
void installFileMessages();

} // namespace Quire::Cli
