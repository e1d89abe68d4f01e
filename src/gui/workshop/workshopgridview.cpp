// SPDX-License-Identifier: GPL-3.0-or-later
#include "workshop/workshopgridview.h"

#include "analysis/analysisoperations.h"
#include "analysis/analysistablemodel.h"
#include "analysis/analysisviewsupport.h"
#include "projectsession.h"
#include "workshop/workshopsupport.h"

#include "error.h"
#include "model/project.h"
#include "tablesfile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace Quire {

using namespace Quire::Wtfc;
using namespace Quire::WorkshopViews;

WorkshopGridView::WorkshopGridView(ProjectSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("workshopGridView"));
    setAccessibleName(tr("Workshop grid"));
    m_top = new QSpinBox;
    m_top->setAccessibleName(tr("Notes per cell"));
    m_top->setRange(1, 99);
    m_top->setValue(GridOptions().top);
    m_rank = new QComboBox;
    m_rank->setAccessibleName(tr("Rank notes by"));
    m_rank->addItem(tr("stars"), int(RankBy::Stars));
    m_rank->addItem(tr("dots"), int(RankBy::Dots));
    m_empty = new QLineEdit;
    m_empty->setAccessibleName(tr("An empty cell says"));
    m_empty->setClearButtonEnabled(true);
    m_group = new QComboBox;
    m_group->setAccessibleName(tr("Voter group"));
    m_unvoted = new QCheckBox(tr("notes without votes too"));
    m_totals = new QCheckBox(tr("vote totals"));
    m_header = new QLineEdit;
    m_header->setAccessibleName(tr("First column's header"));
    m_header->setPlaceholderText(tr("Theme"));
    auto *exportButton = new QPushButton(tr("Export…"));
    exportButton->setObjectName(QStringLiteral("workshopGridExport"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Top:")));
    bar->addWidget(m_top);
    bar->addWidget(new QLabel(tr("by")));
    bar->addWidget(m_rank);
    bar->addWidget(new QLabel(tr("Votes of:")));
    bar->addWidget(m_group);
    bar->addWidget(m_unvoted);
    bar->addWidget(m_totals);
    bar->addStretch(1);
    bar->addWidget(exportButton);
    auto *words = new QHBoxLayout;
    words->addWidget(new QLabel(tr("An empty cell says:")));
    words->addWidget(m_empty, 2);
    words->addWidget(new QLabel(tr("First column:")));
    words->addWidget(m_header, 1);

    m_model = new AnalysisTableModel(this);
    m_table = AnalysisViews::makeTable(m_model, QStringLiteral("workshopGridTable"));
    m_table->setWordWrap(true); // a cell lists its notes a line each
    m_table->setTextElideMode(Qt::ElideNone);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_message = new QLabel;
    m_message->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addLayout(words);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);

    connect(m_top, &QSpinBox::valueChanged, this, [this] { recompute(); });
    for (QComboBox *c : {m_rank, m_group})
        connect(c, &QComboBox::currentIndexChanged, this, [this] { recompute(); });
    for (QCheckBox *c : {m_unvoted, m_totals})
        connect(c, &QCheckBox::toggled, this, [this] { recompute(); });
    for (QLineEdit *e : {m_empty, m_header})
        connect(e, &QLineEdit::textChanged, this, [this] { recompute(); });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        exportWithDialog(this, tr("Export workshop grid"), AnalysisViews::tableFileFilters(),
                         [this](const QString &path) { return exportGrid(path); });
    });
    connect(&m_session, &ProjectSession::changed, this, [this](ProjectSession::Changes what) {
        if (what & WorkshopInputs)
            reload();
    });
    reload();
}

void WorkshopGridView::reload()
{
    m_loading = true;
    const QString group = m_group->currentData().toString();
    m_group->clear();
    m_group->addItem(tr("everyone"), QString());
    if (Project *p = m_session.project()) {
        try {
            QStringList groups;
            for (const Vote &v : Workshop(*p).snapshot().votes) {
                const QString g = v.voterGroup.trimmed();
                if (!g.isEmpty() && !groups.contains(g, Qt::CaseInsensitive))
                    groups << g;
            }
            for (const QString &g : groups)
                m_group->addItem(g, g);
        } catch (const Error &) {
            // recompute() says what is wrong
        }
    }
    const int gi = m_group->findData(group);
    m_group->setCurrentIndex(gi >= 0 ? gi : 0);
    m_loading = false;
    recompute();
}

void WorkshopGridView::setTop(int top)
{
    m_top->setValue(top);
}

void WorkshopGridView::setRankBy(RankBy rank)
{
    m_rank->setCurrentIndex(m_rank->findData(int(rank)));
}

void WorkshopGridView::setEmptyText(const QString &text)
{
    m_empty->setText(text);
}

bool WorkshopGridView::setVoterGroup(const QString &group)
{
    const int i = group.isEmpty() ? 0 : m_group->findText(group.trimmed(), Qt::MatchFixedString);
    if (i < 0)
        return false;
    m_group->setCurrentIndex(i);
    return true;
}

void WorkshopGridView::setIncludeUnvoted(bool on)
{
    m_unvoted->setChecked(on);
}

void WorkshopGridView::setTotals(bool on)
{
    m_totals->setChecked(on);
}

void WorkshopGridView::setThemeHeader(const QString &text)
{
    m_header->setText(text);
}

GridOptions WorkshopGridView::options() const
{
    GridOptions o;
    o.top = m_top->value();
    o.rankBy = RankBy(m_rank->currentData().toInt());
    o.emptyText = m_empty->text();
    o.voterGroup = m_group->currentData().toString();
    o.includeUnvoted = m_unvoted->isChecked();
    o.totals = m_totals->isChecked();
    o.themeHeader = m_header->text().trimmed();
    return o;
}

const Analysis::AnalysisTable &WorkshopGridView::table() const
{
    return m_model->table();
}

void WorkshopGridView::recompute()
{
    if (m_loading)
        return;
    m_error.clear();
    m_message->clear();
    m_empty->setPlaceholderText(tr("(no top %1 identified)").arg(m_top->value()));
    const std::optional<Snapshot> snap = workshopOrSay(m_session, m_message);
    if (!snap) {
        m_error = m_message->text();
        m_model->setTable({});
        return;
    }
    try {
        const GridOptions o = options();
        m_model->setTable(gridTable(workshopGrid(*snap, o), o));
    } catch (const Error &e) {
        m_error = e.message();
        m_message->setText(m_error);
        m_model->setTable({});
        return;
    }
    if (m_model->rowCount() == 0)
        showHint(m_message, tr("No themes yet: the grid's rows are the workshop's themes (Workshop ▸ Themes and "
                               "votes, or quire-cli wtfc theme add)."));
}

QString WorkshopGridView::exportGrid(const QString &path)
{
    Project *p = m_session.project();
    if (!p || !m_error.isEmpty() || m_model->rowCount() == 0)
        return tr("%1: nothing to export: %2")
            .arg(QFileInfo(path).fileName(), m_error.isEmpty() ? tr("the workshop has no themes") : m_error);
    try {
        Render::writeTables(path, {m_model->table()}, QStringLiteral("Workshop grid"), p->fileName());
    } catch (const Error &e) {
        return e.message();
    }
    return QString();
}

} // namespace Quire
