// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/analysistablemodel.h"
#include "analysis/frequencies.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace Quire {

class ProjectSession;

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

} // namespace Quire
