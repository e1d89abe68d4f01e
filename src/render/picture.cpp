// SPDX-License-Identifier: GPL-3.0-or-later
#include "picture.h"

#include <QBuffer>
#include <QPainter>

#ifdef QUIRE_HAVE_SVG
#include <QSvgRenderer>
#endif

#include <algorithm>

namespace Quire::Render {

std::optional<QImage> svgToImage(const QByteArray &svg, int maxWidth, int maxHeight)
{
#ifdef QUIRE_HAVE_SVG
    QSvgRenderer renderer(svg);
    if (!renderer.isValid())
        return std::nullopt;
    const QSizeF natural =
        renderer.defaultSize().isValid() ? QSizeF(renderer.defaultSize()) : renderer.viewBoxF().size();
    if (natural.isEmpty() || maxWidth <= 0 || maxHeight <= 0)
        return std::nullopt;
    const qreal scale = std::min({qreal(maxWidth) / natural.width(), qreal(maxHeight) / natural.height(), qreal(2)});
    const QSize size(std::max(1, qRound(natural.width() * scale)), std::max(1, qRound(natural.height() * scale)));
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
    painter.end();
    return image;
#else
    Q_UNUSED(svg);
    Q_UNUSED(maxWidth);
    Q_UNUSED(maxHeight);
    return std::nullopt;
#endif
}

std::optional<QSizeF> svgSize(const QByteArray &svg)
{
#ifdef QUIRE_HAVE_SVG
    QSvgRenderer renderer(svg);
    if (!renderer.isValid())
        return std::nullopt;
    const QSizeF natural =
        renderer.defaultSize().isValid() ? QSizeF(renderer.defaultSize()) : renderer.viewBoxF().size();
    if (natural.isEmpty())
        return std::nullopt;
    return natural;
#else
    Q_UNUSED(svg);
    return std::nullopt;
#endif
}

QByteArray pngBytes(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace Quire::Render
