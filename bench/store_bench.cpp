// SPDX-License-Identifier: GPL-3.0-or-later
//
// quire-bench-store: whole-workload timings of the project store on the
// reference corpus (/work/shared/bench/gen_corpus.py, see docs/benchmarks.md).
//
//   BM_ImportCorpus          read every .txt file through the plugin path and
//                            import them all in one command
//   BM_AddSegments/...       code the 100 planted marker sentences of every
//                            document (N*100 segments, 10 codes)
//   BM_ReopenCountPerCode    reopen the coded project and count per code
//   BM_ImportUndoRedo        import the corpus in one command, undo it, redo
//                            it: the three times side by side
//
// Each benchmark runs one iteration per repetition and reports only the
// measured part (manual time); set-up such as importing the corpus before the
// coding benchmark happens outside it. The "CPU" column therefore includes the
// set-up and should be ignored; the "Time" column is the figure.

#include "error.h"
#include "formats/fileimport.h"
#include "formats/pluginmanager.h"
#include "model/project.h"
#include "model/projectaccess.h"
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
#include <optional>
#include <utility>
#include <vector>

namespace {

using QuireBench::die;
using QuireBench::freshPath;
using QuireBench::removeProjectFile;
using QuireBench::scratch;
using QuireBench::wholeWorkload;

using Quire::Id;
using Clock = std::chrono::steady_clock;
using Ranges = std::vector<std::pair<qsizetype, qsizetype>>;

constexpr int MarkerCodes = 10;        // qcmark0 … qcmark9
constexpr int MarksPerCodePerDoc = 10; // gen_corpus.py plants 10 of each per document

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double megabytes(qint64 bytes)
{
    return double(bytes) / 1e6;
}

// ---- corpus ---------------------------------------------------------------

struct Corpus
{
    QString dir;
    QStringList files; ///< absolute paths, sorted
    qint64 bytes = 0;
};

QString g_corpusDir;

const Corpus &corpus()
{
    static const Corpus c = [] {
        Corpus out;
        out.dir = g_corpusDir;
        const QDir dir(g_corpusDir);
        const QFileInfoList infos = dir.entryInfoList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
        for (const QFileInfo &fi : infos) {
            out.files << fi.absoluteFilePath();
            out.bytes += fi.size();
        }
        if (out.files.isEmpty())
            die(QStringLiteral("%1 holds no .txt files; generate the corpus with gen_corpus.py").arg(g_corpusDir));
        return out;
    }();
    return c;
}

qsizetype expectedSegments()
{
    return qsizetype(corpus().files.size()) * MarkerCodes * MarksPerCodePerDoc;
}

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

/// Reads every corpus file the way `quire-cli import` does.
std::vector<Quire::ImportedFile> readCorpus()
{
    std::vector<Quire::ImportedFile> read;
    read.reserve(std::size_t(corpus().files.size()));
    for (const QString &f : corpus().files)
        read.push_back(Quire::readImportFile(plugins(), f));
    return read;
}

// ---- scratch files ----------------------------------------------------------

/// Size of a closed project. Closing the last connection checkpoints the WAL
/// into the main file and deletes it; a leftover WAL would make the figure wrong.
qint64 closedFileSize(const QString &path)
{
    if (QFileInfo::exists(path + QStringLiteral("-wal")))
        die(QStringLiteral("%1-wal is still there after closing the project").arg(path));
    return QFileInfo(path).size();
}

QString copyOf(const QString &templatePath, const QString &stem)
{
    const QString path = freshPath(stem);
    if (!QFile::copy(templatePath, path))
        die(QStringLiteral("cannot copy %1 to %2").arg(templatePath, path));
    return path;
}

/// A closed project holding the whole corpus (built once, outside any timing).
const QString &importedTemplate()
{
    static const QString path = [] {
        const QString p = freshPath(QStringLiteral("imported-template"));
        auto project = Quire::Project::create(p);
        project->importDocuments(readCorpus());
        project.reset();
        closedFileSize(p);
        return p;
    }();
    return path;
}

// ---- auto-coding ----------------------------------------------------------------

struct CodingPlan
{
    std::array<Id, MarkerCodes> codes{};
    std::vector<Id> documents;
    /// ranges[doc index][code index], in code points
    std::vector<std::array<Ranges, MarkerCodes>> ranges;
};

QString markerCodePath(int k)
{
    return QStringLiteral("Bench/qcmark%1").arg(k);
}

/// Creates the 10 codes (10 small commands).
void addMarkerCodes(Quire::Project &project, CodingPlan &plan)
{
    for (int k = 0; k < MarkerCodes; ++k)
        plan.codes[std::size_t(k)] = project.addCode(markerCodePath(k));
}

/// Finds the planted sentences with the regex of the corpus README and
/// converts the UTF-16 match positions to stored code-point positions.
void findMarkers(const Quire::Project &project, CodingPlan &plan)
{
    std::array<QRegularExpression, MarkerCodes> patterns;
    for (int k = 0; k < MarkerCodes; ++k) {
        patterns[std::size_t(k)].setPattern(QStringLiteral("qcmark%1[^.?\\n]*[.?]").arg(k));
        patterns[std::size_t(k)].optimize();
    }
    plan.documents.clear();
    plan.ranges.clear();
    for (const Quire::Document &d : project.documents()) {
        const QString text = project.documentText(d.id);
        const Quire::TextOffsets offsets(text, d.name);
        std::array<Ranges, MarkerCodes> perCode;
        for (int k = 0; k < MarkerCodes; ++k) {
            Ranges &r = perCode[std::size_t(k)];
            auto it = patterns[std::size_t(k)].globalMatch(text);
            while (it.hasNext()) {
                const QRegularExpressionMatch m = it.next();
                r.emplace_back(offsets.fromUtf16(m.capturedStart()), offsets.fromUtf16(m.capturedEnd()));
            }
            if (r.size() != std::size_t(MarksPerCodePerDoc))
                die(QStringLiteral("%1: found %2 sentences starting with qcmark%3, expected %4; "
                                   "was the corpus written by gen_corpus.py?")
                        .arg(d.name)
                        .arg(r.size())
                        .arg(k)
                        .arg(MarksPerCodePerDoc));
        }
        plan.documents.push_back(d.id);
        plan.ranges.push_back(std::move(perCode));
    }
}

/// Adds every planned segment: one addSegments call per document and code,
/// either all inside one Project::batch (one command, one undo step) or each
/// as its own command. Returns the number of segments added.
qsizetype addPlannedSegments(Quire::Project &project, const CodingPlan &plan, bool oneBatch)
{
    qsizetype added = 0;
    auto body = [&] {
        for (std::size_t i = 0; i < plan.documents.size(); ++i) {
            for (std::size_t k = 0; k < std::size_t(MarkerCodes); ++k)
                added += qsizetype(project.addSegments(plan.documents[i], plan.ranges[i][k], {plan.codes[k]}).size());
        }
    };
    if (oneBatch)
        project.batch(QStringLiteral("autocode"), QStringLiteral("Auto-code the benchmark markers"), body);
    else
        body();
    return added;
}

void checkSegmentTotal(Quire::Project &project, qsizetype added)
{
    const qsizetype expected = expectedSegments();
    if (added != expected)
        die(QStringLiteral("added %1 segments, expected %2").arg(added).arg(expected));
    const qint64 stored =
        Quire::ProjectAccess::database(project).scalarInt(QStringLiteral("SELECT count(*) FROM segments"));
    if (stored != expected)
        die(QStringLiteral("the project holds %1 segments, expected %2").arg(stored).arg(expected));
}

/// A closed project holding the corpus and all marker segments (one batch).
const QString &codedTemplate()
{
    static const QString path = [] {
        const QString p = copyOf(importedTemplate(), QStringLiteral("coded-template"));
        auto project = Quire::Project::open(p);
        CodingPlan plan;
        addMarkerCodes(*project, plan);
        findMarkers(*project, plan);
        checkSegmentTotal(*project, addPlannedSegments(*project, plan, true));
        project.reset();
        closedFileSize(p);
        return p;
    }();
    return path;
}

// ---- benchmarks ---------------------------------------------------------------

void BM_ImportCorpus(benchmark::State &state)
{
    const Corpus &c = corpus();
    plugins(); // load the static plugins once, untimed
    double readS = 0, storeS = 0, closeS = 0;
    qint64 fileSize = 0;
    for (auto _ : state) {
        const QString path = freshPath(QStringLiteral("import"));
        auto project = Quire::Project::create(path);

        const auto t0 = Clock::now();
        const std::vector<Quire::ImportedFile> read = readCorpus();
        readS = secondsSince(t0);
        const auto t1 = Clock::now();
        const std::vector<Id> ids = project->importDocuments(read);
        storeS = secondsSince(t1);
        state.SetIterationTime(readS + storeS);

        if (ids.size() != std::size_t(c.files.size()))
            die(QStringLiteral("imported %1 documents from %2 files").arg(ids.size()).arg(c.files.size()));
        const auto t2 = Clock::now();
        project.reset(); // final WAL checkpoint
        closeS = secondsSince(t2);
        fileSize = closedFileSize(path);
        removeProjectFile(path);
    }
    state.counters["documents"] = double(c.files.size());
    state.counters["corpus_MB"] = megabytes(c.bytes);
    state.counters["read_ms"] = readS * 1e3;
    state.counters["store_ms"] = storeS * 1e3;
    state.counters["close_ms"] = closeS * 1e3;
    state.counters["file_MB"] = megabytes(fileSize);
}

void BM_AddSegments(benchmark::State &state, bool oneBatch)
{
    double scanS = 0, addS = 0, closeS = 0;
    qint64 fileSize = 0;
    qsizetype added = 0;
    const QString templ = importedTemplate(); // untimed
    for (auto _ : state) {
        const QString path = copyOf(templ, QStringLiteral("segments"));
        auto project = Quire::Project::open(path);
        CodingPlan plan;
        addMarkerCodes(*project, plan);

        const auto t0 = Clock::now();
        findMarkers(*project, plan);
        scanS = secondsSince(t0);

        const auto t1 = Clock::now();
        added = addPlannedSegments(*project, plan, oneBatch);
        addS = secondsSince(t1);
        state.SetIterationTime(addS);

        checkSegmentTotal(*project, added);
        const auto t2 = Clock::now();
        project.reset();
        closeS = secondsSince(t2);
        fileSize = closedFileSize(path);
        removeProjectFile(path);
    }
    state.counters["segments"] = double(added);
    state.counters["commands"] = oneBatch ? 1.0 : double(corpus().files.size()) * MarkerCodes;
    state.counters["scan_ms"] = scanS * 1e3;
    state.counters["close_ms"] = closeS * 1e3;
    state.counters["file_MB"] = megabytes(fileSize);
}

void BM_ReopenCountPerCode(benchmark::State &state)
{
    const QString templ = codedTemplate(); // untimed
    const qsizetype perCode = qsizetype(corpus().files.size()) * MarksPerCodePerDoc;
    double openS = 0, countS = 0, groupS = 0;
    for (auto _ : state) {
        const QString path = copyOf(templ, QStringLiteral("reopen"));

        const auto t0 = Clock::now();
        auto project = Quire::Project::open(path);
        openS = secondsSince(t0);

        const auto t1 = Clock::now();
        std::array<qsizetype, MarkerCodes> counts{};
        std::array<Id, MarkerCodes> ids{};
        for (int k = 0; k < MarkerCodes; ++k) {
            ids[std::size_t(k)] = project->resolveCode(markerCodePath(k));
            counts[std::size_t(k)] = project->segmentCount(ids[std::size_t(k)]);
        }
        countS = secondsSince(t1);

        const auto t2 = Clock::now();
        std::vector<std::pair<Id, qint64>> grouped;
        {
            Quire::Statement st(
                Quire::ProjectAccess::database(*project),
                QStringLiteral("SELECT code_id, count(*) FROM segment_codes GROUP BY code_id ORDER BY code_id"));
            while (st.step())
                grouped.emplace_back(st.columnInt(0), st.columnInt(1));
        }
        groupS = secondsSince(t2);
        state.SetIterationTime(openS + countS + groupS);

        for (int k = 0; k < MarkerCodes; ++k) {
            if (counts[std::size_t(k)] != perCode)
                die(QStringLiteral("%1 has %2 segments, expected %3")
                        .arg(markerCodePath(k))
                        .arg(counts[std::size_t(k)])
                        .arg(perCode));
        }
        if (grouped.size() != std::size_t(MarkerCodes))
            die(QStringLiteral("GROUP BY found %1 coded codes, expected %2").arg(grouped.size()).arg(MarkerCodes));
        for (const auto &[code, n] : grouped) {
            if (n != perCode)
                die(QStringLiteral("GROUP BY: code %1 has %2 segments, expected %3").arg(code).arg(n).arg(perCode));
        }
        project.reset();
        removeProjectFile(path);
    }
    state.counters["segments"] = double(perCode * MarkerCodes);
    state.counters["open_ms"] = openS * 1e3;
    state.counters["count_ms"] = countS * 1e3;
    state.counters["groupby_ms"] = groupS * 1e3;
}

/// Row counts that an import makes and its undo must take back.
struct ImportCounts
{
    qint64 documents = 0, cases = 0, caseLinks = 0, turns = 0, indexed = 0;
    bool operator==(const ImportCounts &) const = default;
    QString text() const
    {
        return QStringLiteral("%1 documents, %2 cases, %3 case links, %4 turns, %5 indexed texts")
            .arg(documents)
            .arg(cases)
            .arg(caseLinks)
            .arg(turns)
            .arg(indexed);
    }
};

ImportCounts importCounts(Quire::Project &project)
{
    Quire::Database &db = Quire::ProjectAccess::database(project);
    ImportCounts c;
    c.documents = db.scalarInt(QStringLiteral("SELECT count(*) FROM documents"));
    c.cases = db.scalarInt(QStringLiteral("SELECT count(*) FROM cases"));
    c.caseLinks = db.scalarInt(QStringLiteral("SELECT count(*) FROM case_documents"));
    c.turns = db.scalarInt(QStringLiteral("SELECT count(*) FROM turns"));
    c.indexed = db.scalarInt(QStringLiteral("SELECT count(*) FROM search_tokens"));
    return c;
}

void BM_ImportUndoRedo(benchmark::State &state)
{
    const Corpus &c = corpus();
    plugins();
    double importS = 0, undoS = 0, redoS = 0;
    ImportCounts imported;
    for (auto _ : state) {
        const QString path = freshPath(QStringLiteral("undo"));
        auto project = Quire::Project::create(path);
        const std::vector<Quire::ImportedFile> read = readCorpus(); // untimed: undo and redo read no files

        const auto t0 = Clock::now();
        project->importDocuments(read);
        importS = secondsSince(t0);
        imported = importCounts(*project);
        if (imported.documents != c.files.size() || imported.indexed != imported.documents || imported.turns == 0 ||
            imported.cases == 0)
            die(QStringLiteral("after the import the project holds %1").arg(imported.text()));

        const auto t1 = Clock::now();
        project->undo();
        undoS = secondsSince(t1);
        if (importCounts(*project) != ImportCounts{})
            die(QStringLiteral("after undo the project still holds %1").arg(importCounts(*project).text()));

        const auto t2 = Clock::now();
        project->redo();
        redoS = secondsSince(t2);
        if (importCounts(*project) != imported)
            die(QStringLiteral("after redo the project holds %1, not %2")
                    .arg(importCounts(*project).text(), imported.text()));

        state.SetIterationTime(importS + undoS + redoS);
        project.reset();
        removeProjectFile(path);
    }
    state.counters["documents"] = double(imported.documents);
    state.counters["cases"] = double(imported.cases);
    state.counters["turns"] = double(imported.turns);
    state.counters["import_ms"] = importS * 1e3;
    state.counters["undo_ms"] = undoS * 1e3;
    state.counters["redo_ms"] = redoS * 1e3;
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
    std::fprintf(stderr, "corpus: %s (%lld files, %.1f MB)\n", qPrintable(g_corpusDir),
                 static_cast<long long>(corpus().files.size()), megabytes(corpus().bytes));

    wholeWorkload(benchmark::RegisterBenchmark("BM_ImportCorpus", BM_ImportCorpus));
    wholeWorkload(benchmark::RegisterBenchmark("BM_AddSegments/one_batch", BM_AddSegments, true));
    wholeWorkload(benchmark::RegisterBenchmark("BM_AddSegments/command_per_document_code", BM_AddSegments, false));
    wholeWorkload(benchmark::RegisterBenchmark("BM_ReopenCountPerCode", BM_ReopenCountPerCode));
    wholeWorkload(benchmark::RegisterBenchmark("BM_ImportUndoRedo", BM_ImportUndoRedo));

    try {
        benchmark::RunSpecifiedBenchmarks();
    } catch (const Quire::Error &e) {
        die(e.message());
    }
    benchmark::Shutdown();
    return 0;
}
