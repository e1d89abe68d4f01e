// SPDX-License-Identifier: GPL-3.0-or-later
#include "refimodel.h"

#include "error.h"

#include <QHash>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace Quire::Refi {

QString normalGuid(const QString &guid)
{
    QString g = guid.trimmed().toLower();
    if (g.startsWith(QLatin1Char('{')) && g.endsWith(QLatin1Char('}')))
        g = g.mid(1, g.size() - 2);
    return g;
}

bool isGuid(const QString &text)
{
    // The XSD's GUIDType: 8-4-4-4-12 hex digits, optionally in braces. No
    // version or variant bits are checked: qc writes hex-encoded md5 text.
    static const QRegularExpression re(
        QStringLiteral("^(\\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}|"
                       "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"));
    return re.match(text.trimmed()).hasMatch();
}

namespace {

/// A recursive-descent reader over QXmlStreamReader. Elements are matched
/// by local name only, so every namespace variant (the project and codebook
/// URNs, the 0:4 schemaLocation of some ATLAS.ti codebooks, none at all)
/// reads the same.
class Parser
{
public:
    Parser(const QByteArray &xml, const QString &fileName, const QString &partName)
        : m_xml(xml)
        , m_fileName(fileName)
        , m_partName(partName)
    {
        m_xml.setNamespaceProcessing(true);
    }

    Package run()
    {
        while (!m_xml.atEnd()) {
            const auto token = next();
            if (token == QXmlStreamReader::StartElement) {
                const QStringView root = m_xml.name();
                if (root == u"Project") {
                    readProject();
                } else if (root == u"CodeBook") {
                    m_pkg.isCodebook = true;
                    m_pkg.origin = attr(u"origin");
                    readCodeBook(true);
                } else {
                    fail(QStringLiteral("the root element is <%1>, not <Project> or <CodeBook>").arg(root.toString()));
                }
                // Anything after the root element is a well-formedness matter for the reader.
                while (!m_xml.atEnd())
                    next();
                break;
            }
        }
        if (m_pkg.codes.empty() && m_pkg.isCodebook)
            fail(QStringLiteral("the codebook holds no codes"));
        checkGuids();
        return std::move(m_pkg);
    }

private:
    [[noreturn]] void fail(const QString &what) const
    {
        throw Error(QStringLiteral("%1: %2 line %3: %4").arg(m_fileName, m_partName).arg(m_xml.lineNumber()).arg(what));
    }

    QXmlStreamReader::TokenType next()
    {
        const auto token = m_xml.readNext();
        if (token == QXmlStreamReader::DTD)
            fail(QStringLiteral(
                "has a document type declaration; entity declarations are not allowed in a REFI-QDA file"));
        if (token == QXmlStreamReader::EntityReference)
            fail(QStringLiteral("uses the undeclared entity &%1;").arg(m_xml.name().toString()));
        if (token == QXmlStreamReader::Invalid)
            fail(QStringLiteral("is not well-formed XML (%1)").arg(m_xml.errorString()));
        if (token == QXmlStreamReader::StartElement) {
            ++m_pkg.elements[m_xml.name().toString()];
            if (++m_depth > 256)
                fail(QStringLiteral("elements are nested more than 256 deep"));
        } else if (token == QXmlStreamReader::EndElement) {
            --m_depth;
        }
        return token;
    }

    QString attr(QStringView name) const { return m_xml.attributes().value(name.toString()).toString(); }

    QString guidAttr(QStringView name = u"guid")
    {
        const QString g = attr(name);
        if (!isGuid(g))
            fail(QStringLiteral("<%1> has %2=\"%3\", which is not a GUID")
                     .arg(m_xml.name().toString(), name.toString(), g.left(60)));
        return g.trimmed();
    }

    qint64 intAttr(QStringView name)
    {
        bool ok = false;
        const qint64 v = attr(name).trimmed().toLongLong(&ok);
        if (!ok)
            fail(QStringLiteral("<%1> has %2=\"%3\", which is not a whole number")
                     .arg(m_xml.name().toString(), name.toString(), attr(name).left(40)));
        return v;
    }

    QString text()
    {
        QString out;
        while (true) {
            const auto token = next();
            if (token == QXmlStreamReader::Characters)
                out += m_xml.text();
            else if (token == QXmlStreamReader::StartElement)
                skipElement();
            else if (token == QXmlStreamReader::EndElement)
                return out;
            else if (m_xml.atEnd())
                fail(QStringLiteral("the document ends inside an element"));
        }
    }

    void skipElement()
    {
        int depth = 1;
        while (depth > 0) {
            const auto token = next();
            if (token == QXmlStreamReader::StartElement)
                ++depth;
            else if (token == QXmlStreamReader::EndElement)
                --depth;
            else if (m_xml.atEnd())
                fail(QStringLiteral("the document ends inside an element"));
        }
    }

    /// Calls `child(localName)` for every child element of the current one;
    /// `child` must consume the element (read or skip it).
    template <typename F> void children(F child)
    {
        while (true) {
            const auto token = next();
            if (token == QXmlStreamReader::StartElement)
                child(m_xml.name().toString());
            else if (token == QXmlStreamReader::EndElement)
                return;
            else if (m_xml.atEnd())
                fail(QStringLiteral("the document ends inside an element"));
        }
    }

    void unmapped(const QString &what)
    {
        ++m_pkg.unmapped[what];
        skipElementCounting();
    }

    /// Skips an element but still counts what is inside (selections, codings).
    void skipElementCounting()
    {
        children([this](const QString &name) {
            if (name == QLatin1String("PDFSelection") || name == QLatin1String("PictureSelection") ||
                name == QLatin1String("AudioSelection") || name == QLatin1String("VideoSelection") ||
                name == QLatin1String("TranscriptSelection") || name == QLatin1String("Transcript")) {
                ++m_pkg.unmapped[name];
            }
            skipElementCounting();
        });
    }

    void readProject()
    {
        m_pkg.name = attr(u"name");
        m_pkg.origin = attr(u"origin");
        children([this](const QString &name) {
            if (name == QLatin1String("Users")) {
                children([this](const QString &n) {
                    if (n != QLatin1String("User"))
                        return skipElement();
                    m_pkg.users.push_back({guidAttr(), attr(u"name"), attr(u"id")});
                    skipElement();
                });
            } else if (name == QLatin1String("CodeBook")) {
                readCodeBook(false);
            } else if (name == QLatin1String("Variables")) {
                children([this](const QString &n) {
                    if (n != QLatin1String("Variable"))
                        return skipElement();
                    Variable v{guidAttr(), attr(u"name"), attr(u"typeOfVariable"), {}};
                    children([&](const QString &c) {
                        if (c == QLatin1String("Description"))
                            v.description = text();
                        else
                            skipElement();
                    });
                    m_pkg.variables.push_back(v);
                });
            } else if (name == QLatin1String("Cases")) {
                children([this](const QString &n) {
                    if (n != QLatin1String("Case"))
                        return skipElement();
                    readCase();
                });
            } else if (name == QLatin1String("Sources")) {
                readSources();
            } else if (name == QLatin1String("Notes")) {
                children([this](const QString &n) {
                    if (n != QLatin1String("Note"))
                        return skipElement();
                    TextSource t = readTextSource(QString());
                    m_pkg.notes.push_back(
                        {t.guid, t.name, t.content.value_or(QString()), t.plainTextPath, t.creatingUser});
                });
            } else if (name == QLatin1String("Links")) {
                children([this](const QString &n) {
                    if (n != QLatin1String("Link"))
                        return skipElement();
                    Link l{guidAttr(), attr(u"name"), attr(u"originGUID"), attr(u"targetGUID")};
                    m_pkg.links.push_back(l);
                    skipElement();
                });
            } else if (name == QLatin1String("Sets")) {
                readSets();
            } else if (name == QLatin1String("Graphs")) {
                children([this](const QString &n) {
                    if (n == QLatin1String("Graph")) {
                        ++m_pkg.unmapped[QStringLiteral("Graph")];
                        children([this](const QString &) { skipElement(); });
                    } else {
                        skipElement();
                    }
                });
            } else if (name == QLatin1String("Description")) {
                m_pkg.description = text();
            } else if (name == QLatin1String("NoteRef")) {
                m_pkg.projectNoteRefs << guidAttr(u"targetGUID");
                skipElement();
            } else {
                skipElement();
            }
        });
    }

    void readCodeBook(bool standalone)
    {
        children([&](const QString &name) {
            if (name == QLatin1String("Codes")) {
                children([this](const QString &n) {
                    if (n != QLatin1String("Code"))
                        return skipElement();
                    readCode(-1);
                });
            } else if (name == QLatin1String("Sets") && standalone) {
                readSets();
            } else {
                skipElement();
            }
        });
    }

    void readCode(int parent)
    {
        Code c;
        c.guid = guidAttr();
        c.name = attr(u"name");
        c.color = attr(u"color").trimmed();
        const QString codable = attr(u"isCodable").trimmed();
        c.codable = !(codable == QLatin1String("false") || codable == QLatin1String("0"));
        c.parent = parent;
        const int index = int(m_pkg.codes.size());
        m_pkg.codes.push_back(c);
        children([&](const QString &name) {
            if (name == QLatin1String("Description"))
                m_pkg.codes[std::size_t(index)].description = text();
            else if (name == QLatin1String("NoteRef")) {
                m_pkg.codes[std::size_t(index)].noteRefs << guidAttr(u"targetGUID");
                skipElement();
            } else if (name == QLatin1String("Code"))
                readCode(index);
            else
                skipElement();
        });
    }

    VariableValue readVariableValue()
    {
        VariableValue v;
        children([&](const QString &name) {
            if (name == QLatin1String("VariableRef")) {
                v.variableGuid = guidAttr(u"targetGUID");
                skipElement();
            } else if (name.endsWith(QLatin1String("Value"))) {
                v.kind = name.left(name.size() - 5);
                v.value = text();
            } else {
                skipElement();
            }
        });
        if (v.variableGuid.isEmpty())
            fail(QStringLiteral("a <VariableValue> has no <VariableRef>"));
        return v;
    }

    void readCase()
    {
        Case c;
        c.guid = guidAttr();
        c.name = attr(u"name");
        children([&](const QString &name) {
            if (name == QLatin1String("Description")) {
                c.description = text();
                return;
            }
            if (name == QLatin1String("VariableValue")) {
                c.values.push_back(readVariableValue());
                return;
            }
            if (name == QLatin1String("CodeRef"))
                c.codeRefs << guidAttr(u"targetGUID");
            else if (name == QLatin1String("SourceRef"))
                c.sourceRefs << guidAttr(u"targetGUID");
            else if (name == QLatin1String("SelectionRef"))
                c.selectionRefs << guidAttr(u"targetGUID");
            skipElement();
        });
        m_pkg.cases.push_back(c);
    }

    Coding readCoding()
    {
        Coding c;
        c.guid = guidAttr();
        c.creatingUser = attr(u"creatingUser");
        children([&](const QString &name) {
            if (name == QLatin1String("CodeRef"))
                c.codeGuid = guidAttr(u"targetGUID");
            skipElement();
        });
        if (c.codeGuid.isEmpty())
            fail(QStringLiteral("<Coding guid=\"%1\"> has no <CodeRef>").arg(c.guid));
        return c;
    }

    Selection readSelection()
    {
        Selection s;
        s.guid = guidAttr();
        s.name = attr(u"name");
        s.creatingUser = attr(u"creatingUser");
        s.start = intAttr(u"startPosition");
        s.end = intAttr(u"endPosition");
        children([&](const QString &name) {
            if (name == QLatin1String("Description"))
                s.description = text();
            else if (name == QLatin1String("Coding"))
                s.codings.push_back(readCoding());
            else if (name == QLatin1String("NoteRef")) {
                s.noteRefs << guidAttr(u"targetGUID");
                skipElement();
            } else
                skipElement();
        });
        return s;
    }

    TextSource readTextSource(const QString &container)
    {
        TextSource t;
        t.container = container;
        t.guid = guidAttr();
        t.name = attr(u"name");
        t.plainTextPath = attr(u"plainTextPath");
        t.richTextPath = attr(u"richTextPath");
        t.creatingUser = attr(u"creatingUser");
        children([&](const QString &name) {
            if (name == QLatin1String("Description"))
                t.description = text();
            else if (name == QLatin1String("PlainTextContent"))
                t.content = text();
            else if (name == QLatin1String("PlainTextSelection"))
                t.selections.push_back(readSelection());
            else if (name == QLatin1String("Coding"))
                t.codings.push_back(readCoding());
            else if (name == QLatin1String("NoteRef")) {
                t.noteRefs << guidAttr(u"targetGUID");
                skipElement();
            } else if (name == QLatin1String("VariableValue"))
                t.values.push_back(readVariableValue());
            else
                skipElement();
        });
        return t;
    }

    void readSources()
    {
        children([this](const QString &name) {
            if (name == QLatin1String("TextSource")) {
                m_pkg.sources.push_back(readTextSource(QString()));
                return;
            }
            m_otherSources << normalGuid(attr(u"guid"));
            if (name == QLatin1String("PDFSource")) {
                // The PDF's text Representation is a text source Quire can keep;
                // the page regions (PDFSelection) are not.
                ++m_pkg.unmapped[QStringLiteral("PDFSource")];
                const QString pdfName = attr(u"name");
                children([&](const QString &n) {
                    if (n == QLatin1String("Representation")) {
                        TextSource t = readTextSource(QStringLiteral("PDFSource"));
                        if (t.name.isEmpty())
                            t.name = pdfName;
                        m_pkg.sources.push_back(t);
                    } else if (n == QLatin1String("PDFSelection")) {
                        unmapped(QStringLiteral("PDFSelection"));
                    } else {
                        skipElement();
                    }
                });
                return;
            }
            unmapped(name);
        });
    }

    void readSets()
    {
        children([this](const QString &n) {
            if (n != QLatin1String("Set"))
                return skipElement();
            Set s;
            s.guid = guidAttr();
            s.name = attr(u"name");
            children([&](const QString &c) {
                if (c == QLatin1String("Description")) {
                    s.description = text();
                    return;
                }
                if (c != QLatin1String("MemberCode") && c != QLatin1String("MemberSource") &&
                    c != QLatin1String("MemberNote"))
                    return skipElement();
                // The codebook schema's MemberCode says guid=, the project schema's targetGUID=.
                const QString target = m_xml.attributes().hasAttribute(QStringLiteral("targetGUID"))
                                           ? guidAttr(u"targetGUID")
                                           : guidAttr(u"guid");
                if (c == QLatin1String("MemberCode"))
                    s.memberCodes << target;
                else if (c == QLatin1String("MemberSource"))
                    s.memberSources << target;
                else if (c == QLatin1String("MemberNote"))
                    s.memberNotes << target;
                skipElement();
            });
            m_pkg.sets.push_back(s);
        });
    }

    /// Duplicate GUIDs within one kind of object, and codings of codes the
    /// codebook does not have, are errors: either would silently merge or
    /// drop coded work.
    void checkGuids()
    {
        auto unique = [this](const QString &kind, const QStringList &guids) {
            QHash<QString, int> seen;
            for (const QString &g : guids) {
                if (++seen[normalGuid(g)] == 2)
                    throw Error(QStringLiteral("%1: %2 has the GUID %3 on more than one %4")
                                    .arg(m_fileName, m_partName, g, kind));
            }
        };
        QStringList codes, sources, selections, cases, notes, sets, users, variables;
        QHash<QString, int> codeIndex;
        for (const auto &c : m_pkg.codes) {
            codes << c.guid;
            codeIndex.insert(normalGuid(c.guid), 0);
        }
        for (const auto &s : m_pkg.sources) {
            sources << s.guid;
            for (const auto &sel : s.selections)
                selections << sel.guid;
        }
        for (const auto &c : m_pkg.cases)
            cases << c.guid;
        for (const auto &n : m_pkg.notes)
            notes << n.guid;
        for (const auto &s : m_pkg.sets)
            sets << s.guid;
        for (const auto &u : m_pkg.users)
            users << u.guid;
        for (const auto &v : m_pkg.variables)
            variables << v.guid;
        unique(QStringLiteral("code"), codes);
        unique(QStringLiteral("source"), sources);
        unique(QStringLiteral("text selection"), selections);
        unique(QStringLiteral("case"), cases);
        unique(QStringLiteral("note"), notes);
        unique(QStringLiteral("set"), sets);
        unique(QStringLiteral("user"), users);
        unique(QStringLiteral("variable"), variables);
        auto checkCode = [&](const Coding &c, const QString &where) {
            if (!codeIndex.contains(normalGuid(c.codeGuid)))
                throw Error(QStringLiteral("%1: %2 codes %3 with the code GUID %4, which is not in the codebook")
                                .arg(m_fileName, m_partName, where, c.codeGuid));
        };
        for (const auto &s : m_pkg.sources) {
            for (const auto &c : s.codings)
                checkCode(c, QStringLiteral("source \"%1\"").arg(s.name));
            for (const auto &sel : s.selections) {
                for (const auto &c : sel.codings)
                    checkCode(c, QStringLiteral("selection %1 of source \"%2\"").arg(sel.guid, s.name));
            }
        }
    }

    QXmlStreamReader m_xml;
    QString m_fileName;
    QString m_partName;
    Package m_pkg;
    QStringList m_otherSources;
    int m_depth = 0;
};

} // namespace

Package parseXml(const QByteArray &xml, const QString &fileName, const QString &partName)
{
    return Parser(xml, fileName, partName).run();
}

} // namespace Quire::Refi
