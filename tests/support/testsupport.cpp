// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"

#include <sys/mount.h>
#include <unistd.h>

#include "model/project.h"
#include "storage/database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <stdexcept>

namespace QuireTest {

TempDir::TempDir()
{
    if (!m_dir.isValid())
        throw std::runtime_error("cannot create a temporary folder");
}

QString TempDir::path(const QString &name) const
{
    return m_dir.filePath(name);
}

QString TempDir::writeFile(const QString &name, const QByteArray &bytes) const
{
    const QString p = path(name);
    QDir().mkpath(QFileInfo(p).absolutePath());
    QFile f(p);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        throw std::runtime_error("cannot write test file");
    return p;
}

CliResult runCli(const QStringList &args, const QByteArray &stdinData)
{
    QProcess proc;
    proc.setProgram(QStringLiteral(QUIRE_CLI_PATH));
    proc.setArguments(args);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QUIRE_CODER"), QStringLiteral("tester"));
    env.remove(QStringLiteral("QUIRE_PLUGIN_PATH"));
    proc.setProcessEnvironment(env);
    proc.start();
    if (!proc.waitForStarted(30000))
        throw std::runtime_error("quire-cli did not start");
    if (!stdinData.isEmpty())
        proc.write(stdinData);
    proc.closeWriteChannel();
    if (!proc.waitForFinished(120000))
        throw std::runtime_error("quire-cli did not finish");
    CliResult r;
    r.exitCode = proc.exitStatus() == QProcess::NormalExit ? proc.exitCode() : -1;
    r.out = proc.readAllStandardOutput();
    r.err = proc.readAllStandardError();
    return r;
}

QString corpusFile(const QString &name)
{
    return QStringLiteral(QUIRE_CORPORA_DIR) + QStringLiteral("/sample/") + name;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path.toStdString());
    return f.readAll();
}

QString fileHash(const QString &path)
{
    return QString::fromLatin1(QCryptographicHash::hash(readFile(path), QCryptographicHash::Sha256).toHex());
}

QString projectFingerprint(const QString &projectPath)
{
    Quire::Database db(projectPath, Quire::Database::OpenMode::ReadOnly);
    QStringList parts;
    for (const char *table : {"documents", "codes", "code_parents", "segments", "segment_codes", "cases",
                              "case_documents", "attribute_defs", "attribute_values", "memos", "commands", "turns"}) {
        parts << QStringLiteral("%1=%2")
                     .arg(QString::fromLatin1(table))
                     .arg(db.scalarInt(QStringLiteral("SELECT count(*) FROM ") + QString::fromLatin1(table)));
    }
    parts << QStringLiteral("undone=%1")
                 .arg(db.scalarInt(QStringLiteral("SELECT count(*) FROM commands WHERE state = 'undone'")));
    return parts.join(QLatin1Char(' '));
}

Quire::ImportedFile textFile(const QString &name, const QString &text)
{
    Quire::ImportedDocument d;
    d.name = name;
    d.text = text;
    d.encoding = QStringLiteral("UTF-8");
    return Quire::ImportedFile{QStringLiteral("/tmp/") + name, QStringLiteral("00"), QStringLiteral("plaintext"), {d}};
}

QString projectContent(Quire::Project &p)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    const auto add = [&](const QString &s) { h.addData(s.toUtf8() + '\x1f'); };
    for (const auto &d : p.documents()) {
        add(d.name);
        add(p.documentText(d.id));
    }
    for (const auto &c : p.codes())
        add(p.codePath(c.id) + c.description);
    for (const auto &s : p.segments())
        add(QStringLiteral("%1:%2 %3").arg(s.start).arg(s.end).arg(p.documentRange(s.documentId, s.start, s.end)));
    for (const auto &m : p.memos())
        add(m.text);
    for (const auto &c : p.history())
        add(c.summary + c.state);
    return QString::fromLatin1(h.result().toHex());
}

QString projectContent(const QString &projectPath)
{
    if (!QFileInfo::exists(projectPath))
        return QStringLiteral("missing");
    auto p = Quire::Project::open(projectPath);
    return projectContent(*p);
}

EnvSetting::EnvSetting(const char *name, const QByteArray &value)
    : m_name(name)
    , m_old(qgetenv(name))
    , m_had(qEnvironmentVariableIsSet(name))
{
    qputenv(name, value);
}

EnvSetting::~EnvSetting()
{
    if (m_had)
        qputenv(m_name.constData(), m_old);
    else
        qunsetenv(m_name.constData());
}

TmpfsMount::TmpfsMount(const QString &where, const QString &options)
    : m_where(where)
{
    if (::geteuid() != 0)
        return;
    QDir().mkpath(where);
    m_mounted = ::mount("tmpfs", QFile::encodeName(where).constData(), "tmpfs", 0, options.toUtf8().constData()) == 0;
}

TmpfsMount::~TmpfsMount()
{
    if (m_mounted)
        ::umount2(QFile::encodeName(m_where).constData(), MNT_DETACH);
}

bool TmpfsMount::makeReadOnly()
{
    return m_mounted &&
           ::mount("tmpfs", QFile::encodeName(m_where).constData(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0;
}

} // namespace QuireTest
