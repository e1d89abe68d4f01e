// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/table.h"

#include "error.h"
#include "io/csvwriter.h"
#include "io/xlsxwriter.h"
#include "report/documentwriter.h"

#include <QFile>
#include <QJsonObject>
#include <QSaveFile>
#include <set>

#include <algorithm>

namespace Quire::Analysis {

QByteArray AnalysisTable::toCsv() const
{
    QString out = csvRow(header, u"\n");
    for (const auto &r : rows)
        out += csvRow(r, u"\n");
    return out.toUtf8();
}

void AnalysisTable::writeCsv(const QString &path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        throw Error(QStringLiteral("%1: cannot write the file (%2)").arg(path, f.errorString()));
    f.write(toCsv());
    if (!f.commit())
        throw Error(QStringLiteral("%1: cannot write the file (%2)").arg(path, f.errorString()));
}

QString AnalysisTable::toText() const
{
    std::vector<qsizetype> width(std::size_t(header.size()), 0);
    auto measure = [&](const QStringList &cells) {
        for (qsizetype i = 0; i < cells.size() && i < header.size(); ++i)
            width[std::size_t(i)] = std::max(width[std::size_t(i)], cells[i].size());
    };
    measure(header);
    for (const auto &r : rows)
        measure(r);
    auto line = [&](const QStringList &cells) {
        QString out;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            QString c = cells[i];
            c.replace(QLatin1Char('\n'), QChar(0x23CE));
            if (i + 1 < cells.size() && i < header.size())
                c = c.leftJustified(width[std::size_t(i)]);
            out += c;
            if (i + 1 < cells.size())
                out += QStringLiteral("  ");
        }
        return out + QLatin1Char('\n');
    };
    QString out;
    if (!title.isEmpty())
        out += title + QLatin1Char('\n');
    out += line(header);
    for (const auto &r : rows)
        out += line(r);
    return out;
}

QJsonArray AnalysisTable::toJson() const
{
    QJsonArray out;
    for (const auto &r : rows) {
        QJsonObject o;
        for (qsizetype i = 0; i < header.size() && i < r.size(); ++i)
            o.insert(header[i], r[i]);
        out.append(o);
    }
    return out;
}

void writeXlsx(const QString &path, const std::vector<AnalysisTable> &tables)
{
    XlsxWorkbook book;
    std::set<QString> used;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        const AnalysisTable &t = tables[i];
        // Sheet names: at most 31 characters, none of []:*?/\, not starting or
        // ending with an apostrophe, unique.
        QString name = t.title;
        static const QString forbidden = QStringLiteral("[]:*?/\\");
        for (QChar &c : name) {
            if (forbidden.contains(c) || c.unicode() < 0x20)
                c = QLatin1Char(' ');
        }
        name = name.left(28).trimmed();
        while (name.startsWith(QLatin1Char('\'')) || name.endsWith(QLatin1Char('\'')))
            name = (name.startsWith(QLatin1Char('\'')) ? name.mid(1) : name.chopped(1)).trimmed();
        if (name.isEmpty())
            name = QStringLiteral("Sheet %1").arg(i + 1);
        QString unique = name;
        for (int k = 2; used.count(unique.toLower()); ++k)
            unique = QStringLiteral("%1 %2").arg(name).arg(k);
        used.insert(unique.toLower());
        XlsxWorkbook::Sheet sheet;
        sheet.name = unique;
        auto &header = sheet.rows.emplace_back();
        for (const QString &h : t.header)
            header.push_back(XlsxWorkbook::Cell::textCell(h));
        // Numbers as numbers; everything else, and the header, as text.
        for (const QStringList &r : t.rows) {
            auto &row = sheet.rows.emplace_back();
            for (const QString &cell : r) {
                bool numeric = false;
                const double v = cell.toDouble(&numeric);
                row.push_back(numeric && !cell.isEmpty() ? XlsxWorkbook::Cell::numberCell(v)
                                                         : XlsxWorkbook::Cell::textCell(cell));
            }
        }
        book.sheets.push_back(std::move(sheet));
    }
    const QByteArray bytes = Quire::writeXlsx(book, path);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        throw Error(QStringLiteral("%1: cannot write the file (%2)").arg(path, f.errorString()));
}

QString formatNumber(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QByteArray tablesDocument(const QString &format, const QString &title, const QString &projectName,
                          const std::vector<AnalysisTable> &tables, const QString &fileName)
{
    const std::unique_ptr<Doc::Writer> w = Doc::makeWriter(format, title, fileName);
    return tablesDocument(*w, title, projectName, tables);
}

QByteArray tablesDocument(Doc::Writer &writer, const QString &title, const QString &projectName,
                          const std::vector<AnalysisTable> &tables)
{
    Doc::Writer *w = &writer;
    w->heading(1, title);
    w->paragraph(QStringLiteral("Project: %1").arg(projectName));
    for (const AnalysisTable &t : tables) {
        if (tables.size() > 1 || t.title != title)
            w->heading(2, t.title);
        if (t.rows.empty()) {
            w->paragraph(QStringLiteral("(no rows)"));
            continue;
        }
        // Column names are made for CSV ("coded_by_ann"); a reader gets words.
        QStringList header;
        for (const QString &h : t.header)
            header << QString(h).replace(QLatin1Char('_'), QLatin1Char(' '));
        w->table(header, QList<QStringList>(t.rows.begin(), t.rows.end()));
    }
    return w->finish();
}

} // namespace Quire::Analysis
