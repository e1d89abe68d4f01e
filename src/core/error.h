// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QString>
#include <stdexcept>

namespace Quire {

/// The one exception type the core throws. Its message is a complete sentence
/// meant for the user (the CLI prints it as its one line on stderr); it names
/// the file, object or value concerned.
class QUIRECORE_EXPORT Error : public std::runtime_error
{
public:
    explicit Error(const QString &message);
    QString message() const { return m_message; }

private:
    QString m_message;
};

} // namespace Quire
