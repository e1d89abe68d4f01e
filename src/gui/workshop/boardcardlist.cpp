// SPDX-License-Identifier: GPL-3.0-or-later
#include "workshop/boardcardlist.h"

#include "workshop/themeboard.h"

#include "codetreemodel.h"
#include "projectsession.h"

#include "error.h"
#include "model/project.h"

#include <algorithm>
#include <map>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QPainter>
#include <QStyledItemDelegate>
#include <set>
#include <tuple>

namespace Quire {

namespace {

/// Paints a card: the text wrapped, then "person · document" in a quieter colour.
class CardDelegate : public QStyledItemDelegate
{
public:
    explicit CardDelegate(QListWidget *list)
        : QStyledItemDelegate(list)
        , m_list(list)
    {}

    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        const QRect card = option.rect.adjusted(3, 3, -3, -3);
        const bool selected = option.state & QStyle::State_Selected;
        const QPalette &pal = option.palette;
        p->setPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid));
        p->setBrush(pal.color(QPalette::Base));
        p->drawRoundedRect(card, 4, 4);
        const QRect body = card.adjusted(8, 6, -8, -6);
        p->setPen(pal.color(QPalette::Text));
        p->setFont(option.font);
        const QString text = index.data(Qt::DisplayRole).toString();
        const QRect textRect = option.fontMetrics.boundingRect(body, Qt::TextWordWrap, text);
        p->drawText(body, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.9);
        p->setFont(small);
        QColor quiet = pal.color(QPalette::Text);
        quiet.setAlpha(150);
        p->setPen(quiet);
        const QFontMetrics sm(small);
        const QRect source(body.left(), textRect.bottom() + 4, body.width(), sm.height());
        p->drawText(source, Qt::AlignLeft | Qt::AlignVCenter,
                    sm.elidedText(index.data(BoardCardList::SourceRole).toString(), Qt::ElideMiddle, source.width()));
        p->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const int width = std::max(80, m_list->viewport()->width() - 4);
        const QRect body(0, 0, width - 6 - 16, 100000);
        const QRect textRect =
            option.fontMetrics.boundingRect(body, Qt::TextWordWrap, index.data(Qt::DisplayRole).toString());
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.9);
        return {width, textRect.height() + QFontMetrics(small).height() + 6 + 12 + 4};
    }

private:
    QListWidget *m_list;
};

} // namespace

// ---- BoardCardList --------------------------------------------------------

BoardCardList::BoardCardList(ThemeBoard *board, std::optional<Id> theme, QWidget *parent)
    : QListWidget(parent)
    , m_board(board)
    , m_theme(theme)
{
    setItemDelegate(new CardDelegate(this));
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setResizeMode(QListView::Adjust);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setUniformItemSizes(false);
    setWordWrap(true);
}

QStringList BoardCardList::mimeTypes() const
{
    return {ThemeBoard::cardMimeType()};
}

QMimeData *BoardCardList::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    const int index = items.first()->data(CardIndexRole).toInt();
    const auto &cards = m_board->cards();
    if (index < 0 || index >= int(cards.size()))
        return nullptr;
    return m_board->mimeForCard(cards[size_t(index)], m_theme);
}

Qt::DropActions BoardCardList::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

void BoardCardList::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(ThemeBoard::cardMimeType()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void BoardCardList::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(ThemeBoard::cardMimeType()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void BoardCardList::dropEvent(QDropEvent *event)
{
    if (!event->mimeData()->hasFormat(ThemeBoard::cardMimeType())) {
        event->ignore();
        return;
    }
    // The board is rebuilt by the command; the drag's source must not remove
    // anything itself, so the drop reports "copy" to it.
    event->setDropAction(Qt::CopyAction);
    event->accept();
    m_board->dropCard(event->mimeData(), m_theme);
}

} // namespace Quire
