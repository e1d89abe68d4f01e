// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentview.h"
#include "wordrange.h"

#include "codetreemodel.h"
#include "error.h"
#include "model/project.h"
#include "text/textoffsets.h"

#include <algorithm>
#include <cstdlib>
#include <QContextMenuEvent>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPaintEvent>
#include <QScrollBar>
#include <QTextBlock>

namespace Quire {

/// The right-hand margin: one coloured stripe per coded segment over the lines
/// it spans, and the code names beside the line where it starts.
class DocumentGutter : public QWidget
{
public:
    explicit DocumentGutter(DocumentView *view)
        : QWidget(view)
        , m_view(view)
    {
        setAccessibleName(tr("Coding stripes"));
    }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintGutter(event); }

private:
    DocumentView *m_view;
};

namespace {
constexpr int LaneWidth = 5;
constexpr int MaxLanes = 4;
constexpr int GutterWidth = 190;
/// How close (pixels) the pointer must be to a segment's edge to grab it.
constexpr int EdgeSlop = 3;
} // namespace

DocumentView::DocumentView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new DocumentGutter(this))
{
    setReadOnly(true);
    // Read-only still allows selecting with the keyboard: coding must not need a mouse.
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    // Nothing is edited here; the project has its own undo.
    document()->setUndoRedoEnabled(false);
    setAccessibleName(tr("Document text"));
    setViewportMargins(0, 0, GutterWidth, 0);
    // The pointer shows when it is over a segment edge that can be dragged.
    viewport()->setMouseTracking(true);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &DocumentView::showVisibleHighlights);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
}

DocumentView::~DocumentView() = default;

int DocumentView::gutterWidth() const
{
    return GutterWidth;
}

void DocumentView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    layoutGutter();
    showVisibleHighlights();
}

void DocumentView::layoutGutter()
{
    // The margin lies between the viewport and the vertical scroll bar.
    const QRect vp = viewport()->geometry();
    m_gutter->setGeometry(QRect(vp.right() + 1, vp.top(), GutterWidth, vp.height()));
}

void DocumentView::showDocument(const Project *project, std::optional<Id> documentId)
{
    m_documentId = documentId;
    m_marks.clear();
    m_spans.clear();
    m_highlights.clear();
    m_edgeDrag.reset();
    if (!project || !documentId) {
        m_offsets.reset();
        setPlainText(QString());
        setExtraSelections({});
        m_gutter->update();
        return;
    }
    const Document doc = project->document(*documentId);
    m_offsets = std::make_unique<TextOffsets>(project->documentText(*documentId), doc.name);
    // Stored text has only LF line breaks, which become block boundaries of
    // one position each, so document positions equal UTF-16 indices.
    setPlainText(m_offsets->text());
    boldSpeakerLabels(project->turns(*documentId));
    refreshHighlights(project);
}

void DocumentView::boldSpeakerLabels(const std::vector<Turn> &turns)
{
    // Extra selections cannot change the font (they only recolour shaped
    // text), so labels are formatted in the view's own QTextDocument; its
    // characters stay the stored text.
    const QString &text = m_offsets->text();
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    QTextCursor c(document());
    c.beginEditBlock();
    for (const Turn &t : turns) {
        const qsizetype from = m_offsets->toUtf16(t.start);
        qsizetype lineEnd = text.indexOf(QLatin1Char('\n'), from);
        if (lineEnd < 0)
            lineEnd = text.size();
        const QStringView line = QStringView(text).mid(from, std::min<qsizetype>(lineEnd - from, 120));
        const qsizetype at = t.speaker.isEmpty() ? -1 : line.indexOf(t.speaker);
        if (at < 0)
            continue;
        qsizetype to = from + at + t.speaker.size();
        // Include the label's own punctuation ("P1:" or "[Name]").
        if (to < text.size() && (text[to] == QLatin1Char(':') || text[to] == QLatin1Char(']')))
            ++to;
        c.setPosition(int(from));
        c.setPosition(int(to), QTextCursor::KeepAnchor);
        c.mergeCharFormat(bold);
    }
    c.endEditBlock();
}

qsizetype DocumentView::toUtf16(qsizetype codePoint) const
{
    return m_offsets ? m_offsets->toUtf16(codePoint) : 0;
}

void DocumentView::refreshHighlights(const Project *project)
{
    m_marks.clear();
    m_spans.clear();
    m_highlights.clear();
    m_edgeDrag.reset();
    if (!project || !m_documentId || !m_offsets) {
        setExtraSelections({});
        m_gutter->update();
        return;
    }
    QHash<Id, Code> codes;
    for (const Code &c : project->codes())
        codes.insert(c.id, c);

    m_highlights.clear();
    m_maxHighlight = 0;
    QTextDocument *doc = document();

    std::vector<Segment> segments = project->segments(*m_documentId);
    std::sort(segments.begin(), segments.end(), [](const Segment &a, const Segment &b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::vector<int> laneEnds;
    for (const Segment &s : segments) {
        const qsizetype from = m_offsets->toUtf16(s.start);
        const qsizetype to = m_offsets->toUtf16(s.end);
        const int firstBlock = doc->findBlock(int(from)).blockNumber();
        const int lastBlock = doc->findBlock(int(std::max(from, to - 1))).blockNumber();
        m_spans.push_back({s.id, int(from), int(to)});
        for (Id codeId : s.codes) {
            const Code c = codes.value(codeId);
            const QColor color = CodeTreeModel::colorFor(c);
            Highlight h;
            h.segmentId = s.id;
            h.codeId = codeId;
            h.from = int(from);
            h.to = int(to);
            QColor background = color;
            // Translucent, so overlapping segments stay readable and show darker.
            background.setAlpha(70);
            h.format.setBackground(background);
            h.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
            h.format.setUnderlineColor(color.darker(130));
            h.format.setProperty(SegmentIdProperty, s.id);
            h.format.setProperty(CodeIdProperty, codeId);
            m_maxHighlight = std::max(m_maxHighlight, h.to - h.from);
            m_highlights.push_back(std::move(h));

            Mark m;
            m.firstBlock = firstBlock;
            m.lastBlock = lastBlock;
            m.color = color;
            m.label = c.name;
            // First lane whose previous stripe has ended; reuse lanes cyclically past the maximum.
            size_t lane = 0;
            while (lane < laneEnds.size() && laneEnds[lane] >= firstBlock)
                ++lane;
            if (lane == laneEnds.size())
                laneEnds.push_back(lastBlock);
            else
                laneEnds[lane] = lastBlock;
            m.lane = int(lane % MaxLanes);
            m_marks.push_back(m);
        }
    }
    m_shownFrom = m_shownTo = -1;
    showVisibleHighlights();
    m_gutter->update();
}

void DocumentView::showVisibleHighlights()
{
    // Only the highlights on the screen are extra selections: QPlainTextEdit
    // lays out the block of every extra selection it is given, which for
    // thousands of segments costs seconds; the screen needs a few dozen.
    if (m_highlights.empty()) {
        if (!extraSelections().isEmpty())
            setExtraSelections({});
        m_shownFrom = m_shownTo = -1;
        return;
    }
    QTextBlock block = firstVisibleBlock();
    if (!block.isValid())
        return;
    const int from = block.position();
    int to = from;
    const QPointF offset = contentOffset();
    const int height = viewport()->height();
    while (block.isValid()) {
        to = block.position() + block.length();
        if (blockBoundingGeometry(block).translated(offset).bottom() >= height)
            break;
        block = block.next();
    }
    if (from == m_shownFrom && to == m_shownTo)
        return;
    m_shownFrom = from;
    m_shownTo = to;
    // Highlights are sorted by start; one that covers `from` starts at most m_maxHighlight before it.
    const auto first = std::lower_bound(m_highlights.begin(), m_highlights.end(), from - m_maxHighlight,
                                        [](const Highlight &h, int pos) { return h.from < pos; });
    QList<QTextEdit::ExtraSelection> selections;
    for (auto it = first; it != m_highlights.end() && it->from < to; ++it) {
        if (it->to <= from)
            continue;
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(document());
        sel.cursor.setPosition(it->from);
        sel.cursor.setPosition(it->to, QTextCursor::KeepAnchor);
        sel.format = it->format;
        selections << sel;
    }
    setExtraSelections(selections);
}

void DocumentView::paintGutter(QPaintEvent *event)
{
    QPainter p(m_gutter);
    p.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(0, event->rect().top(), 0, event->rect().bottom());
    if (m_marks.empty())
        return;

    QTextBlock block = firstVisibleBlock();
    if (!block.isValid())
        return;
    const int firstVisible = block.blockNumber();
    QHash<int, QPair<int, int>> blockSpans; // block number → top, bottom in gutter coordinates
    int lastVisible = firstVisible;
    while (block.isValid()) {
        const QRectF r = blockBoundingGeometry(block).translated(contentOffset());
        if (r.top() > m_gutter->height())
            break;
        if (block.isVisible())
            blockSpans.insert(block.blockNumber(), {int(r.top()), int(r.bottom())});
        lastVisible = block.blockNumber();
        block = block.next();
    }
    const QFontMetrics fm(font());
    const int textLeft = MaxLanes * (LaneWidth + 1) + 6;
    QHash<int, int> labelsAt;
    for (const Mark &m : m_marks) {
        if (m.lastBlock < firstVisible || m.firstBlock > lastVisible)
            continue;
        const int top = blockSpans.contains(m.firstBlock) ? blockSpans.value(m.firstBlock).first : 0;
        const int bottom = blockSpans.contains(m.lastBlock) ? blockSpans.value(m.lastBlock).second : m_gutter->height();
        p.fillRect(QRect(4 + m.lane * (LaneWidth + 1), top + 1, LaneWidth, std::max(bottom - top - 2, 2)), m.color);
        if (!blockSpans.contains(m.firstBlock))
            continue;
        // Names of segments starting on the same line stack downwards.
        const int k = labelsAt[m.firstBlock]++;
        const int y = top + k * fm.height();
        const QRect box(textLeft, y, GutterWidth - textLeft - 4, fm.height());
        p.fillRect(QRect(box.left(), box.top() + 3, 8, fm.height() - 6), m.color);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(box.adjusted(12, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(m.label, Qt::ElideRight, box.width() - 12));
    }
}

std::optional<std::pair<qsizetype, qsizetype>> DocumentView::selectedRange() const
{
    const QTextCursor c = textCursor();
    if (!m_offsets || !c.hasSelection())
        return std::nullopt;
    const qsizetype start = m_offsets->fromUtf16(c.selectionStart());
    const qsizetype end = m_offsets->fromUtf16(c.selectionEnd());
    // Coding takes the words: ". I don't get…" is coded from "I".
    return trimToWords(m_offsets->mid(start, end), start, end);
}

QString DocumentView::selectedStoredText() const
{
    const auto range = selectedRange();
    if (!range)
        return QString();
    return m_offsets->mid(range->first, range->second);
}

void DocumentView::selectRange(qsizetype start, qsizetype end)
{
    if (!m_offsets)
        return;
    QTextCursor c(document());
    c.setPosition(int(m_offsets->toUtf16(start)));
    c.setPosition(int(m_offsets->toUtf16(end)), QTextCursor::KeepAnchor);
    setTextCursor(c);
    ensureCursorVisible();
}

QString DocumentView::textRangeMimeType()
{
    return QStringLiteral("application/x-quire-text-range");
}

QMimeData *DocumentView::createMimeDataFromSelection() const
{
    std::optional<std::pair<qsizetype, qsizetype>> range;
    try {
        range = selectedRange();
    } catch (const Error &) {
        // An end inside a surrogate pair (only possible from code): plain text only.
        return QPlainTextEdit::createMimeDataFromSelection();
    }
    if (!range || !m_documentId || range->first == range->second)
        return QPlainTextEdit::createMimeDataFromSelection();
    // A plain QMimeData: QPlainTextEdit's own lists only its text formats.
    auto *mime = new QMimeData;
    const QString text = m_offsets->mid(range->first, range->second);
    mime->setText(text);
    QJsonObject o;
    o.insert(QStringLiteral("document"), qint64(*m_documentId));
    o.insert(QStringLiteral("start"), qint64(range->first));
    o.insert(QStringLiteral("end"), qint64(range->second));
    o.insert(QStringLiteral("text"), text);
    mime->setData(textRangeMimeType(), QJsonDocument(o).toJson(QJsonDocument::Compact));
    return mime;
}

std::optional<TextRange> DocumentView::textRangeFrom(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(textRangeMimeType()))
        return std::nullopt;
    const QJsonDocument json = QJsonDocument::fromJson(mime->data(textRangeMimeType()));
    if (!json.isObject())
        return std::nullopt;
    const QJsonObject o = json.object();
    for (const char *key : {"document", "start", "end"})
        if (!o.value(QLatin1String(key)).isDouble())
            return std::nullopt;
    if (!o.value(QLatin1String("text")).isString())
        return std::nullopt;
    TextRange r;
    r.documentId = o.value(QLatin1String("document")).toInteger();
    r.start = o.value(QLatin1String("start")).toInteger();
    r.end = o.value(QLatin1String("end")).toInteger();
    r.text = o.value(QLatin1String("text")).toString();
    if (r.documentId <= 0 || r.start < 0 || r.end <= r.start)
        return std::nullopt;
    return r;
}

} // namespace Quire

namespace Quire {

QRect DocumentView::caretRect(qsizetype utf16) const
{
    QTextCursor c(document());
    c.setPosition(int(utf16));
    return cursorRect(c);
}

std::optional<DocumentView::Edge> DocumentView::edgeAt(const QPoint &pos) const
{
    if (m_spans.empty())
        return std::nullopt;
    const int at = cursorForPosition(pos).position();
    for (const Span &s : m_spans) {
        for (const bool start : {true, false}) {
            const int edge = start ? s.from : s.to;
            if (std::abs(edge - at) > 1)
                continue;
            const QRect r = caretRect(edge);
            if (std::abs(pos.x() - r.x()) <= EdgeSlop && pos.y() >= r.top() && pos.y() <= r.bottom())
                return Edge{s.segmentId, start, edge};
        }
    }
    return std::nullopt;
}

void DocumentView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu(event->pos());
    menu->setObjectName(QStringLiteral("documentMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    // The codes of the passage under the pointer (or the caret, from the keyboard).
    const int at = event->reason() == QContextMenuEvent::Keyboard ? textCursor().position()
                                                                  : cursorForPosition(event->pos()).position();
    QList<Id> codes;
    for (const Highlight &h : m_highlights)
        if (h.from <= at && at < h.to && !codes.contains(h.codeId))
            codes << h.codeId;
    if (!codes.isEmpty())
        Q_EMIT codeMenuRequested(menu, codes);
    menu->popup(event->globalPos());
    event->accept();
}

void DocumentView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (const auto edge = edgeAt(event->position().toPoint())) {
            const auto span = std::find_if(m_spans.begin(), m_spans.end(),
                                           [&](const Span &s) { return s.segmentId == edge->segmentId; });
            m_edgeDrag = EdgeDrag{edge->segmentId, edge->start ? span->to : span->from, edge->utf16, edge->utf16};
            event->accept();
            return;
        }
    }
    QPlainTextEdit::mousePressEvent(event);
}

void DocumentView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_edgeDrag) {
        m_edgeDrag->moving = cursorForPosition(event->position().toPoint()).position();
        // The selection previews the new span until the button is released.
        QTextCursor c(document());
        c.setPosition(std::min(m_edgeDrag->fixed, m_edgeDrag->moving));
        c.setPosition(std::max(m_edgeDrag->fixed, m_edgeDrag->moving), QTextCursor::KeepAnchor);
        setTextCursor(c);
        event->accept();
        return;
    }
    if (event->buttons() == Qt::NoButton)
        viewport()->setCursor(edgeAt(event->position().toPoint()) ? Qt::SizeHorCursor : Qt::IBeamCursor);
    QPlainTextEdit::mouseMoveEvent(event);
}

void DocumentView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_edgeDrag && event->button() == Qt::LeftButton) {
        const EdgeDrag drag = *m_edgeDrag;
        m_edgeDrag.reset();
        event->accept();
        const int from = std::min(drag.fixed, drag.moving);
        const int to = std::max(drag.fixed, drag.moving);
        if (drag.moving != drag.original && from < to && m_offsets)
            Q_EMIT segmentResizeRequested(drag.segmentId, m_offsets->fromUtf16(from), m_offsets->fromUtf16(to));
        return;
    }
    QPlainTextEdit::mouseReleaseEvent(event);
}

} // namespace Quire
