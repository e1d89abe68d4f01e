// SPDX-License-Identifier: GPL-3.0-or-later
#include "index/analyzer.h"

#include "error.h"

#include <QHash>
#include <QStringView>

#include <libstemmer.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

namespace Quire {

namespace {

// Scripts whose nonspacing marks are accents a searcher ignores (é = e,
// Arabic and Hebrew vowel points). Elsewhere marks carry meaning: a
// Devanagari virama or a Japanese voicing mark (が ≠ か) is kept.
bool foldsAccents(UScriptCode script)
{
    switch (script) {
    case USCRIPT_LATIN:
    case USCRIPT_GREEK:
    case USCRIPT_CYRILLIC:
    case USCRIPT_ARABIC:
    case USCRIPT_HEBREW:
    case USCRIPT_COMMON:
        return true;
    default:
        return false;
    }
}

bool isMark(int8_t category)
{
    return category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_COMBINING_SPACING_MARK;
}

std::u16string normalize(const UNormalizer2 *form, const char16_t *text, int32_t length)
{
    std::u16string out(std::size_t(length) * 2 + 8, u'\0');
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = unorm2_normalize(form, text, length, out.data(), int32_t(out.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        out.resize(std::size_t(n));
        status = U_ZERO_ERROR;
        n = unorm2_normalize(form, text, length, out.data(), int32_t(out.size()), &status);
    }
    if (U_FAILURE(status))
        throw Error(
            QStringLiteral("search: Unicode normalisation failed (%1)").arg(QString::fromLatin1(u_errorName(status))));
    out.resize(std::size_t(n));
    return out;
}

const UNormalizer2 *normalizer(const UNormalizer2 *(*get)(UErrorCode *))
{
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = get(&status);
    if (U_FAILURE(status))
        throw Error(QStringLiteral("search: ICU normalisation data is missing (%1)")
                        .arg(QString::fromLatin1(u_errorName(status))));
    return n;
}

/// The scripts a Snowball stemmer is written for; words in other scripts
/// (a Chinese name in an English transcript) are left unstemmed.
std::vector<UScriptCode> stemmerScripts(const QString &language)
{
    if (language == QLatin1String("arabic"))
        return {USCRIPT_ARABIC};
    if (language == QLatin1String("armenian"))
        return {USCRIPT_ARMENIAN};
    if (language == QLatin1String("greek"))
        return {USCRIPT_GREEK};
    if (language == QLatin1String("hindi") || language == QLatin1String("nepali"))
        return {USCRIPT_DEVANAGARI};
    if (language == QLatin1String("russian"))
        return {USCRIPT_CYRILLIC};
    if (language == QLatin1String("serbian"))
        return {USCRIPT_CYRILLIC, USCRIPT_LATIN};
    if (language == QLatin1String("tamil"))
        return {USCRIPT_TAMIL};
    if (language == QLatin1String("yiddish"))
        return {USCRIPT_HEBREW};
    return {USCRIPT_LATIN};
}

} // namespace

struct Analyzer::Private
{
    UBreakIterator *words = nullptr;
    sb_stemmer *stemmer = nullptr;
    std::vector<UScriptCode> scripts;
    bool latin = false;
    const UNormalizer2 *nfkcCasefold = nullptr;
    const UNormalizer2 *nfd = nullptr;
    const UNormalizer2 *nfc = nullptr;
    // Word frequencies follow Zipf's law: a small cache spares the stemmer
    // most of its calls (it was a third of the indexing time).
    QHash<QByteArray, QByteArray> stems;

    ~Private()
    {
        if (words)
            ubrk_close(words);
        if (stemmer)
            sb_stemmer_delete(stemmer);
    }
};

QStringList Analyzer::languages()
{
    QStringList out{QStringLiteral("none")};
    for (const char **p = sb_stemmer_list(); p && *p; ++p)
        out << QString::fromLatin1(*p);
    out.sort();
    return out;
}

bool Analyzer::isLanguage(const QString &language)
{
    return languages().contains(language);
}

Analyzer::Analyzer(const QString &language)
    : m_language(language)
    , d(std::make_unique<Private>())
{
    if (!isLanguage(language))
        throw Error(QStringLiteral("search: no stemmer for the language \"%1\" (known: %2)")
                        .arg(language, languages().join(QStringLiteral(", "))));
    if (language != QLatin1String("none")) {
        d->stemmer = sb_stemmer_new(language.toLatin1().constData(), "UTF_8");
        if (!d->stemmer)
            throw Error(QStringLiteral("search: cannot start the %1 stemmer").arg(language));
        d->scripts = stemmerScripts(language);
        d->latin = std::find(d->scripts.begin(), d->scripts.end(), USCRIPT_LATIN) != d->scripts.end();
    }
    UErrorCode status = U_ZERO_ERROR;
    // The root locale: word rules are the same for every language, and the
    // dictionaries for Chinese, Japanese, Thai … apply whatever the locale.
    d->words = ubrk_open(UBRK_WORD, "", nullptr, 0, &status);
    if (U_FAILURE(status))
        throw Error(QStringLiteral("search: cannot start the ICU word breaker (%1)")
                        .arg(QString::fromLatin1(u_errorName(status))));
    d->nfkcCasefold = normalizer(&unorm2_getNFKCCasefoldInstance);
    d->nfd = normalizer(&unorm2_getNFDInstance);
    d->nfc = normalizer(&unorm2_getNFCInstance);
}

Analyzer::~Analyzer() = default;

bool Analyzer::stems() const
{
    return d->stemmer != nullptr;
}

namespace {

bool isAscii(const char16_t *p, qsizetype n)
{
    return std::all_of(p, p + n, [](char16_t u) { return u < 0x80; });
}

QByteArray asciiLower(const char16_t *p, qsizetype n)
{
    QByteArray out(n, Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t u = p[i];
        out[i] = char(u >= u'A' && u <= u'Z' ? u + (u'a' - u'A') : u);
    }
    return out;
}

QByteArray toUtf8(const std::u16string &s)
{
    return QStringView(s.data(), qsizetype(s.size())).toUtf8();
}

} // namespace

std::u16string Analyzer::caseFold(const char16_t *word, qsizetype length) const
{
    // NFKC_Casefold also maps full-width and compatibility forms (ｒｅｓｕｍｅ,
    // ligatures) and drops default-ignorable characters such as soft hyphens.
    std::u16string folded = normalize(d->nfkcCasefold, word, int32_t(length));
    for (char16_t &c : folded) {
        if (c == 0x2019 || c == 0x02BC) // right single quotation mark, modifier apostrophe: it’s = it's
            c = u'\'';
    }
    return folded;
}

std::u16string Analyzer::stripAccents(const std::u16string &word) const
{
    const std::u16string decomposed = normalize(d->nfd, word.data(), int32_t(word.size()));
    std::u16string stripped;
    stripped.reserve(decomposed.size());
    UScriptCode base = USCRIPT_COMMON;
    bool changed = false;
    for (int32_t i = 0; i < int32_t(decomposed.size());) {
        const int32_t from = i;
        UChar32 c = 0;
        U16_NEXT(decomposed.data(), i, int32_t(decomposed.size()), c);
        const int8_t category = u_charType(c);
        if (category == U_NON_SPACING_MARK && foldsAccents(base)) {
            changed = true;
            continue;
        }
        if (!isMark(category)) {
            UErrorCode status = U_ZERO_ERROR;
            base = uscript_getScript(c, &status);
        }
        stripped.append(decomposed, std::size_t(from), std::size_t(i - from));
    }
    if (!changed)
        return word;
    return normalize(d->nfc, stripped.data(), int32_t(stripped.size()));
}

QByteArray Analyzer::fold(const char16_t *word, qsizetype length) const
{
    if (isAscii(word, length))
        return asciiLower(word, length);
    return toUtf8(stripAccents(caseFold(word, length)));
}

bool Analyzer::stemmable(const QByteArray &folded) const
{
    if (!d->stemmer)
        return false;
    const auto *p = reinterpret_cast<const uint8_t *>(folded.constData());
    const int32_t n = int32_t(folded.size());
    if (std::all_of(p, p + n, [](uint8_t b) { return b < 0x80; })) {
        return d->latin && std::any_of(p, p + n, [](uint8_t b) { return (b >= 'a' && b <= 'z'); });
    }
    bool letter = false;
    for (int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c < 0)
            return false;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        if (script == USCRIPT_COMMON || script == USCRIPT_INHERITED)
            continue;
        if (std::find(d->scripts.begin(), d->scripts.end(), script) == d->scripts.end())
            return false;
        letter = true;
    }
    return letter;
}

QByteArray Analyzer::stem(const QByteArray &folded) const
{
    const auto cached = d->stems.constFind(folded);
    if (cached != d->stems.constEnd())
        return cached.value();
    QByteArray out = folded;
    if (stemmable(folded)) {
        const sb_symbol *s =
            sb_stemmer_stem(d->stemmer, reinterpret_cast<const sb_symbol *>(folded.constData()), int(folded.size()));
        if (!s)
            throw std::bad_alloc();
        const int n = sb_stemmer_length(d->stemmer);
        if (n > 0)
            out = QByteArray(reinterpret_cast<const char *>(s), n);
    }
    if (d->stems.size() >= 200000)
        d->stems.clear();
    d->stems.insert(folded, out);
    return out;
}

void Analyzer::forEachWord(const QString &text, const std::function<bool(const Word &)> &f, bool stem)
{
    forEachWord(reinterpret_cast<const char16_t *>(text.utf16()), text.size(), f, stem);
}

void Analyzer::forEachWord(const char16_t *text, qsizetype length, const std::function<bool(const Word &)> &f,
                           bool stem)
{
    if (length <= 0)
        return;
    if (length > std::numeric_limits<int32_t>::max())
        throw Error(QStringLiteral("search: a text of more than 2 GB cannot be indexed"));
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(d->words, text, int32_t(length), &status);
    if (U_FAILURE(status))
        throw Error(
            QStringLiteral("search: the ICU word breaker failed (%1)").arg(QString::fromLatin1(u_errorName(status))));
    // Detach the iterator from the text on the way out, whatever happens:
    // the caller's buffer may go away before the next call.
    struct Detach
    {
        UBreakIterator *it;
        ~Detach()
        {
            UErrorCode s = U_ZERO_ERROR;
            ubrk_setText(it, u"", 0, &s);
        }
    } detach{d->words};
    Word w;
    int32_t start = ubrk_first(d->words);
    for (int32_t end = ubrk_next(d->words); end != UBRK_DONE; start = end, end = ubrk_next(d->words)) {
        const int32_t kind = ubrk_getRuleStatus(d->words);
        if (kind < UBRK_WORD_NONE_LIMIT)
            continue; // spaces, punctuation, symbols, emoji
        w.isNumber = kind < UBRK_WORD_NUMBER_LIMIT;
        if (isAscii(text + start, end - start)) {
            // Reuses the buffer: most words of most texts take this path.
            w.folded.resize(end - start);
            char *out = w.folded.data();
            for (int32_t i = start; i < end; ++i)
                out[i - start] = char(text[i] >= u'A' && text[i] <= u'Z' ? text[i] + (u'a' - u'A') : text[i]);
        } else {
            w.folded = fold(text + start, end - start);
        }
        // The stem of the accent-free form, so that résumé and resume always
        // agree (stemming the accented word first would make "résumé" and
        // "resume" different English terms).
        w.term = (stem && !w.isNumber && !w.folded.isEmpty()) ? this->stem(w.folded) : w.folded;
        if (w.folded.isEmpty())
            continue;
        if (w.term.isEmpty())
            w.term = w.folded;
        w.start = start;
        w.end = end;
        if (!f(w))
            return;
    }
}

} // namespace Quire
