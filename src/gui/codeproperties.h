// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <optional>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Quire {

class CodeActions;
class MemoEditor;
class ProjectSession;

/// The chosen code's properties, each changed in place as one command:
/// name (Return or leaving the box renames), colour, description (written
/// when the box is left, with a "Saved" sign), the paths it is reached by
/// (a further parent can be linked), its segment counts, and its memo
/// (MemoEditor). Merge and Delete are CodeActions' (Delete asks first).
class CodePropertiesPanel : public QWidget
{
    Q_OBJECT
public:
    CodePropertiesPanel(ProjectSession &session, CodeActions &actions, QWidget *parent = nullptr);
    ~CodePropertiesPanel() override;

    /// Shows \a codeId (nullopt: no code chosen).
    void showCode(std::optional<Id> codeId);
    std::optional<Id> code() const { return m_code; }

    QLineEdit *nameEdit() const { return m_name; }
    QPushButton *colourButton() const { return m_colour; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    QLabel *descriptionStatus() const { return m_descriptionStatus; }
    QLabel *countsLabel() const { return m_counts; }
    MemoEditor *memoEditor() const { return m_memo; }
    /// Writes the description box if it changed (also done when it is left).
    bool saveDescription();

public Q_SLOTS:
    void reload();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString path() const;

    ProjectSession &m_session;
    CodeActions &m_actions;
    std::optional<Id> m_code;
    QLabel *m_paths = nullptr;
    QLineEdit *m_name = nullptr;
    QPushButton *m_colour = nullptr;
    QLabel *m_counts = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QLabel *m_descriptionStatus = nullptr;
    QPushButton *m_link = nullptr;
    QPushButton *m_merge = nullptr;
    QPushButton *m_delete = nullptr;
    MemoEditor *m_memo = nullptr;
    bool m_loading = false;
};

} // namespace Quire
