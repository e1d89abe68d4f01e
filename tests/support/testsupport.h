// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <catch2/catch.hpp>
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "formats/importerinterface.h"

namespace Catch {
// Failure messages show QStrings as text.
template <> struct StringMaker<QString>
{
    static std::string convert(const QString &s) { return '"' + s.toStdString() + '"'; }
};
} // namespace Catch

namespace Quire {
class Project;
}

namespace QuireTest {

/// A fresh temporary folder per test; removed afterwards.
class TempDir
{
public:
    TempDir();
    QString path(const QString &name) const;
    QString writeFile(const QString &name, const QByteArray &bytes) const;

private:
    QTemporaryDir m_dir;
};

/// Result of running quire-cli as a real process.
struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
};

/// Runs quire-cli with the arguments and waits for it.
CliResult runCli(const QStringList &args, const QByteArray &stdinData = {});

QString corpusFile(const QString &name);
QByteArray readFile(const QString &path);
/// SHA-256 of a file's bytes, hex (to prove a file was not changed).
QString fileHash(const QString &path);
/// Row counts of the model tables, a fingerprint of a project's content.
QString projectFingerprint(const QString &projectPath);

/// A read file of one UTF-8 plain-text document, as the plain-text importer gives it.
Quire::ImportedFile textFile(const QString &name, const QString &text);

/// Everything a researcher could be shown of a project — texts, code paths and
/// descriptions, segments with their quotes, memos, the history — as one hash.
QString projectContent(Quire::Project &project);
/// The same for a project file (opened as a user would); "missing" when there is none.
QString projectContent(const QString &projectPath);

/// Sets an environment variable for the scope of a test, then puts back what was there.
class EnvSetting
{
public:
    EnvSetting(const char *name, const QByteArray &value);
    ~EnvSetting();
    EnvSetting(const EnvSetting &) = delete;
    EnvSetting &operator=(const EnvSetting &) = delete;

private:
    QByteArray m_name, m_old;
    bool m_had;
};

/// A small tmpfs at a folder (for full and read-only disks), unmounted at the
/// end of the scope. Mounting needs root (CI runs as root): mounted() says
/// whether it worked, and a test without it says it is skipped.
class TmpfsMount
{
public:
    TmpfsMount(const QString &where, const QString &options);
    ~TmpfsMount();
    TmpfsMount(const TmpfsMount &) = delete;
    TmpfsMount &operator=(const TmpfsMount &) = delete;
    bool mounted() const { return m_mounted; }
    /// Makes the file system read-only (remount); false if that failed.
    bool makeReadOnly();

private:
    QString m_where;
    bool m_mounted = false;
};

} // namespace QuireTest
