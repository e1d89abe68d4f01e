// SPDX-License-Identifier: GPL-3.0-or-later
// The verbs of quire-cli and their options: Args parses a verb's command line
// from its entry here and `quire-cli VERB --help` prints the same entry, so
// the help cannot list an option the parser refuses, nor miss one it takes.
#include "verbtable.h"

#include "analysisverbs.h"
#include "caseverbs.h"
#include "codeverbs.h"
#include "documentverbs.h"
#include "fileverbs.h"
#include "historyverbs.h"
#include "listverbs.h"
#include "memoverbs.h"
#include "quoteverbs.h"
#include "reportverbs.h"
#include "searchverbs.h"
#include "segmentverbs.h"
#include "wtfcverbs.h"

#include "error.h"

namespace Quire::Cli {

namespace {

constexpr bool Repeats = true;

std::vector<VerbSpec> makeTable()
{
    return {
        {"new", "PROJECT.quire", "Creates an empty project file.", {}, cmdNew},
        {"import",
         "PROJECT FILE|FOLDER...",
         "Imports documents (a folder: every file in it that an importer reads). A .qdpx, .qde or .qdc file imports a "
         "whole REFI-QDA project or codebook; then only --format, --quiet and the --max-… limits apply.",
         {{"--format", "F", "the importer to use (plaintext, markdown, csv, docx, odt, pdf, html, subtitles, xlsx …)"},
          {"--encoding", "E", "the text encoding of plain-text files, when it is not UTF-8"},
          {"--case", "NAME", "link the documents to this case (created if new)"},
          {"--attr", "KEY=VALUE", "set a document attribute", Repeats},
          {"--kind", "K", "the kind of document (interview, focus group, field notes …)"},
          {"--no-speakers", nullptr, "do not look for speaker turns"},
          {"--speaker-pattern", "RE", "a regular expression whose first group is the speaker's name"},
          {"--speaker-case", "TEMPLATE", "make a case per speaker, named from TEMPLATE with {speaker} in it"},
          {"--uncounted-speaker", "NAME", "a speaker who gets no case (the interviewer)", Repeats},
          {"--counted-speaker", "NAME", "a speaker who does get a case after all", Repeats},
          {"--set", "KEY=VALUE", "an importer setting (see quire-cli plugins)", Repeats},
          {"--skip-bad", nullptr, "import the readable files and list the others instead of stopping"},
          {"--quiet", nullptr, "no progress line on the terminal"},
          {"--max-expansion", "N",
           "allow N characters of text per byte of file (default 20; see Import limits in docs/cli.md)"},
          {"--max-columns", "N", "allow N columns in a sheet (default 16384)"},
          {"--max-documents", "N", "allow N documents from one file or package (default 100000)"}},
         cmdImport},
        {"list",
         "documents|codes|cases|segments|attributes|memos PROJECT",
         "Lists one kind of thing in the project.",
         {{"--document", "D", "only segments or memos of this document"},
          {"--code", "PATH", "only segments or memos of this code"}},
         cmdList},
        {"show",
         "PROJECT DOCUMENT",
         "Prints a document's stored text exactly.",
         {{"--range", "START:END", "only these code points"}},
         cmdShow},
        {"code add",
         "PROJECT PATH",
         "Adds a code (and its parents, if new).",
         {{"--color", "#RRGGBB", "the code's colour"}, {"--description", "TEXT", "what the code means"}},
         cmdCodeAdd},
        {"code rename", "PROJECT PATH NEW-NAME", "Renames a code.", {}, cmdCodeRename},
        {"code move",
         "PROJECT PATH",
         "Moves a code under another one.",
         {{"--to", "PARENT", "the new parent (required; / for the top level)"}},
         cmdCodeMove},
        {"code link",
         "PROJECT PATH",
         "Puts a code also under a further parent.",
         {{"--parent", "OTHER", "the further parent (required)"}},
         cmdCodeLink},
        {"code unlink", "PROJECT PATH", "Removes a code from the parent named in PATH.", {}, cmdCodeUnlink},
        {"code merge",
         "PROJECT PATH",
         "Merges a code's segments into another code and removes it.",
         {{"--into", "OTHER", "the code that keeps the segments (required)"}},
         cmdCodeMerge},
        {"code delete",
         "PROJECT PATH",
         "Deletes a code (undo brings it back).",
         {{"--force", nullptr, "also when it has segments or child codes"}},
         cmdCodeDelete},
        {"code describe",
         "PROJECT PATH [TEXT]",
         "Sets a code's description or colour.",
         {{"--description", "TEXT", "the new description"}, {"--color", "#RRGGBB", "the new colour"}},
         cmdCodeDescribe},
        {"segment add",
         "PROJECT DOCUMENT",
         "Codes a passage, given by --range or by its exact --quote.",
         {{"--code", "PATH", "a code to apply (at least one)", Repeats},
          {"--range", "START:END", "the passage in code points"},
          {"--quote", "TEXT", "the passage by its exact text, instead of --range"},
          {"--occurrence", "N|all", "which occurrence of the quote (when it occurs more than once)"},
          {"--memo", "TEXT", "a memo on the new segment"},
          {"--case", "NAME", "the case the segment belongs to"}},
         cmdSegmentAdd},
        {"segment remove", "PROJECT ID", "Removes a segment.", {}, cmdSegmentRemove},
        {"segment resize",
         "PROJECT ID",
         "Changes a segment's passage.",
         {{"--range", "START:END", "the new passage in code points"}},
         cmdSegmentResize},
        {"segment memo", "PROJECT ID TEXT", "Sets a segment's memo.", {}, cmdSegmentMemo},
        {"case add",
         "PROJECT NAME",
         "Adds a case.",
         {{"--kind", "K", "the kind of case (person, site …)"},
          {"--document", "D", "link this document to the case", Repeats},
          {"--attr", "KEY=VALUE", "set a case attribute", Repeats}},
         cmdCaseAdd},
        {"case attr", "PROJECT NAME KEY=VALUE...", "Sets attributes of a case.", {}, cmdCaseAttr},
        {"case link", "PROJECT NAME DOCUMENT", "Links a document to a case.", {}, cmdCaseLink},
        {"document attr", "PROJECT DOCUMENT KEY=VALUE...", "Sets attributes of a document.", {}, cmdDocumentAttr},
        {"document rename", "PROJECT DOCUMENT NEW-NAME", "Renames a document.", {}, cmdDocumentRename},
        {"document delete",
         "PROJECT DOCUMENT",
         "Deletes a document (undo brings it back).",
         {{"--force", nullptr, "also when it has segments"}},
         cmdDocumentDelete},
        {"attribute define",
         "PROJECT NAME",
         "Defines an attribute and its type.",
         {{"--scope", "case|document", "what the attribute describes (default case)"},
          {"--type", "text|number|date|boolean|choice", "its type (default text)"},
          {"--choices", "a,b,c", "the values of a choice attribute"}},
         cmdAttributeDefine},
        {"memo add",
         "PROJECT TEXT",
         "Adds a memo on the project or on one thing in it.",
         {{"--project", nullptr, "a memo on the whole project (the default)"},
          {"--document", "D", "a memo on this document"},
          {"--code", "PATH", "a memo on this code"},
          {"--segment", "ID", "a memo on this segment"},
          {"--case", "NAME", "a memo on this case"},
          {"--title", "T", "the memo's title"}},
         cmdMemoAdd},
        {"memo edit", "PROJECT ID TEXT", "Replaces a memo's text.", {}, cmdMemoEdit},
        {"memo delete", "PROJECT ID", "Deletes a memo.", {}, cmdMemoDelete},
        {"undo", "PROJECT", "Undoes the last change.", {{"--steps", "N", "undo this many changes"}}, cmdUndo},
        {"redo", "PROJECT", "Redoes the last undone change.", {{"--steps", "N", "redo this many changes"}}, cmdRedo},
        {"history", "PROJECT", "Lists the changes, newest last, and where undo stands.", {}, cmdHistory},
        {"compact", "PROJECT", "Rewrites the file without unused space.", {}, cmdCompact},
        {"verify",
         "PROJECT",
         "Checks the file, its indexes and its change log, and says what is wrong.",
         {},
         cmdVerify},
        {"save-copy", "PROJECT COPY.quire", "Writes a consistent copy of the project.", {}, cmdSaveCopy},
        {"backup", "PROJECT", "Makes a backup of the project now.", {}, cmdBackup},
        {"backup list", "PROJECT", "Lists the project's backups, newest first.", {}, cmdBackupList},
        {"backup restore",
         "PROJECT [BACKUP.quire]",
         "Puts a backup (default the newest) in the project's place.",
         {},
         cmdBackupRestore},
        {"export",
         "PROJECT",
         "Writes a report or table. --format qdpx or qdc writes a REFI-QDA project or codebook; then only --format "
         "and --out apply.",
         {{"--out", "FILE", "the file to write (required)"},
          {"--format", "md|csv|docx|odt|html|xlsx|pdf|qdpx|qdc", "the file format (default: from the file name)"},
          {"--template", "theme-table|quotes|matrix|codebook", "what the report shows"},
          {"--by", "ATTRIBUTE", "columns by this attribute"},
          {"--citation", "TEMPLATE", "how a quote's source is cited"},
          {"--codes", "PATH", "only these codes", Repeats},
          {"--redact", "RULES-FILE", "replace names and places as the rules file says"},
          {"--dry-run", nullptr, "together with --redact: list what would be replaced, write nothing"},
          {"--max-quotes", "N", "at most N quotes per code"},
          {"--order", "document|chosen|starred", "the order of quotes"},
          {"--starred-only", nullptr, "only starred quotes (quote star)"},
          {"--max-length", "N", "shorten quotes longer than N characters"},
          {"--locator", "page|time|none", "what follows a quote to find it again"},
          {"--speaker-label", nullptr, "start a quote with its speaker's name"},
          {"--memos", nullptr, "include the codes' memos"},
          {"--no-timestamp", nullptr, "leave out the date of the export"},
          {"--by-order", "V1,V2,…", "the order of the --by columns (default: the attribute's choice order)", Repeats},
          {"--mark", "TEXT|count", "what a matrix cell shows when coded (default ✓)"},
          {"--row-header", "TEXT", "the header of the first column"}},
         cmdExport},
        {"quote star",
         "PROJECT SEGMENT",
         "Stars a quote for reports.",
         {{"--order", "N", "its place among the starred quotes"}},
         cmdQuoteStar},
        {"quote unstar", "PROJECT SEGMENT", "Removes a quote's star.", {}, cmdQuoteUnstar},
        {"quote edit",
         "PROJECT SEGMENT [TEXT]",
         "Sets the text a report shows for a quote (the document is not changed).",
         {{"--text", "TEXT", "the shown text, instead of the TEXT argument"}},
         cmdQuoteEdit},
        {"quote clear-edit", "PROJECT SEGMENT", "Shows the quote as coded again.", {}, cmdQuoteClearEdit},
        {"quote list",
         "PROJECT [SEGMENT]",
         "Lists starred and edited quotes.",
         {{"--starred", nullptr, "only starred quotes"}},
         cmdQuoteList},
        {"plugins", "", "Lists the format plugins and whether they loaded.", {}, cmdPlugins},
        {"search",
         "PROJECT QUERY",
         "Searches the documents (see docs/search.md for the query language).",
         {{"--kwic", "N", "characters of context on each side (default 40)"},
          {"--sentence", nullptr, "show the whole sentence as context"},
          {"--regex", nullptr, "QUERY is a regular expression"},
          {"--limit", "N", "at most N hits"},
          {"--in", "documents|memos|codes|all", "what to search"}},
         cmdSearch},
        {"autocode",
         "PROJECT QUERY",
         "Codes the hits of a search.",
         {{"--code", "PATH", "the code to apply (required)"},
          {"--extend", "hit|word|sentence|paragraph|turn", "how far each coded passage reaches"},
          {"--hits", "1,3,5-7", "only these hits, numbered as search shows them"},
          {"--regex", nullptr, "QUERY is a regular expression"}},
         cmdAutocode},
        {"words",
         "PROJECT",
         "Counts words.",
         {{"--by", "document|code|speaker|case|ATTRIBUTE", "count separately for each"},
          {"--stem", nullptr, "count word stems, not words"},
          {"--stopwords", "none|english", "which common words to leave out"},
          {"--top", "N", "the N most frequent"},
          {"--document", "D", "only this document", Repeats}},
         cmdWords},
        {"reindex",
         "PROJECT",
         "Rebuilds the search index.",
         {{"--language", "LANG", "the language for word breaks and stems"},
          {"--check", nullptr, "only check that the index matches the documents"}},
         cmdReindex},
        {"crosstab",
         "PROJECT",
         "Counts coding by attribute, document or case (one of --by, --documents, --cases).",
         {{"--by", "ATTRIBUTE", "columns by this attribute"},
          {"--documents", nullptr, "a column per document"},
          {"--cases", nullptr, "a column per case"},
          {"--count", "segments|documents|cases", "what a cell counts"},
          {"--percent", "row|column", "show percentages"},
          {"--code", "PATH", "only these codes", Repeats},
          {"--direct", nullptr, "count a code's own segments only, not its children's"},
          {"--coded-by", "NAME", "only this coder's segments"},
          {"--out", "FILE.csv", "write the table to a file"}},
         cmdCrosstab},
        {"cooccur",
         "PROJECT",
         "Counts how often codes occur together.",
         {{"--mode", "overlap|near|turn|document", "what counts as together"},
          {"--distance", "N", "together with --mode near: at most N characters apart"},
          {"--code", "PATH", "only these codes", Repeats},
          {"--coded-by", "NAME", "only this coder's segments"},
          {"--coefficient", nullptr, "show the Jaccard coefficient, not counts"},
          {"--pairs", nullptr, "one line per pair instead of a matrix"},
          {"--min-count", "N", "leave out pairs seen fewer than N times"},
          {"--out", "FILE.csv|.graphml|.dot|.svg", "write the table or graph to a file"}},
         cmdCooccur},
        {"frequencies",
         "PROJECT",
         "Counts segments per code and document or speaker.",
         {{"--by", "document|speaker", "the columns"},
          {"--order-by", "ATTRIBUTE", "order the columns by this attribute"},
          {"--code", "PATH", "only these codes", Repeats},
          {"--direct", nullptr, "count a code's own segments only, not its children's"},
          {"--coded-by", "NAME", "only this coder's segments"},
          {"--out", "FILE.csv", "write the table to a file"}},
         cmdFrequencies},
        {"agreement",
         "PROJECT",
         "Inter-coder agreement (Krippendorff's alpha and more).",
         {{"--coders", "A,B,...", "the coders to compare (default all)"},
          {"--unit", "sentence|paragraph|turn", "the unit that is coded or not"},
          {"--document", "D", "only this document", Repeats},
          {"--code", "PATH", "only these codes", Repeats},
          {"--silent-missing", nullptr, "a coder who did not code a document counts as missing, not as \"no code\""},
          {"--bootstrap", "N", "N bootstrap samples for a confidence interval"},
          {"--seed", "N", "the random seed of the bootstrap"},
          {"--confidence", "C", "the confidence level (default 0.95)"},
          {"--resample", "auto|documents|units", "what the bootstrap draws"},
          {"--no-unitizing", nullptr, "leave out the unitizing alpha"},
          {"--out", "FILE.csv", "write the results to a file"},
          {"--pairs", "FILE.csv", "write agreement per pair of coders to a file"},
          {"--disagreements", "FILE.csv", "write every disagreement to a file"},
          {"--show", "N", "show N disagreements (default 20)"}},
         cmdAgreement},
        {"merge",
         "PROJECT OTHER-PROJECT",
         "Merges another coder's copy into the project.",
         {{"--no-copy", nullptr,
           "do not copy documents only the other project has (they are reported, their segments skipped)"}},
         cmdMerge},
        {"copy-for-coder",
         "PROJECT NEW-PROJECT",
         "Makes a copy for another coder to code on their own.",
         {{"--keep-memos", nullptr, "keep project, document and case memos in the copy"}},
         cmdCopyForCoder},
        {"wtfc template",
         "PROJECT",
         "Shows the workshop template, or changes it with the options.",
         {{"--preset", "default|glad-sad-mad", "start from a preset"},
          {"--area", "A", "a statement area", Repeats},
          {"--perspective", "P", "a success perspective", Repeats},
          {"--solution-kind", "K", "a kind of solution", Repeats},
          {"--x-axis", "NAME", "the grid's horizontal axis"},
          {"--y-axis", "NAME", "the grid's vertical axis"},
          {"--quadrant", "LABEL", "a grid quadrant (four, in order)", Repeats}},
         cmdWtfcTemplate},
        {"wtfc statements",
         "PROJECT",
         "Lists the statements.",
         {{"--area", "A", "only this area"}, {"--unthemed", nullptr, "only statements in no theme"}},
         cmdWtfcStatements},
        {"wtfc theme list", "PROJECT", "Lists the themes.", {}, cmdWtfcThemeList},
        {"wtfc theme add",
         "PROJECT AREA|* NAME",
         "Adds a theme (* : a strategic theme in every area, one step).",
         {{"--description", "T", "what the theme is about"}},
         cmdWtfcThemeAdd},
        {"wtfc theme grid",
         "PROJECT",
         "Themes × areas, the top notes of each cell by votes.",
         {{"--top", "N", "notes per cell (default 3)"},
          {"--rank", "stars|dots", "rank notes by stars or by dots (default stars)"},
          {"--empty", "TEXT", "what an empty cell says (default \"(no top 3 identified)\")"},
          {"--group", "G", "count only this voter group's votes"},
          {"--all-notes", nullptr, "list notes without votes too"},
          {"--totals", nullptr, "add each theme's vote totals"},
          {"--theme-header", "TEXT", "the header of the themes column"},
          {"--out", "FILE", "write .md, .csv, .html, .docx, .odt, .pdf or .xlsx (default: print Markdown)"}},
         cmdWtfcThemeGrid},
        {"wtfc theme assign",
         "PROJECT THEME STATEMENT...",
         "Puts statements in a theme.",
         {{"--area", "A", "the theme's area, when the name is used in more than one"}},
         cmdWtfcThemeAssign},
        {"wtfc theme unassign",
         "PROJECT STATEMENT...",
         "Takes statements out of their theme.",
         {{"--area", "A", "the statements' area"}},
         cmdWtfcThemeUnassign},
        {"wtfc theme rename",
         "PROJECT THEME NAME",
         "Renames a theme (a strategic theme in every area).",
         {{"--area", "A", "the theme's area, when the name is used in more than one"},
          {"--this-area", nullptr, "rename only this area's theme, taking it out of its strategic theme"}},
         cmdWtfcThemeRename},
        {"wtfc theme delete", "PROJECT THEME", "Deletes a theme.", {}, cmdWtfcThemeDelete},
        {"wtfc vote",
         "PROJECT ITEM",
         "Records votes for an item.",
         {{"--dots", "N", "N dots"}, {"--stars", "N", "N stars"}, {"--group", "G", "the group that voted"}},
         cmdWtfcVote},
        {"wtfc select",
         "PROJECT STAGE ITEM...",
         "Selects items for a stage.",
         {{"--drop", nullptr, "unselect them"}},
         cmdWtfcSelect},
        {"wtfc istatement add",
         "PROJECT THEME TEXT",
         "Adds an I statement to a theme.",
         {{"--statement", "S", "a statement it comes from", Repeats}, {"--area", "A", "the theme's area"}},
         cmdWtfcIstatementAdd},
        {"wtfc istatement link",
         "PROJECT ISTATEMENT STATEMENT...",
         "Links statements to an I statement.",
         {},
         cmdWtfcIstatementLink},
        {"wtfc cause add", "PROJECT TEXT", "Adds a cause.", {}, cmdWtfcCauseAdd},
        {"wtfc why", "PROJECT NODE CAUSE", "Records that CAUSE is a reason for NODE.", {}, cmdWtfcWhy},
        {"wtfc unlink", "PROJECT NODE CAUSE", "Removes that link.", {}, cmdWtfcUnlink},
        {"wtfc analyse", "PROJECT", "Analyses the root-cause graph.", {}, cmdWtfcAnalyse},
        {"wtfc trace",
         "PROJECT ITEM",
         "Follows an item's causes to the statements.",
         {{"--reverse", nullptr, "follow from statements to causes"}},
         cmdWtfcTrace},
        {"wtfc success add", "PROJECT CAUSE PERSPECTIVE TEXT", "Adds a success statement.", {}, cmdWtfcSuccessAdd},
        {"wtfc solution add", "PROJECT CAUSE KIND TEXT", "Adds a solution.", {}, cmdWtfcSolutionAdd},
        {"wtfc success edit",
         "PROJECT SUCCESS",
         "Changes a success statement.",
         {{"--perspective", "P", "the new perspective"}, {"--text", "TEXT", "the new text"}},
         cmdWtfcSuccessEdit},
        {"wtfc success delete", "PROJECT SUCCESS", "Deletes a success statement.", {}, cmdWtfcSuccessDelete},
        {"wtfc solution edit",
         "PROJECT SOLUTION",
         "Changes a solution's kind or text.",
         {{"--kind", "K", "the new kind"}, {"--text", "TEXT", "the new text"}},
         cmdWtfcSolutionEdit},
        {"wtfc solution delete", "PROJECT SOLUTION", "Deletes a solution with its actions.", {}, cmdWtfcSolutionDelete},
        {"wtfc grid place",
         "PROJECT SOLUTION",
         "Places a solution on the grid (--x and --y, or --quadrant).",
         {{"--x", "SCORE", "horizontal score, 0 to 10"},
          {"--y", "SCORE", "vertical score, 0 to 10"},
          {"--quadrant", "LABEL", "the quadrant, instead of scores"}},
         cmdWtfcGridPlace},
        {"wtfc action add",
         "PROJECT SOLUTION TEXT",
         "Adds an action.",
         {{"--owner", "WHO", "who does it"},
          {"--due", "YYYY-MM-DD", "by when"},
          {"--status", "S", "its status (default planned)"}},
         cmdWtfcActionAdd},
        {"wtfc action status", "PROJECT ACTION STATUS", "Sets an action's status.", {}, cmdWtfcActionStatus},
        {"wtfc action edit",
         "PROJECT ACTION",
         "Changes an action's text, owner or due date.",
         {{"--text", "TEXT", "the new text"},
          {"--owner", "WHO", "who does it (empty: nobody)"},
          {"--due", "YYYY-MM-DD", "by when (empty: no date)"}},
         cmdWtfcActionEdit},
        {"wtfc action delete", "PROJECT ACTION", "Deletes an action.", {}, cmdWtfcActionDelete},
        {"wtfc export",
         "PROJECT",
         "Writes the workshop report or graph.",
         {{"--out", "FILE", "the file to write (required)"},
          {"--format", "md|html|docx|pdf|dot|graphml|svg", "the file format (default: from the file name)"}},
         cmdWtfcExport},
    };
}

QString optionText(const OptionSpec &o)
{
    QString t = QString::fromUtf8(o.name);
    if (o.value)
        t += QLatin1Char(' ') + QString::fromUtf8(o.value);
    return t;
}

} // namespace

const std::vector<VerbSpec> &verbTable()
{
    static const std::vector<VerbSpec> table = makeTable();
    return table;
}

const VerbSpec &verbSpec(const QString &name)
{
    for (const VerbSpec &v : verbTable()) {
        if (name == QLatin1String(v.name))
            return v;
    }
    throw Error(QStringLiteral("internal error: quire-cli has no option table for \"%1\"").arg(name));
}

const VerbSpec *findVerb(const QStringList &words, qsizetype &used)
{
    for (qsizetype n = words.size(); n > 0; --n) {
        QString name = words.mid(0, n).join(QLatin1Char(' '));
        if (name == QLatin1String("wtfc analyze"))
            name = QStringLiteral("wtfc analyse");
        for (const VerbSpec &v : verbTable()) {
            if (name == QLatin1String(v.name)) {
                used = n;
                return &v;
            }
        }
    }
    return nullptr;
}

std::vector<const VerbSpec *> verbsUnder(const QString &topic)
{
    std::vector<const VerbSpec *> out;
    const QString prefix = topic + QLatin1Char(' ');
    for (const VerbSpec &v : verbTable()) {
        const QString name = QString::fromUtf8(v.name);
        if (name == topic || name.startsWith(prefix))
            out.push_back(&v);
    }
    return out;
}

QString synopsis(const VerbSpec &verb)
{
    const QString head = QStringLiteral("quire-cli ") + QString::fromUtf8(verb.name);
    QStringList parts{head};
    if (*verb.arguments)
        parts << QString::fromUtf8(verb.arguments);
    for (const OptionSpec &o : verb.options)
        parts << QLatin1Char('[') + optionText(o) + QLatin1Char(']') + (o.repeats ? QStringLiteral("...") : QString());
    // Wrapped at 100 columns, continuation lines indented under the arguments.
    const QString indent(head.size() + 1, QLatin1Char(' '));
    QString out, line;
    for (const QString &p : parts) {
        if (!line.isEmpty() && line.size() + 1 + p.size() > 100) {
            out += line + QLatin1Char('\n');
            line = indent + p;
        } else {
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + p;
        }
    }
    return out + line + QLatin1Char('\n');
}

QString verbHelp(const QString &topic)
{
    QString out;
    for (const VerbSpec *v : verbsUnder(topic)) {
        if (!out.isEmpty())
            out += QLatin1Char('\n');
        out += QStringLiteral("Usage: ") + synopsis(*v);
        out += QStringLiteral("\n  ") + QString::fromUtf8(v->summary) + QLatin1Char('\n');
        if (v->options.empty())
            continue;
        out += QStringLiteral("\nOptions:\n");
        int width = 0;
        for (const OptionSpec &o : v->options)
            width = std::max(width, int(optionText(o).size()));
        for (const OptionSpec &o : v->options) {
            out += QStringLiteral("  %1  %2%3\n")
                       .arg(optionText(o).leftJustified(width), QString::fromUtf8(o.help),
                            o.repeats ? QStringLiteral(" (may be repeated)") : QString());
        }
    }
    return out;
}

QString overallHelp()
{
    QString out = QStringLiteral("Usage: quire-cli [--json] [--coder NAME] VERB ...\n"
                                 "       quire-cli VERB --help | quire-cli help VERB | quire-cli --version\n\n"
                                 "Global options (before the verb; --json also after it):\n"
                                 "  --json        print results as one JSON document\n"
                                 "  --coder NAME  record changes for this coder (default $QUIRE_CODER)\n\n"
                                 "Verbs:\n");
    for (const VerbSpec &v : verbTable())
        out += synopsis(v);
    out += QStringLiteral("\nOffsets are Unicode code points into the stored text. See docs/cli.md and, for the "
                          "wtfc verbs (Working Together for Change), docs/wtfc.md.\n");
    return out;
}

} // namespace Quire::Cli
