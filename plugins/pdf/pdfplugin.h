// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/importerinterface.h"

#include <QObject>

namespace Quire::Pdf {

/// Reads the text layer of .pdf files through Poppler (Qt 6).
///
/// Each page's words are taken in Poppler's reading order (Page::textList(),
/// the order pdftotext uses: columns and blocks before lines), one line of the
/// page per line of text, words separated by one space where the page has a
/// gap. Pages follow each other separated by one "\n"; their ranges are
/// recorded in ImportedDocument::pages. The one change to the extracted text:
/// ligature characters U+FB00–U+FB06 become their letters (they are artefacts
/// of typesetting, not the author's text). A hyphen at a line end stays where
/// it is. Speaker turns are detected as in plain text.
class PdfPlugin : public QObject, public ImporterInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QuireImporterInterface_iid FILE "pdf.json")
    Q_INTERFACES(Quire::ImporterInterface)

public:
    QString formatId() const override { return QStringLiteral("pdf"); }
    QStringList fileExtensions() const override { return {QStringLiteral("pdf")}; }
    std::vector<ImportedDocument> read(const QString &fileName, const QByteArray &bytes,
                                       const ImportOptions &options) const override;
};

} // namespace Quire::Pdf
