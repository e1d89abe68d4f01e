// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <QSettings>
#include <QString>
#include <QStringList>

/// What the workbench remembers for the person between runs, apart from the
/// window layout: recent projects, the coder's name, where the sample project
/// goes. Kept in the user's settings, or in the ini file named by the
/// environment variable QUIRE_SETTINGS (the GUI tests set it, so they never
/// touch the person's own settings).
namespace Quire::UserSettings {

/// The settings store (see above).
std::unique_ptr<QSettings> open();

/// Most recently opened first, at most ten; files that no longer exist are left out.
QStringList recentProjects();
/// Puts \a path first in the recent projects.
void addRecentProject(const QString &path);

/// The coder's name the person gave, or empty.
QString coderName();
void setCoderName(const QString &name);
/// Whether the name was asked for already (asked once, even if not given).
bool coderAsked();
void setCoderAsked();

/// Where the sample project is built: beside the QUIRE_SETTINGS file, else
/// the user's application data folder.
QString dataFolder();

} // namespace Quire::UserSettings
