// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/exporterinterface.h"
#include "formats/importerinterface.h"
#include "formats/table.h"

#include <QObject>

namespace Quire::Xlsx {

/// One worksheet read as a table: the first row holding any value is the
/// header; rows without values are left out; every row is padded to the
/// widest row. Cell text is as stored (shared, inline or formula strings;
/// numbers exactly as written in the file, never reformatted).
struct SheetTable
{
    Table table;
    QString sheetName;
    QStringList sheetNames; ///< all sheets of the workbook, in order
};

/// Reads the sheet named `sheet` (exact, else ignoring case, else a 1-based
/// position) or, when `sheet` is empty, the first sheet. Throws Error naming
/// the file (and the part or sheet) for anything it cannot read.
SheetTable readSheet(const QString &fileName, const QByteArray &bytes, const QString &sheet = QString());

/// Reads .xlsx statement sheets: the chosen sheet (setting "sheet", else the
/// first) becomes documents through the common statement-sheet mapping.
class XlsxPlugin : public QObject, public ImporterInterface, public ExporterInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QuireImporterInterface_iid FILE "xlsx.json")
    Q_INTERFACES(Quire::ImporterInterface Quire::ExporterInterface)

public:
    QString formatId() const override { return QStringLiteral("xlsx"); }
    QStringList fileExtensions() const override { return {QStringLiteral("xlsx"), QStringLiteral("xlsm")}; }
    std::vector<ImportedDocument> read(const QString &fileName, const QByteArray &bytes,
                                       const ImportOptions &options) const override;

    QString fileExtension() const override { return QStringLiteral("xlsx"); }
    void write(const ThemeReport &report, QIODevice &out) const override;
};

} // namespace Quire::Xlsx
