// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/exportlayout.h"

#include "error.h"
#include "report/documentwriter.h"

#include <algorithm>

namespace Quire {

QStringList exportLayouts()
{
    return {QStringLiteral("theme-table"), QStringLiteral("quotes"), QStringLiteral("matrix"),
            QStringLiteral("codebook")};
}

void checkLayout(const ThemeReport &report)
{
    if (!report.layout.isEmpty() && !exportLayouts().contains(report.layout))
        throw Error(QStringLiteral("export: unknown template \"%1\" (known: %2)")
                        .arg(report.layout, exportLayouts().join(QStringLiteral(", "))));
    if (report.layout == QLatin1String("matrix") && report.byValues.isEmpty())
        throw Error(QStringLiteral("export: the matrix template needs --by ATTRIBUTE for its columns"));
}

bool layoutHasTable(const ThemeReport &report)
{
    return report.layout != QLatin1String("quotes");
}

bool layoutHasQuotes(const ThemeReport &report)
{
    return report.layout.isEmpty() || report.layout == QLatin1String("quotes");
}

namespace {
QString rowHeader(const ThemeReport &report)
{
    return report.rowHeader.isEmpty() ? QStringLiteral("Theme / subtheme / code") : report.rowHeader;
}
} // namespace

LayoutTable layoutTable(const ThemeReport &report)
{
    checkLayout(report);
    LayoutTable t;
    if (report.layout == QLatin1String("codebook")) {
        t.title = QStringLiteral("Codebook");
        t.header = QStringList{QStringLiteral("Code"),        QStringLiteral("Path"),     QStringLiteral("Colour"),
                               QStringLiteral("Description"), QStringLiteral("Segments"), QStringLiteral("Documents"),
                               QStringLiteral("Cases")};
        t.numeric = {false, false, false, false, true, true, true};
        for (const auto &row : report.rows)
            t.rows.push_back({row.depth,
                              {row.name, row.path, row.color, row.description, QString::number(row.segments),
                               QString::number(row.documents), QString::number(row.cases)}});
        return t;
    }
    if (report.layout == QLatin1String("matrix")) {
        t.title = QStringLiteral("Matrix: themes by %1").arg(report.byAttribute);
        t.header << rowHeader(report);
        t.numeric.push_back(false);
        const bool counts = report.matrixMark == QLatin1String("count");
        const QString mark = report.matrixMark.isEmpty() ? QString(QChar(0x2713)) : report.matrixMark;
        for (const auto &v : report.byValues) {
            t.header << v;
            t.numeric.push_back(counts);
        }
        for (const auto &row : report.rows) {
            LayoutTable::Row r{row.depth, {row.name}};
            for (qsizetype c : row.byValue)
                r.cells << (c > 0 ? (counts ? QString::number(c) : mark) : QString());
            t.rows.push_back(r);
        }
        return t;
    }
    t.title = QStringLiteral("Theme table");
    t.header = QStringList{rowHeader(report), QStringLiteral("Segments"), QStringLiteral("Documents"),
                           QStringLiteral("Cases")};
    t.numeric = {false, true, true, true};
    for (const auto &v : report.byValues) {
        t.header << report.byAttribute + QStringLiteral(": ") + v;
        t.numeric.push_back(true);
    }
    for (const auto &row : report.rows) {
        LayoutTable::Row r{
            row.depth,
            {row.name, QString::number(row.segments), QString::number(row.documents), QString::number(row.cases)}};
        for (qsizetype c : row.byValue)
            r.cells << QString::number(c);
        t.rows.push_back(r);
    }
    return t;
}

QString quoteHeading(const ThemeRow &row)
{
    return row.path.split(QLatin1Char('/')).join(QStringLiteral(" / "));
}

int quoteHeadingLevel(const ThemeRow &row)
{
    return std::min(row.depth + 2, 4);
}

QString reportSummary(const ThemeReport &report)
{
    qsizetype quotes = 0;
    for (const auto &q : report.quotes)
        quotes += qsizetype(q.size());
    // Without a time (--no-timestamp) equal projects give byte-identical exports.
    const QString generated =
        report.generated.isEmpty() ? QString() : QStringLiteral(" Generated %1.").arg(report.generated);
    return QStringLiteral("Project: %1.%2 %3 codes, %4 quotes. Counts include sub-codes.")
        .arg(report.projectName, generated)
        .arg(report.rows.size())
        .arg(quotes);
}

QString quoteDisplayText(const Quote &quote)
{
    return quote.speaker.isEmpty() ? quote.text : quote.speaker + QStringLiteral(": ") + quote.text;
}

QString quoteCitationLine(const Quote &quote)
{
    QString line = quote.citation;
    const auto add = [&line](const QString &part) {
        if (!line.isEmpty())
            line += QStringLiteral(" \u00B7 ");
        line += part;
    };
    if (!quote.locator.isEmpty())
        add(quote.locator);
    if (quote.edited)
        add(QStringLiteral("edited"));
    return line;
}

void writeReportDocument(Doc::Writer &writer, const ThemeReport &report)
{
    checkLayout(report);
    const auto notes = [&] {
        writer.paragraph(reportSummary(report), Doc::Style::Note);
        for (const auto &n : report.notes)
            writer.paragraph(n, Doc::Style::Note);
    };
    if (layoutHasTable(report)) {
        const LayoutTable t = layoutTable(report);
        writer.heading(1, t.title);
        notes();
        Doc::Table table;
        table.header = t.header;
        table.numeric = t.numeric;
        table.tree = true;
        for (const auto &r : t.rows)
            table.rows.push_back({r.cells, r.depth});
        writer.table(table);
    }
    if (layoutHasQuotes(report)) {
        writer.heading(1, QStringLiteral("Quotes"));
        if (!layoutHasTable(report))
            notes();
        for (std::size_t i = 0; i < report.rows.size(); ++i) {
            const auto &row = report.rows[i];
            writer.heading(quoteHeadingLevel(row), quoteHeading(row));
            if (!row.description.isEmpty())
                writer.paragraph(row.description, Doc::Style::Description);
            for (const auto &q : report.quotes[i]) {
                writer.paragraph(quoteDisplayText(q), Doc::Style::Quote);
                writer.paragraph(quoteCitationLine(q), Doc::Style::Citation);
                if (report.showMemos && !q.memo.isEmpty())
                    writer.paragraph(q.memo, Doc::Style::Memo);
            }
        }
    }
}

} // namespace Quire
