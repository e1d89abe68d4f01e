// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/agreement.h"
#include "analysis/cooccurrence.h"
#include "analysis/crosstab.h"
#include "analysis/frequencies.h"
#include "analysis/table.h"
#include "analysis/teamwork.h"

#include <QAbstractTableModel>
#include <QWidget>
#include <functional>

class QCheckBox;
class QGraphicsScene;
class QGraphicsView;
class QComboBox;
class QLabel;
class QListWidget;
class QMenuBar;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace Quire {

class ProjectSession;
class WorkbenchShell;

/// An AnalysisTable (the same table the CLI prints) as a read-only item model;
/// numbers are right-aligned so columns of figures read down.
class AnalysisTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit AnalysisTableModel(QObject *parent = nullptr);
    void setTable(const Analysis::AnalysisTable &table);
    const Analysis::AnalysisTable &table() const { return m_table; }
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Analysis::AnalysisTable m_table;
};

/// Codes × attribute values (or documents, or cases): computeCrosstab with the
/// chosen columns, counting unit and cell figures. Recomputes whenever an
/// option or the project changes.
class CrosstabView : public QWidget
{
    Q_OBJECT
public:
    explicit CrosstabView(ProjectSession &session, QWidget *parent = nullptr);

    /// Re-reads the attributes and coders and recomputes.
    void reload();
    /// "document", "case" or an attribute name.
    bool setColumns(const QString &columns);
    void setUnit(Analysis::CountUnit unit);
    void setCells(Analysis::Crosstab::Cells cells);
    void setIncludeSubcodes(bool on);

    QTableView *tableView() const { return m_table; }
    const AnalysisTableModel *model() const { return m_model; }
    const Analysis::Crosstab &result() const { return m_result; }
    /// The core's message when the last computation failed, else empty.
    QString error() const { return m_error; }
    /// The figure shown for a code path and a column label ("" if absent).
    QString cell(const QString &codePath, const QString &column) const;

private:
    void recompute();

    ProjectSession &m_session;
    QComboBox *m_columns = nullptr;
    QComboBox *m_unit = nullptr;
    QComboBox *m_cells = nullptr;
    QComboBox *m_coder = nullptr;
    QCheckBox *m_subcodes = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_table = nullptr;
    AnalysisTableModel *m_model = nullptr;
    Analysis::Crosstab m_result;
    QString m_error;
    bool m_loading = false;
};

/// Agreement between coders: choose two or more coders and the unit, see
/// percent agreement, kappa, alpha and their intervals per code, and the
/// units they disagree on with the unit's text beside each coder's value.
class AgreementView : public QWidget
{
    Q_OBJECT
public:
    explicit AgreementView(ProjectSession &session, QWidget *parent = nullptr);

    void reload();
    /// Ticks exactly these coders (others unticked) and recomputes.
    void setCoders(const QStringList &coders);
    void setUnit(Analysis::AgreementUnit unit);
    void setBootstrap(int replicates);

    QListWidget *coderList() const { return m_coders; }
    QTableView *codeTable() const { return m_codeTable; }
    QTableView *disagreementTable() const { return m_disTable; }
    const AnalysisTableModel *codeModel() const { return m_codeModel; }
    const AnalysisTableModel *disagreementModel() const { return m_disModel; }
    const Analysis::AgreementReport &result() const { return m_result; }
    QString error() const { return m_error; }
    /// Shows the full text of disagreement \a row below the list.
    void showDisagreement(int row);

private:
    QStringList checkedCoders() const;
    void recompute();

    ProjectSession &m_session;
    QListWidget *m_coders = nullptr;
    QComboBox *m_unit = nullptr;
    QSpinBox *m_bootstrap = nullptr;
    QCheckBox *m_silentMissing = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_codeTable = nullptr;
    QTableView *m_disTable = nullptr;
    AnalysisTableModel *m_codeModel = nullptr;
    AnalysisTableModel *m_disModel = nullptr;
    QPlainTextEdit *m_detail = nullptr;
    Analysis::AgreementReport m_result;
    QString m_error;
    bool m_loading = false;
};

/// Code frequencies along the documents or per speaker: a bar chart (when the
/// build has Qt Charts) over the same table the CLI prints.
class FrequencyView : public QWidget
{
    Q_OBJECT
public:
    explicit FrequencyView(ProjectSession &session, QWidget *parent = nullptr);
    void reload();
    const Analysis::Frequencies &result() const { return m_result; }
    QString error() const { return m_error; }

private:
    void recompute();

    ProjectSession &m_session;
    QComboBox *m_axis = nullptr;
    QComboBox *m_level = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_chartHost = nullptr;
    QTableView *m_table = nullptr;
    AnalysisTableModel *m_model = nullptr;
    Analysis::Frequencies m_result;
    QString m_error;
};

/// Which codes occur together: computeCooccurrence by overlap, nearness (a
/// distance in characters), speaker turn or document, for everyone or one
/// coder; the code × code counts or coefficients, or one row per pair, and
/// beside them the code-relations graph (Graphviz, when the build has it).
/// Export writes the tables as .docx, .pdf, .xlsx, .csv, .html or .md.
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

/// Asks where to save (`filters` as for QFileDialog, e.g. "Word (*.docx);;PDF
/// (*.pdf)"; a name typed without a suffix gets the chosen filter's), then
/// runs `write(path)` under a busy cursor and shows the error it returns, if
/// any, in a warning titled `title`. Nothing happens if the dialog is cancelled.
void exportWithDialog(QWidget *parent, const QString &title, const QString &filters,
                      const std::function<QString(const QString &path)> &write);

/// Team coding from the workbench (analysis/teamwork.h). Writes a blank copy
/// of the open project for another coder (documents, cases, codebook; no
/// segments, no history). Returns an empty string or the error, naming the file.
QString copyProjectForCoder(ProjectSession &session, const QString &targetPath, bool keepMemos);
/// Merges another coder's project into the open one as one command, on a
/// worker thread with its own connection (Cancel rolls it back); the report
/// goes to `report`. The progress dialog shows over `dialogParent`. Returns an empty string or the error.
QString mergeCoderProject(ProjectSession &session, QWidget *dialogParent, const QString &otherPath,
                          Analysis::MergeReport *report = nullptr);

/// Adds the "Analysis" menu (crosstab, agreement, frequencies, co-occurrence, team coding) to the window.
void addAnalysisMenu(QMenuBar *bar, ProjectSession &session, WorkbenchShell &shell);
/// Opens (or raises) the analysis view \a name ("crosstab", "agreement",
/// "frequencies", "cooccurrence") as a tab of the window's centre; nullptr for an unknown name.
QWidget *openAnalysisView(ProjectSession &session, WorkbenchShell &shell, const QString &name);

} // namespace Quire
