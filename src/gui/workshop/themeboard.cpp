// SPDX-License-Identifier: GPL-3.0-or-later
#include "workshop/themeboard.h"

#include "codetreemodel.h"
#include "projectsession.h"

#include "error.h"
#include "model/project.h"

#include <algorithm>
#include <map>
#include <QComboBox>
#include <QDropEvent>
#include <QFrame>
#include <QHash>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QVBoxLayout>
#include <set>
#include <tuple>

namespace Quire {

namespace {

constexpr int ColumnWidth = 250;
constexpr qsizetype MaxCardText = 400;

QString oneLine(QString s)
{
    s.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\t'), QLatin1Char(' '));
    return s.size() > MaxCardText ? s.left(MaxCardText - 1) + QChar(0x2026) : s;
}

} // namespace

// ---- ThemeBoard -----------------------------------------------------------

QString ThemeBoard::cardMimeType()
{
    return QStringLiteral("application/x-quire-board-card");
}

ThemeBoard::ThemeBoard(ProjectSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("themeBoard"));
    setAccessibleName(tr("Theme board"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    auto *sourceLabel = new QLabel(tr("&Cards:"));
    m_source = new QComboBox;
    m_source->setAccessibleName(tr("Cards to sort"));
    sourceLabel->setBuddy(m_source);
    auto *areaLabel = new QLabel(tr("&Area:"));
    m_area = new QComboBox;
    m_area->setObjectName(QStringLiteral("boardArea"));
    m_area->setAccessibleName(tr("Area shown"));
    areaLabel->setBuddy(m_area);
    auto *parentLabel = new QLabel(tr("&Themes under:"));
    m_parent = new QComboBox;
    m_parent->setAccessibleName(tr("Themes are the codes under"));
    parentLabel->setBuddy(m_parent);
    m_newTheme = new QLineEdit;
    m_newTheme->setPlaceholderText(tr("New theme…"));
    m_newTheme->setAccessibleName(tr("Name of a new theme"));
    m_newTheme->setMinimumWidth(100);
    // Code paths can be long; the combos must not widen the window (they elide, the list shows all).
    for (QComboBox *c : {m_source, m_area, m_parent}) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(8);
    }
    auto *addTheme = new QPushButton(tr("Add &theme"));
    // Two rows, so the board fits beside the docks on a 1366-pixel screen: what is shown, then the themes.
    bar->addWidget(sourceLabel);
    bar->addWidget(m_source, 1);
    bar->addWidget(areaLabel);
    bar->addWidget(m_area, 1);
    layout->addLayout(bar);
    auto *themesBar = new QHBoxLayout;
    themesBar->addWidget(parentLabel);
    themesBar->addWidget(m_parent, 2);
    themesBar->addWidget(m_newTheme, 1);
    themesBar->addWidget(addTheme);
    layout->addLayout(themesBar);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    m_columnsHost = new QWidget;
    m_columns = new QHBoxLayout(m_columnsHost);
    m_columns->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(m_columnsHost);
    layout->addWidget(scroll, 1);
    m_status = new QLabel;
    m_status->setTextFormat(Qt::PlainText);
    m_status->setObjectName(QStringLiteral("boardStatus"));
    layout->addWidget(m_status);

    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        const qlonglong code = m_source->currentData().toLongLong();
        if (code > 0)
            showSegmentsOf(code);
        else
            showStatements();
    });
    connect(m_area, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            setArea(m_area->currentData().toString());
    });
    connect(m_parent, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        const qlonglong code = m_parent->currentData().toLongLong();
        setThemeParent(code > 0 ? std::optional<Id>(code) : std::nullopt);
    });
    auto add = [this] {
        Project *project = m_session.project();
        const QString name = m_newTheme->text().trimmed().replace(QLatin1Char('/'), QChar(0x2215));
        if (!project || name.isEmpty())
            return;
        QString path = name;
        try {
            if (m_themeParent)
                path = project->codePath(*m_themeParent) + QLatin1Char('/') + name;
        } catch (const Error &) {
        }
        if (m_session.run([&] { project->addCode(path); }, ProjectSession::Codes))
            m_newTheme->clear();
    };
    connect(addTheme, &QPushButton::clicked, this, add);
    connect(m_newTheme, &QLineEdit::returnPressed, this, add);
}

ThemeBoard::~ThemeBoard() = default;

void ThemeBoard::projectChanged()
{
    if (isVisible())
        reload();
    else
        m_stale = true;
}

void ThemeBoard::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void ThemeBoard::showStatements()
{
    m_statements = true;
    m_sourceCode.reset();
    m_areaFilter.clear();
    reload();
}

void ThemeBoard::showSegmentsOf(Id sourceCode)
{
    m_statements = false;
    m_sourceCode = sourceCode;
    m_areaFilter.clear();
    reload();
}

void ThemeBoard::setArea(const QString &area)
{
    m_areaFilter = area;
    reload();
}

void ThemeBoard::setThemeParent(std::optional<Id> parent)
{
    m_themeParent = parent;
    reload();
}

QStringList ThemeBoard::areas() const
{
    QStringList out;
    for (int i = 0; i < m_area->count(); ++i)
        if (!m_area->itemData(i).toString().isEmpty())
            out << m_area->itemData(i).toString();
    return out;
}

void ThemeBoard::fillCombos()
{
    const Project *project = m_session.project();
    m_filling = true;
    m_source->clear();
    m_parent->clear();
    m_source->addItem(tr("Statements"), qlonglong(0));
    m_parent->addItem(tr("(top-level codes)"), qlonglong(0));
    if (project) {
        std::vector<std::pair<QString, Id>> paths;
        for (const Code &c : project->codes())
            paths.emplace_back(project->codePath(c.id), c.id);
        std::sort(paths.begin(), paths.end());
        for (const auto &[path, id] : paths) {
            m_source->addItem(tr("Segments of %1").arg(path), qlonglong(id));
            m_parent->addItem(path, qlonglong(id));
        }
    }
    const int s = m_sourceCode ? m_source->findData(qlonglong(*m_sourceCode)) : 0;
    if (s < 0) {
        m_sourceCode.reset();
        m_statements = true;
    }
    m_source->setCurrentIndex(std::max(s, 0));
    const int p = m_themeParent ? m_parent->findData(qlonglong(*m_themeParent)) : 0;
    if (p < 0)
        m_themeParent.reset();
    m_parent->setCurrentIndex(std::max(p, 0));
    m_filling = false;
}

void ThemeBoard::reload()
{
    m_stale = false;
    fillCombos();
    m_cards.clear();
    m_themeIds.clear();
    Project *project = m_session.project();
    QStringList areaValues;
    if (project) {
        try {
            m_themeIds = project->children(m_themeParent);
            const QSet<Id> themeSet(m_themeIds.begin(), m_themeIds.end());
            QHash<Id, QString> caseNames;
            for (const Case &c : project->cases())
                caseNames.insert(c.id, c.name);
            QHash<Id, QString> areaOf;
            for (const AttributeValue &v : project->attributeValues(AttributeScope::Document))
                if (v.name == QLatin1String("area"))
                    areaOf.insert(v.ownerId, v.value);
            QHash<Id, Document> docs;
            for (const Document &d : project->documents())
                docs.insert(d.id, d);
            const std::vector<Segment> segments = project->segments();
            auto personOf = [&](Id doc, std::optional<Id> caseId) {
                if (caseId)
                    return caseNames.value(*caseId);
                const auto cases = project->documentCases(doc);
                return cases.empty() ? QString() : caseNames.value(cases.front());
            };
            std::vector<BoardCard> all;
            if (m_statements) {
                QHash<Id, QSet<Id>> themesOfDoc;
                for (const Segment &s : segments)
                    for (Id c : s.codes)
                        if (themeSet.contains(c))
                            themesOfDoc[s.documentId].insert(c);
                for (const Document &d : project->documents()) {
                    if (d.kind != QLatin1String("statement"))
                        continue;
                    BoardCard card;
                    card.documentId = d.id;
                    card.start = 0;
                    card.end = d.length;
                    card.text = project->documentText(d.id);
                    card.document = d.name;
                    card.person = personOf(d.id, std::nullopt);
                    card.area = areaOf.value(d.id);
                    for (Id t : m_themeIds)
                        if (themesOfDoc.value(d.id).contains(t))
                            card.themes.push_back(t);
                    all.push_back(std::move(card));
                }
            } else if (m_sourceCode) {
                // A segment card belongs to a theme when its span is coded with it.
                std::map<std::tuple<Id, qsizetype, qsizetype>, QSet<Id>> themesOfSpan;
                for (const Segment &s : segments)
                    for (Id c : s.codes)
                        if (themeSet.contains(c))
                            themesOfSpan[{s.documentId, s.start, s.end}].insert(c);
                std::set<std::tuple<Id, qsizetype, qsizetype>> seen;
                for (const Segment &s : segments) {
                    if (std::find(s.codes.begin(), s.codes.end(), *m_sourceCode) == s.codes.end())
                        continue;
                    const auto key = std::make_tuple(s.documentId, s.start, s.end);
                    if (seen.count(key))
                        continue;
                    seen.insert(key);
                    BoardCard card;
                    card.documentId = s.documentId;
                    card.segmentId = s.id;
                    card.start = s.start;
                    card.end = s.end;
                    card.text = project->documentRange(s.documentId, s.start, s.end);
                    card.document = docs.value(s.documentId).name;
                    card.person = personOf(s.documentId, s.caseId);
                    card.area = areaOf.value(s.documentId);
                    const auto it = themesOfSpan.find(key);
                    for (Id t : m_themeIds)
                        if (it != themesOfSpan.end() && it->second.contains(t))
                            card.themes.push_back(t);
                    all.push_back(std::move(card));
                }
            }
            for (const BoardCard &c : all)
                if (!c.area.isEmpty() && !areaValues.contains(c.area))
                    areaValues << c.area;
            // One area at a time: the first one unless another was chosen.
            if (m_areaFilter != QLatin1String("*") && !areaValues.contains(m_areaFilter))
                m_areaFilter = areaValues.isEmpty() ? QStringLiteral("*") : areaValues.first();
            for (BoardCard &c : all)
                if (m_areaFilter.isEmpty() || m_areaFilter == QLatin1String("*") || c.area == m_areaFilter)
                    m_cards.push_back(std::move(c));
        } catch (const Error &e) {
            m_status->setText(e.message());
        }
    }
    m_filling = true;
    m_area->clear();
    for (const QString &a : areaValues)
        m_area->addItem(a, a);
    m_area->addItem(tr("(all areas)"), QStringLiteral("*"));
    if (areaValues.isEmpty())
        m_areaFilter = QStringLiteral("*");
    m_area->setCurrentIndex(std::max(0, m_area->findData(m_areaFilter)));
    m_filling = false;
    rebuildColumns();
}

QListWidgetItem *ThemeBoard::makeItem(const BoardCard &card, int index) const
{
    auto *item = new QListWidgetItem(oneLine(card.text));
    item->setData(BoardCardList::CardIndexRole, index);
    QStringList source;
    if (!card.person.isEmpty())
        source << card.person;
    source << card.document;
    item->setData(BoardCardList::SourceRole, source.join(QStringLiteral(" · ")));
    item->setToolTip(card.text + QStringLiteral("\n\n") + source.join(QStringLiteral(" · ")));
    return item;
}

void ThemeBoard::rebuildColumns()
{
    const Project *project = m_session.project();
    std::vector<std::pair<QString, QColor>> heads;
    std::vector<Id> ids;
    if (project) {
        for (Id t : m_themeIds) {
            try {
                const Code c = project->code(t);
                heads.emplace_back(c.name, CodeTreeModel::colorFor(c));
                ids.push_back(t);
            } catch (const Error &) {
            }
        }
    }
    std::vector<Id> shown;
    for (const auto &l : m_lists)
        shown.push_back(l.first);
    // A drop rebuilds the board while the drag that caused it is still on the
    // stack: the lists are refilled, and only replaced when the themes change
    // (never during a drag).
    if (!m_unsorted || shown != ids) {
        while (QLayoutItem *it = m_columns->takeAt(0)) {
            if (QWidget *w = it->widget()) {
                w->hide();
                w->deleteLater();
            }
            delete it;
        }
        m_lists.clear();
        m_titles.clear();
        auto column = [&](std::optional<Id> theme, const QString &title, const QColor &color) {
            auto *frame = new QFrame;
            frame->setFrameShape(QFrame::StyledPanel);
            frame->setFixedWidth(ColumnWidth);
            auto *v = new QVBoxLayout(frame);
            v->setContentsMargins(4, 4, 4, 4);
            auto *label = new QLabel;
            label->setTextFormat(Qt::PlainText);
            label->setWordWrap(true);
            QFont f = label->font();
            f.setBold(true);
            label->setFont(f);
            if (color.isValid()) {
                label->setAutoFillBackground(true);
                QPalette p = label->palette();
                QColor bg = color;
                bg.setAlpha(90);
                p.setColor(QPalette::Window, bg);
                label->setPalette(p);
            }
            label->setContentsMargins(4, 2, 4, 2);
            label->setAccessibleName(title);
            label->setProperty("title", title);
            auto *list = new BoardCardList(this, theme);
            list->setAccessibleName(tr("Cards in %1").arg(title));
            v->addWidget(label);
            v->addWidget(list, 1);
            m_columns->addWidget(frame);
            return std::make_pair(label, list);
        };
        auto [unsortedLabel, unsortedList] = column(std::nullopt, tr("Not sorted"), QColor());
        m_unsortedTitle = unsortedLabel;
        m_unsorted = unsortedList;
        for (size_t i = 0; i < ids.size(); ++i) {
            auto [label, list] = column(ids[i], heads[i].first, heads[i].second);
            m_lists.emplace_back(ids[i], list);
            m_titles.push_back(label);
        }
        m_columns->addStretch();
    }
    auto fillList = [&](BoardCardList *list, QLabel *label, std::optional<Id> theme) {
        list->clear();
        for (int i = 0; i < int(m_cards.size()); ++i) {
            const BoardCard &c = m_cards[size_t(i)];
            const bool in =
                theme ? std::find(c.themes.begin(), c.themes.end(), *theme) != c.themes.end() : c.themes.empty();
            if (in)
                list->addItem(makeItem(c, i));
        }
        label->setText(QStringLiteral("%1 (%2)").arg(label->property("title").toString()).arg(list->count()));
    };
    fillList(m_unsorted, m_unsortedTitle, std::nullopt);
    for (size_t i = 0; i < m_lists.size(); ++i)
        fillList(m_lists[i].second, m_titles[i], m_lists[i].first);

    if (m_themeIds.empty())
        m_status->setText(tr("No themes yet: add one (the box above) or choose a parent code with children."));
    else if (m_cards.empty())
        m_status->setText(m_statements ? tr("No statements (documents of kind \"statement\") in this area.")
                                       : tr("No segments with that code in this area."));
    else
        m_status->setText(
            tr("%n card(s); drag a card into a theme to code it, back to \"Not sorted\" to take the theme off.",
               nullptr, int(m_cards.size())));
}

int ThemeBoard::cardCount(std::optional<Id> theme) const
{
    const BoardCardList *list = listFor(theme);
    return list ? list->count() : -1;
}

BoardCardList *ThemeBoard::listFor(std::optional<Id> theme) const
{
    if (!theme)
        return m_unsorted;
    for (const auto &[id, list] : m_lists)
        if (id == *theme)
            return list;
    return nullptr;
}

QMimeData *ThemeBoard::mimeForCard(const BoardCard &card, std::optional<Id> from) const
{
    QJsonObject o{{QStringLiteral("document"), card.documentId},
                  {QStringLiteral("start"), qint64(card.start)},
                  {QStringLiteral("end"), qint64(card.end)},
                  {QStringLiteral("statement"), m_statements}};
    if (from)
        o.insert(QStringLiteral("from"), *from);
    auto *mime = new QMimeData;
    mime->setData(cardMimeType(), QJsonDocument(o).toJson(QJsonDocument::Compact));
    // Dropped elsewhere (an editor), a card is its text.
    mime->setText(card.text);
    return mime;
}

bool ThemeBoard::dropCard(const QMimeData *mime, std::optional<Id> theme)
{
    Project *project = m_session.project();
    if (!project || !mime)
        return false;
    const QJsonObject o = QJsonDocument::fromJson(mime->data(cardMimeType())).object();
    const Id doc = o.value(QStringLiteral("document")).toInteger();
    const qsizetype start = o.value(QStringLiteral("start")).toInteger();
    const qsizetype end = o.value(QStringLiteral("end")).toInteger();
    const bool statement = o.value(QStringLiteral("statement")).toBool();
    const std::optional<Id> from = o.contains(QStringLiteral("from"))
                                       ? std::optional<Id>(o.value(QStringLiteral("from")).toInteger())
                                       : std::nullopt;
    const auto it = std::find_if(m_cards.begin(), m_cards.end(), [&](const BoardCard &c) {
        return c.documentId == doc && c.start == start && c.end == end;
    });
    if (it == m_cards.end() || statement != m_statements) {
        m_status->setText(tr("That card is not on this board."));
        return false;
    }
    if (from == theme)
        return true;
    const BoardCard card = *it;
    const bool alreadyThere = theme && std::find(card.themes.begin(), card.themes.end(), *theme) != card.themes.end();
    QString summary;
    const QString excerpt = card.text.size() > 40 ? card.text.left(39) + QChar(0x2026) : card.text;
    try {
        summary = theme ? tr("Sort \"%1\" into %2").arg(excerpt, project->codePath(*theme))
                        : tr("Take \"%1\" out of %2").arg(excerpt, from ? project->codePath(*from) : QString());
    } catch (const Error &e) {
        m_status->setText(e.message());
        return false;
    }
    const Outcome done = m_session.run(
        [&] {
            project->batch(QStringLiteral("board.sort"), summary, [&] {
                if (from) {
                    // Take the old theme off the card's span (a statement: anywhere in it).
                    for (const Segment &s : project->segments(doc, *from)) {
                        if (!statement && (s.start != start || s.end != end))
                            continue;
                        if (s.codes.size() <= 1) {
                            project->removeSegment(s.id);
                        } else {
                            project->removeSegmentCode(s.id, *from);
                        }
                    }
                }
                if (theme && !alreadyThere)
                    project->addSegment(doc, start, end, {*theme});
            });
        },
        ProjectSession::Codes | ProjectSession::Segments);
    m_status->setText(done ? summary : done.error());
    return done.ok();
}

} // namespace Quire
