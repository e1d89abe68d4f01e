// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace Quire {
class Project;
}

namespace Quire::Cli {

/// What every verb is given from the global options before the verb.
struct Context
{
    bool json = false; ///< --json: print the result as one JSON document instead of text
    QString coder;     ///< --coder NAME: who the changes are recorded for; empty: the default

    /// Opens a project (migrating it if older) with the changes recorded for `coder`.
    std::unique_ptr<Project> openProject(const QString &path) const;
};

/// A verb: the words after its name in, its exit code out; a failure is thrown as Quire::Error
/// (a UsageError for a command line that does not fit).
using VerbFunction = int (*)(const Context &context, const QStringList &words);

} // namespace Quire::Cli
