// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "workshop/zoominggraphicsview.h"
#include "wtfc/analysis.h"
#include "wtfc/workshop.h"

#include <functional>
#include <optional>
#include <QGraphicsView>
#include <QHash>
#include <QWidget>

class QGraphicsScene;
class QLabel;

namespace Quire {

class ProjectSession;

/// The investment grid as a 2×2 board: one card per solution, in its quadrant
/// (placed directly, or by its scores), cards ordered by the y score. Dragging
/// a card into another quadrant places it there (Workshop::placeInQuadrant).
class WtfcGridView : public QWidget
{
    Q_OBJECT
public:
    explicit WtfcGridView(ProjectSession &session, QWidget *parent = nullptr);
    void reload();
    /// The quadrant (index into Template::quadrants) whose square holds the
    /// solution's card on the board; nullopt if the card is in "not placed".
    std::optional<int> quadrantOfCard(Id solution) const;
    /// Places through the core, as dropping a card does.
    bool moveCard(Id solution, int quadrant);
    QGraphicsView *graphicsView() const { return m_view; }
    /// The board's square of quadrant \a q (scene coordinates); q = 4: "not placed".
    QRectF quadrantRect(int q) const;

    /// Scales the board to fill the view (at most 160 %).
    void fitBoard();

    /// How a card says where it is: its scores, "placed directly", or "not placed yet…".
    QString cardPlacement(Id solution) const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void dropped(Id solution, QPointF scenePos);

    ProjectSession &m_session;
    QGraphicsView *m_view = nullptr;
    QGraphicsScene *m_scene = nullptr;
    QLabel *m_message = nullptr;
    QHash<Id, QGraphicsItem *> m_cards;
};

} // namespace Quire
