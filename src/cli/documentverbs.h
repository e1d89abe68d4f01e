// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context.h"

#include "model/types.h"

#include <QJsonObject>

namespace Quire::Cli {

/// import PROJECT FILE|FOLDER..., show PROJECT DOCUMENT, document attr|rename|delete, plugins.
int cmdImport(const Context &context, const QStringList &words);
int cmdShow(const Context &context, const QStringList &words);
int cmdDocumentAttr(const Context &context, const QStringList &words);
int cmdDocumentRename(const Context &context, const QStringList &words);
int cmdDocumentDelete(const Context &context, const QStringList &words);
int cmdPlugins(const Context &context, const QStringList &words);

/// A document as list documents and import print it with --json.
QJsonObject documentJson(const Document &document);

} // namespace Quire::Cli
