// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <optional>
#include <QWidget>
#include <vector>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Quire {

class ProjectSession;
class PluginManager;

/// The quote basket: starred segments (report/quotes.h) in their chosen
/// order, moved up and down, each with an editorial version (cuts "..." and
/// [insertions], checked against the segment's text by the core; a version
/// that does not fit is refused with the core's message in the pane), and a
/// preview of the quotes as the Markdown export writes them.
class QuoteBasket : public QWidget
{
    Q_OBJECT
public:
    explicit QuoteBasket(ProjectSession &session, QWidget *parent = nullptr);
    ~QuoteBasket() override;

    /// The starred segments in the chosen order.
    std::vector<Id> order() const { return m_order; }
    bool star(Id segmentId);
    bool unstar(Id segmentId);
    /// Moves the quote at \a row one place up (-1) or down (+1): every rank is
    /// rewritten in one command.
    bool move(int row, int delta);
    /// Sets (empty: clears) the editorial version of the quote at \a row.
    bool setEditorial(int row, const QString &editorial);
    void selectRow(int row);
    int currentRow() const;

    QListWidget *list() const { return m_list; }
    /// The quote as stored, read-only, above the editorial version.
    QPlainTextEdit *originalView() const { return m_original; }
    QPlainTextEdit *editorialEditor() const { return m_editorial; }
    QPlainTextEdit *preview() const { return m_preview; }
    /// The export preview, brought up to date first.
    QString previewText();
    QLabel *errorLabel() const { return m_error; }

public Q_SLOTS:
    void reload();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showCurrent();
    void updatePreview();

    ProjectSession &m_session;
    QListWidget *m_list = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QPushButton *m_unstar = nullptr;
    QPlainTextEdit *m_original = nullptr;
    QPlainTextEdit *m_editorial = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_fromOriginal = nullptr;
    QLabel *m_error = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    std::vector<Id> m_order;
    /// The preview builds the whole theme report: only while the basket is shown.
    bool m_previewStale = true;
};

} // namespace Quire
