// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/fileimport.h"

#include "error.h"
#include "formats/largetext.h"
#include "formats/pluginmanager.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QStringDecoder>

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <limits>

namespace Quire {

ImportedFile readImportFile(const PluginManager &plugins, const QString &path, const QString &format,
                            const ImportOptions &options)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        // A name on disk that is not UTF-8 reaches Quire with U+FFFD in place of its bytes.
        if (path.contains(QChar::ReplacementCharacter))
            throw Error(
                QStringLiteral("%1: no such file (if its name on disk is not valid UTF-8, Quire cannot open it: "
                               "rename the file)")
                    .arg(path));
        throw Error(QStringLiteral("%1: no such file").arg(path));
    }
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
    qint64 characters = 0;
    for (const ImportedDocument &d : out.documents)
        characters += importedCharacters(d);
    checkImportLimits(info.fileName(), out.size, qint64(out.documents.size()), characters, options.limits);
    return out;
}

QString escapedFileName(const QByteArray &name)
{
    QString out;
    qsizetype i = 0;
    const qsizetype n = name.size();
    auto cont = [&](qsizetype at, uchar lo = 0x80, uchar hi = 0xBF) {
        return at < n && uchar(name[at]) >= lo && uchar(name[at]) <= hi;
    };
    while (i < n) {
        const uchar c = uchar(name[i]);
        qsizetype len = 0; // length of a valid UTF-8 sequence starting here, or 0
        if (c >= 0x20 && c < 0x7F)
            len = 1;
        else if (c >= 0xC2 && c <= 0xDF)
            len = cont(i + 1) ? 2 : 0;
        else if (c >= 0xE0 && c <= 0xEF)
            len = cont(i + 1, c == 0xE0 ? 0xA0 : 0x80, c == 0xED ? 0x9F : 0xBF) && cont(i + 2) ? 3 : 0;
        else if (c >= 0xF0 && c <= 0xF4)
            len = cont(i + 1, c == 0xF0 ? 0x90 : 0x80, c == 0xF4 ? 0x8F : 0xBF) && cont(i + 2) && cont(i + 3) ? 4 : 0;
        if (len == 0) {
            out += QStringLiteral("\\x") + QString::number(c, 16).toUpper().rightJustified(2, QLatin1Char('0'));
            ++i;
        } else {
            out += QString::fromUtf8(name.constData() + i, len);
            i += len;
        }
    }
    return out;
}

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    const QString decoded = decoder(bytes);
    return !decoder.hasError();
}

QStringList undecodableNames(const QString &folder)
{
    // Read with POSIX calls: QDir leaves out names it cannot decode.
    const QByteArray path = QFile::encodeName(folder);
    DIR *dir = opendir(path.constData());
    if (!dir)
        return {}; // not a folder we can read: the import itself reports that
    std::vector<QByteArray> names;
    while (const dirent *e = readdir(dir)) {
        if (e->d_name[0] != '.')
            names.emplace_back(e->d_name);
    }
    closedir(dir);
    std::sort(names.begin(), names.end());
    QStringList out;
    for (const QByteArray &name : names) {
        const QByteArray full = path + '/' + name;
        if (!isValidUtf8(name)) {
            out << QStringLiteral(
                       "%1: the name is not valid UTF-8 (written in another encoding?), so Quire can neither "
                       "read it nor name its document faithfully; rename it")
                       .arg(escapedFileName(full));
            continue;
        }
        // lstat: a folder import does not follow links (nor loop through them).
        struct stat st;
        if (lstat(full.constData(), &st) == 0 && S_ISDIR(st.st_mode))
            out << undecodableNames(QFile::decodeName(full));
    }
    return out;
}

qint64 importedCharacters(const ImportedDocument &doc)
{
    // Attribute names are stored once per project, values once per document.
    qint64 n = doc.text.size() + doc.name.size();
    for (const auto &kv : doc.attributes)
        n += kv.second.size();
    return n;
}

void checkImportLimits(const QString &fileName, qint64 fileSize, qint64 documents, qint64 characters,
                       const ImportLimits &limits)
{
    if (documents > limits.maxDocuments)
        throw Error(
            QStringLiteral("%1: would become %2 documents, more than the %3 Quire imports from one file; "
                           "if you mean to import them all, raise the limit with quire-cli import --max-documents N")
                .arg(fileName)
                .arg(documents)
                .arg(limits.maxDocuments));
    const qint64 size = std::max<qint64>(fileSize, 1);
    const qint64 factor = std::max<qint64>(limits.maxExpansion, 1);
    const qint64 scaled =
        factor > std::numeric_limits<qint64>::max() / size ? std::numeric_limits<qint64>::max() : factor * size;
    const qint64 allowed = std::max(MinExpansionCharacters, scaled);
    if (characters > allowed)
        throw Error(QStringLiteral("%1: its %2 bytes would become %3 characters of text, more than %4 times its size "
                                   "(a sign of a file built to blow up, such as one text repeated many times); "
                                   "if you trust the file, raise the limit with quire-cli import --max-expansion N")
                        .arg(fileName)
                        .arg(fileSize)
                        .arg(characters)
                        .arg(limits.maxExpansion));
}

} // namespace Quire

#include "formats/transcript.h"
#include "text/textdecoder.h"

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
