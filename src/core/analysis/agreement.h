// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "analysis/table.h"
#include "model/types.h"

#include <optional>
#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

namespace Quire {
class Project;
}

/// Inter-coder agreement (docs/analysis.md, docs/decisions/0007-agreement-units.md).
/// Every coefficient is std::nullopt where it is undefined (no pairable
/// values, or no variation at all), never a division by zero.
namespace Quire::Analysis {

// ---- the coefficients on plain data -------------------------------------------

/// A value that no coder gave (a unit a coder did not look at).
constexpr int Missing = -1;

/// Krippendorff's alpha for nominal data. `data[unit][coder]` is a category
/// (any int >= 0) or Missing; units with fewer than two values are not pairable
/// and are left out. Krippendorff (2011), "Computing Krippendorff's
/// Alpha-Reliability": alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k.
QUIRECORE_EXPORT std::optional<double> krippendorffAlphaNominal(const std::vector<std::vector<int>> &data);

/// Cohen's (1960) kappa of two coders over the same units (Missing in either is
/// left out): (p_o - p_e) / (1 - p_e).
QUIRECORE_EXPORT std::optional<double> cohensKappa(const std::vector<int> &a, const std::vector<int> &b);

/// The share of agreeing pairs among all pairs of values within units
/// (for two coders: the share of units on which they agree).
QUIRECORE_EXPORT std::optional<double> percentAgreement(const std::vector<std::vector<int>> &data);

/// One stretch of text (a document) that several coders segmented.
struct UnitizingContinuum
{
    qsizetype begin = 0;
    qsizetype length = 0;
    /// Per coder: the coded spans [start, end), absolute positions inside
    /// [begin, begin + length). Overlapping spans of one coder are joined.
    std::vector<std::vector<std::pair<qsizetype, qsizetype>>> spans;
};

struct UnitizingResult
{
    double observed = 0; ///< uDo
    double expected = 0; ///< uDe
    std::optional<double> alpha;
};

/// Krippendorff's unitizing alpha (u-alpha) for one category over one or more
/// continua, as defined in Krippendorff (2004), "Measuring the reliability of
/// qualitative text analysis data", Quality & Quantity 38: observed
/// disagreement from the squared differences of overlapping segments' ends and
/// the squared lengths of segments that another coder left in a gap; expected
/// disagreement from every segment's chance of meeting every gap. `coders` is
/// the number of coders (each continuum's `spans` must have that many lists).
QUIRECORE_EXPORT UnitizingResult unitizingAlpha(const std::vector<UnitizingContinuum> &continua, int coders);

// ---- agreement in a project -------------------------------------------------

/// The units whose coding is compared (see docs/decisions/0007-agreement-units.md).
enum class AgreementUnit { Sentence, Paragraph, Turn };
QUIRECORE_EXPORT QString toString(AgreementUnit unit);
/// "sentence", "paragraph" or "turn"; throws Error for anything else.
QUIRECORE_EXPORT AgreementUnit agreementUnitFromString(const QString &name);

/// What the bootstrap resamples: whole documents (a cluster bootstrap: units of
/// one document are not independent) or single units. Auto picks documents
/// when there are at least 20 of them, else units.
enum class Resampling { Auto, Documents, Units };

struct AgreementOptions
{
    /// Coder names; empty: every coder with a segment in the documents. At least two, at most 16.
    QStringList coders;
    /// Empty: every document in which any of the coders coded something.
    std::vector<Id> documents;
    /// Code paths; empty: every code any of the coders used in the documents.
    QStringList codePaths;
    AgreementUnit unit = AgreementUnit::Sentence;
    /// false (default): a coder with no segment in a document found nothing
    /// there (every unit "absent"). true: that coder did not code the document
    /// (every unit "missing"; alpha leaves it out, kappa skips it).
    bool silentMeansMissing = false;
    /// Bootstrap replicates for the confidence intervals (0: none).
    int bootstrap = 1000;
    quint64 seed = 20261122;
    double confidence = 0.95;
    Resampling resampling = Resampling::Auto;
    /// Also compute the unitizing alpha over character spans.
    bool unitizing = true;
};

struct Interval
{
    double low = 0;
    double high = 0;
};

/// Two coders on one code (or on all codes pooled).
struct PairAgreement
{
    QString coderA;
    QString coderB;
    qint64 units = 0; ///< units both coded
    qint64 both = 0;  ///< both applied the code
    qint64 onlyA = 0;
    qint64 onlyB = 0;
    qint64 neither = 0;
    std::optional<double> percent;
    std::optional<double> kappa;
};

struct CodeAgreement
{
    Id codeId = 0;                ///< 0 for the pooled row
    QString path;                 ///< "(all codes)" for the pooled row
    qint64 units = 0;             ///< pairable units (two or more coders' values)
    qint64 unitsWithCode = 0;     ///< pairable units where at least one coder applied it
    std::vector<qint64> perCoder; ///< pairable units each coder applied it to (options' coder order)
    /// Units each coder applied it to that no other coder gave a value for
    /// (silentMeansMissing): not pairable, so left out of every figure above.
    std::vector<qint64> unpairedPerCoder;
    std::optional<double> percent;
    /// Cohen's kappa for two coders; for more, the mean of the pairwise kappas (Light 1971).
    std::optional<double> kappa;
    std::optional<double> alpha;         ///< Krippendorff's alpha, nominal, present/absent per unit
    std::optional<double> unitizedAlpha; ///< u-alpha over character spans
    std::optional<Interval> kappaInterval;
    std::optional<Interval> alphaInterval;
    std::vector<PairAgreement> pairs;
    QString note; ///< why a coefficient is undefined, if one is
};

/// A unit where the coders did not all give the same value for a code.
struct Disagreement
{
    Id codeId = 0;
    QString codePath;
    Id documentId = 0;
    QString document;
    qsizetype start = 0;
    qsizetype end = 0;
    QString text;            ///< the unit's stored text
    std::vector<int> values; ///< per coder: 1 applied, 0 not, Missing
};

struct QUIRECORE_EXPORT AgreementReport
{
    QStringList coders;
    AgreementUnit unit = AgreementUnit::Sentence;
    std::vector<Id> documents;
    qint64 units = 0;                 ///< units in the documents
    qint64 segmentsOutsideUnits = 0;  ///< segments with a compared code that touch no unit (e.g. outside every turn)
    qint64 codingsOutsideUnits = 0;   ///< their codings of compared codes (a segment with two such codes counts twice)
    qint64 documentsWithoutUnits = 0; ///< compared documents with no unit at all (e.g. no speaker turns)
    /// silentMeansMissing: units of documents fewer than two of the coders coded
    /// (not pairable, left out), and how many such documents.
    qint64 unpairedUnits = 0;
    qint64 unpairedDocuments = 0;
    std::vector<CodeAgreement> codes;
    CodeAgreement overall; ///< every code's present/absent decisions pooled
    std::vector<Disagreement> disagreements;
    int bootstrap = 0;
    quint64 seed = 0;
    double confidence = 0.95;
    QString resampledBy; ///< "documents", "units" or "" (no bootstrap)

    /// Per-code rows and the pooled row.
    AnalysisTable table() const;
    /// Pairwise rows (coder A, coder B, code, counts, percent, kappa).
    AnalysisTable pairTable() const;
    /// One row per disagreement with the unit's text and every coder's value.
    AnalysisTable disagreementTable() const;
    /// What the figures leave out and why, one sentence each (empty: nothing).
    QStringList leftOut() const;
};

/// Compares the coders' segments in the project. Throws Error for fewer than
/// two coders, an unknown coder, code or document.
QUIRECORE_EXPORT AgreementReport computeAgreement(Project &project, const AgreementOptions &options);

/// The units of one stored text, in code points, trimmed, none empty (turns
/// come from the project, so they are not handled here).
QUIRECORE_EXPORT std::vector<std::pair<qsizetype, qsizetype>> textUnits(const QString &text, AgreementUnit unit);

} // namespace Quire::Analysis
