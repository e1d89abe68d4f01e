// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/segmentstore.h"

#include "error.h"
#include "model/casestore.h"
#include "model/codebook.h"
#include "model/commandlog.h"
#include "model/documentstore.h"
#include "model/memostore.h"
#include "storage/database.h"

#include <algorithm>
#include <QFileInfo>

namespace Quire {

SegmentStore::SegmentStore(Database &db, CommandLog &log, const DocumentStore &documents, const Codebook &codebook,
                           const CaseStore &cases, MemoStore &memos)
    : m_db(db)
    , m_log(log)
    , m_documents(documents)
    , m_codebook(codebook)
    , m_cases(cases)
    , m_memos(memos)
{}

qsizetype SegmentStore::countForCode(Id codeId) const
{
    Statement st(m_db, QStringLiteral("SELECT count(*) FROM segment_codes WHERE code_id = ?1"));
    st.bind(1, codeId);
    st.step();
    return st.columnInt(0);
}

// ---- segments -------------------------------------------------------------

struct SegmentStore::Inserter::Statements
{
    explicit Statements(Database &database)
        : db(database)
        , insert(database, QStringLiteral("INSERT INTO segments(document_id, start, \"end\", case_id, coder_id, "
                                          "created, memo) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"))
        , link(database, QStringLiteral("INSERT OR IGNORE INTO segment_codes(segment_id, code_id) VALUES (?1, ?2)"))
    {}

    Database &db;
    Statement insert, link;
};

SegmentStore::Inserter::Inserter(Database &db)
    : m_st(std::make_unique<Statements>(db))
{}

SegmentStore::Inserter::~Inserter() = default;

SegmentStore::Inserter SegmentStore::inserter()
{
    return Inserter(m_db);
}

Id SegmentStore::Inserter::insert(Id documentId, qsizetype start, qsizetype end, std::optional<Id> caseId, Id coderId,
                                  const QString &created, const QString &memo)
{
    Statement &ins = m_st->insert;
    ins.reset();
    ins.bind(1, documentId)
        .bind(2, qint64(start))
        .bind(3, qint64(end))
        .bind(4, caseId)
        .bind(5, coderId)
        .bind(6, created)
        .bind(7, memo)
        .run();
    return m_st->db.lastInsertId();
}

void SegmentStore::Inserter::addCode(Id segmentId, Id codeId)
{
    m_st->link.reset();
    m_st->link.bind(1, segmentId).bind(2, codeId).run();
}

/// Inserts segments into one document by the project's coder, with the
/// document's speaker turns read once: auto-coding adds thousands at a time.
class SegmentStore::Writer
{
public:
    Writer(SegmentStore &store, Id documentId)
        : m_documentId(documentId)
        , m_coder(store.m_log.coderId())
        , m_created(CommandLog::now())
        , m_rows(store.inserter())
    {
        for (const Turn &t : store.m_documents.turns(documentId)) {
            if (t.caseId)
                m_turns.push_back(t);
        }
        // A document that belongs to exactly one case (a narrative) credits that case.
        const auto cases = store.m_cases.documentCases(documentId);
        if (cases.size() == 1)
            m_onlyCase = cases.front();
    }

    /// The case a passage starting at `pos` is credited to: the speaker turn's, else the document's only case.
    std::optional<Id> caseAt(qsizetype pos) const
    {
        auto it = std::upper_bound(m_turns.begin(), m_turns.end(), pos,
                                   [](qsizetype p, const Turn &t) { return p < t.start; });
        if (it != m_turns.begin() && pos < std::prev(it)->end)
            return std::prev(it)->caseId;
        return m_onlyCase;
    }

    Id insert(qsizetype start, qsizetype end, const std::vector<Id> &codeIds, const QString &memo,
              std::optional<Id> caseId)
    {
        if (!caseId)
            caseId = caseAt(start);
        const Id seg = m_rows.insert(m_documentId, start, end, caseId, m_coder, m_created, memo);
        for (Id c : codeIds)
            m_rows.addCode(seg, c);
        return seg;
    }

private:
    Id m_documentId;
    Id m_coder;
    QString m_created;
    Inserter m_rows;
    std::vector<Turn> m_turns; ///< with a case, sorted by start
    std::optional<Id> m_onlyCase;
};

Id SegmentStore::add(Id documentId, qsizetype start, qsizetype end, const std::vector<Id> &codeIds, const QString &memo,
                     std::optional<Id> caseId)
{
    const Document d = m_documents.document(documentId);
    DocumentStore::checkRange(d, start, end);
    if (codeIds.empty())
        throw Error(QStringLiteral("a segment needs at least one code"));
    for (Id c : codeIds)
        m_codebook.code(c);
    if (caseId)
        m_cases.findCase(QString::number(*caseId));
    // The same span by the same coder is one segment with several codes.
    Statement same(m_db, QStringLiteral("SELECT s.id FROM segments s JOIN coders c ON c.id = s.coder_id WHERE "
                                        "s.document_id = ?1 AND s.start = ?2 AND s.\"end\" = ?3 AND c.name = ?4"));
    same.bind(1, documentId).bind(2, qint64(start)).bind(3, qint64(end)).bind(4, m_log.coder());
    if (same.step()) {
        const Id seg = same.columnInt(0);
        const Segment existing = segment(seg);
        std::vector<Id> added;
        for (Id c : codeIds) {
            if (std::find(existing.codes.begin(), existing.codes.end(), c) == existing.codes.end())
                added.push_back(c);
        }
        if (added.empty())
            throw Error(QStringLiteral("%1: %2:%3 is already coded with that code (segment %4)")
                            .arg(d.name)
                            .arg(start)
                            .arg(end)
                            .arg(seg));
        m_log.run(QStringLiteral("segment.code"),
                  QStringLiteral("Code %1 %2:%3 with %4")
                      .arg(d.name)
                      .arg(start)
                      .arg(end)
                      .arg(m_codebook.codePath(added.front())),
                  {{QStringLiteral("segment"), seg}}, [&] {
                      Statement link(m_db,
                                     QStringLiteral("INSERT INTO segment_codes(segment_id, code_id) VALUES (?1, ?2)"));
                      for (Id c : added) {
                          link.reset();
                          link.bind(1, seg).bind(2, c).run();
                      }
                  });
        return seg;
    }
    Id seg = 0;
    m_log.run(QStringLiteral("segment.add"),
              QStringLiteral("Code %1 %2:%3 with %4")
                  .arg(d.name)
                  .arg(start)
                  .arg(end)
                  .arg(m_codebook.codePath(codeIds.front())),
              {{QStringLiteral("document"), documentId},
               {QStringLiteral("start"), qint64(start)},
               {QStringLiteral("end"), qint64(end)}},
              [&] { seg = Writer(*this, documentId).insert(start, end, codeIds, memo, caseId); });
    return seg;
}

std::vector<Id> SegmentStore::addMany(Id documentId, const std::vector<std::pair<qsizetype, qsizetype>> &ranges,
                                      const std::vector<Id> &codeIds, const QString &memo)
{
    if (codeIds.empty())
        throw Error(QStringLiteral("a segment needs at least one code"));
    if (ranges.empty())
        throw Error(QStringLiteral("no ranges to code"));
    for (Id c : codeIds)
        m_codebook.code(c);
    const Document d = m_documents.document(documentId);
    for (const auto &r : ranges)
        DocumentStore::checkRange(d, r.first, r.second);
    std::vector<Id> out;
    out.reserve(ranges.size());
    m_log.run(QStringLiteral("segment.add"),
              QStringLiteral("Code %1 passages of %2 with %3")
                  .arg(ranges.size())
                  .arg(d.name, m_codebook.codePath(codeIds.front())),
              {{QStringLiteral("document"), documentId}, {QStringLiteral("count"), qint64(ranges.size())}}, [&] {
                  Writer writer(*this, documentId);
                  for (const auto &r : ranges)
                      out.push_back(writer.insert(r.first, r.second, codeIds, memo, std::nullopt));
              });
    return out;
}

void SegmentStore::remove(Id segmentId)
{
    const Segment s = segment(segmentId);
    m_log.run(QStringLiteral("segment.remove"),
              QStringLiteral("Remove segment %1 (%2 %3:%4)")
                  .arg(segmentId)
                  .arg(m_documents.document(s.documentId).name)
                  .arg(s.start)
                  .arg(s.end),
              {{QStringLiteral("segment"), segmentId},
               {QStringLiteral("document"), s.documentId},
               {QStringLiteral("start"), qint64(s.start)},
               {QStringLiteral("end"), qint64(s.end)}},
              [&] {
                  const QString id = QString::number(segmentId);
                  m_memos.removeFor(QStringLiteral("segment"), {segmentId});
                  m_db.exec(QStringLiteral("DELETE FROM segment_codes WHERE segment_id = %1;"
                                           "DELETE FROM segments WHERE id = %1;")
                                .arg(id));
              });
}

void SegmentStore::resize(Id segmentId, qsizetype start, qsizetype end)
{
    const Segment s = segment(segmentId);
    m_documents.checkRange(s.documentId, start, end);
    m_log.run(QStringLiteral("segment.resize"),
              QStringLiteral("Resize segment %1 from %2:%3 to %4:%5")
                  .arg(segmentId)
                  .arg(s.start)
                  .arg(s.end)
                  .arg(start)
                  .arg(end),
              {{QStringLiteral("segment"), segmentId},
               {QStringLiteral("document"), s.documentId},
               {QStringLiteral("start"), qint64(start)},
               {QStringLiteral("end"), qint64(end)},
               {QStringLiteral("fromStart"), qint64(s.start)},
               {QStringLiteral("fromEnd"), qint64(s.end)}},
              [&] {
                  Statement up(m_db, QStringLiteral("UPDATE segments SET start = ?1, \"end\" = ?2 WHERE id = ?3"));
                  up.bind(1, qint64(start)).bind(2, qint64(end)).bind(3, segmentId).run();
              });
}

void SegmentStore::setMemo(Id segmentId, const QString &memo)
{
    segment(segmentId);
    m_log.run(QStringLiteral("segment.memo"), QStringLiteral("Edit memo of segment %1").arg(segmentId),
              {{QStringLiteral("segment"), segmentId}}, [&] {
                  Statement up(m_db, QStringLiteral("UPDATE segments SET memo = ?1 WHERE id = ?2"));
                  up.bind(1, memo).bind(2, segmentId).run();
              });
}

void SegmentStore::removeCode(Id segmentId, Id codeId)
{
    segment(segmentId);
    m_log.run(
        QStringLiteral("segment.uncode"), QStringLiteral("Remove code %1 from segment %2").arg(codeId).arg(segmentId),
        {{QStringLiteral("segment"), segmentId}, {QStringLiteral("code"), codeId}}, [&] {
            Statement del(m_db, QStringLiteral("DELETE FROM segment_codes WHERE segment_id = ?1 AND code_id = ?2"));
            del.bind(1, segmentId).bind(2, codeId).run();
        });
}

namespace {
const char *const SegmentColumns =
    "SELECT s.id, s.document_id, s.start, s.\"end\", s.case_id, c.name, s.created, s.memo, "
    "(SELECT group_concat(code_id) FROM (SELECT code_id FROM segment_codes WHERE segment_id = s.id ORDER BY code_id)) "
    "FROM segments s JOIN coders c ON c.id = s.coder_id";

Segment readSegment(const Statement &st)
{
    Segment s;
    s.id = st.columnInt(0);
    s.documentId = st.columnInt(1);
    s.start = st.columnInt(2);
    s.end = st.columnInt(3);
    s.caseId = st.columnOptInt(4);
    s.coder = st.columnText(5);
    s.created = st.columnText(6);
    s.memo = st.columnText(7);
    const QString codes = st.columnText(8);
    for (const QString &c : codes.split(QLatin1Char(','), Qt::SkipEmptyParts))
        s.codes.push_back(c.toLongLong());
    return s;
}
} // namespace

Segment SegmentStore::segment(Id id) const
{
    Statement st(m_db, QString::fromUtf8(SegmentColumns) + QStringLiteral(" WHERE s.id = ?1"));
    st.bind(1, id);
    if (!st.step())
        throw Error(QStringLiteral("%1: no segment %2").arg(QFileInfo(m_db.path()).fileName()).arg(id));
    return readSegment(st);
}

std::vector<Segment> SegmentStore::list(std::optional<Id> documentId, std::optional<Id> codeId) const
{
    QString sql = QString::fromUtf8(SegmentColumns) + QStringLiteral(" WHERE 1");
    if (documentId)
        sql += QStringLiteral(" AND s.document_id = ?1");
    if (codeId)
        sql += QStringLiteral(" AND s.id IN (SELECT segment_id FROM segment_codes WHERE code_id = ?2)");
    sql += QStringLiteral(" ORDER BY s.document_id, s.start, s.\"end\", s.id");
    Statement st(m_db, sql);
    if (documentId)
        st.bind(1, *documentId);
    if (codeId)
        st.bind(2, *codeId);
    std::vector<Segment> out;
    while (st.step())
        out.push_back(readSegment(st));
    return out;
}

std::vector<CodingLink> SegmentStore::codingLinks() const
{
    return readLinks(QString());
}

std::vector<CodingLink> SegmentStore::codingLinks(const std::set<Id> &codes) const
{
    return readLinks(QStringLiteral(" WHERE sc.code_id IN (%1)").arg(sqlIdList(codes)));
}

std::vector<CodingLink> SegmentStore::readLinks(const QString &where) const
{
    Statement st(m_db,
                 QStringLiteral("SELECT s.id, s.document_id, s.start, s.\"end\", s.case_id, s.coder_id, sc.code_id "
                                "FROM segment_codes sc JOIN segments s ON s.id = sc.segment_id") +
                     where);
    std::vector<CodingLink> out;
    while (st.step()) {
        CodingLink c;
        c.segmentId = st.columnInt(0);
        c.documentId = st.columnInt(1);
        c.start = st.columnInt(2);
        c.end = st.columnInt(3);
        c.caseId = st.columnOptInt(4);
        c.coderId = st.columnInt(5);
        c.codeId = st.columnInt(6);
        out.push_back(c);
    }
    return out;
}

qsizetype SegmentStore::countForCodes(const std::set<Id> &codes) const
{
    return m_db.scalarInt(
        QStringLiteral("SELECT count(*) FROM segment_codes WHERE code_id IN (%1)").arg(sqlIdList(codes)));
}

qint64 SegmentStore::removeAllOutsideCommand()
{
    const qint64 count = m_db.scalarInt(QStringLiteral("SELECT count(*) FROM segments"));
    m_memos.removeAllOf(QStringLiteral("segment"));
    m_db.exec(QStringLiteral("DELETE FROM segment_codes"));
    m_db.exec(QStringLiteral("DELETE FROM segments"));
    return count;
}

std::set<Id> SegmentStore::removeForDocumentDuringCommand(Id documentId)
{
    std::set<Id> ids;
    Statement st(m_db, QStringLiteral("SELECT id FROM segments WHERE document_id = ?1"));
    st.bind(1, documentId);
    while (st.step())
        ids.insert(st.columnInt(0));
    m_memos.removeFor(QStringLiteral("segment"), ids);
    m_db.exec(
        QStringLiteral("DELETE FROM segment_codes WHERE segment_id IN (SELECT id FROM segments WHERE document_id = %1);"
                       "DELETE FROM segments WHERE document_id = %1;")
            .arg(documentId));
    return ids;
}

void SegmentStore::recodeDuringCommand(Id from, Id to)
{
    m_db.exec(QStringLiteral("INSERT OR IGNORE INTO segment_codes(segment_id, code_id) SELECT segment_id, %2 FROM "
                             "segment_codes WHERE code_id = %1; DELETE FROM segment_codes WHERE code_id = %1;")
                  .arg(from)
                  .arg(to));
}

std::set<Id> SegmentStore::uncodeDuringCommand(const std::set<Id> &codes)
{
    m_db.exec(QStringLiteral(
                  "CREATE TEMP TABLE IF NOT EXISTS quire_orphans(id INTEGER PRIMARY KEY); DELETE FROM quire_orphans;"
                  "INSERT INTO quire_orphans SELECT DISTINCT segment_id FROM segment_codes WHERE code_id IN (%1);"
                  "DELETE FROM segment_codes WHERE code_id IN (%1);"
                  "DELETE FROM quire_orphans WHERE id IN (SELECT segment_id FROM segment_codes);")
                  .arg(sqlIdList(codes)));
    std::set<Id> orphans;
    Statement orphan(m_db, QStringLiteral("SELECT id FROM quire_orphans"));
    while (orphan.step())
        orphans.insert(orphan.columnInt(0));
    m_memos.removeFor(QStringLiteral("segment"), orphans);
    m_db.exec(QStringLiteral("DELETE FROM segments WHERE id IN (SELECT id FROM quire_orphans)"));
    return orphans;
}

qint64 SegmentStore::verify(Database &db, QStringList &problems)
{
    const qint64 count = db.scalarInt(QStringLiteral("SELECT count(*) FROM segments"));
    Statement st(db, QStringLiteral("SELECT s.id, d.name, s.start, s.\"end\", d.length FROM segments s "
                                    "JOIN documents d ON d.id = s.document_id WHERE s.\"end\" > d.length LIMIT 20"));
    while (st.step())
        problems << QStringLiteral("segments: segment %1 (%2:%3) lies past the end of \"%4\" (%5 characters)")
                        .arg(st.columnInt(0))
                        .arg(st.columnInt(2))
                        .arg(st.columnInt(3))
                        .arg(st.columnText(1))
                        .arg(st.columnInt(4));
    return count;
}

} // namespace Quire
