// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Quire {

class MainWindow;

/// Offscreen pictures of the workbench, for the docs, the tests and machines
/// without a display.
namespace Screenshots {

/// The views that can be rendered: "main" (the whole window), "document"
/// (the document view with its gutter), "codes" (the code tree).
QStringList viewNames();

/// Shows the document with the most segments, selects its first segment and
/// that segment's code, so a picture shows highlights, counts and a memo.
void stage(MainWindow &window);

/// Renders \a view of \a window (shown, laid out) into a PNG at \a file.
/// Returns an empty string on success, else a one-sentence error.
QString save(MainWindow &window, const QString &view, const QString &file);

} // namespace Screenshots
} // namespace Quire
