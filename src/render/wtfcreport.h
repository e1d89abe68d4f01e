// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "wtfc/analysis.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace Quire::Render {

/// A file of a workshop report and what goes in it.
struct ReportFile
{
    QString path;
    QByteArray bytes;
};

/// The Working Together for Change report (wtfc/report.h) in `format`
/// ("md", "html", "docx" or "pdf") for `path`, with the root-cause graph
/// (Graphviz or Quire's own layout, wtfc/layout.h) as each format can hold
/// it: Markdown refers to NAME.graph.svg, written beside it (a second file);
/// HTML embeds the SVG; .docx and PDF embed a picture drawn from it. The
/// first file is the report. Nothing is written here. Throws Error for an
/// unknown format or, for PDF, without a QGuiApplication.
std::vector<ReportFile> workshopReport(const Wtfc::Snapshot &workshop, const Wtfc::Analysis &analysis,
                                       const QString &format, const QString &path);

} // namespace Quire::Render
