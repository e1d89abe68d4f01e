// SPDX-License-Identifier: GPL-3.0-or-later
// The document verbs of quire-cli: importing documents (a REFI-QDA project goes to
// exchangeverbs.cpp), showing their text, their attributes and names, and the format plugins.
#include "documentverbs.h"

#include "args.h"
#include "output.h"

#include "error.h"
#include "exchangeverbs.h"
#include "formats/fileimport.h"
#include "formats/pluginmanager.h"
#include "model/project.h"
#include "storage/fileerrors.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <cstdio>
#include <unistd.h>

namespace Quire::Cli {

namespace {

/// Files named on the command line, with folders expanded to the files in them
/// (recursively, sorted, hidden files skipped) that some importer reads.
QStringList expandImportPaths(const QStringList &paths, const QString &format, bool skipBad, QStringList &skipped)
{
    QStringList out;
    for (const QString &p : paths) {
        const QFileInfo info(p);
        if (!info.isDir()) {
            out << p;
            continue;
        }
        // A name Qt cannot decode is left out of its listing: say so instead.
        for (const QString &bad : undecodableNames(p)) {
            if (!skipBad)
                throw Error(bad);
            skipped << bad;
        }
        QDirIterator it(p, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        QStringList inFolder;
        while (it.hasNext())
            inFolder << it.next();
        inFolder.sort();
        int taken = 0;
        for (const QString &f : inFolder) {
            if (QFileInfo(f).fileName().startsWith(QLatin1Char('.')))
                continue;
            try {
                plugins().importerFor(f, format);
                out << f;
                ++taken;
            } catch (const Error &) {
                skipped << QStringLiteral("%1 (no importer for this kind of file)").arg(f);
            }
        }
        if (taken == 0)
            throw Error(QStringLiteral("%1: the folder has no files Quire can import").arg(p));
    }
    return out;
}

} // namespace

QJsonObject documentJson(const Document &d)
{
    return {{QStringLiteral("id"), d.id},
            {QStringLiteral("name"), d.name},
            {QStringLiteral("kind"), d.kind},
            {QStringLiteral("format"), d.format},
            {QStringLiteral("encoding"), d.encoding},
            {QStringLiteral("length"), qint64(d.length)},
            {QStringLiteral("sha256"), d.sha256},
            {QStringLiteral("imported"), d.importedAt},
            {QStringLiteral("import"), QJsonDocument::fromJson(d.importMeta.toUtf8()).object()}};
}

int cmdImport(const Context &context, const QStringList &words)
{
    if (isExchangeImport(words))
        return cmdExchangeImport(context, words);
    Args a(words, QStringLiteral("import"));
    const QString projectPath = a.at(0, QStringLiteral("PROJECT"));
    const QStringList named = a.positional().mid(1);
    if (named.isEmpty())
        throw UsageError(QStringLiteral("import: name at least one FILE or FOLDER to import"));
    ImportTarget target;
    for (const QString &kv : a.values(QStringLiteral("attr"))) {
        const auto [k, v] = Cli::parseKeyValue(kv);
        target.attributes.append({k, v});
    }
    target.caseName = a.value(QStringLiteral("case"));
    if (a.has(QStringLiteral("speaker-case")))
        target.speakerCaseTemplate = a.value(QStringLiteral("speaker-case"));
    if (!target.speakerCaseTemplate.contains(QStringLiteral("{speaker}")))
        throw UsageError(QStringLiteral("import: --speaker-case needs {speaker} in it"));
    target.uncountedSpeakers << a.values(QStringLiteral("uncounted-speaker"));
    for (const QString &s : a.values(QStringLiteral("counted-speaker")))
        target.uncountedSpeakers.removeAll(s);
    ImportOptions options;
    options.limits = Cli::importLimits(a, QStringLiteral("import"));
    options.declaredEncoding = a.value(QStringLiteral("encoding"));
    options.detectSpeakers = !a.has(QStringLiteral("no-speakers"));
    options.speakerPattern = a.value(QStringLiteral("speaker-pattern"));
    for (const QString &kv : a.values(QStringLiteral("set"))) {
        const auto [k, v] = Cli::parseKeyValue(kv);
        options.settings.insert(k, v);
    }
    auto project = context.openProject(projectPath);
    const QString format = a.value(QStringLiteral("format"));
    QStringList skipped;
    const QStringList files = expandImportPaths(named, format, a.has(QStringLiteral("skip-bad")), skipped);
    // A progress line only for a person watching a terminal.
    const bool progress = !context.json && !a.has(QStringLiteral("quiet")) && isatty(fileno(stderr));
    // Read and check every file before touching the project: all or nothing.
    std::vector<ImportedFile> read;
    QStringList warnings;
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (progress) {
            const QByteArray line = QStringLiteral("\r\033[KReading %1/%2 %3")
                                        .arg(i + 1)
                                        .arg(files.size())
                                        .arg(QFileInfo(files[i]).fileName())
                                        .toUtf8();
            std::fputs(line.constData(), stderr);
            std::fflush(stderr);
        }
        try {
            ImportedFile file = readImportFile(plugins(), files[i], format, options);
            for (auto &d : file.documents) {
                if (a.has(QStringLiteral("kind")))
                    d.kind = a.value(QStringLiteral("kind"));
                for (const QString &w : d.warnings)
                    warnings << QStringLiteral("%1: %2").arg(d.name, w);
            }
            if (file.parts) {
                if (a.has(QStringLiteral("kind")))
                    file.parts->adjust = [kind = a.value(QStringLiteral("kind"))](ImportedDocument &d) {
                        d.kind = kind;
                    };
                warnings << file.parts->warnings;
            }
            read.push_back(std::move(file));
        } catch (const Error &e) {
            if (!a.has(QStringLiteral("skip-bad"))) {
                if (progress)
                    std::fputs("\r\033[K", stderr);
                throw;
            }
            skipped << e.message();
        }
    }
    if (progress)
        std::fputs("\r\033[KStoring…", stderr);
    if (read.empty()) {
        if (progress)
            std::fputs("\r\033[K", stderr);
        throw Error(QStringLiteral("import: nothing could be imported (%1 files skipped)").arg(skipped.size()));
    }
    const auto ids = project->importDocuments(read, target);
    if (progress)
        std::fputs("\r\033[K", stderr);
    QJsonArray docs;
    QStringList lines;
    qsizetype turns = 0, transcripts = 0;
    QSet<QString> speakers;
    for (Id id : ids) {
        const Document d = project->document(id);
        docs.append(documentJson(d));
        const auto ts = project->turns(id);
        QString detail;
        if (!ts.empty()) {
            QSet<QString> s;
            for (const auto &t : ts) {
                s.insert(t.speaker);
                speakers.insert(QString::number(id) + QLatin1Char('/') + t.speaker);
            }
            detail = QStringLiteral(", %1 turns, %2 speakers").arg(ts.size()).arg(s.size());
            turns += qsizetype(ts.size());
            ++transcripts;
        }
        lines << QStringLiteral("Imported %1 (%2, %3, %4 characters%5)")
                     .arg(d.name, d.format, d.encoding)
                     .arg(d.length)
                     .arg(detail);
    }
    lines << QStringLiteral("%1 documents from %2 files; %3 transcripts with %4 turns and %5 speakers%6")
                 .arg(ids.size())
                 .arg(read.size())
                 .arg(transcripts)
                 .arg(turns)
                 .arg(speakers.size())
                 .arg(skipped.isEmpty() ? QString() : QStringLiteral("; %1 skipped").arg(skipped.size()));
    for (const QString &w : warnings)
        lines << QStringLiteral("warning: ") + w;
    for (const QString &sk : skipped)
        lines << QStringLiteral("skipped: ") + sk;
    report(context, lines.join(QLatin1Char('\n')),
           {{QStringLiteral("documents"), docs},
            {QStringLiteral("skipped"), QJsonArray::fromStringList(skipped)},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
            {QStringLiteral("turns"), qint64(turns)}});
    return 0;
}

int cmdShow(const Context &context, const QStringList &words)
{
    Args a(words, QStringLiteral("show"));
    a.expectAtMost(2);
    auto project = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const Document d = project->findDocument(a.at(1, QStringLiteral("DOCUMENT")));
    qsizetype start = 0, end = d.length;
    if (a.has(QStringLiteral("range")))
        std::tie(start, end) = Cli::parseRange(a.value(QStringLiteral("range")));
    const QString text = project->documentRange(d.id, start, end);
    if (context.json) {
        printJson(QJsonObject{{QStringLiteral("document"), d.name},
                              {QStringLiteral("start"), qint64(start)},
                              {QStringLiteral("end"), qint64(end)},
                              {QStringLiteral("text"), text}});
    } else {
        // The stored text exactly, with nothing added, so output can be compared byte for byte.
        print(text);
    }
    return 0;
}

int cmdDocumentAttr(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("document attr");
    Args a(words, verb);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const Document d = p->findDocument(a.at(1, QStringLiteral("DOCUMENT")));
    QList<std::pair<QString, QString>> attrs;
    for (const auto &kv : a.positional().mid(2))
        attrs.append(Cli::parseKeyValue(kv));
    if (attrs.isEmpty())
        throw Error(QStringLiteral("%1: give at least one KEY=VALUE").arg(verb));
    p->batch(QStringLiteral("attribute.set"), QStringLiteral("Set attributes of %1").arg(d.name), [&] {
        for (const auto &[k, v] : attrs)
            p->setAttribute(AttributeScope::Document, d.id, k, v);
    });
    report(context, QStringLiteral("Set %1 attribute(s) of %2").arg(attrs.size()).arg(d.name));
    return 0;
}

int cmdDocumentRename(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("document rename");
    Args a(words, verb);
    a.expectAtMost(3);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const Document d = p->findDocument(a.at(1, QStringLiteral("DOCUMENT")));
    p->renameDocument(d.id, a.at(2, QStringLiteral("NEW-NAME")));
    report(context, QStringLiteral("Renamed %1 to %2").arg(d.name, a.at(2, {})));
    return 0;
}

int cmdDocumentDelete(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("document delete");
    Args a(words, verb);
    a.expectAtMost(2);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const Document d = p->findDocument(a.at(1, QStringLiteral("DOCUMENT")));
    p->deleteDocument(d.id, a.has(QStringLiteral("force")));
    report(context, QStringLiteral("Deleted %1 (undo brings it back)").arg(d.name));
    return 0;
}

int cmdPlugins(const Context &context, const QStringList &words)
{
    Args a(words, QStringLiteral("plugins"));
    a.expectAtMost(0);
    QJsonArray out;
    QString text;
    for (const auto &info : plugins().plugins()) {
        out.append(QJsonObject{{QStringLiteral("id"), info.id},
                               {QStringLiteral("iid"), info.iid},
                               {QStringLiteral("static"), info.isStatic},
                               {QStringLiteral("file"), info.file},
                               {QStringLiteral("loaded"), info.loaded},
                               {QStringLiteral("problem"), info.problem},
                               {QStringLiteral("metadata"), info.metaData}});
        text +=
            QStringLiteral("%1\t%2\t%3\t%4\n")
                .arg(info.id, info.isStatic ? QStringLiteral("built-in") : info.file,
                     info.loaded ? QStringLiteral("loaded") : QStringLiteral("not loaded: ") + info.problem, info.iid);
    }
    printResult(context, out, text);
    return 0;
}

} // namespace Quire::Cli
