// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "wtfc/analysis.h"
#include "wtfc/workshop.h"

#include <functional>
#include <optional>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace Quire {

class ProjectSession;

/// The action plan: one row per action with its owner, due date, status
/// (changed through the core), the solution and cause it serves and how many
/// statements and people it traces back to.
class WtfcActionsView : public QWidget
{
    Q_OBJECT
public:
    explicit WtfcActionsView(ProjectSession &session, QWidget *parent = nullptr);
    void reload();
    QTableWidget *table() const { return m_table; }
    /// Sets the status of the action in \a row through the core.
    bool setStatus(int row, const QString &status);

private:
    ProjectSession &m_session;
    QTableWidget *m_table = nullptr;
    QLabel *m_trace = nullptr;
    QLabel *m_message = nullptr;
    std::vector<Id> m_rows;
    bool m_loading = false;
};

} // namespace Quire
