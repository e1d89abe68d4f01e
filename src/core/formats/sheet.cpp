// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/table.h"

#include "error.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <optional>

namespace Quire {

namespace {

QString baseName(const QString &fileName)
{
    const QString name = QFileInfo(fileName).fileName();
    return name.isEmpty() ? fileName : name;
}

// Header names compare without case, outer spaces, or the '_'/'-' that
// spreadsheet authors use in place of a space.
QString headerKey(const QString &header)
{
    QString k = header.trimmed().toLower();
    k.replace(QLatin1Char('_'), QLatin1Char(' ')).replace(QLatin1Char('-'), QLatin1Char(' '));
    return k.simplified();
}

QString quoted(const QString &s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

/// The sheet's header, with what the user can type to name a column.
class Columns
{
public:
    Columns(const Table &table, const QString &file)
        : m_table(table)
        , m_file(file)
    {
        for (qsizetype i = 0; i < table.header.size(); ++i) {
            const QString name = attributeName(int(i));
            const QString key = name.toLower();
            if (m_byName.contains(key))
                throw Error(QStringLiteral("%1: the header has two columns named %2 (columns %3 and %4); "
                                           "rename one so that both can be kept")
                                .arg(m_file, quoted(name))
                                .arg(m_byName.value(key) + 1)
                                .arg(i + 1));
            m_byName.insert(key, int(i));
        }
    }

    int count() const { return int(m_table.header.size()); }

    /// The attribute name of a column: its header, or "column N" when blank.
    QString attributeName(int column) const
    {
        const QString h = m_table.header.at(column).trimmed();
        return h.isEmpty() ? QStringLiteral("column %1").arg(column + 1) : h;
    }

    QString found() const
    {
        QStringList names;
        for (int i = 0; i < count(); ++i)
            names << quoted(attributeName(i));
        return names.join(QStringLiteral(", "));
    }

    /// The column a setting names (throws if it names none), else the first
    /// header among the synonyms, else nothing.
    std::optional<int> find(const ImportOptions &options, const QString &setting, const QStringList &synonyms) const
    {
        const QString wanted = options.settings.value(setting).trimmed();
        if (!wanted.isEmpty())
            return byName(wanted, setting);
        for (const QString &syn : synonyms) {
            for (int i = 0; i < count(); ++i) {
                if (headerKey(m_table.header.at(i)) == syn)
                    return i;
            }
        }
        return std::nullopt;
    }

    int byName(const QString &wanted, const QString &setting) const
    {
        const auto it = m_byName.constFind(wanted.trimmed().toLower());
        if (it != m_byName.constEnd())
            return it.value();
        for (int i = 0; i < count(); ++i) {
            if (headerKey(m_table.header.at(i)) == headerKey(wanted))
                return i;
        }
        throw Error(QStringLiteral("%1: %2 names the column %3, but the header has %4")
                        .arg(m_file, setting, quoted(wanted.trimmed()), found()));
    }

    [[noreturn]] void missing(const QString &what, const QString &setting, const QStringList &synonyms) const
    {
        QStringList syn;
        for (const QString &s : synonyms)
            syn << quoted(s);
        throw Error(QStringLiteral("%1: no %2 column (looked for %3); the header has %4; "
                                   "name the column with --set %5=HEADER")
                        .arg(m_file, what, syn.join(QStringLiteral(", ")), found(), setting));
    }

private:
    const Table &m_table;
    QString m_file;
    QHash<QString, int> m_byName;
};

QSet<qint64> parseRanks(const QString &setting, const QString &file)
{
    QSet<qint64> ranks;
    for (const QString &part : setting.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 r = part.trimmed().toLongLong(&ok);
        if (!ok || r < 0)
            throw Error(QStringLiteral("%1: taken-forward-ranks %2 must list whole numbers, e.g. 1,2")
                            .arg(file, quoted(setting)));
        ranks.insert(r);
    }
    return ranks;
}

// A whole number as spreadsheets write it: "2", or "2.0" from a numeric cell.
std::optional<qint64> wholeNumber(const QString &cell)
{
    QString s = cell.trimmed();
    const qsizetype dot = s.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        for (qsizetype i = dot + 1; i < s.size(); ++i) {
            if (s.at(i) != QLatin1Char('0'))
                return std::nullopt;
        }
        s.truncate(dot);
    }
    if (s.isEmpty())
        return std::nullopt;
    for (const QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    bool ok = false;
    const qint64 v = s.toLongLong(&ok);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}

// Names must be unique within a file; the ones that clash get their row.
void makeNamesUnique(std::vector<ImportedDocument> &docs, const std::vector<int> &rows)
{
    QHash<QString, int> uses;
    for (const auto &d : docs)
        ++uses[d.name];
    for (std::size_t i = 0; i < docs.size(); ++i) {
        if (uses.value(docs[i].name) > 1)
            docs[i].name += QStringLiteral(" (row %1)").arg(rows[i]);
    }
}

void checkNoClash(const QString &file, const QString &name, const QStringList &generated)
{
    for (const QString &g : generated) {
        if (name.compare(g, Qt::CaseInsensitive) == 0)
            throw Error(QStringLiteral("%1: the column %2 has the name of the %3 attribute that Quire sets; "
                                       "rename the column")
                            .arg(file, quoted(name), quoted(g)));
    }
}

std::vector<ImportedDocument> statementDocuments(const Table &table, const QString &file, const ImportOptions &options)
{
    const Columns cols(table, file);
    const QStringList personSyn{QStringLiteral("person"), QStringLiteral("id"), QStringLiteral("review"),
                                QStringLiteral("person id"), QStringLiteral("review id")};
    const QStringList areaSyn{QStringLiteral("area")};
    const QStringList rankSyn{QStringLiteral("rank"), QStringLiteral("priority")};
    const QStringList textSyn{QStringLiteral("statement"), QStringLiteral("text"), QStringLiteral("comment")};
    const auto person = cols.find(options, QStringLiteral("column.person"), personSyn);
    const auto area = cols.find(options, QStringLiteral("column.area"), areaSyn);
    const auto rank = cols.find(options, QStringLiteral("column.rank"), rankSyn);
    const auto text = cols.find(options, QStringLiteral("column.text"), textSyn);
    if (!text)
        cols.missing(QStringLiteral("statement text"), QStringLiteral("column.text"), textSyn);
    if (!person)
        cols.missing(QStringLiteral("person"), QStringLiteral("column.person"), personSyn);
    QSet<int> roles{*person, *text};
    if (area)
        roles.insert(*area);
    if (rank)
        roles.insert(*rank);
    if (roles.size() != 2 + (area ? 1 : 0) + (rank ? 1 : 0))
        throw Error(QStringLiteral("%1: one column is mapped to two roles (person, area, rank, text); "
                                   "map each with its own --set column.ROLE=HEADER")
                        .arg(file));
    const QSet<qint64> forward =
        parseRanks(options.settings.value(QStringLiteral("taken-forward-ranks"), QStringLiteral("1,2")), file);

    QStringList generated;
    if (area)
        generated << QStringLiteral("area");
    if (rank)
        generated << QStringLiteral("rank") << QStringLiteral("taken_forward");
    std::vector<int> extra;
    for (int i = 0; i < cols.count(); ++i) {
        if (roles.contains(i))
            continue;
        checkNoClash(file, cols.attributeName(i), generated);
        extra.push_back(i);
    }

    const QString stem = QFileInfo(file).completeBaseName();
    std::vector<ImportedDocument> docs;
    std::vector<int> rows;
    docs.reserve(table.rows.size());
    rows.reserve(table.rows.size());
    for (const auto &row : table.rows) {
        const QString &statement = row.cells.at(*text);
        if (statement.trimmed().isEmpty())
            continue;
        const QString who = row.cells.at(*person).trimmed();
        if (who.isEmpty())
            throw Error(QStringLiteral("%1: row %2 has a statement but no person (column %3); "
                                       "every statement must keep its link to the person who said it")
                            .arg(file)
                            .arg(row.sourceRow)
                            .arg(quoted(cols.attributeName(*person))));
        ImportedDocument d;
        d.kind = QStringLiteral("statement");
        d.text = statement;
        d.caseName = who;
        QStringList nameParts{stem, who};
        if (area) {
            const QString a = row.cells.at(*area).trimmed();
            if (!a.isEmpty()) {
                d.attributes.append({QStringLiteral("area"), a});
                nameParts << a;
            }
        }
        if (rank) {
            const QString r = row.cells.at(*rank).trimmed();
            if (r.isEmpty()) {
                d.attributes.append({QStringLiteral("taken_forward"), QStringLiteral("false")});
            } else {
                const auto value = wholeNumber(r);
                if (!value)
                    throw Error(QStringLiteral("%1: row %2 has the rank %3, which is not a whole number")
                                    .arg(file)
                                    .arg(row.sourceRow)
                                    .arg(quoted(r)));
                d.attributes.append({QStringLiteral("rank"), QString::number(*value)});
                d.attributes.append({QStringLiteral("taken_forward"),
                                     forward.contains(*value) ? QStringLiteral("true") : QStringLiteral("false")});
                nameParts << QString::number(*value);
            }
        }
        for (int c : extra) {
            if (!row.cells.at(c).isEmpty())
                d.attributes.append({cols.attributeName(c), row.cells.at(c)});
        }
        d.name = nameParts.join(QLatin1Char(' '));
        d.meta = QJsonObject{{QStringLiteral("sheetMode"), QStringLiteral("statements")},
                             {QStringLiteral("row"), row.sourceRow}};
        docs.push_back(std::move(d));
        rows.push_back(row.sourceRow);
    }
    if (docs.empty())
        throw Error(
            QStringLiteral("%1: no row has statement text (column %2)").arg(file, quoted(cols.attributeName(*text))));
    makeNamesUnique(docs, rows);
    return docs;
}

std::vector<ImportedDocument> surveyDocuments(const Table &table, const QString &file, const ImportOptions &options)
{
    const Columns cols(table, file);
    if (cols.count() < 2)
        throw Error(QStringLiteral("%1: a survey sheet needs a respondent column and at least one answer column; "
                                   "the header has %2")
                        .arg(file, cols.found()));
    const QString idSetting = options.settings.value(QStringLiteral("column.id")).trimmed();
    const int id = idSetting.isEmpty() ? 0 : cols.byName(idSetting, QStringLiteral("column.id"));

    QList<int> textColumns;
    QSet<int> isText; // textColumns as a set: a sheet may have thousands of columns
    const QString listed = options.settings.value(QStringLiteral("text-columns"));
    if (!listed.trimmed().isEmpty()) {
        for (const QString &name : listed.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (name.trimmed().isEmpty())
                continue;
            const int c = cols.byName(name, QStringLiteral("text-columns"));
            if (c == id)
                throw Error(QStringLiteral("%1: the respondent column %2 cannot also be a text column")
                                .arg(file, quoted(cols.attributeName(c))));
            if (!isText.contains(c)) {
                textColumns.append(c);
                isText.insert(c);
            }
        }
    } else {
        // Free text is what people write at length; short columns are answers
        // to closed questions and become attributes.
        for (int c = 0; c < cols.count(); ++c) {
            if (c == id)
                continue;
            qint64 total = 0, filled = 0;
            for (const auto &row : table.rows) {
                const QString &cell = row.cells.at(c);
                if (cell.trimmed().isEmpty())
                    continue;
                total += cell.size();
                ++filled;
            }
            if (filled > 0 && total > 40 * filled) {
                textColumns.append(c);
                isText.insert(c);
            }
        }
    }
    if (textColumns.isEmpty())
        throw Error(QStringLiteral("%1: no free-text column found (none has answers longer than 40 characters on "
                                   "average); the header has %2; name them with --set text-columns=HEADER,HEADER")
                        .arg(file, cols.found()));

    std::vector<int> shortColumns;
    for (int c = 0; c < cols.count(); ++c) {
        if (c == id || isText.contains(c))
            continue;
        checkNoClash(file, cols.attributeName(c), {QStringLiteral("question")});
        shortColumns.push_back(c);
    }

    const QString stem = QFileInfo(file).completeBaseName();
    std::vector<ImportedDocument> docs;
    std::vector<int> rows;
    for (const auto &row : table.rows) {
        const QString who = row.cells.at(id).trimmed();
        for (int c : textColumns) {
            const QString &answer = row.cells.at(c);
            if (answer.trimmed().isEmpty())
                continue;
            if (who.isEmpty())
                throw Error(QStringLiteral("%1: row %2 has answers but no respondent id (column %3)")
                                .arg(file)
                                .arg(row.sourceRow)
                                .arg(quoted(cols.attributeName(id))));
            ImportedDocument d;
            d.kind = QStringLiteral("survey answer");
            d.text = answer;
            d.caseName = who;
            d.name = QStringList{stem, who, cols.attributeName(c)}.join(QLatin1Char(' '));
            for (int s : shortColumns) {
                if (!row.cells.at(s).isEmpty())
                    d.attributes.append({cols.attributeName(s), row.cells.at(s)});
            }
            d.attributes.append({QStringLiteral("question"), cols.attributeName(c)});
            d.meta = QJsonObject{{QStringLiteral("sheetMode"), QStringLiteral("survey")},
                                 {QStringLiteral("row"), row.sourceRow},
                                 {QStringLiteral("column"), c + 1}};
            docs.push_back(std::move(d));
            rows.push_back(row.sourceRow);
        }
    }
    if (docs.empty())
        throw Error(QStringLiteral("%1: no respondent answered any free-text question").arg(file));
    makeNamesUnique(docs, rows);
    return docs;
}

} // namespace

std::vector<ImportedDocument> sheetDocuments(const Table &table, const QString &fileName, const ImportOptions &options)
{
    const QString file = baseName(fileName);
    if (table.header.size() > options.limits.maxColumns)
        throw Error(
            QStringLiteral("%1: the sheet has %2 columns, more than the %3 Quire reads from one sheet; "
                           "if you mean to import them all, raise the limit with quire-cli import --max-columns N")
                .arg(file)
                .arg(table.header.size())
                .arg(options.limits.maxColumns));
    for (const auto &row : table.rows) {
        if (row.cells.size() != table.header.size())
            throw Error(QStringLiteral("%1: row %2 has %3 cells but the header has %4")
                            .arg(file)
                            .arg(row.sourceRow)
                            .arg(row.cells.size())
                            .arg(table.header.size()));
    }
    if (table.rows.empty())
        throw Error(QStringLiteral("%1: has a header row but no rows below it").arg(file));
    const QString mode =
        options.settings.value(QStringLiteral("mode"), QStringLiteral("statements")).trimmed().toLower();
    if (mode.isEmpty() || mode == QLatin1String("statements"))
        return statementDocuments(table, file, options);
    if (mode == QLatin1String("survey"))
        return surveyDocuments(table, file, options);
    throw Error(QStringLiteral("%1: unknown sheet mode %2 (statements or survey)").arg(file, quoted(mode)));
}

} // namespace Quire
