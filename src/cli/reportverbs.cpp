// SPDX-License-Identifier: GPL-3.0-or-later
// quire-cli export: theme reports and tables, redacted on the way out if asked.
#include "reportverbs.h"

#include "args.h"
#include "output.h"

#include "exchangeverbs.h"
#include "quoteverbs.h"

#include "error.h"
#include "formats/exporterinterface.h"
#include "formats/pluginmanager.h"
#include "model/project.h"
#include "report/exportlayout.h"
#include "report/redaction.h"
#include "report/themereport.h"
#include "storage/fileerrors.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include <optional>

namespace Quire::Cli {

int cmdExport(const Context &context, const QStringList &words)
{
    if (isExchangeExport(words))
        return cmdExchangeExport(context, words);
    Args a(words, QStringLiteral("export"));
    a.expectAtMost(1);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const bool dryRun = a.has(QStringLiteral("dry-run"));
    if (dryRun && !a.has(QStringLiteral("redact")))
        throw Error(
            QStringLiteral("export: --dry-run lists what --redact RULES-FILE would change; give the rules file"));
    const QString out = a.value(QStringLiteral("out"));
    if (out.isEmpty() && !dryRun)
        throw Error(QStringLiteral("export: name the output file with --out FILE"));
    QString format = a.value(QStringLiteral("format"));
    if (format.isEmpty())
        format = QFileInfo(out).suffix().toLower();
    ExporterInterface *exporter = dryRun ? nullptr : plugins().exporter(format);
    // Read the rules before anything is built: a bad rule stops the export early.
    std::optional<Redaction> redaction;
    if (a.has(QStringLiteral("redact")))
        redaction = Redaction::fromFile(a.value(QStringLiteral("redact")));
    ReportOptions options;
    options.byAttribute = a.value(QStringLiteral("by"));
    if (a.has(QStringLiteral("citation")))
        options.citationTemplate = a.value(QStringLiteral("citation"));
    options.codePaths = a.values(QStringLiteral("codes"));
    applyQuoteExportOptions(a, options);
    ThemeReport report = buildThemeReport(*p, options);
    report.layout = a.value(QStringLiteral("template"));
    checkLayout(report);
    // The report is a copy of the stored text: redaction never reaches the project.
    // Every text of the report passes the rules here, before any writer sees it
    // (names, titles and the project name the writers put into metadata, too).
    std::vector<RedactionChange> changes, names;
    if (redaction)
        changes = redaction->apply(report, &names);
    if (dryRun) {
        QJsonArray list;
        for (const auto &c : changes)
            list.append(QJsonObject{{QStringLiteral("document"), c.document},
                                    {QStringLiteral("segment"), c.segmentId},
                                    {QStringLiteral("field"), c.field},
                                    {QStringLiteral("position"), qint64(c.position)},
                                    {QStringLiteral("before"), c.before},
                                    {QStringLiteral("after"), c.after},
                                    {QStringLiteral("rule"), redaction->rules().at(std::size_t(c.rule)).source}});
        QJsonArray nameList;
        for (const auto &c : names)
            nameList.append(QJsonObject{{QStringLiteral("field"), c.field},
                                        {QStringLiteral("value"), c.value},
                                        {QStringLiteral("position"), qint64(c.position)},
                                        {QStringLiteral("before"), c.before},
                                        {QStringLiteral("after"), c.after},
                                        {QStringLiteral("rule"), redaction->rules().at(std::size_t(c.rule)).source}});
        const QString summary = redaction->summary(changes, &names);
        if (context.json)
            printJson(QJsonObject{{QStringLiteral("changes"), list},
                                  {QStringLiteral("names"), nameList},
                                  {QStringLiteral("summary"), summary}});
        else
            print(Redaction::listing(changes, redaction->rules()) + Redaction::listing(names, redaction->rules()) +
                  summary + QLatin1Char('\n'));
        return 0;
    }
    // QSaveFile: the old file stays intact until the new one is complete.
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly))
        throw Error(QStringLiteral("%1: cannot write: %2").arg(out, FileErrors::writeFailure(out, file.errorString())));
    try {
        exporter->write(report, file);
    } catch (const Error &e) {
        const QString why = FileErrors::writeFailure(out, e.message(), file.error() == QFileDevice::ResourceError);
        file.cancelWriting();
        throw Error(QStringLiteral("%1: cannot write: %2").arg(out, why));
    }
    if (!file.commit())
        throw Error(QStringLiteral("%1: cannot write: %2")
                        .arg(out, FileErrors::writeFailure(out, file.errorString(),
                                                           file.error() == QFileDevice::ResourceError)));
    qsizetype quotes = 0;
    for (const auto &q : report.quotes)
        quotes += qsizetype(q.size());
    QString message = QStringLiteral("Wrote %1 (%2 codes, %3 quotes)").arg(out).arg(report.rows.size()).arg(quotes);
    if (redaction)
        message += QStringLiteral("\n") + redaction->summary(changes, &names);
    Cli::report(context, message,
                {{QStringLiteral("file"), out},
                 {QStringLiteral("codes"), qint64(report.rows.size())},
                 {QStringLiteral("quotes"), qint64(quotes)},
                 {QStringLiteral("redactions"), qint64(changes.size())},
                 {QStringLiteral("nameRedactions"), qint64(names.size())}});
    return 0;
}

} // namespace Quire::Cli
