// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/importerinterface.h"

#include <QObject>

namespace Quire::PlainText {

/// Reads .txt files: charset detected with ICU (or declared), BOM removed,
/// line endings turned into LF, nothing else changed.
class PlainTextPlugin : public QObject, public ImporterInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QuireImporterInterface_iid FILE "plaintext.json")
    Q_INTERFACES(Quire::ImporterInterface)

public:
    QString formatId() const override { return QStringLiteral("plaintext"); }
    QStringList fileExtensions() const override { return {QStringLiteral("txt"), QStringLiteral("text")}; }
    std::vector<ImportedDocument> read(const QString &fileName, const QByteArray &bytes,
                                       const ImportOptions &options) const override;
};

} // namespace Quire::PlainText
