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
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPushButton>
#include <QShortcut>
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
    m_edit = new QPushButton(tr("&Edit…"));
    m_edit->setObjectName(QStringLiteral("wtfcEditSolutionItem"));
    m_edit->setToolTip(tr("Edit the selected success statement or solution (F2)"));
    m_delete = new QPushButton(tr("&Delete…"));
    m_delete->setObjectName(QStringLiteral("wtfcDeleteSolutionItem"));
    m_delete->setToolTip(tr("Removes the selected success statement or solution (Delete key)"));
    m_message = new QLabel;
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_text, 1);
    bar->addWidget(m_perspective);
    bar->addWidget(addSuccessButton);
    bar->addWidget(m_kind);
    bar->addWidget(addSolutionButton);
    bar->addSpacing(12);
    bar->addWidget(m_edit);
    bar->addWidget(m_delete);
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
    connect(m_edit, &QPushButton::clicked, this, [this] { editCurrent(); });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (const auto item = currentItem())
            deleteItem(*item, false);
    });
    auto syncButtons = [this] {
        const bool on = currentItem().has_value();
        m_edit->setEnabled(on);
        m_delete->setEnabled(on);
    };
    connect(m_tree, &QTreeWidget::currentItemChanged, this, syncButtons);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](QPoint pos) {
        if (QTreeWidgetItem *row = m_tree->itemAt(pos))
            m_tree->setCurrentItem(row);
        const std::unique_ptr<QMenu> menu(contextMenuForCurrent());
        if (menu)
            menu->exec(m_tree->viewport()->mapToGlobal(pos));
    });
    auto *editKey = new QShortcut(QKeySequence(Qt::Key_F2), m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(editKey, &QShortcut::activated, this, [this] { editCurrent(); });
    auto *deleteKey = new QShortcut(QKeySequence::Delete, m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, [this] {
        if (const auto item = currentItem())
            deleteItem(*item, false);
    });
    connect(&m_session, &ProjectSession::changed, this, [this](ProjectSession::Changes what) {
        if (what & WorkshopInputs)
            reload();
    });
    reload();
    syncButtons();
}

namespace {
constexpr int KindRole = Qt::UserRole + 1; ///< on a child row: the ItemKind as int
} // namespace

QString WtfcSolutionsView::message() const
{
    return m_message->text();
}

std::optional<ItemRef> WtfcSolutionsView::currentItem() const
{
    const QTreeWidgetItem *row = m_tree->currentItem();
    if (!row || !row->parent())
        return std::nullopt;
    return ItemRef{ItemKind(row->data(0, KindRole).toInt()), Id(row->data(0, Qt::UserRole).toLongLong())};
}

bool WtfcSolutionsView::selectItem(const ItemRef &item)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *top = m_tree->topLevelItem(i);
        for (int c = 0; c < top->childCount(); ++c) {
            QTreeWidgetItem *row = top->child(c);
            if (ItemKind(row->data(0, KindRole).toInt()) == item.kind &&
                Id(row->data(0, Qt::UserRole).toLongLong()) == item.id) {
                m_tree->setCurrentItem(row);
                return true;
            }
        }
    }
    return false;
}

bool WtfcSolutionsView::editItem(const ItemRef &item, const QString &perspectiveOrKind, const QString &text)
{
    const Outcome done = m_session.run(
        [&] {
            Workshop w(*m_session.project());
            if (item.kind == ItemKind::Success)
                w.editSuccess(item.id, perspectiveOrKind, text);
            else
                w.editSolution(item.id, perspectiveOrKind, text);
        },
        ProjectSession::Workshop);
    m_message->setText(done.error());
    selectItem(item);
    return done.ok();
}

QString WtfcSolutionsView::deleteQuestion(const ItemRef &item) const
{
    if (item.kind == ItemKind::Success) {
        for (const SuccessStatement &x : m_snapshot.success)
            if (x.id == item.id)
                return tr("Do you want to delete the success statement “%1”? Ctrl+Z brings it back.")
                    .arg(oneLine(x.text));
        return QString();
    }
    const Solution *x = m_snapshot.solution(item.id);
    if (!x)
        return QString();
    const int actions = int(std::count_if(m_snapshot.actions.begin(), m_snapshot.actions.end(),
                                          [&](const Action &a) { return a.solutionId == item.id; }));
    return tr("Do you want to delete the solution “%1”?").arg(oneLine(x->text)) + QLatin1Char(' ') +
           (actions == 0 ? tr("It has no action.") : tr("Its %n action(s) go with it.", nullptr, actions)) +
           QLatin1Char(' ') + tr("Ctrl+Z brings it back.");
}

bool WtfcSolutionsView::deleteItem(const ItemRef &item, bool confirmed)
{
    const QString question = deleteQuestion(item);
    if (question.isEmpty())
        return false;
    if (!confirmed && QMessageBox::question(this, tr("Confirm deletion"), question) != QMessageBox::Yes)
        return false;
    const Outcome done = m_session.run(
        [&] {
            Workshop w(*m_session.project());
            if (item.kind == ItemKind::Success)
                w.deleteSuccess(item.id);
            else
                w.deleteSolution(item.id);
        },
        ProjectSession::Workshop);
    m_message->setText(done.error());
    return done.ok();
}

bool WtfcSolutionsView::editCurrent()
{
    const auto item = currentItem();
    if (!item)
        return false;
    QString what, text;
    QStringList choices;
    if (item->kind == ItemKind::Success) {
        for (const SuccessStatement &x : m_snapshot.success)
            if (x.id == item->id) {
                what = x.perspective;
                text = x.text;
            }
        choices = m_snapshot.workshopTemplate.perspectives;
    } else if (const Solution *x = m_snapshot.solution(item->id)) {
        what = x->kind;
        text = x->text;
        choices = m_snapshot.workshopTemplate.solutionKinds;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(item->kind == ItemKind::Success ? tr("Edit success statement") : tr("Edit solution"));
    auto *form = new QFormLayout(&dialog);
    auto *choice = new QComboBox;
    choice->addItems(choices);
    choice->setCurrentText(what);
    auto *edit = new QLineEdit(text);
    edit->setMinimumWidth(420);
    form->addRow(item->kind == ItemKind::Success ? tr("Perspective:") : tr("Kind:"), choice);
    form->addRow(tr("Text:"), edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (choice->currentText() == what && edit->text().trimmed() == text)
        return true; // nothing changed: no empty command on the undo stack
    return editItem(*item, choice->currentText(), edit->text());
}

QMenu *WtfcSolutionsView::contextMenuForCurrent()
{
    const auto item = currentItem();
    if (!item)
        return nullptr;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("wtfcSolutionsMenu"));
    QAction *edit = menu->addAction(tr("&Edit…"), this, [this] { editCurrent(); });
    edit->setObjectName(QStringLiteral("wtfcEditItem"));
    edit->setShortcut(QKeySequence(Qt::Key_F2));
    QAction *remove = menu->addAction(tr("&Delete…"), this, [this, item] { deleteItem(*item, false); });
    remove->setObjectName(QStringLiteral("wtfcDeleteItem"));
    remove->setShortcut(QKeySequence::Delete);
    return menu;
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
    const auto keepItem = currentItem();
    m_snapshot = Snapshot();
    m_tree->clear();
    Project *p = m_session.project();
    if (!p)
        return;
    Snapshot s;
    Wtfc::Analysis a;
    try {
        s = Workshop(*p).snapshot();
        a = analyse(s, AnalysisOptions{false});
        m_snapshot = s;
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
            if (x.causeId == r->cause) {
                auto *row = new QTreeWidgetItem(top, {tr("Success: %1").arg(x.text), x.perspective});
                row->setData(0, Qt::UserRole, qlonglong(x.id));
                row->setData(0, KindRole, int(ItemKind::Success));
            }
        for (const Solution &x : s.solutions)
            if (x.causeId == r->cause) {
                const auto q = s.quadrantOf(x);
                auto *row = new QTreeWidgetItem(
                    top, {tr("Solution: %1").arg(x.text), x.kind, q ? t.quadrants.value(*q) : tr("not placed")});
                row->setData(0, Qt::UserRole, qlonglong(x.id));
                row->setData(0, KindRole, int(ItemKind::Solution));
            }
        top->setExpanded(true);
    }
    m_tree->resizeColumnToContents(1);
    m_tree->resizeColumnToContents(2);
    if (!(keepItem && selectItem(*keepItem)) && keep)
        selectCause(*keep);
}

} // namespace Quire
