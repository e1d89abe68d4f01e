// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "../../plugins/xlsx/xlsxplugin.h"
#include "error.h"
#include "formats/csvreader.h"
#include "formats/exporterinterface.h"
#include "formats/pluginmanager.h"
#include "io/ziparchive.h"
#include "io/zipwriter.h"
#include "model/project.h"
#include "report/documentwriter.h"
#include "report/exportlayout.h"
#include "report/quotes.h"
#include "report/redaction.h"
#include "report/themereport.h"
#include "testsupport.h"
#include "wordtables.h"

#include <poppler-qt6.h>
#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <numeric>

using namespace Quire;
using namespace QuireTest;

namespace {

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// Stored texts with what exports get wrong: emoji (surrogate pairs), CJK,
// tabs, curly quotes, runs of spaces, leading spaces, a line starting with "=".
const char *const Fg1 =
    "Interviewer: Tell me about care.\n"
    "Ann: My son Tom said \xE2\x80\x9Cit\xE2\x80\x99s fine\xE2\x80\x9D \xF0\x9F\x98\x80 but\tit wasn\xE2\x80\x99t.\n"
    "Ann: \xE6\x88\x91\xE4\xBB\xAC\xE5\xBE\x88\xE7\xB4\xAF\xE3\x80\x82 Tom helps on Sundays & <never> late.\n";
const char *const Fg2 = "=SUM(A1:A3) is what the council wrote.\n"
                        "Bob: The council of Leeds  decided.\n"
                        "   Leading spaces matter.\n";

// The coded spans, exactly as stored.
const char *const Q1 =
    "My son Tom said \xE2\x80\x9Cit\xE2\x80\x99s fine\xE2\x80\x9D \xF0\x9F\x98\x80 but\tit wasn\xE2\x80\x99t.\n"
    "Ann: \xE6\x88\x91\xE4\xBB\xAC\xE5\xBE\x88\xE7\xB4\xAF\xE3\x80\x82";
const char *const Q2 = "Tom helps on Sundays & <never> late.";
const char *const Q3 = "=SUM(A1:A3) is what the council wrote.";
const char *const Q4 = "The council of Leeds  decided.\n   Leading spaces matter.";

void cli(const QStringList &args)
{
    const CliResult r = runCli(args);
    INFO(args.join(QLatin1Char(' ')).toStdString() << "\n" << r.errText().toStdString());
    REQUIRE(r.exitCode == 0);
}

/// A project made through the real CLI: two focus-group documents, two cases
/// split by "group", two themes with a subtheme each, four coded quotes.
QString buildProject(const TempDir &dir)
{
    const QString p = dir.path(QStringLiteral("study.quire"));
    const QString f1 = dir.writeFile(QStringLiteral("fg1.txt"), QByteArray(Fg1));
    const QString f2 = dir.writeFile(QStringLiteral("fg2.txt"), QByteArray(Fg2));
    cli({QStringLiteral("new"), p});
    cli({QStringLiteral("import"), p, f1, f2, QStringLiteral("--no-speakers"), QStringLiteral("--quiet")});
    cli({QStringLiteral("case"), QStringLiteral("add"), p, QStringLiteral("P1"), QStringLiteral("--document"),
         QStringLiteral("fg1.txt"), QStringLiteral("--attr"), QStringLiteral("group=carer")});
    cli({QStringLiteral("case"), QStringLiteral("add"), p, QStringLiteral("P2"), QStringLiteral("--document"),
         QStringLiteral("fg2.txt"), QStringLiteral("--attr"), QStringLiteral("group=professional")});
    cli({QStringLiteral("code"), QStringLiteral("add"), p, QStringLiteral("Family"), QStringLiteral("--color"),
         QStringLiteral("#aa0000"), QStringLiteral("--description"), QStringLiteral("Relatives who care")});
    cli({QStringLiteral("code"), QStringLiteral("add"), p, QStringLiteral("Family/Support"), QStringLiteral("--color"),
         QStringLiteral("#00aa00")});
    cli({QStringLiteral("code"), QStringLiteral("add"), p, QStringLiteral("Services")});
    cli({QStringLiteral("code"), QStringLiteral("add"), p, QStringLiteral("Services/Council"),
         QStringLiteral("--description"), u("Local authority \xE2\x80\x94 decisions")});
    const auto seg = [&](const QString &doc, const char *quote, const QString &code, const QString &caseName) {
        cli({QStringLiteral("segment"), QStringLiteral("add"), p, doc, QStringLiteral("--code"), code,
             QStringLiteral("--quote"), u(quote), QStringLiteral("--case"), caseName});
    };
    seg(QStringLiteral("fg1.txt"), Q1, QStringLiteral("Family/Support"), QStringLiteral("P1"));
    seg(QStringLiteral("fg1.txt"), Q2, QStringLiteral("Family/Support"), QStringLiteral("P1"));
    seg(QStringLiteral("fg2.txt"), Q3, QStringLiteral("Services/Council"), QStringLiteral("P2"));
    seg(QStringLiteral("fg2.txt"), Q4, QStringLiteral("Services/Council"), QStringLiteral("P2"));
    return p;
}

ThemeReport report(const QString &project, const QString &layout = QString(),
                   const QString &by = QStringLiteral("group"))
{
    auto p = Project::open(project);
    ReportOptions o;
    o.byAttribute = by;
    o.citationTemplate = QStringLiteral("({case}, {group})");
    ThemeReport r = buildThemeReport(*p, o);
    r.layout = layout;
    return r;
}

PluginManager &plugins()
{
    static PluginManager pm;
    static bool loaded = false;
    if (!loaded) {
        pm.loadStatic();
        loaded = true;
    }
    return pm;
}

QByteArray exportBytes(const QString &format, const ThemeReport &r)
{
    QBuffer b;
    b.open(QIODevice::WriteOnly);
    plugins().exporter(format)->write(r, b);
    return b.data();
}

/// What a reader finds in an exported document.
struct Parsed
{
    QStringList headings;          ///< "2 Family / Support": level and text
    std::vector<QStringList> rows; ///< table rows, header first
    QStringList quotes;
    QStringList citations;
    QStringList notes;
};

QStringList expectedQuotes()
{
    return {u(Q1), u(Q2), u(Q3), u(Q4)};
}

// ---- WordprocessingML, read with QXmlStreamReader ----
Parsed parseDocx(const QByteArray &bytes)
{
    ZipArchive zip(bytes, QStringLiteral("export.docx"));
    REQUIRE(zip.contains(QStringLiteral("[Content_Types].xml")));
    REQUIRE(zip.contains(QStringLiteral("_rels/.rels")));
    const QByteArray styles = zip.read(QStringLiteral("word/styles.xml"));
    for (const char *id : {"Heading1", "Heading2", "Heading3", "Quote", "QuireTable"})
        CHECK(styles.contains(QByteArray("w:styleId=\"") + id + '"'));
    QXmlStreamReader x(zip.read(QStringLiteral("word/document.xml")));
    Parsed p;
    QString style, text, cell;
    QStringList row;
    int tableDepth = 0;
    while (!x.atEnd()) {
        x.readNext();
        const auto n = x.name();
        if (x.isStartElement()) {
            if (n == QLatin1String("p")) {
                style.clear();
                text.clear();
            } else if (n == QLatin1String("pStyle")) {
                style = x.attributes().value(QStringLiteral("w:val")).toString();
            } else if (n == QLatin1String("t")) {
                text += x.readElementText();
            } else if (n == QLatin1String("tab")) {
                text += QLatin1Char('\t');
            } else if (n == QLatin1String("br")) {
                text += QLatin1Char('\n');
            } else if (n == QLatin1String("tbl")) {
                ++tableDepth;
            } else if (n == QLatin1String("tr")) {
                row.clear();
            } else if (n == QLatin1String("tc")) {
                cell.clear();
            }
        } else if (x.isEndElement()) {
            if (n == QLatin1String("p")) {
                if (tableDepth) {
                    cell += text;
                } else if (style.startsWith(QLatin1String("Heading"))) {
                    p.headings << style.mid(7) + QLatin1Char(' ') + text;
                } else if (style == QLatin1String("Quote")) {
                    p.quotes << text;
                } else if (style == QLatin1String("Citation")) {
                    p.citations << text;
                } else if (style == QLatin1String("Note")) {
                    p.notes << text;
                }
            } else if (n == QLatin1String("tc")) {
                row << cell;
            } else if (n == QLatin1String("tr")) {
                p.rows.push_back(row);
            } else if (n == QLatin1String("tbl")) {
                --tableDepth;
            }
        }
    }
    INFO(x.errorString().toStdString());
    REQUIRE(!x.hasError());
    return p;
}

// ---- OpenDocument, read with QXmlStreamReader ----
Parsed parseOdt(const QByteArray &bytes)
{
    // ODF: "mimetype" is the first entry, stored: its bytes are at offset 38 of the file.
    REQUIRE(bytes.mid(30, 8) == "mimetype");
    REQUIRE(bytes.mid(38, 39) == "application/vnd.oasis.opendocument.text");
    ZipArchive zip(bytes, QStringLiteral("export.odt"));
    REQUIRE(zip.entries().value(0) == QStringLiteral("mimetype"));
    for (const char *part : {"styles.xml", "meta.xml", "META-INF/manifest.xml"}) {
        QXmlStreamReader check(zip.read(QString::fromLatin1(part)));
        while (!check.atEnd())
            check.readNext();
        INFO(part);
        REQUIRE(!check.hasError());
    }
    QXmlStreamReader x(zip.read(QStringLiteral("content.xml")));
    Parsed p;
    QString style, text, cell;
    QStringList row;
    int level = 0;
    int inCell = 0;
    while (!x.atEnd()) {
        x.readNext();
        const auto n = x.name();
        if (x.isStartElement()) {
            if (n == QLatin1String("p") || n == QLatin1String("h")) {
                style = x.attributes().value(QStringLiteral("text:style-name")).toString();
                level = x.attributes().value(QStringLiteral("text:outline-level")).toInt();
                text.clear();
            } else if (n == QLatin1String("s")) {
                const auto c = x.attributes().value(QStringLiteral("text:c"));
                text += QString(c.isEmpty() ? 1 : c.toInt(), QLatin1Char(' '));
            } else if (n == QLatin1String("tab")) {
                text += QLatin1Char('\t');
            } else if (n == QLatin1String("line-break")) {
                text += QLatin1Char('\n');
            } else if (n == QLatin1String("table-row")) {
                row.clear();
            } else if (n == QLatin1String("table-cell")) {
                cell.clear();
                ++inCell;
            }
        } else if (x.isCharacters()) {
            text += x.text();
        } else if (x.isEndElement()) {
            if (n == QLatin1String("h")) {
                p.headings << QString::number(level) + QLatin1Char(' ') + text;
            } else if (n == QLatin1String("p")) {
                if (inCell)
                    cell += text;
                else if (style == QLatin1String("Quote"))
                    p.quotes << text;
                else if (style == QLatin1String("Citation"))
                    p.citations << text;
                else if (style == QLatin1String("Note"))
                    p.notes << text;
            } else if (n == QLatin1String("table-cell")) {
                row << cell;
                --inCell;
            } else if (n == QLatin1String("table-row")) {
                p.rows.push_back(row);
            }
        }
    }
    INFO(x.errorString().toStdString());
    REQUIRE(!x.hasError());
    return p;
}

// ---- HTML: the page is polyglot XHTML, so an XML parser reads it ----
Parsed parseHtml(const QByteArray &bytes)
{
    QXmlStreamReader x(bytes);
    Parsed p;
    QString cls, text;
    QStringList row;
    bool lang = false;
    bool collecting = false;
    while (!x.atEnd()) {
        x.readNext();
        const auto n = x.name();
        if (x.isStartElement()) {
            if (n == QLatin1String("html"))
                lang = x.attributes().value(QStringLiteral("lang")) == QLatin1String("en");
            if (n == QLatin1String("tr"))
                row.clear();
            if (n == QLatin1String("p") || n == QLatin1String("td") || n == QLatin1String("th") || n.startsWith(u'h')) {
                cls = x.attributes().value(QStringLiteral("class")).toString();
                text.clear();
                collecting = true;
            }
        } else if (x.isCharacters() && collecting) {
            text += x.text();
        } else if (x.isEndElement()) {
            if (n == QLatin1String("td") || n == QLatin1String("th")) {
                row << text;
                collecting = false;
            } else if (n == QLatin1String("tr")) {
                p.rows.push_back(row);
            } else if (n.size() == 2 && n.startsWith(u'h') && n.at(1).isDigit()) {
                p.headings << QString(n.at(1)) + QLatin1Char(' ') + text;
                collecting = false;
            } else if (n == QLatin1String("p")) {
                if (cls == QLatin1String("quote-text"))
                    p.quotes << text;
                else if (cls == QLatin1String("citation"))
                    p.citations << text;
                else if (cls == QLatin1String("note"))
                    p.notes << text;
                collecting = false;
            }
        }
    }
    INFO(x.errorString().toStdString());
    REQUIRE(!x.hasError());
    REQUIRE(lang);
    return p;
}

QString pdfText(const QByteArray &bytes)
{
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(bytes);
    REQUIRE(doc);
    REQUIRE(!doc->isLocked());
    QString text;
    for (int i = 0; i < doc->numPages(); ++i) {
        std::unique_ptr<Poppler::Page> page = doc->page(i);
        REQUIRE(page);
        const QSizeF size = page->pageSizeF();
        CHECK(qAbs(size.width() - 595.3) < 2); // A4 in points
        CHECK(qAbs(size.height() - 841.9) < 2);
        text += page->text(QRectF()) + QLatin1Char('\n');
    }
    return text;
}

QString squeeze(const QString &text)
{
    static const QRegularExpression ws(QStringLiteral("\\s+"));
    return text.normalized(QString::NormalizationForm_KC).remove(ws);
}

void checkParsed(const Parsed &p, const QStringList &quotes)
{
    CHECK(p.quotes == quotes);
    CHECK(p.citations == QStringList({QStringLiteral("(P1, carer)"), QStringLiteral("(P1, carer)"),
                                      QStringLiteral("(P2, professional)"), QStringLiteral("(P2, professional)")}));
    CHECK(p.headings == QStringList({QStringLiteral("1 Theme table"), QStringLiteral("1 Quotes"),
                                     QStringLiteral("2 Family"), QStringLiteral("3 Family / Support"),
                                     QStringLiteral("2 Services"), QStringLiteral("3 Services / Council")}));
    REQUIRE(p.rows.size() == 5);
    CHECK(p.rows[0] == QStringList({QStringLiteral("Theme / subtheme / code"), QStringLiteral("Segments"),
                                    QStringLiteral("Documents"), QStringLiteral("Cases"),
                                    QStringLiteral("group: carer"), QStringLiteral("group: professional")}));
    CHECK(p.rows[1] == QStringList({QStringLiteral("Family"), QStringLiteral("2"), QStringLiteral("1"),
                                    QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("0")}));
    CHECK(p.rows[2] == QStringList({QStringLiteral("Support"), QStringLiteral("2"), QStringLiteral("1"),
                                    QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("0")}));
    CHECK(p.rows[4] == QStringList({QStringLiteral("Council"), QStringLiteral("2"), QStringLiteral("1"),
                                    QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("2")}));
}

} // namespace

TEST_CASE("export: zip writer keeps order, stores the mimetype and is deterministic", "[export]")
{
    const auto make = [] {
        ZipWriter w(QStringLiteral("t.zip"));
        w.add(QStringLiteral("mimetype"), QByteArrayLiteral("application/x-test"), ZipWriter::Method::Store);
        w.add(QStringLiteral("b/second.xml"), QByteArray(5000, 'x'));
        w.add(QStringLiteral("a.txt"), u("\xF0\x9F\x98\x80\t\xE6\x88\x91").toUtf8());
        return w.finish();
    };
    const QByteArray one = make();
    CHECK(one == make());
    CHECK(one.mid(30, 8) == "mimetype");
    CHECK(one.mid(38, 18) == "application/x-test"); // stored: readable in place
    ZipArchive zip(one, QStringLiteral("t.zip"));
    CHECK(zip.entries() ==
          QStringList({QStringLiteral("mimetype"), QStringLiteral("b/second.xml"), QStringLiteral("a.txt")}));
    CHECK(zip.read(QStringLiteral("b/second.xml")) == QByteArray(5000, 'x'));
    CHECK(zip.read(QStringLiteral("a.txt")) == u("\xF0\x9F\x98\x80\t\xE6\x88\x91").toUtf8());
    CHECK(one.size() < 1000); // the 5000 bytes were deflated

    ZipWriter w(QStringLiteral("t.zip"));
    w.add(QStringLiteral("a"), "1");
    CHECK_THROWS_WITH(w.add(QStringLiteral("a"), "2"), Catch::Contains("t.zip") && Catch::Contains("twice"));
    CHECK_THROWS_WITH(w.add(QStringLiteral("../evil"), "2"), Catch::Contains("unsafe"));
}

TEST_CASE("export: every format holds the table, headings, citations and every quote exactly", "[export]")
{
    TempDir dir;
    const QString project = buildProject(dir);
    const ThemeReport r = report(project);
    REQUIRE(r.rows.size() == 4);
    // The report quotes the stored spans exactly; every export must show these.
    QStringList stored;
    for (const auto &row : r.quotes)
        for (const auto &q : row)
            stored << q.text;
    REQUIRE(stored == expectedQuotes());

    SECTION("docx")
    {
        const Parsed p = parseDocx(exportBytes(QStringLiteral("docx"), r));
        checkParsed(p, stored);
        CHECK(p.notes.value(0).startsWith(QStringLiteral("Project: ")));
    }
    SECTION("odt")
    {
        const QByteArray bytes = exportBytes(QStringLiteral("odt"), r);
        checkParsed(parseOdt(bytes), stored);
        // Laid out like the .docx: the page's width with the name column
        // widest, each cell border drawn once, the same typeface.
        const ZipArchive zip(bytes, QStringLiteral("export.odt"));
        const QByteArray content = zip.read(QStringLiteral("content.xml"));
        CHECK(content.contains("<table:table-column table:style-name=\"NameColumn\"/>"));
        auto width = [&](const char *style) {
            const QRegularExpression re(
                QStringLiteral("style:name=\"%1\" style:family=\"table-column\"><style:table-column-properties "
                               "style:column-width=\"([0-9.]+)cm\"")
                    .arg(QLatin1String(style)));
            return re.match(QString::fromUtf8(content)).captured(1).toDouble();
        };
        CHECK(width("NameColumn") > width("Column"));
        CHECK(width("Column") > 1.0);
        CHECK(content.contains("table:style-name=\"CellTL\""));
        CHECK(content.contains("fo:border-top=\"none\""));
        CHECK_FALSE(content.contains("fo:border=\""));
        CHECK(zip.read(QStringLiteral("styles.xml")).contains("style:font-name=\"Carlito\""));
    }
    SECTION("html")
    {
        const QByteArray html = exportBytes(QStringLiteral("html"), r);
        CHECK(html.startsWith("<!DOCTYPE html>"));
        CHECK(html.contains("<meta charset=\"utf-8\"/>"));
        CHECK(html.contains("<style>"));
        CHECK(!html.contains("<link")); // self-contained
        CHECK(!html.contains("<script"));
        CHECK(html.contains("&amp; &lt;never&gt;"));
        checkParsed(parseHtml(html), stored);
    }
    SECTION("md")
    {
        const QString md = QString::fromUtf8(exportBytes(QStringLiteral("md"), r));
        for (const auto &q : stored)
            CHECK(md.contains(QStringLiteral("> ") + q.split(QLatin1Char('\n')).join(QStringLiteral("\n> "))));
    }
    SECTION("csv")
    {
        const QString csv = QString::fromUtf8(exportBytes(QStringLiteral("csv"), r));
        const Table t = parseCsv(csv.mid(1), QStringLiteral("export.csv"));
        const auto quoteCol = t.header.indexOf(QStringLiteral("quote"));
        const auto citeCol = t.header.indexOf(QStringLiteral("citation"));
        REQUIRE(quoteCol >= 0);
        QStringList quotes;
        QStringList citations;
        for (const auto &row : t.rows) {
            if (row.cells.value(0) == QLatin1String("quote")) {
                quotes << row.cells.value(quoteCol);
                citations << row.cells.value(citeCol);
            }
        }
        // The declared neutralisation: a leading apostrophe before "=", nothing else.
        QStringList expected = stored;
        expected[2].prepend(QLatin1Char('\''));
        CHECK(quotes == expected);
        CHECK(citations.value(0) == QStringLiteral("(P1, carer)"));
    }
    SECTION("xlsx")
    {
        const QByteArray bytes = exportBytes(QStringLiteral("xlsx"), r);
        const auto themes = Xlsx::readSheet(QStringLiteral("export.xlsx"), bytes, QStringLiteral("Themes"));
        CHECK(themes.sheetNames ==
              QStringList({QStringLiteral("Themes"), QStringLiteral("Quotes"), QStringLiteral("Notes")}));
        CHECK(themes.table.header.value(0) == QStringLiteral("Theme / subtheme / code"));
        REQUIRE(themes.table.rows.size() == 4);
        CHECK(themes.table.rows[0].cells.mid(0, 6) ==
              QStringList({QStringLiteral("Family"), QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("1"),
                           QStringLiteral("2"), QStringLiteral("0")}));
        const auto quotes = Xlsx::readSheet(QStringLiteral("export.xlsx"), bytes, QStringLiteral("Quotes"));
        const auto col = quotes.table.header.indexOf(QStringLiteral("Quote"));
        const auto cite = quotes.table.header.indexOf(QStringLiteral("Citation"));
        REQUIRE(col >= 0);
        QStringList got;
        for (const auto &row : quotes.table.rows)
            got << row.cells.value(col);
        CHECK(got == stored); // exact, also the one that begins with "="
        CHECK(quotes.table.rows[2].cells.value(cite) == QStringLiteral("(P2, professional)"));
        CHECK(quotes.table.rows[0].cells.value(quotes.table.header.indexOf(QStringLiteral("Document"))) ==
              QStringLiteral("fg1.txt"));
        // "=SUM(...)" is a string cell: no sheet holds a formula.
        ZipArchive zip(bytes, QStringLiteral("export.xlsx"));
        for (const auto &e : zip.entries()) {
            if (e.startsWith(QLatin1String("xl/worksheets/")))
                CHECK(!zip.read(e).contains("<f>"));
        }
    }
    SECTION("pdf")
    {
        const QByteArray bytes = exportBytes(QStringLiteral("pdf"), r);
        REQUIRE(bytes.startsWith("%PDF"));
        const QString text = squeeze(pdfText(bytes));
        // Whitespace-insensitive and NFKC: PDF text extraction does not return the
        // layout's spaces, tabs and line breaks, and gives the font's ligatures
        // ("fi" as U+FB01). The installed fonts have no emoji glyphs, so emoji are
        // left out of the comparison; CJK is compared.
        for (const auto &q : stored) {
            QString expected;
            for (const char32_t cp : q.toUcs4()) {
                if (cp >= 0x1F000) // emoji: no glyphs in the installed fonts
                    continue;
                expected += QString::fromUcs4(&cp, 1);
            }
            INFO(q.toStdString() << "\nin the PDF's text: " << text.toStdString());
            CHECK(text.contains(squeeze(expected)));
        }
        CHECK(text.contains(QStringLiteral("(P2,professional)")));
        CHECK(text.contains(QStringLiteral("Family/Support")));
    }
}

TEST_CASE("export: theme-table, quotes, matrix and codebook templates", "[export]")
{
    TempDir dir;
    const QString project = buildProject(dir);
    SECTION("codebook in docx has paths, colours, descriptions and counts")
    {
        const Parsed p =
            parseDocx(exportBytes(QStringLiteral("docx"), report(project, QStringLiteral("codebook"), QString())));
        CHECK(p.headings == QStringList({QStringLiteral("1 Codebook")}));
        CHECK(p.quotes.isEmpty());
        REQUIRE(p.rows.size() == 5);
        CHECK(p.rows[1] == QStringList({QStringLiteral("Family"), QStringLiteral("Family"), QStringLiteral("#aa0000"),
                                        QStringLiteral("Relatives who care"), QStringLiteral("2"), QStringLiteral("1"),
                                        QStringLiteral("1")}));
        CHECK(p.rows[4].mid(0, 4) == QStringList({QStringLiteral("Council"), QStringLiteral("Services/Council"),
                                                  QString(), u("Local authority \xE2\x80\x94 decisions")}));
    }
    SECTION("matrix marks in odt and html")
    {
        const ThemeReport r = report(project, QStringLiteral("matrix"));
        for (const Parsed &p :
             {parseOdt(exportBytes(QStringLiteral("odt"), r)), parseHtml(exportBytes(QStringLiteral("html"), r))}) {
            REQUIRE(p.rows.size() == 5);
            CHECK(p.rows[0] == QStringList({QStringLiteral("Theme / subtheme / code"), QStringLiteral("carer"),
                                            QStringLiteral("professional")}));
            CHECK(p.rows[1] == QStringList({QStringLiteral("Family"), u("\xE2\x9C\x93"), QString()}));
            CHECK(p.rows[4] == QStringList({QStringLiteral("Council"), QString(), u("\xE2\x9C\x93")}));
            CHECK(p.quotes.isEmpty());
        }
        CHECK_THROWS_WITH(exportBytes(QStringLiteral("docx"), report(project, QStringLiteral("matrix"), QString())),
                          Catch::Contains("--by"));
    }
    SECTION("quotes only, theme table only")
    {
        const Parsed q = parseDocx(exportBytes(QStringLiteral("docx"), report(project, QStringLiteral("quotes"))));
        CHECK(q.rows.empty());
        CHECK(q.quotes == expectedQuotes());
        const Parsed t = parseHtml(exportBytes(QStringLiteral("html"), report(project, QStringLiteral("theme-table"))));
        CHECK(t.rows.size() == 5);
        CHECK(t.quotes.isEmpty());
    }
    SECTION("an unknown template is refused")
    {
        CHECK_THROWS_WITH(exportBytes(QStringLiteral("odt"), report(project, QStringLiteral("poster"))),
                          Catch::Contains("unknown template \"poster\""));
    }
}

TEST_CASE("export: the .docx and .odt exporters write the report's document through the one writer", "[export]")
{
    TempDir dir;
    const ThemeReport r = report(buildProject(dir));
    // The report path: the document model into Doc::makeWriter / makeOdtWriter.
    const auto direct = [&r](std::unique_ptr<Doc::Writer> w) {
        writeReportDocument(*w, r);
        return w->finish();
    };
    const ZipArchive plugin(exportBytes(QStringLiteral("docx"), r), QStringLiteral("plugin.docx"));
    const ZipArchive own(direct(Doc::makeWriter(QStringLiteral("docx"), r.projectName, QStringLiteral("own.docx"))),
                         QStringLiteral("own.docx"));
    for (const char *part : {"word/document.xml", "word/styles.xml", "[Content_Types].xml"}) {
        INFO(part);
        CHECK(plugin.read(QString::fromLatin1(part)) == own.read(QString::fromLatin1(part)));
    }
    const ZipArchive odtPlugin(exportBytes(QStringLiteral("odt"), r), QStringLiteral("plugin.odt"));
    const ZipArchive odtOwn(direct(Doc::makeOdtWriter(r.projectName, QStringLiteral("own.odt"))),
                            QStringLiteral("own.odt"));
    for (const char *part : {"content.xml", "styles.xml", "meta.xml"}) {
        INFO(part);
        CHECK(odtPlugin.read(QString::fromLatin1(part)) == odtOwn.read(QString::fromLatin1(part)));
    }
}

TEST_CASE("export: the .docx theme table has borders on every cell and a repeated header row and narrow count columns",
          "[export]")
{
    TempDir dir;
    const ThemeReport r = report(buildProject(dir));
    const ZipArchive zip(exportBytes(QStringLiteral("docx"), r), QStringLiteral("export.docx"));
    QString error;
    const std::vector<WordTable> tables = wordTables(zip.read(QStringLiteral("word/document.xml")), &error);
    CHECK(error.isEmpty());
    REQUIRE(tables.size() == 1);
    const WordTable &t = tables[0];
    // Theme, segments, documents, cases, group: carer, group: professional.
    REQUIRE(t.grid.size() == 6);
    CHECK(std::accumulate(t.grid.begin(), t.grid.end(), 0) == 9026); // A4 less 1-inch margins
    for (std::size_t c = 1; c < t.grid.size(); ++c) {
        INFO("column " << c);
        CHECK(t.grid[c] < t.grid[0]);
        CHECK(t.grid[c] >= 700); // room for the header's longest word
    }
    REQUIRE(t.rows.size() == 5);
    CHECK(t.rows[0].header);
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        CHECK(t.rows[i].header == (i == 0));
        REQUIRE(t.rows[i].cells.size() == 6);
        for (std::size_t c = 0; c < 6; ++c) {
            INFO("row " << i << ", column " << c);
            QStringList sides = t.rows[i].cells[c].borders;
            sides.sort();
            CHECK(sides == QStringList({QStringLiteral("bottom"), QStringLiteral("left"), QStringLiteral("right"),
                                        QStringLiteral("top")}));
            CHECK(t.rows[i].cells[c].width == t.grid[c]);
        }
    }
    CHECK(t.rows[1].cells[0].text == QStringLiteral("Family"));
}

TEST_CASE("export: redaction rules replace identifying text in exports, never in the project", "[export]")
{
    TempDir dir;
    const QString project = buildProject(dir);
    const QString rules =
        dir.writeFile(QStringLiteral("rules.txt"), QByteArray("# who is who\n"
                                                              "literal Leeds => [the city]\n"
                                                              "word Tom => [son]\n"
                                                              "regex (?i)\\bcouncil\\b => [the council]\n"
                                                              "case P1: literal Sundays => [day]\n"
                                                              "case P2: literal Sundays => [never]\n"));
    SECTION("applied to a report")
    {
        ThemeReport r = report(project);
        const Redaction red = Redaction::fromFile(rules);
        REQUIRE(red.rules().size() == 5);
        const auto changes = red.apply(r);
        CHECK(
            r.quotes[1][0].text ==
            u("My son [son] said \xE2\x80\x9Cit\xE2\x80\x99s fine\xE2\x80\x9D \xF0\x9F\x98\x80 but\tit wasn\xE2\x80\x99t.\n"
              "Ann: \xE6\x88\x91\xE4\xBB\xAC\xE5\xBE\x88\xE7\xB4\xAF\xE3\x80\x82"));
        CHECK(r.quotes[1][1].text == QStringLiteral("[son] helps on [day] & <never> late."));
        CHECK(r.quotes[3][0].text == QStringLiteral("=SUM(A1:A3) is what the [the council] wrote."));
        CHECK(r.quotes[3][1].text ==
              QStringLiteral("The [the council] of [the city]  decided.\n   Leading spaces matter."));
        CHECK(changes.size() == 6);
        CHECK(r.notes.value(0).contains(QStringLiteral("6 replacements")));
        CHECK(r.notes.value(0).contains(QStringLiteral("2 \u00D7 [son] (rules.txt:3, word)")));
        CHECK(r.notes.value(0).contains(QStringLiteral("0 \u00D7 [never] (rules.txt:6, literal in case P2)")));
        // Code points into the stored document: "Tom" in Q2 sits where the document has it.
        const auto tom = std::find_if(changes.begin(), changes.end(),
                                      [](const RedactionChange &c) { return c.before == QLatin1String("Tom"); });
        REQUIRE(tom != changes.end());
        auto p = Project::open(project);
        const Document d = p->documents().front();
        CHECK(p->documentRange(d.id, tom->position, tom->position + 3) == QStringLiteral("Tom"));
        // "Tomorrow" is not the word Tom.
        CHECK(red.apply(QStringLiteral("Tomorrow Tom"), QString()) == QStringLiteral("Tomorrow [son]"));
    }
    SECTION("through quire-cli: labels in every format, stored text unchanged, a dry run writes nothing")
    {
        const QString before = projectFingerprint(project);
        const QString hash = fileHash(project);
        for (const char *fmt : {"docx", "odt", "html", "xlsx", "pdf", "md", "csv"}) {
            const QString out = dir.path(QStringLiteral("r.") + QLatin1String(fmt));
            const CliResult res =
                runCli({QStringLiteral("export"), project, QStringLiteral("--format"), QLatin1String(fmt),
                        QStringLiteral("--out"), out, QStringLiteral("--by"), QStringLiteral("group"),
                        QStringLiteral("--citation"), QStringLiteral("({case})"), QStringLiteral("--redact"), rules});
            INFO(fmt << ": " << res.errText().toStdString());
            REQUIRE(res.exitCode == 0);
            CHECK(res.outText().contains(QStringLiteral("6 replacements")));
            const QByteArray bytes = readFile(out);
            QStringList quotes;
            if (QLatin1String(fmt) == QLatin1String("docx"))
                quotes = parseDocx(bytes).quotes;
            else if (QLatin1String(fmt) == QLatin1String("odt"))
                quotes = parseOdt(bytes).quotes;
            else if (QLatin1String(fmt) == QLatin1String("html"))
                quotes = parseHtml(bytes).quotes;
            QString all = quotes.join(QLatin1Char('\n'));
            if (QLatin1String(fmt) == QLatin1String("pdf"))
                all = pdfText(bytes);
            else if (QLatin1String(fmt) == QLatin1String("md") || QLatin1String(fmt) == QLatin1String("csv"))
                all = QString::fromUtf8(bytes);
            else if (QLatin1String(fmt) == QLatin1String("xlsx"))
                for (const auto &row : Xlsx::readSheet(out, bytes, QStringLiteral("Quotes")).table.rows)
                    all += row.cells.join(QLatin1Char('\n'));
            CHECK(all.contains(QStringLiteral("[son]")));
            CHECK(all.contains(QStringLiteral("[the council]")));
            CHECK(all.contains(QStringLiteral("[the city]")));
            CHECK(!all.contains(QStringLiteral("Tom")));
            CHECK(!all.contains(QStringLiteral("Leeds")));
            CHECK(!all.contains(QStringLiteral("Sundays")));
        }
        CHECK(projectFingerprint(project) == before);
        CHECK(fileHash(project) == hash);
        auto p = Project::open(project);
        CHECK(p->documentRange(p->documents().front().id, 0, p->documents().front().length)
                  .contains(QStringLiteral("Tom helps on Sundays")));

        const QString out = dir.path(QStringLiteral("dry.docx"));
        const CliResult dry = runCli({QStringLiteral("export"), project, QStringLiteral("--out"), out,
                                      QStringLiteral("--redact"), rules, QStringLiteral("--dry-run")});
        INFO(dry.errText().toStdString());
        REQUIRE(dry.exitCode == 0);
        CHECK(!QFile::exists(out));
        CHECK(dry.outText().contains(u("fg1.txt\tsegment ")));
        CHECK(dry.outText().contains(u("Tom \xE2\x86\x92 [son]\trules.txt:3")));
        CHECK(dry.outText().contains(u("Leeds \xE2\x86\x92 [the city]\trules.txt:2")));
        // The six replacements in quotes, then the names: the rule for "council" also renames the
        // code "Council" (its name and its path), as names in an export are redacted too.
        CHECK(dry.outText().count(u("\tsegment ")) == 6);
        CHECK(dry.outText().count(u("\xE2\x86\x92")) == 8);
        CHECK(dry.outText().contains(u("code\t\"Council\"\t@0\tCouncil \xE2\x86\x92 [the council]\trules.txt:4")));
        CHECK(dry.outText().contains(
            u("code path\t\"Services/Council\"\t@9\tCouncil \xE2\x86\x92 [the council]\trules.txt:4")));
    }
    SECTION("the speaker label and the citation printed with a quote are redacted too")
    {
        const Redaction red =
            Redaction::fromText(QStringLiteral("word Ruth => [nurse]\n"), QStringLiteral("names.txt"));
        ThemeReport r;
        r.rows.resize(1);
        Quote q;
        q.segmentId = 7;
        q.document = QStringLiteral("fg2.txt");
        q.caseName = QStringLiteral("fg2: Ruth");
        q.text = QStringLiteral("We don't always listen.");
        q.speaker = QStringLiteral("Ruth (district nurse)");
        q.citation = QStringLiteral("(fg2: Ruth)");
        r.quotes = {{q}};
        const auto changes = red.apply(r);
        CHECK(r.quotes[0][0].text == QStringLiteral("We don't always listen."));
        CHECK(r.quotes[0][0].speaker == QStringLiteral("[nurse] (district nurse)"));
        CHECK(r.quotes[0][0].citation == QStringLiteral("(fg2: [nurse])"));
        QStringList fields;
        for (const auto &c : changes)
            fields << c.field;
        CHECK(fields == (QStringList{QStringLiteral("speaker"), QStringLiteral("citation")}));
        CHECK(r.notes.value(0).contains(QStringLiteral("2 replacements")));
    }
    SECTION("bad rule lines name the file and line")
    {
        const auto bad = [&](const char *text) {
            try {
                Redaction::fromText(QString::fromUtf8(text), QStringLiteral("bad.txt"));
            } catch (const Error &e) {
                return e.message();
            }
            return QString();
        };
        CHECK(bad("literal Tom => [son]\nblur Tom => [x]\n")
                  .startsWith(QStringLiteral("bad.txt:2: unknown rule \"blur\"")));
        CHECK(bad("\n\nregex ([a-z => [x]").startsWith(QStringLiteral("bad.txt:3: bad regular expression")));
        CHECK(bad("word Tom [son]").startsWith(QStringLiteral("bad.txt:1: the rule has no \"=> [label]\"")));
        CHECK(bad("literal  => [x]").startsWith(QStringLiteral("bad.txt:1:")));
        CHECK(bad("regex a* => [x]").contains(QStringLiteral("matches empty text")));
        CHECK(bad("case P1 literal Tom => [x]").startsWith(QStringLiteral("bad.txt:1:")));
        CHECK(bad("literal Tom =>").contains(QStringLiteral("empty label")));

        const QString rulesBad =
            dir.writeFile(QStringLiteral("rules-bad.txt"), QByteArray("word Tom => [son]\nregex (unclosed => [x]\n"));
        const QString before = projectFingerprint(project);
        const QString out = dir.path(QStringLiteral("x.html"));
        const CliResult res = runCli(
            {QStringLiteral("export"), project, QStringLiteral("--out"), out, QStringLiteral("--redact"), rulesBad});
        CHECK(res.exitCode != 0);
        CHECK(res.errText().contains(QStringLiteral("rules-bad.txt:2: bad regular expression")));
        CHECK(!QFile::exists(out));
        CHECK(projectFingerprint(project) == before);
    }
}

TEST_CASE("export: quire-cli writes every format end to end", "[export]")
{
    TempDir dir;
    const QString project = buildProject(dir);
    for (const char *fmt : {"docx", "odt", "html", "xlsx", "pdf"}) {
        const QString out = dir.path(QStringLiteral("report.") + QLatin1String(fmt));
        // The format from the file name: --format is optional.
        const CliResult res =
            runCli({QStringLiteral("export"), project, QStringLiteral("--out"), out, QStringLiteral("--by"),
                    QStringLiteral("group"), QStringLiteral("--citation"), QStringLiteral("({case}, {group})")});
        INFO(fmt << ": " << res.errText().toStdString());
        REQUIRE(res.exitCode == 0);
        const QByteArray bytes = readFile(out);
        const QString f = QLatin1String(fmt);
        if (f == QLatin1String("docx"))
            checkParsed(parseDocx(bytes), expectedQuotes());
        else if (f == QLatin1String("odt"))
            checkParsed(parseOdt(bytes), expectedQuotes());
        else if (f == QLatin1String("html"))
            checkParsed(parseHtml(bytes), expectedQuotes());
        else if (f == QLatin1String("xlsx"))
            CHECK(Xlsx::readSheet(out, bytes, QStringLiteral("Quotes")).table.rows.size() == 4);
        else
            CHECK(squeeze(pdfText(bytes)).contains(QStringLiteral("Themetable")));
    }
    const CliResult codebook =
        runCli({QStringLiteral("export"), project, QStringLiteral("--out"), dir.path(QStringLiteral("cb.docx")),
                QStringLiteral("--template"), QStringLiteral("codebook")});
    CHECK(codebook.exitCode == 0);
    CHECK(parseDocx(readFile(dir.path(QStringLiteral("cb.docx")))).rows.size() == 5);
    const CliResult bad =
        runCli({QStringLiteral("export"), project, QStringLiteral("--out"), dir.path(QStringLiteral("m.docx")),
                QStringLiteral("--template"), QStringLiteral("matrix")});
    CHECK(bad.exitCode != 0);
    CHECK(bad.errText().contains(QStringLiteral("--by")));
    CHECK(!QFile::exists(dir.path(QStringLiteral("m.docx"))));
}

// ---- Quote selection and the quote-integrity test ----

namespace {

/// The retained fragments of an exported quote, found independently of the
/// core's parser: text between cuts ("...", "…") and [bracketed] marks, trimmed.
QStringList fragmentsOf(const QString &text)
{
    static const QRegularExpression marks(QStringLiteral("\\.\\.\\.+|\u2026|\\[[^\\]]*\\]"));
    QStringList out;
    for (const QString &piece : text.split(marks)) {
        const QString t = piece.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

bool inOrder(const QStringList &fragments, const QString &source)
{
    qsizetype from = 0;
    for (const auto &f : fragments) {
        const qsizetype at = source.indexOf(f, from);
        if (at < 0)
            return false;
        from = at + f.size();
    }
    return !fragments.isEmpty();
}

/// Every exported quote is the stored span after redaction, or a version marked
/// "edited" whose fragments all exist in order in that span.
void checkIntegrity(const QString &format, const QStringList &quotes, const QStringList &citations,
                    const std::vector<QString> &spans)
{
    REQUIRE(qsizetype(spans.size()) == quotes.size());
    for (qsizetype i = 0; i < quotes.size(); ++i) {
        const QString &span = spans[std::size_t(i)];
        INFO(format.toStdString() << " quote " << i << ": \"" << quotes[i].toStdString() << "\"\nstored (redacted): \""
                                  << span.toStdString() << "\"");
        if (quotes[i] == span) {
            if (!citations.isEmpty())
                CHECK(!citations.value(i).contains(QStringLiteral("edited")));
            continue;
        }
        CHECK(inOrder(fragmentsOf(quotes[i]), span));
        if (!citations.isEmpty())
            CHECK(citations.value(i).endsWith(QStringLiteral("edited")));
    }
}

struct MdQuote
{
    Id segment = 0;
    QString text;
    QString citation;
};

std::vector<MdQuote> parseMdQuotes(const QString &md)
{
    static const QRegularExpression comment(QStringLiteral("^<!-- quire:segment (\\d+) "));
    std::vector<MdQuote> out;
    QStringList lines;
    for (const QString &line : md.split(QLatin1Char('\n'))) {
        const auto m = comment.match(line);
        if (m.hasMatch()) {
            out.push_back({m.captured(1).toLongLong(), {}, {}});
            lines.clear();
        } else if (!out.empty() && out.back().citation.isEmpty() && line.startsWith(QStringLiteral("> "))) {
            lines << line.mid(2);
            out.back().text = lines.join(QLatin1Char('\n'));
        } else if (!out.empty() && out.back().citation.isEmpty() && line.startsWith(u("\xE2\x80\x94 "))) {
            out.back().citation = line.mid(2);
        }
    }
    return out;
}

} // namespace

TEST_CASE("export: quote selection, editorial versions and the quote-integrity check in every format",
          "[export][quotes]")
{
    TempDir dir;
    const QString project = buildProject(dir);
    // Segments 1..4 hold Q1..Q4 (buildProject adds them in that order).
    const auto quote = [&](const QStringList &args) {
        CliResult r = runCli(QStringList{QStringLiteral("quote")} + args);
        return r;
    };
    const QString e1 =
        u("My son Tom said \xE2\x80\x9Cit\xE2\x80\x99s fine\xE2\x80\x9D ... [but it was not] \xE2\x80\xA6 "
          "\xE6\x88\x91\xE4\xBB\xAC\xE5\xBE\x88\xE7\xB4\xAF\xE3\x80\x82");
    const QString e4 = QStringLiteral("The council [of the city] ... decided. ... Leading spaces matter.");

    SECTION("a version whose fragments are not in the source is refused, naming the segment and the fragment")
    {
        const QString before = projectFingerprint(project);
        CliResult r = quote({QStringLiteral("edit"), project, QStringLiteral("3"),
                             QStringLiteral("the council wrote ... =SUM(A1:A3)")});
        CHECK(r.exitCode != 0);
        CHECK(r.errText().contains(QStringLiteral("segment 3")));
        CHECK(r.errText().contains(QStringLiteral("\"=SUM(A1:A3)\"")));
        r = quote({QStringLiteral("edit"), project, QStringLiteral("2"), QStringLiteral("Tom helps on Mondays")});
        CHECK(r.exitCode != 0);
        CHECK(r.errText().contains(QStringLiteral("\"Tom helps on Mondays\"")));
        r = quote({QStringLiteral("edit"), project, QStringLiteral("2"), QStringLiteral("... [nothing kept] ...")});
        CHECK(r.exitCode != 0);
        CHECK(r.errText().contains(QStringLiteral("keeps no text")));
        r = quote({QStringLiteral("star"), project, QStringLiteral("99")});
        CHECK(r.exitCode != 0);
        CHECK(r.errText().contains(QStringLiteral("no segment 99")));
        r = quote({QStringLiteral("unstar"), project, QStringLiteral("1")});
        CHECK(r.exitCode != 0);
        CHECK(projectFingerprint(project) == before);
    }
    SECTION("star, edit, list, undo")
    {
        cli({QStringLiteral("quote"), QStringLiteral("star"), project, QStringLiteral("2"), QStringLiteral("--order"),
             QStringLiteral("1")});
        cli({QStringLiteral("quote"), QStringLiteral("edit"), project, QStringLiteral("1"), e1});
        CliResult l = runCli({QStringLiteral("--json"), QStringLiteral("quote"), QStringLiteral("list"), project});
        REQUIRE(l.exitCode == 0);
        const QJsonArray list = QJsonDocument::fromJson(l.out).array();
        REQUIRE(list.size() == 2);
        CHECK(list[0].toObject().value(QStringLiteral("segment")).toInteger() == 1);
        CHECK(list[0].toObject().value(QStringLiteral("editorial")).toString() == e1);
        CHECK(list[0].toObject().value(QStringLiteral("original")).toString() == u(Q1));
        CHECK(list[0].toObject().value(QStringLiteral("valid")).toBool());
        CHECK(list[1].toObject().value(QStringLiteral("starred")).toBool());
        CHECK(list[1].toObject().value(QStringLiteral("order")).toInteger() == 1);
        // Each change is one command in the log: undo takes the edit back, then the star.
        cli({QStringLiteral("undo"), project});
        auto p = Project::open(project);
        CHECK(!QuoteSelections(*p).get(1).has_value());
        CHECK(QuoteSelections(*p).get(2)->starred);
        p.reset();
        cli({QStringLiteral("redo"), project});
        p = Project::open(project);
        CHECK(QuoteSelections(*p).get(1)->editorial == e1);
        p.reset();
        cli({QStringLiteral("quote"), QStringLiteral("clear-edit"), project, QStringLiteral("1")});
        cli({QStringLiteral("quote"), QStringLiteral("unstar"), project, QStringLiteral("2")});
        l = runCli({QStringLiteral("quote"), QStringLiteral("list"), project});
        CHECK(l.exitCode == 0);
        CHECK(l.out.isEmpty());
    }
    SECTION("every format shows the stored span or a declared editorial version, after redaction")
    {
        cli({QStringLiteral("quote"), QStringLiteral("star"), project, QStringLiteral("2"), QStringLiteral("--order"),
             QStringLiteral("1")});
        cli({QStringLiteral("quote"), QStringLiteral("star"), project, QStringLiteral("4")});
        cli({QStringLiteral("quote"), QStringLiteral("edit"), project, QStringLiteral("1"), e1});
        cli({QStringLiteral("quote"), QStringLiteral("edit"), project, QStringLiteral("4"), e4});
        cli({QStringLiteral("segment"), QStringLiteral("memo"), project, QStringLiteral("2"),
             QStringLiteral("Said twice, laughing.")});
        const QString rules =
            dir.writeFile(QStringLiteral("rules.txt"), QByteArray("word Tom => [son]\nliteral Leeds => [the city]\n"));
        const Redaction red = Redaction::fromFile(rules);
        // --order chosen: the ranked quote first, then document order.
        const std::vector<Id> order{2, 1, 3, 4};
        std::vector<QString> spans;
        {
            auto p = Project::open(project);
            for (Id id : order) {
                const Segment s = p->segment(id);
                spans.push_back(red.apply(p->documentRange(s.documentId, s.start, s.end),
                                          p->findCase(QString::number(*s.caseId)).name));
            }
        }
        // Without a length limit, and with --max-length 30, which cuts every quote.
        for (const bool cut : {false, true})
            for (const char *fmt : {"docx", "odt", "html", "md", "csv", "xlsx", "pdf"}) {
                const QString f = QLatin1String(fmt);
                const QString out = dir.path(QStringLiteral("q.") + f);
                QStringList args{QStringLiteral("export"),     project,
                                 QStringLiteral("--out"),      out,
                                 QStringLiteral("--template"), QStringLiteral("quotes"),
                                 QStringLiteral("--order"),    QStringLiteral("chosen"),
                                 QStringLiteral("--redact"),   rules,
                                 QStringLiteral("--citation"), QStringLiteral("({case})"),
                                 QStringLiteral("--memos")};
                if (cut)
                    args << QStringLiteral("--max-length") << QStringLiteral("30");
                const CliResult res = runCli(args);
                INFO(fmt << (cut ? " cut" : "") << ": " << res.errText().toStdString());
                REQUIRE(res.exitCode == 0);
                const QByteArray bytes = readFile(out);
                QStringList quotes, citations;
                if (f == QLatin1String("docx") || f == QLatin1String("odt") || f == QLatin1String("html")) {
                    const Parsed p = f == QLatin1String("docx")  ? parseDocx(bytes)
                                     : f == QLatin1String("odt") ? parseOdt(bytes)
                                                                 : parseHtml(bytes);
                    quotes = p.quotes;
                    citations = p.citations;
                    // --memos: a paragraph of its own after the citation (the zip packages deflate their XML).
                    const QByteArray xml =
                        f == QLatin1String("html")
                            ? bytes
                            : ZipArchive(bytes, out)
                                  .read(f == QLatin1String("docx") ? QStringLiteral("word/document.xml")
                                                                   : QStringLiteral("content.xml"));
                    CHECK(xml.contains("Said twice, laughing."));
                } else if (f == QLatin1String("md")) {
                    const auto md = parseMdQuotes(QString::fromUtf8(bytes));
                    std::vector<Id> ids;
                    for (const auto &q : md) {
                        quotes << q.text;
                        citations << q.citation;
                        ids.push_back(q.segment);
                    }
                    CHECK(ids == order);
                    CHECK(bytes.contains("Memo: Said twice, laughing."));
                } else if (f == QLatin1String("csv") || f == QLatin1String("xlsx")) {
                    const bool csv = f == QLatin1String("csv");
                    const Table t = csv ? parseCsv(QString::fromUtf8(bytes).mid(1), QStringLiteral("q.csv"))
                                        : Xlsx::readSheet(out, bytes, QStringLiteral("Quotes")).table;
                    const auto col = [&](const char *name) {
                        const auto c =
                            t.header.indexOf(csv ? QString::fromLatin1(name).toLower() : QString::fromLatin1(name));
                        REQUIRE(c >= 0);
                        return c;
                    };
                    std::vector<QString> originals;
                    std::vector<Id> ids;
                    for (const auto &row : t.rows) {
                        if (csv && row.cells.value(0) != QLatin1String("quote"))
                            continue;
                        // CSV's declared neutralisation of formula cells: a leading apostrophe.
                        const auto plain = [&](QString v) {
                            return csv && v.startsWith(QStringLiteral("'=")) ? v.mid(1) : v;
                        };
                        quotes << plain(row.cells.value(col("Quote")));
                        originals.push_back(plain(row.cells.value(col("Original"))));
                        citations << row.cells.value(col("Citation")) +
                                         (row.cells.value(col("Edited")) == QLatin1String("yes")
                                              ? QStringLiteral(" edited")
                                              : QString());
                        ids.push_back(row.cells.value(col("Segment")).toLongLong());
                    }
                    CHECK(ids == order);
                    CHECK(originals == spans); // both versions: the stored span is carried exactly
                } else {
                    // PDF: text extraction loses the layout's whitespace, so the fragments are
                    // compared whitespace-insensitively (emoji have no glyphs in the installed fonts).
                    const QString text = squeeze(pdfText(bytes));
                    for (std::size_t i = 0; i < order.size(); ++i) {
                        INFO(spans[i].toStdString());
                        CHECK(text.contains(squeeze(fragmentsOf(spans[i]).value(0).left(12))));
                    }
                    CHECK(text.contains(QStringLiteral("edited")));
                    CHECK(!text.contains(QStringLiteral("Tom")));
                    continue;
                }
                checkIntegrity(f, quotes, citations, spans);
                REQUIRE(quotes.size() == 4);
                if (cut) {
                    // Cut at the last space within 27 characters, "..." making 30.
                    CHECK(quotes[0] == QStringLiteral("[son] helps on Sundays &..."));
                    CHECK(quotes[1] == u("My son [son] said \xE2\x80\x9Cit\xE2\x80\x99s fine\xE2\x80\x9D..."));
                    CHECK(quotes[2] == QStringLiteral("=SUM(A1:A3) is what the..."));
                    CHECK(quotes[3] == QStringLiteral("The council [of the city]..."));
                } else {
                    // The editorial versions (redacted like the span), the others exact.
                    CHECK(quotes[0] == spans[0]);
                    CHECK(quotes[1] == QString(e1).replace(QStringLiteral("Tom"), QStringLiteral("[son]")));
                    CHECK(quotes[2] == spans[2]);
                    CHECK(quotes[3] == e4);
                }
            }
    }
    SECTION("an editorial version that no longer fits the stored span stops the export")
    {
        cli({QStringLiteral("quote"), QStringLiteral("edit"), project, QStringLiteral("4"), e4});
        auto p = Project::open(project);
        const Segment s = p->segment(4);
        p.reset();
        // The span shrinks so that "Leading spaces matter." is no longer in it.
        cli({QStringLiteral("segment"), QStringLiteral("resize"), project, QStringLiteral("4"),
             QStringLiteral("--range"), QStringLiteral("%1:%2").arg(s.start).arg(s.start + 20)});
        const QString out = dir.path(QStringLiteral("stale.docx"));
        const CliResult r = runCli({QStringLiteral("export"), project, QStringLiteral("--out"), out});
        CHECK(r.exitCode != 0);
        CHECK(r.errText().contains(QStringLiteral("segment 4")));
        CHECK(r.errText().contains(QStringLiteral("\"decided.\"")));
        CHECK(!QFile::exists(out));
    }
    SECTION("--max-quotes keeps starred quotes first, --order starred puts them first")
    {
        cli({QStringLiteral("quote"), QStringLiteral("star"), project, QStringLiteral("2")});
        cli({QStringLiteral("quote"), QStringLiteral("star"), project, QStringLiteral("4")});
        auto p = Project::open(project);
        ReportOptions o;
        o.maxQuotes = 1;
        ThemeReport r = buildThemeReport(*p, o);
        CHECK(r.quotes[1].size() == 1);
        CHECK(r.quotes[1][0].segmentId == 2);
        CHECK(r.quotes[3][0].segmentId == 4);
        o.maxQuotes = 0;
        o.order = QuoteOrder::Starred;
        r = buildThemeReport(*p, o);
        CHECK(r.quotes[1][0].segmentId == 2);
        CHECK(r.quotes[1][1].segmentId == 1);
        CHECK(r.quotes[3][0].segmentId == 4);
        o.order = QuoteOrder::Document;
        o.timestamp = false;
        r = buildThemeReport(*p, o);
        CHECK(r.quotes[1][0].segmentId == 1);
        CHECK(reportSummary(r) == QStringLiteral("Project: study.quire. 4 codes, 4 quotes. Counts include sub-codes."));
    }
    SECTION("--starred-only leaves out every quote without a star, in the core and through quire-cli")
    {
        cli({QStringLiteral("quote"), QStringLiteral("star"), project, QStringLiteral("4"), QStringLiteral("--order"),
             QStringLiteral("1")});
        cli({QStringLiteral("quote"), QStringLiteral("star"), project, QStringLiteral("2"), QStringLiteral("--order"),
             QStringLiteral("2")});
        auto p = Project::open(project);
        ReportOptions o;
        o.starredOnly = true;
        o.order = QuoteOrder::Chosen;
        const ThemeReport r = buildThemeReport(*p, o);
        std::vector<Id> shown;
        for (const auto &list : r.quotes)
            for (const Quote &q : list)
                shown.push_back(q.segmentId);
        CHECK(shown == std::vector<Id>{2, 4});
        // The theme table still counts every segment.
        qsizetype counted = 0;
        for (const ThemeRow &row : r.rows)
            counted += row.depth == 0 ? row.segments : 0;
        CHECK(counted >= 4);
        p.reset();
        const QString out = dir.path(QStringLiteral("starred.csv"));
        const CliResult c =
            runCli({QStringLiteral("export"), project, QStringLiteral("--out"), out, QStringLiteral("--starred-only"),
                    QStringLiteral("--template"), QStringLiteral("quotes")});
        REQUIRE(c.exitCode == 0);
        CHECK(c.outText().contains(QStringLiteral("2 quotes")));
        const QString csv = QString::fromUtf8(readFile(out));
        CHECK(csv.contains(u(Q2)));
        CHECK(csv.contains(QStringLiteral("Leading spaces matter.")));
        CHECK_FALSE(csv.contains(u(Q3)));
        CHECK_FALSE(csv.contains(QStringLiteral("My son Tom said")));
    }
}

TEST_CASE("export: editorial fragments and cuts at word boundaries", "[export][quotes]")
{
    CHECK(editorialFragments(QStringLiteral("We need ... [to facilitate care] more time\u2026 really")) ==
          QStringList({QStringLiteral("We need"), QStringLiteral("more time"), QStringLiteral("really")}));
    CHECK(editorialFragments(QStringLiteral("[...] it was [sic")) == QStringList({QStringLiteral("it was [sic")}));
    CHECK(!firstMissingFragment(QStringLiteral("a ... c"), QStringLiteral("a b c")).has_value());
    CHECK(firstMissingFragment(QStringLiteral("c ... a"), QStringLiteral("a b c")) == QStringLiteral("a"));
    // Cut at the last space before the limit, the "..." counted in it.
    CHECK(shortenQuote(QStringLiteral("one two three four"), 12) == QStringLiteral("one two..."));
    CHECK(shortenQuote(QStringLiteral("one two"), 12) == QStringLiteral("one two"));
    // Not inside a bracketed insertion; a single long word is cut inside it.
    CHECK(shortenQuote(QStringLiteral("one [two three] four five"), 16) == QStringLiteral("one..."));
    CHECK(shortenQuote(QStringLiteral("abcdefghijkl"), 8) == QStringLiteral("abcde..."));
    // Code points: an emoji is one character and is never split.
    CHECK(shortenQuote(u("\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80"), 4) ==
          u("\xF0\x9F\x98\x80..."));
    const QString source = QStringLiteral("I rang them and rang them, [inaudible] nobody came... ever");
    for (int n = 4; n < source.size(); ++n)
        CHECK(!firstMissingFragment(shortenQuote(source, n), source).has_value());
}
