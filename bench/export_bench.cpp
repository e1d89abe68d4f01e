// SPDX-License-Identifier: GPL-3.0-or-later
//
// quire-bench-export: how long `quire-cli export` takes for a large report,
// per format, on a project made from the reference corpus
// (/work/shared/bench/gen_corpus.py, see docs/benchmarks.md "Exports").
//
//   BM_Export/<format>/quotes        the quote appendix (--template quotes)
//   BM_Export/<format>/theme-table   the theme table split by group
//                                    (--template theme-table --by group)
//
// Set-up, once and outside any timing: the first 100 corpus transcripts are
// imported, a code tree of 10 themes x 4 subthemes x 5 codes is made, and 100
// sentences of every transcript are coded, 10,000 quotes spread evenly over
// the 200 leaf codes (50 each), in one batch command. The project is closed
// and reopened, as a later `quire-cli export` would find it.
//
// Measured (manual time, one iteration per repetition, 3 repetitions): what
// cmdExport in src/cli/main.cpp does after opening the project —
// buildThemeReport, checkLayout, then the exporter plugin's write into a
// QSaveFile and its commit. The "Time" column is the figure (wall clock); the
// counters split it into build_ms and write_ms, and give the thread's CPU
// time of each (build_cpu_ms, write_cpu_ms), which a loaded machine does not
// inflate.

#include "error.h"
#include "formats/exporterinterface.h"
#include "formats/fileimport.h"
#include "formats/pluginmanager.h"
#include "model/project.h"
#include "report/exportlayout.h"
#include "report/themereport.h"
#include "text/textoffsets.h"

#include "benchsupport.h"

#include <benchmark/benchmark.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QSaveFile>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace {

using QuireBench::die;
using QuireBench::freshPath;
using QuireBench::scratch;
using QuireBench::wholeWorkload;

using Quire::Id;
using Clock = std::chrono::steady_clock;
using Ranges = std::vector<std::pair<qsizetype, qsizetype>>;

constexpr int Themes = 10;
constexpr int SubthemesPerTheme = 4;
constexpr int CodesPerSubtheme = 5;
constexpr int LeafCodes = Themes * SubthemesPerTheme * CodesPerSubtheme;   // 200
constexpr int TreeCodes = Themes + Themes * SubthemesPerTheme + LeafCodes; // 250 rows
constexpr int Documents = 100;
constexpr int QuotesPerDocument = 100; // 10,000 quotes in all
constexpr int Quotes = Documents * QuotesPerDocument;

const QString CitationTemplate = QStringLiteral("({source} {number}, {case})");
const QString ByAttribute = QStringLiteral("group");

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// CPU seconds of the calling thread: on a shared machine the wall-clock
/// figures grow with the load, these do not (everything measured here runs on
/// this one thread).
double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

QString g_corpusDir;

Quire::PluginManager &plugins()
{
    static Quire::PluginManager manager;
    static bool loaded = false;
    if (!loaded) {
        manager.loadStatic();
        loaded = true;
    }
    return manager;
}

// ---- the project (built once) -------------------------------------------------

QString themePath(int t)
{
    return QStringLiteral("Theme %1").arg(t + 1, 2, 10, QLatin1Char('0'));
}

QString subthemePath(int t, int s)
{
    return themePath(t) + QStringLiteral("/Subtheme %1.%2").arg(t + 1).arg(s + 1);
}

QString leafPath(int t, int s, int c)
{
    return subthemePath(t, s) + QStringLiteral("/Code %1.%2.%3").arg(t + 1).arg(s + 1).arg(c + 1);
}

/// The 250 codes, each with a short description (the appendix prints them);
/// returns the 200 leaf ids in tree order.
std::vector<Id> addCodeTree(Quire::Project &project)
{
    std::vector<Id> leaves;
    for (int t = 0; t < Themes; ++t) {
        project.addCode(themePath(t), QString(), QStringLiteral("Theme %1 of the benchmark tree.").arg(t + 1));
        for (int s = 0; s < SubthemesPerTheme; ++s) {
            project.addCode(subthemePath(t, s), QString(),
                            QStringLiteral("Subtheme %1.%2 of the benchmark tree.").arg(t + 1).arg(s + 1));
            for (int c = 0; c < CodesPerSubtheme; ++c)
                leaves.push_back(
                    project.addCode(leafPath(t, s, c), QString(),
                                    QStringLiteral("Passages coded %1.%2.%3.").arg(t + 1).arg(s + 1).arg(c + 1)));
        }
    }
    return leaves;
}

/// QuotesPerDocument sentences spread evenly over the text, as code-point
/// ranges. A sentence starts after ". ", "? ", "! " or a speaker's ": " and
/// runs to its end mark, so the spans are real sentences of the transcript.
Ranges pickSentences(const Quire::Document &d, const QString &text)
{
    static const QRegularExpression sentence(QStringLiteral("(?<=[.?!:] )[^.?!\\n]+[.?!]"));
    std::vector<std::pair<qsizetype, qsizetype>> all; // UTF-16
    for (auto it = sentence.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        all.emplace_back(m.capturedStart(), m.capturedEnd());
    }
    if (all.size() < std::size_t(QuotesPerDocument))
        die(QStringLiteral("%1: only %2 sentences, the benchmark quotes %3 per transcript; was the corpus written by "
                           "gen_corpus.py?")
                .arg(d.name)
                .arg(all.size())
                .arg(QuotesPerDocument));
    const Quire::TextOffsets offsets(text, d.name);
    Ranges picked;
    for (std::size_t i = 0; i < std::size_t(QuotesPerDocument); ++i) {
        const auto &[start, end] = all[i * all.size() / std::size_t(QuotesPerDocument)];
        picked.emplace_back(offsets.fromUtf16(start), offsets.fromUtf16(end));
    }
    return picked;
}

struct Built
{
    QString path;
    qint64 textBytes = 0;
};

/// Imports the first 100 transcripts, adds the tree, the attributes and the
/// 10,000 segments, and closes the project.
const Built &builtProject()
{
    static const Built built = [] {
        Built b;
        const QDir dir(g_corpusDir);
        const QFileInfoList infos = dir.entryInfoList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
        if (infos.size() < Documents)
            die(QStringLiteral("%1 holds %2 .txt files; the export benchmark needs %3 (gen_corpus.py DIR 100)")
                    .arg(g_corpusDir)
                    .arg(infos.size())
                    .arg(Documents));
        std::vector<Quire::ImportedFile> files;
        for (int i = 0; i < Documents; ++i)
            files.push_back(Quire::readImportFile(plugins(), infos[i].absoluteFilePath()));

        b.path = freshPath(QStringLiteral("export-project"));
        auto project = Quire::Project::create(b.path);
        const std::vector<Id> docs = project->importDocuments(files);
        if (docs.size() != std::size_t(Documents))
            die(QStringLiteral("imported %1 documents, expected %2").arg(docs.size()).arg(Documents));

        std::size_t added = 0;
        project->batch(QStringLiteral("bench"), QStringLiteral("Prepare the export benchmark"), [&] {
            const std::vector<Id> leaves = addCodeTree(*project);
            for (std::size_t d = 0; d < docs.size(); ++d) {
                const Quire::Document doc = project->document(docs[d]);
                // Two groups for --by, and fields for the citation template.
                project->setAttribute(Quire::AttributeScope::Document, doc.id, ByAttribute,
                                      d % 2 ? QStringLiteral("professional") : QStringLiteral("carer"));
                project->setAttribute(Quire::AttributeScope::Document, doc.id, QStringLiteral("source"),
                                      QStringLiteral("Int."));
                project->setAttribute(Quire::AttributeScope::Document, doc.id, QStringLiteral("number"),
                                      QString::number(d + 1));
                const QString text = project->documentText(doc.id);
                b.textBytes += text.toUtf8().size();
                const Ranges sentences = pickSentences(doc, text);
                // Quote q of document d goes to leaf (d * 100 + q) mod 200: every
                // leaf gets 50 quotes, from 50 different documents.
                std::map<Id, Ranges> byCode;
                for (std::size_t q = 0; q < sentences.size(); ++q)
                    byCode[leaves[(d * std::size_t(QuotesPerDocument) + q) % leaves.size()]].push_back(sentences[q]);
                for (const auto &[code, ranges] : byCode)
                    added += project->addSegments(doc.id, ranges, {code}).size();
            }
        });
        if (added != std::size_t(Quotes))
            die(QStringLiteral("added %1 segments, expected %2").arg(added).arg(Quotes));
        project.reset();
        return b;
    }();
    return built;
}

Quire::Project &openProject()
{
    static const std::unique_ptr<Quire::Project> project = Quire::Project::open(builtProject().path);
    return *project;
}

// ---- the benchmark -------------------------------------------------------------

qsizetype quoteCount(const Quire::ThemeReport &report)
{
    qsizetype n = 0;
    for (const auto &q : report.quotes)
        n += qsizetype(q.size());
    return n;
}

void BM_Export(benchmark::State &state, const QString &format, const QString &layout)
{
    Quire::Project &project = openProject(); // untimed
    Quire::ExporterInterface *exporter = plugins().exporter(format);
    const QString out = scratch().filePath(QStringLiteral("export-%1.%2").arg(layout, exporter->fileExtension()));
    double buildS = 0, writeS = 0, buildCpuS = 0, writeCpuS = 0;
    qint64 bytes = 0;
    qsizetype quotes = 0, rows = 0;
    for (auto _ : state) {
        QFile::remove(out);
        const auto t0 = Clock::now();
        const double c0 = threadCpuSeconds();
        Quire::ReportOptions options;
        if (layout == QLatin1String("theme-table"))
            options.byAttribute = ByAttribute;
        options.citationTemplate = CitationTemplate;
        Quire::ThemeReport report = Quire::buildThemeReport(project, options);
        report.layout = layout;
        Quire::checkLayout(report);
        buildS = secondsSince(t0);
        const double c1 = threadCpuSeconds();
        buildCpuS = c1 - c0;

        const auto t1 = Clock::now();
        QSaveFile file(out);
        if (!file.open(QIODevice::WriteOnly))
            die(QStringLiteral("%1: cannot write: %2").arg(out, file.errorString()));
        exporter->write(report, file);
        if (!file.commit())
            die(QStringLiteral("%1: cannot write: %2").arg(out, file.errorString()));
        writeS = secondsSince(t1);
        writeCpuS = threadCpuSeconds() - c1;
        state.SetIterationTime(buildS + writeS);

        quotes = quoteCount(report);
        rows = qsizetype(report.rows.size());
        bytes = QFileInfo(out).size();
        if (quotes != Quotes || rows != TreeCodes)
            die(QStringLiteral("the report has %1 quotes in %2 rows, expected %3 in %4")
                    .arg(quotes)
                    .arg(rows)
                    .arg(Quotes)
                    .arg(TreeCodes));
        if (bytes <= 0)
            die(QStringLiteral("%1 is empty").arg(out));
    }
    QFile::remove(out);
    state.counters["quotes"] = double(quotes);
    state.counters["codes"] = double(rows);
    state.counters["output_MB"] = double(bytes) / 1e6;
    state.counters["build_ms"] = buildS * 1e3;
    state.counters["write_ms"] = writeS * 1e3;
    state.counters["build_cpu_ms"] = buildCpuS * 1e3;
    state.counters["write_cpu_ms"] = writeCpuS * 1e3;
}

/// PDF exports lay out text with fonts, which needs a QGuiApplication; like
/// quire-cli, use the offscreen platform when no other is chosen.
void prepareGuiEnvironment()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray dir = QByteArray("/tmp/quire-runtime-") + QByteArray::number(getuid());
        ::mkdir(dir.constData(), 0700);
        qputenv("XDG_RUNTIME_DIR", dir);
    }
}

} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    prepareGuiEnvironment();
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("quire-bench-export"));

    g_corpusDir = QuireBench::corpusDirOrExplain(argv[0]);
    if (g_corpusDir.isEmpty())
        return 1;

    const auto t0 = Clock::now();
    try {
        openProject();
    } catch (const Quire::Error &e) {
        die(e.message());
    }
    std::fprintf(stderr, "project: %d documents (%.1f MB of text), %d codes, %d quotes; prepared in %.1f s\n",
                 Documents, double(builtProject().textBytes) / 1e6, TreeCodes, Quotes, secondsSince(t0));

    const QStringList formats{QStringLiteral("docx"), QStringLiteral("odt"), QStringLiteral("html"),
                              QStringLiteral("md"),   QStringLiteral("pdf"), QStringLiteral("csv"),
                              QStringLiteral("xlsx")};
    for (const QString &layout : {QStringLiteral("quotes"), QStringLiteral("theme-table")}) {
        for (const QString &format : formats) {
            const QString name = QStringLiteral("BM_Export/%1/%2").arg(format, layout);
            benchmark::RegisterBenchmark(name.toUtf8().constData(), [format, layout](benchmark::State &s) {
                try {
                    BM_Export(s, format, layout);
                } catch (const Quire::Error &e) {
                    die(e.message());
                }
            })->Apply(wholeWorkload);
        }
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
