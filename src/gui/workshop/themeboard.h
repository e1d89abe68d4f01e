// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "workshop/boardcardlist.h"

#include <optional>
#include <QWidget>
#include <vector>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QMimeData;

namespace Quire {

class ProjectSession;

/// Affinity sorting: cards of one area at a time (the statements of the
/// workshop, with their area/rank attributes and person, or the segments
/// of a chosen code) dragged into themes, the child codes of a chosen parent
/// (or the top-level codes). A drop codes the card's span with the theme as
/// one command (undoable); a card moved from another theme loses that one in
/// the same command.
class ThemeBoard : public QWidget
{
    Q_OBJECT
public:
    /// The MIME type of a dragged card (JSON: document, start, end, from).
    static QString cardMimeType();

    explicit ThemeBoard(ProjectSession &session, QWidget *parent = nullptr);
    ~ThemeBoard() override;

    /// Statements, or the segments of \a sourceCode.
    void showStatements();
    void showSegmentsOf(Id sourceCode);
    /// "" for every area.
    void setArea(const QString &area);
    /// Themes are the children of \a parent (nullopt: the top-level codes).
    void setThemeParent(std::optional<Id> parent);
    QStringList areas() const;

    const std::vector<BoardCard> &cards() const { return m_cards; }
    std::vector<Id> themes() const { return m_themeIds; }
    /// Cards shown in a theme's column; nullopt: the "not sorted" pile.
    int cardCount(std::optional<Id> theme) const;
    BoardCardList *listFor(std::optional<Id> theme) const;

    /// The data a card carries when dragged from \a from (nullopt: not sorted).
    QMimeData *mimeForCard(const BoardCard &card, std::optional<Id> from) const;
    /// Codes the card described by \a mime with \a theme (nullopt: removes the
    /// theme it came from). One command. Returns false (and says why) on error.
    bool dropCard(const QMimeData *mime, std::optional<Id> theme);

    QComboBox *areaCombo() const { return m_area; }
    QLabel *statusLabel() const { return m_status; }

public Q_SLOTS:
    void reload();
    /// After a command: reloads now if the board is shown, else when it is next shown.
    void projectChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void rebuildColumns();
    void fillCombos();
    const BoardCard *cardAt(const QListWidgetItem *item) const;
    QListWidgetItem *makeItem(const BoardCard &card, int index) const;

    ProjectSession &m_session;
    QComboBox *m_source = nullptr;
    QComboBox *m_area = nullptr;
    QComboBox *m_parent = nullptr;
    QLineEdit *m_newTheme = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_columnsHost = nullptr;
    QHBoxLayout *m_columns = nullptr;
    BoardCardList *m_unsorted = nullptr;
    QLabel *m_unsortedTitle = nullptr;
    std::vector<std::pair<Id, BoardCardList *>> m_lists;
    std::vector<QLabel *> m_titles;
    std::vector<BoardCard> m_cards;
    std::vector<Id> m_themeIds;
    std::optional<Id> m_sourceCode;
    std::optional<Id> m_themeParent;
    QString m_areaFilter;
    bool m_statements = true;
    bool m_filling = false;
    bool m_stale = false;
};

} // namespace Quire
