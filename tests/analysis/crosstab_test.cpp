// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "analysis/cooccurrence.h"
#include "analysis/crosstab.h"
#include "analysis/frequencies.h"
#include "analysis_support.h"
#include "error.h"
#include "model/project.h"
#include "testsupport.h"

#include <QXmlStreamReader>

using namespace Quire;
using namespace Quire::Analysis;
using AnalysisTest::span;
using AnalysisTest::textFile;
using AnalysisTest::turnOf;

namespace {

/// A focus group (facilitator, a carer, a professional) and one carer's narrative.
struct SmallStudy
{
    QuireTest::TempDir dir;
    std::unique_ptr<Project> p;
    Id fg = 0, nar = 0, heard = 0, ignored = 0, listened = 0;
    const QString fgText =
        QStringLiteral("Facilitator: How was it?\nP1: Nobody rings back.\nP2: The nurse listened.\n");
    const QString narText = QStringLiteral("I felt invisible. Then someone listened.");

    SmallStudy()
    {
        p = Project::create(dir.path(QStringLiteral("s.quire")));
        fg = p->importDocuments(
                  {textFile(QStringLiteral("fg1.txt"), fgText,
                            {turnOf(fgText, QStringLiteral("Facilitator: How was it?"), QStringLiteral("Facilitator")),
                             turnOf(fgText, QStringLiteral("P1: Nobody rings back."), QStringLiteral("P1")),
                             turnOf(fgText, QStringLiteral("P2: The nurse listened."), QStringLiteral("P2"))})})
                 .front();
        nar = p->importDocuments({textFile(QStringLiteral("nar1.txt"), narText)}, {}, QStringLiteral("Narrator 1"))
                  .front();
        p->setAttribute(AttributeScope::Case, p->findCase(QStringLiteral("fg1: P1")).id, QStringLiteral("group"),
                        QStringLiteral("carer"));
        p->setAttribute(AttributeScope::Case, p->findCase(QStringLiteral("fg1: P2")).id, QStringLiteral("group"),
                        QStringLiteral("professional"));
        p->setAttribute(AttributeScope::Case, p->findCase(QStringLiteral("Narrator 1")).id, QStringLiteral("group"),
                        QStringLiteral("carer"));
        ignored = p->addCode(QStringLiteral("Heard/Ignored"));
        listened = p->addCode(QStringLiteral("Heard/Listened"));
        heard = p->resolveCode(QStringLiteral("Heard"));
        code(fg, fgText, QStringLiteral("Nobody rings back."), ignored);   // carer P1
        code(fg, fgText, QStringLiteral("The nurse listened."), listened); // professional P2
        code(fg, fgText, QStringLiteral("How was it?"), ignored);          // facilitator: not counted
        code(nar, narText, QStringLiteral("I felt invisible."), ignored);  // carer narrator
        code(nar, narText, QStringLiteral("Then someone listened."), listened);
    }
    void code(Id doc, const QString &text, const QString &part, Id c)
    {
        const auto s = span(text, part);
        p->addSegment(doc, s.first, s.second, {c});
    }
};

} // namespace

TEST_CASE("Crosstab: codes by a case attribute, in segments, documents and cases, with percentages", "[crosstab]")
{
    SmallStudy s;
    REQUIRE_FALSE(s.p->findCase(QStringLiteral("fg1: Facilitator")).counted);
    CrosstabOptions o;
    o.attribute = QStringLiteral("group");
    const Crosstab x = computeCrosstab(*s.p, o);
    REQUIRE(x.columns == QStringList{QStringLiteral("carer"), QStringLiteral("professional")});
    REQUIRE(x.rows.size() == 3);
    // Heard (with its sub-codes): carer P1, narrator twice; professional P2. The facilitator's is left out.
    CHECK(x.rows[0].path == QStringLiteral("Heard"));
    CHECK(x.rows[0].cells == std::vector<qint64>{3, 1});
    CHECK(x.rows[0].total == 4);
    CHECK(x.rows[1].path == QStringLiteral("Heard/Ignored"));
    CHECK(x.rows[1].cells == std::vector<qint64>{2, 0});
    CHECK(x.rows[2].path == QStringLiteral("Heard/Listened"));
    CHECK(x.rows[2].cells == std::vector<qint64>{1, 1});
    CHECK(x.columnTotals == std::vector<qint64>{3, 1});
    CHECK(x.grandTotal == 4);
    CHECK(x.rowFraction(1, 0) == Approx(1.0));
    CHECK(x.columnFraction(2, 0) == Approx(1.0 / 3.0));
    CHECK(x.table(Crosstab::Cells::ColumnPercent).rows[2][1] == QStringLiteral("33.3"));
    CHECK(x.table().rows.back() ==
          QStringList{QStringLiteral("(any code)"), QStringLiteral("3"), QStringLiteral("1"), QStringLiteral("4")});

    o.unit = CountUnit::Documents;
    const Crosstab d = computeCrosstab(*s.p, o);
    CHECK(d.rows[0].cells == std::vector<qint64>{2, 1}); // fg1 and nar1 for carers, fg1 for professionals
    CHECK(d.rows[0].total == 2);                         // distinct: two documents in all
    o.unit = CountUnit::Cases;
    const Crosstab c = computeCrosstab(*s.p, o);
    CHECK(c.rows[0].cells == std::vector<qint64>{2, 1});
    CHECK(c.rows[0].total == 3);

    o.includeSubcodes = false;
    o.unit = CountUnit::Segments;
    CHECK(computeCrosstab(*s.p, o).rows[0].total == 0); // nothing is coded with "Heard" itself

    o.attribute = QStringLiteral("nothing");
    REQUIRE_THROWS_WITH(computeCrosstab(*s.p, o), Catch::Contains("no attribute named \"nothing\""));
}

TEST_CASE("Crosstab: code x document and code x case matrices", "[crosstab]")
{
    SmallStudy s;
    CrosstabOptions o;
    o.columns = ColumnKind::Document;
    const Crosstab d = computeCrosstab(*s.p, o);
    CHECK(d.columns == QStringList{QStringLiteral("fg1.txt"), QStringLiteral("nar1.txt")});
    CHECK(d.rows[0].cells == std::vector<qint64>{2, 2});
    CHECK(d.rows[1].cells == std::vector<qint64>{1, 1});
    o.columns = ColumnKind::Case;
    const Crosstab c = computeCrosstab(*s.p, o);
    // Only counted cases are columns: the facilitator is not one.
    CHECK(c.columns == QStringList{QStringLiteral("fg1: P1"), QStringLiteral("fg1: P2"), QStringLiteral("Narrator 1")});
    CHECK(c.rows[0].cells == std::vector<qint64>{1, 1, 2});
}

TEST_CASE("Frequencies by document order and by speaker", "[frequencies]")
{
    SmallStudy s;
    FrequencyOptions o;
    o.codePaths = {QStringLiteral("Heard/Ignored"), QStringLiteral("Heard/Listened")};
    const Frequencies f = computeFrequencies(*s.p, o);
    CHECK(f.labels == QStringList{QStringLiteral("fg1.txt"), QStringLiteral("nar1.txt")});
    CHECK(f.counts[0] == std::vector<qint64>{1, 1});
    CHECK(f.counts[1] == std::vector<qint64>{1, 1});
    // Ordered by a document attribute: the narrative first.
    s.p->setAttribute(AttributeScope::Document, s.fg, QStringLiteral("wave"), QStringLiteral("10"));
    s.p->setAttribute(AttributeScope::Document, s.nar, QStringLiteral("wave"), QStringLiteral("9"));
    o.orderBy = QStringLiteral("wave");
    const Frequencies ordered = computeFrequencies(*s.p, o);
    CHECK(ordered.labels == QStringList{QStringLiteral("nar1.txt"), QStringLiteral("fg1.txt")}); // 9 < 10 as numbers
    CHECK(ordered.table().header == QStringList{QStringLiteral("document"), QStringLiteral("order"),
                                                QStringLiteral("Heard/Ignored"), QStringLiteral("Heard/Listened")});

    o.orderBy.clear();
    o.axis = FrequencyAxis::Speaker;
    const Frequencies sp = computeFrequencies(*s.p, o);
    CHECK(sp.labels == QStringList{QStringLiteral("(no speaker)"), QStringLiteral("P1"), QStringLiteral("P2")});
    CHECK(sp.counts[0] == std::vector<qint64>{1, 1, 0});
    CHECK(sp.counts[1] == std::vector<qint64>{1, 0, 1});
}

TEST_CASE("Co-occurrence: overlap, near, turn and document, with the coefficient", "[cooccurrence]")
{
    QuireTest::TempDir dir;
    auto p = Project::create(dir.path(QStringLiteral("c.quire")));
    const QString text = QStringLiteral("0123456789012345678901234567890123456789");
    const Id doc = p->importDocuments({textFile(QStringLiteral("c.txt"), text)}).front();
    const Id a = p->addCode(QStringLiteral("A"), QStringLiteral("#ff0000"));
    const Id b = p->addCode(QStringLiteral("B"));
    const Id c = p->addCode(QStringLiteral("C"));
    p->addSegment(doc, 0, 10, {a});
    p->addSegment(doc, 5, 15, {b});
    p->addSegment(doc, 20, 30, {c});
    p->addSegment(doc, 28, 35, {a});

    CooccurrenceOptions o;
    const Cooccurrence r = computeCooccurrence(*p, o);
    REQUIRE(r.paths == QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")});
    CHECK(r.occurrences == std::vector<qint64>{2, 1, 1});
    CHECK(r.counts[0][1] == 1); // A [0,10) meets B [5,15)
    CHECK(r.counts[0][2] == 1); // C [20,30) meets A [28,35)
    CHECK(r.counts[1][2] == 0);
    CHECK(r.coefficient[0][1] == Approx(1.0 / (2 + 1 - 1)));
    CHECK(r.components() == std::vector<int>{0, 0, 0});
    CHECK(r.pairs().rows.size() == 2);

    o.mode = CooccurrenceMode::Near;
    o.distance = 5; // B ends at 15, C starts at 20
    const Cooccurrence near = computeCooccurrence(*p, o);
    CHECK(near.counts[1][2] == 1);
    o.distance = 4;
    CHECK(computeCooccurrence(*p, o).counts[1][2] == 0);

    o.mode = CooccurrenceMode::Document;
    const Cooccurrence docs = computeCooccurrence(*p, o);
    CHECK(docs.occurrences == std::vector<qint64>{1, 1, 1});
    CHECK(docs.coefficient[1][2] == Approx(1.0));

    // The graph: 3 nodes, 2 edges, colours and counts as data.
    const QByteArray graphml = r.toGraphml();
    QXmlStreamReader xml(graphml);
    int nodes = 0, edges = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            nodes += xml.name() == QLatin1String("node");
            edges += xml.name() == QLatin1String("edge");
        }
    }
    CHECK_FALSE(xml.hasError());
    CHECK(nodes == 3);
    CHECK(edges == 2);
    CHECK(graphml.contains("#ff0000"));
    CHECK(r.toDot().contains(QByteArray("c") + QByteArray::number(a) + " -- c" + QByteArray::number(b)));
    if (graphvizAvailable())
        CHECK(r.toSvg().contains("<svg"));
    else
        CHECK_THROWS_AS(r.toSvg(), Error);
}

TEST_CASE("Co-occurrence in the same speaker turn leaves out the facilitator", "[cooccurrence]")
{
    SmallStudy s;
    // P1's turn gets a second code, the facilitator's turn one that must not count.
    s.code(s.fg, s.fgText, QStringLiteral("rings back"), s.listened);
    CooccurrenceOptions o;
    o.mode = CooccurrenceMode::Turn;
    o.codePaths = {QStringLiteral("Heard/Ignored"), QStringLiteral("Heard/Listened")};
    const Cooccurrence r = computeCooccurrence(*s.p, o);
    CHECK(r.occurrences == std::vector<qint64>{1, 2}); // Ignored: P1's turn; Listened: P1's and P2's
    CHECK(r.counts[0][1] == 1);
    CHECK(r.coefficient[0][1] == Approx(0.5));
    CHECK(r.outsideTurns == 2); // the narrative has no turns
}
