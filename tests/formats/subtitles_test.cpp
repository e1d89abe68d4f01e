// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "error.h"
#include "support/sheet_support.h"
#include "testsupport.h"
#include "text/textoffsets.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Quire;
using namespace QuireTest;

namespace {

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

ImportedDocument readSubtitles(const QString &name, const QByteArray &bytes, const ImportOptions &options = {})
{
    const auto docs = Sheet::importWith(QString(), name, bytes, options);
    REQUIRE(docs.size() == 1);
    return docs.front();
}

QString subtitleError(const QString &name, const QByteArray &bytes)
{
    try {
        Sheet::importWith(QString(), name, bytes);
    } catch (const Error &e) {
        return e.message();
    }
    return QString();
}

QString turnText(const ImportedDocument &d, const ImportedTurn &t)
{
    return TextOffsets(d.text).mid(t.start, t.end);
}

// A focus-group excerpt as a captioning service delivers it: header metadata,
// a STYLE block, NOTE comments, cue ids, voice tags with classes, a two-line
// cue, inline formatting and timestamps, entities, CRLF line endings.
const char *const FocusGroupVtt =
    "WEBVTT - focus group 1 (excerpt)\r\n"
    "Kind: captions\r\n"
    "Language: en-GB\r\n"
    "\r\n"
    "STYLE\r\n"
    "::cue(v[voice=\"Facilitator\"]) { color: yellow }\r\n"
    "\r\n"
    "NOTE recorded at the carers' centre;\r\n"
    "names changed\r\n"
    "\r\n"
    "intro\r\n"
    "00:00:01.000 --> 00:00:04.500 align:start position:10%\r\n"
    "<v Facilitator>Thanks for coming, everyone.\r\n"
    "\r\n"
    "2\r\n"
    "00:00:05.000 --> 00:00:09.250\r\n"
    "<v.loud P1>I rang them <i>and rang them</i>,\r\n"
    "nobody came back to me &amp; that&nbsp;was it.</v>\r\n"
    "\r\n"
    "00:00:09.250 --> 00:00:12.000\r\n"
    "<v P2><c.yellow>Same</c> for us <00:00:10.500>\u2014 \u201cwe\u2019ll ring you\u201d 🙂 &lt;never&gt;\r\n"
    "\r\n"
    "NOTE a comment between cues\r\n"
    "\r\n"
    "01:02:03.004 --> 01:02:05.000\r\n"
    "[laughter]\r\n"
    "\r\n"
    "00:12.000 --> 00:14.000\r\n"
    "<v Facilitator>Right.</v> <v P1>Can I add something?\r\n";

} // namespace

TEST_CASE("Subtitles: WebVTT with voice tags, a two-line cue and inline tags", "[subtitles]")
{
    const ImportedDocument d = readSubtitles(u("fg1.vtt"), QByteArray(FocusGroupVtt));
    CHECK(d.kind == u("transcript"));
    CHECK(d.name == u("fg1.vtt"));
    CHECK(d.text == u("Facilitator: Thanks for coming, everyone.\n"
                      "P1: I rang them and rang them,\n"
                      "nobody came back to me & that\u00a0was it.\n"
                      "P2: Same for us \u2014 \u201cwe\u2019ll ring you\u201d 🙂 <never>\n"
                      "[laughter]\n"
                      "Facilitator: Right. P1: Can I add something?"));
    CHECK(d.meta.value(u("subtitleFormat")).toString() == u("WebVTT"));
    CHECK(d.meta.value(u("cues")).toInt() == 5);
    CHECK(d.meta.value(u("crlfConverted")).toInt() > 0);
    REQUIRE(d.turns.size() == 6);

    CHECK(d.turns[0].speaker == u("Facilitator"));
    CHECK(d.turns[0].timeMs == 1000);
    CHECK(d.turns[0].endTimeMs == 4500);
    CHECK(turnText(d, d.turns[0]) == u("Facilitator: Thanks for coming, everyone."));

    CHECK(d.turns[1].speaker == u("P1"));
    CHECK(turnText(d, d.turns[1]) == u("P1: I rang them and rang them,\nnobody came back to me & that\u00a0was it."));
    CHECK(d.turns[1].timeMs == 5000);
    CHECK(d.turns[1].endTimeMs == 9250);

    // The emoji before the end counts as one code point.
    CHECK(d.turns[2].speaker == u("P2"));
    CHECK(turnText(d, d.turns[2]) == u("P2: Same for us \u2014 \u201cwe\u2019ll ring you\u201d 🙂 <never>"));
    CHECK(d.turns[2].end - d.turns[2].start == TextOffsets::codePointLength(turnText(d, d.turns[2])));

    CHECK(d.turns[3].speaker.isEmpty());
    CHECK(turnText(d, d.turns[3]) == u("[laughter]"));
    CHECK(d.turns[3].timeMs == ((1 * 60 + 2) * 60 + 3) * 1000 + 4);

    // Two voices in one cue: two turns with the cue's times.
    CHECK(d.turns[4].speaker == u("Facilitator"));
    CHECK(turnText(d, d.turns[4]) == u("Facilitator: Right."));
    CHECK(d.turns[5].speaker == u("P1"));
    CHECK(turnText(d, d.turns[5]) == u("P1: Can I add something?"));
    CHECK(d.turns[4].timeMs == 12000);
    CHECK(d.turns[5].endTimeMs == 14000);
    CHECK(d.turns[5].end == TextOffsets::codePointLength(d.text));
}

TEST_CASE("Subtitles: SubRip with Name: prefixes kept as written", "[subtitles]")
{
    const QByteArray srt = u("1\n"
                             "00:00:01,000 --> 00:00:03,000\n"
                             "Facilitator: What matters most to you?\n"
                             "\n"
                             "2\n"
                             "00:00:03,500 --> 00:00:07,000 X1:40 X2:600 Y1:20 Y2:50\n"
                             "Ann (carer): <i>Being listened to.</i>\n"
                             "Not being rushed.\n"
                             "\n"
                             "3\n"
                             "00:00:07,000 --> 00:00:09,000\n"
                             "{\\an8}<font color=\"#ffff00\">Facilitator:</font> And you, Ben?\n"
                             "\n"
                             "4\n"
                             "00:00:09,000 --> 00:00:12,000\n"
                             "Ben: Same. Remember: they\u2019re busy too.\n"
                             "Ann (carer): True.\n"
                             "\n"
                             "5\n"
                             "00:00:12,000 --> 00:00:13,000\n"
                             "Nobody spoke.\n"
                             "\n")
                               .toUtf8();
    const ImportedDocument d = readSubtitles(u("group.srt"), srt);
    CHECK(d.kind == u("transcript"));
    CHECK(d.meta.value(u("subtitleFormat")).toString() == u("SubRip"));
    CHECK(d.text == u("Facilitator: What matters most to you?\n"
                      "Ann (carer): Being listened to.\nNot being rushed.\n"
                      "Facilitator: And you, Ben?\n"
                      "Ben: Same. Remember: they\u2019re busy too.\nAnn (carer): True.\n"
                      "Nobody spoke."));
    REQUIRE(d.turns.size() == 6);
    CHECK(d.turns[0].speaker == u("Facilitator"));
    CHECK(d.turns[1].speaker == u("Ann (carer)"));
    CHECK(turnText(d, d.turns[1]) == u("Ann (carer): Being listened to.\nNot being rushed."));
    CHECK(d.turns[1].timeMs == 3500);
    CHECK(d.turns[1].endTimeMs == 7000);
    CHECK(d.turns[2].speaker == u("Facilitator"));
    CHECK(d.turns[3].speaker == u("Ben"));
    CHECK(turnText(d, d.turns[3]) == u("Ben: Same. Remember: they\u2019re busy too."));
    CHECK(d.turns[4].speaker == u("Ann (carer)"));
    CHECK(d.turns[4].timeMs == 9000);
    CHECK(d.turns[5].speaker.isEmpty());

    // Without speaker detection the text is the same and no one is named.
    ImportOptions off;
    off.detectSpeakers = false;
    const ImportedDocument plain = readSubtitles(u("group.srt"), srt, off);
    CHECK(plain.text == d.text);
    REQUIRE(plain.turns.size() == 5);
    for (const auto &t : plain.turns)
        CHECK(t.speaker.isEmpty());
}

TEST_CASE("Subtitles: a one-off \"Word:\" is not taken for a speaker", "[subtitles]")
{
    const ImportedDocument d =
        readSubtitles(u("talk.srt"), QByteArray("1\n00:00:01,000 --> 00:00:02,000\nNote: the bus was late.\n\n"
                                                "2\n00:00:02,000 --> 00:00:03,000\nAgain.\n\n"
                                                "3\n00:00:03,000 --> 00:00:04,000\nAnd again.\n"));
    REQUIRE(d.turns.size() == 3);
    CHECK(d.turns[0].speaker.isEmpty());
    CHECK(d.text.startsWith(u("Note: the bus")));
}

TEST_CASE("Subtitles: broken files are refused with the line number", "[subtitles]")
{
    CHECK(subtitleError(u("nohead.vtt"), "00:00:01.000 --> 00:00:02.000\nHello\n") ==
          u("nohead.vtt: not a WebVTT file (line 1 must start with \"WEBVTT\")"));
    CHECK(subtitleError(u("webvttx.vtt"), "WEBVTTX\n\n00:00:01.000 --> 00:00:02.000\nHello\n")
              .startsWith(u("webvttx.vtt: not a WebVTT")));

    const QString timing = subtitleError(u("bad.vtt"), "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nfine\n\n"
                                                       "2\n00:00:0x.000 --> 00:00:04.000\nbroken\n");
    CHECK(timing.startsWith(u("bad.vtt: line 8 has a broken cue timing \"00:00:0x.000 --> 00:00:04.000\"")));
    CHECK(subtitleError(u("bad.srt"), "1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03,000 --> 00:61:00,000\nx\n")
              .startsWith(u("bad.srt: line 6 has a broken cue timing")));
    CHECK(subtitleError(u("back.srt"), "1\n00:00:05,000 --> 00:00:02,000\nbackwards\n")
              .startsWith(u("back.srt: line 2: the cue ends")));
    CHECK(subtitleError(u("notime.srt"), "1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\nno timing here\ntext\n")
              .startsWith(u("notime.srt: line 6 should be a cue timing")));
    CHECK(subtitleError(u("empty.vtt"), "WEBVTT\n\nNOTE nothing else\n").startsWith(u("empty.vtt: has no cues")));
    CHECK(subtitleError(u("crlf.srt"),
                        "1\r\n00:00:01,000 --> 00:00:02,000\r\nok\r\n\r\n2\r\n00:00:0 --> 00:00:03,000\r\n")
              .startsWith(u("crlf.srt: line 6 ")));
}

TEST_CASE("Subtitles through quire-cli: speakers become cases, a broken file changes nothing", "[subtitles]")
{
    TempDir dir;
    const QString project = dir.path(u("s.quire"));
    REQUIRE(runCli({u("new"), project}).exitCode == 0);
    const QString vtt = dir.writeFile(u("fg1.vtt"), QByteArray(FocusGroupVtt));
    const CliResult r = runCli({u("import"), project, vtt});
    INFO(r.errText().toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonArray docs = Sheet::cliJson({u("list"), u("documents"), project}).toArray();
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].toObject().value(u("kind")).toString() == u("transcript"));
    CHECK(docs[0].toObject().value(u("format")).toString() == u("subtitles"));
    QStringList cases;
    for (const auto &c : Sheet::cliJson({u("list"), u("cases"), project}).toArray())
        cases << c.toObject().value(u("name")).toString();
    CHECK(cases.size() == 3);
    CHECK(cases.join(u(",")).contains(u("P2")));

    const QString before = projectFingerprint(project);
    const QString bad = dir.writeFile(u("bad.vtt"), "WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nno arrow\n");
    const CliResult failed = runCli({u("import"), project, bad});
    CHECK(failed.exitCode != 0);
    CHECK(failed.errText().contains(u("bad.vtt: line 3")));
    CHECK(projectFingerprint(project) == before);
}
