// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "wtfc/analysis.h"
#include "wtfc/workshop.h"

#include <QGraphicsView>
#include <QHash>
#include <QWidget>
#include <functional>
#include <optional>

class QComboBox;
class QGraphicsScene;
class QLabel;
class QHBoxLayout;
class QLineEdit;
class QListWidget;
class QMenu;
class QMenuBar;
class QMimeData;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace Quire {

class ProjectSession;
class WorkbenchShell;

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

/// The root-cause graph: the Graphviz layout of the workshop's graph (when the
/// build has Graphviz), else a layered drawing by chain depth. Click a node to
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
    /// The scene rectangle of node \a id (empty if it is not drawn).
    QRectF nodeRect(Id id) const;
    /// Node ids drawn, in drawing order.
    QList<Id> drawnNodes() const { return m_items.keys(); }
    /// Whether the picture came from Graphviz (false: the built-in layered drawing).
    bool usesGraphviz() const { return m_graphviz; }

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
    bool drawGraphviz(const Wtfc::Snapshot &snapshot, const Wtfc::Analysis &analysis);
    void drawLayered(const Wtfc::Snapshot &snapshot, const Wtfc::Analysis &analysis);
    void selectionChanged();

    ProjectSession &m_session;
    ZoomingGraphicsView *m_view = nullptr;
    QGraphicsScene *m_scene = nullptr;
    QLineEdit *m_whyEdit = nullptr;
    QLabel *m_info = nullptr;
    QLabel *m_message = nullptr;
    QLineEdit *m_renameEdit = nullptr;
    std::optional<Id> m_renaming;  ///< the node the inline editor renames
    std::optional<Id> m_linkFrom;  ///< waiting for a click on the cause to link to
    bool m_swallowRelease = false; ///< the press was a link click: its release is ours too
    QHash<Id, QGraphicsItem *> m_items; ///< the selectable shape of each node
    Wtfc::Snapshot m_snapshot;
    Wtfc::Analysis m_analysis;
    bool m_graphviz = false;
};

/// Success statements and solutions per cause: a tree of causes (root causes
/// taken forward first) with their success statements by perspective and
/// their solutions by kind and grid place; adds either through the core.
class WtfcSolutionsView : public QWidget
{
    Q_OBJECT
public:
    explicit WtfcSolutionsView(ProjectSession &session, QWidget *parent = nullptr);
    void reload();
    QTreeWidget *tree() const { return m_tree; }
    /// Adds to the selected cause (or the cause of the selected row).
    bool addSuccess(const QString &perspective, const QString &text);
    bool addSolution(const QString &kind, const QString &text);
    bool selectCause(Id cause);

private:
    std::optional<Id> currentCause() const;
    /// Runs `add` for the selected cause as one command and reports it.
    bool addToCurrentCause(const std::function<void(Wtfc::Workshop &, Id)> &add);

    ProjectSession &m_session;
    QTreeWidget *m_tree = nullptr;
    QComboBox *m_perspective = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_text = nullptr;
    QLabel *m_message = nullptr;
};

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

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void dropped(Id solution, QPointF scenePos);

    ProjectSession &m_session;
    QGraphicsView *m_view = nullptr;
    QGraphicsScene *m_scene = nullptr;
    QLabel *m_message = nullptr;
    QHash<Id, QGraphicsItem *> m_cards;
};

/// The action plan: one row per action with its owner, due date, status
/// (changed through the core), the solution and cause it serves and how many
/// statements and people it traces back to.
class WtfcActionsView : public QWidget
{
    Q_OBJECT
public:
    explicit WtfcActionsView(ProjectSession &session, QWidget *parent = nullptr);
    void reload();
    QTableWidget *table() const { return m_table; }
    /// Sets the status of the action in \a row through the core.
    bool setStatus(int row, const QString &status);

private:
    ProjectSession &m_session;
    QTableWidget *m_table = nullptr;
    QLabel *m_trace = nullptr;
    QLabel *m_message = nullptr;
    std::vector<Id> m_rows;
    bool m_loading = false;
};

/// The theming stage: one area at a time, a column per WTfC theme of that
/// area plus "Not sorted", the area's PCR statements as cards. Dropping a card
/// on a theme is Workshop::assign, on "Not sorted" Workshop::unassign; each
/// theme's "+1 dot" is Workshop::vote and its line edit adds an I statement
/// linked to the theme's statements (each one command, so Ctrl+Z undoes it).
class WtfcThemesView : public QWidget
{
    Q_OBJECT
public:
    explicit WtfcThemesView(ProjectSession &session, QWidget *parent = nullptr);
    void reload();

    static QString cardMimeType();
    /// What dragging the card of \a statement carries.
    QMimeData *mimeForStatement(Id statement) const;
    /// What a drop on the column of \a theme (nullopt: "Not sorted") does, synchronously.
    bool dropCard(const QMimeData *mime, std::optional<Id> theme);
    bool addDot(Id theme);
    /// Takes back the theme's latest dot vote (one command); false if it has none.
    bool removeDot(Id theme);
    bool addIStatement(Id theme, const QString &text);
    /// A new theme in the area shown (one command).
    bool addTheme(const QString &name);
    bool renameTheme(Id theme, const QString &name);
    /// Deletes a theme without I statements; its cards go back to "Not sorted".
    bool deleteTheme(Id theme);
    QLineEdit *newThemeEdit() const { return m_newTheme; }
    /// The "⋯" menu of a theme's column (rename, delete, remove a dot).
    QMenu *themeMenu(Id theme) const { return m_menus.value(theme); }

    QComboBox *areaBox() const { return m_area; }
    bool setArea(const QString &area);
    /// Statement ids shown as cards in the column of \a theme (nullopt: "Not sorted").
    QList<Id> cardsIn(std::optional<Id> theme) const;
    /// The header text of a theme's column ("name · N votes").
    QString headerText(Id theme) const;
    QPushButton *voteButton(Id theme) const { return m_voteButtons.value(theme); }
    QLineEdit *iStatementEdit(Id theme) const { return m_iEdits.value(theme); }
    QString message() const;

private:
    ProjectSession &m_session;
    QComboBox *m_area = nullptr;
    QWidget *m_board = nullptr;
    QHBoxLayout *m_columns = nullptr;
    QLabel *m_message = nullptr;
    QHash<Id, QListWidget *> m_lists; ///< theme id → list; 0 is "Not sorted"
    QHash<Id, QLabel *> m_headers;
    QHash<Id, QPushButton *> m_voteButtons;
    QHash<Id, QLineEdit *> m_iEdits;
    QHash<Id, QMenu *> m_menus;
    QLineEdit *m_newTheme = nullptr;
    QHash<Id, QString> m_cardText; ///< statement → text, for drags
    bool m_loading = false;
};

/// Adds the "Workshop" menu (root-cause graph, success and solutions, grid, action plan).
void addWorkshopMenu(QMenuBar *bar, ProjectSession &session, WorkbenchShell &shell);

/// Writes the workshop report (src/render/wtfcreport.h) to `path`: Markdown
/// (and NAME.graph.svg beside it), HTML, .docx or PDF by the suffix. All the
/// files or none (QSaveFile). Returns an empty string, or the error message.
QString exportWorkshopReport(ProjectSession &session, const QString &path);
/// Opens (or raises) the WTfC view \a name ("wtfc-themes", "wtfc-graph", "wtfc-solutions",
/// "wtfc-grid", "wtfc-actions") as a tab; nullptr for an unknown name.
QWidget *openWtfcView(ProjectSession &session, WorkbenchShell &shell, const QString &name);

} // namespace Quire
