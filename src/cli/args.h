// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include "error.h"
#include "formats/importerinterface.h"

namespace Quire {
class PluginManager;
}

namespace Quire::Cli {

/// A command line that does not fit the verb: exit code 2, like an unknown verb.
class UsageError : public Error
{
public:
    using Error::Error;
};

/// A verb's command line: positional words and --options. The options a verb
/// takes are its entry in the verb table (verbtable.cpp), the same entry its
/// --help prints; anything else is an error naming the option.
class Args
{
public:
    /// `verb`: the verb's name in the table ("code add").
    Args(const QStringList &words, const QString &verb);

    const QStringList &positional() const { return m_positional; }
    /// The n-th positional word; error naming `what` if it is missing.
    QString at(qsizetype n, const QString &what) const;
    /// Options are named without their dashes ("color") or as typed ("--color").
    bool has(const QString &name) const { return m_values.contains(key(name)); }
    QString value(const QString &name) const { return m_values.value(key(name)).value(0); }
    QStringList values(const QString &name) const { return m_values.value(key(name)); }
    /// Fails if more positional words were given than the verb takes.
    void expectAtMost(qsizetype count) const;
    /// Fails if an option other than `allowed` was given; `context` says when ("for a REFI-QDA file").
    void onlyOptions(const QStringList &allowed, const QString &context) const;

private:
    static QString key(const QString &name) { return name.startsWith(QLatin1String("--")) ? name.mid(2) : name; }

    QString m_verb;
    QStringList m_positional;
    QMap<QString, QStringList> m_values;
};

/// Parses START:END into code-point offsets.
std::pair<qsizetype, qsizetype> parseRange(const QString &text);
/// Parses KEY=VALUE.
std::pair<QString, QString> parseKeyValue(const QString &text);

/// The format plugins of this process (built in and $QUIRE_PLUGIN_PATH), loaded on first use.
PluginManager &plugins();

/// The whole number given with --`option`, at least `minimum`, or `fallback` when the option is
/// absent; anything else is a usage error naming the verb.
qint64 wholeNumber(const Args &a, const QString &verb, const QString &option, qint64 fallback, qint64 minimum);

/// The options that raise the import limits: --max-expansion, --max-columns, --max-documents.
QSet<QString> importLimitOptions();
/// The import limits, the defaults raised or lowered by those options.
ImportLimits importLimits(const Args &a, const QString &verb);

} // namespace Quire::Cli
