// SPDX-License-Identifier: GPL-3.0-or-later
#include "wtfcviews.h"

#include "analysisviews.h"
#include "projectsession.h"
#include "workbenchshell.h"

#include "error.h"
#include "model/project.h"
#include "wtfc/graphexport.h"
#include "wtfcreport.h"

#include <QBrush>
#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QDropEvent>
#include <QFrame>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsTextItem>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QToolButton>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QMouseEvent>
#include <QPen>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QXmlStreamReader>

#ifdef QUIRE_HAVE_SVG
#include <QGraphicsSvgItem>
#include <QSvgRenderer>
#endif

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

namespace Quire {

using namespace Quire::Wtfc;

namespace {

const QColor SelectedColor(0xe7, 0x6f, 0x51);

QString oneLine(const QString &text, qsizetype max = 80)
{
    QString s = text.simplified();
    return s.size() > max ? s.left(max - 1) + QChar(0x2026) : s;
}

/// An instruction in a message line otherwise red for refusals: in the text colour.
void showHint(QLabel *line, const QString &text)
{
    line->setText(QStringLiteral("<span style=\"color: %1\">%2</span>")
                      .arg(line->palette().color(QPalette::WindowText).name(), text.toHtmlEscaped()));
}

/// The open project's workshop, or nothing with the reason in `message`
/// (no project, or the core's error).
std::optional<Snapshot> workshopOrSay(ProjectSession &session, QLabel *message)
{
    Project *p = session.project();
    if (!p) {
        message->setText(ProjectSession::tr("Open a project with a workshop."));
        return std::nullopt;
    }
    try {
        return Workshop(*p).snapshot();
    } catch (const Error &e) {
        message->setText(e.message());
        return std::nullopt;
    }
}

/// What the WTfC views show: the workshop, and the documents and codes its statements come from.
constexpr ProjectSession::Changes WorkshopInputs =
    ProjectSession::Workshop | ProjectSession::Documents | ProjectSession::Codes | ProjectSession::Segments | ProjectSession::Cases;

} // namespace

// ---- ZoomingGraphicsView ---------------------------------------------------------

ZoomingGraphicsView::ZoomingGraphicsView(QWidget *parent)
    : QGraphicsView(parent)
{
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
}

double ZoomingGraphicsView::zoom() const
{
    return transform().m11();
}

void ZoomingGraphicsView::zoomBy(double factor)
{
    const double next = std::clamp(zoom() * factor, 0.05, 8.0);
    scale(next / zoom(), next / zoom());
}

void ZoomingGraphicsView::wheelEvent(QWheelEvent *event)
{
    const int steps = event->angleDelta().y();
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(1.0015, steps));
    event->accept();
}

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
    m_view->fitInView(m_scene->itemsBoundingRect().adjusted(-10, -10, 10, 10), Qt::KeepAspectRatio);
    // A small graph stays at its natural size rather than being blown up.
    if (m_view->zoom() > 1.0)
        m_view->zoomBy(1.0 / m_view->zoom());
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
        m_message->setText(tr("Nothing is selected. Select the node the cause answers \"why?\" for, then type the cause."));
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
    const Outcome done = m_session.run([&] {
        Workshop w(*m_session.project());
        if (existing) {
            w.addWhy(*from, *existing);
            created = *existing;
        } else {
            created = w.addWhyText(*from, text);
        }
    }, ProjectSession::Workshop);
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
    const QGraphicsItem *item = m_items.value(id);
    return item ? item->sceneBoundingRect() : QRectF();
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
    const Outcome done = m_session.run([&] {
        Workshop w(*m_session.project());
        body(w);
    }, ProjectSession::Workshop);
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
    QString question = n->kind == ItemKind::IStatement ? tr("Do you want to delete the I statement “%1”?").arg(oneLine(n->text))
                                                       : tr("Do you want to delete the cause “%1”?").arg(oneLine(n->text));
    question += QLatin1Char(' ')
                + (links == 0   ? tr("It has no “why” link")
                   : links == 1 ? tr("Its one “why” link goes with it")
                                : tr("Its %1 “why” links go with it").arg(links));
    if (n->kind == ItemKind::IStatement && !n->statements.empty())
        question += tr(", and its links to the statements it sums up (%1; the statements stay)").arg(n->statements.size());
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
    if (!confirmed
        && QMessageBox::question(this, tr("Confirm deletion"), deleteQuestion(), QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No)
               != QMessageBox::Yes)
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
    QAction *pick = link->addAction(tr("Click it in the graph… (or Ctrl+click it)"), this, [this] { beginLinkByClick(); });
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
    m_scene->clear();
    m_snapshot = Snapshot();
    m_analysis = Wtfc::Analysis();
    m_graphviz = false;
    Project *p = m_session.project();
    if (!p) {
        m_info->setText(tr("Open a project with a workshop."));
        return;
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
    m_graphviz = drawGraphviz(m_snapshot, m_analysis);
    if (!m_graphviz)
        drawLayered(m_snapshot, m_analysis);
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-20, -20, 20, 20));
    if (!keep || !selectNode(*keep))
        selectionChanged();
}

bool WtfcGraphView::drawGraphviz(const Snapshot &snapshot, const Wtfc::Analysis &analysis)
{
#ifdef QUIRE_HAVE_SVG
    if (!graphvizAvailable())
        return false;
    QByteArray svg;
    try {
        // Left to right suits a wide window: chains read along, not down.
        QByteArray dot = graphToDot(snapshot, analysis);
        dot.replace("rankdir=TB", "rankdir=LR");
        svg = layoutSvg(dot);
    } catch (const Error &e) {
        m_message->setText(e.message());
        return false;
    }
    auto *renderer = new QSvgRenderer(svg, m_scene);
    if (!renderer->isValid())
        return false;
    auto *picture = new QGraphicsSvgItem;
    picture->setSharedRenderer(renderer);
    picture->setZValue(0);
    m_scene->addItem(picture);

    // Graphviz names each node's group "nodeK" and gives it a <title> with our "n<ID>".
    std::map<QString, Id> groups;
    QXmlStreamReader xml(svg);
    QString group;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("g")) {
            const auto attrs = xml.attributes();
            group = attrs.value(QLatin1String("class")) == QLatin1String("node") ? attrs.value(QLatin1String("id")).toString()
                                                                                 : QString();
        } else if (xml.name() == QLatin1String("title") && !group.isEmpty()) {
            const QString title = xml.readElementText();
            if (title.startsWith(QLatin1Char('n')))
                groups[group] = title.mid(1).toLongLong();
            group.clear();
        }
    }
    const QRectF box = renderer->viewBoxF();
    const QSizeF size = renderer->defaultSize();
    if (box.isEmpty())
        return false;
    const double sx = size.width() / box.width(), sy = size.height() / box.height();
    for (const auto &[gid, node] : groups) {
        if (!renderer->elementExists(gid))
            continue;
        const QRectF r = renderer->transformForElement(gid).mapRect(renderer->boundsOnElement(gid));
        const QRectF at((r.left() - box.left()) * sx, (r.top() - box.top()) * sy, r.width() * sx, r.height() * sy);
        auto *hit = new QGraphicsRectItem(at.adjusted(-3, -3, 3, 3));
        hit->setPen(Qt::NoPen);
        hit->setBrush(Qt::NoBrush);
        hit->setFlag(QGraphicsItem::ItemIsSelectable);
        hit->setZValue(1);
        hit->setCursor(Qt::PointingHandCursor);
        if (const Node *n = snapshot.node(node))
            hit->setToolTip(n->text);
        m_scene->addItem(hit);
        m_items.insert(node, hit);
    }
    return !m_items.isEmpty();
#else
    Q_UNUSED(snapshot)
    Q_UNUSED(analysis)
    return false;
#endif
}

void WtfcGraphView::drawLayered(const Snapshot &snapshot, const Wtfc::Analysis &analysis)
{
    // Columns by depth (I statements at 0), rows by id: a plain layered drawing.
    constexpr double W = 190, H = 54, GapX = 70, GapY = 16;
    std::map<int, std::vector<const Node *>> layers;
    for (const Node &n : snapshot.nodes) {
        int layer = 0;
        if (n.kind == ItemKind::Cause) {
            const CauseReach *r = analysis.reach(n.id);
            layer = r && r->depth > 0 ? r->depth : 1;
        }
        layers[layer].push_back(&n);
    }
    QHash<Id, QRectF> where;
    for (const auto &[layer, nodes] : layers) {
        double y = 0;
        for (const Node *n : nodes) {
            const QRectF r(layer * (W + GapX), y, W, H);
            y += H + GapY;
            where.insert(n->id, r);
            const CauseReach *reach = analysis.reach(n->id);
            const bool root = reach && reach->root;
            auto *box = new QGraphicsRectItem(r);
            box->setBrush(QColor(n->kind == ItemKind::IStatement ? 0xdbe9f6 : root ? 0xf7d9c4 : 0xf2f2f2));
            box->setPen(QPen(Qt::black, root ? 2 : 1));
            box->setFlag(QGraphicsItem::ItemIsSelectable);
            box->setZValue(1);
            box->setToolTip(n->text);
            auto *label = new QGraphicsTextItem(box);
            label->setTextWidth(W - 8);
            label->setPlainText(oneLine(n->text, 90));
            label->setPos(r.topLeft() + QPointF(4, 2));
            m_scene->addItem(box);
            m_items.insert(n->id, box);
        }
    }
    for (const Edge &e : snapshot.edges) {
        if (!where.contains(e.from) || !where.contains(e.to))
            continue;
        const QRectF a = where.value(e.from), b = where.value(e.to);
        auto *line = m_scene->addLine(QLineF(QPointF(a.right(), a.center().y()), QPointF(b.left(), b.center().y())),
                                      QPen(QColor(0x55, 0x55, 0x55), 1.2));
        line->setZValue(0);
    }
}

void WtfcGraphView::selectionChanged()
{
    const auto id = selectedNode();
    for (auto it = m_items.begin(); it != m_items.end(); ++it) {
        auto *shape = static_cast<QAbstractGraphicsShapeItem *>(it.value());
        const bool on = it.value()->isSelected();
        if (m_graphviz)
            shape->setPen(on ? QPen(SelectedColor, 3) : QPen(Qt::NoPen));
        else
            shape->setPen(QPen(on ? SelectedColor : QColor(Qt::black), on ? 3 : 1));
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
        m_info->setText(tr("I statement: “%1” — theme %2, %n statement(s).", nullptr,
                           int(statementsOf(m_snapshot, *n).size()))
                            .arg(n->text, t ? t->name : tr("(none)")));
        return;
    }
    const CauseReach *r = m_analysis.reach(n->id);
    QStringList tags;
    if (r && r->root)
        tags << tr("root cause");
    if (std::find(m_analysis.sharedCauses.begin(), m_analysis.sharedCauses.end(), n->id) != m_analysis.sharedCauses.end())
        tags << tr("shared");
    m_info->setText(tr("Cause: “%1” — rank %2; explains %3 people, %4 I statement(s), %5 statement(s); %6 vote(s)%7")
                        .arg(n->text)
                        .arg(r ? r->rank : 0)
                        .arg(r ? r->peopleCount : 0)
                        .arg(r ? r->istatementCount : 0)
                        .arg(r ? r->statementCount : 0)
                        .arg(r ? r->votes : 0)
                        .arg(tags.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(tags.join(QStringLiteral(", ")))));
}

// ---- WtfcSolutionsView ---------------------------------------------------------

WtfcSolutionsView::WtfcSolutionsView(ProjectSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("wtfcSolutionsView"));
    setAccessibleName(tr("Success statements and solutions"));
    m_tree = new QTreeWidget;
    m_tree->setObjectName(QStringLiteral("wtfcSolutionsTree"));
    m_tree->setHeaderLabels({tr("Root cause / statement"), tr("Perspective or kind"), tr("Grid"), tr("People")});
    m_tree->setAlternatingRowColors(true);
    m_tree->setWordWrap(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_perspective = new QComboBox;
    m_perspective->setAccessibleName(tr("Perspective"));
    m_kind = new QComboBox;
    m_kind->setAccessibleName(tr("Solution kind"));
    m_text = new QLineEdit;
    m_text->setAccessibleName(tr("Text"));
    m_text->setPlaceholderText(tr("Text of the success statement or solution for the selected cause"));
    auto *addSuccessButton = new QPushButton(tr("Add success statement"));
    auto *addSolutionButton = new QPushButton(tr("Add solution"));
    m_message = new QLabel;
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_text, 1);
    bar->addWidget(m_perspective);
    bar->addWidget(addSuccessButton);
    bar->addWidget(m_kind);
    bar->addWidget(addSolutionButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    connect(addSuccessButton, &QPushButton::clicked, this, [this] {
        if (addSuccess(m_perspective->currentText(), m_text->text()))
            m_text->clear();
    });
    connect(addSolutionButton, &QPushButton::clicked, this, [this] {
        if (addSolution(m_kind->currentText(), m_text->text()))
            m_text->clear();
    });
    connect(&m_session, &ProjectSession::changed, this, [this](ProjectSession::Changes what) {
        if (what & WorkshopInputs)
            reload();
    });
    reload();
}

std::optional<Id> WtfcSolutionsView::currentCause() const
{
    QTreeWidgetItem *item = m_tree->currentItem();
    while (item && item->parent())
        item = item->parent();
    if (!item)
        return std::nullopt;
    return item->data(0, Qt::UserRole).toLongLong();
}

bool WtfcSolutionsView::selectCause(Id cause)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == cause) {
            m_tree->setCurrentItem(m_tree->topLevelItem(i));
            return true;
        }
    return false;
}

bool WtfcSolutionsView::addToCurrentCause(const std::function<void(Workshop &, Id)> &add)
{
    const auto cause = currentCause();
    if (!cause) {
        m_message->setText(tr("Choose a cause first."));
        return false;
    }
    const Outcome done = m_session.run([&] {
        Workshop w(*m_session.project());
        add(w, *cause);
    }, ProjectSession::Workshop);
    m_message->setText(done.error());
    selectCause(*cause);
    return done.ok();
}

bool WtfcSolutionsView::addSuccess(const QString &perspective, const QString &text)
{
    return addToCurrentCause([&](Workshop &w, Id cause) { w.addSuccess(cause, perspective, text); });
}

bool WtfcSolutionsView::addSolution(const QString &kind, const QString &text)
{
    return addToCurrentCause([&](Workshop &w, Id cause) { w.addSolution(cause, kind, text); });
}

void WtfcSolutionsView::reload()
{
    const auto keep = currentCause();
    m_tree->clear();
    Project *p = m_session.project();
    if (!p)
        return;
    Snapshot s;
    Wtfc::Analysis a;
    try {
        s = Workshop(*p).snapshot();
        a = analyse(s, AnalysisOptions{false});
    } catch (const Error &e) {
        m_message->setText(e.message());
        return;
    }
    const Template &t = s.workshopTemplate;
    const QString per = m_perspective->currentText(), kind = m_kind->currentText();
    m_perspective->clear();
    m_perspective->addItems(t.perspectives);
    m_perspective->setCurrentText(per);
    m_kind->clear();
    m_kind->addItems(t.solutionKinds);
    m_kind->setCurrentText(kind);

    std::set<Id> forward;
    for (const auto &[stage, target] : s.selections)
        if (target.kind == ItemKind::Cause)
            forward.insert(target.id);
    // Root causes and any cause with success statements or solutions, taken forward first, then by rank.
    std::vector<const CauseReach *> shown;
    for (const CauseReach &r : a.causes) {
        const bool used = std::any_of(s.success.begin(), s.success.end(), [&](const SuccessStatement &x) { return x.causeId == r.cause; })
                          || std::any_of(s.solutions.begin(), s.solutions.end(), [&](const Solution &x) { return x.causeId == r.cause; });
        if (r.root || used)
            shown.push_back(&r);
    }
    std::stable_sort(shown.begin(), shown.end(), [&](const CauseReach *x, const CauseReach *y) {
        return forward.count(x->cause) > forward.count(y->cause);
    });
    QFont bold = m_tree->font();
    bold.setBold(true);
    for (const CauseReach *r : shown) {
        const Node *n = s.node(r->cause);
        auto *top = new QTreeWidgetItem(m_tree, {n ? n->text : QString::number(r->cause),
                                                 forward.count(r->cause) ? tr("taken forward") : QString(), QString(),
                                                 QString::number(r->peopleCount)});
        top->setData(0, Qt::UserRole, qlonglong(r->cause));
        top->setFont(0, bold);
        for (const SuccessStatement &x : s.success)
            if (x.causeId == r->cause)
                new QTreeWidgetItem(top, {tr("Success: %1").arg(x.text), x.perspective});
        for (const Solution &x : s.solutions)
            if (x.causeId == r->cause) {
                const auto q = s.quadrantOf(x);
                new QTreeWidgetItem(top, {tr("Solution: %1").arg(x.text), x.kind,
                                          q ? t.quadrants.value(*q) : tr("not placed")});
            }
        top->setExpanded(true);
    }
    m_tree->resizeColumnToContents(1);
    m_tree->resizeColumnToContents(2);
    if (keep)
        selectCause(*keep);
}

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
    case 0: return QRectF(board.left(), board.top(), w, h);
    case 1: return QRectF(board.left() + w, board.top(), w, h);
    case 2: return QRectF(board.left(), board.top() + h, w, h);
    case 3: return QRectF(board.left() + w, board.top() + h, w, h);
    default: return m_scene->property("unplaced").toRectF();
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
    const Outcome done = m_session.run([&] { Workshop(*m_session.project()).placeInQuadrant(solution, quadrant); }, ProjectSession::Workshop);
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
        std::stable_sort(list.begin(), list.end(), [](const Solution *a, const Solution *b) {
            return a->y.value_or(-1) > b->y.value_or(-1);
        });
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
            const QString scores = x.x && x.y ? tr("%1 %2 · %3 %4").arg(t.xAxis).arg(*x.x).arg(t.yAxis).arg(*x.y)
                                              : tr("placed directly");
            card->setToolTip(tr("%1\nkind: %2\ncause: %3\n%4").arg(x.text, x.kind, cause ? cause->text : QString(), scores));
            auto *text = new QGraphicsTextItem(card);
            text->setTextWidth(CardW - 8);
            text->setHtml(QStringLiteral("<div style='font-size:9pt'>%1</div><div style='font-size:8pt;color:#555'>%2 · %3</div>")
                              .arg(oneLine(x.text, 95).toHtmlEscaped(), x.kind.toHtmlEscaped(), scores.toHtmlEscaped()));
            text->setPos(cr.topLeft() + QPointF(3, 1));
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

// ---- WtfcActionsView -----------------------------------------------------------

WtfcActionsView::WtfcActionsView(ProjectSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("wtfcActionsView"));
    setAccessibleName(tr("Action plan"));
    m_table = new QTableWidget;
    m_table->setObjectName(QStringLiteral("wtfcActionsTable"));
    m_table->setColumnCount(7);
    m_table->setHorizontalHeaderLabels(
        {tr("Action"), tr("Owner"), tr("Due"), tr("Status"), tr("Solution"), tr("Root cause"), tr("Traces back to")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_trace = new QLabel;
    m_trace->setWordWrap(true);
    m_trace->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_trace->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_message = new QLabel;
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 3);
    layout->addWidget(new QLabel(tr("Choose an action to trace it back to the people's words:")));
    layout->addWidget(m_trace, 1);
    layout->addWidget(m_message);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (m_loading || row < 0 || std::size_t(row) >= m_rows.size() || !m_session.project())
            return;
        const Snapshot s = Workshop(*m_session.project()).snapshot();
        const Trace trace = traceBack(s, ItemRef{ItemKind::Action, m_rows[std::size_t(row)]});
        QStringList lines;
        for (Id c : trace.causes)
            if (const Node *n = s.node(c))
                lines << QStringLiteral("← %1").arg(n->text);
        for (Id i : trace.istatements)
            if (const Node *n = s.node(i))
                lines << QStringLiteral("← “%1”").arg(n->text);
        QStringList quotes;
        for (Id st : trace.statements)
            if (const PcrStatement *x = s.statement(st)) {
                QStringList who;
                for (Id person : x->people)
                    who << s.personName(person);
                quotes << QStringLiteral("“%1” (%2)").arg(oneLine(x->text, 70), who.join(QStringLiteral(", ")));
                if (quotes.size() == 4)
                    break;
            }
        lines << tr("← %n statement(s) by %1 people, e.g. %2", nullptr, int(trace.statements.size()))
                     .arg(trace.people.size())
                     .arg(quotes.join(QStringLiteral("; ")));
        m_trace->setText(lines.join(QLatin1Char('\n')));
    });
    connect(&m_session, &ProjectSession::changed, this, [this](ProjectSession::Changes what) {
        if (what & WorkshopInputs)
            reload();
    });
    reload();
}

bool WtfcActionsView::setStatus(int row, const QString &status)
{
    if (row < 0 || std::size_t(row) >= m_rows.size())
        return false;
    const Id action = m_rows[std::size_t(row)];
    const Outcome done = m_session.run([&] { Workshop(*m_session.project()).setActionStatus(action, status); }, ProjectSession::Workshop);
    m_message->setText(done.error());
    return done.ok();
}

void WtfcActionsView::reload()
{
    m_loading = true;
    const int keep = m_table->currentRow();
    m_table->setRowCount(0);
    m_rows.clear();
    Project *p = m_session.project();
    if (!p) {
        m_loading = false;
        return;
    }
    Snapshot s;
    try {
        s = Workshop(*p).snapshot();
    } catch (const Error &e) {
        m_message->setText(e.message());
        m_loading = false;
        return;
    }
    std::vector<const Action *> actions;
    for (const Action &a : s.actions)
        actions.push_back(&a);
    // Soonest first; actions without a date last.
    std::stable_sort(actions.begin(), actions.end(), [](const Action *a, const Action *b) {
        return (a->due.isEmpty() ? QStringLiteral("9999") : a->due) < (b->due.isEmpty() ? QStringLiteral("9999") : b->due);
    });
    const QStringList statuses{QStringLiteral("planned"), QStringLiteral("in progress"), QStringLiteral("done"),
                               QStringLiteral("dropped")};
    m_table->setRowCount(int(actions.size()));
    for (int row = 0; row < int(actions.size()); ++row) {
        const Action &a = *actions[std::size_t(row)];
        m_rows.push_back(a.id);
        const Solution *sol = s.solution(a.solutionId);
        const Node *cause = sol ? s.node(sol->causeId) : nullptr;
        const Trace trace = traceBack(s, ItemRef{ItemKind::Action, a.id});
        const QStringList cells{a.text,
                                a.owner,
                                a.due,
                                a.status,
                                sol ? sol->text : QString(),
                                cause ? cause->text : QString(),
                                tr("%1 statements, %2 people").arg(trace.statements.size()).arg(trace.people.size())};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
        auto *status = new QComboBox;
        status->addItems(statuses);
        if (!statuses.contains(a.status))
            status->addItem(a.status);
        status->setCurrentText(a.status);
        status->setAccessibleName(tr("Status of %1").arg(a.text));
        connect(status, &QComboBox::currentTextChanged, this, [this, row](const QString &text) {
            // The command rebuilds the table, this combo included.
            QTimer::singleShot(0, this, [this, row, text] { setStatus(row, text); });
        });
        m_table->setCellWidget(row, 3, status);
    }
    m_table->resizeColumnsToContents();
    for (int c : {0, 4, 5})
        m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 260));
    m_table->resizeRowsToContents();
    m_loading = false;
    if (keep >= 0 && keep < m_table->rowCount())
        m_table->setCurrentCell(keep, 0);
    else if (m_table->rowCount() > 0)
        m_table->setCurrentCell(0, 0);
}

// ---- WtfcThemesView ------------------------------------------------------------

namespace {

constexpr int StatementRole = Qt::UserRole + 1;

QString areaKey(const QString &area)
{
    return area.simplified().toCaseFolded();
}

/// One column's cards: drags carry the statement id; a drop hands the card to
/// the view after the drag has finished, since the command rebuilds the columns.
class ThemeColumnList : public QListWidget
{
public:
    ThemeColumnList(WtfcThemesView *view, std::optional<Id> theme)
        : m_view(view)
        , m_theme(theme)
    {
        setDragEnabled(true);
        setAcceptDrops(true);
        setDropIndicatorShown(true);
        setDragDropMode(QAbstractItemView::DragDrop);
        setDefaultDropAction(Qt::MoveAction);
        setSelectionMode(QAbstractItemView::SingleSelection);
        setWordWrap(true);
        setResizeMode(QListView::Adjust);
        setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        setSpacing(2);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setTextElideMode(Qt::ElideNone);
        setStyleSheet(QStringLiteral("QListWidget { background: #f4f4f4; border: none; }"
                                     "QListWidget::item { background: white; color: black; border: 1px solid #aaa;"
                                     " border-radius: 4px; padding: 5px; }"
                                     "QListWidget::item:selected { border: 2px solid #e76f51; }"));
    }

protected:
    QStringList mimeTypes() const override { return {WtfcThemesView::cardMimeType()}; }

    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override
    {
        if (items.isEmpty())
            return nullptr;
        return m_view->mimeForStatement(items.first()->data(StatementRole).toLongLong());
    }

    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction | Qt::CopyAction; }

    void dragEnterEvent(QDragEnterEvent *event) override
    {
        if (event->mimeData()->hasFormat(WtfcThemesView::cardMimeType()))
            event->acceptProposedAction();
        else
            event->ignore();
    }

    void dragMoveEvent(QDragMoveEvent *event) override
    {
        if (event->mimeData()->hasFormat(WtfcThemesView::cardMimeType()))
            event->acceptProposedAction();
        else
            event->ignore();
    }

    void dropEvent(QDropEvent *event) override
    {
        if (!event->mimeData()->hasFormat(WtfcThemesView::cardMimeType())) {
            event->ignore();
            return;
        }
        // The columns are rebuilt by the command: the source must not remove the item itself.
        event->setDropAction(Qt::CopyAction);
        event->accept();
        const QByteArray payload = event->mimeData()->data(WtfcThemesView::cardMimeType());
        QPointer<WtfcThemesView> view(m_view);
        const std::optional<Id> theme = m_theme;
        QTimer::singleShot(0, m_view, [view, payload, theme] {
            if (!view)
                return;
            QMimeData mime;
            mime.setData(WtfcThemesView::cardMimeType(), payload);
            view->dropCard(&mime, theme);
        });
    }

private:
    WtfcThemesView *m_view;
    std::optional<Id> m_theme;
};

} // namespace

WtfcThemesView::WtfcThemesView(ProjectSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("wtfcThemesView"));
    setAccessibleName(tr("Themes and votes"));
    m_area = new QComboBox;
    m_area->setObjectName(QStringLiteral("wtfcThemesArea"));
    m_area->setAccessibleName(tr("Area"));
    m_area->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    m_board = new QWidget;
    m_columns = new QHBoxLayout(m_board);
    m_columns->setContentsMargins(4, 4, 4, 4);
    scroll->setWidget(m_board);
    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_newTheme = new QLineEdit;
    m_newTheme->setObjectName(QStringLiteral("wtfcNewTheme"));
    m_newTheme->setAccessibleName(tr("New theme in this area"));
    m_newTheme->setPlaceholderText(tr("New theme in this area, then Return"));
    m_newTheme->setMinimumWidth(260);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Area:")));
    bar->addWidget(m_area);
    bar->addWidget(m_newTheme);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_message);
    connect(m_area, &QComboBox::currentTextChanged, this, [this] {
        if (!m_loading)
            reload();
    });
    connect(m_newTheme, &QLineEdit::returnPressed, this, [this] {
        const QString name = m_newTheme->text();
        QTimer::singleShot(0, this, [this, name] {
            if (addTheme(name))
                m_newTheme->clear();
        });
    });
    connect(&m_session, &ProjectSession::changed, this, [this](ProjectSession::Changes what) {
        if (what & WorkshopInputs)
            reload();
    });
    reload();
}

QString WtfcThemesView::cardMimeType()
{
    return QStringLiteral("application/x-quire-wtfc-statement");
}

QMimeData *WtfcThemesView::mimeForStatement(Id statement) const
{
    auto *mime = new QMimeData;
    mime->setData(cardMimeType(), QByteArray::number(statement));
    mime->setText(m_cardText.value(statement));
    return mime;
}

QString WtfcThemesView::message() const
{
    return m_message->text();
}

bool WtfcThemesView::setArea(const QString &area)
{
    const int i = m_area->findText(area, Qt::MatchFixedString);
    if (i < 0)
        return false;
    m_area->setCurrentIndex(i);
    return true;
}

QList<Id> WtfcThemesView::cardsIn(std::optional<Id> theme) const
{
    QList<Id> ids;
    if (const QListWidget *list = m_lists.value(theme.value_or(0)))
        for (int i = 0; i < list->count(); ++i)
            ids << list->item(i)->data(StatementRole).toLongLong();
    return ids;
}

QString WtfcThemesView::headerText(Id theme) const
{
    const QLabel *label = m_headers.value(theme);
    return label ? label->text() : QString();
}

bool WtfcThemesView::dropCard(const QMimeData *mime, std::optional<Id> theme)
{
    if (!mime || !m_session.project() || !mime->hasFormat(cardMimeType()))
        return false;
    bool number = false;
    const Id statement = mime->data(cardMimeType()).toLongLong(&number);
    if (!number || !m_cardText.contains(statement)) {
        m_message->setText(tr("That card is not in this area."));
        return false;
    }
    const Outcome done = m_session.run([&] {
        Workshop w(*m_session.project());
        if (theme)
            w.assign(*theme, {statement});
        else
            w.unassign({statement});
    }, ProjectSession::Workshop);
    m_message->setText(done.error());
    return done.ok();
}

bool WtfcThemesView::addDot(Id theme)
{
    const Outcome done = m_session.run(
        [&] { Workshop(*m_session.project()).vote(ItemRef{ItemKind::Theme, theme}, QStringLiteral("dot"), 1); }, ProjectSession::Workshop);
    m_message->setText(done.error());
    return done.ok();
}

bool WtfcThemesView::removeDot(Id theme)
{
    Project *p = m_session.project();
    if (!p)
        return false;
    std::optional<Id> latest;
    for (const Vote &v : Workshop(*p).snapshot().votes)
        if (v.target == ItemRef{ItemKind::Theme, theme} && v.kind == QLatin1String("dot"))
            latest = v.id;
    if (!latest) {
        m_message->setText(tr("This theme has no dot to take back."));
        return false;
    }
    const Outcome done = m_session.run([&] { Workshop(*m_session.project()).removeVote(*latest); }, ProjectSession::Workshop);
    m_message->setText(done.error());
    return done.ok();
}

bool WtfcThemesView::addTheme(const QString &name)
{
    if (name.trimmed().isEmpty() || !m_session.project() || m_area->currentText().isEmpty())
        return false;
    const QString area = m_area->currentText();
    const Outcome done = m_session.run([&] { Workshop(*m_session.project()).addTheme(area, name.trimmed()); }, ProjectSession::Workshop);
    m_message->setText(done.error());
    return done.ok();
}

bool WtfcThemesView::renameTheme(Id theme, const QString &name)
{
    if (name.trimmed().isEmpty() || !m_session.project())
        return false;
    const Outcome done = m_session.run([&] { Workshop(*m_session.project()).renameTheme(theme, name.trimmed()); }, ProjectSession::Workshop);
    m_message->setText(done.error());
    return done.ok();
}

bool WtfcThemesView::deleteTheme(Id theme)
{
    if (!m_session.project())
        return false;
    const Outcome done = m_session.run([&] { Workshop(*m_session.project()).deleteTheme(theme); }, ProjectSession::Workshop);
    m_message->setText(done.error());
    return done.ok();
}

bool WtfcThemesView::addIStatement(Id theme, const QString &text)
{
    if (text.trimmed().isEmpty() || !m_session.project())
        return false;
    const Outcome done = m_session.run([&] {
        Workshop w(*m_session.project());
        std::vector<Id> statements;
        for (const Theme &t : w.snapshot().themes)
            if (t.id == theme)
                statements = t.statements;
        w.addIStatement(theme, text.trimmed(), statements);
    }, ProjectSession::Workshop);
    m_message->setText(done.error());
    return done.ok();
}

void WtfcThemesView::reload()
{
    // Old columns go later: reload can run from inside one of their own handlers.
    while (QLayoutItem *item = m_columns->takeAt(0)) {
        if (QWidget *w = item->widget()) {
            w->hide();
            w->deleteLater();
        }
        delete item;
    }
    m_lists.clear();
    m_headers.clear();
    m_voteButtons.clear();
    m_iEdits.clear();
    m_menus.clear();
    m_cardText.clear();
    const std::optional<Snapshot> loaded = workshopOrSay(m_session, m_message);
    if (!loaded)
        return;
    const Snapshot &s = *loaded;

    // The template's areas, then any other area a statement or theme uses.
    m_loading = true;
    const QString keep = m_area->currentText();
    QStringList areas = s.workshopTemplate.areas;
    QStringList keys;
    for (const QString &a : areas)
        keys << areaKey(a);
    auto addArea = [&](const QString &a) {
        if (!a.trimmed().isEmpty() && !keys.contains(areaKey(a))) {
            areas << a.trimmed();
            keys << areaKey(a);
        }
    };
    for (const PcrStatement &st : s.statements)
        addArea(st.area);
    for (const Theme &t : s.themes)
        addArea(t.area);
    m_area->clear();
    m_area->addItems(areas);
    int current = keep.isEmpty() ? -1 : int(keys.indexOf(areaKey(keep)));
    if (current < 0)
        // First visit: where the work is — the first area with I statements,
        // else with themes, else with statements.
        for (int want = 0; want < 3 && current < 0; ++want)
            for (int i = 0; i < areas.size() && current < 0; ++i) {
                const QString k = keys[i];
                const auto themeHere = [&](const Theme &t) { return areaKey(t.area) == k; };
                const bool found =
                    want == 0   ? std::any_of(s.nodes.begin(), s.nodes.end(),
                                              [&](const Node &n) {
                                                  const Theme *t = n.themeId ? s.theme(*n.themeId) : nullptr;
                                                  return t && themeHere(*t);
                                              })
                    : want == 1 ? std::any_of(s.themes.begin(), s.themes.end(), themeHere)
                                : std::any_of(s.statements.begin(), s.statements.end(),
                                              [&](const PcrStatement &st) { return areaKey(st.area) == k; });
                if (found)
                    current = i;
            }
    m_area->setCurrentIndex(std::max(current, 0));
    m_loading = false;
    const QString key = areaKey(m_area->currentText());

    QFont bold = font();
    bold.setBold(true);
    auto addColumn = [&](std::optional<Id> theme, const QString &title) {
        auto *column = new QFrame;
        column->setFrameShape(QFrame::StyledPanel);
        column->setMinimumWidth(230);
        column->setMaximumWidth(320);
        auto *v = new QVBoxLayout(column);
        v->setContentsMargins(6, 6, 6, 6);
        auto *header = new QLabel(title);
        header->setFont(bold);
        header->setWordWrap(true);
        v->addWidget(header);
        auto *list = new ThemeColumnList(this, theme);
        list->setAccessibleName(theme ? tr("Statements on %1").arg(title) : tr("Statements not sorted"));
        m_lists.insert(theme.value_or(0), list);
        if (theme) {
            m_headers.insert(*theme, header);
            auto *dot = new QPushButton(tr("+1 dot"));
            dot->setAccessibleName(tr("Add a dot vote to %1").arg(title));
            const Id id = *theme;
            // The command rebuilds the columns, this button included.
            connect(dot, &QPushButton::clicked, this, [this, id] { QTimer::singleShot(0, this, [this, id] { addDot(id); }); });
            m_voteButtons.insert(id, dot);
            auto *more = new QToolButton;
            more->setText(QStringLiteral("\u22EF"));
            more->setAccessibleName(tr("More for %1").arg(title));
            more->setPopupMode(QToolButton::InstantPopup);
            auto *menu = new QMenu(more);
            const QString name = title.section(QStringLiteral(" \u00B7 "), 0, 0);
            menu->addAction(tr("Rename…"), this, [this, id, name] {
                bool ok = false;
                const QString text = QInputDialog::getText(this, tr("Rename theme"), tr("Theme:"), QLineEdit::Normal, name, &ok);
                if (ok)
                    QTimer::singleShot(0, this, [this, id, text] { renameTheme(id, text); });
            });
            menu->addAction(tr("Take back a dot"), this, [this, id] { QTimer::singleShot(0, this, [this, id] { removeDot(id); }); });
            menu->addSeparator();
            menu->addAction(tr("&Delete theme…"), this, [this, id, name] {
                if (QMessageBox::question(this, tr("Confirm deletion"),
                                          tr("Do you want to delete the theme \u201C%1\u201D? Its statements go back to \u201CNot sorted\u201D; "
                                             "Ctrl+Z brings it back.")
                                              .arg(name))
                    == QMessageBox::Yes)
                    QTimer::singleShot(0, this, [this, id] { deleteTheme(id); });
            });
            more->setMenu(menu);
            m_menus.insert(id, menu);
            auto *buttons = new QHBoxLayout;
            buttons->addWidget(dot);
            buttons->addStretch(1);
            buttons->addWidget(more);
            v->addLayout(buttons);
            QStringList lines;
            for (const Node &n : s.nodes)
                if (n.kind == ItemKind::IStatement && n.themeId == id)
                    lines << QStringLiteral("<li>“%1”</li>").arg(n.text.toHtmlEscaped());
            auto *istatements = new QLabel(lines.isEmpty() ? tr("<i>No I statement yet</i>")
                                                           : QStringLiteral("<ul style='margin-left:-20px'>%1</ul>").arg(lines.join(QString())));
            istatements->setWordWrap(true);
            istatements->setTextFormat(Qt::RichText);
            v->addWidget(istatements);
            auto *edit = new QLineEdit;
            edit->setPlaceholderText(tr("Add I statement and press Return"));
            edit->setAccessibleName(tr("Add an I statement to %1").arg(title));
            connect(edit, &QLineEdit::returnPressed, this, [this, id, edit] {
                const QString text = edit->text();
                QTimer::singleShot(0, this, [this, id, text] { addIStatement(id, text); });
            });
            m_iEdits.insert(id, edit);
            v->addWidget(edit);
        }
        v->addWidget(list, 1);
        m_columns->addWidget(column);
    };

    int themes = 0, cards = 0;
    for (const Theme &t : s.themes) {
        if (areaKey(t.area) != key)
            continue;
        ++themes;
        const int votes = s.votesFor(ItemRef{ItemKind::Theme, t.id});
        addColumn(t.id, tr("%1 · %n vote(s)", nullptr, votes).arg(t.name));
    }
    addColumn(std::nullopt, tr("Not sorted"));
    for (const PcrStatement &st : s.statements) {
        if (areaKey(st.area) != key)
            continue;
        QListWidget *list = m_lists.value(st.themeId.value_or(0));
        if (!list)
            list = m_lists.value(0); // on a theme of another area: shown as not sorted here
        QStringList who;
        for (Id person : st.people)
            who << s.personName(person);
        const QString meta = st.rank ? tr("%1 · rank %2").arg(who.join(QStringLiteral(", "))).arg(*st.rank)
                                     : who.join(QStringLiteral(", "));
        auto *item = new QListWidgetItem(QStringLiteral("%1\n— %2").arg(oneLine(st.text, 160), meta), list);
        item->setData(StatementRole, qlonglong(st.id));
        item->setToolTip(st.text);
        m_cardText.insert(st.id, st.text);
        ++cards;
    }
    m_columns->addStretch(1);
    m_message->setText(tr("%n theme(s), %1 statement(s) in this area. Drag a card onto a theme to sort it, back to "
                          "\"Not sorted\" to take it off (Ctrl+Z undoes).",
                          nullptr, themes)
                           .arg(cards));
}

// ---- opening -------------------------------------------------------------------

QWidget *openWtfcView(ProjectSession &session, WorkbenchShell &shell, const QString &name)
{
    if (name == QLatin1String("wtfc-themes"))
        return shell.openTab(QStringLiteral("wtfcThemesView"), WtfcThemesView::tr("Themes and votes"),
                             [&] { return new WtfcThemesView(session); });
    if (name == QLatin1String("wtfc-graph"))
        return shell.openTab(QStringLiteral("wtfcGraphView"), WtfcGraphView::tr("Root causes"), [&] { return new WtfcGraphView(session); });
    if (name == QLatin1String("wtfc-solutions"))
        return shell.openTab(QStringLiteral("wtfcSolutionsView"), WtfcSolutionsView::tr("Success and solutions"),
                             [&] { return new WtfcSolutionsView(session); });
    if (name == QLatin1String("wtfc-grid"))
        return shell.openTab(QStringLiteral("wtfcGridView"), WtfcGridView::tr("Investment grid"), [&] { return new WtfcGridView(session); });
    if (name == QLatin1String("wtfc-actions"))
        return shell.openTab(QStringLiteral("wtfcActionsView"), WtfcActionsView::tr("Action plan"),
                             [&] { return new WtfcActionsView(session); });
    return nullptr;
}

QString exportWorkshopReport(ProjectSession &session, const QString &path)
{
    Project *project = session.project();
    if (!project)
        return ProjectSession::tr("Open a project first.");
    const QString format = QFileInfo(path).suffix().toLower();
    if (!QStringList{QStringLiteral("md"), QStringLiteral("html"), QStringLiteral("docx"), QStringLiteral("pdf")}.contains(format))
        return ProjectSession::tr("%1: a workshop report is .md, .html, .docx or .pdf").arg(QFileInfo(path).fileName());
    try {
        const Snapshot snap = Workshop(*project).snapshot();
        const std::vector<Render::ReportFile> files = Render::workshopReport(snap, analyse(snap), format, path);
        // Every file written in full before any replaces what was there.
        std::vector<std::unique_ptr<QSaveFile>> out;
        for (const Render::ReportFile &f : files) {
            auto file = std::make_unique<QSaveFile>(f.path);
            if (!file->open(QIODevice::WriteOnly) || file->write(f.bytes) != f.bytes.size())
                return ProjectSession::tr("%1: cannot write: %2").arg(QFileInfo(f.path).fileName(), file->errorString());
            out.push_back(std::move(file));
        }
        for (const auto &file : out) {
            if (!file->commit())
                return ProjectSession::tr("%1: cannot write: %2").arg(QFileInfo(file->fileName()).fileName(), file->errorString());
        }
    } catch (const Error &e) {
        return e.message();
    }
    return QString();
}

void addWorkshopMenu(QMenuBar *bar, ProjectSession &session, WorkbenchShell &shell)
{
    QMenu *menu = bar->addMenu(WtfcThemesView::tr("&Workshop"));
    menu->setObjectName(QStringLiteral("workshopMenu"));
    QWidget *w = shell.shellWidget();
    ProjectSession *s = &session;
    WorkbenchShell *sh = &shell;
    auto open = [s, sh](const QString &name) { return [s, sh, name] { openWtfcView(*s, *sh, name); }; };
    menu->addAction(WtfcThemesView::tr("&Themes and votes"), w, open(QStringLiteral("wtfc-themes")));
    menu->addAction(WtfcThemesView::tr("&Root-cause graph"), w, open(QStringLiteral("wtfc-graph")));
    menu->addAction(WtfcThemesView::tr("&Success statements and solutions"), w, open(QStringLiteral("wtfc-solutions")));
    menu->addAction(WtfcThemesView::tr("Investment &grid"), w, open(QStringLiteral("wtfc-grid")));
    menu->addAction(WtfcThemesView::tr("&Action plan"), w, open(QStringLiteral("wtfc-actions")));
    menu->addSeparator();
    QAction *exportReport = menu->addAction(WtfcThemesView::tr("&Export workshop report…"), w, [w, s] {
        if (!s->project())
            return;
        exportWithDialog(w, WtfcThemesView::tr("Export workshop report"),
                         WtfcThemesView::tr("Word (*.docx);;PDF (*.pdf);;HTML (*.html);;Markdown (*.md)"),
                         [s](const QString &path) { return exportWorkshopReport(*s, path); });
    });
    exportReport->setObjectName(QStringLiteral("exportWorkshopReport"));
}

} // namespace Quire
