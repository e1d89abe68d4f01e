// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownplugin.h"

#include "error.h"
#include "formats/fileimport.h"

namespace Quire::Markdown {

namespace {
QString cell(QString s)
{
    return s.replace(QLatin1Char('|'), QStringLiteral("\\|")).replace(QLatin1Char('\n'), QLatin1Char(' '));
}
} // namespace

std::vector<ImportedDocument> MarkdownPlugin::read(const QString &fileName, const QByteArray &bytes,
                                                   const ImportOptions &options) const
{
    return {decodeTextDocument(fileName, bytes, options)};
}

void MarkdownPlugin::write(const ThemeReport &report, QIODevice &out) const
{
    QString md;
    md += QStringLiteral("# Theme table\n\n");
    md += QStringLiteral("Project: %1. Generated %2. Counts include sub-codes: segments, documents, cases.\n\n")
              .arg(report.projectName, report.generated);
    md += QStringLiteral("| Theme / subtheme / code | Segments | Documents | Cases |");
    for (const auto &v : report.byValues)
        md += QLatin1Char(' ') + cell(report.byAttribute + QStringLiteral(": ") + v) + QStringLiteral(" |");
    md += QStringLiteral("\n|---|--:|--:|--:|");
    for (qsizetype i = 0; i < report.byValues.size(); ++i)
        md += QStringLiteral("--:|");
    md += QLatin1Char('\n');
    for (const auto &row : report.rows) {
        // Non-breaking spaces indent sub-rows: ordinary spaces are trimmed in table cells.
        const QString indent = QString(row.depth * 4, QChar(0x00A0));
        const QString name = row.depth == 0 ? QStringLiteral("**%1**").arg(cell(row.name)) : cell(row.name);
        md += QStringLiteral("| %1%2 | %3 | %4 | %5 |").arg(indent, name).arg(row.segments).arg(row.documents).arg(row.cases);
        for (qsizetype n : row.byValue)
            md += QStringLiteral(" %1 |").arg(n);
        md += QLatin1Char('\n');
    }
    md += QStringLiteral("\n# Quotes\n");
    for (std::size_t i = 0; i < report.rows.size(); ++i) {
        const auto &row = report.rows[i];
        const int level = std::min(row.depth + 2, 6);
        md += QLatin1Char('\n') + QString(level, QLatin1Char('#')) + QLatin1Char(' ') + row.path.split(QLatin1Char('/')).join(QStringLiteral(" / ")) + QLatin1Char('\n');
        if (!row.description.isEmpty())
            md += QLatin1Char('\n') + QStringLiteral("*%1*\n").arg(row.description);
        for (const auto &q : report.quotes[i]) {
            // The comment ties the quote to its segment; the quote lines are
            // the stored text exactly, each behind "> ".
            md += QStringLiteral("\n<!-- quire:segment %1 document=\"%2\" range=%3:%4 -->\n")
                      .arg(q.segmentId)
                      .arg(q.document)
                      .arg(q.start)
                      .arg(q.end);
            for (const QString &line : q.text.split(QLatin1Char('\n')))
                md += QStringLiteral("> ") + line + QLatin1Char('\n');
            md += QStringLiteral("\n— %1\n").arg(q.citation);
        }
    }
    const QByteArray bytes = md.toUtf8();
    if (out.write(bytes) != bytes.size())
        throw Error(QStringLiteral("cannot write the Markdown export: %1").arg(out.errorString()));
}

} // namespace Quire::Markdown
