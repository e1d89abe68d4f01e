// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvwriter.h"

#include <QRegularExpression>

namespace Quire {

QString neutraliseFormula(const QString &value)
{
    if (value.isEmpty())
        return value;
    // A plain number ("-0.125", "+3", "-1e-05") is no formula and stays a
    // number for the spreadsheet: a kappa below zero must not become text.
    static const QRegularExpression number(QStringLiteral("^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$"));
    if (number.match(value).hasMatch())
        return value;
    switch (value.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return QLatin1Char('\'') + value;
    default:
        return value;
    }
}

QString csvField(const QString &value)
{
    QString v = neutraliseFormula(value);
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')) ||
        v.contains(QLatin1Char('\r')))
        return QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return v;
}

QString csvRow(const QStringList &fields, QStringView lineEnd)
{
    QString out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        out += csvField(fields[i]);
    }
    out += lineEnd;
    return out;
}

} // namespace Quire
