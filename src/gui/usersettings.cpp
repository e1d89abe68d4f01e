// SPDX-License-Identifier: GPL-3.0-or-later
#include "usersettings.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace Quire::UserSettings {

namespace {

constexpr qsizetype MaxRecentProjects = 10;

QString overrideFile()
{
    return qEnvironmentVariable("QUIRE_SETTINGS");
}

} // namespace

std::unique_ptr<QSettings> open()
{
    const QString file = overrideFile();
    if (!file.isEmpty())
        return std::make_unique<QSettings>(file, QSettings::IniFormat);
    return std::make_unique<QSettings>(QStringLiteral("Quire"), QStringLiteral("quire"));
}

QStringList recentProjects()
{
    QStringList out;
    for (const QString &path : open()->value(QStringLiteral("recent/projects")).toStringList())
        if (QFileInfo::exists(path) && !out.contains(path))
            out << path;
    return out;
}

void addRecentProject(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    auto s = open();
    QStringList list = s->value(QStringLiteral("recent/projects")).toStringList();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > MaxRecentProjects)
        list.removeLast();
    s->setValue(QStringLiteral("recent/projects"), list);
}

QString coderName()
{
    return open()->value(QStringLiteral("coder/name")).toString().trimmed();
}

void setCoderName(const QString &name)
{
    auto s = open();
    s->setValue(QStringLiteral("coder/name"), name.trimmed());
    s->setValue(QStringLiteral("coder/asked"), true);
}

bool coderAsked()
{
    return open()->value(QStringLiteral("coder/asked")).toBool();
}

void setCoderAsked()
{
    open()->setValue(QStringLiteral("coder/asked"), true);
}

QString dataFolder()
{
    const QString file = overrideFile();
    if (!file.isEmpty())
        return QFileInfo(file).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

} // namespace Quire::UserSettings
