// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "analysis/table.h"
#include "model/types.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace Quire {
class Project;
}

namespace Quire::Analysis {

/// The axis along which code frequencies are counted.
enum class FrequencyAxis {
    Document, ///< documents in order (import order, or by `orderBy`)
    Speaker,  ///< the speaker of the turn a segment starts in ("(no speaker)" outside turns)
};
QUIRECORE_EXPORT FrequencyAxis frequencyAxisFromString(const QString &name);

struct FrequencyOptions
{
    FrequencyAxis axis = FrequencyAxis::Document;
    /// Document attribute that orders the documents (a date, a wave number);
    /// numbers sort as numbers, anything else as text; empty: import order.
    QString orderBy;
    QStringList codePaths;       ///< empty: every code in tree order
    bool includeSubcodes = true; ///< as the theme table
    QString coder;               ///< empty: everyone's segments
};

/// Segments per code along the axis (segments of uncounted cases left out):
/// the data behind a line or bar chart.
struct QUIRECORE_EXPORT Frequencies
{
    FrequencyAxis axis = FrequencyAxis::Document;
    QStringList labels;       ///< the axis: document names or speakers, in order
    std::vector<Id> labelIds; ///< document ids (document axis)
    QStringList orderValues;  ///< the orderBy value per document, if any
    std::vector<Id> codes;
    QStringList paths;
    std::vector<std::vector<qint64>> counts; ///< [code][label]

    /// One row per axis label, one column per code (a chart's series).
    AnalysisTable table() const;
};

QUIRECORE_EXPORT Frequencies computeFrequencies(Project &project, const FrequencyOptions &options);

} // namespace Quire::Analysis
