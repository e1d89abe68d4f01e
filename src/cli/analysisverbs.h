// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "context.h"

namespace Quire::Cli {

/// crosstab PROJECT (--by ATTRIBUTE | --documents | --cases) [--count segments|documents|cases]
///          [--percent row|column] [--code PATH]... [--direct] [--coded-by NAME] [--out FILE.csv]
int cmdCrosstab(const Context &context, const QStringList &words);
/// cooccur PROJECT [--mode overlap|near|turn|document] [--distance N] [--code PATH]... [--coded-by NAME]
///         [--coefficient] [--pairs] [--min-count N] [--out FILE.csv|.graphml|.dot|.svg]
int cmdCooccur(const Context &context, const QStringList &words);
/// frequencies PROJECT [--by document|speaker] [--order-by ATTRIBUTE] [--code PATH]... [--direct]
///             [--coded-by NAME] [--out FILE.csv]
int cmdFrequencies(const Context &context, const QStringList &words);
/// agreement PROJECT [--coders A,B,...] [--unit sentence|paragraph|turn] [--document D]... [--code PATH]...
///           [--silent-missing] [--bootstrap N] [--seed N] [--confidence C] [--resample auto|documents|units]
///           [--no-unitizing] [--out FILE.csv] [--pairs FILE.csv] [--disagreements FILE.csv] [--show N]
int cmdAgreement(const Context &context, const QStringList &words);
/// merge PROJECT OTHER-PROJECT
int cmdMerge(const Context &context, const QStringList &words);
/// copy-for-coder PROJECT NEW-PROJECT [--keep-memos]
int cmdCopyForCoder(const Context &context, const QStringList &words);

} // namespace Quire::Cli
