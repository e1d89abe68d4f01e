// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/table.h"

#include "error.h"
#include "io/csvwriter.h"
#include "io/zipwriter.h"
#include "report/documentwriter.h"

#include <QFile>
#include <QJsonObject>
#include <QSaveFile>
#include <QXmlStreamWriter>
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

namespace {

/// XML 1.0 cannot hold most control characters, even escaped.
QString xmlSafe(QString s)
{
    for (QChar &c : s) {
        if (c.unicode() < 0x20 && c != QLatin1Char('\t') && c != QLatin1Char('\n') && c != QLatin1Char('\r'))
            c = QChar(0xFFFD);
    }
    return s;
}

QString columnName(qsizetype index)
{
    QString name;
    for (qsizetype n = index + 1; n > 0; n = (n - 1) / 26)
        name.prepend(QChar(char16_t(u'A' + (n - 1) % 26)));
    return name;
}

QByteArray sheetXml(const AnalysisTable &t)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("worksheet"));
    w.writeDefaultNamespace(QStringLiteral("http://schemas.openxmlformats.org/spreadsheetml/2006/main"));
    w.writeStartElement(QStringLiteral("sheetData"));
    auto row = [&](qsizetype r, const QStringList &cells, bool header) {
        w.writeStartElement(QStringLiteral("row"));
        w.writeAttribute(QStringLiteral("r"), QString::number(r + 1));
        for (qsizetype c = 0; c < cells.size(); ++c) {
            w.writeStartElement(QStringLiteral("c"));
            w.writeAttribute(QStringLiteral("r"), columnName(c) + QString::number(r + 1));
            bool numeric = false;
            const double v = cells[c].toDouble(&numeric);
            if (numeric && !header && !cells[c].isEmpty()) {
                w.writeTextElement(QStringLiteral("v"), QString::number(v, 'g', 17));
            } else {
                w.writeAttribute(QStringLiteral("t"), QStringLiteral("inlineStr"));
                w.writeStartElement(QStringLiteral("is"));
                w.writeStartElement(QStringLiteral("t"));
                w.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
                w.writeCharacters(xmlSafe(cells[c]));
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    };
    row(0, t.header, true);
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        row(qsizetype(r) + 1, t.rows[r], false);
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

} // namespace

void writeXlsx(const QString &path, const std::vector<AnalysisTable> &tables)
{
    ZipWriter zip(path);
    QByteArray types =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Types "
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/xl/workbook.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>";
    QByteArray sheets, rels;
    std::set<QString> used;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        const QByteArray n = QByteArray::number(qulonglong(i + 1));
        types += "<Override PartName=\"/xl/worksheets/sheet" + n +
                 ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
        // Sheet names: at most 31 characters, none of []:*?/\, unique.
        QString name = tables[i].title.isEmpty() ? QStringLiteral("Sheet %1").arg(i + 1) : tables[i].title;
        static const QString forbidden = QStringLiteral("[]:*?/\\");
        for (QChar &c : name) {
            if (forbidden.contains(c))
                c = QLatin1Char(' ');
        }
        name = name.left(28).trimmed();
        QString unique = name;
        for (int k = 2; used.count(unique.toLower()); ++k)
            unique = QStringLiteral("%1 %2").arg(name).arg(k);
        used.insert(unique.toLower());
        QString escaped = xmlSafe(unique).toHtmlEscaped();
        sheets += "<sheet name=\"" + escaped.toUtf8() + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
        rels += "<Relationship Id=\"rId" + n +
                "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                "Target=\"worksheets/sheet" +
                n + ".xml\"/>";
    }
    types += "</Types>";
    zip.add(QStringLiteral("[Content_Types].xml"), types);
    zip.add(QStringLiteral("_rels/.rels"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships "
            "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rId1\" "
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
            "Target=\"xl/workbook.xml\"/></Relationships>");
    zip.add(QStringLiteral("xl/workbook.xml"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook "
            "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" +
                sheets + "</sheets></workbook>");
    zip.add(QStringLiteral("xl/_rels/workbook.xml.rels"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships "
            "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                rels + "</Relationships>");
    for (std::size_t i = 0; i < tables.size(); ++i)
        zip.add(QStringLiteral("xl/worksheets/sheet%1.xml").arg(i + 1), sheetXml(tables[i]));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        throw Error(QStringLiteral("%1: cannot write the file (%2)").arg(path, f.errorString()));
    zip.finish(f);
    if (!f.commit())
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

QByteArray tablesDocument(Doc::Writer &writer, const QString &title, const QString &projectName, const std::vector<AnalysisTable> &tables)
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
