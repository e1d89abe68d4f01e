// SPDX-License-Identifier: GPL-3.0-or-later
//
// quire-bench-analysis: inter-coder agreement and crosstabs on the reference
// corpus (/work/shared/bench/gen_corpus.py, see docs/benchmarks.md).
//
//   BM_Agreement/...   two coders, 50 segments per document each (50,000 each
//                      at N = 1000), over 10 codes: percent, kappa, alpha per
//                      sentence, u-alpha over character spans, the
//                      disagreement list with text, and (default) 1,000
//                      bootstrap replicates
//   BM_Crosstab/...    the 100,000 segments of both coders, codes x a
//                      document attribute with 4 values, in segments or cases
//
// Set-up (importing the corpus, coding it, setting the attribute) happens once,
// outside the measured part. Each benchmark runs one iteration per repetition;
// the "Time" column is the measured part only.

#include "analysis/agreement.h"
#include "analysis/crosstab.h"
#include "error.h"
#include "formats/fileimport.h"
#include "formats/pluginmanager.h"
#include "model/project.h"

#include "benchsupport.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <vector>

namespace {

using QuireBench::die;
using QuireBench::freshPath;
using QuireBench::wholeWorkload;

using Quire::Id;
using Clock = std::chrono::steady_clock;

constexpr int Codes = 10;
constexpr int SegmentsPerDocument = 50; // per coder

QString g_corpusDir;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// The coded project, made once: ann codes at random, ben repeats 70 % of
/// ann's segments with their ends moved by up to 30 code points and adds 30 %
/// of his own, so agreement is real but imperfect.
const QString &preparedProject()
{
    static const QString path = [] {
        const QString p = freshPath(QStringLiteral("analysis"));
        auto project = Quire::Project::create(p);
        Quire::PluginManager plugins;
        plugins.loadStatic();
        std::vector<Quire::ImportedFile> files;
        const QFileInfoList infos = QDir(g_corpusDir).entryInfoList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
        if (infos.isEmpty())
            die(QStringLiteral("%1 holds no .txt files; generate the corpus with gen_corpus.py").arg(g_corpusDir));
        for (const QFileInfo &fi : infos)
            files.push_back(Quire::readImportFile(plugins, fi.absoluteFilePath()));
        project->importDocuments(files);
        std::vector<Id> codes;
        for (int c = 0; c < Codes; ++c)
            codes.push_back(project->addCode(QStringLiteral("Bench/c%1").arg(c)));
        const std::vector<Quire::Document> docs = project->documents();
        static const QStringList groups{QStringLiteral("carer"), QStringLiteral("professional"),
                                        QStringLiteral("manager"), QStringLiteral("volunteer")};
        project->batch(QStringLiteral("bench"), QStringLiteral("attributes"), [&] {
            for (std::size_t i = 0; i < docs.size(); ++i)
                project->setAttribute(Quire::AttributeScope::Document, docs[i].id, QStringLiteral("group"),
                                      groups[qsizetype(i % 4)]);
        });
        std::mt19937_64 rng(42);
        using Ranges = std::vector<std::pair<qsizetype, qsizetype>>;
        // [document][code] → ranges, per coder.
        std::map<std::pair<Id, int>, Ranges> ann, ben;
        for (const auto &d : docs) {
            const qsizetype room = std::max<qsizetype>(1, d.length - 420);
            for (int k = 0; k < SegmentsPerDocument; ++k) {
                const int code = int(rng() % Codes);
                const qsizetype start = qsizetype(rng() % quint64(room));
                const qsizetype end = start + 50 + qsizetype(rng() % 350);
                ann[{d.id, code}].emplace_back(start, end);
                if (rng() % 10 < 7) {
                    const qsizetype s2 = std::max<qsizetype>(0, start + qsizetype(rng() % 61) - 30);
                    const qsizetype e2 =
                        std::min<qsizetype>(d.length, std::max(s2 + 1, end + qsizetype(rng() % 61) - 30));
                    ben[{d.id, code}].emplace_back(s2, e2);
                } else {
                    const qsizetype s2 = qsizetype(rng() % quint64(room));
                    ben[{d.id, int(rng() % Codes)}].emplace_back(s2, s2 + 50 + qsizetype(rng() % 350));
                }
            }
        }
        for (const auto &[coder, plan] :
             {std::make_pair(QStringLiteral("ann"), &ann), std::make_pair(QStringLiteral("ben"), &ben)}) {
            project->setCoder(coder);
            project->batch(QStringLiteral("bench"), QStringLiteral("code"), [&] {
                for (const auto &[key, ranges] : *plan)
                    project->addSegments(key.first, ranges, {codes[std::size_t(key.second)]});
            });
        }
        const qint64 segments = qint64(project->segments().size());
        if (segments != qint64(docs.size()) * SegmentsPerDocument * 2)
            die(QStringLiteral("expected %1 segments, found %2")
                    .arg(qint64(docs.size()) * SegmentsPerDocument * 2)
                    .arg(segments));
        std::fprintf(stderr, "prepared %s: %lld documents, %lld segments\n", qPrintable(p),
                     static_cast<long long>(docs.size()), static_cast<long long>(segments));
        return p;
    }();
    return path;
}

void BM_Agreement(benchmark::State &state, Quire::Analysis::AgreementUnit unit, int bootstrap)
{
    auto project = Quire::Project::open(preparedProject());
    Quire::Analysis::AgreementOptions o;
    o.unit = unit;
    o.bootstrap = bootstrap;
    Quire::Analysis::AgreementReport r;
    for (auto _ : state) {
        const auto start = Clock::now();
        r = Quire::Analysis::computeAgreement(*project, o);
        state.SetIterationTime(secondsSince(start));
    }
    if (r.coders.size() != 2 || r.codes.size() != std::size_t(Codes))
        die(QStringLiteral("agreement: expected 2 coders and %1 codes").arg(Codes));
    state.counters["documents"] = double(r.documents.size());
    state.counters["units"] = double(r.units);
    state.counters["disagreements"] = double(r.disagreements.size());
    state.counters["kappa"] = r.overall.kappa.value_or(-9);
    state.counters["alpha"] = r.overall.alpha.value_or(-9);
    state.counters["u_alpha"] = r.overall.unitizedAlpha.value_or(-9);
    if (r.overall.alphaInterval) {
        state.counters["alpha_lo"] = r.overall.alphaInterval->low;
        state.counters["alpha_hi"] = r.overall.alphaInterval->high;
    }
}

void BM_Crosstab(benchmark::State &state, Quire::Analysis::CountUnit unit)
{
    auto project = Quire::Project::open(preparedProject());
    Quire::Analysis::CrosstabOptions o;
    o.attribute = QStringLiteral("group");
    o.unit = unit;
    Quire::Analysis::Crosstab x;
    for (auto _ : state) {
        const auto start = Clock::now();
        x = Quire::Analysis::computeCrosstab(*project, o);
        state.SetIterationTime(secondsSince(start));
    }
    if (x.columns.size() != 4 || x.rows.size() != std::size_t(Codes + 1))
        die(QStringLiteral("crosstab: expected 4 columns and %1 rows").arg(Codes + 1));
    state.counters["rows"] = double(x.rows.size());
    state.counters["grand_total"] = double(x.grandTotal);
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
    using Quire::Analysis::AgreementUnit;
    using Quire::Analysis::CountUnit;
    wholeWorkload(benchmark::RegisterBenchmark("BM_Agreement/sentence/bootstrap1000", BM_Agreement,
                                               AgreementUnit::Sentence, 1000));
    wholeWorkload(
        benchmark::RegisterBenchmark("BM_Agreement/sentence/no_bootstrap", BM_Agreement, AgreementUnit::Sentence, 0));
    wholeWorkload(
        benchmark::RegisterBenchmark("BM_Agreement/turn/bootstrap1000", BM_Agreement, AgreementUnit::Turn, 1000));
    wholeWorkload(benchmark::RegisterBenchmark("BM_Crosstab/segments", BM_Crosstab, CountUnit::Segments));
    wholeWorkload(benchmark::RegisterBenchmark("BM_Crosstab/cases", BM_Crosstab, CountUnit::Cases));
    try {
        benchmark::RunSpecifiedBenchmarks();
    } catch (const Quire::Error &e) {
        die(e.message());
    }
    benchmark::Shutdown();
    return 0;
}
