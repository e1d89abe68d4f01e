// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/exporterinterface.h"
#include "formats/importerinterface.h"

#include <QObject>

namespace Quire::Docx {

/// Reads Word .docx files: the body text in reading order, one paragraph per
/// line, table rows as tab-separated lines, tracked deletions dropped and
/// insertions kept, footnotes and endnotes as "[n] text" after a blank line
/// at the end, then speaker turns found by the transcript detector.
class DocxPlugin : public QObject, public ImporterInterface, public ExporterInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QuireImporterInterface_iid FILE "docx.json")
    Q_INTERFACES(Quire::ImporterInterface Quire::ExporterInterface)

public:
    QString formatId() const override { return QStringLiteral("docx"); }
    QStringList fileExtensions() const override { return {QStringLiteral("docx"), QStringLiteral("docm")}; }
    std::vector<ImportedDocument> read(const QString &fileName, const QByteArray &bytes,
                                       const ImportOptions &options) const override;

    QString fileExtension() const override { return QStringLiteral("docx"); }
    void write(const ThemeReport &report, QIODevice &out) const override;
};

} // namespace Quire::Docx
