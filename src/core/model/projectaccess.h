// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/project.h"

namespace Quire {

class Database;

/// The project's SQLite connection, for the stores that own tables outside
/// src/core/model (the workshop, the quote selections, the search index),
/// for model-level checks and for tests that look at the file itself; and
/// the stores behind the project, for core code that writes across them in
/// one command of its own (the exchange builder, the merge of two projects,
/// the copy for another coder) through their typed calls.
/// Nothing else includes this header: the house check
/// (scripts/house_check.py) lists who may, and docs/architecture.md says
/// which store owns which table.
class ProjectAccess
{
public:
    static Database &database(const Project &project) { return *project.m_db; }
    static CommandLog &log(Project &project) { return *project.m_log; }
    static DocumentStore &documents(Project &project) { return *project.m_documents; }
    static Codebook &codebook(Project &project) { return *project.m_codebook; }
    static SegmentStore &segments(Project &project) { return *project.m_segments; }
    static MemoStore &memos(Project &project) { return *project.m_memos; }
};

} // namespace Quire
