// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "analysis/agreement.h"
#include "analysis_support.h"
#include "error.h"
#include "model/project.h"
#include "testsupport.h"

using namespace Quire;
using namespace Quire::Analysis;
using AnalysisTest::span;
using AnalysisTest::textFile;

namespace {
constexpr int M = Missing;
}

TEST_CASE("Nominal alpha: Krippendorff's 4-coder, 12-unit example with missing values", "[agreement][textbook]")
{
    // Source: K. Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
    // Annenberg School for Communication, University of Pennsylvania, section C
    // ("Nominal data, any number of observers, missing data"); published result
    // alpha = 0.743. Rows are units 1..12, columns observers A..D.
    const std::vector<std::vector<int>> data{
        {1, 1, M, 1}, {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3}, {2, 2, 2, 2}, {1, 2, 3, 4},
        {4, 4, 4, 4}, {1, 1, 2, 1}, {2, 2, 2, 2}, {M, 5, 5, 5}, {M, M, 1, 1}, {M, 3, M, M},
    };
    // By hand: unit 12 has one value and is not pairable, so n = 40 pairable
    // values with n_1..n_5 = 9, 13, 10, 5, 3; sum n_c^2 = 384, so
    // sum_{c!=k} n_c n_k = 40^2 - 384 = 1216. Disagreeing coincidences:
    // unit 2 (2,2,3,2): 6 ordered pairs / 3 = 2; unit 6 (1,2,3,4): 12 / 3 = 4;
    // unit 8 (1,1,2,1): 6 / 3 = 2; total 8. alpha = 1 - 39 * 8 / 1216 = 0.74342.
    const auto alpha = krippendorffAlphaNominal(data);
    REQUIRE(alpha);
    CHECK(*alpha == Approx(1.0 - 39.0 * 8.0 / 1216.0));
    CHECK(*alpha == Approx(0.743).margin(0.0005));
}

TEST_CASE("Nominal alpha and kappa: Krippendorff's two-coder binary example", "[agreement][textbook]")
{
    // Source: Krippendorff (2011), section A ("Binary or dichotomous data, two
    // observers, no missing data"); published result alpha = 0.095.
    const std::vector<int> a{0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
    const std::vector<int> b{1, 1, 1, 0, 0, 1, 0, 0, 0, 0};
    std::vector<std::vector<int>> data;
    for (std::size_t i = 0; i < a.size(); ++i)
        data.push_back({a[i], b[i]});
    // By hand: coincidences o00 = 10, o01 = o10 = 4, o11 = 2; n0 = 14, n1 = 6,
    // n = 20. alpha = 1 - (n - 1) o01 / (n0 n1) = 1 - 19 * 4 / 84 = 0.0952.
    const auto alpha = krippendorffAlphaNominal(data);
    REQUIRE(alpha);
    CHECK(*alpha == Approx(1.0 - 76.0 / 84.0));
    CHECK(*alpha == Approx(0.095).margin(0.0005));
    // Cohen's kappa on the same table, by hand: p_o = 6/10; A says 1 on 2 units,
    // B on 4, so p_e = 0.2 * 0.4 + 0.8 * 0.6 = 0.56; kappa = 0.04 / 0.44 = 0.0909.
    const auto kappa = cohensKappa(a, b);
    REQUIRE(kappa);
    CHECK(*kappa == Approx(0.04 / 0.44));
    CHECK(*percentAgreement(data) == Approx(0.6));
}

TEST_CASE("Cohen's kappa: a standard 2x2 table", "[agreement][textbook]")
{
    // The worked example of the English Wikipedia article "Cohen's kappa"
    // (50 proposals, two readers): both yes 20, A yes / B no 5, A no / B yes 10,
    // both no 15. By hand: p_o = (20 + 15) / 50 = 0.7; A says yes to 25/50 =
    // 0.5, B to 30/50 = 0.6; p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5;
    // kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
    std::vector<int> a, b;
    auto add = [&](int n, int x, int y) {
        for (int i = 0; i < n; ++i) {
            a.push_back(x);
            b.push_back(y);
        }
    };
    add(20, 1, 1);
    add(5, 1, 0);
    add(10, 0, 1);
    add(15, 0, 0);
    const auto kappa = cohensKappa(a, b);
    REQUIRE(kappa);
    CHECK(*kappa == Approx(0.4));
}

TEST_CASE("Coefficients at the edges: perfect agreement, no variation, a silent coder, missing units", "[agreement]")
{
    SECTION("perfect agreement with variation")
    {
        const std::vector<int> a{1, 0, 1, 0, 0};
        CHECK(*cohensKappa(a, a) == Approx(1.0));
        CHECK(*krippendorffAlphaNominal({{1, 1}, {0, 0}, {1, 1}, {0, 0}, {0, 0}}) == Approx(1.0));
    }
    SECTION("no variation: undefined, not a division by zero")
    {
        const std::vector<int> zeros{0, 0, 0, 0};
        CHECK_FALSE(cohensKappa(zeros, zeros));
        CHECK_FALSE(krippendorffAlphaNominal({{0, 0}, {0, 0}, {0, 0}}));
        CHECK(*percentAgreement({{0, 0}, {0, 0}}) == Approx(1.0));
    }
    SECTION("one coder silent")
    {
        // A: 1,1,0,0; B: 0,0,0,0. kappa: p_o = 0.5 = p_e (B never says 1), so 0.
        // alpha: o01 = 2, o00 = 4, o11 = 0; n0 = 6, n1 = 2, n = 8;
        // alpha = 1 - 7 * 2 / 12 = -1/6.
        CHECK(*cohensKappa({1, 1, 0, 0}, {0, 0, 0, 0}) == Approx(0.0).margin(1e-12));
        CHECK(*krippendorffAlphaNominal({{1, 0}, {1, 0}, {0, 0}, {0, 0}}) == Approx(-1.0 / 6.0));
    }
    SECTION("missing values: units with one value do not count")
    {
        const std::vector<std::vector<int>> base{{1, 1}, {0, 1}, {0, 0}, {1, 1}};
        auto more = base;
        more.push_back({1, M});
        more.push_back({M, M});
        CHECK(*krippendorffAlphaNominal(more) == Approx(*krippendorffAlphaNominal(base)));
        CHECK(*cohensKappa({1, 0, 0, 1, 1, M}, {1, 1, 0, 1, M, 0}) == Approx(*cohensKappa({1, 0, 0, 1}, {1, 1, 0, 1})));
        CHECK_FALSE(krippendorffAlphaNominal({{1, M}, {M, 0}}));
        CHECK_FALSE(cohensKappa({1, M}, {M, 0}));
    }
}

TEST_CASE("Unitizing alpha: Krippendorff's (2004) two-observer example", "[agreement][textbook]")
{
    // Source: K. Krippendorff (2004), "Measuring the reliability of qualitative
    // text analysis data", Quality & Quantity 38, 787-800: a continuum from 150
    // to 450 (L = 300), two observers, categories c and k. Published figures:
    // uDo(c) = 0.0144, uDe(c) = 0.0532, uDo(k) = 0, uDe(k) = 0.0490.
    UnitizingContinuum c{150, 300, {{{225, 295}, {370, 400}}, {{220, 300}, {355, 375}, {400, 420}}}};
    // By hand, observed for c: overlapping pairs (225-220)^2 + (295-300)^2 = 50
    // and (370-355)^2 + (400-375)^2 = 850; j's [400,420) lies in a gap of i: 20^2
    // = 400. Each ordered pair of observers counts it: 2 * 1300 / (2 * 1 * 300^2)
    // = 0.014444.
    const UnitizingResult rc = unitizingAlpha({c}, 2);
    CHECK(rc.observed == Approx(2600.0 / 180000.0));
    CHECK(rc.observed == Approx(0.0144).margin(0.00005));
    CHECK(rc.expected == Approx(0.0532).margin(0.00005));
    REQUIRE(rc.alpha);
    CHECK(*rc.alpha == Approx(0.7286).margin(0.0005));

    UnitizingContinuum k{150, 300, {{{180, 240}, {300, 350}}, {{180, 240}, {300, 350}}}};
    const UnitizingResult rk = unitizingAlpha({k}, 2);
    CHECK(rk.observed == 0.0);
    CHECK(rk.expected == Approx(0.0490).margin(0.00005));
    REQUIRE(rk.alpha);
    CHECK(*rk.alpha == Approx(1.0));
    // Both categories: 1 - (sum uDo) / (sum uDe) = 0.8587.
    CHECK(1.0 - (rc.observed + rk.observed) / (rc.expected + rk.expected) == Approx(0.8587).margin(0.0005));

    // Nobody coded anything: undefined.
    CHECK_FALSE(unitizingAlpha({UnitizingContinuum{0, 100, {{}, {}}}}, 2).alpha);
}

TEST_CASE("Text units: sentences and paragraphs in code points, trimmed", "[agreement]")
{
    const QString text = QStringLiteral("Alpha one. Beta \U0001F600 two.\n\n  Gamma three.  \n");
    const auto s = textUnits(text, AgreementUnit::Sentence);
    REQUIRE(s.size() == 3);
    CHECK(s[0] == std::pair<qsizetype, qsizetype>{0, 10});
    CHECK(s[1] == std::pair<qsizetype, qsizetype>{11, 22}); // the emoji is one code point
    const auto p = textUnits(text, AgreementUnit::Paragraph);
    REQUIRE(p.size() == 2);
    CHECK(p[0] == std::pair<qsizetype, qsizetype>{0, 22});
    CHECK(p[1] == std::pair<qsizetype, qsizetype>{26, 38});
    CHECK_THROWS_AS(agreementUnitFromString(QStringLiteral("word")), Error);
}

namespace {

// Four sentences: [0,10) "Alpha one.", [11,20) "Beta two.", [21,33) "Gamma three.", [34,45) "Delta four."
const QString Text = QStringLiteral("Alpha one. Beta two. Gamma three. Delta four.");

struct AgreementProject
{
    QuireTest::TempDir dir;
    std::unique_ptr<Project> p;
    Id doc1 = 0, doc2 = 0, x = 0, y = 0, w = 0, z = 0;

    AgreementProject()
    {
        p = Project::create(dir.path(QStringLiteral("a.quire")));
        doc1 = p->importDocuments({textFile(QStringLiteral("one.txt"), Text)}).front();
        doc2 = p->importDocuments({textFile(QStringLiteral("two.txt"), QStringLiteral("Only Ann was here."))}).front();
        x = p->addCode(QStringLiteral("X"));
        y = p->addCode(QStringLiteral("Y"));
        w = p->addCode(QStringLiteral("W"));
        z = p->addCode(QStringLiteral("Z"));
        p->setCoder(QStringLiteral("ann"));
        p->addSegment(doc1, 0, 10, {x});
        p->addSegment(doc1, 11, 20, {x});
        p->addSegment(doc1, 34, 45, {y});
        p->addSegment(doc1, 0, 10, {w});
        p->setCoder(QStringLiteral("ben"));
        p->addSegment(doc1, 0, 5, {x});   // "Alpha": inside sentence 1
        p->addSegment(doc1, 21, 26, {x}); // "Gamma": inside sentence 3
        p->addSegment(doc1, 34, 45, {y});
    }
};

const CodeAgreement &row(const AgreementReport &r, const QString &path)
{
    for (const auto &c : r.codes) {
        if (c.path == path)
            return c;
    }
    FAIL("no row for " << path.toStdString());
    return r.codes.front();
}

} // namespace

TEST_CASE("Agreement in a project: per sentence, per code, with disagreements and their text", "[agreement]")
{
    AgreementProject t;
    AgreementOptions o;
    o.documents = {t.doc1};
    o.codePaths = {QStringLiteral("X"), QStringLiteral("Y"), QStringLiteral("W"), QStringLiteral("Z")};
    o.bootstrap = 200;
    const AgreementReport r = computeAgreement(*t.p, o);
    CHECK(r.coders == QStringList{QStringLiteral("ann"), QStringLiteral("ben")});
    CHECK(r.units == 4);

    // X per sentence: (1,1) (1,0) (0,1) (0,0). p_o = 0.5 = p_e: kappa 0.
    // alpha: o01 = 2, o11 = 2, o00 = 2; n0 = n1 = 4, n = 8: 1 - 7 * 2 / 16 = 0.125.
    const CodeAgreement &x = row(r, QStringLiteral("X"));
    CHECK(x.units == 4);
    CHECK(x.unitsWithCode == 3);
    CHECK(x.perCoder == std::vector<qint64>{2, 2});
    CHECK(*x.percent == Approx(0.5));
    CHECK(*x.kappa == Approx(0.0).margin(1e-12));
    CHECK(*x.alpha == Approx(0.125));
    REQUIRE(x.pairs.size() == 1);
    CHECK(x.pairs[0].both == 1);
    CHECK(x.pairs[0].onlyA == 1);
    CHECK(x.pairs[0].onlyB == 1);
    CHECK(x.pairs[0].neither == 1);
    REQUIRE(x.unitizedAlpha);
    CHECK(*x.unitizedAlpha < 0.5);

    // Y: perfect agreement on sentence 4, also as character spans.
    const CodeAgreement &y = row(r, QStringLiteral("Y"));
    CHECK(*y.kappa == Approx(1.0));
    CHECK(*y.alpha == Approx(1.0));
    CHECK(*y.unitizedAlpha == Approx(1.0));

    // W: ben silent. (1,0) (0,0) (0,0) (0,0): kappa 0; alpha: o01 = 1,
    // o00 = 6, n0 = 7, n1 = 1, n = 8: 1 - 7 * 1 / 7 = 0.
    const CodeAgreement &w = row(r, QStringLiteral("W"));
    CHECK(*w.kappa == Approx(0.0).margin(1e-12));
    CHECK(*w.alpha == Approx(0.0).margin(1e-12));

    // Z: nobody used it: no variation, undefined, and said so.
    const CodeAgreement &z = row(r, QStringLiteral("Z"));
    CHECK_FALSE(z.kappa);
    CHECK_FALSE(z.alpha);
    CHECK_FALSE(z.alphaInterval);
    CHECK(z.note.contains(QStringLiteral("no variation")));
    CHECK(*z.percent == Approx(1.0));

    // Disagreements: X on sentences 2 and 3, W on sentence 1, with their text.
    REQUIRE(r.disagreements.size() == 3);
    CHECK(r.disagreements[0].codePath == QStringLiteral("X"));
    CHECK(r.disagreements[0].text == QStringLiteral("Beta two."));
    CHECK(r.disagreements[0].values == std::vector<int>{1, 0});
    CHECK(r.disagreements[1].text == QStringLiteral("Gamma three."));
    CHECK(r.disagreements[1].values == std::vector<int>{0, 1});
    CHECK(r.disagreements[2].codePath == QStringLiteral("W"));
    CHECK(r.disagreementTable().rows.size() == 3);

    // Pooled over the four codes: 16 decisions per coder.
    CHECK(r.overall.units == 16);
    REQUIRE(r.overall.alpha);
    REQUIRE(r.overall.alphaInterval);
    CHECK(r.overall.alphaInterval->low <= r.overall.alphaInterval->high);
    CHECK(r.resampledBy == QStringLiteral("units"));

    // The same seed gives the same intervals; the table has a row per code and the pooled row.
    const AgreementReport again = computeAgreement(*t.p, o);
    CHECK(again.overall.alphaInterval->low == r.overall.alphaInterval->low);
    CHECK(again.overall.alphaInterval->high == r.overall.alphaInterval->high);
    CHECK(r.table().rows.size() == 5);
    CHECK(r.table().rows.back().front() == QStringLiteral("(all codes)"));
}

TEST_CASE("Agreement: a document one coder never opened is missing, or absent, as asked", "[agreement]")
{
    AgreementProject t;
    t.p->setCoder(QStringLiteral("ann"));
    t.p->addSegment(t.doc2, 0, 18, {t.x});
    AgreementOptions o;
    o.codePaths = {QStringLiteral("X")};
    o.bootstrap = 0;
    o.unitizing = false;

    // Default: ben found nothing in two.txt, so its one sentence is (1, 0).
    const AgreementReport absent = computeAgreement(*t.p, o);
    CHECK(absent.documents.size() == 2);
    CHECK(row(absent, QStringLiteral("X")).units == 5);

    // --silent-missing: ben did not code two.txt; it drops out of the comparison.
    o.silentMeansMissing = true;
    const AgreementReport missing = computeAgreement(*t.p, o);
    CHECK(missing.units == 5);
    CHECK(row(missing, QStringLiteral("X")).units == 4);
    o.documents = {t.doc1};
    o.silentMeansMissing = false;
    const AgreementReport onlyOne = computeAgreement(*t.p, o);
    CHECK(*row(missing, QStringLiteral("X")).alpha == Approx(*row(onlyOne, QStringLiteral("X")).alpha));
    CHECK(*row(missing, QStringLiteral("X")).kappa == Approx(*row(onlyOne, QStringLiteral("X")).kappa));
}

TEST_CASE("Agreement: units can be paragraphs or speaker turns", "[agreement]")
{
    QuireTest::TempDir dir;
    auto p = Project::create(dir.path(QStringLiteral("t.quire")));
    const QString text = QStringLiteral("P1: I waited. Nobody came.\nP2: The nurse came. She listened.\n");
    const Id doc =
        p->importDocuments(
             {textFile(QStringLiteral("fg.txt"), text,
                       {AnalysisTest::turnOf(text, QStringLiteral("P1: I waited. Nobody came."), QStringLiteral("P1")),
                        AnalysisTest::turnOf(text, QStringLiteral("P2: The nurse came. She listened."),
                                             QStringLiteral("P2"))})})
            .front();
    const Id code = p->addCode(QStringLiteral("Waiting"));
    p->setCoder(QStringLiteral("ann"));
    const auto a = span(text, QStringLiteral("I waited."));
    p->addSegment(doc, a.first, a.second, {code});
    p->setCoder(QStringLiteral("ben"));
    const auto b = span(text, QStringLiteral("Nobody came."));
    p->addSegment(doc, b.first, b.second, {code});

    AgreementOptions o;
    o.bootstrap = 0;
    o.unit = AgreementUnit::Sentence; // different sentences: they disagree twice
    CHECK(computeAgreement(*p, o).disagreements.size() == 2);
    o.unit = AgreementUnit::Turn; // the same turn: they agree
    const AgreementReport turns = computeAgreement(*p, o);
    CHECK(turns.units == 2);
    CHECK(turns.disagreements.empty());
    CHECK(*turns.codes.front().kappa == Approx(1.0));
    o.unit = AgreementUnit::Paragraph;
    CHECK(computeAgreement(*p, o).disagreements.empty());
}

TEST_CASE("Agreement refuses what it cannot compare and leaves the project alone", "[agreement]")
{
    AgreementProject t;
    const QString path = t.p->path();
    AgreementOptions o;
    o.coders = {QStringLiteral("ann")};
    REQUIRE_THROWS_WITH(computeAgreement(*t.p, o), Catch::Contains("at least two coders"));
    o.coders = {QStringLiteral("ann"), QStringLiteral("nobody")};
    REQUIRE_THROWS_WITH(computeAgreement(*t.p, o), Catch::Contains("no coder named \"nobody\""));
    o.coders.clear();
    o.codePaths = {QStringLiteral("No/Such")};
    REQUIRE_THROWS_AS(computeAgreement(*t.p, o), Error);
    t.p.reset();
    const QString before = QuireTest::projectFingerprint(path);
    auto p = Project::open(path);
    o.codePaths.clear();
    o.bootstrap = 0;
    computeAgreement(*p, o);
    p.reset();
    CHECK(QuireTest::projectFingerprint(path) == before);
}

namespace {

/// ann and ben on one.txt; only ann on two.txt (so with --silent-missing ben is
/// missing there): X and Y, three sentences plus two.
struct SilentProject
{
    QuireTest::TempDir dir;
    std::unique_ptr<Project> p;
    Id one = 0, two = 0, x = 0, y = 0;

    SilentProject()
    {
        p = Project::create(dir.path(QStringLiteral("s.quire")));
        // [0,10) "Alpha one.", [11,20) "Beta two.", [21,33) "Gamma three."
        one = p->importDocuments(
                   {textFile(QStringLiteral("one.txt"), QStringLiteral("Alpha one. Beta two. Gamma three."))})
                  .front();
        // [0,11) "Delta four.", [12,25) "Epsilon five."
        two = p->importDocuments({textFile(QStringLiteral("two.txt"), QStringLiteral("Delta four. Epsilon five."))})
                  .front();
        x = p->addCode(QStringLiteral("X"));
        y = p->addCode(QStringLiteral("Y"));
        p->setCoder(QStringLiteral("ann"));
        p->addSegment(one, 0, 10, {x});
        p->addSegment(one, 11, 20, {x});
        p->addSegment(two, 0, 11, {y});
        p->addSegment(two, 12, 25, {x});
        p->setCoder(QStringLiteral("ben"));
        p->addSegment(one, 0, 10, {x});
    }
};

} // namespace

TEST_CASE("Agreement with silent-missing: per-coder counts, unit counts and notes agree", "[agreement][missing]")
{
    SilentProject t;
    AgreementOptions o;
    o.silentMeansMissing = true;
    o.bootstrap = 0;
    o.unitizing = false;
    const AgreementReport r = computeAgreement(*t.p, o);
    // Five sentences in all; the two of two.txt have only ann's values.
    CHECK(r.units == 5);
    CHECK(r.unpairedUnits == 2);
    CHECK(r.unpairedDocuments == 1);

    // X over the three pairable sentences of one.txt: (1,1) (1,0) (0,0).
    // ann applied it to 2 of them, ben to 1; ann's X on "Epsilon five." has no
    // partner value and counts apart. kappa by hand: p_o = 2/3, p_A = 2/3,
    // p_B = 1/3, p_e = 2/9 + 2/9 = 4/9, kappa = (2/9) / (5/9) = 0.4. alpha:
    // o11 = 2, o01 = 1, o00 = 2; n1 = n0 = 3, n = 6: 1 - 5 * 1 / 9 = 4/9.
    const CodeAgreement &x = row(r, QStringLiteral("X"));
    CHECK(x.units == 3);
    CHECK(x.unitsWithCode == 2);
    CHECK(x.perCoder == std::vector<qint64>{2, 1});
    CHECK(x.unpairedPerCoder == std::vector<qint64>{1, 0});
    CHECK(*x.kappa == Approx(0.4));
    CHECK(*x.alpha == Approx(4.0 / 9.0));
    CHECK(x.note == QStringLiteral("applied in unit(s) no other coder coded, left out as missing: ann 1"));

    // Y: ann used it, but only on "Delta four." where ben has no value. In the
    // three pairable sentences nobody applied it; the note says both things.
    const CodeAgreement &y = row(r, QStringLiteral("Y"));
    CHECK(y.units == 3);
    CHECK(y.unitsWithCode == 0);
    CHECK(y.perCoder == std::vector<qint64>{0, 0});
    CHECK(y.unpairedPerCoder == std::vector<qint64>{1, 0});
    CHECK_FALSE(y.note.contains(QStringLiteral("no coder applied the code:")));
    CHECK(y.note.contains(QStringLiteral("no coder applied the code in a pairable unit")));
    CHECK(y.note.contains(QStringLiteral("left out as missing: ann 1")));

    // Every per-coder count fits inside its row's pairable units.
    for (const CodeAgreement *a : {&x, &y, &r.overall}) {
        for (qint64 n : a->perCoder) {
            CHECK(n <= a->unitsWithCode);
            CHECK(a->unitsWithCode <= a->units);
        }
    }
    CHECK(r.overall.units == 6);
    CHECK(r.overall.perCoder == std::vector<qint64>{2, 1});
    CHECK(r.overall.unpairedPerCoder == std::vector<qint64>{2, 0});
    const QStringList left = r.leftOut();
    REQUIRE(left.size() == 1);
    CHECK(left[0].startsWith(QStringLiteral("Left out as missing: 2 sentence(s) in 1 document(s)")));

    // Without --silent-missing ben found nothing in two.txt: five pairable
    // sentences, nothing left out, ann's X counted where it lies.
    o.silentMeansMissing = false;
    const AgreementReport absent = computeAgreement(*t.p, o);
    CHECK(row(absent, QStringLiteral("X")).units == 5);
    CHECK(row(absent, QStringLiteral("X")).perCoder == std::vector<qint64>{3, 1});
    CHECK(row(absent, QStringLiteral("X")).note.isEmpty());
    CHECK(absent.unpairedUnits == 0);
    CHECK(absent.leftOut().isEmpty());
}

TEST_CASE("Agreement per turn says how many codings and segments lie outside every turn", "[agreement][turns]")
{
    QuireTest::TempDir dir;
    auto p = Project::create(dir.path(QStringLiteral("t.quire")));
    const QString fg = QStringLiteral("Intro line.\nP1: I waited. Nobody came.\nP2: The nurse came. She listened.\n");
    const Id group =
        p
            ->importDocuments({textFile(
                QStringLiteral("fg.txt"), fg,
                {AnalysisTest::turnOf(fg, QStringLiteral("P1: I waited. Nobody came."), QStringLiteral("P1")),
                 AnalysisTest::turnOf(fg, QStringLiteral("P2: The nurse came. She listened."), QStringLiteral("P2"))})})
            .front();
    const QString story = QStringLiteral("I walked in. Nobody there.");
    const Id narrative = p->importDocuments({textFile(QStringLiteral("story.txt"), story)}).front();
    const Id waiting = p->addCode(QStringLiteral("Waiting"));
    const Id calm = p->addCode(QStringLiteral("Calm"));
    auto code = [&](Id doc, const QString &text, const QString &part, std::vector<Id> codes) {
        const auto s = span(text, part);
        p->addSegment(doc, s.first, s.second, codes);
    };
    p->setCoder(QStringLiteral("ann"));
    code(group, fg, QStringLiteral("I waited."), {waiting});
    code(group, fg, QStringLiteral("Intro line."), {waiting});               // in no turn: 1 segment, 1 coding
    code(narrative, story, QStringLiteral("I walked in."), {waiting, calm}); // no turns at all: 1 segment, 2 codings
    p->setCoder(QStringLiteral("ben"));
    code(group, fg, QStringLiteral("Nobody came."), {waiting});
    code(narrative, story, QStringLiteral("Nobody there."), {waiting}); // 1 segment, 1 coding

    AgreementOptions o;
    o.bootstrap = 0;
    o.unit = AgreementUnit::Turn;
    const AgreementReport all = computeAgreement(*p, o);
    CHECK(all.documents.size() == 2);
    CHECK(all.units == 2);
    CHECK(all.documentsWithoutUnits == 1);
    // Outside every turn: the intro (1 coding), ann's narrative segment (2), ben's (1).
    CHECK(all.codingsOutsideUnits == 4);
    CHECK(all.segmentsOutsideUnits == 3);
    const QStringList left = all.leftOut();
    REQUIRE(left.size() == 1);
    CHECK(left[0] == QStringLiteral("Left out: 4 coding(s) on 3 segment(s), because they touch no turn; 1 document(s) "
                                    "have no speaker turns at all (narratives, statements …)."));

    // Only the compared codes count: Calm alone has one coding outside, on one segment.
    o.codePaths = {QStringLiteral("Calm")};
    const AgreementReport calmOnly = computeAgreement(*p, o);
    CHECK(calmOnly.codingsOutsideUnits == 1);
    CHECK(calmOnly.segmentsOutsideUnits == 1);
    o.codePaths = {QStringLiteral("Waiting")};
    const AgreementReport waitingOnly = computeAgreement(*p, o);
    CHECK(waitingOnly.codingsOutsideUnits == 3);
    CHECK(waitingOnly.segmentsOutsideUnits == 3);

    // Per sentence every coding lies in a unit: nothing to say.
    o.codePaths.clear();
    o.unit = AgreementUnit::Sentence;
    const AgreementReport sentences = computeAgreement(*p, o);
    CHECK(sentences.codingsOutsideUnits == 0);
    CHECK(sentences.segmentsOutsideUnits == 0);
    CHECK(sentences.leftOut().isEmpty());
}
