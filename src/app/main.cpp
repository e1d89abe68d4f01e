// SPDX-License-Identifier: GPL-3.0-or-later
// quire: the workbench.
//   quire [PROJECT]
//   quire --screenshot FILE.png [--project P] [--view
//   main|document|codes|search|board|quotes|history|dark|rtl|memos|code-menu|export|cases|welcome]
//       (also --view crosstab|agreement|frequencies|wtfc-themes|wtfc-graph|wtfc-solutions|wtfc-grid|wtfc-actions|
//       wtfc-theme-grid)
// Without a display (and without --screenshot) it says so and writes
// pictures of the main views to --screenshot-dir (default build/screenshots).
#include "mainwindow.h"
#include "screenshots.h"

#include "error.h"

#include <cstdio>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace {

void printErr(const QString &s)
{
    std::fputs(qUtf8Printable(s + QLatin1Char('\n')), stderr);
}

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

/// Opens the project (if any) in a window laid out at a fixed size, ready to render.
bool prepare(Quire::MainWindow &w, const QString &project, const QSize &size = QSize(1500, 900))
{
    w.setErrorDialogs(false);
    w.setLayoutPersistence(false);
    w.resize(size);
    if (!project.isEmpty() && !w.openProject(project)) {
        printErr(w.lastError());
        return false;
    }
    Quire::Screenshots::stage(w);
    w.show();
    QApplication::processEvents();
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    // Decided before QApplication exists, because the platform plugin is chosen then.
    bool screenshot = false;
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "--screenshot") == 0 || qstrncmp(argv[i], "--screenshot=", 13) == 0)
            screenshot = true;
    const bool platformChosen = !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    const bool headless = !screenshot && !platformChosen && !hasDisplay();
    if ((screenshot || headless) && !platformChosen)
        qputenv("QT_QPA_PLATFORM", "offscreen");

    // Fractional scale factors (150 %) are used as they are, not rounded to 1 or 2.
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("quire"));
    QApplication::setOrganizationName(QStringLiteral("Quire"));
    QApplication::setApplicationVersion(QStringLiteral(QUIRE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Quire workbench for qualitative coding and thematic analysis."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The .quire project to open."));
    const QCommandLineOption shotOpt(QStringLiteral("screenshot"),
                                     QStringLiteral("Render the window offscreen into FILE.png and exit."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption projectOpt(QStringLiteral("project"), QStringLiteral("The project to open."),
                                        QStringLiteral("PROJECT"));
    const QCommandLineOption viewOpt(
        QStringLiteral("view"),
        QStringLiteral(
            "What to render: main, document, codes, search, board, quotes, history, dark or rtl (an invented "
            "right-to-left transcript; --project is not used), export (the export dialog); also crosstab, agreement, "
            "frequencies, wtfc-themes, wtfc-graph, wtfc-solutions, wtfc-grid, wtfc-actions, wtfc-theme-grid, memos (the "
            "memo manager), code-menu (the code tree's context menu), cases (the cases and attributes table), welcome (the "
            "page shown while no project is open)."),
        QStringLiteral("NAME"), QStringLiteral("main"));
    const QCommandLineOption dirOpt(QStringLiteral("screenshot-dir"),
                                    QStringLiteral("Where to write pictures when there is no display."),
                                    QStringLiteral("DIR"), QStringLiteral("build/screenshots"));
    const QCommandLineOption sizeOpt(
        QStringLiteral("size"),
        QStringLiteral("The window's size for --screenshot, e.g. 1366x768 (the screen of a "
                       "small laptop) or 1920x1080; default 1500x900."),
        QStringLiteral("WxH"), QStringLiteral("1500x900"));
    parser.addOptions({shotOpt, projectOpt, viewOpt, dirOpt, sizeOpt});
    parser.process(app);
    static const QRegularExpression sizeRe(QStringLiteral("^(\\d{3,5})[xX×](\\d{3,5})$"));
    const QRegularExpressionMatch sizeMatch = sizeRe.match(parser.value(sizeOpt));
    if (!sizeMatch.hasMatch()) {
        printErr(QStringLiteral("quire: --size %1: give the width and height in pixels, e.g. 1366x768")
                     .arg(parser.value(sizeOpt)));
        return 2;
    }
    const QSize size(sizeMatch.captured(1).toInt(), sizeMatch.captured(2).toInt());

    QString project = parser.value(projectOpt);
    const QStringList positional = parser.positionalArguments();
    if (project.isEmpty() && !positional.isEmpty())
        project = positional.first();
    if (positional.size() > 1) {
        printErr(QStringLiteral("quire: open one project at a time"));
        return 2;
    }

    if (screenshot) {
        Quire::MainWindow w;
        QTemporaryDir rtlDir;
        if (parser.value(viewOpt) == QLatin1String("rtl")) {
            try {
                project = Quire::Screenshots::makeRtlProject(rtlDir.path());
            } catch (const Quire::Error &e) {
                printErr(e.message());
                return 1;
            }
        }
        if (!prepare(w, project, size))
            return 1;
        const QString error = Quire::Screenshots::save(w, parser.value(viewOpt), parser.value(shotOpt));
        if (!error.isEmpty()) {
            printErr(error);
            return 1;
        }
        return 0;
    }

    if (headless) {
        const QString dir = QDir(parser.value(dirOpt)).absolutePath();
        printErr(QStringLiteral("quire: no display found (DISPLAY and WAYLAND_DISPLAY are not set), so the workbench "
                                "cannot open a window. Writing pictures of the main views to %1 instead.")
                     .arg(QDir::toNativeSeparators(dir)));
        Quire::MainWindow w;
        if (!prepare(w, project))
            return 1;
        for (const QString &view : Quire::Screenshots::mainViews()) {
            const QString file = QDir(dir).filePath(view + QStringLiteral(".png"));
            const QString error = Quire::Screenshots::save(w, view, file);
            if (!error.isEmpty()) {
                printErr(error);
                return 1;
            }
            printErr(QStringLiteral("  %1").arg(QDir::toNativeSeparators(file)));
        }
        return 0;
    }

    Quire::MainWindow w;
    if (!project.isEmpty())
        w.openProject(project);
    w.show();
    return app.exec();
}
