// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

#include <utility>
#include <vector>

namespace Quire::Render {

/// Pictures an HTML text refers to by name (<img src="NAME">).
using Images = std::vector<std::pair<QString, QImage>>;

/// Lays out Qt rich text (the HTML subset of QTextDocument) once, on A4 with
/// 20 mm margins at 300 dpi, and prints it page by page with "page / pages"
/// at the foot of each page. Needs a QGuiApplication (fonts); throws Error
/// saying so, or if Qt produced no PDF. `what` names the export in messages
/// ("the PDF export", "the workshop report"). `landscape`: A4 across, for
/// wide tables.
QByteArray htmlToPdf(const QString &html, const QString &title, const QString &what, const Images &images = {},
                     bool landscape = false);

} // namespace Quire::Render
