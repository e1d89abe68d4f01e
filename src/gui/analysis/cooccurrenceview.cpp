// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/cooccurrenceview.h"

#include "analysis/analysisoperations.h"
#include "analysis/analysisviewsupport.h"
#include "backgroundjob.h"
#include "jobs/projectjobs.h"
#include "projectsession.h"
#include "workbenchshell.h"

#include "error.h"
#include "model/project.h"
#include "tablesfile.h"

#include <QComboBox>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QXmlStreamReader>

#ifdef QUIRE_HAVE_SVG
#include <QGraphicsSvgItem>
#include <QSvgRenderer>
#endif

#include <algorithm>
#include <set>

namespace Quire {

using namespace Quire::Analysis;
using namespace Quire::AnalysisViews;

// ---- CooccurrenceView -----------------------------------------------------------

CooccurrenceView::CooccurrenceView(ProjectSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("cooccurrenceView"));
    setAccessibleName(tr("Co-occurrence"));
    m_mode = new QComboBox;
    m_mode->setAccessibleName(tr("Together means"));
    m_mode->addItem(tr("passages overlap"), int(CooccurrenceMode::Overlap));
    m_mode->addItem(tr("passages near each other"), int(CooccurrenceMode::Near));
    m_mode->addItem(tr("same speaker turn"), int(CooccurrenceMode::Turn));
    m_mode->addItem(tr("same document"), int(CooccurrenceMode::Document));
    m_distance = new QSpinBox;
    m_distance->setAccessibleName(tr("Within characters"));
    m_distance->setRange(0, 100000);
    m_distance->setValue(200);
    m_distance->setSuffix(tr(" characters"));
    m_distance->setEnabled(false);
    m_figures = new QComboBox;
    m_figures->setAccessibleName(tr("Figures"));
    m_figures->addItem(tr("counts"));
    m_figures->addItem(tr("coefficients"));
    m_figures->addItem(tr("pairs"));
    m_coder = new QComboBox;
    m_coder->setAccessibleName(tr("Coder"));
    m_minCount = new QSpinBox;
    m_minCount->setAccessibleName(tr("Graph: pairs seen at least"));
    m_minCount->setRange(1, 100000);
    auto *exportButton = new QPushButton(tr("Export…"));
    exportButton->setObjectName(QStringLiteral("cooccurrenceExport"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Together:")));
    bar->addWidget(m_mode);
    bar->addWidget(m_distance);
    bar->addWidget(new QLabel(tr("Show:")));
    bar->addWidget(m_figures);
    bar->addWidget(new QLabel(tr("Coder:")));
    bar->addWidget(m_coder);
    bar->addWidget(new QLabel(tr("Graph from:")));
    bar->addWidget(m_minCount);
    bar->addStretch(1);
    bar->addWidget(exportButton);

    m_model = new AnalysisTableModel(this);
    m_table = makeTable(m_model, QStringLiteral("cooccurrenceTable"));
    m_table->setTextElideMode(Qt::ElideLeft);
    m_table->horizontalHeader()->setTextElideMode(Qt::ElideLeft);
    m_scene = new QGraphicsScene(this);
    m_graphView = new QGraphicsView(m_scene);
    m_graphView->setObjectName(QStringLiteral("cooccurrenceGraph"));
    m_graphView->setAccessibleName(tr("Code relations graph"));
    m_graphView->setRenderHint(QPainter::Antialiasing);
    m_graphView->setDragMode(QGraphicsView::ScrollHandDrag);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_table);
    split->addWidget(m_graphView);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    m_status = new QLabel;
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        m_distance->setEnabled(CooccurrenceMode(m_mode->currentData().toInt()) == CooccurrenceMode::Near);
        recompute();
    });
    for (QComboBox *c : {m_figures, m_coder})
        connect(c, &QComboBox::currentIndexChanged, this, [this] { recompute(); });
    connect(m_distance, &QSpinBox::valueChanged, this, [this] { recompute(); });
    connect(m_minCount, &QSpinBox::valueChanged, this, [this] { drawGraph(); });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        exportWithDialog(this, tr("Export co-occurrence"), tableFileFilters(),
                         [this](const QString &path) { return exportTables(path); });
    });
    connect(&m_session, &ProjectSession::changed, this, [this](ProjectSession::Changes what) {
        if (what & AnalysisInputs)
            reload();
    });
    reload();
}

void CooccurrenceView::reload()
{
    m_loading = true;
    const QString coder = m_coder->currentData().toString();
    m_coder->clear();
    m_coder->addItem(tr("everyone"), QString());
    if (Project *p = m_session.project()) {
        for (const QString &c : projectCoders(*p))
            m_coder->addItem(c, c);
    }
    const int ki = m_coder->findData(coder);
    m_coder->setCurrentIndex(ki >= 0 ? ki : 0);
    m_loading = false;
    recompute();
}

void CooccurrenceView::setMode(CooccurrenceMode mode, qsizetype distance)
{
    m_loading = true;
    if (mode == CooccurrenceMode::Near)
        m_distance->setValue(int(distance));
    m_loading = false;
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
    recompute();
}

void CooccurrenceView::setFigures(int figures)
{
    m_figures->setCurrentIndex(figures);
}

QString CooccurrenceView::cell(const QString &rowCode, const QString &columnCode) const
{
    const AnalysisTable &t = m_model->table();
    const qsizetype c = t.header.indexOf(columnCode);
    if (c < 0)
        return QString();
    for (const QStringList &row : t.rows)
        if (row.value(0) == rowCode)
            return row.value(c);
    return QString();
}

void CooccurrenceView::recompute()
{
    if (m_loading)
        return;
    m_error.clear();
    m_result = Cooccurrence();
    Project *p = m_session.project();
    if (!p) {
        m_model->setTable(AnalysisTable());
        m_status->setText(tr("Open a project to see which codes occur together."));
        drawGraph();
        return;
    }
    CooccurrenceOptions o;
    o.mode = CooccurrenceMode(m_mode->currentData().toInt());
    o.distance = o.mode == CooccurrenceMode::Near ? m_distance->value() : 0;
    o.coder = m_coder->currentData().toString();
    try {
        m_result = computeCooccurrence(*p, o);
        const int figures = m_figures->currentIndex();
        m_model->setTable(figures == 2 ? m_result.pairs() : m_result.matrix(figures == 1));
        QString text = tr("%n code(s) with segments; ", nullptr, int(m_result.codes.size())) +
                       tr("%n pair(s) occur together.", nullptr, int(m_result.pairs().rows.size()));
        if (m_result.outsideTurns > 0)
            text += QLatin1Char(' ') + tr("%n coded passage(s) lie in no speaker turn and are left out.", nullptr,
                                          int(m_result.outsideTurns));
        if (figures == 1)
            text += QLatin1Char(' ') + tr("Coefficient: n₁₂ / (n₁ + n₂ − n₁₂), 0 to 1.");
        m_status->setText(text);
    } catch (const Error &e) {
        m_error = e.message();
        m_model->setTable(AnalysisTable());
        m_status->setText(m_error);
    }
    m_table->resizeColumnsToContents();
    // Code paths are long: the first column is cut from the left, so the
    // code's own name and the figures stay in sight.
    if (m_table->columnWidth(0) > 260)
        m_table->setColumnWidth(0, 260);
    for (int c = 1; c < m_model->columnCount(); ++c) {
        if (m_table->columnWidth(c) > 110)
            m_table->setColumnWidth(c, 110);
    }
    drawGraph();
}

void CooccurrenceView::drawGraph()
{
    m_scene->clear();
    m_graphNodes = 0;
    if (m_result.codes.empty())
        return;
    if (!graphvizAvailable()) {
        m_scene->addText(tr("The graph needs Graphviz, which this build does not have; the table has every figure."));
        return;
    }
#ifdef QUIRE_HAVE_SVG
    try {
        const QByteArray svg = m_result.toSvg(m_minCount->value());
        auto *renderer = new QSvgRenderer(svg, m_scene);
        auto *item = new QGraphicsSvgItem;
        item->setSharedRenderer(renderer);
        m_scene->addItem(item);
        m_scene->setSceneRect(item->boundingRect());
        QXmlStreamReader xml(svg);
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("g") &&
                xml.attributes().value(QStringLiteral("class")) == QLatin1String("node"))
                ++m_graphNodes;
        }
        m_graphView->fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
    } catch (const Error &e) {
        m_scene->addText(e.message());
    }
#else
    m_scene->addText(tr("The graph needs Qt Svg, which this build does not have; the table has every figure."));
#endif
}

QString CooccurrenceView::exportTables(const QString &path)
{
    Project *p = m_session.project();
    if (!p || m_result.codes.empty())
        return tr("%1: nothing to export: no code has segments").arg(QFileInfo(path).fileName());
    try {
        // CSV holds one table: the one shown.
        const bool csv = QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0;
        Render::writeTables(
            path,
            csv ? std::vector<AnalysisTable>{m_model->table()}
                : std::vector<AnalysisTable>{m_result.matrix(false), m_result.matrix(true), m_result.pairs()},
            tr("Code co-occurrence"), p->fileName());
    } catch (const Error &e) {
        return e.message();
    }
    return QString();
}

} // namespace Quire
