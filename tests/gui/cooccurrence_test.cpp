// SPDX-License-Identifier: GPL-3.0-or-later
// The co-occurrence view (Analysis ▸ Co-occurrence of codes) through its real
// widgets, offscreen, on a project built here: the matrix for each meaning of
// "together", the graph beside it, following a change and its undo, and the
// export of its tables.
#include "guisupport.h"
#include "testsupport.h"

#include "analysis/agreementview.h"
#include "analysis/analysismenu.h"
#include "analysis/analysisoperations.h"
#include "analysis/analysisviewsupport.h"
#include "analysis/cooccurrenceview.h"
#include "analysis/crosstabview.h"
#include "analysis/frequencyview.h"

#include "io/ziparchive.h"
#include "model/project.h"

#include <QFileInfo>
#include <QTableView>

using namespace Quire;
using namespace QuireTest;

namespace {

/// Two documents. In the first, "Money" and "Stress" overlap on one passage
/// and "Respite" starts one character after "Stress"; the second has "Money" and
/// "Respite" far apart.
QString buildProject(const TempDir &dir)
{
    const QString path = dir.path(QStringLiteral("together.quire"));
    auto p = Project::create(path);
    p->setCoder(QStringLiteral("ann"));
    ImportedFile f;
    f.sourcePath = QStringLiteral("/tmp/carers.txt");
    f.sha256 = QStringLiteral("01");
    f.format = QStringLiteral("plaintext");
    ImportedDocument one;
    one.name = QStringLiteral("carers.txt");
    one.text =
        QStringLiteral("The bills keep coming and I lie awake. Nobody offers a break. I just want one night off.");
    one.encoding = QStringLiteral("UTF-8");
    ImportedDocument two = one;
    two.name = QStringLiteral("staff.txt");
    two.text = QStringLiteral("Budgets are tight this year.") + QString(300, QLatin1Char(' ')) +
               QStringLiteral("Respite beds closed.");
    f.documents = {one, two};
    p->importDocuments({f});
    const Id carers = p->findDocument(QStringLiteral("carers.txt")).id;
    const Id staff = p->findDocument(QStringLiteral("staff.txt")).id;
    const Id money = p->addCode(QStringLiteral("Money"));
    const Id stress = p->addCode(QStringLiteral("Stress"));
    const Id respite = p->addCode(QStringLiteral("Respite"));
    p->addSegment(carers, 0, 21, {money});    // "The bills keep coming"
    p->addSegment(carers, 4, 38, {stress});   // "bills … awake." overlaps Money
    p->addSegment(carers, 39, 61, {respite}); // "Nobody offers a break."
    p->addSegment(staff, 0, 28, {money});
    p->addSegment(staff, 328, 348, {respite});
    return path;
}

} // namespace

TEST_CASE("co-occurrence view counts codes together by overlap, nearness and document, with the graph", "[gui][views]")
{
    TempDir dir;
    const QString path = buildProject(dir);
    Workbench bench(path);
    auto *view = qobject_cast<CooccurrenceView *>(
        openAnalysisView(bench.window.session(), bench.window, QStringLiteral("cooccurrence")));
    REQUIRE(view);
    CHECK(view->error().isEmpty());
    // Overlap: only Money and Stress share a passage.
    CHECK(view->cell(QStringLiteral("Money"), QStringLiteral("Stress")) == QStringLiteral("1"));
    CHECK(view->cell(QStringLiteral("Money"), QStringLiteral("Respite")) == QStringLiteral("0"));
    if (Analysis::graphvizAvailable())
        CHECK(view->graphNodes() == 3);

    // Near, within 5 characters: Stress ends at 38, Respite starts at 39.
    view->setMode(Analysis::CooccurrenceMode::Near, 5);
    CHECK(view->cell(QStringLiteral("Stress"), QStringLiteral("Respite")) == QStringLiteral("1"));
    CHECK(view->cell(QStringLiteral("Money"), QStringLiteral("Respite")) == QStringLiteral("0"));
    // Same document: Money and Respite meet in both documents.
    view->setMode(Analysis::CooccurrenceMode::Document);
    CHECK(view->cell(QStringLiteral("Money"), QStringLiteral("Respite")) == QStringLiteral("2"));
    view->setFigures(1);
    CHECK(view->cell(QStringLiteral("Money"), QStringLiteral("Respite")) == QStringLiteral("1.000"));
    view->setFigures(2);
    CHECK(view->model()->table().header.value(0) == QStringLiteral("code_a"));
    view->setFigures(0);

    // A new passage shows at once; undo takes it back.
    Project *p = bench.window.project();
    const Id staff = p->findDocument(QStringLiteral("staff.txt")).id;
    REQUIRE(
        bench.window.runCommand([&] { p->addSegment(staff, 0, 7, {*p->tryResolveCode(QStringLiteral("Stress"))}); }));
    CHECK(view->cell(QStringLiteral("Money"), QStringLiteral("Stress")) == QStringLiteral("2"));
    REQUIRE(bench.window.undo());
    CHECK(view->cell(QStringLiteral("Money"), QStringLiteral("Stress")) == QStringLiteral("1"));

    // Export: Word with the three tables; an unknown type names the file and writes nothing.
    const QString docx = dir.path(QStringLiteral("together.docx"));
    REQUIRE(view->exportTables(docx).isEmpty());
    const ZipArchive zip(readFile(docx), docx);
    const QByteArray body = zip.read(QStringLiteral("word/document.xml"));
    CHECK(body.contains("Code co-occurrence"));
    CHECK(body.count("<w:tbl>") == 3);
    const QString pdf = dir.path(QStringLiteral("together.pdf"));
    REQUIRE(view->exportTables(pdf).isEmpty());
    CHECK(readFile(pdf).startsWith("%PDF"));
    const QString rtf = dir.path(QStringLiteral("together.rtf"));
    CHECK(view->exportTables(rtf).contains(QStringLiteral("together.rtf")));
    CHECK_FALSE(QFileInfo::exists(rtf));
    // OpenDocument, as quire-cli cooccur --out writes it: the three tables.
    const QString odt = dir.path(QStringLiteral("together.odt"));
    REQUIRE(view->exportTables(odt).isEmpty());
    const ZipArchive odtZip(readFile(odt), odt);
    const QByteArray content = odtZip.read(QStringLiteral("content.xml"));
    CHECK(content.contains("Code co-occurrence"));
    CHECK(content.count("<table:table ") == 3);
}

TEST_CASE("analysis views export every format quire-cli writes, .odt too", "[gui][views][export]")
{
    TempDir dir;
    const QString path = buildProject(dir);
    Workbench bench(path);
    auto *view = qobject_cast<CrosstabView *>(
        openAnalysisView(bench.window.session(), bench.window, QStringLiteral("crosstab")));
    REQUIRE(view);
    REQUIRE(view->setColumns(QStringLiteral("document")));
    REQUIRE(view->error().isEmpty());
    // The same formats as the save dialog offers, each written and readable.
    for (const char *suffix : {"docx", "odt", "pdf", "xlsx", "csv", "html", "md"}) {
        const QString file = dir.path(QStringLiteral("crosstab.") + QString::fromLatin1(suffix));
        INFO(suffix);
        CHECK(AnalysisViews::tableFileFilters().contains(QStringLiteral("*.") + QString::fromLatin1(suffix)));
        REQUIRE(view->exportTables(file).isEmpty());
        REQUIRE(QFileInfo(file).size() > 0);
    }
    // .odt: the counts and both percentages, a row per code with the counts shown.
    const QString odt = dir.path(QStringLiteral("crosstab.odt"));
    const ZipArchive zip(readFile(odt), odt);
    const QByteArray content = zip.read(QStringLiteral("content.xml"));
    CHECK(content.count("<table:table ") == 3);
    CHECK(content.contains("Money"));
    CHECK(content.contains("carers.txt"));
    CHECK(readFile(dir.path(QStringLiteral("crosstab.csv"))).contains("Money"));
    CHECK(readFile(dir.path(QStringLiteral("crosstab.md"))).contains("carers.txt"));
}
