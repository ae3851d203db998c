#pragma once
// Small widgets the panels share, written over ImGui 1.86 (Debian's), which lacks a few.
#include <string>

#include "ui/layout.h"

namespace cmap::ui {

/// A section title with a rule under it.
void sectionHeader(const char* title);

/// Begins a panel window pinned to r (no move, resize or collapse) that draws no background: the
/// viewer clears the window to ImGuiCol_WindowBg first. Pair with ImGui::End().
bool beginPanel(const char* name, const Rect& r, int extraFlags = 0);

}  // namespace cmap::ui
