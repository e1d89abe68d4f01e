// SPDX-License-Identifier: GPL-3.0-or-later
#include "fileverbs.h"

#include "args.h"

#include "model/project.h"
#include "model/verify.h"
#include "storage/backups.h"
#include "storage/fileerrors.h"
#include "storage/waitnotice.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace Quire::Cli {

namespace {

void print(const QString &text)
{
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, std::size_t(b.size()), stdout);
}

void printJson(const QJsonObject &o)
{
    print(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
}

void toStderr(const QString &message)
{
    const QByteArray b = message.toUtf8();
    std::fprintf(stderr, "quire-cli: %s\n", b.constData());
    std::fflush(stderr);
}

QJsonObject backupJson(const Backups::Backup &b)
{
    return {{QStringLiteral("path"), b.path},
            {QStringLiteral("made"), b.made.toString(Qt::ISODate)},
            {QStringLiteral("bytes"), b.bytes}};
}

} // namespace

void installFileMessages()
{
    Project::setNoteHandler([](const QString &note) { toStderr(QStringLiteral("note: ") + note); });
    setWaitNotifier(&toStderr);
}

int cmdVerify(const FileVerbContext &c, const QStringList &words)
{
    Args a(words, QStringLiteral("verify"));
    a.expectAtMost(1);
    const QString path = a.at(0, QStringLiteral("PROJECT"));
    const VerifyReport r = verifyProject(path);
    const QString name = QFileInfo(path).fileName();
    if (c.json) {
        printJson({{QStringLiteral("ok"), r.intact()},
                   {QStringLiteral("project"), path},
                   {QStringLiteral("problems"), QJsonArray::fromStringList(r.problems)},
                   {QStringLiteral("notes"), QJsonArray::fromStringList(r.notes)},
                   {QStringLiteral("pages"), r.pages},
                   {QStringLiteral("checksummed"), r.checksummed},
                   {QStringLiteral("documents"), r.documents},
                   {QStringLiteral("segments"), r.segments},
                   {QStringLiteral("commands"), r.commands}});
    } else {
        QStringList lines;
        if (r.intact())
            lines << QStringLiteral("%1: intact — %2 pages read%3; %4 documents, %5 segments, %6 commands")
                         .arg(name)
                         .arg(r.pages)
                         .arg(r.checksummed ? QStringLiteral(", every page's checksum verified") : QString())
                         .arg(r.documents)
                         .arg(r.segments)
                         .arg(r.commands);
        else
            lines << QStringLiteral("%1: DAMAGED — %2 problem(s):").arg(name).arg(r.problems.size());
        for (const QString &p : r.problems)
            lines << QStringLiteral("  %1").arg(p);
        for (const QString &n : r.notes)
            lines << QStringLiteral("note: %1").arg(n);
        if (!r.intact()) {
            const auto backups = Backups::list(path);
            lines << (backups.empty() ? QStringLiteral("No backup of it exists in %1.").arg(Backups::folderFor(path))
                                      : QStringLiteral("Newest backup: %1 (%2). Restore it with: quire-cli backup restore %3")
                                            .arg(QFileInfo(backups.front().path).fileName(),
                                                 backups.front().made.toLocalTime().toString(Qt::ISODate), path));
        }
        print(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    }
    return r.intact() ? 0 : 1;
}

int cmdBackup(const FileVerbContext &c, const QStringList &words)
{
    const QString sub = words.value(0);
    if (sub == QLatin1String("list")) {
        Args a(words.mid(1), QStringLiteral("backup list"));
        a.expectAtMost(1);
        const QString path = a.at(0, QStringLiteral("PROJECT"));
        const auto all = Backups::list(path);
        if (c.json) {
            QJsonArray out;
            for (const auto &b : all)
                out.append(backupJson(b));
            print(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)));
        } else if (all.empty()) {
            print(QStringLiteral("No backups of %1 (they are kept in %2)\n")
                      .arg(QFileInfo(path).fileName(), Backups::folderFor(path)));
        } else {
            QStringList lines;
            for (const auto &b : all)
                lines << QStringLiteral("%1\t%2\t%3")
                             .arg(b.made.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                  FileErrors::sizeText(b.bytes), b.path);
            print(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
        }
        return 0;
    }
    if (sub == QLatin1String("restore")) {
        Args a(words.mid(1), QStringLiteral("backup restore"));
        a.expectAtMost(2);
        const QString path = a.at(0, QStringLiteral("PROJECT"));
        const Backups::Backup b = Backups::restore(path, a.positional().value(1));
        const QString text = QStringLiteral("Restored %1 from the backup of %2 (%3); the state before the restore is "
                                            "kept as a backup too")
                                 .arg(QFileInfo(path).fileName(),
                                      b.made.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), b.path);
        if (c.json)
            printJson({{QStringLiteral("ok"), true}, {QStringLiteral("message"), text}, {QStringLiteral("backup"), backupJson(b)}});
        else
            print(text + QLatin1Char('\n'));
        return 0;
    }
    // backup PROJECT: one now.
    Args a(words, QStringLiteral("backup"));
    a.expectAtMost(1);
    const QString path = a.at(0, QStringLiteral("PROJECT"));
    auto project = openProject(path, c.coder);
    const Backups::Backup b = project->makeBackup();
    const QString text = QStringLiteral("Backed up %1 to %2").arg(QFileInfo(path).fileName(), b.path);
    if (c.json)
        printJson({{QStringLiteral("ok"), true}, {QStringLiteral("message"), text}, {QStringLiteral("backup"), backupJson(b)}});
    else
        print(text + QLatin1Char('\n'));
    return 0;
}

int cmdSaveCopy(const FileVerbContext &c, const QStringList &words)
{
    Args a(words, QStringLiteral("save-copy"));
    a.expectAtMost(2);
    const QString path = a.at(0, QStringLiteral("PROJECT"));
    const QString target = a.at(1, QStringLiteral("COPY.quire"));
    auto project = openProject(path, c.coder);
    project->saveCopy(target);
    const QString text = QStringLiteral("Saved a copy of %1 as %2").arg(QFileInfo(path).fileName(), target);
    if (c.json)
        printJson({{QStringLiteral("ok"), true}, {QStringLiteral("message"), text}, {QStringLiteral("copy"), target}});
    else
        print(text + QLatin1Char('\n'));
    return 0;
}

} // namespace Quire::Cli
