// SPDX-License-Identifier: GPL-3.0-or-later
// Working Together for Change: analysis and layout of a generated root-cause
// graph of 10,000 causes and 50,000 "is caused by" edges (acyclic), far
// beyond a real workshop (~25 causes), to show the analyses stay interactive.
// See docs/benchmarks.md for the figures and how to run it.
#include "benchsupport.h"

#include "model/project.h"
#include "model/projectaccess.h"
#include "storage/database.h"
#include "wtfc/analysis.h"
#include "wtfc/graphexport.h"
#include "wtfc/layout.h"
#include "wtfc/workshop.h"

#include <QCoreApplication>

#include <algorithm>
#include <random>
#include <set>

using namespace Quire;
using namespace Quire::Wtfc;

namespace {

struct Size
{
    int causes = 10000;
    int edges = 50000;
    int istatements = 200;
    int statements = 1000;
    int people = 250;
    int themes = 40;
};

/// A reproducible workshop: I statements (ids 1…I) each sum up 5 statements and
/// point at causes; every edge goes from a lower to a higher node index, so the
/// graph is acyclic; targets lie within 400 of the source, which gives long chains.
Snapshot generate(const Size &size, unsigned seed = 7)
{
    std::mt19937 rng(seed);
    Snapshot s;
    for (int i = 0; i < size.people; ++i)
        s.people.push_back({Id(i + 1), QStringLiteral("P%1").arg(i + 1)});
    for (int i = 0; i < size.themes; ++i)
        s.themes.push_back(
            {Id(i + 1), QStringLiteral("what is not working"), QStringLiteral("Theme %1").arg(i + 1), QString(), {}});
    for (int i = 0; i < size.statements; ++i) {
        PcrStatement st;
        st.id = i + 1;
        st.name = QStringLiteral("s%1").arg(i + 1);
        st.area = QStringLiteral("what is not working");
        st.people = {Id(rng() % unsigned(size.people)) + 1};
        st.themeId = Id(i % size.themes) + 1;
        s.themes[std::size_t(i % size.themes)].statements.push_back(st.id);
        s.statements.push_back(std::move(st));
    }
    const int nodes = size.istatements + size.causes;
    for (int i = 0; i < nodes; ++i) {
        Node n;
        n.id = i + 1;
        if (i < size.istatements) {
            n.kind = ItemKind::IStatement;
            n.themeId = Id(i % size.themes) + 1;
            for (int k = 0; k < 5; ++k)
                n.statements.push_back(Id((i * 5 + k) % size.statements) + 1);
            std::sort(n.statements.begin(), n.statements.end());
        } else {
            n.kind = ItemKind::Cause;
        }
        n.text = QStringLiteral("node %1").arg(i + 1);
        s.nodes.push_back(std::move(n));
    }
    std::set<std::pair<int, int>> edges;
    for (int i = 0; i < size.istatements; ++i)
        edges.insert({i, size.istatements + int(rng() % unsigned(std::min(400, size.causes)))});
    while (int(edges.size()) < size.edges) {
        const int a = int(rng() % unsigned(nodes - 1));
        const int lo = std::max(a + 1, size.istatements);
        if (lo >= nodes)
            continue;
        const int hi = std::min(nodes, lo + 400);
        edges.insert({a, lo + int(rng() % unsigned(hi - lo))});
    }
    for (const auto &[a, b] : edges)
        s.edges.push_back({Id(a + 1), Id(b + 1)});
    return s;
}

const Snapshot &big()
{
    static const Snapshot s = generate(Size());
    return s;
}

void BM_WtfcAnalyse(benchmark::State &state)
{
    const Snapshot &s = big();
    AnalysisOptions o;
    o.sets = state.range(0) != 0;
    Analysis a;
    for (auto _ : state) {
        a = analyse(s, o);
        benchmark::DoNotOptimize(a.causes.data());
    }
    state.counters["causes"] = double(a.causes.size());
    state.counters["edges"] = double(s.edges.size());
    state.counters["roots"] = double(a.rootCauses.size());
    state.counters["shared"] = double(a.sharedCauses.size());
    state.counters["cut_points"] = double(a.articulationPoints.size());
    state.counters["max_chain"] = double(a.maxChainLength);
    state.counters["top_people"] = double(a.causes.front().peopleCount);
}
BENCHMARK(BM_WtfcAnalyse)->ArgName("sets")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

/// The same graph stored in a project: what `quire-cli wtfc analyse` pays,
/// reading every table (Workshop::snapshot) and analysing.
void BM_WtfcProjectSnapshotAndAnalyse(benchmark::State &state)
{
    const Snapshot &s = big();
    const QString path = QuireBench::freshPath(QStringLiteral("wtfc"));
    auto project = Project::create(path);
    {
        // Set-up only: rows written straight into the tables in one command
        // (adding 50,000 edges one by one through addWhy checks each for a cycle).
        std::vector<ImportedDocument> docs;
        for (const PcrStatement &st : s.statements) {
            ImportedDocument d;
            d.name = st.name;
            d.kind = QStringLiteral("statement");
            d.text = QStringLiteral("statement %1").arg(st.id);
            d.caseName = s.personName(st.people.front());
            d.attributes = {{QStringLiteral("area"), st.area}};
            docs.push_back(std::move(d));
        }
        ImportedFile f;
        f.sourcePath = QStringLiteral("generated.csv");
        f.format = QStringLiteral("csv");
        f.sha256 = QStringLiteral("0");
        f.documents = std::move(docs);
        project->importDocuments({f});
        Database &db = Quire::ProjectAccess::database(*project);
        project->batch(QStringLiteral("bench"), QStringLiteral("generated graph"), [&] {
            Quire::Statement th(db, QStringLiteral("INSERT INTO wtfc_themes(id, area, name) VALUES (?1, ?2, ?3)"));
            for (const Theme &t : s.themes) {
                th.reset();
                th.bind(1, t.id).bind(2, t.area).bind(3, t.name).run();
            }
            Quire::Statement ts(
                db, QStringLiteral("INSERT INTO wtfc_theme_statements(document_id, theme_id) VALUES (?1, ?2)"));
            Quire::Statement n(
                db, QStringLiteral("INSERT INTO wtfc_nodes(id, kind, text, theme_id) VALUES (?1, ?2, ?3, ?4)"));
            Quire::Statement link(
                db, QStringLiteral(
                        "INSERT OR IGNORE INTO wtfc_istatement_statements(node_id, document_id) VALUES (?1, ?2)"));
            // Document ids follow the import order, as the statement ids do.
            for (const PcrStatement &st : s.statements) {
                ts.reset();
                ts.bind(1, st.id).bind(2, *st.themeId).run();
            }
            for (const Node &node : s.nodes) {
                n.reset();
                n.bind(1, node.id).bind(2, toString(node.kind)).bind(3, node.text).bind(4, node.themeId).run();
                for (Id d : node.statements) {
                    link.reset();
                    link.bind(1, node.id).bind(2, d).run();
                }
            }
            Quire::Statement e(db, QStringLiteral("INSERT INTO wtfc_edges(from_id, to_id) VALUES (?1, ?2)"));
            for (const Edge &edge : s.edges) {
                e.reset();
                e.bind(1, edge.from).bind(2, edge.to).run();
            }
        });
    }
    Workshop w(*project);
    Analysis a;
    for (auto _ : state) {
        const Snapshot snap = w.snapshot();
        a = analyse(snap);
        benchmark::DoNotOptimize(a.causes.data());
    }
    state.counters["causes"] = double(a.causes.size());
    state.counters["max_chain"] = double(a.maxChainLength);
    project.reset();
    QuireBench::removeProjectFile(path);
}
BENCHMARK(BM_WtfcProjectSnapshotAndAnalyse)->Unit(benchmark::kMillisecond);

/// Adding one "why" to the big stored graph: the cycle check walks the graph in SQL.
void BM_WtfcAddWhyWithCycleCheck(benchmark::State &state)
{
    const Size size{2000, 10000, 100, 500, 100, 20};
    const Snapshot s = generate(size);
    const QString path = QuireBench::freshPath(QStringLiteral("wtfc-why"));
    auto project = Project::create(path);
    Database &db = Quire::ProjectAccess::database(*project);
    project->batch(QStringLiteral("bench"), QStringLiteral("generated graph"), [&] {
        db.exec(QStringLiteral("INSERT INTO wtfc_themes(id, area, name) VALUES (1, 'what is not working', 'T')"));
        Quire::Statement n(db,
                           QStringLiteral("INSERT INTO wtfc_nodes(id, kind, text, theme_id) VALUES (?1, ?2, ?3, ?4)"));
        for (const Node &node : s.nodes) {
            n.reset();
            n.bind(1, node.id)
                .bind(2, toString(node.kind))
                .bind(3, node.text)
                .bind(4, node.themeId ? std::optional<qint64>(1) : std::nullopt)
                .run();
        }
        Quire::Statement e(db, QStringLiteral("INSERT INTO wtfc_edges(from_id, to_id) VALUES (?1, ?2)"));
        for (const Edge &edge : s.edges) {
            e.reset();
            e.bind(1, edge.from).bind(2, edge.to).run();
        }
    });
    Workshop w(*project);
    // An I statement (nothing is above it, so no cycle) under the first cause:
    // the check searches everything below that cause, most of the graph.
    const Id to = s.nodes[std::size_t(size.istatements)].id;
    Id from = 0;
    for (int i = 0; i < size.istatements && from == 0; ++i) {
        const Id candidate = s.nodes[std::size_t(i)].id;
        if (std::none_of(s.edges.begin(), s.edges.end(),
                         [&](const Edge &e) { return e.from == candidate && e.to == to; }))
            from = candidate;
    }
    for (auto _ : state) {
        w.addWhy(from, to);
        state.PauseTiming();
        project->undo();
        state.ResumeTiming();
    }
    state.counters["causes"] = size.causes;
    state.counters["edges"] = size.edges;
    project.reset();
    QuireBench::removeProjectFile(path);
}
BENCHMARK(BM_WtfcAddWhyWithCycleCheck)->Unit(benchmark::kMillisecond);

/// Graphviz "dot" layout + SVG rendering. Arg: number of causes (edges = 5×).
void BM_WtfcLayout(benchmark::State &state)
{
    if (!graphvizAvailable()) {
        state.SkipWithError("built without Graphviz");
        return;
    }
    Size size;
    size.causes = int(state.range(0));
    size.edges = size.causes * 5;
    size.istatements = std::min(200, std::max(5, size.causes / 5));
    const Snapshot s = generate(size);
    const QByteArray dot = graphToDot(s, analyse(s));
    QByteArray svg;
    for (auto _ : state) {
        svg = layoutSvg(dot);
        benchmark::DoNotOptimize(svg.data());
    }
    state.counters["causes"] = size.causes;
    state.counters["edges"] = double(s.edges.size());
    state.counters["svg_MB"] = double(svg.size()) / 1e6;
}
BENCHMARK(BM_WtfcLayout)
    ->ArgName("causes")
    ->Arg(25)
    ->Arg(200)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3);

/// Quire's own layered layout (wtfc/layout.h) of the full graph, which Graphviz
/// cannot lay out in reasonable time. Arg svg: 0 = layout only, 1 = layout + SVG.
void BM_Layout(benchmark::State &state)
{
    const Snapshot &s = big();
    const Analysis a = analyse(s, AnalysisOptions{false});
    const bool svg = state.range(0) != 0;
    GraphLayout g;
    QByteArray bytes;
    for (auto _ : state) {
        g = layeredLayout(s);
        if (svg)
            bytes = layoutToSvg(s, a, g);
        benchmark::DoNotOptimize(g.nodes.data());
        benchmark::DoNotOptimize(bytes.data());
    }
    state.counters["nodes"] = double(g.nodes.size());
    state.counters["edges"] = double(g.edges.size());
    state.counters["layers"] = g.layers;
    state.counters["crossings"] = double(g.adjacentCrossings);
    LayoutOptions unswept;
    unswept.sweeps = 0;
    state.counters["crossings_unswept"] = double(layeredLayout(s, unswept).adjacentCrossings);
    if (svg)
        state.counters["svg_MB"] = double(bytes.size()) / 1e6;
}
BENCHMARK(BM_Layout)
    ->ArgName("svg")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(3)
    ->ReportAggregatesOnly(false);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("quire-bench-wtfc"));
    // The layout of the full 10,000-cause graph takes many minutes (docs/benchmarks.md): only on request.
    if (qEnvironmentVariableIsSet("QUIRE_BENCH_WTFC_FULL_LAYOUT"))
        benchmark::RegisterBenchmark("BM_WtfcLayoutFull", BM_WtfcLayout)
            ->Arg(10000)
            ->Unit(benchmark::kSecond)
            ->Iterations(1);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
