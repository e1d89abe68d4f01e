// SPDX-License-Identifier: GPL-3.0-or-later
//
// quire-bench-import: import throughput per format on files generated from the
// reference corpus (/work/shared/bench/gen_corpus.py, see docs/benchmarks.md).
//
// From the first N corpus transcripts ($QUIRE_BENCH_IMPORT_FILES, default 100)
// it writes, once and outside any timing, into a temporary folder:
//   txt   the .txt files as they are
//   docx  the same texts as Word files, one paragraph per line (libzip)
//   pdf   the same texts as PDFs, DejaVu Sans 12 pt on A4, lines wrapped to the
//         text width and flowed over as many pages as needed (QPdfWriter);
//         $QUIRE_BENCH_IMPORT_PDFS limits how many of the texts become PDFs
//         (default: all; writing one takes about 0.03 s).
// Before measuring, every generated file is read once and its extracted text
// compared with the source text (whitespace runs collapsed), so a format that
// silently lost text cannot look fast.
//
//   BM_Read/<format>        readImportFile for every file of the format: file
//                           read, SHA-256, container/XML/PDF decoding, speaker
//                           detection; no project
//   BM_FullImport/<format>  the same reads plus one Project::importDocuments
//                           call, as `quire-cli import` does
//
// One iteration per repetition, three repetitions, manual time: only the
// measured part counts, so the "CPU" column (which covers bookkeeping) is to be
// ignored. Rates are computed here from the measured time, not by Google
// Benchmark (its rate counters divide by CPU time).

#include "error.h"
#include "formats/fileimport.h"
#include "formats/pluginmanager.h"
#include "model/project.h"

#include "pdf_builder.h"
#include "zip_builder.h"

#include "benchsupport.h"

#include <benchmark/benchmark.h>

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QMap>
#include <QPageSize>
#include <QPdfWriter>
#include <QTemporaryDir>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <memory>
#include <vector>

namespace {

using QuireBench::die;
using QuireBench::freshPath;
using QuireBench::removeProjectFile;
using QuireBench::scratch;
using QuireBench::wholeWorkload;

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The machine is shared; CPU time of the process over the measured part shows
// how much of the wall-clock time was spent waiting for a core.
double processCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double megabytes(qint64 bytes)
{
    return double(bytes) / 1e6;
}

int positiveEnv(const char *name, int fallback)
{
    const QString value = qEnvironmentVariable(name);
    if (value.isEmpty())
        return fallback;
    bool ok = false;
    const int n = value.toInt(&ok);
    if (!ok || n <= 0)
        die(QStringLiteral("%1 must be a positive number, not \"%2\"").arg(QString::fromLatin1(name), value));
    return n;
}

// ---- inputs -------------------------------------------------------------------

QString g_corpusDir;
int g_fileCount = 100;
int g_pdfCount = 100; ///< how many of the texts become PDFs (set in main)

/// The first g_fileCount corpus files (sorted by name) and their texts.
struct Sources
{
    QStringList paths;
    QStringList texts;
};

const Sources &sources()
{
    static const Sources s = [] {
        Sources out;
        const QFileInfoList infos = QDir(g_corpusDir).entryInfoList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
        for (const QFileInfo &fi : infos) {
            if (out.paths.size() == g_fileCount)
                break;
            QFile f(fi.absoluteFilePath());
            if (!f.open(QIODevice::ReadOnly))
                die(QStringLiteral("cannot read %1").arg(fi.absoluteFilePath()));
            out.paths << fi.absoluteFilePath();
            out.texts << QString::fromUtf8(f.readAll());
        }
        if (out.paths.isEmpty())
            die(QStringLiteral("%1 holds no .txt files; generate the corpus with gen_corpus.py").arg(g_corpusDir));
        if (out.paths.size() < g_fileCount)
            std::fprintf(stderr, "note: the corpus has only %lld files\n", static_cast<long long>(out.paths.size()));
        return out;
    }();
    return s;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        die(QStringLiteral("cannot write %1").arg(path));
}

QString formatDir(const QString &format)
{
    const QString dir = scratch().filePath(format);
    if (!QDir().mkpath(dir))
        die(QStringLiteral("cannot create %1").arg(dir));
    return dir;
}

QString targetPath(const QString &dir, const QString &sourcePath, const QString &extension)
{
    return QDir(dir).filePath(QFileInfo(sourcePath).completeBaseName() + QLatin1Char('.') + extension);
}

QStringList sourceLines(const QString &text)
{
    QString t = text;
    t.remove(QLatin1Char('\r'));
    return t.split(QLatin1Char('\n'));
}

// A Word paragraph per line; blank lines become empty paragraphs, so the
// document keeps the transcript's layout.
QByteArray docxFor(const QString &text)
{
    QString body;
    for (const QString &line : sourceLines(text)) {
        if (line.isEmpty())
            body += QStringLiteral("<w:p/>");
        else
            body +=
                QStringLiteral("<w:p><w:r><w:t xml:space=\"preserve\">%1</w:t></w:r></w:p>").arg(line.toHtmlEscaped());
    }
    return QuireTest::makeDocx(body);
}

// Page geometry of QuireTest::Pdf::makePdf (72 dpi, first baseline at 72 pt,
// 18 pt line pitch, text from x = 72 pt), with room to spare on A4's
// 595 x 842 pt for the writer's own margins.
constexpr double PdfTextWidth = 430;
constexpr int PdfLinesPerPage = 36;

QList<QuireTest::Pdf::PageSpec> pdfPagesFor(const QString &text, const QFontMetricsF &metrics)
{
    QStringList wrapped;
    for (const QString &line : sourceLines(text)) {
        if (line.isEmpty()) {
            wrapped << QString();
            continue;
        }
        QString current;
        for (const QString &word : line.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const QString candidate = current.isEmpty() ? word : current + QLatin1Char(' ') + word;
            if (!current.isEmpty() && metrics.horizontalAdvance(candidate) > PdfTextWidth) {
                wrapped << current;
                current = word;
            } else {
                current = candidate;
            }
        }
        wrapped << current;
    }
    QList<QuireTest::Pdf::PageSpec> pages;
    for (qsizetype i = 0; i < wrapped.size(); i += PdfLinesPerPage)
        pages.append(QuireTest::Pdf::PageSpec{wrapped.mid(i, PdfLinesPerPage)});
    return pages;
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

QString collapsed(const QString &text)
{
    return text.simplified();
}

/// Reads every generated file once and checks that the text came through.
void verify(const QString &format, const QStringList &files, const QStringList &texts)
{
    for (qsizetype i = 0; i < files.size(); ++i) {
        const Quire::ImportedFile read = Quire::readImportFile(plugins(), files[i]);
        if (read.documents.size() != 1)
            die(QStringLiteral("%1: %2 documents, expected 1").arg(files[i]).arg(read.documents.size()));
        const QString got = collapsed(read.documents.front().text);
        const QString want = collapsed(texts[i]);
        if (got != want) {
            qsizetype at = 0;
            while (at < got.size() && at < want.size() && got[at] == want[at])
                ++at;
            die(QStringLiteral("%1: the %2 importer's text differs from the source at character %3:\n"
                               "  got  \"%4\"\n  want \"%5\"")
                    .arg(files[i], format)
                    .arg(at)
                    .arg(got.mid(at, 60), want.mid(at, 60)));
        }
        if (read.documents.front().turns.empty())
            die(QStringLiteral("%1: no speaker turns found").arg(files[i]));
    }
}

/// Generated files of one format, made on first use.
const QStringList &filesOf(const QString &format)
{
    static QMap<QString, QStringList> made;
    auto it = made.find(format);
    if (it != made.end())
        return *it;

    const Sources &src = sources();
    const QString dir = formatDir(format);
    const auto t0 = Clock::now();
    QStringList files;
    QStringList texts;
    if (format == QLatin1String("txt")) {
        for (qsizetype i = 0; i < src.paths.size(); ++i) {
            const QString target = targetPath(dir, src.paths[i], format);
            if (!QFile::copy(src.paths[i], target))
                die(QStringLiteral("cannot copy %1 to %2").arg(src.paths[i], target));
            files << target;
            texts << src.texts[i];
        }
    } else if (format == QLatin1String("docx")) {
        for (qsizetype i = 0; i < src.paths.size(); ++i) {
            const QString target = targetPath(dir, src.paths[i], format);
            writeFile(target, docxFor(src.texts[i]));
            files << target;
            texts << src.texts[i];
        }
    } else if (format == QLatin1String("pdf")) {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSize(12);
        // Metrics at the resolution makePdf draws with (one unit per point).
        QBuffer sink;
        sink.open(QIODevice::WriteOnly);
        QPdfWriter probe(&sink);
        probe.setPageSize(QPageSize(QPageSize::A4));
        probe.setResolution(72);
        const QFontMetricsF metrics(font, &probe);
        const qsizetype n = qMin(src.paths.size(), qsizetype(g_pdfCount));
        for (qsizetype i = 0; i < n; ++i) {
            const QString target = targetPath(dir, src.paths[i], format);
            writeFile(target, QuireTest::Pdf::makePdf(pdfPagesFor(src.texts[i], metrics),
                                                      QFileInfo(src.paths[i]).completeBaseName()));
            files << target;
            texts << src.texts[i];
        }
    } else {
        die(QStringLiteral("unknown format %1").arg(format));
    }
    const double generateS = secondsSince(t0);
    const auto t1 = Clock::now();
    verify(format, files, texts);
    std::fprintf(stderr, "%s: generated %lld files in %.1f s, checked their text in %.1f s (%s)\n", qPrintable(format),
                 static_cast<long long>(files.size()), generateS, secondsSince(t1), qPrintable(dir));
    return *made.insert(format, files);
}

qint64 sizeOnDisk(const QStringList &files)
{
    qint64 total = 0;
    for (const QString &f : files)
        total += QFileInfo(f).size();
    return total;
}

struct Extracted
{
    qsizetype documents = 0;
    qint64 textBytes = 0; ///< UTF-8 bytes of the stored texts
    qsizetype turns = 0;
    qsizetype pages = 0;
};

Extracted measure(const std::vector<Quire::ImportedFile> &read)
{
    Extracted e;
    for (const Quire::ImportedFile &f : read) {
        for (const Quire::ImportedDocument &d : f.documents) {
            ++e.documents;
            e.textBytes += d.text.toUtf8().size();
            e.turns += qsizetype(d.turns.size());
            e.pages += qsizetype(d.pages.size());
        }
    }
    return e;
}

std::vector<Quire::ImportedFile> readAll(const QStringList &files)
{
    std::vector<Quire::ImportedFile> read;
    read.reserve(std::size_t(files.size()));
    for (const QString &f : files)
        read.push_back(Quire::readImportFile(plugins(), f));
    return read;
}

void setSizeCounters(benchmark::State &state, const QStringList &files, const Extracted &e, double seconds,
                     double cpuSeconds)
{
    const qint64 source = sizeOnDisk(files);
    state.counters["files"] = double(files.size());
    state.counters["source_MB"] = megabytes(source);
    state.counters["text_MB"] = megabytes(e.textBytes);
    state.counters["source_MBps"] = megabytes(source) / seconds;
    state.counters["text_MBps"] = megabytes(e.textBytes) / seconds;
    state.counters["docs_per_s"] = double(e.documents) / seconds;
    state.counters["cpu_ms"] = cpuSeconds * 1e3;
    state.counters["source_MBps_cpu"] = megabytes(source) / cpuSeconds;
    state.counters["turns"] = double(e.turns);
    state.counters["pages"] = double(e.pages);
}

// ---- benchmarks -----------------------------------------------------------------

void BM_Read(benchmark::State &state, const QString &format)
{
    const QStringList &files = filesOf(format); // untimed
    double seconds = 0, cpuSeconds = 0;
    Extracted extracted;
    for (auto _ : state) {
        const double cpu0 = processCpuSeconds();
        const auto t0 = Clock::now();
        const std::vector<Quire::ImportedFile> read = readAll(files);
        seconds = secondsSince(t0);
        cpuSeconds = processCpuSeconds() - cpu0;
        state.SetIterationTime(seconds);
        extracted = measure(read);
    }
    setSizeCounters(state, files, extracted, seconds, cpuSeconds);
}

QString freshProjectPath(const QString &format)
{
    static int counter = 0;
    return scratch().filePath(QStringLiteral("import-%1-%2.quire").arg(format).arg(++counter));
}

void BM_FullImport(benchmark::State &state, const QString &format)
{
    const QStringList &files = filesOf(format); // untimed
    double readS = 0, storeS = 0, closeS = 0, cpuSeconds = 0;
    qint64 projectSize = 0;
    Extracted extracted;
    for (auto _ : state) {
        const QString path = freshProjectPath(format);
        auto project = Quire::Project::create(path);

        const double cpu0 = processCpuSeconds();
        const auto t0 = Clock::now();
        const std::vector<Quire::ImportedFile> read = readAll(files);
        readS = secondsSince(t0);
        const auto t1 = Clock::now();
        const std::vector<Quire::Id> ids = project->importDocuments(read);
        storeS = secondsSince(t1);
        cpuSeconds = processCpuSeconds() - cpu0;
        state.SetIterationTime(readS + storeS);

        extracted = measure(read);
        if (ids.size() != std::size_t(extracted.documents))
            die(QStringLiteral("imported %1 documents, read %2").arg(ids.size()).arg(extracted.documents));
        const auto t2 = Clock::now();
        project.reset(); // final WAL checkpoint
        closeS = secondsSince(t2);
        projectSize = QFileInfo(path).size();
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
    }
    setSizeCounters(state, files, extracted, readS + storeS, cpuSeconds);
    state.counters["read_ms"] = readS * 1e3;
    state.counters["store_ms"] = storeS * 1e3;
    state.counters["close_ms"] = closeS * 1e3;
    state.counters["project_MB"] = megabytes(projectSize);
}

} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    // PDFs are drawn with QPainter, which needs fonts and so a QGuiApplication;
    // never a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    g_corpusDir =
        QuireBench::corpusDirOrExplain(argv[0], "Optional: QUIRE_BENCH_IMPORT_FILES (texts used, default 100),\n"
                                                "QUIRE_BENCH_IMPORT_PDFS (of which made into PDFs, default all).\n");
    if (g_corpusDir.isEmpty())
        return 1;
    g_fileCount = positiveEnv("QUIRE_BENCH_IMPORT_FILES", g_fileCount);
    g_pdfCount = positiveEnv("QUIRE_BENCH_IMPORT_PDFS", g_fileCount);
    std::fprintf(stderr, "corpus: %s, %lld texts (%d of them as PDFs at most)\n", qPrintable(g_corpusDir),
                 static_cast<long long>(sources().paths.size()), g_pdfCount);

    for (const QString &format : {QStringLiteral("txt"), QStringLiteral("docx"), QStringLiteral("pdf")}) {
        wholeWorkload(benchmark::RegisterBenchmark(("BM_Read/" + format.toStdString()).c_str(), BM_Read, format));
        wholeWorkload(
            benchmark::RegisterBenchmark(("BM_FullImport/" + format.toStdString()).c_str(), BM_FullImport, format));
    }

    try {
        benchmark::RunSpecifiedBenchmarks();
    } catch (const Quire::Error &e) {
        die(e.message());
    } catch (const std::exception &e) {
        die(QString::fromLocal8Bit(e.what()));
    }
    benchmark::Shutdown();
    return 0;
}
