// SPDX-License-Identifier: GPL-3.0-or-later
#include "historypane.h"

#include "projectsession.h"
#include "workbenchshell.h"

#include "displaynames.h"
#include "error.h"
#include "model/project.h"

#include <algorithm>
#include <cstdlib>

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Quire {

namespace {
const QString Done = QStringLiteral("done");
const QString Undone = QStringLiteral("undone");
const QString Discarded = QStringLiteral("discarded");

/// The stored UTC time as local time: the clock time for today, else the date too.
QString shortTime(const QString &created)
{
    QDateTime t = QDateTime::fromString(created, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(created, Qt::ISODate);
    if (!t.isValid())
        return created;
    t = t.toLocalTime();
    return t.date() == QDate::currentDate() ? t.toString(QStringLiteral("HH:mm:ss"))
                                            : t.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString oneLine(const QString &text)
{
    QString s = text;
    s.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\t'), QLatin1Char(' '));
    return s;
}
/// The stored words of [start, end) of a document, short, in quotes; empty if they cannot be read.
QString wordsOf(const Project &project, Id documentId, qsizetype start, qsizetype end)
{
    try {
        return QStringLiteral("“%1”").arg(DisplayNames::firstWords(project.documentRange(documentId, start, end), 36));
    } catch (const Error &) {
        return QString();
    }
}

QString documentName(const Project &project, Id documentId)
{
    try {
        return project.document(documentId).name;
    } catch (const Error &) {
        return QString();
    }
}
} // namespace

QString HistoryPane::describe(const Project &project, const CommandRecord &r)
{
    // The stored summaries name offsets ("Resize segment 1 from 680:748 to 682:748"):
    // the row shows the words they point at and the document instead.
    if (!r.kind.startsWith(QLatin1String("segment.")))
        return r.summary;
    const auto segmentOf = [&](Id id) -> std::optional<Segment> {
        try {
            return project.segment(id);
        } catch (const Error &) {
            return std::nullopt;
        }
    };
    if (r.kind == QLatin1String("segment.add")) {
        static const QRegularExpression add(QStringLiteral("^Code (.+) (\\d+):(\\d+) with (.+)$"));
        const QRegularExpressionMatch m = add.match(r.summary);
        if (!m.hasMatch())
            return r.summary;
        try {
            const Document d = project.findDocument(m.captured(1));
            const QString words = wordsOf(project, d.id, m.captured(2).toLongLong(), m.captured(3).toLongLong());
            return words.isEmpty() ? r.summary : tr("Code %1 in %2 with %3").arg(words, d.name, m.captured(4));
        } catch (const Error &) {
            return r.summary;
        }
    }
    if (r.kind == QLatin1String("segment.resize")) {
        static const QRegularExpression resize(
            QStringLiteral("^Resize segment (\\d+) from (\\d+):(\\d+) to (\\d+):(\\d+)"));
        const QRegularExpressionMatch m = resize.match(r.summary);
        const auto s = m.hasMatch() ? segmentOf(m.captured(1).toLongLong()) : std::nullopt;
        if (!s)
            return r.summary;
        const QString before = wordsOf(project, s->documentId, m.captured(2).toLongLong(), m.captured(3).toLongLong());
        const QString after = wordsOf(project, s->documentId, m.captured(4).toLongLong(), m.captured(5).toLongLong());
        const QString name = documentName(project, s->documentId);
        if (before.isEmpty() || after.isEmpty() || name.isEmpty())
            return r.summary;
        return tr("Resize %1 to %2 in %3").arg(before, after, name);
    }
    if (r.kind == QLatin1String("segment.remove")) {
        // Newer summaries name the document and range, as the segment is gone once it is removed.
        static const QRegularExpression removed(QStringLiteral("^Remove segment (\\d+) \\((.+) (\\d+):(\\d+)\\)$"));
        const QRegularExpressionMatch m = removed.match(r.summary);
        if (m.hasMatch()) {
            try {
                const Document d = project.findDocument(m.captured(2));
                const QString words = wordsOf(project, d.id, m.captured(3).toLongLong(), m.captured(4).toLongLong());
                return words.isEmpty() ? r.summary : tr("Remove the segment %1 in %2").arg(words, d.name);
            } catch (const Error &) {
                return r.summary;
            }
        }
    }
    static const QRegularExpression segmentId(QStringLiteral("segment (\\d+)"));
    const QRegularExpressionMatch m = segmentId.match(r.summary);
    const auto s = m.hasMatch() ? segmentOf(m.captured(1).toLongLong()) : std::nullopt;
    if (!s)
        return r.summary;
    const QString words = wordsOf(project, s->documentId, s->start, s->end);
    const QString name = documentName(project, s->documentId);
    if (words.isEmpty() || name.isEmpty())
        return r.summary;
    if (r.kind == QLatin1String("segment.remove"))
        return tr("Remove the segment %1 in %2").arg(words, name);
    if (r.kind == QLatin1String("segment.memo"))
        return tr("Memo of %1 in %2").arg(words, name);
    if (r.kind == QLatin1String("segment.uncode")) {
        static const QRegularExpression uncode(QStringLiteral("^Remove code (\\d+) from segment"));
        const QRegularExpressionMatch c = uncode.match(r.summary);
        try {
            if (c.hasMatch())
                return tr("Take %1 off %2 in %3").arg(project.codePath(c.captured(1).toLongLong()), words, name);
        } catch (const Error &) {
        }
    }
    return r.summary;
}

HistoryPane::HistoryPane(ProjectSession &session, WorkbenchShell &shell, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_shell(shell)
{
    setObjectName(QStringLiteral("historyPane"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setAccessibleName(tr("Command history, oldest first"));
    m_list->setUniformItemSizes(true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        if (const Id id = item->data(CommandIdRole).toLongLong())
            goTo(id);
    });
    connect(m_list, &QListWidget::currentItemChanged, this, [this] { updateButton(); });
    layout->addWidget(m_list, 1);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("historyMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    auto *buttons = new QHBoxLayout;
    m_goButton = new QPushButton(tr("&Go back to here"));
    m_goButton->setObjectName(QStringLiteral("historyGoButton"));
    connect(m_goButton, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_list->currentItem())
            if (const Id id = item->data(CommandIdRole).toLongLong())
                goTo(id);
    });
    buttons->addWidget(m_goButton);
    buttons->addStretch();
    layout->addLayout(buttons);

    // A command, an undo or a redo made elsewhere: the log changed, any old note is stale.
    connect(&m_session, &ProjectSession::changed, this, [this](ProjectSession::Changes what) {
        if (!(what & ProjectSession::History))
            return;
        if (!m_stepping)
            showMessage(QString(), false);
        reload();
    });
    reload();
}

void HistoryPane::reload()
{
    const Id selected = m_list->currentItem() ? m_list->currentItem()->data(CommandIdRole).toLongLong() : 0;
    m_list->clear();
    Project *project = m_session.project();
    std::vector<CommandRecord> history;
    if (project) {
        try {
            history = project->history();
        } catch (const Error &e) {
            showMessage(e.message(), true);
        }
    }
    // "You are here" sits after the newest done command: the state the project is in.
    qsizetype lastDone = -1;
    for (qsizetype i = 0; i < qsizetype(history.size()); ++i)
        if (history[size_t(i)].state == Done)
            lastDone = i;

    const QColor grey = palette().color(QPalette::Disabled, QPalette::Text);
    auto addMarker = [this] {
        auto *marker = new QListWidgetItem(tr("▶ you are here"));
        QFont f = marker->font();
        f.setBold(true);
        marker->setFont(f);
        marker->setFlags(Qt::ItemIsEnabled);
        marker->setData(CommandIdRole, Id(0));
        marker->setBackground(palette().color(QPalette::AlternateBase));
        marker->setToolTip(tr("The project is as the commands above left it; the ones below are undone."));
        m_list->addItem(marker);
    };
    if (project && lastDone < 0)
        addMarker();
    QListWidgetItem *current = nullptr;
    for (qsizetype i = 0; i < qsizetype(history.size()); ++i) {
        const CommandRecord &r = history[size_t(i)];
        const QString described = describe(*project, r);
        QString text = QStringLiteral("%1 — %2 — %3").arg(shortTime(r.created), r.coder, oneLine(described));
        auto *item = new QListWidgetItem;
        item->setData(CommandIdRole, r.id);
        item->setData(StateRole, r.state);
        QFont f = item->font();
        if (r.state == Undone) {
            f.setItalic(true);
            item->setForeground(grey);
            item->setToolTip(tr("Undone — double-click to redo up to here.\n"));
        } else if (r.state == Discarded) {
            f.setStrikeOut(true);
            item->setForeground(grey);
            text = tr("✕ %1 (discarded)").arg(text);
            item->setToolTip(tr("Discarded: undone, then replaced by a newer command; kept as a record only.\n"));
        } else if (i < lastDone) {
            item->setToolTip(tr("Done — double-click to go back to here (undo everything after it).\n"));
        } else {
            item->setToolTip(tr("Done — the newest step.\n"));
        }
        item->setText(text);
        item->setFont(f);
        item->setToolTip(item->toolTip() + (described != r.summary ? r.summary + QLatin1Char('\n') : QString()) +
                         tr("#%1 · %2 · %3 · %4 · %5").arg(QString::number(r.id), r.kind, r.state, r.coder, r.created));
        m_list->addItem(item);
        if (r.id == selected)
            current = item;
        if (i == lastDone)
            addMarker();
    }
    if (current)
        m_list->setCurrentItem(current);
    if (m_list->count() > 0)
        m_list->scrollToItem(m_list->item(markerRow() >= 0 ? markerRow() : m_list->count() - 1));
    updateButton();
}

bool HistoryPane::goTo(Id commandId)
{
    Project *project = m_session.project();
    if (!project)
        return false;
    std::vector<CommandRecord> history;
    try {
        history = project->history();
    } catch (const Error &e) {
        showMessage(e.message(), true);
        return false;
    }
    const auto target =
        std::find_if(history.begin(), history.end(), [&](const CommandRecord &r) { return r.id == commandId; });
    if (target == history.end()) {
        showMessage(tr("There is no command #%1 in the log.").arg(commandId), true);
        return false;
    }
    if (target->state == Discarded) {
        showMessage(
            tr("“%1” was discarded (a newer command replaced it); it cannot be redone.").arg(oneLine(target->summary)),
            true);
        return false;
    }
    // Undo takes back the newest done command, redo re-applies the oldest undone one, so the
    // number of steps is the done commands after the target, or the undone ones up to it.
    int steps = 0;
    for (const CommandRecord &r : history) {
        if (target->state == Done && r.state == Done && r.id > commandId)
            --steps;
        else if (target->state == Undone && r.state == Undone && r.id <= commandId)
            ++steps;
    }
    if (steps == 0) {
        showMessage(tr("You are here already."), false);
        return true;
    }
    m_stepping = true;
    showMessage(QString(), false);
    const int done = m_shell.stepHistory(steps);
    m_stepping = false;
    if (done < std::abs(steps)) {
        showMessage(tr("Stopped after %n step(s): %1", nullptr, done).arg(m_shell.lastError()), true);
        return false;
    }
    return true;
}

int HistoryPane::markerRow() const
{
    for (int row = 0; row < m_list->count(); ++row)
        if (m_list->item(row)->data(CommandIdRole).toLongLong() == 0)
            return row;
    return -1;
}

int HistoryPane::rowOf(Id commandId) const
{
    for (int row = 0; row < m_list->count(); ++row)
        if (m_list->item(row)->data(CommandIdRole).toLongLong() == commandId)
            return row;
    return -1;
}

QString HistoryPane::message() const
{
    return m_message->text();
}

void HistoryPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The greys come from the palette: the dark palette needs them again.
    if (event->type() == QEvent::PaletteChange && m_list)
        reload();
}

void HistoryPane::updateButton()
{
    const QListWidgetItem *item = m_list->currentItem();
    const QString state = item ? item->data(StateRole).toString() : QString();
    const int row = item ? m_list->row(item) : -1;
    const bool back = state == Done && row < markerRow() - 1;
    const bool forward = state == Undone;
    m_goButton->setText(forward ? tr("&Redo up to here") : tr("&Go back to here"));
    m_goButton->setEnabled(back || forward);
    m_goButton->setToolTip(forward ? tr("Redo every undone command up to and including this one")
                                   : tr("Undo every command after this one"));
}

void HistoryPane::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    QPalette p = m_message->palette();
    p.setColor(QPalette::WindowText, error ? QColor(0xc0, 0x1c, 0x28) : palette().color(QPalette::WindowText));
    m_message->setPalette(p);
}

} // namespace Quire
