// SPDX-License-Identifier: GPL-3.0-or-later
#include "sheet_support.h"

#include "formats/pluginmanager.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace QuireTest::Sheet {

std::vector<Quire::ImportedDocument> importWith(const QString &formatId, const QString &fileName,
                                                const QByteArray &bytes, const Quire::ImportOptions &options)
{
    static Quire::PluginManager *plugins = [] {
        auto *pm = new Quire::PluginManager;
        pm->loadStatic();
        return pm;
    }();
    return plugins->importerFor(fileName, formatId)->read(fileName, bytes, options);
}

QString attribute(const Quire::ImportedDocument &doc, const QString &name)
{
    for (const auto &kv : doc.attributes) {
        if (kv.first == name)
            return kv.second;
    }
    return QString();
}

QJsonValue cliJson(const QStringList &args)
{
    const CliResult r = runCli(QStringList{QStringLiteral("--json")} + args);
    INFO(args.join(QLatin1Char(' ')).toStdString() << "\nstderr: " << r.errText().toStdString());
    REQUIRE(r.exitCode == 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    INFO("stdout: " << r.outText().toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

} // namespace QuireTest::Sheet
