// SPDX-License-Identifier: GPL-3.0-or-later
#include "plaintextplugin.h"

#include "formats/fileimport.h"

namespace Quire::PlainText {

std::vector<ImportedDocument> PlainTextPlugin::read(const QString &fileName, const QByteArray &bytes,
                                                    const ImportOptions &options) const
{
    return {decodeTextDocument(fileName, bytes, options)};
}

} // namespace Quire::PlainText
