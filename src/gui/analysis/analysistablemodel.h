// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/table.h"

#include <QAbstractTableModel>

namespace Quire {

/// An AnalysisTable (the same table the CLI prints) as a read-only item model;
/// numbers are right-aligned so columns of figures read down.
class AnalysisTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit AnalysisTableModel(QObject *parent = nullptr);
    void setTable(const Analysis::AnalysisTable &table);
    const Analysis::AnalysisTable &table() const { return m_table; }
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Analysis::AnalysisTable m_table;
};

} // namespace Quire
