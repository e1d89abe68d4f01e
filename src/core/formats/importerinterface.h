// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QtPlugin>
#include <optional>
#include <vector>

namespace Quire {

/// A speaker turn found by an importer, in code points of the stored text.
struct ImportedTurn
{
    qsizetype start = 0;
    qsizetype end = 0;
    QString speaker;
    std::optional<qint64> timeMs;
};

/// What an importer hands to the project: the stored text (BOM removed, line
/// endings LF, nothing else changed) and what it learnt about it.
struct ImportedDocument
{
    QString name;
    QString kind = QStringLiteral("text");
    QString text;
    QString encoding;
    QJsonObject meta; ///< importer's report (line endings converted, BOM, …)
    std::vector<ImportedTurn> turns;
};

/// One source file read by an importer: its documents and where they came from.
struct ImportedFile
{
    QString sourcePath;
    QString sha256; ///< of the file's bytes, hex
    QString format;
    std::vector<ImportedDocument> documents;
};

struct ImportOptions
{
    QString declaredEncoding; ///< empty: detect
    bool detectSpeakers = true;
};

/// A format plugin that reads files into documents. Implementations throw
/// Quire::Error naming the file and the problem; they never touch the project.
class ImporterInterface
{
public:
    virtual ~ImporterInterface() = default;
    /// Short stable id used by --format (plaintext, markdown …).
    virtual QString formatId() const = 0;
    /// Lower-case file extensions without the dot.
    virtual QStringList fileExtensions() const = 0;
    /// Reads one file. `bytes` is the whole file, already read by the caller.
    virtual std::vector<ImportedDocument> read(const QString &fileName, const QByteArray &bytes,
                                               const ImportOptions &options) const = 0;
};

} // namespace Quire

#define QuireImporterInterface_iid "org.quire.ImporterInterface/1.0"
Q_DECLARE_INTERFACE(Quire::ImporterInterface, QuireImporterInterface_iid)
