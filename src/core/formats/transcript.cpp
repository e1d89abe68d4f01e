// SPDX-License-Identifier: GPL-3.0-or-later
#include "formats/transcript.h"

#include "error.h"
#include "text/textoffsets.h"

#include <algorithm>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace Quire {

namespace {

// A timestamp as transcribers write them: [00:12:31], [12:31], (12:31),
// #00:12:31.200#, or a bare 00:12:31 at the start of a line.
const QString TimePattern = QStringLiteral("\\[\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?\\]"
                                           "|\\(\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?\\)"
                                           "|#\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d{1,3})?#"
                                           "|\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d{1,3})?");

// A speaker label: starts with a capital (or a letter of a script without
// case, such as Han), up to about five words, an optional "(role)", then a colon.
const QString NameChars = QStringLiteral("[\\p{L}\\p{M}\\p{N}'\u2019.\\-]");

const QRegularExpression &colonLine()
{
    static const QRegularExpression re(
        QStringLiteral(
            "^[ \\t]*(?:(?<time>%1)[ \\t]*)?(?<speaker>[\\p{Lu}\\p{Lo}]%2{0,24}(?: %2{1,24}){0,2}(?:[ \\t]*\\([^()\\n]{1,40}\\))?)[ \\t]*:(?=[ \\t]|$)")
            .arg(TimePattern, NameChars),
        QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

const QRegularExpression &bracketLine()
{
    static const QRegularExpression re(
        QStringLiteral(
            "^[ \\t]*(?:(?<time>%1)[ \\t]*)?\\[(?<speaker>[\\p{Lu}\\p{Lo}]%2{0,24}(?: %2{1,24}){0,2})\\][ \\t]+\\S")
            .arg(TimePattern, NameChars),
        QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

const QRegularExpression &timeOnlyLine()
{
    static const QRegularExpression re(QStringLiteral("^[ \\t]*(?<time>%1)[ \\t]*$").arg(TimePattern));
    return re;
}

// Labels that end in a colon at the start of a header line but are not speakers.
bool isHeaderLabel(const QString &label)
{
    static const QSet<QString> labels{QStringLiteral("present"),
                                      QStringLiteral("date"),
                                      QStringLiteral("time"),
                                      QStringLiteral("location"),
                                      QStringLiteral("venue"),
                                      QStringLiteral("place"),
                                      QStringLiteral("duration"),
                                      QStringLiteral("note"),
                                      QStringLiteral("notes"),
                                      QStringLiteral("transcriber"),
                                      QStringLiteral("transcribed by"),
                                      QStringLiteral("title"),
                                      QStringLiteral("subject"),
                                      QStringLiteral("re"),
                                      QStringLiteral("attendees"),
                                      QStringLiteral("participants"),
                                      QStringLiteral("apologies"),
                                      QStringLiteral("recording"),
                                      QStringLiteral("file"),
                                      QStringLiteral("project"),
                                      QStringLiteral("session"),
                                      QStringLiteral("key"),
                                      QStringLiteral("dear"),
                                      QStringLiteral("ps"),
                                      QStringLiteral("p.s."),
                                      QStringLiteral("from"),
                                      QStringLiteral("to"),
                                      QStringLiteral("cc"),
                                      QStringLiteral("length")};
    return labels.contains(label.trimmed().toLower());
}

// Bracketed stage directions at the start of a line are not speakers.
bool isStageDirection(const QString &label)
{
    static const QSet<QString> words{
        QStringLiteral("inaudible"),   QStringLiteral("laughs"),       QStringLiteral("laughter"),
        QStringLiteral("pause"),       QStringLiteral("crosstalk"),    QStringLiteral("silence"),
        QStringLiteral("noise"),       QStringLiteral("redacted"),     QStringLiteral("unclear"),
        QStringLiteral("sighs"),       QStringLiteral("cries"),        QStringLiteral("long pause"),
        QStringLiteral("overlapping"), QStringLiteral("interruption"), QStringLiteral("end of recording")};
    return words.contains(label.trimmed().toLower());
}

struct Candidate
{
    qsizetype lineStart = 0; ///< UTF-16
    QString speaker;
    std::optional<qint64> time;
};

} // namespace

std::optional<qint64> TranscriptDetector::parseTime(const QString &time)
{
    static const QRegularExpression re(
        QStringLiteral("^[\\[(#]?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:[.,](\\d{1,3}))?[\\])#]?$"));
    const auto m = re.match(time.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    qint64 h = 0, mi = 0, s = 0;
    if (m.capturedLength(3) > 0) {
        h = m.captured(1).toLongLong();
        mi = m.captured(2).toLongLong();
        s = m.captured(3).toLongLong();
    } else {
        mi = m.captured(1).toLongLong();
        s = m.captured(2).toLongLong();
    }
    if (mi > 59 || s > 59)
        return std::nullopt;
    qint64 ms = 0;
    if (m.capturedLength(4) > 0) {
        QString frac = m.captured(4);
        while (frac.size() < 3)
            frac += QLatin1Char('0');
        ms = frac.toLongLong();
    }
    return ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

std::vector<ImportedTurn> TranscriptDetector::detect(const QString &text) const
{
    std::optional<QRegularExpression> custom;
    if (!customPattern.isEmpty()) {
        custom.emplace(customPattern, QRegularExpression::UseUnicodePropertiesOption);
        if (!custom->isValid())
            throw Error(QStringLiteral("speaker pattern \"%1\" is not a valid regular expression: %2 (at offset %3)")
                            .arg(customPattern, custom->errorString())
                            .arg(custom->patternErrorOffset()));
        if (!custom->namedCaptureGroups().contains(QStringLiteral("speaker")))
            throw Error(QStringLiteral("speaker pattern \"%1\" needs a named group (?<speaker>…)").arg(customPattern));
    }
    std::vector<Candidate> found;
    std::optional<qint64> pendingTime;
    qsizetype lineStart = 0;
    while (lineStart <= text.size()) {
        qsizetype lineEnd = text.indexOf(QLatin1Char('\n'), lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        const QStringView line = QStringView(text).mid(lineStart, lineEnd - lineStart);
        if (!line.trimmed().isEmpty()) {
            QRegularExpressionMatch m;
            if (custom) {
                m = custom->match(line, 0, QRegularExpression::NormalMatch,
                                  QRegularExpression::AnchorAtOffsetMatchOption);
                // A match that failed in the engine is not "no speaker here".
                if (!m.isValid())
                    throw Error(
                        QStringLiteral("speaker pattern \"%1\" exceeds the regular expression engine's limits on "
                                       "line %2 (too much backtracking, as with nested repetition like (a+)+); "
                                       "simplify the pattern")
                            .arg(customPattern)
                            .arg(text.left(lineStart).count(QLatin1Char('\n')) + 1));
            } else {
                m = colonLine().match(line);
                if (!m.hasMatch() || isHeaderLabel(m.captured(u"speaker")))
                    m = bracketLine().match(line);
                if (m.hasMatch() && (isHeaderLabel(m.captured(u"speaker")) || isStageDirection(m.captured(u"speaker"))))
                    m = QRegularExpressionMatch();
            }
            if (m.hasMatch() && !m.captured(u"speaker").trimmed().isEmpty()) {
                std::optional<qint64> time =
                    m.capturedLength(u"time") > 0 ? parseTime(m.captured(u"time")) : std::nullopt;
                if (!time)
                    time = pendingTime;
                found.push_back({lineStart, m.captured(u"speaker").trimmed(), time});
                pendingTime.reset();
            } else if (!custom) {
                const auto t = timeOnlyLine().match(line);
                pendingTime = t.hasMatch() ? parseTime(t.captured(u"time")) : std::nullopt;
            }
        }
        lineStart = lineEnd + 1;
    }
    // A conversation: enough turns, several speakers, and someone speaks twice
    // (a few "Label: text" lines in prose are not a transcript).
    QHash<QString, int> turnsBySpeaker;
    for (const auto &c : found)
        ++turnsBySpeaker[c.speaker];
    const bool someoneRepeats = std::any_of(turnsBySpeaker.begin(), turnsBySpeaker.end(), [](int n) { return n > 1; });
    if (qsizetype(found.size()) < minimumTurns || turnsBySpeaker.size() < minimumSpeakers || !someoneRepeats)
        return {};
    const TextOffsets offsets(text);
    std::vector<ImportedTurn> turns;
    turns.reserve(found.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
        qsizetype endUtf16 = i + 1 < found.size() ? found[i + 1].lineStart : text.size();
        // The turn ends with its text, not with the blank lines before the next one.
        while (endUtf16 > found[i].lineStart && text.at(endUtf16 - 1).isSpace())
            --endUtf16;
        ImportedTurn t;
        t.start = offsets.fromUtf16(found[i].lineStart);
        t.end = offsets.fromUtf16(endUtf16);
        t.speaker = found[i].speaker;
        t.timeMs = found[i].time;
        turns.push_back(t);
    }
    return turns;
}

} // namespace Quire
