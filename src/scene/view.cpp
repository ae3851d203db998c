#include "scene/view.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "core/geo/projection.h"

namespace cmap::scene {

void View::zoomAbout(double factor, double px, double py, double w, double h) {
    geo::Vec2 fixed = unproject(px, py, w, h);
    unitsPerPixel /= factor;
    geo::Vec2 moved = unproject(px, py, w, h);
    center.x += fixed.x - moved.x;
    center.y += fixed.y - moved.y;
}

double refitScale(double unitsPerPixel, double framedW, double framedH, double w, double h) {
    if (framedW <= 0 || framedH <= 0 || w <= 0 || h <= 0) return unitsPerPixel;
    return unitsPerPixel * std::max(framedW / w, framedH / h);
}

View fitRect(geo::Vec2 min, geo::Vec2 max, double w, double h, double marginPx) {
    double usableW = std::max(1.0, w - 2 * marginPx);
    double usableH = std::max(1.0, h - 2 * marginPx);
    double scale = std::max((max.x - min.x) / usableW, (max.y - min.y) / usableH);
    if (!(scale > 0)) scale = 1;
    return View{{(min.x + max.x) / 2, (min.y + max.y) / 2}, scale};
}

View fitBox(const geo::Projection& projection, const geo::BBox& box, double w, double h,
            double marginPx) {
    constexpr int kSteps = 32;
    std::vector<geo::LonLat> edge;
    edge.reserve(4 * kSteps + 1);
    for (int i = 0; i <= kSteps; ++i) {
        double t = static_cast<double>(i) / kSteps;
        double lon = box.minLon + t * (box.maxLon - box.minLon);
        double lat = box.minLat + t * (box.maxLat - box.minLat);
        edge.push_back({lon, box.minLat});
        edge.push_back({lon, box.maxLat});
        edge.push_back({box.minLon, lat});
        edge.push_back({box.maxLon, lat});
    }
    edge.push_back(box.center());
    std::vector<geo::Vec2> xy(edge.size());
    projection.forward(edge, xy);
    constexpr double inf = std::numeric_limits<double>::infinity();
    geo::Vec2 lo{inf, inf};
    geo::Vec2 hi{-inf, -inf};
    for (const geo::Vec2& p : xy) {
        if (std::isnan(p.x)) continue;
        lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
        hi = {std::max(hi.x, p.x), std::max(hi.y, p.y)};
    }
    if (lo.x > hi.x) return View{};
    return fitRect(lo, hi, w, h, marginPx);
}

}  // namespace cmap::scene
