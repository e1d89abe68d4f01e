// SPDX-License-Identifier: GPL-3.0-or-later
#include "fileverbs.h"

#include "args.h"
#include "output.h"

#include "model/project.h"
#include "model/verify.h"
#include "storage/backups.h"
#include "storage/fileerrors.h"
#include "storage/waitnotice.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Quire::Cli {

namespace {

QJsonObject backupJson(const Backups::Backup &b)
{
    return {{QStringLiteral("path"), b.path},
            {QStringLiteral("made"), b.made.toString(Qt::ISODate)},
            {QStringLiteral("bytes"), b.bytes}};
}

} // namespace

void installFileMessages()
{
    Project::setNoteHandler([](const QString &note) { printError(QStringLiteral("note: ") + note); });
    setWaitNotifier(&printError);
}

int cmdNew(const Context &context, const QStringList &words)
{
    Args a(words, QStringLiteral("new"));
    a.expectAtMost(1);
    const QString path = a.at(0, QStringLiteral("PROJECT.quire"));
    auto p = Project::create(path);
    report(context, QStringLiteral("Created %1").arg(path), {{QStringLiteral("project"), path}});
    return 0;
}

int cmdCompact(const Context &context, const QStringList &words)
{
    Args a(words, QStringLiteral("compact"));
    a.expectAtMost(1);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const Project::CompactResult r = p->compact();
    report(context,
           QStringLiteral("Compacted %1: %2 texts nothing could bring back removed; %3 KB -> %4 KB")
               .arg(p->fileName())
               .arg(r.textsRemoved)
               .arg(r.bytesBefore / 1024)
               .arg(r.bytesAfter / 1024),
           {{QStringLiteral("textsRemoved"), r.textsRemoved},
            {QStringLiteral("bytesBefore"), r.bytesBefore},
            {QStringLiteral("bytesAfter"), r.bytesAfter}});
    return 0;
}

int cmdVerify(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("verify"));
    a.expectAtMost(1);
    const QString path = a.at(0, QStringLiteral("PROJECT"));
    const VerifyReport r = verifyProject(path);
    const QString name = QFileInfo(path).fileName();
    if (c.json) {
        printJson(QJsonObject{{QStringLiteral("ok"), r.intact()},
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
            lines << (backups.empty()
                          ? QStringLiteral("No backup of it exists in %1.").arg(Backups::folderFor(path))
                          : QStringLiteral("Newest backup: %1 (%2). Restore it with: quire-cli backup restore %3")
                                .arg(QFileInfo(backups.front().path).fileName(),
                                     backups.front().made.toLocalTime().toString(Qt::ISODate), path));
        }
        print(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    }
    return r.intact() ? 0 : 1;
}

int cmdBackupList(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("backup list"));
    a.expectAtMost(1);
    const QString path = a.at(0, QStringLiteral("PROJECT"));
    const auto all = Backups::list(path);
    if (c.json) {
        QJsonArray out;
        for (const auto &b : all)
            out.append(backupJson(b));
        printJson(out);
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

int cmdBackupRestore(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("backup restore"));
    a.expectAtMost(2);
    const QString path = a.at(0, QStringLiteral("PROJECT"));
    const Backups::Backup b = Backups::restore(path, a.positional().value(1));
    const QString text = QStringLiteral("Restored %1 from the backup of %2 (%3); the state before the restore is "
                                        "kept as a backup too")
                             .arg(QFileInfo(path).fileName(),
                                  b.made.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), b.path);
    report(c, text, {{QStringLiteral("backup"), backupJson(b)}});
    return 0;
}

/// backup PROJECT: one now.
int cmdBackup(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("backup"));
    a.expectAtMost(1);
    const QString path = a.at(0, QStringLiteral("PROJECT"));
    auto project = c.openProject(path);
    const Backups::Backup b = project->makeBackup();
    report(c, QStringLiteral("Backed up %1 to %2").arg(QFileInfo(path).fileName(), b.path),
           {{QStringLiteral("backup"), backupJson(b)}});
    return 0;
}

int cmdSaveCopy(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("save-copy"));
    a.expectAtMost(2);
    const QString path = a.at(0, QStringLiteral("PROJECT"));
    const QString target = a.at(1, QStringLiteral("COPY.quire"));
    auto project = c.openProject(path);
    project->saveCopy(target);
    report(c, QStringLiteral("Saved a copy of %1 as %2").arg(QFileInfo(path).fileName(), target),
           {{QStringLiteral("copy"), target}});
    return 0;
}

} // namespace Quire::Cli
