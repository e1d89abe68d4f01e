// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/zipwriter.h"

#include "error.h"
#include "io/ziparchive.h"

#include <deque>
#include <QIODevice>
#include <QSet>
#include <zip.h>

namespace Quire {

namespace {
// DOS date for 1980-01-01 (the earliest a zip can hold) and time 00:00:00:
// fixed, so that the output does not depend on the clock or the time zone.
constexpr zip_uint16_t DosDate = (0 << 9) | (1 << 5) | 1;
constexpr zip_uint16_t DosTime = 0;
} // namespace

struct ZipWriter::Private
{
    QString fileName;
    zip_source_t *buffer = nullptr;
    zip_t *zip = nullptr;
    // libzip reads entry data only when the archive is closed: keep it alive until then.
    std::deque<QByteArray> data;
    QSet<QString> names;
    bool finished = false;

    [[noreturn]] void fail(const QString &what, zip_error_t *error) const
    {
        const QString reason = error ? QString::fromUtf8(zip_error_strerror(error)) : QStringLiteral("unknown error");
        throw Error(QStringLiteral("%1: cannot write the zip container (%2: %3)").arg(fileName, what, reason));
    }
};

ZipWriter::ZipWriter(const QString &fileName)
    : d(std::make_unique<Private>())
{
    d->fileName = fileName;
    zip_error_t error;
    zip_error_init(&error);
    d->buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!d->buffer)
        d->fail(QStringLiteral("buffer"), &error);
    d->zip = zip_open_from_source(d->buffer, ZIP_TRUNCATE, &error);
    if (!d->zip) {
        zip_source_free(d->buffer);
        d->buffer = nullptr;
        d->fail(QStringLiteral("open"), &error);
    }
    // The source outlives zip_close(): the finished archive is read back from it.
    zip_source_keep(d->buffer);
    zip_error_fini(&error);
}

ZipWriter::~ZipWriter()
{
    if (d->zip)
        zip_discard(d->zip);
    if (d->buffer)
        zip_source_free(d->buffer);
}

void ZipWriter::add(const QString &name, const QByteArray &bytes, Method method)
{
    if (d->finished)
        throw Error(QStringLiteral("%1: cannot add %2 to a finished zip container").arg(d->fileName, name));
    if (!ZipArchive::isSafeName(name) || name.isEmpty())
        throw Error(QStringLiteral("%1: refusing the unsafe zip entry name \"%2\"").arg(d->fileName, name));
    if (d->names.contains(name))
        throw Error(QStringLiteral("%1: the zip entry %2 was added twice").arg(d->fileName, name));
    d->names.insert(name);
    d->data.push_back(bytes);
    const QByteArray &kept = d->data.back();
    zip_source_t *src = zip_source_buffer(d->zip, kept.constData(), zip_uint64_t(kept.size()), 0);
    if (!src)
        d->fail(name, zip_get_error(d->zip));
    const QByteArray utf8 = name.toUtf8();
    const zip_int64_t index = zip_file_add(d->zip, utf8.constData(), src, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
        zip_source_free(src);
        d->fail(name, zip_get_error(d->zip));
    }
    const auto i = zip_uint64_t(index);
    if (zip_set_file_compression(d->zip, i, method == Method::Store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) < 0 ||
        zip_file_set_dostime(d->zip, i, DosTime, DosDate, 0) < 0)
        d->fail(name, zip_get_error(d->zip));
}

QByteArray ZipWriter::finish()
{
    if (d->finished)
        throw Error(QStringLiteral("%1: the zip container was already finished").arg(d->fileName));
    d->finished = true;
    if (zip_close(d->zip) < 0)
        d->fail(QStringLiteral("close"), zip_get_error(d->zip));
    d->zip = nullptr;
    QByteArray out;
    if (zip_source_open(d->buffer) < 0)
        d->fail(QStringLiteral("read back"), zip_source_error(d->buffer));
    char chunk[65536];
    for (;;) {
        const zip_int64_t n = zip_source_read(d->buffer, chunk, sizeof chunk);
        if (n < 0) {
            zip_source_close(d->buffer);
            d->fail(QStringLiteral("read back"), zip_source_error(d->buffer));
        }
        if (n == 0)
            break;
        out.append(chunk, qsizetype(n));
    }
    zip_source_close(d->buffer);
    zip_source_free(d->buffer);
    d->buffer = nullptr;
    d->data.clear();
    return out;
}

void ZipWriter::finish(QIODevice &out)
{
    const QByteArray bytes = finish();
    if (out.write(bytes) != bytes.size())
        throw Error(QStringLiteral("%1: cannot write: %2").arg(d->fileName, out.errorString()));
}

} // namespace Quire
