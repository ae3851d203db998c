#include "scene/furniture_layers.h"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>
#include <optional>
#include <utility>

#include "core/geo/projection.h"
#include "scene/map_scene.h"

using namespace cmap;
using namespace cmap::scene;

namespace {

constexpr double kW = 480, kH = 320;

// A scene of nothing but the view: centre lon/lat, metres a pixel.
Scene viewScene(const std::string& projection, geo::LonLat centre, double unitsPerPixel) {
    Scene s;
    s.projection = projection;
    s.view = View{geo::Projection::create(projection).forward(centre), unitsPerPixel};
    return s;
}

// The furniture with only the given piece switched on.
model::Furniture only(model::FurniturePiece model::Furniture::*piece) {
    model::Furniture f;
    for (auto p : {&model::Furniture::title, &model::Furniture::date, &model::Furniture::legend,
                   &model::Furniture::scaleBar, &model::Furniture::northArrow, &model::Furniture::attribution,
                   &model::Furniture::footnotes})
        (f.*p).show = p == piece;
    return f;
}

template <class Cell>
const Cell* findCell(const Scene& s) {
    for (const Layer& layer : s.layers)
        if (auto* screen = std::get_if<ScreenLayer>(&layer.content))
            for (const ScreenPanel& panel : screen->panels)
                for (const ScreenRow& row : panel.rows)
                    for (const auto& cell : row.cells)
                        if (auto* c = std::get_if<Cell>(&cell)) return c;
    return nullptr;
}

Scene withFurniture(Scene s, const model::Furniture& f) {
    MapState state;
    state.projection = s.projection;
    state.view = s.view;
    addFurniture(s, f, FurnitureText{"Title", ""}, MapContent{}, state, kW, kH);
    return s;
}

// Kilometres a scale bar stands for per pixel of its length.
double barKmPerPixel(const ScreenScaleBar& bar) {
    double value = std::stod(bar.label);
    double km = bar.label.ends_with(" km") ? value : value / 1000;
    return km / bar.lengthPx;
}

}  // namespace

TEST_CASE("the scale bar is true at the map centre: in Web Mercator 60N shows half the km a pixel of the equator") {
    auto equator = viewScene("EPSG:3857", {20, 0}, 2000);
    auto north = viewScene("EPSG:3857", {20, 60}, 2000);
    auto p = geo::Projection::webMercator();
    double kmEquator = *kmPerPixelAtCentre(p, equator.view, kW, kH);
    double kmNorth = *kmPerPixelAtCentre(p, north.view, kW, kH);
    CHECK(kmEquator == doctest::Approx(2.0).epsilon(0.01));  // 2000 m a pixel is true at the equator
    CHECK(kmNorth / kmEquator == doctest::Approx(0.5).epsilon(0.01));

    Scene equatorMap = withFurniture(equator, only(&model::Furniture::scaleBar));
    Scene northMap = withFurniture(north, only(&model::Furniture::scaleBar));
    const auto* barEquator = findCell<ScreenScaleBar>(equatorMap);
    const auto* barNorth = findCell<ScreenScaleBar>(northMap);
    REQUIRE(barEquator);
    REQUIRE(barNorth);
    CHECK(barKmPerPixel(*barEquator) == doctest::Approx(kmEquator).epsilon(0.001));
    CHECK(barKmPerPixel(*barNorth) / barKmPerPixel(*barEquator) == doctest::Approx(0.5).epsilon(0.01));
    // A round distance that fits: 1, 2 or 5 times a power of ten, at most a quarter of the width.
    CHECK(barEquator->label == "200 km");
    CHECK(barEquator->lengthPx <= kW / 4);
}

TEST_CASE("the north arrow shows only where north is not up everywhere") {
    auto mercator = viewScene("EPSG:3857", {36, 35}, 3000);
    CHECK(northUpEverywhere(geo::Projection::webMercator(), mercator.view, kW, kH));
    CHECK_FALSE(findCell<ScreenNorthArrow>(withFurniture(mercator, only(&model::Furniture::northArrow))));
    auto plate = viewScene("+proj=eqc +datum=WGS84", {36, 35}, 3000);
    CHECK_FALSE(findCell<ScreenNorthArrow>(withFurniture(plate, only(&model::Furniture::northArrow))));

    // Forced on, it shows in Mercator too, pointing straight up.
    model::Furniture forced = only(&model::Furniture::northArrow);
    forced.northArrowAlways = true;
    Scene forcedMap = withFurniture(mercator, forced);
    const auto* up = findCell<ScreenNorthArrow>(forcedMap);
    REQUIRE(up);
    CHECK(up->angleDeg == doctest::Approx(0).epsilon(1e-6));

    // Arctic polar stereographic centred on 60E, 75N: north points at the pole's pixel.
    auto polar = viewScene("EPSG:3995", {60, 75}, 5000);
    CHECK_FALSE(northUpEverywhere(geo::Projection::create("EPSG:3995"), polar.view, kW, kH));
    Scene polarMap = withFurniture(polar, only(&model::Furniture::northArrow));
    const auto* arrow = findCell<ScreenNorthArrow>(polarMap);
    REQUIRE(arrow);
    geo::Vec2 pole = polar.view.toPixel(geo::Projection::create("EPSG:3995").forward(geo::LonLat{0, 90}), kW, kH);
    double expected = std::atan2(pole.x - kW / 2, -(pole.y - kH / 2)) * 180 / std::numbers::pi;
    CHECK(arrow->angleDeg == doctest::Approx(expected).epsilon(0.002));
    CHECK(std::abs(arrow->angleDeg) > 30);  // 60E is well off the map's central meridian
}

TEST_CASE("the date stamp says what the timeline shows") {
    CHECK(dateStampText(std::nullopt) == "All reports");
    model::TimeQuery q{model::TimeMode::Cumulative, model::Date{2015, 9, 30}.firstDay(), 30};
    CHECK(dateStampText(q) == "Reports up to 30 Sep 2015");
    q.mode = model::TimeMode::Window;
    q.windowDays = 14;
    CHECK(dateStampText(q) == "30 Sep 2015, reports of the last 14 days");
}

TEST_CASE("pieces switched off are left out; the title stacks above the date in its corner") {
    auto s = viewScene("EPSG:3857", {36, 35}, 3000);
    model::Furniture none = only(nullptr);
    Scene bare = withFurniture(s, none);
    CHECK(bare.layers.empty());
    model::Furniture f = only(&model::Furniture::title);
    f.date.show = true;
    Scene both = withFurniture(s, f);
    REQUIRE(both.layers.size() == 1);
    const auto& panels = std::get<ScreenLayer>(both.layers[0].content).panels;
    REQUIRE(panels.size() == 2);
    CHECK(std::get<ScreenText>(panels[0].rows[0].cells[0]).text == "Title");
    CHECK(std::get<ScreenText>(panels[1].rows[0].cells[0]).text == "All reports");
}

TEST_CASE("a slide with a title heads the map with it, the briefing's title beneath") {
    model::Furniture f;
    f.subtitle = "Furniture subtitle";
    model::Slide slide;
    CHECK(furnitureText("Briefing", f, nullptr).title == "Briefing");
    CHECK(furnitureText("Briefing", f, nullptr).subtitle == "Furniture subtitle");
    CHECK(furnitureText("Briefing", f, &slide).title == "Briefing");  // untitled: the map's own
    slide.title = "Day one";
    FurnitureText t = furnitureText("Briefing", f, &slide);
    CHECK(t.title == "Day one");
    CHECK(t.subtitle == "Briefing");
}

TEST_CASE("the legend names each overlay in its own colour and each event dataset with its categories") {
    auto s = viewScene("EPSG:3857", {36, 35}, 3000);
    MapContent content;
    for (const char* path : {"/data/bases.geojson", "/data/routes.geojson"}) {
        geo::FeatureSetBuilder b;
        b.path = path;
        content.overlays.push_back(std::move(b).finish());
    }
    std::vector<model::EventRow> rows(3);
    rows[0].category = model::EventCategory::Airstrike;
    rows[1].category = model::EventCategory::Attack;
    rows[2].category = model::EventCategory::Attack;
    content.events.push_back(std::make_shared<const model::EventTable>(
        model::EventTable::build("acled.csv", std::move(rows), {"s"})));
    MapState state;
    state.projection = s.projection;
    state.view = s.view;
    addFurniture(s, only(&model::Furniture::legend), FurnitureText{}, content, state, kW, kH);
    REQUIRE(s.layers.size() == 1);
    const auto& panels = std::get<ScreenLayer>(s.layers[0].content).panels;
    REQUIRE(panels.size() == 1);
    // (swatch colour or none, text) of every row, in order.
    std::vector<std::pair<std::optional<Color>, std::string>> legend;
    for (const ScreenRow& row : panels[0].rows) {
        std::optional<Color> swatch;
        std::string text;
        for (const auto& cell : row.cells) {
            if (auto* sw = std::get_if<ScreenSwatch>(&cell)) swatch = sw->color;
            if (auto* t = std::get_if<ScreenText>(&cell)) text = t->text;
        }
        legend.emplace_back(swatch, text);
    }
    REQUIRE(legend.size() == 5);
    CHECK(legend[0].second == "bases.geojson");
    CHECK(legend[1].second == "routes.geojson");
    REQUIRE(legend[0].first);
    REQUIRE(legend[1].first);
    CHECK(legend[0].first->r == doctest::Approx(overlayColor(0).r));
    CHECK(legend[1].first->r == doctest::Approx(overlayColor(1).r));
    CHECK_FALSE(*legend[0].first == *legend[1].first);
    CHECK(legend[2] == std::pair<std::optional<Color>, std::string>{std::nullopt, "acled.csv"});
    CHECK(legend[3].second == "Airstrike");
    CHECK(*legend[3].first == eventCategoryColor(model::EventCategory::Airstrike));
    CHECK(legend[4].second == "Attack");

    // Hidden categories and datasets leave the legend with what they hid.
    state.styles[layerIdForCategory(model::EventCategory::Airstrike)].visible = false;
    Scene without = viewScene("EPSG:3857", {36, 35}, 3000);
    addFurniture(without, only(&model::Furniture::legend), FurnitureText{}, content, state, kW, kH);
    CHECK(std::get<ScreenLayer>(without.layers[0].content).panels[0].rows.size() == 4);
    state.styles[layerIdForEvents("acled.csv")].visible = false;
    Scene hidden = viewScene("EPSG:3857", {36, 35}, 3000);
    addFurniture(hidden, only(&model::Furniture::legend), FurnitureText{}, content, state, kW, kH);
    CHECK(std::get<ScreenLayer>(hidden.layers[0].content).panels[0].rows.size() == 2);
}
