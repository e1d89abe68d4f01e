// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/exporterinterface.h"

#include <QObject>

namespace Quire::PdfExport {

/// Writes theme reports as A4 PDF: the same page as the HTML export, laid out
/// by QTextDocument and printed with QPdfWriter. Needs a QGuiApplication
/// (fonts); quire-cli creates one, on the offscreen platform, for PDF exports.
class PdfExportPlugin : public QObject, public ExporterInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QuireExporterInterface_iid FILE "pdfexport.json")
    Q_INTERFACES(Quire::ExporterInterface)

public:
    QString formatId() const override { return QStringLiteral("pdf"); }
    QString fileExtension() const override { return QStringLiteral("pdf"); }
    void write(const ThemeReport &report, QIODevice &out) const override;
};

} // namespace Quire::PdfExport
