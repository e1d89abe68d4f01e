// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/analysistablemodel.h"
#include "analysis/crosstab.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;

namespace Quire {

class ProjectSession;

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
    /// Writes the counts and the row and column percentages (the figures shown first) as
    /// quire-cli crosstab --out does: .docx, .odt, .pdf, .xlsx, .html, .md; .csv holds the
    /// table shown. Returns an empty string or the error, naming the file.
    QString exportTables(const QString &path);

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

} // namespace Quire
