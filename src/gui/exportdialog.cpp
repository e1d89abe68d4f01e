// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportdialog.h"

#include "projectsession.h"

#include "error.h"
#include "formats/exporterinterface.h"
#include "formats/pluginmanager.h"
#include "model/project.h"
#include "report/exportlayout.h"

#include <functional>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <set>

namespace Quire {

namespace {

/// The preview shows this many characters of the Markdown report.
constexpr qsizetype PreviewLength = 6000;

/// Formats people know first; any other plugin's format follows in the registry's order.
const char *const PreferredFormats[] = {"docx", "odt", "pdf", "html", "md", "xlsx", "csv"};

QString formatLabel(const QString &id, const QString &extension)
{
    QString name;
    if (id == QLatin1String("docx"))
        name = ExportDialog::tr("Word");
    else if (id == QLatin1String("odt"))
        name = ExportDialog::tr("OpenDocument text");
    else if (id == QLatin1String("pdf"))
        name = ExportDialog::tr("PDF");
    else if (id == QLatin1String("html"))
        name = ExportDialog::tr("Web page");
    else if (id == QLatin1String("md"))
        name = ExportDialog::tr("Markdown");
    else if (id == QLatin1String("xlsx"))
        name = ExportDialog::tr("Excel workbook");
    else if (id == QLatin1String("csv"))
        name = ExportDialog::tr("CSV table");
    else
        name = id.toUpper();
    return QStringLiteral("%1 (.%2)").arg(name, extension);
}

QCheckBox *checkBox(const QString &text, const QString &tip)
{
    auto *box = new QCheckBox(text);
    box->setToolTip(tip);
    return box;
}

} // namespace

ExportDialog::ExportDialog(ProjectSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setWindowTitle(tr("Export theme report"));
    setObjectName(QStringLiteral("exportDialog"));

    // ---- the file ----
    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("exportFormat"));
    std::vector<ExporterInterface *> exporters = m_session.plugins().exporters();
    std::stable_sort(exporters.begin(), exporters.end(), [](ExporterInterface *a, ExporterInterface *b) {
        const auto rank = [](const ExporterInterface *e) {
            int i = 0;
            for (const char *id : PreferredFormats) {
                if (e->formatId() == QLatin1String(id))
                    return i;
                ++i;
            }
            return i;
        };
        return rank(a) < rank(b);
    });
    for (ExporterInterface *e : exporters)
        m_format->addItem(formatLabel(e->formatId(), e->fileExtension()), e->formatId());
    m_file = new QLineEdit;
    m_file->setObjectName(QStringLiteral("exportFile"));
    auto *browse = new QPushButton(tr("Choose…"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_format);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    // ---- what the report holds ----
    m_template = new QComboBox;
    m_template->addItem(tr("Theme table and quotes"), QString());
    m_template->addItem(tr("Theme table only"), QStringLiteral("theme-table"));
    m_template->addItem(tr("Quotes only"), QStringLiteral("quotes"));
    m_template->addItem(tr("Matrix: themes × the column attribute"), QStringLiteral("matrix"));
    m_template->addItem(tr("Codebook"), QStringLiteral("codebook"));
    m_codes = new QListWidget;
    m_codes->setToolTip(tr("Tick codes to export only them and what is under them; none ticked: every code."));
    m_by = new QComboBox;
    m_byOrder = new QLineEdit;
    m_byOrder->setPlaceholderText(tr("e.g. carers,staff (default: the attribute's order)"));
    m_mark = new QLineEdit;
    m_mark->setPlaceholderText(tr("✓ (or \"count\")"));
    m_rowHeader = new QLineEdit;
    m_rowHeader->setPlaceholderText(tr("Theme / subtheme / code"));
    m_timestamp = checkBox(tr("Put the export time in the note line"),
                           tr("Off: the same project gives the same file byte for byte."));
    m_timestamp->setChecked(true);
    auto *contents = new QWidget;
    auto *contentsForm = new QFormLayout(contents);
    contentsForm->addRow(tr("Contents:"), m_template);
    contentsForm->addRow(tr("Only these codes:"), m_codes);
    contentsForm->addRow(tr("Columns by:"), m_by);
    contentsForm->addRow(tr("Column order:"), m_byOrder);
    contentsForm->addRow(tr("Matrix mark:"), m_mark);
    contentsForm->addRow(tr("First column header:"), m_rowHeader);
    contentsForm->addRow(QString(), m_timestamp);

    // ---- quotes ----
    m_citation = new QComboBox;
    m_citation->setEditable(true);
    m_citation->setObjectName(QStringLiteral("exportCitation"));
    m_citation->setToolTip(tr("How each quote's source is cited. Fields in braces: {document}, {case}, {code}, "
                              "{start}, {end} and any case or document attribute."));
    m_citationFields = new QLabel;
    m_citationFields->setWordWrap(true);
    m_order = new QComboBox;
    m_order->addItem(tr("Document order"), int(QuoteOrder::Document));
    m_order->addItem(tr("Chosen order (the quote basket)"), int(QuoteOrder::Chosen));
    m_order->addItem(tr("Starred first"), int(QuoteOrder::Starred));
    m_starredOnly = checkBox(tr("Only starred quotes"), tr("Quotes starred in the quote basket; the theme table "
                                                           "still counts every segment."));
    m_maxQuotes = new QSpinBox;
    m_maxQuotes->setRange(0, 100000);
    m_maxQuotes->setSpecialValueText(tr("all"));
    m_maxQuotes->setToolTip(tr("At most this many quotes per code: starred quotes first."));
    m_maxLength = new QSpinBox;
    m_maxLength->setRange(0, 1000000);
    m_maxLength->setSpecialValueText(tr("no limit"));
    m_maxLength->setSuffix(tr(" characters"));
    m_maxLength->setToolTip(tr("A longer quote is cut at a word with \"...\" and marked edited."));
    m_speakerLabel =
        checkBox(tr("Start each quote with its speaker (P1: …)"), tr("The speaker of the turn the quote starts in."));
    m_locator = new QComboBox;
    m_locator->addItem(tr("nothing"), int(QuoteLocator::None));
    m_locator->addItem(tr("the page (p. 3)"), int(QuoteLocator::Page));
    m_locator->addItem(tr("the time of the turn (00:12:05)"), int(QuoteLocator::Time));
    m_memos = checkBox(tr("Show segment memos under each quote"), QString());
    auto *quotes = new QWidget;
    auto *quotesForm = new QFormLayout(quotes);
    quotesForm->addRow(tr("Citation:"), m_citation);
    quotesForm->addRow(QString(), m_citationFields);
    quotesForm->addRow(tr("Order:"), m_order);
    quotesForm->addRow(QString(), m_starredOnly);
    quotesForm->addRow(tr("Quotes per code:"), m_maxQuotes);
    quotesForm->addRow(tr("Shorten beyond:"), m_maxLength);
    quotesForm->addRow(QString(), m_speakerLabel);
    quotesForm->addRow(tr("After the citation:"), m_locator);
    quotesForm->addRow(QString(), m_memos);

    // ---- redaction ----
    m_rules = new QPlainTextEdit;
    m_rules->setObjectName(QStringLiteral("redactionRules"));
    m_rules->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_rules->setPlaceholderText(tr("One rule a line, e.g.\n"
                                   "word Tom => [son]\n"
                                   "literal Leeds General => [the hospital]\n"
                                   "regex (?i)\\bst\\.? james\\b => [the hospital]\n"
                                   "case P4: word Sundays => [day]"));
    m_rulesName = new QLabel;
    auto *load = new QPushButton(tr("Load rules file…"));
    auto *dry = new QPushButton(tr("Dry run"));
    dry->setObjectName(QStringLiteral("dryRun"));
    dry->setToolTip(tr("List what the rules would replace; nothing is written."));
    auto *rulesButtons = new QHBoxLayout;
    rulesButtons->addWidget(load);
    rulesButtons->addWidget(m_rulesName, 1);
    rulesButtons->addWidget(dry);
    m_dryRunList = new QTreeWidget;
    m_dryRunList->setRootIsDecorated(false);
    m_dryRunList->setHeaderLabels({tr("Where"), tr("Field"), tr("Before"), tr("After"), tr("Rule")});
    m_dryRunList->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_dryRunSummary = new QLabel;
    m_dryRunSummary->setWordWrap(true);
    m_dryRunSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *redaction = new QWidget;
    auto *redactionBox = new QVBoxLayout(redaction);
    redactionBox->addWidget(new QLabel(tr("Redaction replaces names and places in the exported file only; the "
                                          "project's text is never changed.")));
    redactionBox->addWidget(m_rules, 2);
    redactionBox->addLayout(rulesButtons);
    redactionBox->addWidget(m_dryRunList, 3);
    redactionBox->addWidget(m_dryRunSummary);

    m_tabs = new QTabWidget;
    m_tabs->addTab(quotes, tr("Quotes"));
    m_tabs->addTab(contents, tr("Contents"));
    m_tabs->addTab(redaction, tr("Redaction"));

    // ---- preview ----
    m_previewTitle = new QLabel;
    m_preview = new QPlainTextEdit;
    m_preview->setObjectName(QStringLiteral("exportPreview"));
    m_preview->setReadOnly(true);
    auto *previewPane = new QWidget;
    auto *previewBox = new QVBoxLayout(previewPane);
    previewBox->setContentsMargins(0, 0, 0, 0);
    previewBox->addWidget(m_previewTitle);
    previewBox->addWidget(m_preview);

    auto *split = new QSplitter;
    split->addWidget(m_tabs);
    split->addWidget(previewPane);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_exportButton = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    auto *fileForm = new QFormLayout;
    fileForm->addRow(tr("Write to:"), fileRow);
    layout->addLayout(fileForm);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    // Fits a 1366×768 screen with its title bar and a task bar.
    resize(1140, 660);

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(250);
    connect(m_previewTimer, &QTimer::timeout, this, &ExportDialog::updatePreview);

    connect(browse, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(load, &QPushButton::clicked, this, &ExportDialog::loadRules);
    connect(dry, &QPushButton::clicked, this, [this] { dryRun(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_exportButton, &QPushButton::clicked, this, [this] { exportReport(); });
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] { setFormat(format()); });
    connect(m_file, &QLineEdit::editingFinished, this, &ExportDialog::fileEdited);
    // Every option change refreshes the preview.
    for (QComboBox *box : {m_template, m_by, m_order, m_locator})
        connect(box, &QComboBox::currentIndexChanged, this, &ExportDialog::schedulePreview);
    connect(m_citation, &QComboBox::currentTextChanged, this, &ExportDialog::schedulePreview);
    for (QLineEdit *edit : {m_byOrder, m_mark, m_rowHeader})
        connect(edit, &QLineEdit::textChanged, this, &ExportDialog::schedulePreview);
    for (QCheckBox *box : {m_timestamp, m_starredOnly, m_speakerLabel, m_memos})
        connect(box, &QCheckBox::toggled, this, &ExportDialog::schedulePreview);
    for (QSpinBox *box : {m_maxQuotes, m_maxLength})
        connect(box, &QSpinBox::valueChanged, this, &ExportDialog::schedulePreview);
    connect(m_codes, &QListWidget::itemChanged, this, &ExportDialog::schedulePreview);
    connect(m_rules, &QPlainTextEdit::textChanged, this, &ExportDialog::schedulePreview);

    fillFromProject();
    updatePreview();
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::fillFromProject()
{
    m_citation->addItem(QStringLiteral("({document})"));
    m_citation->addItem(QStringLiteral("({case})"));
    m_citation->addItem(QStringLiteral("({case}, {document})"));
    Project *p = m_session.project();
    if (!p)
        return;
    // Codes in tree order, indented by depth (a code under two parents shows under each).
    std::function<void(std::optional<Id>, const QString &, int)> add = [&](std::optional<Id> parent,
                                                                           const QString &prefix, int depth) {
        for (Id id : p->children(parent)) {
            const QString name = p->code(id).name;
            const QString path = prefix.isEmpty() ? name : prefix + QLatin1Char('/') + name;
            auto *item = new QListWidgetItem(QString(depth * 4, QLatin1Char(' ')) + name, m_codes);
            item->setData(Qt::UserRole, path);
            item->setToolTip(path);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
            add(id, path, depth + 1);
        }
    };
    add(std::nullopt, QString(), 0);

    m_by->addItem(tr("(no columns)"), QString());
    std::set<QString> attributes;
    for (const AttributeDef &def : p->attributeDefs())
        attributes.insert(def.name);
    QStringList fields{QStringLiteral("{document}"), QStringLiteral("{case}"), QStringLiteral("{code}"),
                       QStringLiteral("{start}"), QStringLiteral("{end}")};
    for (const QString &name : attributes) {
        m_by->addItem(name, name);
        fields << QLatin1Char('{') + name + QLatin1Char('}');
        m_citation->addItem(QStringLiteral("({%1})").arg(name));
    }
    m_citationFields->setText(tr("Fields: %1").arg(fields.join(QStringLiteral(" "))));

    const QFileInfo project(p->path());
    m_file->setText(
        QDir::toNativeSeparators(project.dir().filePath(project.completeBaseName() + QStringLiteral("-report.") +
                                                        m_session.plugins().exporter(format())->fileExtension())));
}

QStringList ExportDialog::formats() const
{
    QStringList ids;
    for (int i = 0; i < m_format->count(); ++i)
        ids << m_format->itemData(i).toString();
    return ids;
}

QString ExportDialog::format() const
{
    return m_format->currentData().toString();
}

void ExportDialog::setFormat(const QString &formatId)
{
    const int i = m_format->findData(formatId);
    if (i < 0)
        return;
    if (i != m_format->currentIndex())
        m_format->setCurrentIndex(i); // comes back here
    // The file name follows the format.
    const QString extension = m_session.plugins().exporter(formatId)->fileExtension();
    QString path = m_file->text().trimmed();
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    const QString suffix = info.suffix();
    if (suffix.compare(extension, Qt::CaseInsensitive) == 0)
        return;
    if (!suffix.isEmpty() && formats().contains(suffix.toLower()))
        path.chop(suffix.size() + 1);
    m_file->setText(path + QLatin1Char('.') + extension);
}

QString ExportDialog::filePath() const
{
    return QDir::fromNativeSeparators(m_file->text().trimmed());
}

void ExportDialog::setFilePath(const QString &path)
{
    m_file->setText(QDir::toNativeSeparators(path));
    fileEdited();
}

void ExportDialog::fileEdited()
{
    // A file name ending in a known format chooses that format.
    const QString suffix = QFileInfo(filePath()).suffix().toLower();
    if (formats().contains(suffix) && suffix != format())
        setFormat(suffix);
}

ProjectJobs::ReportSettings ExportDialog::settings() const
{
    ProjectJobs::ReportSettings s;
    ReportOptions &o = s.options;
    s.layout = m_template->currentData().toString();
    for (int i = 0; i < m_codes->count(); ++i)
        if (m_codes->item(i)->checkState() == Qt::Checked)
            o.codePaths << m_codes->item(i)->data(Qt::UserRole).toString();
    o.byAttribute = m_by->currentData().toString();
    for (const QString &v : m_byOrder->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!v.trimmed().isEmpty())
            o.byOrder << v.trimmed();
    o.matrixMark = m_mark->text();
    o.rowHeader = m_rowHeader->text();
    o.timestamp = m_timestamp->isChecked();
    o.citationTemplate = m_citation->currentText();
    o.order = QuoteOrder(m_order->currentData().toInt());
    o.starredOnly = m_starredOnly->isChecked();
    o.maxQuotes = m_maxQuotes->value();
    o.maxLength = m_maxLength->value();
    o.speakerLabel = m_speakerLabel->isChecked();
    o.locator = QuoteLocator(m_locator->currentData().toInt());
    o.includeMemos = m_memos->isChecked();
    const QString rules = m_rules->toPlainText();
    if (!rules.trimmed().isEmpty()) {
        Redaction r = Redaction::fromText(rules, m_rulesFile.isEmpty() ? tr("redaction rules")
                                                                       : QFileInfo(m_rulesFile).fileName());
        if (!r.rules().empty())
            s.redaction = std::move(r);
    }
    return s;
}

void ExportDialog::schedulePreview()
{
    m_previewTimer->start();
}

void ExportDialog::updatePreview()
{
    m_previewTimer->stop();
    m_previewTitle->setText(tr("Preview: the first part of the report, as Markdown (the %1 file holds the same)")
                                .arg(m_format->currentText()));
    Project *p = m_session.project();
    if (!p) {
        m_preview->setPlainText(tr("Open or create a project first."));
        m_exportButton->setEnabled(false);
        return;
    }
    try {
        const ThemeReport report = ProjectJobs::prepareReport(*p, settings());
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        m_session.plugins().exporter(QStringLiteral("md"))->write(report, buffer);
        QString text = QString::fromUtf8(buffer.data());
        // The segment comments are for programs reading the file back, not for the eye.
        static const QRegularExpression comment(QStringLiteral("<!-- quire:[^\\n]*?-->\\n?"));
        text.remove(comment);
        if (text.size() > PreviewLength) {
            text.truncate(PreviewLength);
            text += QLatin1Char('\n') + tr("… (the rest of the report is not previewed)");
        }
        if (text != m_preview->toPlainText())
            m_preview->setPlainText(text);
        showStatus(QString(), false);
    } catch (const Error &e) {
        m_preview->setPlainText(QString());
        showStatus(e.message(), true);
    }
}

QString ExportDialog::previewText()
{
    if (m_previewTimer->isActive())
        updatePreview();
    return m_preview->toPlainText();
}

bool ExportDialog::dryRun()
{
    m_dryRunList->clear();
    m_dryRunSummary->clear();
    Project *p = m_session.project();
    if (!p) {
        showStatus(tr("Open or create a project first."), true);
        return false;
    }
    try {
        const ProjectJobs::ReportSettings s = settings();
        if (!s.redaction) {
            showStatus(tr("Write redaction rules or load a rules file first."), true);
            return false;
        }
        std::vector<RedactionChange> changes, names;
        ProjectJobs::prepareReport(*p, s, &changes, &names);
        const auto &rules = s.redaction->rules();
        for (const RedactionChange &c : changes) {
            auto *item = new QTreeWidgetItem(m_dryRunList);
            item->setText(0, tr("%1, segment %2").arg(c.document).arg(c.segmentId));
            item->setText(1, tr("%1 @%2").arg(c.field).arg(c.position));
            item->setText(2, c.before);
            item->setText(3, c.after);
            item->setText(4, rules.at(std::size_t(c.rule)).source);
        }
        for (const RedactionChange &c : names) {
            auto *item = new QTreeWidgetItem(m_dryRunList);
            item->setText(0, QStringLiteral("\"%1\"").arg(c.value));
            item->setText(1, tr("%1 @%2").arg(c.field).arg(c.position));
            item->setText(2, c.before);
            item->setText(3, c.after);
            item->setText(4, rules.at(std::size_t(c.rule)).source);
        }
        m_dryRunSummary->setText(
            tr("Dry run, nothing written: %n replacement(s) in quotes", nullptr, int(changes.size())) +
            tr(", %n in names and titles.", nullptr, int(names.size())) + QLatin1Char('\n') +
            s.redaction->summary(changes, &names));
        showStatus(QString(), false);
        return true;
    } catch (const Error &e) {
        showStatus(e.message(), true);
        return false;
    }
}

bool ExportDialog::exportReport()
{
    QString path = filePath();
    if (path.isEmpty()) {
        showStatus(tr("Name the file to write."), true);
        return false;
    }
    const QString extension = m_session.plugins().exporter(format())->fileExtension();
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QLatin1Char('.') + extension;
        m_file->setText(QDir::toNativeSeparators(path));
    }
    ProjectJobs::ReportSettings s;
    try {
        s = settings();
    } catch (const Error &e) {
        showStatus(e.message(), true);
        return false;
    }
    if (m_askBeforeReplacing && path != m_approvedPath && QFileInfo::exists(path) &&
        QMessageBox::question(this, tr("Replace file"),
                              tr("%1 exists. Replace it?").arg(QDir::toNativeSeparators(path))) != QMessageBox::Yes)
        return false;
    showStatus(tr("Writing %1…").arg(QDir::toNativeSeparators(path)), false);
    const ProjectJobs::ReportResult r = ProjectJobs(m_session, this).exportReport(path, format(), s);
    if (!r.done()) {
        showStatus(r.message, r.outcome != BackgroundJob::Outcome::Cancelled);
        return false;
    }
    showStatus(r.headline, false);
    Q_EMIT exported(path, r.headline);
    accept();
    return true;
}

QString ExportDialog::statusText() const
{
    return m_status->text();
}

void ExportDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
}

void ExportDialog::chooseFile()
{
    const QString extension = m_session.plugins().exporter(format())->fileExtension();
    QString path = QFileDialog::getSaveFileName(this, tr("Export theme report"), filePath(),
                                                QStringLiteral("%1 (*.%2)").arg(m_format->currentText(), extension));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + extension;
    setFilePath(path);
    // The file dialog asked about replacing it.
    m_approvedPath = filePath();
}

void ExportDialog::loadRules()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load redaction rules"), QString(),
                                                      tr("Rules files (*.txt *.rules);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        showStatus(tr("%1: cannot be read (%2).").arg(QDir::toNativeSeparators(path), f.errorString()), true);
        return;
    }
    m_rulesFile = path;
    m_rulesName->setText(QFileInfo(path).fileName());
    m_rules->setPlainText(QString::fromUtf8(f.readAll()));
}

} // namespace Quire
