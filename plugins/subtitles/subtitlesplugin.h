// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formats/importerinterface.h"

#include <QObject>

namespace Quire::Subtitles {

/// Reads WebVTT (.vtt) and SubRip (.srt) files as transcripts. The stored
/// text has one line per cue (a cue's own line breaks are kept), cue ids,
/// timings and NOTE/STYLE/REGION blocks are left out, markup tags (<i>, <b>,
/// <c.x>, <font …>, inline <00:01.000> times) are removed and the entities
/// &amp; &lt; &gt; &nbsp; &quot; &apos; and numeric references decoded. A
/// voice tag <v Name> becomes "Name: " in the text. Each cue is a turn with
/// its start and end time; the speaker comes from the voice tag, else from
/// a "Name:" (or "Name (role):", "[Name]", custom pattern) label at the start
/// of a cue line, found by TranscriptDetector over the whole text so the
/// same rules apply as for other transcripts; else it is empty. A cue with
/// several voices or labels gives one turn per speaker, all with the cue's
/// times.
class SubtitlesPlugin : public QObject, public ImporterInterface
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QuireImporterInterface_iid FILE "subtitles.json")
    Q_INTERFACES(Quire::ImporterInterface)

public:
    QString formatId() const override { return QStringLiteral("subtitles"); }
    QStringList fileExtensions() const override { return {QStringLiteral("vtt"), QStringLiteral("srt")}; }
    std::vector<ImportedDocument> read(const QString &fileName, const QByteArray &bytes,
                                       const ImportOptions &options) const override;
};

} // namespace Quire::Subtitles
