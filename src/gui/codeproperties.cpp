// SPDX-License-Identifier: GPL-3.0-or-later
#include "codeproperties.h"

#include "codeactions.h"
#include "codetreemodel.h"
#include "memoeditor.h"
#include "projectsession.h"

#include "error.h"
#include "model/project.h"

#include <functional>

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

namespace Quire {

CodePropertiesPanel::CodePropertiesPanel(ProjectSession &session, CodeActions &actions, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_actions(actions)
{
    setObjectName(QStringLiteral("codeProperties"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *form = new QFormLayout;
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("codeName"));
    m_name->setAccessibleName(tr("Code name"));
    form->addRow(tr("&Name:"), m_name);
    m_paths = new QLabel;
    m_paths->setObjectName(QStringLiteral("codePaths"));
    m_paths->setWordWrap(true);
    m_paths->setTextFormat(Qt::PlainText);
    form->addRow(tr("Under:"), m_paths);
    m_colour = new QPushButton;
    m_colour->setObjectName(QStringLiteral("codeColour"));
    m_colour->setAccessibleName(tr("Code colour"));
    form->addRow(tr("&Colour:"), m_colour);
    m_counts = new QLabel;
    m_counts->setObjectName(QStringLiteral("codeCounts"));
    form->addRow(tr("Coded:"), m_counts);
    layout->addLayout(form);

    auto *descriptionLabel = new QLabel(tr("&Description (what the code means, when to use it):"));
    layout->addWidget(descriptionLabel);
    m_description = new QPlainTextEdit;
    m_description->setObjectName(QStringLiteral("codeDescription"));
    m_description->setTabChangesFocus(true);
    m_description->installEventFilter(this);
    descriptionLabel->setBuddy(m_description);
    layout->addWidget(m_description, 1);
    m_descriptionStatus = new QLabel;
    m_descriptionStatus->setObjectName(QStringLiteral("descriptionStatus"));
    layout->addWidget(m_descriptionStatus);
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            m_descriptionStatus->setText(tr("Unsaved changes"));
    });

    layout->addWidget(new QLabel(tr("Code memo:")));
    m_memo = new MemoEditor(session);
    m_memo->setObjectName(QStringLiteral("codeMemoEditor"));
    m_memo->editor()->setAccessibleName(tr("Code memo"));
    layout->addWidget(m_memo, 1);

    auto *buttons = new QHBoxLayout;
    m_link = new QPushButton(tr("&Link…"));
    m_link->setToolTip(tr("Show the code also under a further parent"));
    m_merge = new QPushButton(tr("&Merge…"));
    m_merge->setToolTip(tr("Merge the code into another: its segments, sub-codes and memos move there"));
    m_delete = new QPushButton(tr("&Delete…"));
    buttons->addWidget(m_link);
    buttons->addWidget(m_merge);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    layout->addLayout(buttons);

    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        if (m_loading || !m_code || !m_session.project())
            return;
        if (m_name->text().trimmed() != m_session.project()->code(*m_code).name)
            m_actions.rename(path(), m_name->text());
    });
    connect(m_colour, &QPushButton::clicked, this, [this] {
        if (m_code)
            m_actions.askColour(path());
    });
    connect(m_link, &QPushButton::clicked, this, [this] {
        if (m_code)
            m_actions.askLink(path());
    });
    connect(m_merge, &QPushButton::clicked, this, [this] {
        if (m_code)
            m_actions.askMerge(path());
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (m_code)
            m_actions.askDelete(path());
    });
    connect(&m_session, &ProjectSession::changed, this, [this](ProjectSession::Changes what) {
        if (what & (ProjectSession::Codes | ProjectSession::Segments | ProjectSession::Memos))
            reload();
    });
    showCode(std::nullopt);
}

CodePropertiesPanel::~CodePropertiesPanel()
{
    // The name box loses focus as it goes: that is no rename.
    disconnect(m_name, nullptr, this, nullptr);
}

QString CodePropertiesPanel::path() const
{
    const Project *p = m_session.project();
    return p && m_code ? p->codePath(*m_code) : QString();
}

void CodePropertiesPanel::showCode(std::optional<Id> codeId)
{
    if (codeId != m_code)
        saveDescription();
    m_code = codeId;
    reload();
}

bool CodePropertiesPanel::saveDescription()
{
    const Project *p = m_session.project();
    if (!p || !m_code || !m_description->document()->isModified())
        return true;
    m_description->document()->setModified(false);
    QString stored;
    try {
        stored = p->code(*m_code).description;
    } catch (const Error &) {
        return false;
    }
    if (stored == m_description->toPlainText())
        return true;
    const bool ok = m_actions.describe(path(), m_description->toPlainText());
    m_descriptionStatus->setText(ok ? tr("Saved at %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")))
                                    : tr("Not saved"));
    if (!ok)
        m_description->document()->setModified(true);
    return ok;
}

void CodePropertiesPanel::reload()
{
    const Project *p = m_session.project();
    std::optional<Code> code;
    if (p && m_code) {
        try {
            code = p->code(*m_code);
        } catch (const Error &) {
            m_code.reset(); // deleted or undone
        }
    }
    m_loading = true;
    for (QWidget *w : std::initializer_list<QWidget *>{m_name, m_colour, m_description, m_link, m_merge, m_delete})
        w->setEnabled(code.has_value());
    if (!code) {
        m_name->clear();
        m_paths->setText(tr("Choose a code in the code tree."));
        m_colour->setText(QString());
        m_colour->setIcon(QIcon());
        m_counts->clear();
        m_description->clear();
        m_descriptionStatus->clear();
        m_memo->setTarget(std::nullopt);
        m_loading = false;
        return;
    }
    if (!m_name->hasFocus() || m_name->text() == code->name)
        m_name->setText(code->name);
    QStringList parents;
    for (const QString &pathTo : p->codePaths(code->id))
        parents << (pathTo.contains(QLatin1Char('/')) ? pathTo.section(QLatin1Char('/'), 0, -2) : tr("(top level)"));
    m_paths->setText(parents.join(QStringLiteral("; ")));
    const QColor colour = CodeTreeModel::colorFor(*code);
    QPixmap swatch(14, 14);
    swatch.fill(colour);
    m_colour->setIcon(QIcon(swatch));
    m_colour->setText(code->color.isEmpty() ? tr("%1 (automatic)…").arg(colour.name()) : tr("%1…").arg(code->color));
    // The whole subtree, each segment once.
    QSet<Id> subtree;
    std::function<void(Id, int)> walk = [&](Id id, int depth) {
        if (depth > 64)
            return;
        for (const Segment &s : p->segments(std::nullopt, id))
            subtree.insert(s.id);
        for (Id child : p->children(id))
            walk(child, depth + 1);
    };
    walk(code->id, 0);
    m_counts->setText(tr("%n segment(s)", nullptr, int(p->segmentCount(code->id))) +
                      (subtree.size() != p->segmentCount(code->id)
                           ? tr(", %n with its sub-codes", nullptr, int(subtree.size()))
                           : QString()));
    if (!m_description->document()->isModified() || m_description->toPlainText() == code->description) {
        m_description->setPlainText(code->description);
        m_description->document()->setModified(false);
    }
    m_memo->setTarget(MemoTarget{QStringLiteral("code"), code->id, 0, false, false});
    m_loading = false;
}

bool CodePropertiesPanel::eventFilter(QObject *watched, QEvent *event)
{
    // Written once the click that moved the focus is handled (the views are rebuilt after it).
    if (watched == m_description && event->type() == QEvent::FocusOut)
        QTimer::singleShot(0, this, [this] { saveDescription(); });
    return QWidget::eventFilter(watched, event);
}

} // namespace Quire
