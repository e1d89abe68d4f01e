// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "testsupport.h"

#include "error.h"
#include "formats/fileimport.h"
#include "formats/transcript.h"
#include "model/project.h"
#include "text/textoffsets.h"

using namespace Quire;

namespace {
QString turnText(const QString &text, const ImportedTurn &t)
{
    return TextOffsets(text).mid(t.start, t.end);
}
} // namespace

TEST_CASE("Speaker turns in the common transcript styles", "[transcript]")
{
    const QString text = QStringLiteral("Focus group 3 \u2013 carers\nDate: 12 March\nPresent: Ann, Bo\n\n"
                                        "Facilitator: Thanks for coming.\n"
                                        "P1: It\u2019s been hard \U0001F622 \u2013 really.\n"
                                        "And it goes on over two lines.\n"
                                        "[00:12:31] P2: Same here.\n"
                                        "Ruth (district nurse): We try our best.\n"
                                        "[Zh\u014Du] I wasn\u2019t told.\n"
                                        "[inaudible] something\n"
                                        "\u5468\u4E3D: \u6211\u5F88\u7D2F\u3002\n"
                                        "MODERATOR: Last question.\n"
                                        "#00:40:01.250# P1: Fine.\n");
    const auto turns = TranscriptDetector().detect(text);
    QStringList speakers;
    for (const auto &t : turns)
        speakers << t.speaker;
    CHECK(speakers == QStringList{QStringLiteral("Facilitator"), QStringLiteral("P1"), QStringLiteral("P2"),
                                  QStringLiteral("Ruth (district nurse)"), QStringLiteral("Zh\u014Du"),
                                  QStringLiteral("\u5468\u4E3D"), QStringLiteral("MODERATOR"), QStringLiteral("P1")});
    // A turn runs to the next speaker's line, over continuation lines and a
    // stage direction, and never includes the trailing newline.
    CHECK(turnText(text, turns[1]) ==
          QStringLiteral("P1: It\u2019s been hard \U0001F622 \u2013 really.\nAnd it goes on over two lines."));
    CHECK(turnText(text, turns[4]) == QStringLiteral("[Zh\u014Du] I wasn\u2019t told.\n[inaudible] something"));
    CHECK(turns[2].timeMs == 751000);
    CHECK(turns[7].timeMs == 2401250);
    CHECK_FALSE(turns[0].timeMs.has_value());
    // Offsets are code points: the emoji before them counts once.
    CHECK(turns[2].start == TextOffsets::codePointLength(text.left(text.indexOf(QStringLiteral("[00:12:31]")))));
}

TEST_CASE("Timestamps on their own line belong to the next turn, times parse", "[transcript]")
{
    const QString text = QStringLiteral("(12:31)\nA: one\nB: two\n[01:02:03]\n\nA: three\n");
    const auto turns = TranscriptDetector().detect(text);
    REQUIRE(turns.size() == 3);
    CHECK(turns[0].timeMs == 751000);
    CHECK_FALSE(turns[1].timeMs.has_value());
    CHECK(turns[2].timeMs == 3723000);
    CHECK(TranscriptDetector::parseTime(QStringLiteral("#00:12:31.2#")) == 751200);
    CHECK_FALSE(TranscriptDetector::parseTime(QStringLiteral("12:75")).has_value());
    CHECK_FALSE(TranscriptDetector::parseTime(QStringLiteral("noon")).has_value());
}

TEST_CASE("Prose, letters and one-speaker texts are not transcripts", "[transcript]")
{
    CHECK(TranscriptDetector()
              .detect(QStringLiteral("Dear Sir,\nRe: my mother\nI am writing to complain.\nYours, Ann"))
              .empty());
    CHECK(TranscriptDetector().detect(QStringLiteral("P1: a\nP1: b\nP1: c\n")).empty()); // one speaker
    CHECK(TranscriptDetector().detect(QStringLiteral("A: a\nB: b\n")).empty());          // two turns
    CHECK(TranscriptDetector().detect(QStringLiteral("A: a\nB: b\nC: c\n")).empty());    // nobody speaks twice
    CHECK(TranscriptDetector().detect(QString()).empty());
    CHECK(TranscriptDetector().detect(QStringLiteral("\n\n\n")).empty());
    // A sentence with a colon is not a speaker label.
    CHECK(TranscriptDetector()
              .detect(QStringLiteral("The problem was this: nobody came.\nThen this: nothing.\nAnd: more.\n"))
              .empty());
}

TEST_CASE("A custom speaker pattern replaces the built-in ones", "[transcript]")
{
    TranscriptDetector d;
    d.customPattern = QStringLiteral("^-- (?<speaker>\\w+) --");
    const auto turns = d.detect(QStringLiteral("-- Ann -- hello\n-- Bo -- hi\n-- Ann -- bye\nAnn: not a turn here\n"));
    REQUIRE(turns.size() == 3);
    CHECK(turns[1].speaker == QStringLiteral("Bo"));
    d.customPattern = QStringLiteral("(unclosed");
    REQUIRE_THROWS_WITH(d.detect(QStringLiteral("x")), Catch::Contains("not a valid regular expression"));
    d.customPattern = QStringLiteral("^(\\w+):");
    REQUIRE_THROWS_WITH(d.detect(QStringLiteral("x")), Catch::Contains("(?<speaker>"));
}

TEST_CASE("Imported transcripts credit speakers' cases, facilitators are not counted", "[transcript][model]")
{
    QuireTest::TempDir dir;
    auto p = Project::create(dir.path(QStringLiteral("t.quire")));
    ImportOptions options;
    ImportedDocument doc = decodeTextDocument(
        QStringLiteral("fg1.txt"),
        QByteArray(
            "Facilitator: What helps?\r\nP1: My sister.\r\nP2: Nothing, honestly.\r\nFacilitator: Thank you.\r\n"),
        options);
    CHECK(doc.kind == QStringLiteral("transcript"));
    REQUIRE(doc.turns.size() == 4);
    const Id id =
        p->importDocuments(
             {ImportedFile{QStringLiteral("fg1.txt"), QStringLiteral("00"), QStringLiteral("plaintext"), {doc}}})
            .front();
    const auto cases = p->cases();
    REQUIRE(cases.size() == 3);
    CHECK(cases[0].name == QStringLiteral("fg1: Facilitator"));
    CHECK_FALSE(cases[0].counted);
    CHECK(cases[1].name == QStringLiteral("fg1: P1"));
    CHECK(cases[1].counted);
    const Id code = p->addCode(QStringLiteral("Support/Family"));
    const Id seg = p->addSegment(id, 29, 39, {code});
    CHECK(p->documentRange(id, 29, 39) == QStringLiteral("My sister."));
    CHECK(p->segment(seg).caseId == cases[1].id);

    options.detectSpeakers = false;
    CHECK(decodeTextDocument(QStringLiteral("x.txt"), QByteArray("A: a\nB: b\nA: c\n"), options).turns.empty());
}
