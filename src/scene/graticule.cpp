#include "scene/graticule.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/error.h"

namespace cmap::scene {
namespace {

void addLine(geo::FeatureSet& fs, geo::LonLat from, geo::LonLat to, double sampleDeg) {
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
    auto fs = std::make_shared<geo::FeatureSet>();
    fs->path = "graticule";
    fs->layer = "graticule";
    fs->kind = geo::GeometryKind::Line;
    double sample = std::min(0.5, stepDeg / 4);
    // Meridians stop short of the poles, where Mercator-like projections have no finite image.
    constexpr double kPoleGap = 1e-6;
    // Counted, not accumulated, so that 0 and the other round values come out exact.
    for (int i = 0; -180 + i * stepDeg <= 180 + 1e-9; ++i) {
        double lon = -180 + i * stepDeg;
        addLine(*fs, {lon, -90 + kPoleGap}, {lon, 90 - kPoleGap}, sample);
    }
    for (int i = 1; -90 + i * stepDeg < 90 - 1e-9; ++i) {
        double lat = -90 + i * stepDeg;
        addLine(*fs, {-180, lat}, {180, lat}, sample);
    }
    return fs;
}

}  // namespace cmap::scene
