#pragma once
// The mention the analyst is looking at, ringed on the map: a blue ring over a wider white one,
// above everything else, so that it stands out on any basemap, in the window as in a screenshot.
#include "core/geo/lonlat.h"
#include "scene/scene.h"

namespace cmap::scene {

/// Adds the ring round a marker of markerPx diameter at `at` (an area's representative point
/// for areas). Throws nothing but std::bad_alloc.
void addHighlight(Scene& scene, geo::LonLat at, float markerPx);

}  // namespace cmap::scene
