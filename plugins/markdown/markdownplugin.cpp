// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownplugin.h"

#include "error.h"
#include "formats/fileimport.h"
#include "report/exportlayout.h"

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
    const auto notes = [&] {
        md += reportSummary(report) + QStringLiteral("\n\n");
        for (const auto &n : report.notes)
            md += n + QStringLiteral("\n\n");
    };
    if (layoutHasTable(report)) {
        const LayoutTable t = layoutTable(report);
        md += QStringLiteral("# %1\n\n").arg(t.title);
        notes();
        md += QLatin1Char('|');
        for (const auto &h : t.header)
            md += QLatin1Char(' ') + cell(h) + QStringLiteral(" |");
        md += QStringLiteral("\n|");
        for (const bool numeric : t.numeric)
            md += numeric ? QStringLiteral("--:|") : QStringLiteral("---|");
        md += QLatin1Char('\n');
        for (const auto &row : t.rows) {
            md += QLatin1Char('|');
            for (qsizetype c = 0; c < row.cells.size(); ++c) {
                QString text = cell(row.cells[c]);
                if (c == 0) {
                    // Non-breaking spaces indent sub-rows: ordinary spaces are trimmed in table cells.
                    if (row.depth == 0 && !text.isEmpty())
                        text = QStringLiteral("**%1**").arg(text);
                    text.prepend(QString(row.depth * 4, QChar(0x00A0)));
                }
                md += QLatin1Char(' ') + text + QStringLiteral(" |");
            }
            md += QLatin1Char('\n');
        }
    }
    if (!layoutHasQuotes(report)) {
        const QByteArray bytes = md.toUtf8();
        if (out.write(bytes) != bytes.size())
            throw Error(QStringLiteral("cannot write the Markdown export: %1").arg(out.errorString()));
        return;
    }
    if (!layoutHasTable(report)) {
        md += QStringLiteral("# Quotes\n\n");
        notes();
    } else {
        md += QStringLiteral("\n# Quotes\n");
    }
    for (std::size_t i = 0; i < report.rows.size(); ++i) {
        const auto &row = report.rows[i];
        const int level = std::min(row.depth + 2, 6);
        md += QLatin1Char('\n') + QString(level, QLatin1Char('#')) + QLatin1Char(' ') +
              row.path.split(QLatin1Char('/')).join(QStringLiteral(" / ")) + QLatin1Char('\n');
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
            for (const QString &line : quoteDisplayText(q).split(QLatin1Char('\n')))
                md += QStringLiteral("> ") + line + QLatin1Char('\n');
            md += QStringLiteral("\n— %1\n").arg(quoteCitationLine(q));
            if (report.showMemos && !q.memo.isEmpty())
                md += QStringLiteral("\nMemo: %1\n").arg(q.memo);
        }
    }
    const QByteArray bytes = md.toUtf8();
    if (out.write(bytes) != bytes.size())
        throw Error(QStringLiteral("cannot write the Markdown export: %1").arg(out.errorString()));
}

} // namespace Quire::Markdown
