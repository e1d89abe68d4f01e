// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/exporterinterface.h"

#include <QObject>

namespace Quire::Csv {

/// Writes a theme report as one RFC 4180 table: a row per code (kind
/// "code") with its counts, and a row per quote (kind "quote").
class CsvPlugin : public QObject, public ExporterInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QuireExporterInterface_iid FILE "csv.json")
    Q_INTERFACES(Quire::ExporterInterface)

public:
    QString formatId() const override { return QStringLiteral("csv"); }
    QString fileExtension() const override { return QStringLiteral("csv"); }
    void write(const ThemeReport &report, QIODevice &out) const override;

    /// Quotes a field; a cell that a spreadsheet would run as a formula
    /// (starting with = + - @, tab or CR) gets a leading apostrophe.
    static QString field(const QString &value);
};

} // namespace Quire::Csv
