// SPDX-License-Identifier: GPL-3.0-or-later
#include "workshop/wtfcactionsview.h"

#include "projectsession.h"
#include "workbenchshell.h"
#include "workshop/workshopsupport.h"

#include "error.h"
#include "model/project.h"
#include "wtfc/graphexport.h"
#include "wtfcreport.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QMouseEvent>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#ifdef QUIRE_HAVE_SVG
#endif

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

namespace Quire {

using namespace Quire::Wtfc;
using namespace Quire::WorkshopViews;

// ---- WtfcActionsView -----------------------------------------------------------

WtfcActionsView::WtfcActionsView(ProjectSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("wtfcActionsView"));
    setAccessibleName(tr("Action plan"));
    m_table = new QTableWidget;
    m_table->setObjectName(QStringLiteral("wtfcActionsTable"));
    m_table->setColumnCount(7);
    m_table->setHorizontalHeaderLabels(
        {tr("Action"), tr("Owner"), tr("Due"), tr("Status"), tr("Solution"), tr("Root cause"), tr("Traces back to")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_trace = new QLabel;
    m_trace->setWordWrap(true);
    m_trace->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_trace->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_message = new QLabel;
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 3);
    layout->addWidget(new QLabel(tr("Choose an action to trace it back to the people's words:")));
    layout->addWidget(m_trace, 1);
    layout->addWidget(m_message);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (m_loading || row < 0 || std::size_t(row) >= m_rows.size() || !m_session.project())
            return;
        const Snapshot s = Workshop(*m_session.project()).snapshot();
        const Trace trace = traceBack(s, ItemRef{ItemKind::Action, m_rows[std::size_t(row)]});
        QStringList lines;
        for (Id c : trace.causes)
            if (const Node *n = s.node(c))
                lines << QStringLiteral("← %1").arg(n->text);
        for (Id i : trace.istatements)
            if (const Node *n = s.node(i))
                lines << QStringLiteral("← “%1”").arg(n->text);
        QStringList quotes;
        for (Id st : trace.statements)
            if (const PcrStatement *x = s.statement(st)) {
                QStringList who;
                for (Id person : x->people)
                    who << s.personName(person);
                quotes << QStringLiteral("“%1” (%2)").arg(oneLine(x->text, 70), who.join(QStringLiteral(", ")));
                if (quotes.size() == 4)
                    break;
            }
        lines << tr("← %n statement(s) by %1 people, e.g. %2", nullptr, int(trace.statements.size()))
                     .arg(trace.people.size())
                     .arg(quotes.join(QStringLiteral("; ")));
        m_trace->setText(lines.join(QLatin1Char('\n')));
    });
    connect(&m_session, &ProjectSession::changed, this, [this](ProjectSession::Changes what) {
        if (what & WorkshopInputs)
            reload();
    });
    reload();
}

bool WtfcActionsView::setStatus(int row, const QString &status)
{
    if (row < 0 || std::size_t(row) >= m_rows.size())
        return false;
    const Id action = m_rows[std::size_t(row)];
    const Outcome done = m_session.run([&] { Workshop(*m_session.project()).setActionStatus(action, status); },
                                       ProjectSession::Workshop);
    m_message->setText(done.error());
    return done.ok();
}

void WtfcActionsView::reload()
{
    m_loading = true;
    const int keep = m_table->currentRow();
    m_table->setRowCount(0);
    m_rows.clear();
    Project *p = m_session.project();
    if (!p) {
        m_loading = false;
        return;
    }
    Snapshot s;
    try {
        s = Workshop(*p).snapshot();
    } catch (const Error &e) {
        m_message->setText(e.message());
        m_loading = false;
        return;
    }
    std::vector<const Action *> actions;
    for (const Action &a : s.actions)
        actions.push_back(&a);
    // Soonest first; actions without a date last.
    std::stable_sort(actions.begin(), actions.end(), [](const Action *a, const Action *b) {
        return (a->due.isEmpty() ? QStringLiteral("9999") : a->due) <
               (b->due.isEmpty() ? QStringLiteral("9999") : b->due);
    });
    const QStringList statuses{QStringLiteral("planned"), QStringLiteral("in progress"), QStringLiteral("done"),
                               QStringLiteral("dropped")};
    m_table->setRowCount(int(actions.size()));
    for (int row = 0; row < int(actions.size()); ++row) {
        const Action &a = *actions[std::size_t(row)];
        m_rows.push_back(a.id);
        const Solution *sol = s.solution(a.solutionId);
        const Node *cause = sol ? s.node(sol->causeId) : nullptr;
        const Trace trace = traceBack(s, ItemRef{ItemKind::Action, a.id});
        const QStringList cells{a.text,
                                a.owner,
                                a.due,
                                a.status,
                                sol ? sol->text : QString(),
                                cause ? cause->text : QString(),
                                tr("%1 statements, %2 people").arg(trace.statements.size()).arg(trace.people.size())};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
        auto *status = new QComboBox;
        status->addItems(statuses);
        if (!statuses.contains(a.status))
            status->addItem(a.status);
        status->setCurrentText(a.status);
        status->setAccessibleName(tr("Status of %1").arg(a.text));
        connect(status, &QComboBox::currentTextChanged, this, [this, row](const QString &text) {
            // The command rebuilds the table, this combo included.
            QTimer::singleShot(0, this, [this, row, text] { setStatus(row, text); });
        });
        m_table->setCellWidget(row, 3, status);
    }
    m_table->resizeColumnsToContents();
    for (int c : {0, 4, 5})
        m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 260));
    m_table->resizeRowsToContents();
    m_loading = false;
    if (keep >= 0 && keep < m_table->rowCount())
        m_table->setCurrentCell(keep, 0);
    else if (m_table->rowCount() > 0)
        m_table->setCurrentCell(0, 0);
}

} // namespace Quire
