// SPDX-License-Identifier: GPL-3.0-or-later
#include "subtitlesplugin.h"

#include "error.h"
#include "formats/fileimport.h"
#include "formats/transcript.h"
#include "text/textoffsets.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <optional>

namespace Quire::Subtitles {

namespace {

/// Where a speaker's words begin inside a cue's text (UTF-16 index).
struct Mark
{
    qsizetype pos = 0;
    QString speaker;
};

struct Cue
{
    QString text;
    qint64 startMs = 0;
    qint64 endMs = 0;
    std::vector<Mark> voices; ///< from <v Name> tags
};

class Parser
{
public:
    explicit Parser(const QString &file)
        : m_file(file)
    {}

    std::vector<Cue> parse(const QString &text, bool webVtt)
    {
        const QStringList lines = text.split(QLatin1Char('\n'));
        qsizetype i = 0;
        if (webVtt) {
            static const QRegularExpression header(QStringLiteral("^WEBVTT(?:[ \\t].*)?$"));
            if (lines.isEmpty() || !header.match(lines.front()).hasMatch())
                throw Error(QStringLiteral("%1: not a WebVTT file (line 1 must start with \"WEBVTT\")").arg(m_file));
            // The header block (metadata lines) ends at the first blank line.
            while (i < lines.size() && !isBlank(lines.at(i)))
                ++i;
        }
        std::vector<Cue> cues;
        while (i < lines.size()) {
            if (isBlank(lines.at(i))) {
                ++i;
                continue;
            }
            const qsizetype blockStart = i;
            qsizetype blockEnd = i;
            while (blockEnd < lines.size() && !isBlank(lines.at(blockEnd)))
                ++blockEnd;
            i = blockEnd;
            if (webVtt && isSkippedBlock(lines.at(blockStart)))
                continue;
            readBlock(lines, blockStart, blockEnd, cues);
        }
        if (cues.empty())
            throw Error(QStringLiteral("%1: has no cues with text").arg(m_file));
        return cues;
    }

private:
    static bool isBlank(const QString &line) { return line.trimmed().isEmpty(); }

    static bool isSkippedBlock(const QString &first)
    {
        for (const char *word : {"NOTE", "STYLE", "REGION"}) {
            const QLatin1String w(word);
            if (first.startsWith(w) && (first.size() == w.size() || first.at(w.size()) == QLatin1Char(' ') ||
                                        first.at(w.size()) == QLatin1Char('\t')))
                return true;
        }
        return false;
    }

    [[noreturn]] void badTiming(qsizetype lineIndex, const QString &line) const
    {
        throw Error(QStringLiteral("%1: line %2 has a broken cue timing \"%3\" (expected e.g. 00:00:01.000 --> "
                                   "00:00:04.000)")
                        .arg(m_file)
                        .arg(lineIndex + 1)
                        .arg(line.trimmed().left(80)));
    }

    static std::optional<qint64> parseTime(const QString &s)
    {
        static const QRegularExpression time(QStringLiteral("^(?:(\\d{1,4}):)?(\\d{2}):(\\d{2})[.,](\\d{3})$"));
        const auto m = time.match(s);
        if (!m.hasMatch())
            return std::nullopt;
        const qint64 h = m.captured(1).isEmpty() ? 0 : m.captured(1).toLongLong();
        const qint64 min = m.captured(2).toLongLong();
        const qint64 sec = m.captured(3).toLongLong();
        if (min > 59 || sec > 59)
            return std::nullopt;
        return ((h * 60 + min) * 60 + sec) * 1000 + m.captured(4).toLongLong();
    }

    void readTiming(const QStringList &lines, qsizetype index, Cue &cue) const
    {
        const QString &line = lines.at(index);
        const qsizetype arrow = line.indexOf(QStringLiteral("-->"));
        const QString from = line.left(arrow).trimmed();
        // After the end time may come cue settings (VTT) or coordinates (SRT).
        const QString rest = line.mid(arrow + 3).trimmed();
        const QString to = rest.section(QRegularExpression(QStringLiteral("[ \\t]+")), 0, 0);
        const auto start = parseTime(from);
        const auto end = parseTime(to);
        if (!start || !end)
            badTiming(index, line);
        if (*end < *start)
            throw Error(QStringLiteral("%1: line %2: the cue ends (%3) before it starts (%4)")
                            .arg(m_file)
                            .arg(index + 1)
                            .arg(to, from));
        cue.startMs = *start;
        cue.endMs = *end;
    }

    void readBlock(const QStringList &lines, qsizetype begin, qsizetype end, std::vector<Cue> &cues) const
    {
        qsizetype timing = -1;
        if (lines.at(begin).contains(QStringLiteral("-->")))
            timing = begin;
        else if (begin + 1 < end && lines.at(begin + 1).contains(QStringLiteral("-->")))
            timing = begin + 1; // the line before is the cue id
        if (timing < 0) {
            // Point at the line that tries to be a timing: the first one if it
            // starts like a time, else the one after the cue id.
            static const QRegularExpression timeLike(QStringLiteral("^\\s*\\d+:\\d|->"));
            const bool firstIsTiming = timeLike.match(lines.at(begin)).hasMatch();
            const qsizetype at = !firstIsTiming && begin + 1 < end ? begin + 1 : begin;
            throw Error(QStringLiteral("%1: line %2 should be a cue timing (e.g. 00:00:01.000 --> 00:00:04.000) "
                                       "but is \"%3\"")
                            .arg(m_file)
                            .arg(at + 1)
                            .arg(lines.at(at).trimmed().left(80)));
        }
        while (timing < end) {
            // A timing line inside a block starts the next cue (a blank line was left out).
            qsizetype next = timing + 1;
            while (next < end && !lines.at(next).contains(QStringLiteral("-->")))
                ++next;
            Cue cue;
            readTiming(lines, timing, cue);
            const QString raw = lines.mid(timing + 1, next - timing - 1).join(QLatin1Char('\n'));
            cleanText(raw, cue);
            if (!cue.text.trimmed().isEmpty())
                cues.push_back(std::move(cue));
            timing = next;
        }
    }

    static bool isTag(const QString &content)
    {
        if (content.isEmpty())
            return false;
        const QChar c = content.front();
        if (c == QLatin1Char('/'))
            return content.size() > 1 && content.at(1).isLetter() && content.at(1).unicode() < 128;
        if (c.isLetter() && c.unicode() < 128)
            return true;
        static const QRegularExpression stamp(QStringLiteral("^\\d+(?::\\d{2}){1,2}[.,]\\d{3}$"));
        return stamp.match(content).hasMatch();
    }

    /// Decodes the entity at `i` (an '&') into `out`; returns the characters used, 0 if none.
    static qsizetype entity(const QString &raw, qsizetype i, QString &out)
    {
        const qsizetype semi = raw.indexOf(QLatin1Char(';'), i + 1);
        if (semi < 0 || semi - i > 10)
            return 0;
        const QString name = raw.mid(i + 1, semi - i - 1);
        static const QHash<QString, char16_t> named{
            {QStringLiteral("amp"), u'&'},       {QStringLiteral("lt"), u'<'},       {QStringLiteral("gt"), u'>'},
            {QStringLiteral("nbsp"), u'\u00A0'}, {QStringLiteral("quot"), u'"'},     {QStringLiteral("apos"), u'\''},
            {QStringLiteral("lrm"), u'\u200E'},  {QStringLiteral("rlm"), u'\u200F'},
        };
        if (const auto it = named.constFind(name); it != named.constEnd()) {
            out.append(QChar(it.value()));
            return semi - i + 1;
        }
        if (name.size() > 1 && name.front() == QLatin1Char('#')) {
            bool ok = false;
            const bool hex = name.at(1) == QLatin1Char('x') || name.at(1) == QLatin1Char('X');
            const uint cp = hex ? name.mid(2).toUInt(&ok, 16) : name.mid(1).toUInt(&ok, 10);
            if (ok && cp > 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
                const char32_t c = cp;
                out.append(QString::fromUcs4(&c, 1));
                return semi - i + 1;
            }
        }
        return 0;
    }

    static QString decodeEntities(const QString &s)
    {
        QString out;
        for (qsizetype i = 0; i < s.size(); ++i) {
            if (s.at(i) == QLatin1Char('&')) {
                if (const qsizetype used = entity(s, i, out)) {
                    i += used - 1;
                    continue;
                }
            }
            out.append(s.at(i));
        }
        return out;
    }

    /// Removes markup, decodes entities and turns voice tags into "Name: ".
    static void cleanText(const QString &raw, Cue &cue)
    {
        QString &out = cue.text;
        out.reserve(raw.size());
        for (qsizetype i = 0; i < raw.size(); ++i) {
            const QChar c = raw.at(i);
            if (c == QLatin1Char('<')) {
                qsizetype j = i + 1;
                while (j < raw.size() && raw.at(j) != QLatin1Char('>') && raw.at(j) != QLatin1Char('<') &&
                       raw.at(j) != QLatin1Char('\n'))
                    ++j;
                if (j < raw.size() && raw.at(j) == QLatin1Char('>')) {
                    const QString content = raw.mid(i + 1, j - i - 1);
                    if (isTag(content)) {
                        const bool voice = content.front() == QLatin1Char('v') &&
                                           (content.size() == 1 || content.at(1) == QLatin1Char(' ') ||
                                            content.at(1) == QLatin1Char('\t') || content.at(1) == QLatin1Char('.'));
                        if (voice) {
                            const qsizetype space = content.indexOf(QRegularExpression(QStringLiteral("[ \\t]")));
                            const QString name =
                                space < 0 ? QString() : decodeEntities(content.mid(space + 1).trimmed());
                            if (!name.isEmpty()) {
                                cue.voices.push_back({out.size(), name});
                                out += name + QStringLiteral(": ");
                            }
                        }
                        i = j;
                        continue;
                    }
                }
            } else if (c == QLatin1Char('{') && i + 1 < raw.size() && raw.at(i + 1) == QLatin1Char('\\')) {
                // SubRip files often carry ASS override codes such as {\an8}.
                const qsizetype close = raw.indexOf(QLatin1Char('}'), i);
                const qsizetype nl = raw.indexOf(QLatin1Char('\n'), i);
                if (close > 0 && (nl < 0 || close < nl)) {
                    i = close;
                    continue;
                }
            } else if (c == QLatin1Char('&')) {
                if (const qsizetype used = entity(raw, i, out)) {
                    i += used - 1;
                    continue;
                }
            }
            out.append(c);
        }
    }

    QString m_file;
};

} // namespace

std::vector<ImportedDocument> SubtitlesPlugin::read(const QString &fileName, const QByteArray &bytes,
                                                    const ImportOptions &options) const
{
    const QString file = QFileInfo(fileName).fileName();
    // Turns come from the cues, not from the generic detector run over the raw file.
    ImportOptions decodeOptions = options;
    decodeOptions.detectSpeakers = false;
    ImportedDocument doc = decodeTextDocument(fileName, bytes, decodeOptions);
    const bool webVtt = QFileInfo(fileName).suffix().compare(QLatin1String("vtt"), Qt::CaseInsensitive) == 0 ||
                        doc.text.startsWith(QLatin1String("WEBVTT"));
    Parser parser(file);
    const std::vector<Cue> cues = parser.parse(doc.text, webVtt);

    QString text;
    std::vector<qsizetype> bases; // where each cue's text starts (UTF-16)
    for (const Cue &cue : cues) {
        if (!text.isEmpty())
            text += QLatin1Char('\n');
        bases.push_back(text.size());
        text += cue.text;
    }
    const TextOffsets offsets(text, file);

    // "Name:" prefixes are found by the same detector as in other transcripts
    // (same labels, same custom pattern, same "is this a conversation" test);
    // only the line starts it finds are used, the turns themselves are cues.
    std::vector<std::vector<Mark>> prefixes(cues.size());
    if (options.detectSpeakers) {
        TranscriptDetector detector;
        detector.customPattern = options.speakerPattern;
        std::vector<ImportedTurn> found;
        try {
            found = detector.detect(text);
        } catch (const Error &e) {
            throw Error(QStringLiteral("%1: %2").arg(file, e.message()));
        }
        for (const ImportedTurn &t : found) {
            const qsizetype at = offsets.toUtf16(t.start);
            const auto cue = std::upper_bound(bases.begin(), bases.end(), at) - bases.begin() - 1;
            if (cue >= 0 && !t.speaker.isEmpty())
                prefixes[std::size_t(cue)].push_back({at - bases[std::size_t(cue)], t.speaker});
        }
    }

    struct Span
    {
        qsizetype start, end; // UTF-16, converted below
        QString speaker;
        qint64 startMs, endMs;
    };
    std::vector<Span> spans;
    QSet<QString> speakers;
    for (std::size_t c = 0; c < cues.size(); ++c) {
        const Cue &cue = cues[c];
        const qsizetype base = bases[c];
        std::vector<Mark> marks = cue.voices.empty() ? prefixes[c] : cue.voices;
        if (marks.empty() || marks.front().pos > 0)
            marks.insert(marks.begin(), Mark{0, QString()});
        for (std::size_t k = 0; k < marks.size(); ++k) {
            const qsizetype from = marks[k].pos;
            qsizetype to = k + 1 < marks.size() ? marks[k + 1].pos : cue.text.size();
            // A turn ends with its words, not with the line break before the next voice.
            while (to > from && cue.text.at(to - 1).isSpace())
                --to;
            if (to == from && k + 1 < marks.size())
                continue;
            spans.push_back({base + from, base + to, marks[k].speaker, cue.startMs, cue.endMs});
            if (!marks[k].speaker.isEmpty())
                speakers.insert(marks[k].speaker);
        }
    }

    for (const Span &s : spans) {
        ImportedTurn t;
        t.start = offsets.fromUtf16(s.start);
        t.end = offsets.fromUtf16(s.end);
        t.speaker = s.speaker;
        t.timeMs = s.startMs;
        t.endTimeMs = s.endMs;
        doc.turns.push_back(t);
    }
    QStringList speakerList(speakers.begin(), speakers.end());
    speakerList.sort();
    doc.text = text;
    doc.kind = QStringLiteral("transcript");
    doc.meta.insert(QStringLiteral("subtitleFormat"), webVtt ? QStringLiteral("WebVTT") : QStringLiteral("SubRip"));
    doc.meta.insert(QStringLiteral("cues"), qint64(cues.size()));
    doc.meta.insert(QStringLiteral("turns"), qint64(doc.turns.size()));
    doc.meta.insert(QStringLiteral("speakers"), QJsonArray::fromStringList(speakerList));
    return {doc};
}

} // namespace Quire::Subtitles
