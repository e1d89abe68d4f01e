// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/crosstabview.h"

#include "analysis/analysisoperations.h"
#include "analysis/analysisviewsupport.h"
#include "backgroundjob.h"
#include "jobs/projectjobs.h"
#include "projectsession.h"
#include "workbenchshell.h"

#include "error.h"
#include "model/project.h"
#include "tablesfile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace Quire {

using namespace Quire::Analysis;
using namespace Quire::AnalysisViews;

// ---- CrosstabView ---------------------------------------------------------------

CrosstabView::CrosstabView(ProjectSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("crosstabView"));
    setAccessibleName(tr("Crosstab"));
    m_columns = new QComboBox;
    m_columns->setAccessibleName(tr("Columns"));
    m_unit = new QComboBox;
    m_unit->setAccessibleName(tr("Cells count"));
    m_unit->addItem(tr("segments"), int(CountUnit::Segments));
    m_unit->addItem(tr("documents"), int(CountUnit::Documents));
    m_unit->addItem(tr("cases"), int(CountUnit::Cases));
    m_cells = new QComboBox;
    m_cells->setAccessibleName(tr("Figures"));
    m_cells->addItem(tr("counts"), int(Crosstab::Cells::Counts));
    m_cells->addItem(tr("% of row"), int(Crosstab::Cells::RowPercent));
    m_cells->addItem(tr("% of column"), int(Crosstab::Cells::ColumnPercent));
    m_coder = new QComboBox;
    m_coder->setAccessibleName(tr("Coder"));
    m_subcodes = new QCheckBox(tr("including sub-codes"));
    m_subcodes->setChecked(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Columns:")));
    bar->addWidget(m_columns);
    bar->addWidget(new QLabel(tr("Cells count:")));
    bar->addWidget(m_unit);
    bar->addWidget(new QLabel(tr("Show:")));
    bar->addWidget(m_cells);
    bar->addWidget(new QLabel(tr("Coder:")));
    bar->addWidget(m_coder);
    bar->addWidget(m_subcodes);
    bar->addStretch(1);
    auto *exportButton = new QPushButton(tr("Export…"));
    exportButton->setObjectName(QStringLiteral("crosstabExport"));
    bar->addWidget(exportButton);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        exportWithDialog(this, tr("Export crosstab"), tableFileFilters(),
                         [this](const QString &path) { return exportTables(path); });
    });

    m_model = new AnalysisTableModel(this);
    m_table = makeTable(m_model, QStringLiteral("crosstabTable"));
    m_status = new QLabel;
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    for (QComboBox *c : {m_columns, m_unit, m_cells, m_coder})
        connect(c, &QComboBox::currentIndexChanged, this, [this] { recompute(); });
    connect(m_subcodes, &QCheckBox::toggled, this, [this] { recompute(); });
    connect(&m_session, &ProjectSession::changed, this, [this](ProjectSession::Changes what) {
        if (what & AnalysisInputs)
            reload();
    });
    reload();
}

void CrosstabView::reload()
{
    m_loading = true;
    const QString column = m_columns->currentData().toString();
    const QString coder = m_coder->currentData().toString();
    m_columns->clear();
    m_coder->clear();
    m_coder->addItem(tr("everyone"), QString());
    if (Project *p = m_session.project()) {
        std::set<QString> names;
        for (const AttributeDef &d : p->attributeDefs())
            names.insert(d.name);
        for (const QString &n : names)
            m_columns->addItem(tr("attribute: %1").arg(n), n);
        for (const QString &c : projectCoders(*p))
            m_coder->addItem(c, c);
    }
    m_columns->addItem(tr("documents"), QStringLiteral("\x01"
                                                       "document"));
    m_columns->addItem(tr("cases"), QStringLiteral("\x01"
                                                   "case"));
    const int ci = m_columns->findData(column);
    m_columns->setCurrentIndex(ci >= 0 ? ci : 0);
    const int ki = m_coder->findData(coder);
    m_coder->setCurrentIndex(ki >= 0 ? ki : 0);
    m_loading = false;
    recompute();
}

bool CrosstabView::setColumns(const QString &columns)
{
    int i = m_columns->findData(columns);
    if (i < 0)
        i = m_columns->findData(QStringLiteral("\x01") + columns);
    if (i < 0)
        return false;
    m_columns->setCurrentIndex(i);
    return true;
}

void CrosstabView::setUnit(CountUnit unit)
{
    m_unit->setCurrentIndex(m_unit->findData(int(unit)));
}

void CrosstabView::setCells(Crosstab::Cells cells)
{
    m_cells->setCurrentIndex(m_cells->findData(int(cells)));
}

void CrosstabView::setIncludeSubcodes(bool on)
{
    m_subcodes->setChecked(on);
}

QString CrosstabView::cell(const QString &codePath, const QString &column) const
{
    const AnalysisTable &t = m_model->table();
    const qsizetype c = t.header.indexOf(column);
    if (c < 0)
        return QString();
    for (const QStringList &row : t.rows)
        if (row.value(0) == codePath)
            return row.value(c);
    return QString();
}

void CrosstabView::recompute()
{
    if (m_loading)
        return;
    m_error.clear();
    m_result = Crosstab();
    Project *p = m_session.project();
    if (!p) {
        m_model->setTable(AnalysisTable());
        m_status->setText(tr("Open a project to see its crosstab."));
        return;
    }
    CrosstabOptions o;
    const QString column = m_columns->currentData().toString();
    if (column == QStringLiteral("\x01"
                                 "document"))
        o.columns = ColumnKind::Document;
    else if (column == QStringLiteral("\x01"
                                      "case"))
        o.columns = ColumnKind::Case;
    else
        o.attribute = column;
    o.unit = CountUnit(m_unit->currentData().toInt());
    o.includeSubcodes = m_subcodes->isChecked();
    o.coder = m_coder->currentData().toString();
    try {
        m_result = computeCrosstab(*p, o);
        const AnalysisTable t = m_result.table(Crosstab::Cells(m_cells->currentData().toInt()));
        m_model->setTable(t);
        m_status->setText(tr("%1 — %n code(s) × %2 column(s); %3 %4 in all. A total counts distinct %4, so "
                             "cells can add up to more.",
                             nullptr, int(m_result.rows.size()))
                              .arg(t.title)
                              .arg(m_result.columns.size())
                              .arg(m_result.grandTotal)
                              .arg(toString(m_result.unit)));
    } catch (const Error &e) {
        m_error = e.message();
        m_model->setTable(AnalysisTable());
        m_status->setText(m_error);
    }
    m_table->resizeColumnsToContents();
}

QString CrosstabView::exportTables(const QString &path)
{
    Project *p = m_session.project();
    if (!p || !m_error.isEmpty() || m_result.rows.empty())
        return tr("%1: nothing to export: %2")
            .arg(QFileInfo(path).fileName(), m_error.isEmpty() ? tr("no code has segments") : m_error);
    const auto shown = Crosstab::Cells(m_cells->currentData().toInt());
    std::vector<AnalysisTable> tables{m_result.table(shown)};
    if (QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) != 0) {
        for (Crosstab::Cells c : {Crosstab::Cells::Counts, Crosstab::Cells::RowPercent, Crosstab::Cells::ColumnPercent})
            if (c != shown)
                tables.push_back(m_result.table(c));
    }
    try {
        Render::writeTables(path, tables, tr("Crosstab"), p->fileName());
    } catch (const Error &e) {
        return e.message();
    }
    return QString();
}

} // namespace Quire
