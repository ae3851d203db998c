#pragma once
// A point in projected coordinates (metres for most projections, degrees for geographic ones).
// Kept apart from LonLat so that the type says which side of the projection a value is on.

namespace cmap::geo {

struct Vec2 {
    double x = 0;
    double y = 0;
    friend bool operator==(const Vec2&, const Vec2&) = default;
};

}  // namespace cmap::geo
