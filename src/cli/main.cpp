// SPDX-License-Identifier: GPL-3.0-or-later
// quire-cli: every project operation from the command line. Each verb opens
// the project, runs one command (one transaction) and prints the result as
// text or, with --json, as one JSON document. Errors: one line on stderr and
// a non-zero exit code; the project is left as it was.
#include "args.h"
#include "exchangeverbs.h"
#include "fileverbs.h"
#include "quoteverbs.h"
#include "searchverbs.h"
#include "wtfcverbs.h"
#include "analysisverbs.h"

#include "error.h"
#include "formats/exporterinterface.h"
#include "formats/fileimport.h"
#include "formats/pluginmanager.h"
#include "model/project.h"
#include "report/exportlayout.h"
#include "report/redaction.h"
#include "report/themereport.h"
#include "storage/fileerrors.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QFile>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QSet>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>
#include <functional>
#include <map>
#include <memory>
#include <optional>

using namespace Quire;
using Quire::Cli::Args;
using Quire::Cli::UsageError;

namespace {

constexpr int ExitUsage = 2;
constexpr int ExitError = 1;

struct Globals
{
    bool json = false;
    QString coder;
};

void writeOut(const QString &text)
{
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, std::size_t(b.size()), stdout);
}

void printJson(const QJsonValue &v)
{
    QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    writeOut(QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
}

/// Prints a message for a finished action: text, or {"ok":true,...} with --json.
void report(const Globals &g, const QString &text, QJsonObject json = {})
{
    if (g.json) {
        json.insert(QStringLiteral("ok"), true);
        json.insert(QStringLiteral("message"), text);
        printJson(json);
    } else {
        writeOut(text + QLatin1Char('\n'));
    }
}

std::unique_ptr<Project> openProject(const Globals &g, const QString &path)
{
    return Cli::openProject(path, g.coder);
}

using Quire::Cli::plugins;

QJsonObject toJson(const Document &d)
{
    return {{QStringLiteral("id"), d.id},           {QStringLiteral("name"), d.name},
            {QStringLiteral("kind"), d.kind},       {QStringLiteral("format"), d.format},
            {QStringLiteral("encoding"), d.encoding}, {QStringLiteral("length"), qint64(d.length)},
            {QStringLiteral("sha256"), d.sha256},   {QStringLiteral("imported"), d.importedAt},
            {QStringLiteral("import"), QJsonDocument::fromJson(d.importMeta.toUtf8()).object()}};
}

QJsonArray idArray(const std::vector<Id> &ids)
{
    QJsonArray a;
    for (Id id : ids)
        a.append(id);
    return a;
}

// ---- verbs --------------------------------------------------------------------

int cmdNew(const Globals &g, const QStringList &words)
{
    Args a(words, {}, {}, QStringLiteral("new"));
    a.expectAtMost(1);
    const QString path = a.at(0, QStringLiteral("PROJECT.quire"));
    auto p = Project::create(path);
    report(g, QStringLiteral("Created %1").arg(path), {{QStringLiteral("project"), path}});
    return 0;
}

/// Files named on the command line, with folders expanded to the files in them
/// (recursively, sorted, hidden files skipped) that some importer reads.
QStringList expandImportPaths(const QStringList &paths, const QString &format, QStringList &skipped)
{
    QStringList out;
    for (const QString &p : paths) {
        const QFileInfo info(p);
        if (!info.isDir()) {
            out << p;
            continue;
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

int cmdImport(const Globals &g, const QStringList &words)
{
    Args a(words,
           {QStringLiteral("format"), QStringLiteral("encoding"), QStringLiteral("case"), QStringLiteral("attr"),
            QStringLiteral("kind"), QStringLiteral("speaker-pattern"), QStringLiteral("speaker-case"),
            QStringLiteral("uncounted-speaker"), QStringLiteral("counted-speaker"), QStringLiteral("set")},
           {QStringLiteral("no-speakers"), QStringLiteral("skip-bad"), QStringLiteral("quiet")}, QStringLiteral("import"));
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
    options.declaredEncoding = a.value(QStringLiteral("encoding"));
    options.detectSpeakers = !a.has(QStringLiteral("no-speakers"));
    options.speakerPattern = a.value(QStringLiteral("speaker-pattern"));
    for (const QString &kv : a.values(QStringLiteral("set"))) {
        const auto [k, v] = Cli::parseKeyValue(kv);
        options.settings.insert(k, v);
    }
    auto project = openProject(g, projectPath);
    const QString format = a.value(QStringLiteral("format"));
    QStringList skipped;
    const QStringList files = expandImportPaths(named, format, skipped);
    // A progress line only for a person watching a terminal.
    const bool progress = !g.json && !a.has(QStringLiteral("quiet")) && isatty(fileno(stderr));
    // Read and check every file before touching the project: all or nothing.
    std::vector<ImportedFile> read;
    QStringList warnings;
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (progress) {
            const QByteArray line = QStringLiteral("\r\033[KReading %1/%2 %3").arg(i + 1).arg(files.size()).arg(QFileInfo(files[i]).fileName()).toUtf8();
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
                    file.parts->adjust = [kind = a.value(QStringLiteral("kind"))](ImportedDocument &d) { d.kind = kind; };
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
        docs.append(toJson(d));
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
        lines << QStringLiteral("Imported %1 (%2, %3, %4 characters%5)").arg(d.name, d.format, d.encoding).arg(d.length).arg(detail);
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
    report(g, lines.join(QLatin1Char('\n')),
           {{QStringLiteral("documents"), docs}, {QStringLiteral("skipped"), QJsonArray::fromStringList(skipped)},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}, {QStringLiteral("turns"), qint64(turns)}});
    return 0;
}

int cmdList(const Globals &g, const QStringList &words)
{
    Args a(words, {QStringLiteral("document"), QStringLiteral("code")}, {}, QStringLiteral("list"));
    a.expectAtMost(2);
    const QString what = a.at(0, QStringLiteral("what to list (documents, codes, cases, segments, attributes, memos)"));
    auto project = openProject(g, a.at(1, QStringLiteral("PROJECT")));
    QJsonArray out;
    QString text;
    if (what == QLatin1String("documents")) {
        for (const auto &d : project->documents()) {
            out.append(toJson(d));
            text += QStringLiteral("%1\t%2\t%3\t%4\t%5 chars\n").arg(d.id).arg(d.name, d.kind, d.encoding).arg(d.length);
        }
    } else if (what == QLatin1String("codes")) {
        std::function<void(Id, const QString &, int)> walk = [&](Id id, const QString &path, int depth) {
            const Code c = project->code(id);
            const qsizetype n = project->segmentCount(id);
            QJsonArray parents;
            for (Id p : c.parents)
                parents.append(project->codePath(p));
            out.append(QJsonObject{{QStringLiteral("id"), id},
                                   {QStringLiteral("path"), path},
                                   {QStringLiteral("name"), c.name},
                                   {QStringLiteral("depth"), depth},
                                   {QStringLiteral("color"), c.color},
                                   {QStringLiteral("description"), c.description},
                                   {QStringLiteral("segments"), qint64(n)},
                                   {QStringLiteral("parents"), parents},
                                   {QStringLiteral("guid"), c.guid}});
            text += QString(depth * 2, QLatin1Char(' ')) + c.name + QStringLiteral(" (%1)").arg(n)
                + (c.parents.size() > 1 ? QStringLiteral(" [also under %1 parents]").arg(c.parents.size()) : QString())
                + QLatin1Char('\n');
            for (Id child : project->children(id))
                walk(child, path + QLatin1Char('/') + project->code(child).name, depth + 1);
        };
        for (Id root : project->children(std::nullopt))
            walk(root, project->code(root).name, 0);
    } else if (what == QLatin1String("cases")) {
        for (const auto &c : project->cases()) {
            QJsonObject attrs;
            for (const auto &v : project->attributeValues(AttributeScope::Case)) {
                if (v.ownerId == c.id)
                    attrs.insert(v.name, v.value);
            }
            out.append(QJsonObject{{QStringLiteral("id"), c.id}, {QStringLiteral("name"), c.name},
                                   {QStringLiteral("kind"), c.kind}, {QStringLiteral("documents"), idArray(project->caseDocuments(c.id))},
                                   {QStringLiteral("attributes"), attrs}});
            text += QStringLiteral("%1\t%2\t%3\n").arg(c.id).arg(c.name, c.kind);
        }
    } else if (what == QLatin1String("segments")) {
        std::optional<Id> doc, code;
        if (a.has(QStringLiteral("document")))
            doc = project->findDocument(a.value(QStringLiteral("document"))).id;
        if (a.has(QStringLiteral("code")))
            code = project->resolveCode(a.value(QStringLiteral("code")));
        std::map<Id, QString> docNames;
        for (const auto &s : project->segments(doc, code)) {
            if (!docNames.count(s.documentId))
                docNames[s.documentId] = project->document(s.documentId).name;
            QJsonArray codes;
            QStringList codeText;
            for (Id c : s.codes) {
                codes.append(project->codePath(c));
                codeText << project->codePath(c);
            }
            const QString quote = project->documentRange(s.documentId, s.start, s.end);
            out.append(QJsonObject{{QStringLiteral("id"), s.id},
                                   {QStringLiteral("document"), docNames[s.documentId]},
                                   {QStringLiteral("start"), qint64(s.start)},
                                   {QStringLiteral("end"), qint64(s.end)},
                                   {QStringLiteral("codes"), codes},
                                   {QStringLiteral("coder"), s.coder},
                                   {QStringLiteral("created"), s.created},
                                   {QStringLiteral("case"), s.caseId ? project->findCase(QString::number(*s.caseId)).name : QString()},
                                   {QStringLiteral("memo"), s.memo},
                                   {QStringLiteral("text"), quote}});
            QString shortQuote = quote.left(60);
            shortQuote.replace(QLatin1Char('\n'), QLatin1Char(' '));
            text += QStringLiteral("%1\t%2\t%3:%4\t%5\t%6%7\n")
                        .arg(s.id)
                        .arg(docNames[s.documentId])
                        .arg(s.start)
                        .arg(s.end)
                        .arg(codeText.join(QStringLiteral("; ")), shortQuote, quote.size() > 60 ? QStringLiteral("…") : QString());
        }
    } else if (what == QLatin1String("attributes")) {
        for (const auto &def : project->attributeDefs()) {
            out.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("definition")},
                                   {QStringLiteral("scope"), toString(def.scope)},
                                   {QStringLiteral("name"), def.name},
                                   {QStringLiteral("type"), toString(def.type)},
                                   {QStringLiteral("choices"), QJsonArray::fromStringList(def.choices)}});
        }
        for (const auto &v : project->attributeValues()) {
            out.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("value")},
                                   {QStringLiteral("scope"), toString(v.scope)},
                                   {QStringLiteral("owner"), v.ownerName},
                                   {QStringLiteral("name"), v.name},
                                   {QStringLiteral("type"), toString(v.type)},
                                   {QStringLiteral("value"), v.value}});
            text += QStringLiteral("%1\t%2\t%3\t%4\n").arg(toString(v.scope), v.ownerName, v.name, v.value);
        }
    } else if (what == QLatin1String("memos")) {
        for (const auto &m : project->memos()) {
            out.append(QJsonObject{{QStringLiteral("id"), m.id},
                                   {QStringLiteral("target"), m.targetKind},
                                   {QStringLiteral("targetId"), m.targetId ? QJsonValue(qint64(*m.targetId)) : QJsonValue()},
                                   {QStringLiteral("title"), m.title},
                                   {QStringLiteral("text"), m.text},
                                   {QStringLiteral("coder"), m.coder},
                                   {QStringLiteral("modified"), m.modified}});
            text += QStringLiteral("%1\t%2%3\t%4\t%5\n")
                        .arg(m.id)
                        .arg(m.targetKind, m.targetId ? QStringLiteral(" %1").arg(*m.targetId) : QString(), m.coder, m.text);
        }
    } else {
        throw Error(QStringLiteral("list: cannot list \"%1\" (documents, codes, cases, segments, attributes, memos)").arg(what));
    }
    if (g.json)
        printJson(out);
    else
        writeOut(text);
    return 0;
}

int cmdShow(const Globals &g, const QStringList &words)
{
    Args a(words, {QStringLiteral("range")}, {}, QStringLiteral("show"));
    a.expectAtMost(2);
    auto project = openProject(g, a.at(0, QStringLiteral("PROJECT")));
    const Document d = project->findDocument(a.at(1, QStringLiteral("DOCUMENT")));
    qsizetype start = 0, end = d.length;
    if (a.has(QStringLiteral("range")))
        std::tie(start, end) = Cli::parseRange(a.value(QStringLiteral("range")));
    const QString text = project->documentRange(d.id, start, end);
    if (g.json) {
        printJson(QJsonObject{{QStringLiteral("document"), d.name},
                              {QStringLiteral("start"), qint64(start)},
                              {QStringLiteral("end"), qint64(end)},
                              {QStringLiteral("text"), text}});
    } else {
        // The stored text exactly, with nothing added, so output can be compared byte for byte.
        writeOut(text);
    }
    return 0;
}

int cmdCode(const Globals &g, const QStringList &words)
{
    const QString sub = words.value(0);
    const QStringList rest = words.mid(1);
    const QString verb = QStringLiteral("code ") + sub;
    if (sub == QLatin1String("add")) {
        Args a(rest, {QStringLiteral("color"), QStringLiteral("description")}, {}, verb);
        a.expectAtMost(2);
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        const Id id = p->addCode(a.at(1, QStringLiteral("code PATH")), a.value(QStringLiteral("color")),
                                 a.value(QStringLiteral("description")));
        report(g, QStringLiteral("Added code %1").arg(p->codePath(id)), {{QStringLiteral("id"), id}});
    } else if (sub == QLatin1String("rename")) {
        Args a(rest, {}, {}, verb);
        a.expectAtMost(3);
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        p->renameCode(a.at(1, QStringLiteral("code PATH")), a.at(2, QStringLiteral("NEW-NAME")));
        report(g, QStringLiteral("Renamed %1 to %2").arg(a.at(1, {}), a.at(2, {})));
    } else if (sub == QLatin1String("move")) {
        Args a(rest, {QStringLiteral("to")}, {}, verb);
        a.expectAtMost(2);
        if (!a.has(QStringLiteral("to")))
            throw Error(QStringLiteral("%1: say where with --to PARENT (or --to / for the top level)").arg(verb));
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        p->moveCode(a.at(1, QStringLiteral("code PATH")), a.value(QStringLiteral("to")));
        report(g, QStringLiteral("Moved %1 to %2").arg(a.at(1, {}), a.value(QStringLiteral("to"))));
    } else if (sub == QLatin1String("link")) {
        Args a(rest, {QStringLiteral("parent")}, {}, verb);
        a.expectAtMost(2);
        if (!a.has(QStringLiteral("parent")))
            throw Error(QStringLiteral("%1: name the further parent with --parent PATH").arg(verb));
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        p->linkCode(a.at(1, QStringLiteral("code PATH")), a.value(QStringLiteral("parent")));
        report(g, QStringLiteral("%1 is now also under %2").arg(a.at(1, {}), a.value(QStringLiteral("parent"))));
    } else if (sub == QLatin1String("unlink")) {
        Args a(rest, {}, {}, verb);
        a.expectAtMost(2);
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        p->unlinkCode(a.at(1, QStringLiteral("code PATH")));
        report(g, QStringLiteral("Removed %1 from that parent").arg(a.at(1, {})));
    } else if (sub == QLatin1String("merge")) {
        Args a(rest, {QStringLiteral("into")}, {}, verb);
        a.expectAtMost(2);
        if (!a.has(QStringLiteral("into")))
            throw Error(QStringLiteral("%1: name the code to merge into with --into PATH").arg(verb));
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        p->mergeCode(a.at(1, QStringLiteral("code PATH")), a.value(QStringLiteral("into")));
        report(g, QStringLiteral("Merged %1 into %2").arg(a.at(1, {}), a.value(QStringLiteral("into"))));
    } else if (sub == QLatin1String("delete")) {
        Args a(rest, {}, {QStringLiteral("force")}, verb);
        a.expectAtMost(2);
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        p->deleteCode(a.at(1, QStringLiteral("code PATH")), a.has(QStringLiteral("force")));
        report(g, QStringLiteral("Deleted %1 (undo brings it back)").arg(a.at(1, {})));
    } else if (sub == QLatin1String("describe")) {
        Args a(rest, {QStringLiteral("color"), QStringLiteral("description")}, {}, verb);
        a.expectAtMost(3);
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        std::optional<QString> description, color;
        if (a.has(QStringLiteral("description")))
            description = a.value(QStringLiteral("description"));
        else if (a.positional().size() > 2)
            description = a.positional()[2];
        if (a.has(QStringLiteral("color")))
            color = a.value(QStringLiteral("color"));
        if (!description && !color)
            throw Error(QStringLiteral("%1: give a description (text or --description) and/or --color").arg(verb));
        p->describeCode(a.at(1, QStringLiteral("code PATH")), description, color);
        report(g, QStringLiteral("Described %1").arg(a.at(1, {})));
    } else {
        throw Error(QStringLiteral("code: unknown action \"%1\" (add, rename, move, link, unlink, merge, delete, describe)").arg(sub));
    }
    return 0;
}

std::vector<Id> resolveCodes(const Project &p, const QStringList &paths, const QString &verb)
{
    if (paths.isEmpty())
        throw Error(QStringLiteral("%1: name the code with --code PATH").arg(verb));
    std::vector<Id> ids;
    for (const auto &path : paths)
        ids.push_back(p.resolveCode(path));
    return ids;
}

int cmdSegment(const Globals &g, const QStringList &words)
{
    const QString sub = words.value(0);
    const QStringList rest = words.mid(1);
    const QString verb = QStringLiteral("segment ") + sub;
    if (sub == QLatin1String("add")) {
        Args a(rest, {QStringLiteral("code"), QStringLiteral("range"), QStringLiteral("quote"), QStringLiteral("occurrence"),
                      QStringLiteral("memo"), QStringLiteral("case")},
               {}, verb);
        a.expectAtMost(2);
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        const Document d = p->findDocument(a.at(1, QStringLiteral("DOCUMENT")));
        const auto codes = resolveCodes(*p, a.values(QStringLiteral("code")), verb);
        std::optional<Id> caseId;
        if (a.has(QStringLiteral("case")))
            caseId = p->findCase(a.value(QStringLiteral("case"))).id;
        const QString memo = a.value(QStringLiteral("memo"));
        std::vector<Id> ids;
        if (a.has(QStringLiteral("range")) == a.has(QStringLiteral("quote")))
            throw Error(QStringLiteral("%1: give exactly one of --range START:END or --quote TEXT").arg(verb));
        if (a.has(QStringLiteral("range"))) {
            const auto [start, end] = Cli::parseRange(a.value(QStringLiteral("range")));
            ids.push_back(p->addSegment(d.id, start, end, codes, memo, caseId));
        } else {
            const QString quote = a.value(QStringLiteral("quote"));
            const auto hits = p->findQuote(d.id, quote);
            const qsizetype len = quote.toUcs4().size();
            if (hits.empty())
                throw Error(QStringLiteral("%1: the quote \"%2\" is not in the document (it must match the stored text exactly)")
                                .arg(d.name, quote.left(80)));
            const QString occ = a.value(QStringLiteral("occurrence"));
            if (occ == QLatin1String("all")) {
                std::vector<std::pair<qsizetype, qsizetype>> ranges;
                for (qsizetype h : hits)
                    ranges.emplace_back(h, h + len);
                ids = p->addSegments(d.id, ranges, codes, memo);
            } else {
                qsizetype n = 1;
                if (!occ.isEmpty()) {
                    bool ok = false;
                    n = occ.toLongLong(&ok);
                    if (!ok || n < 1)
                        throw Error(QStringLiteral("%1: --occurrence takes a number from 1, or \"all\"").arg(verb));
                    if (n > qsizetype(hits.size()))
                        throw Error(QStringLiteral("%1: the quote occurs %2 times; there is no occurrence %3").arg(d.name).arg(hits.size()).arg(n));
                } else if (hits.size() > 1) {
                    throw Error(QStringLiteral("%1: the quote occurs %2 times; choose one with --occurrence N or --occurrence all")
                                    .arg(d.name)
                                    .arg(hits.size()));
                }
                const qsizetype start = hits[std::size_t(n - 1)];
                ids.push_back(p->addSegment(d.id, start, start + len, codes, memo, caseId));
            }
        }
        QJsonArray segs;
        QStringList lines;
        for (Id id : ids) {
            const Segment s = p->segment(id);
            segs.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("start"), qint64(s.start)},
                                    {QStringLiteral("end"), qint64(s.end)}});
            lines << QStringLiteral("Segment %1: %2 %3:%4").arg(id).arg(d.name).arg(s.start).arg(s.end);
        }
        report(g, lines.join(QLatin1Char('\n')), {{QStringLiteral("segments"), segs}});
    } else if (sub == QLatin1String("remove")) {
        Args a(rest, {}, {}, verb);
        a.expectAtMost(2);
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        const Id id = a.at(1, QStringLiteral("SEGMENT-ID")).toLongLong();
        p->removeSegment(id);
        report(g, QStringLiteral("Removed segment %1").arg(id));
    } else if (sub == QLatin1String("resize")) {
        Args a(rest, {QStringLiteral("range")}, {}, verb);
        a.expectAtMost(2);
        if (!a.has(QStringLiteral("range")))
            throw Error(QStringLiteral("%1: give the new span with --range START:END").arg(verb));
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        const Id id = a.at(1, QStringLiteral("SEGMENT-ID")).toLongLong();
        const auto [start, end] = Cli::parseRange(a.value(QStringLiteral("range")));
        p->resizeSegment(id, start, end);
        report(g, QStringLiteral("Segment %1 is now %2:%3").arg(id).arg(start).arg(end));
    } else if (sub == QLatin1String("memo")) {
        Args a(rest, {}, {}, verb);
        a.expectAtMost(3);
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        const Id id = a.at(1, QStringLiteral("SEGMENT-ID")).toLongLong();
        p->setSegmentMemo(id, a.at(2, QStringLiteral("TEXT")));
        report(g, QStringLiteral("Memo of segment %1 saved").arg(id));
    } else {
        throw Error(QStringLiteral("segment: unknown action \"%1\" (add, remove, resize, memo)").arg(sub));
    }
    return 0;
}

AttributeType parseType(const QString &t)
{
    static const std::map<QString, AttributeType> types{{QStringLiteral("text"), AttributeType::Text},
                                                        {QStringLiteral("number"), AttributeType::Number},
                                                        {QStringLiteral("date"), AttributeType::Date},
                                                        {QStringLiteral("boolean"), AttributeType::Boolean},
                                                        {QStringLiteral("choice"), AttributeType::Choice}};
    auto it = types.find(t);
    if (it == types.end())
        throw Error(QStringLiteral("attribute type \"%1\" is not one of text, number, date, boolean, choice").arg(t));
    return it->second;
}

int cmdCase(const Globals &g, const QStringList &words)
{
    const QString sub = words.value(0);
    const QStringList rest = words.mid(1);
    const QString verb = QStringLiteral("case ") + sub;
    if (sub == QLatin1String("add")) {
        Args a(rest, {QStringLiteral("kind"), QStringLiteral("document"), QStringLiteral("attr")}, {}, verb);
        a.expectAtMost(2);
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        const QString name = a.at(1, QStringLiteral("case NAME"));
        std::vector<Id> docs;
        for (const auto &d : a.values(QStringLiteral("document")))
            docs.push_back(p->findDocument(d).id);
        QList<std::pair<QString, QString>> attrs;
        for (const auto &kv : a.values(QStringLiteral("attr")))
            attrs.append(Cli::parseKeyValue(kv));
        Id id = 0;
        p->batch(QStringLiteral("case.add"), QStringLiteral("Add case %1").arg(name), [&] {
            id = p->addCase(name, a.has(QStringLiteral("kind")) ? a.value(QStringLiteral("kind")) : QStringLiteral("participant"));
            for (Id d : docs)
                p->linkCaseDocument(id, d);
            for (const auto &[k, v] : attrs)
                p->setAttribute(AttributeScope::Case, id, k, v);
        });
        report(g, QStringLiteral("Added case %1").arg(name), {{QStringLiteral("id"), id}});
    } else if (sub == QLatin1String("attr")) {
        Args a(rest, {}, {}, verb);
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        const Case c = p->findCase(a.at(1, QStringLiteral("case NAME")));
        const QStringList kvs = a.positional().mid(2);
        if (kvs.isEmpty())
            throw Error(QStringLiteral("%1: give at least one KEY=VALUE").arg(verb));
        QList<std::pair<QString, QString>> attrs;
        for (const auto &kv : kvs)
            attrs.append(Cli::parseKeyValue(kv));
        p->batch(QStringLiteral("attribute.set"), QStringLiteral("Set attributes of %1").arg(c.name), [&] {
            for (const auto &[k, v] : attrs)
                p->setAttribute(AttributeScope::Case, c.id, k, v);
        });
        report(g, QStringLiteral("Set %1 attribute(s) of %2").arg(attrs.size()).arg(c.name));
    } else if (sub == QLatin1String("link")) {
        Args a(rest, {}, {}, verb);
        a.expectAtMost(3);
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        const Case c = p->findCase(a.at(1, QStringLiteral("case NAME")));
        const Document d = p->findDocument(a.at(2, QStringLiteral("DOCUMENT")));
        p->linkCaseDocument(c.id, d.id);
        report(g, QStringLiteral("Linked %1 to %2").arg(c.name, d.name));
    } else {
        throw Error(QStringLiteral("case: unknown action \"%1\" (add, attr, link)").arg(sub));
    }
    return 0;
}

int cmdDocument(const Globals &g, const QStringList &words)
{
    const QString sub = words.value(0);
    const QStringList rest = words.mid(1);
    const QString verb = QStringLiteral("document ") + sub;
    if (sub == QLatin1String("attr")) {
        Args a(rest, {}, {}, verb);
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
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
        report(g, QStringLiteral("Set %1 attribute(s) of %2").arg(attrs.size()).arg(d.name));
    } else if (sub == QLatin1String("rename")) {
        Args a(rest, {}, {}, verb);
        a.expectAtMost(3);
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        const Document d = p->findDocument(a.at(1, QStringLiteral("DOCUMENT")));
        p->renameDocument(d.id, a.at(2, QStringLiteral("NEW-NAME")));
        report(g, QStringLiteral("Renamed %1 to %2").arg(d.name, a.at(2, {})));
    } else if (sub == QLatin1String("delete")) {
        Args a(rest, {}, {QStringLiteral("force")}, verb);
        a.expectAtMost(2);
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        const Document d = p->findDocument(a.at(1, QStringLiteral("DOCUMENT")));
        p->deleteDocument(d.id, a.has(QStringLiteral("force")));
        report(g, QStringLiteral("Deleted %1 (undo brings it back)").arg(d.name));
    } else {
        throw Error(QStringLiteral("document: unknown action \"%1\" (attr, rename, delete)").arg(sub));
    }
    return 0;
}

int cmdAttribute(const Globals &g, const QStringList &words)
{
    const QString sub = words.value(0);
    const QString verb = QStringLiteral("attribute ") + sub;
    if (sub != QLatin1String("define"))
        throw Error(QStringLiteral("attribute: unknown action \"%1\" (define)").arg(sub));
    Args a(words.mid(1), {QStringLiteral("scope"), QStringLiteral("type"), QStringLiteral("choices")}, {}, verb);
    a.expectAtMost(2);
    auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
    const QString scope = a.has(QStringLiteral("scope")) ? a.value(QStringLiteral("scope")) : QStringLiteral("case");
    if (scope != QLatin1String("case") && scope != QLatin1String("document"))
        throw Error(QStringLiteral("%1: --scope is case or document, not \"%2\"").arg(verb, scope));
    const AttributeType type = parseType(a.has(QStringLiteral("type")) ? a.value(QStringLiteral("type")) : QStringLiteral("text"));
    QStringList choices;
    for (const auto &c : a.value(QStringLiteral("choices")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        choices << c.trimmed();
    const QString name = a.at(1, QStringLiteral("attribute NAME"));
    p->defineAttribute(scope == QLatin1String("case") ? AttributeScope::Case : AttributeScope::Document, name, type, choices);
    report(g, QStringLiteral("Defined %1 attribute %2 (%3)").arg(scope, name, toString(type)));
    return 0;
}

int cmdMemo(const Globals &g, const QStringList &words)
{
    const QString sub = words.value(0);
    const QStringList rest = words.mid(1);
    const QString verb = QStringLiteral("memo ") + sub;
    if (sub == QLatin1String("add")) {
        Args a(rest, {QStringLiteral("document"), QStringLiteral("code"), QStringLiteral("segment"), QStringLiteral("case"),
                      QStringLiteral("title")},
               {QStringLiteral("project")}, verb);
        a.expectAtMost(2);
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        const QString text = a.at(1, QStringLiteral("memo TEXT"));
        QString kind = QStringLiteral("project");
        std::optional<Id> target;
        int targets = a.has(QStringLiteral("project")) ? 1 : 0;
        if (a.has(QStringLiteral("document"))) {
            kind = QStringLiteral("document");
            target = p->findDocument(a.value(QStringLiteral("document"))).id;
            ++targets;
        }
        if (a.has(QStringLiteral("code"))) {
            kind = QStringLiteral("code");
            target = p->resolveCode(a.value(QStringLiteral("code")));
            ++targets;
        }
        if (a.has(QStringLiteral("segment"))) {
            kind = QStringLiteral("segment");
            target = a.value(QStringLiteral("segment")).toLongLong();
            ++targets;
        }
        if (a.has(QStringLiteral("case"))) {
            kind = QStringLiteral("case");
            target = p->findCase(a.value(QStringLiteral("case"))).id;
            ++targets;
        }
        if (targets > 1)
            throw Error(QStringLiteral("%1: a memo belongs to one thing: give only one of --project, --document, --code, --segment, --case").arg(verb));
        const Id id = p->addMemo(kind, target, text, a.value(QStringLiteral("title")));
        report(g, QStringLiteral("Added %1 memo %2").arg(kind).arg(id), {{QStringLiteral("id"), id}});
    } else if (sub == QLatin1String("edit")) {
        Args a(rest, {}, {}, verb);
        a.expectAtMost(3);
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        const Id id = a.at(1, QStringLiteral("MEMO-ID")).toLongLong();
        p->editMemo(id, a.at(2, QStringLiteral("TEXT")));
        report(g, QStringLiteral("Memo %1 saved").arg(id));
    } else if (sub == QLatin1String("delete")) {
        Args a(rest, {}, {}, verb);
        a.expectAtMost(2);
        auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
        const Id id = a.at(1, QStringLiteral("MEMO-ID")).toLongLong();
        p->deleteMemo(id);
        report(g, QStringLiteral("Memo %1 deleted").arg(id));
    } else {
        throw Error(QStringLiteral("memo: unknown action \"%1\" (add, edit, delete)").arg(sub));
    }
    return 0;
}

int cmdUndoRedo(const Globals &g, const QStringList &words, bool undo)
{
    const QString verb = undo ? QStringLiteral("undo") : QStringLiteral("redo");
    Args a(words, {QStringLiteral("steps")}, {}, verb);
    a.expectAtMost(1);
    auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
    const int steps = a.has(QStringLiteral("steps")) ? a.value(QStringLiteral("steps")).toInt() : 1;
    if (steps < 1)
        throw Error(QStringLiteral("%1: --steps takes a number from 1").arg(verb));
    QStringList done;
    for (int i = 0; i < steps; ++i)
        done << (undo ? p->undo() : p->redo());
    QStringList lines;
    for (const auto &s : done)
        lines << (undo ? QStringLiteral("Undid: ") : QStringLiteral("Redid: ")) + s;
    report(g, lines.join(QLatin1Char('\n')), {{QStringLiteral("commands"), QJsonArray::fromStringList(done)}});
    return 0;
}

int cmdCompact(const Globals &g, const QStringList &words)
{
    Args a(words, {}, {}, QStringLiteral("compact"));
    a.expectAtMost(1);
    auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
    const Project::CompactResult r = p->compact();
    report(g,
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

int cmdHistory(const Globals &g, const QStringList &words)
{
    Args a(words, {}, {}, QStringLiteral("history"));
    a.expectAtMost(1);
    auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
    QJsonArray out;
    QString text;
    for (const auto &c : p->history()) {
        out.append(QJsonObject{{QStringLiteral("id"), c.id},
                               {QStringLiteral("kind"), c.kind},
                               {QStringLiteral("summary"), c.summary},
                               {QStringLiteral("coder"), c.coder},
                               {QStringLiteral("created"), c.created},
                               {QStringLiteral("state"), c.state}});
        text += QStringLiteral("%1\t%2\t%3\t%4\t%5\n").arg(c.id).arg(c.created, c.coder, c.state, c.summary);
    }
    if (g.json)
        printJson(out);
    else
        writeOut(text);
    return 0;
}

int cmdExport(const Globals &g, const QStringList &words)
{
    Args a(words,
           QSet<QString>{QStringLiteral("format"), QStringLiteral("out"), QStringLiteral("by"), QStringLiteral("citation"),
                         QStringLiteral("codes"), QStringLiteral("template"), QStringLiteral("redact")}
               | Cli::quoteExportValuedOptions(),
           QSet<QString>{QStringLiteral("dry-run")} | Cli::quoteExportFlags(), QStringLiteral("export"));
    a.expectAtMost(1);
    auto p = openProject(g, a.at(0, QStringLiteral("PROJECT")));
    const bool dryRun = a.has(QStringLiteral("dry-run"));
    if (dryRun && !a.has(QStringLiteral("redact")))
        throw Error(QStringLiteral("export: --dry-run lists what --redact RULES-FILE would change; give the rules file"));
    const QString out = a.value(QStringLiteral("out"));
    if (out.isEmpty() && !dryRun)
        throw Error(QStringLiteral("export: name the output file with --out FILE"));
    QString format = a.value(QStringLiteral("format"));
    if (format.isEmpty())
        format = QFileInfo(out).suffix().toLower();
    ExporterInterface *exporter = dryRun ? nullptr : plugins().exporter(format);
    // Read the rules before anything is built: a bad rule stops the export early.
    std::optional<Redaction> redaction;
    if (a.has(QStringLiteral("redact")))
        redaction = Redaction::fromFile(a.value(QStringLiteral("redact")));
    ReportOptions options;
    options.byAttribute = a.value(QStringLiteral("by"));
    if (a.has(QStringLiteral("citation")))
        options.citationTemplate = a.value(QStringLiteral("citation"));
    options.codePaths = a.values(QStringLiteral("codes"));
    Cli::applyQuoteExportOptions(a, options);
    ThemeReport report = buildThemeReport(*p, options);
    report.layout = a.value(QStringLiteral("template"));
    checkLayout(report);
    // The report is a copy of the stored text: redaction never reaches the project.
    // Every text of the report passes the rules here, before any writer sees it
    // (names, titles and the project name the writers put into metadata, too).
    std::vector<RedactionChange> changes, names;
    if (redaction)
        changes = redaction->apply(report, &names);
    if (dryRun) {
        QJsonArray list;
        for (const auto &c : changes)
            list.append(QJsonObject{{QStringLiteral("document"), c.document},
                                    {QStringLiteral("segment"), c.segmentId},
                                    {QStringLiteral("field"), c.field},
                                    {QStringLiteral("position"), qint64(c.position)},
                                    {QStringLiteral("before"), c.before},
                                    {QStringLiteral("after"), c.after},
                                    {QStringLiteral("rule"), redaction->rules().at(std::size_t(c.rule)).source}});
        QJsonArray nameList;
        for (const auto &c : names)
            nameList.append(QJsonObject{{QStringLiteral("field"), c.field},
                                        {QStringLiteral("value"), c.value},
                                        {QStringLiteral("position"), qint64(c.position)},
                                        {QStringLiteral("before"), c.before},
                                        {QStringLiteral("after"), c.after},
                                        {QStringLiteral("rule"), redaction->rules().at(std::size_t(c.rule)).source}});
        const QString summary = redaction->summary(changes, &names);
        if (g.json)
            printJson(QJsonObject{{QStringLiteral("changes"), list}, {QStringLiteral("names"), nameList}, {QStringLiteral("summary"), summary}});
        else
            writeOut(Redaction::listing(changes, redaction->rules()) + Redaction::listing(names, redaction->rules()) + summary
                     + QLatin1Char('\n'));
        return 0;
    }
    // QSaveFile: the old file stays intact until the new one is complete.
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly))
        throw Error(QStringLiteral("%1: cannot write: %2").arg(out, FileErrors::writeFailure(out, file.errorString())));
    try {
        exporter->write(report, file);
    } catch (const Error &e) {
        const QString why = FileErrors::writeFailure(out, e.message(), file.error() == QFileDevice::ResourceError);
        file.cancelWriting();
        throw Error(QStringLiteral("%1: cannot write: %2").arg(out, why));
    }
    if (!file.commit())
        throw Error(QStringLiteral("%1: cannot write: %2")
                        .arg(out, FileErrors::writeFailure(out, file.errorString(), file.error() == QFileDevice::ResourceError)));
    qsizetype quotes = 0;
    for (const auto &q : report.quotes)
        quotes += qsizetype(q.size());
    QString message = QStringLiteral("Wrote %1 (%2 codes, %3 quotes)").arg(out).arg(report.rows.size()).arg(quotes);
    if (redaction)
        message += QStringLiteral("\n") + redaction->summary(changes, &names);
    ::report(g, message,
             {{QStringLiteral("file"), out}, {QStringLiteral("codes"), qint64(report.rows.size())},
              {QStringLiteral("quotes"), qint64(quotes)}, {QStringLiteral("redactions"), qint64(changes.size())},
              {QStringLiteral("nameRedactions"), qint64(names.size())}});
    return 0;
}

int cmdPlugins(const Globals &g, const QStringList &words)
{
    Args a(words, {}, {}, QStringLiteral("plugins"));
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
        text += QStringLiteral("%1\t%2\t%3\t%4\n")
                    .arg(info.id, info.isStatic ? QStringLiteral("built-in") : info.file,
                         info.loaded ? QStringLiteral("loaded") : QStringLiteral("not loaded: ") + info.problem, info.iid);
    }
    if (g.json)
        printJson(out);
    else
        writeOut(text);
    return 0;
}

const char *const Usage = R"(Usage: quire-cli [--json] [--coder NAME] VERB ...

  new PROJECT.quire
  import PROJECT FILE|FOLDER... [--format F] [--encoding E] [--case NAME] [--attr KEY=VALUE]... [--kind K]
         [--no-speakers | --speaker-pattern RE] [--speaker-case TEMPLATE] [--uncounted-speaker NAME]...
         [--counted-speaker NAME]... [--set KEY=VALUE]... [--skip-bad] [--quiet]
  import PROJECT FILE.qdpx|FILE.qde|FILE.qdc   (REFI-QDA: a whole project or codebook, one command)
  list documents|codes|cases|segments|attributes|memos PROJECT [--document D] [--code PATH]
  show PROJECT DOCUMENT [--range START:END]
  code add PROJECT PATH [--color #RRGGBB] [--description TEXT]
  code rename PROJECT PATH NEW-NAME | code move PROJECT PATH --to PARENT|/
  code link PROJECT PATH --parent OTHER | code unlink PROJECT PATH
  code merge PROJECT PATH --into OTHER | code delete PROJECT PATH [--force]
  code describe PROJECT PATH [TEXT | --description TEXT] [--color #RRGGBB]
  segment add PROJECT DOCUMENT --code PATH... (--range START:END | --quote TEXT [--occurrence N|all]) [--memo TEXT] [--case NAME]
  segment remove PROJECT ID | segment resize PROJECT ID --range START:END | segment memo PROJECT ID TEXT
  case add PROJECT NAME [--kind K] [--document D]... [--attr KEY=VALUE]...
  case attr PROJECT NAME KEY=VALUE... | case link PROJECT NAME DOCUMENT
  document attr PROJECT DOCUMENT KEY=VALUE... | document rename PROJECT DOCUMENT NEW-NAME | document delete PROJECT DOCUMENT [--force]
  attribute define PROJECT NAME [--scope case|document] [--type text|number|date|boolean|choice] [--choices a,b,c]
  memo add PROJECT TEXT [--project|--document D|--code PATH|--segment ID|--case NAME] [--title T]
  memo edit PROJECT ID TEXT | memo delete PROJECT ID
  undo PROJECT [--steps N] | redo PROJECT [--steps N] | history PROJECT | compact PROJECT
  verify PROJECT | save-copy PROJECT COPY.quire
  backup PROJECT | backup list PROJECT | backup restore PROJECT [BACKUP.quire]
  export PROJECT --out FILE [--format md|csv|docx|odt|html|xlsx|pdf] [--template theme-table|quotes|matrix|codebook]
         [--by ATTRIBUTE] [--citation TEMPLATE] [--codes PATH]... [--redact RULES-FILE [--dry-run]]
         [--max-quotes N] [--order document|chosen|starred] [--max-length N] [--speaker-label]
         [--locator page|time|none] [--memos] [--no-timestamp]
  export PROJECT --format qdpx|qdc --out FILE   (REFI-QDA project package or codebook)
  quote star PROJECT SEGMENT [--order N] | quote unstar PROJECT SEGMENT
  quote edit PROJECT SEGMENT TEXT | quote clear-edit PROJECT SEGMENT | quote list PROJECT [SEGMENT] [--starred]
  plugins
  search PROJECT QUERY [--kwic N] [--sentence] [--regex] [--limit N] [--in documents|memos|codes|all]
  autocode PROJECT QUERY --code PATH [--extend hit|word|sentence|paragraph|turn] [--hits 1,3,5-7] [--regex]
  words PROJECT [--by document|code|speaker|case|ATTRIBUTE] [--stem] [--stopwords none|english] [--top N] [--document D]...
  reindex PROJECT [--language LANG] [--check]
  crosstab PROJECT (--by ATTRIBUTE | --documents | --cases) [--count segments|documents|cases]
           [--percent row|column] [--code PATH]... [--direct] [--coded-by NAME] [--out FILE.csv]
  cooccur PROJECT [--mode overlap|near|turn|document] [--distance N] [--code PATH]... [--coded-by NAME]
          [--coefficient] [--pairs] [--min-count N] [--out FILE.csv|.graphml|.dot|.svg]
  frequencies PROJECT [--by document|speaker] [--order-by ATTRIBUTE] [--code PATH]... [--direct] [--out FILE.csv]
  agreement PROJECT [--coders A,B,...] [--unit sentence|paragraph|turn] [--document D]... [--code PATH]...
            [--silent-missing] [--bootstrap N] [--seed N] [--confidence C] [--resample auto|documents|units]
            [--no-unitizing] [--out FILE.csv] [--pairs FILE.csv] [--disagreements FILE.csv] [--show N]
  merge PROJECT OTHER-PROJECT [--no-copy] | copy-for-coder PROJECT NEW-PROJECT [--keep-memos]

Offsets are Unicode code points into the stored text. See docs/cli.md.
)";
// Working Together for Change verbs, listed after the main help (src/cli/wtfcverbs.cpp).
const char *const WtfcHelp = "\nWorking Together for Change (docs/wtfc.md):\n";

/// Whether the command draws text (any PDF, or a workshop report whose graph
/// picture is drawn for .docx): that needs fonts, so a QGuiApplication.
bool drawsText(int argc, char **argv)
{
    bool isExport = false, isWorkshop = false;
    QByteArray format, out;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "export")
            isExport = true;
        else if (arg == "wtfc" && !isExport)
            isWorkshop = true;
        else if (isExport && i + 1 < argc && arg == "--format")
            format = QByteArray(argv[i + 1]).toLower();
        else if (isExport && arg.startsWith("--format="))
            format = arg.mid(9).toLower();
        else if (isExport && i + 1 < argc && arg == "--out")
            out = QByteArray(argv[i + 1]).toLower();
    }
    // Any PDF written (an export, or analysis tables with --out FILE.pdf).
    for (int i = 1; i + 1 < argc; ++i) {
        if (QByteArray(argv[i]) == "--out" && QByteArray(argv[i + 1]).toLower().endsWith(".pdf"))
            return true;
    }
    if (!isExport)
        return false;
    if (format.isEmpty())
        format = out.mid(out.lastIndexOf('.') + 1);
    return format == "pdf" || (isWorkshop && format == "docx");
}

std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv)
{
    if (!drawsText(argc, argv))
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Without a runtime folder Qt prints a warning on stderr, where a
    // successful command must print nothing.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray dir = QByteArray("/tmp/quire-runtime-") + QByteArray::number(getuid());
        ::mkdir(dir.constData(), 0700);
        qputenv("XDG_RUNTIME_DIR", dir);
    }
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace

int main(int argc, char **argv)
{
    // PDF exports lay out text, which needs fonts and so a QGuiApplication;
    // everything else runs on QCoreApplication, without a display.
    const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("quire-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QUIRE_VERSION));
    QStringList args = app.arguments().mid(1);
    Globals g;
    // Global options come before the verb.
    while (!args.isEmpty() && args.front().startsWith(QStringLiteral("--"))) {
        const QString opt = args.takeFirst();
        if (opt == QLatin1String("--json")) {
            g.json = true;
        } else if (opt == QLatin1String("--coder") && !args.isEmpty()) {
            g.coder = args.takeFirst();
        } else if (opt == QLatin1String("--help")) {
            writeOut(QString::fromUtf8(Usage) + QString::fromUtf8(WtfcHelp) + QString::fromUtf8(Cli::WtfcUsage));
            return 0;
        } else if (opt == QLatin1String("--version")) {
            writeOut(QStringLiteral("quire-cli %1\n").arg(QStringLiteral(QUIRE_VERSION)));
            return 0;
        } else {
            std::fprintf(stderr, "quire-cli: unknown option %s (see quire-cli --help)\n", opt.toUtf8().constData());
            return ExitUsage;
        }
    }
    // --json is also accepted after the verb, where people tend to type it.
    if (args.removeAll(QStringLiteral("--json")) > 0)
        g.json = true;
    if (args.isEmpty()) {
        std::fputs(Usage, stderr);
        return ExitUsage;
    }
    const QString verb = args.takeFirst();
    static const std::map<QString, std::function<int(const Globals &, const QStringList &)>> verbs{
        {QStringLiteral("new"), cmdNew},
        {QStringLiteral("import"), [](const Globals &gl, const QStringList &w) {
             return Cli::isExchangeImport(w) ? Cli::cmdExchangeImport({gl.json, gl.coder}, w) : cmdImport(gl, w); }},
        {QStringLiteral("list"), cmdList},
        {QStringLiteral("show"), cmdShow},
        {QStringLiteral("code"), cmdCode},
        {QStringLiteral("segment"), cmdSegment},
        {QStringLiteral("case"), cmdCase},
        {QStringLiteral("document"), cmdDocument},
        {QStringLiteral("attribute"), cmdAttribute},
        {QStringLiteral("memo"), cmdMemo},
        {QStringLiteral("undo"), [](const Globals &gl, const QStringList &w) { return cmdUndoRedo(gl, w, true); }},
        {QStringLiteral("redo"), [](const Globals &gl, const QStringList &w) { return cmdUndoRedo(gl, w, false); }},
        {QStringLiteral("history"), cmdHistory},
        {QStringLiteral("compact"), cmdCompact},
        {QStringLiteral("export"), [](const Globals &gl, const QStringList &w) {
             return Cli::isExchangeExport(w) ? Cli::cmdExchangeExport({gl.json, gl.coder}, w) : cmdExport(gl, w); }},
        {QStringLiteral("plugins"), cmdPlugins},
        {QStringLiteral("search"), [](const Globals &gl, const QStringList &w) { return Cli::cmdSearch({gl.json, gl.coder}, w); }},
        {QStringLiteral("autocode"), [](const Globals &gl, const QStringList &w) { return Cli::cmdAutocode({gl.json, gl.coder}, w); }},
        {QStringLiteral("words"), [](const Globals &gl, const QStringList &w) { return Cli::cmdWords({gl.json, gl.coder}, w); }},
        {QStringLiteral("reindex"), [](const Globals &gl, const QStringList &w) { return Cli::cmdReindex({gl.json, gl.coder}, w); }},
        {QStringLiteral("wtfc"), [](const Globals &gl, const QStringList &w) { return Cli::cmdWtfc({gl.json, gl.coder}, w); }},
        {QStringLiteral("crosstab"), [](const Globals &gl, const QStringList &w) { return Cli::cmdCrosstab({gl.json, gl.coder}, w); }},
        {QStringLiteral("cooccur"), [](const Globals &gl, const QStringList &w) { return Cli::cmdCooccur({gl.json, gl.coder}, w); }},
        {QStringLiteral("frequencies"), [](const Globals &gl, const QStringList &w) { return Cli::cmdFrequencies({gl.json, gl.coder}, w); }},
        {QStringLiteral("agreement"), [](const Globals &gl, const QStringList &w) { return Cli::cmdAgreement({gl.json, gl.coder}, w); }},
        {QStringLiteral("merge"), [](const Globals &gl, const QStringList &w) { return Cli::cmdMerge({gl.json, gl.coder}, w); }},
        {QStringLiteral("copy-for-coder"), [](const Globals &gl, const QStringList &w) { return Cli::cmdCopyForCoder({gl.json, gl.coder}, w); }},
        {QStringLiteral("quote"), [](const Globals &gl, const QStringList &w) { return Cli::cmdQuote({gl.json, gl.coder}, w); }},
        {QStringLiteral("verify"), [](const Globals &gl, const QStringList &w) { return Cli::cmdVerify({gl.json, gl.coder}, w); }},
        {QStringLiteral("backup"), [](const Globals &gl, const QStringList &w) { return Cli::cmdBackup({gl.json, gl.coder}, w); }},
        {QStringLiteral("save-copy"), [](const Globals &gl, const QStringList &w) { return Cli::cmdSaveCopy({gl.json, gl.coder}, w); }},
    };
    Cli::installFileMessages();
    const auto it = verbs.find(verb);
    if (it == verbs.end()) {
        std::fprintf(stderr, "quire-cli: unknown verb \"%s\" (see quire-cli --help)\n", verb.toUtf8().constData());
        return ExitUsage;
    }
    try {
        return it->second(g, args);
    } catch (const Quire::Cli::UsageError &e) {
        const QByteArray msg = e.message().toUtf8();
        std::fprintf(stderr, "quire-cli: %s\n", msg.constData());
        return ExitUsage;
    } catch (const Quire::Error &e) {
        const QByteArray msg = e.message().toUtf8();
        std::fprintf(stderr, "quire-cli: %s\n", msg.constData());
        return ExitError;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "quire-cli: internal error: %s\n", e.what());
        return ExitError;
    }
}
