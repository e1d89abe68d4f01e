// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/agreement.h"

#include "analysis/analysisdata.h"
#include "error.h"
#include "model/project.h"
#include "text/textoffsets.h"

#include <unicode/ubrk.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <random>
#include <set>

namespace Quire::Analysis {

// ---- coefficients on plain data ---------------------------------------------------

std::optional<double> krippendorffAlphaNominal(const std::vector<std::vector<int>> &data)
{
    // The coincidence matrix: every ordered pair of values within a unit,
    // weighted 1/(m_u - 1), so each pairable value counts once in total.
    std::map<std::pair<int, int>, double> o;
    for (const auto &unit : data) {
        std::vector<int> values;
        for (int v : unit) {
            if (v != Missing)
                values.push_back(v);
        }
        const double mu = double(values.size());
        if (values.size() < 2)
            continue;
        for (std::size_t i = 0; i < values.size(); ++i) {
            for (std::size_t j = 0; j < values.size(); ++j) {
                if (i != j)
                    o[{values[i], values[j]}] += 1.0 / (mu - 1.0);
            }
        }
    }
    std::map<int, double> nc;
    double disagreeing = 0;
    for (const auto &[key, w] : o) {
        nc[key.first] += w;
        if (key.first != key.second)
            disagreeing += w;
    }
    double n = 0, squares = 0;
    for (const auto &[c, w] : nc) {
        n += w;
        squares += w * w;
    }
    const double expectedPairs = n * n - squares; // sum over c != k of n_c n_k
    if (n <= 1 || expectedPairs <= 1e-12)
        return std::nullopt;
    return 1.0 - (n - 1.0) * disagreeing / expectedPairs;
}

std::optional<double> cohensKappa(const std::vector<int> &a, const std::vector<int> &b)
{
    std::map<int, double> ma, mb;
    double n = 0, agree = 0;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
        if (a[i] == Missing || b[i] == Missing)
            continue;
        ++n;
        ma[a[i]] += 1;
        mb[b[i]] += 1;
        if (a[i] == b[i])
            ++agree;
    }
    if (n == 0)
        return std::nullopt;
    double pe = 0;
    for (const auto &[c, count] : ma) {
        auto it = mb.find(c);
        if (it != mb.end())
            pe += (count / n) * (it->second / n);
    }
    if (pe >= 1.0 - 1e-12)
        return std::nullopt; // both coders gave one and the same value to every unit
    return (agree / n - pe) / (1.0 - pe);
}

std::optional<double> percentAgreement(const std::vector<std::vector<int>> &data)
{
    double pairs = 0, agreeing = 0;
    for (const auto &unit : data) {
        for (std::size_t i = 0; i < unit.size(); ++i) {
            for (std::size_t j = i + 1; j < unit.size(); ++j) {
                if (unit[i] == Missing || unit[j] == Missing)
                    continue;
                ++pairs;
                if (unit[i] == unit[j])
                    ++agreeing;
            }
        }
    }
    if (pairs == 0)
        return std::nullopt;
    return agreeing / pairs;
}

namespace {

using Span = std::pair<qsizetype, qsizetype>;

/// Sorted, with overlapping spans joined and everything clipped to [begin, end).
std::vector<Span> normalised(std::vector<Span> spans, qsizetype begin, qsizetype end)
{
    std::vector<Span> out;
    std::sort(spans.begin(), spans.end());
    for (Span s : spans) {
        s.first = std::max(s.first, begin);
        s.second = std::min(s.second, end);
        if (s.second <= s.first)
            continue;
        if (!out.empty() && s.first < out.back().second)
            out.back().second = std::max(out.back().second, s.second);
        else
            out.push_back(s);
    }
    return out;
}

double sq(double x)
{
    return x * x;
}

/// Sum over the pairs of segments of two coders in one continuum (one direction
/// of the ordered pair each for the segment-in-gap terms).
double pairDisagreement(const std::vector<Span> &a, const std::vector<Span> &b)
{
    double sum = 0;
    auto inGapOfOther = [](const std::vector<Span> &mine, const std::vector<Span> &other) {
        double s = 0;
        std::size_t j = 0;
        for (const Span &x : mine) {
            while (j < other.size() && other[j].second <= x.first)
                ++j;
            const bool overlaps = j < other.size() && other[j].first < x.second;
            if (!overlaps)
                s += sq(double(x.second - x.first));
        }
        return s;
    };
    sum += inGapOfOther(a, b) + inGapOfOther(b, a);
    // Overlapping pairs: squared differences of the starts and of the ends.
    std::size_t j0 = 0;
    for (const Span &x : a) {
        while (j0 < b.size() && b[j0].second <= x.first)
            ++j0;
        for (std::size_t j = j0; j < b.size() && b[j].first < x.second; ++j)
            sum += sq(double(x.first - b[j].first)) + sq(double(x.second - b[j].second));
    }
    return sum;
}

} // namespace

UnitizingResult unitizingAlpha(const std::vector<UnitizingContinuum> &continua, int coders)
{
    UnitizingResult r;
    if (coders < 2)
        return r;
    const double m = coders;
    double L = 0;
    double observedSum = 0;
    std::vector<double> segmentLengths;
    std::vector<double> gapLengths;
    for (const auto &c : continua) {
        if (c.length <= 0)
            continue;
        L += double(c.length);
        std::vector<std::vector<Span>> spans;
        for (int i = 0; i < coders; ++i)
            spans.push_back(normalised(std::size_t(i) < c.spans.size() ? c.spans[std::size_t(i)] : std::vector<Span>{},
                                       c.begin, c.begin + c.length));
        for (int i = 0; i < coders; ++i) {
            qsizetype at = c.begin;
            for (const Span &s : spans[std::size_t(i)]) {
                segmentLengths.push_back(double(s.second - s.first));
                if (s.first > at)
                    gapLengths.push_back(double(s.first - at));
                at = s.second;
            }
            if (c.begin + c.length > at)
                gapLengths.push_back(double(c.begin + c.length - at));
            for (int j = i + 1; j < coders; ++j)
                observedSum += 2.0 * pairDisagreement(spans[std::size_t(i)], spans[std::size_t(j)]);
        }
    }
    if (L <= 0)
        return r;
    r.observed = observedSum / (m * (m - 1.0) * L * L);
    // Expected: every segment against every gap long enough to hold it.
    std::sort(gapLengths.begin(), gapLengths.end());
    std::vector<double> suffix(gapLengths.size() + 1, 0.0);
    for (std::size_t i = gapLengths.size(); i-- > 0;)
        suffix[i] = suffix[i + 1] + gapLengths[i];
    const double segments = double(segmentLengths.size());
    double numerator = 0;
    double selfPairs = 0;
    for (double l : segmentLengths) {
        const auto first = std::size_t(std::lower_bound(gapLengths.begin(), gapLengths.end(), l) - gapLengths.begin());
        const double count = double(gapLengths.size() - first);
        const double gapTerm = suffix[first] - (l - 1.0) * count;
        numerator += (segments - 1.0) / 3.0 * (2 * l * l * l - 3 * l * l + l) + l * l * gapTerm;
        selfPairs += l * (l - 1.0);
    }
    numerator *= 2.0 / L;
    const double denominator = m * L * (m * L - 1.0) - selfPairs;
    r.expected = denominator > 0 ? numerator / denominator : 0.0;
    if (r.expected > 0)
        r.alpha = 1.0 - r.observed / r.expected;
    return r;
}

// ---- units --------------------------------------------------------------------------

QString toString(AgreementUnit unit)
{
    switch (unit) {
    case AgreementUnit::Sentence:
        return QStringLiteral("sentence");
    case AgreementUnit::Paragraph:
        return QStringLiteral("paragraph");
    case AgreementUnit::Turn:
        return QStringLiteral("turn");
    }
    return QString();
}

AgreementUnit agreementUnitFromString(const QString &name)
{
    if (name == QLatin1String("sentence"))
        return AgreementUnit::Sentence;
    if (name == QLatin1String("paragraph"))
        return AgreementUnit::Paragraph;
    if (name == QLatin1String("turn"))
        return AgreementUnit::Turn;
    throw Error(QStringLiteral("agreement unit is sentence, paragraph or turn, not \"%1\"").arg(name));
}

namespace {

/// Splits texts into units; keeps one ICU sentence iterator for all of them
/// (opening one per document costs more than the splitting).
class UnitSplitter
{
public:
    UnitSplitter() = default;
    ~UnitSplitter()
    {
        if (m_sentences)
            ubrk_close(m_sentences);
    }
    UnitSplitter(const UnitSplitter &) = delete;
    UnitSplitter &operator=(const UnitSplitter &) = delete;

    std::vector<std::pair<qsizetype, qsizetype>> split(const QString &text, AgreementUnit unit)
    {
        // Boundaries in UTF-16 first, trimmed of white space, then code points.
        std::vector<std::pair<qsizetype, qsizetype>> utf16;
        auto push = [&](qsizetype from, qsizetype to) {
            while (from < to && text[from].isSpace())
                ++from;
            while (to > from && text[to - 1].isSpace())
                --to;
            if (to > from)
                utf16.emplace_back(from, to);
        };
        if (unit == AgreementUnit::Paragraph) {
            qsizetype at = 0;
            while (at <= text.size()) {
                qsizetype nl = text.indexOf(QLatin1Char('\n'), at);
                if (nl < 0)
                    nl = text.size();
                push(at, nl);
                at = nl + 1;
            }
        } else if (unit == AgreementUnit::Sentence) {
            UErrorCode status = U_ZERO_ERROR;
            const auto *chars = reinterpret_cast<const UChar *>(text.utf16());
            if (m_sentences)
                ubrk_setText(m_sentences, chars, int32_t(text.size()), &status);
            else
                m_sentences = ubrk_open(UBRK_SENTENCE, "", chars, int32_t(text.size()), &status);
            if (U_FAILURE(status))
                throw Error(QStringLiteral("agreement: cannot start the ICU sentence iterator (%1)")
                                .arg(QString::fromLatin1(u_errorName(status))));
            int32_t from = ubrk_first(m_sentences);
            for (int32_t to = ubrk_next(m_sentences); to != UBRK_DONE; from = to, to = ubrk_next(m_sentences))
                push(from, to);
        } else {
            throw Error(QStringLiteral("agreement: speaker turns come from the project, not from the text"));
        }
        const TextOffsets offsets(text);
        std::vector<std::pair<qsizetype, qsizetype>> out;
        out.reserve(utf16.size());
        for (const auto &u : utf16)
            out.emplace_back(offsets.fromUtf16(u.first), offsets.fromUtf16(u.second));
        return out;
    }

private:
    UBreakIterator *m_sentences = nullptr;
};

} // namespace

std::vector<std::pair<qsizetype, qsizetype>> textUnits(const QString &text, AgreementUnit unit)
{
    UnitSplitter splitter;
    return splitter.split(text, unit);
}

// ---- agreement in a project --------------------------------------------------------

namespace {

// A unit's values for one code, two bits per coder: 0 missing, 1 absent, 2 present.
using UnitType = quint32;

int valueOf(UnitType t, int coder)
{
    const int v = int((t >> (2 * coder)) & 3u);
    return v == 0 ? Missing : v - 1;
}

/// Counts of units per type, indexed by the analysis' global type list.
using Counts = std::vector<qint64>;

struct Stats
{
    qint64 units = 0;
    qint64 unitsWithCode = 0;
    std::vector<qint64> perCoder;
    std::vector<qint64> unpairedPerCoder;
    std::optional<double> percent, kappa, alpha;
    std::vector<PairAgreement> pairs;
};

class TypeStats
{
public:
    TypeStats(const std::vector<UnitType> &types, int coders)
        : m_coders(coders)
    {
        for (UnitType t : types) {
            Info info;
            for (int c = 0; c < coders; ++c) {
                const int v = valueOf(t, c);
                info.values.push_back(v);
                if (v == 1)
                    ++info.present;
                else if (v == 0)
                    ++info.absent;
            }
            m_info.push_back(info);
        }
    }

    /// Alpha and the mean pairwise kappa only: what the bootstrap needs.
    void coefficients(const Counts &counts, std::optional<double> &alpha, std::optional<double> &kappa) const
    {
        alpha = alphaOf(counts);
        kappa = meanKappa(counts, nullptr);
    }

    Stats full(const Counts &counts, const QStringList &coderNames) const
    {
        Stats s;
        s.perCoder.assign(std::size_t(m_coders), 0);
        s.unpairedPerCoder.assign(std::size_t(m_coders), 0);
        double pairs = 0, agreeing = 0;
        for (std::size_t t = 0; t < m_info.size(); ++t) {
            const qint64 n = counts[t];
            if (n == 0)
                continue;
            const Info &info = m_info[t];
            const double mu = info.present + info.absent;
            // A coder's applications count where the unit is pairable, like every
            // other figure; the rest are counted apart, so nothing vanishes unsaid.
            auto &perCoder = mu < 2 ? s.unpairedPerCoder : s.perCoder;
            for (int c = 0; c < m_coders; ++c) {
                if (info.values[std::size_t(c)] == 1)
                    perCoder[std::size_t(c)] += n;
            }
            if (mu < 2)
                continue;
            s.units += n;
            if (info.present > 0)
                s.unitsWithCode += n;
            pairs += double(n) * mu * (mu - 1) / 2;
            agreeing += double(n) * (info.present * (info.present - 1.0) / 2 + info.absent * (info.absent - 1.0) / 2);
        }
        if (pairs > 0)
            s.percent = agreeing / pairs;
        s.alpha = alphaOf(counts);
        s.kappa = meanKappa(counts, &s.pairs);
        for (auto &p : s.pairs) {
            const auto parts = p.coderA.split(QLatin1Char('\n'));
            p.coderA = coderNames.value(parts.value(0).toInt());
            p.coderB = coderNames.value(parts.value(1).toInt());
        }
        return s;
    }

private:
    struct Info
    {
        std::vector<int> values;
        double present = 0;
        double absent = 0;
    };

    std::optional<double> alphaOf(const Counts &counts) const
    {
        // Binary coincidences: o01 (= o10), o00, o11; alpha = 1 - (n-1) o01 / (n0 n1).
        double o01 = 0, o00 = 0, o11 = 0;
        for (std::size_t t = 0; t < m_info.size(); ++t) {
            const qint64 n = counts[t];
            const Info &info = m_info[t];
            const double mu = info.present + info.absent;
            if (n == 0 || mu < 2)
                continue;
            o01 += double(n) * info.present * info.absent / (mu - 1);
            o11 += double(n) * info.present * (info.present - 1) / (mu - 1);
            o00 += double(n) * info.absent * (info.absent - 1) / (mu - 1);
        }
        const double n1 = o11 + o01, n0 = o00 + o01, total = n0 + n1;
        if (total <= 1 || n0 * n1 <= 0)
            return std::nullopt;
        return 1.0 - (total - 1.0) * o01 / (n0 * n1);
    }

    std::optional<double> meanKappa(const Counts &counts, std::vector<PairAgreement> *pairsOut) const
    {
        double sum = 0;
        int defined = 0;
        for (int a = 0; a < m_coders; ++a) {
            for (int b = a + 1; b < m_coders; ++b) {
                PairAgreement p;
                for (std::size_t t = 0; t < m_info.size(); ++t) {
                    const qint64 n = counts[t];
                    const int va = m_info[t].values[std::size_t(a)], vb = m_info[t].values[std::size_t(b)];
                    if (n == 0 || va == Missing || vb == Missing)
                        continue;
                    p.units += n;
                    if (va == 1 && vb == 1)
                        p.both += n;
                    else if (va == 1)
                        p.onlyA += n;
                    else if (vb == 1)
                        p.onlyB += n;
                    else
                        p.neither += n;
                }
                if (p.units > 0) {
                    const double N = double(p.units);
                    const double po = double(p.both + p.neither) / N;
                    const double pa = double(p.both + p.onlyA) / N, pb = double(p.both + p.onlyB) / N;
                    const double pe = pa * pb + (1 - pa) * (1 - pb);
                    p.percent = po;
                    if (pe < 1.0 - 1e-12)
                        p.kappa = (po - pe) / (1.0 - pe);
                }
                if (p.kappa) {
                    sum += *p.kappa;
                    ++defined;
                }
                if (pairsOut) {
                    // Names are filled in by the caller; the indexes travel in coderA.
                    p.coderA = QStringLiteral("%1\n%2").arg(a).arg(b);
                    pairsOut->push_back(p);
                }
            }
        }
        if (defined == 0)
            return std::nullopt;
        return sum / defined;
    }

    int m_coders;
    std::vector<Info> m_info;
};

/// Deterministic on every platform: std::uniform_int_distribution is not.
class Draw
{
public:
    explicit Draw(quint64 seed)
        : m_rng(seed)
    {}
    std::size_t below(std::size_t n)
    {
        const quint64 limit = std::numeric_limits<quint64>::max() - std::numeric_limits<quint64>::max() % n;
        quint64 x = 0;
        do {
            x = m_rng();
        } while (x >= limit);
        return std::size_t(x % n);
    }

private:
    std::mt19937_64 m_rng;
};

std::optional<Interval> percentile(std::vector<double> values, double confidence)
{
    if (values.size() < 2)
        return std::nullopt;
    std::sort(values.begin(), values.end());
    auto at = [&](double q) {
        const double pos = q * double(values.size() - 1);
        const auto lo = std::size_t(std::floor(pos));
        const auto hi = std::min(lo + 1, values.size() - 1);
        return values[lo] + (values[hi] - values[lo]) * (pos - double(lo));
    };
    const double tail = (1.0 - confidence) / 2.0;
    return Interval{at(tail), at(1.0 - tail)};
}

/// Why a coefficient is undefined, if one is, and what a coder applied in
/// units nobody else coded (left out as missing), if anything.
QString describe(const Stats &s, int coders, const QStringList &names)
{
    QStringList unpaired;
    for (std::size_t c = 0; c < s.unpairedPerCoder.size(); ++c) {
        if (s.unpairedPerCoder[c] > 0)
            unpaired << QStringLiteral("%1 %2").arg(names.value(int(c))).arg(s.unpairedPerCoder[c]);
    }
    const QString leftOut = unpaired.isEmpty()
                                ? QString()
                                : QStringLiteral("applied in unit(s) no other coder coded, left out as missing: %1")
                                      .arg(unpaired.join(QStringLiteral(", ")));
    QString why;
    if (s.units == 0)
        why = QStringLiteral("no unit was coded by two or more coders");
    else if (!s.alpha && s.unitsWithCode == 0)
        why = unpaired.isEmpty()
                  ? QStringLiteral("no coder applied the code: no variation, kappa and alpha are undefined")
                  : QStringLiteral(
                        "no coder applied the code in a pairable unit: no variation, kappa and alpha are undefined");
    else if (!s.alpha)
        why = QStringLiteral("every coder applied the code to every unit: no variation, kappa and alpha are undefined");
    else if (!s.kappa)
        why = coders == 2 ? QStringLiteral("the two coders each gave one value to every unit: kappa is undefined")
                          : QStringLiteral("no pair of coders varied: kappa is undefined");
    if (why.isEmpty())
        return leftOut;
    return leftOut.isEmpty() ? why : why + QStringLiteral("; ") + leftOut;
}

} // namespace

AgreementReport computeAgreement(Project &project, const AgreementOptions &options)
{
    using namespace Detail;
    if (options.confidence <= 0 || options.confidence >= 1)
        throw Error(
            QStringLiteral("agreement: the confidence level must lie between 0 and 1, not %1").arg(options.confidence));
    if (options.bootstrap < 0)
        throw Error(QStringLiteral("agreement: the number of bootstrap replicates cannot be negative"));
    const std::map<Id, QString> coderNames = loadCoders(project);
    const std::vector<CodedSpan> spans = loadCodedSpans(project);
    std::set<Id> chosenDocs(options.documents.begin(), options.documents.end());
    for (Id d : chosenDocs)
        project.document(d); // throws for an unknown document

    // Coders: named, or every coder with a segment in the chosen documents.
    std::vector<Id> coderIds;
    if (!options.coders.isEmpty()) {
        for (const QString &name : options.coders) {
            auto it =
                std::find_if(coderNames.begin(), coderNames.end(), [&](const auto &p) { return p.second == name; });
            if (it == coderNames.end())
                throw Error(QStringLiteral("%1: no coder named \"%2\"").arg(project.fileName(), name));
            if (std::find(coderIds.begin(), coderIds.end(), it->first) == coderIds.end())
                coderIds.push_back(it->first);
        }
    } else {
        std::set<Id> seen;
        for (const auto &s : spans) {
            if (chosenDocs.empty() || chosenDocs.count(s.documentId))
                seen.insert(s.coderId);
        }
        coderIds.assign(seen.begin(), seen.end());
    }
    if (coderIds.size() < 2)
        throw Error(QStringLiteral("%1: agreement needs at least two coders; found %2")
                        .arg(project.fileName())
                        .arg(coderIds.size()));
    if (coderIds.size() > 16)
        throw Error(QStringLiteral("%1: agreement compares at most 16 coders at a time, not %2")
                        .arg(project.fileName())
                        .arg(coderIds.size()));
    std::map<Id, int> coderIndex;
    for (std::size_t i = 0; i < coderIds.size(); ++i)
        coderIndex.emplace(coderIds[i], int(i));
    const int m = int(coderIds.size());

    AgreementReport report;
    for (Id c : coderIds)
        report.coders << coderNames.at(c);
    report.unit = options.unit;
    report.bootstrap = options.bootstrap;
    report.seed = options.seed;
    report.confidence = options.confidence;

    // Documents: named, or every one the coders coded in.
    std::vector<const CodedSpan *> relevant;
    std::set<Id> docs = chosenDocs;
    for (const auto &s : spans) {
        if (!coderIndex.count(s.coderId))
            continue;
        if (chosenDocs.empty())
            docs.insert(s.documentId);
        if (docs.count(s.documentId))
            relevant.push_back(&s);
    }
    report.documents.assign(docs.begin(), docs.end());

    // Codes: named, or every code the coders used.
    const CodeTree tree(project);
    std::vector<Id> codeIds;
    if (!options.codePaths.isEmpty()) {
        codeIds = resolveCodes(project, tree, options.codePaths);
    } else {
        std::set<Id> used;
        for (const CodedSpan *s : relevant)
            used.insert(s->codeId);
        for (Id c : tree.ordered()) {
            if (used.count(c))
                codeIds.push_back(c);
        }
    }
    std::map<Id, std::size_t> codeIndex;
    for (std::size_t i = 0; i < codeIds.size(); ++i)
        codeIndex.emplace(codeIds[i], i);
    const std::size_t K = codeIds.size();

    // Global list of unit types, so every code's counts share one index.
    std::vector<UnitType> types;
    std::map<UnitType, std::size_t> typeIndex;
    auto indexOf = [&](UnitType t) {
        auto it = typeIndex.find(t);
        if (it != typeIndex.end())
            return it->second;
        types.push_back(t);
        return typeIndex.emplace(t, types.size() - 1).first->second;
    };
    // docCounts[d][k][type]; unitTypes[k][unit] (for resampling units).
    std::vector<std::vector<std::vector<qint64>>> docCounts;
    std::vector<std::vector<quint16>> unitTypes(K);
    std::vector<std::vector<UnitizingContinuum>> continua(K);
    auto bump = [](std::vector<qint64> &v, std::size_t i, qint64 n) {
        if (v.size() <= i)
            v.resize(i + 1, 0);
        v[i] += n;
    };

    UnitSplitter splitter;
    std::set<Id> outsideSegments;
    std::size_t next = 0;
    for (Id docId : report.documents) {
        const std::size_t firstSpan = next;
        while (next < relevant.size() && relevant[next]->documentId == docId)
            ++next;
        // relevant is ordered by document, so the document's spans are [firstSpan, next).
        std::vector<const CodedSpan *> mine(relevant.begin() + qsizetype(firstSpan),
                                            relevant.begin() + qsizetype(next));
        const Document doc = project.document(docId);
        std::vector<std::pair<qsizetype, qsizetype>> units;
        QString text;
        if (options.unit == AgreementUnit::Turn) {
            for (const Turn &t : project.turns(docId)) {
                if (t.end > t.start)
                    units.emplace_back(t.start, t.end);
            }
            std::sort(units.begin(), units.end());
        } else {
            text = project.documentText(docId);
            units = splitter.split(text, options.unit);
        }
        report.units += qint64(units.size());
        if (units.empty())
            ++report.documentsWithoutUnits;

        quint16 coded = 0; // coders with any segment here
        for (const CodedSpan *s : mine)
            coded = quint16(coded | (1u << coderIndex.at(s->coderId)));
        quint16 missing = 0;
        if (options.silentMeansMissing)
            missing = quint16(~coded & ((1u << m) - 1));
        if (m - qPopulationCount(missing) < 2) {
            report.unpairedUnits += qint64(units.size());
            ++report.unpairedDocuments;
        }

        // present[k][unit]: bit per coder.
        std::vector<std::vector<quint16>> present(K);
        for (const CodedSpan *s : mine) {
            auto ci = codeIndex.find(s->codeId);
            bool touched = false;
            auto u = std::lower_bound(
                units.begin(), units.end(), s->start,
                [](const std::pair<qsizetype, qsizetype> &x, qsizetype pos) { return x.second <= pos; });
            for (; u != units.end() && u->first < s->end; ++u) {
                if (u->second <= s->start)
                    continue; // an earlier, longer unit (turns may nest)
                touched = true;
                if (ci == codeIndex.end())
                    continue;
                auto &p = present[ci->second];
                if (p.empty())
                    p.assign(units.size(), 0);
                p[std::size_t(u - units.begin())] |= quint16(1u << coderIndex.at(s->coderId));
            }
            // Only codings of the compared codes are left out by the choice of unit.
            if (!touched && ci != codeIndex.end()) {
                ++report.codingsOutsideUnits;
                outsideSegments.insert(s->segmentId);
            }
        }
        // Documents not every coder looked at stay out of u-alpha (it needs every coder on the whole text).
        if (options.unitizing && missing == 0) {
            for (std::size_t k = 0; k < K; ++k) {
                UnitizingContinuum c;
                c.begin = 0;
                c.length = doc.length;
                c.spans.resize(std::size_t(m));
                continua[k].push_back(c);
            }
            for (const CodedSpan *s : mine) {
                auto ci = codeIndex.find(s->codeId);
                if (ci != codeIndex.end())
                    continua[ci->second].back().spans[std::size_t(coderIndex.at(s->coderId))].emplace_back(s->start,
                                                                                                           s->end);
            }
        }

        auto typeFor = [&](quint16 presentBits) {
            UnitType t = 0;
            for (int c = 0; c < m; ++c) {
                const quint32 v = (missing >> c) & 1u ? 0u : ((presentBits >> c) & 1u ? 2u : 1u);
                t |= v << (2 * c);
            }
            return t;
        };
        // Type index per pattern of present bits, looked up once per document (up to 10 coders).
        std::vector<std::size_t> patternType(m <= 10 ? std::size_t(1) << m : 0,
                                             std::numeric_limits<std::size_t>::max());
        auto typeIndexFor = [&](quint16 bits) {
            if (bits >= patternType.size())
                return indexOf(typeFor(bits));
            std::size_t &slot = patternType[bits];
            if (slot == std::numeric_limits<std::size_t>::max())
                slot = indexOf(typeFor(bits));
            return slot;
        };
        const std::size_t allAbsent = typeIndexFor(0);
        docCounts.emplace_back(K);
        auto &counts = docCounts.back();
        const int nonMissing = m - qPopulationCount(missing);
        std::unique_ptr<TextOffsets> offsets; // for the disagreements' text, made on first use
        auto unitText = [&](qsizetype start, qsizetype end) {
            if (!offsets) {
                if (text.isNull())
                    text = project.documentText(docId);
                offsets = std::make_unique<TextOffsets>(text);
            }
            return offsets->mid(start, end);
        };
        for (std::size_t k = 0; k < K; ++k) {
            const auto &p = present[k];
            if (p.empty()) {
                bump(counts[k], allAbsent, qint64(units.size()));
                unitTypes[k].insert(unitTypes[k].end(), units.size(), quint16(allAbsent));
                continue;
            }
            for (std::size_t u = 0; u < units.size(); ++u) {
                const quint16 bits = quint16(p[u] & ~missing);
                const std::size_t ti = typeIndexFor(bits);
                bump(counts[k], ti, 1);
                unitTypes[k].push_back(quint16(ti));
                const int applied = qPopulationCount(bits);
                if (nonMissing >= 2 && applied > 0 && applied < nonMissing) {
                    Disagreement d;
                    d.codeId = codeIds[k];
                    d.codePath = tree.path(codeIds[k]);
                    d.documentId = docId;
                    d.document = doc.name;
                    d.start = units[u].first;
                    d.end = units[u].second;
                    d.text = unitText(d.start, d.end);
                    for (int c = 0; c < m; ++c)
                        d.values.push_back((missing >> c) & 1u ? Missing : int((bits >> c) & 1u));
                    report.disagreements.push_back(d);
                }
            }
        }
    }
    report.segmentsOutsideUnits = qint64(outsideSegments.size());
    if (types.size() > 65535)
        throw Error(QStringLiteral("agreement: too many distinct coding patterns"));

    const TypeStats stats(types, m);
    const std::size_t T = types.size();
    // (document, times drawn): a resample holds about 63 % of the documents, some several times.
    using Weighted = std::vector<std::pair<std::size_t, qint64>>;
    auto sumDocs = [&](std::size_t k, const Weighted &docSample, Counts &out) {
        out.assign(T, 0);
        for (const auto &[d, times] : docSample) {
            const auto &v = docCounts[d][k];
            for (std::size_t t = 0; t < v.size(); ++t)
                out[t] += v[t] * times;
        }
    };
    Weighted allDocs(docCounts.size());
    for (std::size_t d = 0; d < allDocs.size(); ++d)
        allDocs[d] = {d, 1};

    auto fill = [&](CodeAgreement &row, const Stats &s) {
        row.units = s.units;
        row.unitsWithCode = s.unitsWithCode;
        row.perCoder = s.perCoder;
        row.unpairedPerCoder = s.unpairedPerCoder;
        row.percent = s.percent;
        row.kappa = s.kappa;
        row.alpha = s.alpha;
        row.pairs = s.pairs;
        row.note = describe(s, m, report.coders);
    };
    Counts pooled(T, 0);
    double doSum = 0, deSum = 0;
    for (std::size_t k = 0; k < K; ++k) {
        Counts c;
        sumDocs(k, allDocs, c);
        for (std::size_t t = 0; t < T; ++t)
            pooled[t] += c[t];
        CodeAgreement row;
        row.codeId = codeIds[k];
        row.path = tree.path(codeIds[k]);
        fill(row, stats.full(c, report.coders));
        if (options.unitizing) {
            const UnitizingResult u = unitizingAlpha(continua[k], m);
            row.unitizedAlpha = u.alpha;
            doSum += u.observed;
            deSum += u.expected;
        }
        report.codes.push_back(row);
    }
    report.overall.path = QStringLiteral("(all codes)");
    fill(report.overall, stats.full(pooled, report.coders));
    if (options.unitizing && deSum > 0)
        report.overall.unitizedAlpha = 1.0 - doSum / deSum;

    // Bootstrap: the same resample for every code and the pooled row.
    if (options.bootstrap > 0 && K > 0) {
        const bool byDocuments = options.resampling == Resampling::Documents ||
                                 (options.resampling == Resampling::Auto && docCounts.size() >= 20);
        const std::size_t population = byDocuments ? docCounts.size() : unitTypes.front().size();
        if (population >= 2) {
            report.resampledBy = byDocuments ? QStringLiteral("documents") : QStringLiteral("units");
            Draw draw(options.seed);
            std::vector<std::vector<double>> alphas(K + 1), kappas(K + 1);
            std::vector<std::size_t> sample(population);
            std::vector<qint64> times(byDocuments ? population : 0);
            Weighted drawn;
            Counts c, pool;
            for (int r = 0; r < options.bootstrap; ++r) {
                for (auto &x : sample)
                    x = draw.below(population);
                if (byDocuments) {
                    std::fill(times.begin(), times.end(), 0);
                    for (std::size_t x : sample)
                        ++times[x];
                    drawn.clear();
                    for (std::size_t d = 0; d < population; ++d) {
                        if (times[d] > 0)
                            drawn.emplace_back(d, times[d]);
                    }
                }
                pool.assign(T, 0);
                for (std::size_t k = 0; k <= K; ++k) {
                    if (k < K) {
                        if (byDocuments) {
                            sumDocs(k, drawn, c);
                        } else {
                            c.assign(T, 0);
                            for (std::size_t x : sample)
                                ++c[unitTypes[k][x]];
                        }
                        for (std::size_t t = 0; t < T; ++t)
                            pool[t] += c[t];
                    }
                    std::optional<double> a, kap;
                    stats.coefficients(k < K ? c : pool, a, kap);
                    if (a)
                        alphas[k].push_back(*a);
                    if (kap)
                        kappas[k].push_back(*kap);
                }
            }
            for (std::size_t k = 0; k <= K; ++k) {
                CodeAgreement &row = k < K ? report.codes[k] : report.overall;
                if (row.alpha)
                    row.alphaInterval = percentile(alphas[k], options.confidence);
                if (row.kappa)
                    row.kappaInterval = percentile(kappas[k], options.confidence);
            }
        }
    }
    return report;
}

namespace {

QString num(const std::optional<double> &v)
{
    return v ? formatNumber(*v) : QStringLiteral("n/a");
}

QString interval(const std::optional<Interval> &i)
{
    return i ? QStringLiteral("%1..%2").arg(formatNumber(i->low), formatNumber(i->high)) : QString();
}

} // namespace

AnalysisTable AgreementReport::table() const
{
    AnalysisTable t;
    t.title = QStringLiteral("Agreement of %1 per %2").arg(coders.join(QStringLiteral(", ")), toString(unit));
    t.header << QStringLiteral("code") << QStringLiteral("units") << QStringLiteral("units_with_code");
    for (const QString &c : coders)
        t.header << QStringLiteral("coded_by_%1").arg(c);
    const QString level = QString::number(qRound(confidence * 100));
    t.header << QStringLiteral("percent") << QStringLiteral("kappa") << QStringLiteral("kappa_ci%1").arg(level)
             << QStringLiteral("alpha") << QStringLiteral("alpha_ci%1").arg(level) << QStringLiteral("u_alpha")
             << QStringLiteral("note");
    auto row = [&](const CodeAgreement &a) {
        QStringList r{a.path, QString::number(a.units), QString::number(a.unitsWithCode)};
        for (std::size_t i = 0; i < std::size_t(coders.size()); ++i)
            r << QString::number(i < a.perCoder.size() ? a.perCoder[i] : 0);
        r << (a.percent ? formatNumber(*a.percent * 100, 1) : QStringLiteral("n/a")) << num(a.kappa)
          << interval(a.kappaInterval) << num(a.alpha) << interval(a.alphaInterval) << num(a.unitizedAlpha) << a.note;
        t.rows.push_back(r);
    };
    for (const auto &c : codes)
        row(c);
    row(overall);
    return t;
}

AnalysisTable AgreementReport::pairTable() const
{
    AnalysisTable t;
    t.title = QStringLiteral("Pairs of coders");
    t.header = QStringList{QStringLiteral("code"),   QStringLiteral("coder_a"), QStringLiteral("coder_b"),
                           QStringLiteral("units"),  QStringLiteral("both"),    QStringLiteral("only_a"),
                           QStringLiteral("only_b"), QStringLiteral("neither"), QStringLiteral("percent"),
                           QStringLiteral("kappa")};
    auto add = [&](const CodeAgreement &a) {
        for (const auto &p : a.pairs)
            t.rows.push_back({a.path, p.coderA, p.coderB, QString::number(p.units), QString::number(p.both),
                              QString::number(p.onlyA), QString::number(p.onlyB), QString::number(p.neither),
                              p.percent ? formatNumber(*p.percent * 100, 1) : QStringLiteral("n/a"), num(p.kappa)});
    };
    for (const auto &c : codes)
        add(c);
    add(overall);
    return t;
}

QStringList AgreementReport::leftOut() const
{
    QStringList out;
    const QString u = toString(unit);
    if (codingsOutsideUnits > 0) {
        QString why = QStringLiteral("they touch no %1").arg(u);
        if (documentsWithoutUnits > 0)
            why += unit == AgreementUnit::Turn
                       ? QStringLiteral("; %1 document(s) have no speaker turns at all (narratives, statements …)")
                             .arg(documentsWithoutUnits)
                       : QStringLiteral("; %1 document(s) have no %2 at all").arg(documentsWithoutUnits).arg(u);
        out << QStringLiteral("Left out: %1 coding(s) on %2 segment(s), because %3.")
                   .arg(codingsOutsideUnits)
                   .arg(segmentsOutsideUnits)
                   .arg(why);
    }
    if (unpairedUnits > 0)
        out << QStringLiteral("Left out as missing: %1 %2(s) in %3 document(s) that fewer than two of the coders coded "
                              "(--silent-missing); per code, the note says what a coder applied there.")
                   .arg(unpairedUnits)
                   .arg(u)
                   .arg(unpairedDocuments);
    return out;
}

AnalysisTable AgreementReport::disagreementTable() const
{
    AnalysisTable t;
    t.title = QStringLiteral("Disagreements");
    t.header << QStringLiteral("code") << QStringLiteral("document") << QStringLiteral("start")
             << QStringLiteral("end");
    for (const QString &c : coders)
        t.header << c;
    t.header << QStringLiteral("text");
    for (const auto &d : disagreements) {
        QStringList r{d.codePath, d.document, QString::number(d.start), QString::number(d.end)};
        for (int v : d.values)
            r << (v == Missing ? QStringLiteral("missing") : v ? QStringLiteral("yes") : QStringLiteral("no"));
        r << d.text;
        t.rows.push_back(r);
    }
    return t;
}

} // namespace Quire::Analysis
