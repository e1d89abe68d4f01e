// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "quirecore_export.h"

#include "model/types.h"

#include <optional>
#include <QString>
#include <QStringList>
#include <vector>

namespace Quire {

class Project;

/// Working Together for Change: the stages of a workshop as project data
/// (docs/wtfc.md). Every mutation is one command (Project::batch), so each
/// is one undo step; bad input throws Quire::Error and changes nothing.
namespace Wtfc {

/// The configurable words of a workshop.
struct QUIRECORE_EXPORT Template
{
    QStringList areas;         ///< statement areas, e.g. working / not working / future
    QStringList perspectives;  ///< success-statement perspectives
    QStringList solutionKinds; ///< radical, traditional, different, already exists
    QString xAxis;             ///< investment grid, horizontal (default cost)
    QString yAxis;             ///< vertical (default benefit)
    /// Quadrant labels in the order: low x/high y, high x/high y, low x/low y, high x/low y
    /// (default quick wins, major projects, fill-ins, thankless tasks).
    QStringList quadrants;

    static Template defaults();
    /// The glad / sad / mad sticky-note areas, other words as the defaults.
    static Template gladSadMad();
};

enum class ItemKind { Statement, Theme, IStatement, Cause, Solution, Action, Success };
QUIRECORE_EXPORT QString toString(ItemKind kind);
/// "statement", "theme", "istatement" (also "i-statement"), "cause", "solution", "action", "success".
QUIRECORE_EXPORT std::optional<ItemKind> itemKindFromString(const QString &text);

struct ItemRef
{
    ItemKind kind = ItemKind::Cause;
    Id id = 0;
    friend bool operator==(const ItemRef &, const ItemRef &) = default;
};

/// A PCR statement (named so as not to clash with Quire::Statement, the SQL one): a document of kind "statement" with
/// area/rank/taken_forward.
struct PcrStatement
{
    Id id = 0; ///< the document id
    QString name;
    QString text;
    QString area;
    std::optional<qint64> rank;
    bool takenForward = false;
    std::vector<Id> people; ///< case ids linked to the statement
    std::optional<Id> themeId;
};

struct Person
{
    Id id = 0;
    QString name;
};

struct Theme
{
    Id id = 0;
    QString area;
    QString name;
    QString description;
    std::vector<Id> statements;
};

struct Node
{
    Id id = 0;
    ItemKind kind = ItemKind::Cause; ///< IStatement or Cause
    QString text;
    std::optional<Id> themeId;  ///< I statements only
    std::vector<Id> statements; ///< I statements only: the statements it sums up
};

struct Edge
{
    Id from = 0; ///< the effect
    Id to = 0;   ///< the cause: "from is caused by to"
    friend bool operator==(const Edge &, const Edge &) = default;
};

struct Vote
{
    Id id = 0;
    ItemRef target;
    QString kind; ///< dot or star
    int count = 1;
    QString voterGroup;
};

struct SuccessStatement
{
    Id id = 0;
    Id causeId = 0;
    QString perspective;
    QString text;
};

struct Solution
{
    Id id = 0;
    Id causeId = 0;
    QString kind;
    QString text;
    std::optional<double> x;     ///< 0–10 on the template's x axis (cost)
    std::optional<double> y;     ///< 0–10 on the y axis (benefit)
    std::optional<int> quadrant; ///< placed directly; index into Template::quadrants
};

struct Action
{
    Id id = 0;
    Id solutionId = 0;
    QString text;
    QString owner;
    QString due;    ///< YYYY-MM-DD or empty
    QString status; ///< planned, in progress, done, dropped
};

/// Everything of a workshop, read in one go (the analyses and exports work on this).
struct QUIRECORE_EXPORT Snapshot
{
    Template workshopTemplate;
    std::vector<PcrStatement> statements;
    std::vector<Person> people;
    std::vector<Theme> themes;
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    std::vector<Vote> votes;
    std::vector<std::pair<QString, ItemRef>> selections; ///< stage, target
    std::vector<SuccessStatement> success;
    std::vector<Solution> solutions;
    std::vector<Action> actions;

    const PcrStatement *statement(Id id) const;
    const Theme *theme(Id id) const;
    const Node *node(Id id) const;
    const Solution *solution(Id id) const;
    const Action *action(Id id) const;
    QString personName(Id id) const;
    /// Dots plus stars on one item.
    int votesFor(const ItemRef &target) const;
    /// The quadrant of a solution: the one placed directly, else from the scores
    /// (a score of 5 or more is "high"), else none.
    std::optional<int> quadrantOf(const Solution &s) const;
};

/// The workshop stored in a project. Cheap to construct; holds no state but the project.
class QUIRECORE_EXPORT Workshop
{
public:
    explicit Workshop(Project &project);

    Snapshot snapshot() const;
    Template workshopTemplate() const;
    void setTemplate(const Template &t);

    // ---- statements and themes -----------------------------------------
    std::vector<PcrStatement> statements() const;
    /// A statement by document id or exact document name.
    Id resolveStatement(const QString &nameOrId) const;
    /// The statement a person ranked `rank` in an area (areas compare without case
    /// or outer spaces): how a facilitator names a sticky note. Throws if there is none.
    Id findStatement(const QString &person, const QString &area, qint64 rank) const;
    Id addTheme(const QString &area, const QString &name, const QString &description = QString());
    /// Renames a theme. A theme that is part of a strategic theme (the themes of one
    /// name across areas, docs/decisions/0012-strategic-themes.md) is renamed in every
    /// area together, as one command, so that its grid row stays whole;
    /// `thisAreaOnly` renames this area's theme alone, taking it out of that row.
    void renameTheme(Id theme, const QString &name, bool thisAreaOnly = false);
    /// Deletes a theme that has no I statement; its statements become unthemed.
    void deleteTheme(Id theme);
    /// Puts statements on a theme (moving them from any other); their area must match.
    void assign(Id theme, const std::vector<Id> &statements);
    void unassign(const std::vector<Id> &statements);
    /// A theme by "theme:ID", id, or name (optionally only in `area`).
    Id resolveTheme(const QString &text, const QString &area = QString()) const;

    // ---- votes and selections ------------------------------------------
    Id vote(const ItemRef &target, const QString &kind, int count, const QString &voterGroup = QString());
    void removeVote(Id vote);
    /// Marks an item taken forward at a stage (or not).
    void select(const QString &stage, const ItemRef &target, bool selected);

    // ---- the root-cause graph ------------------------------------------
    Id addIStatement(Id theme, const QString &text, const std::vector<Id> &statements = {});
    void linkStatements(Id istatement, const std::vector<Id> &statements);
    Id addCause(const QString &text);
    /// Adds "from is caused by to". Refuses an edge that closes a cycle, naming it.
    void addWhy(Id from, Id to);
    /// Adds a cause typed under a node and the edge to it, in one command.
    Id addWhyText(Id from, const QString &causeText);
    void unlink(Id from, Id to);
    void renameNode(Id node, const QString &text);
    /// Deletes a node with its edges and links; refused while success
    /// statements or solutions hang on it.
    void deleteNode(Id node);
    /// A node by "cause:ID" / "istatement:ID", id, or exact text.
    Id resolveNode(const QString &text) const;

    // ---- success, solutions, grid, actions -------------------------------
    Id addSuccess(Id cause, const QString &perspective, const QString &text);
    Id addSolution(Id cause, const QString &kind, const QString &text);
    void placeByScores(Id solution, double x, double y);
    void placeInQuadrant(Id solution, int quadrant);
    Id addAction(Id solution, const QString &text, const QString &owner, const QString &due,
                 const QString &status = QStringLiteral("planned"));
    void setActionStatus(Id action, const QString &status);
    /// Changes a success statement's perspective and text (one command).
    void editSuccess(Id success, const QString &perspective, const QString &text);
    /// Deletes a success statement with the votes and selections on it.
    void deleteSuccess(Id success);
    /// Changes a solution's kind and text; its grid place and actions stay.
    void editSolution(Id solution, const QString &kind, const QString &text);
    /// Deletes a solution with its actions and the votes and selections on
    /// either, in one command.
    void deleteSolution(Id solution);
    /// Changes an action's text, owner and due date (YYYY-MM-DD or empty); its status stays.
    void editAction(Id action, const QString &text, const QString &owner, const QString &due);
    /// Deletes an action with the selections on it.
    void deleteAction(Id action);

    /// "kind:ID" (e.g. cause:3, action:1) or, for statements, a document name;
    /// for causes and I statements also their exact text.
    ItemRef resolveItem(const QString &text) const;
    /// A display label such as `cause 3 "Staff have no time"`.
    QString label(const ItemRef &item) const;

private:
    void checkNodeExists(Id node, std::optional<ItemKind> kind) const;
    void checkStatements(const std::vector<Id> &statements) const;
    QString nodeText(Id node) const;
    Project &m_project;
};

} // namespace Wtfc
} // namespace Quire
