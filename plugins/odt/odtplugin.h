// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/exporterinterface.h"
#include "formats/importerinterface.h"

#include <QObject>

namespace Quire::Odt {

/// Reads OpenDocument text (.odt): content.xml in reading order, paragraphs
/// and headings one per line, table rows as tab-separated lines, deleted
/// text of tracked changes dropped, footnotes and endnotes as "[n] text"
/// after a blank line at the end, then speaker turns.
class OdtPlugin : public QObject, public ImporterInterface, public ExporterInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QuireImporterInterface_iid FILE "odt.json")
    Q_INTERFACES(Quire::ImporterInterface Quire::ExporterInterface)

public:
    QString formatId() const override { return QStringLiteral("odt"); }
    QStringList fileExtensions() const override { return {QStringLiteral("odt")}; }
    std::vector<ImportedDocument> read(const QString &fileName, const QByteArray &bytes,
                                       const ImportOptions &options) const override;

    QString fileExtension() const override { return QStringLiteral("odt"); }
    void write(const ThemeReport &report, QIODevice &out) const override;
};

} // namespace Quire::Odt
