// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/documentstore.h"

#include "error.h"
#include "model/casestore.h"
#include "model/commandlog.h"
#include "storage/database.h"
#include "text/textoffsets.h"

#include <map>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace Quire {

DocumentStore::DocumentStore(Database &db, CommandLog &log, CaseStore &cases)
    : m_db(db)
    , m_log(log)
    , m_cases(cases)
{}

DocumentStore::~DocumentStore() = default;

std::vector<Id> DocumentStore::import(const std::vector<ImportedFile> &files, const ImportTarget &target)
{
    QStringList names, sources;
    for (const auto &f : files) {
        sources << f.sourcePath;
        if (f.documents.empty() && !f.parts)
            throw Error(QStringLiteral("%1: the file holds no documents").arg(QFileInfo(f.sourcePath).fileName()));
        for (const auto &d : f.documents)
            names << d.name;
        if (f.parts)
            names << f.parts->names();
    }
    if (names.isEmpty())
        throw Error(QStringLiteral("nothing to import"));
    std::vector<Id> ids;
    QJsonObject args{{QStringLiteral("sources"), QJsonArray::fromStringList(sources)},
                     {QStringLiteral("documents"), QJsonArray::fromStringList(names)}};
    const QString summary = names.size() == 1
                                ? QStringLiteral("Import %1").arg(names.front())
                                : QStringLiteral("Import %1 documents (%2, …)").arg(names.size()).arg(names.front());
    m_log.run(QStringLiteral("import"), summary, args, [&] {
        const Id coder = m_log.coderId();
        // Cases by name, created on first use within this import.
        std::map<QString, Id> caseIds;
        auto caseFor = [&](const QString &name, const QString &kind, bool counted) {
            auto it = caseIds.find(name);
            if (it != caseIds.end())
                return it->second;
            Id id = 0;
            if (auto c = m_cases.tryFindCase(name)) {
                id = c->id;
            } else {
                id = m_cases.addCase(name, kind);
                if (!counted)
                    m_cases.setCaseCounted(id, false);
            }
            caseIds.emplace(name, id);
            return id;
        };
        std::optional<Id> targetCase;
        if (!target.caseName.isEmpty())
            targetCase = caseFor(target.caseName, QStringLiteral("participant"), true);
        Statement exists(m_db, QStringLiteral("SELECT 1 FROM documents WHERE name = ?1"));
        Statement ins(
            m_db,
            QStringLiteral(
                "INSERT INTO documents(id, name, kind, length, sha256, format, encoding, source_path, import_meta, "
                "imported_by, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
        // The text goes in first, under the id the document row will get:
        // the index triggers on documents read it from there.
        Statement text(m_db, QStringLiteral("INSERT INTO document_texts(document_id, text) VALUES (?1, ?2)"));
        Statement nextId(
            m_db, QStringLiteral("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'documents'), 0) + 1"));
        Statement turn(m_db, QStringLiteral("INSERT INTO turns(document_id, start, \"end\", speaker, case_id, time_ms, "
                                            "time_end_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
        Statement page(
            m_db, QStringLiteral("INSERT INTO pages(document_id, number, start, \"end\") VALUES (?1, ?2, ?3, ?4)"));
        const QString when = CommandLog::now();
        auto store = [&](const ImportedFile &f, const ImportedDocument &d) {
            const QString source = QFileInfo(f.sourcePath).fileName();
            exists.reset();
            exists.bind(1, d.name);
            if (exists.step())
                throw Error(QStringLiteral("%1: the project already has a document named \"%2\"").arg(source, d.name));
            const qsizetype length = TextOffsets::codePointLength(d.text);
            QJsonObject meta = d.meta;
            meta.insert(QStringLiteral("sourceFile"), source);
            meta.insert(QStringLiteral("sourceSize"), f.size);
            meta.insert(QStringLiteral("importer"), f.format);
            nextId.reset();
            nextId.step();
            const Id docId = nextId.columnInt(0);
            text.reset();
            text.bind(1, docId).bind(2, d.text).run();
            ins.reset();
            ins.bind(1, docId)
                .bind(2, d.name)
                .bind(3, d.kind)
                .bind(4, qint64(length))
                .bind(5, f.sha256)
                .bind(6, f.format)
                .bind(7, d.encoding)
                .bind(8, f.sourcePath)
                .bind(9, QString::fromUtf8(QJsonDocument(meta).toJson(QJsonDocument::Compact)))
                .bind(10, coder)
                .bind(11, when)
                .run();
            ids.push_back(docId);
            const QString stem = QFileInfo(d.name).completeBaseName();
            for (const auto &t : d.turns) {
                if (t.start < 0 || t.end < t.start || t.end > length)
                    throw Error(
                        QStringLiteral(
                            "%1: importer reported an impossible speaker turn %2:%3 (the text has %4 characters)")
                            .arg(d.name)
                            .arg(t.start)
                            .arg(t.end)
                            .arg(length));
                std::optional<Id> speakerCase;
                if (!t.speaker.isEmpty()) {
                    QString name = target.speakerCaseTemplate;
                    name.replace(QStringLiteral("{speaker}"), t.speaker).replace(QStringLiteral("{document}"), stem);
                    const bool counted = !target.uncountedSpeakers.contains(t.speaker, Qt::CaseInsensitive);
                    speakerCase =
                        caseFor(name, counted ? QStringLiteral("participant") : QStringLiteral("facilitator"), counted);
                    m_cases.linkDuringCommand(*speakerCase, docId);
                }
                turn.reset();
                turn.bind(1, docId).bind(2, qint64(t.start)).bind(3, qint64(t.end)).bind(4, t.speaker);
                turn.bind(5, speakerCase).bind(6, t.timeMs).bind(7, t.endTimeMs).run();
            }
            for (const auto &pg : d.pages) {
                if (pg.start < 0 || pg.end < pg.start || pg.end > length)
                    throw Error(QStringLiteral("%1: importer reported an impossible page %2 at %3:%4")
                                    .arg(d.name)
                                    .arg(pg.number)
                                    .arg(pg.start)
                                    .arg(pg.end));
                page.reset();
                page.bind(1, docId).bind(2, pg.number).bind(3, qint64(pg.start)).bind(4, qint64(pg.end)).run();
            }
            if (!d.caseName.isEmpty()) {
                m_cases.linkDuringCommand(caseFor(d.caseName, QStringLiteral("participant"), true), docId);
            }
            if (targetCase) {
                m_cases.linkDuringCommand(*targetCase, docId);
            }
            for (const auto &kv : d.attributes)
                m_cases.setAttribute(AttributeScope::Document, docId, kv.first, kv.second);
            for (const auto &kv : target.attributes)
                m_cases.setAttribute(AttributeScope::Document, docId, kv.first, kv.second);
        };
        for (const auto &f : files) {
            for (const auto &d : f.documents)
                store(f, d);
            // Parts of a very large file: one in memory at a time.
            if (f.parts) {
                while (const std::optional<ImportedDocument> d = f.parts->next())
                    store(f, *d);
            }
        }
    });
    return ids;
}

namespace {
const char *const DocumentColumns =
    "SELECT id, name, kind, format, encoding, sha256, coalesce(source_path, ''), import_meta, imported_at, length "
    "FROM documents";

Document readDocument(const Statement &st)
{
    Document d;
    d.id = st.columnInt(0);
    d.name = st.columnText(1);
    d.kind = st.columnText(2);
    d.format = st.columnText(3);
    d.encoding = st.columnText(4);
    d.sha256 = st.columnText(5);
    d.sourcePath = st.columnText(6);
    d.importMeta = st.columnText(7);
    d.importedAt = st.columnText(8);
    d.length = st.columnInt(9);
    return d;
}
} // namespace

std::vector<Document> DocumentStore::list() const
{
    Statement st(m_db, QString::fromUtf8(DocumentColumns) + QStringLiteral(" ORDER BY id"));
    std::vector<Document> out;
    while (st.step())
        out.push_back(readDocument(st));
    return out;
}

std::vector<std::pair<Id, QString>> DocumentStore::names() const
{
    Statement st(m_db, QStringLiteral("SELECT id, name FROM documents ORDER BY id"));
    std::vector<std::pair<Id, QString>> out;
    while (st.step())
        out.emplace_back(st.columnInt(0), st.columnText(1));
    return out;
}

Document DocumentStore::document(Id id) const
{
    Statement st(m_db, QString::fromUtf8(DocumentColumns) + QStringLiteral(" WHERE id = ?1"));
    st.bind(1, id);
    if (!st.step())
        throw Error(QStringLiteral("no document with id %1").arg(id));
    return readDocument(st);
}

Document DocumentStore::find(const QString &nameOrId) const
{
    Statement st(m_db, QString::fromUtf8(DocumentColumns) + QStringLiteral(" WHERE name = ?1"));
    st.bind(1, nameOrId);
    if (st.step())
        return readDocument(st);
    bool ok = false;
    const Id id = nameOrId.toLongLong(&ok);
    if (ok) {
        Statement byId(m_db, QString::fromUtf8(DocumentColumns) + QStringLiteral(" WHERE id = ?1"));
        byId.bind(1, id);
        if (byId.step())
            return readDocument(byId);
    }
    throw Error(QStringLiteral("%1: no document named \"%2\"").arg(QFileInfo(m_db.path()).fileName(), nameOrId));
}

QString DocumentStore::text(Id id) const
{
    if (!m_textQuery)
        m_textQuery =
            std::make_unique<Statement>(m_db, QStringLiteral("SELECT text FROM document_text_view WHERE id = ?1"));
    Statement &st = *m_textQuery;
    st.reset();
    st.bind(1, id);
    if (!st.step())
        throw Error(QStringLiteral("no document with id %1").arg(id));
    QString text = st.columnText(0);
    st.reset();
    return text;
}

const TextOffsets &DocumentStore::offsets(Id documentId) const
{
    if (!m_offsetCache || m_offsetCache->first != documentId)
        m_offsetCache.emplace(documentId, std::make_shared<TextOffsets>(text(documentId)));
    return *m_offsetCache->second;
}

void DocumentStore::checkRange(Id documentId, qsizetype start, qsizetype end) const
{
    checkRange(document(documentId), start, end);
}

void DocumentStore::checkRange(const Document &d, qsizetype start, qsizetype end)
{
    if (start < 0 || end < 0)
        throw Error(QStringLiteral("%1: range %2:%3 has a negative offset").arg(d.name).arg(start).arg(end));
    if (end > d.length || start > d.length)
        throw Error(QStringLiteral("%1: range %2:%3 is past the end of the document (%4 characters)")
                        .arg(d.name)
                        .arg(start)
                        .arg(end)
                        .arg(d.length));
    if (start >= end)
        throw Error(QStringLiteral("%1: range %2:%3 is empty or reversed; the end must be after the start")
                        .arg(d.name)
                        .arg(start)
                        .arg(end));
}

QString DocumentStore::range(Id id, qsizetype start, qsizetype end) const
{
    if (start != end)
        checkRange(id, start, end);
    return offsets(id).mid(start, end);
}

void DocumentStore::rename(Id id, const QString &name)
{
    const Document d = document(id);
    if (name.trimmed().isEmpty())
        throw Error(QStringLiteral("a document name cannot be empty"));
    m_log.run(QStringLiteral("document.rename"), QStringLiteral("Rename document %1 to %2").arg(d.name, name),
              {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}}, [&] {
                  Statement st(m_db, QStringLiteral("SELECT 1 FROM documents WHERE name = ?1 AND id <> ?2"));
                  st.bind(1, name).bind(2, id);
                  if (st.step())
                      throw Error(QStringLiteral("a document named \"%1\" already exists").arg(name));
                  Statement up(m_db, QStringLiteral("UPDATE documents SET name = ?1 WHERE id = ?2"));
                  up.bind(1, name).bind(2, id).run();
              });
}

void DocumentStore::checkNotInWorkshop(const Document &d) const
{
    // A workshop statement sorted into a theme or summed up by an I statement
    // is part of a traceable chain (docs/wtfc.md): it is taken out there first.
    Statement inWorkshop(m_db,
                         QStringLiteral("SELECT (SELECT count(*) FROM wtfc_theme_statements WHERE document_id = ?1) + "
                                        "(SELECT count(*) FROM wtfc_istatement_statements WHERE document_id = ?1)"));
    inWorkshop.bind(1, d.id);
    if (inWorkshop.step() && inWorkshop.columnInt(0) > 0)
        throw Error(
            QStringLiteral("%1 is a statement of the workshop (in a theme or behind an I statement); take it out "
                           "of the workshop first (quire-cli wtfc theme unassign / unlink)")
                .arg(d.name));
}

void DocumentStore::removeDuringCommand(Id id)
{
    m_db.exec(QStringLiteral("DELETE FROM turns WHERE document_id = %1;"
                             "DELETE FROM pages WHERE document_id = %1;"
                             "DELETE FROM documents WHERE id = %1;")
                  .arg(id));
    m_offsetCache.reset();
}

std::vector<Turn> DocumentStore::turns(Id documentId) const
{
    if (!m_turnsQuery)
        m_turnsQuery = std::make_unique<Statement>(
            m_db, QStringLiteral("SELECT id, document_id, start, \"end\", speaker, case_id, time_ms, time_end_ms "
                                 "FROM turns WHERE document_id = ?1 ORDER BY start"));
    Statement &st = *m_turnsQuery;
    st.reset();
    st.bind(1, documentId);
    std::vector<Turn> out;
    while (st.step())
        out.push_back({st.columnInt(0), st.columnInt(1), st.columnInt(2), st.columnInt(3), st.columnText(4),
                       st.columnOptInt(5), st.columnOptInt(6), st.columnOptInt(7)});
    return out;
}

std::vector<Page> DocumentStore::pages(Id documentId) const
{
    if (!m_pagesQuery)
        m_pagesQuery = std::make_unique<Statement>(
            m_db, QStringLiteral("SELECT document_id, number, start, \"end\" FROM pages WHERE document_id = ?1 "
                                 "ORDER BY number"));
    Statement &st = *m_pagesQuery;
    st.reset();
    st.bind(1, documentId);
    std::vector<Page> out;
    while (st.step())
        out.push_back({st.columnInt(0), int(st.columnInt(1)), st.columnInt(2), st.columnInt(3)});
    return out;
}

bool DocumentStore::hasSpeaker(const QString &speaker) const
{
    Statement st(m_db, QStringLiteral("SELECT 1 FROM turns WHERE speaker = ?1 COLLATE NOCASE LIMIT 1"));
    st.bind(1, speaker);
    return st.step();
}

QHash<Id, QString> DocumentStore::importers() const
{
    Statement st(m_db, QStringLiteral("SELECT d.id, k.name FROM documents d JOIN coders k ON k.id = d.imported_by"));
    QHash<Id, QString> out;
    while (st.step())
        out.insert(st.columnInt(0), st.columnText(1));
    return out;
}

std::vector<qsizetype> DocumentStore::findQuote(Id documentId, const QString &quote) const
{
    if (quote.isEmpty())
        throw Error(QStringLiteral("the quote is empty"));
    const TextOffsets &off = offsets(documentId);
    const QString whole = text(documentId);
    std::vector<qsizetype> out;
    for (qsizetype at = whole.indexOf(quote); at >= 0; at = whole.indexOf(quote, at + 1))
        out.push_back(off.fromUtf16(at));
    return out;
}

// ---- cases and attributes -------------------------------------------------

void DocumentStore::forgetCachedText()
{
    m_offsetCache.reset();
}

qint64 DocumentStore::removeUnreachableTexts(const std::set<Id> &inHistory)
{
    std::vector<Id> orphans;
    Statement texts(m_db, QStringLiteral("SELECT document_id FROM document_texts WHERE document_id NOT IN "
                                         "(SELECT id FROM documents)"));
    while (texts.step()) {
        if (!inHistory.count(texts.columnInt(0)))
            orphans.push_back(texts.columnInt(0));
    }
    Statement remove(m_db, QStringLiteral("DELETE FROM document_texts WHERE document_id = ?1"));
    for (Id id : orphans) {
        remove.reset();
        remove.bind(1, id).run();
    }
    return qint64(orphans.size());
}

qint64 DocumentStore::verify(Database &db, QStringList &problems)
{
    qint64 count = 0;
    Statement st(db, QStringLiteral("SELECT d.id, d.name, d.length, t.text IS NULL, coalesce(t.text, '') "
                                    "FROM documents d LEFT JOIN document_texts t ON t.document_id = d.id"));
    while (st.step()) {
        ++count;
        const QString doc = st.columnText(1);
        if (st.columnInt(3) != 0) {
            problems << QStringLiteral("documents: \"%1\" has no stored text").arg(doc);
            continue;
        }
        const qint64 length = TextOffsets::codePointLength(st.columnText(4));
        if (length != st.columnInt(2))
            problems << QStringLiteral("documents: the text of \"%1\" has %2 characters, %3 were recorded")
                            .arg(doc)
                            .arg(length)
                            .arg(st.columnInt(2));
    }
    return count;
}

} // namespace Quire
