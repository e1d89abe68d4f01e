// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/exporterinterface.h"
#include "formats/importerinterface.h"

#include <QObject>

namespace Quire::Html {

/// Reads saved web pages (.html, .htm, .xhtml) with libxml2's HTML parser and
/// keeps the text a reader sees: scripts, styles, the head and other invisible
/// parts are dropped, entities decoded, block elements end a line, table cells
/// are separated by tabs, and whitespace is collapsed as a browser does except
/// inside <pre>. Nothing is ever fetched. See docs/decisions/0003-html-text.md.
class HtmlPlugin : public QObject, public ImporterInterface, public ExporterInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QuireImporterInterface_iid FILE "html.json")
    Q_INTERFACES(Quire::ImporterInterface Quire::ExporterInterface)

public:
    QString formatId() const override { return QStringLiteral("html"); }
    QStringList fileExtensions() const override
    {
        return {QStringLiteral("html"), QStringLiteral("htm"), QStringLiteral("xhtml")};
    }
    std::vector<ImportedDocument> read(const QString &fileName, const QByteArray &bytes,
                                       const ImportOptions &options) const override;

    QString fileExtension() const override { return QStringLiteral("html"); }
    void write(const ThemeReport &report, QIODevice &out) const override;
};

} // namespace Quire::Html
