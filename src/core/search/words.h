// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <vector>

namespace Quire {

class Project;

struct WordFrequencyOptions
{
    /// Grouping: "" (the whole project), document, code (segments coded with
    /// the code or below it), speaker, case, or the name of an attribute (the
    /// speaker's case's value, else the document's).
    QString by;
    /// Count stems (listen, listened, listening as one) in the index language.
    bool stem = false;
    /// none, or a stop-word list (english). Empty: the index language's list if there is one.
    QString stopwords;
    /// Words per group (0: all).
    int top = 20;
    /// Only these documents (names or ids); empty: all.
    QStringList documents;
};

struct WordFrequency
{
    QString word; ///< the folded word, or the most frequent form of a stem
    QString stem; ///< with stem: the stem itself
    qsizetype count = 0;
    QList<QPair<QString, qsizetype>> forms; ///< with stem: the forms counted, most frequent first
};

struct WordGroup
{
    QString group;
    qsizetype words = 0;    ///< words counted (stop words and numbers excluded)
    qsizetype distinct = 0; ///< different words (or stems)
    std::vector<WordFrequency> top;
};

/// Word counts per group: ICU word breaks, case- and accent-folded, numbers
/// left out. Groups are sorted by name; words by count, then alphabetically.
QUIRECORE_EXPORT std::vector<WordGroup> wordFrequencies(Project &project, const WordFrequencyOptions &options);

} // namespace Quire
