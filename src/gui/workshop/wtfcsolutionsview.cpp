// SPDX-License-Identifier: GPL-3.0-or-later
#include "workshop/wtfcsolutionsview.h"

#include "projectsession.h"
#include "workbenchshell.h"
#include "workshop/workshopsupport.h"

#include "error.h"
#include "model/project.h"
#include "wtfc/graphexport.h"
#include "wtfcreport.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPushButton>
#include <QTreeWidget>
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

// ---- WtfcSolutionsView ---------------------------------------------------------

WtfcSolutionsView::WtfcSolutionsView(ProjectSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("wtfcSolutionsView"));
    setAccessibleName(tr("Success statements and solutions"));
    m_tree = new QTreeWidget;
    m_tree->setObjectName(QStringLiteral("wtfcSolutionsTree"));
    m_tree->setHeaderLabels({tr("Root cause / statement"), tr("Perspective or kind"), tr("Grid"), tr("People")});
    m_tree->setAlternatingRowColors(true);
    m_tree->setWordWrap(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_perspective = new QComboBox;
    m_perspective->setAccessibleName(tr("Perspective"));
    m_kind = new QComboBox;
    m_kind->setAccessibleName(tr("Solution kind"));
    m_text = new QLineEdit;
    m_text->setAccessibleName(tr("Text"));
    m_text->setPlaceholderText(tr("Text of the success statement or solution for the selected cause"));
    auto *addSuccessButton = new QPushButton(tr("Add success statement"));
    auto *addSolutionButton = new QPushButton(tr("Add solution"));
    m_message = new QLabel;
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_text, 1);
    bar->addWidget(m_perspective);
    bar->addWidget(addSuccessButton);
    bar->addWidget(m_kind);
    bar->addWidget(addSolutionButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    connect(addSuccessButton, &QPushButton::clicked, this, [this] {
        if (addSuccess(m_perspective->currentText(), m_text->text()))
            m_text->clear();
    });
    connect(addSolutionButton, &QPushButton::clicked, this, [this] {
        if (addSolution(m_kind->currentText(), m_text->text()))
            m_text->clear();
    });
    connect(&m_session, &ProjectSession::changed, this, [this](ProjectSession::Changes what) {
        if (what & WorkshopInputs)
            reload();
    });
    reload();
}

std::optional<Id> WtfcSolutionsView::currentCause() const
{
    QTreeWidgetItem *item = m_tree->currentItem();
    while (item && item->parent())
        item = item->parent();
    if (!item)
        return std::nullopt;
    return item->data(0, Qt::UserRole).toLongLong();
}

bool WtfcSolutionsView::selectCause(Id cause)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == cause) {
            m_tree->setCurrentItem(m_tree->topLevelItem(i));
            return true;
        }
    return false;
}

bool WtfcSolutionsView::addToCurrentCause(const std::function<void(Workshop &, Id)> &add)
{
    const auto cause = currentCause();
    if (!cause) {
        m_message->setText(tr("Choose a cause first."));
        return false;
    }
    const Outcome done = m_session.run(
        [&] {
            Workshop w(*m_session.project());
            add(w, *cause);
        },
        ProjectSession::Workshop);
    m_message->setText(done.error());
    selectCause(*cause);
    return done.ok();
}

bool WtfcSolutionsView::addSuccess(const QString &perspective, const QString &text)
{
    return addToCurrentCause([&](Workshop &w, Id cause) { w.addSuccess(cause, perspective, text); });
}

bool WtfcSolutionsView::addSolution(const QString &kind, const QString &text)
{
    return addToCurrentCause([&](Workshop &w, Id cause) { w.addSolution(cause, kind, text); });
}

void WtfcSolutionsView::reload()
{
    const auto keep = currentCause();
    m_tree->clear();
    Project *p = m_session.project();
    if (!p)
        return;
    Snapshot s;
    Wtfc::Analysis a;
    try {
        s = Workshop(*p).snapshot();
        a = analyse(s, AnalysisOptions{false});
    } catch (const Error &e) {
        m_message->setText(e.message());
        return;
    }
    const Template &t = s.workshopTemplate;
    const QString per = m_perspective->currentText(), kind = m_kind->currentText();
    m_perspective->clear();
    m_perspective->addItems(t.perspectives);
    m_perspective->setCurrentText(per);
    m_kind->clear();
    m_kind->addItems(t.solutionKinds);
    m_kind->setCurrentText(kind);

    std::set<Id> forward;
    for (const auto &[stage, target] : s.selections)
        if (target.kind == ItemKind::Cause)
            forward.insert(target.id);
    // Root causes and any cause with success statements or solutions, taken forward first, then by rank.
    std::vector<const CauseReach *> shown;
    for (const CauseReach &r : a.causes) {
        const bool used = std::any_of(s.success.begin(), s.success.end(),
                                      [&](const SuccessStatement &x) { return x.causeId == r.cause; }) ||
                          std::any_of(s.solutions.begin(), s.solutions.end(),
                                      [&](const Solution &x) { return x.causeId == r.cause; });
        if (r.root || used)
            shown.push_back(&r);
    }
    std::stable_sort(shown.begin(), shown.end(), [&](const CauseReach *x, const CauseReach *y) {
        return forward.count(x->cause) > forward.count(y->cause);
    });
    QFont bold = m_tree->font();
    bold.setBold(true);
    for (const CauseReach *r : shown) {
        const Node *n = s.node(r->cause);
        auto *top = new QTreeWidgetItem(m_tree, {n ? n->text : QString::number(r->cause),
                                                 forward.count(r->cause) ? tr("taken forward") : QString(), QString(),
                                                 QString::number(r->peopleCount)});
        top->setData(0, Qt::UserRole, qlonglong(r->cause));
        top->setFont(0, bold);
        for (const SuccessStatement &x : s.success)
            if (x.causeId == r->cause)
                new QTreeWidgetItem(top, {tr("Success: %1").arg(x.text), x.perspective});
        for (const Solution &x : s.solutions)
            if (x.causeId == r->cause) {
                const auto q = s.quadrantOf(x);
                new QTreeWidgetItem(
                    top, {tr("Solution: %1").arg(x.text), x.kind, q ? t.quadrants.value(*q) : tr("not placed")});
            }
        top->setExpanded(true);
    }
    m_tree->resizeColumnToContents(1);
    m_tree->resizeColumnToContents(2);
    if (keep)
        selectCause(*keep);
}

} // namespace Quire
