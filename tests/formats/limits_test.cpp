// SPDX-License-Identifier: GPL-3.0-or-later
// Input that runs away, and wrong answers given as right ones: every hostile
// file is made here (a sheet with tens of thousands of columns, a workbook of
// one shared string repeated, a REFI-QDA package whose sources all name one
// file, a package with two entries of one name, a file name that is not
// UTF-8, a regular expression beyond the engine's limits). Each must end in a
// clear error (or the right result), with the project left exactly as it was.
#include "support/zip_builder.h"
#include "support/zip_import.h"
#include "testsupport.h"

#include "error.h"
#include "formats/fileimport.h"
#include "formats/pluginmanager.h"
#include "io/ziparchive.h"
#include "model/project.h"
#include "report/redaction.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <fcntl.h>
#include <unistd.h>

using namespace Quire;
using namespace QuireTest;

namespace {

/// A project with one document in it, so that "unchanged" means something.
QString seededProject(const TempDir &dir)
{
    const QString project = dir.path(QStringLiteral("p.quire"));
    REQUIRE(runCli({QStringLiteral("new"), project}).exitCode == 0);
    const QString seed = dir.writeFile(QStringLiteral("seed.txt"), QByteArrayLiteral("A first document.\n"));
    REQUIRE(runCli({QStringLiteral("import"), project, seed}).exitCode == 0);
    return project;
}

/// quire-cli's refusal: exit 1, one line naming the cause, nothing on stdout,
/// and the project's content and bytes as they were.
void checkRefused(const CliResult &r, const QString &message, const QString &project, const QString &fingerprint,
                  const QString &hash)
{
    INFO(r.errText().toStdString());
    CHECK(r.exitCode == 1);
    CHECK(r.errText().contains(message));
    CHECK(r.errText().count(QLatin1Char('\n')) == 1);
    CHECK(r.out.isEmpty());
    CHECK(projectFingerprint(project) == fingerprint);
    CHECK(fileHash(project) == hash);
}

/// A statement sheet: person, statement and `extra` more columns, `rows` rows.
QByteArray wideCsv(int extra, int rows)
{
    QByteArray csv = "person,statement";
    for (int c = 0; c < extra; ++c)
        csv += ",q" + QByteArray::number(c);
    csv += '\n';
    for (int r = 0; r < rows; ++r) {
        csv += "P" + QByteArray::number(r) + ",We waited a long time";
        for (int c = 0; c < extra; ++c)
            csv += ',' + QByteArray::number((r + c) % 5);
        csv += '\n';
    }
    return csv;
}

QString refiSources(int count, const QString &path)
{
    QString out;
    for (int i = 0; i < count; ++i)
        out += QStringLiteral("<TextSource guid=\"22222222-2222-4222-8222-%1\" name=\"doc %2\" plainTextPath=\"%3\"/>")
                   .arg(i, 12, 10, QLatin1Char('0'))
                   .arg(i)
                   .arg(path);
    return out;
}

QByteArray refiPackage(int sources, const QByteArray &text)
{
    const QByteArray qde = QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                          "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"t\" origin=\"Test\">"
                                          "<Sources>%1</Sources></Project>")
                               .arg(refiSources(sources, QStringLiteral("internal://doc.txt")))
                               .toUtf8();
    return makeZip({{QStringLiteral("project.qde"), qde}, {QStringLiteral("sources/doc.txt"), text}});
}

/// A file whose name is the raw bytes given (not UTF-8), written with POSIX
/// calls since Qt cannot name it; removed the same way (Qt could not).
class RawNamedFile
{
public:
    RawNamedFile(const QString &folder, const QByteArray &name, const QByteArray &content)
        : m_path(QFile::encodeName(folder) + '/' + name)
    {
        const int fd = ::open(m_path.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        REQUIRE(fd >= 0);
        const auto written = ::write(fd, content.constData(), std::size_t(content.size()));
        ::close(fd);
        REQUIRE(written == content.size());
    }
    ~RawNamedFile() { ::unlink(m_path.constData()); }
    RawNamedFile(const RawNamedFile &) = delete;
    RawNamedFile &operator=(const RawNamedFile &) = delete;

private:
    QByteArray m_path;
};

} // namespace

TEST_CASE("limits: a 20,000-column CSV is refused by its column limit and imports with the limit raised",
          "[limits][csv]")
{
    TempDir dir;
    const QString project = seededProject(dir);
    const QString fingerprint = projectFingerprint(project);
    const QString hash = fileHash(project);
    const QString csv = dir.writeFile(QStringLiteral("wide.csv"), wideCsv(19998, 1));

    checkRefused(
        runCli({QStringLiteral("import"), project, csv}),
        QStringLiteral("wide.csv: the sheet has 20000 columns, more than the 16384 Quire reads from one sheet; "
                       "if you mean to import them all, raise the limit with quire-cli import --max-columns N"),
        project, fingerprint, hash);

    // Raised on purpose: every column becomes an attribute of the statement
    // (this took minutes while each attribute re-read every definition).
    const CliResult ok =
        runCli({QStringLiteral("import"), project, csv, QStringLiteral("--max-columns"), QStringLiteral("20000")});
    INFO(ok.errText().toStdString());
    REQUIRE(ok.exitCode == 0);
    auto p = Project::open(project);
    const Document d = p->findDocument(QStringLiteral("wide P0"));
    CHECK(p->documentText(d.id) == QStringLiteral("We waited a long time"));
    qsizetype values = 0;
    for (const AttributeValue &v : p->attributeValues(AttributeScope::Document)) {
        if (v.ownerId == d.id)
            ++values;
    }
    CHECK(values == 19998);
    CHECK(p->attribute(AttributeScope::Document, d.id, QStringLiteral("q19997")) == QStringLiteral("2"));

    // A limit option takes a whole number.
    const CliResult bad =
        runCli({QStringLiteral("import"), project, csv, QStringLiteral("--max-columns"), QStringLiteral("lots")});
    CHECK(bad.exitCode == 2);
    CHECK(bad.errText().contains(QStringLiteral("--max-columns takes a whole number from 1")));
}

TEST_CASE("limits: a workbook of one shared string repeated is refused by its expansion", "[limits][xlsx]")
{
    TempDir dir;
    const QString project = seededProject(dir);
    const QString fingerprint = projectFingerprint(project);
    const QString hash = fileHash(project);

    // One 20,000-character answer, referred to by 300 rows: ~6 million
    // characters from a file of a few kilobytes.
    QString long20k;
    for (int i = 0; i < 2000; ++i)
        long20k += QStringLiteral("waited: %1 ").arg(i % 10);
    REQUIRE(long20k.size() == 20000);
    QString sheet = QStringLiteral(R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>)");
    for (int r = 2; r <= 301; ++r)
        sheet +=
            QStringLiteral(
                R"(<row r="%1"><c r="A%1" t="inlineStr"><is><t>P%1</t></is></c><c r="B%1" t="s"><v>2</v></c></row>)")
                .arg(r);
    const QByteArray bytes = makeXlsx({{QStringLiteral("Sheet1"), sheet}},
                                      {QStringLiteral("<t>person</t>"), QStringLiteral("<t>statement</t>"),
                                       QStringLiteral("<t>%1</t>").arg(long20k)});
    const QString xlsx = dir.writeFile(QStringLiteral("repeat.xlsx"), bytes);
    REQUIRE(bytes.size() < 40000);

    checkRefused(runCli({QStringLiteral("import"), project, xlsx}),
                 QStringLiteral("repeat.xlsx: its %1 bytes would become ").arg(bytes.size()), project, fingerprint,
                 hash);
    const CliResult again = runCli({QStringLiteral("import"), project, xlsx});
    CHECK(again.errText().contains(QStringLiteral("characters of text, more than 20 times its size")));
    CHECK(again.errText().contains(QStringLiteral("raise the limit with quire-cli import --max-expansion N")));

    // The same refusal in the core, as the workbench meets it.
    PluginManager plugins;
    plugins.loadStatic();
    REQUIRE_THROWS_WITH(readImportFile(plugins, xlsx),
                        Catch::Contains("repeat.xlsx: its") && Catch::Contains("--max-expansion"));
    // Raised on purpose, it reads: 300 statements of the one text.
    ImportOptions raised;
    raised.limits.maxExpansion = 100000;
    const ImportedFile read = readImportFile(plugins, xlsx, QString(), raised);
    REQUIRE(read.documents.size() == 300);
    CHECK(read.documents.back().text == long20k);
    // And a documents limit counts the statements.
    ImportOptions few = raised;
    few.limits.maxDocuments = 299;
    REQUIRE_THROWS_WITH(
        readImportFile(plugins, xlsx, QString(), few),
        "repeat.xlsx: would become 300 documents, more than the 299 Quire imports from one file; if you "
        "mean to import them all, raise the limit with quire-cli import --max-documents N");
}

TEST_CASE("limits: a REFI-QDA package whose sources all name one file is refused by its expansion", "[limits][refiqda]")
{
    TempDir dir;
    const QString project = seededProject(dir);
    const QString fingerprint = projectFingerprint(project);
    const QString hash = fileHash(project);

    // 40 sources × 100,000 characters from a package of a few kilobytes.
    const QByteArray text = QByteArray("We waited for the nurse again. ").repeated(3226).left(100000);
    const QByteArray bytes = refiPackage(40, text);
    REQUIRE(bytes.size() < 20000);
    const QString qdpx = dir.writeFile(QStringLiteral("fanout.qdpx"), bytes);
    checkRefused(runCli({QStringLiteral("import"), project, qdpx}),
                 QStringLiteral("fanout.qdpx: its %1 bytes would become ").arg(bytes.size()), project, fingerprint,
                 hash);
    const CliResult again = runCli({QStringLiteral("import"), project, qdpx});
    CHECK(again.errText().contains(QStringLiteral("raise the limit with quire-cli import --max-expansion N")));

    // The number of sources is a limit of its own.
    checkRefused(runCli({QStringLiteral("import"), project, qdpx, QStringLiteral("--max-expansion"),
                         QStringLiteral("100000"), QStringLiteral("--max-documents"), QStringLiteral("39")}),
                 QStringLiteral("fanout.qdpx: would become 40 documents, more than the 39 Quire imports from one file"),
                 project, fingerprint, hash);

    // Raised on purpose, all 40 documents arrive with the whole text.
    const CliResult ok =
        runCli({QStringLiteral("import"), project, qdpx, QStringLiteral("--max-expansion"), QStringLiteral("100000")});
    INFO(ok.errText().toStdString());
    REQUIRE(ok.exitCode == 0);
    auto p = Project::open(project);
    CHECK(p->documents().size() == 41);
    CHECK(p->documentText(p->findDocument(QStringLiteral("doc 39")).id) == QString::fromUtf8(text));
}

TEST_CASE("limits: a package with two entries of one name is refused, for every zip format", "[limits][zip]")
{
    // libzip will not write two entries of one name: write a stand-in of the
    // same length and rename it in the local and central headers.
    auto entries = docxEntries(QStringLiteral("<w:p><w:r><w:t>What Word shows</w:t></w:r></w:p>"));
    entries.push_back({QStringLiteral("word/documenX.xml"),
                       wordDocumentXml(QStringLiteral("<w:p><w:r><w:t>Something else</w:t></w:r></w:p>"))});
    QByteArray twice = makeZip(entries);
    REQUIRE(twice.count("word/documenX.xml") == 2);
    twice.replace("word/documenX.xml", "word/document.xml");
    const qsizetype count = qsizetype(entries.size());

    CHECK(importError(QStringLiteral("twice.docx"), twice) ==
          QStringLiteral(
              "twice.docx: has two entries named \"word/document.xml\" (entries %1 and %2); programs differ on "
              "which one they read, so Quire refuses the file")
              .arg(std::find_if(entries.begin(), entries.end(),
                                [](const ZipEntry &e) { return e.name == QLatin1String("word/document.xml"); }) -
                   entries.begin() + 1)
              .arg(count));
    // The same for names that differ only in case (office packages treat them as one).
    auto cased = docxEntries(QStringLiteral("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>"));
    cased.push_back(
        {QStringLiteral("Word/Document.xml"), wordDocumentXml(QStringLiteral("<w:p><w:r><w:t>Bye</w:t></w:r></w:p>"))});
    CHECK(
        importError(QStringLiteral("cased.docx"), makeZip(cased))
            .contains(QStringLiteral(
                "cased.docx: has two entries whose names differ only in case, \"word/document.xml\" and \"Word/Document.xml\"")));
    // ZipArchive itself, so .odt, .xlsx and .qdpx are covered alike.
    REQUIRE_THROWS_WITH(ZipArchive(twice, QStringLiteral("box.zip")),
                        Catch::StartsWith("box.zip: has two entries named"));
    auto odt = odtEntries(QStringLiteral("<text:p>Hello</text:p>"));
    odt.push_back({QStringLiteral("Content.xml"), odtContentXml(QStringLiteral("<text:p>Bye</text:p>"))});
    CHECK(importError(QStringLiteral("two.odt"), makeZip(odt))
              .startsWith(QStringLiteral("two.odt: has two entries whose names differ only in case")));

    // Through quire-cli: refused, project unchanged.
    TempDir dir;
    const QString project = seededProject(dir);
    const QString fingerprint = projectFingerprint(project);
    const QString hash = fileHash(project);
    const QString docx = dir.writeFile(QStringLiteral("twice.docx"), twice);
    checkRefused(runCli({QStringLiteral("import"), project, docx}),
                 QStringLiteral("twice.docx: has two entries named \"word/document.xml\""), project, fingerprint, hash);
}

TEST_CASE("limits: a file name that is not UTF-8 is named in an error, never skipped or renamed", "[limits][names]")
{
    CHECK(escapedFileName(QByteArray("caf\xE9.txt")) == QStringLiteral("caf\\xE9.txt"));
    CHECK(escapedFileName(QByteArray("caf\xC3\xA9 \xF0\x9F\x98\x80.txt")) ==
          QString::fromUtf8("caf\xC3\xA9 \xF0\x9F\x98\x80.txt"));
    CHECK(escapedFileName(QByteArray("a\xED\xA0\x80z\x01")) ==
          QStringLiteral("a\\xED\\xA0\\x80z\\x01")); // a surrogate, a control
    CHECK(isValidUtf8(QByteArray("caf\xC3\xA9")));
    CHECK_FALSE(isValidUtf8(QByteArray("caf\xE9")));

    TempDir dir;
    const QString project = seededProject(dir);
    const QString fingerprint = projectFingerprint(project);
    const QString hash = fileHash(project);
    const QString folder = dir.path(QStringLiteral("interviews"));
    REQUIRE(QDir().mkpath(folder + QStringLiteral("/wave 2")));
    dir.writeFile(QStringLiteral("interviews/a.txt"), QByteArrayLiteral("First interview.\n"));
    const RawNamedFile latin1(folder + QStringLiteral("/wave 2"), QByteArray("caf\xE9.txt"),
                              QByteArrayLiteral("Latin-1 named.\n"));

    // A folder import: the name Qt cannot list is an error, not a silent skip.
    checkRefused(
        runCli({QStringLiteral("import"), project, folder}),
        QStringLiteral("interviews/wave 2/caf\\xE9.txt: the name is not valid UTF-8 (written in another encoding?), "
                       "so Quire can neither read it nor name its document faithfully; rename it"),
        project, fingerprint, hash);
    // With --skip-bad it is listed as skipped, and the rest imports.
    const CliResult skipped =
        runCli({QStringLiteral("--json"), QStringLiteral("import"), project, folder, QStringLiteral("--skip-bad")});
    INFO(skipped.errText().toStdString());
    REQUIRE(skipped.exitCode == 0);
    const QJsonObject json = QJsonDocument::fromJson(skipped.out).object();
    CHECK(json.value(QStringLiteral("documents")).toArray().size() == 1);
    const QJsonArray list = json.value(QStringLiteral("skipped")).toArray();
    REQUIRE(list.size() == 1);
    CHECK(list.at(0).toString().contains(QStringLiteral("caf\\xE9.txt: the name is not valid UTF-8")));

    // Named on the command line (raw bytes, through a shell): the argument is refused by name.
    const QString after = projectFingerprint(project);
    const QString afterHash = fileHash(project);
    QProcess sh;
    sh.start(QStringLiteral("/bin/sh"),
             {QStringLiteral("-c"), QStringLiteral("\"$0\" import \"$1\" \"$(printf '%s/caf\\351.txt' \"$2\")\""),
              QStringLiteral(QUIRE_CLI_PATH), project, folder + QStringLiteral("/wave 2")});
    REQUIRE(sh.waitForFinished(60000));
    const QString err = QString::fromUtf8(sh.readAllStandardError());
    INFO(err.toStdString());
    CHECK(sh.exitCode() == 1);
    CHECK(err.contains(QStringLiteral("wave 2/caf\\xE9.txt\" is not valid UTF-8")));
    CHECK(projectFingerprint(project) == after);
    CHECK(fileHash(project) == afterHash);
}

TEST_CASE("limits: a regular expression beyond the engine's limits is an error naming it, not \"no hits\"",
          "[limits][regex]")
{
    TempDir dir;
    const QString project = dir.path(QStringLiteral("p.quire"));
    REQUIRE(runCli({QStringLiteral("new"), project}).exitCode == 0);
    const QString file = dir.writeFile(QStringLiteral("aaa.txt"), QByteArray(5000, 'a') + "!\n");
    REQUIRE(runCli({QStringLiteral("import"), project, file}).exitCode == 0);
    REQUIRE(runCli({QStringLiteral("code"), QStringLiteral("add"), project, QStringLiteral("Repeats")}).exitCode == 0);
    const QString fingerprint = projectFingerprint(project);
    const QString hash = fileHash(project);
    const QString pattern = QStringLiteral("(a+)+$");
    const QString message =
        QStringLiteral("query: the regular expression \"(a+)+$\" exceeds the regular expression engine's "
                       "limits in document \"aaa.txt\"");

    const CliResult search = runCli({QStringLiteral("search"), project, pattern, QStringLiteral("--regex")});
    INFO(search.errText().toStdString());
    CHECK(search.exitCode == 1);
    CHECK(search.errText().contains(message));
    CHECK_FALSE(search.outText().contains(QStringLiteral("No hits")));
    checkRefused(runCli({QStringLiteral("autocode"), project, pattern, QStringLiteral("--regex"),
                         QStringLiteral("--code"), QStringLiteral("Repeats")}),
                 message, project, fingerprint, hash);
    // A pattern the engine can finish still searches as before.
    const CliResult fine = runCli({QStringLiteral("--json"), QStringLiteral("search"), project, QStringLiteral("a+!"),
                                   QStringLiteral("--regex")});
    REQUIRE(fine.exitCode == 0);
    CHECK(QJsonDocument::fromJson(fine.out).object().value(QStringLiteral("hits")).toArray().size() == 1);

    // Redaction with such a rule must not let the rest of a quote out unredacted.
    const Redaction red = Redaction::fromText(QStringLiteral("regex (a+)+$ => [x]\n"), QStringLiteral("rules.txt"));
    REQUIRE_THROWS_WITH(
        red.apply(QString(5000, QLatin1Char('a')) + QStringLiteral("!"), QString()),
        Catch::StartsWith(
            "rules.txt:1: the regular expression \"(a+)+$\" exceeds the regular expression engine's limits"));
    CHECK(red.apply(QStringLiteral("aaa"), QString()) == QStringLiteral("[x]"));

    // A speaker pattern likewise: an import error, not a text without turns.
    const QString transcript = dir.writeFile(QStringLiteral("turns.txt"), QByteArray(5000, 'a') + "!\nP1: hello\n");
    checkRefused(
        runCli({QStringLiteral("import"), project, transcript, QStringLiteral("--speaker-pattern"),
                QStringLiteral("^(?<speaker>(a+)+)$")}),
        QStringLiteral(
            "speaker pattern \"^(?<speaker>(a+)+)$\" exceeds the regular expression engine's limits on line 1"),
        project, fingerprint, hash);
}
