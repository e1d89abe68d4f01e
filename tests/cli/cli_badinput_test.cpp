// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input to quire-cli: every failure is exactly one line on stderr that
// starts "quire-cli: " and names the thing and the problem, nothing on stdout,
// a non-zero exit code, and the project exactly as it was.
#include <catch2/catch.hpp>

#include "testsupport.h"

#include "storage/database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <string>

using namespace QuireTest;

namespace {

QString q(const char *s)
{
    return QString::fromUtf8(s);
}
QString q(const QString &s)
{
    return s;
}

/// Builds an argument list from a mix of C strings and QStrings.
template <typename... T> QStringList A(const T &...parts)
{
    return QStringList{q(parts)...};
}

template <typename... T> CliResult cli(const T &...parts)
{
    return runCli(A(parts...));
}

std::string s(const QString &text)
{
    return text.toStdString();
}

void requireOk(const CliResult &r)
{
    INFO("stderr: " << r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    REQUIRE(r.err.isEmpty());
}

/// The shape every failure must have: one "quire-cli: ..." line on stderr that
/// contains every needle, nothing on stdout, and a non-zero exit code.
void checkFailure(const CliResult &r, const QStringList &needles, int exitCode = -1)
{
    INFO("stderr: " << r.err.toStdString());
    INFO("stdout: " << r.out.toStdString());
    if (exitCode < 0)
        CHECK(r.exitCode >= 1); // -1 would mean it crashed
    else
        CHECK(r.exitCode == exitCode);
    CHECK(r.out.isEmpty());
    CHECK(r.err.startsWith("quire-cli: "));
    CHECK(r.err.endsWith('\n'));
    CHECK(r.err.count('\n') == 1);
    for (const QString &needle : needles) {
        INFO("expected on stderr: " << s(needle));
        CHECK(r.errText().contains(needle));
    }
}

QString listJson(const QString &project, const char *what)
{
    const CliResult r = cli("list", what, project, "--json");
    INFO("list " << what << " stderr: " << r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    REQUIRE(QJsonDocument::fromJson(r.out).isArray());
    return r.outText();
}

qint64 jsonCount(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).array().size();
}

/// SHA-256 of a project file with the two header counters that SQLite bumps
/// on every commit (file change counter, bytes 24-27, and version-valid-for,
/// bytes 92-95) blanked: equal when no page content changed.
std::string contentHash(const QString &path)
{
    QByteArray bytes = readFile(path);
    REQUIRE(bytes.size() >= 100);
    for (const qsizetype at : {24, 92})
        bytes.replace(at, 4, QByteArray(4, '\0'));
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString();
}

/// Everything a failed command must leave alone.
struct State
{
    std::string hash;
    std::string contentHash;
    std::string fingerprint;
    std::string documents;
    std::string codes;
    std::string segments;
};

State state(const QString &project)
{
    State st;
    st.hash = s(fileHash(project)); // before anything else opens the file
    st.contentHash = contentHash(project);
    st.fingerprint = s(projectFingerprint(project));
    st.documents = s(listJson(project, "documents"));
    st.codes = s(listJson(project, "codes"));
    st.segments = s(listJson(project, "segments"));
    return st;
}

/// A failed command leaves the file byte for byte as it was, even when it
/// failed inside its transaction (the outermost level is a plain ROLLBACK).
void checkSame(const State &before, const State &after)
{
    CHECK(after.fingerprint == before.fingerprint);
    CHECK(after.documents == before.documents);
    CHECK(after.codes == before.codes);
    CHECK(after.segments == before.segments);
    CHECK(after.contentHash == before.contentHash);
    CHECK(after.hash == before.hash);
}

/// The fingerprint without the command log (for comparing after an undo).
std::string modelFingerprint(const QString &project)
{
    QStringList parts = projectFingerprint(project).split(QLatin1Char(' '));
    parts.removeIf([](const QString &p) {
        return p.startsWith(QStringLiteral("commands=")) || p.startsWith(QStringLiteral("undone="));
    });
    return s(parts.join(QLatin1Char(' ')));
}

/// A small project: two transcripts, a code tree Theme/Subtheme/Code plus
/// Other, and two segments (one coded only inside Theme, one also with Other).
struct Study
{
    TempDir dir;
    QString path = dir.path(QStringLiteral("study.quire"));

    Study()
    {
        requireOk(cli("new", path));
        requireOk(cli("import", path, corpusFile(QStringLiteral("fg1-carers.txt")),
                      corpusFile(QStringLiteral("fg2-professionals.txt"))));
        requireOk(cli("code", "add", path, "Theme/Subtheme/Code"));
        requireOk(cli("code", "add", path, "Other"));
        requireOk(cli("segment", "add", path, "fg1-carers.txt", "--code", "Theme/Subtheme/Code", "--range", "0:40"));
        requireOk(cli("segment", "add", path, "fg2-professionals.txt", "--code", "Theme/Subtheme", "--code", "Other",
                      "--range", "10:60"));
    }
};

} // namespace

// ---- import ---------------------------------------------------------------------

TEST_CASE("import of a missing file fails and changes nothing", "[cli][badinput]")
{
    Study p;
    const State before = state(p.path);
    const QString missing = p.dir.path(QStringLiteral("no-such-interview.txt"));
    checkFailure(cli("import", p.path, missing),
                 {QStringLiteral("no-such-interview.txt"), QStringLiteral("no such file")});
    checkSame(before, state(p.path));
}

TEST_CASE("import of a folder with nothing importable, or with a bad file, fails and changes nothing",
          "[cli][badinput]")
{
    Study p;
    // A folder is imported file by file; one with no importable files is an error.
    const QString folder = p.dir.path(QStringLiteral("recordings"));
    REQUIRE(QDir().mkpath(folder));
    p.dir.writeFile(QStringLiteral("recordings/a.mp3"), "ID3 not text\n");
    const State before = state(p.path);
    checkFailure(cli("import", p.path, folder),
                 {QStringLiteral("recordings"), QStringLiteral("no files Quire can import")});
    checkSame(before, state(p.path));
    // A folder whose files include a broken one imports none of them.
    const QString mixed = p.dir.path(QStringLiteral("transcripts"));
    REQUIRE(QDir().mkpath(mixed));
    p.dir.writeFile(QStringLiteral("transcripts/a.txt"), "inside the folder\n");
    p.dir.writeFile(QStringLiteral("transcripts/b.txt"), QByteArray());
    checkFailure(cli("import", p.path, mixed), {QStringLiteral("b.txt"), QStringLiteral("empty")});
    checkSame(before, state(p.path));
}

TEST_CASE("import of invalid UTF-8 declared as UTF-8 fails and changes nothing", "[cli][badinput]")
{
    Study p;
    const QString file = p.dir.writeFile(QStringLiteral("cafe.txt"), QByteArray("caf\xE9 au lait\n"));
    const State before = state(p.path);
    checkFailure(cli("import", p.path, file, "--encoding", "utf-8"),
                 {QStringLiteral("cafe.txt"), QStringLiteral("not valid UTF-8"), QStringLiteral("byte 3")});
    checkSame(before, state(p.path));
}

TEST_CASE("import of a 0-byte file fails and changes nothing", "[cli][badinput]")
{
    Study p;
    const QString file = p.dir.writeFile(QStringLiteral("empty.txt"), QByteArray());
    const State before = state(p.path);
    checkFailure(cli("import", p.path, file),
                 {QStringLiteral("empty.txt"), QStringLiteral("empty"), QStringLiteral("0 bytes")});
    checkSame(before, state(p.path));
}

TEST_CASE("import of a binary file with NUL bytes fails and changes nothing", "[cli][badinput]")
{
    Study p;
    QByteArray bytes("\x89PNG\r\n\x1A\n", 8);
    for (int i = 0; i < 512; ++i)
        bytes.append(char(i % 7 == 0 ? 0 : 'a' + i % 26));
    REQUIRE(bytes.contains('\0'));
    const QString file = p.dir.writeFile(QStringLiteral("picture.txt"), bytes);
    const State before = state(p.path);
    checkFailure(cli("import", p.path, file), {QStringLiteral("picture.txt"), QStringLiteral("binary")});
    checkSame(before, state(p.path));
}

TEST_CASE("import of a text file over 32 MB streams it in parts, a bad byte near its end imports nothing",
          "[cli][badinput][largetext]")
{
    Study p;
    // 36 MB of transcript lines: more than LargeTextFileSize, so quire-cli
    // reads it in parts of about 8 MB instead of in one piece.
    QByteArray line("P2: we waited on the ward for the carers to come back, nobody told us why.\n");
    QByteArray bytes = line.repeated(36 * 1024 * 1024 / line.size());
    SECTION("a good file becomes parts, with a warning")
    {
        const QString file = p.dir.writeFile(QStringLiteral("huge.txt"), bytes);
        const CliResult r = cli("import", p.path, file);
        REQUIRE(r.exitCode == 0);
        CHECK(r.outText().contains(
            QStringLiteral("warning: huge.txt: 36 MB is more than one document should hold; imported as 5 documents")));
        CHECK(r.outText().contains(QStringLiteral("Imported huge.txt (part 5 of 5)")));
        const CliResult list = cli("--json", "list", "documents", p.path);
        REQUIRE(list.exitCode == 0);
        int parts = 0;
        for (const auto &d : QJsonDocument::fromJson(list.out).array())
            parts += d.toObject().value(QStringLiteral("name")).toString().startsWith(QStringLiteral("huge.txt (part "))
                         ? 1
                         : 0;
        CHECK(parts == 5);
    }
    SECTION("a NUL byte in the last part: nothing of the file is kept")
    {
        bytes[bytes.size() - 5] = '\0';
        const QString file = p.dir.writeFile(QStringLiteral("huge.txt"), bytes);
        const State before = state(p.path);
        checkFailure(cli("import", p.path, file), {QStringLiteral("huge.txt (part 5 of 5)"), QStringLiteral("binary")});
        checkSame(before, state(p.path));
    }
}

TEST_CASE("import of several files where the last is bad imports none of them", "[cli][badinput]")
{
    Study p;
    const QString good1 = p.dir.writeFile(QStringLiteral("good-one.txt"), "A first good interview.\n");
    const QString good2 = corpusFile(QStringLiteral("nar1-carer-story.txt"));
    const QString good3 =
        p.dir.writeFile(QStringLiteral("good-three.txt"), "Caf\xC3\xA9 \xE2\x80\x93 a third good one.\n");
    const State before = state(p.path);

    SECTION("the last file is missing")
    {
        checkFailure(cli("import", p.path, good1, good2, good3, p.dir.path(QStringLiteral("gone.txt"))),
                     {QStringLiteral("gone.txt"), QStringLiteral("no such file")});
    }
    SECTION("the last file is binary")
    {
        const QString bin = p.dir.writeFile(QStringLiteral("last.txt"), QByteArray("text\0\0\0more\0", 12));
        checkFailure(cli("import", p.path, good1, good2, good3, bin),
                     {QStringLiteral("last.txt"), QStringLiteral("binary")});
    }
    SECTION("the last file is empty")
    {
        const QString empty = p.dir.writeFile(QStringLiteral("last-empty.txt"), QByteArray());
        checkFailure(cli("import", p.path, good1, good2, good3, empty),
                     {QStringLiteral("last-empty.txt"), QStringLiteral("empty")});
    }
    SECTION("the last file has the name of a document already in the project")
    {
        // Only detected inside the import transaction, after the good files were inserted.
        checkFailure(cli("import", p.path, good1, good2, good3, corpusFile(QStringLiteral("fg1-carers.txt"))),
                     {QStringLiteral("fg1-carers.txt"), QStringLiteral("already has a document")});
    }
    checkSame(before, state(p.path));
    CHECK(jsonCount(QString::fromStdString(before.documents)) == 2);
}

// ---- segments -------------------------------------------------------------------

TEST_CASE("segment add with a code that does not exist fails and changes nothing", "[cli][badinput]")
{
    Study p;
    const State before = state(p.path);
    SECTION("unknown top-level code")
    {
        checkFailure(cli("segment", "add", p.path, "fg1-carers.txt", "--code", "Nonexistent/Code", "--range", "0:10"),
                     {QStringLiteral("no code"), QStringLiteral("\"Nonexistent\"")});
    }
    SECTION("unknown code under an existing theme")
    {
        checkFailure(cli("segment", "add", p.path, "fg1-carers.txt", "--code", "Theme/Missing", "--range", "0:10"),
                     {QStringLiteral("no code"), QStringLiteral("\"Theme/Missing\"")});
    }
    SECTION("one good and one unknown code")
    {
        checkFailure(
            cli("segment", "add", p.path, "fg1-carers.txt", "--code", "Other", "--code", "Ghost", "--range", "100:120"),
            {QStringLiteral("no code"), QStringLiteral("\"Ghost\"")});
    }
    checkSame(before, state(p.path));
}

TEST_CASE("segment add with an impossible range fails and changes nothing", "[cli][badinput]")
{
    Study p;
    const State before = state(p.path);
    const auto add = [&](const char *range) {
        return cli("segment", "add", p.path, "fg1-carers.txt", "--code", "Other", "--range", range);
    };
    SECTION("past the end")
    {
        checkFailure(add("5:999999"),
                     {QStringLiteral("fg1-carers.txt"), QStringLiteral("5:999999"), QStringLiteral("past the end")});
    }
    SECTION("reversed")
    {
        checkFailure(add("50:10"),
                     {QStringLiteral("fg1-carers.txt"), QStringLiteral("50:10"), QStringLiteral("reversed")});
    }
    SECTION("empty")
    {
        checkFailure(add("20:20"),
                     {QStringLiteral("fg1-carers.txt"), QStringLiteral("20:20"), QStringLiteral("empty")});
    }
    SECTION("negative")
    {
        checkFailure(add("-5:10"),
                     {QStringLiteral("fg1-carers.txt"), QStringLiteral("-5:10"), QStringLiteral("negative")});
    }
    SECTION("malformed")
    {
        checkFailure(add("abc"), {QStringLiteral("\"abc\""), QStringLiteral("START:END")});
    }
    SECTION("resize of an existing segment to a range past the end")
    {
        checkFailure(cli("segment", "resize", p.path, "1", "--range", "0:999999"),
                     {QStringLiteral("fg1-carers.txt"), QStringLiteral("past the end")});
    }
    checkSame(before, state(p.path));
}

TEST_CASE("segment add with a quote that is not in the document fails and changes nothing", "[cli][badinput]")
{
    Study p;
    const State before = state(p.path);
    checkFailure(
        cli("segment", "add", p.path, "fg1-carers.txt", "--code", "Other", "--quote", "a zebra crossing on the moon"),
        {QStringLiteral("fg1-carers.txt"), QStringLiteral("a zebra crossing on the moon"),
         QStringLiteral("not in the document")});
    checkSame(before, state(p.path));
}

TEST_CASE("segment add with an ambiguous quote or a missing occurrence fails and changes nothing", "[cli][badinput]")
{
    Study p;
    const CliResult shown = cli("show", p.path, "fg1-carers.txt");
    requireOk(shown);
    const QString word = QStringLiteral("hospital");
    const qsizetype count = shown.outText().count(word);
    REQUIRE(count > 2);
    const State before = state(p.path);
    const auto add = [&](const QStringList &extra) {
        return runCli(A("segment", "add", p.path, "fg1-carers.txt", "--code", "Other", "--quote", word) + extra);
    };
    SECTION("no --occurrence")
    {
        checkFailure(add({}), {QStringLiteral("fg1-carers.txt"), QStringLiteral("occurs %1 times").arg(count),
                               QStringLiteral("--occurrence")});
    }
    SECTION("--occurrence beyond the count")
    {
        checkFailure(add(A("--occurrence", QString::number(count + 1))),
                     {QStringLiteral("fg1-carers.txt"), QStringLiteral("occurs %1 times").arg(count),
                      QStringLiteral("no occurrence %1").arg(count + 1)});
    }
    SECTION("--occurrence 0")
    {
        checkFailure(add(A("--occurrence", "0")), {QStringLiteral("--occurrence")});
    }
    SECTION("--occurrence that is not a number")
    {
        checkFailure(add(A("--occurrence", "second")), {QStringLiteral("--occurrence")});
    }
    checkSame(before, state(p.path));
}

// ---- the project file -------------------------------------------------------------

TEST_CASE("a file that is not a Quire project is refused and left alone", "[cli][badinput]")
{
    TempDir dir;
    const QString doc = corpusFile(QStringLiteral("nar1-carer-story.txt"));

    SECTION("a text file named x.quire")
    {
        const QString path = dir.writeFile(QStringLiteral("x.quire"), "These are my notes, not a project.\n");
        const QString hash = fileHash(path);
        checkFailure(cli("list", "documents", path),
                     {QStringLiteral("x.quire"), QStringLiteral("not a Quire project")});
        checkFailure(cli("import", path, doc), {QStringLiteral("x.quire"), QStringLiteral("not a Quire project")});
        checkFailure(cli("code", "add", path, "Theme"),
                     {QStringLiteral("x.quire"), QStringLiteral("not a Quire project")});
        CHECK(s(fileHash(path)) == s(hash));
        for (const char *suffix : {"-wal", "-shm", "-journal"})
            CHECK_FALSE(QFile::exists(path + q(suffix)));
    }
    SECTION("an empty file named x.quire")
    {
        const QString path = dir.writeFile(QStringLiteral("x.quire"), QByteArray());
        checkFailure(cli("list", "documents", path),
                     {QStringLiteral("x.quire"), QStringLiteral("not a Quire project")});
        CHECK(QFileInfo(path).size() == 0);
    }
    SECTION("an SQLite database of another program")
    {
        const QString path = dir.path(QStringLiteral("recipes.quire"));
        {
            Quire::Database db(path, Quire::Database::OpenMode::ReadWriteCreate);
            db.exec(QStringLiteral("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
                                   "INSERT INTO recipes(name) VALUES ('soup'), ('bread');"
                                   "PRAGMA user_version = 1;"));
        }
        const QString hash = fileHash(path);
        checkFailure(cli("list", "documents", path),
                     {QStringLiteral("recipes.quire"), QStringLiteral("not a Quire project"),
                      QStringLiteral("another program")});
        checkFailure(cli("import", path, doc),
                     {QStringLiteral("recipes.quire"), QStringLiteral("not a Quire project")});
        checkFailure(cli("undo", path), {QStringLiteral("recipes.quire"), QStringLiteral("not a Quire project")});
        CHECK(s(fileHash(path)) == s(hash));
        Quire::Database db(path, Quire::Database::OpenMode::ReadOnly);
        CHECK(db.scalarInt(QStringLiteral("SELECT count(*) FROM recipes")) == 2);
        CHECK(db.scalarInt(QStringLiteral("SELECT count(*) FROM sqlite_master")) == 1);
        // Identified before anything is written: not even switched to WAL.
        Quire::Statement mode(db, QStringLiteral("PRAGMA journal_mode"));
        REQUIRE(mode.step());
        CHECK(s(mode.columnText(0)) == "delete");
    }
}

TEST_CASE("a project from a newer schema version is refused and not changed", "[cli][badinput]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("future.quire"));
    requireOk(cli("new", path));
    {
        Quire::Database db(path, Quire::Database::OpenMode::ReadWrite);
        db.exec(QStringLiteral("PRAGMA user_version = 99"));
    }
    const QString hash = fileHash(path);
    const QStringList needles{QStringLiteral("future.quire"), QStringLiteral("newer version"), QStringLiteral("99")};
    checkFailure(cli("list", "documents", path), needles);
    checkFailure(cli("import", path, corpusFile(QStringLiteral("nar1-carer-story.txt"))), needles);
    checkFailure(cli("code", "add", path, "Theme"), needles);
    checkFailure(cli("undo", path), needles);
    CHECK(s(fileHash(path)) == s(hash));
    Quire::Database db(path, Quire::Database::OpenMode::ReadOnly);
    CHECK(db.scalarInt(QStringLiteral("PRAGMA user_version")) == 99);
    CHECK(db.scalarInt(QStringLiteral("SELECT count(*) FROM documents")) == 0);
    CHECK(db.scalarInt(QStringLiteral("SELECT count(*) FROM codes")) == 0);
    CHECK(db.scalarInt(QStringLiteral("SELECT count(*) FROM commands")) == 0);
    // No migration backup was made either.
    CHECK(QDir(dir.path(QStringLiteral("."))).entryList({QStringLiteral("*.bak")}, QDir::Files).isEmpty());
}

TEST_CASE("a missing project file is reported and not created", "[cli][badinput]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("nowhere.quire"));
    const QStringList needles{QStringLiteral("nowhere.quire"), QStringLiteral("no such file")};
    checkFailure(cli("list", "documents", path), needles);
    checkFailure(cli("import", path, corpusFile(QStringLiteral("nar1-carer-story.txt"))), needles);
    checkFailure(cli("code", "add", path, "Theme"), needles);
    checkFailure(cli("undo", path), needles);
    CHECK_FALSE(QFile::exists(path));
    CHECK(QDir(dir.path(QStringLiteral("."))).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
}

// ---- codes ----------------------------------------------------------------------

TEST_CASE("code delete of a code with segments needs --force, and undo restores it", "[cli][badinput]")
{
    Study p;
    const State before = state(p.path);
    const std::string modelBefore = modelFingerprint(p.path);
    REQUIRE(jsonCount(QString::fromStdString(before.segments)) == 2);

    checkFailure(cli("code", "delete", p.path, "Theme"),
                 {QStringLiteral("\"Theme\""), QStringLiteral("2 coded segments"), QStringLiteral("--force")});
    checkSame(before, state(p.path));
    checkFailure(
        cli("code", "delete", p.path, "Theme/Subtheme/Code"),
        {QStringLiteral("\"Theme/Subtheme/Code\""), QStringLiteral("1 coded segments"), QStringLiteral("--force")});
    checkSame(before, state(p.path));

    // With --force the subtree goes; the segment coded only inside it goes too,
    // the one also coded with Other stays with Other alone.
    requireOk(cli("code", "delete", p.path, "Theme", "--force"));
    const QJsonArray segs = QJsonDocument::fromJson(listJson(p.path, "segments").toUtf8()).array();
    REQUIRE(segs.size() == 1);
    CHECK(s(segs[0].toObject().value(QStringLiteral("document")).toString()) == "fg2-professionals.txt");
    CHECK(segs[0].toObject().value(QStringLiteral("codes")).toArray() == QJsonArray{QStringLiteral("Other")});
    CHECK(jsonCount(listJson(p.path, "codes")) == 1);

    const CliResult undo = cli("undo", p.path);
    requireOk(undo);
    CHECK(undo.outText().contains(QStringLiteral("Delete code Theme")));
    const State after = state(p.path);
    CHECK(after.documents == before.documents);
    CHECK(after.codes == before.codes);       // same ids, guids, order
    CHECK(after.segments == before.segments); // same ids, spans, codes, coder, times
    CHECK(modelFingerprint(p.path) == modelBefore);
}

TEST_CASE("code move that would create a cycle is refused", "[cli][badinput]")
{
    Study p;
    const State before = state(p.path);
    SECTION("a theme under its own subtheme")
    {
        checkFailure(cli("code", "move", p.path, "Theme", "--to", "Theme/Subtheme"),
                     {QStringLiteral("\"Theme\""), QStringLiteral("\"Theme/Subtheme\""), QStringLiteral("loop")});
    }
    SECTION("a theme under a code two levels down")
    {
        checkFailure(cli("code", "move", p.path, "Theme", "--to", "Theme/Subtheme/Code"),
                     {QStringLiteral("\"Theme/Subtheme/Code\""), QStringLiteral("loop")});
    }
    SECTION("a code under itself")
    {
        checkFailure(cli("code", "move", p.path, "Theme/Subtheme", "--to", "Theme/Subtheme"),
                     {QStringLiteral("Theme/Subtheme"), QStringLiteral("own parent")});
    }
    SECTION("a theme linked under its own subtheme")
    {
        checkFailure(cli("code", "link", p.path, "Theme", "--parent", "Theme/Subtheme"), {QStringLiteral("loop")});
    }
    checkSame(before, state(p.path));
}

TEST_CASE("adding a code that already exists is refused", "[cli][badinput]")
{
    Study p;
    const State before = state(p.path);
    SECTION("a nested code")
    {
        checkFailure(cli("code", "add", p.path, "Theme/Subtheme"),
                     {QStringLiteral("\"Theme/Subtheme\""), QStringLiteral("already exists")});
    }
    SECTION("a top-level code")
    {
        checkFailure(cli("code", "add", p.path, "Other"),
                     {QStringLiteral("\"Other\""), QStringLiteral("already exists")});
    }
    SECTION("the same path written with slashes around it")
    {
        checkFailure(cli("code", "add", p.path, "/Theme/Subtheme/Code/"),
                     {QStringLiteral("\"Theme/Subtheme/Code\""), QStringLiteral("already exists")});
    }
    checkSame(before, state(p.path));
}

// ---- the command line itself ----------------------------------------------------

TEST_CASE("an unknown verb or option is a usage error", "[cli][badinput]")
{
    Study p;
    const State before = state(p.path);
    SECTION("unknown verb")
    {
        checkFailure(cli("frobnicate", p.path), {QStringLiteral("unknown verb"), QStringLiteral("\"frobnicate\"")}, 2);
    }
    SECTION("unknown global option")
    {
        checkFailure(cli("--frobnicate", "list", "documents", p.path),
                     {QStringLiteral("unknown option"), QStringLiteral("--frobnicate")}, 2);
    }
    SECTION("unknown option of a verb")
    {
        checkFailure(cli("list", "documents", p.path, "--frobnicate"),
                     {QStringLiteral("list"), QStringLiteral("unknown option"), QStringLiteral("--frobnicate")});
    }
    SECTION("unknown option of a verb that changes the project")
    {
        checkFailure(cli("code", "add", p.path, "Fresh", "--colour", "#FF0000"),
                     {QStringLiteral("code add"), QStringLiteral("unknown option"), QStringLiteral("--colour")});
    }
    SECTION("unknown action of a verb")
    {
        checkFailure(cli("code", "explode", p.path, "Theme"), {QStringLiteral("\"explode\"")});
    }
    checkSame(before, state(p.path));
}

TEST_CASE("undo and redo on a fresh project have nothing to do", "[cli][badinput]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("fresh.quire"));
    requireOk(cli("new", path));
    const State before = state(path);
    checkFailure(cli("undo", path), {QStringLiteral("fresh.quire"), QStringLiteral("nothing to undo")});
    checkFailure(cli("redo", path), {QStringLiteral("fresh.quire"), QStringLiteral("nothing to redo")});
    checkFailure(cli("undo", path, "--steps", "3"), {QStringLiteral("nothing to undo")});
    checkSame(before, state(path));
}
