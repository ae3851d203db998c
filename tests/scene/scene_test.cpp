#include <doctest/doctest.h>

#include <cmath>
#include <memory>

#include "core/error.h"
#include "core/geo/projection.h"
#include "scene/basemap.h"
#include "scene/graticule.h"
#include "scene/map_scene.h"
#include "scene/view.h"

using namespace cmap;
using namespace cmap::scene;

namespace {

// A tiny admin0 of two square "countries" and a places layer of four towns, in memory.
geo::FeatureSetPtr countries() {
    geo::FeatureSetBuilder fs;
    fs.kind = geo::GeometryKind::Polygon;
    fs.fieldNames = {"name"};
    fs.columns = {{"Westland", "Eastland"}};
    for (double west : {30.0, 36.0}) {
        geo::BBox box;
        for (geo::LonLat p : {geo::LonLat{west, 30}, {west + 6, 30}, {west + 6, 36}, {west, 36}}) {
            fs.coords.push_back(p);
            box.extend(p);
        }
        fs.ringStart.push_back(static_cast<uint32_t>(fs.coords.size()));
        fs.partStart.push_back(static_cast<uint32_t>(fs.ringStart.size() - 1));
        fs.featureStart.push_back(static_cast<uint32_t>(fs.partStart.size() - 1));
        fs.featureBox.push_back(box);
        fs.box.extend(box);
    }
    return std::move(fs).finish();
}

geo::FeatureSetPtr towns() {
    geo::FeatureSetBuilder fs;
    fs.kind = geo::GeometryKind::Point;
    fs.fieldNames = {"NAME", "pop", "fcode"};
    fs.columns = {{"Bigton", "Smallville", "Capital", "Faraway"}, {"5000000", "20000", "300000", "9000000"},
                   {"PPL", "PPL", "PPLC", "PPL"}};
    for (geo::LonLat p : {geo::LonLat{33, 33}, {34, 32}, {38, 34}, {120, 10}}) {
        fs.coords.push_back(p);
        fs.ringStart.push_back(static_cast<uint32_t>(fs.coords.size()));
        fs.partStart.push_back(static_cast<uint32_t>(fs.ringStart.size() - 1));
        fs.featureStart.push_back(static_cast<uint32_t>(fs.partStart.size() - 1));
        geo::BBox b;
        b.extend(p);
        fs.featureBox.push_back(b);
    }
    return std::move(fs).finish();
}

template <class T>
const T* findLayer(const Scene& s, std::string_view name) {
    for (const Layer& l : s.layers)
        if (l.name == name) return std::get_if<T>(&l.content);
    return nullptr;
}

}  // namespace

TEST_CASE("View maps pixels and projected coordinates both ways, and zooms about a pixel") {
    View v{{1000, 2000}, 10};
    geo::Vec2 px = v.toPixel({1000, 2000}, 200, 100);
    CHECK(px.x == doctest::Approx(100));
    CHECK(px.y == doctest::Approx(50));
    geo::Vec2 corner = v.unproject(0, 0, 200, 100);
    CHECK(corner.x == doctest::Approx(0));
    CHECK(corner.y == doctest::Approx(2500));  // image y grows down, projected y up
    geo::Vec2 before = v.unproject(30, 70, 200, 100);
    v.zoomAbout(2, 30, 70, 200, 100);
    geo::Vec2 after = v.unproject(30, 70, 200, 100);
    CHECK(v.unitsPerPixel == doctest::Approx(5));
    CHECK(after.x == doctest::Approx(before.x));
    CHECK(after.y == doctest::Approx(before.y));
}

TEST_CASE("fitBox shows the whole region with its margin") {
    auto p = geo::Projection::fittedTo({25, 12, 63, 42});
    View v = fitBox(p, {25, 12, 63, 42}, 1200, 800, 20);
    for (geo::LonLat corner : {geo::LonLat{25, 12}, {63, 12}, {25, 42}, {63, 42}}) {
        geo::Vec2 px = v.toPixel(p.forward(corner), 1200, 800);
        CHECK(px.x >= 19.9);
        CHECK(px.x <= 1180.1);
        CHECK(px.y >= 19.9);
        CHECK(px.y <= 780.1);
    }
}

TEST_CASE("graticule and world outline are plain FeatureSets") {
    auto g = graticuleLines(30);
    CHECK(g->kind == geo::GeometryKind::Line);
    CHECK(g->featureCount() == 13 + 5);  // meridians -180..180, parallels -60..60
    CHECK_THROWS_AS(graticuleLines(0), InputError);
    auto w = worldOutline(44);
    CHECK(w->kind == geo::GeometryKind::Polygon);
    CHECK(w->box.minLon == doctest::Approx(-136));
    CHECK(w->box.maxLon == doctest::Approx(224));
}

TEST_CASE("the basemap draws sea, land, borders, then names, in that order") {
    auto p = geo::Projection::fittedTo({28, 28, 44, 38});
    View v = fitBox(p, {28, 28, 44, 38}, 400, 300);
    Scene s = buildBasemap({countries(), nullptr, towns()}, p, v, 400, 300);
    CHECK(s.projection == p.definition());
    std::vector<std::string> names;
    for (const Layer& l : s.layers) names.push_back(l.name);
    CHECK(names == std::vector<std::string>{"sea", "graticule", "land", "country borders", "country labels", "towns"});
    const LabelLayer* townLabels = findLayer<LabelLayer>(s, "towns");
    REQUIRE(townLabels);
    REQUIRE(townLabels->marker);
    // Faraway is outside the view; the capital is chosen first, the larger town next.
    REQUIRE(townLabels->labels.size() == 3);
    CHECK(townLabels->labels[0].text == "Capital");
    CHECK(townLabels->labels[1].text == "Bigton");
    CHECK(townLabels->labels[0].priority == doctest::Approx(std::log10(3e6)));  // counts as ten times its size
    const LabelLayer* countryLabels = findLayer<LabelLayer>(s, "country labels");
    REQUIRE(countryLabels);
    CHECK(countryLabels->labels.size() == 2);
}

TEST_CASE("the basemap keeps towns to the room there is") {
    auto p = geo::Projection::fittedTo({28, 28, 44, 38});
    View v = fitBox(p, {28, 28, 44, 38}, 400, 300);
    BasemapStyle style = defaultBasemapStyle();
    style.pixelsPerTown = 400 * 300 / 2.0;  // room for two
    style.graticule = false;
    Scene s = buildBasemap({countries(), nullptr, towns()}, p, v, 400, 300, style);
    CHECK(findLayer<LabelLayer>(s, "towns")->labels.size() == 2);
    CHECK(findLayer<GraticuleLayer>(s, "graticule") == nullptr);
    CHECK_THROWS_AS(buildBasemap({}, p, v, 400, 300), InputError);
}

TEST_CASE("a view's longitudes and latitudes: a box around the image, none where it is no plain box") {
    auto p = geo::Projection::fittedTo({28, 28, 44, 38});
    View v = fitBox(p, {28, 28, 44, 38}, 400, 300);
    auto box = lonLatBoxOfView(p, v, 400, 300, 0);
    REQUIRE(box);
    CHECK(box->minLon <= 28);
    CHECK(box->maxLon >= 44);
    CHECK(box->minLat <= 28);
    CHECK(box->maxLat >= 38);
    CHECK(box->maxLon - box->minLon < 30);  // a margin, not the world
    // The image's every corner lies in it.
    for (double x : {0.0, 400.0})
        for (double y : {0.0, 300.0}) CHECK(box->contains(p.inverse(v.unproject(x, y, 400, 300))));

    // A pole in the image; the globe's edge; the ±180° meridian.
    auto polar = geo::Projection::create("EPSG:3413");
    CHECK_FALSE(lonLatBoxOfView(polar, fitBox(polar, {-180, 70, 180, 90}, 400, 400), 400, 400, 0));
    auto globe = geo::Projection::create("+proj=ortho +lon_0=40 +lat_0=40");
    CHECK_FALSE(lonLatBoxOfView(globe, fitBox(globe, {-60, -20, 140, 90}, 400, 400), 400, 400, 0));
    auto pacific = geo::Projection::create("+proj=eqc +lon_0=180");
    CHECK_FALSE(lonLatBoxOfView(pacific, fitBox(pacific, {140, -50, 179.9, 0}, 800, 300), 800, 300, 0));
}

TEST_CASE("the basemap of one view keeps the features that view shows, and draws the same names") {
    auto p = geo::Projection::fittedTo({29, 29, 33, 37});
    View v = fitBox(p, {29, 29, 33, 37}, 300, 400);
    BasemapData world{countries(), countries(), towns()};
    BasemapData inView = basemapForView(world, p, v, 300, 400);
    REQUIRE(inView.admin0);
    CHECK(inView.admin0->featureCount() == 1);  // Westland; Eastland starts past the margin
    CHECK(inView.admin0->attr(0, 0) == "Westland");
    CHECK(inView.admin0->problem().empty());
    CHECK(inView.admin1->featureCount() == 1);
    CHECK(inView.places == world.places);
    CHECK(buildBasemap(inView, p, v, 300, 400).layers.size() == buildBasemap(world, p, v, 300, 400).layers.size());
    CHECK(findLayer<LabelLayer>(buildBasemap(inView, p, v, 300, 400), "towns")->labels ==
          findLayer<LabelLayer>(buildBasemap(world, p, v, 300, 400), "towns")->labels);
    // The whole world in view: the very sets.
    View all = fitBox(p, {20, 20, 50, 45}, 300, 400);
    CHECK(basemapForView(world, p, all, 300, 400).admin0 == world.admin0);
}

TEST_CASE("overlay points: each layer its own colour, dots smaller the more there are") {
    auto points = [](size_t n) {
        geo::FeatureSetBuilder b;
        b.path = std::to_string(n) + ".geojson";
        b.kind = geo::GeometryKind::Point;
        for (size_t i = 0; i < n; ++i) {
            geo::LonLat p{30 + static_cast<double>(i % 100) * 0.1, 30 + static_cast<double>(i / 100) * 0.1};
            b.coords.push_back(p);
            b.ringStart.push_back(static_cast<uint32_t>(b.coords.size()));
            b.partStart.push_back(static_cast<uint32_t>(b.ringStart.size() - 1));
            b.featureStart.push_back(static_cast<uint32_t>(b.partStart.size() - 1));
            geo::BBox box;
            box.extend(p);
            b.featureBox.push_back(box);
            b.box.extend(box);
        }
        return std::move(b).finish();
    };
    MapContent content;
    content.overlays = {points(3), points(1000), points(100000)};
    MapState state;
    state.projection = "EPSG:4326";
    state.view = View{{35, 35}, 0.05};
    Scene s = buildMapScene(content, state, 400, 300);
    std::vector<const PointLayer*> layers;
    for (const Layer& l : s.layers)
        if (l.name.starts_with("overlay ")) layers.push_back(&std::get<PointLayer>(l.content));
    REQUIRE(layers.size() == 3);
    CHECK(layers[0]->points.front().sizePx == doctest::Approx(7));
    CHECK(layers[0]->outlineWidthPx > 0);
    CHECK(layers[1]->points.front().sizePx == doctest::Approx(5.75));
    CHECK(layers[2]->points.front().sizePx == doctest::Approx(3.25));
    CHECK(layers[2]->outlineWidthPx == 0);  // a white edge would be most of such a dot
    CHECK(layers[2]->points.size() == 100000);
    CHECK_FALSE(layers[0]->points.front().color == layers[1]->points.front().color);
    CHECK_FALSE(layers[1]->points.front().color == layers[2]->points.front().color);
    CHECK(layers[0]->points.front().color == overlayColor(0));
}
