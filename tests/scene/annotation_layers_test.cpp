#include "scene/annotation_layers.h"

#include <doctest/doctest.h>

#include <cmath>

#include "scene/map_scene.h"

using namespace cmap;
using namespace cmap::scene;
using model::Annotation;
using model::AnnotationKind;
using model::Date;

namespace {

std::vector<Annotation> sample() {
    return {
        {"text", AnnotationKind::Text, {{10, 10}}, "Label", 0, {}, Date{2015, 9}, Date{2015, 10}},
        {"arrow", AnnotationKind::Arrow, {{0, 0}, {20, 0}}, "", 0, {}, {}, {}},
        {"ring", AnnotationKind::RangeRing, {{-10, -5}}, "", 300, {}, Date{2015, 10, 15}, {}},
        {"curve", AnnotationKind::CurvedArrow, {{0, 20}, {10, 25}, {20, 20}}, "", 0, {}, {}, {}},
    };
}

const Layer* findLayer(const Scene& s, const std::string& name) {
    for (const Layer& l : s.layers)
        if (l.name == name) return &l;
    return nullptr;
}

}  // namespace

TEST_CASE("annotations show within their time span and among a slide's ids") {
    auto list = sample();
    auto ids = [](const std::vector<const Annotation*>& shown) {
        std::vector<std::string> out;
        for (const Annotation* a : shown) out.push_back(a->id);
        return out;
    };
    CHECK(ids(shownAnnotations(list, std::nullopt, std::nullopt)) == std::vector<std::string>{"text", "arrow", "ring", "curve"});
    CHECK(ids(shownAnnotations(list, std::nullopt, Date{2015, 9, 20}.firstDay())) ==
          std::vector<std::string>{"text", "arrow", "curve"});
    CHECK(ids(shownAnnotations(list, std::nullopt, Date{2015, 11, 1}.firstDay())) ==
          std::vector<std::string>{"arrow", "ring", "curve"});
    CHECK(ids(shownAnnotations(list, std::vector<std::string>{"curve", "text"}, std::nullopt)) ==
          std::vector<std::string>{"text", "curve"});
    CHECK(shownAnnotations(list, std::vector<std::string>{}, std::nullopt).empty());
}

TEST_CASE("the map scene draws the annotations the timeline shows, text always placed") {
    MapContent content;
    MapState state;
    state.projection = "EPSG:4326";
    state.view = View{{0, 0}, 0.1};
    state.annotations = sample();
    SceneCache cache;  // as the viewer keeps one from frame to frame
    Scene all = buildMapScene(content, state, 400, 300, cache);
    CHECK(findLayer(all, "annotation arrow"));
    CHECK(findLayer(all, "annotation arrow head"));
    CHECK(findLayer(all, "annotation ring fill"));
    const Layer* text = findLayer(all, "annotation text");
    REQUIRE(text);
    const auto& labels = std::get<LabelLayer>(text->content).labels;
    REQUIRE(labels.size() == 2);  // the label and the ring's radius
    CHECK(labels[0].placement == LabelPlacement::Fixed);
    CHECK(labels[1].text == "300 km");
    state.time = model::TimeQuery{model::TimeMode::Cumulative, Date{2015, 11, 1}.firstDay(), 30};
    Scene later = buildMapScene(content, state, 400, 300, cache);
    CHECK_FALSE(findLayer(later, "annotation text") == nullptr);
    CHECK(std::get<LabelLayer>(findLayer(later, "annotation text")->content).labels.size() == 1);
    // An unchanged annotation gives the renderer the same feature set (its mesh is kept).
    CHECK(std::get<LineLayer>(findLayer(all, "annotation arrow")->content).features ==
          std::get<LineLayer>(findLayer(later, "annotation arrow")->content).features);
}

TEST_CASE("arrows point along their end on the map; a curve passes through its handle") {
    geo::Projection plate = geo::Projection::create("EPSG:4326");
    auto list = sample();
    AnnotationPath east = annotationPath(list[1], plate);
    REQUIRE(east.endAngleDeg);
    CHECK(*east.endAngleDeg == doctest::Approx(0).epsilon(1e-6));  // along the equator, eastwards
    AnnotationPath curve = annotationPath(list[3], plate);
    REQUIRE(curve.points.size() > 10);
    // Symmetric about lon 10, it peaks at the handle and comes down towards its end.
    CHECK(curve.points[curve.points.size() / 2].lon == doctest::Approx(10));
    CHECK(curve.points[curve.points.size() / 2].lat == doctest::Approx(25));
    CHECK(*curve.endAngleDeg < -30);
    // The ring follows the geodesic, so in plate carree its width exceeds its height.
    AnnotationPath ring = annotationPath(list[2], plate);
    double minLon = 1e9, maxLon = -1e9, minLat = 1e9, maxLat = -1e9;
    for (auto p : ring.points) minLon = std::min(minLon, p.lon), maxLon = std::max(maxLon, p.lon), minLat = std::min(minLat, p.lat), maxLat = std::max(maxLat, p.lat);
    CHECK(ring.closed);
    CHECK(maxLat - minLat == doctest::Approx(2 * 300 / 110.6).epsilon(0.01));
    CHECK(maxLon - minLon == doctest::Approx(2 * 300 / (111.32 * std::cos(5 * 3.14159265 / 180))).epsilon(0.01));
}

TEST_CASE("a click picks the annotation drawn there, the topmost first") {
    geo::Projection plate = geo::Projection::create("EPSG:4326");
    auto list = sample();
    auto shown = shownAnnotations(list, std::nullopt, std::nullopt);
    View view{{0, 0}, 0.1};  // 10 pixels a degree; lon 0, lat 0 at pixel (200, 150)
    auto pick = [&](double lon, double lat) {
        return pickAnnotation(list, shown, plate, view, 400, 300, 200 + lon * 10, 150 - lat * 10);
    };
    CHECK(pick(10, 0.3) == std::optional<size_t>(1));   // on the arrow
    CHECK(pick(10, 10) == std::optional<size_t>(0));    // the text
    CHECK(pick(-10, -5) == std::optional<size_t>(2));   // inside the filled ring
    CHECK(pick(10, 24.9) == std::optional<size_t>(3));  // on the curve's top
    CHECK_FALSE(pick(-15, 12));
}
