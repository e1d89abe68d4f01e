// SPDX-License-Identifier: GPL-3.0-or-later
// quire-cli VERB --help and quire-cli help VERB: every verb has help, and
// every option the help lists is one the verb's parser accepts (both come
// from the verb table, src/cli/verbtable.cpp).
#include <catch2/catch.hpp>

#include "testsupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

using namespace QuireTest;

namespace {

struct ListedOption
{
    QString name;
    bool valued = false;
};

/// The options of the "Options:" block of one verb's help.
std::vector<ListedOption> listedOptions(const QString &help)
{
    static const QRegularExpression line(QStringLiteral("^  --([a-z0-9-]+)( \\S+)?  "),
                                         QRegularExpression::MultilineOption);
    std::vector<ListedOption> out;
    for (auto it = line.globalMatch(help); it.hasNext();) {
        const auto m = it.next();
        out.push_back({m.captured(1), !m.captured(2).isEmpty()});
    }
    return out;
}

/// The options shown in the usage line(s), "[--name ...]".
QSet<QString> synopsisOptions(const QString &help)
{
    static const QRegularExpression option(QStringLiteral("\\[--([a-z0-9-]+)"));
    const QString usage = help.section(QStringLiteral("\n\n"), 0, 0);
    QSet<QString> out;
    for (auto it = option.globalMatch(usage); it.hasNext();)
        out.insert(it.next().captured(1));
    return out;
}

} // namespace

TEST_CASE("every verb's help lists only options its parser accepts", "[cli][help]")
{
    const CliResult verbs = runCli({QStringLiteral("help"), QStringLiteral("--verbs")});
    REQUIRE(verbs.exitCode == 0);
    const QStringList names = verbs.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // The verbs of docs/cli.md and docs/wtfc.md: far more than a handful.
    REQUIRE(names.size() > 60);
    REQUIRE(names.contains(QStringLiteral("code add")));
    REQUIRE(names.contains(QStringLiteral("wtfc theme assign")));
    REQUIRE(names.contains(QStringLiteral("backup restore")));
    int optionsChecked = 0;
    for (const QString &name : names) {
        const QStringList words = name.split(QLatin1Char(' '));
        INFO("verb: " << name.toStdString());
        const CliResult help = runCli(words + QStringList{QStringLiteral("--help")});
        INFO("stderr: " << help.err.toStdString());
        REQUIRE(help.exitCode == 0);
        REQUIRE(help.err.isEmpty());
        const QString text = help.outText();
        REQUIRE(text.startsWith(QStringLiteral("Usage: quire-cli ") + name));
        // `help VERB` prints the same.
        const CliResult viaHelp = runCli(QStringList{QStringLiteral("help")} + words);
        REQUIRE(viaHelp.exitCode == 0);
        REQUIRE(viaHelp.out == help.out);

        const auto listed = listedOptions(text);
        QSet<QString> listedNames;
        for (const auto &o : listed)
            listedNames.insert(o.name);
        // The usage line shows the same options as the list under it.
        CHECK(synopsisOptions(text) == listedNames);
        // Without "Options:" there must be no options; with it, at least one.
        CHECK(text.contains(QStringLiteral("\nOptions:\n")) == !listed.empty());

        // Each listed option is accepted: whatever fails then (no PROJECT), it is not the option.
        for (const ListedOption &o : listed) {
            QStringList args = words;
            args << QStringLiteral("--") + o.name;
            if (o.valued)
                args << QStringLiteral("1");
            const CliResult r = runCli(args);
            INFO("option: --" << o.name.toStdString() << "  stderr: " << r.err.toStdString());
            CHECK_FALSE(r.errText().contains(QStringLiteral("unknown option")));
            CHECK_FALSE(r.errText().contains(QStringLiteral("takes no value")));
            CHECK_FALSE(r.errText().contains(QStringLiteral("needs a value")));
            ++optionsChecked;
        }
        // And the parser is reached with these words: an option it does not know is refused.
        const CliResult bogus = runCli(words + QStringList{QStringLiteral("--no-such-option")});
        INFO("stderr: " << bogus.err.toStdString());
        CHECK(bogus.exitCode == 2);
        CHECK(bogus.errText().contains(QStringLiteral("unknown option --no-such-option")));
    }
    CHECK(optionsChecked > 100);
}

TEST_CASE("help for a verb with actions lists every action, and -h works too", "[cli][help]")
{
    const CliResult code = runCli({QStringLiteral("code"), QStringLiteral("-h")});
    REQUIRE(code.exitCode == 0);
    for (const char *action : {"add", "rename", "move", "link", "unlink", "merge", "delete", "describe"})
        CHECK(code.outText().contains(QStringLiteral("Usage: quire-cli code %1 ").arg(QLatin1String(action))));
    // The words after the action (a project, a code) do not hide the action's help.
    const CliResult deep = runCli({QStringLiteral("code"), QStringLiteral("add"), QStringLiteral("p.quire"),
                                   QStringLiteral("Theme"), QStringLiteral("--help")});
    REQUIRE(deep.exitCode == 0);
    CHECK(deep.outText().startsWith(QStringLiteral("Usage: quire-cli code add PROJECT PATH")));
    CHECK_FALSE(deep.outText().contains(QStringLiteral("code rename")));

    const CliResult overall = runCli({QStringLiteral("--help")});
    REQUIRE(overall.exitCode == 0);
    CHECK(overall.outText().contains(QStringLiteral("quire-cli wtfc export PROJECT")));
    CHECK(overall.outText().contains(QStringLiteral("quire-cli save-copy PROJECT COPY.quire")));

    const CliResult unknown = runCli({QStringLiteral("help"), QStringLiteral("frobnicate")});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.errText().contains(QStringLiteral("no verb \"frobnicate\"")));
}

TEST_CASE("a REFI-QDA import or export refuses the options of documents and reports", "[cli][help]")
{
    const CliResult imp = runCli({QStringLiteral("import"), QStringLiteral("p.quire"), QStringLiteral("x.qdpx"),
                                  QStringLiteral("--encoding"), QStringLiteral("latin1")});
    CHECK(imp.exitCode == 2);
    CHECK(imp.errText().contains(QStringLiteral("import: option --encoding does not apply to a REFI-QDA file")));
    const CliResult exp =
        runCli({QStringLiteral("export"), QStringLiteral("p.quire"), QStringLiteral("--format"), QStringLiteral("qdc"),
                QStringLiteral("--out"), QStringLiteral("x.qdc"), QStringLiteral("--memos")});
    CHECK(exp.exitCode == 2);
    CHECK(exp.errText().contains(
        QStringLiteral("export: option --memos does not apply to a REFI-QDA package or codebook")));
}

TEST_CASE("every option any verb's help lists is documented in docs/cli.md", "[cli][help]")
{
    QFile doc(QStringLiteral(QUIRE_SOURCE_DIR "/docs/cli.md"));
    REQUIRE(doc.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(doc.readAll());
    const CliResult verbs = runCli({QStringLiteral("help"), QStringLiteral("--verbs")});
    REQUIRE(verbs.exitCode == 0);
    int checked = 0;
    for (const QString &name : verbs.outText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const CliResult help = runCli(QStringList{QStringLiteral("help")} + name.split(QLatin1Char(' ')));
        REQUIRE(help.exitCode == 0);
        for (const ListedOption &o : listedOptions(help.outText())) {
            INFO("quire-cli " << name.toStdString() << " --" << o.name.toStdString());
            // "--name" followed by something that cannot continue an option name.
            const QRegularExpression mention(
                QStringLiteral("--%1(?![a-z0-9-])").arg(QRegularExpression::escape(o.name)));
            CHECK(text.contains(mention));
            ++checked;
        }
    }
    CHECK(checked > 150);
}
