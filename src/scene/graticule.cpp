#include "scene/graticule.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/error.h"

namespace cmap::scene {
namespace {

void addLine(geo::FeatureSetBuilder& fs, geo::LonLat from, geo::LonLat to, double sampleDeg) {
    double length = std::max(std::abs(to.lon - from.lon), std::abs(to.lat - from.lat));
    int n = std::max(1, static_cast<int>(std::ceil(length / sampleDeg)));
    for (int i = 0; i <= n; ++i) {
        double t = static_cast<double>(i) / n;
        geo::LonLat p{from.lon + t * (to.lon - from.lon), from.lat + t * (to.lat - from.lat)};
        fs.coords.push_back(p);
        fs.box.extend(p);
    }
    geo::BBox box;
    box.extend(from);
    box.extend(to);
    fs.featureBox.push_back(box);
    fs.ringStart.push_back(static_cast<uint32_t>(fs.coords.size()));
    fs.partStart.push_back(static_cast<uint32_t>(fs.ringStart.size() - 1));
    fs.featureStart.push_back(static_cast<uint32_t>(fs.partStart.size() - 1));
}

}  // namespace

geo::FeatureSetPtr graticuleLines(double stepDeg) {
    if (!(stepDeg > 0 && stepDeg <= 90)) throw InputError("graticule step must be in (0, 90] degrees");
    geo::FeatureSetBuilder fs;
    fs.path = "graticule";
    fs.layer = "graticule";
    fs.kind = geo::GeometryKind::Line;
    double sample = std::min(0.5, stepDeg / 4);
    // Meridians stop short of the poles, where Mercator-like projections have no finite image.
    constexpr double kPoleGap = 1e-6;
    // Counted, not accumulated, so that 0 and the other round values come out exact.
    for (int i = 0; -180 + i * stepDeg <= 180 + 1e-9; ++i) {
        double lon = -180 + i * stepDeg;
        addLine(fs, {lon, -90 + kPoleGap}, {lon, 90 - kPoleGap}, sample);
    }
    for (int i = 1; -90 + i * stepDeg < 90 - 1e-9; ++i) {
        double lat = -90 + i * stepDeg;
        addLine(fs, {-180, lat}, {180, lat}, sample);
    }
    return std::move(fs).finish();
}

geo::FeatureSetPtr worldOutline(double centralLon) {
    geo::FeatureSetBuilder fs;
    fs.path = "world outline";
    fs.layer = "world outline";
    fs.kind = geo::GeometryKind::Polygon;
    // Just inside the edge, where every projection still has a finite, unwrapped image.
    constexpr double e = 1e-6;
    const double west = centralLon - 180 + e;
    const double east = centralLon + 180 - e;
    const geo::LonLat corners[] = {{west, -90 + e}, {east, -90 + e}, {east, 90 - e}, {west, 90 - e}};
    for (int side = 0; side < 4; ++side) {
        geo::LonLat a = corners[side];
        geo::LonLat b = corners[(side + 1) % 4];
        for (int i = 0; i < 360; ++i) {
            double t = i / 360.0;
            fs.coords.push_back({a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)});
        }
    }
    for (const geo::LonLat& p : fs.coords) fs.box.extend(p);
    fs.featureBox.push_back(fs.box);
    fs.ringStart.push_back(static_cast<uint32_t>(fs.coords.size()));
    fs.partStart.push_back(1);
    fs.featureStart.push_back(1);
    return std::move(fs).finish();
}

}  // namespace cmap::scene
