// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "error.h"
#include "model/project.h"
#include "report/themereport.h"
#include "testsupport.h"

using namespace Quire;

namespace {
ImportedFile textFile(const QString &name, const QString &text)
{
    ImportedDocument d;
    d.name = name;
    d.text = text;
    return ImportedFile{name, QStringLiteral("00"), QStringLiteral("plaintext"), {d}};
}
} // namespace

TEST_CASE("Theme report counts subtrees, splits by attribute and cites from attributes", "[report]")
{
    QuireTest::TempDir dir;
    auto p = Project::create(dir.path(QStringLiteral("r.quire")));
    const Id d1 = p->importDocuments({textFile(QStringLiteral("fg1.txt"),
                                               QStringLiteral("Nobody rings me back. I feel invisible \U0001F622."))},
                                     {{QStringLiteral("source"), QStringLiteral("FG")},
                                      {QStringLiteral("number"), QStringLiteral("1")}})
                      .front();
    const Id d2 =
        p->importDocuments(
             {textFile(QStringLiteral("nar4.txt"), QStringLiteral("The nurse sat with me and listened."))},
             {{QStringLiteral("source"), QStringLiteral("Nar.")}, {QStringLiteral("number"), QStringLiteral("4")}},
             QStringLiteral("Narrator 4"))
            .front();
    const Case n4 = p->findCase(QStringLiteral("Narrator 4"));
    p->setAttribute(AttributeScope::Case, n4.id, QStringLiteral("group"), QStringLiteral("carer"));
    const Id ignored = p->addCode(QStringLiteral("Being heard/Not listened to/Ignored"));
    const Id listened = p->addCode(QStringLiteral("Being heard/Listened to"));
    p->addSegment(d1, 0, 21, {ignored});
    p->addSegment(d1, 22, 41, {ignored}); // the emoji is one code point
    p->addSegment(d2, 13, 34, {listened});

    ReportOptions options;
    options.citationTemplate = QStringLiteral("({source} {number})");
    options.byAttribute = QStringLiteral("source");
    const ThemeReport r = buildThemeReport(*p, options);
    REQUIRE(r.rows.size() == 4);
    CHECK(r.rows[0].path == QStringLiteral("Being heard"));
    CHECK(r.rows[0].segments == 3);
    CHECK(r.rows[0].documents == 2);
    CHECK(r.rows[0].cases == 1);
    CHECK(r.byValues == QStringList{QStringLiteral("FG"), QStringLiteral("Nar.")});
    CHECK(r.rows[0].byValue == std::vector<qsizetype>{2, 1});
    CHECK(r.rows[1].path == QStringLiteral("Being heard/Not listened to"));
    CHECK(r.rows[1].depth == 1);
    CHECK(r.rows[2].path == QStringLiteral("Being heard/Not listened to/Ignored"));
    REQUIRE(r.quotes[2].size() == 2);
    CHECK(r.quotes[2][0].text == QStringLiteral("Nobody rings me back."));
    CHECK(r.quotes[2][1].text == QStringLiteral("I feel invisible \U0001F622."));
    CHECK(r.quotes[2][0].citation == QStringLiteral("(FG 1)"));
    REQUIRE(r.quotes[3].size() == 1);
    CHECK(r.quotes[3][0].citation == QStringLiteral("(Nar. 4)"));
    CHECK(r.quotes[3][0].caseName == QStringLiteral("Narrator 4"));
    // Case attributes win over document attributes in citations.
    options.citationTemplate = QStringLiteral("({group}, {document})");
    CHECK(buildThemeReport(*p, options).quotes[3][0].citation == QStringLiteral("(carer, nar4.txt)"));

    options.citationTemplate = QStringLiteral("({sauce})");
    REQUIRE_THROWS_WITH(buildThemeReport(*p, options), Catch::Contains("unknown field {sauce}"));
    options.citationTemplate = QStringLiteral("({document})");
    options.byAttribute = QStringLiteral("nothing");
    REQUIRE_THROWS_WITH(buildThemeReport(*p, options), Catch::Contains("no attribute named \"nothing\""));
    options.byAttribute.clear();
    options.codePaths = {QStringLiteral("Being heard/Listened to")};
    const ThemeReport sub = buildThemeReport(*p, options);
    REQUIRE(sub.rows.size() == 1);
    CHECK(sub.rows[0].segments == 1);
}
