// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/analysistablemodel.h"
#include "analysis/cooccurrence.h"

#include <QWidget>

class QGraphicsScene;
class QGraphicsView;
class QComboBox;
class QLabel;
class QSpinBox;
class QTableView;

namespace Quire {

class ProjectSession;

/// Which codes occur together: computeCooccurrence by overlap, nearness (a
/// distance in characters), speaker turn or document, for everyone or one
/// coder; the code × code counts or coefficients, or one row per pair, and
/// beside them the code-relations graph (Graphviz, when the build has it).
/// Export writes the tables as .docx, .odt, .pdf, .xlsx, .csv, .html or .md.
class CooccurrenceView : public QWidget
{
    Q_OBJECT
public:
    explicit CooccurrenceView(ProjectSession &session, QWidget *parent = nullptr);

    void reload();
    void setMode(Analysis::CooccurrenceMode mode, qsizetype distance = 0);
    /// 0: counts, 1: coefficients, 2: pairs.
    void setFigures(int figures);
    /// The figure shown for two code paths in the matrix ("" if absent).
    QString cell(const QString &rowCode, const QString &columnCode) const;
    const Analysis::Cooccurrence &result() const { return m_result; }
    const AnalysisTableModel *model() const { return m_model; }
    QTableView *tableView() const { return m_table; }
    /// Codes drawn in the graph (0 without Graphviz or with no pair).
    int graphNodes() const { return m_graphNodes; }
    QString error() const { return m_error; }
    /// Writes the counts, coefficients and pairs to `path` (by its suffix);
    /// returns an empty string or the error, naming the file.
    QString exportTables(const QString &path);

private:
    void recompute();
    void drawGraph();

    ProjectSession &m_session;
    QComboBox *m_mode = nullptr;
    QSpinBox *m_distance = nullptr;
    QComboBox *m_figures = nullptr;
    QComboBox *m_coder = nullptr;
    QSpinBox *m_minCount = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_table = nullptr;
    AnalysisTableModel *m_model = nullptr;
    QGraphicsView *m_graphView = nullptr;
    QGraphicsScene *m_scene = nullptr;
    Analysis::Cooccurrence m_result;
    QString m_error;
    int m_graphNodes = 0;
    bool m_loading = false;
};

} // namespace Quire
