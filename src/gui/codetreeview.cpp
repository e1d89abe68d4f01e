// SPDX-License-Identifier: GPL-3.0-or-later
#include "codetreeview.h"

#include "codetreemodel.h"

#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QPainter>

namespace Quire {

CodeTreeView::CodeTreeView(QWidget *parent)
    : QTreeView(parent)
{
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    // A long name keeps its beginning and its end ("Navigating…services"); the tooltip has the full path.
    setTextElideMode(Qt::ElideMiddle);
}

namespace {
bool carriesText(const QMimeData *mime)
{
    return mime && mime->hasFormat(DocumentView::textRangeMimeType());
}
} // namespace

void CodeTreeView::dragEnterEvent(QDragEnterEvent *event)
{
    if (carriesText(event->mimeData())) {
        // A text drop goes onto a row (never between rows, as a moved code
        // would), and copies: the document keeps its text.
        setDragDropOverwriteMode(true);
        m_draggingText = true;
        m_textTarget = QPersistentModelIndex();
        event->setDropAction(Qt::CopyAction);
        event->accept();
        // The drop indicator is only painted while dragging.
        setState(DraggingState);
        return;
    }
    setDragDropOverwriteMode(false);
    if (event->mimeData()->hasFormat(CodeTreeModel::codeMimeType()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void CodeTreeView::dragMoveEvent(QDragMoveEvent *event)
{
    // The base class draws the drop indicator; the drop itself is ours.
    QTreeView::dragMoveEvent(event);
    if (carriesText(event->mimeData())) {
        const QModelIndex at = indexAt(event->position().toPoint());
        const QPersistentModelIndex target = at.isValid()
                                                 ? QPersistentModelIndex(at.siblingAtColumn(CodeTreeModel::NameColumn))
                                                 : QPersistentModelIndex();
        if (target != m_textTarget) {
            m_textTarget = target;
            viewport()->update();
        }
        event->setDropAction(Qt::CopyAction);
        event->accept();
        return;
    }
    if (event->mimeData()->hasFormat(CodeTreeModel::codeMimeType()))
        event->acceptProposedAction();
}

void CodeTreeView::drawRow(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (m_draggingText && m_textTarget.isValid() && index.siblingAtColumn(CodeTreeModel::NameColumn) == m_textTarget) {
        QColor tint = palette().color(QPalette::Highlight);
        tint.setAlpha(60);
        painter->fillRect(option.rect, tint);
    }
    QTreeView::drawRow(painter, option, index);
}

void CodeTreeView::dragLeaveEvent(QDragLeaveEvent *event)
{
    endTextDrag();
    QTreeView::dragLeaveEvent(event);
}

void CodeTreeView::endTextDrag()
{
    m_draggingText = false;
    m_textTarget = QPersistentModelIndex();
    setDragDropOverwriteMode(false);
}

void CodeTreeView::dropEvent(QDropEvent *event)
{
    const bool text = carriesText(event->mimeData());
    const bool dropped = text ? dropTextAt(event->mimeData(), event->position().toPoint())
                              : dropCodesAt(event->mimeData(), event->position().toPoint(), event->modifiers());
    endTextDrag();
    stopAutoScroll();
    setState(NoState);
    viewport()->update();
    if (!dropped) {
        event->ignore();
        return;
    }
    // The tree is rebuilt by the command; the drag source must delete nothing.
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void CodeTreeView::contextMenuEvent(QContextMenuEvent *event)
{
    // From the keyboard the menu is for the current row.
    const QModelIndex at = event->reason() == QContextMenuEvent::Keyboard ? currentIndex() : indexAt(event->pos());
    if (!at.isValid()) {
        event->ignore();
        return;
    }
    const QModelIndex name = at.siblingAtColumn(CodeTreeModel::NameColumn);
    if (!selectionModel()->isSelected(name))
        selectionModel()->setCurrentIndex(name, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QPoint global = event->reason() == QContextMenuEvent::Keyboard
                              ? viewport()->mapToGlobal(visualRect(name).bottomLeft())
                              : event->globalPos();
    Q_EMIT codeMenuRequested(name.data(CodeTreeModel::PathRole).toString(), global);
    event->accept();
}

bool CodeTreeView::dropTextAt(const QMimeData *mime, const QPoint &pos)
{
    const auto range = DocumentView::textRangeFrom(mime);
    if (!range)
        return false;
    const QModelIndex target = indexAt(pos);
    const Id codeId =
        target.isValid()
            ? target.siblingAtColumn(CodeTreeModel::NameColumn).data(CodeTreeModel::CodeIdRole).toLongLong()
            : 0;
    Q_EMIT textDropped(*range, codeId);
    return true;
}

bool CodeTreeView::dropCodesAt(const QMimeData *mime, const QPoint &pos, Qt::KeyboardModifiers modifiers)
{
    if (!mime || !mime->hasFormat(CodeTreeModel::codeMimeType()))
        return false;
    const QStringList paths =
        QString::fromUtf8(mime->data(CodeTreeModel::codeMimeType())).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (paths.isEmpty())
        return false;
    const QModelIndex target = indexAt(pos);
    const QString targetPath =
        target.isValid() ? target.siblingAtColumn(0).data(CodeTreeModel::PathRole).toString() : QString();
    const bool merge = modifiers & (Qt::AltModifier | Qt::ControlModifier);
    if (merge && targetPath.isEmpty())
        return false;
    Q_EMIT codesDropped(paths, targetPath, merge);
    return true;
}

} // namespace Quire
