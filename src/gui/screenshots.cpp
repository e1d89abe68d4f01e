// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenshots.h"

#include "documentview.h"
#include "mainwindow.h"
#include "model/project.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHash>
#include <QPixmap>
#include <QTreeView>

namespace Quire::Screenshots {

QStringList viewNames()
{
    return {QStringLiteral("main"), QStringLiteral("document"), QStringLiteral("codes")};
}

void stage(MainWindow &window)
{
    Project *p = window.project();
    if (!p)
        return;
    QHash<Id, int> counts;
    const auto segments = p->segments();
    for (const Segment &s : segments)
        ++counts[s.documentId];
    std::optional<Id> best;
    for (const Document &d : p->documents())
        if (!best || counts.value(d.id) > counts.value(*best))
            best = d.id;
    if (!best)
        return;
    window.showDocument(*best);
    for (const Segment &s : segments) {
        if (s.documentId != *best)
            continue;
        if (!s.codes.empty())
            window.selectCode(s.codes.front());
        window.selectSegment(s.id);
        break;
    }
    // The segment list scrolled the view to the segment; a picture reads better from the top.
    window.documentView()->moveCursor(QTextCursor::Start);
    window.codeTree()->scrollToTop();
}

QString save(MainWindow &window, const QString &view, const QString &file)
{
    QWidget *widget = nullptr;
    if (view == QLatin1String("main"))
        widget = &window;
    else if (view == QLatin1String("document"))
        widget = window.documentView();
    else if (view == QLatin1String("codes"))
        widget = window.codeTree();
    else
        return QStringLiteral("--view %1: unknown view (use %2)").arg(view, viewNames().join(QStringLiteral(", ")));
    QApplication::processEvents();
    const QPixmap pixmap = widget->grab();
    const QFileInfo info(file);
    if (!QDir().mkpath(info.absolutePath()))
        return QStringLiteral("%1: cannot create the folder").arg(info.absolutePath());
    if (!pixmap.save(file, "PNG"))
        return QStringLiteral("%1: cannot write the picture").arg(file);
    return QString();
}

} // namespace Quire::Screenshots
