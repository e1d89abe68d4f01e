// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <string>

namespace Quire {

/// Turns text into search terms: the one definition of a "word" that the
/// search index, queries, hit positions and word counts share.
///
/// Words are ICU word-break segments that hold letters, numbers, kana or
/// ideographs (spaces, punctuation and emoji are not words); Chinese and
/// Japanese runs are split by ICU's dictionaries. A word's folded form is its
/// NFKC case fold with curly apostrophes made straight and accents removed
/// from Latin, Greek, Cyrillic, Arabic and Hebrew letters (résumé → resume).
/// Its term is, for letters of the language's script, the Snowball stem of
/// the folded form (so accents never split a stem), else the folded form.
///
/// Not thread-safe: one Analyzer per thread (they are cheap to create).
class QUIRECORE_EXPORT Analyzer
{
public:
    /// A word of the analysed text. Positions are UTF-16 indices.
    struct Word
    {
        qsizetype start = 0;
        qsizetype end = 0;
        /// Case- and accent-folded form (UTF-8); never empty.
        QByteArray folded;
        /// The stem (UTF-8), or `folded` when the word is not stemmed.
        QByteArray term;
        bool isNumber = false;
    };

    /// `language` is a Snowball language (see languages()) or "none" for no
    /// stemming; throws Error naming the known languages otherwise.
    explicit Analyzer(const QString &language = QStringLiteral("english"));
    ~Analyzer();
    Analyzer(const Analyzer &) = delete;
    Analyzer &operator=(const Analyzer &) = delete;

    QString language() const { return m_language; }
    bool stems() const;

    /// "none" and every Snowball language this build has, sorted.
    static QStringList languages();
    static bool isLanguage(const QString &language);

    /// Calls `f` for every word of `text`, in order. With `stem` false,
    /// Word::term is left equal to Word::folded (cheaper). `f` returns false
    /// to stop early.
    void forEachWord(const QString &text, const std::function<bool(const Word &)> &f, bool stem = true);
    /// Same, over UTF-16 units that stay valid during the call.
    void forEachWord(const char16_t *text, qsizetype length, const std::function<bool(const Word &)> &f,
                     bool stem = true);

    /// The folded form of one word (no word breaking); empty if nothing is left.
    QByteArray fold(const char16_t *word, qsizetype length) const;
    /// The stem of a folded word (UTF-8), or the word itself when it is not
    /// stemmed (no stemmer, or letters of another script).
    QByteArray stem(const QByteArray &word) const;

private:
    bool stemmable(const QByteArray &word) const;
    std::u16string caseFold(const char16_t *word, qsizetype length) const;
    std::u16string stripAccents(const std::u16string &word) const;

    QString m_language;
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Quire
