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

const char *const Rev = R"(w:author="Ann Coder" w:date="2024-03-01T10:00:00Z")";

QString run(const QString &text)
{
    return QStringLiteral("<w:r><w:t xml:space=\"preserve\">%1</w:t></w:r>").arg(text);
}

QString para(const QString &inner)
{
    return QStringLiteral("<w:p>%1</w:p>").arg(inner);
}

QString cell(const QString &inner)
{
    return QStringLiteral("<w:tc><w:tcPr><w:tcW w:w=\"4508\" w:type=\"dxa\"/></w:tcPr>%1</w:tc>").arg(inner);
}

/// A focus-group transcript as Word saves it, with everything the importer must handle.
QString transcriptBody()
{
    const QString rev = QString::fromLatin1(Rev);
    QString b;
    // A heading.
    b += u(R"(<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Focus group 2 – carers</w:t></w:r></w:p>)");
    // A footnote reference (the note with id 2 is referenced first).
    b += para(run(u("Facilitator: Welcome, everyone. Let’s begin")) + run(QStringLiteral(".")) +
              QStringLiteral(
                  R"(<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>)"));
    // Curly quotes, an emoji, a dash and a combining acute accent (e + U+0301).
    b += para(run(u("P1: I said “it’s fine” but it wasn’t 😀 – the cafe\xCC\x81")));
    // Tracked changes: a deletion (dropped) and an insertion (kept).
    b += para(
        run(QStringLiteral("P2: We ")) +
        QStringLiteral("<w:del w:id=\"10\" %1><w:r><w:delText xml:space=\"preserve\">never </w:delText></w:r></w:del>")
            .arg(rev) +
        QStringLiteral("<w:ins w:id=\"11\" %1>").arg(rev) + run(QStringLiteral("always ")) +
        QStringLiteral("</w:ins>") + run(QStringLiteral("waited.")));
    // List items: text only, no numbering invented; w:tab in pPr is a tab stop, not text.
    for (const char *item : {"the night staff", "the day staff"})
        b +=
            QStringLiteral(
                R"(<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>)"
                R"(<w:tabs><w:tab w:val="left" w:pos="1440"/></w:tabs></w:pPr>)") +
            run(QString::fromUtf8(item)) + QStringLiteral("</w:p>");
    // A table: a header row, a two-paragraph cell, a deleted row and a nested table.
    b += QStringLiteral(R"(<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>)"
                        R"(<w:tblGrid><w:gridCol w:w="4508"/><w:gridCol w:w="4508"/></w:tblGrid>)");
    b += QStringLiteral("<w:tr>") + cell(para(run(QStringLiteral("Area")))) +
         cell(para(run(QStringLiteral("Statement")))) + QStringLiteral("</w:tr>");
    b += QStringLiteral("<w:tr>") + cell(para(run(QStringLiteral("Working")))) +
         cell(para(run(QStringLiteral("They listen."))) + para(run(QStringLiteral("Mostly."))) +
              QStringLiteral("<w:p/>")) +
         QStringLiteral("</w:tr>");
    b += QStringLiteral("<w:tr><w:trPr><w:del w:id=\"12\" %1/></w:trPr>").arg(rev) +
         cell(para(QStringLiteral("<w:del w:id=\"13\" %1><w:r><w:delText>Old</w:delText></w:r></w:del>").arg(rev))) +
         cell(para(QStringLiteral("<w:del w:id=\"14\" %1><w:r><w:delText>row</w:delText></w:r></w:del>").arg(rev))) +
         QStringLiteral("</w:tr>");
    b +=
        QStringLiteral("<w:tr>") +
        cell(
            para(run(QStringLiteral("Nested"))) +
            QStringLiteral(
                "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/></w:tblGrid><w:tr>") +
            cell(para(run(QStringLiteral("a")))) + cell(para(run(QStringLiteral("b")))) +
            QStringLiteral("</w:tr></w:tbl><w:p/>")) +
        cell(para(run(QStringLiteral("x")) + QStringLiteral("<w:r><w:tab/></w:r>") + run(QStringLiteral("y")))) +
        QStringLiteral("</w:tr></w:tbl>");
    // A field: the code is dropped, the result kept.
    b += para(
        run(QStringLiteral("Page ")) +
        QStringLiteral(
            R"(<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>)"
            R"(<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>)"));
    // Tab, non-breaking hyphen, line break, symbol.
    b += para(QStringLiteral(
        R"(<w:r><w:t>Facilitator:</w:t><w:tab/><w:t xml:space="preserve">And the ward</w:t><w:noBreakHyphen/>)"
        R"(<w:t>round?</w:t><w:br/><w:t>Second line</w:t><w:sym w:font="Wingdings" w:char="F04A"/></w:r>)"));
    b += QStringLiteral("<w:p/>");
    // A text box, written (as Word does) once as DrawingML and again as VML.
    b += para(
        run(QStringLiteral("See box: ")) +
        QStringLiteral(
            R"(<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">)"
            R"(<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>)"
            R"(<wp:extent cx="1828800" cy="457200"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="1" name="Text Box 1"/><wp:cNvGraphicFramePr/>)"
            R"(<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1828800" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>)"
            R"(<wps:txbx><w:txbxContent><w:p><w:r><w:t>Boxed quote</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>)"
            R"(<mc:Fallback><w:pict><v:shape id="Text Box 1" style="width:144pt;height:36pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed quote</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>)") +
        run(QStringLiteral("after box.")));
    // A deleted paragraph mark joins this paragraph to the next; a note referenced only from deleted text disappears.
    b += QStringLiteral("<w:p><w:pPr><w:rPr><w:del w:id=\"15\" %1/></w:rPr></w:pPr>").arg(rev) +
         run(QStringLiteral("P1: It was ")) +
         QStringLiteral("<w:del w:id=\"16\" %1><w:r><w:footnoteReference w:id=\"3\"/></w:r></w:del></w:p>").arg(rev);
    b += para(run(QStringLiteral("hard.")) + QStringLiteral(R"(<w:r><w:footnoteReference w:id="1"/></w:r>)"));
    // A move: the source is dropped, the destination kept.
    b += para(QStringLiteral("<w:moveFrom w:id=\"17\" %1>").arg(rev) + run(QStringLiteral("Moved words. ")) +
              QStringLiteral("</w:moveFrom>") + run(QStringLiteral("P2: Stayed. ")) +
              QStringLiteral("<w:moveTo w:id=\"18\" %1>").arg(rev) + run(QStringLiteral("Moved words.")) +
              QStringLiteral("</w:moveTo>"));
    b += para(run(QStringLiteral("Facilitator: Thank you all.")) +
              QStringLiteral(R"(<w:r><w:endnoteReference w:id="1"/></w:r>)"));
    return b;
}

QString note(const char *kind, int id, const QString &text)
{
    const QString k = QString::fromLatin1(kind);
    return QStringLiteral(
               R"(<w:%1 w:id="%2"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:%1Ref/></w:r>)"
               R"(<w:r><w:t xml:space="preserve"> %3</w:t></w:r></w:p></w:%1>)")
        .arg(k)
        .arg(id)
        .arg(text);
}

QByteArray transcriptDocx()
{
    return makeDocx(transcriptBody(),
                    note("footnote", 1, QStringLiteral("Second note.")) +
                        note("footnote", 2, QStringLiteral("Recorded at the day centre.")) +
                        note("footnote", 3, QStringLiteral("A deleted note.")),
                    note("endnote", 1, u("An endnote with “quotes”.")));
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
                                               "Facilitator:\tAnd the ward\xE2\x80\x91round?\nSecond line\xEF\x81\x8A\n"
                                               "\n"
                                               "See box: \nBoxed quote\nafter box.\n"
                                               "P1: It was hard.[2]\n"
                                               "P2: Stayed. Moved words.\n"
                                               "Facilitator: Thank you all.[3]");
const QString ExpectedNotes = QString::fromUtf8("[1] Recorded at the day centre.\n"
                                                "[2] Second note.\n"
                                                "[3] An endnote with “quotes”.");

} // namespace

TEST_CASE("docx: text in reading order with tables, notes, tracked changes and a text box", "[docx]")
{
    ImportOptions options;
    options.detectSpeakers = false;
    const auto docs = importBytes(QStringLiteral("fg2.docx"), transcriptDocx(), options);
    REQUIRE(docs.size() == 1);
    const ImportedDocument &d = docs[0];
    CHECK(d.name == QStringLiteral("fg2.docx"));
    CHECK(d.kind == QStringLiteral("text"));
    CHECK(d.encoding == QStringLiteral("UTF-8"));
    CHECK(d.text == ExpectedBody + QStringLiteral("\n\n") + ExpectedNotes);
    CHECK(d.turns.empty());
    CHECK(d.meta.value(QStringLiteral("tables")).toInt() == 2);
    CHECK(d.meta.value(QStringLiteral("footnotes")).toInt() == 2);
    CHECK(d.meta.value(QStringLiteral("endnotes")).toInt() == 1);
    // the deleted word, the row (and its two deleted runs), the paragraph mark, the reference and the move
    CHECK(d.meta.value(QStringLiteral("trackedDeletionsDropped")).toInt() == 7);
    // 14 body paragraphs, 13 in table cells, 1 in the text box (its VML copy is not read)
    CHECK(d.meta.value(QStringLiteral("paragraphs")).toInt() == 28);
    CHECK_FALSE(d.text.contains(QStringLiteral("never")));
    CHECK_FALSE(d.text.contains(QStringLiteral("PAGE")));
    CHECK_FALSE(d.text.contains(QStringLiteral("deleted note")));
    CHECK(d.text.count(QStringLiteral("Boxed quote")) == 1);
}

TEST_CASE("docx: speaker lines become turns over the body, not the notes", "[docx]")
{
    const auto docs = importBytes(QStringLiteral("fg2.docx"), transcriptDocx());
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
    for (const auto &t : d.turns) {
        CHECK(t.start < t.end);
        CHECK(t.end <= bodyLength);
    }
    // Offsets are code points: the emoji before P2 counts as one.
    const QStringList starts = turnStarts(d, 4);
    CHECK(starts.contains(QStringLiteral("P2: ")));
    CHECK(starts.contains(QStringLiteral("Faci")));
    CHECK(d.meta.value(QStringLiteral("turns")).toInt() == qint64(d.turns.size()));
}

TEST_CASE("docx: hostile and broken files are refused with the file named", "[docx]")
{
    const QString f = QStringLiteral("bad.docx");
    const QByteArray good = makeDocx(para(run(QStringLiteral("Hello"))));
    REQUIRE(importError(f, good).isEmpty());

    CHECK(importError(f, good.left(good.size() * 2 / 3))
              .startsWith(QStringLiteral("bad.docx: not a valid zip container (")));
    QByteArray random(8192, Qt::Uninitialized);
    for (qsizetype i = 0; i < random.size(); ++i)
        random[i] = char((i * 7919 + 13) % 251);
    CHECK(importError(f, random).startsWith(QStringLiteral("bad.docx: not a valid zip container (")));
    CHECK(importError(f, QByteArray::fromHex("d0cf11e0a1b11ae1") + random)
              .contains(QStringLiteral("password-protected")));

    CHECK(importError(f, makeZip({{QStringLiteral("content.xml"), QByteArrayLiteral("<x/>")}})) ==
          QStringLiteral("bad.docx: not a Word document (word/document.xml is missing)"));

    // ../evil.xml anywhere in the package: the whole file is refused.
    auto entries = docxEntries(para(run(QStringLiteral("Hello"))));
    entries.push_back({QStringLiteral("../evil.xml"), QByteArrayLiteral("<evil/>")});
    CHECK(importError(f, makeZip(entries)) ==
          QStringLiteral("bad.docx: entry \"../evil.xml\" points outside the archive"));

    // A zip bomb: word/document.xml is 300 MB of zeros, deflated to ~300 KB.
    const auto plain = docxEntries(para(run(QStringLiteral("Hello"))));
    std::vector<ZipEntry> noDocument;
    for (const auto &e : plain) {
        if (e.name != QLatin1String("word/document.xml"))
            noDocument.push_back(e);
    }
    const QByteArray bomb =
        makeZipWithZeros(noDocument, QStringLiteral("word/document.xml"), qint64(300) * 1024 * 1024);
    CHECK(importError(f, bomb) ==
          QStringLiteral("bad.docx: entry \"word/document.xml\" expands more than 200 times (a zip bomb?)"));
    // … and the same bomb declaring a harmless size: stopped while inflating.
    CHECK(importError(f, withDeclaredSize(bomb, QStringLiteral("word/document.xml"), 4096)) ==
          QStringLiteral("bad.docx: entry \"word/document.xml\" expands more than 200 times (a zip bomb?)"));

    // Billion laughs and an external entity: any DOCTYPE is refused before anything is expanded.
    const QByteArray laughs = QByteArrayLiteral(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
        " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
        " <!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n]>\n"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>");
    CHECK(
        importError(f, makeZip(replaced(plain, QStringLiteral("word/document.xml"), laughs))) ==
        QStringLiteral(
            "bad.docx: word/document.xml has a document type declaration; external or internal entity declarations are not allowed"));
    const QByteArray external = QByteArrayLiteral(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>");
    CHECK(importError(f, makeZip(replaced(plain, QStringLiteral("word/document.xml"), external)))
              .endsWith(QStringLiteral("external or internal entity declarations are not allowed")));
    // The rule holds for the notes parts too.
    auto withNotes = docxEntries(para(run(QStringLiteral("Hi"))), note("footnote", 1, QStringLiteral("n")));
    CHECK(importError(f, makeZip(replaced(withNotes, QStringLiteral("word/footnotes.xml"), external)))
              .startsWith(QStringLiteral("bad.docx: word/footnotes.xml has a document type declaration")));
    // Without a DOCTYPE, an undeclared entity is an XML error with its position.
    const QByteArray undeclared = wordDocumentXml(para(QStringLiteral("<w:r><w:t>&xxe;</w:t></w:r>")));
    CHECK(importError(f, makeZip(replaced(plain, QStringLiteral("word/document.xml"), undeclared)))
              .startsWith(QStringLiteral("bad.docx: word/document.xml is not well-formed XML (line 2, column ")));
    const QByteArray broken = wordDocumentXml(QStringLiteral("<w:p><w:r><w:t>unclosed</w:r></w:p>"));
    CHECK(importError(f, makeZip(replaced(plain, QStringLiteral("word/document.xml"), broken)))
              .startsWith(QStringLiteral("bad.docx: word/document.xml is not well-formed XML (line 2, column ")));
    CHECK(importError(f, makeZip(replaced(plain, QStringLiteral("word/document.xml"),
                                          QByteArrayLiteral("<html><body>hi</body></html>")))) ==
          QStringLiteral("bad.docx: word/document.xml is not WordprocessingML (its root element is <html>)"));

    // Tables nested 20,000 deep: read in linear time and flattened into one cell.
    QString deep;
    for (int i = 0; i < 20000; ++i)
        deep += QStringLiteral("<w:tbl><w:tr><w:tc>");
    deep += para(run(QStringLiteral("deep")));
    for (int i = 0; i < 20000; ++i)
        deep += QStringLiteral("<w:p/></w:tc></w:tr></w:tbl>");
    const auto nested = importBytes(f, makeDocx(deep));
    CHECK(nested.at(0).text == QStringLiteral("deep"));
    CHECK(nested.at(0).meta.value(QStringLiteral("tables")).toInt() == 20000);

    if (canWriteEncrypted()) {
        auto locked = docxEntries(para(run(QStringLiteral("Secret"))));
        for (auto &e : locked)
            e.encrypted = e.name == QLatin1String("word/document.xml");
        CHECK(importError(f, makeZip(locked)) ==
              QStringLiteral(
                  "bad.docx: entry \"word/document.xml\" is encrypted; remove the password and import it again"));
    } else {
        WARN("libzip cannot write AES entries here; encrypted docx check skipped");
    }
}

TEST_CASE("docx: quire-cli imports a Word file, and a bomb leaves the project as it was", "[docx]")
{
    TempDir dir;
    const QString project = dir.path(QStringLiteral("p.quire"));
    REQUIRE(runCli({QStringLiteral("new"), project}).exitCode == 0);
    const QString docx = dir.writeFile(QStringLiteral("fg2.docx"), transcriptDocx());
    const CliResult imported = runCli({QStringLiteral("--json"), QStringLiteral("import"), project, docx});
    INFO(imported.errText().toStdString());
    REQUIRE(imported.exitCode == 0);
    const QJsonObject json = QJsonDocument::fromJson(imported.out).object();
    const QJsonObject doc = json.value(QStringLiteral("documents")).toArray().at(0).toObject();
    CHECK(doc.value(QStringLiteral("format")).toString() == QStringLiteral("docx"));
    CHECK(doc.value(QStringLiteral("length")).toInteger() ==
          TextOffsets::codePointLength(ExpectedBody + QStringLiteral("\n\n") + ExpectedNotes));
    const CliResult shown = runCli({QStringLiteral("show"), project, QStringLiteral("fg2.docx")});
    REQUIRE(shown.exitCode == 0);
    CHECK(shown.outText() == ExpectedBody + QStringLiteral("\n\n") + ExpectedNotes);

    const QString before = projectFingerprint(project);
    const QString projectHash = fileHash(project);
    std::vector<ZipEntry> noDocument;
    for (const auto &e : docxEntries(para(run(QStringLiteral("Hello"))))) {
        if (e.name != QLatin1String("word/document.xml"))
            noDocument.push_back(e);
    }
    const QString bomb =
        dir.writeFile(QStringLiteral("bomb.docx"),
                      makeZipWithZeros(noDocument, QStringLiteral("word/document.xml"), qint64(300) * 1024 * 1024));
    const QString fine =
        dir.writeFile(QStringLiteral("fine.docx"), makeDocx(para(run(QStringLiteral("Fine"))))); // nothing partial
    const CliResult refused = runCli({QStringLiteral("import"), project, fine, bomb});
    CHECK(refused.exitCode != 0);
    CHECK(refused.errText().contains(
        QStringLiteral("bomb.docx: entry \"word/document.xml\" expands more than 200 times (a zip bomb?)")));
    CHECK(projectFingerprint(project) == before);
    CHECK(fileHash(project) == projectHash);
}
