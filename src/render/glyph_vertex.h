#pragma once
// One vertex of a glyph quad as the text shader takes it; apart from font_atlas.h, which holds GL,
// so that the frame-reuse planner can compare where labels landed without it.
#include <cstdint>

namespace cmap::render {

struct GlyphVertex {
    float x, y;  ///< whole-image device pixels
    float u, v;
    uint8_t rgba[4];
};

}  // namespace cmap::render
