// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "../../plugins/xlsx/xlsxplugin.h"
#include "error.h"
#include "support/zip_builder.h"
#include "support/zip_import.h"
#include "testsupport.h"

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

QString sheetError(const QByteArray &bytes, const QString &sheet = QString())
{
    try {
        Xlsx::readSheet(QStringLiteral("review.xlsx"), bytes, sheet);
    } catch (const Error &e) {
        return e.message();
    }
    return QString();
}

const QStringList SharedStrings{
    QStringLiteral("<t>person</t>"),              // 0
    QStringLiteral("<t>area</t>"),                // 1
    QStringLiteral("<t>rank</t>"),                // 2
    QStringLiteral("<t>statement</t>"),           // 3
    QStringLiteral("<t>R01</t>"),                 // 4
    QStringLiteral("<t>what is working</t>"),     // 5
    QStringLiteral("<t>what is not working</t>"), // 6
    // rich text runs, with a phonetic guide that is not text
    QStringLiteral(
        "<r><t xml:space=\"preserve\">Waiting </t></r><r><rPr><b/><sz val=\"11\"/></rPr><t>weeks</t></r>"
        "<r><t xml:space=\"preserve\"> for a call_x000D_\nback</t></r><rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh>"), // 7
    QStringLiteral("<t>score</t>"),                            // 8
    QStringLiteral("<t>consent</t>"),                          // 9
    QStringLiteral("<t>what is important for the future</t>"), // 10
};

QString statementsSheet()
{
    return u(
        R"(<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>8</v></c><c r="F1" t="s"><v>9</v></c></row>)"
        R"(<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2"><v>1</v></c><c r="D2" t="inlineStr"><is><t>They “listen” 😀 – the cafe)"
        "\xCC\x81"
        R"(</t></is></c><c r="E2"><v>1.5E-3</v></c><c r="F2" t="b"><v>1</v></c></row>)"
        R"(<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" t="s"><v>6</v></c><c r="C3" s="0"><v>2</v></c><c r="D3" t="s"><v>7</v></c><c r="E3"><v>0.30000000000000004</v></c><c r="F3" t="b"><v>0</v></c></row>)"
        // row 4 holds only a styled empty cell: left out
        R"(<row r="4"><c r="D4" s="1"/></row>)"
        // no E5 (a gap), F5 a formula string, columns placed by reference out of order
        R"(<row r="5"><c r="D5" t="inlineStr"><is><r><t>Being </t></r><r><rPr><i/></rPr><t>heard</t></r></is></c><c r="A5" t="inlineStr"><is><t>R02</t></is></c>)"
        R"(<c r="B5" t="s"><v>10</v></c><c r="C5"><v>1</v></c><c r="F5" t="str"><f>IF(1,"yes","no")</f><v>yes</v></c></row>)");
}

QByteArray twoSheetWorkbook()
{
    const QString notes = QStringLiteral(
        R"(<row r="1"><c r="A1" t="inlineStr"><is><t>Read me first</t></is></c></row><row r="2"><c r="A2"><v>42</v></c></row>)");
    return makeXlsx({{QStringLiteral("Notes"), notes}, {QStringLiteral("Statements"), statementsSheet()}},
                    SharedStrings);
}

} // namespace

TEST_CASE("xlsx: a worksheet chosen by name becomes a table with its cells in place", "[xlsx]")
{
    const QByteArray xlsx = twoSheetWorkbook();
    const Xlsx::SheetTable s = Xlsx::readSheet(QStringLiteral("review.xlsx"), xlsx, QStringLiteral("Statements"));
    CHECK(s.sheetName == QStringLiteral("Statements"));
    CHECK(s.sheetNames == QStringList{QStringLiteral("Notes"), QStringLiteral("Statements")});
    CHECK(s.table.header == QStringList{QStringLiteral("person"), QStringLiteral("area"), QStringLiteral("rank"),
                                        QStringLiteral("statement"), QStringLiteral("score"),
                                        QStringLiteral("consent")});
    REQUIRE(s.table.rows.size() == 3);
    CHECK(s.table.rows[0].sourceRow == 2);
    CHECK(s.table.rows[0].cells == QStringList{QStringLiteral("R01"), QStringLiteral("what is working"),
                                               QStringLiteral("1"), u("They “listen” 😀 – the cafe\xCC\x81"),
                                               QStringLiteral("1.5E-3"), QStringLiteral("TRUE")});
    CHECK(s.table.rows[1].sourceRow == 3);
    CHECK(s.table.rows[1].cells == QStringList{QStringLiteral("R01"), QStringLiteral("what is not working"),
                                               QStringLiteral("2"), QStringLiteral("Waiting weeks for a call\nback"),
                                               QStringLiteral("0.30000000000000004"), QStringLiteral("FALSE")});
    CHECK(s.table.rows[2].sourceRow == 5);
    CHECK(s.table.rows[2].cells == QStringList{QStringLiteral("R02"),
                                               QStringLiteral("what is important for the future"), QStringLiteral("1"),
                                               QStringLiteral("Being heard"), QString(), QStringLiteral("yes")});

    // By name ignoring case, by position, and by default the first sheet.
    CHECK(Xlsx::readSheet(QStringLiteral("review.xlsx"), xlsx, QStringLiteral("statements")).sheetName ==
          QStringLiteral("Statements"));
    CHECK(Xlsx::readSheet(QStringLiteral("review.xlsx"), xlsx, QStringLiteral("2")).sheetName ==
          QStringLiteral("Statements"));
    const Xlsx::SheetTable first = Xlsx::readSheet(QStringLiteral("review.xlsx"), xlsx);
    CHECK(first.sheetName == QStringLiteral("Notes"));
    CHECK(first.table.header == QStringList{QStringLiteral("Read me first")});
    REQUIRE(first.table.rows.size() == 1);
    CHECK(first.table.rows[0].cells == QStringList{QStringLiteral("42")});
    CHECK(sheetError(xlsx, QStringLiteral("Answers")) ==
          QStringLiteral("review.xlsx: has no sheet named \"Answers\" (its sheets: Notes, Statements)"));
}

TEST_CASE("xlsx: statements on the second sheet become documents", "[xlsx]")
{
    ImportOptions options;
    options.settings.insert(QStringLiteral("sheet"), QStringLiteral("Statements"));
    const auto docs = importBytes(QStringLiteral("review.xlsx"), twoSheetWorkbook(), options);
    REQUIRE(docs.size() == 3);
    CHECK(docs[0].text == u("They “listen” 😀 – the cafe\xCC\x81"));
    CHECK(docs[0].caseName == QStringLiteral("R01"));
    CHECK(docs[1].text == QStringLiteral("Waiting weeks for a call\nback"));
    CHECK(docs[2].text == QStringLiteral("Being heard"));
    CHECK(docs[2].caseName == QStringLiteral("R02"));
    for (const auto &d : docs)
        CHECK(d.meta.value(QStringLiteral("sheet")).toString() == QStringLiteral("Statements"));
    auto attribute = [](const ImportedDocument &d, const char *name) {
        for (const auto &kv : d.attributes) {
            if (kv.first == QLatin1String(name))
                return kv.second;
        }
        return QString();
    };
    CHECK(attribute(docs[1], "area") == QStringLiteral("what is not working"));
    CHECK(attribute(docs[1], "rank") == QStringLiteral("2"));
    CHECK(attribute(docs[1], "score") == QStringLiteral("0.30000000000000004"));
}

TEST_CASE("xlsx: hostile and broken workbooks are refused with the file named", "[xlsx]")
{
    const auto plain = xlsxEntries({{QStringLiteral("Statements"), statementsSheet()}}, SharedStrings);
    REQUIRE(sheetError(makeZip(plain)).isEmpty());

    const QByteArray good = makeZip(plain);
    CHECK(
        sheetError(good.left(good.size() / 2)).startsWith(QStringLiteral("review.xlsx: not a valid zip container (")));
    CHECK(sheetError(QByteArray::fromHex("d0cf11e0a1b11ae1") + QByteArray(600, '\0'))
              .contains(QStringLiteral("password-protected")));
    CHECK(sheetError(makeDocx(QStringLiteral("<w:p/>"))) ==
          QStringLiteral("review.xlsx: not an Excel workbook (xl/workbook.xml is missing)"));

    auto evil = plain;
    evil.push_back({QStringLiteral("/xl/evil.xml"), QByteArrayLiteral("<x/>")});
    CHECK(sheetError(makeZip(evil)) ==
          QStringLiteral("review.xlsx: entry \"/xl/evil.xml\" points outside the archive"));

    std::vector<ZipEntry> noSheet;
    for (const auto &e : plain) {
        if (e.name != QLatin1String("xl/worksheets/sheet1.xml"))
            noSheet.push_back(e);
    }
    const QByteArray bomb =
        makeZipWithZeros(noSheet, QStringLiteral("xl/worksheets/sheet1.xml"), qint64(300) * 1024 * 1024);
    CHECK(sheetError(bomb) ==
          QStringLiteral("review.xlsx: entry \"xl/worksheets/sheet1.xml\" expands more than 200 times (a zip bomb?)"));
    CHECK(sheetError(withDeclaredSize(bomb, QStringLiteral("xl/worksheets/sheet1.xml"), 100)) ==
          QStringLiteral("review.xlsx: entry \"xl/worksheets/sheet1.xml\" expands more than 200 times (a zip bomb?)"));

    const QByteArray entities = QByteArrayLiteral(
        "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY e SYSTEM \"file:///etc/passwd\"><!ENTITY l \"lol\"><!ENTITY l2 \"&l;&l;&l;&l;&l;&l;\">]>"
        "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&e;&l2;</t></si></sst>");
    CHECK(
        sheetError(makeZip(replaced(plain, QStringLiteral("xl/sharedStrings.xml"), entities))) ==
        QStringLiteral(
            "review.xlsx: xl/sharedStrings.xml has a document type declaration; external or internal entity declarations are not allowed"));

    // A shared string index beyond the table.
    const QString badIndex = QStringLiteral(R"(<row r="1"><c r="A1" t="s"><v>99</v></c></row>)");
    CHECK(sheetError(makeXlsx({{QStringLiteral("S"), badIndex}}, SharedStrings)) ==
          QStringLiteral("review.xlsx: sheet \"S\" cell A1 refers to shared string 99, which does not exist"));
    CHECK(
        sheetError(makeXlsx({{QStringLiteral("S"), QStringLiteral(R"(<row r="1"><c r="1A"><v>1</v></c></row>)")}}, {}))
            .startsWith(QStringLiteral("review.xlsx: xl/worksheets/sheet1.xml has a cell reference \"1A\"")));
    CHECK(sheetError(makeXlsx({{QStringLiteral("S"), QString()}}, {})) ==
          QStringLiteral("review.xlsx: sheet \"S\" is empty"));

    // Over 1,000,000 cells: one value in A and one in XFD over 70 rows spans 70 × 16384.
    QString wide;
    for (int r = 1; r <= 70; ++r)
        wide += QStringLiteral(R"(<row r="%1"><c r="A%1"><v>%1</v></c><c r="XFD%1"><v>1</v></c></row>)").arg(r);
    CHECK(sheetError(makeXlsx({{QStringLiteral("Wide"), wide}}, {})) ==
          QStringLiteral("review.xlsx: sheet \"Wide\" spans 70 rows × 16384 columns, more than 1,000,000 cells; "
                         "Quire reads sheets of up to 1,000,000 cells"));
    // … and 1,000,001 real cells (1001 rows of 999 plus two).
    QString big;
    big.reserve(32 * 1000 * 1000);
    for (int r = 1; r <= 1002; ++r) {
        big += QStringLiteral("<row r=\"%1\">").arg(r);
        const int columns = r <= 1001 ? 999 : 2;
        // Varied values, so the part compresses like a real sheet rather than like a bomb.
        for (int c = 0; c < columns; ++c)
            big += QStringLiteral("<c><v>%1</v></c>").arg(qint64(r) * 7919 + c * 104729);
        big += QStringLiteral("</row>");
    }
    CHECK(sheetError(makeXlsx({{QStringLiteral("Big"), big}}, {})) ==
          QStringLiteral(
              "review.xlsx: sheet \"Big\" has more than 1,000,000 cells; Quire reads sheets of up to 1,000,000 cells"));

    if (canWriteEncrypted()) {
        auto locked = plain;
        for (auto &e : locked)
            e.encrypted = e.name == QLatin1String("xl/workbook.xml");
        CHECK(sheetError(makeZip(locked)) ==
              QStringLiteral(
                  "review.xlsx: entry \"xl/workbook.xml\" is encrypted; remove the password and import it again"));
    }
}
