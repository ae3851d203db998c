#include "core/geo/feature_set.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace cmap::geo {
namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// Signed area (shoelace) in squared degrees; only used to pick the largest part.
double ringArea(const LonLat* v, size_t n) {
    double a = 0;
    for (size_t i = 0, j = n - 1; i < n; j = i++) a += (v[j].lon + v[i].lon) * (v[j].lat - v[i].lat);
    return a / 2;
}

}  // namespace

std::string_view geometryName(GeometryKind kind) {
    switch (kind) {
    case GeometryKind::Point: return "points";
    case GeometryKind::Line: return "lines";
    case GeometryKind::Polygon: return "polygons";
    case GeometryKind::None: return "no geometry";
    }
    return "";
}

std::optional<size_t> FeatureSet::field(std::string_view name) const {
    for (size_t i = 0; i < fieldNames.size(); ++i)
        if (equalsIgnoreCase(fieldNames[i], name)) return i;
    return std::nullopt;
}

bool FeatureSet::contains(size_t feature, LonLat p) const {
    if (kind != GeometryKind::Polygon || !featureBox[feature].contains(p)) return false;
    bool inside = false;
    // Even-odd over every ring of every part: holes flip back, separate parts add.
    for (uint32_t part = featureStart[feature]; part < featureStart[feature + 1]; ++part) {
        for (uint32_t ring = partStart[part]; ring < partStart[part + 1]; ++ring) {
            const LonLat* v = coords.data() + ringStart[ring];
            size_t n = ringStart[ring + 1] - ringStart[ring];
            for (size_t i = 0, j = n - 1; i < n; j = i++) {
                if ((v[i].lat > p.lat) != (v[j].lat > p.lat) &&
                    p.lon < (v[j].lon - v[i].lon) * (p.lat - v[i].lat) / (v[j].lat - v[i].lat) + v[i].lon)
                    inside = !inside;
            }
        }
    }
    return inside;
}

LonLat FeatureSet::representativePoint(size_t feature) const {
    const BBox& b = featureBox[feature];
    if (b.empty()) return {std::nan(""), std::nan("")};
    if (kind != GeometryKind::Polygon) return coords[ringStart[partStart[featureStart[feature]]]];

    // Largest part by exterior ring area: the mainland, not an island or an exclave.
    uint32_t best = featureStart[feature];
    double bestArea = -1;
    for (uint32_t part = featureStart[feature]; part < featureStart[feature + 1]; ++part) {
        uint32_t ring = partStart[part];
        double a = std::abs(ringArea(coords.data() + ringStart[ring], ringStart[ring + 1] - ringStart[ring]));
        if (a > bestArea) bestArea = a, best = part;
    }
    // Its area centroid (holes subtracted) is where people expect a country's centre; it is
    // used whenever it falls inside the feature.
    double cx = 0, cy = 0, area = 0;
    for (uint32_t ring = partStart[best]; ring < partStart[best + 1]; ++ring) {
        const LonLat* v = coords.data() + ringStart[ring];
        size_t n = ringStart[ring + 1] - ringStart[ring];
        double a = 0, mx = 0, my = 0;
        for (size_t i = 0, j = n - 1; i < n; j = i++) {
            double cross = v[j].lon * v[i].lat - v[i].lon * v[j].lat;
            a += cross / 2;
            mx += (v[j].lon + v[i].lon) * cross;
            my += (v[j].lat + v[i].lat) * cross;
        }
        // Whatever the stored winding: the exterior adds, holes subtract.
        double w = (a >= 0 ? 1.0 : -1.0) * (ring == partStart[best] ? 1.0 : -1.0);
        area += w * a, cx += w * mx, cy += w * my;
    }
    if (area != 0) {
        LonLat c{cx / (6 * area), cy / (6 * area)};
        if (contains(feature, c)) return c;
    }
    // Otherwise scan a few latitudes through the part; take the middle of the widest inside
    // interval. Unlike a centroid this always lands inside (crescents, archipelagos).
    BBox pb;
    for (uint32_t i = ringStart[partStart[best]]; i < ringStart[partStart[best] + 1]; ++i) pb.extend(coords[i]);
    LonLat bestPoint = pb.center();
    double bestWidth = -1;
    for (double frac : {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8}) {
        double lat = pb.minLat + (pb.maxLat - pb.minLat) * frac;
        std::vector<double> xs;
        for (uint32_t ring = partStart[best]; ring < partStart[best + 1]; ++ring) {
            const LonLat* v = coords.data() + ringStart[ring];
            size_t n = ringStart[ring + 1] - ringStart[ring];
            for (size_t i = 0, j = n - 1; i < n; j = i++)
                if ((v[i].lat > lat) != (v[j].lat > lat))
                    xs.push_back((v[j].lon - v[i].lon) * (lat - v[i].lat) / (v[j].lat - v[i].lat) + v[i].lon);
        }
        std::sort(xs.begin(), xs.end());
        for (size_t i = 0; i + 1 < xs.size(); i += 2) {
            if (xs[i + 1] - xs[i] > bestWidth) {
                bestWidth = xs[i + 1] - xs[i];
                bestPoint = {(xs[i] + xs[i + 1]) / 2, lat};
            }
        }
        if (bestWidth > (pb.maxLon - pb.minLon) * 0.25) break;  // a wide interval is good enough
    }
    return bestPoint;
}

std::string FeatureSet::problem() const {
    // Offsets start at 0, never go down, and end at the size of what they index.
    const auto offsets = [](std::span<const uint32_t> v, size_t total) {
        if (v.empty() || v.front() != 0 || v.back() != total) return false;
        for (size_t i = 1; i < v.size(); ++i)
            if (v[i] < v[i - 1]) return false;
        return true;
    };
    if (!offsets(ringStart, coords.size())) return "ring offsets do not cover the coordinates";
    if (!offsets(partStart, ringStart.size() - 1)) return "part offsets do not cover the rings";
    if (!offsets(featureStart, partStart.size() - 1)) return "feature offsets do not cover the parts";
    if (featureBox.size() != featureCount()) return "not one box per feature";
    if (columns.size() != fieldNames.size()) return "not one column per field";
    for (const Column& c : columns)
        if (c.offsets.size() != featureCount() + 1 || !offsets(c.offsets, c.text.size()))
            return "an attribute column does not cover its features";
    return {};
}

FeatureSetPtr FeatureSetBuilder::finish() && {
    // The arrays move into storage the FeatureSet shares; their buffers (and so the views) stay put.
    auto owned = std::make_shared<FeatureSetBuilder>(std::move(*this));
    auto fs = std::make_shared<FeatureSet>();
    fs->path = owned->path;
    fs->layer = owned->layer;
    fs->kind = owned->kind;
    fs->coords = owned->coords;
    fs->ringStart = owned->ringStart;
    fs->partStart = owned->partStart;
    fs->featureStart = owned->featureStart;
    fs->featureBox = owned->featureBox;
    fs->box = owned->box;
    fs->fieldNames = owned->fieldNames;
    for (const Column& c : owned->columns) fs->columns.push_back({c.offsets, c.text});
    fs->storage = std::move(owned);
    *this = FeatureSetBuilder{};
    return fs;
}

}  // namespace cmap::geo
