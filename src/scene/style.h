#pragma once
// The map's default style (colours, palettes, sizes in logical pixels) as data: the embedded
// asset assets/styles/default.json, read once. The scene's builders take their colours from here,
// so a restyle is an edit of that file, not of code.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "scene/basemap.h"
#include "scene/color.h"
#include "scene/scene.h"

namespace cmap::scene {

struct Style {
    BasemapStyle basemap;
    struct {
        Color paper;
        GraticuleLayer graticule;
    } withoutBasemap;
    struct {
        std::vector<uint32_t> articles;  ///< 0xRRGGBB, opaque
        std::vector<uint32_t> overlays;
        std::vector<uint32_t> eventCategories;  ///< by model::EventCategory
        float eventCategoryOpacity = 1;
        uint32_t eventDataset = 0;
    } palettes;
    struct {
        float townPx = 0, facilityPx = 0, ringPx = 0, ringStepPx = 0;
        Color markerEdge;
        float eventPx = 0;
        Color label;
        float labelPx = 0;
        Color areaLabel;
        float areaLabelPx = 0;
        Color labelHalo;
        float labelHaloPx = 0;
    } mentions;
    struct {
        Color halo;
        float haloPx = 0;
        Color ring;
        float ringPx = 0;
    } highlight;
    struct {
        Color textHalo;
        float textHaloPx = 0;
        Color calloutTargetEdge;
    } annotations;
    struct {
        Color ink, secondaryInk, faintInk, symbol, northArrow;
        float titlePx = 0, subtitlePx = 0, datePx = 0, legendPx = 0, footnotePx = 0, badgePx = 0;
        Color badgeBackground;
        float creditPx = 0;
        Color creditBackground;
        float northArrowPx = 0;
    } furniture;
};

/// "#rrggbb" as 0xRRGGBB; nullopt for anything else. Throws nothing.
std::optional<uint32_t> parseHexColor(std::string_view text);

/// A style from its JSON (comments allowed; every key required, no other allowed). Throws
/// std::invalid_argument naming the key and the problem in one line.
Style parseStyle(std::string_view json);

/// The embedded default style, read at first use. It is part of the build: a malformed asset
/// throws std::logic_error ("assets/styles/default.json: ...") here, and a unit test reads it.
const Style& defaultStyle();

}  // namespace cmap::scene
