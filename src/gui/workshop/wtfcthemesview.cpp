// SPDX-License-Identifier: GPL-3.0-or-later
#include "workshop/wtfcthemesview.h"

#include "projectsession.h"
#include "workbenchshell.h"
#include "workshop/workshopsupport.h"

#include "error.h"
#include "model/project.h"
#include "wtfc/graphexport.h"
#include "wtfcreport.h"

#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QDropEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QMouseEvent>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
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

// ---- WtfcThemesView ------------------------------------------------------------

namespace {

constexpr int StatementRole = Qt::UserRole + 1;

int starsOn(const Snapshot &s, const ItemRef &target)
{
    int n = 0;
    for (const Vote &v : s.votes)
        if (v.target == target && v.kind == QLatin1String("star"))
            n += v.count;
    return n;
}

/// "Votes by group: carers ●2 ★1; staff ●1" for a tooltip.
QString votesByGroup(const Snapshot &s, const ItemRef &target)
{
    std::map<QString, std::pair<int, int>> by; // group -> dots, stars
    for (const Vote &v : s.votes)
        if (v.target == target) {
            auto &[dots, stars] =
                by[v.voterGroup.isEmpty() ? QCoreApplication::translate("Quire::WtfcThemesView", "no group")
                                          : v.voterGroup];
            (v.kind == QLatin1String("star") ? stars : dots) += v.count;
        }
    QStringList parts;
    for (const auto &[group, n] : by)
        parts << QStringLiteral("%1 \u25CF%2 \u2605%3").arg(group).arg(n.first).arg(n.second);
    return parts.isEmpty() ? QString()
                           : QCoreApplication::translate("Quire::WtfcThemesView", "Votes by group: %1")
                                 .arg(parts.join(QStringLiteral("; ")));
}

QString areaKey(const QString &area)
{
    return area.simplified().toCaseFolded();
}

/// One column's cards: drags carry the statement id; a drop hands the card to
/// the view after the drag has finished, since the command rebuilds the columns.
class ThemeColumnList : public QListWidget
{
public:
    ThemeColumnList(WtfcThemesView *view, std::optional<Id> theme)
        : m_view(view)
        , m_theme(theme)
    {
        setDragEnabled(true);
        setAcceptDrops(true);
        setDropIndicatorShown(true);
        setDragDropMode(QAbstractItemView::DragDrop);
        setDefaultDropAction(Qt::MoveAction);
        setSelectionMode(QAbstractItemView::SingleSelection);
        setWordWrap(true);
        setResizeMode(QListView::Adjust);
        setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        setSpacing(2);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setTextElideMode(Qt::ElideNone);
        setStyleSheet(QStringLiteral("QListWidget { background: #f4f4f4; border: none; }"
                                     "QListWidget::item { background: white; color: black; border: 1px solid #aaa;"
                                     " border-radius: 4px; padding: 5px; }"
                                     "QListWidget::item:selected { border: 2px solid #e76f51; }"));
    }

protected:
    void contextMenuEvent(QContextMenuEvent *event) override
    {
        QListWidgetItem *item = itemAt(event->pos());
        if (!item)
            return;
        setCurrentItem(item);
        const std::unique_ptr<QMenu> menu(m_view->cardMenu(item->data(StatementRole).toLongLong()));
        menu->exec(event->globalPos());
    }

    QStringList mimeTypes() const override { return {WtfcThemesView::cardMimeType()}; }

    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override
    {
        if (items.isEmpty())
            return nullptr;
        return m_view->mimeForStatement(items.first()->data(StatementRole).toLongLong());
    }

    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction | Qt::CopyAction; }

    void dragEnterEvent(QDragEnterEvent *event) override
    {
        if (event->mimeData()->hasFormat(WtfcThemesView::cardMimeType()))
            event->acceptProposedAction();
        else
            event->ignore();
    }

    void dragMoveEvent(QDragMoveEvent *event) override
    {
        if (event->mimeData()->hasFormat(WtfcThemesView::cardMimeType()))
            event->acceptProposedAction();
        else
            event->ignore();
    }

    void dropEvent(QDropEvent *event) override
    {
        if (!event->mimeData()->hasFormat(WtfcThemesView::cardMimeType())) {
            event->ignore();
            return;
        }
        // The columns are rebuilt by the command: the source must not remove the item itself.
        event->setDropAction(Qt::CopyAction);
        event->accept();
        const QByteArray payload = event->mimeData()->data(WtfcThemesView::cardMimeType());
        QPointer<WtfcThemesView> view(m_view);
        const std::optional<Id> theme = m_theme;
        QTimer::singleShot(0, m_view, [view, payload, theme] {
            if (!view)
                return;
            QMimeData mime;
            mime.setData(WtfcThemesView::cardMimeType(), payload);
            view->dropCard(&mime, theme);
        });
    }

private:
    WtfcThemesView *m_view;
    std::optional<Id> m_theme;
};

} // namespace

WtfcThemesView::WtfcThemesView(ProjectSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("wtfcThemesView"));
    setAccessibleName(tr("Themes and votes"));
    m_area = new QComboBox;
    m_area->setObjectName(QStringLiteral("wtfcThemesArea"));
    m_area->setAccessibleName(tr("Area"));
    m_area->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_scroll = new QScrollArea;
    m_scroll->setObjectName(QStringLiteral("wtfcThemesScroll"));
    m_scroll->setWidgetResizable(true);
    m_board = new QWidget;
    m_columns = new QHBoxLayout(m_board);
    m_columns->setContentsMargins(4, 4, 4, 4);
    m_scroll->setWidget(m_board);
    m_group = new QComboBox;
    m_group->setObjectName(QStringLiteral("wtfcVoterGroup"));
    m_group->setEditable(true);
    m_group->setAccessibleName(tr("Voter group"));
    m_group->setToolTip(tr("The voter group the next dots and stars are cast for (type a new one, or leave empty)"));
    m_group->setMinimumContentsLength(12);
    m_group->setInsertPolicy(QComboBox::NoInsert);
    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_newTheme = new QLineEdit;
    m_newTheme->setObjectName(QStringLiteral("wtfcNewTheme"));
    m_newTheme->setAccessibleName(tr("New theme in this area"));
    m_newTheme->setPlaceholderText(tr("New theme in this area, then Return"));
    m_newTheme->setMinimumWidth(260);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Area:")));
    bar->addWidget(m_area);
    bar->addWidget(m_newTheme);
    bar->addStretch(1);
    bar->addWidget(new QLabel(tr("Voter group:")));
    bar->addWidget(m_group);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_message);
    connect(m_area, &QComboBox::currentTextChanged, this, [this] {
        if (!m_loading)
            reload();
    });
    connect(m_newTheme, &QLineEdit::returnPressed, this, [this] {
        const QString name = m_newTheme->text();
        QTimer::singleShot(0, this, [this, name] {
            if (addTheme(name))
                m_newTheme->clear();
        });
    });
    connect(&m_session, &ProjectSession::changed, this, [this](ProjectSession::Changes what) {
        if (what & WorkshopInputs)
            reload();
    });
    reload();
}

QString WtfcThemesView::cardMimeType()
{
    return QStringLiteral("application/x-quire-wtfc-statement");
}

QMimeData *WtfcThemesView::mimeForStatement(Id statement) const
{
    auto *mime = new QMimeData;
    mime->setData(cardMimeType(), QByteArray::number(statement));
    mime->setText(m_cardText.value(statement));
    return mime;
}

QString WtfcThemesView::message() const
{
    return m_message->text();
}

bool WtfcThemesView::setArea(const QString &area)
{
    const int i = m_area->findText(area, Qt::MatchFixedString);
    if (i < 0)
        return false;
    m_area->setCurrentIndex(i);
    return true;
}

QList<Id> WtfcThemesView::cardsIn(std::optional<Id> theme) const
{
    QList<Id> ids;
    if (const QListWidget *list = m_lists.value(theme.value_or(0)))
        for (int i = 0; i < list->count(); ++i)
            ids << list->item(i)->data(StatementRole).toLongLong();
    return ids;
}

QString WtfcThemesView::headerText(Id theme) const
{
    const QLabel *label = m_headers.value(theme);
    return label ? label->text() : QString();
}

bool WtfcThemesView::dropCard(const QMimeData *mime, std::optional<Id> theme)
{
    if (!mime || !m_session.project() || !mime->hasFormat(cardMimeType()))
        return false;
    bool number = false;
    const Id statement = mime->data(cardMimeType()).toLongLong(&number);
    if (!number || !m_cardText.contains(statement)) {
        m_message->setText(tr("That card is not in this area."));
        return false;
    }
    const Outcome done = m_session.run(
        [&] {
            Workshop w(*m_session.project());
            if (theme)
                w.assign(*theme, {statement});
            else
                w.unassign({statement});
        },
        ProjectSession::Workshop);
    m_message->setText(done.error());
    return done.ok();
}

bool WtfcThemesView::addDot(Id theme)
{
    return addVote(ItemRef{ItemKind::Theme, theme}, QStringLiteral("dot"));
}

bool WtfcThemesView::addVote(const ItemRef &target, const QString &kind)
{
    if (!m_session.project())
        return false;
    const QString group = m_group->currentText().trimmed();
    const Outcome done =
        m_session.run([&] { Workshop(*m_session.project()).vote(target, kind, 1, group); }, ProjectSession::Workshop);
    m_message->setText(done.error());
    return done.ok();
}

QString WtfcThemesView::cardText(Id statement) const
{
    for (const QListWidget *list : m_lists)
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->data(StatementRole).toLongLong() == statement)
                return list->item(i)->text();
    return QString();
}

std::optional<Id> WtfcThemesView::currentCard() const
{
    for (const QListWidget *list : m_lists)
        if (const QListWidgetItem *item = list->currentItem(); item && item->isSelected())
            return item->data(StatementRole).toLongLong();
    return std::nullopt;
}

bool WtfcThemesView::setCurrentCard(Id statement)
{
    for (QListWidget *list : m_lists)
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->data(StatementRole).toLongLong() == statement) {
                list->setCurrentRow(i);
                return true;
            }
    return false;
}

QMenu *WtfcThemesView::cardMenu(Id statement)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("wtfcCardMenu"));
    const QString group = m_group->currentText().trimmed();
    const QString forGroup = group.isEmpty() ? QString() : tr(" (%1)").arg(group);
    const ItemRef target{ItemKind::Statement, statement};
    QAction *dot = menu->addAction(tr("+1 &dot on this statement%1").arg(forGroup), this, [this, target] {
        QTimer::singleShot(0, this, [this, target] { addVote(target, QStringLiteral("dot")); });
    });
    dot->setObjectName(QStringLiteral("wtfcCardDot"));
    QAction *star = menu->addAction(tr("\u2605 &Star this statement%1").arg(forGroup), this, [this, target] {
        QTimer::singleShot(0, this, [this, target] { addVote(target, QStringLiteral("star")); });
    });
    star->setObjectName(QStringLiteral("wtfcCardStar"));
    return menu;
}

bool WtfcThemesView::removeDot(Id theme)
{
    Project *p = m_session.project();
    if (!p)
        return false;
    std::optional<Id> latest;
    for (const Vote &v : Workshop(*p).snapshot().votes)
        if (v.target == ItemRef{ItemKind::Theme, theme} && v.kind == QLatin1String("dot"))
            latest = v.id;
    if (!latest) {
        m_message->setText(tr("This theme has no dot to take back."));
        return false;
    }
    const Outcome done =
        m_session.run([&] { Workshop(*m_session.project()).removeVote(*latest); }, ProjectSession::Workshop);
    m_message->setText(done.error());
    return done.ok();
}

bool WtfcThemesView::addTheme(const QString &name)
{
    if (name.trimmed().isEmpty() || !m_session.project() || m_area->currentText().isEmpty())
        return false;
    const QString area = m_area->currentText();
    const Outcome done =
        m_session.run([&] { Workshop(*m_session.project()).addTheme(area, name.trimmed()); }, ProjectSession::Workshop);
    m_message->setText(done.error());
    return done.ok();
}

bool WtfcThemesView::renameTheme(Id theme, const QString &name)
{
    if (name.trimmed().isEmpty() || !m_session.project())
        return false;
    const Outcome done = m_session.run([&] { Workshop(*m_session.project()).renameTheme(theme, name.trimmed()); },
                                       ProjectSession::Workshop);
    m_message->setText(done.error());
    return done.ok();
}

bool WtfcThemesView::deleteTheme(Id theme)
{
    if (!m_session.project())
        return false;
    const Outcome done =
        m_session.run([&] { Workshop(*m_session.project()).deleteTheme(theme); }, ProjectSession::Workshop);
    m_message->setText(done.error());
    return done.ok();
}

bool WtfcThemesView::addIStatement(Id theme, const QString &text)
{
    if (text.trimmed().isEmpty() || !m_session.project())
        return false;
    const Outcome done = m_session.run(
        [&] {
            Workshop w(*m_session.project());
            std::vector<Id> statements;
            for (const Theme &t : w.snapshot().themes)
                if (t.id == theme)
                    statements = t.statements;
            w.addIStatement(theme, text.trimmed(), statements);
        },
        ProjectSession::Workshop);
    m_message->setText(done.error());
    return done.ok();
}

void WtfcThemesView::reload()
{
    // A dot, a star or a drop must not move the board: the scroll position
    // and the current card stay. Focus leaves the old columns first, else
    // Qt hands it to the next widget and the scroll area jumps to that.
    const int keepX = m_scroll->horizontalScrollBar()->value(), keepY = m_scroll->verticalScrollBar()->value();
    const auto keepCard = currentCard();
    if (QWidget *focus = QApplication::focusWidget(); focus && m_board->isAncestorOf(focus))
        m_scroll->setFocus(Qt::OtherFocusReason);
    // Old columns go later: reload can run from inside one of their own handlers.
    while (QLayoutItem *item = m_columns->takeAt(0)) {
        if (QWidget *w = item->widget()) {
            w->hide();
            w->deleteLater();
        }
        delete item;
    }
    m_lists.clear();
    m_headers.clear();
    m_voteButtons.clear();
    m_starButtons.clear();
    m_iEdits.clear();
    m_menus.clear();
    m_cardText.clear();
    const std::optional<Snapshot> loaded = workshopOrSay(m_session, m_message);
    if (!loaded)
        return;
    const Snapshot &s = *loaded;

    // The template's areas, then any other area a statement or theme uses.
    m_loading = true;
    const QString keep = m_area->currentText();
    QStringList areas = s.workshopTemplate.areas;
    QStringList keys;
    for (const QString &a : areas)
        keys << areaKey(a);
    auto addArea = [&](const QString &a) {
        if (!a.trimmed().isEmpty() && !keys.contains(areaKey(a))) {
            areas << a.trimmed();
            keys << areaKey(a);
        }
    };
    for (const PcrStatement &st : s.statements)
        addArea(st.area);
    for (const Theme &t : s.themes)
        addArea(t.area);
    m_area->clear();
    m_area->addItems(areas);
    int current = keep.isEmpty() ? -1 : int(keys.indexOf(areaKey(keep)));
    if (current < 0)
        // First visit: where the work is — the first area with I statements,
        // else with themes, else with statements.
        for (int want = 0; want < 3 && current < 0; ++want)
            for (int i = 0; i < areas.size() && current < 0; ++i) {
                const QString k = keys[i];
                const auto themeHere = [&](const Theme &t) { return areaKey(t.area) == k; };
                const bool found =
                    want == 0   ? std::any_of(s.nodes.begin(), s.nodes.end(),
                                              [&](const Node &n) {
                                                const Theme *t = n.themeId ? s.theme(*n.themeId) : nullptr;
                                                return t && themeHere(*t);
                                            })
                    : want == 1 ? std::any_of(s.themes.begin(), s.themes.end(), themeHere)
                                : std::any_of(s.statements.begin(), s.statements.end(),
                                              [&](const PcrStatement &st) { return areaKey(st.area) == k; });
                if (found)
                    current = i;
            }
    m_area->setCurrentIndex(std::max(current, 0));
    m_loading = false;
    const QString key = areaKey(m_area->currentText());

    QFont bold = font();
    bold.setBold(true);
    auto addColumn = [&](std::optional<Id> theme, const QString &title) {
        auto *column = new QFrame;
        column->setFrameShape(QFrame::StyledPanel);
        column->setMinimumWidth(230);
        column->setMaximumWidth(320);
        auto *v = new QVBoxLayout(column);
        v->setContentsMargins(6, 6, 6, 6);
        auto *header = new QLabel(title);
        header->setFont(bold);
        header->setWordWrap(true);
        v->addWidget(header);
        auto *list = new ThemeColumnList(this, theme);
        list->setAccessibleName(theme ? tr("Statements on %1").arg(title) : tr("Statements not sorted"));
        m_lists.insert(theme.value_or(0), list);
        if (theme) {
            m_headers.insert(*theme, header);
            auto *dot = new QPushButton(tr("+1 dot"));
            dot->setAccessibleName(tr("Add a dot vote to %1").arg(title));
            const Id id = *theme;
            // The command rebuilds the columns, this button included.
            connect(dot, &QPushButton::clicked, this,
                    [this, id] { QTimer::singleShot(0, this, [this, id] { addDot(id); }); });
            m_voteButtons.insert(id, dot);
            auto *star = new QPushButton(tr("\u2605 star"));
            star->setAccessibleName(tr("Add a star vote to %1").arg(title));
            connect(star, &QPushButton::clicked, this, [this, id] {
                QTimer::singleShot(0, this, [this, id] {
                    addVote(ItemRef{ItemKind::Theme, id}, QStringLiteral("star"));
                });
            });
            m_starButtons.insert(id, star);
            auto *more = new QToolButton;
            more->setText(QStringLiteral("\u22EF"));
            more->setAccessibleName(tr("More for %1").arg(title));
            more->setPopupMode(QToolButton::InstantPopup);
            auto *menu = new QMenu(more);
            const QString name = title.section(QStringLiteral(" \u00B7 "), 0, 0);
            menu->addAction(tr("Rename…"), this, [this, id, name] {
                bool ok = false;
                const QString text =
                    QInputDialog::getText(this, tr("Rename theme"), tr("Theme:"), QLineEdit::Normal, name, &ok);
                if (ok)
                    QTimer::singleShot(0, this, [this, id, text] { renameTheme(id, text); });
            });
            menu->addAction(tr("Take back a dot"), this,
                            [this, id] { QTimer::singleShot(0, this, [this, id] { removeDot(id); }); });
            menu->addSeparator();
            menu->addAction(tr("&Delete theme…"), this, [this, id, name] {
                if (QMessageBox::question(this, tr("Confirm deletion"),
                                          tr("Do you want to delete the theme \u201C%1\u201D? Its statements go back "
                                             "to \u201CNot sorted\u201D; "
                                             "Ctrl+Z brings it back.")
                                              .arg(name)) == QMessageBox::Yes)
                    QTimer::singleShot(0, this, [this, id] { deleteTheme(id); });
            });
            more->setMenu(menu);
            m_menus.insert(id, menu);
            auto *buttons = new QHBoxLayout;
            buttons->addWidget(dot);
            buttons->addWidget(star);
            buttons->addStretch(1);
            buttons->addWidget(more);
            v->addLayout(buttons);
            QStringList lines;
            for (const Node &n : s.nodes)
                if (n.kind == ItemKind::IStatement && n.themeId == id)
                    lines << QStringLiteral("<li>“%1”</li>").arg(n.text.toHtmlEscaped());
            auto *istatements = new QLabel(
                lines.isEmpty() ? tr("<i>No I statement yet</i>")
                                : QStringLiteral("<ul style='margin-left:-20px'>%1</ul>").arg(lines.join(QString())));
            istatements->setWordWrap(true);
            istatements->setTextFormat(Qt::RichText);
            v->addWidget(istatements);
            auto *edit = new QLineEdit;
            edit->setPlaceholderText(tr("Add I statement and press Return"));
            edit->setAccessibleName(tr("Add an I statement to %1").arg(title));
            connect(edit, &QLineEdit::returnPressed, this, [this, id, edit] {
                const QString text = edit->text();
                QTimer::singleShot(0, this, [this, id, text] { addIStatement(id, text); });
            });
            m_iEdits.insert(id, edit);
            v->addWidget(edit);
        }
        v->addWidget(list, 1);
        m_columns->addWidget(column);
    };

    int themes = 0, cards = 0;
    for (const Theme &t : s.themes) {
        if (areaKey(t.area) != key)
            continue;
        ++themes;
        const ItemRef ref{ItemKind::Theme, t.id};
        const int votes = s.votesFor(ref);
        const int stars = starsOn(s, ref);
        addColumn(t.id, stars > 0 ? tr("%1 · %n vote(s)", nullptr, votes).arg(t.name) +
                                        QStringLiteral(" \u00B7 \u2605 %1").arg(stars)
                                  : tr("%1 · %n vote(s)", nullptr, votes).arg(t.name));
        if (QLabel *header = m_headers.value(t.id))
            header->setToolTip(votesByGroup(s, ref));
    }
    addColumn(std::nullopt, tr("Not sorted"));
    for (const PcrStatement &st : s.statements) {
        if (areaKey(st.area) != key)
            continue;
        QListWidget *list = m_lists.value(st.themeId.value_or(0));
        if (!list)
            list = m_lists.value(0); // on a theme of another area: shown as not sorted here
        QStringList who;
        for (Id person : st.people)
            who << s.personName(person);
        QString meta = st.rank ? tr("%1 · rank %2").arg(who.join(QStringLiteral(", "))).arg(*st.rank)
                               : who.join(QStringLiteral(", "));
        const ItemRef card{ItemKind::Statement, st.id};
        const int stars = starsOn(s, card), dots = s.votesFor(card) - stars;
        if (dots > 0)
            meta += tr(" · %n dot(s)", nullptr, dots);
        if (stars > 0)
            meta += QStringLiteral(" \u00B7 \u2605 %1").arg(stars);
        auto *item = new QListWidgetItem(QStringLiteral("%1\n— %2").arg(oneLine(st.text, 160), meta), list);
        item->setData(StatementRole, qlonglong(st.id));
        item->setToolTip(dots + stars > 0 ? st.text + QStringLiteral("\n\n") + votesByGroup(s, card) : st.text);
        m_cardText.insert(st.id, st.text);
        ++cards;
    }
    m_columns->addStretch(1);
    // Voter groups seen so far, the one typed kept.
    const QString group = m_group->currentText();
    QStringList groups;
    for (const Vote &v : s.votes)
        if (!v.voterGroup.isEmpty() && !groups.contains(v.voterGroup))
            groups << v.voterGroup;
    groups.sort(Qt::CaseInsensitive);
    m_group->clear();
    m_group->addItem(QString());
    m_group->addItems(groups);
    m_group->setCurrentText(group);
    if (keepCard)
        setCurrentCard(*keepCard);
    // The scroll range follows the new columns once laid out: restore now and after that.
    auto restore = [this, keepX, keepY] {
        m_scroll->horizontalScrollBar()->setValue(keepX);
        m_scroll->verticalScrollBar()->setValue(keepY);
    };
    m_board->adjustSize();
    restore();
    QTimer::singleShot(0, this, restore);
    m_message->setText(tr("%n theme(s), %1 statement(s) in this area. Drag a card onto a theme to sort it, back to "
                          "\"Not sorted\" to take it off (Ctrl+Z undoes).",
                          nullptr, themes)
                           .arg(cards));
}

} // namespace Quire
