// SPDX-License-Identifier: GPL-3.0-or-later
// Redaction as a guarantee: a name hidden by the rules appears nowhere in an
// export — not in the quotes, and not in document, case, code, attribute or
// project names, code descriptions, memos, notes or the files' metadata.
#include <catch2/catch.hpp>

#include "io/ziparchive.h"
#include "model/types.h"
#include "testsupport.h"

#include <poppler-qt6.h>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

using namespace Quire;
using namespace QuireTest;

namespace {

/// The invented participant the rules hide, and the parts a reader could recognise her by.
const QStringList HiddenParts{QStringLiteral("Ruth"), QStringLiteral("Okafor")};
const QString Label = QStringLiteral("[participant]");

const char *const Rules = "# who must not be recognisable\n"
                          "regex (?i)\\bruth\\s+okafor\\b => [participant]\n"
                          "regex (?i)\\bruth\\b => [participant]\n"
                          "regex (?i)\\bokafor\\b => [participant]\n"
                          "case Ruth Okafor: word pump => [device]\n";

QString runOk(const QStringList &args)
{
    const CliResult r = runCli(args);
    INFO(args.join(QLatin1Char(' ')).toStdString() << "\n" << r.errText().toStdString());
    REQUIRE(r.exitCode == 0);
    return r.outText();
}

Id addSegment(const QString &project, const QString &document, const QString &quote, const QString &code,
              const QStringList &more = {})
{
    QStringList args{QStringLiteral("--json"),
                     QStringLiteral("segment"),
                     QStringLiteral("add"),
                     project,
                     document,
                     QStringLiteral("--code"),
                     code,
                     QStringLiteral("--quote"),
                     quote};
    args << more;
    const QJsonObject o = QJsonDocument::fromJson(runOk(args).toUtf8()).object();
    const QJsonArray segs = o.value(QStringLiteral("segments")).toArray();
    REQUIRE(segs.size() == 1);
    return segs.at(0).toObject().value(QStringLiteral("id")).toInteger();
}

/// A project whose participant "Ruth Okafor" is in its file name, a document
/// name, a case named from a speaker label ("fg2: Ruth"), a case name, the
/// case attribute the export splits by, a theme name, code descriptions,
/// segment memos, a memo attached to a segment and a quote.
QString buildProject(const TempDir &dir)
{
    const QString p = dir.path(QStringLiteral("Okafor family study.quire"));
    const QString interview =
        dir.writeFile(QStringLiteral("interview Ruth Okafor.txt"),
                      QByteArray("How were the nights?\n"
                                 "The nights were long and the pump alarm kept going.\n"
                                 "My neighbour came on Sundays with soup, and she called me Mrs Okafor.\n"));
    const QString fg2 = dir.writeFile(QStringLiteral("fg2.txt"), QByteArray("Moderator: Anything else?\n"
                                                                            "Ruth: Nobody listens to carers at night.\n"
                                                                            "Ben: The district nurse listens.\n"
                                                                            "Moderator: Thank you both.\n"
                                                                            "Ruth: Thank you.\n"));
    runOk({QStringLiteral("new"), p});
    runOk({QStringLiteral("import"), p, interview, QStringLiteral("--no-speakers"), QStringLiteral("--case"),
           QStringLiteral("Ruth Okafor"), QStringLiteral("--quiet")});
    runOk({QStringLiteral("import"), p, fg2, QStringLiteral("--quiet")});
    runOk({QStringLiteral("attribute"), QStringLiteral("define"), p, QStringLiteral("contact"),
           QStringLiteral("--scope"), QStringLiteral("case")});
    runOk({QStringLiteral("case"), QStringLiteral("attr"), p, QStringLiteral("Ruth Okafor"),
           QStringLiteral("contact=Ruth Okafor")});
    runOk({QStringLiteral("case"), QStringLiteral("attr"), p, QStringLiteral("fg2: Ruth"),
           QStringLiteral("contact=Ruth Okafor")});
    runOk({QStringLiteral("case"), QStringLiteral("attr"), p, QStringLiteral("fg2: Ben"),
           QStringLiteral("contact=Ben Adeyemi")});
    runOk({QStringLiteral("code"), QStringLiteral("add"), p, QStringLiteral("Ruth's nights"),
           QStringLiteral("--description"), QStringLiteral("What Ruth Okafor said about the nights")});
    runOk({QStringLiteral("code"), QStringLiteral("add"), p, QStringLiteral("Ruth's nights/Pump alarm")});
    runOk({QStringLiteral("code"), QStringLiteral("add"), p, QStringLiteral("Support"), QStringLiteral("--description"),
           QStringLiteral("Who helps the OKAFOR household")});
    runOk({QStringLiteral("code"), QStringLiteral("add"), p, QStringLiteral("Support/Neighbours")});
    const QString doc = QStringLiteral("interview Ruth Okafor.txt");
    addSegment(p, doc, QStringLiteral("The nights were long and the pump alarm kept going."),
               QStringLiteral("Ruth's nights/Pump alarm"),
               {QStringLiteral("--case"), QStringLiteral("Ruth Okafor"), QStringLiteral("--memo"),
                QStringLiteral("Ruth Okafor asked us to keep the pump detail.")});
    const Id soup =
        addSegment(p, doc, QStringLiteral("My neighbour came on Sundays with soup, and she called me Mrs Okafor."),
                   QStringLiteral("Support/Neighbours"), {QStringLiteral("--case"), QStringLiteral("Ruth Okafor")});
    addSegment(p, QStringLiteral("fg2.txt"), QStringLiteral("Nobody listens to carers at night."),
               QStringLiteral("Ruth's nights"), {QStringLiteral("--case"), QStringLiteral("fg2: Ruth")});
    addSegment(p, QStringLiteral("fg2.txt"), QStringLiteral("The district nurse listens."), QStringLiteral("Support"),
               {QStringLiteral("--case"), QStringLiteral("fg2: Ben")});
    runOk({QStringLiteral("memo"), QStringLiteral("add"), p, QStringLiteral("Follow up with ruth okafor in June."),
           QStringLiteral("--segment"), QString::number(soup)});
    return p;
}

/// One text an export holds, and where it was found.
struct Found
{
    QString where;
    QString text;
};

/// The character data and attribute values of an XML part, entities resolved.
QString xmlText(const QByteArray &bytes, const QString &where)
{
    QXmlStreamReader x(bytes);
    QString out;
    while (!x.atEnd()) {
        x.readNext();
        if (x.isCharacters())
            out += x.text().toString() + QLatin1Char('\n');
        if (x.isStartElement()) {
            for (const auto &a : x.attributes())
                out += a.value().toString() + QLatin1Char('\n');
        }
    }
    INFO(where.toStdString() << ": " << x.errorString().toStdString());
    REQUIRE(!x.hasError());
    return out;
}

/// Everything a reader can get out of an exported file: every entry of a
/// zip package (its name, its bytes as text, its XML text), a PDF's text
/// layer, document information and XMP metadata, a text file's text.
std::vector<Found> readEverything(const QString &format, const QByteArray &bytes)
{
    std::vector<Found> found;
    if (format == QLatin1String("docx") || format == QLatin1String("odt") || format == QLatin1String("xlsx")) {
        const ZipArchive zip(bytes, QStringLiteral("export.") + format);
        const QStringList entries = zip.entries();
        REQUIRE(entries.size() >= 3);
        for (const QString &e : entries) {
            found.push_back({QStringLiteral("entry name"), e});
            const QByteArray part = zip.read(e);
            found.push_back({e, QString::fromUtf8(part)});
            if (e.endsWith(QLatin1String(".xml")) || e.endsWith(QLatin1String(".rels")))
                found.push_back({e + QStringLiteral(" (XML text)"), xmlText(part, e)});
        }
    } else if (format == QLatin1String("pdf")) {
        std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(bytes);
        REQUIRE(doc);
        REQUIRE(!doc->isLocked());
        REQUIRE(doc->numPages() > 0);
        for (int i = 0; i < doc->numPages(); ++i) {
            std::unique_ptr<Poppler::Page> page = doc->page(i);
            REQUIRE(page);
            found.push_back({QStringLiteral("page %1").arg(i + 1), page->text(QRectF())});
        }
        const QStringList keys = doc->infoKeys();
        REQUIRE(keys.contains(QStringLiteral("Title")));
        for (const QString &k : keys)
            found.push_back({QStringLiteral("info ") + k, doc->info(k)});
        found.push_back({QStringLiteral("XMP metadata"), doc->metadata()});
        for (const auto &item : doc->outline())
            found.push_back({QStringLiteral("outline"), item.name()});
    } else {
        found.push_back({QStringLiteral("file"), QString::fromUtf8(bytes)});
        if (format == QLatin1String("html"))
            found.push_back({QStringLiteral("file (XML text)"), xmlText(bytes, QStringLiteral("html"))});
    }
    return found;
}

void checkHidden(const QString &what, const std::vector<Found> &found)
{
    bool labelled = false;
    for (const auto &f : found) {
        for (const QString &part : HiddenParts) {
            const qsizetype at = f.text.indexOf(part, 0, Qt::CaseInsensitive);
            INFO(what.toStdString() << ", " << f.where.toStdString() << ": \""
                                    << f.text.mid(std::max<qsizetype>(0, at - 60), 140).toStdString() << "\"");
            CHECK(at < 0);
        }
        if (f.text.contains(Label))
            labelled = true;
    }
    INFO(what.toStdString());
    CHECK(labelled); // not an empty export: the label stands where the name was
}

QString textOf(const std::vector<Found> &found, const QString &where)
{
    for (const auto &f : found)
        if (f.where == where)
            return f.text;
    return QString();
}

} // namespace

TEST_CASE("Redaction: a hidden name appears in no exported format", "[export][redaction]")
{
    TempDir dir;
    const QString project = buildProject(dir);
    const QString rules = dir.writeFile(QStringLiteral("rules.txt"), QByteArray(Rules));
    const QString before = projectFingerprint(project);
    const QStringList common{QStringLiteral("--by"),
                             QStringLiteral("contact"),
                             QStringLiteral("--citation"),
                             QStringLiteral("({document}; {case}; {contact})"),
                             QStringLiteral("--speaker-label"),
                             QStringLiteral("--memos"),
                             QStringLiteral("--redact"),
                             rules};

    SECTION("without rules the name is in the export (what the rules have to catch)")
    {
        const QString out = dir.path(QStringLiteral("plain.csv"));
        QStringList args{QStringLiteral("export"), project, QStringLiteral("--out"), out};
        args << common.mid(0, common.size() - 2);
        runOk(args);
        const QString csv = QString::fromUtf8(readFile(out));
        CHECK(csv.contains(QStringLiteral("fg2: Ruth")));
        CHECK(csv.contains(QStringLiteral("interview Ruth Okafor.txt")));
        CHECK(csv.contains(QStringLiteral("contact: Ruth Okafor")));
    }

    SECTION("every format and template")
    {
        for (const char *fmt : {"md", "csv", "xlsx", "docx", "odt", "html", "pdf"}) {
            for (const char *tmpl : {"", "matrix", "codebook", "theme-table", "quotes"}) {
                const QString format = QLatin1String(fmt);
                const QString what =
                    format + QStringLiteral(" ") + (*tmpl ? QLatin1String(tmpl) : QLatin1String("(default)"));
                const QString out = dir.path(
                    QStringLiteral("export-%1.%2").arg(*tmpl ? QLatin1String(tmpl) : QLatin1String("default"), format));
                QStringList args{QStringLiteral("export"), project, QStringLiteral("--out"), out};
                if (*tmpl)
                    args << QStringLiteral("--template") << QLatin1String(tmpl);
                args << common;
                const QString said = runOk(args);
                CHECK(said.contains(QStringLiteral("in names and titles")));
                CHECK(!said.contains(QStringLiteral("Okafor"), Qt::CaseInsensitive));
                const std::vector<Found> found = readEverything(format, readFile(out));
                checkHidden(what, found);
                // The metadata writers take the title from the redacted report, not the project file.
                const QString title = QStringLiteral("[participant] family study.quire");
                if (format == QLatin1String("odt"))
                    CHECK(textOf(found, QStringLiteral("meta.xml (XML text)")).contains(title));
                else if (format == QLatin1String("pdf"))
                    CHECK(textOf(found, QStringLiteral("info Title")) == title);
                else if (format == QLatin1String("html"))
                    CHECK(textOf(found, QStringLiteral("file"))
                              .contains(QStringLiteral("<title>") + title + QStringLiteral("</title>")));
                if (format == QLatin1String("csv") && !*tmpl) {
                    const QString csv = textOf(found, QStringLiteral("file"));
                    CHECK(csv.contains(QStringLiteral("fg2: [participant]")));          // the case column
                    CHECK(csv.contains(QStringLiteral("interview [participant].txt"))); // the document column
                    CHECK(csv.contains(QStringLiteral("contact: [participant]")));      // the --by column header
                    CHECK(csv.contains(QStringLiteral("[device]")));                    // the per-case rule still holds
                }
                if (format == QLatin1String("md") && !*tmpl)
                    CHECK(textOf(found, QStringLiteral("file"))
                              .contains(QStringLiteral("document=\"interview [participant].txt\"")));
            }
        }
        CHECK(projectFingerprint(project) == before);
    }

    SECTION("the dry run lists the names it would change, and the REFI-QDA exports refuse --redact")
    {
        const QString out = dir.path(QStringLiteral("dry.md"));
        QStringList args{QStringLiteral("export"), project, QStringLiteral("--out"), out};
        args << common << QStringLiteral("--dry-run");
        const QString listing = runOk(args);
        CHECK(!QFile::exists(out));
        for (const char *line :
             {"project\t\"Okafor family study.quire\"\t@0\tOkafor \xE2\x86\x92 [participant]\trules.txt:4",
              "document\t\"interview Ruth Okafor.txt\"\t@10\tRuth Okafor \xE2\x86\x92 [participant]\trules.txt:2",
              "case\t\"fg2: Ruth\"\t@5\tRuth \xE2\x86\x92 [participant]\trules.txt:3",
              "code\t\"Ruth's nights\"\t@0\tRuth \xE2\x86\x92 [participant]\trules.txt:3",
              "description\t\"Who helps the OKAFOR household\"\t@14\tOKAFOR \xE2\x86\x92 [participant]\trules.txt:4",
              "attribute value\t\"Ruth Okafor\"\t@0\tRuth Okafor \xE2\x86\x92 [participant]\trules.txt:2", "\tmemo@"}) {
            INFO(listing.toStdString());
            CHECK(listing.contains(QString::fromUtf8(line)));
        }
        CHECK(listing.contains(QStringLiteral("in names and titles")));

        QStringList json{QStringLiteral("--json")};
        json << args;
        const QJsonObject o = QJsonDocument::fromJson(runOk(json).toUtf8()).object();
        QStringList fields;
        for (const auto &n : o.value(QStringLiteral("names")).toArray())
            fields << n.toObject().value(QStringLiteral("field")).toString();
        for (const char *f : {"project", "document", "case", "code", "code path", "description", "attribute value"}) {
            INFO(fields.join(QStringLiteral(", ")).toStdString());
            CHECK(fields.contains(QLatin1String(f)));
        }

        for (const char *fmt : {"qdpx", "qdc"}) {
            const QString package = dir.path(QStringLiteral("study.") + QLatin1String(fmt));
            const CliResult r = runCli({QStringLiteral("export"), project, QStringLiteral("--out"), package,
                                        QStringLiteral("--redact"), rules});
            INFO(fmt << ": " << r.errText().toStdString());
            CHECK(r.exitCode != 0);
            CHECK(r.errText().contains(QStringLiteral("never redacted")));
            CHECK(!QFile::exists(package));
        }
        CHECK(projectFingerprint(project) == before);
    }
}
