// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/importerinterface.h"
#include "testsupport.h"

#include <QJsonValue>
#include <vector>

// Helpers shared by the CSV, statement-sheet and subtitle tests.
namespace QuireTest::Sheet {

/// Reads bytes with the built-in importer whose format id is `formatId`,
/// exactly as quire-cli would (the same static plugin).
std::vector<Quire::ImportedDocument> importWith(const QString &formatId, const QString &fileName,
                                                const QByteArray &bytes,
                                                const Quire::ImportOptions &options = Quire::ImportOptions());

/// The value of a document attribute; a null QString when it is not set.
QString attribute(const Quire::ImportedDocument &doc, const QString &name);

/// Runs quire-cli with --json, requires success and returns the parsed output.
QJsonValue cliJson(const QStringList &args);

} // namespace QuireTest::Sheet
