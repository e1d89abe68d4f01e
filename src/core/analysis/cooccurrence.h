// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "analysis/table.h"
#include "io/graphviz.h"
#include "model/types.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <vector>

namespace Quire {
class Project;
}

namespace Quire::Analysis {

/// When two codes count as occurring together (docs/analysis.md).
enum class CooccurrenceMode {
    Overlap,  ///< a segment of one overlaps a segment of the other (or one segment carries both)
    Near,     ///< their segments overlap or lie at most `distance` code points apart
    Turn,     ///< both are coded in the same speaker turn
    Document, ///< both are coded in the same document
};
QUIRECORE_EXPORT QString toString(CooccurrenceMode mode);
/// "overlap", "near", "turn" or "document"; throws Error otherwise.
QUIRECORE_EXPORT CooccurrenceMode cooccurrenceModeFromString(const QString &name);

struct CooccurrenceOptions
{
    CooccurrenceMode mode = CooccurrenceMode::Overlap;
    qsizetype distance = 0; ///< for Near, in code points
    /// Codes compared; empty: every code that has segments.
    QStringList codePaths;
    /// Only this coder's segments; empty: everyone's.
    QString coder;
};

/// A symmetric code × code table. For overlap and near, `counts[i][j]` is the
/// number of pairs of segments (one of each code) that meet and `occurrences[i]`
/// the code's segments; for turn and document they are numbers of turns or
/// documents. `coefficient` is n_ij / (n_i + n_j - n_ij): the Jaccard index
/// of the two codes' turns or documents, and for segment pairs the same
/// formula (ATLAS.ti's "c-coefficient"), capped at 1.
struct QUIRECORE_EXPORT Cooccurrence
{
    CooccurrenceMode mode = CooccurrenceMode::Overlap;
    qsizetype distance = 0;
    std::vector<Id> codes;
    QStringList paths;
    QStringList colors;
    std::vector<qint64> occurrences;
    std::vector<std::vector<qint64>> counts;
    std::vector<std::vector<double>> coefficient;
    /// Coded spans left out because they lie in no speaker turn (turn mode).
    qint64 outsideTurns = 0;

    /// The full matrix of counts (or coefficients).
    AnalysisTable matrix(bool coefficients = false) const;
    /// One row per pair of codes that occur together: code_a, code_b, count, coefficient.
    AnalysisTable pairs() const;

    /// The code-relations graph as GraphML: one node per code (label, colour,
    /// occurrences, component), one undirected edge per pair with count >= minCount.
    QByteArray toGraphml(qint64 minCount = 1) const;
    /// The same graph in Graphviz DOT (edge width by coefficient).
    QByteArray toDot(qint64 minCount = 1) const;
    /// The graph laid out by Graphviz (neato, io/graphviz.h) as SVG; throws
    /// Error when this build has no Graphviz (see graphvizAvailable()).
    QByteArray toSvg(qint64 minCount = 1) const;
    /// Connected groups of codes (Boost.Graph): component number per code, -1
    /// for a code with no edge of at least minCount.
    std::vector<int> components(qint64 minCount = 1) const;
};

/// Whether this build can lay graphs out (io/graphviz.h).
using Quire::graphvizAvailable;

/// Segments of uncounted cases (a facilitator) are left out. Throws Error for
/// an unknown code or coder.
QUIRECORE_EXPORT Cooccurrence computeCooccurrence(Project &project, const CooccurrenceOptions &options);

} // namespace Quire::Analysis
