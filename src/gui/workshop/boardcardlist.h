// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <optional>
#include <QListWidget>
#include <vector>

class QMimeData;

namespace Quire {

class ThemeBoard;

/// One card of the board: a PCR statement (its whole text) or a coded
/// segment, with where it came from and who said it.
struct BoardCard
{
    Id documentId = 0;
    std::optional<Id> segmentId; ///< segment cards only
    qsizetype start = 0;         ///< code points of the document's text
    qsizetype end = 0;
    QString text;
    QString document;
    QString person;
    QString area;
    std::vector<Id> themes; ///< the board's themes the card is coded with
};

/// A list of cards that can be dragged (QDrag with BoardCardMime data) and
/// dropped on: the "not sorted" pile (theme = nullopt) or one theme's column.
class BoardCardList : public QListWidget
{
    Q_OBJECT
public:
    /// Item roles: the card's index on the board, and its source line (person · document).
    static constexpr int CardIndexRole = Qt::UserRole + 1;
    static constexpr int SourceRole = Qt::UserRole + 2;

    BoardCardList(ThemeBoard *board, std::optional<Id> theme, QWidget *parent = nullptr);
    std::optional<Id> theme() const { return m_theme; }

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    Qt::DropActions supportedDropActions() const override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    /// The one place a drop is handled: decodes the card and asks the board
    /// to code it with this list's theme (or to take the theme off).
    void dropEvent(QDropEvent *event) override;

private:
    ThemeBoard *m_board;
    std::optional<Id> m_theme;
};

} // namespace Quire
