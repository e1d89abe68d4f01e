// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace Quire {

/// What the window shows while no project is open: the recent projects
/// (UserSettings), New, Open and the sample project. It only asks; the
/// window opens.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);

    /// Re-reads the recent projects.
    void reload();

    QListWidget *recentList() const { return m_recent; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *sampleButton() const { return m_sample; }

Q_SIGNALS:
    void openRequested(const QString &path);
    void newRequested();
    void openOtherRequested();
    void sampleRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QListWidget *m_recent = nullptr;
    QLabel *m_noRecent = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_sample = nullptr;
};

} // namespace Quire
