// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "analysis/table.h"
#include "model/types.h"

#include <QString>
#include <vector>

namespace Quire {
class Project;
}

/// Team coding: a blank copy for a second coder, and the merge of two
/// projects of the same corpus (docs/analysis.md).
namespace Quire::Analysis {

struct CopyForCoderOptions
{
    /// Keep project, document and case memos (the first coder's notes).
    /// Segment memos always go with the segments; code memos (the codebook) stay.
    bool keepMemos = false;
};

struct CopyForCoderResult
{
    qint64 segmentsRemoved = 0;
    qint64 memosRemoved = 0;
};

/// Writes a copy of the project to `targetPath` with the documents, cases,
/// attributes and codebook but no coded segments and an empty history, for
/// an independent second coder. Fails if `targetPath` exists; the source is
/// not changed.
QUIRECORE_EXPORT CopyForCoderResult copyForCoder(Project &source, const QString &targetPath,
                                                 const CopyForCoderOptions &options = {});

/// Something the merge noticed and how it was resolved.
struct MergeIssue
{
    QString kind;    ///< document-only-here, document-only-there, document-copied, document-text-differs,
                     ///< code-colour-differs, code-description-differs, code-path-differs, code-guid-differs
    QString subject; ///< the document name or code path
    QString detail;  ///< what differs and what was kept
};

struct QUIRECORE_EXPORT MergeReport
{
    QString other;
    qint64 documentsMatched = 0;
    qint64 documentsCopied = 0; ///< only in the other project, copied with their segments
    qint64 codesMatched = 0;
    qint64 codesAdded = 0;
    qint64 segmentsAdded = 0;
    qint64 segmentsAlreadyPresent = 0; ///< same document, span, coder and codes
    qint64 segmentsSkipped = 0;        ///< on documents this project does not have
    qint64 memosAdded = 0;
    std::vector<MergeIssue> issues;

    AnalysisTable issueTable() const;
};

/// Brings the other project's segments (with their coders, codes and memos)
/// into `project` as one command (one undo step). Documents are matched by the
/// SHA-256 of their source file (and the name, then the text, when one file
/// gave several documents) and must have the same text; codes by GUID, then by
/// path. Codes the other project has and this one lacks are added with their
/// GUID, colour and description; for a code in both, this project's colour
/// and description are kept and the difference is reported. A document only
/// in the other project is copied (text, turns, pages, its case and document
/// attributes; renamed "NAME (from OTHER)" if this project has another
/// document of that name) with its segments, unless `copyDocuments` is
/// false; then it is reported and its segments skipped. Documents only here
/// are reported. Throws Error (and changes nothing) if the other file is not
/// a readable project.
QUIRECORE_EXPORT MergeReport mergeProject(Project &project, const QString &otherPath, bool copyDocuments = true);

} // namespace Quire::Analysis
