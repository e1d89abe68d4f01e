// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Quire {

class PluginManager;

/// The bundled sample corpus (corpora/sample, kept as a Qt resource) as a
/// project, built through the core as scripts/demo.sh builds it with
/// quire-cli: the five documents with their kinds, cases and attributes, the
/// code tree of coding.tsv, and every quote of it coded by its exact text.
namespace SampleProject {

/// Returns \a folder/sample.quire, building it first when it is not there
/// (an existing one is kept: it may hold the person's own coding). The
/// project is built beside it under a hidden name and renamed when complete.
/// Throws Quire::Error naming the file and the cause.
QString ensure(const PluginManager &plugins, const QString &folder);

} // namespace SampleProject
} // namespace Quire
