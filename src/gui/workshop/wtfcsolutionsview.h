// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "wtfc/analysis.h"
#include "wtfc/workshop.h"

#include <functional>
#include <optional>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTreeWidget;

namespace Quire {

class ProjectSession;

/// Success statements and solutions per cause: a tree of causes (root causes
/// taken forward first) with their success statements by perspective and
/// their solutions by kind and grid place; adds either through the core.
class WtfcSolutionsView : public QWidget
{
    Q_OBJECT
public:
    explicit WtfcSolutionsView(ProjectSession &session, QWidget *parent = nullptr);
    void reload();
    QTreeWidget *tree() const { return m_tree; }
    /// Adds to the selected cause (or the cause of the selected row).
    bool addSuccess(const QString &perspective, const QString &text);
    bool addSolution(const QString &kind, const QString &text);
    bool selectCause(Id cause);

private:
    std::optional<Id> currentCause() const;
    /// Runs `add` for the selected cause as one command and reports it.
    bool addToCurrentCause(const std::function<void(Wtfc::Workshop &, Id)> &add);

    ProjectSession &m_session;
    QTreeWidget *m_tree = nullptr;
    QComboBox *m_perspective = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_text = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace Quire
