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
    QString pattern;     ///< as written: the text, the word or the regular expression
    QString replacement; ///< the label, e.g. "[son]"
    QString caseName;    ///< empty: every case
    QString source;      ///< "rules.txt:3", for reports
    QRegularExpression regex; ///< what is matched (built from kind and pattern)
};

/// One replacement made (or, in a dry run, that would be made).
struct RedactionChange
{
    Id segmentId = 0;
    QString document;
    QString caseName;
    QString field; ///< "quote", "memo", "speaker" (the label printed before it) or "citation"
    qsizetype position = 0; ///< code points into the stored text
    QString before;
    QString after;
    qsizetype rule = 0; ///< index into Redaction::rules()
};

/// Replaces identifying text in exported quotes by bracketed labels. It works
/// on a ThemeReport, a copy made for one export: the stored text is never touched.
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
    /// Redacts every quote of the report — its text, memo, speaker label and
    /// citation — and adds a note with the counts per rule.
    /// Returns the changes, one entry per replacement in a distinct segment.
    std::vector<RedactionChange> apply(ThemeReport &report) const;
    /// "N replacements: 2 × [son] (rules.txt:2, literal "Tom"), ..." for notes and the CLI.
    QString summary(const std::vector<RedactionChange> &changes) const;
    /// The dry-run listing: one line per change, "document<TAB>segment N<TAB>quote@pos<TAB>before → after<TAB>rules.txt:3".
    static QString listing(const std::vector<RedactionChange> &changes, const std::vector<RedactionRule> &rules);

private:
    std::vector<RedactionRule> m_rules;
    QString m_fileName;
};

} // namespace Quire
