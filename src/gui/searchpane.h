// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "search/search.h"

#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTimer;

namespace Quire {

class ProjectSession;
class WorkbenchShell;

/// The search pane: a query in the language of docs/search.md, its hits as a
/// KWIC table (left context | hit | right context | document | speaker) that
/// follows the query as it is typed, click-through to the passage, and
/// coding of the selected hits (its button) with the code chosen in the code
/// tree (the core autocode: one command, one undo step).
class SearchPane : public QWidget
{
    Q_OBJECT
public:
    /// CodedColumn: the codes of the segments the hit lies in or overlaps ("✓ Respite"), empty if none.
    enum Column { LeftColumn, HitColumn, RightColumn, DocumentColumn, SpeakerColumn, CodedColumn, ColumnCount };
    /// Rows get details (context, speaker) up to this many hits; the count covers all.
    static constexpr qsizetype MaxRows = 1000;

    SearchPane(ProjectSession &session, WorkbenchShell &shell, QWidget *parent = nullptr);
    ~SearchPane() override;

    /// Sets the query text and runs it at once (typing waits a moment first).
    void setQuery(const QString &query);
    /// Runs the current query; a malformed one shows the core's message in
    /// the pane and returns false.
    bool runSearch();
    /// Selects the hit's passage in the document view (opening its document).
    void activateHit(int row);
    /// Codes the hits of the selected rows (all rows when none is selected)
    /// with the current code, widened to the chosen extent. One command.
    bool codeSelectedHits();
    /// Rebuilds the project's search index with the Snowball stemmer of
    /// `language` ("english", "german", …, "none") on a worker thread with
    /// its own connection, behind a progress dialog; Cancel rolls the rebuild
    /// back. Not a command (the index is not history). False on error or Cancel.
    bool setSearchLanguage(const QString &language);
    QComboBox *languageCombo() const { return m_language; }

    QLineEdit *queryEdit() const { return m_query; }
    QTableWidget *table() const { return m_table; }
    QComboBox *extentCombo() const { return m_extent; }
    QPushButton *codeButton() const { return m_codeButton; }
    QLabel *statusLabel() const { return m_status; }
    const std::vector<SearchHit> &hits() const { return m_hits; }

public Q_SLOTS:
    /// After a command or another project: the hits may have moved; run again.
    void projectChanged();
    /// The current code may have changed: enables "Code … hits".
    void updateButton();

private:
    void fill(const SearchResult &result);
    /// Docked above or below the centre: makes the dock tall enough for the hits (growToHits).
    void growToHits();
    void setStatus(const QString &text, bool error);

    ProjectSession &m_session;
    WorkbenchShell &m_shell;
    QLineEdit *m_query = nullptr;
    QComboBox *m_extent = nullptr;
    QComboBox *m_language = nullptr;
    void showLanguage();
    QPushButton *m_regex = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_codeButton = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_typing = nullptr;
    std::vector<SearchHit> m_hits;
    QString m_shownQuery;
};

} // namespace Quire
