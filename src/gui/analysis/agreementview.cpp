// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/agreementview.h"

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
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace Quire {

using namespace Quire::Analysis;
using namespace Quire::AnalysisViews;

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
        values << tr("%1: %2").arg(m_result.coders[i], v == Missing ? tr("missing")
                                                       : v          ? tr("applied")
                                                                    : tr("not applied"));
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

} // namespace Quire
