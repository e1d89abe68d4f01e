// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <memory>
#include <QAbstractItemModel>
#include <QColor>
#include <vector>

namespace Quire {

class Project;

/// The code tree (theme → subtheme → code, any depth) of a project as a
/// read-only item model. A code with several parents appears under each of
/// them; every row knows the path it was reached by. Column 0 is the name with
/// a colour swatch, column 1 the number of segments coded with the code itself,
/// column 2 (rows with children) the distinct segments of the whole subtree.
/// Rows can be dragged (codeMimeType(): their paths, one a line); the view
/// handles the drop (CodeTreeView), of codes or of text from the document view.
class CodeTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role { CodeIdRole = Qt::UserRole + 1, PathRole, SegmentCountRole, SubtreeCountRole };
    enum Column { NameColumn = 0, CountColumn = 1, TotalColumn = 2, ColumnCount = 3 };

    static QString codeMimeType();

    explicit CodeTreeModel(QObject *parent = nullptr);
    ~CodeTreeModel() override;

    /// Rebuilds the tree from \a project (nullptr: empty).
    void reload(const Project *project);

    /// The first row showing \a codeId (a multi-parent code has several), or invalid.
    QModelIndex indexOfCode(Id codeId, int column = NameColumn) const;
    /// Every row showing \a codeId.
    QModelIndexList indexesOfCode(Id codeId) const;
    /// The code's colour as stored, or a stable colour derived from its id.
    static QColor colorFor(const Code &code);

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;

private:
    struct Node
    {
        Id codeId = 0;
        QString name;
        QString path;
        QString description;
        QColor color;
        qsizetype segments = 0;
        qsizetype subtree = 0;
        Node *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    Node *nodeFor(const QModelIndex &index) const;

    std::unique_ptr<Node> m_root;
};

} // namespace Quire
