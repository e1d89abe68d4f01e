// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"

#include "error.h"
#include "formats/fileimport.h"
#include "formats/pluginmanager.h"

using namespace Quire;
using namespace QuireTest;

namespace {

ImportedDocument readHtml(const QByteArray &bytes, const QString &name = QStringLiteral("page.html"),
                          const ImportOptions &options = ImportOptions())
{
    PluginManager plugins;
    plugins.loadStatic();
    std::vector<ImportedDocument> docs = plugins.importerFor(name)->read(name, bytes, options);
    REQUIRE(docs.size() == 1);
    return std::move(docs.front());
}

QString htmlError(const QByteArray &bytes, const QString &name = QStringLiteral("page.html"))
{
    try {
        readHtml(bytes, name);
    } catch (const Error &e) {
        return e.message();
    }
    return QStringLiteral("(no error)");
}

// A saved web page with everything a reader does not see: a script holding a
// fake quote, a style, a noscript, external resources on a host that does not
// exist (the parser runs with HTML_PARSE_NONET and fetches nothing, so the
// result below is what it makes of the page with no network at all).
const QByteArray samplePage =
    QByteArrayLiteral("<!DOCTYPE html>\n"
                      "<html lang=\"en\"><head>\n"
                      "<meta charset=\"utf-8\">\n"
                      "<title>Carers' group\n  &amp; notes</title>\n"
                      "<link rel=\"stylesheet\" href=\"http://example.invalid/style.css\">\n"
                      "<style>p { color: red } .x::before { content: \"STYLE TEXT\" }</style>\n"
                      "<script>document.write(\"P9: FAKE QUOTE I never said\");</script>\n"
                      "</head>\n"
                      "<body>\n"
                      "<h1>Focus   group\n   notes</h1>\n"
                      "<p>Tom &amp; Jerry&rsquo;s carer said &#8212; twice&nbsp;over.</p>\n"
                      "<img src=\"http://example.invalid/pixel.png\" alt=\"tracking pixel\">\n"
                      "<script type=\"text/javascript\">var quote = \"P8: FAKE QUOTE two\";</script>\n"
                      "<noscript>Enable JavaScript to see this</noscript>\n"
                      "<template><p>Template text</p></template>\n"
                      "<svg><text>SVG label</text></svg>\n"
                      "<table>\n"
                      "  <tr><th>Name</th><th>Role</th></tr>\n"
                      "  <tr><td> Ann </td>\n  <td>carer &lt;main&gt;</td></tr>\n"
                      "</table>\n"
                      "<pre>\n  line one\n    indented   line two</pre>\n"
                      "<ul><li>first item</li><li>second <b>bold</b>\n item</li></ul>\n"
                      "<p>A<br>B<br><br>C</p>\n"
                      "<!-- a comment that is not text -->\n"
                      "<div hidden>Hidden menu</div>\n"
                      "<p>Last <span>inline</span><em>words</em>.</p>\n"
                      "</body></html>\n");

const QString sampleText = QStringLiteral("Focus group notes\n"
                                          "Tom & Jerry\u2019s carer said \u2014 twice\u00A0over.\n"
                                          "Name\tRole\n"
                                          "Ann\tcarer <main>\n"
                                          "  line one\n    indented   line two\n"
                                          "first item\n"
                                          "second bold item\n"
                                          "A\nB\n\nC\n"
                                          "Last inlinewords.");

} // namespace

TEST_CASE("HTML: visible text only, entities decoded, blocks end lines, cells tab-separated", "[html]")
{
    const ImportedDocument doc = readHtml(samplePage);
    CHECK(doc.text == sampleText);
    for (const char *hidden : {"FAKE QUOTE", "STYLE TEXT", "Enable JavaScript", "Template text", "SVG label",
                               "tracking pixel", "example.invalid", "Hidden menu", "comment", "Carers'"}) {
        INFO(hidden);
        CHECK_FALSE(doc.text.contains(QString::fromUtf8(hidden)));
    }
    CHECK(doc.meta.value(QStringLiteral("title")).toString() == QStringLiteral("Carers' group & notes"));
    CHECK(doc.meta.value(QStringLiteral("scriptsDropped")).toInt() == 2);
    CHECK(doc.encoding == QStringLiteral("UTF-8"));
    CHECK(doc.warnings.isEmpty());
    CHECK(doc.kind == QStringLiteral("text"));
}

TEST_CASE("HTML: whitespace collapses like a browser, except in <pre>", "[html]")
{
    CHECK(readHtml("<p>  one\n\t two   three  </p><p>four</p>").text == QStringLiteral("one two three\nfour"));
    CHECK(readHtml("<div>a<div>b</div>c</div>").text == QStringLiteral("a\nb\nc"));
    CHECK(readHtml("<p>x <b> y </b> z</p>").text == QStringLiteral("x y z"));
    CHECK(readHtml("<pre>\tkeep  this\n\n  and this </pre><p>after</p>").text ==
          QStringLiteral("\tkeep  this\n\n  and this \nafter"));
    // A tab written as a character reference in running text is whitespace to a browser, too.
    CHECK(readHtml("<p>a&#9;b</p>").text == QStringLiteral("a b"));
}

TEST_CASE("HTML: a transcript page gets speaker turns", "[html]")
{
    const ImportedDocument doc = readHtml("<html><body><h2>Group 2</h2>"
                                          "<p>Facilitator: Welcome, everyone.</p>\n"
                                          "<p>P1: Thanks &amp; hello.</p>\n"
                                          "<p><b>P2:</b> Hi.</p>\n"
                                          "<p>P1: Shall we start?</p></body></html>");
    CHECK(doc.text == QStringLiteral("Group 2\nFacilitator: Welcome, everyone.\nP1: Thanks & hello.\nP2: Hi.\n"
                                     "P1: Shall we start?"));
    CHECK(doc.kind == QStringLiteral("transcript"));
    REQUIRE(doc.turns.size() == 4);
    CHECK(doc.turns[0].speaker == QStringLiteral("Facilitator"));
    CHECK(doc.turns[0].start == 8);
    CHECK(doc.turns[2].speaker == QStringLiteral("P2"));
}

TEST_CASE("HTML: the charset comes from the BOM, the meta tag or detection", "[html]")
{
    // Windows-1252 bytes: 0x92 is a right single quote, 0xE9 is e acute.
    const QByteArray cp1252 = QByteArrayLiteral("<html><head><meta http-equiv=\"Content-Type\" "
                                                "content=\"text/html; charset=windows-1252\"></head>"
                                                "<body><p>Caf\xe9 \x92good\x92</p></body></html>");
    ImportedDocument doc = readHtml(cp1252);
    CHECK(doc.text == QStringLiteral("Caf\u00E9 \u2019good\u2019"));
    CHECK(doc.encoding == QStringLiteral("windows-1252"));

    // Latin-1 by label means Windows-1252, as in every browser.
    doc = readHtml(QByteArrayLiteral("<meta charset=ISO-8859-1><p>\x93quoted\x94</p>"));
    CHECK(doc.text == QStringLiteral("\u201Cquoted\u201D"));

    // A page that claims UTF-8 but is not: detected instead, with a warning.
    doc = readHtml(QByteArrayLiteral("<meta charset=\"utf-8\"><p>na\xefve</p>"), QStringLiteral("liar.html"));
    CHECK(doc.text == QStringLiteral("na\u00EFve"));
    REQUIRE(doc.warnings.size() == 1);
    CHECK(doc.warnings.front().startsWith(QStringLiteral("the page declares the charset \"utf-8\"")));

    // A BOM wins over the meta tag.
    doc = readHtml(QByteArrayLiteral("\xEF\xBB\xBF<meta charset=windows-1252><p>\xE2\x80\x94</p>"));
    CHECK(doc.text == QStringLiteral("\u2014"));
    CHECK(doc.encoding == QStringLiteral("UTF-8"));
    CHECK(doc.meta.value(QStringLiteral("bomRemoved")).toBool());
}

TEST_CASE("HTML: a page with no visible text is refused", "[html]")
{
    const QString expected = QStringLiteral("only-script.html: the page has no visible text");
    CHECK(htmlError("<html><head><title>T</title></head><body><script>alert('P1: hello')</script></body></html>",
                    QStringLiteral("only-script.html")) == expected);
    CHECK(htmlError("<script>var x = 1;</script>", QStringLiteral("only-script.html")) == expected);
    CHECK(htmlError("<html><body>  \n <style>b{}</style> &#32; </body></html>", QStringLiteral("only-script.html")) ==
          expected);
}

TEST_CASE("HTML: hostile pages: external entities, deep nesting, unknown entities", "[html]")
{
    // The HTML parser defines no entities from a DOCTYPE and loads nothing.
    const QByteArray xxe = QByteArrayLiteral("<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                                             "<html><body><p>before &xxe; after</p></body></html>");
    const ImportedDocument doc = readHtml(xxe);
    CHECK_FALSE(doc.text.contains(QStringLiteral("root:")));
    CHECK(doc.text.contains(QStringLiteral("before")));
    CHECK(doc.text.contains(QStringLiteral("after")));

    // Nesting: a deep but ordinary page is read; one nested thousands deep
    // (libxml2 stops at 256 levels) is refused rather than cut off silently,
    // and walking the tree never recurses.
    QByteArray deep;
    for (int i = 0; i < 100; ++i)
        deep += "<div><span>";
    CHECK(readHtml(deep + "deep words").text == QStringLiteral("deep words"));
    QByteArray tooDeep;
    for (int i = 0; i < 20000; ++i)
        tooDeep += "<div><span>";
    CHECK(htmlError(tooDeep + "deep words", QStringLiteral("deep.html")) ==
          QStringLiteral("deep.html: the page nests its elements more than 256 levels deep; "
                         "Quire does not read such pages"));

    CHECK(readHtml("<p>&bogus; &amp;c</p>").text == QStringLiteral("&bogus; &c"));
}

TEST_CASE("HTML: quire-cli imports a page, a page without text leaves the project unchanged", "[html]")
{
    TempDir dir;
    const QString project = dir.path(QStringLiteral("p.quire"));
    REQUIRE(runCli({QStringLiteral("new"), project}).exitCode == 0);

    const QString page = dir.writeFile(QStringLiteral("page.html"), samplePage);
    const CliResult imported = runCli({QStringLiteral("import"), project, page});
    INFO(imported.errText().toStdString());
    REQUIRE(imported.exitCode == 0);
    CHECK(imported.outText().contains(QStringLiteral("page.html")));
    const CliResult shown = runCli({QStringLiteral("show"), project, QStringLiteral("page.html")});
    REQUIRE(shown.exitCode == 0);
    CHECK(shown.outText() == sampleText);

    const QString before = projectFingerprint(project);
    const QString beforeHash = fileHash(project);
    const QString good = dir.writeFile(QStringLiteral("good.html"), "<p>fine</p>");
    const QString bad = dir.writeFile(QStringLiteral("only-script.html"), "<script>document.write('hi')</script>");
    const CliResult failed = runCli({QStringLiteral("import"), project, good, bad});
    CHECK(failed.exitCode == 1);
    CHECK(failed.errText().contains(QStringLiteral("only-script.html: the page has no visible text")));
    CHECK(failed.errText().trimmed().count(QLatin1Char('\n')) == 0);
    CHECK(projectFingerprint(project) == before);
    CHECK(fileHash(project) == beforeHash);
}
