// SPDX-License-Identifier: GPL-3.0-or-later
// Whole-project exchange verbs (REFI-QDA .qdpx / .qdc): routed here from
// main.cpp's import and export when the file or format is an exchange one.
#include "exchangeverbs.h"

#include "args.h"
#include "output.h"

#include "error.h"
#include "formats/exchangeinterface.h"
#include "formats/pluginmanager.h"
#include "model/project.h"

#include <QFileInfo>
#include <QJsonObject>

namespace Quire::Cli {

namespace {

void printReport(const Context &context, const QString &headline, const ExchangeReport &exchange)
{
    if (context.json)
        report(context, headline, exchange.toJson());
    else
        print(headline + QLatin1Char('\n') + exchange.toText());
}

bool isExchangeExtension(const QString &file)
{
    const QString ext = QFileInfo(file).suffix().toLower();
    return ext == QLatin1String("qdpx") || ext == QLatin1String("qde") || ext == QLatin1String("qdc");
}

/// The value of --name or --name=value in raw words, or a null string.
QString rawOption(const QStringList &words, const QString &name)
{
    const QString flag = QStringLiteral("--") + name;
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (words[i] == flag && i + 1 < words.size())
            return words[i + 1];
        if (words[i].startsWith(flag + QLatin1Char('=')))
            return words[i].mid(flag.size() + 1);
    }
    return QString();
}

} // namespace

bool isExchangeImport(const QStringList &words)
{
    const QString format = rawOption(words, QStringLiteral("format"));
    if (format == QLatin1String("refiqda") || format == QLatin1String("qdpx") || format == QLatin1String("qdc"))
        return true;
    if (!format.isEmpty())
        return false;
    for (qsizetype i = 1; i < words.size(); ++i) {
        if (!words[i].startsWith(QLatin1String("--")) && isExchangeExtension(words[i]))
            return true;
    }
    return false;
}

int cmdExchangeImport(const Context &context, const QStringList &words)
{
    Args a(words, QStringLiteral("import"));
    a.onlyOptions(QStringList{QStringLiteral("format"), QStringLiteral("quiet")} + importLimitOptions().values(),
                  QStringLiteral("to a REFI-QDA file"));
    a.expectAtMost(2);
    const ImportLimits limits = importLimits(a, QStringLiteral("import"));
    const QString projectPath = a.at(0, QStringLiteral("PROJECT"));
    const QString file = a.at(1, QStringLiteral("FILE.qdpx"));
    ProjectExchangeInterface *plugin = plugins().exchangeFor(file);
    if (!plugin && a.has(QStringLiteral("format")) && !plugins().exchanges().empty())
        plugin = plugins().exchanges().front();
    if (!plugin)
        throw Error(QStringLiteral("%1: no exchange plugin reads this file (is the refiqda plugin built?)")
                        .arg(QFileInfo(file).fileName()));
    if (!QFileInfo(file).isFile())
        throw Error(QStringLiteral("%1: no such file").arg(file));
    auto project = context.openProject(projectPath);
    const ExchangeReport report = plugin->importInto(*project, file, limits);
    printReport(context, QStringLiteral("Imported %1 into %2").arg(QFileInfo(file).fileName(), project->fileName()),
                report);
    return 0;
}

bool isExchangeExport(const QStringList &words)
{
    const QString format = rawOption(words, QStringLiteral("format")).toLower();
    if (!format.isEmpty())
        return format == QLatin1String("qdpx") || format == QLatin1String("qdc");
    const QString out = rawOption(words, QStringLiteral("out"));
    const QString ext = QFileInfo(out).suffix().toLower();
    return ext == QLatin1String("qdpx") || ext == QLatin1String("qdc");
}

int cmdExchangeExport(const Context &context, const QStringList &words)
{
    // Said plainly rather than as an unknown option: someone asking for a
    // redacted package must not go on to share an unredacted one.
    for (const auto &w : words) {
        if (w == QLatin1String("--redact") || w.startsWith(QLatin1String("--redact=")) ||
            w == QLatin1String("--dry-run"))
            throw UsageError(
                QStringLiteral(
                    "export: %1 works on theme reports (md, csv, xlsx, docx, odt, html, pdf); a REFI-QDA "
                    "package or codebook carries the project's names and texts as stored and is never redacted")
                    .arg(w.section(QLatin1Char('='), 0, 0)));
    }
    Args a(words, QStringLiteral("export"));
    a.onlyOptions({QStringLiteral("format"), QStringLiteral("out")},
                  QStringLiteral("to a REFI-QDA package or codebook"));
    a.expectAtMost(1);
    const QString projectPath = a.at(0, QStringLiteral("PROJECT"));
    const QString out = a.value(QStringLiteral("out"));
    if (out.isEmpty())
        throw UsageError(QStringLiteral("export: name the output file with --out FILE"));
    QString format = a.value(QStringLiteral("format")).toLower();
    if (format.isEmpty())
        format = QFileInfo(out).suffix().toLower();
    ProjectExchangeInterface *plugin = plugins().exchangeExporter(format);
    if (!plugin)
        throw Error(QStringLiteral("no exchange plugin writes \"%1\" (is the refiqda plugin built?)").arg(format));
    auto project = context.openProject(projectPath);
    const ExchangeReport report = plugin->exportProject(*project, out, format, ExchangeOptions{});
    printReport(context, QStringLiteral("Exported %1 to %2").arg(project->fileName(), out), report);
    return 0;
}

} // namespace Quire::Cli
