// SPDX-License-Identifier: GPL-3.0-or-later
#include "codetreemodel.h"

#include "documentview.h"
#include "model/project.h"

#include <functional>
#include <QHash>
#include <QMimeData>
#include <QSet>

namespace Quire {

CodeTreeModel::CodeTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{}

CodeTreeModel::~CodeTreeModel() = default;

QColor CodeTreeModel::colorFor(const Code &code)
{
    const QColor stored(code.color);
    if (!code.color.isEmpty() && stored.isValid())
        return stored;
    // Codes without a colour still need distinct, stable highlights: spread
    // hues by the golden angle so neighbouring ids do not look alike.
    const int hue = int((code.id * 137) % 360);
    return QColor::fromHsv(hue, 150, 220);
}

void CodeTreeModel::reload(const Project *project)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    if (project) {
        QHash<Id, Code> codes;
        for (const Code &c : project->codes())
            codes.insert(c.id, c);
        QHash<Id, qsizetype> counts;
        QHash<Id, QSet<Id>> segmentsOf;
        // One pass over the segments instead of one query per code.
        for (const Segment &s : project->segments())
            for (Id c : s.codes) {
                ++counts[c];
                segmentsOf[c].insert(s.id);
            }
        // Subtree totals count a segment once even if it has two codes of the subtree.
        QHash<Id, QSet<Id>> subtreeOf;
        std::function<QSet<Id>(Id, int)> subtree = [&](Id id, int depth) -> QSet<Id> {
            if (subtreeOf.contains(id))
                return subtreeOf.value(id);
            QSet<Id> all = segmentsOf.value(id);
            if (depth <= 64)
                for (Id child : project->children(id))
                    all.unite(subtree(child, depth + 1));
            subtreeOf.insert(id, all);
            return all;
        };
        std::function<void(Node *, std::optional<Id>, int)> fill = [&](Node *parentNode, std::optional<Id> parentId,
                                                                       int depth) {
            // The store refuses cycles; the depth bound only guards against a damaged file.
            if (depth > 64)
                return;
            for (Id id : project->children(parentId)) {
                const Code c = codes.value(id);
                auto node = std::make_unique<Node>();
                node->codeId = id;
                node->name = c.name;
                node->description = c.description;
                node->path = parentNode == m_root.get() ? c.name : parentNode->path + QLatin1Char('/') + c.name;
                node->color = colorFor(c);
                node->segments = counts.value(id);
                node->subtree = subtree(id, depth).size();
                node->parent = parentNode;
                node->row = int(parentNode->children.size());
                Node *raw = node.get();
                parentNode->children.push_back(std::move(node));
                fill(raw, id, depth + 1);
            }
        };
        fill(m_root.get(), std::nullopt, 0);
    }
    endResetModel();
}

CodeTreeModel::Node *CodeTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex CodeTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount)
        return {};
    const Node *p = nodeFor(parent);
    if (row < 0 || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex CodeTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *n = nodeFor(child);
    if (!n->parent || n->parent == m_root.get())
        return {};
    return createIndex(n->parent->row, 0, n->parent);
}

int CodeTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int CodeTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CodeTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return n->name;
        if (index.column() == TotalColumn)
            return n->children.empty() ? QString() : QStringLiteral("(%1)").arg(n->subtree);
        return QString::number(n->segments);
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return n->color;
        return {};
    case Qt::ToolTipRole:
        return n->description.isEmpty() ? n->path : n->path + QLatin1Char('\n') + n->description;
    case Qt::TextAlignmentRole:
        if (index.column() != NameColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case CodeIdRole:
        return n->codeId;
    case PathRole:
        return n->path;
    case SegmentCountRole:
        return qlonglong(n->segments);
    case SubtreeCountRole:
        return qlonglong(n->subtree);
    default:
        return {};
    }
}

QVariant CodeTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == NameColumn)
        return tr("Code");
    return section == CountColumn ? tr("Segments") : tr("Subtree");
}

QString CodeTreeModel::codeMimeType()
{
    return QStringLiteral("application/x-quire-code-paths");
}

Qt::ItemFlags CodeTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
}

QStringList CodeTreeModel::mimeTypes() const
{
    // Text dragged from the document view can be dropped on a row too (the
    // view codes it); listing it lets the view show where it would go.
    return {codeMimeType(), DocumentView::textRangeMimeType()};
}

QMimeData *CodeTreeModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList paths;
    for (const QModelIndex &i : indexes) {
        const QString path = i.siblingAtColumn(NameColumn).data(PathRole).toString();
        if (!path.isEmpty() && !paths.contains(path))
            paths << path;
    }
    if (paths.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(codeMimeType(), paths.join(QLatin1Char('\n')).toUtf8());
    mime->setText(paths.join(QLatin1Char('\n')));
    return mime;
}

Qt::DropActions CodeTreeModel::supportedDragActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

Qt::DropActions CodeTreeModel::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

QModelIndexList CodeTreeModel::indexesOfCode(Id codeId) const
{
    QModelIndexList out;
    std::function<void(const Node *)> walk = [&](const Node *n) {
        for (const auto &c : n->children) {
            if (c->codeId == codeId)
                out << createIndex(c->row, NameColumn, c.get());
            walk(c.get());
        }
    };
    walk(m_root.get());
    return out;
}

QModelIndex CodeTreeModel::indexOfCode(Id codeId, int column) const
{
    const QModelIndexList all = indexesOfCode(codeId);
    if (all.isEmpty())
        return {};
    return all.first().siblingAtColumn(column);
}

} // namespace Quire
