// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <deque>
#include <optional>
#include <QString>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace Quire {

class ProjectSession;

/// What a memo editor writes to: a memo of the project's memo table (the
/// project journal, a document, code, segment or case memo; memoId 0 is a new
/// one, or the target's first memo when \a newMemo is false), or a segment's
/// own memo field (Project::setSegmentMemo, the Details pane's memo).
struct MemoTarget
{
    QString kind; ///< project, document, code, segment, case
    std::optional<Id> targetId;
    Id memoId = 0;
    bool segmentField = false; ///< the segment's own memo (segments.memo), not the memo table
    bool newMemo = false;      ///< write a further memo of the target, not its first one

    bool operator==(const MemoTarget &other) const = default;
};

/// A memo's text, never lost: what is typed is written (one command, so Undo
/// takes it back) when the editor loses focus, when it is pointed at another
/// memo (switching segment or document) and on save(); a line under the text
/// says "Saved" or "Unsaved changes". A refresh of the same memo keeps a draft
/// that differs from the stored text. Emptying a memo of the memo table
/// deletes it.
class MemoEditor : public QWidget
{
    Q_OBJECT
public:
    explicit MemoEditor(ProjectSession &session, QWidget *parent = nullptr);
    ~MemoEditor() override;

    /// Points the editor at \a target (nullopt: nothing, disabled). Pointing
    /// it elsewhere first writes a draft of the old target (queued, so the
    /// views that switched are not rebuilt under themselves); pointing it at
    /// the same target reloads the stored text unless a draft differs from it.
    void setTarget(const std::optional<MemoTarget> &target);
    const std::optional<MemoTarget> &target() const { return m_target; }
    /// Writes a draft now (and any queued one). Returns false if a write failed.
    bool save();
    /// Drops typed text not yet written (the memo itself is being deleted).
    void discardDraft();
    /// Whether there is typed text not yet written.
    bool hasDraft() const;

    QPlainTextEdit *editor() const { return m_edit; }
    QLabel *statusLabel() const { return m_status; }
    /// The stored text of \a target ("" when it has none yet).
    static QString storedText(const ProjectSession &session, const MemoTarget &target);

Q_SIGNALS:
    /// A memo was written; \a target says which (its memoId set for a memo just added).
    void saved(const Quire::MemoTarget &target);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Pending
    {
        MemoTarget target;
        QString text;
    };
    void queueDraft();
    /// Writes the queued drafts; false if one failed.
    bool flush();
    bool write(Pending &pending);
    void load();

    ProjectSession &m_session;
    QPlainTextEdit *m_edit = nullptr;
    QLabel *m_status = nullptr;
    std::optional<MemoTarget> m_target;
    std::deque<Pending> m_pending;
    bool m_loading = false;
};

} // namespace Quire
