// SPDX-License-Identifier: GPL-3.0-or-later
#include "docxplugin.h"

#include "error.h"
#include "report/documentwriter.h"
#include "report/exportlayout.h"

#include <QIODevice>

namespace Quire::Docx {

// The report's document model, written by the one Word writer
// (report/documentwriter) that every report uses.
void DocxPlugin::write(const ThemeReport &report, QIODevice &out) const
{
    const QString name = QStringLiteral("the Word export");
    const std::unique_ptr<Doc::Writer> writer = Doc::makeWriter(QStringLiteral("docx"), report.projectName, name);
    writeReportDocument(*writer, report);
    const QByteArray bytes = writer->finish();
    if (out.write(bytes) != bytes.size())
        throw Error(QStringLiteral("%1: cannot write: %2").arg(name, out.errorString()));
}

} // namespace Quire::Docx
