// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfprint.h"

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
#include <QUrl>

namespace Quire::Render {

QByteArray htmlToPdf(const QString &html, const QString &title, const QString &what, const Images &images,
                     bool landscape)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        throw Error(
            QStringLiteral(
                "cannot write %1: it needs a QGuiApplication for fonts (this program started only a QCoreApplication)")
                .arg(what));
    // Into a buffer first: QPdfWriter reports no write errors of its device.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4),
                                         landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                                         QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter));
        writer.setResolution(300);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Quire"));
        // Laid out once, directly in the writer's units, and printed page by
        // page here: QTextDocument::print() would copy the whole document
        // first (a fifth of the time for 10,000 quotes).
        QTextDocument doc;
        doc.documentLayout()->setPaintDevice(&writer);
        doc.setDocumentMargin(0);
        for (const auto &[name, image] : images)
            doc.addResource(QTextDocument::ImageResource, QUrl(name), image);
        doc.setHtml(html);
        QPainter painter(&writer);
        if (!painter.isActive())
            throw Error(QStringLiteral("cannot write %1: Qt could not start a PDF page").arg(what));
        QFont footerFont = doc.defaultFont();
        footerFont.setPointSizeF(footerFont.pointSizeF() * 0.8);
        const QFontMetricsF footerMetrics(footerFont, &writer);
        const qreal footer = footerMetrics.height() * 2;
        const QSizeF body(writer.width(), writer.height() - footer);
        doc.setPageSize(body);
        const int pages = doc.pageCount();
        for (int i = 0; i < pages; ++i) {
            if (i > 0 && !writer.newPage())
                throw Error(QStringLiteral("cannot write %1: Qt could not start page %2").arg(what).arg(i + 1));
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
            painter.drawText(
                QRectF(0, writer.height() - footerMetrics.height(), writer.width(), footerMetrics.height()),
                Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("%1 / %2").arg(i + 1).arg(pages));
        }
        painter.end();
    }
    const QByteArray bytes = buffer.data();
    if (!bytes.startsWith("%PDF"))
        throw Error(QStringLiteral("cannot write %1: Qt produced no PDF").arg(what));
    return bytes;
}

} // namespace Quire::Render
