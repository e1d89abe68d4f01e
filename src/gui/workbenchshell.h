// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <functional>
#include <optional>
#include <QString>

class QWidget;

namespace Quire {

/// The little a pane or view asks of the window around it, beyond the
/// ProjectSession: where the researcher is (document, code), showing a
/// passage, opening a centre tab, and stepping through the history with the
/// window's own refusals. The main window implements it; views never see
/// the window itself.
class WorkbenchShell
{
public:
    /// The parent for dialogs and menus the view opens.
    virtual QWidget *shellWidget() = 0;

    virtual std::optional<Id> currentDocument() const = 0;
    virtual void showDocument(std::optional<Id> documentId) = 0;
    /// Shows document \a documentId with [start, end) code points selected.
    virtual void showPassage(Id documentId, qsizetype start, qsizetype end) = 0;
    /// The code chosen in the code tree, if any.
    virtual std::optional<Id> currentCode() const = 0;

    /// Shows the centre tab whose widget is named \a objectName, creating it
    /// with \a make (titled \a title) the first time.
    virtual QWidget *openTab(const QString &objectName, const QString &title,
                             const std::function<QWidget *()> &make) = 0;

    /// Undoes (\a steps < 0) or redoes (\a steps > 0) |steps| commands, with
    /// the window's checks and messages; returns the number of steps taken.
    virtual int stepHistory(int steps) = 0;
    /// The last error reported to the researcher.
    virtual QString lastError() const = 0;

protected:
    ~WorkbenchShell() = default;
};

} // namespace Quire
