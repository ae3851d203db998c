#pragma once
// Whether two scene layers draw the same pixels under the same view: what lets the renderer keep
// the image of the layers that did not change since the last frame (the basemap while the
// timeline scrubs). Feature sets compare by identity: they are immutable and shared (edits make
// new ones), and whoever keeps a layer for comparison keeps its sets alive, so an address cannot
// be reused by a different set meanwhile.
#include "scene/scene.h"

namespace cmap::render {

/// Whether a and b have the same kind and content (names aside). Linear in their sizes.
bool sameDrawing(const scene::Layer& a, const scene::Layer& b);

}  // namespace cmap::render
