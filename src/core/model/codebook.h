// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <memory>
#include <optional>
#include <QSet>
#include <QString>
#include <QStringList>
#include <set>
#include <utility>
#include <vector>

namespace Quire {

class CommandLog;
class Database;

/// The code tree of a project: the only code that writes the tables `codes`
/// and `code_parents`. A code may sit under several parents; a path
/// ("Theme/Subtheme/Code") names one place of it. What goes with a code in
/// other stores (its codings, its memos) is the project's to move or remove,
/// in the same command, when a code is merged or deleted.
class Codebook
{
public:
    Codebook(Database &db, CommandLog &log);

    /// Creates every missing code along the path as one command; returns the last one.
    Id add(const QString &path, const QString &color, const QString &description);
    /// Resolves "Theme/Subtheme/Code"; throws naming the first missing part.
    Id resolve(const QString &path) const;
    std::optional<Id> tryResolve(const QString &path) const;
    /// The code and the parent the path reaches it through (none at the top level).
    std::pair<Id, std::optional<Id>> resolveWithParent(const QString &path) const;
    std::vector<Code> list() const;
    Code code(Id id) const;
    QStringList codePaths(Id id) const;
    QString codePath(Id id) const { return codePaths(id).value(0); }
    std::vector<Id> children(std::optional<Id> parent) const;
    void rename(const QString &path, const QString &newName);
    void move(const QString &path, const QString &newParentPath);
    void link(const QString &path, const QString &parentPath);
    void unlink(const QString &path);
    void describe(const QString &path, const std::optional<QString> &description, const std::optional<QString> &color);

    /// Throws when `src` cannot be merged into `dst` (the same code, or `dst` inside `src`).
    void checkMergeable(Id src, Id dst, const QString &from, const QString &into) const;
    /// The code and every descendant that has no parent outside that subtree: what deleting it takes.
    std::set<Id> subtree(Id id) const;

    /// Every (code, parent) link in the order of the tree: by parent, then position.
    std::vector<std::pair<Id, Id>> parentLinks() const;

    /// Writes codes as an exchange package hands them over (their own GUID,
    /// time and place), inside a command of the project's, with statements
    /// prepared once for the whole import.
    class Inserter
    {
    public:
        ~Inserter();
        Inserter(const Inserter &) = delete;
        Inserter &operator=(const Inserter &) = delete;
        /// The code with that GUID, compared trimmed, without braces and in lower case.
        std::optional<Id> withGuid(const QString &guid);
        /// The names of the codes directly under `parent` (nullopt: the top level).
        QSet<QString> namesUnder(std::optional<Id> parent);
        /// Inserts a code as given (the caller made its name unique among its
        /// siblings) and puts it last under `parent` (nullopt: the top level).
        Id insert(const QString &guid, const QString &name, const QString &color, const QString &description,
                  const QString &created, std::optional<Id> parent);

    private:
        friend class Codebook;
        explicit Inserter(Database &db);
        struct Statements;
        std::unique_ptr<Statements> m_st;
    };
    Inserter inserter();

    // Inside a command of the project's.
    /// Gives a code the GUID it has in another project (a code brought in by a merge).
    void setGuidDuringCommand(Id code, const QString &guid);
    /// Moves the children of `src` under `dst` and deletes `src`.
    void mergeDuringCommand(Id src, Id dst);
    /// Deletes the codes and every parent link to or from them.
    void removeDuringCommand(const std::set<Id> &codes);

private:
    std::optional<Id> childByName(std::optional<Id> parent, const QString &name) const;
    void checkSiblingName(std::optional<Id> parent, const QString &name, std::optional<Id> except) const;
    void checkNoCycle(Id code, Id newParent) const;

    Database &m_db;
    CommandLog &m_log;
};

} // namespace Quire
