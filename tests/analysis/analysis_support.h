// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small hand-built projects shared by the analysis tests.

#include "formats/importerinterface.h"
#include "model/project.h"

#include <QCryptographicHash>
#include <QString>

namespace AnalysisTest {

/// A one-document file whose hash is the hash of its text (as an import of a real file would be).
inline Quire::ImportedFile textFile(const QString &name, const QString &text,
                                    std::vector<Quire::ImportedTurn> turns = {})
{
    Quire::ImportedDocument d;
    d.name = name;
    d.text = text;
    d.turns = std::move(turns);
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
    return Quire::ImportedFile{name, hash, QStringLiteral("plaintext"), {d}, {}, qint64(text.toUtf8().size())};
}

/// A turn covering `line` inside `text`, spoken by `speaker`.
inline Quire::ImportedTurn turnOf(const QString &text, const QString &line, const QString &speaker)
{
    const qsizetype at = text.indexOf(line);
    return Quire::ImportedTurn{at, at + line.size(), speaker, std::nullopt, std::nullopt};
}

/// Where `part` starts in the document (ASCII test texts: UTF-16 = code points).
inline std::pair<qsizetype, qsizetype> span(const QString &text, const QString &part)
{
    const qsizetype at = text.indexOf(part);
    return {at, at + part.size()};
}

} // namespace AnalysisTest
