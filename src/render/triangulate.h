#pragma once
// Polygon triangulation for fills: ear clipping, with holes bridged into the exterior ring first.
// It runs once per (FeatureSet, projection) on the CPU and its output indexes the same vertex
// array the outlines use, so a fill adds only an index buffer on the GPU.
#include <cstdint>
#include <span>
#include <vector>

#include "core/geo/vec2.h"

namespace cmap::render {

/// A ring as a range of the point array: [first, first + count). A closing vertex that repeats
/// the first, consecutive duplicates and NaN points (failed projections) are tolerated and skipped.
struct RingRange {
    uint32_t first = 0;
    uint32_t count = 0;
};

/// Appends triangles (three indices into points each, counter-clockwise) covering the polygon whose
/// exterior is rings[0] and whose holes are rings[1...]. Rings may wind either way. Self-touching
/// and mildly invalid input still terminates and covers what it can.
void triangulatePolygon(std::span<const geo::Vec2> points, std::span<const RingRange> rings,
                        std::vector<uint32_t>& out);

/// Signed area of a ring (positive when counter-clockwise), skipping NaN points.
double ringArea(std::span<const geo::Vec2> points, RingRange ring);

}  // namespace cmap::render
