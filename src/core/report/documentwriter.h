// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace Quire::Doc {

/// A picture as each format can hold it; the writer uses its own part and,
/// without one, says `missing` in a paragraph.
struct Picture
{
    QString alt;      ///< what the picture shows (alt text, Word's description)
    QString link;     ///< Markdown: a file beside the document
    QByteArray svg;   ///< HTML: drawn inline
    QString name;     ///< HTML instead of svg: <img src="name"> (QTextDocument resources)
    int width = 0;    ///< … this many CSS pixels wide
    QByteArray png;   ///< .docx: the picture, fitted into the text width
    int pngWidth = 0; ///< in pixels
    int pngHeight = 0;
    QString missing; ///< said instead when the format's part is empty
};

/// A simple document — headings, paragraphs, bulleted lists, tables with a
/// header row, pictures — written as Markdown, HTML, Word (.docx) or
/// OpenDocument text (.odt, pictures not embedded). Text is
/// escaped for each format; a "\n" in a cell or paragraph is a line break.
class QUIRECORE_EXPORT Writer
{
public:
    virtual ~Writer();
    virtual void heading(int level, const QString &text) = 0; ///< levels 1–4
    virtual void paragraph(const QString &text) = 0;
    virtual void list(const QStringList &items) = 0;
    virtual void table(const QStringList &header, const QList<QStringList> &rows) = 0;
    virtual void picture(const Picture &picture) = 0;
    /// The document: UTF-8 text (Markdown, HTML) or the .docx package. Once.
    virtual QByteArray finish() = 0;
};

/// A writer for "md", "html" or "docx" (throws Error naming `fileName` for
/// another). `title` is the HTML page title.
QUIRECORE_EXPORT std::unique_ptr<Writer> makeWriter(const QString &format, const QString &title,
                                                    const QString &fileName);
/// An OpenDocument text writer (.odt): tables with fixed widths and thin
/// borders; a picture is not embedded, its `missing` text is said instead,
/// so the reports that carry pictures keep to makeWriter's formats.
QUIRECORE_EXPORT std::unique_ptr<Writer> makeOdtWriter(const QString &title, const QString &fileName);

} // namespace Quire::Doc
