// SPDX-License-Identifier: GPL-3.0-or-later
//
// quire-bench-search: full-text search on the reference corpus
// (/work/shared/bench/gen_corpus.py, see docs/benchmarks.md).
//
//   BM_BuildIndex        import the corpus (the index is built by the import's
//                        triggers) and rebuild the whole index; index size
//   BM_Search/...        Search::run for a word, a phrase and a Boolean query
//                        with a code filter: every hit with its code-point
//                        offsets (positions), or with KWIC context (kwic; for
//                        all hits, or the first 50 as a screen shows them);
//                        with the session's Search, or a fresh one per query
//                        (positions_fresh, as quire-cli runs)
//   BM_RegexScan/...     the same three questions answered by a plain
//                        QRegularExpression scan over all texts: already held
//                        in memory (in_memory), or read from the project file
//                        first, as a search without an index must (from_project)
//
// Before timing, every search is checked against its scan: the hit counts
// must be equal, or the program stops.

#include "error.h"
#include "formats/fileimport.h"
#include "formats/pluginmanager.h"
#include "model/project.h"
#include "model/projectaccess.h"
#include "search/search.h"
#include "storage/database.h"
#include "text/textoffsets.h"

#include "benchsupport.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

namespace {

using QuireBench::die;
using QuireBench::freshPath;
using QuireBench::removeProjectFile;
using QuireBench::scratch;

using Quire::Id;
using Clock = std::chrono::steady_clock;
using Ranges = std::vector<std::pair<qsizetype, qsizetype>>;

constexpr int MarkerCodes = 10;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

QString g_corpusDir;

QStringList corpusFiles()
{
    static const QStringList files = [] {
        QStringList out;
        for (const QFileInfo &fi : QDir(g_corpusDir).entryInfoList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name))
            out << fi.absoluteFilePath();
        if (out.isEmpty())
            die(QStringLiteral("%1 holds no .txt files; generate the corpus with gen_corpus.py").arg(g_corpusDir));
        return out;
    }();
    return files;
}

std::vector<Quire::ImportedFile> readCorpus()
{
    static Quire::PluginManager plugins;
    static bool loaded = false;
    if (!loaded) {
        plugins.loadStatic();
        loaded = true;
    }
    std::vector<Quire::ImportedFile> read;
    for (const QString &f : corpusFiles())
        read.push_back(Quire::readImportFile(plugins, f));
    return read;
}

// ---- the questions ------------------------------------------------------------
//
// Each search has a regular expression that finds exactly the same hits in
// the stored texts; English stemming is spelt out in it (the corpus has
// "malingered" and "malingering", both stem "maling"), and a phrase ignores
// the punctuation between its words, as the index does.

const QString WordQuery = QStringLiteral("malingered");
const QString WordPattern = QStringLiteral("\\bmalinger(?:ed|ing)\\b");
const QString PhraseQuery = QStringLiteral("\"the things\"");
const QString PhrasePattern = QStringLiteral("\\bthe\\W+things\\b");
const QString BooleanQuery = QStringLiteral("(feel OR kind) AND NOT malingered code:\"Bench/qcmark3\"");
const QString BooleanWords = QStringLiteral("\\b(?:feel|kind)\\b");
const QString BooleanExcluded = QStringLiteral("\\bmalinger(?:ed|ing)\\b");
const QString Qcmark3Sentence = QStringLiteral("qcmark3[^.?\\n]*[.?]");

QRegularExpression caseless(const QString &pattern)
{
    QRegularExpression re(pattern,
                          QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    re.optimize();
    return re;
}

/// Every stored text in memory, as the regex scan's input.
struct Texts
{
    std::vector<QString> texts;
};

qsizetype countMatches(const QRegularExpression &re, const QString &text)
{
    qsizetype n = 0;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

qsizetype scanWord(const Texts &t, const QRegularExpression &re)
{
    qsizetype n = 0;
    for (const QString &s : t.texts)
        n += countMatches(re, s);
    return n;
}

qsizetype scanBoolean(const Texts &t)
{
    static const QRegularExpression words = caseless(BooleanWords);
    static const QRegularExpression excluded = caseless(BooleanExcluded);
    static const QRegularExpression sentence = [] {
        QRegularExpression re(Qcmark3Sentence);
        re.optimize();
        return re;
    }();
    qsizetype n = 0;
    for (const QString &s : t.texts) {
        if (excluded.match(s).hasMatch())
            continue;
        auto it = sentence.globalMatch(s);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            n += countMatches(words, m.captured(0));
        }
    }
    return n;
}

// ---- the prepared project -------------------------------------------------------

struct Prepared
{
    QString path;
    std::unique_ptr<Quire::Project> project;
    std::unique_ptr<Quire::Search> search;
    Texts texts;
    double importS = 0;
};

/// The corpus imported and its marker sentences coded (10 codes, N·100
/// segments in one batch, like quire-bench-store), opened once.
Prepared &prepared()
{
    static Prepared p = [] {
        Prepared out;
        out.path = freshPath(QStringLiteral("search"));
        auto project = Quire::Project::create(out.path);
        const auto read = readCorpus();
        const auto t0 = Clock::now();
        project->importDocuments(read);
        out.importS = secondsSince(t0);
        std::array<Id, MarkerCodes> codes{};
        for (int k = 0; k < MarkerCodes; ++k)
            codes[std::size_t(k)] = project->addCode(QStringLiteral("Bench/qcmark%1").arg(k));
        project->batch(QStringLiteral("autocode"), QStringLiteral("Code the benchmark markers"), [&] {
            for (const Quire::Document &d : project->documents()) {
                const QString text = project->documentText(d.id);
                const Quire::TextOffsets offsets(text);
                for (int k = 0; k < MarkerCodes; ++k) {
                    Ranges ranges;
                    auto it = QRegularExpression(QStringLiteral("qcmark%1[^.?\\n]*[.?]").arg(k)).globalMatch(text);
                    while (it.hasNext()) {
                        const auto m = it.next();
                        ranges.emplace_back(offsets.fromUtf16(m.capturedStart()), offsets.fromUtf16(m.capturedEnd()));
                    }
                    if (ranges.size() != 10)
                        die(QStringLiteral("%1: %2 sentences start with qcmark%3, expected 10")
                                .arg(d.name)
                                .arg(ranges.size())
                                .arg(k));
                    project->addSegments(d.id, ranges, {codes[std::size_t(k)]});
                }
            }
        });
        project.reset();
        out.project = Quire::Project::open(out.path);
        out.search = std::make_unique<Quire::Search>(*out.project);
        Quire::Statement st(Quire::ProjectAccess::database(*out.project),
                            QStringLiteral("SELECT text FROM document_text_view ORDER BY id"));
        while (st.step())
            out.texts.texts.push_back(st.columnText(0));
        return out;
    }();
    return p;
}

Quire::SearchOptions searchOptions(bool kwic)
{
    Quire::SearchOptions o;
    o.details = kwic;
    o.context = 40;
    return o;
}

/// The search and its scan must agree before anything is timed.
void verify(const QString &query, qsizetype scanned)
{
    const qsizetype found = qsizetype(prepared().search->run(query, searchOptions(false)).hits.size());
    if (found != scanned || found == 0)
        die(QStringLiteral("%1: the index finds %2 hits, the regular-expression scan %3")
                .arg(query)
                .arg(found)
                .arg(scanned));
}

// ---- benchmarks -------------------------------------------------------------------

void BM_BuildIndex(benchmark::State &state)
{
    const auto read = readCorpus(); // untimed
    double importS = 0, rebuildS = 0;
    Quire::Search::Size size;
    qint64 fileSize = 0;
    for (auto _ : state) {
        const QString path = freshPath(QStringLiteral("build"));
        auto project = Quire::Project::create(path);
        const auto t0 = Clock::now();
        project->importDocuments(read);
        importS = secondsSince(t0);
        Quire::Search search(*project);
        const auto t1 = Clock::now();
        search.rebuild();
        rebuildS = secondsSince(t1);
        state.SetIterationTime(rebuildS);
        size = search.size();
        project.reset();
        fileSize = QFileInfo(path).size();
        removeProjectFile(path);
    }
    state.counters["import_ms"] = importS * 1e3;
    state.counters["rebuild_ms"] = rebuildS * 1e3;
    state.counters["index_MB"] = double(size.indexBytes) / 1e6;
    state.counters["text_MB"] = double(size.textBytes) / 1e6;
    state.counters["index_per_text"] = double(size.indexBytes) / double(size.textBytes);
    state.counters["file_MB"] = double(fileSize) / 1e6;
}

/// `fresh`: a new Search for every query, as quire-cli makes one per run;
/// it has no word maps or names yet and reads those of the matching
/// documents from the project. Otherwise the one Search of the session (the
/// workbench's), as someone typing a query uses it.
void BM_Search(benchmark::State &state, const QString &query, bool kwic, qsizetype limit, bool fresh)
{
    Prepared &p = prepared();
    Quire::SearchOptions o = searchOptions(kwic);
    o.limit = limit;
    qsizetype hits = 0, sources = 0;
    for (auto _ : state) {
        std::unique_ptr<Quire::Search> own = fresh ? std::make_unique<Quire::Search>(*p.project) : nullptr;
        const Quire::SearchResult r = (fresh ? *own : *p.search).run(query, o);
        hits = qsizetype(r.hits.size());
        sources = r.sources;
        benchmark::DoNotOptimize(r.hits.data());
    }
    state.counters["hits"] = double(hits);
    state.counters["documents"] = double(sources);
}

/// The texts as a search without an index gets them: read from the project.
Texts readTexts(Quire::Project &project)
{
    Texts t;
    Quire::Statement st(Quire::ProjectAccess::database(project),
                        QStringLiteral("SELECT text FROM document_text_view ORDER BY id"));
    while (st.step())
        t.texts.push_back(st.columnText(0));
    return t;
}

void BM_RegexScan(benchmark::State &state, int which, bool fromProject)
{
    Prepared &p = prepared();
    static const QRegularExpression word = caseless(WordPattern);
    static const QRegularExpression phrase = caseless(PhrasePattern);
    qsizetype hits = 0;
    for (auto _ : state) {
        const Texts loaded = fromProject ? readTexts(*p.project) : Texts();
        const Texts &t = fromProject ? loaded : p.texts;
        hits = which == 0 ? scanWord(t, word) : which == 1 ? scanWord(t, phrase) : scanBoolean(t);
        benchmark::DoNotOptimize(hits);
    }
    state.counters["hits"] = double(hits);
}

void repeated(benchmark::internal::Benchmark *b)
{
    b->Repetitions(9)->ReportAggregatesOnly(true)->Unit(benchmark::kMillisecond);
}

} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    QCoreApplication app(argc, argv);
    g_corpusDir = QuireBench::corpusDirOrExplain(argv[0]);
    if (g_corpusDir.isEmpty())
        return 1;
    try {
        std::fprintf(stderr, "corpus: %s (%lld files); preparing the project …\n", qPrintable(g_corpusDir),
                     static_cast<long long>(corpusFiles().size()));
        Prepared &p = prepared();
        const qsizetype exact = scanWord(p.texts, caseless(QStringLiteral("\\bmalingered\\b")));
        verify(WordQuery, scanWord(p.texts, caseless(WordPattern)));
        verify(PhraseQuery, scanWord(p.texts, caseless(PhrasePattern)));
        verify(BooleanQuery, scanBoolean(p.texts));
        std::fprintf(
            stderr,
            "prepared in %s (import %.0f ms); \"malingered\" alone: %lld hits; searches agree with their scans\n",
            qPrintable(p.path), p.importS * 1e3, static_cast<long long>(exact));
    } catch (const Quire::Error &e) {
        die(e.message());
    }

    benchmark::RegisterBenchmark("BM_BuildIndex", BM_BuildIndex)
        ->Iterations(1)
        ->Repetitions(3)
        ->ReportAggregatesOnly(false)
        ->Unit(benchmark::kMillisecond)
        ->UseManualTime();
    repeated(benchmark::RegisterBenchmark("BM_Search/word/positions", BM_Search, WordQuery, false, 0, false));
    repeated(benchmark::RegisterBenchmark("BM_Search/phrase/positions", BM_Search, PhraseQuery, false, 0, false));
    repeated(
        benchmark::RegisterBenchmark("BM_Search/boolean_code/positions", BM_Search, BooleanQuery, false, 0, false));
    repeated(benchmark::RegisterBenchmark("BM_Search/word/positions_fresh", BM_Search, WordQuery, false, 0, true));
    repeated(benchmark::RegisterBenchmark("BM_Search/phrase/positions_fresh", BM_Search, PhraseQuery, false, 0, true));
    repeated(benchmark::RegisterBenchmark("BM_Search/boolean_code/positions_fresh", BM_Search, BooleanQuery, false, 0,
                                          true));
    repeated(benchmark::RegisterBenchmark("BM_Search/word/kwic", BM_Search, WordQuery, true, 0, false));
    repeated(benchmark::RegisterBenchmark("BM_Search/phrase/kwic", BM_Search, PhraseQuery, true, 0, false));
    repeated(benchmark::RegisterBenchmark("BM_Search/boolean_code/kwic", BM_Search, BooleanQuery, true, 0, false));
    repeated(benchmark::RegisterBenchmark("BM_Search/word/kwic_first50", BM_Search, WordQuery, true, 50, false));
    repeated(benchmark::RegisterBenchmark("BM_RegexScan/word/in_memory", BM_RegexScan, 0, false));
    repeated(benchmark::RegisterBenchmark("BM_RegexScan/phrase/in_memory", BM_RegexScan, 1, false));
    repeated(benchmark::RegisterBenchmark("BM_RegexScan/boolean_code/in_memory", BM_RegexScan, 2, false));
    repeated(benchmark::RegisterBenchmark("BM_RegexScan/word/from_project", BM_RegexScan, 0, true));
    repeated(benchmark::RegisterBenchmark("BM_RegexScan/phrase/from_project", BM_RegexScan, 1, true));
    repeated(benchmark::RegisterBenchmark("BM_RegexScan/boolean_code/from_project", BM_RegexScan, 2, true));
    try {
        benchmark::RunSpecifiedBenchmarks();
    } catch (const Quire::Error &e) {
        die(e.message());
    }
    benchmark::Shutdown();
    return 0;
}
