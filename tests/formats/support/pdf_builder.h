// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace QuireTest::Pdf {

/// One page of a generated PDF: lines of real text (drawn with a TrueType
/// font, so the PDF has a text layer), or, with no lines, only shapes and an
/// image, as a scanned page would have.
struct PageSpec
{
    QStringList lines;
    /// Lines of a second column to the right of the first, on the same baselines.
    QStringList rightColumn = {};
};

/// A PDF made with QPdfWriter and QPainter (needs the QGuiApplication that
/// format_tests creates). Each line is drawn at its own baseline, top to
/// bottom, in DejaVu Sans 12 pt. The title goes into the document info.
QByteArray makePdf(const QList<PageSpec> &pages, const QString &title = QString());

/// The two-page sample: page 1 has a word written with U+FB01 (ﬁ) and a line
/// ending in a hyphen, page 2 four speaker lines.
QByteArray twoPageSample();
/// The text Quire should store for twoPageSample() and its page ranges.
QString twoPageSampleText();
QString twoPageSamplePage1();
QString twoPageSamplePage2();

} // namespace QuireTest::Pdf
