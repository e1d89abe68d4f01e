// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/exchangeinterface.h"

namespace Quire::Refi {

/// Writes the project as a .qdpx package or its codes as a .qdc codebook.
ExchangeReport exportPackage(Project &project, const QString &path, const QString &format);

} // namespace Quire::Refi
