#pragma once
// Lays out a scene::ScreenLayer (map furniture) on an image: panels measured from their text,
// stacked at their corners, and turned into coloured triangles and glyph quads in whole-image
// device pixels. Plain CPU work, so the renderer only uploads and draws the result.
#include <cstdint>
#include <string_view>
#include <vector>

#include "render/font_atlas.h"
#include "render/label_placer.h"
#include "render/screen_geometry.h"
#include "scene/scene.h"

namespace cmap::render {

/// The font sizes (device pixels) the layer's text needs at scale, for FontAtlas::require.
std::vector<int> screenFontSizes(const scene::ScreenLayer& layer, float scale);
/// The text the layer writes (the layout adds only ASCII), for FontAtlas::require; views into layer.
std::vector<std::string_view> screenTexts(const scene::ScreenLayer& layer);

/// Lays out layer on a width x height device-pixel image at scale (device pixels per logical
/// pixel). The font must have the sizes of screenFontSizes and must not be rebuilt afterwards
/// while the glyphs are in use.
ScreenGeometry layoutScreen(const scene::ScreenLayer& layer, int width, int height, float scale,
                            const FontAtlas& font);

}  // namespace cmap::render
