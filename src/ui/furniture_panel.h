#pragma once
// Map furniture (a floating panel, View > Map furniture): each piece switched on or off and
// placed at a corner with an offset, the title and subtitle edited, and the PNG export (Ctrl+E)
// of the current view at a scale factor. The settings live in the workspace.
#include <filesystem>
#include <optional>
#include <string>

namespace cmap::ui {

struct Viewer;

struct FurniturePanel {
    bool open = false;
    float exportScale = 1;  ///< Ctrl+E: the map's size and text times this
};

void drawFurniturePanel(Viewer& v);

/// Writes the map as it is on screen (furniture included) to path at the panel's export scale:
/// the map area's size times the scale, text and lines scaled alike. Returns why it could not
/// (also reported in the error panel); nothing is written then.
std::optional<std::string> exportMapPng(Viewer& v, const std::filesystem::path& path);

}  // namespace cmap::ui
