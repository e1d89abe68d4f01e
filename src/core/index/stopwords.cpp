// SPDX-License-Identifier: GPL-3.0-or-later
#include "index/stopwords.h"

#include "error.h"

namespace Quire {

namespace {

// Common English function words: articles, pronouns and their forms,
// auxiliary and modal verbs with their contractions, prepositions,
// conjunctions, and a few fillers that dominate transcribed speech. Written
// for Quire; content words (people, care, work, time …) are deliberately left
// in, since they are what a researcher counts.
const char *const English =
    "a an the "
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves "
    "he him his himself she her hers herself it its itself they them their theirs themselves "
    "this that these those who whom whose which what whatever whoever "
    "am is are was were be been being have has had having do does did doing done "
    "will would shall should can could may might must ought "
    "i'm i've i'd i'll you're you've you'd you'll he's he'd he'll she's she'd she'll "
    "it's it'd it'll we're we've we'd we'll they're they've they'd they'll "
    "that's there's here's what's who's where's when's why's how's let's "
    "isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't "
    "won't wouldn't shan't shouldn't can't cannot couldn't mustn't mightn't needn't ain't "
    "and but or nor so yet if then else than because as while until unless although though whether "
    "of at by for with about against between into through during before after above below "
    "to from up down in out on off over under again further once "
    "here there when where why how all any both each few more most other some such "
    "no not only own same too very just also even still ever "
    "s t d ll m o re ve y "
    "yeah yes oh um uh er erm mm hmm ah okay ok well like";

} // namespace

QStringList stopWordLanguages()
{
    return {QStringLiteral("english")};
}

const QSet<QByteArray> &stopWords(const QString &language)
{
    if (language == QLatin1String("english")) {
        static const QSet<QByteArray> english = [] {
            QSet<QByteArray> out;
            for (const QByteArray &w : QByteArray(English).split(' ')) {
                if (!w.isEmpty())
                    out.insert(w);
            }
            return out;
        }();
        return english;
    }
    throw Error(QStringLiteral("words: no stop-word list for \"%1\" (lists: none, %2)")
                    .arg(language, stopWordLanguages().join(QStringLiteral(", "))));
}

} // namespace Quire
