// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "wtfc/analysis.h"
#include "wtfc/workshop.h"

#include <functional>
#include <optional>
#include <QGraphicsView>
#include <QWidget>

namespace Quire {

class ProjectSession;

/// A QGraphicsView that zooms with the wheel (around the pointer) and pans by dragging.
class ZoomingGraphicsView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit ZoomingGraphicsView(QWidget *parent = nullptr);
    /// Multiplies the zoom by \a factor (kept between 5 % and 800 %).
    void zoomBy(double factor);
    double zoom() const;

protected:
    void wheelEvent(QWheelEvent *event) override;
};

} // namespace Quire
