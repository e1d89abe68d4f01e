// SPDX-License-Identifier: GPL-3.0-or-later
#include "args.h"
#include "context.h"
#include "verbtable.h"

#include "formats/pluginmanager.h"
#include "model/project.h"

#include "error.h"

#include <QRegularExpression>

namespace Quire::Cli {

Args::Args(const QStringList &words, const QString &verb)
    : m_verb(verb)
{
    QSet<QString> valued, flags;
    for (const OptionSpec &o : verbSpec(verb).options)
        (o.value ? valued : flags).insert(key(QString::fromUtf8(o.name)));
    bool onlyPositional = false;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &w = words[i];
        if (onlyPositional || !w.startsWith(QStringLiteral("--"))) {
            m_positional << w;
            continue;
        }
        if (w == QLatin1String("--")) {
            onlyPositional = true;
            continue;
        }
        QString name = w.mid(2);
        QString value;
        bool inlineValue = false;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq > 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            inlineValue = true;
        }
        if (flags.contains(name)) {
            if (inlineValue)
                throw UsageError(QStringLiteral("%1: option --%2 takes no value").arg(verb, name));
            m_values[name] << QString();
        } else if (valued.contains(name)) {
            if (!inlineValue) {
                if (i + 1 >= words.size())
                    throw UsageError(QStringLiteral("%1: option --%2 needs a value").arg(verb, name));
                value = words[++i];
            }
            m_values[name] << value;
        } else {
            QStringList known;
            for (const auto &k : valued)
                known << QStringLiteral("--") + k;
            for (const auto &k : flags)
                known << QStringLiteral("--") + k;
            known.sort();
            throw UsageError(
                QStringLiteral("%1: unknown option --%2 (options: %3)")
                    .arg(verb, name, known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral(", "))));
        }
    }
}

QString Args::at(qsizetype n, const QString &what) const
{
    if (n >= m_positional.size())
        throw UsageError(QStringLiteral("%1: missing %2").arg(m_verb, what));
    return m_positional[n];
}

void Args::expectAtMost(qsizetype count) const
{
    if (m_positional.size() > count)
        throw UsageError(QStringLiteral("%1: unexpected argument \"%2\"").arg(m_verb, m_positional[count]));
}

void Args::onlyOptions(const QStringList &allowed, const QString &context) const
{
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
        if (!allowed.contains(it.key()))
            throw UsageError(QStringLiteral("%1: option --%2 does not apply %3 (only --%4)")
                                 .arg(m_verb, it.key(), context, allowed.join(QStringLiteral(", --"))));
    }
}

std::pair<qsizetype, qsizetype> parseRange(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(-?\\d+):(-?\\d+)$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        throw UsageError(
            QStringLiteral("range \"%1\" is not of the form START:END (code points, e.g. 120:245)").arg(text));
    return {m.captured(1).toLongLong(), m.captured(2).toLongLong()};
}

std::pair<QString, QString> parseKeyValue(const QString &text)
{
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (eq <= 0)
        throw UsageError(QStringLiteral("\"%1\" is not of the form KEY=VALUE").arg(text));
    return {text.left(eq), text.mid(eq + 1)};
}

PluginManager &plugins()
{
    static PluginManager manager;
    static bool loaded = false;
    if (!loaded) {
        manager.loadDefault();
        loaded = true;
    }
    return manager;
}

std::unique_ptr<Project> Context::openProject(const QString &path) const
{
    auto p = Project::open(path);
    if (!coder.isEmpty())
        p->setCoder(coder);
    return p;
}

qint64 wholeNumber(const Args &a, const QString &verb, const QString &option, qint64 fallback, qint64 minimum)
{
    if (!a.has(option))
        return fallback;
    bool ok = false;
    const qint64 n = a.value(option).toLongLong(&ok);
    if (!ok || n < minimum)
        throw UsageError(QStringLiteral("%1: --%2 takes a whole number from %3, not \"%4\"")
                             .arg(verb, option)
                             .arg(minimum)
                             .arg(a.value(option)));
    return n;
}

QSet<QString> importLimitOptions()
{
    return {QStringLiteral("max-expansion"), QStringLiteral("max-columns"), QStringLiteral("max-documents")};
}

ImportLimits importLimits(const Args &a, const QString &verb)
{
    ImportLimits limits;
    limits.maxExpansion = wholeNumber(a, verb, QStringLiteral("max-expansion"), limits.maxExpansion, 1);
    limits.maxColumns = wholeNumber(a, verb, QStringLiteral("max-columns"), limits.maxColumns, 1);
    limits.maxDocuments = wholeNumber(a, verb, QStringLiteral("max-documents"), limits.maxDocuments, 1);
    return limits;
}

} // namespace Quire::Cli
