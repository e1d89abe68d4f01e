// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "error.h"
#include "formats/exporterinterface.h"
#include "formats/fileimport.h"
#include "formats/importerinterface.h"
#include "formats/pluginmanager.h"
#include "testsupport.h"

using namespace Quire;

TEST_CASE("Static plugins are found with their metadata", "[plugins]")
{
    PluginManager pm;
    pm.loadStatic();
    QStringList ids;
    for (const auto &info : pm.plugins()) {
        CHECK(info.isStatic);
        CHECK(info.loaded);
        CHECK(info.metaData.value(QStringLiteral("extensions")).isArray());
        ids << info.id;
    }
    ids.sort();
    QStringList built = QStringLiteral(QUIRE_BUILT_PLUGINS).split(QLatin1Char(','));
    built.sort();
    CHECK(ids == built);
    CHECK(pm.importerFor(QStringLiteral("x.TXT"))->formatId() == QStringLiteral("plaintext"));
    CHECK(pm.importerFor(QStringLiteral("notes.md"))->formatId() == QStringLiteral("md"));
    CHECK(pm.importerFor(QStringLiteral("notes.log"), QStringLiteral("plaintext"))->formatId() ==
          QStringLiteral("plaintext"));
    CHECK(pm.exporter(QStringLiteral("md"))->fileExtension() == QStringLiteral("md"));
    REQUIRE_THROWS_WITH(pm.importerFor(QStringLiteral("song.mp3")),
                        Catch::Contains("song.mp3") && Catch::Contains("no importer"));
    REQUIRE_THROWS_WITH(pm.importerFor(QStringLiteral("a.txt"), QStringLiteral("klingon")), Catch::Contains("known: "));
    REQUIRE_THROWS_WITH(pm.exporter(QStringLiteral("pptx")), Catch::Contains("no exporter"));
}

TEST_CASE("Dynamic plugins load from a folder, static twins win, wrong versions are refused", "[plugins]")
{
    PluginManager dynamicOnly;
    dynamicOnly.loadDirectory(QStringLiteral(QUIRE_PLUGIN_DIR));
    QStringList loaded;
    for (const auto &info : dynamicOnly.plugins()) {
        CHECK_FALSE(info.isStatic);
        CHECK(info.file.startsWith(QStringLiteral(QUIRE_PLUGIN_DIR)));
        if (info.loaded)
            loaded << info.id;
    }
    loaded.sort();
    QStringList built = QStringLiteral(QUIRE_BUILT_PLUGINS).split(QLatin1Char(','));
    built.sort();
    CHECK(loaded == built);
    // The dynamic plain-text importer works like the static one.
    const auto docs =
        dynamicOnly.importerFor(QStringLiteral("a.txt"))->read(QStringLiteral("a.txt"), QByteArray("x\r\ny"), {});
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].text == QStringLiteral("x\ny"));

    PluginManager both;
    both.loadStatic();
    both.loadDirectory(QStringLiteral(QUIRE_PLUGIN_DIR));
    int skipped = 0;
    for (const auto &info : both.plugins()) {
        if (!info.isStatic) {
            CHECK_FALSE(info.loaded);
            CHECK(info.problem.contains(QStringLiteral("already loaded")));
            ++skipped;
        }
    }
    CHECK(skipped == built.size());
    CHECK(both.importers().size() == dynamicOnly.importers().size());

    PluginManager outdated;
    outdated.loadDirectory(QStringLiteral(QUIRE_TEST_PLUGIN_DIR));
    REQUIRE(outdated.plugins().size() == 1);
    CHECK_FALSE(outdated.plugins()[0].loaded);
    CHECK(outdated.plugins()[0].id == QStringLiteral("outdated"));
    CHECK(outdated.plugins()[0].problem.contains(QStringLiteral("org.quire.ImporterInterface/0.9")));
    CHECK(outdated.importers().empty());
}

TEST_CASE("readImportFile checks the file before any importer sees it", "[plugins][import]")
{
    QuireTest::TempDir dir;
    PluginManager pm;
    pm.loadStatic();
    REQUIRE_THROWS_WITH(readImportFile(pm, dir.path(QStringLiteral("nope.txt"))),
                        Catch::Contains("nope.txt: no such file"));
    REQUIRE_THROWS_WITH(readImportFile(pm, dir.path(QString())), Catch::Contains("is a directory"));
    REQUIRE_THROWS_WITH(readImportFile(pm, dir.writeFile(QStringLiteral("empty.txt"), QByteArray())),
                        Catch::Contains("empty.txt") && Catch::Contains("0 bytes"));
    const ImportedFile f =
        readImportFile(pm, dir.writeFile(QStringLiteral("bom.md"), QByteArray("\xEF\xBB\xBF# Title\r\nText")));
    CHECK(f.format == QStringLiteral("md"));
    CHECK(f.sha256.size() == 64);
    REQUIRE(f.documents.size() == 1);
    CHECK(f.documents[0].text == QStringLiteral("# Title\nText"));
    CHECK(f.documents[0].meta.value(QStringLiteral("bomRemoved")).toBool());
    CHECK(f.documents[0].meta.value(QStringLiteral("crlfConverted")).toInt() == 1);
}
