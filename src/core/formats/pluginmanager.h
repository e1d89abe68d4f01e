// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <vector>

class QObject;

namespace Quire {

class ImporterInterface;
class ExporterInterface;
class ProjectExchangeInterface;

/// What the manager knows of one plugin, read from its metadata before loading.
struct PluginInfo
{
    QString id;   ///< from the metadata ("id")
    QString iid;  ///< the interface id the plugin declared
    QString file; ///< empty for a static plugin
    bool isStatic = false;
    bool loaded = false;
    QString problem; ///< why it was not loaded, if it was not
    QJsonObject metaData;
};

/// Finds format plugins: the static ones linked into the program, then
/// dynamic ones from directories. A plugin's IID carries the interface
/// version; one built against another version is reported and not loaded.
class QUIRECORE_EXPORT PluginManager
{
public:
    PluginManager();
    ~PluginManager();
    PluginManager(const PluginManager &) = delete;
    PluginManager &operator=(const PluginManager &) = delete;

    /// Registers every static plugin (Q_IMPORT_PLUGIN) of the program.
    void loadStatic();
    /// Loads dynamic plugins from a directory. A plugin whose id is already
    /// known (a static twin) is skipped with a note.
    void loadDirectory(const QString &dir);
    /// loadStatic(), every directory in $QUIRE_PLUGIN_PATH, then the installed plugin
    /// folder (lib/quire/plugins beside the program's bin/), if there is one.
    void loadDefault();

    const std::vector<PluginInfo> &plugins() const { return m_infos; }
    std::vector<ImporterInterface *> importers() const;
    std::vector<ExporterInterface *> exporters() const;
    std::vector<ProjectExchangeInterface *> exchanges() const { return m_exchanges; }

    /// By --format id, else by the file's extension. Throws Error naming the file.
    ImporterInterface *importerFor(const QString &fileName, const QString &format = QString()) const;
    ExporterInterface *exporter(const QString &format) const;
    /// The whole-project exchange plugin that reads `fileName` (by extension), or null.
    ProjectExchangeInterface *exchangeFor(const QString &fileName) const;
    /// The exchange plugin that exports `format` (qdpx, qdc …), or null.
    ProjectExchangeInterface *exchangeExporter(const QString &format) const;

private:
    bool accept(const QJsonObject &metaData, PluginInfo &info) const;
    void registerInstance(QObject *instance, PluginInfo &info);

    std::vector<PluginInfo> m_infos;
    std::vector<QObject *> m_instances;
    std::vector<ImporterInterface *> m_importers;
    std::vector<ExporterInterface *> m_exporters;
    std::vector<ProjectExchangeInterface *> m_exchanges;
};

} // namespace Quire
