// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "error.h"
#include "formats/largetext.h"
#include "model/project.h"
#include "model/projectaccess.h"
#include "storage/database.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QStringList>

using namespace Quire;
using namespace QuireTest;

// readLargeTextFile() is what `quire-cli import` uses for text files over
// LargeTextFileSize (32 MB). The tests use the same code with small parts
// (a few kB) so that files of a few hundred kB exercise every cut.

namespace {

constexpr qint64 Part = 4096;

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
}

/// A focus-group-like text of about `lines` lines, every line ending in `eol`.
QByteArray transcript(int lines, const QByteArray &eol = "\n", const QByteArray &extra = QByteArray())
{
    QByteArray out;
    for (int i = 0; i < lines; ++i) {
        out += (i % 5 == 0 ? QByteArray("Facilitator: ") : QByteArray("P") + QByteArray::number(i % 4 + 1) + ": ");
        out += "line " + QByteArray::number(i) + " about the ward, the carers and waiting " + extra + eol;
    }
    return out;
}

QString readError(const QString &path, const ImportOptions &options = ImportOptions())
{
    try {
        readLargeTextFile(path, QStringLiteral("plaintext"), options, Part);
    } catch (const Error &e) {
        return e.message();
    }
    return QString();
}

} // namespace

TEST_CASE("Large text: a file is read in parts cut at line ends, and the parts hold exactly its text", "[largetext]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("big.txt"));
    const QByteArray bytes = transcript(2000);
    writeBytes(path, bytes);

    ImportedFile file = readLargeTextFile(path, QStringLiteral("plaintext"), ImportOptions(), Part);
    REQUIRE(file.parts);
    CHECK(file.documents.empty());
    CHECK(file.size == bytes.size());
    CHECK(file.sha256 == QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    const QStringList names = file.parts->names();
    REQUIRE(names.size() > 10);
    CHECK(names.front() == QStringLiteral("big.txt (part 1 of %1)").arg(names.size()));
    REQUIRE(file.parts->warnings.size() == 1);
    CHECK(file.parts->warnings.front().startsWith(QStringLiteral("big.txt: ")));

    QString joined;
    qsizetype turns = 0;
    for (int i = 0; i < names.size(); ++i) {
        const auto d = file.parts->next();
        REQUIRE(d);
        CHECK(d->name == names[i]);
        CHECK(d->encoding == QStringLiteral("UTF-8"));
        CHECK(d->text.endsWith(QLatin1Char('\n'))); // cut after a line end
        CHECK(d->text.toUtf8().size() <= 2 * Part);
        CHECK(d->meta.value(QStringLiteral("part")).toInt() == i + 1);
        CHECK(d->kind == QStringLiteral("transcript"));
        turns += qsizetype(d->turns.size());
        joined += d->text;
    }
    CHECK_FALSE(file.parts->next());
    CHECK(joined == QString::fromUtf8(bytes));
    CHECK(turns == 2000); // every speaker line is a turn, none lost at a cut
}

TEST_CASE("Large text: importing the parts is one command, undo and redo keep every text", "[largetext][undo]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("big.txt"));
    const QByteArray bytes = transcript(600, "\r\n");
    writeBytes(path, bytes);
    const QString projectPath = dir.path(QStringLiteral("p.quire"));
    auto project = Project::create(projectPath);

    const auto ids =
        project->importDocuments({readLargeTextFile(path, QStringLiteral("plaintext"), ImportOptions(), Part)});
    REQUIRE(ids.size() > 3);
    QString joined;
    for (Id id : ids)
        joined += project->documentText(id);
    CHECK(joined == QString::fromUtf8(bytes).replace(QStringLiteral("\r\n"), QStringLiteral("\n")));
    CHECK(project->history().size() == 1);
    // Texts are kept apart from the undo log: the import's changeset does
    // not carry them (decision 0008).
    Statement log(ProjectAccess::database(*project), QStringLiteral("SELECT changeset FROM commands"));
    REQUIRE(log.step());
    const QByteArray changeset = log.columnBlob(0);
    CHECK_FALSE(changeset.contains("line 599 about the ward"));
    CHECK(changeset.contains("big.txt (part 1 of")); // the document rows are there

    project->undo();
    CHECK(project->documents().empty());
    CHECK(ProjectAccess::database(*project).scalarInt(QStringLiteral("SELECT count(*) FROM search_tokens")) == 0);
    project->redo();
    REQUIRE(project->documents().size() == ids.size());
    QString again;
    for (Id id : ids)
        again += project->documentText(id);
    CHECK(again == joined);
}

TEST_CASE("Large text: a bad part stops the whole import and leaves the project as it was", "[largetext][badinput]")
{
    TempDir dir;
    const QString projectPath = dir.path(QStringLiteral("p.quire"));
    {
        auto project = Project::create(projectPath);
        project->addCode(QStringLiteral("Theme"));
    }
    const QString before = projectFingerprint(projectPath);

    SECTION("a NUL byte deep inside (binary data)")
    {
        QByteArray bytes = transcript(800);
        bytes.replace(bytes.size() - 300, 1, QByteArray(1, '\0'));
        const QString path = dir.path(QStringLiteral("mixed.txt"));
        writeBytes(path, bytes);
        auto project = Project::open(projectPath);
        try {
            project->importDocuments({readLargeTextFile(path, QStringLiteral("plaintext"), ImportOptions(), Part)});
            FAIL("the import should have failed");
        } catch (const Error &e) {
            CHECK(e.message().contains(QStringLiteral("mixed.txt (part ")));
        }
    }
    SECTION("the file changes while it is imported")
    {
        const QString path = dir.path(QStringLiteral("moving.txt"));
        writeBytes(path, transcript(800));
        ImportedFile file = readLargeTextFile(path, QStringLiteral("plaintext"), ImportOptions(), Part);
        QByteArray changed = transcript(800);
        changed[changed.size() - 10] = 'X';
        writeBytes(path, changed);
        auto project = Project::open(projectPath);
        try {
            project->importDocuments({file});
            FAIL("the import should have failed");
        } catch (const Error &e) {
            CHECK(e.message() == path + QStringLiteral(": changed while it was being imported; nothing was imported"));
        }
    }
    CHECK(projectFingerprint(projectPath) == before);
}

TEST_CASE("Large text: files that cannot be cut or decoded are refused up front", "[largetext][badinput]")
{
    TempDir dir;
    SECTION("UTF-16 with a byte-order mark")
    {
        const QString path = dir.path(QStringLiteral("wide.txt"));
        QByteArray bytes("\xFF\xFE");
        const QString text = QString::fromUtf8(transcript(200));
        bytes += QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        writeBytes(path, bytes);
        CHECK(readError(path).startsWith(path + QStringLiteral(": is ")));
        CHECK(readError(path).contains(QStringLiteral("convert it to UTF-8")));
    }
    SECTION("no line break at all")
    {
        const QString path = dir.path(QStringLiteral("oneline.txt"));
        writeBytes(path, QByteArray(5 * Part, 'a'));
        CHECK(readError(path).startsWith(path + QStringLiteral(": has no line break in ")));
    }
    SECTION("a Cyrillic single-byte file is not guessed")
    {
        const QString path = dir.path(QStringLiteral("cyr.txt"));
        QByteArray line(
            "\xcf\xf0\xe8\xe2\xe5\xf2, \xea\xe0\xea \xe4\xe5\xeb\xe0? \xc2\xf1\xb8 \xf5\xee\xf0\xee\xf8\xee, \xf1\xef\xe0\xf1\xe8\xe1\xee.\n");
        writeBytes(path, line.repeated(300));
        CHECK(readError(path).startsWith(QStringLiteral("cyr.txt")));
    }
}

TEST_CASE("Large text: the encoding is decided over the whole file, not its first part", "[largetext][encoding]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("western.txt"));
    // Latin-1 é early; a windows-1252 curly quote (0x93/0x94) only near the end.
    QByteArray bytes = transcript(400, "\n", "caf\xe9");
    bytes += "P1: she said \x93no\x94 and left\n";
    writeBytes(path, bytes);
    ImportedFile file = readLargeTextFile(path, QStringLiteral("plaintext"), ImportOptions(), Part);
    QString joined;
    while (const auto d = file.parts->next()) {
        CHECK(d->encoding == QStringLiteral("windows-1252"));
        joined += d->text;
    }
    CHECK(joined.endsWith(QString::fromUtf8("P1: she said \xe2\x80\x9cno\xe2\x80\x9d and left\n")));
    CHECK(joined.contains(QString::fromUtf8("caf\xc3\xa9")));
}
