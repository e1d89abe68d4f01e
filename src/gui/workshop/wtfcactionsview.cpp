// SPDX-License-Identifier: GPL-3.0-or-later
#include "workshop/wtfcactionsview.h"

#include "projectsession.h"
#include "workbenchshell.h"
#include "workshop/workshopsupport.h"

#include "error.h"
#include "model/project.h"
#include "wtfc/graphexport.h"
#include "wtfcreport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPushButton>
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
    m_solution = new QComboBox;
    m_solution->setObjectName(QStringLiteral("wtfcActionSolution"));
    m_solution->setAccessibleName(tr("Solution the action serves"));
    m_solution->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_solution->setMinimumContentsLength(24);
    m_text = new QLineEdit;
    m_text->setObjectName(QStringLiteral("wtfcActionText"));
    m_text->setAccessibleName(tr("Action"));
    m_text->setPlaceholderText(tr("What is to be done"));
    m_owner = new QLineEdit;
    m_owner->setObjectName(QStringLiteral("wtfcActionOwner"));
    m_owner->setAccessibleName(tr("Owner"));
    m_owner->setPlaceholderText(tr("Who does it"));
    m_hasDue = new QCheckBox(tr("Due:"));
    m_hasDue->setObjectName(QStringLiteral("wtfcActionHasDue"));
    m_due = new QDateEdit(QDate::currentDate());
    m_due->setObjectName(QStringLiteral("wtfcActionDue"));
    m_due->setAccessibleName(tr("Due date"));
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_due->setEnabled(false);
    connect(m_hasDue, &QCheckBox::toggled, m_due, &QWidget::setEnabled);
    m_add = new QPushButton(tr("&Add action"));
    m_add->setObjectName(QStringLiteral("wtfcAddAction"));
    m_save = new QPushButton(tr("&Save changes"));
    m_save->setObjectName(QStringLiteral("wtfcSaveAction"));
    m_save->setToolTip(tr("Give the selected action this text, owner and due date"));
    m_delete = new QPushButton(tr("&Delete…"));
    m_delete->setObjectName(QStringLiteral("wtfcDeleteAction"));
    // Two rows, so the form fits a laptop screen: what and for which solution; who, by when, and the buttons.
    auto *form = new QGridLayout;
    form->addWidget(new QLabel(tr("Action:")), 0, 0);
    form->addWidget(m_text, 0, 1);
    form->addWidget(new QLabel(tr("Solution:")), 0, 2);
    form->addWidget(m_solution, 0, 3, 1, 4);
    form->addWidget(new QLabel(tr("Owner:")), 1, 0);
    form->addWidget(m_owner, 1, 1);
    auto *due = new QHBoxLayout;
    due->addWidget(m_hasDue);
    due->addWidget(m_due);
    due->addStretch(1);
    form->addLayout(due, 1, 2, 1, 2);
    form->addWidget(m_add, 1, 4);
    form->addWidget(m_save, 1, 5);
    form->addWidget(m_delete, 1, 6);
    form->setColumnStretch(1, 3);
    form->setColumnStretch(3, 2);
    connect(m_add, &QPushButton::clicked, this, [this] {
        // The new action is selected: the form shows it, ready for a change.
        addAction(m_solution->currentData().toLongLong(), m_text->text(), m_owner->text(), formDue());
    });
    connect(m_save, &QPushButton::clicked, this,
            [this] { editAction(m_table->currentRow(), m_text->text(), m_owner->text(), formDue()); });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteAction(m_table->currentRow(), false); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 3);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Choose an action to trace it back to the people's words:")));
    layout->addWidget(m_trace, 1);
    layout->addWidget(m_message);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (m_loading || row < 0 || std::size_t(row) >= m_rows.size() || !m_session.project())
            return;
        fillForm(row);
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

QString WtfcActionsView::message() const
{
    return m_message->text();
}

Id WtfcActionsView::actionAt(int row) const
{
    return row >= 0 && std::size_t(row) < m_rows.size() ? m_rows[std::size_t(row)] : 0;
}

int WtfcActionsView::rowOf(Id action) const
{
    const auto it = std::find(m_rows.begin(), m_rows.end(), action);
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

QString WtfcActionsView::formDue() const
{
    return m_hasDue->isChecked() ? m_due->date().toString(Qt::ISODate) : QString();
}

void WtfcActionsView::fillForm(int row)
{
    const Action *a = m_snapshot.action(actionAt(row));
    m_save->setEnabled(a != nullptr);
    m_delete->setEnabled(a != nullptr);
    if (!a)
        return;
    m_text->setText(a->text);
    m_owner->setText(a->owner);
    const QDate due = QDate::fromString(a->due, Qt::ISODate);
    m_hasDue->setChecked(due.isValid());
    if (due.isValid())
        m_due->setDate(due);
    const int i = m_solution->findData(qlonglong(a->solutionId));
    if (i >= 0)
        m_solution->setCurrentIndex(i);
}

bool WtfcActionsView::addAction(Id solution, const QString &text, const QString &owner, const QString &due)
{
    if (!m_session.project())
        return false;
    if (solution == 0) {
        m_message->setText(tr("Choose the solution the action serves (add solutions in Success and solutions)."));
        return false;
    }
    Id id = 0;
    const Outcome done = m_session.run(
        [&] { id = Workshop(*m_session.project()).addAction(solution, text, owner, due); }, ProjectSession::Workshop);
    m_message->setText(done.error());
    if (done.ok() && rowOf(id) >= 0)
        m_table->setCurrentCell(rowOf(id), 0);
    return done.ok();
}

bool WtfcActionsView::editAction(int row, const QString &text, const QString &owner, const QString &due)
{
    const Id action = actionAt(row);
    if (action == 0) {
        m_message->setText(tr("Choose the action to change first."));
        return false;
    }
    const Outcome done = m_session.run([&] { Workshop(*m_session.project()).editAction(action, text, owner, due); },
                                       ProjectSession::Workshop);
    m_message->setText(done.error());
    if (rowOf(action) >= 0)
        m_table->setCurrentCell(rowOf(action), 0);
    return done.ok();
}

bool WtfcActionsView::deleteAction(int row, bool confirmed)
{
    const Action *a = m_snapshot.action(actionAt(row));
    if (!a)
        return false;
    const Id action = a->id;
    if (!confirmed && QMessageBox::question(
                          this, tr("Confirm deletion"),
                          tr("Do you want to delete the action “%1”? Ctrl+Z brings it back.").arg(oneLine(a->text))) !=
                          QMessageBox::Yes)
        return false;
    const Outcome done =
        m_session.run([&] { Workshop(*m_session.project()).deleteAction(action); }, ProjectSession::Workshop);
    m_message->setText(done.error());
    return done.ok();
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
    const Id keep = actionAt(m_table->currentRow());
    m_table->setRowCount(0);
    m_rows.clear();
    m_snapshot = Snapshot();
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
    m_snapshot = s;
    // The solutions an action can serve, by cause.
    const Id chosen = m_solution->currentData().toLongLong();
    m_solution->clear();
    for (const Solution &x : s.solutions) {
        const Node *cause = s.node(x.causeId);
        m_solution->addItem(oneLine(x.text, 50), qlonglong(x.id));
        m_solution->setItemData(m_solution->count() - 1,
                                tr("%1\ncause: %2").arg(x.text, cause ? cause->text : QString()), Qt::ToolTipRole);
    }
    if (const int i = m_solution->findData(qlonglong(chosen)); i >= 0)
        m_solution->setCurrentIndex(i);
    m_add->setEnabled(m_solution->count() > 0);
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
    if (rowOf(keep) >= 0)
        m_table->setCurrentCell(rowOf(keep), 0);
    else if (m_table->rowCount() > 0)
        m_table->setCurrentCell(0, 0);
    else
        fillForm(-1);
}

} // namespace Quire
