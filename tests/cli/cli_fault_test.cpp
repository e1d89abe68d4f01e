// SPDX-License-Identifier: GPL-3.0-or-later
// Fault injection through quire-cli as a real process (docs/reliability.md):
// SIGKILL at random moments of every verb that writes, a full disk, two
// programs writing at once. After each, the project must open, pass
// `quire-cli verify`, and hold exactly the state before or after the verb.
#include <catch2/catch.hpp>

#include "testsupport.h"

#include "model/project.h"
#include "storage/backups.h"
#include "storage/projectfile.h"

#include <functional>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QThread>
#include <random>
#include <signal.h>
#include <unistd.h>

using namespace QuireTest;

namespace {

std::string s(const QString &t)
{
    return t.toStdString();
}

/// Text for imports: invented, several KB, different per seed.
QByteArray transcript(int seed, int lines)
{
    static const char *const words[] = {"the",  "carer",  "said",     "respite", "was",  "hard",  "to",    "find",
                                        "café", "nobody", "listened", "again",   "ward", "phone", "night", "tablets"};
    std::mt19937 rng(static_cast<unsigned>(seed));
    QByteArray out;
    for (int l = 0; l < lines; ++l) {
        out += l % 5 == 0 ? QByteArray("Facilitator: ") : "P" + QByteArray::number(l % 4 + 1) + ": ";
        for (int w = 0; w < 12; ++w)
            out += QByteArray(words[rng() % 16]) + ' ';
        out += '\n';
    }
    return out;
}

struct Run
{
    bool killed = false;
    int exitCode = -1;
    QByteArray err;
    qint64 ms = 0;
};

/// quire-cli with `args`; SIGKILL after killAfterMs (>= 0) unless it has ended.
Run runCli(const QStringList &args, int killAfterMs, const QProcessEnvironment &extra = {})
{
    QProcess proc;
    proc.setProgram(QStringLiteral(QUIRE_CLI_PATH));
    proc.setArguments(args);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QUIRE_CODER"), QStringLiteral("tester"));
    for (const QString &k : extra.keys())
        env.insert(k, extra.value(k));
    proc.setProcessEnvironment(env);
    proc.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    proc.start();
    REQUIRE(proc.waitForStarted(30000));
    if (killAfterMs >= 0) {
        const qint64 left = killAfterMs - timer.elapsed();
        if (!(left > 0 && proc.waitForFinished(int(left))) && proc.state() != QProcess::NotRunning)
            ::kill(static_cast<pid_t>(proc.processId()), SIGKILL);
    }
    if (proc.state() != QProcess::NotRunning)
        REQUIRE(proc.waitForFinished(120000));
    Run r;
    r.ms = timer.elapsed();
    r.killed = proc.exitStatus() == QProcess::CrashExit;
    r.exitCode = proc.exitCode();
    r.err = proc.readAllStandardError();
    return r;
}

void requireOk(const QStringList &args)
{
    const Run r = runCli(args, -1);
    INFO(s(args.join(QLatin1Char(' '))) << ": " << r.err.toStdString());
    REQUIRE(r.exitCode == 0);
}

/// A project with several documents, codes, segments and a history to undo.
QString makeStudy(const TempDir &dir, const QString &name)
{
    const QString path = dir.path(name);
    requireOk({QStringLiteral("new"), path});
    QStringList files;
    for (int i = 0; i < 6; ++i)
        files << dir.writeFile(QStringLiteral("in/fg%1.txt").arg(i), transcript(i, 300));
    requireOk(QStringList{QStringLiteral("import"), path} + files);
    requireOk({QStringLiteral("code"), QStringLiteral("add"), path, QStringLiteral("Being heard/Not listened to")});
    requireOk({QStringLiteral("code"), QStringLiteral("add"), path, QStringLiteral("Services/Respite")});
    requireOk({QStringLiteral("autocode"), path, QStringLiteral("respite"), QStringLiteral("--code"),
               QStringLiteral("Services/Respite")});
    requireOk({QStringLiteral("autocode"), path, QStringLiteral("listened"), QStringLiteral("--code"),
               QStringLiteral("Being heard/Not listened to")});
    requireOk({QStringLiteral("memo"), QStringLiteral("add"), path, QStringLiteral("First pass done"),
               QStringLiteral("--project")});
    return path;
}

} // namespace

TEST_CASE("SIGKILL at random moments of every writing verb: the project is as before or as after", "[cli][fault]")
{
    TempDir dir;
    const QString study = makeStudy(dir, QStringLiteral("study.quire"));
    QStringList more;
    for (int i = 0; i < 4; ++i)
        more << dir.writeFile(QStringLiteral("more/late%1.txt").arg(i), transcript(100 + i, 400));
    const QString other = makeStudy(dir, QStringLiteral("other.quire"));
    requireOk({QStringLiteral("code"), QStringLiteral("add"), other, QStringLiteral("Only in other")});

    // For redo: the same study with its last three commands undone.
    const QString undone = dir.path(QStringLiteral("undone.quire"));
    REQUIRE(QFile::copy(study, undone));
    requireOk({QStringLiteral("undo"), undone, QStringLiteral("--steps"), QStringLiteral("3")});
    // For restore: the study with a backup of an earlier state.
    const QString backedUp = dir.path(QStringLiteral("backedup.quire"));
    REQUIRE(QFile::copy(study, backedUp));
    requireOk({QStringLiteral("backup"), backedUp});
    requireOk({QStringLiteral("code"), QStringLiteral("add"), backedUp, QStringLiteral("After the backup")});
    // A REFI-QDA package of the other project, to import.
    const QString package = dir.path(QStringLiteral("other.qdpx"));
    requireOk({QStringLiteral("export"), other, QStringLiteral("--format"), QStringLiteral("qdpx"),
               QStringLiteral("--out"), package});
    const QString empty = dir.path(QStringLiteral("empty.quire"));
    requireOk({QStringLiteral("new"), empty});

    using MakeArgs = std::function<QStringList(const QString &project, const QString &target)>;
    struct Verb
    {
        Verb(const QString &n, MakeArgs a, bool target = false, const QString &f = QString())
            : name(n)
            , args(std::move(a))
            , makesTarget(target)
            , from(f)
        {}
        QString name;
        MakeArgs args;
        bool makesTarget = false; ///< writes a new file `target` (all or nothing)
        QString from;             ///< the project the verb runs on (default: the study)
    };
    const auto P = [](const char *t) { return QString::fromLatin1(t); };
    const std::vector<Verb> verbs{
        {P("import"),
         [&](const QString &p, const QString &) {
             return QStringList{P("import"), p} + more;
         }},
        {P("code rename"),
         [&](const QString &p, const QString &) {
             return QStringList{P("code"), P("rename"), p, P("Services/Respite"), P("Short breaks")};
         }},
        {P("code delete"),
         [&](const QString &p, const QString &) {
             return QStringList{P("code"), P("delete"), p, P("Being heard"), P("--force")};
         }},
        {P("autocode"),
         [&](const QString &p, const QString &) {
             return QStringList{P("autocode"), p, P("carer"), P("--code"), P("Being heard/Not listened to")};
         }},
        {P("undo"),
         [&](const QString &p, const QString &) {
             return QStringList{P("undo"), p};
         }},
        {P("document delete"),
         [&](const QString &p, const QString &) {
             return QStringList{P("document"), P("delete"), p, P("fg2.txt"), P("--force")};
         }},
        {P("compact"),
         [&](const QString &p, const QString &) {
             return QStringList{P("compact"), p};
         }},
        {P("merge"),
         [&](const QString &p, const QString &) {
             return QStringList{P("merge"), p, other};
         }},
        {P("copy-for-coder"),
         [&](const QString &p, const QString &t) {
             return QStringList{P("copy-for-coder"), p, t};
         },
         true},
        {P("save-copy"),
         [&](const QString &p, const QString &t) {
             return QStringList{P("save-copy"), p, t};
         },
         true},
        {P("new"),
         [&](const QString &, const QString &t) {
             return QStringList{P("new"), t};
         },
         true},
        {P("redo"),
         [&](const QString &p, const QString &) {
             return QStringList{P("redo"), p};
         },
         false, undone},
        {P("segment add"),
         [&](const QString &p, const QString &) {
             return QStringList{P("segment"),          P("add"),     p,         P("fg3.txt"), P("--code"),
                                P("Services/Respite"), P("--range"), P("10:60")};
         }},
        {P("memo add"),
         [&](const QString &p, const QString &) {
             return QStringList{P("memo"), P("add"), p, P("A second thought"), P("--code"), P("Services/Respite")};
         }},
        {P("import qdpx"),
         [&](const QString &p, const QString &) {
             return QStringList{P("import"), p, package};
         },
         false, empty},
        {P("backup restore"),
         [&](const QString &p, const QString &) {
             return QStringList{P("backup"), P("restore"), p, Quire::Backups::list(backedUp).front().path};
         },
         false, backedUp},
    };
    std::mt19937 rng(7);
    int killedInside = 0;
    for (const Verb &verb : verbs) {
        // Before and after, measured on copies.
        const QString source = verb.from.isEmpty() ? study : verb.from;
        const QString base = dir.path(QStringLiteral("base.quire"));
        Quire::ProjectFile::removeWithCompanions(base);
        QDir(base + QStringLiteral("-backups")).removeRecursively();
        REQUIRE(QFile::copy(source, base));
        const QString before = projectContent(base);
        const QString fullTarget = dir.path(QStringLiteral("full-target.quire"));
        QFile::remove(fullTarget);
        const Run full = runCli(verb.args(base, fullTarget), -1);
        INFO(s(verb.name) << " without a kill: " << full.err.toStdString());
        REQUIRE(full.exitCode == 0);
        const QString after = projectContent(base);
        const QString targetAfter = verb.makesTarget ? projectContent(fullTarget) : QString();

        for (int k = 0; k < 5; ++k) {
            const QString path = dir.path(
                QStringLiteral("k-%1-%2.quire").arg(verb.name).arg(k).replace(QLatin1Char(' '), QLatin1Char('-')));
            const QString target = path + QStringLiteral(".target.quire");
            REQUIRE(QFile::copy(source, path));
            // Spread over the verb's own run time, plus the very start.
            const int delay = k == 0 ? 1 : int(rng() % quint64(std::max<qint64>(2, full.ms * 11 / 10)));
            const Run r = runCli(verb.args(path, target), delay);
            INFO(s(verb.name) << " killed after " << delay << " ms of " << full.ms << ": " << r.err.toStdString());
            if (!r.killed)
                CHECK(r.exitCode == 0);
            else
                ++killedInside;
            const Run v = runCli({QStringLiteral("verify"), path}, -1);
            INFO("verify: " << v.err.toStdString());
            CHECK(v.exitCode == 0);
            const QString now = projectContent(path);
            CHECK((now == before || now == after));
            if (verb.makesTarget) {
                // The new file is whole or absent; never a partial one left visible.
                const QString t = projectContent(target);
                CHECK((t == QStringLiteral("missing") || t == targetAfter));
                if (t != QStringLiteral("missing"))
                    CHECK(runCli({QStringLiteral("verify"), target}, -1).exitCode == 0);
            }
        }
    }
    // Otherwise the test proves nothing.
    CHECK(killedInside >= 15);
    // No half-written file is left under a visible name; the hidden partial
    // files a kill leaves start with a dot and never open as projects.
    for (const QString &f : QDir(dir.path(QStringLiteral("."))).entryList({QStringLiteral("*.quire")}, QDir::Files)) {
        INFO(s(f));
        if (f.contains(QLatin1String(".target.")) || f.startsWith(QLatin1String("k-")))
            CHECK(runCli({QStringLiteral("verify"), dir.path(f)}, -1).exitCode == 0);
    }
}

TEST_CASE("A full disk: writing verbs name the full disk and leave the project as it was", "[cli][fault][full]")
{
    TempDir dir;
    const QString where = dir.path(QStringLiteral("disk"));
    TmpfsMount disk(where, QStringLiteral("size=3m"));
    if (!disk.mounted()) {
        WARN("skipped: needs root to mount a small tmpfs (CI runs as root)");
        return;
    }
    const QString path = makeStudy(dir, QStringLiteral("disk/study.quire"));
    const QString before = projectContent(path);
    // Fill the disk but for a little room.
    {
        QFile filler(where + QStringLiteral("/filler.bin"));
        REQUIRE(filler.open(QIODevice::WriteOnly));
        const QByteArray block(64 * 1024, 'x');
        while (filler.write(block) == block.size()) {
        }
    }
    QProcessEnvironment env;
    env.insert(QStringLiteral("QUIRE_BACKUP_INTERVAL"), QStringLiteral("0"));
    const QString big = dir.writeFile(QStringLiteral("big.txt"), transcript(9, 40000));
    const std::vector<QStringList> verbs{
        {QStringLiteral("import"), path, big},
        {QStringLiteral("export"), path, QStringLiteral("--format"), QStringLiteral("md"), QStringLiteral("--template"),
         QStringLiteral("quotes"), QStringLiteral("--out"), where + QStringLiteral("/quotes.md")},
        {QStringLiteral("copy-for-coder"), path, where + QStringLiteral("/coder2.quire")},
        {QStringLiteral("save-copy"), path, where + QStringLiteral("/copy.quire")},
        {QStringLiteral("new"), where + QStringLiteral("/fresh.quire")},
        {QStringLiteral("compact"), path},
        {QStringLiteral("backup"), path},
    };
    for (const QStringList &args : verbs) {
        const Run r = runCli(args, -1, env);
        INFO(s(args.join(QLatin1Char(' '))) << ": " << r.err.toStdString());
        // compact may fit (it only shrinks); everything else must fail, saying why.
        if (args.front() != QStringLiteral("compact") || r.exitCode != 0) {
            CHECK(r.exitCode == 1);
            CHECK(QString::fromUtf8(r.err).contains(QLatin1String("disk is full")));
            CHECK_FALSE(QString::fromUtf8(r.err).contains(QLatin1String("not a Quire project")));
        }
        CHECK(projectContent(path) == before);
    }
    // Nothing half-made is left: no partial copies, journals or exports.
    for (const QString &f : QDir(where).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot)) {
        INFO(s(f));
        CHECK((f == QStringLiteral("study.quire") || f == QStringLiteral("filler.bin")));
    }
    // Reading still works on the full disk.
    const Run list = runCli({QStringLiteral("list"), QStringLiteral("documents"), path}, -1);
    INFO(list.err.toStdString());
    CHECK(list.exitCode == 0);
    CHECK(runCli({QStringLiteral("verify"), path}, -1).exitCode == 0);
}

TEST_CASE("Two programs writing at once: the second waits, says so, and both changes are kept",
          "[cli][fault][concurrency]")
{
    TempDir dir;
    const QString path = makeStudy(dir, QStringLiteral("study.quire"));
    QStringList files;
    for (int i = 0; i < 40; ++i)
        files << dir.writeFile(QStringLiteral("bulk/b%1.txt").arg(i), transcript(500 + i, 2500));
    QProcess importer;
    importer.setProgram(QStringLiteral(QUIRE_CLI_PATH));
    importer.setArguments(QStringList{QStringLiteral("import"), path} + files);
    importer.setStandardOutputFile(QProcess::nullDevice());
    importer.start();
    REQUIRE(importer.waitForStarted(30000));
    // Wait until the import is inside its write transaction (its log grows).
    QElapsedTimer t;
    t.start();
    while (QFileInfo(path + QStringLiteral("-wal")).size() < 256 * 1024 && importer.state() != QProcess::NotRunning &&
           t.elapsed() < 60000)
        QThread::msleep(5);
    const bool overlapped = importer.state() != QProcess::NotRunning;
    const Run second =
        runCli({QStringLiteral("code"), QStringLiteral("add"), path, QStringLiteral("Added meanwhile")}, -1);
    REQUIRE(importer.waitForFinished(120000));
    INFO("importer: " << importer.readAllStandardError().toStdString() << " second: " << second.err.toStdString());
    REQUIRE(importer.exitCode() == 0);
    CHECK(second.exitCode == 0);
    if (overlapped && second.ms > 1500)
        CHECK(QString::fromUtf8(second.err).contains(QLatin1String("another program is writing")));
    auto p = Quire::Project::open(path);
    CHECK(p->documents().size() == 46);
    CHECK(p->tryResolveCode(QStringLiteral("Added meanwhile")).has_value());
    if (!overlapped)
        WARN("the import finished before the second writer started; the wait was not exercised");
}
