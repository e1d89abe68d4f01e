// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/importerinterface.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QtPlugin>

namespace Quire {

class Project;

/// What a whole-project exchange did: counts of what was read or written,
/// how positions were interpreted, and everything that could not be mapped
/// (a picture source, a PDF region, a link) so nothing is dropped silently.
struct ExchangeReport
{
    QString file;   ///< the package read or written (file name only)
    QString format; ///< qdpx, qdc …
    QString origin; ///< the tool that wrote the package, as it says
    /// Counts in a stable order: ("codes", 152), ("sources", 2), …
    QList<QPair<QString, qint64>> counts;
    /// The offset unit chosen for each text source and why.
    QString offsetDecision;
    /// One line per kind of thing that was not mapped, with its number.
    QStringList unmapped;
    /// Other things the user should know (renamed codes, merged GUIDs …).
    QStringList notes;

    void setCount(const QString &name, qint64 value)
    {
        for (auto &c : counts) {
            if (c.first == name) {
                c.second = value;
                return;
            }
        }
        counts.append({name, value});
    }
    void addCount(const QString &name, qint64 delta = 1)
    {
        for (auto &c : counts) {
            if (c.first == name) {
                c.second += delta;
                return;
            }
        }
        counts.append({name, delta});
    }
    qint64 count(const QString &name) const
    {
        for (const auto &c : counts) {
            if (c.first == name)
                return c.second;
        }
        return 0;
    }

    QJsonObject toJson() const
    {
        QJsonObject c;
        for (const auto &kv : counts)
            c.insert(kv.first, kv.second);
        return {{QStringLiteral("file"), file},
                {QStringLiteral("format"), format},
                {QStringLiteral("origin"), origin},
                {QStringLiteral("counts"), c},
                {QStringLiteral("offsets"), offsetDecision},
                {QStringLiteral("unmapped"), QJsonArray::fromStringList(unmapped)},
                {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
    }

    QString toText() const
    {
        QString out = QStringLiteral("%1 (%2%3)\n")
                          .arg(file, format, origin.isEmpty() ? QString() : QStringLiteral(", ") + origin);
        for (const auto &kv : counts)
            out += QStringLiteral("  %1: %2\n").arg(kv.first).arg(kv.second);
        if (!offsetDecision.isEmpty())
            out += QStringLiteral("offsets: %1\n").arg(offsetDecision);
        out += unmapped.isEmpty() ? QStringLiteral("unmapped: nothing\n") : QStringLiteral("unmapped:\n");
        for (const QString &u : unmapped)
            out += QStringLiteral("  - %1\n").arg(u);
        for (const QString &n : notes)
            out += QStringLiteral("note: %1\n").arg(n);
        return out;
    }
};

struct ExchangeOptions
{
    /// Format-specific settings (e.g. "origin" written into the package).
    QMap<QString, QString> settings;
};

/// A format plugin that moves a whole project (codes, documents, segments,
/// cases, attributes, memos, coders) in or out of an exchange package such
/// as REFI-QDA .qdpx / .qdc. Unlike ImporterInterface it writes into the
/// project itself, as ONE command: one undo step, nothing kept on error —
/// through Quire::ExchangeBuilder, and reads what it exports through the
/// Project and Quire::ExchangeSnapshot, never the project's tables.
class ProjectExchangeInterface
{
public:
    virtual ~ProjectExchangeInterface() = default;
    /// Short stable id of the plugin (refiqda).
    virtual QString formatId() const = 0;
    /// Lower-case extensions without the dot that importInto() reads.
    virtual QStringList fileExtensions() const = 0;
    /// Formats exportProject() writes (qdpx, qdc).
    virtual QStringList exportFormats() const = 0;
    /// Reads the package into the project as one command, within `limits`
    /// (documents, and text per byte of the package); throws Quire::Error
    /// naming the file and leaves the project unchanged on any problem.
    virtual ExchangeReport importInto(Project &project, const QString &path, const ImportLimits &limits) const = 0;
    /// The same with the default limits.
    ExchangeReport importInto(Project &project, const QString &path) const
    {
        return importInto(project, path, ImportLimits());
    }
    /// Writes the project (or its codebook) to `path` in `format`.
    virtual ExchangeReport exportProject(Project &project, const QString &path, const QString &format,
                                         const ExchangeOptions &options) const = 0;
};

} // namespace Quire

// 1.1: importInto takes the import limits.
// 1.2: plugins write and read the project only through ExchangeBuilder and
//      ExchangeSnapshot (model/exchangebuilder.h), which belong to this contract:
//      a change there a plugin could notice bumps this version too.
#define QuireProjectExchangeInterface_iid "org.quire.ProjectExchangeInterface/1.2"
Q_DECLARE_INTERFACE(Quire::ProjectExchangeInterface, QuireProjectExchangeInterface_iid)
