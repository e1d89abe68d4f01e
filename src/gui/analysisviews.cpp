// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysisviews.h"

#include "backgroundjob.h"
#include "jobs/projectjobs.h"
#include "projectsession.h"
#include "workbenchshell.h"

#include "error.h"
#include "model/project.h"
#include "tablesfile.h"


#include <QCheckBox>
#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QMessageBox>
#include <QPushButton>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSet>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QXmlStreamReader>

#ifdef QUIRE_HAVE_SVG
#include <QGraphicsSvgItem>
#include <QSvgRenderer>
#endif

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

namespace {

bool looksNumeric(const QString &text)
{
    bool ok = false;
    text.toDouble(&ok);
    return ok;
}

/// Distinct coder names of the project's segments, sorted.
QStringList projectCoders(Project &project)
{
    std::set<QString> names;
    for (const Segment &s : project.segments())
        if (!s.coder.isEmpty())
            names.insert(s.coder);
    return QStringList(names.begin(), names.end());
}

QTableView *makeTable(QAbstractItemModel *model, const QString &name)
{
    auto *t = new QTableView;
    t->setObjectName(name);
    t->setAccessibleName(name);
    t->setModel(model);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setAlternatingRowColors(true);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setHighlightSections(false);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
    // Code paths are cut at the front: the leaf names the code.
    t->setTextElideMode(Qt::ElideLeft);
    t->setWordWrap(false);
    return t;
}

/// What the analysis views compute from: a change to quotes, memos or the workshop alone leaves them as they are.
constexpr ProjectSession::Changes AnalysisInputs =
    ProjectSession::Documents | ProjectSession::Codes | ProjectSession::Segments | ProjectSession::Cases;

} // namespace

// ---- AnalysisTableModel --------------------------------------------------------

AnalysisTableModel::AnalysisTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

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
        return QVariant::fromValue(Qt::Alignment(looksNumeric(text) ? Qt::AlignRight | Qt::AlignVCenter
                                                                    : Qt::AlignLeft | Qt::AlignVCenter));
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
    m_columns->addItem(tr("documents"), QStringLiteral("\x01" "document"));
    m_columns->addItem(tr("cases"), QStringLiteral("\x01" "case"));
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
    if (column == QStringLiteral("\x01" "document"))
        o.columns = ColumnKind::Document;
    else if (column == QStringLiteral("\x01" "case"))
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

// ---- AgreementView --------------------------------------------------------------

AgreementView::AgreementView(ProjectSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("agreementView"));
    setAccessibleName(tr("Agreement between coders"));
    m_coders = new QListWidget;
    m_coders->setObjectName(QStringLiteral("agreementCoders"));
    m_coders->setAccessibleName(tr("Coders"));
    // Coders side by side on one line: there are rarely more than a handful.
    m_coders->setFlow(QListView::LeftToRight);
    m_coders->setWrapping(true);
    m_coders->setFixedHeight(m_coders->fontMetrics().height() * 2 + 10);
    m_unit = new QComboBox;
    m_unit->setAccessibleName(tr("Unit"));
    m_unit->addItem(tr("sentence"), int(AgreementUnit::Sentence));
    m_unit->addItem(tr("paragraph"), int(AgreementUnit::Paragraph));
    m_unit->addItem(tr("speaker turn"), int(AgreementUnit::Turn));
    m_bootstrap = new QSpinBox;
    m_bootstrap->setAccessibleName(tr("Bootstrap replicates"));
    m_bootstrap->setRange(0, 10000);
    m_bootstrap->setSingleStep(100);
    m_bootstrap->setValue(1000);
    m_silentMissing = new QCheckBox(tr("a coder who coded nothing in a document did not code it"));

    auto *form = new QFormLayout;
    form->addRow(tr("Coders:"), m_coders);
    auto *opts = new QHBoxLayout;
    opts->addWidget(m_unit);
    opts->addWidget(new QLabel(tr("Bootstrap:")));
    opts->addWidget(m_bootstrap);
    opts->addWidget(m_silentMissing, 1);
    form->addRow(tr("Unit:"), opts);

    m_codeModel = new AnalysisTableModel(this);
    m_codeTable = makeTable(m_codeModel, QStringLiteral("agreementCodes"));
    m_disModel = new AnalysisTableModel(this);
    m_disTable = makeTable(m_disModel, QStringLiteral("agreementDisagreements"));
    m_detail = new QPlainTextEdit;
    m_detail->setReadOnly(true);
    m_detail->setAccessibleName(tr("Disagreement text"));
    m_detail->setMaximumHeight(90);
    m_status = new QLabel;
    m_status->setWordWrap(true);

    auto *disBox = new QWidget;
    auto *disLayout = new QVBoxLayout(disBox);
    disLayout->setContentsMargins(0, 0, 0, 0);
    disLayout->addWidget(new QLabel(tr("Units the coders disagree on (select one to read the whole unit):")));
    disLayout->addWidget(m_disTable, 1);
    disLayout->addWidget(m_detail);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_codeTable);
    split->addWidget(disBox);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);

    connect(m_coders, &QListWidget::itemChanged, this, [this] { recompute(); });
    connect(m_unit, &QComboBox::currentIndexChanged, this, [this] { recompute(); });
    connect(m_bootstrap, &QSpinBox::editingFinished, this, [this] { recompute(); });
    connect(m_silentMissing, &QCheckBox::toggled, this, [this] { recompute(); });
    connect(m_disTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &i) { showDisagreement(i.row()); });
    connect(&m_session, &ProjectSession::changed, this, [this](ProjectSession::Changes what) {
        if (what & AnalysisInputs)
            reload();
    });
    reload();
}

QStringList AgreementView::checkedCoders() const
{
    QStringList out;
    for (int i = 0; i < m_coders->count(); ++i)
        if (m_coders->item(i)->checkState() == Qt::Checked)
            out << m_coders->item(i)->text();
    return out;
}

void AgreementView::reload()
{
    m_loading = true;
    const QStringList before = checkedCoders();
    const bool first = m_coders->count() == 0;
    m_coders->clear();
    if (Project *p = m_session.project()) {
        for (const QString &c : projectCoders(*p)) {
            auto *item = new QListWidgetItem(c, m_coders);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(first || before.contains(c) ? Qt::Checked : Qt::Unchecked);
        }
    }
    m_loading = false;
    recompute();
}

void AgreementView::setCoders(const QStringList &coders)
{
    m_loading = true;
    for (int i = 0; i < m_coders->count(); ++i)
        m_coders->item(i)->setCheckState(coders.contains(m_coders->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
    m_loading = false;
    recompute();
}

void AgreementView::setUnit(AgreementUnit unit)
{
    m_unit->setCurrentIndex(m_unit->findData(int(unit)));
}

void AgreementView::setBootstrap(int replicates)
{
    m_bootstrap->setValue(replicates);
    recompute();
}

void AgreementView::showDisagreement(int row)
{
    if (row < 0 || std::size_t(row) >= m_result.disagreements.size()) {
        m_detail->clear();
        return;
    }
    const Disagreement &d = m_result.disagreements[std::size_t(row)];
    QStringList values;
    for (qsizetype i = 0; i < m_result.coders.size(); ++i) {
        const int v = std::size_t(i) < d.values.size() ? d.values[std::size_t(i)] : Missing;
        values << tr("%1: %2").arg(m_result.coders[i], v == Missing ? tr("missing") : v ? tr("applied") : tr("not applied"));
    }
    m_detail->setPlainText(tr("%1 — %2 [%3–%4]\n%5\n\n%6")
                               .arg(d.codePath, d.document)
                               .arg(d.start)
                               .arg(d.end)
                               .arg(values.join(QStringLiteral("   ")), d.text));
}

void AgreementView::recompute()
{
    if (m_loading)
        return;
    m_error.clear();
    m_result = AgreementReport();
    Project *p = m_session.project();
    const QStringList coders = checkedCoders();
    if (!p || coders.size() < 2) {
        m_codeModel->setTable(AnalysisTable());
        m_disModel->setTable(AnalysisTable());
        m_detail->clear();
        m_status->setText(!p ? tr("Open a project to compare its coders.")
                             : tr("Tick two or more coders (the project has %n).", nullptr, m_coders->count()));
        return;
    }
    AgreementOptions o;
    o.coders = coders;
    o.unit = AgreementUnit(m_unit->currentData().toInt());
    o.bootstrap = m_bootstrap->value();
    o.silentMeansMissing = m_silentMissing->isChecked();
    try {
        m_result = computeAgreement(*p, o);
        // The pooled row first: it is the headline figure.
        AnalysisTable perCode = m_result.table();
        if (!perCode.rows.empty())
            std::rotate(perCode.rows.begin(), perCode.rows.end() - 1, perCode.rows.end());
        m_codeModel->setTable(perCode);
        // The unit's text last and stretched, so each coder's value sits right beside it.
        AnalysisTable dis = m_result.disagreementTable();
        for (QStringList &r : dis.rows)
            r.replace(r.size() - 1, r.last().simplified());
        m_disModel->setTable(dis);
        m_status->setText(tr("%1 units (%2) in %n document(s); %3 disagreement(s). Percent is the share of "
                             "agreeing units, kappa Cohen's, alpha Krippendorff's nominal; intervals: %4 %5 "
                             "bootstrap replicates by %6.",
                             nullptr, int(m_result.documents.size()))
                              .arg(m_result.units)
                              .arg(toString(m_result.unit))
                              .arg(m_result.disagreements.size())
                              .arg(QString::number(qRound(m_result.confidence * 100)) + QLatin1Char('%'))
                              .arg(m_result.bootstrap)
                              .arg(m_result.resampledBy.isEmpty() ? tr("nothing") : m_result.resampledBy));
    } catch (const Error &e) {
        m_error = e.message();
        m_codeModel->setTable(AnalysisTable());
        m_disModel->setTable(AnalysisTable());
        m_status->setText(m_error);
    }
    m_codeTable->resizeColumnsToContents();
    m_disTable->resizeColumnsToContents();
    // Long code paths are cut so the unit's text (last, stretched) stays beside the coders' values.
    for (QTableView *t : {m_codeTable, m_disTable})
        if (t->columnWidth(0) > 320)
            t->setColumnWidth(0, 320);
    if (m_disModel->columnCount() > 0)
        m_disTable->horizontalHeader()->setSectionResizeMode(m_disModel->columnCount() - 1, QHeaderView::Stretch);
    showDisagreement(-1);
}

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

// ---- opening the views ----------------------------------------------------------

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
        exportWithDialog(this, tr("Export co-occurrence"),
                         tr("Word (*.docx);;PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv);;HTML (*.html);;Markdown (*.md)"),
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
        QString text = tr("%n code(s) with segments; ", nullptr, int(m_result.codes.size()))
            + tr("%n pair(s) occur together.", nullptr, int(m_result.pairs().rows.size()));
        if (m_result.outsideTurns > 0)
            text += QLatin1Char(' ') + tr("%n coded passage(s) lie in no speaker turn and are left out.", nullptr, int(m_result.outsideTurns));
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
            if (xml.isStartElement() && xml.name() == QLatin1String("g") && xml.attributes().value(QStringLiteral("class")) == QLatin1String("node"))
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
        Render::writeTables(path, csv ? std::vector<AnalysisTable>{m_model->table()}
                                      : std::vector<AnalysisTable>{m_result.matrix(false), m_result.matrix(true), m_result.pairs()},
                            tr("Code co-occurrence"), p->fileName());
    } catch (const Error &e) {
        return e.message();
    }
    return QString();
}

QWidget *openAnalysisView(ProjectSession &session, WorkbenchShell &shell, const QString &name)
{
    if (name == QLatin1String("cooccurrence"))
        return shell.openTab(QStringLiteral("cooccurrenceView"), CooccurrenceView::tr("Co-occurrence"),
                             [&] { return new CooccurrenceView(session); });
    if (name == QLatin1String("crosstab"))
        return shell.openTab(QStringLiteral("crosstabView"), CrosstabView::tr("Crosstab"), [&] { return new CrosstabView(session); });
    if (name == QLatin1String("agreement"))
        return shell.openTab(QStringLiteral("agreementView"), AgreementView::tr("Agreement"), [&] { return new AgreementView(session); });
    if (name == QLatin1String("frequencies"))
        return shell.openTab(QStringLiteral("frequencyView"), FrequencyView::tr("Frequencies"), [&] { return new FrequencyView(session); });
    return nullptr;
}

void exportWithDialog(QWidget *parent, const QString &title, const QString &filters,
                      const std::function<QString(const QString &path)> &write)
{
    QString selected;
    QString path = QFileDialog::getSaveFileName(parent, title, QString(), filters, &selected);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + selected.section(QStringLiteral("*."), 1).section(QLatin1Char(')'), 0, 0);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QString error = write(path);
    QApplication::restoreOverrideCursor();
    if (!error.isEmpty())
        QMessageBox::warning(parent, title, error);
}

QString copyProjectForCoder(ProjectSession &session, const QString &targetPath, bool keepMemos)
{
    Project *p = session.project();
    if (!p)
        return ProjectSession::tr("Open a project first.");
    try {
        CopyForCoderOptions o;
        o.keepMemos = keepMemos;
        copyForCoder(*p, targetPath, o);
    } catch (const Error &e) {
        return e.message();
    }
    return QString();
}

QString mergeCoderProject(ProjectSession &session, QWidget *dialogParent, const QString &otherPath, MergeReport *report)
{
    return ProjectJobs(session, dialogParent).mergeCoderProject(otherPath, report).message;
}

void addAnalysisMenu(QMenuBar *bar, ProjectSession &session, WorkbenchShell &shell)
{
    QMenu *menu = bar->addMenu(CrosstabView::tr("&Analysis"));
    menu->setObjectName(QStringLiteral("analysisMenu"));
    QWidget *w = shell.shellWidget();
    ProjectSession *s = &session;
    WorkbenchShell *sh = &shell;
    auto open = [s, sh](const QString &name) { return [s, sh, name] { openAnalysisView(*s, *sh, name); }; };
    menu->addAction(CrosstabView::tr("&Crosstab (codes × attribute)"), w, open(QStringLiteral("crosstab")));
    menu->addAction(CrosstabView::tr("&Agreement between coders"), w, open(QStringLiteral("agreement")));
    menu->addAction(CrosstabView::tr("&Frequencies"), w, open(QStringLiteral("frequencies")));
    menu->addAction(CrosstabView::tr("C&o-occurrence of codes"), w, open(QStringLiteral("cooccurrence")));
    QMenu *team = menu->addMenu(CrosstabView::tr("&Team coding"));
    team->addAction(CrosstabView::tr("&Copy for another coder…"), w, [w, s] {
        if (!s->project())
            return;
        QString target = QFileDialog::getSaveFileName(w, CrosstabView::tr("Copy for another coder"), QString(),
                                                      CrosstabView::tr("Quire projects (*.quire)"));
        if (target.isEmpty())
            return;
        if (QFileInfo(target).suffix().isEmpty())
            target += QStringLiteral(".quire");
        const QString error = copyProjectForCoder(*s, target, false);
        if (!error.isEmpty())
            QMessageBox::warning(w, CrosstabView::tr("Copy for another coder"), error);
        else
            QMessageBox::information(w, CrosstabView::tr("Copy for another coder"),
                                     CrosstabView::tr("Wrote %1: the documents, cases and codebook without any coding. The other "
                                                    "coder codes it on their own; Analysis ▸ Team coding ▸ Merge brings the work back.")
                                         .arg(QFileInfo(target).fileName()));
    });
    team->addAction(CrosstabView::tr("&Merge another coder's project…"), w, [w, s] {
        if (!s->project())
            return;
        const QString other = QFileDialog::getOpenFileName(w, CrosstabView::tr("Merge another coder's project"), QString(),
                                                           CrosstabView::tr("Quire projects (*.quire)"));
        if (other.isEmpty())
            return;
        MergeReport r;
        const QString error = mergeCoderProject(*s, w, other, &r);
        if (!error.isEmpty()) {
            QMessageBox::warning(w, CrosstabView::tr("Merge"), error);
            return;
        }
        QMessageBox box(QMessageBox::Information, CrosstabView::tr("Merge"),
                        CrosstabView::tr("Merged %1: %2 documents matched, %3 copied; %4 codes matched, %5 added; %6 segments added, "
                                       "%7 already present, %8 skipped. Edit ▸ Undo takes the whole merge back.")
                            .arg(r.other)
                            .arg(r.documentsMatched)
                            .arg(r.documentsCopied)
                            .arg(r.codesMatched)
                            .arg(r.codesAdded)
                            .arg(r.segmentsAdded)
                            .arg(r.segmentsAlreadyPresent)
                            .arg(r.segmentsSkipped),
                        QMessageBox::Ok, w);
        if (!r.issues.empty())
            box.setDetailedText(r.issueTable().toText());
        box.exec();
    });
}

} // namespace Quire
