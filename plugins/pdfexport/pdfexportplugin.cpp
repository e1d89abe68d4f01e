// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfexportplugin.h"

#include "../html/htmlwriter.h"
#include "error.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace Quire::PdfExport {

void PdfExportPlugin::write(const ThemeReport &report, QIODevice &out) const
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        throw Error(QStringLiteral("cannot write the PDF export: it needs a QGuiApplication for fonts (this program started only a QCoreApplication)"));
    // Into a buffer first: QPdfWriter reports no write errors of its device.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(20, 20, 20, 20),
                                         QPageLayout::Millimeter));
        writer.setResolution(300);
        writer.setTitle(report.projectName);
        writer.setCreator(QStringLiteral("Quire"));
        QTextDocument doc;
        doc.setDocumentMargin(0);
        doc.setHtml(Html::reportHtml(report, Html::HtmlFlavour::RichText));
        doc.print(&writer);
    }
    const QByteArray bytes = buffer.data();
    if (!bytes.startsWith("%PDF"))
        throw Error(QStringLiteral("cannot write the PDF export: Qt produced no PDF"));
    if (out.write(bytes) != bytes.size())
        throw Error(QStringLiteral("cannot write the PDF export: %1").arg(out.errorString()));
}

} // namespace Quire::PdfExport
