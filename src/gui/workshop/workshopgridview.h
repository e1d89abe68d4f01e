// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/table.h"
#include "wtfc/grid.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;

namespace Quire {

class AnalysisTableModel;
class ProjectSession;

/// The workshop grid (Workshop ▸ Workshop grid): the template's areas as
/// columns, the strategic themes as rows, each cell the top N notes ranked by
/// stars or dots — the same table as `quire-cli wtfc theme grid`
/// (Wtfc::workshopGrid, Wtfc::gridTable), with the same choices: N, the
/// ranking, the wording of an empty cell, one voter group, notes without votes,
/// totals and the first column's header. Export writes it as the CLI's --out does.
class WorkshopGridView : public QWidget
{
    Q_OBJECT
public:
    explicit WorkshopGridView(ProjectSession &session, QWidget *parent = nullptr);

    /// Re-reads the workshop (voter groups too) and recomputes.
    void reload();

    void setTop(int top);
    void setRankBy(Wtfc::RankBy rank);
    void setEmptyText(const QString &text);
    /// Only this voter group's votes; empty: everyone's. False for a group nobody voted as.
    bool setVoterGroup(const QString &group);
    void setIncludeUnvoted(bool on);
    void setTotals(bool on);
    void setThemeHeader(const QString &text);

    /// The choices as set in the view's controls.
    Wtfc::GridOptions options() const;
    /// The table shown (header and rows), as the CLI prints it.
    const Analysis::AnalysisTable &table() const;
    QTableView *tableView() const { return m_table; }
    /// The core's message when the last computation failed, else empty.
    QString error() const { return m_error; }

    /// Writes the grid shown to `path` by its suffix (.docx, .odt, .pdf, .xlsx,
    /// .csv, .html, .md). Returns an empty string or the error, naming the file.
    QString exportGrid(const QString &path);

private:
    void recompute();

    ProjectSession &m_session;
    QSpinBox *m_top = nullptr;
    QComboBox *m_rank = nullptr;
    QLineEdit *m_empty = nullptr;
    QComboBox *m_group = nullptr;
    QCheckBox *m_unvoted = nullptr;
    QCheckBox *m_totals = nullptr;
    QLineEdit *m_header = nullptr;
    QTableView *m_table = nullptr;
    AnalysisTableModel *m_model = nullptr;
    QLabel *m_message = nullptr;
    QString m_error;
    bool m_loading = false;
};

} // namespace Quire
