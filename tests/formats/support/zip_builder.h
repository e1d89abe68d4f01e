// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Real zip containers for the importer tests, written with libzip: office
// packages (.docx, .odt, .xlsx) and hostile archives (bombs, lying sizes,
// unsafe names, encrypted entries).

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

namespace QuireTest {

struct ZipEntry
{
    QString name;
    QByteArray data;
    bool stored = false;    ///< no compression (ODF's mimetype)
    bool encrypted = false; ///< AES-256 with the password "secret"
};

/// A zip archive holding the entries in the given order.
QByteArray makeZip(const std::vector<ZipEntry> &entries);

/// Like makeZip, plus an entry `name` of `zeroBytes` zero bytes, deflated
/// while streaming (never held in memory), placed after the other entries.
QByteArray makeZipWithZeros(const std::vector<ZipEntry> &entries, const QString &name, qint64 zeroBytes);

/// The archive with the uncompressed size of `name` rewritten in both its
/// local and central headers: an entry that lies about what it inflates to.
QByteArray withDeclaredSize(QByteArray zip, const QString &name, quint32 size);

/// Whether this libzip can write AES-encrypted entries.
bool canWriteEncrypted();

/// The entries of a .docx whose body is `bodyXml` (the inside of w:body).
/// Notes XML is the inside of w:footnotes / w:endnotes after the separator
/// notes; empty: the part is left out.
std::vector<ZipEntry> docxEntries(const QString &bodyXml, const QString &footnotesXml = QString(),
                                  const QString &endnotesXml = QString());
/// word/document.xml around `bodyXml`, as Word writes it.
QByteArray wordDocumentXml(const QString &bodyXml);
QByteArray makeDocx(const QString &bodyXml, const QString &footnotesXml = QString(),
                    const QString &endnotesXml = QString());

/// The entries of an .odt (mimetype first and stored) whose office:text holds `textXml`.
std::vector<ZipEntry> odtEntries(const QString &textXml);
QByteArray odtContentXml(const QString &textXml);
QByteArray makeOdt(const QString &textXml);

/// The entries of an .xlsx: sheets as (name, inside of sheetData), shared
/// strings as the inside of each si.
std::vector<ZipEntry> xlsxEntries(const std::vector<std::pair<QString, QString>> &sheets,
                                  const QStringList &sharedStrings);
QByteArray makeXlsx(const std::vector<std::pair<QString, QString>> &sheets, const QStringList &sharedStrings);

/// Replaces the data of entry `name` (which must exist) in an entry list.
std::vector<ZipEntry> replaced(std::vector<ZipEntry> entries, const QString &name, const QByteArray &data);

} // namespace QuireTest
