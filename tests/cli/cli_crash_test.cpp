// SPDX-License-Identifier: GPL-3.0-or-later
// Killing quire-cli (SIGKILL) in the middle of a large import: the project
// must still open, pass SQLite's integrity check, and hold either the whole
// import or none of it - never a part.
#include <catch2/catch.hpp>

#include "testsupport.h"

#include "storage/database.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <signal.h>
#include <string>
#include <sys/types.h>
#include <vector>

using namespace QuireTest;

namespace {

constexpr int FileCount = 150;
constexpr qsizetype FileSize = 150 * 1024;

std::string s(const QString &text)
{
    return text.toStdString();
}

bool verbose()
{
    return qEnvironmentVariableIsSet("QUIRE_TEST_VERBOSE");
}

/// About FileSize bytes of transcript-like UTF-8 text with speaker labels and
/// some non-ASCII (accents, dashes, curly quotes, Han, emoji), different per file.
QByteArray makeTranscript(int n)
{
    static const char *const words[] = {
        "the",     "carer", "said",     "respite",   "was", "hard",      "to",      "find",
        "and",     "café",  "naïve",    "façade",    "–",   "“yes”",     "‘maybe’", "周丽",
        "Zhōu Lì", "🙂",  "hospital", "discharge", "£40", "paperwork", "nobody",  "listened",
        "again",   "Größe", "œuvre",    "São",       "Ærø", "déjà",      "vu",      "…",
    };
    constexpr quint32 wordCount = sizeof(words) / sizeof(words[0]);
    quint32 seed = 2166136261u ^ quint32(n) * 16777619u;
    QByteArray out;
    out.reserve(FileSize + 512);
    out += "Transcript " + QByteArray::number(n) + "\n\n";
    for (int line = 0; out.size() < FileSize; ++line) {
        out += line % 7 == 0 ? QByteArray("Facilitator: ") : "P" + QByteArray::number(line % 6 + 1) + ": ";
        for (int w = 0; w < 14; ++w) {
            seed = seed * 1664525u + 1013904223u;
            out += words[(seed >> 8) % wordCount];
            out += ' ';
        }
        out += "(" + QByteArray::number(n) + "/" + QByteArray::number(line) + ")\n";
    }
    return out;
}

struct ImportRun
{
    bool killedWhileRunning = false; ///< SIGKILL ended the process
    bool exitedNormally = false;
    int exitCode = -1;
    qint64 elapsedMs = 0;
    qint64 walBytesAfter = -1; ///< size of the -wal file right after the process ended
    QByteArray err;
};

/// Runs quire-cli with `args`; with killAfterMs >= 0 sends SIGKILL that many
/// milliseconds after the start, unless the process has already finished.
ImportRun runImport(const QString &project, const QStringList &args, int killAfterMs)
{
    QProcess proc;
    proc.setProgram(QStringLiteral(QUIRE_CLI_PATH));
    proc.setArguments(args);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QUIRE_CODER"), QStringLiteral("tester"));
    env.remove(QStringLiteral("QUIRE_PLUGIN_PATH"));
    proc.setProcessEnvironment(env);
    proc.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    proc.start();
    REQUIRE(proc.waitForStarted(30000));
    if (killAfterMs >= 0) {
        const qint64 left = killAfterMs - timer.elapsed();
        const bool finished = left > 0 && proc.waitForFinished(int(left));
        if (!finished && proc.state() != QProcess::NotRunning) {
            // It may still exit on its own between the check and the signal;
            // the exit status below tells which of the two happened.
            ::kill(static_cast<pid_t>(proc.processId()), SIGKILL);
        }
    }
    if (proc.state() != QProcess::NotRunning)
        REQUIRE(proc.waitForFinished(120000));
    ImportRun r;
    r.elapsedMs = timer.elapsed();
    r.exitedNormally = proc.exitStatus() == QProcess::NormalExit;
    r.killedWhileRunning = proc.exitStatus() == QProcess::CrashExit;
    r.exitCode = proc.exitCode();
    r.err = proc.readAllStandardError();
    const QFileInfo wal(project + QStringLiteral("-wal"));
    r.walBytesAfter = wal.exists() ? wal.size() : -1;
    return r;
}

struct ProjectState
{
    qint64 documents = -1;
    qint64 importCommands = -1;
    qint64 commands = -1;
    qint64 textLength = -1;
    std::string fingerprint;
};

/// Opens a (possibly crashed) project the way a user would, checks the file,
/// and returns what it holds.
ProjectState inspect(const QString &project)
{
    const CliResult list =
        runCli({QStringLiteral("list"), QStringLiteral("documents"), project, QStringLiteral("--json")});
    INFO("list stderr: " << list.err.toStdString());
    REQUIRE(list.exitCode == 0);
    REQUIRE(list.err.isEmpty());
    const QJsonDocument json = QJsonDocument::fromJson(list.out);
    REQUIRE(json.isArray());

    ProjectState st;
    st.documents = json.array().size();
    {
        Quire::Database db(project, Quire::Database::OpenMode::ReadWrite);
        Quire::Statement check(db, QStringLiteral("PRAGMA integrity_check"));
        REQUIRE(check.step());
        CHECK(s(check.columnText(0)) == "ok");
        CHECK_FALSE(check.step()); // "ok" is the only row
        Quire::Statement fk(db, QStringLiteral("PRAGMA foreign_key_check"));
        CHECK_FALSE(fk.step());
        CHECK(db.scalarInt(QStringLiteral("SELECT count(*) FROM documents")) == st.documents);
        st.importCommands = db.scalarInt(QStringLiteral("SELECT count(*) FROM commands WHERE kind = 'import'"));
        st.commands = db.scalarInt(QStringLiteral("SELECT count(*) FROM commands"));
        st.textLength = db.scalarInt(QStringLiteral("SELECT coalesce(sum(length(text)), 0) FROM document_text_view"));
    }
    st.fingerprint = s(projectFingerprint(project));
    return st;
}

} // namespace

TEST_CASE("SIGKILL during a large import leaves all of it or none of it", "[cli][crash]")
{
    TempDir dir;
    QStringList files;
    for (int i = 0; i < FileCount; ++i)
        files << dir.writeFile(QStringLiteral("in/interview-%1.txt").arg(i, 3, 10, QLatin1Char('0')),
                               makeTranscript(i));

    const auto importArgs = [&](const QString &project) {
        return QStringList{QStringLiteral("import"), project} + files;
    };
    const auto newProject = [&](const QString &name) {
        const QString path = dir.path(name);
        const CliResult r = runCli({QStringLiteral("new"), path});
        INFO("new stderr: " << r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        return path;
    };

    // What "none" and "all" look like.
    const ProjectState empty = inspect(newProject(QStringLiteral("empty.quire")));
    REQUIRE(empty.documents == 0);
    REQUIRE(empty.commands == 0);

    const QString fullPath = newProject(QStringLiteral("full.quire"));
    const ImportRun fullRun = runImport(fullPath, importArgs(fullPath), -1);
    INFO("full import stderr: " << fullRun.err.toStdString());
    REQUIRE(fullRun.exitedNormally);
    REQUIRE(fullRun.exitCode == 0);
    const ProjectState full = inspect(fullPath);
    REQUIRE(full.documents == FileCount);
    REQUIRE(full.importCommands == 1);
    REQUIRE(full.commands == 1);
    REQUIRE(full.textLength > 0);
    const qint64 fullMs = fullRun.elapsedMs;
    if (verbose())
        std::fprintf(stderr, "crash test: full import of %d files took %lld ms\n", FileCount,
                     static_cast<long long>(fullMs));

    // Kill times spread over the measured run (reading and decoding the files
    // comes first, then the one write transaction), plus a very early one.
    std::vector<int> delays{20};
    for (const double f : {0.05, 0.15, 0.3, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95})
        delays.push_back(std::max(1, int(double(fullMs) * f)));

    int killedRunning = 0, killedMidWrite = 0, landedAll = 0;
    QString emptyAfterKill;
    for (std::size_t i = 0; i < delays.size(); ++i) {
        const int delay = delays[i];
        const QString path = newProject(QStringLiteral("killed-%1.quire").arg(i));
        const ImportRun run = runImport(path, importArgs(path), delay);
        INFO("kill after " << delay << " ms (full import: " << fullMs << " ms); stderr: " << run.err.toStdString());
        if (run.killedWhileRunning)
            ++killedRunning;
        else
            CHECK(run.exitCode == 0); // finished before the signal: a complete, successful run

        const ProjectState st = inspect(path);
        if (verbose())
            std::fprintf(stderr, "crash test: kill at %4d ms: %s, wal %lld bytes, %lld documents\n", delay,
                         run.killedWhileRunning ? "killed while running" : "had already finished",
                         static_cast<long long>(run.walBytesAfter), static_cast<long long>(st.documents));
        CHECK((st.documents == 0 || st.documents == FileCount));
        if (st.documents == 0) {
            CHECK(run.killedWhileRunning);
            CHECK(st.importCommands == 0);
            CHECK(st.fingerprint == empty.fingerprint);
            if (run.walBytesAfter > 0)
                ++killedMidWrite;
            emptyAfterKill = path;
        } else {
            CHECK(st.importCommands == 1);
            CHECK(st.commands == 1);
            CHECK(st.textLength == full.textLength);
            CHECK(st.fingerprint == full.fingerprint);
            ++landedAll;
        }
    }
    if (verbose())
        std::fprintf(stderr,
                     "crash test: %d of %zu kills hit a running process (%d inside the write transaction), "
                     "%d runs left the full import\n",
                     killedRunning, delays.size(), killedMidWrite, landedAll);
    // Otherwise the test proves nothing.
    REQUIRE(killedRunning >= 1);

    // A project left empty by a kill takes the same import afterwards.
    REQUIRE_FALSE(emptyAfterKill.isEmpty());
    const ImportRun again = runImport(emptyAfterKill, importArgs(emptyAfterKill), -1);
    INFO("import after a kill, stderr: " << again.err.toStdString());
    REQUIRE(again.exitedNormally);
    REQUIRE(again.exitCode == 0);
    const ProjectState redone = inspect(emptyAfterKill);
    CHECK(redone.documents == FileCount);
    CHECK(redone.importCommands == 1);
    CHECK(redone.fingerprint == full.fingerprint);
}
