// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "formats/table.h"

#include <QString>

namespace Quire {

/// Parses CSV text (RFC 4180: quoted fields with doubled quotes, newlines
/// inside quoted fields, CRLF or LF rows; the delimiter is ',' or, when given
/// or detected from the header line, ';' or a tab). The first row is the
/// header. A row with a different number of cells than the header, or an
/// unterminated quote, is an error naming the file and the row.
QUIRECORE_EXPORT Table parseCsv(const QString &text, const QString &fileName, QChar delimiter = QChar());

} // namespace Quire
