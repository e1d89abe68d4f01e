// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

namespace Catch {
// Failure messages show QStrings as text.
template<> struct StringMaker<QString>
{
    static std::string convert(const QString &s) { return '"' + s.toStdString() + '"'; }
};
} // namespace Catch

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

} // namespace QuireTest
