// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "wtfc/analysis.h"
#include "wtfc/workshop.h"

#include <functional>
#include <optional>
#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QHBoxLayout;
class QLineEdit;
class QListWidget;
class QMenu;
class QMimeData;
class QPushButton;
class QScrollArea;

namespace Quire {

class ProjectSession;

/// The theming stage: one area at a time, a column per WTfC theme of that
/// area plus "Not sorted", the area's PCR statements as cards. Dropping a card
/// on a theme is Workshop::assign, on "Not sorted" Workshop::unassign; each
/// theme's "+1 dot" and "★ star" are Workshop::vote for the voter group chosen
/// in the bar (a card's context menu votes on the statement), and its line
/// edit adds an I statement linked to the theme's statements (each one
/// command, so Ctrl+Z undoes it). A change keeps the scroll position and the
/// current card.
class WtfcThemesView : public QWidget
{
    Q_OBJECT
public:
    explicit WtfcThemesView(ProjectSession &session, QWidget *parent = nullptr);
    void reload();

    static QString cardMimeType();
    /// What dragging the card of \a statement carries.
    QMimeData *mimeForStatement(Id statement) const;
    /// What a drop on the column of \a theme (nullopt: "Not sorted") does, synchronously.
    bool dropCard(const QMimeData *mime, std::optional<Id> theme);
    bool addDot(Id theme);
    /// A dot or star ("dot", "star") on a theme or a statement, from the voter
    /// group chosen in the bar (Workshop::vote, one command).
    bool addVote(const Wtfc::ItemRef &target, const QString &kind);
    /// The voter group new votes are cast for (editable; empty: none).
    QComboBox *voterGroupBox() const { return m_group; }
    QPushButton *starButton(Id theme) const { return m_starButtons.value(theme); }
    /// The text of the card of \a statement (with its votes), empty if not shown.
    QString cardText(Id statement) const;
    /// The context menu of the card of \a statement (dot, star); the caller owns it.
    QMenu *cardMenu(Id statement);
    /// The board's scroll area (its scroll position is kept across changes).
    QScrollArea *scrollArea() const { return m_scroll; }
    /// The statement whose card is current, if any.
    std::optional<Id> currentCard() const;
    bool setCurrentCard(Id statement);
    /// Takes back the theme's latest dot vote (one command); false if it has none.
    bool removeDot(Id theme);
    bool addIStatement(Id theme, const QString &text);
    /// A new theme in the area shown (one command).
    bool addTheme(const QString &name);
    bool renameTheme(Id theme, const QString &name);
    /// Deletes a theme without I statements; its cards go back to "Not sorted".
    bool deleteTheme(Id theme);
    QLineEdit *newThemeEdit() const { return m_newTheme; }
    /// The "⋯" menu of a theme's column (rename, delete, remove a dot).
    QMenu *themeMenu(Id theme) const { return m_menus.value(theme); }

    QComboBox *areaBox() const { return m_area; }
    bool setArea(const QString &area);
    /// Statement ids shown as cards in the column of \a theme (nullopt: "Not sorted").
    QList<Id> cardsIn(std::optional<Id> theme) const;
    /// The header text of a theme's column ("name · N votes").
    QString headerText(Id theme) const;
    QPushButton *voteButton(Id theme) const { return m_voteButtons.value(theme); }
    QLineEdit *iStatementEdit(Id theme) const { return m_iEdits.value(theme); }
    QString message() const;

private:
    ProjectSession &m_session;
    QComboBox *m_area = nullptr;
    QWidget *m_board = nullptr;
    QHBoxLayout *m_columns = nullptr;
    QLabel *m_message = nullptr;
    QHash<Id, QListWidget *> m_lists; ///< theme id → list; 0 is "Not sorted"
    QHash<Id, QLabel *> m_headers;
    QHash<Id, QPushButton *> m_voteButtons;
    QHash<Id, QPushButton *> m_starButtons;
    QComboBox *m_group = nullptr;
    QScrollArea *m_scroll = nullptr;
    QHash<Id, QLineEdit *> m_iEdits;
    QHash<Id, QMenu *> m_menus;
    QLineEdit *m_newTheme = nullptr;
    QHash<Id, QString> m_cardText; ///< statement → text, for drags
    bool m_loading = false;
};

} // namespace Quire
