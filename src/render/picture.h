// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>
#include <QSizeF>

#include <optional>

namespace Quire::Render {

/// An SVG drawn into an image no larger than maxWidth × maxHeight pixels
/// (aspect ratio kept; small drawings are not blown up beyond 2×), on white.
/// nullopt if the SVG cannot be read or this build has no Qt Svg.
std::optional<QImage> svgToImage(const QByteArray &svg, int maxWidth, int maxHeight);

/// The drawing's own size (its width/height, else its viewBox); nullopt if
/// it cannot be read or this build has no Qt Svg.
std::optional<QSizeF> svgSize(const QByteArray &svg);

/// PNG bytes of an image.
QByteArray pngBytes(const QImage &image);

} // namespace Quire::Render
