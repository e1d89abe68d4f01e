// SPDX-License-Identifier: GPL-3.0-or-later
// The search pane's language: choosing German rebuilds the index on a worker
// thread so that "Kinder" finds "Kindern"; Cancel leaves the index as it was.
#include "guisupport.h"
#include "testsupport.h"

#include "backgroundjob.h"
#include "searchpane.h"

#include "model/project.h"
#include "search/search.h"

#include <QComboBox>
#include <QLabel>
#include <QTableWidget>

using namespace Quire;
using namespace QuireTest;

TEST_CASE("search language: German stems after the rebuild, Cancel keeps the English index", "[gui][search]")
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("de.quire"));
    {
        auto p = Project::create(path);
        ImportedDocument d;
        d.name = QStringLiteral("interview.txt");
        d.text = QStringLiteral("Wir haben mit den Kindern gesprochen. Die Kinder wollten spielen.");
        d.encoding = QStringLiteral("UTF-8");
        p->importDocuments({ImportedFile{
            QStringLiteral("/tmp/interview.txt"), QStringLiteral("aa"), QStringLiteral("plaintext"), {d}}});
    }
    Workbench w(path);
    SearchPane *pane = w.window.searchPane();
    REQUIRE(pane);
    CHECK(pane->languageCombo()->currentData().toString() == QStringLiteral("english"));
    pane->setQuery(QStringLiteral("Kinder"));
    CHECK(pane->hits().size() == 1); // English leaves "kindern" alone

    // Cancelled as soon as it starts: the index and the language stay English.
    auto cancelling = QObject::connect(&w.window, &MainWindow::jobStarted, [](BackgroundJob *job) {
        QObject::connect(job, &BackgroundJob::progressed, job, &BackgroundJob::cancel);
    });
    CHECK_FALSE(pane->setSearchLanguage(QStringLiteral("german")));
    QObject::disconnect(cancelling);
    CHECK(w.window.search()->language() == QStringLiteral("english"));
    CHECK(pane->languageCombo()->currentData().toString() == QStringLiteral("english"));
    CHECK(pane->statusLabel()->text().contains(QStringLiteral("Cancelled")));

    REQUIRE(pane->setSearchLanguage(QStringLiteral("german")));
    CHECK(w.window.search()->language() == QStringLiteral("german"));
    CHECK(pane->languageCombo()->currentData().toString() == QStringLiteral("german"));
    REQUIRE(pane->hits().size() == 2); // "Kindern" and "Kinder" share the stem "kind"
    CHECK(pane->table()->item(0, SearchPane::HitColumn)->text() == QStringLiteral("Kindern"));
    w.window.search()->check();

    CHECK_FALSE(pane->setSearchLanguage(QStringLiteral("klingon")));
    CHECK(w.window.search()->language() == QStringLiteral("german"));
}
