// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis/agreement.h"
#include "analysis/analysistablemodel.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTableView;

namespace Quire {

class ProjectSession;

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

} // namespace Quire
