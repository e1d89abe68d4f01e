// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/exchangeinterface.h"

namespace Quire::Refi {

/// Reads a .qdpx, .qde or .qdc into the project as one command (see docs/refiqda.md),
/// within `limits` (sources, and text per byte of the package).
ExchangeReport importPackage(Project &project, const QString &path, const ImportLimits &limits);

} // namespace Quire::Refi
