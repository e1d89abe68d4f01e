// SPDX-License-Identifier: GPL-3.0-or-later
// Every CSV Quire writes follows one rule against formula injection
// (docs/exports.md): a cell starting with = + - @, a tab or a carriage return
// gets a leading apostrophe. Driven through quire-cli, so that each writer
// (the CSV exporter plugin, the analysis tables, the workshop grid) is tested
// on what it really writes.
#include <catch2/catch.hpp>

#include "testsupport.h"

#include <vector>

using namespace QuireTest;

namespace {

void cli(const QStringList &args)
{
    const CliResult r = runCli(args);
    INFO(args.join(QLatin1Char(' ')).toStdString() << "\n" << r.errText().toStdString());
    REQUIRE(r.exitCode == 0);
}

/// The fields of an RFC 4180 text (a BOM dropped), read by hand so that a
/// tab or carriage return inside a field is kept exactly as written.
std::vector<QStringList> csvRows(QString text)
{
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    std::vector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\n') ||
                   (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))) {
            if (c == QLatin1Char('\r'))
                ++i;
            row << field;
            field.clear();
            rows.push_back(row);
            row.clear();
        } else {
            field += c;
        }
    }
    REQUIRE_FALSE(quoted);
    REQUIRE(field.isEmpty());
    return rows;
}

bool dangerous(const QString &cell)
{
    return !cell.isEmpty() && QStringLiteral("=+-@\t\r").contains(cell.front());
}

/// Checks that `csv` holds each of `values` as a cell, neutralised, and no
/// cell at all that a spreadsheet would run as a formula.
void checkNeutralised(const QString &writer, const QByteArray &csv, const QStringList &values)
{
    INFO(writer.toStdString());
    const std::vector<QStringList> rows = csvRows(QString::fromUtf8(csv));
    REQUIRE(rows.size() > 1);
    QStringList cells;
    for (const QStringList &row : rows)
        cells << row;
    for (const QString &cell : cells) {
        INFO("cell: " << cell.toStdString());
        CHECK_FALSE(dangerous(cell));
    }
    for (const QString &v : values) {
        INFO("value: " << v.toStdString());
        CHECK(cells.contains(QLatin1Char('\'') + v));
        CHECK_FALSE(cells.contains(v));
    }
}

} // namespace

TEST_CASE("csv: one rule neutralises every formula-starting character in every CSV writer", "[csv][export]")
{
    TempDir dir;
    const QString p = dir.path(QStringLiteral("rule.quire"));
    cli({QStringLiteral("new"), p});
    const QString doc =
        dir.writeFile(QStringLiteral("notes.txt"), QByteArray("One line said it all.\nAnother line.\n"));
    cli({QStringLiteral("import"), p, doc, QStringLiteral("--no-speakers"), QStringLiteral("--quiet")});
    // One code per dangerous first character, each on the same quote, so
    // that every code meets every other one in the co-occurrence table.
    const QStringList codes{QStringLiteral("=Sum"), QStringLiteral("+Plus"), QStringLiteral("-Minus"),
                            QStringLiteral("@At"),  QStringLiteral("\tTab"), QStringLiteral("\rReturn")};
    for (const QString &code : codes) {
        cli({QStringLiteral("code"), QStringLiteral("add"), p, code, QStringLiteral("--description"),
             code.front() + QStringLiteral(" described")});
        cli({QStringLiteral("segment"), QStringLiteral("add"), p, QStringLiteral("notes.txt"), QStringLiteral("--code"),
             code, QStringLiteral("--quote"), QStringLiteral("One line said it all.")});
    }
    QStringList descriptions;
    for (const QString &code : codes)
        descriptions << code.front() + QStringLiteral(" described");

    SECTION("the CSV exporter, one row per code and quote")
    {
        const QString out = dir.path(QStringLiteral("report.csv"));
        cli({QStringLiteral("export"), p, QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"),
             out, QStringLiteral("--no-timestamp")});
        checkNeutralised(QStringLiteral("export --format csv"), readFile(out), codes + descriptions);
    }
    SECTION("the CSV exporter, the codebook table")
    {
        const QString out = dir.path(QStringLiteral("codebook.csv"));
        cli({QStringLiteral("export"), p, QStringLiteral("--format"), QStringLiteral("csv"),
             QStringLiteral("--template"), QStringLiteral("codebook"), QStringLiteral("--out"), out,
             QStringLiteral("--no-timestamp")});
        checkNeutralised(QStringLiteral("export --template codebook"), readFile(out), codes + descriptions);
    }
    SECTION("an analysis table: co-occurrence")
    {
        const QString out = dir.path(QStringLiteral("cooccur.csv"));
        cli({QStringLiteral("cooccur"), p, QStringLiteral("--out"), out});
        checkNeutralised(QStringLiteral("cooccur --out"), readFile(out), codes);
    }
    SECTION("an analysis table: frequencies")
    {
        const QString out = dir.path(QStringLiteral("frequencies.csv"));
        cli({QStringLiteral("frequencies"), p, QStringLiteral("--out"), out});
        checkNeutralised(QStringLiteral("frequencies --out"), readFile(out), codes);
    }
    SECTION("the workshop grid")
    {
        cli({QStringLiteral("wtfc"), QStringLiteral("template"), p, QStringLiteral("--preset"),
             QStringLiteral("glad-sad-mad")});
        // Theme names and descriptors are trimmed, so only = + - @ can start them; the
        // grid is written by the same table writer as the analysis tables above.
        const QStringList themes{QStringLiteral("=Sum"), QStringLiteral("+Plus"), QStringLiteral("-Minus"),
                                 QStringLiteral("@At")};
        const QStringList descriptors{QStringLiteral("@descriptor"), QStringLiteral("=descriptor"),
                                      QStringLiteral("+descriptor"), QStringLiteral("-descriptor")};
        for (qsizetype i = 0; i < themes.size(); ++i)
            cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("add"), p, QStringLiteral("*"),
                 themes[i], QStringLiteral("--description"), descriptors[i]});
        const QString out = dir.path(QStringLiteral("grid.csv"));
        cli({QStringLiteral("wtfc"), QStringLiteral("theme"), QStringLiteral("grid"), p, QStringLiteral("--out"), out});
        checkNeutralised(QStringLiteral("wtfc theme grid --out"), readFile(out), themes + descriptors);
    }
}
