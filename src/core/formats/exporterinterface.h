// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/themereport.h"

#include <QIODevice>
#include <QString>
#include <QtPlugin>

namespace Quire {

/// A format plugin that writes a theme report (theme table plus quotes).
/// Implementations write to `out` and throw Quire::Error on failure.
class ExporterInterface
{
public:
    virtual ~ExporterInterface() = default;
    virtual QString formatId() const = 0;
    virtual QString fileExtension() const = 0;
    virtual void write(const ThemeReport &report, QIODevice &out) const = 0;
};

} // namespace Quire

#define QuireExporterInterface_iid "org.quire.ExporterInterface/1.0"
Q_DECLARE_INTERFACE(Quire::ExporterInterface, QuireExporterInterface_iid)
