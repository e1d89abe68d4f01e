// SPDX-License-Identifier: GPL-3.0-or-later
#include "docklayout.h"

#include "usersettings.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QScrollArea>
#include <QSettings>
#include <QTabWidget>

#include <memory>

namespace Quire {

namespace {
const QLatin1String Group("window/views");
/// A dock's pane taller than this (at its smallest) scrolls inside the dock.
constexpr int MaxPaneHeight = 220;

std::unique_ptr<QSettings> openSettings(const QString &file)
{
    if (file.isEmpty())
        return UserSettings::open();
    return std::make_unique<QSettings>(file, QSettings::IniFormat);
}
} // namespace

DockLayout::DockLayout(QMainWindow *window, QTabWidget *tabs)
    : QObject(window)
    , m_window(window)
    , m_tabs(tabs)
{
    setObjectName(QStringLiteral("dockLayout"));
    m_current = currentView();
    // Many open views must not widen the window: the tab bar scrolls and elides.
    m_tabs->setUsesScrollButtons(true);
    m_tabs->setElideMode(Qt::ElideRight);
    // A tall pane (quote basket, code properties) scrolls in its dock instead of making the
    // window taller than a 768-pixel screen, and the search dock below it room to grow.
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>()) {
        QWidget *pane = d->widget();
        if (!pane || pane->minimumSizeHint().height() <= MaxPaneHeight)
            continue;
        auto *scroll = new QScrollArea;
        scroll->setObjectName(pane->objectName() + QStringLiteral("Scroll"));
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidgetResizable(true);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        d->setWidget(scroll);
        scroll->setWidget(pane);
    }
    // What a coding view shows until it has a layout of its own: the docks as the window starts.
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
        if (!d->isHidden())
            m_defaultDocks << d->objectName();
    m_persist = true;
    readSettings();
    connect(m_tabs, &QTabWidget::currentChanged, this, &DockLayout::tabChanged);
}

QString DockLayout::viewKey(int tab) const
{
    if (tab == 0)
        return QStringLiteral("document");
    if (tab == 1)
        return QStringLiteral("board");
    QWidget *w = m_tabs->widget(tab);
    return w && !w->objectName().isEmpty() ? w->objectName() : QStringLiteral("view%1").arg(tab);
}

QString DockLayout::currentView() const
{
    return viewKey(m_tabs->currentIndex());
}

bool DockLayout::isCodingView(const QString &key)
{
    return key == QLatin1String("document") || key == QLatin1String("board");
}

void DockLayout::setPersistence(bool on)
{
    m_persist = on;
    m_states.clear();
    if (on) {
        readSettings();
        restoreCurrent();
    }
}

void DockLayout::setSettingsFile(const QString &path)
{
    m_settingsFile = path;
    m_states.clear();
    if (m_persist) {
        readSettings();
        restoreCurrent();
    }
}

void DockLayout::restoreCurrent()
{
    // The view in front takes the layout it was left with last time.
    if (m_states.contains(m_current))
        m_window->restoreState(m_states.value(m_current));
}

void DockLayout::readSettings()
{
    const auto s = openSettings(m_settingsFile);
    s->beginGroup(Group);
    for (const QString &key : s->childKeys())
        m_states.insert(key, s->value(key).toByteArray());
}

void DockLayout::writeSettings(const QString &key) const
{
    if (!m_persist || !m_states.contains(key))
        return;
    auto s = openSettings(m_settingsFile);
    s->setValue(Group + QLatin1Char('/') + key, m_states.value(key));
}

void DockLayout::save()
{
    remember(currentView());
}

void DockLayout::remember(const QString &key)
{
    if (key.isEmpty())
        return;
    m_states.insert(key, m_window->saveState());
    writeSettings(key);
}

void DockLayout::restore(const QString &key)
{
    if (m_states.contains(key) && m_window->restoreState(m_states.value(key)))
        return;
    const bool coding = isCodingView(key);
    // A coding view without a layout of its own takes the other coding view's, else the starting one.
    if (coding) {
        const QString other = key == QLatin1String("document") ? QStringLiteral("board") : QStringLiteral("document");
        if (m_states.contains(other) && m_window->restoreState(m_states.value(other)))
            return;
    }
    // An analysis or workshop view gets the whole window.
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
        d->setVisible(coding && m_defaultDocks.contains(d->objectName()) && !d->isFloating());
}

void DockLayout::tabChanged(int index)
{
    if (index < 0)
        return;
    const QString key = viewKey(index);
    if (key == m_current)
        return;
    // The tab left may be gone already (closed): its layout was kept when it was left last.
    if (!m_current.isEmpty())
        remember(m_current);
    m_current = key;
    restore(key);
}

void DockLayout::addTo(QMenu *menu)
{
    m_panes = menu->addAction(tr("Hide or show the &panes"), this, [this] {
        bool any = false;
        for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
            any = any || d->isVisible();
        for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
            d->setVisible(!any && m_defaultDocks.contains(d->objectName()));
    });
    m_panes->setObjectName(QStringLiteral("togglePanes"));
    m_panes->setShortcut(QKeySequence(Qt::Key_F9));
    m_panes->setToolTip(tr("Give the view in front the whole window, or bring the panes back (F9)"));
}

} // namespace Quire
