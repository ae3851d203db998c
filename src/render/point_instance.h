#pragma once
// One point marker as the point shader takes it (an instanced quad). No GL here: the frame-reuse
// planner compares the markers under placed labels by their bytes.
#include <cstdint>

namespace cmap::render {

struct PointInstance {
    float x, y;  ///< relative to the buffer's origin
    float size;  ///< logical pixels
    uint8_t rgba[4];
    float angle = 0;  ///< radians, counter-clockwise on the image
};

}  // namespace cmap::render
