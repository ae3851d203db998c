#include "render/layer_identity.h"

#include <algorithm>

namespace cmap::render {
namespace {

bool same(const geo::LonLat& a, const geo::LonLat& b) { return a.lon == b.lon && a.lat == b.lat; }

bool same(const scene::Hatch& a, const scene::Hatch& b) {
    return a.color == b.color && a.spacingPx == b.spacingPx && a.widthPx == b.widthPx && a.angleDeg == b.angleDeg;
}

bool same(const scene::FillLayer& a, const scene::FillLayer& b) {
    return a.features == b.features && a.color == b.color && a.featureColors == b.featureColors &&
           a.hatch.has_value() == b.hatch.has_value() && (!a.hatch || same(*a.hatch, *b.hatch));
}

bool same(const scene::LineLayer& a, const scene::LineLayer& b) {
    return a.features == b.features && a.color == b.color && a.widthPx == b.widthPx;
}

bool same(const scene::Point& a, const scene::Point& b) {
    return same(a.at, b.at) && a.sizePx == b.sizePx && a.color == b.color && a.angleDeg == b.angleDeg;
}

bool same(const scene::PointLayer& a, const scene::PointLayer& b) {
    return a.shape == b.shape && a.outline == b.outline && a.outlineWidthPx == b.outlineWidthPx &&
           std::equal(a.points.begin(), a.points.end(), b.points.begin(), b.points.end(),
                      [](const scene::Point& p, const scene::Point& q) { return same(p, q); });
}

bool same(const std::optional<model::TimeQuery>& a, const std::optional<model::TimeQuery>& b) {
    if (!a || !b) return a.has_value() == b.has_value();
    return a->mode == b->mode && a->day == b->day && a->windowDays == b->windowDays;
}

bool same(const scene::EventLayer& a, const scene::EventLayer& b) {
    return a.events == b.events && same(a.time, b.time) && a.categoryColors == b.categoryColors &&
           a.opacity == b.opacity && a.sizePx == b.sizePx && a.outline == b.outline &&
           a.outlineWidthPx == b.outlineWidthPx;
}

bool same(const scene::Label& a, const scene::Label& b) {
    return a.text == b.text && same(a.anchor, b.anchor) && a.priority == b.priority && a.sizePx == b.sizePx &&
           a.color == b.color && a.placement == b.placement && a.markerPx == b.markerPx;
}

bool same(const scene::LabelMarker& a, const scene::LabelMarker& b) {
    return a.shape == b.shape && a.color == b.color && a.outline == b.outline && a.outlineWidthPx == b.outlineWidthPx;
}

bool same(const scene::LabelLayer& a, const scene::LabelLayer& b) {
    return a.halo == b.halo && a.haloPx == b.haloPx && a.marker.has_value() == b.marker.has_value() &&
           (!a.marker || same(*a.marker, *b.marker)) &&
           std::equal(a.labels.begin(), a.labels.end(), b.labels.begin(), b.labels.end(),
                      [](const scene::Label& p, const scene::Label& q) { return same(p, q); });
}

bool same(const scene::GraticuleLayer& a, const scene::GraticuleLayer& b) {
    return a.stepDeg == b.stepDeg && a.color == b.color && a.widthPx == b.widthPx;
}

bool same(const scene::GlobeLayer& a, const scene::GlobeLayer& b) { return a.color == b.color; }

bool same(const scene::ScreenLayer& a, const scene::ScreenLayer& b) { return a == b; }

}  // namespace

bool sameDrawing(const scene::Layer& a, const scene::Layer& b) {
    if (a.content.index() != b.content.index()) return false;
    return std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            return same(x, std::get<T>(b.content));
        },
        a.content);
}

}  // namespace cmap::render
