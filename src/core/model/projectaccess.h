// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/project.h"

namespace Quire {

class Database;

/// The project's SQLite connection, for the stores that own tables outside
/// src/core/model (the workshop, the quote selections, the search index),
/// for model-level checks and for tests that look at the file itself.
/// Nothing else includes this header: the house check
/// (scripts/house_check.py) lists who may, and docs/architecture.md says
/// which store owns which table.
class ProjectAccess
{
public:
    static Database &database(const Project &project) { return *project.m_db; }
};

} // namespace Quire
