// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/table.h"

#include <QString>

#include <vector>

namespace Quire::Render {

/// Analysis tables to a file chosen by its suffix: .xlsx (a worksheet each),
/// .csv (the first table), .docx, .odt, .html, .md (every table under its title,
/// Analysis::tablesDocument) or .pdf (the same laid out on A4, across the
/// page when a table has more than six columns; needs a QGuiApplication).
/// The file is written whole or not at all. Throws Error naming the file,
/// also for another suffix.
void writeTables(const QString &path, const std::vector<Analysis::AnalysisTable> &tables, const QString &title,
                 const QString &projectName);

/// The suffixes writeTables() knows.
bool writesTables(const QString &path);

} // namespace Quire::Render
