// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "workshop/zoominggraphicsview.h"
#include "wtfc/analysis.h"
#include "wtfc/workshop.h"

#include <functional>
#include <optional>
#include <QHash>
#include <QWidget>

class QGraphicsScene;
class QGraphicsTextItem;
class QLabel;
class QLineEdit;
class QMenu;

namespace Quire {

class ProjectSession;

/// The root-cause graph: a layered drawing by chain depth at first; after that
/// every node keeps its place and a new node is placed beside the node it
/// answers "why?" for, so adding a why moves nothing (positions are kept for
/// the open project while the view lives). "Fit" never shrinks labels below
/// MinLabelPixels on screen: a bigger graph scrolls. Click a node to
/// select it; type a cause under it to add a "why" (Workshop::addWhyText, or
/// Workshop::addWhy when the text names a cause already drawn). The selected
/// node is edited in place: F2 or a double-click renames it (an inline editor,
/// Workshop::renameNode), Delete deletes it after a confirmation
/// (Workshop::deleteNode), Ctrl+click on another cause — or the context menu's
/// "Link to an existing cause" — adds "is caused by" (Workshop::addWhy), and
/// the context menu's "Unlink: …" entries remove a link (Workshop::unlink).
/// Each is one command, so Ctrl+Z takes it back; a refusal of the core (a
/// cycle, a cause with solutions) is shown in the message line and changes nothing.
class WtfcGraphView : public QWidget
{
    Q_OBJECT
public:
    explicit WtfcGraphView(ProjectSession &session, QWidget *parent = nullptr);
    ~WtfcGraphView() override;

    void reload();
    /// Selects node \a id (an I statement or a cause); false if it is not drawn.
    bool selectNode(Id id);
    std::optional<Id> selectedNode() const;
    /// Adds a cause with \a text under the selected node and selects it (the
    /// line edit's Return does this). Returns false, with the core's message
    /// in the view, if nothing is selected or the core refuses.
    bool addWhy(const QString &text);
    /// Renames the selected node (Workshop::renameNode); false, with the
    /// core's message, if nothing is selected or the core refuses.
    bool renameSelected(const QString &text);
    /// Deletes the selected node with its links (Workshop::deleteNode). Unless
    /// \a confirmed, asks first with deleteQuestion(); false if nothing is
    /// selected, the user says no, or the core refuses (its message shown).
    bool deleteSelected(bool confirmed = false);
    /// What deleting the selected node asks: its text and how many "why" links go with it.
    QString deleteQuestion() const;
    /// Adds "the selected node is caused by \a cause" (Workshop::addWhy); a
    /// cycle is refused with the core's message and nothing changes.
    bool linkSelectedTo(Id cause);
    /// Removes "the selected node is caused by \a cause" (Workshop::unlink).
    bool unlinkSelected(Id cause);
    /// Starts renaming the selected node in the inline editor (F2, double-click).
    bool beginRename();
    /// The inline rename editor (hidden unless renaming).
    QLineEdit *renameEditor() const { return m_renameEdit; }
    /// After "Link to an existing cause ▸ Click it in the graph…": the next
    /// click on a node links the selected node to it (Esc cancels).
    void beginLinkByClick();
    bool isLinkingByClick() const { return m_linkFrom.has_value(); }
    /// The context menu of the selected node (nullptr if nothing is
    /// selected); the caller owns it. Entries: rename, delete, add a why,
    /// link to each other cause, unlink each link.
    QMenu *contextMenuForSelected();
    /// The scene rectangle of node \a id's box, without its border (empty if it is not drawn).
    QRectF nodeRect(Id id) const;
    /// Node ids drawn, in drawing order.
    QList<Id> drawnNodes() const { return m_items.keys(); }
    /// The height of a node's label on screen, in pixels, at the current zoom.
    double labelPixelSize() const;
    /// "Fit" zooms out no further than labels of this many pixels.
    static constexpr double MinLabelPixels = 10.0;

    ZoomingGraphicsView *graphicsView() const { return m_view; }
    QLineEdit *whyEdit() const { return m_whyEdit; }
    QString message() const;
    /// Zooms so the whole graph fits the view.
    void fitAll();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    /// The node whose shape is under viewport position \a pos.
    std::optional<Id> nodeAt(QPoint pos) const;
    /// Runs one Workshop change; on refusal shows the core's message and
    /// reselects \a keep. Returns whether it was done.
    bool change(const std::function<void(Wtfc::Workshop &)> &body, std::optional<Id> keep);
    bool unlink(Id from, Id to);
    void finishRename(bool commit);
    /// Gives every node without a stored position one (see the class comment).
    void placeNodes();
    void draw();
    void selectionChanged();

    ProjectSession &m_session;
    ZoomingGraphicsView *m_view = nullptr;
    QGraphicsScene *m_scene = nullptr;
    QLineEdit *m_whyEdit = nullptr;
    QLabel *m_info = nullptr;
    QLabel *m_message = nullptr;
    QLineEdit *m_renameEdit = nullptr;
    std::optional<Id> m_renaming;       ///< the node the inline editor renames
    std::optional<Id> m_linkFrom;       ///< waiting for a click on the cause to link to
    bool m_swallowRelease = false;      ///< the press was a link click: its release is ours too
    QHash<Id, QGraphicsItem *> m_items; ///< the selectable shape of each node
    Wtfc::Snapshot m_snapshot;
    Wtfc::Analysis m_analysis;
    QHash<Id, QPointF> m_positions; ///< top-left of each node's box, kept across reloads
    QString m_positionsFor;         ///< the project file the positions belong to
    std::vector<QGraphicsTextItem *> m_labels;
};

} // namespace Quire
