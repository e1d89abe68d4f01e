// SPDX-License-Identifier: GPL-3.0-or-later
#include "quotebasket.h"

#include "projectsession.h"

#include "error.h"
#include "formats/exporterinterface.h"
#include "formats/pluginmanager.h"
#include "model/project.h"
#include "report/quotes.h"
#include "report/themereport.h"

#include <algorithm>
#include <QBuffer>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QVBoxLayout>

namespace Quire {

namespace {
constexpr int SegmentRole = Qt::UserRole + 1;

QString oneLine(QString s, qsizetype max = 120)
{
    s.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\t'), QLatin1Char(' '));
    return s.size() > max ? s.left(max - 1) + QChar(0x2026) : s;
}
} // namespace

QuoteBasket::QuoteBasket(ProjectSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("quoteBasket"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *split = new QSplitter(Qt::Vertical);

    auto *top = new QWidget;
    auto *tl = new QVBoxLayout(top);
    tl->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("quoteList"));
    m_list->setAccessibleName(tr("Starred quotes in order"));
    m_list->setWordWrap(true);
    tl->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    m_up = new QPushButton(tr("&Up"));
    m_up->setAccessibleName(tr("Move quote up"));
    m_down = new QPushButton(tr("&Down"));
    m_down->setAccessibleName(tr("Move quote down"));
    m_unstar = new QPushButton(tr("U&nstar"));
    m_unstar->setAccessibleName(tr("Remove the star"));
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addWidget(m_unstar);
    buttons->addStretch();
    tl->addLayout(buttons);
    // The original stays apart and read-only; the editorial version is typed in a box of its own.
    tl->addWidget(new QLabel(tr("Original (as stored):")));
    m_original = new QPlainTextEdit;
    m_original->setObjectName(QStringLiteral("quoteOriginal"));
    m_original->setAccessibleName(tr("The quote as stored"));
    m_original->setReadOnly(true);
    m_original->setTabChangesFocus(true);
    m_original->setMaximumHeight(70);
    tl->addWidget(m_original);
    auto *edLabel = new QLabel(tr("&Editorial version (empty: the original is quoted):"));
    tl->addWidget(edLabel);
    m_editorial = new QPlainTextEdit;
    m_editorial->setPlaceholderText(
        tr("Type a shorter version: cut with ..., add words in [brackets] — or start from the original."));
    m_editorial->setObjectName(QStringLiteral("editorialEditor"));
    m_editorial->setAccessibleName(tr("Editorial version of the quote"));
    m_editorial->setTabChangesFocus(true);
    m_editorial->setMaximumHeight(90);
    edLabel->setBuddy(m_editorial);
    tl->addWidget(m_editorial);
    auto *edButtons = new QHBoxLayout;
    m_save = new QPushButton(tr("&Save version"));
    m_save->setAccessibleName(tr("Save the editorial version"));
    auto *clear = new QPushButton(tr("Use the &original"));
    clear->setAccessibleName(tr("Clear the editorial version"));
    m_fromOriginal = new QPushButton(tr("Start &from the original"));
    m_fromOriginal->setAccessibleName(tr("Copy the original into the editorial version to shorten it"));
    edButtons->addWidget(m_save);
    edButtons->addWidget(clear);
    edButtons->addWidget(m_fromOriginal);
    edButtons->addStretch();
    tl->addLayout(edButtons);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("quoteError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    QPalette p = m_error->palette();
    p.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_error->setPalette(p);
    tl->addWidget(m_error);
    split->addWidget(top);

    auto *bottom = new QWidget;
    auto *bl = new QVBoxLayout(bottom);
    bl->setContentsMargins(0, 0, 0, 0);
    bl->addWidget(new QLabel(tr("Export preview (Markdown, starred quotes):")));
    m_preview = new QPlainTextEdit;
    m_preview->setObjectName(QStringLiteral("quotePreview"));
    m_preview->setAccessibleName(tr("Export preview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    bl->addWidget(m_preview, 1);
    split->addWidget(bottom);
    layout->addWidget(split);

    connect(m_list, &QListWidget::currentRowChanged, this, [this] { showCurrent(); });
    connect(m_up, &QPushButton::clicked, this, [this] { move(currentRow(), -1); });
    connect(m_down, &QPushButton::clicked, this, [this] { move(currentRow(), +1); });
    connect(m_unstar, &QPushButton::clicked, this, [this] {
        const int row = currentRow();
        if (row >= 0)
            unstar(m_order[size_t(row)]);
    });
    connect(m_save, &QPushButton::clicked, this, [this] { setEditorial(currentRow(), m_editorial->toPlainText()); });
    connect(clear, &QPushButton::clicked, this, [this] { setEditorial(currentRow(), QString()); });
    connect(m_fromOriginal, &QPushButton::clicked, this, [this] {
        m_editorial->setPlainText(m_original->toPlainText());
        m_editorial->setFocus();
    });
    showCurrent();
}

QuoteBasket::~QuoteBasket() = default;

int QuoteBasket::currentRow() const
{
    return m_list->currentRow();
}

void QuoteBasket::selectRow(int row)
{
    m_list->setCurrentRow(row);
}

void QuoteBasket::reload()
{
    const std::optional<Id> current = currentRow() >= 0 && currentRow() < int(m_order.size())
                                          ? std::optional<Id>(m_order[size_t(currentRow())])
                                          : std::nullopt;
    m_order.clear();
    m_list->clear();
    m_error->clear();
    Project *project = m_session.project();
    if (project) {
        try {
            const auto selections = quoteSelections(*project);
            std::vector<QuoteSelection> starred;
            for (const auto &[id, s] : selections)
                if (s.starred)
                    starred.push_back(s);
            // Ranked ones in their order, then the others by segment.
            std::stable_sort(starred.begin(), starred.end(), [](const QuoteSelection &a, const QuoteSelection &b) {
                if (a.rank.has_value() != b.rank.has_value())
                    return a.rank.has_value();
                if (a.rank != b.rank)
                    return *a.rank < *b.rank;
                return a.segmentId < b.segmentId;
            });
            QHash<Id, QString> docNames;
            for (const Document &d : project->documents())
                docNames.insert(d.id, d.name);
            for (const QuoteSelection &s : starred) {
                const Segment seg = project->segment(s.segmentId);
                const QString text =
                    s.editorial.isEmpty() ? project->documentRange(seg.documentId, seg.start, seg.end) : s.editorial;
                auto *item = new QListWidgetItem(QStringLiteral("%1. %2%3\n    — %4")
                                                     .arg(m_order.size() + 1)
                                                     .arg(s.editorial.isEmpty() ? QString() : QStringLiteral("✎ "))
                                                     .arg(oneLine(text), docNames.value(seg.documentId)));
                item->setData(SegmentRole, s.segmentId);
                item->setToolTip(text);
                m_list->addItem(item);
                m_order.push_back(s.segmentId);
            }
        } catch (const Error &e) {
            m_error->setText(e.message());
        }
    }
    if (current) {
        const auto it = std::find(m_order.begin(), m_order.end(), *current);
        if (it != m_order.end())
            m_list->setCurrentRow(int(it - m_order.begin()));
    }
    showCurrent();
    m_previewStale = true;
    if (isVisible())
        updatePreview();
}

void QuoteBasket::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_previewStale)
        updatePreview();
}

QString QuoteBasket::previewText()
{
    if (m_previewStale)
        updatePreview();
    return m_preview->toPlainText();
}

void QuoteBasket::showCurrent()
{
    const int row = currentRow();
    const bool has = row >= 0 && row < int(m_order.size());
    m_up->setEnabled(has && row > 0);
    m_down->setEnabled(has && row + 1 < int(m_order.size()));
    m_unstar->setEnabled(has);
    m_save->setEnabled(has);
    m_editorial->setEnabled(has);
    m_fromOriginal->setEnabled(has);
    Project *project = m_session.project();
    if (!has || !project) {
        m_editorial->clear();
        m_original->clear();
        return;
    }
    try {
        const Id seg = m_order[size_t(row)];
        const auto sel = QuoteSelections(*project).get(seg);
        const Segment s = project->segment(seg);
        m_original->setPlainText(project->documentRange(s.documentId, s.start, s.end));
        m_editorial->setPlainText(sel ? sel->editorial : QString());
    } catch (const Error &e) {
        m_error->setText(e.message());
    }
}

bool QuoteBasket::star(Id segmentId)
{
    Project *project = m_session.project();
    if (!project)
        return false;
    // A new star goes to the end of the chosen order.
    const qint64 rank = qint64(m_order.size()) + 1;
    const Outcome done =
        m_session.run([&] { QuoteSelections(*project).star(segmentId, rank); }, ProjectSession::Quotes);
    m_error->setText(done.error());
    return done.ok();
}

bool QuoteBasket::unstar(Id segmentId)
{
    Project *project = m_session.project();
    if (!project)
        return false;
    const Outcome done = m_session.run([&] { QuoteSelections(*project).unstar(segmentId); }, ProjectSession::Quotes);
    m_error->setText(done.error());
    return done.ok();
}

bool QuoteBasket::move(int row, int delta)
{
    Project *project = m_session.project();
    const int to = row + delta;
    if (!project || row < 0 || row >= int(m_order.size()) || to < 0 || to >= int(m_order.size()))
        return false;
    std::vector<Id> order = m_order;
    std::swap(order[size_t(row)], order[size_t(to)]);
    const Id moved = order[size_t(to)];
    const Outcome done = m_session.run(
        [&] {
            project->batch(QStringLiteral("quote.order"),
                           // The log keeps summaries in one language (English), as the core writes them.
                           QStringLiteral("Move quote %1 %2")
                               .arg(moved)
                               .arg(delta < 0 ? QStringLiteral("up") : QStringLiteral("down")),
                           [&] {
                               QuoteSelections q(*project);
                               for (size_t i = 0; i < order.size(); ++i)
                                   q.star(order[i], qint64(i) + 1);
                           });
        },
        ProjectSession::Quotes);
    m_error->setText(done.error());
    if (done)
        selectRow(to);
    return done.ok();
}

bool QuoteBasket::setEditorial(int row, const QString &editorial)
{
    Project *project = m_session.project();
    if (!project || row < 0 || row >= int(m_order.size()))
        return false;
    const Id seg = m_order[size_t(row)];
    QString error;
    // A refused version stays in the editor so it can be corrected.
    const QString typed = m_editorial->toPlainText();
    bool ok = true;
    try {
        // Checked before the command, so a bad version is a message here, not a dialog.
        if (!editorial.isEmpty()) {
            const Segment s = project->segment(seg);
            checkEditorial(seg, editorial, project->documentRange(s.documentId, s.start, s.end));
        }
    } catch (const Error &e) {
        error = e.message();
        ok = false;
    }
    if (ok) {
        const Outcome done = m_session.run(
            [&] {
                if (editorial.isEmpty())
                    QuoteSelections(*project).clearEditorial(seg);
                else
                    QuoteSelections(*project).setEditorial(seg, editorial);
            },
            ProjectSession::Quotes);
        ok = done.ok();
        error = done.error();
    }
    m_error->setText(error);
    if (!ok) {
        selectRow(row);
        // The refused version (typed, or handed in) stays in its box to be corrected.
        m_editorial->setPlainText(editorial.isEmpty() ? typed : editorial);
    }
    return ok;
}

void QuoteBasket::updatePreview()
{
    m_previewStale = false;
    Project *project = m_session.project();
    if (!project || m_order.empty()) {
        m_preview->setPlainText(project ? tr("Star a segment (Code ▸ Star as quote, Ctrl+D) to collect it here.")
                                        : QString());
        return;
    }
    try {
        ReportOptions options;
        options.order = QuoteOrder::Chosen;
        options.timestamp = false;
        ThemeReport report = buildThemeReport(*project, options);
        report.layout = QStringLiteral("quotes");
        // The basket previews the starred quotes only, under their codes.
        ThemeReport starred = report;
        starred.rows.clear();
        starred.quotes.clear();
        for (size_t i = 0; i < report.rows.size(); ++i) {
            std::vector<Quote> kept;
            for (const Quote &q : report.quotes[i])
                if (q.starred)
                    kept.push_back(q);
            if (kept.empty())
                continue;
            starred.rows.push_back(report.rows[i]);
            starred.quotes.push_back(std::move(kept));
        }
        ExporterInterface *md = m_session.plugins().exporter(QStringLiteral("md"));
        if (!md)
            throw Error(QStringLiteral("The Markdown exporter is not available, so there is no preview."));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        md->write(starred, buffer);
        // The exporter's segment markers are for the file (re-import), not for reading here.
        static const QRegularExpression marker(QStringLiteral("[ \\t]*<!-- quire:[^\\n]*?-->[ \\t]*\\n?"));
        m_preview->setPlainText(QString::fromUtf8(buffer.data()).remove(marker));
    } catch (const Error &e) {
        m_preview->setPlainText(e.message());
    }
}

} // namespace Quire
