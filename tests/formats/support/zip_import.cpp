// SPDX-License-Identifier: GPL-3.0-or-later
#include "zip_import.h"

#include "error.h"
#include "formats/pluginmanager.h"
#include "text/textoffsets.h"

namespace QuireTest {

namespace {

const Quire::PluginManager &manager()
{
    static Quire::PluginManager pm;
    static bool loaded = false;
    if (!loaded) {
        pm.loadStatic();
        loaded = true;
    }
    return pm;
}

} // namespace

std::vector<Quire::ImportedDocument> importBytes(const QString &fileName, const QByteArray &bytes,
                                                 const Quire::ImportOptions &options)
{
    return manager().importerFor(fileName)->read(fileName, bytes, options);
}

QString importError(const QString &fileName, const QByteArray &bytes, const Quire::ImportOptions &options)
{
    try {
        importBytes(fileName, bytes, options);
    } catch (const Quire::Error &e) {
        return e.message();
    }
    return QString();
}

QStringList turnSpeakers(const Quire::ImportedDocument &doc)
{
    QStringList speakers;
    for (const auto &t : doc.turns)
        speakers << t.speaker;
    return speakers;
}

QStringList turnStarts(const Quire::ImportedDocument &doc, qsizetype length)
{
    const Quire::TextOffsets offsets(doc.text);
    QStringList starts;
    for (const auto &t : doc.turns)
        starts << offsets.mid(t.start, std::min(t.start + length, t.end));
    return starts;
}

} // namespace QuireTest
