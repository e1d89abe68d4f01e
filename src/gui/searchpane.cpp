// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchpane.h"

#include "backgroundjob.h"
#include "displaynames.h"
#include "documentview.h"
#include "jobs/projectjobs.h"
#include "projectsession.h"
#include "workbenchshell.h"

#include "error.h"
#include "index/analyzer.h"
#include "model/project.h"
#include "search/autocode.h"
#include "search/search.h"

#include <algorithm>
#include <QComboBox>
#include <QDockWidget>
#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Quire {

namespace {
/// The left context loses its beginning, not the words next to the hit.
class ElideLeftDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideLeft;
    }
};

/// Context shown on one line: line breaks and tabs as spaces.
QString oneLine(QString s)
{
    s.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\t'), QLatin1Char(' '));
    return s;
}
} // namespace

SearchPane::SearchPane(ProjectSession &session, WorkbenchShell &shell, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_shell(shell)
{
    setObjectName(QStringLiteral("searchPane"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    auto *top = new QHBoxLayout;
    m_query = new QLineEdit;
    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_query->setAccessibleName(tr("Search query"));
    m_query->setPlaceholderText(tr("Search: carers, \"not listened to\", listen* speaker:P1, code:\"Theme/Code\" …"));
    m_query->setClearButtonEnabled(true);
    top->addWidget(m_query, 1);
    m_regex = new QPushButton(tr(".*"));
    m_regex->setCheckable(true);
    m_regex->setAccessibleName(tr("Regular expression"));
    m_regex->setToolTip(tr("Treat the query as a regular expression over the stored texts"));
    top->addWidget(m_regex);
    // Stemming follows the project's language: "Kindern" finds "Kinder" in German.
    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("searchLanguage"));
    m_language->setAccessibleName(tr("Search language"));
    m_language->setToolTip(tr("The language whose word endings the search folds (listened → listen); "
                              "changing it rebuilds the search index"));
    for (const QString &l : Analyzer::languages())
        m_language->addItem(l, l);
    top->addWidget(m_language);
    layout->addLayout(top);

    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("searchResults"));
    m_table->setAccessibleName(tr("Search hits in context"));
    m_table->setHorizontalHeaderLabels(
        {tr("Before"), tr("Hit"), tr("After"), tr("Document"), tr("Speaker"), tr("Coded with")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(LeftColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(HitColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RightColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(DocumentColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(SpeakerColumn, QHeaderView::Interactive);
    m_table->setColumnWidth(DocumentColumn, 150);
    m_table->setColumnWidth(SpeakerColumn, 80);
    m_table->horizontalHeader()->setSectionResizeMode(CodedColumn, QHeaderView::Interactive);
    m_table->setColumnWidth(CodedColumn, 140);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setItemDelegateForColumn(LeftColumn, new ElideLeftDelegate(m_table));
    layout->addWidget(m_table, 1);

    auto *bottom = new QHBoxLayout;
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    bottom->addWidget(m_status, 1);
    auto *extentLabel = new QLabel(tr("&Widen to"));
    m_extent = new QComboBox;
    m_extent->setAccessibleName(tr("Widen each hit to"));
    // The names are the core's (parseAutocodeExtent); the labels are for people.
    m_extent->addItem(tr("hit"), QStringLiteral("hit"));
    m_extent->addItem(tr("word"), QStringLiteral("word"));
    m_extent->addItem(tr("sentence"), QStringLiteral("sentence"));
    m_extent->addItem(tr("paragraph"), QStringLiteral("paragraph"));
    m_extent->addItem(tr("speaker turn"), QStringLiteral("turn"));
    m_extent->setCurrentIndex(2);
    extentLabel->setBuddy(m_extent);
    bottom->addWidget(extentLabel);
    bottom->addWidget(m_extent);
    m_codeButton = new QPushButton(tr("&Code selected hits"));
    m_codeButton->setObjectName(QStringLiteral("codeHits"));
    m_codeButton->setAccessibleName(tr("Code selected hits with the current code"));
    bottom->addWidget(m_codeButton);
    layout->addLayout(bottom);

    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    connect(m_typing, &QTimer::timeout, this, [this] { runSearch(); });
    connect(m_query, &QLineEdit::textChanged, this, [this] { m_typing->start(); });
    connect(m_query, &QLineEdit::returnPressed, this, [this] {
        m_typing->stop();
        runSearch();
    });
    connect(m_regex, &QPushButton::toggled, this, [this] { runSearch(); });
    connect(m_language, &QComboBox::activated, this, [this] {
        const QString chosen = m_language->currentData().toString();
        Project *project = m_session.project();
        if (project && chosen != m_session.search()->language())
            setSearchLanguage(chosen);
        else
            showLanguage();
    });
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row) { activateHit(row); });
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row) { activateHit(row); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &SearchPane::updateButton);
    connect(m_codeButton, &QPushButton::clicked, this, [this] { codeSelectedHits(); });
    updateButton();
    showLanguage();
}

SearchPane::~SearchPane() = default;

void SearchPane::setQuery(const QString &query)
{
    m_query->setText(query);
    m_typing->stop();
    runSearch();
}

void SearchPane::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette p = palette();
    if (error)
        p.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_status->setPalette(p);
}

bool SearchPane::runSearch()
{
    const QString query = m_query->text().trimmed();
    Project *project = m_session.project();
    m_shownQuery.clear();
    if (!project || query.isEmpty()) {
        fill({});
        setStatus(project ? QString() : tr("Open a project to search it."), false);
        return false;
    }
    SearchOptions options;
    options.regex = m_regex->isChecked();
    options.context = 50;
    options.limit = MaxRows;
    try {
        const SearchResult result = m_session.search()->run(query, options);
        fill(result);
        m_shownQuery = query;
        QString text =
            tr("%n hit(s)", nullptr, int(result.hits.size())) + tr(" in %n document(s)", nullptr, int(result.sources));
        if (qsizetype(result.hits.size()) > MaxRows)
            text += tr("; the first %1 are listed").arg(MaxRows);
        setStatus(text, false);
        return true;
    } catch (const Error &e) {
        fill({});
        setStatus(e.message(), true);
        return false;
    }
}

void SearchPane::fill(const SearchResult &result)
{
    m_hits.clear();
    m_table->setRowCount(0);
    for (const SearchHit &h : result.hits) {
        if (!h.hasDetails || qsizetype(m_hits.size()) >= MaxRows)
            break;
        m_hits.push_back(h);
    }
    Project *project = m_session.project();
    m_table->setRowCount(int(m_hits.size()));
    QFont bold = m_table->font();
    bold.setBold(true);
    // What is coded already: the segments of each document with a hit, and the codes' names.
    QHash<Id, std::vector<Segment>> segments;
    QHash<Id, Code> codes;
    QHash<Id, QString> labels;
    if (project && !m_hits.empty()) {
        labels = DisplayNames::documentLabels(*project);
        for (const Code &c : project->codes())
            codes.insert(c.id, c);
        for (const SearchHit &h : m_hits)
            if (h.source == QLatin1String("document") && !segments.contains(h.id))
                segments.insert(h.id, project->segments(h.id));
    }
    for (int row = 0; row < int(m_hits.size()); ++row) {
        const SearchHit &h = m_hits[size_t(row)];
        auto *left = new QTableWidgetItem(oneLine(h.left));
        left->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        // A long left context must lose its beginning, not the words next to the hit.
        left->setToolTip(h.left);
        auto *hit = new QTableWidgetItem(oneLine(h.text));
        hit->setFont(bold);
        hit->setTextAlignment(Qt::AlignCenter);
        auto *right = new QTableWidgetItem(oneLine(h.right));
        right->setToolTip(h.right);
        QString speaker = h.speaker;
        if (speaker.isEmpty() && h.caseId && project) {
            try {
                speaker = project->findCase(QString::number(*h.caseId)).name;
            } catch (const Error &) {
            }
        }
        m_table->setItem(row, LeftColumn, left);
        m_table->setItem(row, HitColumn, hit);
        m_table->setItem(row, RightColumn, right);
        auto *document =
            new QTableWidgetItem(h.source == QLatin1String("document") ? labels.value(h.id, h.name) : h.name);
        document->setToolTip(h.name);
        m_table->setItem(row, DocumentColumn, document);
        m_table->setItem(row, SpeakerColumn, new QTableWidgetItem(speaker));
        // A hit inside (or across) a coded segment says so, with the codes.
        QStringList names, paths;
        QColor color;
        for (const Segment &s : segments.value(h.id))
            if (s.start < h.end && s.end > h.start)
                for (Id c : s.codes)
                    if (const QString path = project->codePath(c); !paths.contains(path)) {
                        names << codes.value(c).name;
                        paths << path;
                        if (!color.isValid())
                            color = QColor(codes.value(c).color);
                    }
        auto *coded = new QTableWidgetItem;
        if (!names.isEmpty()) {
            const QString already = tr("Already coded with %1").arg(paths.join(QStringLiteral(", ")));
            coded->setText(QStringLiteral("✓ ") + names.join(QStringLiteral(", ")));
            coded->setToolTip(already);
            hit->setToolTip(already);
            if (color.isValid())
                coded->setData(Qt::DecorationRole, color);
        }
        m_table->setItem(row, CodedColumn, coded);
    }
    updateButton();
    growToHits();
}

void SearchPane::growToHits()
{
    // Docked above or below the centre, the pane grows (never shrinks) to show its hits,
    // up to 60% of the window: a short dock listing 2 of 13 hits hides most of the answer.
    auto *dock = qobject_cast<QDockWidget *>(parentWidget());
    auto *window = dock ? qobject_cast<QMainWindow *>(dock->parentWidget()) : nullptr;
    if (!window || dock->isFloating() || !dock->isVisible() || m_hits.empty())
        return;
    const Qt::DockWidgetArea area = window->dockWidgetArea(dock);
    if (area != Qt::BottomDockWidgetArea && area != Qt::TopDockWidgetArea)
        return;
    const int rows = m_table->verticalHeader()->defaultSectionSize() * int(m_hits.size());
    const int chrome = dock->height() - m_table->viewport()->height();
    const int wanted = std::min(rows + chrome + 2, window->height() * 3 / 5);
    if (wanted > dock->height())
        window->resizeDocks({dock}, {wanted}, Qt::Vertical);
}

void SearchPane::activateHit(int row)
{
    if (row < 0 || row >= int(m_hits.size()) || !m_session.project())
        return;
    const SearchHit &h = m_hits[size_t(row)];
    if (h.source != QLatin1String("document"))
        return;
    m_shell.showPassage(h.id, h.start, h.end);
}

void SearchPane::updateButton()
{
    const bool code = m_session.project() && m_shell.currentCode().has_value();
    m_codeButton->setEnabled(code && !m_hits.empty());
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    QString name;
    if (code) {
        try {
            name = m_session.project()->code(*m_shell.currentCode()).name;
        } catch (const Error &) {
        }
    }
    // The button says which code the hits get (the one chosen in the code tree).
    if (name.isEmpty())
        m_codeButton->setText(selected > 0 ? tr("&Code %n selected hit(s)", nullptr, selected) : tr("&Code all hits"));
    else
        m_codeButton->setText(selected > 0 ? tr("&Code %n selected hit(s) with “%1”", nullptr, selected).arg(name)
                                           : tr("&Code all hits with “%1”").arg(name));
    m_codeButton->setToolTip(name.isEmpty()
                                 ? tr("Choose a code in the code tree first")
                                 : tr("Code with %1").arg(m_session.project()->codePath(*m_shell.currentCode())));
}

bool SearchPane::codeSelectedHits()
{
    Project *project = m_session.project();
    const auto code = m_shell.currentCode();
    if (!project || !code || m_shownQuery.isEmpty()) {
        setStatus(tr("Choose a code in the code tree and search first."), true);
        return false;
    }
    AutocodeOptions options;
    options.code = *code;
    options.extent = parseAutocodeExtent(m_extent->currentData().toString());
    options.search.regex = m_regex->isChecked();
    // Rows are the hits in the order search lists them: row r is hit r + 1.
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        options.hits.push_back(i.row() + 1);
    std::sort(options.hits.begin(), options.hits.end());
    if (options.hits.empty() && qsizetype(m_hits.size()) >= MaxRows) {
        setStatus(tr("Too many hits: only the first %1 are listed, so choose the ones to code.").arg(MaxRows), true);
        return false;
    }
    AutocodeResult result;
    const QString query = m_shownQuery;
    const Outcome done = m_session.run([&] { result = autocode(*project, query, options); },
                                       ProjectSession::Codes | ProjectSession::Segments);
    if (!done) {
        setStatus(done.error(), true);
        return false;
    }
    setStatus(tr("Coded %n passage(s) with “%1”", nullptr, int(result.passages)).arg(project->code(*code).name) +
                  tr(" (%1 new segments, %2 joined, %3 already coded).")
                      .arg(result.added)
                      .arg(result.joined)
                      .arg(result.alreadyCoded),
              false);
    return true;
}

void SearchPane::showLanguage()
{
    const QSignalBlocker quiet(m_language);
    Search *search = m_session.project() ? m_session.search() : nullptr;
    m_language->setEnabled(search != nullptr);
    if (search)
        m_language->setCurrentIndex(std::max(0, m_language->findData(search->language())));
}

bool SearchPane::setSearchLanguage(const QString &language)
{
    Project *project = m_session.project();
    if (!project || !Analyzer::isLanguage(language)) {
        setStatus(tr("No stemmer for the language \"%1\".").arg(language), true);
        showLanguage();
        return false;
    }
    const ProjectJobs::Result rebuilt = ProjectJobs(m_session, this).rebuildSearchIndex(language);
    showLanguage();
    if (rebuilt.outcome == BackgroundJob::Outcome::Cancelled) {
        setStatus(tr("Cancelled: the search index is as it was (%1).").arg(m_session.search()->language()), false);
        return false;
    }
    if (rebuilt.outcome == BackgroundJob::Outcome::Failed) {
        setStatus(rebuilt.message, true);
        return false;
    }
    runSearch();
    setStatus(tr("Search language: %1 (the index was rebuilt). ").arg(language) + m_status->text(), false);
    return true;
}

void SearchPane::projectChanged()
{
    showLanguage();
    // Keep the status line of the last coding; only the rows are refreshed.
    const QString status = m_status->text();
    const QPalette palette = m_status->palette();
    if (m_query->text().trimmed().isEmpty() || !m_session.project()) {
        fill({});
        return;
    }
    runSearch();
    if (!status.isEmpty() && status.startsWith(tr("Coded"))) {
        m_status->setText(status);
        m_status->setPalette(palette);
    }
}

} // namespace Quire
