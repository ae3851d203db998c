// The briefing map scene: which mentions show (timeline, layer styles), where they land, what a
// click picks, and how the map looks: the cases map_timeline_window and map_briefing_levant
// (tests/render/cases/, each with its allowance: a moved marker, hatch or label fails). Cases on
// the real geodata fail when it has not been built.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <random>

#include "core/geo/projection.h"
#include "core/model/briefing.h"
#include "real_data.h"
#include "render/render_harness.h"
#include "scene/content_loader.h"
#include "scene/map_scene.h"
#include "scene/scene_index.h"

using namespace cmap;
using namespace cmap::scene;

namespace {

constexpr int kW = 256;
constexpr int kH = 160;

model::ResolvedPlace city(const std::string& name, double lon, double lat) {
    model::ResolvedPlace p;
    p.name = name;
    p.kind = geo::PlaceKind::City;
    p.point = {lon, lat};
    p.box.extend(p.point);
    return p;
}

// A document of one event per place, each dated as given (nullopt: undated).
std::shared_ptr<const model::Document> document(
    const std::string& file, const std::vector<std::pair<model::ResolvedPlace, std::optional<model::Date>>>& items,
    model::EventCategory category = model::EventCategory::Other) {
    auto doc = std::make_shared<model::Document>();
    doc->file = file;
    for (const auto& [place, date] : items) {
        model::Mention m;
        m.place = place;
        m.text = place.name;
        if (date) m.date = model::DateRange::of(*date);
        m.event = static_cast<uint32_t>(doc->events.size());
        model::Event e;
        e.date = m.date;
        e.category = category;
        e.mentions.push_back(static_cast<uint32_t>(doc->mentions.size()));
        doc->mentions.push_back(m);
        doc->events.push_back(e);
    }
    return doc;
}

// Plain lon/lat, 0.1 degree a pixel, centred on (36, 35): pixel = (128 + 10 (lon - 36), 80 - 10 (lat - 35)).
MapState plainState() {
    MapState s;
    s.projection = "EPSG:4326";
    s.view = View{{36, 35}, 0.1};
    return s;
}

model::TimeQuery window(const model::Date& d, int days) { return {model::TimeMode::Window, d.firstDay(), days}; }

}  // namespace

TEST_CASE("map scene: layer ids are stable strings") {
    CHECK(layerIdForArticle("a/b.txt") == "article:a/b.txt");
    CHECK(layerIdForCategory(model::EventCategory::Airstrike) == "category:airstrike");
    CHECK(defaultArticleStyle(0).rgba == 0xd62728ffu);
    CHECK(defaultArticleStyle(1).rgba != defaultArticleStyle(0).rgba);
}

TEST_CASE("map scene: the timeline sets each mention's opacity; undated mentions always show") {
    MapContent c;
    c.documents.push_back(document("a.txt", {{city("Homs", 36.72, 34.73), model::Date{2015, 9, 15}},
                                             {city("Damascus", 36.29, 33.51), model::Date{2015, 9, 0}},
                                             {city("Moscow", 37.62, 55.75), model::Date{2005, 1, 25}},
                                             {city("Latakia", 35.79, 35.53), std::nullopt}}));
    MapState s = plainState();
    CHECK(placeMentions(c, s, kW, kH).size() == 4);  // no time: everything

    s.time = model::TimeQuery{model::TimeMode::Cumulative, model::Date{2015, 9, 10}.firstDay(), 30};
    auto shown = placeMentions(c, s, kW, kH);
    REQUIRE(shown.size() == 3);  // Homs not yet
    CHECK(shown[0].ref.mention == 1);
    CHECK(shown[2].ref.mention == 3);

    s.time = window(model::Date{2005, 2, 15}, 60);
    shown = placeMentions(c, s, kW, kH);
    REQUIRE(shown.size() == 2);  // the Kremlin meeting, fading, and undated Latakia
    CHECK(shown[0].ref.mention == 2);
    CHECK(shown[0].opacity == doctest::Approx(1 - 21.0 / 61));
    CHECK(shown[1].opacity == 1);
    // Pixels follow the view: Latakia at (128 + 10 * -0.21, 80 - 10 * 0.53).
    CHECK(shown[1].pixel.x == doctest::Approx(125.9));
    CHECK(shown[1].pixel.y == doctest::Approx(74.7));
}

TEST_CASE("map scene: article and category layer styles hide, tint and fade mentions") {
    MapContent c;
    c.documents.push_back(document("a.txt", {{city("Homs", 36.72, 34.73), std::nullopt}}, model::EventCategory::Attack));
    c.documents.push_back(document("b.txt", {{city("Tartus", 35.89, 34.89), std::nullopt}}, model::EventCategory::Base));
    MapState s = plainState();
    auto shown = placeMentions(c, s, kW, kH);
    REQUIRE(shown.size() == 2);
    CHECK(shown[0].color == rgb(0xd62728));
    CHECK(shown[1].color == rgb(0x1f77b4));

    s.styles[layerIdForCategory(model::EventCategory::Attack)].visible = false;
    shown = placeMentions(c, s, kW, kH);
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].ref.document == 1);

    s.styles.clear();
    s.styles[layerIdForArticle("b.txt")] = model::LayerStyle{true, 0x00ff00ffu, 2.f, 0.5f, true};
    shown = placeMentions(c, s, kW, kH);
    REQUIRE(shown.size() == 2);
    CHECK(shown[1].color == rgb(0x00ff00));
    CHECK(shown[1].opacity == doctest::Approx(0.5));
    CHECK(shown[1].sizePx == doctest::Approx(2 * shown[0].sizePx));
    s.styles[layerIdForArticle("b.txt")].visible = false;
    CHECK(placeMentions(c, s, kW, kH).size() == 1);
}

TEST_CASE("map scene: the default view fits the mentions and leaves a far stray out") {
    MapContent c;
    std::vector<std::pair<model::ResolvedPlace, std::optional<model::Date>>> items = {
        {city("Latakia", 35.79, 35.53), std::nullopt}, {city("Tartus", 35.89, 34.89), std::nullopt},
        {city("Homs", 36.72, 34.73), std::nullopt},    {city("Damascus", 36.29, 33.51), std::nullopt},
        {city("Aleppo", 37.16, 36.20), std::nullopt},  {city("Moscow", 37.62, 55.75), std::nullopt},
        {city("Grozny", 45.69, 43.31), std::nullopt},  {city("New York", -74.0, 40.71), std::nullopt}};
    c.documents.push_back(document("a.txt", items));
    std::string projection = defaultProjection(c);
    MapState s;
    auto shown = placeMentions(c, s, 800, 500);
    REQUIRE(shown.size() == items.size());
    for (const PlacedMention& p : shown) {
        const std::string& name = c.documents[0]->mentions[p.ref.mention].place.name;
        INFO(name << " at " << p.pixel.x << "," << p.pixel.y);
        bool inside = p.pixel.x >= 0 && p.pixel.x <= 800 && p.pixel.y >= 0 && p.pixel.y <= 500;
        CHECK(inside == (name != "New York"));
    }
    // The default projection is the fitted one (a conic for this extent), not the web's.
    CHECK(projection.find("lcc") != std::string::npos);
}

TEST_CASE("map scene: a click picks the nearest marker within a few pixels") {
    MapContent c;
    c.documents.push_back(document("a.txt", {{city("Homs", 36.7, 34.7), std::nullopt}, {city("Hama", 36.75, 35.13), std::nullopt}}));
    MapState s = plainState();
    // Homs at (135, 83), Hama at (135.5, 78.7).
    auto hit = pickMention(c, s, kW, kH, 136, 84);
    REQUIRE(hit);
    CHECK(hit->mention == 0);
    hit = pickMention(c, s, kW, kH, 137, 77);
    REQUIRE(hit);
    CHECK(hit->mention == 1);
    CHECK(!pickMention(c, s, kW, kH, 150, 83));
}

TEST_CASE("map scene: a click inside an area picks the smallest area there") {
    MapContent c = test::briefingContent(false);
    MapState s;
    s.projection = "EPSG:4326";
    s.view = View{{44, 43.5}, 0.05};
    // Grozny, inside Chechnya inside the North Caucasus: the province, not the region.
    geo::Vec2 grozny = s.view->toPixel({45.69, 43.31}, kW, kH);
    auto hit = pickMention(c, s, kW, kH, grozny.x, grozny.y);
    REQUIRE(hit);
    CHECK(c.documents[hit->document]->mentions[hit->mention].place.name == "Chechnya");
    // Stavropol steppe: only the region.
    geo::Vec2 steppe = s.view->toPixel({42.5, 45.2}, kW, kH);
    hit = pickMention(c, s, kW, kH, steppe.x, steppe.y);
    REQUIRE(hit);
    CHECK(c.documents[hit->document]->mentions[hit->mention].place.name == "North Caucasus");
}

namespace {

// Map markers fade with the timeline window; shared places draw concentric.
const test::CaseDriver timelineWindow("map_timeline_window", [] {
    MapContent c;
    model::ResolvedPlace ring = city("Region without polygon", 39.0, 36.0);
    ring.kind = geo::PlaceKind::Region;
    c.documents.push_back(document("a.txt", {{city("Today", 33.0, 36.0), model::Date{2015, 9, 30}},
                                             {city("Ten days ago", 33.0, 34.0), model::Date{2015, 9, 20}},
                                             {city("Twenty days", 36.5, 33.0), model::Date{2015, 9, 10}},
                                             {city("Shared", 36.5, 36.5), model::Date{2015, 9, 0}},
                                             {ring, model::Date{2015, 9, 0}},
                                             {city("Gone", 30.0, 33.0), model::Date{2015, 8, 1}}}));
    c.documents.push_back(document("b.txt", {{city("Shared", 36.5, 36.5), model::Date{2015, 9, 0}}}));
    MapState s = plainState();
    s.time = window(model::Date{2015, 9, 30}, 30);
    return test::renderer().renderToImage(buildMapScene(c, s, kW, kH), kW, kH);
});

// The briefing map with markers, hatched region and province, and no basemap.
const test::CaseDriver briefingLevant("map_briefing_levant", [] {
    MapContent c = test::briefingContent(false);
    MapState s;
    s.projection = "EPSG:4326";
    s.view = View{{40.5, 39.5}, 0.1};
    return test::renderer().renderToImage(buildMapScene(c, s, kW, kH), kW, kH);
});

}  // namespace

// buildMapScene keeps nothing between calls: what it needs of the content beyond the frame (place
// numbers, area shapes, the default view) is the content's index, built once by makeMapContent.
TEST_CASE("map scene: the content's index gives the scene a bare content gives, and the same area shapes every frame") {
    MapContent c = test::briefingContent(false);
    REQUIRE(c.index);
    CHECK(c.index->indexes(c));
    MapState s;
    s.projection = "EPSG:4326";
    s.view = View{{40.5, 39.5}, 0.1};
    Scene a = buildMapScene(c, s, kW, kH);
    Scene b = buildMapScene(c, s, kW, kH);
    REQUIRE(a.layers.size() == b.layers.size());
    size_t areas = 0;
    for (size_t i = 0; i < a.layers.size(); ++i) {
        // Equal layers, feature sets by identity: the renderer's meshes and kept images serve.
        CHECK(a.layers[i].content == b.layers[i].content);
        if (std::holds_alternative<FillLayer>(a.layers[i].content)) ++areas;
    }
    CHECK(areas >= 2);  // the hatched region and province

    MapContent bare = c;
    bare.index = nullptr;  // content put together by hand: an index is made for the call
    Scene d = buildMapScene(bare, s, kW, kH);
    REQUIRE(d.layers.size() == a.layers.size());
    for (size_t i = 0; i < a.layers.size(); ++i) CHECK(d.layers[i].name == a.layers[i].name);
    CHECK(test::differingPixels(test::renderer().renderToImage(a, kW, kH),
                                test::renderer().renderToImage(d, kW, kH), 0) == 0);
    CHECK(defaultProjection(bare) == defaultProjection(c));

    MapContent fewer = c;
    fewer.documents.pop_back();  // changed by hand: the index is no longer this content's
    CHECK_FALSE(c.index->indexes(fewer));
    CHECK(placeMentions(fewer, s, kW, kH).size() < placeMentions(c, s, kW, kH).size());
}

// buildMapScene finds the basemap towns a marker replaces through a name set and a latitude band
// (rather than comparing every town with every marker); this checks it against the plain rule on
// the real basemap: a town goes when a marked mention has its name or a marked town lies within
// 5 km; otherwise it moves, without its dot, to the last facility within 5 km.
TEST_CASE("map scene: basemap towns under markers, against comparing every town with every marker") {
    MapContent content = *scene::makeMapContent(test::realGeodata().get(), true, {}, {}, {}, {});
    MapState state;
    state.projection = "EPSG:4326";
    state.view = View{{44, 35}, 0.02};  // the Middle East, 0.02 degree a pixel
    const double w = 1200, h = 800;

    // The towns as the basemap has them: with no mention shown, none is touched.
    std::vector<Label> towns;
    for (const Layer& layer : buildMapScene(content, state, w, h).layers)
        if (const auto* l = std::get_if<LabelLayer>(&layer.content); l && l->marker)
            towns.insert(towns.end(), l->labels.begin(), l->labels.end());
    REQUIRE(towns.size() >= 8);

    auto poi = [](const std::string& name, double lon, double lat) {
        model::ResolvedPlace p = city(name, lon, lat);
        p.kind = geo::PlaceKind::Poi;
        return p;
    };
    const double kmLat = 1 / 111.2;  // degrees of latitude a kilometre
    std::vector<std::pair<model::ResolvedPlace, std::optional<model::Date>>> a, b;
    a.push_back({city(towns[0].text, 10, -40), std::nullopt});  // same name, far away
    a.push_back({city("Near town", towns[1].anchor.lon, towns[1].anchor.lat + 3 * kmLat), std::nullopt});
    a.push_back({poi("Base", towns[2].anchor.lon, towns[2].anchor.lat - 2 * kmLat), std::nullopt});
    a.push_back({poi("Base 1", towns[3].anchor.lon, towns[3].anchor.lat + 1 * kmLat), std::nullopt});
    b.push_back({poi("Base 2", towns[3].anchor.lon, towns[3].anchor.lat - 4 * kmLat), std::nullopt});  // the last
    a.push_back({poi("Far base", towns[4].anchor.lon, towns[4].anchor.lat + 6 * kmLat), std::nullopt});  // stays
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> lon(30, 58), lat(27, 43);
    for (int i = 0; i < 3000; ++i)
        (i % 2 ? a : b).push_back({i % 5 ? city("C" + std::to_string(i), lon(rng), lat(rng))
                                         : poi("F" + std::to_string(i), lon(rng), lat(rng)),
                                   std::nullopt});
    content.documents = {document("a.txt", a), document("b.txt", b)};

    std::vector<const model::Mention*> marked;
    for (const auto& doc : content.documents)
        for (const auto& m : doc->mentions) marked.push_back(&m);
    std::vector<std::string> kept;
    std::vector<std::pair<std::string, geo::LonLat>> moved;
    for (const Label& town : towns) {
        const model::Mention* facility = nullptr;
        bool gone = false;
        for (const model::Mention* m : marked) {
            bool near = geo::haversineKm(m->place.point, town.anchor) < 5;
            if (m->place.name == town.text || (near && m->place.kind == geo::PlaceKind::City)) gone = true;
            if (near) facility = m;
        }
        if (gone) continue;
        if (facility)
            moved.push_back({town.text, facility->place.point});
        else
            kept.push_back(town.text);
    }
    CHECK(moved.size() >= 2);

    std::vector<std::string> keptNow;
    std::vector<std::pair<std::string, geo::LonLat>> movedNow;
    for (const Layer& layer : buildMapScene(content, state, w, h).layers) {
        const auto* l = std::get_if<LabelLayer>(&layer.content);
        if (l && l->marker)
            for (const Label& t : l->labels) keptNow.push_back(t.text);
        if (l && layer.name == "towns at marked facilities")
            for (const Label& t : l->labels) movedNow.push_back({t.text, t.anchor});
    }
    CHECK(keptNow == kept);
    REQUIRE(movedNow.size() == moved.size());
    for (size_t i = 0; i < moved.size(); ++i) {
        CHECK(movedNow[i].first == moved[i].first);
        CHECK(movedNow[i].second.lon == moved[i].second.lon);
        CHECK(movedNow[i].second.lat == moved[i].second.lat);
    }
}
