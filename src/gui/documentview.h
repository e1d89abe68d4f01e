// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <memory>
#include <optional>
#include <QColor>
#include <QPlainTextEdit>
#include <QString>
#include <QTextCharFormat>
#include <utility>
#include <vector>

class QMenu;

namespace Quire {

class Project;
class TextOffsets;

/// A span of a stored document's text as a drag from the document view carries it.
struct TextRange
{
    Id documentId = 0;
    qsizetype start = 0; ///< code points
    qsizetype end = 0;
    QString text; ///< the stored text of [start, end), to check the drop against the project
};
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

    /// MIME type of a dragged selection (textRangeMimeType(): JSON with
    /// document, start, end in code points and the stored text), distinct from
    /// the code tree's own code paths so a text drag is never a code move.
    static QString textRangeMimeType();
    /// What dragging the selection carries: the plain text, and the range
    /// (nullptr if nothing is selected). The caller owns it. QPlainTextEdit's
    /// own drag of a selection gets its data from here.
    QMimeData *selectionMimeData() const { return createMimeDataFromSelection(); }
    /// The range a drag carries, or nullopt if \a mime has none or it is malformed.
    static std::optional<TextRange> textRangeFrom(const QMimeData *mime);

    int gutterWidth() const;

    /// Every highlight of the document (one per segment and code), sorted by
    /// start; only those on the screen are extra selections at any time.
    struct Highlight
    {
        Id segmentId = 0;
        Id codeId = 0;
        int from = 0; ///< UTF-16
        int to = 0;
        QTextCharFormat format;
    };
    const std::vector<Highlight> &highlights() const { return m_highlights; }

    /// A segment edge under a point of the viewport: dragging it resizes the segment.
    struct Edge
    {
        Id segmentId = 0;
        bool start = true; ///< the start edge (else the end)
        int utf16 = 0;     ///< where the edge is, in the view's positions
    };
    std::optional<Edge> edgeAt(const QPoint &viewportPos) const;
    /// Where a position of the text is drawn (viewport coordinates; x is the
    /// caret's place, so for right-to-left text the start is on the right).
    QRect caretRect(qsizetype utf16) const;

Q_SIGNALS:
    /// An edge was dragged: the segment should span [start, end) code points.
    void segmentResizeRequested(Id segmentId, qsizetype start, qsizetype end);
    /// The context menu (object name "documentMenu") is about to show at a
    /// passage coded with \a codeIds (first code first): the window adds
    /// what can be done to each code. The menu pops up afterwards.
    void codeMenuRequested(QMenu *menu, const QList<Quire::Id> &codeIds);

protected:
    QMimeData *createMimeDataFromSelection() const override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

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
    /// Gives QPlainTextEdit the highlights of the visible blocks.
    void showVisibleHighlights();
    void boldSpeakerLabels(const std::vector<Turn> &turns);
    void layoutGutter();

    std::optional<Id> m_documentId;
    std::unique_ptr<TextOffsets> m_offsets;
    std::vector<Mark> m_marks;
    struct Span
    {
        Id segmentId = 0;
        int from = 0; ///< UTF-16
        int to = 0;
    };
    std::vector<Span> m_spans;
    std::vector<Highlight> m_highlights;
    int m_maxHighlight = 0;
    int m_shownFrom = -1;
    int m_shownTo = -1;
    struct EdgeDrag
    {
        Id segmentId = 0;
        int fixed = 0;  ///< the edge that stays, UTF-16
        int moving = 0; ///< where the dragged edge is now
        int original = 0;
    };
    std::optional<EdgeDrag> m_edgeDrag;
    DocumentGutter *m_gutter = nullptr;
};

} // namespace Quire
