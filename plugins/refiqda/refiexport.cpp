// SPDX-License-Identifier: GPL-3.0-or-later
#include "refiexport.h"

#include "refimodel.h"

#include "error.h"
#include "io/zipwriter.h"
#include "model/exchangebuilder.h"
#include "model/project.h"
#include "text/textoffsets.h"

#include <map>
#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QUuid>
#include <QXmlStreamWriter>

namespace Quire::Refi {

namespace {

const QString ProjectNs = QStringLiteral("urn:QDA-XML:project:1.0");
const QString CodebookNs = QStringLiteral("urn:QDA-XML:codebook:1.0");

/// GUIDs for objects Quire identifies by number: name-based (UUID v5) over
/// the project's creation time and the object, so exporting the same project
/// twice gives the same GUIDs and two projects do not collide.
class GuidMaker
{
public:
    explicit GuidMaker(const QString &projectKey)
        : m_key(projectKey)
    {}
    QString operator()(const QString &kind, const QString &id) const
    {
        static const QUuid ns(QStringLiteral("6f1c2a4e-1d0b-4c8e-9a51-3b7f0e2d9c10"));
        return QUuid::createUuidV5(ns, QStringLiteral("%1/%2/%3").arg(m_key, kind, id)).toString(QUuid::WithoutBraces);
    }

private:
    QString m_key;
};

QString typeOfVariable(AttributeType type, const QStringList &values)
{
    switch (type) {
    case AttributeType::Boolean:
        return QStringLiteral("Boolean");
    case AttributeType::Date:
        return QStringLiteral("Date");
    case AttributeType::Number: {
        for (const QString &v : values) {
            bool ok = false;
            v.toLongLong(&ok);
            if (!ok)
                return QStringLiteral("Float");
        }
        return QStringLiteral("Integer");
    }
    default:
        return QStringLiteral("Text");
    }
}

/// xsd:decimal has no exponent; Quire numbers may ("1e3").
QString decimal(const QString &v)
{
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!ok)
        return v;
    if (v.contains(QLatin1Char('e'), Qt::CaseInsensitive))
        return QString::number(d, 'f', 6);
    return v.trimmed();
}

/// A stored time as xsd:dateTime (UTC, "Z"); empty when it does not parse.
QString xsdDateTime(const QString &stored)
{
    QDateTime t = QDateTime::fromString(stored.trimmed(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(stored.trimmed(), Qt::ISODate);
    if (!t.isValid())
        return QString();
    return t.toUTC().toString(Qt::ISODateWithMs);
}

void writeWhen(QXmlStreamWriter &x, const QString &attribute, const QString &stored)
{
    const QString when = xsdDateTime(stored);
    if (!when.isEmpty())
        x.writeAttribute(attribute, when);
}

/// The case memos as one text for the case's Description, where other tools
/// look: the memo texts in order, a blank line between them.
QString caseDescription(const std::vector<Quire::Memo> &memos, Id caseId)
{
    QStringList parts;
    for (const Quire::Memo &m : memos) {
        if (m.targetKind == QLatin1String("case") && m.targetId == caseId && !m.text.trimmed().isEmpty())
            parts << m.text.trimmed();
    }
    return parts.join(QStringLiteral("\n\n"));
}

struct CodeNode
{
    Quire::Code code;
    std::vector<Id> children;
};

class Writer
{
public:
    Writer(Project &project, ExchangeReport &report)
        : m_project(project)
        , m_report(report)
        , m_snapshot(ExchangeSnapshot::read(project))
        , m_guid(m_snapshot.created.value_or(project.fileName()))
    {
        for (const Quire::Code &c : project.codes())
            m_codes.emplace(c.id, CodeNode{c, {}});
        qint64 extraParents = 0;
        for (const auto &[child, parent] : m_snapshot.codeParents) {
            auto &node = m_codes.at(child);
            // REFI-QDA codes form a tree: a code with several parents sits under its first.
            if (node.code.parents.size() > 1 && node.code.parents.front() != parent) {
                ++extraParents;
                continue;
            }
            m_codes.at(parent).children.push_back(child);
        }
        if (extraParents)
            m_report.unmapped << QStringLiteral(
                                     "%1 further parent link(s) of multi-parent codes: REFI-QDA codes form a tree, "
                                     "so each such code is written under its first parent only")
                                     .arg(extraParents);
    }

    QString codeGuid(const Quire::Code &c) const
    {
        return isGuid(c.guid) ? c.guid : m_guid(QStringLiteral("code"), QString::number(c.id));
    }

    void writeCode(QXmlStreamWriter &x, Id id, bool withNotes)
    {
        const CodeNode &node = m_codes.at(id);
        x.writeStartElement(QStringLiteral("Code"));
        x.writeAttribute(QStringLiteral("guid"), codeGuid(node.code));
        x.writeAttribute(QStringLiteral("name"), node.code.name);
        x.writeAttribute(QStringLiteral("isCodable"), QStringLiteral("true"));
        if (!node.code.color.isEmpty())
            x.writeAttribute(QStringLiteral("color"), node.code.color);
        if (!node.code.description.isEmpty())
            x.writeTextElement(QStringLiteral("Description"), node.code.description);
        if (withNotes)
            writeNoteRefs(x, QStringLiteral("code"), id);
        for (Id child : node.children)
            writeCode(x, child, withNotes);
        x.writeEndElement();
        m_report.addCount(QStringLiteral("codes"));
    }

    void writeCodes(QXmlStreamWriter &x, bool withNotes)
    {
        x.writeStartElement(QStringLiteral("Codes"));
        for (const auto &[id, node] : m_codes) {
            if (node.code.parents.empty())
                writeCode(x, id, withNotes);
        }
        x.writeEndElement();
    }

    void writeNoteRefs(QXmlStreamWriter &x, const QString &kind, std::optional<Id> id)
    {
        for (const Quire::Memo &m : m_memos) {
            if (m.targetKind == kind && m.targetId == id) {
                x.writeEmptyElement(QStringLiteral("NoteRef"));
                x.writeAttribute(QStringLiteral("targetGUID"), m_guid(QStringLiteral("memo"), QString::number(m.id)));
            }
        }
    }

    QByteArray codebook()
    {
        if (m_codes.empty())
            throw Error(QStringLiteral("%1: the project has no codes, so there is no codebook to export")
                            .arg(m_project.fileName()));
        QByteArray out;
        QXmlStreamWriter x(&out);
        x.setAutoFormatting(true);
        x.writeStartDocument();
        x.writeDefaultNamespace(CodebookNs);
        x.writeStartElement(CodebookNs, QStringLiteral("CodeBook"));
        x.writeAttribute(QStringLiteral("origin"), QStringLiteral("Quire"));
        writeCodes(x, false);
        x.writeEndElement();
        x.writeEndDocument();
        return out;
    }

    /// The .qde and the text files of the package.
    QByteArray project(std::vector<std::pair<QString, QByteArray>> &texts)
    {
        m_memos = m_project.memos();
        QByteArray out;
        QXmlStreamWriter x(&out);
        x.setAutoFormatting(true);
        x.writeStartDocument();
        x.writeDefaultNamespace(ProjectNs);
        x.writeStartElement(ProjectNs, QStringLiteral("Project"));
        x.writeAttribute(QStringLiteral("name"), QFileInfo(m_project.fileName()).completeBaseName());
        x.writeAttribute(QStringLiteral("origin"), QStringLiteral("Quire"));
        // Dates and users as the other tools write them: the project's creation
        // time, and its last change (the newest command in effect) with who made it.
        if (m_snapshot.created)
            writeWhen(x, QStringLiteral("creationDateTime"), *m_snapshot.created);
        if (const auto &last = m_snapshot.lastChange; last && !xsdDateTime(last->time).isEmpty()) {
            x.writeAttribute(QStringLiteral("modifyingUserGUID"), m_guid(QStringLiteral("coder"), last->coder));
            writeWhen(x, QStringLiteral("modifiedDateTime"), last->time);
        }

        // Users: every coder the project knows.
        QHash<QString, QString> userGuid;
        {
            const QStringList &names = m_snapshot.coders;
            if (!names.isEmpty()) {
                x.writeStartElement(QStringLiteral("Users"));
                for (const QString &n : names) {
                    const QString g = m_guid(QStringLiteral("coder"), n);
                    userGuid.insert(n, g);
                    x.writeEmptyElement(QStringLiteral("User"));
                    x.writeAttribute(QStringLiteral("guid"), g);
                    x.writeAttribute(QStringLiteral("name"), n);
                    m_report.addCount(QStringLiteral("users"));
                }
                x.writeEndElement();
            }
        }
        if (!m_codes.empty()) {
            x.writeStartElement(QStringLiteral("CodeBook"));
            writeCodes(x, true);
            x.writeEndElement();
        }

        // Variables: Quire's attribute definitions, case and document alike.
        const auto defs = m_project.attributeDefs();
        const auto values = m_project.attributeValues();
        std::map<std::pair<int, QString>, QString> variableGuid;
        if (!defs.empty()) {
            x.writeStartElement(QStringLiteral("Variables"));
            for (const AttributeDef &d : defs) {
                QStringList vals;
                for (const auto &v : values) {
                    if (v.scope == d.scope && v.name == d.name)
                        vals << v.value;
                }
                const QString g = m_guid(QStringLiteral("attribute"), QString::number(d.id));
                variableGuid[{int(d.scope), d.name}] = g;
                m_variableType[g] = typeOfVariable(d.type, vals);
                x.writeStartElement(QStringLiteral("Variable"));
                x.writeAttribute(QStringLiteral("guid"), g);
                x.writeAttribute(QStringLiteral("name"), d.name);
                x.writeAttribute(QStringLiteral("typeOfVariable"), m_variableType[g]);
                x.writeTextElement(QStringLiteral("Description"),
                                   QStringLiteral("%1 attribute").arg(toString(d.scope)));
                x.writeEndElement();
                m_report.addCount(QStringLiteral("variables"));
            }
            x.writeEndElement();
        }
        auto writeValues = [&](AttributeScope scope, Id owner) {
            for (const auto &v : values) {
                if (v.scope != scope || v.ownerId != owner)
                    continue;
                const QString g = variableGuid[{int(scope), v.name}];
                const QString type = m_variableType.value(g, QStringLiteral("Text"));
                x.writeStartElement(QStringLiteral("VariableValue"));
                x.writeEmptyElement(QStringLiteral("VariableRef"));
                x.writeAttribute(QStringLiteral("targetGUID"), g);
                x.writeTextElement(type + QStringLiteral("Value"),
                                   type == QLatin1String("Float") ? decimal(v.value) : v.value);
                x.writeEndElement();
            }
        };

        const auto docs = m_project.documents();
        QHash<Id, QString> docGuid;
        for (const Document &d : docs)
            docGuid.insert(d.id, m_guid(QStringLiteral("document"), QString::number(d.id)));
        const auto segments = m_project.segments();
        QHash<Id, QString> segGuid;
        for (const Segment &s : segments)
            segGuid.insert(s.id, m_guid(QStringLiteral("segment"), QString::number(s.id)));

        const auto cases = m_project.cases();
        if (!cases.empty()) {
            x.writeStartElement(QStringLiteral("Cases"));
            for (const Quire::Case &c : cases) {
                x.writeStartElement(QStringLiteral("Case"));
                x.writeAttribute(QStringLiteral("guid"), m_guid(QStringLiteral("case"), QString::number(c.id)));
                x.writeAttribute(QStringLiteral("name"), c.name);
                const QString description = caseDescription(m_memos, c.id);
                if (!description.isEmpty()) {
                    x.writeTextElement(QStringLiteral("Description"), description);
                    m_report.addCount(QStringLiteral("case descriptions"));
                }
                writeValues(AttributeScope::Case, c.id);
                for (Id d : m_project.caseDocuments(c.id)) {
                    x.writeEmptyElement(QStringLiteral("SourceRef"));
                    x.writeAttribute(QStringLiteral("targetGUID"), docGuid.value(d));
                }
                for (const Segment &s : segments) {
                    if (s.caseId == c.id) {
                        x.writeEmptyElement(QStringLiteral("SelectionRef"));
                        x.writeAttribute(QStringLiteral("targetGUID"), segGuid.value(s.id));
                    }
                }
                x.writeEndElement();
                m_report.addCount(QStringLiteral("cases"));
            }
            x.writeEndElement();
        }

        if (!docs.empty()) {
            const QHash<Id, QString> &importedBy = m_snapshot.importedBy;
            x.writeStartElement(QStringLiteral("Sources"));
            qint64 turns = 0;
            for (const Document &d : docs) {
                const QString g = docGuid.value(d.id);
                const QString text = m_project.documentText(d.id);
                const TextOffsets offsets(text, d.name);
                texts.push_back({QStringLiteral("sources/%1.txt").arg(g), text.toUtf8()});
                turns += qint64(m_project.turns(d.id).size());
                x.writeStartElement(QStringLiteral("TextSource"));
                x.writeAttribute(QStringLiteral("guid"), g);
                x.writeAttribute(QStringLiteral("name"), d.name);
                x.writeAttribute(QStringLiteral("plainTextPath"), QStringLiteral("internal://%1.txt").arg(g));
                if (const auto who = importedBy.find(d.id); who != importedBy.end() && userGuid.contains(*who))
                    x.writeAttribute(QStringLiteral("creatingUser"), userGuid.value(*who));
                writeWhen(x, QStringLiteral("creationDateTime"), d.importedAt);
                for (const Segment &s : segments) {
                    if (s.documentId != d.id)
                        continue;
                    x.writeStartElement(QStringLiteral("PlainTextSelection"));
                    x.writeAttribute(QStringLiteral("guid"), segGuid.value(s.id));
                    x.writeAttribute(QStringLiteral("name"), offsets.mid(s.start, s.end).simplified().left(60));
                    // Code points over the LF text, end exclusive: what the spec says.
                    x.writeAttribute(QStringLiteral("startPosition"), QString::number(s.start));
                    x.writeAttribute(QStringLiteral("endPosition"), QString::number(s.end));
                    if (userGuid.contains(s.coder))
                        x.writeAttribute(QStringLiteral("creatingUser"), userGuid.value(s.coder));
                    writeWhen(x, QStringLiteral("creationDateTime"), s.created);
                    if (!s.memo.isEmpty())
                        x.writeTextElement(QStringLiteral("Description"), s.memo);
                    for (Id c : s.codes) {
                        x.writeStartElement(QStringLiteral("Coding"));
                        x.writeAttribute(QStringLiteral("guid"),
                                         m_guid(QStringLiteral("coding"), QStringLiteral("%1/%2").arg(s.id).arg(c)));
                        if (userGuid.contains(s.coder))
                            x.writeAttribute(QStringLiteral("creatingUser"), userGuid.value(s.coder));
                        x.writeEmptyElement(QStringLiteral("CodeRef"));
                        x.writeAttribute(QStringLiteral("targetGUID"), codeGuid(m_codes.at(c).code));
                        x.writeEndElement();
                        m_report.addCount(QStringLiteral("codings"));
                    }
                    writeNoteRefs(x, QStringLiteral("segment"), s.id);
                    x.writeEndElement();
                    m_report.addCount(QStringLiteral("selections"));
                }
                writeNoteRefs(x, QStringLiteral("document"), d.id);
                writeValues(AttributeScope::Document, d.id);
                x.writeEndElement();
                m_report.addCount(QStringLiteral("sources"));
            }
            x.writeEndElement();
            if (turns)
                m_report.unmapped
                    << QStringLiteral(
                           "%1 speaker turn(s): REFI-QDA has no speaker turns (the cases and their selections are written)")
                           .arg(turns);
        }

        if (!m_memos.empty()) {
            qint64 caseMemos = 0;
            for (const Quire::Memo &m : m_memos)
                caseMemos += m.targetKind == QLatin1String("case") ? 1 : 0;
            if (caseMemos)
                m_report.notes
                    << QStringLiteral(
                           "%1 case memo(s) written into their case's Description, and as notes without a link "
                           "(a REFI-QDA case cannot refer to a note)")
                           .arg(caseMemos);
            // Who last edited a memo: the newest memo.edit command in effect; a memo
            // never edited was last modified by its author.
            const QHash<Id, QString> &editedBy = m_snapshot.memoEditedBy;
            x.writeStartElement(QStringLiteral("Notes"));
            for (const Quire::Memo &m : m_memos) {
                x.writeStartElement(QStringLiteral("Note"));
                x.writeAttribute(QStringLiteral("guid"), m_guid(QStringLiteral("memo"), QString::number(m.id)));
                x.writeAttribute(QStringLiteral("name"),
                                 m.title.isEmpty() ? QStringLiteral("Memo %1").arg(m.id) : m.title);
                if (userGuid.contains(m.coder))
                    x.writeAttribute(QStringLiteral("creatingUser"), userGuid.value(m.coder));
                writeWhen(x, QStringLiteral("creationDateTime"), m.created);
                const QString modifier = editedBy.contains(m.id)   ? editedBy.value(m.id)
                                         : m.modified == m.created ? m.coder
                                                                   : QString();
                if (userGuid.contains(modifier))
                    x.writeAttribute(QStringLiteral("modifyingUser"), userGuid.value(modifier));
                writeWhen(x, QStringLiteral("modifiedDateTime"), m.modified.isEmpty() ? m.created : m.modified);
                x.writeTextElement(QStringLiteral("PlainTextContent"), m.text);
                x.writeEndElement();
                m_report.addCount(QStringLiteral("notes"));
            }
            x.writeEndElement();
        }
        writeNoteRefs(x, QStringLiteral("project"), std::nullopt);
        x.writeEndElement();
        x.writeEndDocument();
        return out;
    }

private:
    Project &m_project;
    ExchangeReport &m_report;
    ExchangeSnapshot m_snapshot;
    GuidMaker m_guid;
    std::map<Id, CodeNode> m_codes;
    std::vector<Quire::Memo> m_memos;
    QHash<QString, QString> m_variableType;
};

void save(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        throw Error(QStringLiteral("%1: cannot be written (%2)").arg(path, f.errorString()));
}

} // namespace

ExchangeReport exportPackage(Project &project, const QString &path, const QString &format)
{
    ExchangeReport report;
    report.file = QFileInfo(path).fileName();
    report.format = format;
    report.origin = QStringLiteral("Quire");
    Writer writer(project, report);
    if (format == QLatin1String("qdc")) {
        save(path, writer.codebook());
        return report;
    }
    if (format != QLatin1String("qdpx"))
        throw Error(QStringLiteral("%1: REFI-QDA export writes qdpx or qdc, not \"%2\"").arg(report.file, format));
    std::vector<std::pair<QString, QByteArray>> texts;
    const QByteArray qde = writer.project(texts);
    ZipWriter zip(path);
    zip.add(QStringLiteral("project.qde"), qde);
    for (const auto &[name, bytes] : texts)
        zip.add(name, bytes);
    save(path, zip.finish());
    report.offsetDecision =
        QStringLiteral("written as code points over UTF-8 text with LF line endings, no BOM, end exclusive");
    return report;
}

} // namespace Quire::Refi
