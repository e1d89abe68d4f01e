// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "report/themereport.h"

#include <QRegularExpression>
#include <QString>
#include <vector>

namespace Quire {

/// One redaction rule from a rules file.
struct RedactionRule
{
    enum class Kind { Literal, Word, Regex };
    Kind kind = Kind::Literal;
    QString pattern;          ///< as written: the text, the word or the regular expression
    QString replacement;      ///< the label, e.g. "[son]"
    QString caseName;         ///< empty: every case
    QString source;           ///< "rules.txt:3", for reports
    QRegularExpression regex; ///< what is matched (built from kind and pattern)
};

/// One replacement made (or, in a dry run, that would be made).
///
/// Two kinds: a change in a quote or in what is printed with it (segmentId
/// set, field "quote", "memo", "speaker" or "citation"), listed once per
/// segment; and a change in a name or title of the report (segmentId 0,
/// `value` the whole text before redaction, field e.g. "document", "case",
/// "code", "description", "attribute value", "project"), listed once per
/// distinct text, however often the report prints it.
struct RedactionChange
{
    Id segmentId = 0;
    QString document;
    QString caseName;
    QString field;
    QString value;          ///< a name field's whole text before redaction (empty for quote fields)
    qsizetype position = 0; ///< code points into the stored text (quote: into the document; name: into value)
    QString before;
    QString after;
    qsizetype rule = 0; ///< index into Redaction::rules()
};

/// Replaces identifying text in exports by bracketed labels. It works on a
/// ThemeReport, a copy made for one export: the stored text is never touched.
///
/// apply(ThemeReport &) is the one place where an export is redacted: it
/// passes every text of the report through the rules (quotes and what is
/// printed with them, and every name and title: project, documents, cases,
/// codes and their descriptions, attributes and their values, locators,
/// notes), so that a writer, which sees only the report, cannot print an
/// unredacted name.
///
/// Rules file, one rule a line (blank lines and lines starting with # ignored):
///   literal TEXT => [label]        exact text, case-sensitive
///   word TEXT => [label]           TEXT as a whole word (Unicode word boundaries)
///   regex PATTERN => [label]       a Perl-style regular expression; (?i) for any case
///   case NAME: RULE                RULE only in quotes from case NAME
/// All rules are matched against the original text; where matches overlap the
/// earliest wins, and at the same place the rule written first.
class QUIRECORE_EXPORT Redaction
{
public:
    /// Throws Error naming the file and line of a bad rule.
    static Redaction fromFile(const QString &path);
    static Redaction fromText(const QString &text, const QString &fileName);

    const std::vector<RedactionRule> &rules() const { return m_rules; }

    /// The text with every match replaced; appends what was replaced to `changes`.
    QString apply(const QString &text, const QString &caseName, std::vector<RedactionChange> *changes = nullptr) const;
    /// Redacts every text of the report and adds a note with the counts per rule.
    /// Quotes — text, memo, speaker label, citation — by every rule that holds
    /// for the quote's case; names and titles by the rules for every case (a
    /// per-case rule is about what a case said, and a name is printed for all).
    /// Returns the quote changes, one entry per replacement in a distinct
    /// segment; the name changes go to `names` (one entry per distinct text).
    std::vector<RedactionChange> apply(ThemeReport &report, std::vector<RedactionChange> *names = nullptr) const;
    /// "Redacted by rules.txt: N replacements in quotes: 2 × [son] (rules.txt:2, word), ...;
    /// M in names and titles" for notes and the CLI. Case names and the rules
    /// file's name in it are redacted themselves.
    QString summary(const std::vector<RedactionChange> &changes,
                    const std::vector<RedactionChange> *names = nullptr) const;
    /// The dry-run listing, one line per change: for a quote
    /// "document<TAB>segment N<TAB>quote@pos<TAB>before → after<TAB>rules.txt:3",
    /// for a name "case<TAB>"fg2: Ruth"<TAB>@5<TAB>Ruth → [nurse]<TAB>rules.txt:1".
    static QString listing(const std::vector<RedactionChange> &changes, const std::vector<RedactionRule> &rules);

private:
    std::vector<RedactionRule> m_rules;
    QString m_fileName;
};

} // namespace Quire
