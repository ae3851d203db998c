#pragma once
// Meridians and parallels as an ordinary line FeatureSet, so the renderer projects and draws them
// like any other lines (curved where the projection curves them).
#include "core/geo/feature_set.h"

namespace cmap::scene {

/// Meridians every stepDeg from -180 to 180 and parallels every stepDeg strictly between the
/// poles, each sampled every half degree or finer so that projected curves stay smooth.
/// Throws InputError unless 0 < stepDeg <= 90.
geo::FeatureSetPtr graticuleLines(double stepDeg);

}  // namespace cmap::scene
