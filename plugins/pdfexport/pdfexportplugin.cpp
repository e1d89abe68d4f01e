// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfexportplugin.h"

#include "../html/htmlwriter.h"
#include "error.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPalette>
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
        // Laid out once, directly in the writer's units, and printed page by
        // page here: QTextDocument::print() would copy the whole document
        // first (a fifth of the time for 10,000 quotes).
        QTextDocument doc;
        doc.documentLayout()->setPaintDevice(&writer);
        doc.setDocumentMargin(0);
        doc.setHtml(Html::reportHtml(report, Html::HtmlFlavour::RichText));
        QPainter painter(&writer);
        if (!painter.isActive())
            throw Error(QStringLiteral("cannot write the PDF export: Qt could not start a PDF page"));
        QFont footerFont = doc.defaultFont();
        footerFont.setPointSizeF(footerFont.pointSizeF() * 0.8);
        const QFontMetricsF footerMetrics(footerFont, &writer);
        const qreal footer = footerMetrics.height() * 2;
        const QSizeF body(writer.width(), writer.height() - footer);
        doc.setPageSize(body);
        const int pages = doc.pageCount();
        for (int i = 0; i < pages; ++i) {
            if (i > 0 && !writer.newPage())
                throw Error(QStringLiteral("cannot write the PDF export: Qt could not start page %1").arg(i + 1));
            painter.save();
            const QRectF clip(0, i * body.height(), body.width(), body.height());
            painter.translate(0, -clip.top());
            painter.setClipRect(clip);
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = clip;
            context.palette.setColor(QPalette::Text, Qt::black);
            doc.documentLayout()->draw(&painter, context);
            painter.restore();
            painter.setFont(footerFont);
            painter.setPen(Qt::darkGray);
            painter.drawText(QRectF(0, writer.height() - footerMetrics.height(), writer.width(), footerMetrics.height()),
                             Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("%1 / %2").arg(i + 1).arg(pages));
        }
        painter.end();
    }
    const QByteArray bytes = buffer.data();
    if (!bytes.startsWith("%PDF"))
        throw Error(QStringLiteral("cannot write the PDF export: Qt produced no PDF"));
    if (out.write(bytes) != bytes.size())
        throw Error(QStringLiteral("cannot write the PDF export: %1").arg(out.errorString()));
}

} // namespace Quire::PdfExport
