// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/autocode.h"

#include "error.h"
#include "model/project.h"
#include "search/textunits.h"

#include <algorithm>
#include <map>

namespace Quire {

AutocodeExtent parseAutocodeExtent(const QString &name)
{
    if (name == QLatin1String("hit"))
        return AutocodeExtent::Hit;
    if (name == QLatin1String("word"))
        return AutocodeExtent::Word;
    if (name == QLatin1String("sentence"))
        return AutocodeExtent::Sentence;
    if (name == QLatin1String("paragraph"))
        return AutocodeExtent::Paragraph;
    if (name == QLatin1String("turn"))
        return AutocodeExtent::Turn;
    throw Error(QStringLiteral("autocode: --extend is hit, word, sentence, paragraph or turn, not \"%1\"").arg(name));
}

AutocodeResult autocode(Project &project, const QString &query, const AutocodeOptions &options)
{
    const Code code = project.code(options.code);
    SearchOptions searchOptions;
    searchOptions.regex = options.search.regex;
    searchOptions.details = false;
    const SearchResult found = Search(project).run(query, searchOptions);
    const qsizetype total = qsizetype(found.hits.size());

    std::vector<const SearchHit *> chosen;
    if (options.hits.empty()) {
        for (const SearchHit &h : found.hits)
            chosen.push_back(&h);
    } else {
        for (qsizetype n : options.hits) {
            if (n < 1 || n > total)
                throw Error(QStringLiteral("autocode: there is no hit %1; the query has %2 hit%3")
                                .arg(n)
                                .arg(total)
                                .arg(total == 1 ? QString() : QStringLiteral("s")));
            chosen.push_back(&found.hits[std::size_t(n - 1)]);
        }
    }
    AutocodeResult result;
    result.hits = qsizetype(chosen.size());
    if (chosen.empty())
        return result;

    using Span = std::pair<qsizetype, qsizetype>;
    std::map<Id, std::vector<Span>> byDocument;
    for (const SearchHit *h : chosen)
        byDocument[h->id].emplace_back(h->start, h->end);

    struct Plan
    {
        Id document;
        std::vector<Span> fresh;   ///< new segments
        std::vector<Span> joining; ///< same span as an existing segment of this coder
    };
    std::vector<Plan> plans;
    for (auto &[doc, spans] : byDocument) {
        TextUnits units(project.documentText(doc));
        const std::vector<Turn> turns = project.turns(doc);
        for (Span &s : spans) {
            const qsizetype hitStart = s.first;
            const auto turn = std::find_if(turns.begin(), turns.end(),
                                           [&](const Turn &t) { return t.start <= hitStart && hitStart < t.end; });
            switch (options.extent) {
            case AutocodeExtent::Hit:
                break;
            case AutocodeExtent::Word:
                s = units.words(s.first, s.second);
                break;
            case AutocodeExtent::Sentence:
                s = units.sentences(s.first, s.second);
                break;
            case AutocodeExtent::Paragraph:
                s = units.paragraphs(s.first, s.second);
                break;
            case AutocodeExtent::Turn: {
                if (turn == turns.end()) {
                    ++result.outsideTurns;
                    s = units.paragraphs(s.first, s.second);
                } else {
                    const Span trimmed = units.trimmed({turn->start, std::max(turn->end, s.second)});
                    s = {std::min(trimmed.first, s.first), std::max(trimmed.second, s.second)};
                }
                break;
            }
            }
            // A passage starts after the speaker label, unless the hit is in the label.
            if (options.extent != AutocodeExtent::Hit && options.extent != AutocodeExtent::Word &&
                turn != turns.end()) {
                const qsizetype content = units.speakerLabelEnd(*turn);
                if (s.first < content && hitStart >= content)
                    s.first = content;
            }
        }
        std::sort(spans.begin(), spans.end());
        std::vector<Span> merged;
        for (const Span &s : spans) {
            if (!merged.empty() && s.first < merged.back().second)
                merged.back().second = std::max(merged.back().second, s.second);
            else
                merged.push_back(s);
        }
        result.passages += qsizetype(merged.size());

        std::vector<Segment> mine;
        for (const Segment &seg : project.segments(doc)) {
            if (seg.coder == project.coder())
                mine.push_back(seg);
        }
        Plan plan{doc, {}, {}};
        for (const Span &s : merged) {
            const bool covered = std::any_of(mine.begin(), mine.end(), [&](const Segment &seg) {
                return seg.start <= s.first && s.second <= seg.end &&
                       std::find(seg.codes.begin(), seg.codes.end(), options.code) != seg.codes.end();
            });
            if (covered) {
                ++result.alreadyCoded;
                continue;
            }
            const bool sameSpan = std::any_of(mine.begin(), mine.end(), [&](const Segment &seg) {
                return seg.start == s.first && seg.end == s.second;
            });
            (sameSpan ? plan.joining : plan.fresh).push_back(s);
        }
        if (!plan.fresh.empty() || !plan.joining.empty())
            plans.push_back(std::move(plan));
    }
    if (plans.empty())
        return result;

    const QString path = project.codePath(code.id);
    project.batch(QStringLiteral("segment.autocode"),
                  QStringLiteral("Auto-code %1 passages matching %2 with %3")
                      .arg(result.passages - result.alreadyCoded)
                      .arg(query, path),
                  [&] {
                      for (const Plan &plan : plans) {
                          if (!plan.fresh.empty()) {
                              for (Id id : project.addSegments(plan.document, plan.fresh, {options.code}))
                                  result.segments.push_back(id);
                              result.added += qsizetype(plan.fresh.size());
                          }
                          for (const Span &s : plan.joining) {
                              // The same span by the same coder is one segment with several codes.
                              result.segments.push_back(
                                  project.addSegment(plan.document, s.first, s.second, {options.code}));
                              ++result.joined;
                          }
                          ++result.documents;
                      }
                  });
    return result;
}

} // namespace Quire
