// SPDX-License-Identifier: GPL-3.0-or-later
#include "sampleproject.h"

#include "error.h"
#include "formats/fileimport.h"
#include "model/project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>

namespace Quire::SampleProject {

namespace {

const QString ResourceFolder = QStringLiteral(":/quire/sample/");

/// The file's bytes as they are: the corpus is deliberately in several encodings.
QByteArray readResource(const QString &name)
{
    QFile f(ResourceFolder + name);
    if (!f.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("The sample corpus file %1 is missing from this build of Quire.").arg(name));
    return f.readAll();
}

/// The rows of a tab-separated file, header left out; empty lines skipped.
QList<QStringList> tsvRows(const QString &name)
{
    QList<QStringList> rows;
    const QStringList lines = QString::fromUtf8(readResource(name)).split(QLatin1Char('\n'));
    for (qsizetype i = 1; i < lines.size(); ++i)
        if (!lines[i].trimmed().isEmpty())
            rows << lines[i].split(QLatin1Char('\t'));
    return rows;
}

void build(const PluginManager &plugins, const QString &path, const QString &corpusFolder)
{
    auto project = Project::create(path);
    project->setCoder(QStringLiteral("sample"));
    // documents.tsv: file, kind, case, attributes (k=v;k=v)
    for (const QStringList &row : tsvRows(QStringLiteral("documents.tsv"))) {
        const QString file = row.value(0);
        const QString source = QDir(corpusFolder).filePath(file);
        QFile out(source);
        if (!out.open(QIODevice::WriteOnly) || out.write(readResource(file)) < 0)
            throw Error(QStringLiteral("Could not write %1 for the sample project: %2").arg(source, out.errorString()));
        out.close();
        ImportedFile read = readImportFile(plugins, source);
        for (ImportedDocument &d : read.documents)
            d.kind = row.value(1);
        ImportTarget target;
        target.caseName = row.value(2);
        for (const QString &kv : row.value(3).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const qsizetype eq = kv.indexOf(QLatin1Char('='));
            target.attributes.append({kv.left(eq), kv.mid(eq + 1)});
        }
        std::vector<ImportedFile> files;
        files.push_back(std::move(read));
        project->importDocuments(files, target);
    }
    // coding.tsv: file, code path, exact quote
    const QList<QStringList> coding = tsvRows(QStringLiteral("coding.tsv"));
    QSet<QString> made;
    for (const QStringList &row : coding)
        if (!made.contains(row.value(1))) {
            project->addCode(row.value(1));
            made.insert(row.value(1));
        }
    for (const QStringList &row : coding) {
        const Id documentId = project->findDocument(row.value(0)).id;
        const QString quote = row.value(2);
        const auto at = project->findQuote(documentId, quote);
        if (at.empty())
            throw Error(QStringLiteral("The sample quote \"%1\" is not in %2.").arg(quote, row.value(0)));
        project->addSegment(documentId, at.front(), at.front() + qsizetype(quote.toUcs4().size()),
                            {project->resolveCode(row.value(1))});
    }
}

} // namespace

QString ensure(const PluginManager &plugins, const QString &folder)
{
    const QString target = QDir(folder).filePath(QStringLiteral("sample.quire"));
    if (QFileInfo::exists(target))
        return target;
    if (!QDir().mkpath(folder))
        throw Error(QStringLiteral("Could not make the folder %1 for the sample project.").arg(folder));
    QTemporaryDir work(QDir(folder).filePath(QStringLiteral(".sample-XXXXXX")));
    if (!work.isValid())
        throw Error(QStringLiteral("Could not make a working folder in %1 for the sample project: %2")
                        .arg(folder, work.errorString()));
    const QString building = work.filePath(QStringLiteral("sample.quire"));
    build(plugins, building, work.path()); // the Project is closed (checkpointed) when build returns
    if (!QFile::rename(building, target))
        throw Error(QStringLiteral("Could not move the sample project into place as %1.").arg(target));
    return target;
}

} // namespace Quire::SampleProject
