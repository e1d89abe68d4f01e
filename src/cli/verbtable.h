// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace Quire::Cli {

/// One --option of a verb.
struct OptionSpec
{
    const char *name;     ///< as it is typed: "--color"
    const char *value;    ///< what the value is called (PATH, N …); nullptr for a flag
    const char *help;     ///< one line
    bool repeats = false; ///< may be given more than once
};

/// One verb (or verb and action, "code add") of quire-cli: the single place
/// that says which options it takes and what runs it. Args parses from it,
/// --help prints it and main() runs its function.
struct VerbSpec
{
    const char *name;      ///< the words that name it: "code add", "wtfc theme assign"
    const char *arguments; ///< its positional arguments, as shown in the help
    const char *summary;   ///< one or two sentences
    std::vector<OptionSpec> options;
    VerbFunction run; ///< given the words after the name
};

/// Every verb, in the order of `quire-cli --help`.
const std::vector<VerbSpec> &verbTable();
/// The verb called `name`; an internal error if there is none (a verb parses with its own entry).
const VerbSpec &verbSpec(const QString &name);
/// The verb that the first words of `words` name (the longest such name; "wtfc analyze" is
/// "wtfc analyse"), and in `used` how many words its name took; nullptr if they name none.
const VerbSpec *findVerb(const QStringList &words, qsizetype &used);
/// The verbs `topic` names: the one called so, and those it is the first words of ("code" → "code add" …).
std::vector<const VerbSpec *> verbsUnder(const QString &topic);

/// "quire-cli code add PROJECT PATH [--color #RRGGBB] …", wrapped to the terminal's usual width.
QString synopsis(const VerbSpec &verb);
/// The help of the verbs of `topic`: synopsis, summary and one line per option.
QString verbHelp(const QString &topic);
/// `quire-cli --help`: the global options, then every verb's synopsis.
QString overallHelp();

} // namespace Quire::Cli
