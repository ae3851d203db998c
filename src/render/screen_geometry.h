#pragma once
// Map furniture laid out on an image (render/screen_layout.h makes it): coloured triangles and
// glyph quads in whole-image device pixels, and where each panel landed. No GL here: the
// frame-reuse planner compares panels of one frame with the last.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "render/glyph_vertex.h"
#include "render/label_placer.h"

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

}  // namespace cmap::render
