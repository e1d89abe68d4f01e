// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context.h"

namespace Quire::Cli {

/// wtfc VERB ... : the Working Together for Change verbs (docs/cli.md, docs/wtfc.md), one function per verb.
int cmdWtfcTemplate(const Context &c, const QStringList &words);
int cmdWtfcStatements(const Context &c, const QStringList &words);
int cmdWtfcThemeGrid(const Context &c, const QStringList &words);
int cmdWtfcThemeList(const Context &c, const QStringList &words);
int cmdWtfcThemeAdd(const Context &c, const QStringList &words);
int cmdWtfcThemeAssign(const Context &c, const QStringList &words);
int cmdWtfcThemeUnassign(const Context &c, const QStringList &words);
int cmdWtfcThemeRename(const Context &c, const QStringList &words);
int cmdWtfcThemeDelete(const Context &c, const QStringList &words);
int cmdWtfcVote(const Context &c, const QStringList &words);
int cmdWtfcSelect(const Context &c, const QStringList &words);
int cmdWtfcIstatementAdd(const Context &c, const QStringList &words);
int cmdWtfcIstatementLink(const Context &c, const QStringList &words);
int cmdWtfcCauseAdd(const Context &c, const QStringList &words);
int cmdWtfcWhy(const Context &c, const QStringList &words);
int cmdWtfcUnlink(const Context &c, const QStringList &words);
int cmdWtfcAnalyse(const Context &c, const QStringList &words);
int cmdWtfcTrace(const Context &c, const QStringList &words);
int cmdWtfcSuccessAdd(const Context &c, const QStringList &words);
int cmdWtfcSolutionAdd(const Context &c, const QStringList &words);
int cmdWtfcGridPlace(const Context &c, const QStringList &words);
int cmdWtfcActionAdd(const Context &c, const QStringList &words);
int cmdWtfcActionStatus(const Context &c, const QStringList &words);
int cmdWtfcSuccessEdit(const Context &c, const QStringList &words);
int cmdWtfcSuccessDelete(const Context &c, const QStringList &words);
int cmdWtfcSolutionEdit(const Context &c, const QStringList &words);
int cmdWtfcSolutionDelete(const Context &c, const QStringList &words);
int cmdWtfcActionEdit(const Context &c, const QStringList &words);
int cmdWtfcActionDelete(const Context &c, const QStringList &words);
int cmdWtfcExport(const Context &c, const QStringList &words);

} // namespace Quire::Cli
