// SPDX-License-Identifier: GPL-3.0-or-later
#include "xlsxplugin.h"

#include "../docx/officetext.h"
#include "error.h"
#include "io/ziparchive.h"

#include <QHash>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <map>

namespace Quire::Xlsx {

namespace {

using OfficeText::XmlPart;

const QString MainNs = QStringLiteral("http://schemas.openxmlformats.org/spreadsheetml/2006/main");
const QString MainStrictNs = QStringLiteral("http://purl.oclc.org/ooxml/spreadsheetml/main");
const QString RelNs = QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships");
const QString RelStrictNs = QStringLiteral("http://purl.oclc.org/ooxml/officeDocument/relationships");
const QString PackageRelNs = QStringLiteral("http://schemas.openxmlformats.org/package/2006/relationships");

const QByteArray OleSignature = QByteArray::fromHex("d0cf11e0a1b11ae1");

constexpr qint64 MaxCells = 1000000;
constexpr int MaxColumns = 16384; // XFD, Excel's last column
constexpr int MaxRows = 1048576;

QString cellLimitText()
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(MaxCells);
}

bool isMain(QStringView ns)
{
    return ns == MainNs || ns == MainStrictNs;
}

/// Excel writes characters XML cannot carry as "_xHHHH_" (and a literal
/// "_x" sequence as "_x005F_x…"); the text the user typed has the character.
QString decodeEscapes(const QString &s)
{
    if (!s.contains(QLatin1String("_x")))
        return s;
    QString out;
    out.reserve(s.size());
    qsizetype i = 0;
    while (i < s.size()) {
        if (s[i] == QLatin1Char('_') && i + 6 < s.size() && s[i + 1] == QLatin1Char('x') &&
            s[i + 6] == QLatin1Char('_')) {
            bool ok = false;
            const ushort code = s.mid(i + 2, 4).toUShort(&ok, 16);
            if (ok) {
                out += QChar(code);
                i += 7;
                continue;
            }
        }
        out += s[i];
        ++i;
    }
    return out;
}

QString cellText(const QString &s)
{
    return OfficeText::normaliseLineEndings(decodeEscapes(s));
}

struct Relationship
{
    QString type;
    QString target;
};

class WorkbookReader
{
public:
    WorkbookReader(const QString &fileName, const QByteArray &bytes)
        : m_fileName(fileName)
        , m_zip(bytes, fileName)
    {
        OfficeText::checkEntryNames(m_zip, fileName);
    }

    SheetTable read(const QString &wanted)
    {
        const QString workbookPart = QStringLiteral("xl/workbook.xml");
        if (!m_zip.contains(workbookPart, true))
            throw Error(QStringLiteral("%1: not an Excel workbook (xl/workbook.xml is missing)").arg(m_fileName));
        readWorkbook(m_zip.read(workbookPart, true), workbookPart);
        if (m_sheets.empty())
            throw Error(QStringLiteral("%1: the workbook has no sheets").arg(m_fileName));
        const QString relsPart = QStringLiteral("xl/_rels/workbook.xml.rels");
        if (!m_zip.contains(relsPart, true))
            throw Error(QStringLiteral("%1: not an Excel workbook (%2 is missing)").arg(m_fileName, relsPart));
        readRelationships(m_zip.read(relsPart, true), relsPart);

        SheetTable out;
        for (const auto &s : m_sheets)
            out.sheetNames << s.name;
        const Sheet &sheet = choose(wanted, out.sheetNames);
        out.sheetName = sheet.name;

        const auto rel = m_rels.constFind(sheet.relId);
        if (rel == m_rels.constEnd())
            throw Error(QStringLiteral("%1: sheet \"%2\" has no part in the workbook (relationship \"%3\" is missing)")
                            .arg(m_fileName, sheet.name, sheet.relId));
        if (!rel->type.endsWith(QLatin1String("/worksheet")))
            throw Error(
                QStringLiteral("%1: sheet \"%2\" is not a worksheet (a chart or dialog sheet?); choose another sheet")
                    .arg(m_fileName, sheet.name));
        const QString sheetPart = resolve(rel->target);
        if (!m_zip.contains(sheetPart, true))
            throw Error(
                QStringLiteral("%1: sheet \"%2\" is missing its part %3").arg(m_fileName, sheet.name, sheetPart));

        QString stringsPart = QStringLiteral("xl/sharedStrings.xml");
        for (const auto &r : std::as_const(m_rels)) {
            if (r.type.endsWith(QLatin1String("/sharedStrings")))
                stringsPart = resolve(r.target);
        }
        if (m_zip.contains(stringsPart, true))
            readSharedStrings(m_zip.read(stringsPart, true), stringsPart);

        out.table = readWorksheet(m_zip.read(sheetPart, true), sheetPart, sheet.name);
        return out;
    }

private:
    struct Sheet
    {
        QString name;
        QString relId;
    };

    const Sheet &choose(const QString &wanted, const QStringList &names) const
    {
        if (wanted.isEmpty())
            return m_sheets.front();
        for (const auto &s : m_sheets) {
            if (s.name == wanted)
                return s;
        }
        for (const auto &s : m_sheets) {
            if (s.name.compare(wanted, Qt::CaseInsensitive) == 0)
                return s;
        }
        bool ok = false;
        const int position = wanted.toInt(&ok);
        if (ok && position >= 1 && position <= int(m_sheets.size()))
            return m_sheets[std::size_t(position - 1)];
        throw Error(QStringLiteral("%1: has no sheet named \"%2\" (its sheets: %3)")
                        .arg(m_fileName, wanted, names.join(QStringLiteral(", "))));
    }

    /// A relationship target, relative to xl/ or absolute in the package.
    QString resolve(const QString &target) const
    {
        const QString joined = target.startsWith(QLatin1Char('/')) ? target.mid(1) : QStringLiteral("xl/") + target;
        QStringList parts;
        for (const QString &p : joined.split(QLatin1Char('/'))) {
            if (p.isEmpty() || p == QLatin1String("."))
                continue;
            if (p == QLatin1String("..")) {
                if (parts.isEmpty())
                    throw Error(QStringLiteral("%1: the workbook refers to \"%2\", outside the archive")
                                    .arg(m_fileName, target));
                parts.removeLast();
                continue;
            }
            parts << p;
        }
        return parts.join(QLatin1Char('/'));
    }

    static QString relId(const QXmlStreamReader &r)
    {
        const QXmlStreamAttributes a = r.attributes();
        return a.hasAttribute(RelNs, QStringLiteral("id")) ? a.value(RelNs, QStringLiteral("id")).toString()
                                                           : a.value(RelStrictNs, QStringLiteral("id")).toString();
    }

    void readWorkbook(const QByteArray &bytes, const QString &partName)
    {
        XmlPart xml(bytes, m_fileName, partName);
        QXmlStreamReader &r = xml.xml();
        bool sawRoot = false;
        while (!xml.atEnd()) {
            if (xml.next() != QXmlStreamReader::StartElement)
                continue;
            if (!sawRoot) {
                sawRoot = true;
                if (!isMain(r.namespaceUri()) || r.name() != QLatin1String("workbook"))
                    xml.fail(QStringLiteral("is not SpreadsheetML (its root element is <%1>)").arg(r.qualifiedName()));
                continue;
            }
            if (isMain(r.namespaceUri()) && r.name() == QLatin1String("sheet"))
                m_sheets.push_back(Sheet{r.attributes().value(QStringLiteral("name")).toString(), relId(r)});
        }
    }

    void readRelationships(const QByteArray &bytes, const QString &partName)
    {
        XmlPart xml(bytes, m_fileName, partName);
        QXmlStreamReader &r = xml.xml();
        while (!xml.atEnd()) {
            if (xml.next() != QXmlStreamReader::StartElement)
                continue;
            if (r.namespaceUri() != PackageRelNs || r.name() != QLatin1String("Relationship"))
                continue;
            const QXmlStreamAttributes a = r.attributes();
            if (a.value(QStringLiteral("TargetMode")) == QLatin1String("External"))
                continue;
            m_rels.insert(
                a.value(QStringLiteral("Id")).toString(),
                Relationship{a.value(QStringLiteral("Type")).toString(), a.value(QStringLiteral("Target")).toString()});
        }
    }

    /// The text of a string item (sharedStrings si, inline is): its t, or
    /// the t of each rich-text run; phonetic guides (rPh) are not text.
    static QString stringItem(XmlPart &xml)
    {
        QXmlStreamReader &r = xml.xml();
        QString text;
        int depth = 0;
        for (;;) {
            const auto token = xml.next();
            if (token == QXmlStreamReader::StartElement) {
                const bool main = isMain(r.namespaceUri());
                if (main && r.name() == QLatin1String("t") && depth <= 1) {
                    text += xml.elementText();
                } else if (main && r.name() == QLatin1String("r") && depth == 0) {
                    ++depth;
                } else {
                    xml.skip();
                }
            } else if (token == QXmlStreamReader::EndElement) {
                if (depth == 0)
                    return text;
                --depth;
            } else if (token == QXmlStreamReader::EndDocument) {
                return text;
            }
        }
    }

    void readSharedStrings(const QByteArray &bytes, const QString &partName)
    {
        XmlPart xml(bytes, m_fileName, partName);
        QXmlStreamReader &r = xml.xml();
        while (!xml.atEnd()) {
            if (xml.next() != QXmlStreamReader::StartElement)
                continue;
            if (isMain(r.namespaceUri()) && r.name() == QLatin1String("si"))
                m_strings << cellText(stringItem(xml));
        }
    }

    /// "C7" → column 2 (0-based), or -1.
    static int columnOf(QStringView ref)
    {
        int col = 0;
        qsizetype i = 0;
        while (i < ref.size() && ref[i] >= QLatin1Char('A') && ref[i] <= QLatin1Char('Z') && i < 3) {
            col = col * 26 + (ref[i].unicode() - 'A' + 1);
            ++i;
        }
        if (i == 0 || col > MaxColumns)
            return -1;
        for (qsizetype j = i; j < ref.size(); ++j) {
            if (!ref[j].isDigit())
                return -1;
        }
        return col - 1;
    }

    Table readWorksheet(const QByteArray &bytes, const QString &partName, const QString &sheetName)
    {
        XmlPart xml(bytes, m_fileName, partName);
        QXmlStreamReader &r = xml.xml();
        // Row number → (column → text); only cells holding a value.
        std::map<int, std::map<int, QString>> rows;
        qint64 cells = 0;
        int width = 0;
        int rowNumber = 0;
        int nextColumn = 0;
        bool sawRoot = false;
        while (!xml.atEnd()) {
            if (xml.next() != QXmlStreamReader::StartElement)
                continue;
            const bool main = isMain(r.namespaceUri());
            if (!sawRoot) {
                sawRoot = true;
                if (!main || r.name() != QLatin1String("worksheet"))
                    throw Error(QStringLiteral("%1: sheet \"%2\" is not a worksheet (its root element is <%3>)")
                                    .arg(m_fileName, sheetName, r.qualifiedName()));
                continue;
            }
            if (!main)
                continue;
            if (r.name() == QLatin1String("row")) {
                const QString rowAttr = r.attributes().value(QStringLiteral("r")).toString();
                bool ok = true;
                rowNumber = rowAttr.isEmpty() ? rowNumber + 1 : rowAttr.toInt(&ok);
                if (!ok || rowNumber < 1 || rowNumber > MaxRows)
                    xml.fail(QStringLiteral("has a row numbered \"%1\", which is not a valid row number").arg(rowAttr));
                nextColumn = 0;
                continue;
            }
            if (r.name() != QLatin1String("c"))
                continue;
            if (rowNumber == 0)
                rowNumber = 1;
            const QXmlStreamAttributes a = r.attributes();
            const QString ref = a.value(QStringLiteral("r")).toString();
            const QString type = a.value(QStringLiteral("t")).toString();
            int column = nextColumn;
            if (!ref.isEmpty()) {
                column = columnOf(ref);
                if (column < 0)
                    xml.fail(QStringLiteral("has a cell reference \"%1\", which is not a valid cell").arg(ref));
            }
            if (column >= MaxColumns)
                xml.fail(QStringLiteral("has a row with more than %1 columns").arg(MaxColumns));
            nextColumn = column + 1;

            QString value;
            bool hasValue = false;
            for (;;) {
                const auto token = xml.next();
                if (token == QXmlStreamReader::EndElement || token == QXmlStreamReader::EndDocument)
                    break;
                if (token != QXmlStreamReader::StartElement)
                    continue;
                if (isMain(r.namespaceUri()) && r.name() == QLatin1String("v")) {
                    value = xml.elementText();
                    hasValue = true;
                } else if (isMain(r.namespaceUri()) && r.name() == QLatin1String("is")) {
                    value = stringItem(xml);
                    hasValue = true;
                } else {
                    xml.skip(); // f (formula), extLst
                }
            }
            if (!hasValue)
                continue;
            if (type == QLatin1String("s")) {
                bool ok = false;
                const int index = value.trimmed().toInt(&ok);
                if (!ok || index < 0 || index >= m_strings.size())
                    throw Error(
                        QStringLiteral("%1: sheet \"%2\" cell %3 refers to shared string %4, which does not exist")
                            .arg(m_fileName, sheetName, ref.isEmpty() ? QStringLiteral("?") : ref, value));
                value = m_strings[index];
            } else if (type == QLatin1String("inlineStr") || type == QLatin1String("str")) {
                value = cellText(value);
            } else if (type == QLatin1String("b")) {
                value = value == QLatin1String("1")   ? QStringLiteral("TRUE")
                        : value == QLatin1String("0") ? QStringLiteral("FALSE")
                                                      : value;
            }
            // Numbers, dates ("d") and errors ("e") stay exactly as written.
            if (value.isEmpty())
                continue;
            auto &row = rows[rowNumber];
            if (row.emplace(column, value).second) {
                if (++cells > MaxCells)
                    throw Error(
                        QStringLiteral("%1: sheet \"%2\" has more than %3 cells; Quire reads sheets of up to %3 cells")
                            .arg(m_fileName, sheetName, cellLimitText()));
            } else {
                row[column] = value;
            }
            width = std::max(width, column + 1);
        }

        if (rows.empty())
            throw Error(QStringLiteral("%1: sheet \"%2\" is empty").arg(m_fileName, sheetName));
        if (qint64(rows.size()) * width > MaxCells)
            throw Error(QStringLiteral("%1: sheet \"%2\" spans %3 rows × %4 columns, more than %5 cells; "
                                       "Quire reads sheets of up to %5 cells")
                            .arg(m_fileName, sheetName)
                            .arg(rows.size())
                            .arg(width)
                            .arg(cellLimitText()));
        Table table;
        bool first = true;
        for (const auto &[number, values] : rows) {
            QStringList line(width, QString());
            for (const auto &[column, text] : values)
                line[column] = text;
            if (first) {
                table.header = line;
                first = false;
            } else {
                table.rows.push_back(Table::Row{number, line});
            }
        }
        return table;
    }

    QString m_fileName;
    ZipArchive m_zip;
    std::vector<Sheet> m_sheets;
    QHash<QString, Relationship> m_rels;
    QStringList m_strings;
};

} // namespace

SheetTable readSheet(const QString &fileName, const QByteArray &bytes, const QString &sheet)
{
    if (bytes.startsWith(OleSignature))
        throw Error(QStringLiteral("%1: is an old-style Excel .xls or a password-protected workbook; "
                                   "save it as .xlsx without a password and import it again")
                        .arg(fileName));
    WorkbookReader reader(fileName, bytes);
    return reader.read(sheet);
}

std::vector<ImportedDocument> XlsxPlugin::read(const QString &fileName, const QByteArray &bytes,
                                               const ImportOptions &options) const
{
    const SheetTable sheet = readSheet(fileName, bytes, options.settings.value(QStringLiteral("sheet")));
    std::vector<ImportedDocument> docs = sheetDocuments(sheet.table, fileName, options);
    for (auto &doc : docs) {
        doc.meta.insert(QStringLiteral("sheet"), sheet.sheetName);
        if (doc.encoding.isEmpty())
            doc.encoding = QStringLiteral("UTF-8");
    }
    return docs;
}

} // namespace Quire::Xlsx
