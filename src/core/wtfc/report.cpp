// SPDX-License-Identifier: GPL-3.0-or-later
#include "wtfc/report.h"

#include "formats/zipwriter.h"

#include <QHash>
#include <QSet>
#include <QXmlStreamWriter>

#include <algorithm>

namespace Quire::Wtfc {

namespace {

/// The report's structure once; Markdown and HTML differ only in how a piece is written.
class Writer
{
public:
    virtual ~Writer() = default;
    virtual void heading(int level, const QString &text) = 0;
    virtual void paragraph(const QString &text) = 0;
    virtual void list(const QStringList &items) = 0;
    virtual void table(const QStringList &header, const QList<QStringList> &rows) = 0;
    virtual void picture() = 0;
    virtual QString finish() = 0;
};

QString mdEscape(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        if (QStringLiteral("\\`*_[]<>|#").contains(c))
            out += QLatin1Char('\\');
        if (c == QLatin1Char('\n'))
            out += QStringLiteral("<br>");
        else
            out += c;
    }
    return out;
}

class MarkdownWriter : public Writer
{
public:
    explicit MarkdownWriter(const ReportOptions &o)
        : m_options(o)
    {
    }
    void heading(int level, const QString &text) override { m_out += QString(level, QLatin1Char('#')) + QLatin1Char(' ') + mdEscape(text) + QStringLiteral("\n\n"); }
    void paragraph(const QString &text) override { m_out += mdEscape(text) + QStringLiteral("\n\n"); }
    void list(const QStringList &items) override
    {
        for (const QString &i : items)
            m_out += QStringLiteral("- ") + mdEscape(i) + QLatin1Char('\n');
        m_out += QLatin1Char('\n');
    }
    void table(const QStringList &header, const QList<QStringList> &rows) override
    {
        auto row = [&](const QStringList &cells) {
            QStringList esc;
            for (const QString &c : cells)
                esc << mdEscape(c);
            m_out += QStringLiteral("| ") + esc.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
        };
        row(header);
        m_out += QStringLiteral("|") + QStringLiteral("---|").repeated(header.size()) + QLatin1Char('\n');
        for (const QStringList &r : rows)
            row(r);
        m_out += QLatin1Char('\n');
    }
    void picture() override
    {
        if (m_options.svgLink.isEmpty())
            m_out += QStringLiteral("(No picture: this export was made without Graphviz; see the .dot export.)\n\n");
        else
            m_out += QStringLiteral("![The root-cause graph](%1)\n\n").arg(m_options.svgLink);
    }
    QString finish() override { return m_out; }

private:
    const ReportOptions &m_options;
    QString m_out;
};

class HtmlWriter : public Writer
{
public:
    explicit HtmlWriter(const ReportOptions &o)
        : m_options(o)
    {
        m_out = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                               "<title>Working Together for Change: workshop report</title>\n<style>\n"
                               "body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}\n"
                               "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:.3em .5em;vertical-align:top}\n"
                               "th{background:#eee}.graph svg{max-width:100%;height:auto}\n"
                               "</style>\n</head>\n<body>\n");
    }
    static QString esc(const QString &s) { return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")); }
    void heading(int level, const QString &text) override { m_out += QStringLiteral("<h%1>%2</h%1>\n").arg(level).arg(esc(text)); }
    void paragraph(const QString &text) override { m_out += QStringLiteral("<p>%1</p>\n").arg(esc(text)); }
    void list(const QStringList &items) override
    {
        m_out += QStringLiteral("<ul>\n");
        for (const QString &i : items)
            m_out += QStringLiteral("<li>%1</li>\n").arg(esc(i));
        m_out += QStringLiteral("</ul>\n");
    }
    void table(const QStringList &header, const QList<QStringList> &rows) override
    {
        m_out += QStringLiteral("<table>\n<tr>");
        for (const QString &h : header)
            m_out += QStringLiteral("<th>%1</th>").arg(esc(h));
        m_out += QStringLiteral("</tr>\n");
        for (const QStringList &r : rows) {
            m_out += QStringLiteral("<tr>");
            for (const QString &c : r)
                m_out += QStringLiteral("<td>%1</td>").arg(esc(c));
            m_out += QStringLiteral("</tr>\n");
        }
        m_out += QStringLiteral("</table>\n");
    }
    void picture() override
    {
        if (!m_options.pictureName.isEmpty()) {
            m_out += QStringLiteral("<p><img src=\"%1\" width=\"%2\" alt=\"The root-cause graph\"></p>\n")
                         .arg(m_options.pictureName.toHtmlEscaped())
                         .arg(m_options.pictureWidth);
            return;
        }
        const qsizetype start = m_options.svg.indexOf("<svg");
        if (start < 0) {
            m_out += QStringLiteral("<p>(No picture: this export was made without Graphviz; see the .dot export.)</p>\n");
            return;
        }
        m_out += QStringLiteral("<div class=\"graph\">\n") + QString::fromUtf8(m_options.svg.mid(start)) + QStringLiteral("\n</div>\n");
    }
    QString finish() override { return m_out + QStringLiteral("</body>\n</html>\n"); }

private:
    const ReportOptions &m_options;
    QString m_out;
};

/// WordprocessingML: headings use the built-in style ids Heading1…4 (defined
/// in styles.xml below), tables have single borders. The graph picture is a
/// PNG (word/media/graph.png, relationship rId2) scaled into the text width;
/// without one the report points to the .svg.
class DocxWriter : public Writer
{
public:
    explicit DocxWriter(const ReportOptions &o)
        : m_options(o)
        , m_xml(&m_body)
    {
    }
    static constexpr const char *PictureRelation = "rId2";
    void heading(int level, const QString &text) override { para(text, QStringLiteral("Heading%1").arg(level)); }
    void paragraph(const QString &text) override { para(text, QString()); }
    void list(const QStringList &items) override
    {
        for (const QString &i : items)
            para(QStringLiteral("\u2022 ") + i, QString());
    }
    void table(const QStringList &header, const QList<QStringList> &rows) override
    {
        const QString w = QStringLiteral("w:");
        m_xml.writeStartElement(w + QStringLiteral("tbl"));
        m_xml.writeStartElement(w + QStringLiteral("tblPr"));
        m_xml.writeStartElement(w + QStringLiteral("tblBorders"));
        for (const char *side : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
            m_xml.writeEmptyElement(w + QString::fromLatin1(side));
            m_xml.writeAttribute(w + QStringLiteral("val"), QStringLiteral("single"));
            m_xml.writeAttribute(w + QStringLiteral("sz"), QStringLiteral("4"));
        }
        m_xml.writeEndElement();
        m_xml.writeEndElement();
        auto row = [&](const QStringList &cells, bool bold) {
            m_xml.writeStartElement(w + QStringLiteral("tr"));
            for (const QString &c : cells) {
                m_xml.writeStartElement(w + QStringLiteral("tc"));
                para(c, QString(), bold);
                m_xml.writeEndElement();
            }
            m_xml.writeEndElement();
        };
        row(header, true);
        for (const QStringList &r : rows)
            row(r, false);
        m_xml.writeEndElement();
        para(QString(), QString());
    }
    void picture() override
    {
        if (m_options.png.isEmpty() || m_options.pngWidth <= 0 || m_options.pngHeight <= 0) {
            paragraph(QStringLiteral("(The graph picture is in the .svg export of the graph.)"));
            return;
        }
        // Into the text block (A4 less 1-inch margins: 9026 × 13958 twips;
        // 635 EMU a twip), never above its own size at 150 dpi.
        constexpr double EmuPerTwip = 635, EmuPerPixel = 914400.0 / 150;
        const double scale = std::min({9026 * EmuPerTwip / m_options.pngWidth, 12000 * EmuPerTwip / m_options.pngHeight, EmuPerPixel});
        const auto cx = qint64(m_options.pngWidth * scale);
        const auto cy = qint64(m_options.pngHeight * scale);
        auto extent = [&](const QString &element) {
            m_xml.writeEmptyElement(element);
            m_xml.writeAttribute(QStringLiteral("cx"), QString::number(cx));
            m_xml.writeAttribute(QStringLiteral("cy"), QString::number(cy));
        };
        const QString w = QStringLiteral("w:");
        m_xml.writeStartElement(w + QStringLiteral("p"));
        m_xml.writeStartElement(w + QStringLiteral("r"));
        m_xml.writeStartElement(w + QStringLiteral("drawing"));
        m_xml.writeStartElement(QStringLiteral("wp:inline"));
        extent(QStringLiteral("wp:extent"));
        m_xml.writeEmptyElement(QStringLiteral("wp:docPr"));
        m_xml.writeAttribute(QStringLiteral("id"), QStringLiteral("1"));
        m_xml.writeAttribute(QStringLiteral("name"), QStringLiteral("Root-cause graph"));
        m_xml.writeAttribute(QStringLiteral("descr"), QStringLiteral("The root-cause graph: each arrow points from a cause to what it causes"));
        m_xml.writeStartElement(QStringLiteral("a:graphic"));
        m_xml.writeStartElement(QStringLiteral("a:graphicData"));
        m_xml.writeAttribute(QStringLiteral("uri"), QStringLiteral("http://schemas.openxmlformats.org/drawingml/2006/picture"));
        m_xml.writeStartElement(QStringLiteral("pic:pic"));
        m_xml.writeStartElement(QStringLiteral("pic:nvPicPr"));
        m_xml.writeEmptyElement(QStringLiteral("pic:cNvPr"));
        m_xml.writeAttribute(QStringLiteral("id"), QStringLiteral("1"));
        m_xml.writeAttribute(QStringLiteral("name"), QStringLiteral("graph.png"));
        m_xml.writeEmptyElement(QStringLiteral("pic:cNvPicPr"));
        m_xml.writeEndElement(); // nvPicPr
        m_xml.writeStartElement(QStringLiteral("pic:blipFill"));
        m_xml.writeEmptyElement(QStringLiteral("a:blip"));
        m_xml.writeAttribute(QStringLiteral("r:embed"), QString::fromLatin1(PictureRelation));
        m_xml.writeStartElement(QStringLiteral("a:stretch"));
        m_xml.writeEmptyElement(QStringLiteral("a:fillRect"));
        m_xml.writeEndElement(); // stretch
        m_xml.writeEndElement(); // blipFill
        m_xml.writeStartElement(QStringLiteral("pic:spPr"));
        m_xml.writeStartElement(QStringLiteral("a:xfrm"));
        m_xml.writeEmptyElement(QStringLiteral("a:off"));
        m_xml.writeAttribute(QStringLiteral("x"), QStringLiteral("0"));
        m_xml.writeAttribute(QStringLiteral("y"), QStringLiteral("0"));
        extent(QStringLiteral("a:ext"));
        m_xml.writeEndElement(); // xfrm
        m_xml.writeStartElement(QStringLiteral("a:prstGeom"));
        m_xml.writeAttribute(QStringLiteral("prst"), QStringLiteral("rect"));
        m_xml.writeEmptyElement(QStringLiteral("a:avLst"));
        m_xml.writeEndElement(); // prstGeom
        m_xml.writeEndElement(); // spPr
        m_xml.writeEndElement(); // pic
        m_xml.writeEndElement(); // graphicData
        m_xml.writeEndElement(); // graphic
        m_xml.writeEndElement(); // inline
        m_xml.writeEndElement(); // drawing
        m_xml.writeEndElement(); // r
        m_xml.writeEndElement(); // p
        m_hasPicture = true;
    }
    QString finish() override { return QString(); }
    bool hasPicture() const { return m_hasPicture; }

    QByteArray document()
    {
        QByteArray doc = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
                         "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
                         "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                         "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>";
        doc += m_body;
        doc += "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
               "<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/>"
               "</w:sectPr></w:body></w:document>";
        return doc;
    }

private:
    void para(const QString &text, const QString &style, bool bold = false)
    {
        const QString w = QStringLiteral("w:");
        m_xml.writeStartElement(w + QStringLiteral("p"));
        if (!style.isEmpty()) {
            m_xml.writeStartElement(w + QStringLiteral("pPr"));
            m_xml.writeEmptyElement(w + QStringLiteral("pStyle"));
            m_xml.writeAttribute(w + QStringLiteral("val"), style);
            m_xml.writeEndElement();
        }
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            m_xml.writeStartElement(w + QStringLiteral("r"));
            if (bold) {
                m_xml.writeStartElement(w + QStringLiteral("rPr"));
                m_xml.writeEmptyElement(w + QStringLiteral("b"));
                m_xml.writeEndElement();
            }
            if (i > 0)
                m_xml.writeEmptyElement(w + QStringLiteral("br"));
            m_xml.writeStartElement(w + QStringLiteral("t"));
            m_xml.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
            m_xml.writeCharacters(lines[i]);
            m_xml.writeEndElement();
            m_xml.writeEndElement();
        }
        m_xml.writeEndElement();
    }

    const ReportOptions &m_options;
    QByteArray m_body;
    QXmlStreamWriter m_xml;
    bool m_hasPicture = false;
};

QString quote(const Snapshot &s, Id statementId)
{
    const PcrStatement *st = s.statement(statementId);
    if (!st)
        return QString();
    QStringList who;
    for (Id p : st->people)
        who << s.personName(p);
    return QStringLiteral("\u201C%1\u201D (%2)").arg(st->text, who.isEmpty() ? st->name : who.join(QStringLiteral(", ")));
}

QString nodeText(const Snapshot &s, Id id)
{
    const Node *n = s.node(id);
    return n ? n->text : QString();
}

QString chainText(const Snapshot &s, const Chain &c)
{
    QStringList parts;
    for (Id n : c.nodes)
        parts << nodeText(s, n);
    return parts.join(QStringLiteral(" \u2192 "));
}

QString voteText(const Snapshot &s, const ItemRef &item)
{
    int dots = 0, stars = 0;
    for (const Vote &v : s.votes) {
        if (v.target == item)
            (v.kind == QLatin1String("star") ? stars : dots) += v.count;
    }
    if (stars == 0)
        return QStringLiteral("%1 dot(s)").arg(dots);
    return QStringLiteral("%1 dot(s), %2 star(s)").arg(dots).arg(stars);
}

void write(Writer &w, const Snapshot &s, const Analysis &a, const ReportOptions &o)
{
    const Template &t = s.workshopTemplate;
    w.heading(1, QStringLiteral("Working Together for Change: workshop report"));
    int themed = 0;
    for (const PcrStatement &st : s.statements)
        themed += st.themeId ? 1 : 0;
    w.paragraph(QStringLiteral("%1 statements from %2 people; %3 themed into %4 themes; %5 I statements; %6 causes (%7 root causes); "
                               "%8 solutions; %9 actions.")
                    .arg(s.statements.size())
                    .arg(s.people.size())
                    .arg(themed)
                    .arg(s.themes.size())
                    .arg(std::count_if(s.nodes.begin(), s.nodes.end(), [](const Node &n) { return n.kind == ItemKind::IStatement; }))
                    .arg(a.causes.size())
                    .arg(a.rootCauses.size())
                    .arg(s.solutions.size())
                    .arg(s.actions.size()));

    // 1. Themes per area.
    w.heading(2, QStringLiteral("Themes"));
    for (const QString &area : t.areas) {
        std::vector<const Theme *> themes;
        for (const Theme &th : s.themes) {
            if (th.area == area)
                themes.push_back(&th);
        }
        if (themes.empty())
            continue;
        std::stable_sort(themes.begin(), themes.end(), [&](const Theme *x, const Theme *y) {
            return s.votesFor({ItemKind::Theme, x->id}) > s.votesFor({ItemKind::Theme, y->id});
        });
        w.heading(3, area);
        QList<QStringList> rows;
        for (const Theme *th : themes) {
            QSet<Id> people;
            for (Id st : th->statements)
                if (const PcrStatement *x = s.statement(st))
                    for (Id p : x->people)
                        people.insert(p);
            rows << QStringList{th->name, voteText(s, {ItemKind::Theme, th->id}), QString::number(th->statements.size()),
                                QString::number(people.size())};
        }
        w.table({QStringLiteral("Theme"), QStringLiteral("Votes"), QStringLiteral("Statements"), QStringLiteral("People")}, rows);
        for (const Theme *th : themes) {
            if (th->statements.empty())
                continue;
            w.heading(4, th->name);
            // Sample: the most voted statements first, then in order.
            std::vector<Id> sample = th->statements;
            std::stable_sort(sample.begin(), sample.end(), [&](Id x, Id y) {
                return s.votesFor({ItemKind::Statement, x}) > s.votesFor({ItemKind::Statement, y});
            });
            QStringList items;
            for (std::size_t i = 0; i < sample.size() && int(i) < o.sampleStatements; ++i)
                items << quote(s, sample[i]);
            w.list(items);
        }
    }

    // 2. I statements.
    w.heading(2, QStringLiteral("I statements"));
    {
        QList<QStringList> rows;
        for (const Node &n : s.nodes) {
            if (n.kind != ItemKind::IStatement)
                continue;
            const Theme *th = n.themeId ? s.theme(*n.themeId) : nullptr;
            rows << QStringList{n.text, th ? th->name : QString(), voteText(s, {ItemKind::IStatement, n.id}),
                                QString::number(statementsOf(s, n).size())};
        }
        w.table({QStringLiteral("I statement"), QStringLiteral("Theme"), QStringLiteral("Votes"), QStringLiteral("Statements")}, rows);
    }

    // 3. The graph.
    w.heading(2, QStringLiteral("Root causes"));
    w.picture();
    {
        QList<QStringList> rows;
        for (const CauseReach &r : a.causes) {
            if (!r.root)
                continue;
            rows << QStringList{QString::number(r.rank), nodeText(s, r.cause), QString::number(r.peopleCount),
                                QString::number(r.istatementCount), QString::number(r.statementCount), QString::number(r.votes)};
        }
        w.paragraph(QStringLiteral("Root causes ranked by the distinct people they explain, then I statements, statements and votes; "
                                   "equal causes share a rank."));
        w.table({QStringLiteral("Rank"), QStringLiteral("Root cause"), QStringLiteral("People"), QStringLiteral("I statements"),
                 QStringLiteral("Statements"), QStringLiteral("Votes")},
                rows);
        QStringList shared;
        for (Id c : a.sharedCauses)
            shared << QStringLiteral("%1 (%2 I statements)").arg(nodeText(s, c)).arg(a.reach(c)->istatementCount);
        w.heading(3, QStringLiteral("Causes shared by several I statements"));
        w.list(shared.isEmpty() ? QStringList{QStringLiteral("none")} : shared);
        w.heading(3, QStringLiteral("Longest chains"));
        QStringList chains;
        for (const Chain &c : a.longestChains) {
            if (c.length() == a.maxChainLength && c.length() > 0)
                chains << QStringLiteral("%1 (%2 whys)").arg(chainText(s, c)).arg(c.length());
        }
        w.list(chains.isEmpty() ? QStringList{QStringLiteral("none")} : chains);
        QStringList cut;
        for (Id c : a.articulationPoints)
            cut << nodeText(s, c);
        w.heading(3, QStringLiteral("Causes that hold the picture together"));
        w.paragraph(QStringLiteral("Removing one of these would split the graph in two."));
        w.list(cut.isEmpty() ? QStringList{QStringLiteral("none")} : cut);
    }

    // 4. Success statements by perspective.
    w.heading(2, QStringLiteral("What success looks like"));
    for (const QString &p : t.perspectives) {
        QList<QStringList> rows;
        for (const SuccessStatement &x : s.success) {
            if (x.perspective == p)
                rows << QStringList{nodeText(s, x.causeId), x.text};
        }
        if (rows.isEmpty())
            continue;
        w.heading(3, p);
        w.table({QStringLiteral("Root cause"), QStringLiteral("Success")}, rows);
    }

    // 5. Solutions by kind.
    w.heading(2, QStringLiteral("Solutions"));
    for (const QString &k : t.solutionKinds) {
        QList<QStringList> rows;
        for (const Solution &x : s.solutions) {
            if (x.kind == k)
                rows << QStringList{x.text, nodeText(s, x.causeId), voteText(s, {ItemKind::Solution, x.id})};
        }
        if (rows.isEmpty())
            continue;
        w.heading(3, k);
        w.table({QStringLiteral("Solution"), QStringLiteral("Root cause"), QStringLiteral("Votes")}, rows);
    }

    // 6. The grid.
    w.heading(2, QStringLiteral("Investment grid"));
    {
        QStringList cells[4];
        QStringList unplaced;
        for (const Solution &x : s.solutions) {
            const auto q = s.quadrantOf(x);
            QString label = x.text;
            if (x.x && x.y)
                label += QStringLiteral(" (%1 %2, %3 %4)").arg(t.xAxis).arg(*x.x).arg(t.yAxis).arg(*x.y);
            if (q)
                cells[*q] << label;
            else
                unplaced << x.text;
        }
        auto cell = [&](int q) { return QStringLiteral("%1: %2").arg(t.quadrants.value(q), cells[q].isEmpty() ? QStringLiteral("none") : cells[q].join(QStringLiteral("; "))); };
        w.paragraph(QStringLiteral("Across: %1 (low to high). Down: %2 (high, then low). A score of 5 or more counts as high.").arg(t.xAxis, t.yAxis));
        w.table({QString(), QStringLiteral("low %1").arg(t.xAxis), QStringLiteral("high %1").arg(t.xAxis)},
                {{QStringLiteral("high %1").arg(t.yAxis), cell(0), cell(1)}, {QStringLiteral("low %1").arg(t.yAxis), cell(2), cell(3)}});
        if (!unplaced.isEmpty()) {
            w.paragraph(QStringLiteral("Not yet placed:"));
            w.list(unplaced);
        }
    }

    // 7. Action plan.
    w.heading(2, QStringLiteral("Action plan"));
    {
        QList<QStringList> rows;
        for (const Action &x : s.actions) {
            const Solution *so = s.solution(x.solutionId);
            rows << QStringList{QString::number(x.id), x.text, x.owner, x.due, x.status, so ? so->text : QString(),
                                so ? nodeText(s, so->causeId) : QString()};
        }
        w.table({QStringLiteral("#"), QStringLiteral("Action"), QStringLiteral("Who"), QStringLiteral("By when"), QStringLiteral("Status"),
                 QStringLiteral("Solution"), QStringLiteral("Root cause")},
                rows);
    }

    // Appendix: every action back to the people's own words.
    w.heading(2, QStringLiteral("Appendix: from each action back to the people's words"));
    for (const Action &x : s.actions) {
        const Trace tr = traceBack(s, {ItemKind::Action, x.id});
        w.heading(3, QStringLiteral("Action %1: %2").arg(x.id).arg(x.text));
        QStringList items;
        for (Id so : tr.solutions)
            items << QStringLiteral("Solution: %1").arg(s.solution(so)->text);
        for (const Chain &c : tr.chains)
            items << QStringLiteral("Why: %1").arg(chainText(s, c));
        for (Id th : tr.themes)
            items << QStringLiteral("Theme: %1 (%2)").arg(s.theme(th)->name, s.theme(th)->area);
        items << QStringLiteral("%1 statements from %2 people").arg(tr.statements.size()).arg(tr.people.size());
        w.list(items);
        QStringList quotes;
        for (Id st : tr.statements)
            quotes << quote(s, st);
        w.list(quotes);
    }
}

} // namespace

QString reportMarkdown(const Snapshot &workshop, const Analysis &analysis, const ReportOptions &options)
{
    MarkdownWriter w(options);
    write(w, workshop, analysis, options);
    return w.finish();
}

QString reportHtml(const Snapshot &workshop, const Analysis &analysis, const ReportOptions &options)
{
    HtmlWriter w(options);
    write(w, workshop, analysis, options);
    return w.finish();
}

} // namespace Quire::Wtfc

namespace Quire::Wtfc {

QByteArray reportDocx(const Snapshot &workshop, const Analysis &analysis, const ReportOptions &options, const QString &fileName)
{
    DocxWriter w(options);
    write(w, workshop, analysis, options);
    QByteArray styles = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                        "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>";
    const int sizes[] = {36, 30, 26, 24};
    for (int level = 1; level <= 4; ++level)
        styles += QStringLiteral("<w:style w:type=\"paragraph\" w:styleId=\"Heading%1\"><w:name w:val=\"heading %1\"/>"
                                 "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"%2\"/></w:pPr>"
                                 "<w:rPr><w:b/><w:sz w:val=\"%3\"/></w:rPr></w:style>")
                      .arg(level)
                      .arg(level - 1)
                      .arg(sizes[level - 1])
                      .toUtf8();
    styles += "</w:styles>";
    ZipWriter zip(fileName);
    zip.add(QStringLiteral("[Content_Types].xml"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            "<Default Extension=\"png\" ContentType=\"image/png\"/>"
            "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
            "</Types>");
    zip.add(QStringLiteral("_rels/.rels"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
            "</Relationships>");
    zip.add(QStringLiteral("word/_rels/document.xml.rels"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            + (w.hasPicture() ? QByteArray("<Relationship Id=\"") + DocxWriter::PictureRelation
                                    + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/graph.png\"/>"
                              : QByteArray())
            + "</Relationships>");
    zip.add(QStringLiteral("word/document.xml"), w.document());
    zip.add(QStringLiteral("word/styles.xml"), styles);
    if (w.hasPicture())
        zip.add(QStringLiteral("word/media/graph.png"), options.png);
    return zip.finish();
}

} // namespace Quire::Wtfc
