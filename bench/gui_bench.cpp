// SPDX-License-Identifier: GPL-3.0-or-later
// The document view on a large transcript, offscreen: the time from asking
// for a document to its first painted screen, and the time to scroll one
// page and paint it. Targets (issue 6): open < 300 ms, repaint < 16 ms.
//
// The transcript is generated here (invented words, deterministic): about
// 1 MB of speaker turns with timestamps, a few emoji, and 5,000 coded
// segments (10 codes, some overlapping) stored through Project::addSegments.
#include "benchsupport.h"

#include "documentview.h"

#include "formats/fileimport.h"
#include "formats/pluginmanager.h"
#include "model/project.h"

#include <chrono>
#include <memory>
#include <QApplication>
#include <QScrollBar>
#include <QTextBlock>

namespace {

using Clock = std::chrono::steady_clock;

constexpr qsizetype TargetBytes = 1'000'000;
constexpr int Segments = 5000;
constexpr int Codes = 10;

struct Fixture
{
    std::unique_ptr<Quire::Project> project;
    Quire::Id document = 0;
    qsizetype bytes = 0;
};

QString transcript()
{
    // A small invented vocabulary; a linear congruential generator picks words.
    const QStringList words =
        QString::fromUtf8(
            "care carer home visit nurse morning evening help respite break money form phone call surgery "
            "waiting list listen heard time week day night tired worried family mother father son daughter "
            "support group meeting letter appointment hospital discharge plan review always never sometimes "
            "really just maybe because then again again and the a to of in on for with about when what")
            .split(QLatin1Char(' '));
    quint32 seed = 12345;
    auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    QString text;
    text.reserve(TargetBytes + 200);
    int turn = 0;
    while (text.size() < TargetBytes) {
        const int secs = turn * 7;
        text += QStringLiteral("[%1:%2:%3] P%4: ")
                    .arg(secs / 3600, 2, 10, QLatin1Char('0'))
                    .arg(secs / 60 % 60, 2, 10, QLatin1Char('0'))
                    .arg(secs % 60, 2, 10, QLatin1Char('0'))
                    .arg(turn % 6 + 1);
        const int n = 12 + int(next() % 40);
        for (int i = 0; i < n; ++i) {
            text += words[int(next() % quint32(words.size()))];
            text += (next() % 53 == 0) ? QStringLiteral(" 🙂 ") : QStringLiteral(" ");
        }
        text += QStringLiteral("\n");
        ++turn;
    }
    return text;
}

Fixture &fixture()
{
    static Fixture f = [] {
        Fixture fx;
        const QString file = QuireBench::scratch().filePath(QStringLiteral("large-transcript.txt"));
        const QString text = transcript();
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly))
            QuireBench::die(QStringLiteral("%1: cannot write").arg(file));
        const QByteArray utf8 = text.toUtf8();
        out.write(utf8);
        out.close();
        fx.bytes = utf8.size();
        const QString path = QuireBench::freshPath(QStringLiteral("gui"));
        fx.project = Quire::Project::create(path);
        Quire::PluginManager plugins;
        plugins.loadStatic();
        fx.document = fx.project->importDocuments({Quire::readImportFile(plugins, file)}).front();
        const qsizetype length = fx.project->document(fx.document).length;
        // Segments of 40..160 code points spread over the text; every tenth overlaps the previous one.
        const qsizetype step = length / Segments;
        for (int c = 0; c < Codes; ++c) {
            const Quire::Id code = fx.project->addCode(QStringLiteral("Theme %1/Code %2").arg(c % 3).arg(c));
            std::vector<std::pair<qsizetype, qsizetype>> ranges;
            for (int i = c; i < Segments; i += Codes) {
                const qsizetype start = qsizetype(i) * step + (i % 10 == 0 ? -step / 2 : 0);
                const qsizetype from = std::max<qsizetype>(0, start);
                ranges.emplace_back(from, std::min(length, from + 40 + (i * 37) % 120));
            }
            fx.project->addSegments(fx.document, ranges, {code});
        }
        if (fx.project->segments(fx.document).size() != size_t(Segments))
            QuireBench::die(QStringLiteral("expected %1 segments").arg(Segments));
        return fx;
    }();
    return f;
}

void paintNow(Quire::DocumentView &view)
{
    // repaint() paints synchronously, the text and the gutter.
    view.viewport()->repaint();
    for (QWidget *w : view.findChildren<QWidget *>())
        if (w->isVisible() && w->parentWidget() == &view && w != view.viewport())
            w->repaint();
}

void BM_OpenLargeDocument(benchmark::State &state)
{
    Fixture &f = fixture();
    for (auto _ : state) {
        Quire::DocumentView view;
        view.resize(1200, 900);
        view.show();
        QApplication::processEvents();
        const auto t0 = Clock::now();
        view.showDocument(f.project.get(), f.document);
        paintNow(view);
        const auto t1 = Clock::now();
        state.SetIterationTime(std::chrono::duration<double>(t1 - t0).count());
    }
    state.counters["bytes"] = double(f.bytes);
    state.counters["segments"] = Segments;
}
BENCHMARK(BM_OpenLargeDocument)->Iterations(1)->Repetitions(5)->Unit(benchmark::kMillisecond)->UseManualTime();

void BM_ScrollPageRepaint(benchmark::State &state)
{
    Fixture &f = fixture();
    Quire::DocumentView view;
    view.resize(1200, 900);
    view.show();
    view.showDocument(f.project.get(), f.document);
    paintNow(view);
    QScrollBar *bar = view.verticalScrollBar();
    // Start a third of the way in, so the pages are in the middle of the text.
    bar->setValue(bar->maximum() / 3);
    paintNow(view);
    for (auto _ : state) {
        // At the end, start again at the top (not timed), so every step scrolls a whole page.
        if (bar->value() + bar->pageStep() > bar->maximum()) {
            bar->setValue(0);
            paintNow(view);
        }
        const int before = view.cursorForPosition(QPoint(2, 2)).blockNumber();
        const auto t0 = Clock::now();
        bar->setValue(bar->value() + bar->pageStep());
        paintNow(view);
        const auto t1 = Clock::now();
        if (view.cursorForPosition(QPoint(2, 2)).blockNumber() <= before) {
            state.SkipWithError("the view did not scroll");
            break;
        }
        state.SetIterationTime(std::chrono::duration<double>(t1 - t0).count());
    }
    state.counters["blocks"] = view.document()->blockCount();
}
BENCHMARK(BM_ScrollPageRepaint)->Iterations(50)->Repetitions(5)->Unit(benchmark::kMillisecond)->UseManualTime();

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("quire-bench-gui"));
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
