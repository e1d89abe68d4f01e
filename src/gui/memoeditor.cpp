// SPDX-License-Identifier: GPL-3.0-or-later
#include "memoeditor.h"

#include "projectsession.h"

#include "error.h"
#include "model/project.h"

#include <QClipboard>
#include <QEvent>
#include <QFocusEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

namespace Quire {

MemoEditor::MemoEditor(ProjectSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_edit = new QPlainTextEdit;
    m_edit->setObjectName(QStringLiteral("memoText"));
    m_edit->setTabChangesFocus(true);
    m_edit->setPlaceholderText(tr("Type a memo; it is saved when you leave the box or switch to another item."));
    m_edit->installEventFilter(this);
    layout->addWidget(m_edit, 1);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("memoStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    setFocusProxy(m_edit);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading && m_edit->document()->isModified())
            m_status->setText(tr("Unsaved changes"));
    });
    setTarget(std::nullopt);
}

MemoEditor::~MemoEditor() = default;

QString MemoEditor::storedText(const ProjectSession &session, const MemoTarget &target)
{
    const Project *project = session.project();
    if (!project || (target.kind != QLatin1String("project") && !target.targetId))
        return QString();
    try {
        if (target.segmentField)
            return project->segment(*target.targetId).memo;
        if (target.memoId) {
            for (const Memo &m : project->memos(target.kind, target.targetId))
                if (m.id == target.memoId)
                    return m.text;
            return QString();
        }
        if (target.newMemo)
            return QString();
        const auto memos = project->memos(target.kind, target.targetId);
        return memos.empty() ? QString() : memos.front().text;
    } catch (const Error &) {
        return QString(); // the target is gone (an undone import)
    }
}

bool MemoEditor::hasDraft() const
{
    return m_target && m_edit->document()->isModified();
}

void MemoEditor::discardDraft()
{
    m_edit->document()->setModified(false);
}

void MemoEditor::setTarget(const std::optional<MemoTarget> &target)
{
    if (target == m_target) {
        // A refresh: a draft that differs from the stored text stays.
        if (hasDraft() && m_edit->toPlainText() != storedText(m_session, *m_target))
            return;
        load();
        return;
    }
    queueDraft();
    m_target = target;
    load();
    m_status->clear();
}

void MemoEditor::load()
{
    m_loading = true;
    m_edit->setEnabled(m_target.has_value() && m_session.project());
    m_edit->setPlainText(m_target ? storedText(m_session, *m_target) : QString());
    m_edit->document()->setModified(false);
    m_loading = false;
}

void MemoEditor::queueDraft()
{
    if (!hasDraft())
        return;
    m_pending.push_back({*m_target, m_edit->toPlainText()});
    m_edit->document()->setModified(false);
    m_status->setText(tr("Saving…"));
    // Written once the event that moved the editor on is over: the views
    // that switched are not rebuilt while they handle it.
    QTimer::singleShot(0, this, [this] { flush(); });
}

bool MemoEditor::save()
{
    queueDraft();
    return flush();
}

bool MemoEditor::flush()
{
    bool ok = true;
    while (!m_pending.empty()) {
        Pending p = m_pending.front();
        m_pending.pop_front();
        ok = write(p) && ok;
    }
    return ok;
}

bool MemoEditor::write(Pending &p)
{
    Project *project = m_session.project();
    if (!project)
        return false;
    const MemoTarget before = p.target;
    if (!p.target.newMemo && !p.target.memoId && !p.target.segmentField) {
        const auto memos = project->memos(p.target.kind, p.target.targetId);
        if (!memos.empty())
            p.target.memoId = memos.front().id;
    }
    Outcome outcome;
    bool wrote = true;
    if (p.target.segmentField) {
        if (p.text == storedText(m_session, p.target))
            wrote = false;
        else
            outcome = m_session.run([&] { project->setSegmentMemo(*p.target.targetId, p.text); },
                                    ProjectSession::Segments | ProjectSession::Memos);
    } else if (p.target.memoId) {
        if (p.text == storedText(m_session, p.target))
            wrote = false;
        else if (p.text.isEmpty())
            outcome = m_session.run([&] { project->deleteMemo(p.target.memoId); }, ProjectSession::Memos);
        else
            outcome = m_session.run([&] { project->editMemo(p.target.memoId, p.text); }, ProjectSession::Memos);
    } else if (p.text.isEmpty()) {
        wrote = false;
    } else {
        outcome = m_session.run([&] { p.target.memoId = project->addMemo(p.target.kind, p.target.targetId, p.text); },
                                ProjectSession::Memos);
        p.target.newMemo = false;
    }
    const bool current = m_target == before;
    if (!outcome) {
        // Nothing typed is dropped: still in the box if it shows the memo, else on the clipboard.
        if (current && !m_edit->document()->isModified()) {
            m_loading = true;
            m_edit->setPlainText(p.text);
            m_edit->document()->setModified(true);
            m_loading = false;
            m_status->setText(tr("Not saved: %1").arg(outcome.error()));
        } else {
            QGuiApplication::clipboard()->setText(p.text);
            m_status->setText(tr("Not saved: %1 The text is on the clipboard.").arg(outcome.error()));
        }
        return false;
    }
    if (current && m_target != p.target) {
        // A memo just added is the one this editor now edits (a refresh
        // during the command may have shown the empty new memo).
        m_target = p.target;
        if (!hasDraft())
            load();
    }
    if (wrote) {
        m_status->setText(p.text.isEmpty() && !p.target.segmentField
                              ? tr("Memo deleted at %1 (Undo brings it back)")
                                    .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")))
                              : tr("Saved at %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
        Q_EMIT saved(p.target);
    } else if (m_status->text() == tr("Saving…")) {
        m_status->setText(tr("Saved"));
    }
    return true;
}

bool MemoEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::FocusOut &&
        static_cast<QFocusEvent *>(event)->reason() != Qt::PopupFocusReason)
        queueDraft();
    return QWidget::eventFilter(watched, event);
}

} // namespace Quire
