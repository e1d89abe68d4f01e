// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvplugin.h"

#include "error.h"
#include "formats/csvreader.h"
#include "formats/fileimport.h"
#include "formats/table.h"
#include "io/csvwriter.h"
#include "report/exportlayout.h"

#include <QFileInfo>

namespace Quire::Csv {

std::vector<ImportedDocument> CsvPlugin::read(const QString &fileName, const QByteArray &bytes,
                                              const ImportOptions &options) const
{
    QChar delimiter;
    const QString d = options.settings.value(QStringLiteral("delimiter"));
    if (d == QLatin1String("tab") || d == QLatin1String("\\t"))
        delimiter = QLatin1Char('\t');
    else if (d.size() == 1)
        delimiter = d.front();
    else if (!d.isEmpty())
        throw Error(QStringLiteral("%1: the delimiter must be one character or \"tab\", not \"%2\"")
                        .arg(QFileInfo(fileName).fileName(), d));
    // Speaker detection is for running text; in a sheet it would only look at cells.
    ImportOptions decodeOptions = options;
    decodeOptions.detectSpeakers = false;
    const ImportedDocument decoded = decodeTextDocument(fileName, bytes, decodeOptions);
    const Table table = parseCsv(decoded.text, fileName, delimiter);
    std::vector<ImportedDocument> docs = sheetDocuments(table, fileName, options);
    for (auto &doc : docs) {
        doc.encoding = decoded.encoding;
        QJsonObject meta = decoded.meta;
        for (auto it = doc.meta.constBegin(); it != doc.meta.constEnd(); ++it)
            meta.insert(it.key(), it.value());
        doc.meta = meta;
    }
    return docs;
}

void CsvPlugin::write(const ThemeReport &report, QIODevice &out) const
{
    if (report.layout == QLatin1String("theme-table") || report.layout == QLatin1String("matrix") ||
        report.layout == QLatin1String("codebook")) {
        // One row per code, the columns of the chosen table.
        const LayoutTable t = layoutTable(report);
        QString csv = QChar(0xFEFF);
        QStringList header{QStringLiteral("path"), QStringLiteral("depth")};
        header << t.header;
        csv += csvRow(header, u"\r\n");
        for (std::size_t i = 0; i < t.rows.size(); ++i) {
            QStringList f{report.rows[i].path, QString::number(t.rows[i].depth)};
            f << t.rows[i].cells;
            csv += csvRow(f, u"\r\n");
        }
        const QByteArray bytes = csv.toUtf8();
        if (out.write(bytes) != bytes.size())
            throw Error(QStringLiteral("cannot write the CSV export: %1").arg(out.errorString()));
        return;
    }
    checkLayout(report);
    QStringList header{QStringLiteral("kind"),     QStringLiteral("path"),      QStringLiteral("depth"),
                       QStringLiteral("segments"), QStringLiteral("documents"), QStringLiteral("cases")};
    for (const auto &v : report.byValues)
        header << report.byAttribute + QStringLiteral(": ") + v;
    header << QStringLiteral("segment") << QStringLiteral("document") << QStringLiteral("case")
           << QStringLiteral("start") << QStringLiteral("end") << QStringLiteral("citation") << QStringLiteral("quote")
           << QStringLiteral("memo") << QStringLiteral("original") << QStringLiteral("edited")
           << QStringLiteral("starred") << QStringLiteral("speaker") << QStringLiteral("locator");
    // A UTF-8 BOM, so that spreadsheet programs do not read the file as Windows-1252.
    QString csv = QChar(0xFEFF);
    auto line = [&csv](const QStringList &fields) { csv += csvRow(fields, u"\r\n"); };
    line(header);
    const QStringList noCounts(report.byValues.size(), QString());
    for (std::size_t i = 0; i < report.rows.size(); ++i) {
        const auto &row = report.rows[i];
        QStringList f{QStringLiteral("code"),         row.path,
                      QString::number(row.depth),     QString::number(row.segments),
                      QString::number(row.documents), QString::number(row.cases)};
        for (qsizetype n : row.byValue)
            f << QString::number(n);
        f << QString() << QString() << QString() << QString() << QString() << QString() << QString() << row.description
          << QString() << QString() << QString() << QString() << QString();
        line(f);
        for (const auto &q : report.quotes[i]) {
            QStringList qf{
                QStringLiteral("quote"), row.path, QString::number(row.depth), QString(), QString(), QString()};
            qf << noCounts;
            qf << QString::number(q.segmentId) << q.document << q.caseName << QString::number(q.start)
               << QString::number(q.end) << q.citation << q.text << q.memo << q.original
               << (q.edited ? QStringLiteral("yes") : QString()) << (q.starred ? QStringLiteral("yes") : QString())
               << q.speaker << q.locator;
            line(qf);
        }
    }
    const QByteArray bytes = csv.toUtf8();
    if (out.write(bytes) != bytes.size())
        throw Error(QStringLiteral("cannot write the CSV export: %1").arg(out.errorString()));
}

} // namespace Quire::Csv
