// SPDX-License-Identifier: GPL-3.0-or-later
// The workbench's import meets the same import limits as quire-cli and says
// so in the same words; the project stays exactly as it was.
#include "guisupport.h"
#include "testsupport.h"

using namespace Quire;
using namespace QuireTest;

TEST_CASE("The workbench refuses a sheet beyond the column limit with quire-cli's message", "[gui][safety]")
{
    TempDir dir;
    const QString path = buildSampleProject(dir);
    Workbench w(path);
    QByteArray csv = "person,statement";
    for (int c = 0; c < 19998; ++c)
        csv += ",q" + QByteArray::number(c);
    csv += "\nP1,We waited";
    for (int c = 0; c < 19998; ++c)
        csv += ",1";
    csv += '\n';
    const QString file = dir.writeFile(QStringLiteral("wide.csv"), csv);
    const QString before = projectFingerprint(path);
    const auto documents = w.window.project()->documents().size();

    CHECK_FALSE(w.window.importFiles({file}));
    CHECK(w.window.lastError().contains(
        QStringLiteral("wide.csv: the sheet has 20000 columns, more than the 16384 Quire reads from one sheet; "
                       "if you mean to import them all, raise the limit with quire-cli import --max-columns N")));
    CHECK(w.window.project()->documents().size() == documents);
    CHECK(projectFingerprint(path) == before);
}
