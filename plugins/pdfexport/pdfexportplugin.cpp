// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfexportplugin.h"

#include "../html/htmlwriter.h"
#include "error.h"
#include "pdfprint.h"

namespace Quire::PdfExport {

void PdfExportPlugin::write(const ThemeReport &report, QIODevice &out) const
{
    const QByteArray bytes = Render::htmlToPdf(Html::reportHtml(report, Html::HtmlFlavour::RichText),
                                               report.projectName, QStringLiteral("the PDF export"));
    if (out.write(bytes) != bytes.size())
        throw Error(QStringLiteral("cannot write the PDF export: %1").arg(out.errorString()));
}

} // namespace Quire::PdfExport
