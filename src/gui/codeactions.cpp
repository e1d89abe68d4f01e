// SPDX-License-Identifier: GPL-3.0-or-later
#include "codeactions.h"

#include "codetreemodel.h"
#include "projectsession.h"
#include "workbenchshell.h"

#include "error.h"
#include "model/project.h"

#include <QAction>
#include <QColorDialog>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSet>

#include <functional>

namespace Quire {

CodeActions::CodeActions(ProjectSession &session, WorkbenchShell &shell, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_shell(shell)
{}

namespace {
QAction *addNamed(QMenu *menu, const QString &text, const char *name, const std::function<void()> &slot)
{
    QAction *a = menu->addAction(text);
    a->setObjectName(QString::fromLatin1(name));
    QObject::connect(a, &QAction::triggered, menu, slot);
    return a;
}

QString lastPart(const QString &path)
{
    return path.section(QLatin1Char('/'), -1);
}
} // namespace

void CodeActions::addActions(QMenu *menu, const QString &path)
{
    const Project *p = m_session.project();
    if (!p)
        return;
    const auto id = p->tryResolveCode(path);
    if (!id)
        return;
    const qsizetype segments = p->segmentCount(*id);
    // Queued: a dialog opened from a triggered action runs after the menu has closed.
    auto later = [this](std::function<void()> f) {
        return [this, f] { QMetaObject::invokeMethod(this, f, Qt::QueuedConnection); };
    };
    addNamed(menu, tr("&Rename…"), "renameCode", later([this, path] { askRename(path); }));
    addNamed(menu, tr("&Colour…"), "colourCode", later([this, path] { askColour(path); }));
    addNamed(menu, tr("De&scription…"), "describeCode", later([this, path] { askDescription(path); }));
    const bool hasMemo = !p->memos(QStringLiteral("code"), *id).empty();
    addNamed(menu, hasMemo ? tr("Show &memo") : tr("Write a &memo…"), "codeMemo",
             [this, code = *id] { Q_EMIT memoRequested(QStringLiteral("code"), code); });
    menu->addSeparator();
    addNamed(menu, tr("&Merge into…"), "mergeCode", later([this, path] { askMerge(path); }));
    addNamed(menu, tr("&Link a further parent…"), "linkCode", later([this, path] { askLink(path); }));
    menu->addSeparator();
    addNamed(menu, tr("&Delete (%n segment(s))…", nullptr, int(segments)), "deleteCode",
             later([this, path] { askDelete(path); }));
    menu->addSeparator();
    addNamed(menu, tr("&Properties"), "codeProperties", [this, code = *id] { Q_EMIT propertiesRequested(code); });
}

QMenu *CodeActions::popup(const QString &path, const QPoint &globalPos, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("codeMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setTitle(path);
    addActions(menu, path);
    menu->popup(globalPos);
    return menu;
}

bool CodeActions::ran(const Outcome &outcome, const QString &done)
{
    if (outcome)
        Q_EMIT message(done);
    return outcome.ok();
}

bool CodeActions::rename(const QString &path, const QString &newName)
{
    Project *p = m_session.project();
    const QString name = newName.trimmed();
    if (!p || name.isEmpty() || name == lastPart(path))
        return false;
    return ran(m_session.run([&] { p->renameCode(path, name); }, ProjectSession::Codes | ProjectSession::Segments),
               tr("Renamed %1 to %2. Undo (Ctrl+Z) takes it back.").arg(path, name));
}

QString CodeActions::deleteQuestion(const QString &path) const
{
    const Project *p = m_session.project();
    if (!p)
        return QString();
    const Id id = p->resolveCode(path);
    const Code c = p->code(id);
    if (path.contains(QLatin1Char('/')) && c.parents.size() > 1)
        return tr("%1 is also under another code: it is only taken away from %2 and keeps its segments there. "
                  "Undo (Ctrl+Z) takes it back.")
            .arg(c.name, path.section(QLatin1Char('/'), 0, -2));
    // The code and every sub-code with no parent outside the deleted ones (as the core deletes them).
    QSet<Id> doomed{id};
    const auto codes = p->codes();
    for (bool grew = true; grew;) {
        grew = false;
        for (const Code &k : codes) {
            if (doomed.contains(k.id) || k.parents.empty())
                continue;
            if (std::all_of(k.parents.begin(), k.parents.end(), [&](Id parent) { return doomed.contains(parent); })) {
                doomed.insert(k.id);
                grew = true;
            }
        }
    }
    qsizetype segments = 0, memos = 0;
    for (Id d : doomed) {
        segments += p->segmentCount(d);
        memos += qsizetype(p->memos(QStringLiteral("code"), d).size());
    }
    QString text = tr("Remove the code %1 from the project?").arg(path);
    if (doomed.size() > 1)
        text += QLatin1Char(' ') + tr("It takes its %n sub-code(s) with it.", nullptr, int(doomed.size() - 1));
    text += QLatin1Char(' ') + tr("%n coded segment(s) lose this coding (the text stays)", nullptr, int(segments));
    text += memos ? tr(" and %n memo(s) go with it.", nullptr, int(memos)) : QStringLiteral(".");
    text += QLatin1Char(' ') + tr("Undo (Ctrl+Z) brings it all back.");
    return text;
}

bool CodeActions::remove(const QString &path)
{
    Project *p = m_session.project();
    if (!p)
        return false;
    return ran(m_session.run([&] { p->deleteCode(path, true); },
                             ProjectSession::Codes | ProjectSession::Segments | ProjectSession::Memos),
               tr("Removed the code %1. Undo (Ctrl+Z) brings it back.").arg(path));
}

bool CodeActions::merge(const QString &from, const QString &into)
{
    Project *p = m_session.project();
    if (!p || into.isEmpty() || from == into)
        return false;
    return ran(m_session.run([&] { p->mergeCode(from, into); },
                             ProjectSession::Codes | ProjectSession::Segments | ProjectSession::Memos),
               tr("Merged %1 into %2. Undo (Ctrl+Z) takes it back.").arg(from, into));
}

bool CodeActions::setColour(const QString &path, const QColor &colour)
{
    Project *p = m_session.project();
    if (!p || !colour.isValid())
        return false;
    const QString name = colour.name(QColor::HexRgb);
    return ran(m_session.run([&] { p->describeCode(path, std::nullopt, name); },
                             ProjectSession::Codes | ProjectSession::Segments),
               tr("%1 is now shown in %2.").arg(path, name));
}

bool CodeActions::describe(const QString &path, const QString &description)
{
    Project *p = m_session.project();
    if (!p)
        return false;
    return ran(m_session.run([&] { p->describeCode(path, description, std::nullopt); }, ProjectSession::Codes),
               tr("Saved the description of %1.").arg(path));
}

bool CodeActions::link(const QString &path, const QString &parentPath)
{
    Project *p = m_session.project();
    if (!p || parentPath.isEmpty())
        return false;
    return ran(m_session.run([&] { p->linkCode(path, parentPath); }, ProjectSession::Codes),
               tr("%1 is now also under %2.").arg(lastPart(path), parentPath));
}

QStringList CodeActions::otherPaths(const QString &path) const
{
    QStringList out;
    const Project *p = m_session.project();
    if (!p)
        return out;
    std::function<void(std::optional<Id>, const QString &, int)> walk = [&](std::optional<Id> parent,
                                                                            const QString &prefix, int depth) {
        if (depth > 64)
            return;
        for (Id child : p->children(parent)) {
            const QString childPath =
                prefix.isEmpty() ? p->code(child).name : prefix + QLatin1Char('/') + p->code(child).name;
            if (childPath == path)
                continue; // nor anything under it
            out << childPath;
            walk(child, childPath, depth + 1);
        }
    };
    walk(std::nullopt, QString(), 0);
    return out;
}

std::optional<QString> CodeActions::askItem(const QString &title, const QString &label, const QStringList &items,
                                            const QString &objectName)
{
    QInputDialog dialog(m_shell.shellWidget());
    dialog.setObjectName(objectName);
    dialog.setWindowTitle(title);
    dialog.setLabelText(label);
    dialog.setComboBoxItems(items);
    dialog.setComboBoxEditable(false);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.textValue();
}

bool CodeActions::askRename(const QString &path)
{
    QInputDialog dialog(m_shell.shellWidget());
    dialog.setObjectName(QStringLiteral("renameCodeDialog"));
    dialog.setWindowTitle(tr("Rename code"));
    dialog.setLabelText(tr("New name for %1:").arg(path));
    dialog.setTextValue(lastPart(path));
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return rename(path, dialog.textValue());
}

bool CodeActions::askDelete(const QString &path)
{
    QString question;
    try {
        question = deleteQuestion(path);
    } catch (const Error &e) {
        Q_EMIT message(e.message());
        return false;
    }
    QMessageBox box(QMessageBox::Question, tr("Remove code"), question, QMessageBox::Yes | QMessageBox::Cancel,
                    m_shell.shellWidget());
    box.setObjectName(QStringLiteral("deleteCodeQuestion"));
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Yes)
        return false;
    return remove(path);
}

bool CodeActions::askMerge(const QString &path)
{
    const QStringList targets = otherPaths(path);
    if (targets.isEmpty())
        return false;
    const auto into = askItem(tr("Merge code"),
                              tr("Merge %1 into (its segments, sub-codes and memos move there, and %2 is deleted; "
                                 "Undo takes it back):")
                                  .arg(path, lastPart(path)),
                              targets, QStringLiteral("mergeCodeDialog"));
    return into && merge(path, *into);
}

bool CodeActions::askColour(const QString &path)
{
    const Project *p = m_session.project();
    if (!p)
        return false;
    QColorDialog dialog(CodeTreeModel::colorFor(p->code(p->resolveCode(path))), m_shell.shellWidget());
    dialog.setObjectName(QStringLiteral("codeColourDialog"));
    dialog.setWindowTitle(tr("Colour of %1").arg(path));
    dialog.setOption(QColorDialog::DontUseNativeDialog);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return setColour(path, dialog.selectedColor());
}

bool CodeActions::askDescription(const QString &path)
{
    const Project *p = m_session.project();
    if (!p)
        return false;
    QInputDialog dialog(m_shell.shellWidget());
    dialog.setObjectName(QStringLiteral("describeCodeDialog"));
    dialog.setWindowTitle(tr("Description of %1").arg(path));
    dialog.setLabelText(tr("What the code means, when to use it and when not (shown in the codebook):"));
    dialog.setOption(QInputDialog::UsePlainTextEditForTextInput);
    dialog.setTextValue(p->code(p->resolveCode(path)).description);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return describe(path, dialog.textValue());
}

bool CodeActions::askLink(const QString &path)
{
    const QStringList parents = otherPaths(path);
    if (parents.isEmpty())
        return false;
    const auto parent = askItem(tr("Link a further parent"),
                                tr("Show %1 also under (it keeps its place under its present parent):").arg(path),
                                parents, QStringLiteral("linkCodeDialog"));
    return parent && link(path, *parent);
}

QString CodeActions::unusedColor(const Project &project)
{
    QList<int> hues;
    for (const Code &c : project.codes()) {
        const QColor used = CodeTreeModel::colorFor(c);
        if (used.hsvHue() >= 0)
            hues << used.hsvHue();
    }
    // The hue whose nearest used hue is farthest away; the first such from red on.
    int best = 0, bestGap = -1;
    for (int hue = 0; hue < 360; ++hue) {
        int gap = 360;
        for (int used : std::as_const(hues)) {
            const int d = std::abs(hue - used);
            gap = std::min(gap, std::min(d, 360 - d));
        }
        if (gap > bestGap) {
            best = hue;
            bestGap = gap;
        }
    }
    return QColor::fromHsv(best, 150, 220).name(QColor::HexRgb);
}

} // namespace Quire
