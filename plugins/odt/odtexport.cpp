// SPDX-License-Identifier: GPL-3.0-or-later
#include "odtplugin.h"

#include "error.h"
#include "report/documentwriter.h"
#include "report/exportlayout.h"

#include <QIODevice>

namespace Quire::Odt {

// The report's document model, written by the one OpenDocument writer
// (report/documentwriter) that every report uses.
void OdtPlugin::write(const ThemeReport &report, QIODevice &out) const
{
    const QString name = QStringLiteral("the OpenDocument export");
    const std::unique_ptr<Doc::Writer> writer = Doc::makeOdtWriter(report.projectName, name);
    writeReportDocument(*writer, report);
    const QByteArray bytes = writer->finish();
    if (out.write(bytes) != bytes.size())
        throw Error(QStringLiteral("%1: cannot write: %2").arg(name, out.errorString()));
}

} // namespace Quire::Odt
