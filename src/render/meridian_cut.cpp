#include "render/meridian_cut.h"

#include <algorithm>
#include <cmath>

namespace cmap::render {
namespace {

// Into [-180, 180], keeping both ends: data split at the antimeridian has vertices on it, and
// 180 and -180 must stay on their own sides.
double wrap(double degrees) {
    while (degrees > 180) degrees -= 360;
    while (degrees < -180) degrees += 360;
    return degrees;
}

// Keeps the points with side * (lon - edge) >= 0 (Sutherland-Hodgman against one meridian).
std::vector<geo::LonLat> clip(const std::vector<geo::LonLat>& ring, double edge, double side) {
    std::vector<geo::LonLat> out;
    if (ring.empty()) return out;
    for (size_t i = 0; i < ring.size(); ++i) {
        const geo::LonLat& a = ring[i];
        const geo::LonLat& b = ring[(i + 1) % ring.size()];
        bool aIn = side * (a.lon - edge) >= 0;
        bool bIn = side * (b.lon - edge) >= 0;
        if (aIn) out.push_back(a);
        if (aIn != bIn) {
            double t = (edge - a.lon) / (b.lon - a.lon);
            out.push_back({edge, a.lat + t * (b.lat - a.lat)});
        }
    }
    return out;
}

}  // namespace

bool crossesCut(geo::LonLat a, geo::LonLat b, double centralLon) {
    return std::abs(wrap(a.lon - centralLon) - wrap(b.lon - centralLon)) > 180;
}

std::vector<std::vector<geo::LonLat>> cutRing(std::span<const geo::LonLat> ring, double centralLon) {
    bool crosses = false;
    for (size_t i = 0; i + 1 < ring.size() && !crosses; ++i) crosses = crossesCut(ring[i], ring[i + 1], centralLon);
    if (!ring.empty() && !crosses) crosses = crossesCut(ring.back(), ring.front(), centralLon);
    if (!crosses) return {std::vector<geo::LonLat>(ring.begin(), ring.end())};

    // Continuous longitudes: each step is the short way round, so the ring may leave the map's
    // range on one side; the map-wide windows below then cut it back into range.
    std::vector<geo::LonLat> unwrapped;
    unwrapped.reserve(ring.size());
    double lon = centralLon + wrap(ring[0].lon - centralLon);
    for (size_t i = 0; i < ring.size(); ++i) {
        if (i > 0) lon += wrap(ring[i].lon - ring[i - 1].lon);
        unwrapped.push_back({lon, ring[i].lat});
    }
    // A hair inside the cut, so that the new vertices project onto the correct edge of the map.
    constexpr double kInside = 1e-7;
    std::vector<std::vector<geo::LonLat>> pieces;
    for (int k = -1; k <= 1; ++k) {
        double west = centralLon - 180 + 360.0 * k;
        double east = centralLon + 180 + 360.0 * k;
        std::vector<geo::LonLat> piece = clip(clip(unwrapped, west, 1), east, -1);
        if (piece.size() < 3) continue;
        for (geo::LonLat& p : piece) {
            p.lon -= 360.0 * k;
            p.lon = std::clamp(p.lon, centralLon - 180 + kInside, centralLon + 180 - kInside);
        }
        pieces.push_back(std::move(piece));
    }
    return pieces;
}

}  // namespace cmap::render
