// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/exchangebuilder.h"

#include "error.h"
#include "model/codebook.h"
#include "model/commandlog.h"
#include "model/documentstore.h"
#include "model/project.h"
#include "model/projectaccess.h"
#include "model/segmentstore.h"
#include "text/textoffsets.h"

#include <map>
#include <tuple>

namespace Quire {

namespace {

/// `wanted`, or "wanted (2)", "wanted (3)" … : the first not in `taken`, which it joins.
QString uniqueName(const QString &wanted, QSet<QString> &taken)
{
    QString name = wanted;
    for (int n = 2; taken.contains(name); ++n)
        name = QStringLiteral("%1 (%2)").arg(wanted).arg(n);
    taken.insert(name);
    return name;
}

bool isColor(const QString &color)
{
    if (color.size() != 7 || color.front() != QLatin1Char('#'))
        return false;
    for (qsizetype i = 1; i < color.size(); ++i) {
        const char16_t c = color.at(i).unicode();
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
            return false;
    }
    return true;
}

} // namespace

ExchangeBuilder::ExchangeBuilder(Project &project, const QString &fileName, const ImportedFile &source)
    : m_project(project)
    , m_fileName(fileName)
    , m_source(source)
{
    m_source.documents.clear();
    m_source.parts.reset();
}

void ExchangeBuilder::fail(const QString &what) const
{
    throw Error(QStringLiteral("%1: %2").arg(m_fileName, what));
}

void ExchangeBuilder::checkRef(const QString &kind, const QString &ref, const QSet<QString> &known,
                               const QString &where) const
{
    if (!known.contains(ref))
        fail(QStringLiteral("%1 refers to the %2 \"%3\", which the import does not hold").arg(where, kind, ref));
}

void ExchangeBuilder::addCoder(const ExchangeCoder &coder)
{
    if (coder.ref.isEmpty() || m_coderRefs.contains(coder.ref))
        fail(QStringLiteral("the coder \"%1\" has an empty or repeated id \"%2\"").arg(coder.name, coder.ref));
    if (coder.name.trimmed().isEmpty())
        fail(QStringLiteral("the coder \"%1\" has no name").arg(coder.ref));
    m_coderRefs.insert(coder.ref);
    m_coders.push_back(coder);
}

void ExchangeBuilder::addCode(const ExchangeCode &code)
{
    if (code.ref.isEmpty() || m_codeRefs.contains(code.ref))
        fail(QStringLiteral("the code \"%1\" has an empty or repeated id \"%2\"").arg(code.name, code.ref));
    if (!code.parentRef.isEmpty())
        checkRef(QStringLiteral("parent code"), code.parentRef, m_codeRefs,
                 QStringLiteral("the code \"%1\"").arg(code.name));
    if (!code.color.isEmpty() && !isColor(code.color))
        fail(QStringLiteral("the code \"%1\" has the colour \"%2\", which is not #RRGGBB").arg(code.name, code.color));
    m_codeRefs.insert(code.ref);
    m_codes.push_back(code);
}

void ExchangeBuilder::addDocument(const ExchangeDocument &document)
{
    if (document.ref.isEmpty() || m_documentRefs.contains(document.ref))
        fail(QStringLiteral("the document \"%1\" has an empty or repeated id \"%2\"")
                 .arg(document.document.name, document.ref));
    if (document.document.name.trimmed().isEmpty())
        fail(QStringLiteral("the document \"%1\" has no name").arg(document.ref));
    m_documentRefs.insert(document.ref);
    m_documentLength.insert(document.ref, TextOffsets::codePointLength(document.document.text));
    m_documents.push_back(document);
}

void ExchangeBuilder::defineAttribute(const ExchangeAttribute &attribute)
{
    if (attribute.name.trimmed().isEmpty())
        fail(QStringLiteral("a %1 attribute has no name").arg(toString(attribute.scope)));
    m_attributes.push_back(attribute);
}

void ExchangeBuilder::addCase(const ExchangeCase &item)
{
    if (item.ref.isEmpty() || m_caseRefs.contains(item.ref))
        fail(QStringLiteral("the case \"%1\" has an empty or repeated id \"%2\"").arg(item.name, item.ref));
    const QString where = QStringLiteral("the case \"%1\"").arg(item.name.isEmpty() ? item.ref : item.name);
    if (item.name.trimmed().isEmpty()) {
        if (item.nameFromDocument.isEmpty())
            fail(QStringLiteral("the case \"%1\" has no name").arg(item.ref));
        checkRef(QStringLiteral("document"), item.nameFromDocument, m_documentRefs, where);
    }
    for (const QString &d : item.documentRefs)
        checkRef(QStringLiteral("document"), d, m_documentRefs, where);
    m_caseRefs.insert(item.ref);
    m_cases.push_back(item);
}

void ExchangeBuilder::setValue(const ExchangeValue &value)
{
    const bool ofCase = value.scope == AttributeScope::Case;
    checkRef(ofCase ? QStringLiteral("case") : QStringLiteral("document"), value.ownerRef,
             ofCase ? m_caseRefs : m_documentRefs, QStringLiteral("the value of attribute \"%1\"").arg(value.name));
    if (value.name.trimmed().isEmpty())
        fail(QStringLiteral("a value \"%1\" has no attribute name").arg(value.value));
    m_values.push_back(value);
}

void ExchangeBuilder::addSegment(const ExchangeSegment &segment)
{
    const QString where = segment.ref.isEmpty()
                              ? QStringLiteral("a segment of document \"%1\"").arg(segment.documentRef)
                              : QStringLiteral("the segment \"%1\"").arg(segment.ref);
    if (!segment.ref.isEmpty() && m_segmentRefs.contains(segment.ref))
        fail(QStringLiteral("%1 is handed over twice").arg(where));
    checkRef(QStringLiteral("document"), segment.documentRef, m_documentRefs, where);
    const qsizetype length = m_documentLength.value(segment.documentRef);
    if (segment.start < 0 || segment.end <= segment.start || segment.end > length)
        fail(QStringLiteral("%1 spans %2 to %3, which is not a non-empty range of the document's %4 characters")
                 .arg(where)
                 .arg(segment.start)
                 .arg(segment.end)
                 .arg(length));
    if (segment.codeRefs.isEmpty())
        fail(QStringLiteral("%1 has no code: a segment needs one").arg(where));
    for (const QString &c : segment.codeRefs)
        checkRef(QStringLiteral("code"), c, m_codeRefs, where);
    if (!segment.coderRef.isEmpty())
        checkRef(QStringLiteral("coder"), segment.coderRef, m_coderRefs, where);
    if (!segment.caseRef.isEmpty())
        checkRef(QStringLiteral("case"), segment.caseRef, m_caseRefs, where);
    if (!segment.ref.isEmpty())
        m_segmentRefs.insert(segment.ref);
    m_segments.push_back(segment);
}

void ExchangeBuilder::addMemo(const ExchangeMemo &memo)
{
    const QString where = QStringLiteral("the memo \"%1\"").arg(memo.title);
    const QString &kind = memo.targetKind;
    if (kind == QLatin1String("project")) {
        if (!memo.targetRef.isEmpty())
            fail(QStringLiteral("%1 is on the project but names \"%2\"").arg(where, memo.targetRef));
    } else if (kind == QLatin1String("document")) {
        checkRef(kind, memo.targetRef, m_documentRefs, where);
    } else if (kind == QLatin1String("code")) {
        checkRef(kind, memo.targetRef, m_codeRefs, where);
    } else if (kind == QLatin1String("segment")) {
        checkRef(kind, memo.targetRef, m_segmentRefs, where);
    } else if (kind == QLatin1String("case")) {
        checkRef(kind, memo.targetRef, m_caseRefs, where);
    } else {
        fail(QStringLiteral("%1 is on a \"%2\", which is not a project, document, code, segment or case")
                 .arg(where, kind));
    }
    m_memos.push_back(memo);
}

ExchangeImportResult ExchangeBuilder::write(const QString &kind, const QString &summary)
{
    ExchangeImportResult r;
    m_project.batch(kind, summary, [&] {
        r = ExchangeImportResult();
        CommandLog &log = ProjectAccess::log(m_project);
        const QString when = CommandLog::now();
        auto timeOr = [&](const QString &t) { return t.isEmpty() ? when : t; };

        // Coders.
        QHash<QString, Id> coderIds;
        for (const ExchangeCoder &c : m_coders)
            coderIds.insert(c.ref, log.coderId(c.name.trimmed()));
        r.codersUsed = qint64(m_coders.size());
        const Id ownCoder = log.coderId();

        // Codes: an existing code with the same GUID is the same code.
        {
            Codebook::Inserter codes = ProjectAccess::codebook(m_project).inserter();
            std::map<std::optional<Id>, QSet<QString>> namesUnder;
            auto takenUnder = [&](std::optional<Id> parent) -> QSet<QString> & {
                auto it = namesUnder.find(parent);
                if (it == namesUnder.end())
                    it = namesUnder.emplace(parent, codes.namesUnder(parent)).first;
                return it->second;
            };
            for (const ExchangeCode &c : m_codes) {
                if (!c.guid.trimmed().isEmpty()) {
                    if (const auto existing = codes.withGuid(c.guid)) {
                        r.codeIds.insert(c.ref, *existing);
                        ++r.codesMatched;
                        continue;
                    }
                }
                const std::optional<Id> parent =
                    c.parentRef.isEmpty() ? std::nullopt : std::optional<Id>(r.codeIds.value(c.parentRef));
                // A code name cannot hold '/', the path separator: U+2215 looks the same.
                QString wanted = c.name.trimmed();
                wanted.replace(QLatin1Char('/'), QChar(0x2215));
                if (wanted.isEmpty())
                    wanted = QStringLiteral("(unnamed code)");
                const QString name = uniqueName(wanted, takenUnder(parent));
                if (name != c.name)
                    r.renamedCodes.append({c.name, name});
                const Id id = codes.insert(c.guid, name, c.color, c.description, timeOr(c.created), parent);
                r.codeIds.insert(c.ref, id);
                ++r.codesCreated;
            }
        }

        // Documents, through the project's own import (search index, lengths).
        QHash<QString, QString> documentName;
        if (!m_documents.empty()) {
            QSet<QString> taken;
            for (const Document &d : m_project.documents())
                taken.insert(d.name);
            ImportedFile file = m_source;
            for (const ExchangeDocument &d : m_documents) {
                ImportedDocument doc = d.document;
                doc.name = uniqueName(d.document.name, taken);
                if (doc.name != d.document.name)
                    r.renamedDocuments.append({d.document.name, doc.name});
                documentName.insert(d.ref, doc.name);
                file.documents.push_back(std::move(doc));
            }
            const std::vector<Id> ids = m_project.importDocuments({file});
            for (std::size_t i = 0; i < m_documents.size(); ++i)
                r.documentIds.insert(m_documents[i].ref, ids[i]);
            r.documentsCreated = qint64(ids.size());
        }

        // Attribute declarations the project does not have yet.
        {
            QSet<QString> existing;
            for (const AttributeDef &def : m_project.attributeDefs())
                existing.insert(toString(def.scope) + QLatin1Char('/') + def.name);
            for (const ExchangeAttribute &a : m_attributes) {
                if (!existing.contains(toString(a.scope) + QLatin1Char('/') + a.name))
                    m_project.defineAttribute(a.scope, a.name, a.type);
            }
        }

        // Cases, matched by name, and their documents.
        for (const ExchangeCase &c : m_cases) {
            const QString name = c.name.trimmed().isEmpty() ? documentName.value(c.nameFromDocument) : c.name.trimmed();
            Id caseId = 0;
            if (const auto existing = m_project.tryFindCase(name)) {
                caseId = existing->id;
                ++r.casesMatched;
            } else {
                caseId = m_project.addCase(name);
                ++r.casesCreated;
            }
            r.caseIds.insert(c.ref, caseId);
            for (const QString &d : c.documentRefs)
                m_project.linkCaseDocument(caseId, r.documentIds.value(d));
        }

        // Attribute values, in the order handed over.
        for (const ExchangeValue &v : m_values) {
            const Id owner =
                v.scope == AttributeScope::Case ? r.caseIds.value(v.ownerRef) : r.documentIds.value(v.ownerRef);
            m_project.setAttribute(v.scope, owner, v.name, v.value);
            ++r.attributeValuesSet;
        }

        // Segments: the same span by the same coder in one document is one segment.
        {
            SegmentStore::Inserter rows = ProjectAccess::segments(m_project).inserter();
            std::map<std::tuple<Id, qsizetype, qsizetype, Id>, Id> spans;
            QHash<Id, std::optional<Id>> onlyCaseOf;
            for (const ExchangeSegment &s : m_segments) {
                const Id doc = r.documentIds.value(s.documentRef);
                const Id coder = s.coderRef.isEmpty() ? ownCoder : coderIds.value(s.coderRef);
                const auto key = std::make_tuple(doc, s.start, s.end, coder);
                Id seg = 0;
                if (const auto it = spans.find(key); it != spans.end()) {
                    seg = it->second;
                    ++r.segmentsMerged;
                } else {
                    std::optional<Id> caseId;
                    if (!s.caseRef.isEmpty()) {
                        caseId = r.caseIds.value(s.caseRef);
                    } else {
                        if (!onlyCaseOf.contains(doc)) {
                            const auto cases = m_project.documentCases(doc);
                            onlyCaseOf.insert(doc, cases.size() == 1 ? std::optional<Id>(cases.front()) : std::nullopt);
                        }
                        caseId = onlyCaseOf.value(doc);
                    }
                    seg = rows.insert(doc, s.start, s.end, caseId, coder, timeOr(s.created), s.memo);
                    spans.emplace(key, seg);
                    ++r.segmentsCreated;
                }
                for (const QString &c : s.codeRefs)
                    rows.addCode(seg, r.codeIds.value(c));
                if (!s.ref.isEmpty())
                    r.segmentIds.insert(s.ref, seg);
            }
        }

        // Memos, in the order handed over.
        for (const ExchangeMemo &m : m_memos) {
            std::optional<Id> target;
            if (m.targetKind == QLatin1String("document"))
                target = r.documentIds.value(m.targetRef);
            else if (m.targetKind == QLatin1String("code"))
                target = r.codeIds.value(m.targetRef);
            else if (m.targetKind == QLatin1String("segment"))
                target = r.segmentIds.value(m.targetRef);
            else if (m.targetKind == QLatin1String("case"))
                target = r.caseIds.value(m.targetRef);
            m_project.addMemo(m.targetKind, target, m.text, m.title);
            ++r.memosCreated;
        }
    });
    return r;
}

ExchangeSnapshot ExchangeSnapshot::read(Project &project)
{
    CommandLog &log = ProjectAccess::log(project);
    ExchangeSnapshot out;
    out.created = project.created();
    out.codeParents = ProjectAccess::codebook(project).parentLinks();
    for (const auto &coder : log.coders())
        out.coders << coder.second;
    if (const auto last = log.lastChange())
        out.lastChange = Change{last->first, last->second};
    out.importedBy = ProjectAccess::documents(project).importers();
    // The newest memo.edit command in effect for each memo.
    out.memoEditedBy = log.lastCoderOf(QStringLiteral("memo.edit"), QStringLiteral("memo"));
    return out;
}

} // namespace Quire
