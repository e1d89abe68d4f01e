// SPDX-License-Identifier: GPL-3.0-or-later
// Cancel pressed while an import is being stored (not while it is read):
// the worker's transaction is interrupted and rolls back, so the project is
// exactly as it was; the same import without Cancel is stored and undone.
#include "guisupport.h"
#include "testsupport.h"

#include "backgroundjob.h"

#include <QTimer>

using namespace Quire;
using namespace QuireTest;

TEST_CASE("Cancel while an import is being stored rolls it back and leaves the project as it was", "[gui][safety]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    Workbench w(path);
    // Three transcripts of ~1.5 MB: storing them (texts, turns, the search
    // index) takes a good part of a second, long after reading.
    QStringList files;
    for (int f = 0; f < 3; ++f) {
        QByteArray text;
        for (int i = 0; i < 30000; ++i)
            text += QByteArray("P") + QByteArray::number(i % 7 + 1) + ": We waited for the nurse again, turn " +
                    QByteArray::number(i) + ".\n";
        files << dir.writeFile(QStringLiteral("long-%1.txt").arg(f), text);
    }
    const QString before = projectFingerprint(path);
    const auto documents = w.window.project()->documents().size();

    // Cancel 100 ms after the job says it is storing: the worker is inside
    // the import's transaction by then (storing these takes well over a
    // second), so Cancel interrupts a running statement and the transaction
    // rolls back — checked by hand with a trace: "statement failed: interrupted".
    QString lastLabel;
    auto cancelling = QObject::connect(&w.window, &MainWindow::jobStarted, [&](BackgroundJob *job) {
        QObject::connect(job, &BackgroundJob::progressed, job, [job, &lastLabel](int, int, const QString &label) {
            lastLabel = label;
            if (label.startsWith(QLatin1String("Storing"))) {
                QTimer::singleShot(100, job, &BackgroundJob::cancel);
            }
        });
    });
    CHECK_FALSE(w.window.importFiles(files));
    QObject::disconnect(cancelling);
    CHECK(lastLabel.startsWith(QLatin1String("Storing")));
    CHECK(w.window.lastError().contains(QLatin1String("cancelled")));
    CHECK(w.window.project()->documents().size() == documents);
    CHECK(projectFingerprint(path) == before);

    // The same files without Cancel: stored in one command, which undo takes back.
    REQUIRE(w.window.importFiles(files));
    CHECK(w.window.project()->documents().size() == documents + 3);
    REQUIRE(w.window.undo());
    CHECK(w.window.project()->documents().size() == documents);
}
