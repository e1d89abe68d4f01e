// SPDX-License-Identifier: GPL-3.0-or-later
// The quote verbs of quire-cli (star a segment as an exemplar quote, give it
// an editorial version) and the export options about quotes.
#include "quoteverbs.h"

#include "args.h"
#include "output.h"

#include "error.h"
#include "model/project.h"
#include "report/quotes.h"

#include <algorithm>
#include <limits>
#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace Quire::Cli {

namespace {

Id segmentArg(const Args &a, const QString &verb)
{
    const QString word = a.at(1, QStringLiteral("SEGMENT"));
    bool ok = false;
    const Id id = word.toLongLong(&ok);
    if (!ok || id <= 0)
        throw UsageError(QStringLiteral("%1: SEGMENT is a segment id (see list segments), not \"%2\"").arg(verb, word));
    return id;
}

int wholeNumber(const Args &a, const QString &verb, const QString &option, int minimum)
{
    // Only called when the option is given.
    return int(std::min<qint64>(Cli::wholeNumber(a, verb, option, minimum, minimum), std::numeric_limits<int>::max()));
}

/// One line for a terminal: line breaks as ⏎, tabs as spaces.
QString oneLine(QString s)
{
    s.replace(QLatin1Char('\n'), QChar(0x23CE));
    s.replace(QLatin1Char('\t'), QLatin1Char(' '));
    return s;
}

/// The project and segment of a quote verb that changes the selection: PROJECT SEGMENT [TEXT].
struct Selection
{
    Args args;
    std::unique_ptr<Project> project;
    Id segment = 0;
};

Selection selected(const Context &c, Args a, const QString &verb)
{
    auto p = c.openProject(a.at(0, QStringLiteral("PROJECT")));
    const Id id = segmentArg(a, verb);
    return {std::move(a), std::move(p), id};
}

} // namespace

int cmdQuoteList(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("quote list"));
    a.expectAtMost(2);
    auto project = Project::open(a.at(0, QStringLiteral("PROJECT")));
    Project &p = *project;
    std::optional<Id> only;
    if (a.positional().size() > 1)
        only = segmentArg(a, QStringLiteral("quote list"));
    const bool starredOnly = a.has(QStringLiteral("starred"));
    std::map<Id, Document> docs;
    for (const auto &d : p.documents())
        docs.emplace(d.id, d);
    QJsonArray out;
    QString text;
    for (const auto &[id, sel] : quoteSelections(p)) {
        if ((only && id != *only) || (starredOnly && !sel.starred))
            continue;
        const Segment s = p.segment(id);
        const QString original = p.documentRange(s.documentId, s.start, s.end);
        const auto missing = sel.editorial.isEmpty() ? std::nullopt : firstMissingFragment(sel.editorial, original);
        const bool valid = sel.editorial.isEmpty() || (!missing && !editorialFragments(sel.editorial).isEmpty());
        QJsonObject o{{QStringLiteral("segment"), id},
                      {QStringLiteral("document"), docs.at(s.documentId).name},
                      {QStringLiteral("start"), qint64(s.start)},
                      {QStringLiteral("end"), qint64(s.end)},
                      {QStringLiteral("starred"), sel.starred},
                      {QStringLiteral("original"), original},
                      {QStringLiteral("editorial"), sel.editorial},
                      {QStringLiteral("valid"), valid},
                      {QStringLiteral("modified"), sel.modified}};
        o.insert(QStringLiteral("order"), sel.rank ? QJsonValue(*sel.rank) : QJsonValue());
        if (missing)
            o.insert(QStringLiteral("missing"), *missing);
        out.append(o);
        QString flags = sel.starred ? QStringLiteral("starred") : QStringLiteral("-");
        if (sel.rank)
            flags += QStringLiteral(" #%1").arg(*sel.rank);
        text +=
            QStringLiteral("%1\t%2\t%3:%4\t%5\t%6%7\n")
                .arg(id)
                .arg(docs.at(s.documentId).name)
                .arg(s.start)
                .arg(s.end)
                .arg(flags, oneLine(sel.editorial.isEmpty() ? original : QStringLiteral("[edited] ") + sel.editorial),
                     valid ? QString()
                           : QStringLiteral("\t(NOT IN THE SOURCE: \"%1\")").arg(missing.value_or(QString())));
    }
    if (only && out.isEmpty())
        p.segment(*only); // an unknown segment is an error; a known one has no selection
    printResult(c, out, text);
    return 0;
}

int cmdQuoteStar(const Context &c, const QStringList &words)
{
    const QString verb = QStringLiteral("quote star");
    Args a(words, verb);
    a.expectAtMost(2);
    Selection s = selected(c, std::move(a), verb);
    std::optional<qint64> rank;
    if (s.args.has(QStringLiteral("order")))
        rank = wholeNumber(s.args, verb, QStringLiteral("order"), 1);
    QuoteSelections(*s.project).star(s.segment, rank);
    report(c,
           rank ? QStringLiteral("Starred segment %1 (order %2)").arg(s.segment).arg(*rank)
                : QStringLiteral("Starred segment %1").arg(s.segment),
           {{QStringLiteral("segment"), s.segment}});
    return 0;
}

int cmdQuoteUnstar(const Context &c, const QStringList &words)
{
    const QString verb = QStringLiteral("quote unstar");
    Args a(words, verb);
    a.expectAtMost(2);
    Selection s = selected(c, std::move(a), verb);
    QuoteSelections(*s.project).unstar(s.segment);
    report(c, QStringLiteral("Unstarred segment %1").arg(s.segment), {{QStringLiteral("segment"), s.segment}});
    return 0;
}

int cmdQuoteEdit(const Context &c, const QStringList &words)
{
    const QString verb = QStringLiteral("quote edit");
    Args a(words, verb);
    a.expectAtMost(a.has(QStringLiteral("text")) ? 2 : 3); // the shown text is --text or the TEXT argument
    Selection s = selected(c, std::move(a), verb);
    const QString text = s.args.has(QStringLiteral("text")) ? s.args.value(QStringLiteral("text"))
                                                            : s.args.at(2, QStringLiteral("TEXT"));
    QuoteSelections(*s.project).setEditorial(s.segment, text);
    report(c,
           QStringLiteral("Set the editorial version of segment %1 (%2 fragments, all in the source in order)")
               .arg(s.segment)
               .arg(editorialFragments(text).size()),
           {{QStringLiteral("segment"), s.segment}, {QStringLiteral("editorial"), text}});
    return 0;
}

int cmdQuoteClearEdit(const Context &c, const QStringList &words)
{
    const QString verb = QStringLiteral("quote clear-edit");
    Args a(words, verb);
    a.expectAtMost(2);
    Selection s = selected(c, std::move(a), verb);
    QuoteSelections(*s.project).clearEditorial(s.segment);
    report(c, QStringLiteral("Cleared the editorial version of segment %1").arg(s.segment),
           {{QStringLiteral("segment"), s.segment}});
    return 0;
}

void applyQuoteExportOptions(const Args &a, ReportOptions &options)
{
    const QString verb = QStringLiteral("export");
    // The matrix and theme table: column order, marks, first header.
    for (const QString &v : a.values(QStringLiteral("by-order")))
        options.byOrder << v.split(QLatin1Char(','), Qt::SkipEmptyParts);
    options.matrixMark = a.value(QStringLiteral("mark"));
    options.rowHeader = a.value(QStringLiteral("row-header"));
    if (a.has(QStringLiteral("max-quotes")))
        options.maxQuotes = wholeNumber(a, verb, QStringLiteral("max-quotes"), 1);
    if (a.has(QStringLiteral("max-length")))
        options.maxLength = wholeNumber(a, verb, QStringLiteral("max-length"), 4);
    if (a.has(QStringLiteral("order"))) {
        const QString o = a.value(QStringLiteral("order"));
        if (o == QLatin1String("document"))
            options.order = QuoteOrder::Document;
        else if (o == QLatin1String("chosen"))
            options.order = QuoteOrder::Chosen;
        else if (o == QLatin1String("starred"))
            options.order = QuoteOrder::Starred;
        else
            throw UsageError(QStringLiteral("export: --order is document, chosen or starred, not \"%1\"").arg(o));
    }
    if (a.has(QStringLiteral("locator"))) {
        const QString l = a.value(QStringLiteral("locator"));
        if (l == QLatin1String("page"))
            options.locator = QuoteLocator::Page;
        else if (l == QLatin1String("time"))
            options.locator = QuoteLocator::Time;
        else if (l == QLatin1String("none"))
            options.locator = QuoteLocator::None;
        else
            throw UsageError(QStringLiteral("export: --locator is page, time or none, not \"%1\"").arg(l));
    }
    options.starredOnly = a.has(QStringLiteral("starred-only"));
    options.speakerLabel = a.has(QStringLiteral("speaker-label"));
    options.includeMemos = a.has(QStringLiteral("memos"));
    options.timestamp = !a.has(QStringLiteral("no-timestamp"));
}

} // namespace Quire::Cli
