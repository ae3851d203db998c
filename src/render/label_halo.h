#pragma once
// A label layer's halo coverage, kept while its glyphs stay where they are (town names do while
// the timeline scrubs): drawing it is 32 passes over every glyph. When some labels come, go or
// move (a new mention's name takes a town's place), only the coverage round them is drawn again.
// It holds the halo of its labels over the whole tile. Drawn by Renderer::Impl (label_halo.cpp).
#include <vector>

#include "render/frame_reuse.h"
#include "render/gl_objects.h"

namespace cmap::render {

struct HaloLabel {
    ImageBox box;               // where its glyphs are
    std::vector<float> glyphs;  // x, y, u, v of each glyph vertex
};

struct HaloCoverage {
    Framebuffer fbo;
    Texture texture;
    std::vector<float> key;         // the tile and the radius
    std::vector<HaloLabel> labels;  // whose halo it holds
};

// Merges boxes that overlap until none does.
void mergeOverlapping(std::vector<ImageBox>& boxes);

}  // namespace cmap::render
