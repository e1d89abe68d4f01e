// SPDX-License-Identifier: GPL-3.0-or-later
// REFI-QDA exchange in the workbench: File ▸ Import REFI-QDA … and Export
// REFI-QDA … through MainWindow::importExchange / exportExchange (the
// functions the menu actions call after their file dialogs), on the worker
// thread, with the report dialog. The packages are built here with the core's
// ZipWriter; the shared NVivo sample is used only when ../shared is present.
#include "guisupport.h"
#include "testsupport.h"

#include "backgroundjob.h"
#include "exchangedialog.h"

#include "io/zipwriter.h"
#include "model/project.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTreeWidget>

using namespace Quire;
using namespace QuireTest;

namespace {

const QString VisitOne =
    QStringLiteral("The flat is damp and cold. We cannot pay the heating.\nShe said the landlord never came.\n");
// An emoji before the coded words: code points and UTF-16 units differ there.
const QString VisitTwo = QStringLiteral("Rent went up \U0001F642 again, money is tight.\n");

qsizetype codePointAt(const QString &text, const QString &words)
{
    const qsizetype utf16 = text.indexOf(words);
    REQUIRE(utf16 >= 0);
    return text.left(utf16).toUcs4().size();
}

QString selection(const QString &guidTail, const QString &text, const QString &words, const QString &codeGuid)
{
    const qsizetype start = codePointAt(text, words);
    return QStringLiteral(
               "<PlainTextSelection guid=\"33333333-3333-4333-8333-3333333333%1\" startPosition=\"%2\" endPosition=\"%3\" "
               "creatingUser=\"77777777-7777-4777-8777-777777777701\">"
               "<Coding guid=\"44444444-4444-4444-8444-4444444444%1\"><CodeRef targetGUID=\"%4\"/></Coding>"
               "</PlainTextSelection>")
        .arg(guidTail)
        .arg(start)
        .arg(start + words.toUcs4().size())
        .arg(codeGuid);
}

const QString Housing = QStringLiteral("11111111-1111-4111-8111-111111111101");
const QString Damp = QStringLiteral("11111111-1111-4111-8111-111111111102");
const QString Money = QStringLiteral("11111111-1111-4111-8111-111111111103");

/// A project.qde as another tool writes it: a coder, a nested codebook, a
/// case, two text sources with coded selections, and a picture Quire cannot keep.
QString fieldworkQde(const QString &extraSelection = QString())
{
    return QStringLiteral(
               "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
               "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"fieldwork\" origin=\"TestTool 1.0\">"
               "<Users><User guid=\"77777777-7777-4777-8777-777777777701\" name=\"Rosa\"/></Users>"
               "<CodeBook><Codes>"
               "<Code guid=\"%1\" name=\"Housing\" isCodable=\"true\" color=\"#1d3557\">"
               "<Code guid=\"%2\" name=\"Damp\" isCodable=\"true\" color=\"#e63946\"/></Code>"
               "<Code guid=\"%3\" name=\"Money\" isCodable=\"true\" color=\"#2a9d8f\"/>"
               "</Codes></CodeBook>"
               "<Cases><Case guid=\"88888888-8888-4888-8888-888888888801\" name=\"Household 1\">"
               "<SourceRef targetGUID=\"22222222-2222-4222-8222-222222222201\"/></Case></Cases>"
               "<Sources>"
               "<TextSource guid=\"22222222-2222-4222-8222-222222222201\" name=\"visit-1\" plainTextPath=\"internal://visit1.txt\">%4%5%6</TextSource>"
               "<TextSource guid=\"22222222-2222-4222-8222-222222222202\" name=\"visit-2\" plainTextPath=\"internal://visit2.txt\">%7</TextSource>"
               "<PictureSource guid=\"22222222-2222-4222-8222-222222222203\" name=\"photo\" path=\"internal://photo.jpg\"/>"
               "</Sources></Project>")
        .arg(Housing, Damp, Money, selection(QStringLiteral("01"), VisitOne, QStringLiteral("damp and cold"), Damp),
             selection(QStringLiteral("02"), VisitOne, QStringLiteral("We cannot pay the heating"), Money),
             extraSelection, selection(QStringLiteral("03"), VisitTwo, QStringLiteral("money is tight"), Money));
}

QByteArray refiPackage(const QString &qde, const QString &one = VisitOne, const QString &two = VisitTwo)
{
    ZipWriter zip(QStringLiteral("fieldwork.qdpx"));
    zip.add(QStringLiteral("project.qde"), qde.toUtf8());
    zip.add(QStringLiteral("sources/visit1.txt"), one.toUtf8());
    zip.add(QStringLiteral("sources/visit2.txt"), two.toUtf8());
    return zip.finish();
}

QString emptyProject(const TempDir &dir, const QString &name)
{
    const QString path = dir.path(name);
    Project::create(path);
    return path;
}

QStringList listTexts(QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}

qint64 shownCount(ExchangeReportDialog *dialog, const QString &name)
{
    for (int i = 0; i < dialog->countsTable()->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = dialog->countsTable()->topLevelItem(i);
        if (item->text(0) == name)
            return item->text(1).toLongLong();
    }
    return -1;
}

QStringList documentRows(MainWindow &window)
{
    QStringList out;
    for (int i = 0; i < window.documentList()->topLevelItemCount(); ++i)
        out << window.documentList()->topLevelItem(i)->text(0);
    return out;
}

struct Counts
{
    size_t documents, codes, segments, cases;
    bool operator==(const Counts &o) const
    {
        return documents == o.documents && codes == o.codes && segments == o.segments && cases == o.cases;
    }
};

Counts countsOf(Project &p)
{
    return {p.documents().size(), p.codes().size(), p.segments().size(), p.cases().size()};
}

/// Folders the export stages its package in, left behind in \a dir (there should be none).
QStringList stagingLeftovers(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral(".quire-export-*")}, QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

TEST_CASE(
    "exchange: a REFI-QDA package imports as one command that shows in the panes and the report and undoes in one step",
    "[gui][refiqda]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    const QString package = dir.writeFile(QStringLiteral("fieldwork.qdpx"), refiPackage(fieldworkQde()));
    Workbench w(path);
    Project &p = *w.window.project();
    const Counts before = countsOf(p);
    const auto commands = p.history().size();
    REQUIRE(w.window.importExchangeAction()->isEnabled());
    CHECK(w.window.importExchangeAction()->text().contains(QStringLiteral("REFI-QDA")));
    CHECK(w.window.exchangeReportDialog() == nullptr);

    int progress = 0;
    auto counting = QObject::connect(&w.window, &MainWindow::jobStarted, [&](BackgroundJob *job) {
        QObject::connect(job, &BackgroundJob::progressed, [&] { ++progress; });
    });
    REQUIRE(w.window.importExchange(package));
    QObject::disconnect(counting);
    CHECK(progress >= 2);
    INFO(w.window.lastError().toStdString());

    // One command, with the documents, codes, segments and case in it.
    CHECK(p.history().size() == commands + 1);
    CHECK(p.history().back().summary.contains(QStringLiteral("fieldwork.qdpx")));
    CHECK(w.window.undoAction()->text().contains(QStringLiteral("REFI-QDA")));
    CHECK(p.documents().size() == before.documents + 2);
    CHECK(p.codes().size() == before.codes + 3);
    CHECK(p.segments().size() == before.segments + 3);
    CHECK(p.cases().size() == before.cases + 1);

    // The panes show them: the document list, the code tree with its counts, the opened document.
    CHECK(documentRows(w.window).contains(QStringLiteral("visit-1")));
    CHECK(documentRows(w.window).contains(QStringLiteral("visit-2")));
    const Id damp = p.resolveCode(QStringLiteral("Housing/Damp"));
    const Id money = p.resolveCode(QStringLiteral("Money"));
    CHECK(p.code(damp).color == QStringLiteral("#e63946"));
    CHECK(w.treeCount(damp) == 1);
    CHECK(w.treeCount(money) == 2);
    REQUIRE(w.window.currentDocument().has_value());
    CHECK(p.document(*w.window.currentDocument()).name == QStringLiteral("visit-1"));
    CHECK(w.window.segmentList()->topLevelItemCount() == 2);

    // After the emoji the segment covers the coded words, in the store and on screen.
    const Id visit2 = w.documentId(QStringLiteral("visit-2"));
    w.window.showDocument(visit2);
    Segment tight;
    for (const Segment &s : p.segments())
        if (s.documentId == visit2)
            tight = s;
    CHECK(p.documentRange(visit2, tight.start, tight.end) == QStringLiteral("money is tight"));
    CHECK(tight.coder == QStringLiteral("Rosa"));
    const int at = int(VisitTwo.indexOf(QStringLiteral("money is tight")));
    CHECK(w.highlightsOf(tight.id) == QList<QPair<int, int>>{{at, at + 14}});

    // The report: counts, the offset decision, the picture that was not kept.
    ExchangeReportDialog *report = w.window.exchangeReportDialog();
    REQUIRE(report != nullptr);
    CHECK(report->isVisible());
    CHECK(report->headline().contains(QStringLiteral("fieldwork.qdpx")));
    CHECK(shownCount(report, QStringLiteral("documents created")) == 2);
    CHECK(shownCount(report, QStringLiteral("segments created")) == 3);
    CHECK(shownCount(report, QStringLiteral("codes created")) == 3);
    CHECK(shownCount(report, QStringLiteral("users")) == 1);
    CHECK(report->offsetsText()->toPlainText().contains(QStringLiteral("code points")));
    CHECK(listTexts(report->unmappedList()).join(QLatin1Char('\n')).contains(QStringLiteral("picture source")));
    CHECK(report->report().origin == QStringLiteral("TestTool 1.0"));

    // Edit ▸ Undo: the whole import goes in one step.
    REQUIRE(w.window.undo());
    CHECK(countsOf(p) == before);
    CHECK_FALSE(documentRows(w.window).contains(QStringLiteral("visit-1")));
    for (const Code &c : p.codes())
        CHECK(c.name != QStringLiteral("Money"));
    // And Redo brings it all back.
    REQUIRE(w.window.redo());
    CHECK(p.documents().size() == before.documents + 2);
    CHECK(p.segments().size() == before.segments + 3);
}

TEST_CASE("exchange: a broken or hostile package is refused naming the file and the project stays as it was",
          "[gui][refiqda]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    Workbench w(path);
    const QString fingerprint = projectFingerprint(path);
    const QString past =
        selection(QStringLiteral("09"), VisitOne + VisitOne, QStringLiteral("never came.\nThe flat"), Damp);
    struct Bad
    {
        QString file;
        QByteArray bytes;
        QString message;
    };
    const std::vector<Bad> cases{
        {QStringLiteral("notazip.qdpx"), QByteArray("this is not a zip archive at all"),
         QStringLiteral("notazip.qdpx")},
        {QStringLiteral("pastend.qdpx"), refiPackage(fieldworkQde(past)), QStringLiteral("past the end of the text")},
        {QStringLiteral("doctype.qdpx"),
         refiPackage(fieldworkQde().replace(
             QStringLiteral("<Project "),
             QStringLiteral("<!DOCTYPE Project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<Project "))),
         QStringLiteral("document type declaration")},
        {QStringLiteral("nocode.qdpx"),
         refiPackage(fieldworkQde(selection(QStringLiteral("09"), VisitOne, QStringLiteral("the landlord"),
                                            QStringLiteral("99999999-9999-4999-8999-999999999999")))),
         QStringLiteral("not in the codebook")},
        {QStringLiteral("codes.txt"), QByteArray("Housing\n"), QStringLiteral("not a REFI-QDA file")},
    };
    for (const Bad &c : cases) {
        INFO(c.file.toStdString());
        const QString file = dir.writeFile(c.file, c.bytes);
        CHECK_FALSE(w.window.importExchange(file));
        INFO(w.window.lastError().toStdString());
        CHECK(w.window.lastError().contains(c.file));
        CHECK(w.window.lastError().contains(c.message));
        CHECK(projectFingerprint(path) == fingerprint);
    }
    CHECK(w.window.exchangeReportDialog() == nullptr); // no report for a failed import
    const QString missing = dir.path(QStringLiteral("missing.qdpx"));
    CHECK_FALSE(w.window.importExchange(missing));
    CHECK(w.window.lastError().contains(QStringLiteral("missing.qdpx")));
    CHECK(projectFingerprint(path) == fingerprint);
}

TEST_CASE("exchange: Cancel before or after the plugin has stored the package leaves the project as it was",
          "[gui][refiqda]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    const QString package = dir.writeFile(QStringLiteral("fieldwork.qdpx"), refiPackage(fieldworkQde()));
    Workbench w(path);
    const QString fingerprint = projectFingerprint(path);
    for (const QString &stage : {QStringLiteral("Reading"), QStringLiteral("Storing")}) {
        INFO(stage.toStdString());
        auto cancelling = QObject::connect(&w.window, &MainWindow::jobStarted, [&](BackgroundJob *job) {
            QObject::connect(job, &BackgroundJob::progressed, job, [job, stage](int, int, const QString &label) {
                if (label.startsWith(stage))
                    job->cancel();
            });
        });
        CHECK_FALSE(w.window.importExchange(package));
        QObject::disconnect(cancelling);
        CHECK(w.window.lastError().contains(QStringLiteral("cancelled")));
        CHECK(projectFingerprint(path) == fingerprint);
        CHECK_FALSE(documentRows(w.window).contains(QStringLiteral("visit-1")));
    }
    // Not cancelled, the same package goes in.
    REQUIRE(w.window.importExchange(package));
    CHECK(documentRows(w.window).contains(QStringLiteral("visit-1")));
}

TEST_CASE("exchange: export .qdpx and .qdc from the workbench and read them back into fresh projects", "[gui][refiqda]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    Workbench w(path);
    Project &p = *w.window.project();
    REQUIRE(w.window.exportExchangeAction()->isEnabled());

    // The whole project.
    const QString qdpx = dir.path(QStringLiteral("study.qdpx"));
    REQUIRE(w.window.exportExchange(qdpx));
    REQUIRE(QFileInfo::exists(qdpx));
    CHECK(readFile(qdpx).startsWith("PK"));
    CHECK(stagingLeftovers(dir.path(QString())).isEmpty());
    ExchangeReportDialog *report = w.window.exchangeReportDialog();
    REQUIRE(report != nullptr);
    CHECK(report->report().file == QStringLiteral("study.qdpx"));
    CHECK(report->report().format == QStringLiteral("qdpx"));
    CHECK(shownCount(report, QStringLiteral("sources")) == qint64(p.documents().size()));
    CHECK(shownCount(report, QStringLiteral("codes")) == qint64(p.codes().size()));
    CHECK(report->headline().contains(QStringLiteral("study.qdpx")));

    const QString copyPath = emptyProject(dir, QStringLiteral("copy.quire"));
    {
        Workbench copy(copyPath);
        REQUIRE(copy.window.importExchange(qdpx));
        Project &c = *copy.window.project();
        CHECK(c.documents().size() == p.documents().size());
        CHECK(c.codes().size() == p.codes().size());
        CHECK(c.segments().size() == p.segments().size());
        CHECK(copy.window.documentList()->topLevelItemCount() == int(p.documents().size()));
        for (const Document &d : p.documents())
            CHECK(c.documentText(c.findDocument(d.name).id) == p.documentText(d.id));
        const Id noTime = c.resolveCode(QStringLiteral("Sustaining the carer/Respite and breaks/No time for myself"));
        CHECK(copy.treeCount(noTime) == 1);
    }

    // The codebook only.
    const QString qdc = dir.path(QStringLiteral("codes.qdc"));
    REQUIRE(w.window.exportExchange(qdc));
    CHECK(readFile(qdc).contains("urn:QDA-XML:codebook:1.0"));
    CHECK(w.window.exchangeReportDialog()->report().format == QStringLiteral("qdc"));
    const QString codesPath = emptyProject(dir, QStringLiteral("codes.quire"));
    {
        Workbench codes(codesPath);
        REQUIRE(codes.window.importExchange(qdc));
        CHECK(codes.window.project()->codes().size() == p.codes().size());
        CHECK(codes.window.project()->documents().empty());
        CHECK(codes.window.codeModel()->indexOfCode(codes.window.project()->resolveCode(TranslatingPath)).isValid());
    }
}

TEST_CASE("exchange: a cancelled or failed export leaves no file behind and an existing file as it was",
          "[gui][refiqda]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    Workbench w(path);
    const QString folder = dir.path(QString());
    const QString existing = dir.writeFile(QStringLiteral("keep.qdpx"), QByteArray("an older export"));
    const QString fresh = dir.path(QStringLiteral("fresh.qdc"));
    for (const QString &stage : {QStringLiteral("Reading"), QStringLiteral("Writing")}) {
        INFO(stage.toStdString());
        auto cancelling = QObject::connect(&w.window, &MainWindow::jobStarted, [&](BackgroundJob *job) {
            QObject::connect(job, &BackgroundJob::progressed, job, [job, stage](int, int, const QString &label) {
                if (label.startsWith(stage))
                    job->cancel();
            });
        });
        CHECK_FALSE(w.window.exportExchange(existing));
        CHECK(readFile(existing) == QByteArray("an older export"));
        CHECK_FALSE(w.window.exportExchange(fresh));
        CHECK_FALSE(QFileInfo::exists(fresh));
        QObject::disconnect(cancelling);
        CHECK(w.window.lastError().contains(QStringLiteral("cancelled")));
        CHECK(stagingLeftovers(folder).isEmpty());
    }
    // Failures: an unknown format, a folder that does not exist; each names the file.
    CHECK_FALSE(w.window.exportExchange(dir.path(QStringLiteral("study.zip"))));
    CHECK(w.window.lastError().contains(QStringLiteral("study.zip")));
    CHECK_FALSE(QFileInfo::exists(dir.path(QStringLiteral("study.zip"))));
    CHECK_FALSE(w.window.exportExchange(dir.path(QStringLiteral("no/such/folder/study.qdpx"))));
    CHECK(w.window.lastError().contains(QStringLiteral("study.qdpx")));
    // Not cancelled, the existing file is replaced whole.
    REQUIRE(w.window.exportExchange(existing));
    CHECK(readFile(existing).startsWith("PK"));
    CHECK(stagingLeftovers(folder).isEmpty());
}

TEST_CASE("exchange: the NVivo sample's report names its offset unit and what was not mapped",
          "[gui][refiqda][samples]")
{
    const QString sample = QStringLiteral(QUIRE_SHARED_DIR "/refi-qda/samples/nvivo-win12.6_oltas0517.qdpx");
    if (!QFileInfo::exists(sample)) {
        WARN("../shared/refi-qda is not present: the NVivo sample import through the workbench is skipped");
        SUCCEED();
        return;
    }
    TempDir dir;
    const QString path = emptyProject(dir, QStringLiteral("nvivo.quire"));
    Workbench w(path);
    REQUIRE(w.window.importExchange(sample));
    ExchangeReportDialog *report = w.window.exchangeReportDialog();
    REQUIRE(report != nullptr);
    CHECK(shownCount(report, QStringLiteral("selections")) == 303);
    CHECK(report->offsetsText()->toPlainText().contains(QStringLiteral("UTF-16 code units")));
    CHECK(listTexts(report->unmappedList()).join(QLatin1Char('\n')).contains(QStringLiteral("not codable")));
    CHECK(w.window.documentList()->topLevelItemCount() == 2);
    // The picture for docs/screenshots (QUIRE_REFIQDA_SCREENSHOT=FILE.png).
    const QString shot = qEnvironmentVariable("QUIRE_REFIQDA_SCREENSHOT");
    if (!shot.isEmpty()) {
        report->raise();
        QApplication::processEvents();
        CHECK(report->grab().save(shot, "PNG"));
    }
}
