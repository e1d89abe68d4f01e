// SPDX-License-Identifier: GPL-3.0-or-later
#include "exchangedialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Quire {

ExchangeReportDialog::ExchangeReportDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("exchangeReportDialog"));
    setWindowTitle(tr("REFI-QDA report"));
    setAccessibleName(tr("REFI-QDA exchange report"));
    setModal(false);

    auto *layout = new QVBoxLayout(this);
    m_headline = new QLabel;
    m_headline->setWordWrap(true);
    QFont bold = m_headline->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_headline->setFont(bold);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_headline);
    m_source = new QLabel;
    m_source->setWordWrap(true);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_source);

    auto *columns = new QHBoxLayout;
    m_counts = new QTreeWidget;
    m_counts->setAccessibleName(tr("Counts"));
    m_counts->setRootIsDecorated(false);
    m_counts->setColumnCount(2);
    m_counts->setHeaderLabels({tr("What"), tr("Number")});
    m_counts->header()->setStretchLastSection(false);
    m_counts->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_counts->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_counts->setMinimumWidth(270);
    m_counts->setMaximumWidth(340);
    columns->addWidget(m_counts);

    auto *right = new QVBoxLayout;
    m_offsetsTitle = new QLabel(tr("Positions"));
    m_offsetsTitle->setFont(bold);
    right->addWidget(m_offsetsTitle);
    m_offsets = new QPlainTextEdit;
    m_offsets->setReadOnly(true);
    m_offsets->setAccessibleName(tr("How positions were read"));
    m_offsets->setMaximumHeight(130);
    right->addWidget(m_offsets);
    m_unmappedTitle = new QLabel(tr("Not mapped"));
    m_unmappedTitle->setFont(bold);
    right->addWidget(m_unmappedTitle);
    m_unmapped = new QListWidget;
    m_unmapped->setAccessibleName(tr("Not mapped and notes"));
    m_unmapped->setWordWrap(true);
    m_unmapped->setTextElideMode(Qt::ElideNone);
    right->addWidget(m_unmapped, 1);
    columns->addLayout(right, 1);
    layout->addLayout(columns, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_copy = buttons->addButton(tr("Copy report"), QDialogButtonBox::ActionRole);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_headline->text() + QLatin1Char('\n') + m_report.toText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // Return or Escape closes it; no row of the tables looks picked.
    m_close = buttons->button(QDialogButtonBox::Close);
    m_close->setDefault(true);
    resize(900, 560);
}

QString ExchangeReportDialog::headline() const
{
    return m_headline->text();
}

void ExchangeReportDialog::setReport(const QString &headline, const ExchangeReport &report)
{
    m_report = report;
    m_headline->setText(headline);
    QString source = tr("%1 — format %2").arg(report.file, report.format);
    if (!report.origin.isEmpty())
        source += tr(", written by %1").arg(report.origin);
    m_source->setText(source);

    m_counts->clear();
    for (const auto &[name, value] : report.counts)
        m_counts->addTopLevelItem(new QTreeWidgetItem({name, QString::number(value)}));
    for (int i = 0; i < m_counts->topLevelItemCount(); ++i)
        m_counts->topLevelItem(i)->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);

    const bool hasOffsets = !report.offsetDecision.isEmpty();
    m_offsetsTitle->setVisible(hasOffsets);
    m_offsets->setVisible(hasOffsets);
    m_offsets->setPlainText(report.offsetDecision);

    m_unmapped->clear();
    if (report.unmapped.isEmpty())
        m_unmapped->addItem(tr("Nothing left out."));
    for (const QString &u : report.unmapped)
        m_unmapped->addItem(u);
    for (const QString &n : report.notes)
        m_unmapped->addItem(tr("Note: %1").arg(n));
    m_unmappedTitle->setText(report.notes.isEmpty() ? tr("Not mapped") : tr("Not mapped, and notes"));
    m_counts->setCurrentItem(nullptr);
    m_close->setFocus();
}

} // namespace Quire
