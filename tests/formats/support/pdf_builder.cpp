// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf_builder.h"

#include <QBuffer>
#include <QFont>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <stdexcept>

namespace QuireTest::Pdf {

QByteArray makePdf(const QList<PageSpec> &pages, const QString &title)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(72); // one device unit per point
        writer.setCreator(QStringLiteral("Quire tests"));
        if (!title.isEmpty())
            writer.setTitle(title);
        QPainter painter;
        if (!painter.begin(&writer))
            throw std::runtime_error("QPainter cannot draw on the QPdfWriter");
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSize(12);
        painter.setFont(font);
        for (qsizetype p = 0; p < pages.size(); ++p) {
            if (p > 0)
                writer.newPage();
            const PageSpec &page = pages[p];
            if (page.lines.isEmpty()) {
                // What a scan looks like to a text extractor: pictures only.
                QImage image(200, 100, QImage::Format_RGB32);
                image.fill(Qt::gray);
                painter.drawImage(QPointF(72, 72), image);
                painter.fillRect(QRectF(72, 200, 300, 20), Qt::black);
                painter.drawRect(QRectF(72, 240, 300, 200));
                continue;
            }
            double y = 72;
            for (const QString &line : page.lines) {
                painter.drawText(QPointF(72, y), line);
                y += 18;
            }
            y = 72;
            for (const QString &line : page.rightColumn) {
                painter.drawText(QPointF(340, y), line);
                y += 18;
            }
        }
        painter.end();
    }
    return bytes;
}

namespace {
const QStringList page1Lines{QStringLiteral("Notes from the carers group"),
                             QStringLiteral("We talked about the \uFB01rst visit and the care-"),
                             QStringLiteral("giver who came every week.")};
const QStringList page2Lines{
    QStringLiteral("Facilitator: How did the visits go?"), QStringLiteral("P1: The carer was kind to us."),
    QStringLiteral("P2: It was better than I hoped."), QStringLiteral("P1: We want more of it.")};
} // namespace

QByteArray twoPageSample()
{
    return makePdf({PageSpec{page1Lines}, PageSpec{page2Lines}}, QStringLiteral("Carers group notes"));
}

QString twoPageSamplePage1()
{
    return page1Lines.join(QLatin1Char('\n')).replace(QChar(0xFB01), QStringLiteral("fi"));
}

QString twoPageSamplePage2()
{
    return page2Lines.join(QLatin1Char('\n'));
}

QString twoPageSampleText()
{
    return twoPageSamplePage1() + QLatin1Char('\n') + twoPageSamplePage2();
}

} // namespace QuireTest::Pdf
