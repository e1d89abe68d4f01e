// SPDX-License-Identifier: GPL-3.0-or-later
// REFI-QDA exchange (plugins/refiqda): the real-world samples in
// ../shared/refi-qda/samples (counts from its README, NVivo offsets from its
// oracle table), a round trip validated against the official XSDs, and
// hostile packages refused through quire-cli with the project unchanged.
#include "support/zip_builder.h"
#include "testsupport.h"

#include "error.h"
#include "formats/exchangeinterface.h"
#include "formats/pluginmanager.h"
#include "io/ziparchive.h"
#include "model/project.h"
#include "text/textoffsets.h"

#include <map>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QXmlStreamReader>
#include <set>

using namespace Quire;
using namespace QuireTest;

namespace {

QString refiDir()
{
    return QStringLiteral(QUIRE_SHARED_DIR "/refi-qda");
}

/// The shared reference files live outside the repository; without them the
/// sample tests say so and pass (the self-built tests below still run).
bool haveSamples()
{
    if (QFileInfo::exists(refiDir() + QStringLiteral("/samples/README.md")))
        return true;
    WARN("../shared/refi-qda is not present: REFI-QDA sample tests skipped");
    SUCCEED();
    return false;
}

ProjectExchangeInterface *exchange()
{
    static PluginManager manager;
    static bool loaded = false;
    if (!loaded) {
        manager.loadStatic();
        loaded = true;
    }
    ProjectExchangeInterface *x = manager.exchangeFor(QStringLiteral("a.qdpx"));
    REQUIRE(x != nullptr);
    return x;
}

std::unique_ptr<Project> newProject(const TempDir &dir, const QString &name)
{
    auto p = Project::create(dir.path(name));
    p->setCoder(QStringLiteral("tester"));
    return p;
}

QString codePaths(Project &p, const Segment &s)
{
    QStringList paths;
    for (Id c : s.codes)
        paths << p.codePath(c);
    paths.sort();
    return paths.join(QLatin1Char('|'));
}

/// (document, text, codes) of every segment, sorted: what a round trip must keep.
std::multiset<std::tuple<QString, QString, QString>> segmentTexts(Project &p)
{
    std::multiset<std::tuple<QString, QString, QString>> out;
    for (const Segment &s : p.segments())
        out.insert({p.document(s.documentId).name, p.documentRange(s.documentId, s.start, s.end), codePaths(p, s)});
    return out;
}

QStringList allCodePaths(Project &p)
{
    QStringList out;
    for (const Code &c : p.codes())
        out << p.codePaths(c.id);
    out.sort();
    return out;
}

QString xmllint()
{
    return QStandardPaths::findExecutable(QStringLiteral("xmllint"));
}

/// xmllint --schema's verdict on `xml`; empty when it validates.
QString schemaErrors(const QByteArray &xml, const QString &xsd, const TempDir &dir)
{
    const QString file = dir.writeFile(QStringLiteral("check.xml"), xml);
    QProcess p;
    p.start(xmllint(), {QStringLiteral("--noout"), QStringLiteral("--schema"), xsd, file});
    p.waitForFinished(60000);
    if (p.exitCode() == 0)
        return QString();
    return QString::fromUtf8(p.readAllStandardError()).left(2000) + QStringLiteral(" (exit %1)").arg(p.exitCode());
}

struct SampleCounts
{
    const char *file;
    qint64 users, codes, sources, selections, codings;
    qint64 documents; ///< documents created (texts present in the package)
};

} // namespace

TEST_CASE("refiqda: every shared sample imports with the counts of its README", "[refiqda][samples]")
{
    if (!haveSamples())
        return;
    // Counts from ../shared/refi-qda/samples/README.md (element counts of each .qde/.qdc).
    const SampleCounts samples[] = {
        {"nvivo-win12.6_oltas0517.qdpx", 2, 152, 2, 303, 303, 2},
        {"nvivo-mac15.0_qc-project.qdpx", 2, 262, 2, 0, 0, 2},
        {"atlasti-mac8.4_standard-project.qde", 3, 14, 6, 8, 16, 0}, // no source files come with it
        {"atlasti-win23.2_target-project.qdpx", 2, 3, 0, 0, 0, 0},
        {"maxqda24_icls-just10.qdpx", 1, 307, 10, 0, 0, 10},
        {"qc1.3.2_demo.qdpx", 1, 262, 2, 158, 205, 2},
        {"taguette1.4.1_codebook.qdc", 0, 3, 0, 0, 0, 0},
        {"atlasti-win23.4_codebook.qdc", 0, 1, 0, 0, 0, 0},
    };
    for (const auto &s : samples) {
        const QString name = QString::fromUtf8(s.file);
        INFO(s.file);
        TempDir dir;
        auto p = newProject(dir, QStringLiteral("p.quire"));
        const ExchangeReport r = exchange()->importInto(*p, refiDir() + QStringLiteral("/samples/") + name);
        INFO(r.toText().toStdString());
        CHECK(r.count(QStringLiteral("users")) == s.users);
        CHECK(r.count(QStringLiteral("codes")) == s.codes);
        CHECK(r.count(QStringLiteral("sources")) == s.sources);
        CHECK(r.count(QStringLiteral("selections")) == s.selections);
        CHECK(r.count(QStringLiteral("codings")) == s.codings);
        CHECK(r.count(QStringLiteral("documents created")) == s.documents);
        // The project holds what the report says, as one undo step.
        CHECK(qint64(p->codes().size()) == s.codes);
        CHECK(qint64(p->documents().size()) == s.documents);
        CHECK(qint64(p->segments().size()) == r.count(QStringLiteral("segments created")));
        CHECK(p->history().size() == 1);
        CHECK_FALSE(r.offsetDecision.isEmpty());
        p->undo();
        CHECK(p->codes().empty());
        CHECK(p->documents().empty());
    }
}

TEST_CASE("refiqda: sample details (codebook shape, cases, sets, what is reported unmapped)", "[refiqda][samples]")
{
    if (!haveSamples())
        return;
    TempDir dir;
    SECTION("ATLAS.ti's annex project: texts missing, media and PDF regions reported, notes kept")
    {
        auto p = newProject(dir, QStringLiteral("a.quire"));
        const ExchangeReport r =
            exchange()->importInto(*p, refiDir() + QStringLiteral("/samples/atlasti-mac8.4_standard-project.qde"));
        const QString unmapped = r.unmapped.join(QLatin1Char('\n'));
        INFO(unmapped.toStdString());
        CHECK(unmapped.contains(QStringLiteral("text is not in the package")));
        CHECK(unmapped.contains(QStringLiteral("set(s) of sources none of whose members were imported")));
        CHECK(unmapped.contains(QStringLiteral("picture source")));
        CHECK(unmapped.contains(QStringLiteral("PDF region")));
        CHECK(unmapped.contains(QStringLiteral("audio source")));
        CHECK(unmapped.contains(QStringLiteral("video source")));
        CHECK(unmapped.contains(QStringLiteral("graph")));
        CHECK(unmapped.contains(QStringLiteral("set(s) of codes")));
        // 13 of the 14 codes carry a colour.
        int coloured = 0;
        for (const Code &c : p->codes())
            coloured += c.color.isEmpty() ? 0 : 1;
        CHECK(coloured == 13);
        CHECK(p->memos().size() == 2); // the two Notes
    }
    SECTION("NVivo nesting, descriptions, one code not codable")
    {
        auto p = newProject(dir, QStringLiteral("n.quire"));
        const ExchangeReport r =
            exchange()->importInto(*p, refiDir() + QStringLiteral("/samples/nvivo-win12.6_oltas0517.qdpx"));
        int depth = 0;
        for (const Code &c : p->codes())
            depth = std::max(depth, int(p->codePath(c.id).count(QLatin1Char('/'))) + 1);
        CHECK(depth == 4);
        CHECK(r.notes.join(QLatin1Char(' ')).contains(QStringLiteral("1 code(s) are marked not codable")));
        CHECK(r.offsetDecision.contains(QStringLiteral("UTF-16 code units")));
        const Document d = p->findDocument(QStringLiteral("videos_10_selected"));
        const QJsonObject meta = QJsonDocument::fromJson(d.importMeta.toUtf8()).object();
        CHECK(meta.value(QStringLiteral("bomRemoved")).toBool());
        CHECK(meta.value(QStringLiteral("richTextEntry")).toString().endsWith(QStringLiteral(".docx")));
        CHECK_FALSE(p->documentText(d.id).contains(QLatin1Char('\r')));
    }
    SECTION("MAXQDA: lowercase sources folder, data descriptors, document sets become attributes")
    {
        auto p = newProject(dir, QStringLiteral("m.quire"));
        const ExchangeReport r =
            exchange()->importInto(*p, refiDir() + QStringLiteral("/samples/maxqda24_icls-just10.qdpx"));
        CHECK(r.count(QStringLiteral("attribute values set")) == 10); // 2 sets, 10 MemberSource
        for (const Code &c : p->codes())
            CHECK_FALSE(c.color.isEmpty());
    }
    SECTION("qc: scheme-less paths, whole-line selections in code points")
    {
        auto p = newProject(dir, QStringLiteral("q.quire"));
        const ExchangeReport r = exchange()->importInto(*p, refiDir() + QStringLiteral("/samples/qc1.3.2_demo.qdpx"));
        CHECK(r.offsetDecision.contains(QStringLiteral("code points")));
        // Every selection is a whole line including its \n.
        for (const Segment &s : p->segments()) {
            const QString t = p->documentRange(s.documentId, s.start, s.end);
            CHECK(t.endsWith(QLatin1Char('\n')));
            CHECK((s.start == 0 || p->documentRange(s.documentId, s.start - 1, s.start) == QStringLiteral("\n")));
        }
        qint64 codings = 0;
        for (const Segment &s : p->segments())
            codings += qint64(s.codes.size());
        CHECK(codings == 205);
    }
}

TEST_CASE("refiqda: NVivo for Windows selections equal the oracle table's excerpts", "[refiqda][samples][offsets]")
{
    if (!haveSamples())
        return;
    TempDir dir;
    const QString sample = refiDir() + QStringLiteral("/samples/nvivo-win12.6_oltas0517.qdpx");
    auto p = newProject(dir, QStringLiteral("n.quire"));
    exchange()->importInto(*p, sample);

    // The oracle's cp_start/cp_end count code points over the text with CRLF
    // kept; Quire stores LF, so the expected stored position drops one per CRLF before it.
    QFile tsv(refiDir() + QStringLiteral("/samples/nvivo_selection_oracle.tsv"));
    REQUIRE(tsv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(tsv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 304);
    const QByteArray zipBytes = readFile(sample);
    const ZipArchive zip(zipBytes, QStringLiteral("oltas.qdpx"));
    std::map<QString, std::set<std::pair<qsizetype, qsizetype>>> spans;
    for (const Segment &s : p->segments())
        spans[p->document(s.documentId).name].insert({s.start, s.end});
    int checked = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList f = lines[i].split(QLatin1Char('\t'));
        REQUIRE(f.size() == 9);
        const QString source = f[1];
        const Document d = p->findDocument(source);
        const QJsonObject meta = QJsonDocument::fromJson(d.importMeta.toUtf8()).object();
        QString raw = QString::fromUtf8(zip.read(meta.value(QStringLiteral("entry")).toString()));
        if (raw.startsWith(QChar(0xFEFF)))
            raw.remove(0, 1);
        const TextOffsets rawOffsets(raw);
        const qsizetype cpStart = f[5].toLongLong(), cpEnd = f[6].toLongLong();
        const qsizetype u16Start = rawOffsets.toUtf16(cpStart), u16End = rawOffsets.toUtf16(cpEnd);
        const qsizetype crlfBeforeStart = raw.left(u16Start).count(QStringLiteral("\r\n"));
        const qsizetype crlfBeforeEnd = raw.left(u16End).count(QStringLiteral("\r\n"));
        const qsizetype start = cpStart - crlfBeforeStart, end = cpEnd - crlfBeforeEnd;
        INFO("selection " << f[2].toStdString());
        CHECK(spans[source].count({start, end}) == 1);
        // The stored excerpt, with CRLF put back, starts with the oracle's 40 code points.
        QString excerpt = p->documentRange(d.id, start, end);
        excerpt.replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
        const TextOffsets ex(excerpt);
        CHECK(ex.codePointCount() == f[7].toLongLong());
        CHECK(ex.mid(0, std::min<qsizetype>(40, ex.codePointCount())) == f[8]);
        ++checked;
    }
    CHECK(checked == 303);
}

namespace {

/// A project with the things REFI-QDA can carry: nested codes with colours
/// and descriptions, texts with emoji (non-BMP) and several lines, segments
/// with several codes, a case with attributes, memos.
std::unique_ptr<Project> buildProject(const TempDir &dir)
{
    auto p = newProject(dir, QStringLiteral("source.quire"));
    ImportedFile f;
    f.sourcePath = dir.path(QStringLiteral("made-up.txt"));
    f.sha256 = QStringLiteral("0");
    f.format = QStringLiteral("plaintext");
    ImportedDocument a;
    a.name = QStringLiteral("Interview A");
    a.text = QStringLiteral(
        "Q: How was breakfast? \U0001F600\nA: Porridge again, caf\u00e9 later.\n\nQ: And lunch?\nA: Soup \U0001F35C with bread.\n");
    ImportedDocument b;
    b.name = QStringLiteral("Interview B");
    b.text = QStringLiteral("Plain ASCII text about tea and toast.");
    f.documents = {a, b};
    p->importDocuments({f});
    const Id docA = p->findDocument(QStringLiteral("Interview A")).id;
    const Id docB = p->findDocument(QStringLiteral("Interview B")).id;
    const Id joy =
        p->addCode(QStringLiteral("Feelings/Joy"), QStringLiteral("#FFAA00"), QStringLiteral("Happy moments"));
    const Id food = p->addCode(QStringLiteral("Food/Breakfast"), QStringLiteral("#336699"));
    const Id lunch = p->addCode(QStringLiteral("Food/Lunch"));
    const TextOffsets ta(a.text);
    auto find = [&](const QString &needle) {
        return TextOffsets::codePointLength(a.text.left(a.text.indexOf(needle)));
    };
    const qsizetype emoji = find(QStringLiteral("\U0001F600"));
    p->addSegment(docA, emoji, emoji + 1, {joy}, QStringLiteral("a smile"));
    const qsizetype porridge = find(QStringLiteral("Porridge"));
    p->addSegment(docA, porridge, porridge + 8, {food, joy});
    const qsizetype soup = find(QStringLiteral("Soup"));
    p->addSegment(docA, soup, soup + 6, {lunch}); // "Soup 🍜": ends after the emoji
    p->addSegment(docB, 18, 37, {food});
    const Id ana = p->addCase(QStringLiteral("Ana"));
    p->linkCaseDocument(ana, docA);
    p->setAttribute(AttributeScope::Case, ana, QStringLiteral("age"), QStringLiteral("34"));
    p->setAttribute(AttributeScope::Document, docB, QStringLiteral("site"), QStringLiteral("Leeds"));
    p->addMemo(QStringLiteral("code"), joy, QStringLiteral("Joy includes relief."), QStringLiteral("About joy"));
    p->addMemo(QStringLiteral("project"), std::nullopt, QStringLiteral("Pilot study."), QStringLiteral("Plan"));
    return p;
}

} // namespace

TEST_CASE("refiqda: round trip through .qdpx keeps documents, codes and segment texts, the .qde is valid",
          "[refiqda][roundtrip]")
{
    TempDir dir;
    auto source = buildProject(dir);
    const QString package = dir.path(QStringLiteral("out.qdpx"));
    const ExchangeReport out = exchange()->exportProject(*source, package, QStringLiteral("qdpx"), {});
    CHECK(out.count(QStringLiteral("sources")) == 2);
    CHECK(out.count(QStringLiteral("selections")) == 4);
    CHECK(out.count(QStringLiteral("codings")) == 5);
    CHECK(out.count(QStringLiteral("codes")) == 5);

    const QByteArray zipBytes = readFile(package);
    const ZipArchive zip(zipBytes, QStringLiteral("out.qdpx"));
    const QByteArray qde = zip.read(QStringLiteral("project.qde"));
    // Texts are UTF-8 without BOM, LF only.
    for (const QString &e : zip.entries()) {
        if (e.endsWith(QLatin1String(".txt"))) {
            const QByteArray t = zip.read(e);
            CHECK_FALSE(t.startsWith("\xEF\xBB\xBF"));
            CHECK_FALSE(t.contains('\r'));
        }
    }
    const QString xsd = refiDir() + QStringLiteral("/Project-mrt2019.xsd");
    if (!xmllint().isEmpty() && QFileInfo::exists(xsd)) {
        CHECK(schemaErrors(qde, xsd, dir) == QString());
    } else {
        WARN("xmllint or Project-mrt2019.xsd missing: the exported .qde was not validated");
    }

    auto copy = newProject(dir, QStringLiteral("copy.quire"));
    const ExchangeReport in = exchange()->importInto(*copy, package);
    INFO(in.toText().toStdString());
    CHECK(in.offsetDecision.contains(QStringLiteral("code points")));
    REQUIRE(copy->documents().size() == source->documents().size());
    for (const Document &d : source->documents())
        CHECK(copy->documentText(copy->findDocument(d.name).id) == source->documentText(d.id));
    CHECK(allCodePaths(*copy) == allCodePaths(*source));
    CHECK(segmentTexts(*copy) == segmentTexts(*source));
    // Code GUIDs, colours and descriptions travel too.
    for (const Code &c : source->codes()) {
        const Code twin = copy->code(copy->resolveCode(source->codePath(c.id)));
        CHECK(twin.guid == c.guid);
        CHECK(twin.color == c.color);
        CHECK(twin.description == c.description);
    }
    CHECK(copy->attribute(AttributeScope::Case, copy->findCase(QStringLiteral("Ana")).id, QStringLiteral("age")) ==
          QStringLiteral("34"));
    CHECK(copy->attribute(AttributeScope::Document, copy->findDocument(QStringLiteral("Interview B")).id,
                          QStringLiteral("site")) == QStringLiteral("Leeds"));
    CHECK(copy->memos(QStringLiteral("code")).size() == 1);
    CHECK(copy->memos(QStringLiteral("project")).size() == 1);
    CHECK(copy->history().size() == 1); // one command
}

TEST_CASE("refiqda: .qdc export is a valid codebook and reads back", "[refiqda][roundtrip]")
{
    TempDir dir;
    auto source = buildProject(dir);
    const QString qdc = dir.path(QStringLiteral("codes.qdc"));
    exchange()->exportProject(*source, qdc, QStringLiteral("qdc"), {});
    const QString xsd = refiDir() + QStringLiteral("/Codebook-mrt2019.xsd");
    if (!xmllint().isEmpty() && QFileInfo::exists(xsd))
        CHECK(schemaErrors(readFile(qdc), xsd, dir) == QString());
    else
        WARN("xmllint or Codebook-mrt2019.xsd missing: the exported .qdc was not validated");
    auto copy = newProject(dir, QStringLiteral("codes.quire"));
    const ExchangeReport r = exchange()->importInto(*copy, qdc);
    CHECK(r.format == QStringLiteral("qdc"));
    CHECK(allCodePaths(*copy) == allCodePaths(*source));
    // Importing the same codebook again matches the codes by GUID: nothing doubles.
    const ExchangeReport again = exchange()->importInto(*copy, qdc);
    CHECK(again.count(QStringLiteral("codes matched by GUID")) == 5);
    CHECK(allCodePaths(*copy) == allCodePaths(*source));
}

namespace {

QByteArray qde(const QString &codes, const QString &sources, const QString &prolog = QString())
{
    return (QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n") + prolog +
            QStringLiteral("<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"t\" origin=\"Test\">"
                           "<CodeBook><Codes>%1</Codes></CodeBook><Sources>%2</Sources></Project>")
                .arg(codes, sources))
        .toUtf8();
}

const QString CodeA =
    QStringLiteral("<Code guid=\"11111111-1111-4111-8111-111111111111\" name=\"A\" isCodable=\"true\"/>");

QString source(const QString &selections)
{
    return QStringLiteral("<TextSource guid=\"22222222-2222-4222-8222-222222222222\" name=\"doc\" "
                          "plainTextPath=\"internal://doc.txt\">%1</TextSource>")
        .arg(selections);
}

QString selection(int start, int end, const QString &codeGuid = QStringLiteral("11111111-1111-4111-8111-111111111111"))
{
    return QStringLiteral(
               "<PlainTextSelection guid=\"33333333-3333-4333-8333-3333333333%1\" startPosition=\"%2\" endPosition=\"%3\">"
               "<Coding guid=\"44444444-4444-4444-8444-4444444444%1\"><CodeRef targetGUID=\"%4\"/></Coding>"
               "</PlainTextSelection>")
        .arg(start % 100, 2, 10, QLatin1Char('0'))
        .arg(start)
        .arg(end)
        .arg(codeGuid);
}

QByteArray package(const QByteArray &projectXml,
                   const QByteArray &text = QByteArrayLiteral("Hello world, this is the text."))
{
    return makeZip({{QStringLiteral("project.qde"), projectXml}, {QStringLiteral("sources/doc.txt"), text}});
}

} // namespace

TEST_CASE("refiqda: hostile packages are refused by quire-cli and leave the project as it was", "[refiqda][hostile]")
{
    TempDir dir;
    const QString project = dir.path(QStringLiteral("p.quire"));
    REQUIRE(runCli({QStringLiteral("new"), project}).exitCode == 0);
    // Some content first, so "unchanged" means something.
    const QString good = dir.writeFile(QStringLiteral("good.qdpx"), package(qde(CodeA, source(selection(0, 5)))));
    const CliResult ok = runCli({QStringLiteral("import"), project, good});
    INFO(ok.errText().toStdString());
    REQUIRE(ok.exitCode == 0);
    CHECK(ok.outText().contains(QStringLiteral("segments created: 1")));
    const QString before = projectFingerprint(project);
    const QString hash = fileHash(project);

    const QString dupSelections = selection(0, 5) + selection(0, 5); // same GUIDs twice
    const QString laughs = QStringLiteral(
        "<!DOCTYPE Project [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
        "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>\n");
    const QString external = QStringLiteral("<!DOCTYPE Project [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n");
    struct Case
    {
        const char *file;
        QByteArray bytes;
        const char *message;
    };
    const std::vector<Case> cases{
        {"slip.qdpx",
         makeZip({{QStringLiteral("project.qde"), qde(CodeA, QString())}, {QStringLiteral("../../evil.txt"), "x"}}),
         "slip.qdpx: entry \"../../evil.txt\" points outside the archive"},
        {"bomb.qdpx", makeZipWithZeros({}, QStringLiteral("project.qde"), qint64(300) * 1024 * 1024),
         "bomb.qdpx: entry \"project.qde\" expands more than 200 times (a zip bomb?)"},
        {"xxe.qdpx",
         package(qde(
             QStringLiteral("<Code guid=\"11111111-1111-4111-8111-111111111111\" name=\"&xxe;\" isCodable=\"true\"/>"),
             QString(), external)),
         "xxe.qdpx: project.qde line 2: has a document type declaration"},
        {"laughs.qdpx",
         package(qde(
             QStringLiteral("<Code guid=\"11111111-1111-4111-8111-111111111111\" name=\"&d;\" isCodable=\"true\"/>"),
             QString(), laughs)),
         "laughs.qdpx: project.qde line 2: has a document type declaration"},
        {"pastend.qdpx", package(qde(CodeA, source(selection(3, 500)))),
         "pastend.qdpx: source \"doc\": selection 33333333-3333-4333-8333-333333333303 ends at 500, past the end of the text"},
        {"nocode.qdpx",
         package(qde(CodeA, source(selection(0, 5, QStringLiteral("99999999-9999-4999-8999-999999999999"))))),
         "with the code GUID 99999999-9999-4999-8999-999999999999, which is not in the codebook"},
        {"dupcode.qdpx", package(qde(CodeA + CodeA, QString())),
         "dupcode.qdpx: project.qde has the GUID 11111111-1111-4111-8111-111111111111 on more than one code"},
        {"dupsel.qdpx", package(qde(CodeA, source(dupSelections))), "on more than one text selection"},
        {"twoqde.qdpx",
         makeZip({{QStringLiteral("a.qde"), qde(CodeA, QString())}, {QStringLiteral("b.qde"), qde(CodeA, QString())}}),
         "twoqde.qdpx: the package has 2 .qde files at its root"},
        {"notxml.qdpx", package("<Project name=\"t\"><CodeBook>"), "notxml.qdpx: project.qde line"},
    };
    for (const Case &c : cases) {
        INFO(c.file);
        const QString file = dir.writeFile(QString::fromUtf8(c.file), c.bytes);
        const CliResult r = runCli({QStringLiteral("import"), project, file});
        INFO(r.errText().toStdString());
        CHECK(r.exitCode == 1);
        CHECK(r.errText().contains(QString::fromUtf8(c.message)));
        CHECK(r.errText().count(QLatin1Char('\n')) == 1); // one sentence
        CHECK(r.out.isEmpty());
        CHECK(projectFingerprint(project) == before);
        CHECK(fileHash(project) == hash);
    }
}

TEST_CASE("refiqda: quire-cli export writes .qdpx and .qdc and reports with --json", "[refiqda][cli]")
{
    TempDir dir;
    const QString project = dir.path(QStringLiteral("p.quire"));
    REQUIRE(runCli({QStringLiteral("new"), project}).exitCode == 0);
    const QString good =
        dir.writeFile(QStringLiteral("good.qdpx"), package(qde(CodeA, source(selection(0, 5) + selection(6, 11)))));
    const CliResult in = runCli({QStringLiteral("--json"), QStringLiteral("import"), project, good});
    REQUIRE(in.exitCode == 0);
    const QJsonObject report = QJsonDocument::fromJson(in.out).object();
    CHECK(report.value(QStringLiteral("counts")).toObject().value(QStringLiteral("selections")).toInt() == 2);
    CHECK(report.value(QStringLiteral("offsets")).toString().contains(QStringLiteral("code points")));

    const QString out = dir.path(QStringLiteral("back.qdpx"));
    const CliResult ex = runCli({QStringLiteral("export"), project, QStringLiteral("--format"), QStringLiteral("qdpx"),
                                 QStringLiteral("--out"), out});
    INFO(ex.errText().toStdString());
    REQUIRE(ex.exitCode == 0);
    CHECK(ex.outText().contains(QStringLiteral("selections: 2")));
    const QString qdc = dir.path(QStringLiteral("codes.qdc"));
    REQUIRE(runCli({QStringLiteral("export"), project, QStringLiteral("--format"), QStringLiteral("qdc"),
                    QStringLiteral("--out"), qdc})
                .exitCode == 0);
    CHECK(readFile(qdc).contains("urn:QDA-XML:codebook:1.0"));

    const QString second = dir.path(QStringLiteral("second.quire"));
    REQUIRE(runCli({QStringLiteral("new"), second}).exitCode == 0);
    REQUIRE(runCli({QStringLiteral("import"), second, out}).exitCode == 0);
    const CliResult shown =
        runCli({QStringLiteral("--json"), QStringLiteral("list"), QStringLiteral("segments"), second});
    REQUIRE(shown.exitCode == 0);
    CHECK(shown.outText().contains(QStringLiteral("\"text\": \"Hello\"")));
    CHECK(shown.outText().contains(QStringLiteral("\"text\": \"world\"")));
}

TEST_CASE("refiqda: cases, variables and notes: nameless cases, source variables, typed values", "[refiqda]")
{
    TempDir dir;
    const QString vAge = QStringLiteral("55555555-5555-4555-8555-555555555501");
    const QString vSite = QStringLiteral("55555555-5555-4555-8555-555555555502");
    const QString vWhen = QStringLiteral("55555555-5555-4555-8555-555555555503");
    const QString note = QStringLiteral("66666666-6666-4666-8666-666666666601");
    const QString xml =
        QStringLiteral(
            "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"t\" origin=\"SomeTool 1.0\">"
            "<Users><User guid=\"77777777-7777-4777-8777-777777777701\" name=\"Bea\"/></Users>"
            "<CodeBook><Codes>%1</Codes></CodeBook>"
            "<Variables><Variable guid=\"%2\" name=\"age\" typeOfVariable=\"Integer\"/>"
            "<Variable guid=\"%3\" name=\"site\" typeOfVariable=\"Text\"/>"
            "<Variable guid=\"%4\" name=\"when\" typeOfVariable=\"Date\"/></Variables>"
            "<Cases><Case guid=\"88888888-8888-4888-8888-888888888801\">"
            "<VariableValue><VariableRef targetGUID=\"%2\"/><IntegerValue>41</IntegerValue></VariableValue>"
            "<SourceRef targetGUID=\"22222222-2222-4222-8222-222222222222\"/></Case></Cases>"
            "<Sources><TextSource guid=\"22222222-2222-4222-8222-222222222222\" name=\"doc\" plainTextPath=\"relative:///somewhere/doc.txt\">"
            "<PlainTextSelection guid=\"33333333-3333-4333-8333-333333333300\" startPosition=\"0\" endPosition=\"5\" "
            "creatingUser=\"77777777-7777-4777-8777-777777777701\"><Coding guid=\"44444444-4444-4444-8444-444444444400\">"
            "<CodeRef targetGUID=\"11111111-1111-4111-8111-111111111111\"/></Coding><NoteRef targetGUID=\"%5\"/></PlainTextSelection>"
            "<VariableValue><VariableRef targetGUID=\"%3\"/><TextValue>Leeds</TextValue></VariableValue>"
            "<VariableValue><VariableRef targetGUID=\"%4\"/><DateValue>2024-05-01</DateValue></VariableValue>"
            "</TextSource></Sources>"
            "<Notes><Note guid=\"%5\" name=\"Why\"><PlainTextContent>Greeting first.</PlainTextContent></Note></Notes>"
            "</Project>")
            .arg(CodeA, vAge, vSite, vWhen, note);
    const QString file = dir.writeFile(QStringLiteral("cases.qdpx"), package(xml.toUtf8()));
    auto p = newProject(dir, QStringLiteral("c.quire"));
    const ExchangeReport r = exchange()->importInto(*p, file);
    INFO(r.toText().toStdString());
    // The nameless case is named after its one source and credited on its segments.
    const Case c = p->findCase(QStringLiteral("doc"));
    const Document d = p->findDocument(QStringLiteral("doc"));
    CHECK(p->caseDocuments(c.id) == std::vector<Id>{d.id});
    CHECK(p->attribute(AttributeScope::Case, c.id, QStringLiteral("age")) == QStringLiteral("41"));
    CHECK(p->attribute(AttributeScope::Document, d.id, QStringLiteral("site")) == QStringLiteral("Leeds"));
    CHECK(p->attribute(AttributeScope::Document, d.id, QStringLiteral("when")) == QStringLiteral("2024-05-01"));
    std::map<QString, AttributeType> types;
    for (const auto &def : p->attributeDefs())
        types[def.name] = def.type;
    CHECK(types[QStringLiteral("age")] == AttributeType::Number);
    CHECK(types[QStringLiteral("when")] == AttributeType::Date);
    const auto segs = p->segments();
    REQUIRE(segs.size() == 1);
    CHECK(segs[0].caseId == c.id);
    CHECK(segs[0].coder == QStringLiteral("Bea"));
    // The note referred to by the selection is that segment's memo.
    const auto memos = p->memos(QStringLiteral("segment"), segs[0].id);
    REQUIRE(memos.size() == 1);
    CHECK(memos[0].text == QStringLiteral("Greeting first."));
    CHECK(memos[0].title == QStringLiteral("Why"));
}

namespace {

/// The attributes of every element with that local name in `xml`, in order.
std::vector<QXmlStreamAttributes> elementsNamed(const QByteArray &xml, const QString &name)
{
    std::vector<QXmlStreamAttributes> out;
    QXmlStreamReader r(xml);
    while (!r.atEnd()) {
        if (r.readNext() == QXmlStreamReader::StartElement && r.name() == name)
            out.push_back(r.attributes());
    }
    REQUIRE_FALSE(r.hasError());
    return out;
}

/// The text of every element with that local name directly under an element named `parent`.
QStringList childTexts(const QByteArray &xml, const QString &parent, const QString &child)
{
    QStringList out;
    QXmlStreamReader r(xml);
    QStringList stack;
    while (!r.atEnd()) {
        const auto token = r.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (r.name() == child && !stack.isEmpty() && stack.back() == parent) {
                out << r.readElementText(QXmlStreamReader::IncludeChildElements);
                continue;
            }
            stack << r.name().toString();
        } else if (token == QXmlStreamReader::EndElement) {
            stack.removeLast();
        }
    }
    return out;
}

bool isXsdDateTime(const QString &v)
{
    return QDateTime::fromString(v, Qt::ISODateWithMs).isValid() && v.endsWith(QLatin1Char('Z'));
}

} // namespace

TEST_CASE(
    "refiqda: export dates and users on notes, sources, selections and the project, case memos in the case's Description",
    "[refiqda][roundtrip][memos]")
{
    TempDir dir;
    auto source = buildProject(dir); // coder "tester": a code memo and a project memo
    const Id ana = source->findCase(QStringLiteral("Ana")).id;
    source->addMemo(QStringLiteral("case"), ana, QStringLiteral("Lives alone since 2019."), QStringLiteral("Home"));
    const Id second =
        source->addMemo(QStringLiteral("case"), ana, QStringLiteral("Prefers mornings."), QStringLiteral("Routine"));
    source->setCoder(QStringLiteral("editor"));
    source->editMemo(second, QStringLiteral("Prefers early mornings."));

    const QString package = dir.path(QStringLiteral("dated.qdpx"));
    const ExchangeReport out = exchange()->exportProject(*source, package, QStringLiteral("qdpx"), {});
    INFO(out.toText().toStdString());
    CHECK(out.count(QStringLiteral("case descriptions")) == 1);
    CHECK(out.notes.join(QLatin1Char('\n'))
              .contains(QStringLiteral("2 case memo(s) written into their case's Description")));
    const QByteArray zipBytes = readFile(package);
    const QByteArray qdeXml = ZipArchive(zipBytes, QStringLiteral("dated.qdpx")).read(QStringLiteral("project.qde"));
    const QString xsd = refiDir() + QStringLiteral("/Project-mrt2019.xsd");
    if (!xmllint().isEmpty() && QFileInfo::exists(xsd))
        CHECK(schemaErrors(qdeXml, xsd, dir) == QString());
    else
        WARN("xmllint or Project-mrt2019.xsd missing: the exported .qde was not validated");

    std::map<QString, QString> userOf; // name -> GUID
    for (const auto &u : elementsNamed(qdeXml, QStringLiteral("User")))
        userOf[u.value(QStringLiteral("name")).toString()] = u.value(QStringLiteral("guid")).toString();
    REQUIRE(userOf.count(QStringLiteral("tester")));
    REQUIRE(userOf.count(QStringLiteral("editor")));

    // Every note has what the other tools write: creatingUser, creationDateTime,
    // modifiedDateTime, and modifyingUser (the editor for the edited memo).
    const auto notes = elementsNamed(qdeXml, QStringLiteral("Note"));
    REQUIRE(notes.size() == 4);
    for (const auto &n : notes) {
        INFO(n.value(QStringLiteral("name")).toString().toStdString());
        CHECK(isXsdDateTime(n.value(QStringLiteral("creationDateTime")).toString()));
        CHECK(isXsdDateTime(n.value(QStringLiteral("modifiedDateTime")).toString()));
        CHECK(n.value(QStringLiteral("creatingUser")).toString() == userOf[QStringLiteral("tester")]);
        const QString modifier = n.value(QStringLiteral("name")) == QLatin1String("Routine") ? QStringLiteral("editor")
                                                                                             : QStringLiteral("tester");
        CHECK(n.value(QStringLiteral("modifyingUser")).toString() == userOf[modifier]);
    }
    for (const QString &kind : {QStringLiteral("TextSource"), QStringLiteral("PlainTextSelection")}) {
        const auto all = elementsNamed(qdeXml, kind);
        REQUIRE_FALSE(all.empty());
        for (const auto &e : all) {
            INFO(kind.toStdString());
            CHECK(isXsdDateTime(e.value(QStringLiteral("creationDateTime")).toString()));
            CHECK(e.value(QStringLiteral("creatingUser")).toString() == userOf[QStringLiteral("tester")]);
        }
    }
    const auto project = elementsNamed(qdeXml, QStringLiteral("Project"));
    REQUIRE(project.size() == 1);
    CHECK(isXsdDateTime(project[0].value(QStringLiteral("creationDateTime")).toString()));
    CHECK(isXsdDateTime(project[0].value(QStringLiteral("modifiedDateTime")).toString()));
    CHECK(project[0].value(QStringLiteral("modifyingUserGUID")).toString() == userOf[QStringLiteral("editor")]);

    // The case's Description holds its memos, where other tools look.
    CHECK(childTexts(qdeXml, QStringLiteral("Case"), QStringLiteral("Description")) ==
          QStringList{QStringLiteral("Lives alone since 2019.\n\nPrefers early mornings.")});

    // Back into Quire: the case memos come back once each, on the case, with their titles.
    auto copy = newProject(dir, QStringLiteral("dated-copy.quire"));
    const ExchangeReport in = exchange()->importInto(*copy, package);
    INFO(in.toText().toStdString());
    const auto caseMemos = copy->memos(QStringLiteral("case"), copy->findCase(QStringLiteral("Ana")).id);
    REQUIRE(caseMemos.size() == 2);
    std::set<std::pair<QString, QString>> got;
    for (const Memo &m : caseMemos)
        got.insert({m.title, m.text});
    CHECK(got == std::set<std::pair<QString, QString>>{
                     {QStringLiteral("Home"), QStringLiteral("Lives alone since 2019.")},
                     {QStringLiteral("Routine"), QStringLiteral("Prefers early mornings.")}});
    CHECK(copy->memos(QStringLiteral("project")).size() == 1);
    CHECK(in.notes.join(QLatin1Char('\n'))
              .contains(QStringLiteral("1 case Description(s) repeat notes nothing refers to")));
}

TEST_CASE("refiqda: import reports the project Description, case links to missing sources and mixed offset units",
          "[refiqda][report]")
{
    TempDir dir;
    const QString selections =
        // "😀 apple banana cherry date": apple, cherry and date in code points, banana in UTF-16 units.
        QStringLiteral(
            "<PlainTextSelection guid=\"33333333-3333-4333-8333-333333333301\" name=\"apple\" startPosition=\"2\" endPosition=\"7\">"
            "<Coding guid=\"44444444-4444-4444-8444-444444444401\"><CodeRef targetGUID=\"%1\"/></Coding></PlainTextSelection>"
            "<PlainTextSelection guid=\"33333333-3333-4333-8333-333333333302\" name=\"banana\" startPosition=\"9\" endPosition=\"15\">"
            "<Coding guid=\"44444444-4444-4444-8444-444444444402\"><CodeRef targetGUID=\"%1\"/></Coding></PlainTextSelection>"
            "<PlainTextSelection guid=\"33333333-3333-4333-8333-333333333303\" name=\"cherry\" startPosition=\"15\" endPosition=\"21\">"
            "<Coding guid=\"44444444-4444-4444-8444-444444444403\"><CodeRef targetGUID=\"%1\"/></Coding></PlainTextSelection>"
            "<PlainTextSelection guid=\"33333333-3333-4333-8333-333333333304\" name=\"date\" startPosition=\"22\" endPosition=\"26\">"
            "<Coding guid=\"44444444-4444-4444-8444-444444444404\"><CodeRef targetGUID=\"%1\"/></Coding></PlainTextSelection>")
            .arg(QStringLiteral("11111111-1111-4111-8111-111111111111"));
    const QString xml = QStringLiteral("<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"t\" origin=\"SomeTool 2.0\">"
                                       "<CodeBook><Codes>%1</Codes></CodeBook>"
                                       "<Cases><Case guid=\"88888888-8888-4888-8888-888888888801\" name=\"Ana\">"
                                       "<SourceRef targetGUID=\"22222222-2222-4222-8222-222222222222\"/>"
                                       "<SourceRef targetGUID=\"99999999-9999-4999-8999-999999999999\"/></Case></Cases>"
                                       "<Sources>%2</Sources>"
                                       "<Description>Pilot with four carers, spring 2024.</Description>"
                                       "</Project>")
                            .arg(CodeA, source(selections));
    const QString file =
        dir.writeFile(QStringLiteral("t.qdpx"),
                      package(xml.toUtf8(), QStringLiteral("\U0001F600 apple banana cherry date").toUtf8()));
    auto p = newProject(dir, QStringLiteral("r.quire"));
    const ExchangeReport r = exchange()->importInto(*p, file);
    const QString text = r.toText();
    INFO(text.toStdString());

    // The project's Description is a project memo, and the report says so.
    const auto projectMemos = p->memos(QStringLiteral("project"));
    REQUIRE(projectMemos.size() == 1);
    CHECK(projectMemos[0].title == QStringLiteral("Project description"));
    CHECK(projectMemos[0].text == QStringLiteral("Pilot with four carers, spring 2024."));
    CHECK(text.contains(
        QStringLiteral("note: the project's Description became the project memo \"Project description\"")));

    // The case keeps its link to the source there is; the other link is reported.
    const Case ana = p->findCase(QStringLiteral("Ana"));
    CHECK(p->caseDocuments(ana.id) == std::vector<Id>{p->findDocument(QStringLiteral("doc")).id});
    CHECK_FALSE(text.contains(QStringLiteral("unmapped: nothing")));
    CHECK(text.contains(QStringLiteral("  - 1 case link(s) to a source that was not imported: case \"Ana\" to "
                                       "99999999-9999-4999-8999-999999999999 (no such source in the package)")));

    // Three selections fit code points, one fits UTF-16 units: converted by the
    // majority, with a warning naming the source and the counts.
    CHECK(r.offsetDecision.contains(QStringLiteral("code points (CRLF = 2)")));
    CHECK(text.contains(
        QStringLiteral("note: warning: t.qdpx: source \"doc\": the selections seem to mix ways of counting: "
                       "3 of 4 fit code points (CRLF = 2), 1 fit UTF-16 code units (CRLF = 2) instead; "
                       "all were converted as code points (CRLF = 2), so check those selections")));
    std::set<QString> excerpts;
    for (const Segment &s : p->segments())
        excerpts.insert(p->documentRange(s.documentId, s.start, s.end));
    CHECK(excerpts == std::set<QString>{QStringLiteral("apple"), QStringLiteral("anana "), QStringLiteral("cherry"),
                                        QStringLiteral("date")});

    // One reading for all: no warning.
    const QString agreeing = QString(xml).replace(QStringLiteral("startPosition=\"9\" endPosition=\"15\""),
                                                  QStringLiteral("startPosition=\"8\" endPosition=\"14\""));
    const QString clean =
        dir.writeFile(QStringLiteral("clean.qdpx"),
                      package(agreeing.toUtf8(), QStringLiteral("\U0001F600 apple banana cherry date").toUtf8()));
    auto q = newProject(dir, QStringLiteral("clean.quire"));
    const ExchangeReport ok = exchange()->importInto(*q, clean);
    CHECK_FALSE(ok.toText().contains(QStringLiteral("mix ways of counting")));

    // Without quoted names the word boundaries tell: "apple 😀😀 banana cherry
    // date" with banana at UTF-16 11-17, which as code points cuts "nana c"
    // inside a word at both ends.
    QString unnamed;
    const std::pair<int, int> spans[] = {{0, 5}, {11, 17}, {16, 22}, {23, 27}};
    for (int i = 0; i < 4; ++i)
        unnamed +=
            QStringLiteral(
                "<PlainTextSelection guid=\"33333333-3333-4333-8333-3333333333%1\" startPosition=\"%2\" endPosition=\"%3\">"
                "<Coding guid=\"44444444-4444-4444-8444-4444444444%1\"><CodeRef targetGUID=\"11111111-1111-4111-8111-111111111111\"/>"
                "</Coding></PlainTextSelection>")
                .arg(i + 10)
                .arg(spans[i].first)
                .arg(spans[i].second);
    const QString bare = dir.writeFile(
        QStringLiteral("bare.qdpx"),
        package(qde(CodeA, source(unnamed)), QStringLiteral("apple \U0001F600\U0001F600 banana cherry date").toUtf8()));
    auto b = newProject(dir, QStringLiteral("bare.quire"));
    const QString bareText = exchange()->importInto(*b, bare).toText();
    INFO(bareText.toStdString());
    CHECK(bareText.contains(
        QStringLiteral("note: warning: bare.qdpx: source \"doc\": the selections seem to mix ways of counting: "
                       "3 of 4 fit code points (CRLF = 2), 1 fit UTF-16 code units (CRLF = 2) instead")));
}

TEST_CASE("refiqda: no shared sample is reported as mixing offset units", "[refiqda][samples][offsets]")
{
    if (!haveSamples())
        return;
    for (const char *name : {"nvivo-win12.6_oltas0517.qdpx", "qc1.3.2_demo.qdpx"}) {
        INFO(name);
        TempDir dir;
        auto p = newProject(dir, QStringLiteral("p.quire"));
        const ExchangeReport r =
            exchange()->importInto(*p, refiDir() + QStringLiteral("/samples/") + QString::fromUtf8(name));
        INFO(r.toText().toStdString());
        CHECK_FALSE(r.toText().contains(QStringLiteral("mix ways of counting")));
    }
}
