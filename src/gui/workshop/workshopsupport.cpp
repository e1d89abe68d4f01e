// SPDX-License-Identifier: GPL-3.0-or-later
#include "workshop/workshopsupport.h"

#include "error.h"
#include "model/project.h"

#include <QLabel>
#include <QPalette>

namespace Quire::WorkshopViews {

using namespace Quire::Wtfc;

QString oneLine(const QString &text, qsizetype max)
{
    QString s = text.simplified();
    return s.size() > max ? s.left(max - 1) + QChar(0x2026) : s;
}

void showHint(QLabel *line, const QString &text)
{
    line->setText(QStringLiteral("<span style=\"color: %1\">%2</span>")
                      .arg(line->palette().color(QPalette::WindowText).name(), text.toHtmlEscaped()));
}

std::optional<Snapshot> workshopOrSay(ProjectSession &session, QLabel *message)
{
    Project *p = session.project();
    if (!p) {
        message->setText(ProjectSession::tr("Open a project with a workshop."));
        return std::nullopt;
    }
    try {
        return Workshop(*p).snapshot();
    } catch (const Error &e) {
        message->setText(e.message());
        return std::nullopt;
    }
}

} // namespace Quire::WorkshopViews
