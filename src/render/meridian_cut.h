#pragma once
// Where a map is cut: the meridian opposite the projection's centre. A ring or line that crosses
// it would join the map's two far edges with a line through the middle (Alaska across a map of
// the Middle East), so outlines skip the crossing segment and fills are split into the pieces
// either side before they are projected.
#include <span>
#include <vector>

#include "core/geo/lonlat.h"

namespace cmap::render {

/// Whether the segment a-b crosses the cut of a map centred on centralLon.
bool crossesCut(geo::LonLat a, geo::LonLat b, double centralLon);

/// The pieces of a ring either side of the cut, each closed implicitly and with longitudes within
/// the map's range [centralLon - 180, centralLon + 180] (a hair inside at the cut itself).
/// A ring that does not cross comes back whole. Rings round a pole must carry their pole vertices.
std::vector<std::vector<geo::LonLat>> cutRing(std::span<const geo::LonLat> ring, double centralLon);

}  // namespace cmap::render
