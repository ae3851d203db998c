#include "scene/annotation_layers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <numbers>

#include "scene/style.h"

namespace cmap::scene {
namespace {

using model::AnnotationKind;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kRingPoints = 180;   // 2 degrees of azimuth: smooth at any zoom a ring fits in
constexpr int kCurvePoints = 64;
constexpr double kPickPx = 6;

Color fromRgba(uint32_t rgba) { return rgb(rgba >> 8, static_cast<float>(rgba & 0xff) / 255.0f); }

// An arrowhead long enough to cover the end of its line (see PointShape::Arrowhead).
float headLength(float widthPx) { return std::max(13.0f, 4.5f * widthPx); }

double angleOf(geo::Vec2 from, geo::Vec2 to) {
    return std::atan2(to.y - from.y, to.x - from.x) * 180 / std::numbers::pi;
}

bool finite(geo::Vec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// Segments that follow the Earth: about one per 25 km, so a long route bends as the geodesic does.
int geodesicSteps(geo::LonLat a, geo::LonLat b) {
    return std::clamp(static_cast<int>(geo::geodesicKm(a, b) / 25), 8, 256);
}

// The end direction of a geodesic path on this projection: from its last two projected points.
std::optional<double> endAngle(const std::vector<geo::LonLat>& path, const geo::Projection& projection) {
    if (path.size() < 2) return std::nullopt;
    geo::Vec2 a = projection.forward(path[path.size() - 2]);
    geo::Vec2 b = projection.forward(path.back());
    if (!finite(a) || !finite(b) || (a.x == b.x && a.y == b.y)) return std::nullopt;
    return angleOf(a, b);
}

// A smooth curve through `via` from a to b: the quadratic Bezier in projected coordinates whose
// midpoint is via (so the handle the user drags lies on the curve).
AnnotationPath curveThrough(geo::LonLat a, geo::LonLat via, geo::LonLat b, const geo::Projection& projection) {
    geo::Vec2 p0 = projection.forward(a), pv = projection.forward(via), p2 = projection.forward(b);
    AnnotationPath path;
    if (!finite(p0) || !finite(pv) || !finite(p2)) return path;
    geo::Vec2 c{2 * pv.x - (p0.x + p2.x) / 2, 2 * pv.y - (p0.y + p2.y) / 2};
    std::vector<geo::Vec2> xy;
    for (int i = 0; i <= kCurvePoints; ++i) {
        double t = static_cast<double>(i) / kCurvePoints, u = 1 - t;
        xy.push_back({u * u * p0.x + 2 * t * u * c.x + t * t * p2.x, u * u * p0.y + 2 * t * u * c.y + t * t * p2.y});
    }
    path.points.resize(xy.size());
    projection.inverse(xy, path.points);
    path.points.front() = a;  // exact ends, whatever the round trip through the projection did
    path.points.back() = b;
    if (!(p2.x == c.x && p2.y == c.y)) path.endAngleDeg = angleOf(c, p2);
    return path;
}

std::string radiusText(double km) {
    char buf[32];
    if (std::abs(km - std::round(km)) < 0.05) std::snprintf(buf, sizeof buf, "%.0f km", km);
    else std::snprintf(buf, sizeof buf, "%.1f km", km);
    return buf;
}

double segmentDistance(geo::Vec2 p, geo::Vec2 a, geo::Vec2 b) {
    double dx = b.x - a.x, dy = b.y - a.y;
    double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0;
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

bool insidePolygon(geo::Vec2 p, const std::vector<geo::Vec2>& ring) {
    bool in = false;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const geo::Vec2 &a = ring[i], &b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
    }
    return in;
}

}  // namespace

std::vector<const model::Annotation*> shownAnnotations(const std::vector<model::Annotation>& list,
                                                       const std::optional<std::vector<std::string>>& ids,
                                                       std::optional<int> day) {
    std::vector<const model::Annotation*> shown;
    for (const model::Annotation& a : list) {
        if (day && !model::visibleOn(a, *day)) continue;
        if (ids && std::find(ids->begin(), ids->end(), a.id) == ids->end()) continue;
        shown.push_back(&a);
    }
    return shown;
}

AnnotationPath annotationPath(const model::Annotation& a, const geo::Projection& projection) {
    AnnotationPath path;
    if (a.points.size() < model::minPoints(a.kind)) return path;
    const auto& p = a.points;
    switch (a.kind) {
    case AnnotationKind::Text: break;
    case AnnotationKind::Callout: path.points = geo::geodesicPath(p[0], p[1], geodesicSteps(p[0], p[1])); break;
    case AnnotationKind::Arrow:
        path.points = geo::geodesicPath(p[0], p[1], geodesicSteps(p[0], p[1]));
        path.endAngleDeg = endAngle(path.points, projection);
        break;
    case AnnotationKind::CurvedArrow: path = curveThrough(p[0], p[1], p[2], projection); break;
    case AnnotationKind::RangeRing:
        path.points = geo::geodesicCircle(p[0], a.radiusKm, kRingPoints);
        path.closed = true;
        break;
    case AnnotationKind::Polygon:
    case AnnotationKind::Freehand:
        path.points = p;
        path.closed = true;
        break;
    }
    return path;
}

std::string annotationLabel(const model::Annotation& a) {
    if (a.kind != AnnotationKind::RangeRing) return a.text;
    return a.text.empty() ? radiusText(a.radiusKm) : a.text + ", " + radiusText(a.radiusKm);
}

std::optional<geo::LonLat> annotationTextAnchor(const model::Annotation& a, const geo::Projection& projection) {
    if (annotationLabel(a).empty() || a.points.size() < model::minPoints(a.kind)) return std::nullopt;
    switch (a.kind) {
    case AnnotationKind::Text:
    case AnnotationKind::Callout: return a.points[0];
    case AnnotationKind::CurvedArrow: return a.points[1];
    case AnnotationKind::Arrow: {
        auto path = geo::geodesicPath(a.points[0], a.points[1], 2);
        return path[1];
    }
    case AnnotationKind::RangeRing: return geo::geodesicCircle(a.points[0], a.radiusKm, 4)[0];  // due north, on the ring
    case AnnotationKind::Polygon:
    case AnnotationKind::Freehand: {
        // The centre of the projected vertices: where the area looks centred on this map.
        geo::Vec2 sum{0, 0};
        int n = 0;
        for (const geo::LonLat& p : a.points) {
            geo::Vec2 xy = projection.forward(p);
            if (!finite(xy)) continue;
            sum.x += xy.x, sum.y += xy.y, ++n;
        }
        if (n == 0) return std::nullopt;
        geo::LonLat c = projection.inverse(geo::Vec2{sum.x / n, sum.y / n});
        if (std::isnan(c.lon)) return std::nullopt;
        return c;
    }
    }
    return std::nullopt;
}

geo::FeatureSetPtr annotationFeatureSet(const AnnotationPath& path) {
    geo::FeatureSetBuilder fs;
    fs.path = "annotation";
    fs.kind = path.closed ? geo::GeometryKind::Polygon : geo::GeometryKind::Line;
    geo::BBox box;
    for (const geo::LonLat& p : path.points) {
        if (std::isnan(p.lon) || std::isnan(p.lat)) continue;
        fs.coords.push_back(p);
        box.extend(p);
    }
    fs.ringStart.push_back(static_cast<uint32_t>(fs.coords.size()));
    fs.partStart.push_back(1);
    fs.featureStart.push_back(1);
    fs.featureBox.push_back(box);
    fs.box = box;
    return std::move(fs).finish();
}

void addAnnotationLayers(Scene& scene, const std::vector<const model::Annotation*>& shown,
                         const geo::Projection& projection, SceneCache& cache) {
    LabelLayer text;
    text.halo = defaultStyle().annotations.textHalo;
    text.haloPx = defaultStyle().annotations.textHaloPx;
    for (const model::Annotation* a : shown) {
        const std::string name = "annotation " + a->id;
        const Color line = fromRgba(a->style.rgba), fill = fromRgba(a->style.fillRgba);
        AnnotationPath path = annotationPath(*a, projection);
        if (!path.points.empty()) {
            geo::FeatureSetPtr set = cache.annotationSet(path);
            if (path.closed && fill.a > 0) scene.add(name + " fill", FillLayer{set, fill, {}, std::nullopt});
            scene.add(name, LineLayer{set, line, a->style.widthPx});
        }
        if (path.endAngleDeg) {
            PointLayer head;
            head.shape = PointShape::Arrowhead;
            head.outlineWidthPx = 0;
            head.points.push_back({path.points.back(), headLength(a->style.widthPx), line, static_cast<float>(*path.endAngleDeg)});
            scene.add(name + " head", std::move(head));
        }
        if (a->kind == AnnotationKind::Callout) {
            PointLayer target;
            target.outline = defaultStyle().annotations.calloutTargetEdge;
            target.outlineWidthPx = 1.5f;
            target.points.push_back({a->points[1], std::max(7.0f, 2.5f * a->style.widthPx), line});
            scene.add(name + " target", std::move(target));
        }
        if (auto anchor = annotationTextAnchor(*a, projection)) {
            Label l;
            l.text = annotationLabel(*a);
            l.anchor = *anchor;
            l.sizePx = a->style.fontPx;
            l.color = line;
            l.placement = LabelPlacement::Fixed;
            text.labels.push_back(std::move(l));
        }
    }
    if (!text.labels.empty()) scene.add("annotation text", std::move(text));
}

std::optional<size_t> pickAnnotation(const std::vector<model::Annotation>& list,
                                     const std::vector<const model::Annotation*>& shown,
                                     const geo::Projection& projection, const View& view, double width,
                                     double height, double px, double py) {
    const geo::Vec2 at{px, py};
    auto pixel = [&](geo::LonLat p) {
        geo::Vec2 xy = projection.forward(p);
        return finite(xy) ? view.toPixel(xy, width, height) : geo::Vec2{kNaN, kNaN};
    };
    // Later annotations draw on top: the last hit wins.
    for (auto it = shown.rbegin(); it != shown.rend(); ++it) {
        const model::Annotation& a = **it;
        bool hit = false;
        if (auto anchor = annotationTextAnchor(a, projection)) {
            // The text's box, estimated from its size (the font's metrics live in the renderer).
            geo::Vec2 c = pixel(*anchor);
            double halfW = 0.3 * a.style.fontPx * static_cast<double>(annotationLabel(a).size()) + kPickPx;
            double halfH = 0.6 * a.style.fontPx + kPickPx / 2;
            hit = std::abs(c.x - px) <= halfW && std::abs(c.y - py) <= halfH;
        }
        AnnotationPath path = annotationPath(a, projection);
        std::vector<geo::Vec2> ring;
        for (const geo::LonLat& p : path.points) ring.push_back(pixel(p));
        double reach = kPickPx + a.style.widthPx / 2;
        for (size_t i = 0; !hit && i + 1 < ring.size(); ++i)
            hit = finite(ring[i]) && finite(ring[i + 1]) && segmentDistance(at, ring[i], ring[i + 1]) <= reach;
        if (!hit && path.closed && ring.size() >= 3) {
            hit = finite(ring.back()) && finite(ring.front()) && segmentDistance(at, ring.back(), ring.front()) <= reach;
            if (!hit && (a.style.fillRgba & 0xff) > 0) hit = insidePolygon(at, ring);
        }
        if (!hit && path.endAngleDeg) {
            geo::Vec2 tip = pixel(path.points.back());
            hit = finite(tip) && std::hypot(tip.x - px, tip.y - py) <= headLength(a.style.widthPx);
        }
        if (hit) return static_cast<size_t>(&a - list.data());
    }
    return std::nullopt;
}

}  // namespace cmap::scene
