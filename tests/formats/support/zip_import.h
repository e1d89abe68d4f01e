// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/importerinterface.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace QuireTest {

/// Reads `bytes` as file `fileName` with the static importer its extension selects.
std::vector<Quire::ImportedDocument> importBytes(const QString &fileName, const QByteArray &bytes,
                                                 const Quire::ImportOptions &options = Quire::ImportOptions());
/// The Quire::Error message of that import, or an empty string if it succeeded.
QString importError(const QString &fileName, const QByteArray &bytes,
                    const Quire::ImportOptions &options = Quire::ImportOptions());

/// The speakers of a document's turns, in order, and the text each turn starts with.
QStringList turnSpeakers(const Quire::ImportedDocument &doc);
QStringList turnStarts(const Quire::ImportedDocument &doc, qsizetype length = 12);

} // namespace QuireTest
