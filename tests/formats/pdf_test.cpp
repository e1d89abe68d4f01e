// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/pdf_builder.h"
#include "testsupport.h"

#include "error.h"
#include "formats/fileimport.h"
#include "formats/pluginmanager.h"
#include "model/project.h"
#include "report/exportlayout.h"
#include "report/themereport.h"
#include "text/textoffsets.h"

#include <QJsonArray>
#include <QRandomGenerator>

using namespace Quire;
using namespace QuireTest;

namespace {

ImportedDocument readPdf(const QByteArray &bytes, const QString &name = QStringLiteral("notes.pdf"))
{
    PluginManager plugins;
    plugins.loadStatic();
    std::vector<ImportedDocument> docs = plugins.importerFor(name)->read(name, bytes, ImportOptions());
    REQUIRE(docs.size() == 1);
    return std::move(docs.front());
}

QString pdfError(const QByteArray &bytes, const QString &name = QStringLiteral("notes.pdf"))
{
    try {
        readPdf(bytes, name);
    } catch (const Error &e) {
        return e.message();
    }
    return QStringLiteral("(no error)");
}

QString hostileFile(const QString &name)
{
    return QStringLiteral(QUIRE_CORPORA_DIR) + QStringLiteral("/hostile/") + name;
}

/// The page whose range holds code point \a position, 0 if none.
int pageAt(const ImportedDocument &doc, qsizetype position)
{
    for (const ImportedPage &page : doc.pages) {
        if (position >= page.start && position < page.end)
            return page.number;
    }
    return 0;
}

/// Code point position of the first occurrence of \a quote.
qsizetype find(const ImportedDocument &doc, const QString &quote)
{
    const qsizetype utf16 = doc.text.indexOf(quote);
    REQUIRE(utf16 >= 0);
    return TextOffsets(doc.text).fromUtf16(utf16);
}

} // namespace

TEST_CASE("PDF: two pages in reading order, ligature expanded, line-end hyphen kept", "[pdf]")
{
    const ImportedDocument doc = readPdf(Pdf::twoPageSample());

    CHECK(doc.text == Pdf::twoPageSampleText());
    // U+FB01 came out of the page as one character; the stored text has its letters.
    CHECK_FALSE(doc.text.contains(QChar(0xFB01)));
    CHECK(doc.text.contains(QStringLiteral("the first visit")));
    CHECK(doc.meta.value(QStringLiteral("ligaturesExpanded")).toInt() == 1);
    // The hyphen at the line end stays, and the word is not joined.
    CHECK(doc.text.contains(QStringLiteral("and the care-\ngiver who came")));
    CHECK_FALSE(doc.text.contains(QStringLiteral("caregiver")));

    CHECK(doc.meta.value(QStringLiteral("pages")).toInt() == 2);
    CHECK(doc.meta.value(QStringLiteral("pagesWithoutText")).toArray().isEmpty());
    CHECK(doc.meta.value(QStringLiteral("title")).toString() == QStringLiteral("Carers group notes"));
    CHECK_FALSE(doc.meta.value(QStringLiteral("producer")).toString().isEmpty());
    CHECK(doc.warnings.isEmpty());
    CHECK(doc.name == QStringLiteral("notes.pdf"));
}

TEST_CASE("PDF: page boundaries let a quote cite its page", "[pdf]")
{
    const ImportedDocument doc = readPdf(Pdf::twoPageSample());
    const TextOffsets offsets(doc.text);
    const qsizetype page1Length = TextOffsets::codePointLength(Pdf::twoPageSamplePage1());

    REQUIRE(doc.pages.size() == 2);
    CHECK(doc.pages[0].number == 1);
    CHECK(doc.pages[0].start == 0);
    CHECK(doc.pages[0].end == page1Length);
    CHECK(doc.pages[1].number == 2);
    CHECK(doc.pages[1].start == page1Length + 1); // one "\n" between the pages
    CHECK(doc.pages[1].end == offsets.codePointCount());
    CHECK(offsets.mid(doc.pages[0].start, doc.pages[0].end) == Pdf::twoPageSamplePage1());
    CHECK(offsets.mid(doc.pages[1].start, doc.pages[1].end) == Pdf::twoPageSamplePage2());

    CHECK(pageAt(doc, find(doc, QStringLiteral("P2: It was better than I hoped."))) == 2);
    CHECK(pageAt(doc, find(doc, QStringLiteral("Facilitator: How did"))) == 2);
    CHECK(pageAt(doc, find(doc, QStringLiteral("care-"))) == 1);
    CHECK(pageAt(doc, find(doc, QStringLiteral("week."))) == 1);
    // The separator belongs to no page.
    CHECK(pageAt(doc, page1Length) == 0);
}

TEST_CASE("PDF: speaker lines become turns that fall on their page", "[pdf]")
{
    const ImportedDocument doc = readPdf(Pdf::twoPageSample());
    CHECK(doc.kind == QStringLiteral("transcript"));
    REQUIRE(doc.turns.size() == 4);
    const QStringList speakers{QStringLiteral("Facilitator"), QStringLiteral("P1"), QStringLiteral("P2"),
                               QStringLiteral("P1")};
    for (std::size_t i = 0; i < doc.turns.size(); ++i) {
        INFO("turn " << i);
        CHECK(doc.turns[i].speaker == speakers[qsizetype(i)]);
        CHECK(pageAt(doc, doc.turns[i].start) == 2);
    }
    CHECK(doc.turns[0].start == doc.pages[1].start);

    // Switched off, the same file is plain text.
    PluginManager plugins;
    plugins.loadStatic();
    ImportOptions options;
    options.detectSpeakers = false;
    const auto plain =
        plugins.importerFor(QStringLiteral("a.pdf"))->read(QStringLiteral("a.pdf"), Pdf::twoPageSample(), options);
    CHECK(plain.front().turns.empty());
    CHECK(plain.front().kind == QStringLiteral("text"));
}

TEST_CASE("PDF: every ligature U+FB00-U+FB06 is expanded and page ranges follow the expanded text", "[pdf]")
{
    // Inside words, where typesetting puts them.
    const QByteArray bytes = Pdf::makePdf(
        {Pdf::PageSpec{{QStringLiteral("e\uFB00ect \uFB01ne \uFB02ow o\uFB03ce ba\uFB04e \uFB05op \uFB06ar")}},
         Pdf::PageSpec{{QStringLiteral("Second page")}}});
    const ImportedDocument doc = readPdf(bytes);
    // U+FB05 decomposes to long s (U+017F) and t, as Unicode defines it.
    const QString page1 = QStringLiteral("effect fine flow office baffle \u017Ftop star");
    CHECK(doc.text == page1 + QStringLiteral("\nSecond page"));
    CHECK(doc.meta.value(QStringLiteral("ligaturesExpanded")).toInt() == 7);
    REQUIRE(doc.pages.size() == 2);
    CHECK(doc.pages[0].end == page1.size());
    CHECK(doc.pages[1].start == page1.size() + 1);
    CHECK(doc.pages[1].end == doc.text.size());
}

TEST_CASE("PDF: side-by-side columns come out one column after the other", "[pdf]")
{
    // Page::text() sorts line fragments by position and would interleave the
    // two columns; the word list in reading order keeps each column together.
    const Pdf::PageSpec page{
        {QStringLiteral("Left column one"), QStringLiteral("Left column two"), QStringLiteral("Left column three")},
        {QStringLiteral("Right side one"), QStringLiteral("Right side two"), QStringLiteral("Right side three")}};
    const ImportedDocument doc = readPdf(Pdf::makePdf({page}));
    CHECK(doc.text == QStringLiteral("Left column one\nLeft column two\nLeft column three\n"
                                     "Right side one\nRight side two\nRight side three"));
}

TEST_CASE("PDF: a PDF without a text layer asks for OCR", "[pdf]")
{
    const QByteArray scanned = Pdf::makePdf({Pdf::PageSpec{}, Pdf::PageSpec{}});
    CHECK(pdfError(scanned, QStringLiteral("scan.pdf")) ==
          QStringLiteral("scan.pdf: the PDF has no text layer (scanned pages?); run OCR on it first"));
}

TEST_CASE("PDF: pages without text are named in a warning, the rest is imported", "[pdf]")
{
    const QByteArray bytes = Pdf::makePdf({Pdf::PageSpec{{QStringLiteral("Typed page one")}}, Pdf::PageSpec{},
                                           Pdf::PageSpec{{QStringLiteral("Typed page three")}}});
    const ImportedDocument doc = readPdf(bytes, QStringLiteral("mixed.pdf"));
    CHECK(doc.text == QStringLiteral("Typed page one\n\nTyped page three"));
    REQUIRE(doc.pages.size() == 3);
    CHECK(doc.pages[1].number == 2);
    CHECK(doc.pages[1].start == doc.pages[1].end); // empty, but recorded
    CHECK(pageAt(doc, find(doc, QStringLiteral("three"))) == 3);
    CHECK(doc.meta.value(QStringLiteral("pagesWithoutText")).toArray() == QJsonArray{2});
    REQUIRE(doc.warnings.size() == 1);
    CHECK(doc.warnings.front() == QStringLiteral("page 2 has no text layer (scanned?); its text is missing from the "
                                                 "imported text; run OCR on the file to include it"));
}

TEST_CASE("PDF: a password-protected PDF is refused with a clear message", "[pdf]")
{
    const QString path = hostileFile(QStringLiteral("pdf-encrypted-password.pdf"));
    CHECK(pdfError(readFile(path), QStringLiteral("pdf-encrypted-password.pdf")) ==
          QStringLiteral("pdf-encrypted-password.pdf: the PDF is password-protected; remove the password "
                         "and import again"));
    // The same through the file reader the CLI uses.
    PluginManager plugins;
    plugins.loadStatic();
    CHECK_THROWS_WITH(readImportFile(plugins, path), Catch::Contains("password-protected"));
}

TEST_CASE("PDF: an encrypted PDF without an open password is read, with a permissions warning", "[pdf]")
{
    const ImportedDocument doc = readPdf(readFile(hostileFile(QStringLiteral("pdf-encrypted-no-open-password.pdf"))),
                                         QStringLiteral("locked-copy.pdf"));
    CHECK(doc.text == QStringLiteral("P1: This statement is protected.\nSecond line."));
    CHECK(doc.meta.value(QStringLiteral("encrypted")).toBool());
    CHECK_FALSE(doc.meta.value(QStringLiteral("copyingPermitted")).toBool());
    REQUIRE(doc.warnings.size() == 1);
    CHECK(doc.warnings.front().startsWith(QStringLiteral("the PDF's permissions do not allow copying")));
}

TEST_CASE("PDF: truncated and random bytes are refused as unreadable", "[pdf]")
{
    const QByteArray good = Pdf::twoPageSample();
    for (const double fraction : {0.1, 0.3, 0.5, 0.7, 0.9, 0.98}) {
        const QByteArray cut = good.left(qsizetype(double(good.size()) * fraction));
        INFO("cut at " << fraction);
        const QString message = pdfError(cut, QStringLiteral("cut.pdf"));
        CHECK(message.startsWith(QStringLiteral("cut.pdf: not a readable PDF (")));
    }
    // Cut right before "startxref": every object is there, but the file has no end.
    CHECK(pdfError(good.left(good.lastIndexOf("startxref")), QStringLiteral("cut.pdf")) ==
          QStringLiteral("cut.pdf: not a readable PDF (the file is cut short: it does not end with %%EOF)"));

    QByteArray noise(4096, Qt::Uninitialized);
    QRandomGenerator random(42);
    for (char &c : noise)
        c = char(random.bounded(256));
    CHECK(pdfError(noise, QStringLiteral("noise.pdf")) ==
          QStringLiteral("noise.pdf: not a readable PDF (it does not start with a PDF header)"));
    CHECK(pdfError(QByteArrayLiteral("%PDF-1.7\n") + noise, QStringLiteral("noise.pdf"))
              .startsWith(QStringLiteral("noise.pdf: not a readable PDF (")));
    CHECK(pdfError(QByteArrayLiteral("Just a text file.\n"), QStringLiteral("text.pdf")) ==
          QStringLiteral("text.pdf: not a readable PDF (it does not start with a PDF header)"));
}

TEST_CASE("PDF: a complete PDF with a broken cross-reference table is read with a warning", "[pdf]")
{
    QByteArray bytes = Pdf::twoPageSample();
    const qsizetype at = bytes.lastIndexOf("startxref\n");
    REQUIRE(at > 0);
    const qsizetype numberStart = at + 10;
    const qsizetype numberEnd = bytes.indexOf('\n', numberStart);
    bytes.replace(numberStart, numberEnd - numberStart, "17");
    const ImportedDocument doc = readPdf(bytes, QStringLiteral("repaired.pdf"));
    CHECK(doc.text == Pdf::twoPageSampleText());
    REQUIRE(doc.warnings.size() == 1);
    CHECK(doc.warnings.front().startsWith(QStringLiteral("the PDF is damaged and was repaired")));
}

TEST_CASE("PDF: quire-cli imports a PDF, broken PDFs leave the project unchanged", "[pdf]")
{
    TempDir dir;
    const QString project = dir.path(QStringLiteral("p.quire"));
    REQUIRE(runCli({QStringLiteral("new"), project}).exitCode == 0);

    const QString pdf = dir.writeFile(QStringLiteral("carers.pdf"), Pdf::twoPageSample());
    const CliResult imported = runCli({QStringLiteral("import"), project, pdf});
    INFO(imported.errText().toStdString());
    REQUIRE(imported.exitCode == 0);
    CHECK(imported.outText().contains(QStringLiteral("carers.pdf")));
    const CliResult shown = runCli({QStringLiteral("show"), project, QStringLiteral("carers.pdf")});
    REQUIRE(shown.exitCode == 0);
    CHECK(shown.outText() == Pdf::twoPageSampleText());

    // Some pages without text: imported, and the user is told which.
    const QString mixed = dir.writeFile(QStringLiteral("mixed.pdf"),
                                        Pdf::makePdf({Pdf::PageSpec{{QStringLiteral("Typed")}}, Pdf::PageSpec{}}));
    const CliResult warned = runCli({QStringLiteral("import"), project, mixed});
    REQUIRE(warned.exitCode == 0);
    CHECK((warned.outText() + warned.errText())
              .contains(QStringLiteral("mixed.pdf: page 2 has no text layer (scanned?)")));

    const QString before = projectFingerprint(project);
    const QString beforeHash = fileHash(project);
    const QString good = dir.writeFile(QStringLiteral("good.pdf"), Pdf::twoPageSample());
    const QByteArray full = Pdf::twoPageSample();
    const QStringList bad{
        dir.writeFile(QStringLiteral("scan.pdf"), Pdf::makePdf({Pdf::PageSpec{}})),
        dir.writeFile(QStringLiteral("cut.pdf"), full.left(full.size() / 2)),
        dir.writeFile(QStringLiteral("noise.pdf"), QByteArray(2000, '\x9c')),
        hostileFile(QStringLiteral("pdf-encrypted-password.pdf")),
    };
    const QStringList expected{
        QStringLiteral("scan.pdf: the PDF has no text layer (scanned pages?); run OCR on it first"),
        QStringLiteral("cut.pdf: not a readable PDF ("),
        QStringLiteral("noise.pdf: not a readable PDF (it does not start with a PDF header)"),
        QStringLiteral(
            "pdf-encrypted-password.pdf: the PDF is password-protected; remove the password and import again"),
    };
    for (qsizetype i = 0; i < bad.size(); ++i) {
        // A good file next to the bad one: nothing of either is imported.
        const CliResult r = runCli({QStringLiteral("import"), project, good, bad[i]});
        INFO(bad[i].toStdString() << ": " << r.errText().toStdString());
        CHECK(r.exitCode == 1);
        CHECK(r.errText().contains(expected[i]));
        // One line for the user, no Poppler chatter around it.
        CHECK(r.errText().trimmed().count(QLatin1Char('\n')) == 0);
        CHECK(projectFingerprint(project) == before);
        CHECK(fileHash(project) == beforeHash);
    }
}

TEST_CASE("PDF: a quote's page locator in an export is the page it was printed on", "[pdf][export]")
{
    QuireTest::TempDir dir;
    const QString pdf = dir.writeFile(QStringLiteral("notes.pdf"), Pdf::twoPageSample());
    auto p = Project::create(dir.path(QStringLiteral("pages.quire")));
    p->setCoder(QStringLiteral("ana"));
    PluginManager plugins;
    plugins.loadStatic();
    const Id doc = p->importDocuments({readImportFile(plugins, pdf)}).front();
    const Id code = p->addCode(QStringLiteral("Hopes"));
    const QString text = p->documentText(doc);
    const TextOffsets offsets(text);
    auto span = [&](const QString &quote) {
        const qsizetype at = text.indexOf(quote);
        REQUIRE(at >= 0);
        return std::pair{offsets.fromUtf16(at), offsets.fromUtf16(at + quote.size())};
    };
    const auto [s2, e2] = span(QStringLiteral("P2: It was better than I hoped."));
    p->addSegment(doc, s2, e2, {code});
    // From the last word of page 1 to the first speaker line of page 2.
    p->addSegment(doc, span(QStringLiteral("week.")).first, span(QStringLiteral("Facilitator: How did")).second,
                  {code});

    ReportOptions o;
    o.locator = QuoteLocator::Page;
    o.timestamp = false;
    const ThemeReport r = buildThemeReport(*p, o);
    REQUIRE(r.quotes.size() == 1);
    REQUIRE(r.quotes[0].size() == 2);
    CHECK(r.quotes[0][0].locator == QString::fromUtf8("pp. 1–2"));
    CHECK(r.quotes[0][1].locator == QStringLiteral("p. 2"));
    CHECK(quoteCitationLine(r.quotes[0][1]) == QStringLiteral("(notes.pdf) · p. 2"));
}
