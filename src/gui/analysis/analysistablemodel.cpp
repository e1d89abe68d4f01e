// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/analysistablemodel.h"

#include "backgroundjob.h"
#include "jobs/projectjobs.h"
#include "projectsession.h"
#include "workbenchshell.h"

#include "error.h"
#include "model/project.h"
#include "tablesfile.h"

#include <algorithm>
#include <set>

namespace Quire {

using namespace Quire::Analysis;

namespace {

bool looksNumeric(const QString &text)
{
    bool ok = false;
    text.toDouble(&ok);
    return ok;
}

} // namespace

// ---- AnalysisTableModel --------------------------------------------------------

AnalysisTableModel::AnalysisTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AnalysisTableModel::setTable(const AnalysisTable &table)
{
    beginResetModel();
    m_table = table;
    endResetModel();
}

int AnalysisTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int AnalysisTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.header.size());
}

QVariant AnalysisTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || std::size_t(index.row()) >= m_table.rows.size())
        return {};
    const QString text = m_table.rows[std::size_t(index.row())].value(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return text;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment(looksNumeric(text) ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant AnalysisTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && (role == Qt::DisplayRole || role == Qt::ToolTipRole))
        return m_table.header.value(section); // the tooltip: a long code path in full
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace Quire
