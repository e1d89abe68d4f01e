// SPDX-License-Identifier: GPL-3.0-or-later
// quire-cli: every project operation from the command line. main() reads the
// global options, finds the verb in the verb table (verbtable.cpp) and runs
// its function, which lives with the other verbs of its noun (codeverbs.cpp,
// wtfcverbs.cpp …). Each verb opens the project, runs one command (one
// transaction) and prints the result as text or, with --json, as one JSON
// document (output.h). Errors: one line on stderr and a non-zero exit code;
// the project is left as it was.
#include "args.h"
#include "context.h"
#include "fileverbs.h"
#include "output.h"
#include "verbtable.h"

#include "error.h"
#include "formats/fileimport.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace Quire;
using Quire::Cli::UsageError;

namespace {

constexpr int ExitUsage = 2;
constexpr int ExitError = 1;

/// Prints the help of `topic` ("code", "code add"); the longest leading part of
/// `words` that names verbs is the topic. Nothing printed if none does.
bool printHelp(const QStringList &words)
{
    for (qsizetype n = words.size(); n > 0; --n) {
        const QString topic = words.mid(0, n).join(QLatin1Char(' '));
        if (!Cli::verbsUnder(topic).empty()) {
            Cli::print(Cli::verbHelp(topic));
            return true;
        }
    }
    return false;
}

/// `quire-cli help [VERB...]`; `help --verbs` lists the verbs' names, one a line (for completion scripts).
int cmdHelp(const QStringList &words)
{
    if (words.isEmpty()) {
        Cli::print(Cli::overallHelp());
        return 0;
    }
    if (words == QStringList{QStringLiteral("--verbs")}) {
        for (const Cli::VerbSpec &v : Cli::verbTable())
            Cli::print(QString::fromUtf8(v.name) + QLatin1Char('\n'));
        return 0;
    }
    if (printHelp(words))
        return 0;
    Cli::printError(QStringLiteral("help: no verb \"%1\" (see quire-cli --help)").arg(words.join(QLatin1Char(' '))));
    return ExitUsage;
}

/// Words that name no verb: an unknown verb, or an action its noun does not have
/// ("code explode"), said with the noun's actions from the verb table. As they always
/// were, an unknown action of quote and of the wtfc nouns is a usage error (exit 2),
/// one of the other nouns an error (exit 1).
[[noreturn]] void refuseUnknownVerb(const QStringList &words)
{
    for (qsizetype n = words.size(); n > 0; --n) {
        const QString topic = words.mid(0, n).join(QLatin1Char(' '));
        const auto verbs = Cli::verbsUnder(topic);
        if (verbs.empty())
            continue;
        QStringList actions;
        for (const Cli::VerbSpec *v : verbs) {
            const QString action = QString::fromUtf8(v->name).mid(topic.size() + 1).section(QLatin1Char(' '), 0, 0);
            if (!action.isEmpty() && !actions.contains(action))
                actions << action;
        }
        const QString given = words.value(n);
        if (topic == QLatin1String("wtfc"))
            throw UsageError(
                QStringLiteral("wtfc: unknown verb \"%1\" (%2)").arg(given, actions.join(QStringLiteral(", "))));
        if (topic.startsWith(QLatin1String("wtfc "))) {
            const QString last = actions.takeLast();
            throw UsageError(QStringLiteral("%1: use %2")
                                 .arg(topic, actions.isEmpty()
                                                 ? last
                                                 : actions.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last));
        }
        const QString message =
            QStringLiteral("%1: unknown action \"%2\" (%3)").arg(topic, given, actions.join(QStringLiteral(", ")));
        if (topic == QLatin1String("quote"))
            throw UsageError(message);
        throw Error(message);
    }
    throw UsageError(QStringLiteral("unknown verb \"%1\" (see quire-cli --help)").arg(words.value(0)));
}

/// Whether the command draws text (any PDF, or a workshop report whose graph
/// picture is drawn for .docx): that needs fonts, so a QGuiApplication.
bool drawsText(int argc, char **argv)
{
    bool isExport = false, isWorkshop = false;
    QByteArray format, out;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "export")
            isExport = true;
        else if (arg == "wtfc" && !isExport)
            isWorkshop = true;
        else if (isExport && i + 1 < argc && arg == "--format")
            format = QByteArray(argv[i + 1]).toLower();
        else if (isExport && arg.startsWith("--format="))
            format = arg.mid(9).toLower();
        else if (isExport && i + 1 < argc && arg == "--out")
            out = QByteArray(argv[i + 1]).toLower();
    }
    // Any PDF written (an export, or analysis tables with --out FILE.pdf).
    for (int i = 1; i + 1 < argc; ++i) {
        if (QByteArray(argv[i]) == "--out" && QByteArray(argv[i + 1]).toLower().endsWith(".pdf"))
            return true;
    }
    if (!isExport)
        return false;
    if (format.isEmpty())
        format = out.mid(out.lastIndexOf('.') + 1);
    return format == "pdf" || (isWorkshop && format == "docx");
}

std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv)
{
    if (!drawsText(argc, argv))
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Without a runtime folder Qt prints a warning on stderr, where a
    // successful command must print nothing.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray dir = QByteArray("/tmp/quire-runtime-") + QByteArray::number(getuid());
        ::mkdir(dir.constData(), 0700);
        qputenv("XDG_RUNTIME_DIR", dir);
    }
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace

int main(int argc, char **argv)
{
    // PDF exports lay out text, which needs fonts and so a QGuiApplication;
    // everything else runs on QCoreApplication, without a display.
    const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("quire-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QUIRE_VERSION));
    // An argument that is not UTF-8 (a file name in another encoding) would
    // reach the verbs with its bytes replaced: a wrong name, never the file.
    for (int i = 1; i < argc; ++i) {
        if (!isValidUtf8(QByteArray(argv[i]))) {
            Cli::printError(
                QStringLiteral("the argument \"%1\" is not valid UTF-8 (a file name written in another encoding?); "
                               "Quire cannot open such a name, rename the file")
                    .arg(escapedFileName(QByteArray(argv[i]))));
            return ExitError;
        }
    }
    QStringList args = app.arguments().mid(1);
    Cli::Context context;
    // Global options come before the verb.
    while (!args.isEmpty() && args.front().startsWith(QStringLiteral("--"))) {
        const QString opt = args.takeFirst();
        if (opt == QLatin1String("--json")) {
            context.json = true;
        } else if (opt == QLatin1String("--coder") && !args.isEmpty()) {
            context.coder = args.takeFirst();
        } else if (opt == QLatin1String("--help")) {
            Cli::print(Cli::overallHelp());
            return 0;
        } else if (opt == QLatin1String("--version")) {
            Cli::print(QStringLiteral("quire-cli %1\n").arg(QStringLiteral(QUIRE_VERSION)));
            return 0;
        } else {
            Cli::printError(QStringLiteral("unknown option %1 (see quire-cli --help)").arg(opt));
            return ExitUsage;
        }
    }
    // --json is also accepted after the verb, where people tend to type it.
    if (args.removeAll(QStringLiteral("--json")) > 0)
        context.json = true;
    if (args.isEmpty()) {
        std::fputs(Cli::overallHelp().toUtf8().constData(), stderr);
        return ExitUsage;
    }
    if (args.front() == QLatin1String("help"))
        return cmdHelp(args.mid(1));
    // VERB [ACTION] ... --help (or -h), before any "--": the help of that verb.
    {
        const qsizetype end = args.indexOf(QStringLiteral("--"));
        const QStringList before = end < 0 ? args : args.mid(0, end);
        if (before.mid(1).contains(QStringLiteral("--help")) || before.mid(1).contains(QStringLiteral("-h"))) {
            QStringList topic{before.front()};
            for (const QString &w : before.mid(1)) {
                if (w.startsWith(QLatin1Char('-')))
                    break;
                topic << w;
            }
            if (printHelp(topic))
                return 0;
        }
    }
    Cli::installFileMessages();
    try {
        qsizetype used = 0;
        const Cli::VerbSpec *verb = Cli::findVerb(args, used);
        if (!verb)
            refuseUnknownVerb(args);
        return verb->run(context, args.mid(used));
    } catch (const Quire::Cli::UsageError &e) {
        Cli::printError(e.message());
        return ExitUsage;
    } catch (const Quire::Error &e) {
        Cli::printError(e.message());
        return ExitError;
    } catch (const std::exception &e) {
        Cli::printError(QStringLiteral("internal error: %1").arg(QString::fromLocal8Bit(e.what())));
        return ExitError;
    }
}
