// SPDX-License-Identifier: GPL-3.0-or-later
// The export dialog driven through its real widgets, offscreen: the format
// list from the plugin registry, a Word file with a citation template and
// only the starred quotes in the chosen order (read back from the .docx),
// the live preview, the redaction dry run, and Cancel leaving an existing
// file as it was.
#include "guisupport.h"
#include "testsupport.h"

#include "backgroundjob.h"
#include "exportdialog.h"
#include "projectsession.h"
#include "quotebasket.h"

#include "formats/exporterinterface.h"
#include "io/ziparchive.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QXmlStreamReader>

using namespace Quire;
using namespace QuireTest;

namespace {

/// The quote and citation paragraphs of a .docx, read with the project's zip reader.
struct DocxQuotes
{
    QStringList quotes;
    QStringList citations;
};

DocxQuotes readDocxQuotes(const QString &path)
{
    const ZipArchive zip(readFile(path), path);
    QXmlStreamReader x(zip.read(QStringLiteral("word/document.xml")));
    DocxQuotes out;
    QString style, text;
    while (!x.atEnd()) {
        x.readNext();
        if (x.isStartElement()) {
            if (x.name() == QLatin1String("p")) {
                style.clear();
                text.clear();
            } else if (x.name() == QLatin1String("pStyle")) {
                style = x.attributes().value(QStringLiteral("w:val")).toString();
            } else if (x.name() == QLatin1String("t")) {
                text += x.readElementText();
            }
        } else if (x.isEndElement() && x.name() == QLatin1String("p")) {
            if (style == QLatin1String("Quote"))
                out.quotes << text;
            else if (style == QLatin1String("Citation"))
                out.citations << text;
        }
    }
    REQUIRE_FALSE(x.hasError());
    return out;
}

/// Codes \a quote (found once in \a document) with \a code through the session; returns the segment.
Id codeQuote(Workbench &w, const QString &document, const QString &quote, Id code)
{
    Project *p = w.window.project();
    const Id doc = p->findDocument(document).id;
    const auto at = p->findQuote(doc, quote);
    REQUIRE(at.size() == 1);
    Id id = 0;
    REQUIRE(w.window.session().run([&] { id = p->addSegment(doc, at[0], at[0] + quote.size(), {code}); },
                                   ProjectSession::Segments));
    return id;
}

QString caseOf(Project &p, Id segmentId)
{
    const Segment s = p.segment(segmentId);
    if (!s.caseId)
        return QString();
    for (const Case &c : p.cases())
        if (c.id == *s.caseId)
            return c.name;
    return QString();
}

} // namespace

TEST_CASE("export dialog: the format list is the plugin registry's, Word, PDF and OpenDocument among them",
          "[gui][export]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    ExportDialog d(w.window.session(), &w.window);
    const QStringList formats = d.formats();
    for (const char *id : {"docx", "pdf", "odt", "html", "md", "csv", "xlsx"})
        CHECK(formats.contains(QLatin1String(id)));
    QStringList registry;
    for (ExporterInterface *e : w.window.session().plugins().exporters())
        registry << e->formatId();
    CHECK(formats.size() == registry.size());
    for (const QString &id : registry)
        CHECK(formats.contains(id));
    // Word first; the file name follows the chosen format, and a typed suffix chooses the format.
    CHECK(d.format() == QStringLiteral("docx"));
    CHECK(d.filePath().endsWith(QStringLiteral("sample-report.docx")));
    d.formatBox()->setCurrentIndex(d.formatBox()->findData(QStringLiteral("pdf")));
    CHECK(d.filePath().endsWith(QStringLiteral("sample-report.pdf")));
    CHECK(d.formatBox()->currentText().contains(QStringLiteral(".pdf")));
    d.setFilePath(dir.path(QStringLiteral("mine.odt")));
    CHECK(d.format() == QStringLiteral("odt"));
    CHECK(d.filePath() == dir.path(QStringLiteral("mine.odt")));

    // File ▸ Export theme report… opens the dialog.
    QAction *action = nullptr;
    for (QAction *a : w.window.menuBar()->actions())
        if (a->menu())
            for (QAction *item : a->menu()->actions())
                if (item->text().contains(QStringLiteral("Export theme report")))
                    action = item;
    REQUIRE(action);
    action->trigger();
    QApplication::processEvents();
    ExportDialog *opened = nullptr;
    for (ExportDialog *e : w.window.findChildren<ExportDialog *>())
        if (e != &d)
            opened = e;
    REQUIRE(opened);
    CHECK(opened->isVisible());
    opened->close();
}

TEST_CASE("export dialog: a .docx with a citation template and only the starred quotes in the chosen order",
          "[gui][export]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    Workbench w(path);
    Project *p = w.window.project();
    const Id noTime = p->resolveCode(QStringLiteral("Sustaining the carer/Respite and breaks/No time for myself"));
    // Four quotes of one code, in document order: a (P1), b (the sample's "I don't get …"), c (P2), d (P3).
    const QString a = QStringLiteral("My week is hospital appointments, physio, washing, more washing.");
    const QString c = QStringLiteral("Me and my partner we take it in turns");
    const QString dq = QStringLiteral("When he turned eighteen all the support he had through school just stopped");
    const Id segA = codeQuote(w, QStringLiteral("fg1-carers.txt"), a, noTime);
    codeQuote(w, QStringLiteral("fg1-carers.txt"), c, noTime);
    const Id segD = codeQuote(w, QStringLiteral("fg1-carers.txt"), dq, noTime);

    // Starred in the quote basket, d before a: the chosen order is d, a.
    auto *basket = w.window.findChild<QuoteBasket *>();
    REQUIRE(basket);
    REQUIRE(basket->star(segD));
    REQUIRE(basket->star(segA));
    REQUIRE(basket->order() == std::vector<Id>{segD, segA});

    ExportDialog d(w.window.session(), &w.window);
    const QString out = dir.path(QStringLiteral("starred.docx"));
    d.setFilePath(out);
    REQUIRE(d.format() == QStringLiteral("docx"));
    const QString citation = QStringLiteral("[{case}, {document}]");
    d.citationBox()->setCurrentText(citation);
    d.orderBox()->setCurrentIndex(d.orderBox()->findData(int(QuoteOrder::Chosen)));
    d.starredOnlyBox()->setChecked(true);

    // The preview follows the options: only d and a, d first.
    const QString preview = d.previewText();
    CHECK(preview.contains(dq));
    CHECK(preview.contains(a));
    CHECK(preview.indexOf(dq) < preview.indexOf(a));
    CHECK_FALSE(preview.contains(QStringLiteral("I don't get a minute")));
    CHECK_FALSE(preview.contains(c));

    // The Export button, as a researcher clicks it.
    d.exportButton()->click();
    REQUIRE(d.result() == QDialog::Accepted);
    CHECK(d.statusText().contains(QStringLiteral("2 quotes")));

    const DocxQuotes docx = readDocxQuotes(out);
    CHECK(docx.quotes == QStringList{dq, a});
    const QString caseD = caseOf(*p, segD), caseA = caseOf(*p, segA);
    CHECK_FALSE(caseD.isEmpty());
    CHECK(docx.citations == QStringList{QStringLiteral("[%1, fg1-carers.txt]").arg(caseD),
                                        QStringLiteral("[%1, fg1-carers.txt]").arg(caseA)});
}

TEST_CASE("export dialog: the preview follows every kind of option", "[gui][export]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    ExportDialog d(w.window.session(), &w.window);
    const QString quote = QStringLiteral("I don't get a minute to myself");
    CHECK(d.previewText().contains(QStringLiteral("> ") + quote));
    CHECK_FALSE(d.previewText().contains(QStringLiteral("quire:segment")));

    d.speakerLabelBox()->setChecked(true);
    CHECK(d.previewText().contains(QStringLiteral("P1: ") + quote));
    d.speakerLabelBox()->setChecked(false);

    d.maxLengthBox()->setValue(12);
    CHECK(d.previewText().contains(QStringLiteral("I don't...")));
    d.maxLengthBox()->setValue(0);

    d.templateBox()->setCurrentIndex(d.templateBox()->findData(QStringLiteral("theme-table")));
    CHECK_FALSE(d.previewText().contains(quote));
    d.templateBox()->setCurrentIndex(0);

    // No quote is starred in the sample: starred-only leaves none.
    d.starredOnlyBox()->setChecked(true);
    CHECK_FALSE(d.previewText().contains(quote));
    d.starredOnlyBox()->setChecked(false);

    // A field the project does not have: the core's error, shown in the dialog.
    d.citationBox()->setCurrentText(QStringLiteral("({nosuchfield})"));
    d.previewText();
    CHECK(d.statusText().contains(QStringLiteral("nosuchfield")));
    d.citationBox()->setCurrentText(QStringLiteral("({case})"));
    CHECK(d.previewText().contains(quote));
    CHECK(d.statusText().isEmpty());
}

TEST_CASE("export dialog: the redaction dry run lists what would be replaced and writes nothing",
          "[gui][export][redaction]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    Workbench w(path);
    ExportDialog d(w.window.session(), &w.window);
    const QString out = dir.path(QStringLiteral("redacted.docx"));
    d.setFilePath(out);

    // No rules: nothing to list.
    CHECK_FALSE(d.dryRun());
    CHECK(d.statusText().contains(QStringLiteral("rules")));

    d.rulesEdit()->setPlainText(
        QStringLiteral("# who and what\nword minute => [time]\nliteral fg1-carers => [group]\n"));
    const QString before = projectContent(*w.window.project());
    REQUIRE(d.dryRun());
    QTreeWidget *list = d.dryRunList();
    int quoteRows = 0, nameRows = 0;
    bool minute = false, group = false;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *row = list->topLevelItem(i);
        if (row->text(0).contains(QStringLiteral("segment")))
            ++quoteRows;
        else
            ++nameRows;
        if (row->text(2) == QStringLiteral("minute") && row->text(3) == QStringLiteral("[time]") &&
            row->text(1).startsWith(QStringLiteral("quote")))
            minute = true;
        if (row->text(2) == QStringLiteral("fg1-carers") && row->text(3) == QStringLiteral("[group]"))
            group = true;
        CHECK(row->text(4).startsWith(QStringLiteral("redaction rules:")));
    }
    CHECK(minute);
    CHECK(group);
    CHECK(quoteRows >= 1);
    CHECK(nameRows >= 1);
    CHECK(d.dryRunSummary()->text().contains(QStringLiteral("%1 replacement(s) in quotes").arg(quoteRows)));
    CHECK(d.dryRunSummary()->text().contains(QStringLiteral("%1 in names and titles").arg(nameRows)));
    // Nothing written, nothing changed; the preview shows the labels.
    CHECK_FALSE(QFileInfo::exists(out));
    CHECK(projectContent(*w.window.project()) == before);
    const QString preview = d.previewText();
    CHECK(preview.contains(QStringLiteral("I don't get a [time] to myself")));
    CHECK_FALSE(preview.contains(QStringLiteral("minute")));

    // A bad rule: the error names the rules and the line.
    d.rulesEdit()->setPlainText(QStringLiteral("word minute => [time]\nnonsense\n"));
    CHECK_FALSE(d.dryRun());
    CHECK(d.statusText().contains(QStringLiteral("redaction rules:2")));
    CHECK(list->topLevelItemCount() == 0);
}

TEST_CASE("export dialog: Cancel leaves an existing file as it was", "[gui][export][safety]")
{
    TempDir dir;
    Workbench w(buildSampleProject(dir));
    const QString out = dir.writeFile(QStringLiteral("report.docx"), QByteArray("the researcher's earlier file"));
    const QString hash = fileHash(out);
    ExportDialog d(w.window.session(), &w.window);
    d.setAskBeforeReplacing(false);
    d.setFilePath(out);
    auto cancelling = QObject::connect(&w.window.session(), &ProjectSession::jobStarted, [&](BackgroundJob *job) {
        QObject::connect(job, &BackgroundJob::progressed, job, &BackgroundJob::cancel);
    });
    CHECK_FALSE(d.exportReport());
    QObject::disconnect(cancelling);
    CHECK(fileHash(out) == hash);
    CHECK(d.statusText().contains(QStringLiteral("cancelled")));
    CHECK(d.result() != QDialog::Accepted);

    // Not cancelled: the file is replaced by the report.
    REQUIRE(d.exportReport());
    CHECK(fileHash(out) != hash);
    CHECK(readDocxQuotes(out).quotes.contains(QStringLiteral("I don't get a minute to myself")));
}
