// SPDX-License-Identifier: GPL-3.0-or-later
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#ifdef QUIRE_TEST_GUI
#include <QGuiApplication>
#else
#include <QCoreApplication>
#endif

int main(int argc, char **argv)
{
    // Qt's plugin loader and QProcess need an application object.
#ifdef QUIRE_TEST_GUI
    // Tests that paint (PDFs through QPdfWriter) need fonts, hence a
    // QGuiApplication; never a display, also not when ctest lists the tests.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    return Catch::Session().run(argc, argv);
}
