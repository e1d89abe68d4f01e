// SPDX-License-Identifier: GPL-3.0-or-later
// Everything quire-cli prints goes through here: results on stdout as text or
// (--json) one JSON document, errors and notes as one line on stderr.
#include "output.h"

#include "context.h"

#include <QJsonDocument>

#include <cstdio>

namespace Quire::Cli {

void print(const QString &text)
{
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, std::size_t(b.size()), stdout);
}

void printJson(const QJsonObject &json)
{
    print(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
}

void printJson(const QJsonArray &json)
{
    print(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
}

void printResult(const Context &context, const QJsonObject &json, const QString &text)
{
    if (context.json)
        printJson(json);
    else
        print(text);
}

void printResult(const Context &context, const QJsonArray &json, const QString &text)
{
    if (context.json)
        printJson(json);
    else
        print(text);
}

void report(const Context &context, const QString &message, QJsonObject json)
{
    if (context.json) {
        json.insert(QStringLiteral("ok"), true);
        json.insert(QStringLiteral("message"), message);
        printJson(json);
    } else {
        print(message + QLatin1Char('\n'));
    }
}

void printError(const QString &message)
{
    const QByteArray b = message.toUtf8();
    std::fprintf(stderr, "quire-cli: %s\n", b.constData());
    std::fflush(stderr);
}

} // namespace Quire::Cli
