#pragma once
// Lays out a scene::ScreenLayer (map furniture) on an image: panels measured from their text,
// stacked at their corners, and turned into coloured triangles and glyph quads in whole-image
// device pixels. Plain CPU work, so the renderer only uploads and draws the result.
#include <cstdint>
#include <vector>

#include "render/font_atlas.h"
#include "render/label_placer.h"
#include "scene/scene.h"

namespace cmap::render {

struct ScreenVertex {
    float x, y;  ///< whole-image device pixels
    uint8_t rgba[4];
};

struct ScreenGeometry {
    std::vector<ScreenVertex> triangles;  ///< boxes, symbols, bars and arrows, drawn first
    std::vector<GlyphVertex> glyphs;      ///< text, drawn over them
    std::vector<Box> panels;              ///< where each panel landed, in layer order
    /// Where each panel's triangles and glyphs end: panel i's start where panel i - 1's end.
    std::vector<size_t> triangleEnds, glyphEnds;
    Box bounds{1, 1, 0, 0};               ///< everything drawn (x1 < x0: nothing)

    /// Whether panel i draws exactly what panel j of other does (box, triangles, glyphs).
    bool samePanel(size_t i, const ScreenGeometry& other, size_t j) const;
};

/// The font sizes (device pixels) the layer's text needs at scale, for FontAtlas::require.
std::vector<int> screenFontSizes(const scene::ScreenLayer& layer, float scale);

/// Lays out layer on a width x height device-pixel image at scale (device pixels per logical
/// pixel). The font must have the sizes of screenFontSizes and must not be rebuilt afterwards
/// while the glyphs are in use.
ScreenGeometry layoutScreen(const scene::ScreenLayer& layer, int width, int height, float scale,
                            const FontAtlas& font);

}  // namespace cmap::render
