// SPDX-License-Identifier: GPL-3.0-or-later
#include "wordrange.h"

#include <QList>

namespace Quire {

std::pair<qsizetype, qsizetype> trimToWords(const QString &selected, qsizetype start, qsizetype end)
{
    const QList<uint> cps = selected.toUcs4();
    const auto space = [](uint c) { return QChar::isSpace(char32_t(c)); };
    const auto punct = [](uint c) { return QChar::isPunct(char32_t(c)) || QChar::isSymbol(char32_t(c)); };
    // A comma, semicolon, colon or dash at the end belongs to the words after it, not to the quote.
    const auto pause = [](uint c) {
        return c == ',' || c == ';' || c == ':' || c == 0x2013 || c == 0x2014 || c == 0x3001 || c == 0xFF0C;
    };
    qsizetype a = 0, b = cps.size();
    // From the front: spaces, and punctuation that ends the sentence before (followed by a space).
    while (a < b) {
        if (space(cps[a]))
            ++a;
        else if (punct(cps[a]) && (a + 1 == b || space(cps[a + 1])))
            ++a;
        else
            break;
    }
    // From the back: spaces, and punctuation that stands alone after a space.
    while (b > a) {
        if (space(cps[b - 1]))
            --b;
        else if (punct(cps[b - 1]) && (b - 1 == a || space(cps[b - 2])))
            --b;
        else if (pause(cps[b - 1]))
            --b;
        else
            break;
    }
    if (a >= b)
        return {start, end};
    return {start + a, start + b};
}

} // namespace Quire
