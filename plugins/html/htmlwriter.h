// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/themereport.h"

#include <QString>

namespace Quire::Html {

enum class HtmlFlavour {
    Browser,  ///< polyglot HTML5/XHTML; quotes keep tabs and newlines by white-space: pre-wrap
    RichText, ///< for QTextDocument (the PDF export): newlines as <br/>, as Qt lays them out reliably
};

/// The whole report as one self-contained UTF-8 page: title, notes, the table
/// of the report's layout, and the quotes as blockquotes followed by their citations.
QString reportHtml(const ThemeReport &report, HtmlFlavour flavour);

} // namespace Quire::Html
