// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QString>

namespace Quire {

/// Where the sentence goes that a write is waiting for another program
/// ("study.quire: another program is writing to this project; waiting …"):
/// told once per wait, after a second. The CLI prints it on stderr. For code
/// outside src/core, which does not see the database layer.
QUIRECORE_EXPORT void setWaitNotifier(void (*notify)(const QString &message));

} // namespace Quire
