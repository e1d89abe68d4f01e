// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/quotes.h"

#include "error.h"
#include "model/commandlog.h"
#include "model/project.h"
#include "model/projectaccess.h"
#include "storage/database.h"

namespace Quire {

namespace {

/// A mark starting at i: its length, or 0 for ordinary text.
qsizetype markAt(const QString &text, qsizetype i)
{
    const QChar c = text[i];
    if (c == QChar(0x2026))
        return 1;
    if (c == QLatin1Char('.') && text.mid(i, 3) == QLatin1String("...")) {
        qsizetype n = 3;
        while (i + n < text.size() && text[i + n] == QLatin1Char('.'))
            ++n;
        return n;
    }
    if (c == QLatin1Char('[')) {
        // An unclosed bracket is ordinary text: the source may contain one.
        const qsizetype close = text.indexOf(QLatin1Char(']'), i + 1);
        if (close > i)
            return close - i + 1;
    }
    return 0;
}

qsizetype codePoints(QStringView s)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (!(s[i].isLowSurrogate() && i > 0 && s[i - 1].isHighSurrogate()))
            ++n;
    }
    return n;
}

} // namespace

QStringList editorialFragments(const QString &editorial)
{
    QStringList out;
    QString run;
    const auto flush = [&] {
        const QString t = run.trimmed();
        if (!t.isEmpty())
            out << t;
        run.clear();
    };
    for (qsizetype i = 0; i < editorial.size();) {
        const qsizetype mark = markAt(editorial, i);
        if (mark > 0) {
            flush();
            i += mark;
        } else {
            run += editorial[i];
            ++i;
        }
    }
    flush();
    return out;
}

std::optional<QString> firstMissingFragment(const QString &editorial, const QString &source)
{
    qsizetype from = 0;
    for (const QString &f : editorialFragments(editorial)) {
        const qsizetype at = source.indexOf(f, from);
        if (at < 0)
            return f;
        from = at + f.size();
    }
    return std::nullopt;
}

void checkEditorial(Id segmentId, const QString &editorial, const QString &source)
{
    if (editorialFragments(editorial).isEmpty())
        throw Error(QStringLiteral("segment %1: the editorial version \"%2\" keeps no text of the quote")
                        .arg(segmentId)
                        .arg(editorial));
    if (const auto missing = firstMissingFragment(editorial, source))
        throw Error(
            QStringLiteral("segment %1: the editorial fragment \"%2\" is not in the segment's text (in order after "
                           "the fragments before it); an editorial version may only cut (...) and insert [text]")
                .arg(segmentId)
                .arg(*missing));
}

QString shortenQuote(const QString &text, qsizetype maxLength)
{
    if (maxLength <= 0 || codePoints(text) <= maxLength)
        return text;
    const QString ellipsis = QStringLiteral("...");
    const qsizetype budget = std::max<qsizetype>(1, maxLength - ellipsis.size());
    // The UTF-16 index after `budget` code points.
    qsizetype limit = 0;
    for (qsizetype n = 0; limit < text.size() && n < budget; ++n)
        limit += (text[limit].isHighSurrogate() && limit + 1 < text.size()) ? 2 : 1;
    qsizetype cut = -1;
    qsizetype openBracket = -1;
    for (qsizetype i = 0; i <= limit && i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('[') && openBracket < 0 && text.indexOf(QLatin1Char(']'), i + 1) > i)
            openBracket = i;
        else if (c == QLatin1Char(']'))
            openBracket = -1;
        else if (c.isSpace() && openBracket < 0)
            cut = i;
    }
    QString kept = cut > 0 ? text.left(cut) : text.left(limit);
    while (!kept.isEmpty() && kept.back().isSpace())
        kept.chop(1);
    if (kept.isEmpty())
        kept = text.left(limit);
    return kept + ellipsis;
}

std::map<Id, QuoteSelection> quoteSelections(const Project &project)
{
    std::map<Id, QuoteSelection> out;
    // Selections of removed segments stay behind (a segment's removal does not
    // know this table); the join leaves them out.
    Statement st(ProjectAccess::database(project),
                 QStringLiteral("SELECT q.segment_id, q.starred, q.rank, q.editorial, q.modified "
                                "FROM quote_selections q JOIN segments s ON s.id = q.segment_id"));
    while (st.step()) {
        QuoteSelection s;
        s.segmentId = st.columnInt(0);
        s.starred = st.columnInt(1) != 0;
        s.rank = st.columnOptInt(2);
        s.editorial = st.columnText(3);
        s.modified = st.columnText(4);
        out.emplace(s.segmentId, s);
    }
    return out;
}

std::optional<QuoteSelection> QuoteSelections::get(Id segmentId) const
{
    Statement st(ProjectAccess::database(m_project),
                 QStringLiteral("SELECT starred, rank, editorial, modified FROM quote_selections "
                                "WHERE segment_id = ?1"));
    st.bind(1, segmentId);
    if (!st.step())
        return std::nullopt;
    QuoteSelection s;
    s.segmentId = segmentId;
    s.starred = st.columnInt(0) != 0;
    s.rank = st.columnOptInt(1);
    s.editorial = st.columnText(2);
    s.modified = st.columnText(3);
    return s;
}

void QuoteSelections::write(const QuoteSelection &s, const QString &kind, const QString &summary)
{
    m_project.batch(kind, summary, [&] {
        Database &db = ProjectAccess::database(m_project);
        if (!s.starred && s.editorial.isEmpty()) {
            Statement del(db, QStringLiteral("DELETE FROM quote_selections WHERE segment_id = ?1"));
            del.bind(1, s.segmentId).run();
            return;
        }
        Statement up(db,
                     QStringLiteral("INSERT INTO quote_selections(segment_id, starred, rank, editorial, modified) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(segment_id) DO UPDATE SET "
                                    "starred = excluded.starred, rank = excluded.rank, editorial = excluded.editorial, "
                                    "modified = excluded.modified"));
        up.bind(1, s.segmentId)
            .bind(2, s.starred ? 1 : 0)
            .bind(3, s.rank)
            .bind(4, s.editorial)
            .bind(5, CommandLog::now())
            .run();
    });
}

void QuoteSelections::star(Id segmentId, std::optional<qint64> rank)
{
    m_project.segment(segmentId); // throws for an unknown segment
    QuoteSelection s = get(segmentId).value_or(QuoteSelection{segmentId, false, std::nullopt, {}, {}});
    s.starred = true;
    s.rank = rank;
    write(s, QStringLiteral("quote.star"),
          rank ? QStringLiteral("Star segment %1 as a quote (order %2)").arg(segmentId).arg(*rank)
               : QStringLiteral("Star segment %1 as a quote").arg(segmentId));
}

void QuoteSelections::unstar(Id segmentId)
{
    m_project.segment(segmentId);
    auto s = get(segmentId);
    if (!s || !s->starred)
        throw Error(QStringLiteral("%1: segment %2 is not starred").arg(m_project.fileName()).arg(segmentId));
    s->starred = false;
    s->rank.reset();
    write(*s, QStringLiteral("quote.unstar"), QStringLiteral("Unstar segment %1").arg(segmentId));
}

void QuoteSelections::setEditorial(Id segmentId, const QString &editorial)
{
    const Segment seg = m_project.segment(segmentId);
    checkEditorial(segmentId, editorial, m_project.documentRange(seg.documentId, seg.start, seg.end));
    QuoteSelection s = get(segmentId).value_or(QuoteSelection{segmentId, false, std::nullopt, {}, {}});
    s.editorial = editorial;
    write(s, QStringLiteral("quote.edit"), QStringLiteral("Set the editorial version of segment %1").arg(segmentId));
}

void QuoteSelections::clearEditorial(Id segmentId)
{
    m_project.segment(segmentId);
    auto s = get(segmentId);
    if (!s || s->editorial.isEmpty())
        throw Error(QStringLiteral("%1: segment %2 has no editorial version").arg(m_project.fileName()).arg(segmentId));
    s->editorial.clear();
    write(*s, QStringLiteral("quote.clear-edit"),
          QStringLiteral("Clear the editorial version of segment %1").arg(segmentId));
}

} // namespace Quire
