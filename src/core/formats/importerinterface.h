// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/imported.h"
#include "model/types.h"

#include <functional>
#include <memory>
#include <optional>
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QtPlugin>
#include <vector>

namespace Quire {

/// What one imported file may become at most, so that a small hostile file
/// cannot run away with time, memory or the project's size. Each limit scales
/// with the input or can be raised on purpose (quire-cli import
/// --max-expansion, --max-columns, --max-documents); a file beyond one is
/// refused with an error naming the file, the limit and the option.
struct ImportLimits
{
    /// Characters of imported text (document texts and names, attribute
    /// values) per byte of the file. Real files stay below 3 (office formats
    /// compress their text a few times, REFI-QDA packages about twice);
    /// repeated shared strings or one source file named by many sources go
    /// far beyond. Every file may give at least MinExpansionCharacters.
    qint64 maxExpansion = 20;
    /// Columns of one sheet (CSV, XLSX): Excel's own maximum (column XFD).
    qint64 maxColumns = 16384;
    /// Documents from one file (rows of a sheet, sources of a package).
    qint64 maxDocuments = 100000;
};

/// The text any file may give whatever its size (a small sheet names every
/// row's document after the file, which can outweigh its few bytes).
inline constexpr qint64 MinExpansionCharacters = qint64(1) << 20;

struct ImportOptions
{
    /// Limits on what the file may become (fileimport.h checks them).
    ImportLimits limits;
    QString declaredEncoding; ///< empty: detect
    bool detectSpeakers = true;
    /// A regular expression for speaker lines with a named group "speaker"
    /// (and optionally "time"); empty: the built-in patterns.
    QString speakerPattern;
    /// Importer-specific settings, e.g. for statement sheets "column.person",
    /// "column.area", "column.rank", "column.text", "taken-forward-ranks",
    /// "mode" (statements|survey), "sheet".
    QMap<QString, QString> settings;
};

/// A format plugin that reads files into documents. Implementations throw
/// Quire::Error naming the file and the problem; they never touch the project.
class ImporterInterface
{
public:
    virtual ~ImporterInterface() = default;
    /// Short stable id used by --format (plaintext, md, docx …).
    virtual QString formatId() const = 0;
    /// Lower-case file extensions without the dot.
    virtual QStringList fileExtensions() const = 0;
    /// Reads one file. `bytes` is the whole file, already read by the caller.
    virtual std::vector<ImportedDocument> read(const QString &fileName, const QByteArray &bytes,
                                               const ImportOptions &options) const = 0;
};

} // namespace Quire

// 1.1: ImportOptions carries the import limits (a 1.0 plugin would read it wrongly).
#define QuireImporterInterface_iid "org.quire.ImporterInterface/1.1"
Q_DECLARE_INTERFACE(Quire::ImporterInterface, QuireImporterInterface_iid)
