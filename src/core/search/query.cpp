// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/query.h"

#include "error.h"
#include "index/analyzer.h"
#include "text/textoffsets.h"

#include <QRegularExpression>

namespace Quire {

namespace {

struct Token
{
    enum Kind { End, LParen, RParen, Comma, Word, Phrase, And, Or, Not, Near, Filter } kind = End;
    QString text;
    bool prefix = false;
    qsizetype at = 0; ///< UTF-16 index in the query
    QueryFilter filter;
};

[[noreturn]] void fail(const QString &message)
{
    throw Error(QStringLiteral("query: ") + message);
}

class Lexer
{
public:
    explicit Lexer(const QString &query)
        : m_q(query)
        , m_offsets(query)
    {}

    /// 1-based column, in code points, of UTF-16 index `at`.
    qsizetype column(qsizetype at) const { return m_offsets.fromUtf16(at) + 1; }

    std::vector<Token> tokens()
    {
        std::vector<Token> out;
        qsizetype i = 0;
        const qsizetype n = m_q.size();
        while (true) {
            while (i < n && m_q[i].isSpace())
                ++i;
            Token t;
            t.at = i;
            if (i >= n) {
                out.push_back(t);
                return out;
            }
            const QChar c = m_q[i];
            if (c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char(',')) {
                t.kind = c == QLatin1Char('(') ? Token::LParen : c == QLatin1Char(')') ? Token::RParen : Token::Comma;
                ++i;
            } else if (c == QLatin1Char('"')) {
                t.kind = Token::Phrase;
                t.text = quoted(i);
                t.prefix = star(i);
            } else if (c == QLatin1Char('*')) {
                fail(QStringLiteral("\"*\" at column %1 must follow a word or phrase, as in listen*").arg(column(i)));
            } else if (const qsizetype keyEnd = filterKeyEnd(i); keyEnd > 0) {
                t.kind = Token::Filter;
                t.filter.key = m_q.mid(i, keyEnd - i);
                t.filter.column = column(i);
                i = keyEnd + 1; // past ':'
                t.filter.values = filterValues(i, t);
            } else {
                const qsizetype start = i;
                while (i < n && !m_q[i].isSpace() && !QStringLiteral("()\",*").contains(m_q[i]))
                    ++i;
                t.text = m_q.mid(start, i - start);
                t.prefix = star(i);
                t.kind = Token::Word;
                if (!t.prefix) {
                    if (t.text == QLatin1String("AND"))
                        t.kind = Token::And;
                    else if (t.text == QLatin1String("OR"))
                        t.kind = Token::Or;
                    else if (t.text == QLatin1String("NOT"))
                        t.kind = Token::Not;
                    else if (t.text == QLatin1String("NEAR"))
                        t.kind = Token::Near;
                }
            }
            out.push_back(t);
        }
    }

private:
    /// Reads "…" starting at the quote at `i`; leaves `i` after the closing quote.
    QString quoted(qsizetype &i)
    {
        const qsizetype open = i;
        const qsizetype close = m_q.indexOf(QLatin1Char('"'), open + 1);
        if (close < 0)
            fail(QStringLiteral("unbalanced quote at column %1: the phrase that starts there has no closing \"")
                     .arg(column(open)));
        i = close + 1;
        return m_q.mid(open + 1, close - open - 1);
    }

    /// A '*' right after a word or phrase makes it a prefix.
    bool star(qsizetype &i)
    {
        if (i >= m_q.size() || m_q[i] != QLatin1Char('*'))
            return false;
        ++i;
        if (i < m_q.size() && !m_q[i].isSpace() && m_q[i] != QLatin1Char(')') && m_q[i] != QLatin1Char(','))
            fail(QStringLiteral("\"*\" at column %1 must end a word, as in listen*").arg(column(i - 1)));
        return true;
    }

    /// If a filter key ("code:", "group:") starts at `i`, the index of its ':'.
    qsizetype filterKeyEnd(qsizetype i) const
    {
        static const QRegularExpression key(QStringLiteral("\\G\\p{L}[\\p{L}\\p{N}_.-]*:"));
        const auto m =
            key.match(m_q, i, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        return m.hasMatch() ? m.capturedEnd() - 1 : -1;
    }

    QStringList filterValues(qsizetype &i, const Token &t)
    {
        QStringList values;
        while (true) {
            QString v;
            if (i < m_q.size() && m_q[i] == QLatin1Char('"')) {
                v = quoted(i);
            } else {
                const qsizetype start = i;
                while (i < m_q.size() && !m_q[i].isSpace() && m_q[i] != QLatin1Char(')') &&
                       m_q[i] != QLatin1Char('(') && m_q[i] != QLatin1Char('|') && m_q[i] != QLatin1Char('"'))
                    ++i;
                v = m_q.mid(start, i - start);
            }
            if (v.trimmed().isEmpty())
                fail(QStringLiteral("the filter %1: at column %2 needs a value, as in %1:\"value\"")
                         .arg(t.filter.key)
                         .arg(t.filter.column));
            values << v;
            if (i < m_q.size() && m_q[i] == QLatin1Char('|')) {
                ++i;
                continue;
            }
            return values;
        }
    }

    const QString &m_q;
    TextOffsets m_offsets;
};

struct Node
{
    enum Kind { Term, And, Or, Near, Filter } kind = Term;
    QString text;
    bool prefix = false;
    qsizetype at = 0;
    std::vector<Node> children;  ///< And: positive operands; Or: branches; Near: terms
    std::vector<Node> negatives; ///< And: NOT operands
    int distance = 10;           ///< Near
    QueryFilter filter;
};

class Parser
{
public:
    Parser(const QString &query, Analyzer &analyzer)
        : m_lexer(query)
        , m_tokens(m_lexer.tokens())
        , m_analyzer(analyzer)
    {}

    ParsedQuery parse()
    {
        if (peek().kind == Token::End)
            fail(QStringLiteral("the query is empty; give a word, a \"phrase\" or a filter"));
        Node top = parseOr();
        if (peek().kind == Token::RParen)
            fail(QStringLiteral("unbalanced parenthesis at column %1: there is no \"(\" for this \")\" to close")
                     .arg(col(peek())));
        ParsedQuery out;
        Node *and_ = nullptr;
        if (top.kind == Node::And)
            and_ = &top;
        if (and_) {
            // Filters are allowed as operands of the top-level AND only.
            std::vector<Node> positives, negatives;
            for (Node &n : and_->children) {
                if (n.kind == Node::Filter)
                    out.filters.push_back(n.filter);
                else
                    positives.push_back(std::move(n));
            }
            for (Node &n : and_->negatives) {
                if (n.kind == Node::Filter) {
                    n.filter.negated = true;
                    out.filters.push_back(n.filter);
                } else {
                    negatives.push_back(std::move(n));
                }
            }
            if (positives.empty()) {
                if (!negatives.empty())
                    fail(QStringLiteral("NOT at column %1 has nothing to exclude from; put a word or phrase before it")
                             .arg(m_firstNot));
                fail(QStringLiteral(
                    "give at least one word or phrase to search for; filters only narrow a search down"));
            }
            and_->children = std::move(positives);
            and_->negatives = std::move(negatives);
        } else if (top.kind == Node::Filter) {
            fail(QStringLiteral("give at least one word or phrase to search for; filters only narrow a search down"));
        }
        rejectNestedFilters(top);
        out.match = toMatch(top, false, out.excluding);
        return out;
    }

private:
    const Token &peek() const { return m_tokens[m_pos]; }
    const Token &take() { return m_tokens[m_pos++]; }
    qsizetype col(const Token &t) const { return m_lexer.column(t.at); }
    qsizetype col(qsizetype at) const { return m_lexer.column(at); }

    static bool endsOperand(Token::Kind k)
    {
        return k == Token::End || k == Token::RParen || k == Token::Or || k == Token::Comma;
    }

    Node parseOr()
    {
        Node first = parseAnd();
        if (peek().kind != Token::Or)
            return first;
        Node n;
        n.kind = Node::Or;
        n.at = first.at;
        n.children.push_back(std::move(first));
        while (peek().kind == Token::Or) {
            const Token &op = take();
            if (endsOperand(peek().kind) || peek().kind == Token::And)
                fail(QStringLiteral("OR at column %1 needs a word or phrase after it").arg(col(op)));
            n.children.push_back(parseAnd());
        }
        return n;
    }

    Node parseAnd()
    {
        Node n;
        n.kind = Node::And;
        n.at = peek().at;
        if (peek().kind == Token::Or)
            fail(QStringLiteral("OR at column %1 needs a word or phrase before it").arg(col(peek())));
        while (!endsOperand(peek().kind)) {
            const Token &t = peek();
            if (t.kind == Token::And) {
                take();
                if (n.children.empty() && n.negatives.empty())
                    fail(QStringLiteral("AND at column %1 needs a word or phrase before it").arg(col(t)));
                if (endsOperand(peek().kind) || peek().kind == Token::And)
                    fail(QStringLiteral("AND at column %1 needs a word or phrase after it").arg(col(t)));
                continue;
            }
            if (t.kind == Token::Not) {
                take();
                if (m_firstNot == 0)
                    m_firstNot = col(t);
                if (endsOperand(peek().kind) || peek().kind == Token::And || peek().kind == Token::Not)
                    fail(QStringLiteral("NOT at column %1 needs a word or phrase after it").arg(col(t)));
                n.negatives.push_back(parseUnary());
                continue;
            }
            n.children.push_back(parseUnary());
        }
        if (peek().kind == Token::Comma)
            fail(QStringLiteral(
                     "unexpected \",\" at column %1; a comma only separates NEAR's distance, as in NEAR(cost money, 5)")
                     .arg(col(peek())));
        if (n.children.empty() && n.negatives.empty()) {
            if (peek().kind == Token::RParen && m_depth == 0)
                fail(QStringLiteral("unbalanced parenthesis at column %1: there is no \"(\" for this \")\" to close")
                         .arg(col(peek())));
            fail(QStringLiteral("expected a word or phrase at column %1").arg(col(peek())));
        }
        if (n.children.empty())
            fail(QStringLiteral("NOT at column %1 has nothing to exclude from; put a word or phrase before it")
                     .arg(col(n.at)));
        if (n.children.size() == 1 && n.negatives.empty())
            return std::move(n.children.front());
        return n;
    }

    Node parseUnary()
    {
        const Token &t = take();
        switch (t.kind) {
        case Token::LParen: {
            if (peek().kind == Token::RParen)
                fail(QStringLiteral("empty parentheses at column %1").arg(col(t)));
            if (peek().kind == Token::End)
                fail(QStringLiteral("unbalanced parenthesis at column %1: this \"(\" is never closed").arg(col(t)));
            ++m_depth;
            Node inner = parseOr();
            --m_depth;
            if (peek().kind != Token::RParen)
                fail(QStringLiteral("unbalanced parenthesis at column %1: this \"(\" is never closed").arg(col(t)));
            take();
            inner.at = t.at;
            return inner;
        }
        case Token::Near:
            return parseNear(t);
        case Token::Filter: {
            Node n;
            n.kind = Node::Filter;
            n.at = t.at;
            n.filter = t.filter;
            return n;
        }
        case Token::Word:
        case Token::Phrase:
            return term(t);
        default:
            fail(QStringLiteral("expected a word or phrase at column %1").arg(col(t)));
        }
    }

    Node term(const Token &t)
    {
        Node n;
        n.kind = Node::Term;
        n.text = t.text;
        n.prefix = t.prefix;
        n.at = t.at;
        bool words = false;
        m_analyzer.forEachWord(
            t.text,
            [&](const Analyzer::Word &) {
                words = true;
                return false;
            },
            false);
        if (!words) {
            if (t.text.trimmed().isEmpty())
                fail(QStringLiteral("empty phrase \"\" at column %1").arg(col(t)));
            fail(QStringLiteral(
                     "\"%1\" at column %2 holds no word to search for (only letters and numbers are indexed); "
                     "use --regex to find symbols")
                     .arg(t.text)
                     .arg(col(t)));
        }
        return n;
    }

    Node parseNear(const Token &near)
    {
        const QString example = QStringLiteral("as in NEAR(cost money, 5)");
        if (peek().kind != Token::LParen)
            fail(
                QStringLiteral(
                    "NEAR at column %1 needs its words in parentheses, %2 (to search for the word, write near or \"NEAR\")")
                    .arg(col(near))
                    .arg(example));
        take();
        Node n;
        n.kind = Node::Near;
        n.at = near.at;
        while (peek().kind == Token::Word || peek().kind == Token::Phrase)
            n.children.push_back(term(take()));
        if (peek().kind == Token::Comma) {
            const Token &comma = take();
            bool ok = false;
            const int distance = peek().kind == Token::Word && !peek().prefix ? peek().text.toInt(&ok) : 0;
            if (!ok || distance < 0)
                fail(QStringLiteral("NEAR at column %1: expected a number of words after the comma at column %2, %3")
                         .arg(col(near))
                         .arg(col(comma))
                         .arg(example));
            take();
            n.distance = distance;
        }
        if (peek().kind == Token::End)
            fail(QStringLiteral("unbalanced parenthesis at column %1: NEAR( is never closed").arg(col(near)));
        if (peek().kind != Token::RParen)
            fail(
                QStringLiteral(
                    "NEAR at column %1 takes only words and phrases, then a distance; found something else at column %2, %3")
                    .arg(col(near))
                    .arg(col(peek()))
                    .arg(example));
        take();
        if (n.children.size() < 2)
            fail(QStringLiteral("NEAR at column %1 needs at least two words or phrases, %2")
                     .arg(col(near))
                     .arg(example));
        return n;
    }

    void rejectNestedFilters(const Node &n) const
    {
        for (const auto *list : {&n.children, &n.negatives}) {
            for (const Node &c : *list) {
                if (c.kind == Node::Filter)
                    fail(QStringLiteral(
                             "the filter %1: at column %2 applies to the whole query, so it cannot stand inside "
                             "parentheses or next to OR; write, for example, (cost OR money) %1:…")
                             .arg(c.filter.key)
                             .arg(c.filter.column));
                rejectNestedFilters(c);
            }
        }
    }

    static QString quote(const Node &t)
    {
        QString s = t.text;
        s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + s + QLatin1Char('"') + (t.prefix ? QStringLiteral("*") : QString());
    }

    static QString toMatch(const Node &n, bool excluding, std::vector<bool> &phrases)
    {
        switch (n.kind) {
        case Node::Term:
            phrases.push_back(excluding);
            return quote(n);
        case Node::Near: {
            QStringList terms;
            for (const Node &c : n.children) {
                phrases.push_back(excluding);
                terms << quote(c);
            }
            return QStringLiteral("NEAR(%1, %2)").arg(terms.join(QLatin1Char(' '))).arg(n.distance);
        }
        case Node::Or:
        case Node::And: {
            QStringList parts;
            for (const Node &c : n.children)
                parts << toMatch(c, excluding, phrases);
            QString s = parts.size() == 1
                            ? parts.front()
                            : QLatin1Char('(') +
                                  parts.join(n.kind == Node::Or ? QStringLiteral(" OR ") : QStringLiteral(" AND ")) +
                                  QLatin1Char(')');
            for (const Node &c : n.negatives)
                s = QStringLiteral("(%1 NOT %2)").arg(s, toMatch(c, true, phrases));
            return s;
        }
        case Node::Filter:
            break;
        }
        return QString();
    }

    Lexer m_lexer;
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    Analyzer &m_analyzer;
    qsizetype m_firstNot = 0;
    int m_depth = 0;
};

} // namespace

ParsedQuery parseQuery(const QString &query, Analyzer &analyzer)
{
    return Parser(query, analyzer).parse();
}

} // namespace Quire
