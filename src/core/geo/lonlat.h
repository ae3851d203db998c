#pragma once
// Geographic primitives shared by every layer. Always (lon, lat) order, degrees, WGS 84.
#include <algorithm>
#include <cmath>
#include <limits>

namespace cmap::geo {

struct LonLat {
    double lon = 0;
    double lat = 0;
    friend bool operator==(const LonLat&, const LonLat&) = default;
};

struct BBox {
    double minLon = std::numeric_limits<double>::infinity();
    double minLat = std::numeric_limits<double>::infinity();
    double maxLon = -std::numeric_limits<double>::infinity();
    double maxLat = -std::numeric_limits<double>::infinity();

    bool empty() const { return minLon > maxLon; }
    void extend(LonLat p) {
        minLon = std::min(minLon, p.lon);
        maxLon = std::max(maxLon, p.lon);
        minLat = std::min(minLat, p.lat);
        maxLat = std::max(maxLat, p.lat);
    }
    void extend(const BBox& b) {
        if (b.empty()) return;
        extend(LonLat{b.minLon, b.minLat});
        extend(LonLat{b.maxLon, b.maxLat});
    }
    bool contains(LonLat p) const {
        return p.lon >= minLon && p.lon <= maxLon && p.lat >= minLat && p.lat <= maxLat;
    }
    LonLat center() const { return {(minLon + maxLon) / 2, (minLat + maxLat) / 2}; }
    friend bool operator==(const BBox&, const BBox&) = default;
};

inline constexpr double kEarthKm = 6371.0088;  ///< the Earth's mean radius

/// Great-circle distance in kilometres on a sphere of the Earth's mean radius.
inline double haversineKm(LonLat a, LonLat b) {
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    double dLat = (b.lat - a.lat) * kRad;
    double dLon = (b.lon - a.lon) * kRad;
    double h = std::sin(dLat / 2) * std::sin(dLat / 2) +
               std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthKm * std::asin(std::sqrt(std::min(1.0, h)));
}

}  // namespace cmap::geo
