// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every benchmark program needs around the measured work: stopping with
// a message, and a scratch folder for project files.

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace QuireBench {

/// Prints "<program>: message" and exits with status 2.
[[noreturn]] inline void die(const QString &message)
{
    QString program = QCoreApplication::applicationName();
    if (program.isEmpty())
        program = QStringLiteral("quire-bench");
    std::fprintf(stderr, "%s: %s\n", qPrintable(program), qPrintable(message));
    std::fflush(stderr);
    std::exit(2);
}

/// All project files live in one temporary folder ($QUIRE_BENCH_TMP, else the
/// system temp folder), removed at exit.
inline QTemporaryDir &scratch()
{
    static const std::unique_ptr<QTemporaryDir> dir = [] {
        QString base = qEnvironmentVariable("QUIRE_BENCH_TMP");
        if (base.isEmpty())
            base = QDir::tempPath();
        auto d = std::make_unique<QTemporaryDir>(QDir(base).filePath(QStringLiteral("quire-bench-XXXXXX")));
        if (!d->isValid())
            die(QStringLiteral("cannot create a temporary folder in %1").arg(base));
        return d;
    }();
    return *dir;
}

/// A new project file name in the scratch folder.
inline QString freshPath(const QString &stem)
{
    static int counter = 0;
    return scratch().filePath(QStringLiteral("%1-%2.quire").arg(stem).arg(++counter));
}

/// Removes a project file with its WAL and shared-memory files.
inline void removeProjectFile(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

/// Whole-workload settings: one iteration per repetition, three repetitions
/// (the median is the figure), wall-clock time of the measured part only.
inline void wholeWorkload(benchmark::internal::Benchmark *b)
{
    b->Iterations(1)->Repetitions(3)->ReportAggregatesOnly(false)->Unit(benchmark::kMillisecond)->UseManualTime();
}

/// The reference corpus folder from $QUIRE_BENCH_CORPUS; when it is unset or
/// not a folder, explains how to make one (plus `extraHelp`) and returns "".
inline QString corpusDirOrExplain(const char *argv0, const char *extraHelp = "")
{
    const QString dir = qEnvironmentVariable("QUIRE_BENCH_CORPUS");
    if (!dir.isEmpty() && QFileInfo(dir).isDir())
        return dir;
    std::fprintf(stderr,
                 "%s: set QUIRE_BENCH_CORPUS to a folder of .txt files written by the\n"
                 "reference corpus generator, for example:\n"
                 "  python3 /work/shared/bench/gen_corpus.py /tmp/qbench1000 1000\n"
                 "  QUIRE_BENCH_CORPUS=/tmp/qbench1000 %s\n"
                 "%s(see docs/benchmarks.md)\n",
                 qPrintable(QFileInfo(QString::fromLocal8Bit(argv0)).fileName()), argv0, extraHelp);
    return QString();
}

} // namespace QuireBench
