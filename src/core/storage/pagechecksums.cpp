// SPDX-License-Identifier: GPL-3.0-or-later
// A VFS shim that keeps a checksum in the last 8 bytes of every page of a
// project file (see pagechecksums.h and docs/decisions/0010-page-checksums.md).
#include "storage/pagechecksums.h"

#include <cstdint>
#include <cstring>
#include <mutex>
#include <QFileInfo>
#include <QUrl>
#include <sqlite3.h>

namespace Quire::PageChecksums {

namespace {

// Our own file-control opcodes, far above SQLite's.
constexpr int FcntlStartChecksums = 0x51550001;
constexpr int FcntlIsChecksummed = 0x51550002;

constexpr int WalHeaderSize = 32;
constexpr int WalFrameHeaderSize = 24;

/// One open file of this VFS. The lower VFS's file follows it in memory.
struct File
{
    sqlite3_file base; // our methods
    File *partner;     // main file <-> its WAL
    bool isWal;
    bool checksummed;  // pages carry checksums: compute on write, check on read
    bool inCheckpoint; // pages move as they are from the WAL to the file
    int pageSize;      // known from the header (0: not yet)
    bool walBigEndian; // the WAL's frame checksums (from its magic number)
};

constexpr std::size_t InnerOffset = (sizeof(File) + 15) & ~std::size_t(15);

sqlite3_file *inner(sqlite3_file *f)
{
    return reinterpret_cast<sqlite3_file *>(reinterpret_cast<char *>(f) + InnerOffset);
}

File *self(sqlite3_file *f)
{
    return reinterpret_cast<File *>(f);
}

sqlite3_vfs *lower(sqlite3_vfs *vfs)
{
    return static_cast<sqlite3_vfs *>(vfs->pAppData);
}

std::uint64_t load64(const unsigned char *p)
{
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

std::uint32_t loadBig32(const unsigned char *p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | std::uint32_t(p[3]);
}

void storeBig32(unsigned char *p, std::uint32_t v)
{
    p[0] = static_cast<unsigned char>(v >> 24);
    p[1] = static_cast<unsigned char>(v >> 16);
    p[2] = static_cast<unsigned char>(v >> 8);
    p[3] = static_cast<unsigned char>(v);
}

/// Each step is a bijection of the state (xor, rotate, multiply by an odd
/// number), so a change in any one 8-byte word always changes the result; the
/// seed makes a page of zeros fail.
std::uint64_t pageSum(const unsigned char *data, int bytes)
{
    std::uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (int i = 0; i < bytes; i += 8) {
        h ^= load64(data + i);
        h = (h << 27) | (h >> 37);
        h *= 0x100000001b3ULL;
    }
    return h;
}

bool isPageSize(int n)
{
    return n >= 512 && n <= 65536 && (n & (n - 1)) == 0;
}

void writeSum(unsigned char *page, int pageSize)
{
    const std::uint64_t sum = pageSum(page, pageSize - ReserveBytes);
    std::memcpy(page + pageSize - ReserveBytes, &sum, 8);
}

void setChecksummed(File *f, bool on)
{
    f->checksummed = on;
    if (f->partner)
        f->partner->checksummed = on;
}

/// A database header passing by (offset 0): page size and reserved bytes.
void noteHeader(File *f, const void *buf, int amount, bool fromWrite)
{
    if (amount < 100 || std::memcmp(buf, "SQLite format 3", 16) != 0)
        return;
    const auto *d = static_cast<const unsigned char *>(buf);
    int pageSize = (d[16] << 8) | d[17];
    if (pageSize == 1)
        pageSize = 65536;
    if (isPageSize(pageSize))
        f->pageSize = pageSize;
    const bool reserved = d[20] == ReserveBytes;
    // A write never turns checksums off: the reserve only ever grows.
    if (reserved || !fromWrite)
        setChecksummed(f, reserved);
}

/// SQLite's WAL checksum (the file format's own definition): 32-bit words
/// taken in pairs, in the byte order the WAL's magic number names.
void walSum(bool bigEndian, const unsigned char *data, int bytes, std::uint32_t &s0, std::uint32_t &s1)
{
    for (int i = 0; i < bytes; i += 8) {
        std::uint32_t a, b;
        if (bigEndian) {
            a = loadBig32(data + i);
            b = loadBig32(data + i + 4);
        } else {
            std::memcpy(&a, data + i, 4);
            std::memcpy(&b, data + i + 4, 4);
        }
        s0 += a + s1;
        s1 += b + s0;
    }
}

thread_local unsigned char scratch[65536];

/// A WAL header passing by (offset 0): the page size and the byte order of
/// the frame checksums (the low bit of the magic number).
void noteWalHeader(File *f, const void *buf, int amount)
{
    if (amount < WalHeaderSize)
        return;
    const auto *d = static_cast<const unsigned char *>(buf);
    f->walBigEndian = (loadBig32(d) & 1) != 0;
    const std::uint32_t ps = loadBig32(d + 8);
    if (isPageSize(int(ps)))
        f->pageSize = int(ps);
}

int xClose(sqlite3_file *file)
{
    File *f = self(file);
    if (f->partner) {
        f->partner->partner = nullptr;
        f->partner = nullptr;
    }
    sqlite3_file *in = inner(file);
    return in->pMethods->xClose(in);
}

int pageSizeOf(File *f)
{
    if (f->pageSize)
        return f->pageSize;
    return f->partner ? f->partner->pageSize : 0;
}

/// Where a page-sized access sits in a WAL: the frame's index, or -1.
sqlite3_int64 walFrameOf(File *f, int amount, sqlite3_int64 offset)
{
    const int pageSize = pageSizeOf(f);
    if (amount != pageSize || offset < WalHeaderSize + WalFrameHeaderSize)
        return -1;
    const sqlite3_int64 frame = WalFrameHeaderSize + sqlite3_int64(pageSize);
    if ((offset - WalHeaderSize - WalFrameHeaderSize) % frame != 0)
        return -1;
    return (offset - WalHeaderSize - WalFrameHeaderSize) / frame;
}

bool isPageAccess(File *f, int amount, sqlite3_int64 offset)
{
    if (!f->checksummed || f->inCheckpoint || !isPageSize(amount))
        return false;
    if (f->isWal)
        return walFrameOf(f, amount, offset) >= 0;
    return (f->pageSize == 0 || amount == f->pageSize) && offset % amount == 0;
}

int xRead(sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
    File *f = self(file);
    sqlite3_file *in = inner(file);
    const int rc = in->pMethods->xRead(in, buf, amount, offset);
    if (rc == SQLITE_IOERR_SHORT_READ && f->checksummed && !f->isWal && isPageSize(amount)) {
        // A page cut in the middle: the file was cut off (SQLite itself
        // would read the missing bytes as zeros).
        sqlite3_int64 size = 0;
        if (in->pMethods->xFileSize(in, &size) == SQLITE_OK && size > offset && size % amount != 0) {
            sqlite3_log(SQLITE_IOERR_DATA, "the project file ends in the middle of a page");
            return SQLITE_IOERR_DATA;
        }
    }
    if (rc != SQLITE_OK)
        return rc; // a short read fills zeros: nothing there to check
    if (offset == 0 && !f->isWal && !f->checksummed && isPageSize(amount) && amount >= 100 &&
        std::memcmp(buf, "SQLite format 3", 16) == 0) {
        // Page 1 of a checksummed file whose reserve byte was damaged: the
        // checksum still fits the page with the byte as it was.
        auto *page = static_cast<unsigned char *>(buf);
        if (page[20] != ReserveBytes) {
            std::memcpy(scratch, page, std::size_t(amount));
            scratch[20] = ReserveBytes;
            const std::uint64_t want = pageSum(scratch, amount - ReserveBytes);
            if (std::memcmp(&want, scratch + amount - ReserveBytes, 8) == 0) {
                sqlite3_log(SQLITE_IOERR_DATA, "the project file's header names no checksums but carries them");
                return SQLITE_IOERR_DATA;
            }
        }
    }
    if (offset == 0) {
        if (f->isWal) {
            noteWalHeader(f, buf, amount);
        } else {
            noteHeader(f, buf, amount, false);
        }
    }
    if (isPageAccess(f, amount, offset)) {
        const auto *page = static_cast<const unsigned char *>(buf);
        const std::uint64_t want = pageSum(page, amount - ReserveBytes);
        if (std::memcmp(&want, page + amount - ReserveBytes, 8) != 0) {
            sqlite3_log(SQLITE_IOERR_DATA, "page checksum mismatch at offset %lld of %s", offset,
                        f->isWal ? "the write-ahead log" : "the project file");
            return SQLITE_IOERR_DATA;
        }
    }
    return SQLITE_OK;
}

/// After a page reached a WAL frame: work the frame's checksum out again from
/// the bytes on disk, continuing from the frame before it (or the header).
int fixFrameChecksum(File *f, sqlite3_file *in, sqlite3_int64 frameIndex, const unsigned char *page, int pageSize)
{
    const sqlite3_int64 frameSize = WalFrameHeaderSize + sqlite3_int64(pageSize);
    const sqlite3_int64 headerAt = WalHeaderSize + frameIndex * frameSize;
    unsigned char header[WalFrameHeaderSize];
    int rc = in->pMethods->xRead(in, header, WalFrameHeaderSize, headerAt);
    if (rc != SQLITE_OK)
        return rc;
    unsigned char previous[8];
    const sqlite3_int64 previousAt = frameIndex == 0 ? 24 : headerAt - frameSize + 16;
    rc = in->pMethods->xRead(in, previous, 8, previousAt);
    if (rc != SQLITE_OK)
        return rc;
    std::uint32_t s0 = loadBig32(previous), s1 = loadBig32(previous + 4);
    walSum(f->walBigEndian, header, 8, s0, s1);
    walSum(f->walBigEndian, page, pageSize, s0, s1);
    unsigned char sum[8];
    storeBig32(sum, s0);
    storeBig32(sum + 4, s1);
    if (std::memcmp(sum, header + 16, 8) == 0)
        return SQLITE_OK;
    return in->pMethods->xWrite(in, sum, 8, headerAt + 16);
}

int xWrite(sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
    File *f = self(file);
    sqlite3_file *in = inner(file);
    if (offset == 0) {
        if (f->isWal) {
            noteWalHeader(f, buf, amount);
        } else {
            noteHeader(f, buf, amount, true);
        }
    }
    if (!isPageAccess(f, amount, offset))
        return in->pMethods->xWrite(in, buf, amount, offset);
    // The caller's buffer is left alone: the checksummed copy goes to disk.
    std::memcpy(scratch, buf, std::size_t(amount));
    writeSum(scratch, amount);
    int rc = in->pMethods->xWrite(in, scratch, amount, offset);
    if (rc == SQLITE_OK && f->isWal)
        rc = fixFrameChecksum(f, in, walFrameOf(f, amount, offset), scratch, amount);
    return rc;
}

int xTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    sqlite3_file *in = inner(file);
    return in->pMethods->xTruncate(in, size);
}

int xSync(sqlite3_file *file, int flags)
{
    sqlite3_file *in = inner(file);
    return in->pMethods->xSync(in, flags);
}

int xFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    sqlite3_file *in = inner(file);
    return in->pMethods->xFileSize(in, size);
}

int xLock(sqlite3_file *file, int level)
{
    sqlite3_file *in = inner(file);
    return in->pMethods->xLock(in, level);
}

int xUnlock(sqlite3_file *file, int level)
{
    sqlite3_file *in = inner(file);
    return in->pMethods->xUnlock(in, level);
}

int xCheckReservedLock(sqlite3_file *file, int *out)
{
    sqlite3_file *in = inner(file);
    return in->pMethods->xCheckReservedLock(in, out);
}

int xFileControl(sqlite3_file *file, int op, void *arg)
{
    File *f = self(file);
    sqlite3_file *in = inner(file);
    switch (op) {
    case FcntlStartChecksums: {
        sqlite3_int64 size = 0;
        const int rc = in->pMethods->xFileSize(in, &size);
        if (rc != SQLITE_OK)
            return rc;
        if (size != 0)
            return SQLITE_MISUSE; // only a file still being created
        setChecksummed(f, true);
        return SQLITE_OK;
    }
    case FcntlIsChecksummed:
        *static_cast<int *>(arg) = f->checksummed ? 1 : 0;
        return SQLITE_OK;
    case SQLITE_FCNTL_CKPT_START:
    case SQLITE_FCNTL_CKPT_DONE:
        f->inCheckpoint = op == SQLITE_FCNTL_CKPT_START;
        if (f->partner)
            f->partner->inCheckpoint = f->inCheckpoint;
        break;
    default:
        break;
    }
    return in->pMethods->xFileControl(in, op, arg);
}

int xSectorSize(sqlite3_file *file)
{
    sqlite3_file *in = inner(file);
    return in->pMethods->xSectorSize(in);
}

int xDeviceCharacteristics(sqlite3_file *file)
{
    sqlite3_file *in = inner(file);
    return in->pMethods->xDeviceCharacteristics(in);
}

int xShmMap(sqlite3_file *file, int region, int size, int extend, void volatile **out)
{
    sqlite3_file *in = inner(file);
    return in->pMethods->xShmMap(in, region, size, extend, out);
}

int xShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    sqlite3_file *in = inner(file);
    return in->pMethods->xShmLock(in, offset, n, flags);
}

void xShmBarrier(sqlite3_file *file)
{
    sqlite3_file *in = inner(file);
    in->pMethods->xShmBarrier(in);
}

int xShmUnmap(sqlite3_file *file, int deleteFlag)
{
    sqlite3_file *in = inner(file);
    return in->pMethods->xShmUnmap(in, deleteFlag);
}

int xFetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
    // Memory-mapped pages would bypass the check.
    if (self(file)->checksummed) {
        *out = nullptr;
        return SQLITE_OK;
    }
    sqlite3_file *in = inner(file);
    return in->pMethods->xFetch(in, offset, amount, out);
}

int xUnfetch(sqlite3_file *file, sqlite3_int64 offset, void *page)
{
    sqlite3_file *in = inner(file);
    return in->pMethods->xUnfetch(in, offset, page);
}

const sqlite3_io_methods Methods = {
    3,
    xClose,
    xRead,
    xWrite,
    xTruncate,
    xSync,
    xFileSize,
    xLock,
    xUnlock,
    xCheckReservedLock,
    xFileControl,
    xSectorSize,
    xDeviceCharacteristics,
    xShmMap,
    xShmLock,
    xShmBarrier,
    xShmUnmap,
    xFetch,
    xUnfetch,
};

int vOpen(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    sqlite3_vfs *low = lower(vfs);
    if (!(flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL)))
        return low->xOpen(low, name, file, flags, outFlags);
    File *f = self(file);
    std::memset(f, 0, sizeof(File));
    sqlite3_file *in = inner(file);
    const int rc = low->xOpen(low, name, in, flags, outFlags);
    if (rc != SQLITE_OK || !in->pMethods || in->pMethods->iVersion < 3) {
        if (rc == SQLITE_OK && in->pMethods)
            in->pMethods->xClose(in);
        file->pMethods = nullptr;
        return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
    }
    file->pMethods = &Methods;
    if (flags & SQLITE_OPEN_WAL) {
        f->isWal = true;
        sqlite3_file *db = sqlite3_database_file_object(name);
        if (db && db->pMethods == &Methods) {
            f->partner = self(db);
            f->partner->partner = f;
            f->checksummed = f->partner->checksummed;
        }
        return SQLITE_OK;
    }
    // The header decides; a new, empty file asked for by URI starts checksummed.
    unsigned char header[100];
    if (in->pMethods->xRead(in, header, sizeof header, 0) == SQLITE_OK)
        noteHeader(f, header, sizeof header, false);
    else if (name && sqlite3_uri_boolean(name, UriParameter, 0)) {
        sqlite3_int64 size = 0;
        if (in->pMethods->xFileSize(in, &size) == SQLITE_OK && size == 0)
            f->checksummed = true;
    }
    return SQLITE_OK;
}

int vDelete(sqlite3_vfs *vfs, const char *name, int syncDir)
{
    return lower(vfs)->xDelete(lower(vfs), name, syncDir);
}

int vAccess(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
    return lower(vfs)->xAccess(lower(vfs), name, flags, out);
}

int vFullPathname(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
    return lower(vfs)->xFullPathname(lower(vfs), name, n, out);
}

void *vDlOpen(sqlite3_vfs *vfs, const char *name)
{
    return lower(vfs)->xDlOpen(lower(vfs), name);
}

void vDlError(sqlite3_vfs *vfs, int n, char *out)
{
    lower(vfs)->xDlError(lower(vfs), n, out);
}

void (*vDlSym(sqlite3_vfs *vfs, void *handle, const char *symbol))(void)
{
    return lower(vfs)->xDlSym(lower(vfs), handle, symbol);
}

void vDlClose(sqlite3_vfs *vfs, void *handle)
{
    lower(vfs)->xDlClose(lower(vfs), handle);
}

int vRandomness(sqlite3_vfs *vfs, int n, char *out)
{
    return lower(vfs)->xRandomness(lower(vfs), n, out);
}

int vSleep(sqlite3_vfs *vfs, int micro)
{
    return lower(vfs)->xSleep(lower(vfs), micro);
}

int vCurrentTime(sqlite3_vfs *vfs, double *out)
{
    return lower(vfs)->xCurrentTime(lower(vfs), out);
}

int vGetLastError(sqlite3_vfs *vfs, int n, char *out)
{
    return lower(vfs)->xGetLastError(lower(vfs), n, out);
}

int vCurrentTimeInt64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
    return lower(vfs)->xCurrentTimeInt64(lower(vfs), out);
}

int vSetSystemCall(sqlite3_vfs *vfs, const char *name, sqlite3_syscall_ptr call)
{
    return lower(vfs)->xSetSystemCall(lower(vfs), name, call);
}

sqlite3_syscall_ptr vGetSystemCall(sqlite3_vfs *vfs, const char *name)
{
    return lower(vfs)->xGetSystemCall(lower(vfs), name);
}

const char *vNextSystemCall(sqlite3_vfs *vfs, const char *name)
{
    return lower(vfs)->xNextSystemCall(lower(vfs), name);
}

sqlite3_vfs TheVfs;

int fileControl(sqlite3 *db, int op, int *value)
{
    return sqlite3_file_control(db, "main", op, value);
}

} // namespace

const char *vfs()
{
    static std::once_flag once;
    std::call_once(once, [] {
        sqlite3_vfs *low = sqlite3_vfs_find(nullptr);
        TheVfs = sqlite3_vfs{};
        TheVfs.iVersion = low->iVersion < 3 ? low->iVersion : 3;
        TheVfs.szOsFile = int(InnerOffset) + low->szOsFile;
        TheVfs.mxPathname = low->mxPathname;
        TheVfs.zName = VfsName;
        TheVfs.pAppData = low;
        TheVfs.xOpen = vOpen;
        TheVfs.xDelete = vDelete;
        TheVfs.xAccess = vAccess;
        TheVfs.xFullPathname = vFullPathname;
        TheVfs.xDlOpen = vDlOpen;
        TheVfs.xDlError = vDlError;
        TheVfs.xDlSym = vDlSym;
        TheVfs.xDlClose = vDlClose;
        TheVfs.xRandomness = vRandomness;
        TheVfs.xSleep = vSleep;
        TheVfs.xCurrentTime = vCurrentTime;
        TheVfs.xGetLastError = vGetLastError;
        TheVfs.xCurrentTimeInt64 = vCurrentTimeInt64;
        TheVfs.xSetSystemCall = vSetSystemCall;
        TheVfs.xGetSystemCall = vGetSystemCall;
        TheVfs.xNextSystemCall = vNextSystemCall;
        // The default for every connection of the process, so no file of a
        // project is ever written by a connection that leaves the checksums out.
        sqlite3_vfs_register(&TheVfs, 1);
    });
    return VfsName;
}

bool startChecksummedFile(sqlite3 *db)
{
    int unused = 0;
    if (fileControl(db, FcntlStartChecksums, &unused) != SQLITE_OK)
        return false;
    int reserve = ReserveBytes;
    return sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve) == SQLITE_OK;
}

bool isChecksummed(sqlite3 *db)
{
    int on = 0;
    return fileControl(db, FcntlIsChecksummed, &on) == SQLITE_OK && on != 0;
}

QString vacuumTarget(sqlite3 *db, const QString &path, bool addChecksums)
{
    QString uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded);
    if (addChecksums || isChecksummed(db)) {
        // VACUUM INTO gives the new file the reserve asked for on the source.
        int reserve = ReserveBytes;
        sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
        uri += QStringLiteral("?%1=1").arg(QLatin1String(UriParameter));
    }
    return uri;
}

bool pageIsIntact(const unsigned char *page, int pageSize)
{
    if (!isPageSize(pageSize))
        return false;
    const std::uint64_t want = pageSum(page, pageSize - ReserveBytes);
    return std::memcmp(&want, page + pageSize - ReserveBytes, 8) == 0;
}

} // namespace Quire::PageChecksums
