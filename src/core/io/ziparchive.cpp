// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/ziparchive.h"

#include "error.h"

#include <QHash>

#include <zip.h>

#include <algorithm>

namespace Quire {

namespace {

// Small parts of real documents (styles, settings) can compress several
// hundred times; a ratio only betrays a bomb once the output is big enough
// to hurt, so the ratio limit applies from this many inflated bytes on.
constexpr qint64 RatioGraceBytes = qint64(1) << 20;
constexpr zip_uint64_t ReadChunk = 64 * 1024;

QString libzipMessage(zip_error_t *error)
{
    return QString::fromUtf8(zip_error_strerror(error));
}

QString megabytes(qint64 bytes)
{
    return QString::number(std::max<qint64>(1, bytes / (1024 * 1024)));
}

} // namespace

struct ZipArchive::Private
{
    QByteArray bytes; // libzip reads from this buffer for the archive's lifetime
    QString fileName;
    Limits limits;
    zip_t *zip = nullptr;
    QStringList names;
    mutable qint64 totalRead = 0;

    ~Private()
    {
        if (zip)
            zip_discard(zip);
    }

    [[noreturn]] void fail(const QString &what) const { throw Error(fileName + QStringLiteral(": ") + what); }

    QString entryText(const QString &name) const { return QStringLiteral("entry \"%1\"").arg(name); }

    [[noreturn]] void failBomb(const QString &name) const
    {
        fail(QStringLiteral("%1 expands more than %2 times (a zip bomb?)")
                 .arg(entryText(name), QString::number(limits.maxRatio)));
    }

    [[noreturn]] void failTooLarge(const QString &name) const
    {
        fail(QStringLiteral("%1 is larger than %2 MB, the most Quire reads from one entry")
                 .arg(entryText(name), megabytes(limits.maxEntrySize)));
    }

    [[noreturn]] void failTotal() const
    {
        fail(QStringLiteral("its entries expand to more than %1 MB in all (a zip bomb?)")
                 .arg(megabytes(limits.maxTotalSize)));
    }

    qint64 indexOf(const QString &name, bool caseInsensitive) const
    {
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (names[i] == name)
                return i;
        }
        if (caseInsensitive) {
            for (qsizetype i = 0; i < names.size(); ++i) {
                if (names[i].compare(name, Qt::CaseInsensitive) == 0)
                    return i;
            }
        }
        return -1;
    }
};

ZipArchive::ZipArchive(const QByteArray &bytes, const QString &fileName, const Limits &limits)
    : d(std::make_unique<Private>())
{
    d->bytes = bytes;
    d->fileName = fileName;
    d->limits = limits;
    // libzip accepts an empty buffer as an empty new archive; for a reader
    // that is simply not a zip.
    if (bytes.isEmpty())
        d->fail(QStringLiteral("not a valid zip container (the file is empty)"));

    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(d->bytes.constData(), zip_uint64_t(d->bytes.size()), 0, &error);
    if (!source) {
        const QString message = libzipMessage(&error);
        zip_error_fini(&error);
        d->fail(QStringLiteral("not a valid zip container (%1)").arg(message));
    }
    // Without ZIP_CHECKCONS: its extra checks refuse archives that Office
    // and LibreOffice open (macOS and PHP writers). A truncated archive has
    // lost its central directory and fails here anyway, and every entry's
    // CRC and size are checked while it is read.
    d->zip = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!d->zip) {
        zip_source_free(source);
        const QString message = libzipMessage(&error);
        zip_error_fini(&error);
        d->fail(QStringLiteral("not a valid zip container (%1)").arg(message));
    }
    zip_error_fini(&error);

    const zip_int64_t count = zip_get_num_entries(d->zip, 0);
    if (count < 0)
        d->fail(QStringLiteral("not a valid zip container (cannot count its entries)"));
    if (count > d->limits.maxEntries)
        d->fail(QStringLiteral("has %1 entries; Quire reads containers of up to %2 entries")
                    .arg(count)
                    .arg(d->limits.maxEntries));
    d->names.reserve(qsizetype(count));
    for (zip_int64_t i = 0; i < count; ++i) {
        // ZIP_FL_ENC_GUESS: UTF-8 when flagged or valid, else CP437, as libzip converts it.
        const char *name = zip_get_name(d->zip, zip_uint64_t(i), ZIP_FL_ENC_GUESS);
        if (!name)
            d->fail(QStringLiteral("not a valid zip container (entry %1 has no readable name)").arg(i + 1));
        d->names << QString::fromUtf8(name);
    }
    // Two entries of one name (or of names that differ only in case, which
    // office packages treat as one and which are looked up ignoring case
    // here): readers differ on which one is the content, so the text Quire
    // imported could differ from what Word or LibreOffice shows.
    QHash<QString, qsizetype> seen;
    seen.reserve(d->names.size());
    for (qsizetype i = 0; i < d->names.size(); ++i) {
        const QString &name = d->names[i];
        const QString key = name.toCaseFolded();
        const auto it = seen.constFind(key);
        if (it == seen.constEnd()) {
            seen.insert(key, i);
            continue;
        }
        const QString &first = d->names[it.value()];
        if (first == name)
            d->fail(QStringLiteral("has two entries named \"%1\" (entries %2 and %3); programs differ on which one "
                                   "they read, so Quire refuses the file")
                        .arg(name)
                        .arg(it.value() + 1)
                        .arg(i + 1));
        d->fail(
            QStringLiteral("has two entries whose names differ only in case, \"%1\" and \"%2\" (entries %3 and %4); "
                           "programs differ on which one they read, so Quire refuses the file")
                .arg(first, name)
                .arg(it.value() + 1)
                .arg(i + 1));
    }
}

ZipArchive::~ZipArchive() = default;

QStringList ZipArchive::entries() const
{
    return d->names;
}

bool ZipArchive::contains(const QString &name, bool caseInsensitive) const
{
    return d->indexOf(name, caseInsensitive) >= 0;
}

QByteArray ZipArchive::read(const QString &name, bool caseInsensitive) const
{
    const qint64 index = d->indexOf(name, caseInsensitive);
    if (index < 0)
        d->fail(QStringLiteral("%1 is missing").arg(d->entryText(name)));
    const QString stored = d->names[index];
    if (!isSafeName(stored))
        d->fail(QStringLiteral("%1 points outside the archive").arg(d->entryText(stored)));

    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(d->zip, zip_uint64_t(index), 0, &st) != 0)
        d->fail(QStringLiteral("%1 cannot be read (%2)")
                    .arg(d->entryText(stored), QString::fromUtf8(zip_strerror(d->zip))));
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        d->fail(QStringLiteral("%1 is encrypted; remove the password and import it again").arg(d->entryText(stored)));

    // First the sizes the archive declares, so an honest bomb is refused
    // without inflating anything …
    const qint64 compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? qint64(st.comp_size) : -1;
    const qint64 declared = (st.valid & ZIP_STAT_SIZE) ? qint64(st.size) : -1;
    const double ratioBase = double(std::max<qint64>(compressed, 1));
    if (declared > RatioGraceBytes && double(declared) > d->limits.maxRatio * ratioBase)
        d->failBomb(stored);
    if (declared > d->limits.maxEntrySize)
        d->failTooLarge(stored);
    if (declared > 0 && d->totalRead + declared > d->limits.maxTotalSize)
        d->failTotal();

    zip_file_t *file = zip_fopen_index(d->zip, zip_uint64_t(index), 0);
    if (!file)
        d->fail(QStringLiteral("%1 cannot be read (%2)")
                    .arg(d->entryText(stored), QString::fromUtf8(zip_strerror(d->zip))));
    struct Closer
    {
        zip_file_t *f;
        ~Closer() { zip_fclose(f); }
    } closer{file};

    // … then the bytes actually inflated, since the declared size can lie.
    QByteArray out;
    if (declared > 0)
        out.reserve(qsizetype(std::min<qint64>(declared, d->limits.maxEntrySize)));
    char buffer[ReadChunk];
    for (;;) {
        const zip_int64_t n = zip_fread(file, buffer, ReadChunk);
        if (n < 0)
            d->fail(QStringLiteral("%1 is damaged (%2)")
                        .arg(d->entryText(stored), QString::fromUtf8(zip_file_strerror(file))));
        if (n == 0)
            break;
        out.append(buffer, qsizetype(n));
        const qint64 size = out.size();
        if (size > RatioGraceBytes && double(size) > d->limits.maxRatio * ratioBase)
            d->failBomb(stored);
        if (size > d->limits.maxEntrySize)
            d->failTooLarge(stored);
        if (d->totalRead + size > d->limits.maxTotalSize)
            d->failTotal();
    }
    d->totalRead += out.size();
    return out;
}

bool ZipArchive::isSafeName(const QString &name)
{
    if (name.isEmpty() || name.startsWith(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) ||
        name.contains(QChar(0)))
        return false;
    // "C:foo" and "C:/foo" are drive paths on Windows.
    if (name.size() >= 2 && name[1] == QLatin1Char(':') && name[0].isLetter())
        return false;
    const QStringList parts = name.split(QLatin1Char('/'));
    return std::none_of(parts.cbegin(), parts.cend(), [](const QString &p) { return p == QLatin1String(".."); });
}

} // namespace Quire
