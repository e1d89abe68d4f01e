// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/pluginmanager.h"

#include "error.h"
#include "formats/exchangeinterface.h"
#include "formats/exporterinterface.h"
#include "formats/importerinterface.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLibrary>
#include <QPluginLoader>

namespace Quire {

PluginManager::PluginManager() = default;
PluginManager::~PluginManager() = default;

bool PluginManager::accept(const QJsonObject &metaData, PluginInfo &info) const
{
    info.metaData = metaData.value(QLatin1String("MetaData")).toObject();
    info.iid = metaData.value(QLatin1String("IID")).toString();
    info.id = info.metaData.value(QLatin1String("id")).toString();
    const QString importer = QStringLiteral(QuireImporterInterface_iid);
    const QString exporter = QStringLiteral(QuireExporterInterface_iid);
    const QString exchange = QStringLiteral(QuireProjectExchangeInterface_iid);
    const QString base = QStringLiteral("org.quire.");
    if (!info.iid.startsWith(base))
        return false; // not a Quire plugin at all (a Qt platform plugin, say)
    if (info.iid != importer && info.iid != exporter && info.iid != exchange) {
        info.problem = QStringLiteral("built for interface %1; this Quire provides %2, %3 and %4")
                           .arg(info.iid, importer, exporter, exchange);
        return false;
    }
    if (info.id.isEmpty()) {
        info.problem = QStringLiteral("its metadata has no \"id\"");
        return false;
    }
    for (const auto &known : m_infos) {
        if (known.loaded && known.id == info.id) {
            info.problem = QStringLiteral("plugin \"%1\" is already loaded%2")
                               .arg(info.id, known.isStatic ? QStringLiteral(" (built in)") : QString());
            return false;
        }
    }
    return true;
}

void PluginManager::registerInstance(QObject *instance, PluginInfo &info)
{
    if (!instance) {
        info.problem = QStringLiteral("it could not be instantiated");
        return;
    }
    auto *imp = qobject_cast<ImporterInterface *>(instance);
    auto *exp = qobject_cast<ExporterInterface *>(instance);
    auto *xch = qobject_cast<ProjectExchangeInterface *>(instance);
    if (!imp && !exp && !xch) {
        info.problem = QStringLiteral("it implements no Quire interface");
        return;
    }
    if (imp)
        m_importers.push_back(imp);
    if (exp)
        m_exporters.push_back(exp);
    if (xch)
        m_exchanges.push_back(xch);
    m_instances.push_back(instance);
    info.loaded = true;
}

void PluginManager::loadStatic()
{
    for (const QStaticPlugin &plugin : QPluginLoader::staticPlugins()) {
        PluginInfo info;
        info.isStatic = true;
        if (!accept(plugin.metaData(), info)) {
            if (!info.problem.isEmpty())
                m_infos.push_back(info);
            continue;
        }
        registerInstance(plugin.instance(), info);
        m_infos.push_back(info);
    }
}

void PluginManager::loadDirectory(const QString &dir)
{
    const QDir d(dir);
    if (!d.exists())
        return;
    for (const QFileInfo &fi : d.entryInfoList(QDir::Files, QDir::Name)) {
        if (!QLibrary::isLibrary(fi.fileName()))
            continue;
        auto *loader = new QPluginLoader(fi.absoluteFilePath());
        PluginInfo info;
        info.file = fi.absoluteFilePath();
        // The metadata is read from the file without loading the code.
        const QJsonObject meta = loader->metaData();
        if (meta.isEmpty() || !accept(meta, info)) {
            if (!info.problem.isEmpty())
                m_infos.push_back(info);
            delete loader;
            continue;
        }
        QObject *instance = loader->instance();
        if (!instance)
            info.problem = loader->errorString();
        else
            registerInstance(instance, info);
        m_infos.push_back(info);
        // Loaders stay alive for the manager's lifetime: the plugin stays loaded.
        if (!info.loaded)
            delete loader;
    }
}

void PluginManager::loadDefault()
{
    loadStatic();
    const QString path = qEnvironmentVariable("QUIRE_PLUGIN_PATH");
    for (const QString &dir : path.split(QDir::listSeparator(), Qt::SkipEmptyParts))
        loadDirectory(dir);
#ifdef QUIRE_INSTALLED_PLUGIN_DIR
    // An installed program: lib/quire/plugins, found from the program's own folder.
    if (QCoreApplication::instance()) {
        const QString installed = QDir::cleanPath(QCoreApplication::applicationDirPath() + QLatin1Char('/') +
                                                  QStringLiteral(QUIRE_INSTALLED_PLUGIN_DIR));
        if (QFileInfo(installed).isDir())
            loadDirectory(installed);
    }
#endif
}

std::vector<ImporterInterface *> PluginManager::importers() const
{
    return m_importers;
}

std::vector<ExporterInterface *> PluginManager::exporters() const
{
    return m_exporters;
}

ImporterInterface *PluginManager::importerFor(const QString &fileName, const QString &format) const
{
    if (!format.isEmpty()) {
        for (auto *imp : m_importers) {
            if (imp->formatId() == format)
                return imp;
        }
        QStringList known;
        for (auto *imp : m_importers)
            known << imp->formatId();
        throw Error(QStringLiteral("%1: no importer for format \"%2\" (known: %3)")
                        .arg(QFileInfo(fileName).fileName(), format, known.join(QStringLiteral(", "))));
    }
    const QString ext = QFileInfo(fileName).suffix().toLower();
    for (auto *imp : m_importers) {
        if (imp->fileExtensions().contains(ext))
            return imp;
    }
    QStringList known;
    for (auto *imp : m_importers)
        known << imp->fileExtensions();
    throw Error(QStringLiteral("%1: no importer reads .%2 files (known: .%3); give --format to choose one")
                    .arg(QFileInfo(fileName).fileName(), ext, known.join(QStringLiteral(", ."))));
}

ExporterInterface *PluginManager::exporter(const QString &format) const
{
    QStringList known;
    for (auto *exp : m_exporters) {
        if (exp->formatId() == format)
            return exp;
        known << exp->formatId();
    }
    throw Error(
        QStringLiteral("no exporter for format \"%1\" (known: %2)").arg(format, known.join(QStringLiteral(", "))));
}

ProjectExchangeInterface *PluginManager::exchangeFor(const QString &fileName) const
{
    const QString ext = QFileInfo(fileName).suffix().toLower();
    for (auto *x : m_exchanges) {
        if (x->fileExtensions().contains(ext))
            return x;
    }
    return nullptr;
}

ProjectExchangeInterface *PluginManager::exchangeExporter(const QString &format) const
{
    for (auto *x : m_exchanges) {
        if (x->exportFormats().contains(format))
            return x;
    }
    return nullptr;
}

} // namespace Quire
