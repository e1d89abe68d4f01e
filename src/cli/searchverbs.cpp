// SPDX-License-Identifier: GPL-3.0-or-later
// The search verbs of quire-cli: search (KWIC concordance), autocode (code
// the hits in one command), words (frequencies) and reindex.
#include "searchverbs.h"

#include "args.h"
#include "output.h"

#include "error.h"
#include "model/project.h"
#include "search/autocode.h"
#include "search/search.h"
#include "search/textunits.h"
#include "search/words.h"

#include <algorithm>
#include <limits>
#include <QJsonArray>
#include <QJsonObject>

namespace Quire::Cli {

namespace {

int number(const Args &a, const QString &verb, const QString &option, int fallback, int minimum)
{
    return int(std::min<qint64>(wholeNumber(a, verb, option, fallback, minimum), std::numeric_limits<int>::max()));
}

QString clock(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600, 2, 10, QLatin1Char('0'))
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

/// One line of context for a terminal: line breaks shown as ⏎, tabs as spaces.
QString oneLine(QString s)
{
    s.replace(QLatin1Char('\n'), QChar(0x23CE));
    s.replace(QLatin1Char('\t'), QLatin1Char(' '));
    return s;
}

QString padLeft(const QString &s, int width)
{
    return QString(std::max(0, width - TextUnits::displayWidth(s)), QLatin1Char(' ')) + s;
}

QString padRight(const QString &s, int width)
{
    return s + QString(std::max(0, width - TextUnits::displayWidth(s)), QLatin1Char(' '));
}

QString where(const SearchHit &h)
{
    QString w;
    if (h.source == QLatin1String("document"))
        w = QStringLiteral("%1 %2:%3").arg(h.name).arg(h.start).arg(h.end);
    else
        w = QStringLiteral("%1 \"%2\" %3 %4:%5").arg(h.source, h.name, h.field).arg(h.start).arg(h.end);
    if (!h.speaker.isEmpty())
        w += QLatin1Char(' ') + h.speaker;
    if (h.page)
        w += QStringLiteral(" p.%1").arg(*h.page);
    if (h.timeMs)
        w += QStringLiteral(" [%1]").arg(clock(*h.timeMs));
    return w;
}

QJsonValue optional(const std::optional<qint64> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

SearchScope parseScope(const QString &s)
{
    if (s.isEmpty() || s == QLatin1String("documents"))
        return SearchScope::Documents;
    if (s == QLatin1String("memos"))
        return SearchScope::Memos;
    if (s == QLatin1String("codes"))
        return SearchScope::Codes;
    if (s == QLatin1String("all"))
        return SearchScope::All;
    throw UsageError(QStringLiteral("search: --in is documents, memos, codes or all, not \"%1\"").arg(s));
}

std::vector<qsizetype> parseHitList(const QString &list)
{
    std::vector<qsizetype> out;
    for (const QString &part : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList range = part.trimmed().split(QLatin1Char('-'));
        bool ok1 = false, ok2 = true;
        const qsizetype from = range.value(0).toLongLong(&ok1);
        const qsizetype to = range.size() == 2 ? range[1].toLongLong(&ok2) : from;
        if (range.size() > 2 || !ok1 || !ok2 || from < 1 || to < from)
            throw UsageError(
                QStringLiteral(
                    "autocode: --hits takes hit numbers as search lists them, like 1,3,5-7; \"%1\" is not one")
                    .arg(part));
        for (qsizetype n = from; n <= to; ++n)
            out.push_back(n);
    }
    if (out.empty())
        throw UsageError(QStringLiteral("autocode: --hits needs at least one hit number, like 1,3,5-7"));
    return out;
}

} // namespace

int cmdSearch(const Context &c, const QStringList &words)
{
    const QString verb = QStringLiteral("search");
    Args a(words, verb);
    a.expectAtMost(2);
    auto p = c.openProject(a.at(0, QStringLiteral("PROJECT")));
    const QString query = a.at(1, QStringLiteral("QUERY"));
    SearchOptions o;
    o.context = number(a, verb, QStringLiteral("kwic"), 40, 0);
    o.limit = number(a, verb, QStringLiteral("limit"), 0, 0);
    o.sentence = a.has(QStringLiteral("sentence"));
    o.regex = a.has(QStringLiteral("regex"));
    o.scope = parseScope(a.value(QStringLiteral("in")));
    Search search(*p);
    const SearchResult r = search.run(query, o);
    const qsizetype total = qsizetype(r.hits.size());
    const qsizetype shown = o.limit > 0 ? std::min<qsizetype>(o.limit, total) : total;
    const QString sources =
        o.scope == SearchScope::Documents ? QStringLiteral("documents") : QStringLiteral("documents, memos or codes");

    if (c.json) {
        QJsonArray hits;
        for (qsizetype i = 0; i < shown; ++i) {
            const SearchHit &h = r.hits[std::size_t(i)];
            hits.append(
                QJsonObject{{QStringLiteral("n"), qint64(i + 1)},
                            {QStringLiteral("source"), h.source},
                            {QStringLiteral("id"), h.id},
                            {QStringLiteral("name"), h.name},
                            {QStringLiteral("field"), h.field},
                            {QStringLiteral("start"), qint64(h.start)},
                            {QStringLiteral("end"), qint64(h.end)},
                            {QStringLiteral("text"), h.text},
                            {QStringLiteral("left"), h.left},
                            {QStringLiteral("right"), h.right},
                            {QStringLiteral("contextStart"), qint64(h.contextStart)},
                            {QStringLiteral("contextEnd"), qint64(h.contextEnd)},
                            {QStringLiteral("speaker"), h.speaker.isEmpty() ? QJsonValue() : QJsonValue(h.speaker)},
                            {QStringLiteral("case"),
                             h.caseId ? QJsonValue(p->findCase(QString::number(*h.caseId)).name) : QJsonValue()},
                            {QStringLiteral("page"), h.page ? QJsonValue(*h.page) : QJsonValue()},
                            {QStringLiteral("time"), h.timeMs ? QJsonValue(clock(*h.timeMs)) : QJsonValue()},
                            {QStringLiteral("timeMs"), optional(h.timeMs)}});
        }
        printJson(QJsonObject{{QStringLiteral("query"), query},
                              {QStringLiteral("match"), r.match},
                              {QStringLiteral("regex"), o.regex},
                              {QStringLiteral("total"), qint64(total)},
                              {QStringLiteral("sources"), qint64(r.sources)},
                              {QStringLiteral("shown"), qint64(shown)},
                              {QStringLiteral("hits"), hits}});
        return 0;
    }
    if (total == 0) {
        print(QStringLiteral("No hits for %1 in the %2 of %3\n").arg(query, sources, p->fileName()));
        return 0;
    }
    QStringList header{QStringLiteral("%1 hit%2 in %3 %4")
                           .arg(total)
                           .arg(total == 1 ? QString() : QStringLiteral("s"))
                           .arg(r.sources)
                           .arg(o.scope == SearchScope::Documents
                                    ? (r.sources == 1 ? QStringLiteral("document") : QStringLiteral("documents"))
                                    : QStringLiteral("places"))};
    if (shown < total)
        header << QStringLiteral("showing the first %1").arg(shown);
    QString out = header.join(QStringLiteral("; ")) + QLatin1Char('\n');
    struct Row
    {
        QString number, where, left, hit, right;
    };
    std::vector<Row> rows;
    int numberWidth = 0, whereWidth = 0, leftWidth = 0;
    for (qsizetype i = 0; i < shown; ++i) {
        const SearchHit &h = r.hits[std::size_t(i)];
        Row row{QString::number(i + 1), where(h), oneLine(h.left), oneLine(h.text), oneLine(h.right)};
        numberWidth = std::max(numberWidth, int(row.number.size()));
        whereWidth = std::max(whereWidth, TextUnits::displayWidth(row.where));
        leftWidth = std::max(leftWidth, TextUnits::displayWidth(row.left));
        rows.push_back(std::move(row));
    }
    // The hits line up in one column: a concordance.
    for (const Row &row : rows) {
        QString line = padLeft(row.number, numberWidth) + QStringLiteral("  ") + padRight(row.where, whereWidth) +
                       QStringLiteral("  ") + padLeft(row.left, leftWidth) + QStringLiteral(" [") + row.hit +
                       QStringLiteral("] ") + row.right;
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        out += line + QLatin1Char('\n');
    }
    print(out);
    return 0;
}

int cmdAutocode(const Context &c, const QStringList &words)
{
    const QString verb = QStringLiteral("autocode");
    Args a(words, verb);
    a.expectAtMost(2);
    const QString projectPath = a.at(0, QStringLiteral("PROJECT"));
    const QString query = a.at(1, QStringLiteral("QUERY"));
    if (!a.has(QStringLiteral("code")))
        throw UsageError(QStringLiteral("autocode: name the code to apply with --code PATH"));
    AutocodeOptions o;
    o.extent = parseAutocodeExtent(a.has(QStringLiteral("extend")) ? a.value(QStringLiteral("extend"))
                                                                   : QStringLiteral("word"));
    if (a.has(QStringLiteral("hits")))
        o.hits = parseHitList(a.value(QStringLiteral("hits")));
    o.search.regex = a.has(QStringLiteral("regex"));
    auto p = c.openProject(projectPath);
    o.code = p->resolveCode(a.value(QStringLiteral("code")));
    const QString path = p->codePath(o.code);
    const AutocodeResult r = autocode(*p, query, o);
    QString message;
    if (r.hits == 0) {
        message = QStringLiteral("No hits for %1: nothing coded").arg(query);
    } else if (r.added + r.joined == 0) {
        message = QStringLiteral("Nothing coded: the %1 passage%2 of the %3 hit%4 are already coded with %5 by %6")
                      .arg(r.passages)
                      .arg(r.passages == 1 ? QString() : QStringLiteral("s"))
                      .arg(r.hits)
                      .arg(r.hits == 1 ? QString() : QStringLiteral("s"))
                      .arg(path, p->coder());
    } else {
        QStringList notes{QStringLiteral("%1 hit%2").arg(r.hits).arg(r.hits == 1 ? QString() : QStringLiteral("s"))};
        if (r.alreadyCoded > 0)
            notes << QStringLiteral("%1 passage%2 already coded, skipped")
                         .arg(r.alreadyCoded)
                         .arg(r.alreadyCoded == 1 ? QString() : QStringLiteral("s"));
        if (r.joined > 0)
            notes << QStringLiteral("%1 added to existing segments of the same span").arg(r.joined);
        if (r.outsideTurns > 0)
            notes << QStringLiteral("%1 outside any speaker turn, widened to the paragraph").arg(r.outsideTurns);
        message =
            QStringLiteral("Coded %1 passage%2 in %3 document%4 with %5 (%6); one command: undo takes it all back")
                .arg(r.added + r.joined)
                .arg(r.added + r.joined == 1 ? QString() : QStringLiteral("s"))
                .arg(r.documents)
                .arg(r.documents == 1 ? QString() : QStringLiteral("s"))
                .arg(path, notes.join(QStringLiteral("; ")));
    }
    QJsonArray ids;
    for (Id id : r.segments)
        ids.append(id);
    report(c, message,
           {{QStringLiteral("code"), path},
            {QStringLiteral("hits"), qint64(r.hits)},
            {QStringLiteral("passages"), qint64(r.passages)},
            {QStringLiteral("added"), qint64(r.added)},
            {QStringLiteral("joined"), qint64(r.joined)},
            {QStringLiteral("alreadyCoded"), qint64(r.alreadyCoded)},
            {QStringLiteral("outsideTurns"), qint64(r.outsideTurns)},
            {QStringLiteral("documents"), qint64(r.documents)},
            {QStringLiteral("segments"), ids}});
    return 0;
}

int cmdWords(const Context &c, const QStringList &words)
{
    const QString verb = QStringLiteral("words");
    Args a(words, verb);
    a.expectAtMost(1);
    auto p = c.openProject(a.at(0, QStringLiteral("PROJECT")));
    WordFrequencyOptions o;
    o.by = a.value(QStringLiteral("by"));
    o.stem = a.has(QStringLiteral("stem"));
    o.stopwords = a.value(QStringLiteral("stopwords"));
    o.top = number(a, verb, QStringLiteral("top"), 20, 0);
    o.documents = a.values(QStringLiteral("document"));
    const std::vector<WordGroup> groups = wordFrequencies(*p, o);
    if (c.json) {
        QJsonArray out;
        for (const WordGroup &g : groups) {
            QJsonArray top;
            for (const WordFrequency &f : g.top) {
                QJsonObject w{{QStringLiteral("word"), f.word}, {QStringLiteral("count"), qint64(f.count)}};
                if (o.stem) {
                    QJsonArray forms;
                    for (const auto &form : f.forms)
                        forms.append(QJsonObject{{QStringLiteral("form"), form.first},
                                                 {QStringLiteral("count"), qint64(form.second)}});
                    w.insert(QStringLiteral("stem"), f.stem);
                    w.insert(QStringLiteral("forms"), forms);
                }
                top.append(w);
            }
            out.append(QJsonObject{{QStringLiteral("group"), g.group},
                                   {QStringLiteral("words"), qint64(g.words)},
                                   {QStringLiteral("distinct"), qint64(g.distinct)},
                                   {QStringLiteral("top"), top}});
        }
        printJson(QJsonObject{
            {QStringLiteral("by"), o.by}, {QStringLiteral("stem"), o.stem}, {QStringLiteral("groups"), out}});
        return 0;
    }
    QString out;
    for (const WordGroup &g : groups) {
        out += QStringLiteral("%1 (%2 words, %3 different)\n").arg(g.group).arg(g.words).arg(g.distinct);
        int width = 0;
        for (const WordFrequency &f : g.top)
            width = std::max(width, int(QString::number(f.count).size()));
        for (const WordFrequency &f : g.top) {
            QString line = QStringLiteral("  %1  %2").arg(f.count, width).arg(f.word);
            if (o.stem && (f.forms.size() > 1 || (f.forms.size() == 1 && f.forms.front().first != f.word))) {
                QStringList forms;
                for (const auto &form : f.forms)
                    forms << QStringLiteral("%1 %2").arg(form.first).arg(form.second);
                line += QStringLiteral("  (%1)").arg(forms.join(QStringLiteral(", ")));
            }
            out += line + QLatin1Char('\n');
        }
    }
    if (groups.empty())
        out = QStringLiteral("No words to count in %1\n").arg(p->fileName());
    print(out);
    return 0;
}

int cmdReindex(const Context &c, const QStringList &words)
{
    const QString verb = QStringLiteral("reindex");
    Args a(words, verb);
    a.expectAtMost(1);
    auto p = c.openProject(a.at(0, QStringLiteral("PROJECT")));
    Search search(*p);
    QStringList done;
    if (a.has(QStringLiteral("language"))) {
        search.setLanguage(a.value(QStringLiteral("language")).trimmed().toLower());
        done << QStringLiteral("Rebuilt the search index of %1 with language %2").arg(p->fileName(), search.language());
    } else if (!a.has(QStringLiteral("check"))) {
        search.rebuild();
        done << QStringLiteral("Rebuilt the search index of %1 (language %2)").arg(p->fileName(), search.language());
    }
    if (a.has(QStringLiteral("check"))) {
        search.check();
        done << QStringLiteral("The search index of %1 matches its documents, memos and codes").arg(p->fileName());
    }
    const Search::Size size = search.size();
    report(c, done.join(QLatin1Char('\n')),
           {{QStringLiteral("language"), search.language()},
            {QStringLiteral("indexBytes"), size.indexBytes},
            {QStringLiteral("textBytes"), size.textBytes}});
    return 0;
}

} // namespace Quire::Cli
