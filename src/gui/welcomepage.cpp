// SPDX-License-Identifier: GPL-3.0-or-later
#include "welcomepage.h"

#include "usersettings.h"

#include <algorithm>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Quire {

namespace {
constexpr int PathRole = Qt::UserRole + 1;
}

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    setAccessibleName(tr("Welcome"));

    auto *title = new QLabel(tr("<h1>Quire</h1>"));
    auto *intro = new QLabel(tr("Qualitative coding and thematic analysis. Open a project to go on with it, "
                                "start a new one and import your transcripts, or look around in the sample "
                                "project: five invented documents about family carers, already coded."));
    intro->setWordWrap(true);

    m_new = new QPushButton(tr("&New project…"));
    m_new->setObjectName(QStringLiteral("welcomeNew"));
    m_open = new QPushButton(tr("&Open project…"));
    m_open->setObjectName(QStringLiteral("welcomeOpen"));
    m_sample = new QPushButton(tr("Open the &sample project"));
    m_sample->setObjectName(QStringLiteral("welcomeSample"));
    m_sample->setToolTip(tr("The bundled sample corpus (two focus groups and three narratives), coded, as a "
                            "project of its own in your data folder"));
    connect(m_new, &QPushButton::clicked, this, &WelcomePage::newRequested);
    connect(m_open, &QPushButton::clicked, this, &WelcomePage::openOtherRequested);
    connect(m_sample, &QPushButton::clicked, this, &WelcomePage::sampleRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_open);
    buttons->addWidget(m_sample);
    buttons->addStretch(1);

    auto *recentTitle = new QLabel(tr("<b>Recent projects</b>"));
    m_recent = new QListWidget;
    m_recent->setObjectName(QStringLiteral("recentProjects"));
    m_recent->setAccessibleName(tr("Recent projects"));
    m_recent->setUniformItemSizes(true);
    recentTitle->setBuddy(m_recent);
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { Q_EMIT openRequested(item->data(PathRole).toString()); });
    m_noRecent = new QLabel(tr("No project opened yet."));

    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(intro);
    column->addSpacing(12);
    column->addLayout(buttons);
    column->addSpacing(12);
    column->addWidget(recentTitle);
    column->addWidget(m_noRecent);
    column->addWidget(m_recent);
    column->addStretch(1);

    // A readable column in the middle of a wide window.
    auto *outer = new QHBoxLayout(this);
    auto *inner = new QWidget;
    inner->setLayout(column);
    inner->setMaximumWidth(760);
    outer->addStretch(1);
    outer->addWidget(inner, 4);
    outer->addStretch(1);
    reload();
}

void WelcomePage::reload()
{
    m_recent->clear();
    for (const QString &path : UserSettings::recentProjects()) {
        const QFileInfo info(path);
        auto *item = new QListWidgetItem(
            tr("%1 — %2").arg(info.fileName(), QDir::toNativeSeparators(info.absolutePath())), m_recent);
        item->setData(PathRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
    }
    // As tall as its rows (at most ten), not the whole page.
    const int rowHeight = m_recent->sizeHintForRow(0) > 0 ? m_recent->sizeHintForRow(0) : fontMetrics().height() + 4;
    m_recent->setFixedHeight(rowHeight * std::max(1, m_recent->count()) + 2 * m_recent->frameWidth() + 4);
    m_noRecent->setVisible(m_recent->count() == 0);
    m_recent->setVisible(m_recent->count() > 0);
    if (m_recent->count() > 0)
        m_recent->setCurrentRow(0);
}

void WelcomePage::showEvent(QShowEvent *event)
{
    reload();
    QWidget::showEvent(event);
}

} // namespace Quire
