#pragma once
// The panels without state of their own (their state lives in Viewer): the menu bar with its
// shortcuts, the error panel, the load progress and the crash-recovery offer.
#include <string>

#include "core/model/workspace.h"
#include "ui/layout.h"

namespace cmap::ui {

struct Viewer;

/// File / Edit / View / Help menus and the shortcuts that work anywhere (open, save, export,
/// undo, redo). Returns the bar's height.
float drawMenuBar(Viewer& v);
/// Errors not yet dismissed, over the map's top-right corner; the app keeps running.
void drawErrorPanel(Viewer& v, const Rect& map);
/// The progress of background loading, over the map's bottom edge, while there is any.
void drawProgress(Viewer& v, const Rect& map);
/// "2 articles, 1 correction, 0 'always' rules, 3 annotations, ...": everything a workspace
/// holds that the user made, for the recovery prompt.
std::string describeContents(const model::Workspace& ws);
/// Offers the recovery copy of a session that ended without saving.
void drawRecoveryPrompt(Viewer& v);

/// One frame of the docked viewer for a width x height window (logical pixels): every panel and
/// popup, the map's mouse and keys, and the annotation overlay; everything but the map's pixels.
/// The viewer calls it between ImGui's NewFrame and Render; UI tests call it without a window.
/// offerRecovery shows the crash-recovery prompt (not in screenshots). Returns where things went.
Layout drawViewerPanels(Viewer& v, float width, float height, double dt, bool offerRecovery);

}  // namespace cmap::ui
