// SPDX-License-Identifier: GPL-3.0-or-later
#include "workshop/wtfcgridview.h"

#include "projectsession.h"
#include "workbenchshell.h"
#include "workshop/workshopsupport.h"

#include "error.h"
#include "model/project.h"
#include "wtfc/graphexport.h"
#include "wtfcreport.h"

#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QMouseEvent>
#include <QPen>
#include <QTimer>
#include <QVBoxLayout>

#ifdef QUIRE_HAVE_SVG
#endif

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

namespace Quire {

using namespace Quire::Wtfc;
using namespace Quire::WorkshopViews;

// ---- WtfcGridView --------------------------------------------------------------

namespace {

constexpr double CardW = 200, CardH = 86, QuadW = 2 * CardW + 30, Margin = 50;

/// A solution card; dropping it reports where it landed.
class CardItem : public QGraphicsRectItem
{
public:
    CardItem(const QRectF &r, Id solution, std::function<void(Id, QPointF)> dropped)
        : QGraphicsRectItem(r)
        , m_solution(solution)
        , m_dropped(std::move(dropped))
    {
        setFlags(ItemIsMovable | ItemIsSelectable);
        setCursor(Qt::OpenHandCursor);
    }

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override
    {
        m_start = pos();
        setZValue(10);
        QGraphicsRectItem::mousePressEvent(event);
    }
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override
    {
        QGraphicsRectItem::mouseReleaseEvent(event);
        if (pos() != m_start)
            m_dropped(m_solution, sceneBoundingRect().center());
    }

private:
    Id m_solution;
    std::function<void(Id, QPointF)> m_dropped;
    QPointF m_start;
};

QColor kindColour(int index)
{
    static const QColor colours[] = {QColor(0xf4, 0xd6, 0xcc), QColor(0xdb, 0xe9, 0xf6), QColor(0xe2, 0xf0, 0xd9),
                                     QColor(0xfc, 0xf3, 0xcf), QColor(0xe8, 0xdf, 0xf5)};
    return colours[std::size_t(std::max(0, index)) % std::size(colours)];
}

} // namespace

WtfcGridView::WtfcGridView(ProjectSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("wtfcGridView"));
    setAccessibleName(tr("Investment grid"));
    m_scene = new QGraphicsScene(this);
    m_view = new ZoomingGraphicsView;
    m_view->setObjectName(QStringLiteral("wtfcGridCanvas"));
    m_view->setDragMode(QGraphicsView::NoDrag);
    m_view->setScene(m_scene);
    m_view->setBackgroundBrush(Qt::white);
    m_message = new QLabel;
    m_message->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);
    m_view->viewport()->installEventFilter(this);
    connect(&m_session, &ProjectSession::changed, this, [this](ProjectSession::Changes what) {
        if (what & WorkshopInputs)
            reload();
    });
    reload();
}

QRectF WtfcGridView::quadrantRect(int q) const
{
    const QRectF board = m_scene->property("board").toRectF();
    const double w = board.width() / 2, h = board.height() / 2;
    switch (q) {
    case 0:
        return QRectF(board.left(), board.top(), w, h);
    case 1:
        return QRectF(board.left() + w, board.top(), w, h);
    case 2:
        return QRectF(board.left(), board.top() + h, w, h);
    case 3:
        return QRectF(board.left() + w, board.top() + h, w, h);
    default:
        return m_scene->property("unplaced").toRectF();
    }
}

void WtfcGridView::fitBoard()
{
    if (m_scene->sceneRect().isEmpty() || m_view->viewport()->width() < 50)
        return;
    m_view->resetTransform();
    m_view->fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
    // Cards stay card-sized on a big screen.
    if (m_view->transform().m11() > 1.6)
        m_view->setTransform(QTransform::fromScale(1.6, 1.6));
}

void WtfcGridView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitBoard();
}

void WtfcGridView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    fitBoard();
}

bool WtfcGridView::eventFilter(QObject *watched, QEvent *event)
{
    // The canvas gets its real size after this widget's own resize (the
    // layout sets it): fit again then, so the board fills the view on opening.
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        QTimer::singleShot(0, this, [this] { fitBoard(); });
    return QWidget::eventFilter(watched, event);
}

QString WtfcGridView::cardPlacement(Id solution) const
{
    const QGraphicsItem *card = m_cards.value(solution);
    return card ? card->data(0).toString() : QString();
}

std::optional<int> WtfcGridView::quadrantOfCard(Id solution) const
{
    const QGraphicsItem *card = m_cards.value(solution);
    if (!card)
        return std::nullopt;
    const QPointF c = card->sceneBoundingRect().center();
    for (int q = 0; q < 4; ++q)
        if (quadrantRect(q).contains(c))
            return q;
    return std::nullopt;
}

bool WtfcGridView::moveCard(Id solution, int quadrant)
{
    const Outcome done = m_session.run([&] { Workshop(*m_session.project()).placeInQuadrant(solution, quadrant); },
                                       ProjectSession::Workshop);
    if (!done)
        m_message->setText(done.error());
    return done.ok();
}

void WtfcGridView::dropped(Id solution, QPointF scenePos)
{
    for (int q = 0; q < 4; ++q)
        if (quadrantRect(q).contains(scenePos)) {
            // Not from inside the card's own event handler: the command rebuilds the scene.
            QTimer::singleShot(0, this, [this, solution, q] { moveCard(solution, q); });
            return;
        }
    QTimer::singleShot(0, this, [this] { reload(); });
}

void WtfcGridView::reload()
{
    m_cards.clear();
    m_scene->clear();
    const std::optional<Snapshot> loaded = workshopOrSay(m_session, m_message);
    if (!loaded)
        return;
    const Snapshot &s = *loaded;
    const Template &t = s.workshopTemplate;
    std::vector<const Solution *> in[5];
    for (const Solution &x : s.solutions)
        in[s.quadrantOf(x).value_or(4)].push_back(&x);
    for (auto &list : in)
        std::stable_sort(list.begin(), list.end(),
                         [](const Solution *a, const Solution *b) { return a->y.value_or(-1) > b->y.value_or(-1); });
    std::size_t most = 1;
    for (int q = 0; q < 4; ++q)
        most = std::max(most, (in[q].size() + 1) / 2);
    const double quadH = 44 + double(most) * (CardH + 10);
    const QRectF board(Margin, 10, 2 * QuadW, 2 * quadH);
    m_scene->setProperty("board", board);
    const QRectF unplaced(board.right() + 30, board.top(), CardW + 20, board.height());
    m_scene->setProperty("unplaced", unplaced);

    const QColor fills[] = {QColor(0xe9, 0xf5, 0xe1), QColor(0xfd, 0xf3, 0xdc), QColor(0xf4, 0xf4, 0xf4),
                            QColor(0xfb, 0xe4, 0xe0)};
    QFont heading = font();
    heading.setBold(true);
    heading.setPointSizeF(heading.pointSizeF() * 1.15);
    for (int q = 0; q < 5; ++q) {
        if (q == 4 && in[q].empty())
            break;
        const QRectF r = quadrantRect(q);
        m_scene->addRect(r, QPen(QColor(0x88, 0x88, 0x88)), q < 4 ? fills[q] : QColor(Qt::white));
        const QString title = q < 4 ? t.quadrants.value(q) : tr("not placed");
        auto *label = m_scene->addText(QStringLiteral("%1 (%2)").arg(title).arg(in[q].size()), heading);
        label->setPos(r.topLeft() + QPointF(8, 6));
        for (std::size_t i = 0; i < in[q].size(); ++i) {
            const Solution &x = *in[q][i];
            const int column = q < 4 ? int(i % 2) : 0;
            const int row = q < 4 ? int(i / 2) : int(i);
            const QRectF cr(r.left() + 10 + column * (CardW + 10), r.top() + 40 + row * (CardH + 10), CardW, CardH);
            auto *card = new CardItem(cr, x.id, [this](Id id, QPointF at) { dropped(id, at); });
            card->setBrush(kindColour(int(t.solutionKinds.indexOf(x.kind))));
            card->setPen(QPen(QColor(0x55, 0x55, 0x55)));
            const Node *cause = s.node(x.causeId);
            const QString scores = x.x && x.y   ? tr("%1 %2 · %3 %4").arg(t.xAxis).arg(*x.x).arg(t.yAxis).arg(*x.y)
                                   : x.quadrant ? tr("placed directly")
                                                : tr("not placed yet: drag it into a square");
            card->setToolTip(
                tr("%1\nkind: %2\ncause: %3\n%4").arg(x.text, x.kind, cause ? cause->text : QString(), scores));
            auto *text = new QGraphicsTextItem(card);
            text->setTextWidth(CardW - 8);
            text->setHtml(
                QStringLiteral("<div style='font-size:9pt'>%1</div><div style='font-size:8pt;color:#555'>%2 · %3</div>")
                    .arg(oneLine(x.text, 95).toHtmlEscaped(), x.kind.toHtmlEscaped(), scores.toHtmlEscaped()));
            text->setPos(cr.topLeft() + QPointF(3, 1));
            card->setData(0, scores);
            m_scene->addItem(card);
            m_cards.insert(x.id, card);
        }
    }
    // Axes: x across the bottom, y up the left side.
    auto *xLabel = m_scene->addText(tr("%1 →  (low | high)").arg(t.xAxis), heading);
    xLabel->setPos(board.center().x() - xLabel->boundingRect().width() / 2, board.bottom() + 6);
    auto *yLabel = m_scene->addText(tr("%1 →  (low | high)").arg(t.yAxis), heading);
    yLabel->setRotation(-90);
    yLabel->setPos(board.left() - 40, board.center().y() + yLabel->boundingRect().width() / 2);
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-10, -10, 10, 10));
    fitBoard();
    m_message->setText(tr("%n solution(s). A score of 5 or more is high; drag a card into another square to place it "
                          "there (Ctrl+Z undoes).",
                          nullptr, int(s.solutions.size())));
}

} // namespace Quire
