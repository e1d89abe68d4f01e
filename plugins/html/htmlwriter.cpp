// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlwriter.h"

#include "report/exportlayout.h"

namespace Quire::Html {

namespace {

QString esc(const QString &s)
{
    QString out;
    out.reserve(s.size() + s.size() / 8);
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '"':
            out += QLatin1String("&quot;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString quoteBody(const QString &text, HtmlFlavour flavour)
{
    if (flavour == HtmlFlavour::Browser)
        return esc(text);
    return esc(text).replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
}

const char *const Style = R"(
body { font-family: "Segoe UI", "DejaVu Sans", "Noto Sans", "Noto Sans CJK SC", sans-serif; margin: 2em auto; max-width: 60em; line-height: 1.4; color: #222; }
h1 { font-size: 1.6em; border-bottom: 1px solid #aaa; }
h2 { font-size: 1.3em; } h3 { font-size: 1.15em; } h4 { font-size: 1em; }
p.note { color: #555; font-size: 0.9em; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #999; padding: 0.25em 0.6em; vertical-align: top; }
th { background: #eee; text-align: left; }
td.num, th.num { text-align: right; }
tr.depth-0 td.name { font-weight: bold; }
blockquote.quote { margin: 0.8em 0 0.8em 2em; padding-left: 0.8em; border-left: 3px solid #bbb; }
p.quote-text { white-space: pre-wrap; margin: 0; }
p.citation { margin: 0.2em 0 0 0; color: #444; }
p.description { font-style: italic; }
p.memo { margin: 0.2em 0 0 0; color: #555; font-size: 0.9em; white-space: pre-wrap; }
span.speaker { font-weight: bold; font-style: normal; }
span.swatch { display: inline-block; width: 0.9em; height: 0.9em; border: 1px solid #666; vertical-align: middle; }
)";

} // namespace

QString reportHtml(const ThemeReport &report, HtmlFlavour flavour)
{
    checkLayout(report);
    const bool rich = flavour == HtmlFlavour::RichText;
    QString h;
    h += QStringLiteral(
             "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n"
             "<meta charset=\"utf-8\"/>\n<title>%1</title>\n<style>")
             .arg(esc(report.projectName));
    h += QString::fromUtf8(Style);
    h += QStringLiteral("</style>\n</head>\n<body>\n");
    const auto para = [&h](const QString &cls, const QString &text) {
        h += QStringLiteral("<p class=\"%1\">%2</p>\n").arg(cls, esc(text));
    };
    if (layoutHasTable(report)) {
        const LayoutTable t = layoutTable(report);
        h += QStringLiteral("<h1>%1</h1>\n").arg(esc(t.title));
        para(QStringLiteral("note"), reportSummary(report));
        for (const auto &n : report.notes)
            para(QStringLiteral("note"), n);
        // QTextDocument (the PDF) sizes columns by their shortest words unless told:
        // the page's width, and the name column the largest share of it.
        h += rich ? QStringLiteral("<table width=\"100%\">\n<thead>\n<tr>") : QStringLiteral("<table>\n<thead>\n<tr>");
        for (qsizetype c = 0; c < t.header.size(); ++c)
            h += QStringLiteral("<th%1%3>%2</th>")
                     .arg(t.numeric[std::size_t(c)] ? QStringLiteral(" class=\"num\"") : QString(), esc(t.header[c]),
                          rich && c == 0 ? QStringLiteral(" width=\"%1%\"").arg(t.header.size() > 4 ? 30 : 45)
                                         : QString());
        h += QStringLiteral("</tr>\n</thead>\n<tbody>\n");
        const bool codebook = report.layout == QLatin1String("codebook");
        for (const auto &row : t.rows) {
            h += QStringLiteral("<tr class=\"depth-%1\">").arg(row.depth);
            for (qsizetype c = 0; c < row.cells.size(); ++c) {
                QString cls =
                    c == 0 ? QStringLiteral("name") : (t.numeric[std::size_t(c)] ? QStringLiteral("num") : QString());
                QString attrs = cls.isEmpty() ? QString() : QStringLiteral(" class=\"%1\"").arg(cls);
                // QTextDocument draws no border around a cell with a style of its own
                // unless that style names the border too.
                if (c == 0)
                    attrs += QStringLiteral(" style=\"padding-left: %1em%2\"")
                                 .arg(0.6 + 1.5 * row.depth)
                                 .arg(rich ? QStringLiteral("; border: 1px solid #999") : QString());
                QString content = esc(row.cells[c]);
                if (c == 0 && rich && row.depth == 0)
                    content = QStringLiteral("<b>%1</b>").arg(content); // QTextDocument ignores the row selector
                if (codebook && c == 2 && !row.cells[c].isEmpty() && !rich)
                    content = QStringLiteral("<span class=\"swatch\" style=\"background: %1\"></span> %1").arg(content);
                h += QStringLiteral("<td%1>%2</td>").arg(attrs, content);
            }
            h += QStringLiteral("</tr>\n");
        }
        h += QStringLiteral("</tbody>\n</table>\n");
    }
    if (layoutHasQuotes(report)) {
        h += QStringLiteral("<h1>Quotes</h1>\n");
        if (!layoutHasTable(report)) {
            para(QStringLiteral("note"), reportSummary(report));
            for (const auto &n : report.notes)
                para(QStringLiteral("note"), n);
        }
        for (std::size_t i = 0; i < report.rows.size(); ++i) {
            const auto &row = report.rows[i];
            const int level = quoteHeadingLevel(row);
            h += QStringLiteral("<h%1>%2</h%1>\n").arg(level).arg(esc(quoteHeading(row)));
            if (!row.description.isEmpty())
                para(QStringLiteral("description"), row.description);
            for (const auto &q : report.quotes[i]) {
                const QString speaker = q.speaker.isEmpty()
                                            ? QString()
                                            : QStringLiteral("<span class=\"speaker\">%1: </span>").arg(esc(q.speaker));
                h += QStringLiteral(
                         "<blockquote class=\"quote%1\" data-segment=\"%2\">\n<p class=\"quote-text\">%3</p>\n"
                         "<p class=\"citation\">%4</p>\n")
                         .arg(q.edited ? QStringLiteral(" edited") : QString())
                         .arg(q.segmentId)
                         .arg(speaker + quoteBody(q.text, flavour), esc(quoteCitationLine(q)));
                if (report.showMemos && !q.memo.isEmpty())
                    h += QStringLiteral("<p class=\"memo\">%1</p>\n").arg(quoteBody(q.memo, flavour));
                h += QStringLiteral("</blockquote>\n");
            }
        }
    }
    h += QStringLiteral("</body>\n</html>\n");
    return h;
}

} // namespace Quire::Html
