// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpmenu.h"

#include <algorithm>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Quire {

namespace {

QString plainText(QString menuText)
{
    menuText.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    return menuText.replace(QStringLiteral("&&"), QStringLiteral("&"));
}

/// "Edit ▸ Undo": the menus an action sits in, outermost first.
QString menuPath(const QAction *action)
{
    for (QObject *owner : action->associatedObjects()) {
        auto *menu = qobject_cast<QMenu *>(owner);
        if (!menu)
            continue;
        QStringList path;
        for (const QMenu *m = menu; m; m = qobject_cast<const QMenu *>(m->menuAction()->associatedObjects().value(0)))
            path.prepend(plainText(m->title()));
        return path.join(QStringLiteral(" ▸ "));
    }
    return QString();
}

QDialog *makeWindow(QMainWindow *window, const QString &objectName, const QString &title, QWidget *content)
{
    // One window per page: asking again raises it.
    if (auto *open = window->findChild<QDialog *>(objectName, Qt::FindDirectChildrenOnly)) {
        open->show();
        open->raise();
        delete content;
        return open;
    }
    auto *dialog = new QDialog(window);
    dialog->setObjectName(objectName);
    dialog->setWindowTitle(title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(content);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    dialog->resize(760, 600);
    dialog->show();
    return dialog;
}

} // namespace

QDialog *showHelpPage(QMainWindow *window, const QString &page)
{
    QFile f(QStringLiteral(":/quire/docs/%1.md").arg(page));
    QString text;
    if (f.open(QIODevice::ReadOnly))
        text = QString::fromUtf8(f.readAll());
    else
        text = QObject::tr("This page (%1) is missing from this build of Quire.").arg(page);
    // Pictures live beside the documents, not in the program.
    QStringList lines = text.split(QLatin1Char('\n'));
    lines.removeIf([](const QString &l) { return l.trimmed().startsWith(QLatin1String("![")); });
    auto *browser = new QTextBrowser;
    browser->setObjectName(QStringLiteral("helpText"));
    browser->setOpenExternalLinks(true);
    browser->setMarkdown(lines.join(QLatin1Char('\n')));
    const QString title =
        page == QLatin1String("search") ? QObject::tr("The search language") : QObject::tr("Quire guide");
    return makeWindow(window, QStringLiteral("help-%1").arg(page), title, browser);
}

QDialog *showShortcuts(QMainWindow *window)
{
    struct Row
    {
        QString menu, action, keys;
    };
    std::vector<Row> rows;
    for (QAction *a : window->findChildren<QAction *>()) {
        if (a->shortcuts().isEmpty() || a->isSeparator())
            continue;
        QStringList keys;
        for (const QKeySequence &k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        QString name = plainText(a->text());
        if (name.isEmpty())
            name = a->toolTip();
        if (name.isEmpty())
            continue; // a recent-code slot not filled yet
        rows.push_back({menuPath(a), name, keys.join(QStringLiteral(", "))});
    }
    std::sort(rows.begin(), rows.end(),
              [](const Row &x, const Row &y) { return std::tie(x.menu, x.action) < std::tie(y.menu, y.action); });
    auto *table = new QTableWidget(int(rows.size()), 3);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setHorizontalHeaderLabels({QObject::tr("Menu"), QObject::tr("Action"), QObject::tr("Keys")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    for (int r = 0; r < int(rows.size()); ++r) {
        table->setItem(r, 0, new QTableWidgetItem(rows[size_t(r)].menu));
        table->setItem(r, 1, new QTableWidgetItem(rows[size_t(r)].action));
        table->setItem(r, 2, new QTableWidgetItem(rows[size_t(r)].keys));
    }
    table->resizeColumnToContents(0);
    table->resizeColumnToContents(2);
    return makeWindow(window, QStringLiteral("help-shortcuts"), QObject::tr("Keyboard shortcuts"), table);
}

QMenu *addHelpMenu(QMenuBar *bar, QMainWindow *window)
{
    QMenu *help = bar->addMenu(QObject::tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *guide =
        help->addAction(QObject::tr("Quire &guide"), window, [window] { showHelpPage(window, QStringLiteral("gui")); });
    guide->setShortcut(QKeySequence::HelpContents);
    help->addAction(QObject::tr("&Keyboard shortcuts"), window, [window] { showShortcuts(window); });
    help->addAction(QObject::tr("The &search language"), window,
                    [window] { showHelpPage(window, QStringLiteral("search")); });
    help->addSeparator();
    help->addAction(QObject::tr("&About Quire"), window, [window] {
        QMessageBox::about(window, QObject::tr("About Quire"),
                           QObject::tr("<h3>Quire %1</h3><p>A workbench for qualitative coding and thematic "
                                       "analysis: every change is a recorded command that can be undone, and "
                                       "everything it does can also be done with quire-cli.</p>"
                                       "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                               .arg(QApplication::applicationVersion()));
    });
    return help;
}

} // namespace Quire
