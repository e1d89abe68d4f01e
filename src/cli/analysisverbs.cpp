// SPDX-License-Identifier: GPL-3.0-or-later
// The analysis and team-coding verbs of quire-cli: crosstab, cooccur,
// frequencies, agreement, merge and copy-for-coder (docs/analysis.md).
#include "analysisverbs.h"

#include "args.h"
#include "output.h"

#include "analysis/agreement.h"
#include "analysis/cooccurrence.h"
#include "analysis/crosstab.h"
#include "analysis/frequencies.h"
#include "analysis/teamwork.h"
#include "error.h"
#include "model/project.h"
#include "storage/fileerrors.h"
#include "tablesfile.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace Quire::Cli {

using namespace Quire::Analysis;

namespace {

qint64 number(const Args &a, const QString &verb, const QString &option, qint64 fallback, qint64 minimum)
{
    return wholeNumber(a, verb, option, fallback, minimum);
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    FileErrors::saveFile(path, bytes);
}

QJsonValue optional(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QJsonArray strings(const QStringList &l)
{
    return QJsonArray::fromStringList(l);
}

QJsonArray integers(const std::vector<qint64> &v)
{
    QJsonArray a;
    for (qint64 x : v)
        a.append(x);
    return a;
}

bool isXlsx(const QString &path)
{
    return path.endsWith(QStringLiteral(".xlsx"), Qt::CaseInsensitive);
}

/// A report or appendix document: Markdown, HTML, Word, OpenDocument or PDF.
bool isDocument(const QString &path)
{
    return QStringList{QStringLiteral("md"), QStringLiteral("html"), QStringLiteral("docx"), QStringLiteral("odt"),
                       QStringLiteral("pdf")}
        .contains(QFileInfo(path).suffix().toLower());
}

void checkCsvOut(const QString &verb, const QString &path)
{
    if (!path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive) && !isXlsx(path) && !isDocument(path))
        throw UsageError(QStringLiteral("%1: --out writes .csv, .xlsx, .docx, .odt, .pdf, .html or .md, not \"%2\"")
                             .arg(verb, path));
}

/// CSV: the first table; XLSX: every table, one worksheet each; a document
/// (.docx, .odt, .pdf, .html, .md): every table under a heading (src/render).
void writeTables(const QString &path, const std::vector<AnalysisTable> &tables, const QString &title,
                 const Project &project)
{
    Render::writeTables(path, tables, title, project.fileName());
}

} // namespace

int cmdCrosstab(const Context &c, const QStringList &words)
{
    const QString verb = QStringLiteral("crosstab");
    Args a(words, verb);
    a.expectAtMost(1);
    CrosstabOptions o;
    const int kinds = int(a.has(QStringLiteral("by"))) + int(a.has(QStringLiteral("documents"))) +
                      int(a.has(QStringLiteral("cases")));
    if (kinds != 1)
        throw UsageError(QStringLiteral("crosstab: give exactly one of --by ATTRIBUTE, --documents or --cases"));
    if (a.has(QStringLiteral("documents")))
        o.columns = ColumnKind::Document;
    else if (a.has(QStringLiteral("cases")))
        o.columns = ColumnKind::Case;
    o.attribute = a.value(QStringLiteral("by"));
    if (a.has(QStringLiteral("count"))) {
        try {
            o.unit = countUnitFromString(a.value(QStringLiteral("count")));
        } catch (const Error &) {
            throw UsageError(QStringLiteral("crosstab: --count is segments, documents or cases, not \"%1\"")
                                 .arg(a.value(QStringLiteral("count"))));
        }
    }
    Crosstab::Cells cells = Crosstab::Cells::Counts;
    if (a.has(QStringLiteral("percent"))) {
        const QString p = a.value(QStringLiteral("percent"));
        if (p == QLatin1String("row"))
            cells = Crosstab::Cells::RowPercent;
        else if (p == QLatin1String("column"))
            cells = Crosstab::Cells::ColumnPercent;
        else
            throw UsageError(QStringLiteral("crosstab: --percent is row or column, not \"%1\"").arg(p));
    }
    o.codePaths = a.values(QStringLiteral("code"));
    o.includeSubcodes = !a.has(QStringLiteral("direct"));
    o.coder = a.value(QStringLiteral("coded-by"));
    if (a.has(QStringLiteral("out")))
        checkCsvOut(verb, a.value(QStringLiteral("out")));
    auto p = c.openProject(a.at(0, QStringLiteral("PROJECT")));
    const Crosstab x = computeCrosstab(*p, o);
    const AnalysisTable t = x.table(cells);
    if (a.has(QStringLiteral("out")))
        writeTables(
            a.value(QStringLiteral("out")),
            {t, x.table(cells == Crosstab::Cells::RowPercent ? Crosstab::Cells::Counts : Crosstab::Cells::RowPercent),
             x.table(cells == Crosstab::Cells::ColumnPercent ? Crosstab::Cells::Counts
                                                             : Crosstab::Cells::ColumnPercent)},
            QStringLiteral("Crosstab"), *p);
    if (c.json) {
        QJsonArray rows;
        for (std::size_t r = 0; r < x.rows.size(); ++r) {
            QJsonArray rowPct, colPct;
            for (std::size_t col = 0; col < std::size_t(x.columns.size()); ++col) {
                rowPct.append(100.0 * x.rowFraction(r, col));
                colPct.append(100.0 * x.columnFraction(r, col));
            }
            rows.append(QJsonObject{{QStringLiteral("code"), x.rows[r].path},
                                    {QStringLiteral("codeId"), x.rows[r].codeId},
                                    {QStringLiteral("cells"), integers(x.rows[r].cells)},
                                    {QStringLiteral("total"), x.rows[r].total},
                                    {QStringLiteral("rowPercent"), rowPct},
                                    {QStringLiteral("columnPercent"), colPct}});
        }
        printJson(QJsonObject{{QStringLiteral("columnsBy"), x.attribute},
                              {QStringLiteral("count"), toString(x.unit)},
                              {QStringLiteral("columns"), strings(x.columns)},
                              {QStringLiteral("rows"), rows},
                              {QStringLiteral("columnTotals"), integers(x.columnTotals)},
                              {QStringLiteral("grandTotal"), x.grandTotal}});
    } else if (!a.has(QStringLiteral("out"))) {
        print(t.toText());
    } else {
        print(QStringLiteral("Wrote %1 (%2 codes × %3 columns)\n")
                  .arg(a.value(QStringLiteral("out")))
                  .arg(x.rows.size())
                  .arg(x.columns.size()));
    }
    return 0;
}

int cmdCooccur(const Context &c, const QStringList &words)
{
    const QString verb = QStringLiteral("cooccur");
    Args a(words, verb);
    a.expectAtMost(1);
    CooccurrenceOptions o;
    if (a.has(QStringLiteral("mode"))) {
        try {
            o.mode = cooccurrenceModeFromString(a.value(QStringLiteral("mode")));
        } catch (const Error &) {
            throw UsageError(QStringLiteral("cooccur: --mode is overlap, near, turn or document, not \"%1\"")
                                 .arg(a.value(QStringLiteral("mode"))));
        }
    }
    if (a.has(QStringLiteral("distance")) && o.mode != CooccurrenceMode::Near)
        throw UsageError(QStringLiteral("cooccur: --distance goes with --mode near"));
    o.distance = number(a, verb, QStringLiteral("distance"), 0, 0);
    o.codePaths = a.values(QStringLiteral("code"));
    o.coder = a.value(QStringLiteral("coded-by"));
    const qint64 minCount = number(a, verb, QStringLiteral("min-count"), 1, 1);
    const QString out = a.value(QStringLiteral("out"));
    const QString suffix = QFileInfo(out).suffix().toLower();
    if (!out.isEmpty() && suffix != QLatin1String("csv") && suffix != QLatin1String("xlsx") && !isDocument(out) &&
        suffix != QLatin1String("graphml") && suffix != QLatin1String("dot") && suffix != QLatin1String("svg"))
        throw UsageError(
            QStringLiteral(
                "cooccur: --out writes .csv, .xlsx, .docx, .odt, .pdf, .html, .md, .graphml, .dot or .svg, not \"%1\"")
                .arg(out));
    auto p = c.openProject(a.at(0, QStringLiteral("PROJECT")));
    const Cooccurrence r = computeCooccurrence(*p, o);
    const AnalysisTable t = a.has(QStringLiteral("pairs")) ? r.pairs() : r.matrix(a.has(QStringLiteral("coefficient")));
    if (suffix == QLatin1String("csv"))
        t.writeCsv(out);
    else if (suffix == QLatin1String("xlsx") || isDocument(out))
        writeTables(out, {r.matrix(false), r.matrix(true), r.pairs()}, QStringLiteral("Code co-occurrence"), *p);
    else if (suffix == QLatin1String("graphml"))
        writeFile(out, r.toGraphml(minCount));
    else if (suffix == QLatin1String("dot"))
        writeFile(out, r.toDot(minCount));
    else if (suffix == QLatin1String("svg"))
        writeFile(out, r.toSvg(minCount));
    if (c.json) {
        QJsonArray counts, coefficients;
        for (std::size_t i = 0; i < r.codes.size(); ++i) {
            counts.append(integers(r.counts[i]));
            QJsonArray row;
            for (double v : r.coefficient[i])
                row.append(v);
            coefficients.append(row);
        }
        QJsonArray comps;
        for (int v : r.components(minCount))
            comps.append(v);
        printJson(QJsonObject{{QStringLiteral("mode"), toString(r.mode)},
                              {QStringLiteral("distance"), qint64(r.distance)},
                              {QStringLiteral("codes"), strings(r.paths)},
                              {QStringLiteral("occurrences"), integers(r.occurrences)},
                              {QStringLiteral("counts"), counts},
                              {QStringLiteral("coefficient"), coefficients},
                              {QStringLiteral("components"), comps},
                              {QStringLiteral("outsideTurns"), r.outsideTurns},
                              {QStringLiteral("pairs"), r.pairs().toJson()}});
    } else if (out.isEmpty()) {
        print(t.toText());
    } else {
        print(QStringLiteral("Wrote %1 (%2 codes)\n").arg(out).arg(r.codes.size()));
    }
    return 0;
}

int cmdFrequencies(const Context &c, const QStringList &words)
{
    const QString verb = QStringLiteral("frequencies");
    Args a(words, verb);
    a.expectAtMost(1);
    FrequencyOptions o;
    if (a.has(QStringLiteral("by"))) {
        try {
            o.axis = frequencyAxisFromString(a.value(QStringLiteral("by")));
        } catch (const Error &) {
            throw UsageError(QStringLiteral("frequencies: --by is document or speaker, not \"%1\"")
                                 .arg(a.value(QStringLiteral("by"))));
        }
    }
    if (a.has(QStringLiteral("order-by")) && o.axis != FrequencyAxis::Document)
        throw UsageError(QStringLiteral("frequencies: --order-by goes with --by document"));
    o.orderBy = a.value(QStringLiteral("order-by"));
    o.codePaths = a.values(QStringLiteral("code"));
    o.includeSubcodes = !a.has(QStringLiteral("direct"));
    o.coder = a.value(QStringLiteral("coded-by"));
    if (a.has(QStringLiteral("out")))
        checkCsvOut(verb, a.value(QStringLiteral("out")));
    auto p = c.openProject(a.at(0, QStringLiteral("PROJECT")));
    const Frequencies f = computeFrequencies(*p, o);
    const AnalysisTable t = f.table();
    if (a.has(QStringLiteral("out")))
        writeTables(a.value(QStringLiteral("out")), {t}, QStringLiteral("Code frequencies"), *p);
    if (c.json) {
        QJsonArray series;
        for (std::size_t i = 0; i < f.codes.size(); ++i)
            series.append(QJsonObject{{QStringLiteral("code"), f.paths[qsizetype(i)]},
                                      {QStringLiteral("counts"), integers(f.counts[i])}});
        QJsonObject o2{{QStringLiteral("by"),
                        o.axis == FrequencyAxis::Document ? QStringLiteral("document") : QStringLiteral("speaker")},
                       {QStringLiteral("labels"), strings(f.labels)},
                       {QStringLiteral("series"), series}};
        if (!f.orderValues.isEmpty())
            o2.insert(QStringLiteral("order"), strings(f.orderValues));
        printJson(o2);
    } else if (!a.has(QStringLiteral("out"))) {
        print(t.toText());
    } else {
        print(QStringLiteral("Wrote %1\n").arg(a.value(QStringLiteral("out"))));
    }
    return 0;
}

namespace {

QJsonObject agreementJson(const CodeAgreement &r)
{
    auto interval = [](const std::optional<Interval> &i) {
        return i ? QJsonValue(QJsonArray{i->low, i->high}) : QJsonValue();
    };
    QJsonArray pairs;
    for (const auto &p : r.pairs)
        pairs.append(QJsonObject{{QStringLiteral("coderA"), p.coderA},
                                 {QStringLiteral("coderB"), p.coderB},
                                 {QStringLiteral("units"), p.units},
                                 {QStringLiteral("both"), p.both},
                                 {QStringLiteral("onlyA"), p.onlyA},
                                 {QStringLiteral("onlyB"), p.onlyB},
                                 {QStringLiteral("neither"), p.neither},
                                 {QStringLiteral("percent"), optional(p.percent)},
                                 {QStringLiteral("kappa"), optional(p.kappa)}});
    return QJsonObject{{QStringLiteral("code"), r.path},
                       {QStringLiteral("codeId"), r.codeId},
                       {QStringLiteral("units"), r.units},
                       {QStringLiteral("unitsWithCode"), r.unitsWithCode},
                       {QStringLiteral("perCoder"), integers(r.perCoder)},
                       {QStringLiteral("unpairedPerCoder"), integers(r.unpairedPerCoder)},
                       {QStringLiteral("percent"), optional(r.percent)},
                       {QStringLiteral("kappa"), optional(r.kappa)},
                       {QStringLiteral("kappaInterval"), interval(r.kappaInterval)},
                       {QStringLiteral("alpha"), optional(r.alpha)},
                       {QStringLiteral("alphaInterval"), interval(r.alphaInterval)},
                       {QStringLiteral("unitizedAlpha"), optional(r.unitizedAlpha)},
                       {QStringLiteral("pairs"), pairs},
                       {QStringLiteral("note"), r.note}};
}

} // namespace

int cmdAgreement(const Context &c, const QStringList &words)
{
    const QString verb = QStringLiteral("agreement");
    Args a(words, verb);
    a.expectAtMost(1);
    AgreementOptions o;
    for (const QString &list : a.values(QStringLiteral("coders"))) {
        for (const QString &name : list.split(QLatin1Char(','), Qt::SkipEmptyParts))
            o.coders << name.trimmed();
    }
    if (a.has(QStringLiteral("unit"))) {
        try {
            o.unit = agreementUnitFromString(a.value(QStringLiteral("unit")));
        } catch (const Error &) {
            throw UsageError(QStringLiteral("agreement: --unit is sentence, paragraph or turn, not \"%1\"")
                                 .arg(a.value(QStringLiteral("unit"))));
        }
    }
    o.codePaths = a.values(QStringLiteral("code"));
    o.silentMeansMissing = a.has(QStringLiteral("silent-missing"));
    o.unitizing = !a.has(QStringLiteral("no-unitizing"));
    o.bootstrap = int(number(a, verb, QStringLiteral("bootstrap"), 1000, 0));
    o.seed = quint64(number(a, verb, QStringLiteral("seed"), qint64(o.seed), 0));
    if (a.has(QStringLiteral("confidence"))) {
        bool ok = false;
        o.confidence = a.value(QStringLiteral("confidence")).toDouble(&ok);
        if (!ok || o.confidence <= 0 || o.confidence >= 1)
            throw UsageError(
                QStringLiteral("agreement: --confidence takes a number between 0 and 1, like 0.95, not \"%1\"")
                    .arg(a.value(QStringLiteral("confidence"))));
    }
    if (a.has(QStringLiteral("resample"))) {
        const QString r = a.value(QStringLiteral("resample"));
        if (r == QLatin1String("auto"))
            o.resampling = Resampling::Auto;
        else if (r == QLatin1String("documents"))
            o.resampling = Resampling::Documents;
        else if (r == QLatin1String("units"))
            o.resampling = Resampling::Units;
        else
            throw UsageError(QStringLiteral("agreement: --resample is auto, documents or units, not \"%1\"").arg(r));
    }
    const qint64 show = number(a, verb, QStringLiteral("show"), 20, 0);
    for (const QString &opt : {QStringLiteral("out"), QStringLiteral("pairs"), QStringLiteral("disagreements")}) {
        if (a.has(opt))
            checkCsvOut(verb, a.value(opt));
    }
    for (const QString &opt : {QStringLiteral("pairs"), QStringLiteral("disagreements")}) {
        if (a.has(opt) && isXlsx(a.value(opt)))
            throw UsageError(
                QStringLiteral("agreement: --%1 writes CSV; --out FILE.xlsx puts every table in one workbook")
                    .arg(opt));
    }
    auto p = c.openProject(a.at(0, QStringLiteral("PROJECT")));
    for (const QString &d : a.values(QStringLiteral("document")))
        o.documents.push_back(p->findDocument(d).id);
    const AgreementReport r = computeAgreement(*p, o);
    if (a.has(QStringLiteral("out")))
        writeTables(a.value(QStringLiteral("out")), {r.table(), r.pairTable(), r.disagreementTable()},
                    QStringLiteral("Agreement between coders"), *p);
    if (a.has(QStringLiteral("pairs")))
        r.pairTable().writeCsv(a.value(QStringLiteral("pairs")));
    if (a.has(QStringLiteral("disagreements")))
        r.disagreementTable().writeCsv(a.value(QStringLiteral("disagreements")));
    if (c.json) {
        QJsonArray codes, disagreements;
        for (const auto &row : r.codes)
            codes.append(agreementJson(row));
        for (const auto &d : r.disagreements) {
            if (qint64(disagreements.size()) >= show)
                break;
            QJsonArray values;
            for (int v : d.values)
                values.append(v == Missing ? QJsonValue() : QJsonValue(v == 1));
            disagreements.append(QJsonObject{{QStringLiteral("code"), d.codePath},
                                             {QStringLiteral("document"), d.document},
                                             {QStringLiteral("start"), qint64(d.start)},
                                             {QStringLiteral("end"), qint64(d.end)},
                                             {QStringLiteral("text"), d.text},
                                             {QStringLiteral("values"), values}});
        }
        QJsonArray docs;
        for (Id d : r.documents)
            docs.append(p->document(d).name);
        printJson(QJsonObject{{QStringLiteral("coders"), strings(r.coders)},
                              {QStringLiteral("unit"), toString(r.unit)},
                              {QStringLiteral("documents"), docs},
                              {QStringLiteral("units"), r.units},
                              {QStringLiteral("segmentsOutsideUnits"), r.segmentsOutsideUnits},
                              {QStringLiteral("codingsOutsideUnits"), r.codingsOutsideUnits},
                              {QStringLiteral("documentsWithoutUnits"), r.documentsWithoutUnits},
                              {QStringLiteral("unpairedUnits"), r.unpairedUnits},
                              {QStringLiteral("unpairedDocuments"), r.unpairedDocuments},
                              {QStringLiteral("leftOut"), strings(r.leftOut())},
                              {QStringLiteral("bootstrap"), r.bootstrap},
                              {QStringLiteral("seed"), QString::number(r.seed)},
                              {QStringLiteral("confidence"), r.confidence},
                              {QStringLiteral("resampledBy"), r.resampledBy},
                              {QStringLiteral("codes"), codes},
                              {QStringLiteral("overall"), agreementJson(r.overall)},
                              {QStringLiteral("disagreementCount"), qint64(r.disagreements.size())},
                              {QStringLiteral("disagreements"), disagreements}});
        return 0;
    }
    QString text = r.table().toText();
    for (const QString &line : r.leftOut())
        text += line + QLatin1Char('\n');
    if (!r.resampledBy.isEmpty())
        text += QStringLiteral("Intervals: %1 bootstrap replicates over %2, seed %3.\n")
                    .arg(r.bootstrap)
                    .arg(r.resampledBy)
                    .arg(r.seed);
    text += QStringLiteral("%1 disagreements").arg(r.disagreements.size());
    if (!r.disagreements.empty() && show > 0) {
        text += QStringLiteral(" (first %1):\n").arg(std::min<qint64>(show, qint64(r.disagreements.size())));
        AnalysisTable d = r.disagreementTable();
        if (qint64(d.rows.size()) > show)
            d.rows.resize(std::size_t(show));
        d.title.clear();
        text += d.toText();
    } else {
        text += QLatin1Char('\n');
    }
    print(text);
    return 0;
}

int cmdMerge(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("merge"));
    a.expectAtMost(2);
    auto p = c.openProject(a.at(0, QStringLiteral("PROJECT")));
    const QString other = a.at(1, QStringLiteral("OTHER-PROJECT"));
    const MergeReport r = mergeProject(*p, other, !a.has(QStringLiteral("no-copy")));
    if (c.json) {
        printJson(QJsonObject{{QStringLiteral("ok"), true},
                              {QStringLiteral("other"), r.other},
                              {QStringLiteral("documentsMatched"), r.documentsMatched},
                              {QStringLiteral("documentsCopied"), r.documentsCopied},
                              {QStringLiteral("codesMatched"), r.codesMatched},
                              {QStringLiteral("codesAdded"), r.codesAdded},
                              {QStringLiteral("segmentsAdded"), r.segmentsAdded},
                              {QStringLiteral("segmentsAlreadyPresent"), r.segmentsAlreadyPresent},
                              {QStringLiteral("segmentsSkipped"), r.segmentsSkipped},
                              {QStringLiteral("memosAdded"), r.memosAdded},
                              {QStringLiteral("issues"), r.issueTable().toJson()}});
        return 0;
    }
    QString text =
        QStringLiteral(
            "Merged %1 into %2: %3 documents matched, %10 copied; %4 codes matched, %5 added; %6 segments added, "
            "%7 already present, %8 skipped; %9 memos added (one command: undo takes it back)\n")
            .arg(r.other, p->fileName())
            .arg(r.documentsMatched)
            .arg(r.codesMatched)
            .arg(r.codesAdded)
            .arg(r.segmentsAdded)
            .arg(r.segmentsAlreadyPresent)
            .arg(r.segmentsSkipped)
            .arg(r.memosAdded)
            .arg(r.documentsCopied);
    if (!r.issues.empty()) {
        AnalysisTable t = r.issueTable();
        t.title = QStringLiteral("%1 things to check:").arg(r.issues.size());
        text += t.toText();
    }
    print(text);
    return 0;
}

int cmdCopyForCoder(const Context &c, const QStringList &words)
{
    Args a(words, QStringLiteral("copy-for-coder"));
    a.expectAtMost(2);
    auto p = c.openProject(a.at(0, QStringLiteral("PROJECT")));
    const QString target = a.at(1, QStringLiteral("NEW-PROJECT"));
    CopyForCoderOptions o;
    o.keepMemos = a.has(QStringLiteral("keep-memos"));
    const CopyForCoderResult r = copyForCoder(*p, target, o);
    const QString message = QStringLiteral("Wrote %1 for a second coder: documents, cases, attributes and codebook; "
                                           "%2 segments and %3 memos left out, history empty\n")
                                .arg(target)
                                .arg(r.segmentsRemoved)
                                .arg(r.memosRemoved);
    if (c.json)
        printJson(QJsonObject{{QStringLiteral("ok"), true},
                              {QStringLiteral("path"), target},
                              {QStringLiteral("segmentsRemoved"), r.segmentsRemoved},
                              {QStringLiteral("memosRemoved"), r.memosRemoved}});
    else
        print(message);
    return 0;
}

} // namespace Quire::Cli
