// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace Quire {

/// The one rule for cells a spreadsheet would run as a formula (CSV
/// injection): a cell that starts with = + - @, a tab or a carriage return
/// gets a leading apostrophe, which is then part of the cell. Numbers are not
/// exempt ("-0.25" becomes "'-0.25"). Every CSV writer uses it through csvField.
QUIRECORE_EXPORT QString neutraliseFormula(const QString &value);

/// One RFC 4180 field: neutraliseFormula, then the field is put in double
/// quotes (quotes inside doubled) when it holds a comma, a quote or a line break.
QUIRECORE_EXPORT QString csvField(const QString &value);

/// A row of csvField()s joined by commas and ended by `lineEnd` ("\n" or "\r\n").
QUIRECORE_EXPORT QString csvRow(const QStringList &fields, QStringView lineEnd);

} // namespace Quire
