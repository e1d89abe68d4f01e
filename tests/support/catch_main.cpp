// SPDX-License-Identifier: GPL-3.0-or-later
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#if defined(QUIRE_TEST_WIDGETS)
#include <QApplication>
#include <QTemporaryDir>
#elif defined(QUIRE_TEST_GUI)
#include <QGuiApplication>
#else
#include <QCoreApplication>
#endif

int main(int argc, char **argv)
{
    // Qt's plugin loader and QProcess need an application object.
#if defined(QUIRE_TEST_GUI) || defined(QUIRE_TEST_WIDGETS)
    // Tests that paint (PDFs through QPdfWriter) need fonts, hence a
    // QGuiApplication; never a display, also not when ctest lists the tests.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
#if defined(QUIRE_TEST_WIDGETS)
    // Widget tests (tests/gui) drive real QWidgets, which need a QApplication.
    QApplication app(argc, argv);
    // The workbench's recent projects, coder's name and sample project go to a
    // settings file of the test run's own, never to the person's settings.
    const QTemporaryDir settingsDir;
    if (qEnvironmentVariableIsEmpty("QUIRE_SETTINGS"))
        qputenv("QUIRE_SETTINGS", settingsDir.filePath(QStringLiteral("settings.ini")).toUtf8());
#elif defined(QUIRE_TEST_GUI)
    QGuiApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    return Catch::Session().run(argc, argv);
}
