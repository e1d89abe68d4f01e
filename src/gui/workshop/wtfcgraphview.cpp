// SPDX-License-Identifier: GPL-3.0-or-later
#include "workshop/wtfcgraphview.h"

#include "projectsession.h"
#include "workbenchshell.h"
#include "workshop/workshopsupport.h"

#include "error.h"
#include "model/project.h"
#include "wtfc/graphexport.h"
#include "wtfcreport.h"

#include <QFontInfo>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPen>
#include <QPushButton>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

namespace Quire {

using namespace Quire::Wtfc;
using namespace Quire::WorkshopViews;

// ---- WtfcGraphView -------------------------------------------------------------

WtfcGraphView::WtfcGraphView(ProjectSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("wtfcGraphView"));
    setAccessibleName(tr("Root-cause graph"));
    m_scene = new QGraphicsScene(this);
    m_view = new ZoomingGraphicsView;
    m_view->setObjectName(QStringLiteral("wtfcGraphCanvas"));
    m_view->setAccessibleName(tr("Root-cause graph"));
    m_view->setScene(m_scene);
    m_view->setBackgroundBrush(Qt::white);
    m_whyEdit = new QLineEdit;
    m_whyEdit->setObjectName(QStringLiteral("wtfcWhyEdit"));
    m_whyEdit->setAccessibleName(tr("Add a why under the selected node"));
    m_whyEdit->setPlaceholderText(tr("Why? Type a cause of the selected node and press Return"));
    auto *fit = new QPushButton(tr("Fit"));
    auto *zoomIn = new QPushButton(tr("+"));
    auto *zoomOut = new QPushButton(tr("−"));
    for (QPushButton *b : {zoomIn, zoomOut})
        b->setMaximumWidth(32);
    m_info = new QLabel;
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message = new QLabel;
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    m_message->setWordWrap(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Why?")));
    bar->addWidget(m_whyEdit, 1);
    bar->addWidget(zoomOut);
    bar->addWidget(zoomIn);
    bar->addWidget(fit);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_info);
    layout->addLayout(bar);
    layout->addWidget(m_message);

    connect(m_whyEdit, &QLineEdit::returnPressed, this, [this] {
        if (addWhy(m_whyEdit->text()))
            m_whyEdit->clear();
    });
    connect(fit, &QPushButton::clicked, this, &WtfcGraphView::fitAll);
    connect(zoomIn, &QPushButton::clicked, this, [this] { m_view->zoomBy(1.25); });
    connect(zoomOut, &QPushButton::clicked, this, [this] { m_view->zoomBy(0.8); });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &WtfcGraphView::selectionChanged);
    connect(&m_session, &ProjectSession::changed, this, [this](ProjectSession::Changes what) {
        if (what & WorkshopInputs)
            reload();
    });

    // Renaming happens in a line edit laid over the node.
    m_renameEdit = new QLineEdit(m_view->viewport());
    m_renameEdit->setObjectName(QStringLiteral("wtfcRenameEdit"));
    m_renameEdit->setAccessibleName(tr("New text of the node"));
    m_renameEdit->hide();
    m_renameEdit->installEventFilter(this);
    connect(m_renameEdit, &QLineEdit::returnPressed, this, [this] { finishRename(true); });

    // F2, Delete, Esc, double-click and Ctrl+click on the canvas; the context menu on a node.
    m_view->installEventFilter(this);
    m_view->viewport()->installEventFilter(this);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](QPoint pos) {
        const auto node = nodeAt(pos);
        if (!node)
            return;
        selectNode(*node);
        const std::unique_ptr<QMenu> menu(contextMenuForSelected());
        if (menu)
            menu->exec(m_view->viewport()->mapToGlobal(pos));
    });
    reload();
    fitAll();
}

WtfcGraphView::~WtfcGraphView()
{
    // The scene outlives this object's members (it is a child QObject): its
    // items' destruction must not call back into selectionChanged.
    disconnect(m_scene, nullptr, this, nullptr);
    m_view->removeEventFilter(this);
    m_view->viewport()->removeEventFilter(this);
    m_renameEdit->removeEventFilter(this);
}

QString WtfcGraphView::message() const
{
    const QString text = m_message->text();
    // A hint (showHint) is wrapped in a span; its text was escaped there.
    if (text.startsWith(QLatin1String("<span style=\"color: ")) && text.endsWith(QLatin1String("</span>")))
        return QTextDocumentFragment::fromHtml(text).toPlainText();
    return text;
}

void WtfcGraphView::fitAll()
{
    if (m_scene->itemsBoundingRect().isEmpty())
        return;
    const QRectF all = m_scene->itemsBoundingRect().adjusted(-10, -10, 10, 10);
    m_view->fitInView(all, Qt::KeepAspectRatio);
    // A small graph stays at its natural size rather than being blown up.
    if (m_view->zoom() > 1.0)
        m_view->zoomBy(1.0 / m_view->zoom());
    // A big one is not shrunk past readable labels: the rest is a scroll away,
    // starting from the I statements on the left (or the selected node).
    const double fontPx = labelPixelSize() / m_view->zoom();
    if (fontPx > 0 && labelPixelSize() < MinLabelPixels) {
        m_view->zoomBy(MinLabelPixels / labelPixelSize());
        const auto selected = selectedNode();
        if (selected && m_items.value(*selected))
            m_view->centerOn(m_items.value(*selected));
        else
            m_view->centerOn(all.left() + m_view->viewport()->width() / (2 * m_view->zoom()),
                             all.top() + m_view->viewport()->height() / (2 * m_view->zoom()));
    }
}

std::optional<Id> WtfcGraphView::selectedNode() const
{
    for (auto it = m_items.begin(); it != m_items.end(); ++it)
        if (it.value()->isSelected())
            return it.key();
    return std::nullopt;
}

bool WtfcGraphView::selectNode(Id id)
{
    QGraphicsItem *item = m_items.value(id);
    if (!item)
        return false;
    m_scene->clearSelection();
    item->setSelected(true);
    m_view->ensureVisible(item);
    return true;
}

bool WtfcGraphView::addWhy(const QString &text)
{
    m_message->clear();
    const auto from = selectedNode();
    if (!from) {
        m_message->setText(
            tr("Nothing is selected. Select the node the cause answers \"why?\" for, then type the cause."));
        return false;
    }
    if (text.trimmed().isEmpty())
        return false;
    // A cause already in the graph is linked, not typed again: causes are shared between chains.
    std::optional<Id> existing;
    for (const Node &n : m_snapshot.nodes)
        if (n.kind == ItemKind::Cause && n.text == text.trimmed())
            existing = n.id;
    Id created = 0;
    const Outcome done = m_session.run(
        [&] {
            Workshop w(*m_session.project());
            if (existing) {
                w.addWhy(*from, *existing);
                created = *existing;
            } else {
                created = w.addWhyText(*from, text);
            }
        },
        ProjectSession::Workshop);
    // The session has announced the change: every view, this one included, has reloaded.
    if (!done) {
        m_message->setText(done.error());
        selectNode(*from);
        return false;
    }
    selectNode(created);
    return true;
}

QRectF WtfcGraphView::nodeRect(Id id) const
{
    // The box itself: its border width (selected, root cause) is not its place.
    const auto *box = static_cast<const QGraphicsRectItem *>(m_items.value(id));
    return box ? box->mapRectToScene(box->rect()) : QRectF();
}

std::optional<Id> WtfcGraphView::nodeAt(QPoint pos) const
{
    for (QGraphicsItem *item : m_view->items(pos))
        for (QGraphicsItem *up = item; up; up = up->parentItem())
            for (auto it = m_items.begin(); it != m_items.end(); ++it)
                if (it.value() == up)
                    return it.key();
    return std::nullopt;
}

bool WtfcGraphView::change(const std::function<void(Workshop &)> &body, std::optional<Id> keep)
{
    m_message->clear();
    if (!m_session.project())
        return false;
    const Outcome done = m_session.run(
        [&] {
            Workshop w(*m_session.project());
            body(w);
        },
        ProjectSession::Workshop);
    // The session has announced the change: every view, this one included, has reloaded.
    if (!done) {
        m_message->setText(done.error());
        if (keep)
            selectNode(*keep);
    }
    return done.ok();
}

bool WtfcGraphView::renameSelected(const QString &text)
{
    m_message->clear();
    const auto node = selectedNode();
    const Node *n = node ? m_snapshot.node(*node) : nullptr;
    if (!n) {
        m_message->setText(tr("Nothing is selected. Select the node to rename."));
        return false;
    }
    if (text.trimmed() == n->text)
        return true; // nothing to change: no empty command on the undo stack
    const Id id = *node;
    return change([&](Workshop &w) { w.renameNode(id, text); }, id);
}

QString WtfcGraphView::deleteQuestion() const
{
    const auto node = selectedNode();
    const Node *n = node ? m_snapshot.node(*node) : nullptr;
    if (!n)
        return QString();
    const int links = int(std::count_if(m_snapshot.edges.begin(), m_snapshot.edges.end(),
                                        [&](const Edge &e) { return e.from == n->id || e.to == n->id; }));
    QString question = n->kind == ItemKind::IStatement
                           ? tr("Do you want to delete the I statement “%1”?").arg(oneLine(n->text))
                           : tr("Do you want to delete the cause “%1”?").arg(oneLine(n->text));
    question += QLatin1Char(' ') + (links == 0   ? tr("It has no “why” link")
                                    : links == 1 ? tr("Its one “why” link goes with it")
                                                 : tr("Its %1 “why” links go with it").arg(links));
    if (n->kind == ItemKind::IStatement && !n->statements.empty())
        question +=
            tr(", and its links to the statements it sums up (%1; the statements stay)").arg(n->statements.size());
    question += QStringLiteral(". ") + tr("Ctrl+Z brings it back.");
    return question;
}

bool WtfcGraphView::deleteSelected(bool confirmed)
{
    m_message->clear();
    const auto node = selectedNode();
    if (!node || !m_snapshot.node(*node)) {
        m_message->setText(tr("Choose the node to delete."));
        return false;
    }
    const Id id = *node;
    if (!confirmed && QMessageBox::question(this, tr("Confirm deletion"), deleteQuestion(),
                                            QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return false;
    // Afterwards the node it explained (its first effect) is selected, so the facilitator stays in the chain.
    std::optional<Id> effect;
    for (const Edge &e : m_snapshot.edges)
        if (e.to == id && !effect)
            effect = e.from;
    if (!change([&](Workshop &w) { w.deleteNode(id); }, id))
        return false;
    if (effect)
        selectNode(*effect);
    return true;
}

bool WtfcGraphView::linkSelectedTo(Id cause)
{
    m_message->clear();
    m_linkFrom.reset();
    m_view->viewport()->unsetCursor();
    const auto from = selectedNode();
    if (!from) {
        m_message->setText(tr("First select the node to link, then choose its cause."));
        return false;
    }
    const Id id = *from;
    if (!change([&](Workshop &w) { w.addWhy(id, cause); }, id))
        return false;
    selectNode(id);
    return true;
}

bool WtfcGraphView::unlink(Id from, Id to)
{
    const bool ok = change([&](Workshop &w) { w.unlink(from, to); }, from);
    if (ok)
        selectNode(from);
    return ok;
}

bool WtfcGraphView::unlinkSelected(Id cause)
{
    m_message->clear();
    const auto from = selectedNode();
    if (!from) {
        m_message->setText(tr("Choose the node whose link to remove."));
        return false;
    }
    return unlink(*from, cause);
}

bool WtfcGraphView::beginRename()
{
    const auto node = selectedNode();
    const Node *n = node ? m_snapshot.node(*node) : nullptr;
    if (!n)
        return false;
    m_renaming = n->id;
    const QRect at = m_view->mapFromScene(nodeRect(n->id)).boundingRect();
    const int width = std::max(at.width(), 260);
    m_renameEdit->setGeometry(at.center().x() - width / 2, at.center().y() - m_renameEdit->sizeHint().height() / 2,
                              width, m_renameEdit->sizeHint().height());
    m_renameEdit->setText(n->text);
    m_renameEdit->selectAll();
    m_renameEdit->show();
    m_renameEdit->raise();
    m_renameEdit->setFocus();
    showHint(m_message, tr("Type the new text and press Return (Esc cancels)."));
    return true;
}

void WtfcGraphView::finishRename(bool commit)
{
    if (!m_renaming)
        return;
    const Id id = *m_renaming;
    const QString text = m_renameEdit->text();
    m_renaming.reset();
    m_renameEdit->hide();
    m_view->setFocus();
    m_message->clear();
    if (commit && selectNode(id))
        renameSelected(text);
}

void WtfcGraphView::beginLinkByClick()
{
    const auto from = selectedNode();
    const Node *n = from ? m_snapshot.node(*from) : nullptr;
    if (!n)
        return;
    m_linkFrom = n->id;
    m_view->viewport()->setCursor(Qt::CrossCursor);
    showHint(m_message, tr("Click the cause that “%1” is caused by (Esc cancels).").arg(oneLine(n->text, 60)));
}

QMenu *WtfcGraphView::contextMenuForSelected()
{
    const auto node = selectedNode();
    const Node *n = node ? m_snapshot.node(*node) : nullptr;
    if (!n)
        return nullptr;
    const Id id = n->id;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("wtfcNodeMenu"));
    QAction *rename = menu->addAction(tr("&Rename…"), this, [this] { beginRename(); });
    rename->setObjectName(QStringLiteral("wtfcRenameNode"));
    rename->setShortcut(QKeySequence(QStringLiteral("F2")));
    QAction *remove = menu->addAction(tr("&Delete…"), this, [this] { deleteSelected(false); });
    remove->setObjectName(QStringLiteral("wtfcDeleteNode"));
    remove->setShortcut(QKeySequence::Delete);
    menu->addAction(tr("Add a &why under it…"), this, [this] { m_whyEdit->setFocus(); });
    menu->addSeparator();

    QMenu *link = menu->addMenu(tr("&Link to an existing cause"));
    link->setObjectName(QStringLiteral("wtfcLinkMenu"));
    QAction *pick =
        link->addAction(tr("Click it in the graph… (or Ctrl+click it)"), this, [this] { beginLinkByClick(); });
    pick->setObjectName(QStringLiteral("wtfcLinkByClick"));
    link->addSeparator();
    std::set<Id> linked;
    for (const Edge &e : m_snapshot.edges)
        if (e.from == id)
            linked.insert(e.to);
    for (const Node &c : m_snapshot.nodes) {
        if (c.kind != ItemKind::Cause || c.id == id || linked.count(c.id))
            continue;
        QAction *a = link->addAction(oneLine(c.text, 60), this, [this, cause = c.id] { linkSelectedTo(cause); });
        a->setData(qlonglong(c.id));
    }

    bool first = true;
    for (const Edge &e : m_snapshot.edges) {
        const Node *other = e.from == id ? m_snapshot.node(e.to) : e.to == id ? m_snapshot.node(e.from) : nullptr;
        if (!other)
            continue;
        if (first)
            menu->addSeparator();
        first = false;
        // "Unlink: cause" takes away one of its causes; "Unlink from: effect" takes it from under an effect.
        QAction *a = e.from == id ? menu->addAction(tr("Unlink: %1").arg(oneLine(other->text, 60)), this,
                                                    [this, to = e.to] { unlinkSelected(to); })
                                  : menu->addAction(tr("Unlink from: %1").arg(oneLine(other->text, 60)), this,
                                                    [this, from = e.from, to = e.to] { unlink(from, to); });
        a->setData(qlonglong(other->id));
    }
    return menu;
}

bool WtfcGraphView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_renameEdit) {
        if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
            finishRename(false);
            return true;
        }
        if (event->type() == QEvent::FocusOut && m_renaming) {
            // Clicking elsewhere leaves the text as it was (only Return commits).
            QTimer::singleShot(0, this, [this] { finishRename(false); });
        }
        return QWidget::eventFilter(watched, event);
    }
    if (watched != m_view && watched != m_view->viewport())
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::KeyPress: {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_F2 && key->modifiers() == Qt::NoModifier)
            return beginRename();
        if (key->key() == Qt::Key_Delete && key->modifiers() == Qt::NoModifier && selectedNode()) {
            deleteSelected(false);
            return true;
        }
        if (key->key() == Qt::Key_Escape && m_linkFrom) {
            m_linkFrom.reset();
            m_view->viewport()->unsetCursor();
            m_message->clear();
            return true;
        }
        break;
    }
    case QEvent::MouseButtonDblClick: {
        if (watched != m_view->viewport())
            break;
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (const auto node = nodeAt(mouse->position().toPoint()); node && mouse->button() == Qt::LeftButton) {
            selectNode(*node);
            beginRename();
            return true;
        }
        break;
    }
    case QEvent::MouseButtonPress: {
        if (watched != m_view->viewport())
            break;
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton)
            break;
        const auto node = nodeAt(mouse->position().toPoint());
        if (m_linkFrom) {
            // The click that "Link to an existing cause" waits for.
            const Id from = *m_linkFrom;
            if (!node || *node == from) {
                m_linkFrom.reset();
                m_view->viewport()->unsetCursor();
                m_message->clear();
                m_swallowRelease = node.has_value();
                return node.has_value();
            }
            selectNode(from);
            linkSelectedTo(*node);
            m_swallowRelease = true;
            return true;
        }
        const auto from = selectedNode();
        if ((mouse->modifiers() & Qt::ControlModifier) && node && from && *node != *from) {
            linkSelectedTo(*node);
            m_swallowRelease = true;
            return true;
        }
        break;
    }
    case QEvent::MouseButtonRelease:
        // The view did not see the press: its release would clear the selection.
        if (watched == m_view->viewport() && m_swallowRelease) {
            m_swallowRelease = false;
            return true;
        }
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void WtfcGraphView::reload()
{
    rebuild();
    // An undo can take away the node being renamed or linked.
    if (m_renaming && !m_items.contains(*m_renaming)) {
        m_renaming.reset();
        m_renameEdit->hide();
    }
    if (m_linkFrom && !m_items.contains(*m_linkFrom)) {
        m_linkFrom.reset();
        m_view->viewport()->unsetCursor();
    }
}

void WtfcGraphView::rebuild()
{
    const auto keep = selectedNode();
    m_items.clear();
    m_labels.clear();
    m_scene->clear();
    m_snapshot = Snapshot();
    m_analysis = Wtfc::Analysis();
    Project *p = m_session.project();
    if (!p) {
        m_info->setText(tr("Open a project with a workshop."));
        return;
    }
    // Positions belong to one project: another one starts afresh.
    if (m_positionsFor != p->path()) {
        m_positions.clear();
        m_positionsFor = p->path();
    }
    try {
        m_snapshot = Workshop(*p).snapshot();
        m_analysis = analyse(m_snapshot);
    } catch (const Error &e) {
        m_message->setText(e.message());
        return;
    }
    if (m_snapshot.nodes.empty()) {
        m_info->setText(tr("No I statements yet: add them from the themes (quire-cli wtfc istatement add)."));
        return;
    }
    placeNodes();
    draw();
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-20, -20, 20, 20));
    if (!keep || !selectNode(*keep))
        selectionChanged();
}

namespace {
constexpr double NodeW = 190, NodeH = 54, GapX = 70, GapY = 16;
} // namespace

void WtfcGraphView::placeNodes()
{
    const bool first = std::none_of(m_snapshot.nodes.begin(), m_snapshot.nodes.end(),
                                    [&](const Node &n) { return m_positions.contains(n.id); });
    if (first) {
        // The first drawing: columns by chain depth (I statements at 0), rows in order.
        std::map<int, double> nextY;
        for (const Node &n : m_snapshot.nodes) {
            int layer = 0;
            if (n.kind == ItemKind::Cause) {
                const CauseReach *r = m_analysis.reach(n.id);
                layer = r && r->depth > 0 ? r->depth : 1;
            }
            double &y = nextY[layer];
            m_positions.insert(n.id, QPointF(layer * (NodeW + GapX), y));
            y += NodeH + GapY;
        }
        return;
    }
    // Later drawings: every node keeps its place; a new one goes one column to
    // the right of the node it answers "why?" for, in the first free row from
    // that node's height down (Workshop ids grow, so older nodes come first).
    std::vector<QRectF> taken;
    for (const Node &n : m_snapshot.nodes)
        if (m_positions.contains(n.id))
            taken.emplace_back(m_positions.value(n.id), QSizeF(NodeW, NodeH));
    for (const Node &n : m_snapshot.nodes) {
        if (m_positions.contains(n.id))
            continue;
        QPointF want(n.kind == ItemKind::IStatement ? 0 : NodeW + GapX, 0);
        for (const Edge &e : m_snapshot.edges)
            if (e.to == n.id && m_positions.contains(e.from)) {
                want = m_positions.value(e.from) + QPointF(NodeW + GapX, 0);
                break;
            }
        QRectF r(want, QSizeF(NodeW, NodeH));
        auto clashes = [&](const QRectF &at) {
            const QRectF margin = at.adjusted(-GapX / 2, -GapY / 2, GapX / 2, GapY / 2);
            return std::any_of(taken.begin(), taken.end(), [&](const QRectF &t) { return t.intersects(margin); });
        };
        while (clashes(r))
            r.translate(0, NodeH + GapY);
        m_positions.insert(n.id, r.topLeft());
        taken.push_back(r);
    }
}

void WtfcGraphView::draw()
{
    QHash<Id, QRectF> where;
    for (const Node &n : m_snapshot.nodes) {
        const QRectF r(m_positions.value(n.id), QSizeF(NodeW, NodeH));
        where.insert(n.id, r);
        const CauseReach *reach = m_analysis.reach(n.id);
        const bool root = reach && reach->root;
        auto *box = new QGraphicsRectItem(r);
        box->setBrush(QColor(n.kind == ItemKind::IStatement ? 0xdbe9f6 : root ? 0xf7d9c4 : 0xf2f2f2));
        box->setPen(QPen(Qt::black, root ? 2 : 1));
        box->setFlag(QGraphicsItem::ItemIsSelectable);
        box->setZValue(1);
        box->setToolTip(n.text);
        box->setCursor(Qt::PointingHandCursor);
        auto *label = new QGraphicsTextItem(box);
        label->setTextWidth(NodeW - 8);
        label->setPlainText(oneLine(n.text, 90));
        label->setPos(r.topLeft() + QPointF(4, 2));
        m_scene->addItem(box);
        m_items.insert(n.id, box);
        m_labels.push_back(label);
    }
    const QPen pen(QColor(0x55, 0x55, 0x55), 1.2);
    for (const Edge &e : m_snapshot.edges) {
        if (!where.contains(e.from) || !where.contains(e.to))
            continue;
        // From the effect's right side to the cause's left side, with an arrowhead at the cause.
        const QRectF a = where.value(e.from), b = where.value(e.to);
        const bool forward = b.left() >= a.right();
        const QPointF from = forward ? QPointF(a.right(), a.center().y()) : QPointF(a.left(), a.center().y());
        const QPointF to = forward ? QPointF(b.left(), b.center().y()) : QPointF(b.right(), b.center().y());
        const QLineF line(from, to);
        m_scene->addLine(line, pen)->setZValue(0);
        QLineF back(to, from);
        back.setLength(9);
        QLineF wing1 = back, wing2 = back;
        wing1.setAngle(back.angle() + 25);
        wing2.setAngle(back.angle() - 25);
        m_scene->addPolygon(QPolygonF({to, wing1.p2(), wing2.p2()}), pen, QColor(0x55, 0x55, 0x55))->setZValue(0);
    }
}

double WtfcGraphView::labelPixelSize() const
{
    const QFont f = m_labels.empty() ? font() : m_labels.front()->font();
    return QFontInfo(f).pixelSize() * m_view->zoom();
}

void WtfcGraphView::selectionChanged()
{
    const auto id = selectedNode();
    for (auto it = m_items.begin(); it != m_items.end(); ++it) {
        auto *shape = static_cast<QAbstractGraphicsShapeItem *>(it.value());
        const bool on = it.value()->isSelected();
        const CauseReach *reach = m_analysis.reach(it.key());
        shape->setPen(QPen(on ? SelectedColor : QColor(Qt::black), on ? 3 : reach && reach->root ? 2 : 1));
    }
    const Node *n = id ? m_snapshot.node(*id) : nullptr;
    if (!n) {
        m_info->setText(tr("%n node(s), %1 root cause(s), %2 shared; longest chain %3. Click a node, then type a "
                           "cause below to ask \"why?\"; F2 renames it, Delete deletes it, Ctrl+click on another "
                           "cause links to it, right-click for more. Wheel: zoom; drag: move.",
                           nullptr, int(m_snapshot.nodes.size()))
                            .arg(m_analysis.rootCauses.size())
                            .arg(m_analysis.sharedCauses.size())
                            .arg(m_analysis.maxChainLength));
        return;
    }
    if (n->kind == ItemKind::IStatement) {
        const Theme *t = n->themeId ? m_snapshot.theme(*n->themeId) : nullptr;
        m_info->setText(
            tr("I statement: “%1” — theme %2, %n statement(s).", nullptr, int(statementsOf(m_snapshot, *n).size()))
                .arg(n->text, t ? t->name : tr("(none)")));
        return;
    }
    const CauseReach *r = m_analysis.reach(n->id);
    QStringList tags;
    if (r && r->root)
        tags << tr("root cause");
    if (std::find(m_analysis.sharedCauses.begin(), m_analysis.sharedCauses.end(), n->id) !=
        m_analysis.sharedCauses.end())
        tags << tr("shared");
    m_info->setText(
        tr("Cause: “%1” — rank %2; explains %3 people, %4 I statement(s), %5 statement(s); %6 vote(s)%7")
            .arg(n->text)
            .arg(r ? r->rank : 0)
            .arg(r ? r->peopleCount : 0)
            .arg(r ? r->istatementCount : 0)
            .arg(r ? r->statementCount : 0)
            .arg(r ? r->votes : 0)
            .arg(tags.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(tags.join(QStringLiteral(", ")))));
}

} // namespace Quire
