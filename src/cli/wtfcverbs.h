// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Quire::Cli {

struct WtfcVerbContext
{
    bool json = false;
    QString coder;
};

/// wtfc VERB ... : the Working Together for Change verbs (docs/cli.md, docs/wtfc.md).
int cmdWtfc(const WtfcVerbContext &context, const QStringList &words);

} // namespace Quire::Cli
