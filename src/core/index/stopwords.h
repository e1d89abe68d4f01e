// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Quire {

/// Languages with a stop-word list ("english").
QUIRECORE_EXPORT QStringList stopWordLanguages();
/// The stop words of a language as folded words (lower case, no accents,
/// straight apostrophes), UTF-8; throws Error for a language without a list.
QUIRECORE_EXPORT const QSet<QByteArray> &stopWords(const QString &language);

} // namespace Quire
