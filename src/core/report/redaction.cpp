// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/redaction.h"

#include "error.h"
#include "text/textoffsets.h"

#include <algorithm>
#include <map>
#include <QFile>
#include <QFileInfo>
#include <set>

namespace Quire {

namespace {

QString kindName(RedactionRule::Kind k)
{
    switch (k) {
    case RedactionRule::Kind::Literal:
        return QStringLiteral("literal");
    case RedactionRule::Kind::Word:
        return QStringLiteral("word");
    case RedactionRule::Kind::Regex:
        return QStringLiteral("regex");
    }
    return QString();
}

struct Match
{
    qsizetype start; // UTF-16 index
    qsizetype end;
    qsizetype rule;
};

} // namespace

Redaction Redaction::fromFile(const QString &path)
{
    QFile f(path);
    const QString name = QFileInfo(path).fileName();
    if (!f.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("%1: cannot read the redaction rules: %2").arg(name, f.errorString()));
    QByteArray bytes = f.readAll();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const QString text = QString::fromUtf8(bytes);
    if (text.contains(QChar::ReplacementCharacter) && !bytes.contains("\xEF\xBF\xBD"))
        throw Error(QStringLiteral("%1: the redaction rules are not UTF-8 text").arg(name));
    return fromText(text, name);
}

Redaction Redaction::fromText(const QString &text, const QString &fileName)
{
    Redaction r;
    r.m_fileName = fileName;
    const QStringList lines =
        QString(text).replace(QStringLiteral("\r\n"), QStringLiteral("\n")).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString where = QStringLiteral("%1:%2").arg(fileName).arg(i + 1);
        QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        RedactionRule rule;
        rule.source = where;
        if (line.startsWith(QLatin1String("case "))) {
            const qsizetype colon = line.indexOf(QLatin1Char(':'));
            if (colon < 0)
                throw Error(
                    QStringLiteral(
                        "%1: a per-case rule reads \"case NAME: literal TEXT => [label]\"; the colon after the case name is missing")
                        .arg(where));
            rule.caseName = line.mid(5, colon - 5).trimmed();
            if (rule.caseName.isEmpty())
                throw Error(QStringLiteral("%1: the case name before the colon is empty").arg(where));
            line = line.mid(colon + 1).trimmed();
        }
        const qsizetype space = line.indexOf(QLatin1Char(' '));
        const QString kind = space < 0 ? line : line.left(space);
        if (kind == QLatin1String("literal"))
            rule.kind = RedactionRule::Kind::Literal;
        else if (kind == QLatin1String("word"))
            rule.kind = RedactionRule::Kind::Word;
        else if (kind == QLatin1String("regex"))
            rule.kind = RedactionRule::Kind::Regex;
        else
            throw Error(
                QStringLiteral("%1: unknown rule \"%2\" (literal, word, regex or case NAME:)").arg(where, kind));
        const QString rest = space < 0 ? QString() : line.mid(space + 1);
        // The last arrow separates: a pattern may itself contain "=>".
        const qsizetype arrow = rest.lastIndexOf(QLatin1String("=>"));
        if (arrow < 0)
            throw Error(QStringLiteral("%1: the rule has no \"=> [label]\" replacement").arg(where));
        rule.pattern = rest.left(arrow).trimmed();
        rule.replacement = rest.mid(arrow + 2).trimmed();
        if (rule.pattern.isEmpty())
            throw Error(QStringLiteral("%1: the %2 rule has nothing to match before \"=>\"").arg(where, kind));
        if (rule.replacement.isEmpty())
            throw Error(QStringLiteral("%1: the rule has an empty label after \"=>\"").arg(where));
        const auto unicode = QRegularExpression::UseUnicodePropertiesOption;
        switch (rule.kind) {
        case RedactionRule::Kind::Literal:
            rule.regex = QRegularExpression(QRegularExpression::escape(rule.pattern));
            break;
        case RedactionRule::Kind::Word:
            // Lookarounds rather than \b: they also hold where the word begins or ends with a non-letter.
            rule.regex = QRegularExpression(
                QStringLiteral("(?<![\\w])%1(?![\\w])").arg(QRegularExpression::escape(rule.pattern)), unicode);
            break;
        case RedactionRule::Kind::Regex:
            rule.regex = QRegularExpression(rule.pattern, unicode);
            break;
        }
        if (!rule.regex.isValid())
            throw Error(QStringLiteral("%1: bad regular expression: %2 at offset %3")
                            .arg(where, rule.regex.errorString())
                            .arg(rule.regex.patternErrorOffset()));
        if (rule.regex.match(QString()).hasMatch())
            throw Error(QStringLiteral("%1: the pattern matches empty text, which would insert the label everywhere")
                            .arg(where));
        r.m_rules.push_back(rule);
    }
    return r;
}

QString Redaction::apply(const QString &text, const QString &caseName, std::vector<RedactionChange> *changes) const
{
    std::vector<Match> matches;
    for (std::size_t r = 0; r < m_rules.size(); ++r) {
        const auto &rule = m_rules[r];
        if (!rule.caseName.isEmpty() && rule.caseName != caseName)
            continue;
        auto it = rule.regex.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            if (m.capturedLength() > 0)
                matches.push_back({m.capturedStart(), m.capturedEnd(), qsizetype(r)});
        }
        // An engine failure ends the iteration like the end of the text: the
        // rest of the text would go out unredacted.
        if (!it.isValid())
            throw Error(
                QStringLiteral("%1: the regular expression \"%2\" exceeds the regular expression engine's limits "
                               "on a quote (too much backtracking, as with nested repetition like (a+)+); "
                               "nothing was redacted or exported, simplify the pattern")
                    .arg(rule.source, rule.pattern));
    }
    if (matches.empty())
        return text;
    std::stable_sort(matches.begin(), matches.end(), [](const Match &a, const Match &b) {
        return a.start != b.start ? a.start < b.start : a.rule < b.rule;
    });
    QString out;
    qsizetype last = 0;
    const TextOffsets offsets(text);
    for (const auto &m : matches) {
        if (m.start < last)
            continue; // overlaps a match already taken
        out += QStringView(text).mid(last, m.start - last);
        const QString &label = m_rules[std::size_t(m.rule)].replacement;
        out += label;
        if (changes) {
            RedactionChange c;
            c.position = offsets.fromUtf16(m.start);
            c.before = text.mid(m.start, m.end - m.start);
            c.after = label;
            c.rule = m.rule;
            changes->push_back(c);
        }
        last = m.end;
    }
    out += QStringView(text).mid(last);
    return out;
}

namespace {

/// Redacts names and titles: each distinct text once (by the rules for every
/// case), its changes recorded once however often the report prints it.
class NameRedactor
{
public:
    NameRedactor(const Redaction &redaction, std::vector<RedactionChange> &changes)
        : m_redaction(redaction)
        , m_changes(changes)
    {}

    void operator()(QString &text, const char *field)
    {
        if (text.isEmpty())
            return;
        const QString name = QString::fromLatin1(field);
        const auto key = std::make_pair(name, text);
        const auto done = m_done.find(key);
        if (done != m_done.end()) {
            text = done->second;
            return;
        }
        std::vector<RedactionChange> changes;
        const QString redacted = m_redaction.apply(text, QString(), &changes);
        for (auto &c : changes) {
            c.field = name;
            c.value = text;
            m_changes.push_back(c);
        }
        m_done.emplace(key, redacted);
        text = redacted;
    }

    void operator()(QStringList &texts, const char *field)
    {
        for (auto &t : texts)
            (*this)(t, field);
    }

private:
    const Redaction &m_redaction;
    std::vector<RedactionChange> &m_changes;
    std::map<std::pair<QString, QString>, QString> m_done;
};

} // namespace

std::vector<RedactionChange> Redaction::apply(ThemeReport &report, std::vector<RedactionChange> *names) const
{
    // Every member of the report, of its rows and of its quotes is bound by
    // name below: a member added to ThemeReport, ThemeRow or Quote stops the
    // build here until it is redacted (or it is said why it need not be). The
    // writers see nothing but the report, so nothing they print escapes this.
    std::vector<RedactionChange> nameChanges;
    NameRedactor name(*this, nameChanges);
    auto &[projectName, generated, byAttribute, byValues, matrixMark, rowHeader, rows, quotes, layout, notes,
           showMemos] = report;
    (void)layout;     // the template's keyword ("codebook"): chooses what is written, is never printed
    (void)showMemos;  // a flag
    (void)matrixMark; // typed with the export: a symbol such as "y" or the keyword "count", never project text

    std::vector<RedactionChange> all;
    std::set<Id> seen;
    for (auto &row : quotes) {
        for (auto &q : row) {
            auto &[segmentId, codePath, document, caseName, start, end, text, citation, memo, original, edited, starred,
                   rank, speaker, locator] = q;
            (void)end, (void)starred, (void)rank; // numbers and flags
            // A segment quoted under several codes is redacted alike each time, but reported once.
            const bool first = seen.insert(segmentId).second;
            std::vector<RedactionChange> changes;
            // Changes are counted in the stored span; an editorial version is
            // redacted by the same rules (its fragments are parts of the span).
            if (!edited)
                original = text;
            original = apply(original, caseName, &changes);
            text = edited ? apply(text, caseName) : original;
            for (auto &c : changes) {
                c.field = QStringLiteral("quote");
                c.position += start; // into the document, as stored positions are
            }
            // Whatever is printed with the quote is redacted by the same rules:
            // its memo, the speaker label (a name) and the citation (a case
            // or document named after a person).
            struct Field
            {
                QString *value;
                const char *label;
            };
            for (const Field &f : {Field{&memo, "memo"}, Field{&speaker, "speaker"}, Field{&citation, "citation"}}) {
                const auto before = changes.size();
                *f.value = apply(*f.value, caseName, &changes);
                for (auto i = before; i < changes.size(); ++i)
                    changes[i].field = QString::fromLatin1(f.label);
            }
            if (first) {
                for (auto &c : changes) {
                    c.segmentId = segmentId;
                    c.document = document;
                    c.caseName = caseName;
                    all.push_back(c);
                }
            }
            // The names last: the per-case rules above look for the case's stored name.
            name(document, "document");
            name(caseName, "case");
            name(codePath, "code path");
            name(locator, "locator");
        }
    }
    for (auto &r : rows) {
        auto &[codeId, path, codeName, depth, description, color, segments, documents, cases, byValue] = r;
        (void)codeId, (void)depth, (void)segments, (void)documents, (void)cases, (void)byValue; // numbers
        name(codeName, "code");
        name(path, "code path");
        name(description, "description");
        name(color, "colour");
    }
    name(projectName, "project");
    name(generated, "generated");
    name(byAttribute, "attribute");
    name(byValues, "attribute value");
    name(rowHeader, "column header");
    name(notes, "note");
    notes << summary(all, &nameChanges);
    if (names)
        *names = std::move(nameChanges);
    return all;
}

QString Redaction::summary(const std::vector<RedactionChange> &changes, const std::vector<RedactionChange> *names) const
{
    // The note is printed in the export: the case of a per-case rule and the
    // rules file are named as the rules for every case would print them.
    const auto named = [this](const QString &text) { return apply(text, QString()); };
    std::map<qsizetype, qsizetype> perRule;
    for (const auto &c : changes)
        ++perRule[c.rule];
    QStringList parts;
    for (std::size_t r = 0; r < m_rules.size(); ++r) {
        const auto &rule = m_rules[r];
        const auto it = perRule.find(qsizetype(r));
        parts << QStringLiteral("%1 \u00D7 %2 (%3, %4%5)")
                     .arg(it == perRule.end() ? 0 : it->second)
                     .arg(rule.replacement, named(rule.source), kindName(rule.kind),
                          rule.caseName.isEmpty() ? QString() : QStringLiteral(" in case ") + named(rule.caseName));
    }
    QString out = QStringLiteral("Redacted by %1: %2 replacement%3 in quotes%4%5")
                      .arg(named(m_fileName))
                      .arg(changes.size())
                      .arg(changes.size() == 1 ? QString() : QStringLiteral("s"))
                      .arg(parts.isEmpty() ? QString() : QStringLiteral(": "), parts.join(QStringLiteral("; ")));
    if (names)
        out += QStringLiteral("; %1 in names and titles").arg(names->size());
    return out;
}

QString Redaction::listing(const std::vector<RedactionChange> &changes, const std::vector<RedactionRule> &rules)
{
    QString out;
    for (const auto &c : changes) {
        if (!c.segmentId) {
            out += QStringLiteral("%1\t\"%2\"\t@%3\t%4 \u2192 %5\t%6\n")
                       .arg(c.field, c.value)
                       .arg(c.position)
                       .arg(c.before, c.after, rules.at(std::size_t(c.rule)).source);
            continue;
        }
        out += QStringLiteral("%1\tsegment %2\t%3@%4\t%5 \u2192 %6\t%7\n")
                   .arg(c.document)
                   .arg(c.segmentId)
                   .arg(c.field)
                   .arg(c.position)
                   .arg(c.before, c.after, rules.at(std::size_t(c.rule)).source);
    }
    return out;
}

} // namespace Quire
