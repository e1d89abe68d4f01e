// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/frequencyview.h"

#include "analysis/analysisviewsupport.h"
#include "backgroundjob.h"
#include "jobs/projectjobs.h"
#include "projectsession.h"
#include "workbenchshell.h"

#include "error.h"
#include "model/project.h"
#include "tablesfile.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

#ifdef QUIRE_HAVE_CHARTS
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QValueAxis>
#endif

namespace Quire {

using namespace Quire::Analysis;
using namespace Quire::AnalysisViews;

// ---- FrequencyView --------------------------------------------------------------

FrequencyView::FrequencyView(ProjectSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("frequencyView"));
    setAccessibleName(tr("Code frequencies"));
    m_axis = new QComboBox;
    m_axis->setAccessibleName(tr("Along"));
    m_axis->addItem(tr("documents"), int(FrequencyAxis::Document));
    m_axis->addItem(tr("speakers"), int(FrequencyAxis::Speaker));
    m_level = new QComboBox;
    m_level->setAccessibleName(tr("Codes"));
    m_level->addItem(tr("top-level codes (with sub-codes)"), 0);
    m_level->addItem(tr("every code"), 1);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Along:")));
    bar->addWidget(m_axis);
    bar->addWidget(new QLabel(tr("Codes:")));
    bar->addWidget(m_level);
    bar->addStretch(1);
    m_model = new AnalysisTableModel(this);
    m_table = makeTable(m_model, QStringLiteral("frequencyTable"));
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_chartHost = new QWidget;
    auto *hostLayout = new QVBoxLayout(m_chartHost);
    hostLayout->setContentsMargins(0, 0, 0, 0);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_chartHost);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    for (QComboBox *c : {m_axis, m_level})
        connect(c, &QComboBox::currentIndexChanged, this, [this] { recompute(); });
    connect(&m_session, &ProjectSession::changed, this, [this](ProjectSession::Changes what) {
        if (what & AnalysisInputs)
            reload();
    });
    reload();
}

void FrequencyView::reload()
{
    recompute();
}

void FrequencyView::recompute()
{
    m_error.clear();
    m_result = Frequencies();
    // The chart is rebuilt from scratch: series and axes belong to it.
    while (QLayoutItem *item = m_chartHost->layout()->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    Project *p = m_session.project();
    if (!p) {
        m_model->setTable(AnalysisTable());
        m_status->setText(tr("Open a project to see its code frequencies."));
        return;
    }
    FrequencyOptions o;
    o.axis = FrequencyAxis(m_axis->currentData().toInt());
    if (m_level->currentData().toInt() == 0) {
        for (const Code &c : p->codes())
            if (c.parents.empty())
                o.codePaths << c.name;
    }
    try {
        m_result = computeFrequencies(*p, o);
        m_model->setTable(m_result.table());
        m_status->setText(tr("Counted segments per code along %n %1 (facilitators' segments left out).", nullptr,
                             int(m_result.labels.size()))
                              .arg(o.axis == FrequencyAxis::Document ? tr("document(s)") : tr("speaker(s)")));
    } catch (const Error &e) {
        m_error = e.message();
        m_model->setTable(AnalysisTable());
        m_status->setText(m_error);
        return;
    }
    m_table->resizeColumnsToContents();
#ifdef QUIRE_HAVE_CHARTS
    auto *chart = new QChart;
    auto *series = new QBarSeries;
    qint64 top = 0;
    for (std::size_t c = 0; c < m_result.counts.size(); ++c) {
        auto *set = new QBarSet(m_result.paths.value(qsizetype(c)));
        for (qint64 v : m_result.counts[c]) {
            *set << double(v);
            top = std::max(top, v);
        }
        series->append(set);
    }
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    QStringList labels;
    for (const QString &l : std::as_const(m_result.labels))
        labels << (l.size() > 26 ? l.left(25) + QChar(0x2026) : l);
    x->append(labels);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, double(std::max<qint64>(top, 1)));
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(tr("segments"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setTitle(m_result.table().title);
    auto *view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setObjectName(QStringLiteral("frequencyChart"));
    m_chartHost->layout()->addWidget(view);
#else
    auto *note = new QLabel(tr("This build has no Qt Charts: the frequencies are shown as a table only."));
    m_chartHost->layout()->addWidget(note);
#endif
}

} // namespace Quire
