// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/exporterinterface.h"
#include "formats/importerinterface.h"

#include <QObject>

namespace Quire::Csv {

/// Reads statement sheets and surveys (one short document per statement or
/// answer, see sheetDocuments) and writes a theme report as one RFC 4180
/// table: a row per code (kind "code") with its counts, and a row per quote
/// (kind "quote"). Fields by csvField (io/csvwriter.h): a cell a spreadsheet
/// would run as a formula gets a leading apostrophe.
class CsvPlugin : public QObject, public ImporterInterface, public ExporterInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QuireImporterInterface_iid FILE "csv.json")
    Q_INTERFACES(Quire::ImporterInterface Quire::ExporterInterface)

public:
    QString formatId() const override { return QStringLiteral("csv"); }

    QStringList fileExtensions() const override { return {QStringLiteral("csv")}; }
    /// Decodes the file (encoding detected or declared, BOM removed, line
    /// endings LF), parses it as CSV (settings "delimiter": ",", ";" or
    /// "tab"; else detected from the header line) and turns the rows into
    /// documents. Each document carries the file's encoding and decoding report.
    std::vector<ImportedDocument> read(const QString &fileName, const QByteArray &bytes,
                                       const ImportOptions &options) const override;

    QString fileExtension() const override { return QStringLiteral("csv"); }
    void write(const ThemeReport &report, QIODevice &out) const override;
};

} // namespace Quire::Csv
