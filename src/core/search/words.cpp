// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/words.h"

#include "error.h"
#include "index/analyzer.h"
#include "index/searchindex.h"
#include "index/stopwords.h"
#include "model/project.h"
#include "model/projectaccess.h"
#include "search/textunits.h"
#include "storage/database.h"
#include "text/textoffsets.h"

#include <QHash>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace Quire {

namespace {

using Span = std::pair<qsizetype, qsizetype>;

struct Counter
{
    qsizetype words = 0;
    QHash<QByteArray, qsizetype> counts;
    QHash<QByteArray, QHash<QByteArray, qsizetype>> forms;
};

/// The coded passages of one code group in the current document, walked forward.
struct CodeGroup
{
    QString name;
    std::set<Id> codes; ///< the code and every code below it
    std::vector<Span> spans;
    std::size_t next = 0;

    bool contains(const Span &word)
    {
        while (next < spans.size() && spans[next].second < word.second)
            ++next;
        // Spans are merged, so only the current one can hold the word.
        return next < spans.size() && spans[next].first <= word.first && word.second <= spans[next].second;
    }
};

std::vector<Span> merged(std::vector<Span> spans)
{
    std::sort(spans.begin(), spans.end());
    std::vector<Span> out;
    for (const Span &s : spans) {
        if (!out.empty() && s.first <= out.back().second)
            out.back().second = std::max(out.back().second, s.second);
        else
            out.push_back(s);
    }
    return out;
}

} // namespace

std::vector<WordGroup> wordFrequencies(Project &project, const WordFrequencyOptions &options)
{
    Database &db = ProjectAccess::database(project);
    const QString language = SearchIndex::indexLanguage(db);
    QString stopLanguage = options.stopwords;
    if (stopLanguage.isEmpty())
        stopLanguage = stopWordLanguages().contains(language) ? language : QStringLiteral("none");
    const QSet<QByteArray> *stops = stopLanguage == QLatin1String("none") ? nullptr : &stopWords(stopLanguage);
    if (options.top < 0)
        throw Error(QStringLiteral("words: --top takes a number from 0 (0: all words)"));
    Analyzer analyzer(options.stem ? language : QStringLiteral("none"));

    enum class Mode { All, Document, Code, Speaker, Case, Attribute } mode = Mode::All;
    const QString by = options.by.trimmed();
    std::map<Id, QString> caseValues, documentValues, caseNames;
    if (by.isEmpty()) {
        mode = Mode::All;
    } else if (by.compare(QLatin1String("document"), Qt::CaseInsensitive) == 0) {
        mode = Mode::Document;
    } else if (by.compare(QLatin1String("code"), Qt::CaseInsensitive) == 0) {
        mode = Mode::Code;
    } else if (by.compare(QLatin1String("speaker"), Qt::CaseInsensitive) == 0) {
        mode = Mode::Speaker;
    } else if (by.compare(QLatin1String("case"), Qt::CaseInsensitive) == 0) {
        mode = Mode::Case;
        for (const Case &c : project.cases())
            caseNames[c.id] = c.name;
    } else {
        mode = Mode::Attribute;
        bool defined = false;
        for (const AttributeDef &d : project.attributeDefs())
            defined = defined || d.name.compare(by, Qt::CaseInsensitive) == 0;
        for (const AttributeValue &v : project.attributeValues()) {
            if (v.name.compare(by, Qt::CaseInsensitive) == 0)
                (v.scope == AttributeScope::Case ? caseValues : documentValues)[v.ownerId] = v.value;
        }
        if (!defined)
            throw Error(
                QStringLiteral(
                    "words: --by takes document, code, speaker, case or an attribute of %1; \"%2\" is none of them")
                    .arg(project.fileName(), by));
    }

    std::vector<Id> documents;
    if (options.documents.isEmpty()) {
        for (const Document &d : project.documents())
            documents.push_back(d.id);
    } else {
        for (const QString &name : options.documents)
            documents.push_back(project.findDocument(name).id);
    }

    std::vector<CodeGroup> codeGroups;
    if (mode == Mode::Code) {
        std::map<Id, std::vector<Id>> children;
        const std::vector<Code> codes = project.codes();
        for (const Code &c : codes) {
            for (Id p : c.parents)
                children[p].push_back(c.id);
        }
        for (const Code &c : codes) {
            CodeGroup g;
            g.name = project.codePath(c.id);
            std::function<void(Id)> add = [&](Id id) {
                if (g.codes.insert(id).second) {
                    for (Id child : children[id])
                        add(child);
                }
            };
            add(c.id);
            codeGroups.push_back(std::move(g));
        }
    }

    std::map<QString, Counter> groups;
    for (Id doc : documents) {
        const QString text = project.documentText(doc);
        const TextOffsets offsets(text);
        const QString docName = project.document(doc).name;
        const std::vector<Turn> turns = project.turns(doc);
        std::optional<Id> onlyCase;
        if (mode == Mode::Case || mode == Mode::Attribute) {
            const auto cases = project.documentCases(doc);
            if (cases.size() == 1)
                onlyCase = cases.front();
        }
        // Speaker labels ("Facilitator:") are not words anyone said.
        std::vector<Span> labels;
        {
            const TextUnits units(text);
            for (const Turn &t : turns) {
                const qsizetype content = units.speakerLabelEnd(t);
                if (content > t.start)
                    labels.emplace_back(t.start, content);
            }
        }
        std::size_t nextLabel = 0;
        if (mode == Mode::Code) {
            std::vector<std::pair<Id, Span>> segments;
            for (const Segment &s : project.segments(doc)) {
                for (Id code : s.codes)
                    segments.push_back({code, {s.start, s.end}});
            }
            for (CodeGroup &g : codeGroups) {
                std::vector<Span> spans;
                for (const auto &[code, span] : segments) {
                    if (g.codes.count(code))
                        spans.push_back(span);
                }
                g.spans = merged(std::move(spans));
                g.next = 0;
            }
        }
        auto turnAt = [&](qsizetype position) -> const Turn * {
            auto it = std::upper_bound(turns.begin(), turns.end(), position,
                                       [](qsizetype p, const Turn &t) { return p < t.start; });
            if (it == turns.begin())
                return nullptr;
            --it;
            return position < it->end ? &*it : nullptr;
        };
        analyzer.forEachWord(
            text,
            [&](const Analyzer::Word &w) {
                if (w.isNumber || (stops && stops->contains(w.folded)))
                    return true;
                if (!labels.empty()) {
                    const qsizetype at = offsets.fromUtf16(w.start);
                    while (nextLabel < labels.size() && labels[nextLabel].second <= at)
                        ++nextLabel;
                    if (nextLabel < labels.size() && labels[nextLabel].first <= at)
                        return true;
                }
                auto count = [&](const QString &group) {
                    Counter &c = groups[group];
                    ++c.words;
                    ++c.counts[w.term];
                    if (options.stem)
                        ++c.forms[w.term][w.folded];
                };
                switch (mode) {
                case Mode::All:
                    count(QStringLiteral("all"));
                    break;
                case Mode::Document:
                    count(docName);
                    break;
                case Mode::Code: {
                    const Span word{offsets.fromUtf16(w.start), offsets.fromUtf16(w.end)};
                    for (CodeGroup &g : codeGroups) {
                        if (g.contains(word))
                            count(g.name);
                    }
                    break;
                }
                case Mode::Speaker: {
                    const Turn *t = turnAt(offsets.fromUtf16(w.start));
                    count(t && !t->speaker.isEmpty() ? t->speaker : QStringLiteral("(no speaker)"));
                    break;
                }
                case Mode::Case:
                case Mode::Attribute: {
                    const Turn *t = turnAt(offsets.fromUtf16(w.start));
                    const std::optional<Id> caseId = t && t->caseId ? t->caseId : onlyCase;
                    if (mode == Mode::Case) {
                        count(caseId ? caseNames[*caseId] : QStringLiteral("(no case)"));
                        break;
                    }
                    QString value;
                    if (caseId && caseValues.count(*caseId))
                        value = caseValues[*caseId];
                    else if (documentValues.count(doc))
                        value = documentValues[doc];
                    count(value.isEmpty() ? QStringLiteral("(none)") : value);
                    break;
                }
                }
                return true;
            },
            options.stem);
    }

    std::vector<WordGroup> out;
    for (auto &[name, counter] : groups) {
        WordGroup g;
        g.group = name;
        g.words = counter.words;
        g.distinct = counter.counts.size();
        std::vector<std::pair<QByteArray, qsizetype>> sorted;
        sorted.reserve(std::size_t(counter.counts.size()));
        for (auto it = counter.counts.cbegin(); it != counter.counts.cend(); ++it)
            sorted.emplace_back(it.key(), it.value());
        std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        if (options.top > 0 && sorted.size() > std::size_t(options.top))
            sorted.resize(std::size_t(options.top));
        for (const auto &[term, n] : sorted) {
            WordFrequency f;
            f.count = n;
            if (options.stem) {
                f.stem = QString::fromUtf8(term);
                const auto &forms = counter.forms[term];
                std::vector<std::pair<QByteArray, qsizetype>> fs;
                for (auto it = forms.cbegin(); it != forms.cend(); ++it)
                    fs.emplace_back(it.key(), it.value());
                std::sort(fs.begin(), fs.end(), [](const auto &a, const auto &b) {
                    return a.second != b.second ? a.second > b.second : a.first < b.first;
                });
                for (const auto &[form, k] : fs)
                    f.forms.append({QString::fromUtf8(form), k});
                f.word = f.forms.isEmpty() ? f.stem : f.forms.front().first;
            } else {
                f.word = QString::fromUtf8(term);
            }
            g.top.push_back(std::move(f));
        }
        out.push_back(std::move(g));
    }
    return out;
}

} // namespace Quire
