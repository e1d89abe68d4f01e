// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projectsession.h"
#include "wtfc/workshop.h"

#include <optional>
#include <QColor>
#include <QString>

class QLabel;

namespace Quire {

/// What the WTfC views share.
namespace WorkshopViews {

/// What the WTfC views show: the workshop, and the documents and codes its statements come from.
constexpr ProjectSession::Changes WorkshopInputs = ProjectSession::Workshop | ProjectSession::Documents |
                                                   ProjectSession::Codes | ProjectSession::Segments |
                                                   ProjectSession::Cases;

/// The colour of the selected node or card.
inline const QColor SelectedColor(0xe7, 0x6f, 0x51);

/// \a text on one line, cut to \a max characters with an ellipsis.
QString oneLine(const QString &text, qsizetype max = 80);

/// An instruction in a message line otherwise red for refusals: in the text colour.
void showHint(QLabel *line, const QString &text);

/// The open project's workshop, or nothing with the reason in `message`
/// (no project, or the core's error).
std::optional<Wtfc::Snapshot> workshopOrSay(ProjectSession &session, QLabel *message);

} // namespace WorkshopViews
} // namespace Quire
