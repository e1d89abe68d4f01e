// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the transcript detector: any text must give turns
// that are ordered, inside the text and non-overlapping, or throw
// Quire::Error (only for a bad custom pattern) — never crash or hang.
#include "error.h"
#include "formats/transcript.h"
#include "text/textoffsets.h"

#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks a custom pattern (rarely) so that path is fuzzed too.
    const uint8_t control = data[0];
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    Quire::TranscriptDetector detector;
    if ((control & 15) == 1)
        detector.customPattern = QStringLiteral("^(?<speaker>[A-Z]\\w*)>");
    try {
        const auto turns = detector.detect(text);
        const qsizetype length = Quire::TextOffsets::codePointLength(text);
        qsizetype previousEnd = 0;
        for (const auto &t : turns) {
            if (t.start < previousEnd || t.end < t.start || t.end > length || t.speaker.isEmpty())
                __builtin_trap();
            if (t.timeMs && *t.timeMs < 0)
                __builtin_trap();
            previousEnd = t.end;
        }
    } catch (const Quire::Error &) {
    }
    return 0;
}
