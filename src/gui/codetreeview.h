// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "documentview.h"

#include <QPersistentModelIndex>
#include <QStringList>
#include <QTreeView>

namespace Quire {

/// The code tree's view: several codes can be selected; dragging them onto
/// another code moves them under it (onto the empty area: to the top level);
/// dropping with Alt or Ctrl held merges them into it. Text dragged from the
/// document view (DocumentView::textRangeMimeType(), never a code move) is
/// dropped on a code to code it, or on the empty area to make an in-vivo
/// code; while it is dragged the row it would go to is framed and the drop
/// is a copy. The view only reports the drop; the window runs the command
/// (after asking, for a merge).
class CodeTreeView : public QTreeView
{
    Q_OBJECT
public:
    explicit CodeTreeView(QWidget *parent = nullptr);

    /// Handles a drop of codes at \a pos (viewport coordinates) with \a modifiers;
    /// dropEvent calls this. Returns false if nothing was dropped.
    bool dropCodesAt(const QMimeData *mime, const QPoint &pos, Qt::KeyboardModifiers modifiers);
    /// Handles a drop of dragged text at \a pos; dropEvent calls this.
    /// Returns false if \a mime carries no text range.
    bool dropTextAt(const QMimeData *mime, const QPoint &pos);
    /// While text is dragged over the tree: the row (name column) it would
    /// code, or invalid over the empty area (a new in-vivo code) or when no
    /// text is being dragged.
    QModelIndex textDropTarget() const { return m_textTarget; }
    /// Whether text is being dragged over the tree now.
    bool draggingText() const { return m_draggingText; }

Q_SIGNALS:
    /// \a targetPath "" is the top level.
    void codesDropped(const QStringList &paths, const QString &targetPath, bool merge);
    /// Text dropped on the code \a codeId, or on the empty area (\a codeId 0).
    void textDropped(const Quire::TextRange &range, Quire::Id codeId);
    /// Right click (or the menu key) on the code reached by \a path: the
    /// window shows the code's menu (CodeActions) at \a globalPos.
    void codeMenuRequested(const QString &path, const QPoint &globalPos);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    /// Tints the row a text drop would code, under the drop indicator's frame.
    void drawRow(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    void endTextDrag();

    QPersistentModelIndex m_textTarget;
    bool m_draggingText = false;
};

} // namespace Quire
