// SPDX-License-Identifier: GPL-3.0-or-later
// Team coding from the workbench (Analysis ▸ Team coding): a blank copy for a
// second coder, their work merged back as one command on a worker thread,
// undone in one step; a cancelled merge changes nothing.
#include "guisupport.h"
#include "testsupport.h"

#include "analysis/agreementview.h"
#include "analysis/analysismenu.h"
#include "analysis/analysisoperations.h"
#include "analysis/cooccurrenceview.h"
#include "analysis/crosstabview.h"
#include "analysis/frequencyview.h"
#include "backgroundjob.h"

#include "model/project.h"

#include <QFileInfo>

using namespace Quire;
using namespace QuireTest;

TEST_CASE("team coding: copy for a second coder, merge their work back, undo it in one step", "[gui][teamwork]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    Workbench w(path);
    Project *p = w.window.project();
    const auto segmentsBefore = p->segments().size();

    const QString copy = dir.path(QStringLiteral("for-ben.quire"));
    REQUIRE(copyProjectForCoder(w.window.session(), copy, false).isEmpty());
    CHECK(copyProjectForCoder(w.window.session(), copy, false)
              .contains(QStringLiteral("for-ben.quire"))); // exists: refused
    {
        auto ben = Project::open(copy);
        CHECK(ben->segments().empty());
        CHECK(ben->documents().size() == p->documents().size());
        ben->setCoder(QStringLiteral("ben"));
        const Document d = ben->documents().front();
        const Id code = ben->codes().front().id;
        ben->addSegment(d.id, 0, 5, {code});
        ben->addSegment(d.id, 10, 20, {code});
    }
    const QString before = projectFingerprint(path);

    // Cancelled at once: nothing merged.
    auto cancelling = QObject::connect(&w.window, &MainWindow::jobStarted, [](BackgroundJob *job) {
        QObject::connect(job, &BackgroundJob::progressed, job, &BackgroundJob::cancel);
    });
    CHECK(mergeCoderProject(w.window.session(), &w.window, copy).contains(QStringLiteral("cancelled")));
    QObject::disconnect(cancelling);
    CHECK(projectFingerprint(path) == before);

    Analysis::MergeReport report;
    REQUIRE(mergeCoderProject(w.window.session(), &w.window, copy, &report).isEmpty());
    CHECK(report.segmentsAdded == 2);
    CHECK(report.documentsMatched == qint64(p->documents().size()));
    CHECK(p->segments().size() == segmentsBefore + 2);
    int bens = 0;
    for (const Segment &s : p->segments())
        bens += s.coder == QStringLiteral("ben") ? 1 : 0;
    CHECK(bens == 2);
    REQUIRE(w.window.undo());
    CHECK(p->segments().size() == segmentsBefore);

    CHECK(mergeCoderProject(w.window.session(), &w.window, dir.path(QStringLiteral("absent.quire")))
              .contains(QStringLiteral("absent.quire")));
}
