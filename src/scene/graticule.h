#pragma once
// Meridians and parallels (and the world's edge) as ordinary FeatureSets, so the renderer projects and draws them
// like any other lines (curved where the projection curves them).
#include "core/geo/feature_set.h"

namespace cmap::scene {

/// Meridians every stepDeg from -180 to 180 and parallels every stepDeg strictly between the
/// poles, each sampled every half degree or finer so that projected curves stay smooth.
/// Throws InputError unless 0 < stepDeg <= 90.
geo::FeatureSetPtr graticuleLines(double stepDeg);

/// The edge of the world for a map centred on centralLon (the meridian opposite it, both sides,
/// and the poles) as one polygon: filled, it is the globe's outline on a world map.
geo::FeatureSetPtr worldOutline(double centralLon);

}  // namespace cmap::scene
