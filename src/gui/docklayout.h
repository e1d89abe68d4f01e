// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

class QAction;
class QMainWindow;
class QMenu;
class QTabWidget;

namespace Quire {

/// The docks around the centre tabs, arranged per view. Each view in front
/// (the document, the theme board, every analysis or workshop tab) has its
/// own dock layout: switching tabs keeps the layout of the view left
/// (QMainWindow::saveState) and brings back the one of the view shown. An
/// analysis or workshop view starts with the docks hidden, so it has the
/// whole window; the View menu shows any dock again, and that choice is
/// kept for the view. With persistence on, the layouts are written to the
/// settings under "window/state/<view>" and read back on the next start.
class DockLayout : public QObject
{
    Q_OBJECT
public:
    /// Follows \a tabs, the centre of \a window (whose docks must exist).
    DockLayout(QMainWindow *window, QTabWidget *tabs);

    /// The key of a centre tab: "document", "board", or the tab's object name.
    QString viewKey(int tab) const;
    /// The key of the view in front.
    QString currentView() const;
    /// Whether a view is one of the coding views (document, theme board) that share the docks.
    static bool isCodingView(const QString &key);

    /// Reads (on) and writes the layouts with QSettings; off keeps them for this window only.
    void setPersistence(bool on);
    /// The settings file to use instead of the user's (tests); empty: the user's.
    void setSettingsFile(const QString &path);
    /// Writes the layout of the view in front (on closing the window).
    void save();
    /// The stored layout of \a key (empty if the view was never shown).
    QByteArray stateOf(const QString &key) const { return m_states.value(key); }

    /// Adds "Hide the panes" (F9) to \a menu: every dock off for the view in front, or back.
    void addTo(QMenu *menu);
    QAction *panesAction() const { return m_panes; }

private:
    void tabChanged(int index);
    void remember(const QString &key);
    void restore(const QString &key);
    void restoreCurrent();
    void readSettings();
    void writeSettings(const QString &key) const;

    QMainWindow *m_window;
    QTabWidget *m_tabs;
    QAction *m_panes = nullptr;
    QHash<QString, QByteArray> m_states;
    /// The layout the window starts with: what a coding view gets until it has its own.
    QStringList m_defaultDocks;
    QString m_current;
    QString m_settingsFile;
    bool m_persist = false;
};

} // namespace Quire
