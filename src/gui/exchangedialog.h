// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/exchangeinterface.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace Quire {

/// What a REFI-QDA import or export reported (ExchangeReport): a headline,
/// the package and the tool that wrote it, the counts, how positions were
/// read, and everything not mapped or dropped, so nothing is lost silently.
/// Modeless: the window stays usable while it is open; "Copy" puts the
/// report as quire-cli prints it on the clipboard.
class ExchangeReportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExchangeReportDialog(QWidget *parent = nullptr);

    void setReport(const QString &headline, const ExchangeReport &report);
    const ExchangeReport &report() const { return m_report; }
    QString headline() const;

    QLabel *headlineLabel() const { return m_headline; }
    QTreeWidget *countsTable() const { return m_counts; }
    QPlainTextEdit *offsetsText() const { return m_offsets; }
    /// One row per kind of thing not mapped, then the notes (prefixed "Note:").
    QListWidget *unmappedList() const { return m_unmapped; }
    QPushButton *copyButton() const { return m_copy; }

private:
    ExchangeReport m_report;
    QLabel *m_headline = nullptr;
    QLabel *m_source = nullptr;
    QTreeWidget *m_counts = nullptr;
    QLabel *m_offsetsTitle = nullptr;
    QPlainTextEdit *m_offsets = nullptr;
    QLabel *m_unmappedTitle = nullptr;
    QListWidget *m_unmapped = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace Quire
