// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>

namespace Quire {

/// [start, end) code points of a selection whose stored text is \a selected,
/// narrowed so it starts and ends at a word: leading and trailing white space
/// go, and so does punctuation that stands before a space at the start
/// (". I don't" → "I don't") or after a space at the end ("my own —" → "my
/// own"), and a comma, semicolon, colon or dash that ends it ("again," →
/// "again"; a full stop, "!" and "?" stay). A selection of nothing but spaces and punctuation is kept as it is.
/// The document view's selection goes through it before it is coded.
std::pair<qsizetype, qsizetype> trimToWords(const QString &selected, qsizetype start, qsizetype end);

} // namespace Quire
