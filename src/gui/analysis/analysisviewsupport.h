// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "projectsession.h"

#include <QStringList>

class QAbstractItemModel;
class QTableView;

namespace Quire {

class Project;

/// What the analysis views share.
namespace AnalysisViews {

/// What the analysis views compute from: a change to quotes, memos or the workshop alone leaves them as they are.
constexpr ProjectSession::Changes AnalysisInputs =
    ProjectSession::Documents | ProjectSession::Codes | ProjectSession::Segments | ProjectSession::Cases;

/// Distinct coder names of the project's segments, sorted.
QStringList projectCoders(Project &project);

/// The save dialog's filters for analysis tables: every format Render::writeTables
/// (and so quire-cli's --out) writes, Word first.
QString tableFileFilters();

/// A read-only table of figures over \a model, named \a name (object and accessible name).
QTableView *makeTable(QAbstractItemModel *model, const QString &name);

} // namespace AnalysisViews
} // namespace Quire
