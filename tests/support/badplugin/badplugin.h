// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/importerinterface.h"

#include <QObject>

// A plugin built against a different interface version: the manager must read
// its metadata, report the mismatch and never instantiate it.
class OutdatedPlugin : public QObject, public Quire::ImporterInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.quire.ImporterInterface/0.9" FILE "badplugin.json")
    Q_INTERFACES(Quire::ImporterInterface)

public:
    QString formatId() const override { return QStringLiteral("outdated"); }
    QStringList fileExtensions() const override { return {QStringLiteral("old")}; }
    std::vector<Quire::ImportedDocument> read(const QString &, const QByteArray &,
                                              const Quire::ImportOptions &) const override
    {
        return {};
    }
};
