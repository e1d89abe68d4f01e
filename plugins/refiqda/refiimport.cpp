// SPDX-License-Identifier: GPL-3.0-or-later
#include "refiimport.h"

#include "refimodel.h"
#include "refioffsets.h"

#include "error.h"
#include "formats/fileimport.h"
#include "io/ziparchive.h"
#include "model/exchangebuilder.h"
#include "text/textdecoder.h"
#include "text/textoffsets.h"

#include <map>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

namespace Quire::Refi {

namespace {

constexpr qint64 MaxPackageSize = qint64(1024) * 1024 * 1024;

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/// A source's text file inside the package: "internal://x.txt", "relative://x",
/// "absolute:///…/x" and a bare "x.txt" are all looked up inside the package
/// only (sources/ in any case, then the root). Quire never reads a path a
/// package names outside itself: an imported file must not pull in local files.
struct PackageFiles
{
    const ZipArchive *zip = nullptr;
    QStringList entries;

    std::optional<QString> find(const QString &reference) const
    {
        if (!zip || reference.trimmed().isEmpty())
            return std::nullopt;
        QString path = reference.trimmed();
        const qsizetype scheme = path.indexOf(QLatin1String("://"));
        if (scheme >= 0)
            path = path.mid(scheme + 3);
        while (path.startsWith(QLatin1Char('/')))
            path.remove(0, 1);
        const QString base = path.section(QLatin1Char('/'), -1);
        const QStringList candidates{QStringLiteral("sources/") + path, path, QStringLiteral("sources/") + base, base};
        for (const QString &c : candidates) {
            for (const QString &e : entries) {
                if (e.compare(c, Qt::CaseInsensitive) == 0 && ZipArchive::isSafeName(e))
                    return e;
            }
        }
        return std::nullopt;
    }
};

/// The raw text of a source: the file decoded, BOM removed, line endings as
/// written (the offsets may count them).
struct RawText
{
    QString raw;
    QString encoding;
    bool bom = false;
};

RawText decodeRaw(const QByteArray &bytes, const QString &label)
{
    RawText out;
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        out.bom = true;
        QStringDecoder dec(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        out.raw = dec(bytes.mid(3));
        out.encoding = QStringLiteral("UTF-8");
        if (dec.hasError())
            throw Error(
                QStringLiteral("%1: is not valid UTF-8 although it starts with a UTF-8 byte-order mark").arg(label));
        return out;
    }
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        const bool le = bytes.startsWith("\xFF\xFE");
        QStringDecoder dec(le ? QStringConverter::Utf16LE : QStringConverter::Utf16BE,
                           QStringConverter::Flag::Stateless);
        out.raw = dec(bytes.mid(2));
        out.bom = true;
        out.encoding = le ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE");
        if (dec.hasError())
            throw Error(QStringLiteral("%1: is not valid %2").arg(label, out.encoding));
        return out;
    }
    QStringDecoder dec(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    out.raw = dec(bytes);
    out.encoding = QStringLiteral("UTF-8");
    if (!dec.hasError())
        return out;
    // Not UTF-8: let the project's decoder pick the charset; line endings are
    // then already LF, so only code-point offsets over LF text can apply.
    const auto decoded = TextDecoder::decode(bytes, label);
    out.raw = decoded.text;
    out.encoding = decoded.encoding;
    return out;
}

QString expandColor(const QString &c)
{
    static const QRegularExpression six(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    static const QRegularExpression three(QStringLiteral("^#[0-9A-Fa-f]{3}$"));
    if (six.match(c).hasMatch())
        return c;
    if (three.match(c).hasMatch())
        return QStringLiteral("#%1%1%2%2%3%3").arg(c.at(1)).arg(c.at(2)).arg(c.at(3));
    return QString();
}

struct PreparedSource
{
    const TextSource *source = nullptr;
    QString name;
    QString text;  ///< stored text: LF, no BOM
    QString entry; ///< package entry, empty for inline content
    QString fileSha;
    QString encoding;
    bool bom = false;
    qsizetype crlf = 0;
    OffsetDecision decision;
    std::vector<std::pair<qsizetype, qsizetype>> ranges; ///< per selection, code points over `text`
    QJsonObject rich;
};

AttributeType quireType(const QString &refiType)
{
    if (refiType == QLatin1String("Boolean"))
        return AttributeType::Boolean;
    if (refiType == QLatin1String("Integer") || refiType == QLatin1String("Float"))
        return AttributeType::Number;
    if (refiType == QLatin1String("Date"))
        return AttributeType::Date;
    return AttributeType::Text; // Text, DateTime (Quire has no date-time type) and unknown types
}

bool fitsType(AttributeType type, const QString &value)
{
    const QString v = value.trimmed();
    switch (type) {
    case AttributeType::Number: {
        bool ok = false;
        v.toDouble(&ok);
        return ok;
    }
    case AttributeType::Date:
        return QDate::fromString(v, Qt::ISODate).isValid();
    case AttributeType::Boolean: {
        const QString l = v.toLower();
        return l == QLatin1String("true") || l == QLatin1String("false") || l == QLatin1String("1") ||
               l == QLatin1String("0") || l == QLatin1String("yes") || l == QLatin1String("no");
    }
    default:
        return true;
    }
}

} // namespace

ExchangeReport importPackage(Project &project, const QString &path, const ImportLimits &limits)
{
    const QFileInfo info(path);
    const QString label = info.fileName();
    if (!info.exists())
        throw Error(QStringLiteral("%1: no such file").arg(path));
    if (info.size() > MaxPackageSize)
        throw Error(QStringLiteral("%1: is larger than 1 GiB, more than a REFI-QDA package Quire reads").arg(label));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("%1: cannot be read (%2)").arg(label, f.errorString()));
    const QByteArray bytes = f.readAll();
    const QString ext = info.suffix().toLower();

    ExchangeReport report;
    report.file = label;
    report.format = ext;

    std::unique_ptr<ZipArchive> zip;
    PackageFiles files;
    Package pkg;
    if (ext == QLatin1String("qdpx")) {
        zip = std::make_unique<ZipArchive>(bytes, label);
        files.zip = zip.get();
        files.entries = zip->entries();
        // One entry that climbs out ("../", an absolute path) condemns the
        // whole package, as for every other zip format Quire reads.
        for (const QString &e : files.entries) {
            if (!ZipArchive::isSafeName(e))
                throw Error(QStringLiteral("%1: entry \"%2\" points outside the archive").arg(label, e));
        }
        QStringList qde;
        for (const QString &e : files.entries) {
            if (!e.contains(QLatin1Char('/')) && e.endsWith(QLatin1String(".qde"), Qt::CaseInsensitive))
                qde << e;
        }
        if (qde.isEmpty())
            throw Error(QStringLiteral("%1: the package has no .qde project file at its root").arg(label));
        if (qde.size() > 1)
            throw Error(QStringLiteral("%1: the package has %2 .qde files at its root (%3); a REFI-QDA package has one")
                            .arg(label)
                            .arg(qde.size())
                            .arg(qde.join(QStringLiteral(", "))));
        pkg = parseXml(zip->read(qde.front()), label, qde.front());
    } else if (ext == QLatin1String("qde") || ext == QLatin1String("qdc")) {
        pkg = parseXml(bytes, label,
                       ext == QLatin1String("qdc") ? QStringLiteral("codebook") : QStringLiteral("project"));
    } else {
        throw Error(QStringLiteral("%1: not a REFI-QDA file (.qdpx, .qde or .qdc)").arg(label));
    }
    report.origin = pkg.origin;
    if (pkg.isCodebook)
        report.format = QStringLiteral("qdc");

    // Counts as the file has them (the sample READMEs count these elements).
    report.setCount(QStringLiteral("users"), qint64(pkg.users.size()));
    report.setCount(QStringLiteral("codes"), pkg.elements.value(QStringLiteral("Code")));
    report.setCount(QStringLiteral("sources"), pkg.elements.value(QStringLiteral("TextSource")));
    report.setCount(QStringLiteral("selections"), pkg.elements.value(QStringLiteral("PlainTextSelection")));
    report.setCount(QStringLiteral("codings"), pkg.elements.value(QStringLiteral("Coding")));
    report.setCount(QStringLiteral("cases"), qint64(pkg.cases.size()));
    report.setCount(QStringLiteral("variables"), qint64(pkg.variables.size()));
    report.setCount(QStringLiteral("notes"), qint64(pkg.notes.size()));
    report.setCount(QStringLiteral("sets"), qint64(pkg.sets.size()));

    // ---- texts and offsets, all checked before the project is touched -----
    std::vector<PreparedSource> prepared;
    QStringList missing;
    QStringList decisions;
    QStringList offsetWarnings;
    qint64 unmappedSelections = 0;
    // The import limits, checked as the texts are read: many sources may
    // name one large file in the package.
    qint64 characters = 0;
    checkImportLimits(label, qint64(bytes.size()), qint64(pkg.sources.size()), characters, limits);
    for (const TextSource &src : pkg.sources) {
        PreparedSource p;
        p.source = &src;
        RawText raw;
        const QString what = src.name.isEmpty() ? src.guid : src.name;
        if (src.content) {
            raw.raw = *src.content;
            raw.encoding = QStringLiteral("UTF-8");
        } else {
            const auto entry = files.find(src.plainTextPath);
            if (!entry) {
                missing << QStringLiteral("%1 (%2)").arg(what, src.plainTextPath.isEmpty() ? QStringLiteral("no text")
                                                                                           : src.plainTextPath);
                unmappedSelections += qint64(src.selections.size());
                continue;
            }
            const QByteArray fileBytes = zip->read(*entry);
            p.entry = *entry;
            p.fileSha = sha256(fileBytes);
            raw = decodeRaw(fileBytes, QStringLiteral("%1: %2").arg(label, *entry));
        }
        p.encoding = raw.encoding;
        p.bom = raw.bom;
        p.text = TextDecoder::normaliseLineEndings(raw.raw, &p.crlf);
        characters += p.text.size();
        checkImportLimits(label, qint64(bytes.size()), qint64(pkg.sources.size()), characters, limits);
        if (p.fileSha.isEmpty())
            p.fileSha = sha256(p.text.toUtf8());
        if (!src.richTextPath.isEmpty()) {
            p.rich.insert(QStringLiteral("richTextPath"), src.richTextPath);
            if (const auto r = files.find(src.richTextPath)) {
                const QByteArray rb = zip->read(*r);
                p.rich.insert(QStringLiteral("richTextEntry"), *r);
                p.rich.insert(QStringLiteral("richTextSha256"), sha256(rb));
                p.rich.insert(QStringLiteral("richTextSize"), qint64(rb.size()));
            }
        }
        // Offsets: decided per source, from the origin and the selections themselves.
        OffsetInput in;
        in.origin = pkg.origin;
        in.sourceLabel = QStringLiteral("%1: source \"%2\"").arg(label, what);
        in.raw = raw.raw;
        in.rawKeepsLineEndings = !src.content && raw.encoding.startsWith(QLatin1String("UTF-"));
        for (const Selection &s : src.selections)
            in.selections.push_back({s.guid, s.name, s.start, s.end});
        p.decision = decideOffsets(in, p.text);
        p.ranges = p.decision.ranges;
        if (!src.selections.empty())
            decisions << QStringLiteral("%1: %2").arg(what, p.decision.summary);
        if (!p.decision.mixWarning.isEmpty())
            offsetWarnings << QStringLiteral("warning: ") + p.decision.mixWarning;
        p.name = src.name.trimmed().isEmpty() ? src.guid : src.name.trimmed(); // the builder makes it unique
        prepared.push_back(std::move(p));
    }
    if (!missing.isEmpty())
        report.unmapped
            << QStringLiteral(
                   "%1 text source(s) or PDF representation(s) whose text is not in the package, with their %2 selection(s): %3")
                   .arg(missing.size())
                   .arg(unmappedSelections)
                   .arg(missing.join(QStringLiteral(", ")));
    {
        QStringList units;
        for (const auto &p : prepared) {
            if (!p.source->selections.empty() && !units.contains(p.decision.unitName))
                units << p.decision.unitName;
        }
        report.offsetDecision = units.isEmpty() ? QStringLiteral("no text selections to convert")
                                                : QStringLiteral("%1 (origin \"%2\"); %3")
                                                      .arg(units.join(QStringLiteral(" / ")), pkg.origin,
                                                           decisions.join(QStringLiteral("; ")));
    }

    // ---- the plan: handed to the project's exchange builder, written as one command
    qint64 uncodedSelections = 0, emptySelections = 0, notCodable = 0;
    qint64 codeSetsUnmapped = 0, sourceSetsUnmapped = 0, emptyNotes = 0, linksUnmapped = 0, caseCodeRefs = 0;
    qint64 projectDescriptions = 0, caseDescriptionsAsNotes = 0;
    QStringList attributeNotes;
    QStringList valueNotes;
    QStringList lostCaseLinks;
    ImportedFile file;
    file.sourcePath = info.absoluteFilePath();
    file.sha256 = sha256(bytes);
    file.format = QStringLiteral("refiqda");
    file.size = bytes.size();
    ExchangeBuilder builder(project, label, file);

    // Users become coders. Every reference below is a GUID as normalGuid() gives it.
    QSet<QString> userRefs;
    for (const User &u : pkg.users) {
        QString name = u.name.trimmed();
        if (name.isEmpty())
            name = u.id.trimmed();
        if (name.isEmpty())
            name = QStringLiteral("user %1").arg(normalGuid(u.guid).left(8));
        builder.addCoder({normalGuid(u.guid), name});
        userRefs.insert(normalGuid(u.guid));
    }
    auto coderRef = [&](const QString &userGuid) {
        return userRefs.contains(normalGuid(userGuid)) ? normalGuid(userGuid) : QString();
    };

    // Codes: an existing code with the same GUID is the same code.
    QSet<QString> codeRefs;
    for (const Code &c : pkg.codes) {
        if (!c.codable)
            ++notCodable;
        ExchangeCode code;
        code.ref = normalGuid(c.guid);
        code.guid = c.guid;
        code.name = c.name;
        code.color = expandColor(c.color);
        code.description = c.description;
        if (c.parent >= 0)
            code.parentRef = normalGuid(pkg.codes[std::size_t(c.parent)].guid);
        builder.addCode(code);
        codeRefs.insert(code.ref);
    }

    // Documents, stored through the project's own import (search index, lengths).
    QSet<QString> docRefs;
    for (const auto &p : prepared) {
        ExchangeDocument d;
        d.ref = normalGuid(p.source->guid);
        d.document.name = p.name;
        d.document.text = p.text;
        d.document.encoding = p.encoding;
        QJsonObject meta = p.rich;
        meta.insert(QStringLiteral("refiGuid"), p.source->guid);
        meta.insert(QStringLiteral("origin"), pkg.origin);
        meta.insert(QStringLiteral("entry"), p.entry);
        meta.insert(QStringLiteral("entrySha256"), p.fileSha);
        meta.insert(QStringLiteral("bomRemoved"), p.bom);
        meta.insert(QStringLiteral("crlfConverted"), qint64(p.crlf));
        meta.insert(QStringLiteral("offsets"), p.decision.unitName);
        if (!p.source->container.isEmpty())
            meta.insert(QStringLiteral("container"), p.source->container);
        d.document.meta = meta;
        builder.addDocument(d);
        docRefs.insert(d.ref);
    }

    // Attributes: variables declare types; values that do not fit the
    // declared type make it a text attribute rather than fail the import.
    QHash<QString, const Variable *> variableOf;
    for (const Variable &v : pkg.variables)
        variableOf.insert(normalGuid(v.guid), &v);
    {
        std::map<std::pair<AttributeScope, QString>, QStringList> valuesOf;
        auto collect = [&](AttributeScope scope, const std::vector<VariableValue> &values) {
            for (const auto &vv : values) {
                const Variable *v = variableOf.value(normalGuid(vv.variableGuid));
                if (v)
                    valuesOf[{scope, v->name}] << vv.value;
            }
        };
        for (const auto &s : pkg.sources)
            collect(AttributeScope::Document, s.values);
        for (const auto &c : pkg.cases)
            collect(AttributeScope::Case, c.values);
        for (const auto &[key, values] : valuesOf) {
            const Variable *v = nullptr;
            for (const auto &var : pkg.variables) {
                if (var.name == key.second)
                    v = &var;
            }
            AttributeType type = quireType(v ? v->type : QString());
            for (const QString &value : values) {
                if (!fitsType(type, value)) {
                    attributeNotes << QStringLiteral("variable \"%1\" is declared %2 but holds \"%3\"; kept as text")
                                          .arg(key.second, v ? v->type : QStringLiteral("?"), value);
                    type = AttributeType::Text;
                    break;
                }
            }
            builder.defineAttribute({key.first, key.second, type});
        }
    }
    auto setValues = [&](AttributeScope scope, const QString &owner, const std::vector<VariableValue> &values) {
        for (const auto &vv : values) {
            const Variable *v = variableOf.value(normalGuid(vv.variableGuid));
            if (!v) {
                valueNotes << QStringLiteral(
                                  "a value refers to variable %1, which the project does not declare; skipped")
                                  .arg(vv.variableGuid);
                continue;
            }
            if (vv.value.trimmed().isEmpty())
                continue;
            builder.setValue({scope, owner, v->name, vv.value.trimmed()});
        }
    };
    for (const auto &p : prepared)
        setValues(AttributeScope::Document, normalGuid(p.source->guid), p.source->values);

    // Sets of sources are document groups: "name: value" (ATLAS.ti's way of
    // writing document variables) becomes that attribute, any other set a
    // true/false attribute named after the set. Sets of codes have no place.
    for (const Set &s : pkg.sets) {
        if (!s.memberCodes.isEmpty())
            ++codeSetsUnmapped;
        QStringList members;
        for (const QString &g : s.memberSources) {
            if (docRefs.contains(normalGuid(g)))
                members << normalGuid(g);
        }
        if (members.isEmpty()) {
            if (!s.memberSources.isEmpty())
                ++sourceSetsUnmapped;
            continue;
        }
        static const QRegularExpression nameValue(QStringLiteral("^([^:]+):\\s*(.+)$"));
        const auto m = nameValue.match(s.name.trimmed());
        for (const QString &doc : members) {
            if (m.hasMatch())
                builder.setValue({AttributeScope::Document, doc, m.captured(1).trimmed(), m.captured(2).trimmed()});
            else
                builder.setValue({AttributeScope::Document, doc, QStringLiteral("set: %1").arg(s.name.trimmed()),
                                  QStringLiteral("yes")});
        }
    }

    // Cases: a nameless case takes the name of its one source (some tools
    // write one case per document that way).
    QHash<QString, QString> caseOfSelection;
    QSet<QString> caseRefs;
    QSet<QString> sourceGuids;
    for (const TextSource &src : pkg.sources)
        sourceGuids.insert(normalGuid(src.guid));
    for (const Case &c : pkg.cases) {
        ExchangeCase item;
        item.ref = normalGuid(c.guid);
        item.name = c.name.trimmed();
        if (item.name.isEmpty() && c.sourceRefs.size() == 1 && docRefs.contains(normalGuid(c.sourceRefs.front())))
            item.nameFromDocument = normalGuid(c.sourceRefs.front());
        else if (item.name.isEmpty())
            item.name = QStringLiteral("case %1").arg(normalGuid(c.guid).left(8));
        for (const QString &g : c.sourceRefs) {
            if (docRefs.contains(normalGuid(g)))
                item.documentRefs << normalGuid(g);
            else
                lostCaseLinks << QStringLiteral("case \"%1\" to %2 (%3)")
                                     .arg(item.name, g,
                                          sourceGuids.contains(normalGuid(g))
                                              ? QStringLiteral("a source whose text is not in the package")
                                              : QStringLiteral("no such source in the package"));
        }
        builder.addCase(item);
        caseRefs.insert(item.ref);
        for (const QString &g : c.selectionRefs)
            caseOfSelection.insert(normalGuid(g), item.ref);
        caseCodeRefs += c.codeRefs.size();
        setValues(AttributeScope::Case, item.ref, c.values);
    }

    // Segments: one per selection with codes; the builder joins the same span
    // by the same coder into one segment with several codes, as everywhere in Quire.
    QSet<QString> segmentRefs;
    std::vector<ExchangeMemo> documentMemos;
    for (const PreparedSource &p : prepared) {
        const QString doc = normalGuid(p.source->guid);
        auto codesOf = [](const std::vector<Coding> &codings) {
            QStringList refs;
            for (const Coding &c : codings)
                refs << normalGuid(c.codeGuid);
            return refs;
        };
        for (std::size_t k = 0; k < p.source->selections.size(); ++k) {
            const Selection &s = p.source->selections[k];
            const auto [start, end] = p.ranges[k];
            if (s.codings.empty()) {
                ++uncodedSelections;
                continue;
            }
            if (end <= start) {
                ++emptySelections;
                continue;
            }
            ExchangeSegment seg;
            seg.ref = normalGuid(s.guid);
            seg.documentRef = doc;
            seg.start = start;
            seg.end = end;
            seg.codeRefs = codesOf(s.codings);
            seg.coderRef = coderRef(s.creatingUser.isEmpty() ? s.codings.front().creatingUser : s.creatingUser);
            seg.caseRef = caseOfSelection.value(seg.ref);
            seg.memo = s.description.trimmed();
            builder.addSegment(seg);
            segmentRefs.insert(seg.ref);
        }
        // Codings of a whole source code the whole text.
        if (!p.source->codings.empty() && !p.text.isEmpty()) {
            ExchangeSegment seg;
            seg.documentRef = doc;
            seg.start = 0;
            seg.end = TextOffsets::codePointLength(p.text);
            seg.codeRefs = codesOf(p.source->codings);
            seg.coderRef = coderRef(p.source->codings.front().creatingUser);
            builder.addSegment(seg);
        }
        if (!p.source->description.trimmed().isEmpty())
            documentMemos.push_back(
                {QStringLiteral("document"), doc, QStringLiteral("Description"), p.source->description.trimmed()});
    }
    auto addMemo = [&](const QString &kind, const QString &target, const QString &title, const QString &text) {
        builder.addMemo({kind, target, title, text});
    };
    for (const ExchangeMemo &m : documentMemos)
        addMemo(m.targetKind, m.targetRef, m.title, m.text);

    // Notes become memos on what refers to them (NoteRef, or a Link whose
    // one end is the note); a note nothing refers to is a project memo.
    std::map<QString, std::vector<std::pair<QString, QString>>> targetsOf;
    auto refer = [&](const QStringList &refs, const QString &kind, const QString &target) {
        for (const QString &r : refs)
            targetsOf[normalGuid(r)].push_back({kind, target});
    };
    for (const Code &c : pkg.codes)
        refer(c.noteRefs, QStringLiteral("code"), normalGuid(c.guid));
    for (const PreparedSource &p : prepared) {
        refer(p.source->noteRefs, QStringLiteral("document"), normalGuid(p.source->guid));
        for (const Selection &s : p.source->selections) {
            if (segmentRefs.contains(normalGuid(s.guid)))
                refer(s.noteRefs, QStringLiteral("segment"), normalGuid(s.guid));
        }
    }
    QSet<QString> noteGuids;
    for (const Note &n : pkg.notes)
        noteGuids.insert(normalGuid(n.guid));
    auto targetOf = [&](const QString &guid) -> std::optional<std::pair<QString, QString>> {
        const QString g = normalGuid(guid);
        if (segmentRefs.contains(g))
            return std::make_pair(QStringLiteral("segment"), g);
        if (codeRefs.contains(g))
            return std::make_pair(QStringLiteral("code"), g);
        if (docRefs.contains(g))
            return std::make_pair(QStringLiteral("document"), g);
        if (caseRefs.contains(g))
            return std::make_pair(QStringLiteral("case"), g);
        return std::nullopt;
    };
    for (const Link &l : pkg.links) {
        const bool fromNote = noteGuids.contains(normalGuid(l.originGuid));
        const bool toNote = noteGuids.contains(normalGuid(l.targetGuid));
        const auto target = fromNote ? targetOf(l.targetGuid) : toNote ? targetOf(l.originGuid) : std::nullopt;
        if (target)
            targetsOf[normalGuid(fromNote ? l.originGuid : l.targetGuid)].push_back(*target);
        else
            ++linksUnmapped;
    }
    // The project's own Description: a project memo, as a journal entry would be.
    if (!pkg.description.trimmed().isEmpty()) {
        addMemo(QStringLiteral("project"), QString(), QStringLiteral("Project description"), pkg.description.trimmed());
        ++projectDescriptions;
    }
    std::vector<QString> noteTexts;
    for (const Note &n : pkg.notes) {
        QString text = n.text;
        if (text.isEmpty() && !n.plainTextPath.isEmpty()) {
            if (const auto e = files.find(n.plainTextPath))
                text = TextDecoder::normaliseLineEndings(
                    decodeRaw(zip->read(*e), QStringLiteral("%1: %2").arg(label, *e)).raw);
        }
        noteTexts.push_back(text.trimmed());
    }
    // A case's Description becomes a case memo. A Description made of
    // nothing but the texts of notes nothing refers to (Quire writes its
    // case memos both ways, as a case cannot refer to a note) makes those
    // notes the case's memos instead, so nothing comes in twice.
    {
        QSet<std::size_t> usedNotes;
        for (const Case &c : pkg.cases) {
            const QString description = c.description.trimmed();
            const QString caseRef = normalGuid(c.guid);
            if (description.isEmpty())
                continue;
            QString rest = description;
            std::vector<std::size_t> taken;
            for (std::size_t i = 0; i < pkg.notes.size(); ++i) {
                const QString &t = noteTexts[i];
                if (t.isEmpty() || usedNotes.contains(i) || targetsOf.count(normalGuid(pkg.notes[i].guid)))
                    continue;
                const qsizetype at = rest.indexOf(t);
                if (at < 0)
                    continue;
                rest.remove(at, t.size());
                taken.push_back(i);
            }
            if (!taken.empty() && rest.trimmed().isEmpty()) {
                for (std::size_t i : taken) {
                    usedNotes.insert(i);
                    targetsOf[normalGuid(pkg.notes[i].guid)].push_back({QStringLiteral("case"), caseRef});
                }
                ++caseDescriptionsAsNotes;
                continue;
            }
            addMemo(QStringLiteral("case"), caseRef, QStringLiteral("Description"), description);
        }
    }
    for (std::size_t i = 0; i < pkg.notes.size(); ++i) {
        const Note &n = pkg.notes[i];
        const QString &text = noteTexts[i];
        if (text.isEmpty()) {
            ++emptyNotes;
            continue;
        }
        const auto it = targetsOf.find(normalGuid(n.guid));
        if (it == targetsOf.end()) {
            addMemo(QStringLiteral("project"), QString(), n.name, text);
            continue;
        }
        for (const auto &[kind, target] : it->second)
            addMemo(kind, target, n.name, text);
    }

    // ---- writing: one command --------------------------------------------
    const ExchangeImportResult done =
        builder.write(QStringLiteral("refiqda.import"), QStringLiteral("Import REFI-QDA %1").arg(label));
    for (const auto &[wanted, stored] : done.renamedDocuments)
        report.notes << QStringLiteral(
                            "source \"%1\" was renamed \"%2\": the project already has a document of that name")
                            .arg(wanted, stored);
    report.notes << valueNotes;

    report.setCount(QStringLiteral("coders"), qint64(pkg.users.size()));
    report.setCount(QStringLiteral("codes created"), done.codesCreated);
    if (done.codesMatched)
        report.setCount(QStringLiteral("codes matched by GUID"), done.codesMatched);
    report.setCount(QStringLiteral("documents created"), done.documentsCreated);
    report.setCount(QStringLiteral("segments created"), done.segmentsCreated);
    report.setCount(QStringLiteral("cases created or matched"), done.casesCreated + done.casesMatched);
    report.setCount(QStringLiteral("attribute values set"), done.attributeValuesSet);
    report.setCount(QStringLiteral("memos created"), done.memosCreated);

    for (auto it = pkg.unmapped.cbegin(); it != pkg.unmapped.cend(); ++it) {
        static const QMap<QString, QString> why{
            {QStringLiteral("PictureSource"), QStringLiteral("picture source(s): Quire keeps text only")},
            {QStringLiteral("PictureSelection"), QStringLiteral("picture region(s)")},
            {QStringLiteral("PDFSource"),
             QStringLiteral(
                 "PDF source(s): the PDF itself is not kept (its text representation is imported when the package has it)")},
            {QStringLiteral("PDFSelection"), QStringLiteral("PDF region(s) (page rectangles)")},
            {QStringLiteral("AudioSource"), QStringLiteral("audio source(s)")},
            {QStringLiteral("AudioSelection"), QStringLiteral("audio selection(s)")},
            {QStringLiteral("VideoSource"), QStringLiteral("video source(s)")},
            {QStringLiteral("VideoSelection"), QStringLiteral("video selection(s)")},
            {QStringLiteral("Transcript"), QStringLiteral("media transcript(s)")},
            {QStringLiteral("TranscriptSelection"), QStringLiteral("transcript selection(s)")},
            {QStringLiteral("Graph"), QStringLiteral("graph(s): Quire has no network views")},
        };
        report.unmapped << QStringLiteral("%1 %2").arg(it.value()).arg(why.value(it.key(), it.key()));
    }
    if (codeSetsUnmapped)
        report.unmapped << QStringLiteral("%1 set(s) of codes: Quire has no code groups").arg(codeSetsUnmapped);
    if (sourceSetsUnmapped)
        report.unmapped
            << QStringLiteral("%1 set(s) of sources none of whose members were imported").arg(sourceSetsUnmapped);
    if (linksUnmapped)
        report.unmapped << QStringLiteral(
                               "%1 link(s) not attached to anything imported (Quire has no relations; a link "
                               "from a note to an imported object becomes a memo there)")
                               .arg(linksUnmapped);
    if (!lostCaseLinks.isEmpty())
        report.unmapped << QStringLiteral("%1 case link(s) to a source that was not imported: %2")
                               .arg(lostCaseLinks.size())
                               .arg(lostCaseLinks.join(QStringLiteral(", ")));
    if (caseCodeRefs)
        report.unmapped << QStringLiteral("%1 code reference(s) of cases").arg(caseCodeRefs);
    if (uncodedSelections)
        report.unmapped
            << QStringLiteral("%1 selection(s) without a coding: a Quire segment needs a code").arg(uncodedSelections);
    if (emptySelections)
        report.unmapped << QStringLiteral("%1 empty selection(s) (start = end)").arg(emptySelections);
    if (emptyNotes)
        report.unmapped << QStringLiteral("%1 empty note(s)").arg(emptyNotes);
    if (notCodable)
        report.notes
            << QStringLiteral(
                   "%1 code(s) are marked not codable (isCodable=\"false\"); Quire has no such flag, so they are ordinary codes")
                   .arg(notCodable);
    if (!done.renamedCodes.isEmpty())
        report.notes << QStringLiteral("%1 code(s) were renamed: a '/' became U+2215, or a sibling had the same name")
                            .arg(done.renamedCodes.size());
    if (done.segmentsMerged)
        report.notes << QStringLiteral("%1 selection(s) had the same span and coder as another and joined its segment")
                            .arg(done.segmentsMerged);
    report.notes << attributeNotes;
    if (projectDescriptions)
        report.notes << QStringLiteral("the project's Description became the project memo \"Project description\"");
    if (caseDescriptionsAsNotes)
        report.notes
            << QStringLiteral(
                   "%1 case Description(s) repeat notes nothing refers to: those notes became the case's memos, "
                   "and the Description was not imported a second time")
                   .arg(caseDescriptionsAsNotes);
    report.notes << offsetWarnings;
    return report;
}

} // namespace Quire::Refi
