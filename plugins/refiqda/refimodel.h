// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>
#include <vector>

namespace Quire::Refi {

// The parts of a REFI-QDA project (.qde) or codebook (.qdc) that Quire maps,
// as read, before any of it touches a project. GUIDs are kept as written;
// lookups go through normalGuid() (lower case, no braces).

struct User
{
    QString guid, name, id;
};

struct Code
{
    QString guid, name, color, description;
    bool codable = true;
    int parent = -1; ///< index into Package::codes, -1 at the top
    QStringList noteRefs;
};

struct Coding
{
    QString guid, codeGuid, creatingUser;
};

struct VariableValue
{
    QString variableGuid;
    QString kind; ///< Text, Boolean, Integer, Float, Date, DateTime
    QString value;
};

struct Selection
{
    QString guid, name, description, creatingUser;
    qint64 start = 0;
    qint64 end = 0;
    std::vector<Coding> codings;
    QStringList noteRefs;
};

struct TextSource
{
    QString guid, name, description, plainTextPath, richTextPath, creatingUser;
    std::optional<QString> content; ///< PlainTextContent, when given inline
    std::vector<Selection> selections;
    std::vector<Coding> codings; ///< codings of the whole source
    QStringList noteRefs;
    std::vector<VariableValue> values;
    QString container; ///< empty for a TextSource; "PDFSource" for a PDF's Representation
};

struct Variable
{
    QString guid, name, type, description;
};

struct Case
{
    QString guid, name, description;
    QStringList codeRefs, sourceRefs, selectionRefs;
    std::vector<VariableValue> values;
};

struct Note
{
    QString guid, name, text, plainTextPath, creatingUser;
};

struct Set
{
    QString guid, name, description;
    QStringList memberCodes, memberSources, memberNotes;
};

struct Link
{
    QString guid, name, originGuid, targetGuid;
};

/// One package as read from its XML. `unmapped` counts elements Quire has no
/// place for (PictureSource, PDFSelection, AudioSource …) by element name.
struct Package
{
    bool isCodebook = false;
    QString name, origin, description;
    std::vector<User> users;
    std::vector<Code> codes;
    std::vector<Variable> variables;
    std::vector<Case> cases;
    std::vector<TextSource> sources;
    std::vector<Note> notes;
    std::vector<Set> sets;
    std::vector<Link> links;
    QStringList projectNoteRefs;
    QMap<QString, qint64> unmapped;
    /// Element counts as in the file (Code, TextSource, PlainTextSelection, Coding …).
    QMap<QString, qint64> elements;
};

QString normalGuid(const QString &guid);
bool isGuid(const QString &text);

/// Parses a .qde or .qdc document. Refuses a DTD (so no entity of any kind is
/// ever expanded), checks GUIDs and references; `fileName` and `partName`
/// name the package and the XML part in errors.
Package parseXml(const QByteArray &xml, const QString &fileName, const QString &partName);

} // namespace Quire::Refi
