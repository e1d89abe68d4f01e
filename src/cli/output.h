// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Quire::Cli {

struct Context;

/// Writes `text` to stdout as UTF-8, exactly as given (nothing added).
void print(const QString &text);
/// Writes one JSON document to stdout, indented.
void printJson(const QJsonObject &json);
void printJson(const QJsonArray &json);

/// The result of a verb that shows something: `json` with --json, else `text` as it is.
void printResult(const Context &context, const QJsonObject &json, const QString &text);
void printResult(const Context &context, const QJsonArray &json, const QString &text);

/// The message of a finished action: the text and a line break, or with --json
/// `json` with "ok": true and "message": `message` added.
void report(const Context &context, const QString &message, QJsonObject json = {});

/// One line "quire-cli: MESSAGE" on stderr, at once (errors, notes, waits).
void printError(const QString &message);

} // namespace Quire::Cli
