// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "error.h"
#include "support/zip_builder.h"
#include "support/zip_import.h"
#include "testsupport.h"
#include "text/textoffsets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Quire;
using namespace QuireTest;

namespace {

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

/// The same focus group as the docx test, as LibreOffice writes content.xml
/// (plus some pretty-printing white space, which ODF collapses).
QString transcriptText()
{
    return u(
        R"(<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>)"
        R"(<text:tracked-changes text:track-changes="true">)"
        R"(<text:changed-region xml:id="ct1" text:id="ct1"><text:deletion><office:change-info><dc:creator>Ann Coder</dc:creator><dc:date>2024-03-01T10:00:00</dc:date></office:change-info><text:p>never </text:p></text:deletion></text:changed-region>)"
        R"(<text:changed-region xml:id="ct2" text:id="ct2"><text:insertion><office:change-info><dc:creator>Ann Coder</dc:creator><dc:date>2024-03-01T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region>)"
        R"(<text:changed-region xml:id="ct3" text:id="ct3"><text:deletion><office:change-info><dc:creator>Ann Coder</dc:creator><dc:date>2024-03-01T10:05:00</dc:date></office:change-info><text:p>Removed sentence.</text:p></text:deletion></text:changed-region>)"
        R"(</text:tracked-changes>)"
        R"(<text:h text:style-name="Heading_20_1" text:outline-level="1"><text:number>1.</text:number>Focus group 2 – carers</text:h>)"
        R"(<text:p text:style-name="Standard">Facilitator: Welcome, everyone. Let’s begin.<text:note text:id="ftn1" text:note-class="footnote">)"
        "\n    "
        R"(<text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">Recorded at the day centre.</text:p></text:note-body></text:note></text:p>)"
        R"(<text:p text:style-name="Standard">P1: I said “it’s fine” but it wasn’t 😀 – the cafe)"
        "\xCC\x81"
        R"(</text:p>)"
        R"(<text:p text:style-name="Standard">P2: We <text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>always <text:change-end text:change-id="ct2"/>waited.<text:change text:change-id="ct3"/></text:p>)"
        "\n  "
        R"(<text:list xml:id="list1" text:style-name="L1">)"
        "\n    "
        R"(<text:list-item><text:p text:style-name="P1">the night staff</text:p></text:list-item>)"
        "\n    "
        R"(<text:list-item><text:p text:style-name="P1">the <text:span text:style-name="T1">day</text:span> staff</text:p></text:list-item>)"
        "\n  "
        R"(</text:list>)"
        R"(<table:table table:name="Table1" table:style-name="Table1"><table:table-column table:style-name="Table1.A" table:number-columns-repeated="2"/>)"
        R"(<table:table-header-rows><table:table-row><table:table-cell office:value-type="string"><text:p>Area</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Statement</text:p></table:table-cell></table:table-row></table:table-header-rows>)"
        R"(<table:table-row><table:table-cell office:value-type="string"><text:p>Working</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>They listen.</text:p><text:p>Mostly.</text:p></table:table-cell></table:table-row>)"
        R"(<table:table-row><table:table-cell office:value-type="string"><text:p>Nested</text:p><table:table table:name="Table2"><table:table-column table:number-columns-repeated="2"/>)"
        R"(<table:table-row><table:table-cell><text:p>a</text:p></table:table-cell><table:table-cell><text:p>b</text:p></table:table-cell></table:table-row></table:table></table:table-cell>)"
        R"(<table:table-cell office:value-type="string"><text:p>x<text:tab/>y</text:p></table:table-cell></table:table-row>)"
        R"(</table:table>)"
        R"(<text:p text:style-name="Standard">Page <text:page-number text:select-page="current">3</text:page-number></text:p>)"
        R"(<text:p text:style-name="Standard">Facilitator:<text:tab/>And the ward‑round?<text:line-break/>Second line<text:soft-page-break/></text:p>)"
        R"(<text:p text:style-name="Standard"/>)"
        R"(<text:p text:style-name="Standard">Two<text:s/> spaces, three<text:s text:c="2"/> and)"
        "\n      "
        R"(collapsed   white space.<office:annotation><dc:creator>Ann Coder</dc:creator><text:p>A comment, not text.</text:p></office:annotation></text:p>)"
        R"(<text:p text:style-name="Standard">See box: <draw:frame draw:style-name="fr1" draw:name="Box1" text:anchor-type="as-char" svg:width="4cm" draw:z-index="0">)"
        R"(<svg:desc>Alternative text</svg:desc><draw:text-box><text:p>Boxed quote</text:p></draw:text-box></draw:frame>after box.</text:p>)"
        R"(<text:p text:style-name="Standard">P1: It was <text:bookmark text:name="b1"/>hard.<text:note text:id="ftn2" text:note-class="footnote"><text:note-citation>2</text:note-citation><text:note-body><text:p>Second note.</text:p></text:note-body></text:note></text:p>)"
        R"(<text:p text:style-name="Standard">P2: Stayed.</text:p>)"
        R"(<text:p text:style-name="Standard">Facilitator: Thank you all.<text:note text:id="edn1" text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>An endnote with “quotes”.</text:p></text:note-body></text:note></text:p>)");
}

const QString ExpectedBody = QString::fromUtf8("Focus group 2 – carers\n"
                                               "Facilitator: Welcome, everyone. Let’s begin.[1]\n"
                                               "P1: I said “it’s fine” but it wasn’t 😀 – the cafe\xCC\x81\n"
                                               "P2: We always waited.\n"
                                               "the night staff\n"
                                               "the day staff\n"
                                               "Area\tStatement\n"
                                               "Working\tThey listen. Mostly.\n"
                                               "Nested a b\tx\ty\n"
                                               "Page 3\n"
                                               "Facilitator:\tAnd the ward\xE2\x80\x91round?\nSecond line\n"
                                               "\n"
                                               "Two  spaces, three   and collapsed white space.\n"
                                               "See box:\nBoxed quote\nafter box.\n"
                                               "P1: It was hard.[2]\n"
                                               "P2: Stayed.\n"
                                               "Facilitator: Thank you all.[i]");
const QString ExpectedNotes = QString::fromUtf8("[1] Recorded at the day centre.\n"
                                                "[2] Second note.\n"
                                                "[i] An endnote with “quotes”.");

QByteArray transcriptOdt()
{
    return makeOdt(transcriptText());
}

} // namespace

TEST_CASE("odt: text in reading order with tables, notes, tracked changes and a frame", "[odt]")
{
    const QByteArray odt = transcriptOdt();
    // The package is what LibreOffice writes: mimetype first and stored.
    CHECK(odt.mid(30, 8) == QByteArrayLiteral("mimetype"));
    CHECK(odt.mid(38, 39) == QByteArrayLiteral("application/vnd.oasis.opendocument.text"));

    ImportOptions options;
    options.detectSpeakers = false;
    const auto docs = importBytes(QStringLiteral("fg2.odt"), odt, options);
    REQUIRE(docs.size() == 1);
    const ImportedDocument &d = docs[0];
    CHECK(d.name == QStringLiteral("fg2.odt"));
    CHECK(d.kind == QStringLiteral("text"));
    CHECK(d.text == ExpectedBody + QStringLiteral("\n\n") + ExpectedNotes);
    CHECK(d.turns.empty());
    CHECK(d.meta.value(QStringLiteral("tables")).toInt() == 2);
    CHECK(d.meta.value(QStringLiteral("headings")).toInt() == 1);
    CHECK(d.meta.value(QStringLiteral("footnotes")).toInt() == 2);
    CHECK(d.meta.value(QStringLiteral("endnotes")).toInt() == 1);
    CHECK(d.meta.value(QStringLiteral("trackedDeletionsDropped")).toInt() == 2);
    CHECK_FALSE(d.text.contains(QStringLiteral("never")));
    CHECK_FALSE(d.text.contains(QStringLiteral("Removed sentence")));
    CHECK_FALSE(d.text.contains(QStringLiteral("comment")));
    CHECK_FALSE(d.text.contains(QStringLiteral("Alternative")));
}

TEST_CASE("odt: speaker lines become turns", "[odt]")
{
    const auto docs = importBytes(QStringLiteral("fg2.odt"), transcriptOdt());
    REQUIRE(docs.size() == 1);
    const ImportedDocument &d = docs[0];
    CHECK(d.text == ExpectedBody + QStringLiteral("\n\n") + ExpectedNotes);
    CHECK(d.kind == QStringLiteral("transcript"));
    const QStringList speakers = turnSpeakers(d);
    INFO(speakers.join(QStringLiteral(", ")).toStdString());
    CHECK(speakers.contains(QStringLiteral("Facilitator")));
    CHECK(speakers.contains(QStringLiteral("P1")));
    CHECK(speakers.contains(QStringLiteral("P2")));
    const qsizetype bodyLength = TextOffsets::codePointLength(ExpectedBody);
    for (const auto &t : d.turns)
        CHECK(t.end <= bodyLength);
    CHECK(turnStarts(d, 4).contains(QStringLiteral("P2: ")));

    ImportOptions custom;
    custom.speakerPattern = QStringLiteral("^(?<speaker>P\\d):");
    const auto only = importBytes(QStringLiteral("fg2.odt"), transcriptOdt(), custom);
    for (const QString &s : turnSpeakers(only[0]))
        CHECK((s == QStringLiteral("P1") || s == QStringLiteral("P2")));
}

TEST_CASE("odt: hostile and broken files are refused with the file named", "[odt]")
{
    const QString f = QStringLiteral("bad.odt");
    const auto plain = odtEntries(QStringLiteral("<text:p>Hello</text:p>"));
    const QByteArray good = makeZip(plain);
    REQUIRE(importBytes(f, good).at(0).text == QStringLiteral("Hello"));

    CHECK(
        importError(f, good.left(good.size() - 40)).startsWith(QStringLiteral("bad.odt: not a valid zip container (")));
    CHECK(importError(f, QByteArray(3000, 'z')).startsWith(QStringLiteral("bad.odt: not a valid zip container (")));

    auto spreadsheet = plain;
    spreadsheet[0].data = QByteArrayLiteral("application/vnd.oasis.opendocument.spreadsheet");
    CHECK(
        importError(f, makeZip(spreadsheet)) ==
        QStringLiteral(
            "bad.odt: not an OpenDocument text (its mimetype is \"application/vnd.oasis.opendocument.spreadsheet\")"));
    CHECK(importError(f, makeZip({plain[0]})) ==
          QStringLiteral("bad.odt: not an OpenDocument text (content.xml is missing)"));

    auto evil = plain;
    evil.push_back({QStringLiteral("Pictures/../../evil.xml"), QByteArrayLiteral("<x/>")});
    CHECK(importError(f, makeZip(evil)) ==
          QStringLiteral("bad.odt: entry \"Pictures/../../evil.xml\" points outside the archive"));

    std::vector<ZipEntry> noContent;
    for (const auto &e : plain) {
        if (e.name != QLatin1String("content.xml"))
            noContent.push_back(e);
    }
    const QByteArray bomb = makeZipWithZeros(noContent, QStringLiteral("content.xml"), qint64(300) * 1024 * 1024);
    CHECK(importError(f, bomb) ==
          QStringLiteral("bad.odt: entry \"content.xml\" expands more than 200 times (a zip bomb?)"));
    CHECK(importError(f, withDeclaredSize(bomb, QStringLiteral("content.xml"), 2000)) ==
          QStringLiteral("bad.odt: entry \"content.xml\" expands more than 200 times (a zip bomb?)"));

    const QByteArray laughs = QByteArrayLiteral(
        "<?xml version=\"1.0\"?><!DOCTYPE office:document-content [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
        "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
        "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text><text:p>&d;</text:p></office:text></office:body></office:document-content>");
    CHECK(
        importError(f, makeZip(replaced(plain, QStringLiteral("content.xml"), laughs))) ==
        QStringLiteral(
            "bad.odt: content.xml has a document type declaration; external or internal entity declarations are not allowed"));
    const QByteArray parameterLaughs = QByteArrayLiteral(
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY % a \"<!ENTITY b 'bbbbbbbb'>\"> %a; <!ENTITY % ext SYSTEM \"http://example.invalid/x.dtd\"> %ext;]>"
        "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
    const QString pe = importError(f, makeZip(replaced(plain, QStringLiteral("content.xml"), parameterLaughs)));
    CHECK(pe.startsWith(QStringLiteral("bad.odt: content.xml ")));
    CHECK((pe.contains(QStringLiteral("entity declarations are not allowed")) ||
           pe.contains(QStringLiteral("not well-formed XML"))));

    CHECK(importError(f, makeZip(replaced(plain, QStringLiteral("content.xml"),
                                          odtContentXml(QStringLiteral("<text:p>open</text:span>")))))
              .startsWith(QStringLiteral("bad.odt: content.xml is not well-formed XML (line 2, column ")));

    if (canWriteEncrypted()) {
        auto locked = plain;
        locked[1].encrypted = true;
        CHECK(importError(f, makeZip(locked)) ==
              QStringLiteral("bad.odt: entry \"content.xml\" is encrypted; remove the password and import it again"));
    }
}

TEST_CASE("odt: quire-cli imports an OpenDocument file", "[odt]")
{
    TempDir dir;
    const QString project = dir.path(QStringLiteral("p.quire"));
    REQUIRE(runCli({QStringLiteral("new"), project}).exitCode == 0);
    const QString odt = dir.writeFile(QStringLiteral("fg2.odt"), transcriptOdt());
    const CliResult imported = runCli({QStringLiteral("import"), project, odt});
    INFO(imported.errText().toStdString());
    REQUIRE(imported.exitCode == 0);
    const CliResult shown = runCli({QStringLiteral("show"), project, QStringLiteral("fg2.odt")});
    REQUIRE(shown.exitCode == 0);
    CHECK(shown.outText() == ExpectedBody + QStringLiteral("\n\n") + ExpectedNotes);

    const QString before = projectFingerprint(project);
    auto evil = odtEntries(QStringLiteral("<text:p>x</text:p>"));
    evil.push_back({QStringLiteral("../evil.xml"), QByteArrayLiteral("<x/>")});
    const QString bad = dir.writeFile(QStringLiteral("evil.odt"), makeZip(evil));
    const CliResult refused = runCli({QStringLiteral("import"), project, bad});
    CHECK(refused.exitCode != 0);
    CHECK(refused.errText().contains(QStringLiteral("evil.odt: entry \"../evil.xml\" points outside the archive")));
    CHECK(projectFingerprint(project) == before);
}
