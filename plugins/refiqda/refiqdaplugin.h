// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/exchangeinterface.h"

#include <QObject>

namespace Quire::Refi {

/// REFI-QDA exchange: imports .qdpx packages, bare .qde projects and .qdc
/// codebooks into a project (one command), exports a project as .qdpx or
/// its codes as .qdc. Mapping and offset rules: docs/refiqda.md.
class RefiQdaPlugin : public QObject, public ProjectExchangeInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QuireProjectExchangeInterface_iid FILE "refiqda.json")
    Q_INTERFACES(Quire::ProjectExchangeInterface)

public:
    QString formatId() const override { return QStringLiteral("refiqda"); }
    QStringList fileExtensions() const override
    {
        return {QStringLiteral("qdpx"), QStringLiteral("qde"), QStringLiteral("qdc")};
    }
    QStringList exportFormats() const override { return {QStringLiteral("qdpx"), QStringLiteral("qdc")}; }
    using ProjectExchangeInterface::importInto;
    ExchangeReport importInto(Project &project, const QString &path, const ImportLimits &limits) const override;
    ExchangeReport exportProject(Project &project, const QString &path, const QString &format,
                                 const ExchangeOptions &options) const override;
};

} // namespace Quire::Refi
