// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/teamwork.h"

#include <functional>
#include <QString>

namespace Quire {

class ProjectSession;

/// Asks where to save (`filters` as for QFileDialog, e.g. "Word (*.docx);;PDF
/// (*.pdf)"; a name typed without a suffix gets the chosen filter's), then
/// runs `write(path)` under a busy cursor and shows the error it returns, if
/// any, in a warning titled `title`. Nothing happens if the dialog is cancelled.
void exportWithDialog(QWidget *parent, const QString &title, const QString &filters,
                      const std::function<QString(const QString &path)> &write);

/// Team coding from the workbench (analysis/teamwork.h). Writes a blank copy
/// of the open project for another coder (documents, cases, codebook; no
/// segments, no history). Returns an empty string or the error, naming the file.
QString copyProjectForCoder(ProjectSession &session, const QString &targetPath, bool keepMemos);
/// Merges another coder's project into the open one as one command, on a
/// worker thread with its own connection (Cancel rolls it back); the report
/// goes to `report`. The progress dialog shows over `dialogParent`. Returns an empty string or the error.
QString mergeCoderProject(ProjectSession &session, QWidget *dialogParent, const QString &otherPath,
                          Analysis::MergeReport *report = nullptr);

} // namespace Quire
