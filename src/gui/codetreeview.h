// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTreeView>

namespace Quire {

/// The code tree's view: several codes can be selected; dragging them onto
/// another code moves them under it (onto the empty area: to the top level);
/// dropping with Alt or Ctrl held merges them into it. The view only reports
/// the drop; the window runs the command (after asking, for a merge).
class CodeTreeView : public QTreeView
{
    Q_OBJECT
public:
    explicit CodeTreeView(QWidget *parent = nullptr);

    /// Handles a drop of codes at \a pos (viewport coordinates) with \a modifiers;
    /// dropEvent calls this. Returns false if nothing was dropped.
    bool dropCodesAt(const QMimeData *mime, const QPoint &pos, Qt::KeyboardModifiers modifiers);

Q_SIGNALS:
    /// \a targetPath "" is the top level.
    void codesDropped(const QStringList &paths, const QString &targetPath, bool merge);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
};

} // namespace Quire
