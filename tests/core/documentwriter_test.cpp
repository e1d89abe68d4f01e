// SPDX-License-Identifier: GPL-3.0-or-later
// report/documentwriter: the same small document as Markdown, HTML and
// .docx — escaping, line breaks in cells, pictures present and missing,
// the Word package's parts and column widths, and the refusal of a format
// it does not write.
#include <catch2/catch.hpp>

#include "error.h"
#include "io/ziparchive.h"
#include "report/documentwriter.h"

#include <QXmlStreamReader>

using namespace Quire;

namespace {

QByteArray sample(const QString &format, const Doc::Picture &picture)
{
    const auto w = Doc::makeWriter(format, QStringLiteral("Notes & <queries>"), QStringLiteral("out.") + format);
    w->heading(1, QStringLiteral("Notes & <queries>"));
    w->paragraph(QStringLiteral("Carers said *twice*: \"not | listened\"\nand then left."));
    w->list({QStringLiteral("first"), QStringLiteral("second_item")});
    w->table({QStringLiteral("code"), QStringLiteral("a"), QStringLiteral("b")},
             {{QStringLiteral("Being heard/Not listened to"), QStringLiteral("1"), QStringLiteral("two\nlines")}});
    w->picture(picture);
    return w->finish();
}

Doc::Picture missingPicture()
{
    Doc::Picture p;
    p.alt = QStringLiteral("A graph");
    p.missing = QStringLiteral("(no picture here)");
    return p;
}

} // namespace

TEST_CASE("Markdown: escaped text, tables with line breaks, a picture link or what is missing", "[report][document]")
{
    Doc::Picture linked = missingPicture();
    linked.link = QStringLiteral("graph.svg");
    const QString md = QString::fromUtf8(sample(QStringLiteral("md"), linked));
    CHECK(md.startsWith(QStringLiteral("# Notes & \\<queries\\>\n\n")));
    CHECK(md.contains(QStringLiteral("Carers said \\*twice\\*: \"not \\| listened\"<br>and then left.")));
    CHECK(md.contains(QStringLiteral("- second\\_item\n")));
    CHECK(md.contains(
        QStringLiteral("| code | a | b |\n|---|---|---|\n| Being heard/Not listened to | 1 | two<br>lines |\n")));
    CHECK(md.contains(QStringLiteral("![A graph](graph.svg)")));
    CHECK(QString::fromUtf8(sample(QStringLiteral("md"), missingPicture()))
              .contains(QStringLiteral("(no picture here)")));
}

TEST_CASE("HTML: escaped, titled, full-width tables with a wider first column, inline SVG or an image",
          "[report][document]")
{
    Doc::Picture drawn = missingPicture();
    drawn.svg = "<?xml version=\"1.0\"?>\n<svg viewBox=\"0 0 1 1\"><g/></svg>";
    const QString html = QString::fromUtf8(sample(QStringLiteral("html"), drawn));
    CHECK(html.contains(QStringLiteral("<title>Notes &amp; &lt;queries&gt;</title>")));
    CHECK(html.contains(QStringLiteral("<h1>Notes &amp; &lt;queries&gt;</h1>")));
    CHECK(html.contains(QStringLiteral("&quot;not | listened&quot;<br>and then left.")));
    CHECK(html.contains(QStringLiteral("<table width=\"100%\">")));
    CHECK(html.contains(QStringLiteral("<th width=\"82%\">code</th>"))); // 3 columns: 100 − 9 × 2
    CHECK(html.contains(QStringLiteral("<td>two<br>lines</td>")));
    CHECK(html.contains(QStringLiteral("<div class=\"picture\">\n<svg viewBox=\"0 0 1 1\"><g/></svg>")));
    CHECK_FALSE(html.contains(QStringLiteral("<?xml")));
    Doc::Picture named = missingPicture();
    named.name = QStringLiteral("graph.png");
    named.width = 300;
    CHECK(QString::fromUtf8(sample(QStringLiteral("html"), named))
              .contains(QStringLiteral("<img src=\"graph.png\" width=\"300\" alt=\"A graph\">")));
    CHECK(QString::fromUtf8(sample(QStringLiteral("html"), missingPicture()))
              .contains(QStringLiteral("<p>(no picture here)</p>")));
}

TEST_CASE("Word: a valid package, fixed column widths summing to the text width, pictures as parts",
          "[report][document]")
{
    Doc::Picture png = missingPicture();
    // Not a real PNG: the writer copies the bytes; their size decides the frame.
    png.png = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(100, 'x');
    png.pngWidth = 300;
    png.pngHeight = 150;
    const ZipArchive zip(sample(QStringLiteral("docx"), png), QStringLiteral("out.docx"));
    const QByteArray body = zip.read(QStringLiteral("word/document.xml"));
    QXmlStreamReader x(body);
    QString text;
    std::vector<int> columns;
    int cellsWithWidth = 0;
    while (!x.atEnd()) {
        x.readNext();
        if (x.isCharacters())
            text += x.text();
        if (x.isStartElement() && x.name() == QLatin1String("gridCol"))
            columns.push_back(x.attributes()
                                  .value(QStringLiteral("http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
                                         QStringLiteral("w"))
                                  .toInt());
        if (x.isStartElement() && x.name() == QLatin1String("tcW"))
            ++cellsWithWidth;
    }
    CHECK_FALSE(x.hasError());
    CHECK(text.contains(QStringLiteral("Notes & <queries>")));
    CHECK(text.contains(QStringLiteral("Carers said *twice*: \"not | listened\"")));
    REQUIRE(columns.size() == 3);
    CHECK(columns[0] > columns[1]);
    CHECK(columns[0] + columns[1] + columns[2] <= 9026);
    CHECK(columns[0] + columns[1] + columns[2] > 9000);
    CHECK(cellsWithWidth == 6);
    CHECK(body.contains("<a:blip r:embed=\"rId2\"/>"));
    CHECK(body.contains("<wp:extent cx=\"1828800\" cy=\"914400\"/>")); // 300 × 150 pixels at 150 dpi: 2 × 1 inches
    CHECK(zip.read(QStringLiteral("word/media/picture1.png")) == png.png);
    CHECK(zip.read(QStringLiteral("word/_rels/document.xml.rels")).contains("Target=\"media/picture1.png\""));
    CHECK(zip.read(QStringLiteral("[Content_Types].xml")).contains("Extension=\"png\""));

    const ZipArchive without(sample(QStringLiteral("docx"), missingPicture()), QStringLiteral("out.docx"));
    CHECK_FALSE(without.contains(QStringLiteral("word/media/picture1.png")));
    CHECK(without.read(QStringLiteral("word/document.xml")).contains("(no picture here)"));
}

TEST_CASE("A document format it does not write is refused with the file's name", "[report][document]")
{
    REQUIRE_THROWS_AS(Doc::makeWriter(QStringLiteral("odt"), QStringLiteral("T"), QStringLiteral("/tmp/report.odt")),
                      Error);
    CHECK_THROWS_WITH(Doc::makeWriter(QStringLiteral("odt"), QStringLiteral("T"), QStringLiteral("/tmp/report.odt")),
                      Catch::Contains("report.odt") && Catch::Contains("md, html or docx"));
}
