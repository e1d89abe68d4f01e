// SPDX-License-Identifier: GPL-3.0-or-later
#include "codetreeview.h"

#include "codetreemodel.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>

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
}

void CodeTreeView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(CodeTreeModel::codeMimeType()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void CodeTreeView::dragMoveEvent(QDragMoveEvent *event)
{
    // The base class draws the drop indicator; the drop itself is ours.
    QTreeView::dragMoveEvent(event);
    if (event->mimeData()->hasFormat(CodeTreeModel::codeMimeType()))
        event->acceptProposedAction();
}

void CodeTreeView::dropEvent(QDropEvent *event)
{
    if (!dropCodesAt(event->mimeData(), event->position().toPoint(), event->modifiers())) {
        event->ignore();
        return;
    }
    // The tree is rebuilt by the command; the drag source must delete nothing.
    event->setDropAction(Qt::CopyAction);
    event->accept();
    stopAutoScroll();
    setState(NoState);
    viewport()->update();
}

bool CodeTreeView::dropCodesAt(const QMimeData *mime, const QPoint &pos, Qt::KeyboardModifiers modifiers)
{
    if (!mime || !mime->hasFormat(CodeTreeModel::codeMimeType()))
        return false;
    const QStringList paths = QString::fromUtf8(mime->data(CodeTreeModel::codeMimeType())).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (paths.isEmpty())
        return false;
    const QModelIndex target = indexAt(pos);
    const QString targetPath = target.isValid() ? target.siblingAtColumn(0).data(CodeTreeModel::PathRole).toString() : QString();
    const bool merge = modifiers & (Qt::AltModifier | Qt::ControlModifier);
    if (merge && targetPath.isEmpty())
        return false;
    Q_EMIT codesDropped(paths, targetPath, merge);
    return true;
}

} // namespace Quire
