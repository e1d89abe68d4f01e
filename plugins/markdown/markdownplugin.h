// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/exporterinterface.h"
#include "formats/importerinterface.h"

#include <QObject>

namespace Quire::Markdown {

/// Reads .md files as text (the markup is kept, offsets count it) and writes
/// theme reports as Markdown: a table and the quotes as block quotes.
class MarkdownPlugin : public QObject, public ImporterInterface, public ExporterInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QuireImporterInterface_iid FILE "markdown.json")
    Q_INTERFACES(Quire::ImporterInterface Quire::ExporterInterface)

public:
    QString formatId() const override { return QStringLiteral("md"); }
    QStringList fileExtensions() const override { return {QStringLiteral("md"), QStringLiteral("markdown")}; }
    std::vector<ImportedDocument> read(const QString &fileName, const QByteArray &bytes,
                                       const ImportOptions &options) const override;

    QString fileExtension() const override { return QStringLiteral("md"); }
    void write(const ThemeReport &report, QIODevice &out) const override;
};

} // namespace Quire::Markdown
