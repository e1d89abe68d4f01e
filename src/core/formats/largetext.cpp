// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/largetext.h"

#include "error.h"
#include "formats/fileimport.h"
#include "text/textdecoder.h"

#include <QByteArrayView>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace Quire {

namespace {

constexpr qint64 ReadBlock = qint64(4) * 1024 * 1024;

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', bytes >= 10 * 1024 * 1024 ? 0 : 1);
}

/// Bytes 0x80–0x9F that windows-1252 gives printable characters (as TextDecoder decides).
bool hasWindows1252Byte(QByteArrayView bytes)
{
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0x80 && b <= 0x9F && b != 0x81 && b != 0x8D && b != 0x8F && b != 0x90 && b != 0x9D)
            return true;
    }
    return false;
}

/// Where to end a part of `pending` (an index just after a line end), or -1
/// if the bytes so far hold no usable line end yet.
qsizetype findCut(const QByteArray &pending, qint64 partSize)
{
    const qsizetype limit = qsizetype(std::min<qint64>(pending.size(), partSize));
    const qsizetype lf = pending.lastIndexOf('\n', limit - 1);
    if (lf >= 0)
        return lf + 1;
    const qsizetype later = pending.indexOf('\n', limit);
    if (later >= 0)
        return later + 1;
    // Old Mac line ends: a CR that is not the first half of a CRLF (the byte
    // after it must be known, so never the last byte read).
    for (qsizetype i = pending.size() - 2; i >= 0; --i) {
        if (pending[i] == '\r' && pending[i + 1] != '\n')
            return i + 1;
    }
    return -1;
}

bool isWideEncoding(const QString &name)
{
    static const QRegularExpression wide(QStringLiteral("^(utf-?(16|32)|ucs-?[24])"),
                                         QRegularExpression::CaseInsensitiveOption);
    return wide.match(name).hasMatch();
}

struct Plan
{
    std::vector<qint64> cuts; ///< start of every part, then the file size
    QByteArray sha256;
    bool allUtf8 = true;
    bool any1252 = false;
    qsizetype firstNonUtf8 = -1;
    bool utf8Bom = false;
};

class TextParts : public DocumentStream
{
public:
    TextParts(QString path, QString fileName, ImportOptions options, QString encoding, Plan plan)
        : m_path(std::move(path))
        , m_fileName(std::move(fileName))
        , m_options(std::move(options))
        , m_encoding(std::move(encoding))
        , m_plan(std::move(plan))
        , m_hash(QCryptographicHash::Sha256)
    {}

    qsizetype count() const { return qsizetype(m_plan.cuts.size()) - 1; }

    QString partName(qsizetype i) const
    {
        return QStringLiteral("%1 (part %2 of %3)").arg(m_fileName).arg(i + 1).arg(count());
    }

    QStringList names() const override
    {
        QStringList out;
        for (qsizetype i = 0; i < count(); ++i)
            out << partName(i);
        return out;
    }

    std::optional<ImportedDocument> next() override
    {
        if (m_next >= count())
            return std::nullopt;
        if (!m_file.isOpen()) {
            m_file.setFileName(m_path);
            if (!m_file.open(QIODevice::ReadOnly))
                throw Error(QStringLiteral("%1: cannot read: %2").arg(m_path, m_file.errorString()));
        }
        const qsizetype i = m_next++;
        const qint64 start = m_plan.cuts[std::size_t(i)];
        const qint64 length = m_plan.cuts[std::size_t(i) + 1] - start;
        if (!m_file.seek(start))
            throw Error(QStringLiteral("%1: cannot read: %2").arg(m_path, m_file.errorString()));
        const QByteArray bytes = m_file.read(length);
        if (bytes.size() != length)
            throw Error(QStringLiteral("%1: changed or became unreadable while it was being imported").arg(m_path));
        m_hash.addData(bytes);
        if (m_next == count() && (m_hash.result() != m_plan.sha256 || m_file.size() != m_plan.cuts.back()))
            throw Error(QStringLiteral("%1: changed while it was being imported; nothing was imported").arg(m_path));
        ImportOptions partOptions = m_options;
        partOptions.declaredEncoding = m_encoding;
        ImportedDocument doc = decodeTextDocument(partName(i), bytes, partOptions);
        doc.meta.insert(QStringLiteral("encodingDeclared"), !m_options.declaredEncoding.isEmpty());
        doc.meta.insert(QStringLiteral("part"), qint64(i + 1));
        doc.meta.insert(QStringLiteral("parts"), qint64(count()));
        doc.meta.insert(QStringLiteral("partByteOffset"), start);
        doc.meta.insert(QStringLiteral("fileBytes"), m_plan.cuts.back());
        if (adjust)
            adjust(doc);
        return doc;
    }

private:
    QString m_path, m_fileName;
    ImportOptions m_options;
    QString m_encoding;
    Plan m_plan;
    QFile m_file;
    QCryptographicHash m_hash;
    qsizetype m_next = 0;
};

} // namespace

ImportedFile readLargeTextFile(const QString &path, const QString &format, const ImportOptions &options,
                               qint64 partSize)
{
    const QFileInfo info(path);
    const QString fileName = info.fileName();
    if (isWideEncoding(options.declaredEncoding))
        throw Error(QStringLiteral("%1: is %2 MB of %3 text; Quire reads files this large only in UTF-8 or a "
                                   "single-byte encoding (convert it to UTF-8)")
                        .arg(path, megabytes(info.size()), options.declaredEncoding));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));

    Plan plan;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray pending;
    qint64 pendingStart = 0;
    auto closePart = [&](qsizetype length) {
        const QByteArrayView part(pending.constData(), length);
        if (!part.isValidUtf8() && plan.allUtf8) {
            plan.allUtf8 = false;
            plan.firstNonUtf8 = qsizetype(plan.cuts.size());
        }
        plan.any1252 = plan.any1252 || hasWindows1252Byte(part);
        plan.cuts.push_back(pendingStart);
        pendingStart += length;
        pending.remove(0, length);
    };
    bool first = true;
    while (!file.atEnd()) {
        const QByteArray block = file.read(ReadBlock);
        if (block.isEmpty())
            throw Error(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
        if (first) {
            first = false;
            const auto b = [&](int i) { return block.size() > i ? static_cast<unsigned char>(block[i]) : 0x100; };
            if ((b(0) == 0xFF && b(1) == 0xFE) || (b(0) == 0xFE && b(1) == 0xFF) ||
                (b(0) == 0 && b(1) == 0 && b(2) == 0xFE && b(3) == 0xFF))
                throw Error(
                    QStringLiteral(
                        "%1: is %2 MB of UTF-16 or UTF-32 text (it starts with a byte-order mark); "
                        "Quire reads files this large only in UTF-8 or a single-byte encoding (convert it to UTF-8)")
                        .arg(path, megabytes(info.size())));
            plan.utf8Bom = b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF;
        }
        hash.addData(block);
        pending.append(block);
        while (pending.size() >= partSize) {
            const qsizetype cut = findCut(pending, partSize);
            if (cut < 0) {
                if (pending.size() > 2 * partSize)
                    throw Error(QStringLiteral("%1: has no line break in %2 MB (from byte %3); a file this large is "
                                               "imported in parts cut at line ends, and this one cannot be cut")
                                    .arg(path, megabytes(pending.size()))
                                    .arg(pendingStart));
                break;
            }
            closePart(cut);
        }
    }
    if (!pending.isEmpty())
        closePart(pending.size());
    if (plan.cuts.empty())
        throw Error(QStringLiteral("%1: is empty (0 bytes); nothing to import").arg(path));
    plan.cuts.push_back(pendingStart);
    plan.sha256 = hash.result();

    // The encoding of the whole file, by TextDecoder's rules applied to all of it.
    QString encoding = options.declaredEncoding;
    if (encoding.isEmpty() && (plan.utf8Bom || plan.allUtf8))
        encoding = QStringLiteral("UTF-8");
    if (encoding.isEmpty()) {
        const qint64 start = plan.cuts[std::size_t(plan.firstNonUtf8)];
        if (!file.seek(start))
            throw Error(QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
        const QByteArray sample = file.read(plan.cuts[std::size_t(plan.firstNonUtf8) + 1] - start);
        encoding = TextDecoder::decode(sample, fileName, QString()).encoding;
        if (encoding == QLatin1String("windows-1252") || encoding == QLatin1String("ISO-8859-1"))
            encoding = plan.any1252 ? QStringLiteral("windows-1252") : QStringLiteral("ISO-8859-1");
    }

    auto parts = std::make_shared<TextParts>(info.absoluteFilePath(), fileName, options, encoding, plan);
    if (parts->count() > 1)
        parts->warnings << QStringLiteral(
                               "%1: %2 MB is more than one document should hold; imported as %3 documents of "
                               "about %4 MB each, cut at line ends (\"%5\" …)")
                               .arg(fileName, megabytes(info.size()))
                               .arg(parts->count())
                               .arg(megabytes(partSize), parts->partName(0));
    ImportedFile out;
    out.sourcePath = info.absoluteFilePath();
    out.sha256 = QString::fromLatin1(plan.sha256.toHex());
    out.format = format;
    out.size = plan.cuts.back();
    out.parts = std::move(parts);
    return out;
}

} // namespace Quire
