// SPDX-License-Identifier: GPL-3.0-or-later
#include "error.h"

namespace Quire {

Error::Error(const QString &message)
    : std::runtime_error(message.toStdString())
    , m_message(message)
{}

} // namespace Quire
