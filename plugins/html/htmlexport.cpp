// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlplugin.h"
#include "htmlwriter.h"

#include "error.h"

namespace Quire::Html {

void HtmlPlugin::write(const ThemeReport &report, QIODevice &out) const
{
    const QByteArray bytes = reportHtml(report, HtmlFlavour::Browser).toUtf8();
    if (out.write(bytes) != bytes.size())
        throw Error(QStringLiteral("cannot write the HTML export: %1").arg(out.errorString()));
}

} // namespace Quire::Html
