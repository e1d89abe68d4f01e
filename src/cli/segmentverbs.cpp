// SPDX-License-Identifier: GPL-3.0-or-later
// The segment verbs of quire-cli: coding a passage, by its range or its exact quote.
#include "segmentverbs.h"

#include "args.h"
#include "output.h"

#include "error.h"
#include "model/project.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace Quire::Cli {

namespace {

std::vector<Id> resolveCodes(const Project &p, const QStringList &paths, const QString &verb)
{
    if (paths.isEmpty())
        throw Error(QStringLiteral("%1: name the code with --code PATH").arg(verb));
    std::vector<Id> ids;
    for (const auto &path : paths)
        ids.push_back(p.resolveCode(path));
    return ids;
}

} // namespace

int cmdSegmentAdd(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("segment add");
    Args a(words, verb);
    a.expectAtMost(2);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const Document d = p->findDocument(a.at(1, QStringLiteral("DOCUMENT")));
    const auto codes = resolveCodes(*p, a.values(QStringLiteral("code")), verb);
    std::optional<Id> caseId;
    if (a.has(QStringLiteral("case")))
        caseId = p->findCase(a.value(QStringLiteral("case"))).id;
    const QString memo = a.value(QStringLiteral("memo"));
    std::vector<Id> ids;
    if (a.has(QStringLiteral("range")) == a.has(QStringLiteral("quote")))
        throw Error(QStringLiteral("%1: give exactly one of --range START:END or --quote TEXT").arg(verb));
    if (a.has(QStringLiteral("range"))) {
        const auto [start, end] = Cli::parseRange(a.value(QStringLiteral("range")));
        ids.push_back(p->addSegment(d.id, start, end, codes, memo, caseId));
    } else {
        const QString quote = a.value(QStringLiteral("quote"));
        const auto hits = p->findQuote(d.id, quote);
        const qsizetype len = quote.toUcs4().size();
        if (hits.empty())
            throw Error(
                QStringLiteral("%1: the quote \"%2\" is not in the document (it must match the stored text exactly)")
                    .arg(d.name, quote.left(80)));
        const QString occ = a.value(QStringLiteral("occurrence"));
        if (occ == QLatin1String("all")) {
            std::vector<std::pair<qsizetype, qsizetype>> ranges;
            for (qsizetype h : hits)
                ranges.emplace_back(h, h + len);
            ids = p->addSegments(d.id, ranges, codes, memo);
        } else {
            qsizetype n = 1;
            if (!occ.isEmpty()) {
                bool ok = false;
                n = occ.toLongLong(&ok);
                if (!ok || n < 1)
                    throw Error(QStringLiteral("%1: --occurrence takes a number from 1, or \"all\"").arg(verb));
                if (n > qsizetype(hits.size()))
                    throw Error(QStringLiteral("%1: the quote occurs %2 times; there is no occurrence %3")
                                    .arg(d.name)
                                    .arg(hits.size())
                                    .arg(n));
            } else if (hits.size() > 1) {
                throw Error(
                    QStringLiteral("%1: the quote occurs %2 times; choose one with --occurrence N or --occurrence all")
                        .arg(d.name)
                        .arg(hits.size()));
            }
            const qsizetype start = hits[std::size_t(n - 1)];
            ids.push_back(p->addSegment(d.id, start, start + len, codes, memo, caseId));
        }
    }
    QJsonArray segs;
    QStringList lines;
    for (Id id : ids) {
        const Segment s = p->segment(id);
        segs.append(QJsonObject{{QStringLiteral("id"), id},
                                {QStringLiteral("start"), qint64(s.start)},
                                {QStringLiteral("end"), qint64(s.end)}});
        lines << QStringLiteral("Segment %1: %2 %3:%4").arg(id).arg(d.name).arg(s.start).arg(s.end);
    }
    report(context, lines.join(QLatin1Char('\n')), {{QStringLiteral("segments"), segs}});
    return 0;
}

int cmdSegmentRemove(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("segment remove");
    Args a(words, verb);
    a.expectAtMost(2);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const Id id = a.at(1, QStringLiteral("SEGMENT-ID")).toLongLong();
    p->removeSegment(id);
    report(context, QStringLiteral("Removed segment %1").arg(id));
    return 0;
}

int cmdSegmentResize(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("segment resize");
    Args a(words, verb);
    a.expectAtMost(2);
    if (!a.has(QStringLiteral("range")))
        throw Error(QStringLiteral("%1: give the new span with --range START:END").arg(verb));
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const Id id = a.at(1, QStringLiteral("SEGMENT-ID")).toLongLong();
    const auto [start, end] = Cli::parseRange(a.value(QStringLiteral("range")));
    p->resizeSegment(id, start, end);
    report(context, QStringLiteral("Segment %1 is now %2:%3").arg(id).arg(start).arg(end));
    return 0;
}

int cmdSegmentMemo(const Context &context, const QStringList &words)
{
    const QString verb = QStringLiteral("segment memo");
    Args a(words, verb);
    a.expectAtMost(3);
    auto p = context.openProject(a.at(0, QStringLiteral("PROJECT")));
    const Id id = a.at(1, QStringLiteral("SEGMENT-ID")).toLongLong();
    p->setSegmentMemo(id, a.at(2, QStringLiteral("TEXT")));
    report(context, QStringLiteral("Memo of segment %1 saved").arg(id));
    return 0;
}

} // namespace Quire::Cli
