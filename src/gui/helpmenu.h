// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QDialog;
class QMainWindow;
class QMenu;
class QMenuBar;

namespace Quire {

/// Help inside the program: the guide (docs/gui.md) and the search language
/// (docs/search.md), both built into the program as Qt resources; the
/// keyboard shortcuts, listed from the window's own actions so the list is
/// never out of date; About.
QMenu *addHelpMenu(QMenuBar *bar, QMainWindow *window);

/// Opens (non-modal) a window with a bundled Markdown page: "gui" or "search".
QDialog *showHelpPage(QMainWindow *window, const QString &page);
/// Opens (non-modal) the table of every action of \a window that has a key:
/// what it does, its keys, and the menu it is in.
QDialog *showShortcuts(QMainWindow *window);

} // namespace Quire
