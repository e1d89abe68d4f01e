// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablesfile.h"

#include "error.h"
#include "pdfprint.h"
#include "report/documentwriter.h"

#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

namespace Quire::Render {

bool writesTables(const QString &path)
{
    return QStringList{QStringLiteral("xlsx"), QStringLiteral("csv"), QStringLiteral("docx"), QStringLiteral("odt"),
                       QStringLiteral("html"), QStringLiteral("md"),  QStringLiteral("pdf")}
        .contains(QFileInfo(path).suffix().toLower());
}

void writeTables(const QString &path, const std::vector<Analysis::AnalysisTable> &tables, const QString &title,
                 const QString &projectName)
{
    const QString name = QFileInfo(path).fileName();
    const QString format = QFileInfo(path).suffix().toLower();
    if (tables.empty())
        throw Error(QStringLiteral("%1: nothing to write").arg(name));
    if (format == QLatin1String("xlsx")) {
        Analysis::writeXlsx(path, tables);
        return;
    }
    if (format == QLatin1String("csv")) {
        tables.front().writeCsv(path);
        return;
    }
    QByteArray bytes;
    if (format == QLatin1String("pdf")) {
        const bool wide = std::any_of(tables.begin(), tables.end(),
                                      [](const Analysis::AnalysisTable &t) { return t.header.size() > 6; });
        bytes = htmlToPdf(
            QString::fromUtf8(Analysis::tablesDocument(QStringLiteral("html"), title, projectName, tables, path)),
            title, name, {}, wide);
    } else if (format == QLatin1String("odt")) {
        // Quire's own OpenDocument writer: fixed widths, borders, a cell's lines kept in the cell.
        bytes = Analysis::tablesDocument(*Doc::makeOdtWriter(title, path), title, projectName, tables);
    } else {
        bytes = Analysis::tablesDocument(format, title, projectName, tables, path); // throws for another suffix
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw Error(QStringLiteral("%1: cannot write: %2").arg(name, file.errorString()));
}

} // namespace Quire::Render
