// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <memory>
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Quire {

/// Read access to a zip container held in memory (.docx, .odt, .xlsx, .qdpx),
/// defended against hostile archives: entry names that climb out ("../",
/// absolute paths, backslashes), two entries of one name (ignoring case),
/// entries or totals beyond a size limit, and
/// compression ratios that betray a zip bomb. The limits are checked against
/// the bytes actually inflated, not only the sizes the archive declares.
/// Every error names the file and the entry.
class QUIRECORE_EXPORT ZipArchive
{
public:
    struct Limits
    {
        qint64 maxEntrySize = qint64(256) * 1024 * 1024;  ///< inflated bytes of one entry
        qint64 maxTotalSize = qint64(1024) * 1024 * 1024; ///< inflated bytes read in all
        double maxRatio = 200.0;                          ///< inflated / compressed, per entry
        int maxEntries = 20000;
    };

    /// Opens the archive; throws Error for bytes that are not a (complete) zip.
    ZipArchive(const QByteArray &bytes, const QString &fileName, const Limits &limits);
    // A delegating constructor, not a default argument: GCC 12 cannot use the
    // nested struct's member initialisers in a default argument of its own class.
    ZipArchive(const QByteArray &bytes, const QString &fileName)
        : ZipArchive(bytes, fileName, Limits{})
    {}
    ~ZipArchive();
    ZipArchive(const ZipArchive &) = delete;
    ZipArchive &operator=(const ZipArchive &) = delete;

    /// Entry names as stored (unsafe names are listed but cannot be read).
    QStringList entries() const;
    /// Exact name, or with `caseInsensitive` the first entry whose name matches ignoring case.
    bool contains(const QString &name, bool caseInsensitive = false) const;
    /// The entry's bytes; throws Error if missing, unsafe, too large or too compressed.
    QByteArray read(const QString &name, bool caseInsensitive = false) const;

    /// False for names that are absolute, contain "..", a backslash or a drive letter.
    static bool isSafeName(const QString &name);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Quire
