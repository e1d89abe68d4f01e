// SPDX-License-Identifier: GPL-3.0-or-later
#include "wtfcreport.h"

#include "error.h"
#include "pdfprint.h"
#include "picture.h"
#include "wtfc/graphexport.h"
#include "wtfc/layout.h"
#include "wtfc/report.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace Quire::Render {

namespace {

// The picture of the graph: about 16 cm wide at 300 dpi at most, so that
// a workshop-sized graph stays sharp when printed or zoomed.
constexpr int PictureMaxWidth = 1900;
constexpr int PictureMaxHeight = 2600;

/// The graph for a page (.docx, PDF): as laid out for the screen (top to
/// bottom), unless Graphviz drew it and a left-to-right layout fits the page
/// at a larger scale — a workshop graph is often a few layers of many causes,
/// far wider than tall, and would shrink to unreadable words across a page.
QByteArray pageGraphSvg(const Wtfc::Snapshot &workshop, const Wtfc::Analysis &analysis)
{
    Wtfc::SvgEngine used = Wtfc::SvgEngine::Quire;
    const QByteArray topDown = Wtfc::graphSvg(workshop, analysis, &used);
    if (used != Wtfc::SvgEngine::Graphviz)
        return topDown;
    QByteArray dot = Wtfc::graphToDot(workshop, analysis);
    if (!dot.contains("rankdir=TB"))
        return topDown;
    dot.replace("rankdir=TB", "rankdir=LR");
    QByteArray across;
    try {
        across = Wtfc::layoutSvg(dot);
    } catch (const Error &) {
        return topDown;
    }
    auto fit = [](const QByteArray &svg) {
        const auto size = svgSize(svg);
        return size ? std::min(qreal(PictureMaxWidth) / size->width(), qreal(PictureMaxHeight) / size->height()) : 0.0;
    };
    return fit(across) > fit(topDown) * 1.2 ? across : topDown;
}

} // namespace

std::vector<ReportFile> workshopReport(const Wtfc::Snapshot &workshop, const Wtfc::Analysis &analysis,
                                       const QString &format, const QString &path)
{
    using namespace Wtfc;
    const QString title = QStringLiteral("Working Together for Change: workshop report");
    ReportOptions o;
    std::vector<ReportFile> files(1);
    files[0].path = path;
    if (format == QLatin1String("md")) {
        // Markdown cannot hold the picture: it goes next to the report.
        const QFileInfo info(path);
        const QString svgName = info.completeBaseName() + QStringLiteral(".graph.svg");
        // Graphviz for workshop-sized graphs, Quire's layered layout beyond (docs/wtfc.md).
        files.push_back({info.dir().filePath(svgName), graphSvg(workshop, analysis)});
        o.svgLink = svgName;
        files[0].bytes = reportMarkdown(workshop, analysis, o).toUtf8();
    } else if (format == QLatin1String("html")) {
        o.svg = graphSvg(workshop, analysis);
        files[0].bytes = reportHtml(workshop, analysis, o).toUtf8();
    } else if (format == QLatin1String("docx")) {
        if (const auto image = svgToImage(pageGraphSvg(workshop, analysis), PictureMaxWidth, PictureMaxHeight)) {
            o.png = pngBytes(*image);
            o.pngWidth = image->width();
            o.pngHeight = image->height();
        }
        files[0].bytes = reportDocx(workshop, analysis, o, path);
    } else if (format == QLatin1String("pdf")) {
        Images images;
        if (const auto image = svgToImage(pageGraphSvg(workshop, analysis), PictureMaxWidth, PictureMaxHeight)) {
            o.pictureName = QStringLiteral("quire-graph.png");
            // Rich-text pixels are 1/96 inch: 170 mm of text width is 642 of
            // them; 620 leaves the drawing's edge clear of the margin. A
            // smaller drawing is shown at 150 dpi.
            o.pictureWidth = std::min(620, image->width() * 96 / 150);
            images.emplace_back(o.pictureName, *image);
        }
        files[0].bytes =
            htmlToPdf(reportHtml(workshop, analysis, o), title, QStringLiteral("the workshop report"), images);
    } else {
        throw Error(QStringLiteral("%1: a workshop report is md, html, docx or pdf, not \"%2\"")
                        .arg(QFileInfo(path).fileName(), format));
    }
    return files;
}

} // namespace Quire::Render
