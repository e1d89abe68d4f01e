// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <memory>
#include <QByteArray>
#include <QString>

class QIODevice;

namespace Quire {

/// Builds a zip container in memory (.docx, .odt, .xlsx parts) through libzip.
/// Entries are written in the order they are added, every one with the same
/// fixed timestamp (1980-01-01 00:00), so equal input gives equal bytes.
class QUIRECORE_EXPORT ZipWriter
{
public:
    enum class Method { Deflate, Store };

    /// `fileName` names the target in error messages.
    explicit ZipWriter(const QString &fileName);
    ~ZipWriter();
    ZipWriter(const ZipWriter &) = delete;
    ZipWriter &operator=(const ZipWriter &) = delete;

    /// Adds an entry; Store for an ODF "mimetype", which must be uncompressed.
    /// Throws Error for a duplicate or unsafe name.
    void add(const QString &name, const QByteArray &bytes, Method method = Method::Deflate);
    /// Finishes the archive; the writer takes no entries afterwards.
    QByteArray finish();
    /// finish() written to `out`; throws Error if the device takes less.
    void finish(QIODevice &out);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Quire
