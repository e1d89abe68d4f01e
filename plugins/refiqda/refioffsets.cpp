// SPDX-License-Identifier: GPL-3.0-or-later
#include "refioffsets.h"

#include "error.h"
#include "text/textoffsets.h"

#include <QStringList>

#include <algorithm>
#include <map>
#include <optional>

namespace Quire::Refi {

QString unitName(OffsetUnit unit)
{
    switch (unit) {
    case OffsetUnit::Utf16:
        return QStringLiteral("UTF-16 code units (CRLF = 2)");
    case OffsetUnit::CodePoints:
        return QStringLiteral("code points (CRLF = 2)");
    case OffsetUnit::CodePointsLf:
        return QStringLiteral("code points (line break = 1)");
    }
    return QString();
}

namespace {

/// Maps positions in one unit over the raw text to code points over the stored text.
class Converter
{
public:
    Converter(const QString &raw, const QString &stored)
        : m_raw(raw)
        , m_rawOffsets(raw)
        , m_stored(stored)
    {
        for (qsizetype i = 0; i + 1 < raw.size(); ++i) {
            if (raw.at(i) == QLatin1Char('\r') && raw.at(i + 1) == QLatin1Char('\n'))
                m_crlf.push_back(i);
        }
    }

    std::optional<qsizetype> toStored(OffsetUnit unit, qint64 pos) const
    {
        if (pos < 0)
            return std::nullopt;
        try {
            if (unit == OffsetUnit::CodePointsLf) {
                if (pos > m_stored.codePointCount())
                    return std::nullopt;
                return qsizetype(pos);
            }
            qsizetype utf16 = 0;
            if (unit == OffsetUnit::Utf16) {
                if (pos > m_raw.size())
                    return std::nullopt;
                utf16 = qsizetype(pos);
                // Between the halves of a surrogate pair: not a character boundary.
                if (utf16 > 0 && utf16 < m_raw.size() && m_raw.at(utf16).isLowSurrogate() &&
                    m_raw.at(utf16 - 1).isHighSurrogate())
                    return std::nullopt;
            } else {
                if (pos > m_rawOffsets.codePointCount())
                    return std::nullopt;
                utf16 = m_rawOffsets.toUtf16(qsizetype(pos));
            }
            // Each CR of a CRLF before the position is gone from the stored text.
            const auto removed = std::lower_bound(m_crlf.begin(), m_crlf.end(), utf16) - m_crlf.begin();
            return m_stored.fromUtf16(utf16 - qsizetype(removed));
        } catch (const Error &) {
            return std::nullopt;
        }
    }

    /// Code point at a code-point position of the stored text.
    char32_t at(qsizetype cp) const
    {
        const qsizetype i = m_stored.toUtf16(cp);
        const QString &t = m_stored.text();
        const QChar c = t.at(i);
        if (c.isHighSurrogate() && i + 1 < t.size())
            return QChar::surrogateToUcs4(c, t.at(i + 1));
        return c.unicode();
    }

    bool isWordChar(qsizetype cp) const
    {
        const char32_t c = at(cp);
        return QChar::isLetterOrNumber(c) || QChar::category(c) == QChar::Mark_NonSpacing;
    }

    bool onBoundary(qsizetype cp) const
    {
        const qsizetype n = m_stored.codePointCount();
        if (cp <= 0 || cp >= n)
            return true;
        return !isWordChar(cp - 1) || !isWordChar(cp);
    }

    const TextOffsets &stored() const { return m_stored; }
    qsizetype rawLength(OffsetUnit unit) const
    {
        switch (unit) {
        case OffsetUnit::Utf16:
            return m_raw.size();
        case OffsetUnit::CodePoints:
            return m_rawOffsets.codePointCount();
        case OffsetUnit::CodePointsLf:
            return m_stored.codePointCount();
        }
        return 0;
    }

private:
    const QString &m_raw;
    TextOffsets m_rawOffsets;
    TextOffsets m_stored;
    std::vector<qsizetype> m_crlf;
};

struct Candidate
{
    OffsetUnit unit;
    bool valid = true;
    int boundaries = 0;
    int names = 0;
    std::vector<std::pair<qsizetype, qsizetype>> ranges;
    std::vector<bool> onBoundaries;  ///< per selection: both ends on a word or line boundary
    std::vector<bool> offBoundaries; ///< per selection: neither end on a word or line boundary
    std::vector<bool> nameMatches;   ///< per selection: the excerpt is the quoted name
};

QString squeeze(const QString &s)
{
    return s.simplified();
}

} // namespace

OffsetDecision decideOffsets(const OffsetInput &input, const QString &storedText)
{
    OffsetDecision out;
    OffsetUnit prior = OffsetUnit::CodePoints;
    QString why = QStringLiteral("the REFI-QDA rule");
    if (input.origin.contains(QLatin1String("NVivo"), Qt::CaseInsensitive)) {
        prior = OffsetUnit::Utf16;
        why = QStringLiteral("NVivo's habit");
    } else if (input.origin.contains(QLatin1String("ATLAS.ti"), Qt::CaseInsensitive)) {
        prior = OffsetUnit::CodePointsLf;
        why = QStringLiteral("ATLAS.ti's habit");
    }
    for (const auto &s : input.selections) {
        if (s.start < 0 || s.end < s.start)
            throw Error(QStringLiteral("%1: selection %2 has impossible positions %3-%4")
                            .arg(input.sourceLabel, s.guid)
                            .arg(s.start)
                            .arg(s.end));
    }
    // Inline content and re-decoded legacy text have LF only: all units but
    // code points over LF would count something that is not there.
    const QString raw = input.rawKeepsLineEndings ? input.raw : storedText;
    const Converter conv(raw, storedText);
    const qsizetype n = qsizetype(input.selections.size());

    std::vector<Candidate> candidates;
    for (OffsetUnit u : {prior, OffsetUnit::Utf16, OffsetUnit::CodePoints, OffsetUnit::CodePointsLf}) {
        if (std::any_of(candidates.begin(), candidates.end(), [u](const Candidate &c) { return c.unit == u; }))
            continue;
        Candidate c{u, true, 0, 0, {}, {}, {}, {}};
        for (const auto &s : input.selections) {
            const auto a = conv.toStored(u, s.start);
            const auto b = conv.toStored(u, s.end);
            if (!a || !b) {
                c.valid = false;
                break;
            }
            c.ranges.push_back({*a, *b});
            const bool boundary = conv.onBoundary(*a) && conv.onBoundary(*b);
            c.onBoundaries.push_back(boundary);
            c.offBoundaries.push_back(!conv.onBoundary(*a) && !conv.onBoundary(*b));
            c.nameMatches.push_back(false);
            if (boundary)
                ++c.boundaries;
            QString name = s.name;
            const bool cut = name.endsWith(QChar(0x2026));
            if (cut)
                name.chop(1);
            name = squeeze(name);
            if (name.size() >= 3 && *b > *a) {
                const QString excerpt = squeeze(conv.stored().mid(*a, *b));
                if (cut ? excerpt.startsWith(name) : excerpt == name) {
                    ++c.names;
                    c.nameMatches.back() = true;
                }
            }
        }
        candidates.push_back(std::move(c));
    }
    const Candidate &first = candidates.front();
    const Candidate *best = first.valid ? &first : nullptr;
    for (const Candidate &c : candidates) {
        if (!c.valid || &c == best)
            continue;
        if (!best) {
            best = &c;
            continue;
        }
        // Another unit wins only on clear evidence: more quoted names matched,
        // or clearly more selections on word/line boundaries.
        const int margin = std::max<int>(2, int(n / 10));
        if (c.names > best->names || (c.names == best->names && c.boundaries >= best->boundaries + margin))
            best = &c;
    }
    if (!best) {
        // No unit fits: name the first selection that leaves the text under the expected unit.
        for (const auto &s : input.selections) {
            if (!conv.toStored(prior, s.end) || !conv.toStored(prior, s.start))
                throw Error(QStringLiteral("%1: selection %2 ends at %3, past the end of the text (%4 %5)")
                                .arg(input.sourceLabel, s.guid)
                                .arg(s.end)
                                .arg(conv.rawLength(prior))
                                .arg(prior == OffsetUnit::Utf16 ? QStringLiteral("UTF-16 code units")
                                                                : QStringLiteral("characters")));
        }
        throw Error(QStringLiteral("%1: the selection positions fit no known way of counting").arg(input.sourceLabel));
    }
    out.unit = best->unit;
    out.unitName = unitName(best->unit);
    out.ranges = best->ranges;
    if (n == 0) {
        out.summary = QStringLiteral("no selections");
        return out;
    }
    bool allSame = true;
    for (const Candidate &c : candidates) {
        if (!c.valid || c.ranges != best->ranges)
            allSame = false;
    }
    QStringList evidence;
    evidence << QStringLiteral("%1/%2 selections on word or line boundaries").arg(best->boundaries).arg(n);
    if (best->names)
        evidence << QStringLiteral("%1 match their quoted name").arg(best->names);
    for (const Candidate &c : candidates) {
        if (&c == best)
            continue;
        if (!c.valid)
            evidence << QStringLiteral("as %1 a selection falls outside the text").arg(unitName(c.unit));
        else if (c.ranges != best->ranges)
            evidence << QStringLiteral("as %1: %2/%3").arg(unitName(c.unit)).arg(c.boundaries).arg(n);
    }
    // Mixed units: selections that fit another unit and not the chosen one
    // (their quoted name; else both ends on boundaries there and neither end
    // here, since a person's selection may well stop inside a word at one
    // end). They are converted with the chosen unit all the same, so the
    // report must say so.
    auto fits = [](const Candidate &c, std::size_t i, bool byName) {
        return byName ? bool(c.nameMatches[i]) : bool(c.onBoundaries[i]);
    };
    std::map<OffsetUnit, qint64> other;
    for (std::size_t i = 0; i < std::size_t(n); ++i) {
        bool byName = false;
        for (const Candidate &c : candidates)
            byName = byName || (c.valid && c.nameMatches[i]);
        if (fits(*best, i, byName)) {
            ++out.fitChosen;
            continue;
        }
        if (!byName && !best->offBoundaries[i])
            continue; // one end on a boundary: a loose selection, not another unit
        for (const Candidate &c : candidates) {
            if (c.valid && &c != best && c.ranges[i] != best->ranges[i] && fits(c, i, byName)) {
                ++other[c.unit];
                break;
            }
        }
    }
    for (const auto &[unit, count] : other)
        out.fitOther.push_back({unit, count});
    if (!out.fitOther.empty()) {
        QStringList others;
        for (const auto &[unit, count] : out.fitOther)
            others << QStringLiteral("%1 fit %2 instead").arg(count).arg(unitName(unit));
        out.mixWarning =
            QStringLiteral(
                "%1: the selections seem to mix ways of counting: %2 of %3 fit %4, %5; all were converted as %4, "
                "so check those selections")
                .arg(input.sourceLabel, QString::number(out.fitChosen), QString::number(n), out.unitName,
                     others.join(QStringLiteral(", ")));
    }
    if (allSame)
        out.summary =
            QStringLiteral("%1; every unit gives the same positions here (%2)").arg(out.unitName, evidence.front());
    else if (best == &first)
        out.summary =
            QStringLiteral("%1, %2, confirmed: %3").arg(out.unitName, why, evidence.join(QStringLiteral("; ")));
    else
        out.summary = QStringLiteral("%1, overruling %2 (%3): %4")
                          .arg(out.unitName, why, unitName(first.unit), evidence.join(QStringLiteral("; ")));
    return out;
}

} // namespace Quire::Refi
