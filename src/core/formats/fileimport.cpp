// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/fileimport.h"

#include "error.h"
#include "formats/largetext.h"
#include "formats/pluginmanager.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace Quire {

ImportedFile readImportFile(const PluginManager &plugins, const QString &path, const QString &format,
                            const ImportOptions &options)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw Error(QStringLiteral("%1: no such file").arg(path));
    if (info.isDir())
        throw Error(QStringLiteral("%1: is a directory; name the files inside it").arg(path));
    if (info.size() > MaxImportFileSize)
        throw Error(QStringLiteral("%1: is %2 MB; Quire reads files of up to %3 MB")
                        .arg(path)
                        .arg(info.size() / (1024 * 1024))
                        .arg(MaxImportFileSize / (1024 * 1024)));
    ImporterInterface *importer = plugins.importerFor(path, format);
    // A very large text file is read in parts, one in memory at a time.
    const QString id = importer->formatId();
    if (info.size() > LargeTextFileSize && (id == QLatin1String("plaintext") || id == QLatin1String("md")))
        return readLargeTextFile(path, id, options);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    if (bytes.isEmpty())
        throw Error(QStringLiteral("%1: is empty (0 bytes); nothing to import").arg(path));
    ImportedFile out;
    out.sourcePath = info.absoluteFilePath();
    out.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    out.format = importer->formatId();
    out.size = bytes.size();
    out.documents = importer->read(info.fileName(), bytes, options);
    return out;
}

} // namespace Quire

#include "text/textdecoder.h"
#include "text/transcript.h"

namespace Quire {

void applySpeakerTurns(ImportedDocument &doc, const ImportOptions &options, qsizetype prefixLength)
{
    if (!options.detectSpeakers)
        return;
    TranscriptDetector detector;
    detector.customPattern = options.speakerPattern;
    // Offsets into a prefix are offsets into the whole text.
    doc.turns = detector.detect(prefixLength < 0 ? doc.text : doc.text.left(prefixLength));
    if (doc.turns.empty())
        return;
    doc.kind = QStringLiteral("transcript");
    QStringList speakers;
    for (const auto &t : doc.turns) {
        if (!speakers.contains(t.speaker))
            speakers << t.speaker;
    }
    doc.meta.insert(QStringLiteral("turns"), qint64(doc.turns.size()));
    doc.meta.insert(QStringLiteral("speakers"), QJsonArray::fromStringList(speakers));
}

ImportedDocument decodeTextDocument(const QString &fileName, const QByteArray &bytes, const ImportOptions &options)
{
    const TextDecoder::DecodedText decoded = TextDecoder::decode(bytes, fileName, options.declaredEncoding);
    ImportedDocument doc;
    doc.name = fileName;
    doc.text = decoded.text;
    doc.encoding = decoded.encoding;
    doc.meta = QJsonObject{{QStringLiteral("encoding"), decoded.encoding},
                           {QStringLiteral("encodingDeclared"), !options.declaredEncoding.isEmpty()},
                           {QStringLiteral("bomRemoved"), decoded.hadBom},
                           {QStringLiteral("crlfConverted"), qint64(decoded.crlfCount)},
                           {QStringLiteral("crConverted"), qint64(decoded.crCount)},
                           {QStringLiteral("bytes"), qint64(bytes.size())}};
    applySpeakerTurns(doc, options);
    return doc;
}

} // namespace Quire
