// SPDX-License-Identifier: GPL-3.0-or-later
#include "refiqdaplugin.h"

#include "refiexport.h"
#include "refiimport.h"

namespace Quire::Refi {

ExchangeReport RefiQdaPlugin::importInto(Project &project, const QString &path, const ImportLimits &limits) const
{
    return importPackage(project, path, limits);
}

ExchangeReport RefiQdaPlugin::exportProject(Project &project, const QString &path, const QString &format,
                                            const ExchangeOptions &) const
{
    return exportPackage(project, path, format);
}

} // namespace Quire::Refi
