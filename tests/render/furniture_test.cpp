// Map furniture drawn: the cases furniture_conic and furniture_mercator (tests/render/cases/, each
// with its allowance: a moved panel, a lost legend row or a turned arrow fails), and tiled drawing
// of a large, scaled export against the same image in one piece.
#include <doctest/doctest.h>

#include <memory>

#include "core/geo/projection.h"
#include "core/model/briefing.h"
#include "render/render_harness.h"
#include "render/screen_layout.h"
#include "scene/furniture_layers.h"
#include "scene/map_scene.h"

using namespace cmap;
using namespace cmap::scene;

namespace {

constexpr int kW = 480;
constexpr int kH = 320;

// The built-in briefing without geodata: its own coordinates, areas as rings, sources with titles.
MapContent briefingContent() {
    MapContent c;
    for (auto& bd : model::briefingDocuments(model::builtinBriefing(), nullptr))
        c.documents.push_back(std::make_shared<const model::Document>(std::move(bd.document)));
    return c;
}

// The Levant in a Lambert conic whose central meridian is far west of it, so meridians lean.
MapState conicLevant(double width, double height) {
    MapState s;
    s.projection = "+proj=lcc +lat_1=30 +lat_2=40 +lat_0=35 +lon_0=15 +datum=WGS84";
    s.view = fitBox(geo::Projection::create(s.projection), geo::BBox{33.5, 32.5, 38.5, 36.5}, width, height);
    return s;
}

Scene furnishedScene(const MapContent& content, const MapState& state, double width, double height) {
    Scene s = buildMapScene(content, state, width, height);
    model::Furniture f;
    f.subtitle = "Russian build-up, September 2015";
    f.legend.corner = model::Corner::BottomLeft;  // above the scale bar, clear of Homs
    addFurniture(s, f, FurnitureText{"Latakia and Tartus", f.subtitle}, content, state, width, height);
    return s;
}

// Title, date, legend, scale bar, north arrow, attribution and footnotes in a conic view.
const test::CaseDriver conic("furniture_conic", [] {
    MapContent content = briefingContent();
    MapState state = conicLevant(kW, kH);
    state.time = model::TimeQuery{model::TimeMode::Cumulative, model::Date{2015, 9, 30}.firstDay(), 30};
    Scene s = furnishedScene(content, state, kW, kH);
    return test::renderer().renderToImage(s, kW, kH);
});

// Web Mercator has no north arrow, a plain legend and the footnote block.
const test::CaseDriver mercator("furniture_mercator", [] {
    MapContent content = briefingContent();
    MapState state;
    state.projection = "EPSG:3857";
    state.view = fitBox(geo::Projection::webMercator(), geo::BBox{34, 32, 39, 36.5}, kW, kH);
    Scene s = buildMapScene(content, state, kW, kH);
    model::Furniture f;
    f.legend.corner = model::Corner::BottomLeft;
    f.title.corner = model::Corner::TopCenter;
    addFurniture(s, f, FurnitureText{"Coastal Syria", ""}, content, state, kW, kH);
    return test::renderer().renderToImage(s, kW, kH);
});

}  // namespace

TEST_CASE("furniture: a large scaled export drawn in tiles equals the same image drawn whole") {
    // 960x640 at scale 2 is the 480x320 map at twice the resolution; tiles of 200 pixels cut
    // through panels, text and the arrow, which must join without a seam.
    MapContent content = briefingContent();
    MapState state = conicLevant(kW, kH);
    Scene s = furnishedScene(content, state, kW, kH);
    render::Renderer& r = test::renderer();
    render::Image whole = r.renderToImage(s, 2 * kW, 2 * kH, 2);
    r.setMaxTileSize(200);
    render::Image tiled = r.renderToImage(s, 2 * kW, 2 * kH, 2);
    r.setMaxTileSize(1 << 30);
    CHECK(r.stats().tilesDrawn > 0);
    CHECK(test::differingPixels(whole, tiled, 2) == 0);
    // Text and boxes scale with the factor: the title's panel is twice as large.
    render::FontAtlas font(render::defaultFont());
    const auto& layer = std::get<ScreenLayer>(s.layers.back().content);
    font.require(render::screenFontSizes(layer, 1), render::screenTexts(layer));
    font.require(render::screenFontSizes(layer, 2), render::screenTexts(layer));
    auto one = render::layoutScreen(layer, kW, kH, 1, font);
    auto two = render::layoutScreen(layer, 2 * kW, 2 * kH, 2, font);
    REQUIRE(one.panels.size() == two.panels.size());
    double w1 = one.panels[0].x1 - one.panels[0].x0, w2 = two.panels[0].x1 - two.panels[0].x0;
    CHECK(w2 / w1 == doctest::Approx(2).epsilon(0.06));
}
