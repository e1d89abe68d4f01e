// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/analysisviewsupport.h"

#include "model/project.h"

#include <QHeaderView>
#include <QTableView>
#include <set>

namespace Quire::AnalysisViews {

/// Distinct coder names of the project's segments, sorted.
QStringList projectCoders(Project &project)
{
    std::set<QString> names;
    for (const Segment &s : project.segments())
        if (!s.coder.isEmpty())
            names.insert(s.coder);
    return QStringList(names.begin(), names.end());
}

QString tableFileFilters()
{
    return ProjectSession::tr("Word (*.docx);;OpenDocument (*.odt);;PDF (*.pdf);;Excel (*.xlsx);;CSV (*.csv);;"
                              "HTML (*.html);;Markdown (*.md)");
}

QTableView *makeTable(QAbstractItemModel *model, const QString &name)
{
    auto *t = new QTableView;
    t->setObjectName(name);
    t->setAccessibleName(name);
    t->setModel(model);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setAlternatingRowColors(true);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setHighlightSections(false);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
    // Code paths are cut at the front: the leaf names the code.
    t->setTextElideMode(Qt::ElideLeft);
    t->setWordWrap(false);
    return t;
}

} // namespace Quire::AnalysisViews
