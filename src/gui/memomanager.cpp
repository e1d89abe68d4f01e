// SPDX-License-Identifier: GPL-3.0-or-later
#include "memomanager.h"

#include "projectsession.h"
#include "workbenchshell.h"

#include "error.h"
#include "model/project.h"

#include <QComboBox>
#include <QDockWidget>
#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Quire {

namespace {
constexpr int RowRole = Qt::UserRole + 1;

QString oneLine(const QString &text, qsizetype max)
{
    QString s = text.simplified();
    return s.size() > max ? s.left(max - 1) + QChar(0x2026) : s;
}

QString kindLabel(const QString &kind)
{
    if (kind == QLatin1String("project"))
        return MemoManager::tr("Project journal");
    if (kind == QLatin1String("document"))
        return MemoManager::tr("Document");
    if (kind == QLatin1String("code"))
        return MemoManager::tr("Code");
    if (kind == QLatin1String("segment"))
        return MemoManager::tr("Segment");
    return MemoManager::tr("Case");
}
} // namespace

MemoManager::MemoManager(ProjectSession &session, WorkbenchShell &shell, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_shell(shell)
{
    setObjectName(QStringLiteral("memoManager"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(3);

    auto *top = new QHBoxLayout;
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("memoKindFilter"));
    m_kind->setAccessibleName(tr("Kind of memo"));
    m_kind->addItem(tr("All memos"), QString());
    for (const char *kind : {"project", "document", "code", "segment", "case"})
        m_kind->addItem(kindLabel(QLatin1String(kind)), QString::fromLatin1(kind));
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("memoSearch"));
    m_search->setAccessibleName(tr("Search the memos"));
    m_search->setPlaceholderText(tr("Search memos…"));
    m_search->setClearButtonEnabled(true);
    top->addWidget(m_kind);
    top->addWidget(m_search, 1);
    layout->addLayout(top);

    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("memoList"));
    m_list->setAccessibleName(tr("Memos"));
    m_list->setHeaderLabels({tr("Kind"), tr("On"), tr("Memo")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_list->setColumnWidth(1, 110);
    layout->addWidget(m_list, 2);

    auto *buttons = new QHBoxLayout;
    m_new = new QToolButton;
    m_new->setObjectName(QStringLiteral("newMemo"));
    m_new->setText(tr("&New"));
    m_new->setToolTip(tr("A further memo: a project journal entry, or on the current document, code or a case"));
    m_new->setPopupMode(QToolButton::InstantPopup);
    auto *newMenu = new QMenu(m_new);
    newMenu->addAction(tr("Project journal entry"), this, [this] { newMemo(QStringLiteral("project"), std::nullopt); });
    newMenu->addAction(tr("On the current document"), this, [this] {
        if (const auto doc = m_shell.currentDocument())
            newMemo(QStringLiteral("document"), *doc);
        else
            m_heading->setText(tr("Open a document first."));
    });
    newMenu->addAction(tr("On the current code"), this, [this] {
        if (const auto code = m_shell.currentCode())
            newMemo(QStringLiteral("code"), *code);
        else
            m_heading->setText(tr("Choose a code in the code tree first."));
    });
    newMenu->addAction(tr("On a case…"), this, [this] {
        Project *p = m_session.project();
        if (!p)
            return;
        QStringList names;
        QHash<QString, Id> ids;
        for (const Case &c : p->cases()) {
            names << c.name;
            ids.insert(c.name, c.id);
        }
        if (names.isEmpty()) {
            m_heading->setText(tr("The project has no cases yet."));
            return;
        }
        bool ok = false;
        const QString name =
            QInputDialog::getItem(m_shell.shellWidget(), tr("Memo on a case"), tr("Case:"), names, 0, false, &ok);
        if (ok)
            newMemo(QStringLiteral("case"), ids.value(name));
    });
    m_new->setMenu(newMenu);
    m_jump = new QPushButton(tr("&Go to"));
    m_jump->setObjectName(QStringLiteral("jumpToMemoTarget"));
    m_jump->setToolTip(tr("Show what the memo is on: the document, the passage, the code"));
    m_delete = new QPushButton(tr("De&lete"));
    m_delete->setObjectName(QStringLiteral("deleteMemo"));
    buttons->addWidget(m_new);
    buttons->addWidget(m_jump);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    layout->addLayout(buttons);

    m_heading = new QLabel;
    m_heading->setObjectName(QStringLiteral("memoHeading"));
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);
    m_editor = new MemoEditor(session);
    m_editor->setObjectName(QStringLiteral("memoManagerEditor"));
    m_editor->editor()->setAccessibleName(tr("Memo text"));
    layout->addWidget(m_editor, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] { applyFilter(); });
    connect(m_search, &QLineEdit::textChanged, this, [this] { applyFilter(); });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        if (!m_filling)
            showChosen();
    });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] { jumpToTarget(); });
    connect(m_jump, &QPushButton::clicked, this, [this] { jumpToTarget(); });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteCurrent(); });
    connect(m_editor, &MemoEditor::saved, this, [this](const MemoTarget &target) {
        if (m_editor->target() == target)
            selectTarget(target);
    });
    connect(&m_session, &ProjectSession::changed, this, [this](ProjectSession::Changes what) {
        if (what & (ProjectSession::Memos | ProjectSession::Documents | ProjectSession::Codes |
                    ProjectSession::Segments | ProjectSession::Cases))
            reload();
    });
    reload();
}

MemoManager::~MemoManager() = default;

QString MemoManager::describe(const MemoTarget &target) const
{
    const Project *p = m_session.project();
    if (!p || target.kind == QLatin1String("project"))
        return tr("the project");
    if (!target.targetId)
        return QString();
    try {
        if (target.kind == QLatin1String("document"))
            return p->document(*target.targetId).name;
        if (target.kind == QLatin1String("code"))
            return p->codePath(*target.targetId);
        if (target.kind == QLatin1String("case"))
            return p->findCase(QString::number(*target.targetId)).name;
        const Segment s = p->segment(*target.targetId);
        return QStringLiteral("%1: “%2”")
            .arg(p->document(s.documentId).name,
                 oneLine(p->documentRange(s.documentId, s.start, std::min(s.end, s.start + 60)), 40));
    } catch (const Error &) {
        return tr("(gone)");
    }
}

void MemoManager::reload()
{
    const auto chosen = currentTarget();
    m_rows.clear();
    if (const Project *p = m_session.project()) {
        for (const Memo &m : p->memos()) {
            Row r;
            r.target = {m.targetKind, m.targetId, m.id, false, false};
            r.kindLabel = kindLabel(m.targetKind);
            r.on = describe(r.target);
            r.text = m.text;
            r.modified = m.modified.left(16).replace(QLatin1Char('T'), QLatin1Char(' '));
            r.coder = m.coder;
            m_rows.push_back(r);
        }
        // The segments' own memos (the Details pane's) are memos too.
        for (const Segment &s : p->segments()) {
            if (s.memo.isEmpty())
                continue;
            Row r;
            r.target = {QStringLiteral("segment"), s.id, 0, true, false};
            r.kindLabel = kindLabel(r.target.kind);
            r.on = describe(r.target);
            r.text = s.memo;
            r.coder = s.coder;
            r.modified = s.created.left(16).replace(QLatin1Char('T'), QLatin1Char(' '));
            m_rows.push_back(r);
        }
    }
    m_filling = true;
    m_list->clear();
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows[i];
        auto *item = new QTreeWidgetItem({r.kindLabel, r.on, oneLine(r.text, 120)});
        item->setData(0, RowRole, qint64(i));
        item->setToolTip(1, r.on);
        item->setToolTip(2, tr("%1\n\n— %2, %3").arg(r.text, r.coder, r.modified));
        m_list->addTopLevelItem(item);
    }
    m_filling = false;
    applyFilter();
    if (chosen) {
        selectTarget(*chosen);
        if (!currentTarget()) {
            // The memo is gone (deleted elsewhere, an undone add).
            m_editor->setTarget(std::nullopt);
            m_heading->clear();
        }
    } else
        m_editor->setTarget(m_editor->target()); // a refresh of the memo being written
    m_delete->setEnabled(currentTarget().has_value());
    m_jump->setEnabled(currentTarget().has_value());
    m_new->setEnabled(m_session.project() != nullptr);
}

void MemoManager::applyFilter()
{
    const QString kind = m_kind->currentData().toString();
    const QString words = m_search->text().trimmed();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const Row &r = m_rows[size_t(item->data(0, RowRole).toLongLong())];
        const bool kindOk = kind.isEmpty() || r.target.kind == kind;
        const bool wordsOk =
            words.isEmpty() || r.text.contains(words, Qt::CaseInsensitive) || r.on.contains(words, Qt::CaseInsensitive);
        item->setHidden(!(kindOk && wordsOk));
    }
}

void MemoManager::setKindFilter(const QString &kind)
{
    const int i = m_kind->findData(kind);
    if (i >= 0)
        m_kind->setCurrentIndex(i);
}

void MemoManager::setSearch(const QString &words)
{
    m_search->setText(words);
}

int MemoManager::visibleCount() const
{
    int n = 0;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        n += m_list->topLevelItem(i)->isHidden() ? 0 : 1;
    return n;
}

void MemoManager::selectVisibleRow(int row)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (!item->isHidden() && row-- == 0) {
            m_list->setCurrentItem(item);
            return;
        }
    }
}

std::optional<MemoTarget> MemoManager::currentTarget() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item || item->isHidden())
        return std::nullopt;
    return m_rows[size_t(item->data(0, RowRole).toLongLong())].target;
}

void MemoManager::selectTarget(const MemoTarget &target)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (m_rows[size_t(item->data(0, RowRole).toLongLong())].target == target) {
            if (item->isHidden()) {
                // The memo asked for is shown even if the filter hid it.
                m_kind->setCurrentIndex(0);
                m_search->clear();
            }
            if (m_list->currentItem() == item)
                showChosen();
            else
                m_list->setCurrentItem(item);
            return;
        }
    }
}

void MemoManager::showChosen()
{
    const auto target = currentTarget();
    m_delete->setEnabled(target.has_value());
    m_jump->setEnabled(target.has_value());
    if (!target)
        return; // the editor keeps what it shows (a new memo being written)
    m_editor->setTarget(*target);
    m_heading->setText(target->kind == QLatin1String("project")
                           ? tr("Project journal")
                           : tr("%1 memo on %2").arg(kindLabel(target->kind), describe(*target)));
}

void MemoManager::raiseDock()
{
    for (QWidget *w = parentWidget(); w; w = w->parentWidget())
        if (auto *dock = qobject_cast<QDockWidget *>(w)) {
            dock->show();
            dock->raise();
        }
}

void MemoManager::editMemoOf(const QString &kind, std::optional<Id> targetId)
{
    raiseDock();
    MemoTarget target{kind, kind == QLatin1String("project") ? std::nullopt : targetId, 0, false, false};
    if (const Project *p = m_session.project()) {
        const auto memos = p->memos(kind, target.targetId);
        if (!memos.empty()) {
            target.memoId = memos.front().id;
            selectTarget(target);
            m_editor->setFocus();
            return;
        }
    }
    newMemo(kind, target.targetId);
}

void MemoManager::newMemo(const QString &kind, std::optional<Id> targetId)
{
    raiseDock();
    m_filling = true;
    m_list->setCurrentItem(nullptr);
    m_list->clearSelection();
    m_filling = false;
    const MemoTarget target{kind, kind == QLatin1String("project") ? std::nullopt : targetId, 0, false, true};
    m_editor->setTarget(target);
    m_heading->setText(kind == QLatin1String("project")
                           ? tr("New project journal entry")
                           : tr("New %1 memo on %2").arg(kindLabel(kind).toLower(), describe(target)));
    m_delete->setEnabled(false);
    m_jump->setEnabled(false);
    m_editor->setFocus();
}

bool MemoManager::jumpToTarget()
{
    const auto target = currentTarget();
    Project *p = m_session.project();
    if (!target || !p || !target->targetId)
        return false;
    try {
        if (target->kind == QLatin1String("document")) {
            m_shell.showDocument(*target->targetId);
        } else if (target->kind == QLatin1String("segment")) {
            const Segment s = p->segment(*target->targetId);
            m_shell.showPassage(s.documentId, s.start, s.end);
        } else if (target->kind == QLatin1String("code")) {
            Q_EMIT codeRequested(*target->targetId);
        } else if (target->kind == QLatin1String("case")) {
            const auto docs = p->caseDocuments(*target->targetId);
            if (docs.empty()) {
                m_heading->setText(tr("The case has no documents to show."));
                return false;
            }
            m_shell.showDocument(docs.front());
        }
    } catch (const Error &e) {
        m_heading->setText(e.message());
        return false;
    }
    return true;
}

bool MemoManager::deleteCurrent()
{
    const auto target = currentTarget();
    Project *p = m_session.project();
    if (!target || !p)
        return false;
    const QString what = target->kind == QLatin1String("project")
                             ? tr("the project journal entry")
                             : tr("the %1 memo on %2").arg(kindLabel(target->kind).toLower(), describe(*target));
    // What is typed but not written goes with the memo: nothing else is written first.
    m_editor->discardDraft();
    m_editor->setTarget(std::nullopt);
    const Outcome outcome = target->segmentField
                                ? m_session.run([&] { p->setSegmentMemo(*target->targetId, QString()); },
                                                ProjectSession::Segments | ProjectSession::Memos)
                                : m_session.run([&] { p->deleteMemo(target->memoId); }, ProjectSession::Memos);
    if (outcome)
        m_heading->setText(tr("Deleted %1. Undo (Ctrl+Z) brings it back.").arg(what));
    return outcome.ok();
}

} // namespace Quire
