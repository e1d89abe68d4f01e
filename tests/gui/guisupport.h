// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared by the GUI tests: the sample project and a shown workbench window.

#include "testsupport.h"

#include "codetreemodel.h"
#include "codetreeview.h"
#include "documentview.h"
#include "mainwindow.h"

#include "formats/fileimport.h"
#include "formats/pluginmanager.h"
#include "model/project.h"

#include <functional>
#include <QApplication>
#include <QDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

namespace QuireTest {

using namespace Quire;

inline const QString TranslatingPath = QStringLiteral("Caring roles/Language/Translating");

/// Imports every sample text through the core (as quire-cli does) and adds a
/// code tree with one coded quote.
inline QString buildSampleProject(const TempDir &dir)
{
    const QString path = dir.path(QStringLiteral("sample.quire"));
    auto p = Project::create(path);
    PluginManager plugins;
    plugins.loadStatic();
    std::vector<ImportedFile> files;
    const QDir corpus(QStringLiteral(QUIRE_CORPORA_DIR "/sample"));
    for (const QString &name : corpus.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name))
        files.push_back(readImportFile(plugins, corpus.filePath(name)));
    p->importDocuments(files);
    p->addCode(TranslatingPath, QStringLiteral("#2a9d8f"));
    const Id fg1 = p->findDocument(QStringLiteral("fg1-carers.txt")).id;
    const Id noTime = p->addCode(QStringLiteral("Sustaining the carer/Respite and breaks/No time for myself"),
                                 QStringLiteral("#e76f51"));
    const QString quote = QStringLiteral("I don't get a minute to myself");
    const auto at = p->findQuote(fg1, quote);
    REQUIRE(at.size() == 1);
    p->addSegment(fg1, at[0], at[0] + quote.size(), {noTime});
    return path;
}

struct Workbench
{
    MainWindow window;
    explicit Workbench(const QString &project)
    {
        window.setErrorDialogs(false);
        window.setLayoutPersistence(false);
        window.resize(1400, 850);
        REQUIRE(window.openProject(project));
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
    }
    Id documentId(const QString &name) { return window.project()->findDocument(name).id; }
    qsizetype treeCount(Id codeId)
    {
        const QModelIndex i = window.codeModel()->indexOfCode(codeId, CodeTreeModel::CountColumn);
        REQUIRE(i.isValid());
        return i.data(Qt::DisplayRole).toString().toLongLong();
    }
    /// Highlights of \a segmentId, as UTF-16 ranges (all of the document's).
    QList<QPair<int, int>> highlightsOf(Id segmentId)
    {
        QList<QPair<int, int>> out;
        for (const DocumentView::Highlight &h : window.documentView()->highlights())
            if (h.segmentId == segmentId)
                out << qMakePair(h.from, h.to);
        return out;
    }
    /// The extra selections QPlainTextEdit paints (the visible highlights) of \a segmentId.
    QList<QPair<int, int>> paintedHighlightsOf(Id segmentId)
    {
        QList<QPair<int, int>> out;
        for (const QTextEdit::ExtraSelection &s : window.documentView()->extraSelections())
            if (s.format.property(DocumentView::SegmentIdProperty).toLongLong() == segmentId)
                out << qMakePair(s.cursor.selectionStart(), s.cursor.selectionEnd());
        return out;
    }
    /// Selects UTF-16 [from, to) in the real widget, as a mouse drag would.
    void selectUtf16(int from, int to)
    {
        QTextCursor c = window.documentView()->textCursor();
        c.setPosition(from);
        c.setPosition(to, QTextCursor::KeepAnchor);
        window.documentView()->setTextCursor(c);
    }
    void pressCtrl(Qt::Key key, Qt::KeyboardModifiers extra = Qt::NoModifier)
    {
        window.documentView()->setFocus();
        QTest::keyClick(window.documentView(), key, Qt::ControlModifier | extra);
        QApplication::processEvents();
    }
};

/// Answers the next modal dialog of type D (shown by exec()) with \a answer.
template <class D> void answerNextDialog(const std::function<void(D *)> &answer)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, answer] {
        if (auto *dialog = qobject_cast<D *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            answer(dialog);
        }
    });
    timer->start();
}

} // namespace QuireTest
