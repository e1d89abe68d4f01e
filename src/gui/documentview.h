// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QColor>
#include <QPlainTextEdit>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace Quire {

class Project;
class TextOffsets;
class DocumentGutter;

/// Shows one stored document text exactly, read-only, with its coded segments
/// as coloured highlights (extra selections), speaker labels in bold and a
/// right-hand gutter with a stripe and the code names beside coded lines.
///
/// Stored positions are code points; QPlainTextEdit works in UTF-16 units.
/// Every conversion goes through TextOffsets, so emoji and other characters
/// outside the BMP never shift a highlight.
class DocumentView : public QPlainTextEdit
{
    Q_OBJECT
public:
    /// Extra-selection properties that tell which segment and code a highlight shows.
    static constexpr int SegmentIdProperty = 0x100000 + 1; // QTextFormat::UserProperty + 1
    static constexpr int CodeIdProperty = 0x100000 + 2;

    explicit DocumentView(QWidget *parent = nullptr);
    ~DocumentView() override;

    /// Loads the text of \a documentId (nullopt: empty view) and its highlights.
    void showDocument(const Project *project, std::optional<Id> documentId);
    /// Recomputes highlights and gutter after a command; the text and the
    /// scroll position stay as they are.
    void refreshHighlights(const Project *project);
    std::optional<Id> documentId() const { return m_documentId; }

    /// The selection as code points of the stored text, or nullopt if nothing is selected.
    /// Throws Quire::Error if an end falls inside a surrogate pair.
    std::optional<std::pair<qsizetype, qsizetype>> selectedRange() const;
    /// The selected stored text, exactly (QTextCursor::selectedText() turns
    /// line breaks into U+2029; this does not).
    QString selectedStoredText() const;
    /// Selects code points [start, end) and scrolls there.
    void selectRange(qsizetype start, qsizetype end);
    /// UTF-16 position of a code-point position of the shown text.
    qsizetype toUtf16(qsizetype codePoint) const;

    int gutterWidth() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    friend class DocumentGutter;
    struct Mark
    {
        int firstBlock = 0;
        int lastBlock = 0;
        int lane = 0;
        QColor color;
        QString label;
    };
    void paintGutter(QPaintEvent *event);
    void boldSpeakerLabels(const std::vector<Turn> &turns);
    void layoutGutter();

    std::optional<Id> m_documentId;
    std::unique_ptr<TextOffsets> m_offsets;
    std::vector<Mark> m_marks;
    DocumentGutter *m_gutter = nullptr;
};

} // namespace Quire
