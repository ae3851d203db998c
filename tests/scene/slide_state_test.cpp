// Slides as map states: what presentation mode and `export --slide` draw. The built-in briefing's
// slides each show their part of the story on the real geodata.
#include "scene/slide_state.h"

#include <doctest/doctest.h>

#include <set>

#include "core/geo/projection.h"
#include "core/model/briefing.h"
#include "real_data.h"

using namespace cmap;
using namespace cmap::scene;

namespace {

constexpr double kW = 1600, kH = 1000;

MapContent briefingContent() {
    MapContent c;
    c.gazetteer = test::realGazetteer();
    for (auto& bd : model::briefingDocuments(model::builtinBriefing(), c.gazetteer.get()))
        c.documents.push_back(std::make_shared<const model::Document>(std::move(bd.document)));
    return c;
}

// The places a slide shows inside a kW x kH image.
std::set<std::string> shownPlaces(const model::Slide& slide, const MapContent& c) {
    std::set<std::string> out;
    for (const PlacedMention& p : placeMentions(c, slideMapState(slide, c, {}, kW, kH), kW, kH))
        if (p.pixel.x >= 0 && p.pixel.x < kW && p.pixel.y >= 0 && p.pixel.y < kH)
            out.insert(c.documents[p.ref.document]->mentions[p.ref.mention].place.name);
    return out;
}

}  // namespace

TEST_CASE("the built-in briefing's slides each show their part of the story") {
    const auto& slides = model::builtinBriefing().slides;
    REQUIRE(slides.size() >= 3);
    MapContent c = briefingContent();
    for (const model::Slide& s : slides) {
        CAPTURE(s.title);
        CHECK_FALSE(s.title.empty());
        CHECK_FALSE(s.notes.empty());
        CHECK_FALSE(shownPlaces(s, c).empty());
    }
    std::set<std::string> coast = shownPlaces(slides[0], c);
    CHECK(coast.count("Latakia"));
    CHECK(coast.count("Tartus naval facility"));
    CHECK(coast.count("Bassel al-Assad International Airport"));
    CHECK_FALSE(coast.count("Moscow"));  // zoomed on the coast
    std::set<std::string> region = shownPlaces(slides[1], c);
    for (const char* place : {"North Caucasus", "Central Asia", "Chechnya", "Latakia", "Greece"}) {
        CAPTURE(place);
        CHECK(region.count(place));
    }
    // The 2005-2006 meetings, and nothing of 2015.
    CHECK(shownPlaces(slides[2], c) == std::set<std::string>{"Moscow", "Moscow Kremlin"});
}

TEST_CASE("a slide's state: its projection, view, time and visibility over the workspace's styles") {
    MapContent c = briefingContent();
    model::Slide s;
    s.view = {"EPSG:3857", 36, 35, 500};
    s.timeline = {model::TimeMode::Window, model::Date{2015, 9, 0}, 10};
    s.layers["category:base"] = false;
    std::map<std::string, model::LayerStyle> styles;
    styles["category:base"] = model::LayerStyle{true, 0x11223344, 2, 0.5f, false};
    std::string firstArticle = layerIdForArticle(c.documents[1]->file);
    s.layers[firstArticle] = false;

    MapState state = slideMapState(s, c, styles, kW, kH);
    CHECK(state.projection == "EPSG:3857");
    REQUIRE(state.view);
    geo::Vec2 at = geo::Projection::create("EPSG:3857").forward(geo::LonLat{36, 35});
    CHECK(state.view->center.x == doctest::Approx(at.x));
    CHECK(state.view->unitsPerPixel == 500);
    REQUIRE(state.time);
    CHECK(state.time->mode == model::TimeMode::Window);
    CHECK(state.time->day == model::Date{2015, 9, 30}.firstDay());  // a month's slide shows its end
    CHECK(state.time->windowDays == 10);
    // Hidden, but keeping the workspace's colour; an article hidden keeps its palette colour.
    CHECK_FALSE(state.styles["category:base"].visible);
    CHECK(state.styles["category:base"].rgba == 0x11223344);
    CHECK_FALSE(state.styles[firstArticle].visible);
    CHECK(state.styles[firstArticle].rgba == defaultArticleStyle(1).rgba);

    // A slide without a scale fits the data; without a date it shows everything.
    MapState fit = slideMapState(model::Slide{}, c, {}, kW, kH);
    CHECK_FALSE(fit.view);
    CHECK_FALSE(fit.time);
    CHECK(fit.projection.empty());
}

TEST_CASE("a slide made from a state gives that state back") {
    MapContent c = briefingContent();
    MapState now;
    now.view = View{geo::Projection::create(defaultProjection(c)).forward(geo::LonLat{37, 36}), 800};
    now.time = model::TimeQuery{model::TimeMode::AsOf, model::Date{2015, 9, 20}.firstDay(), 45};
    now.styles["category:base"].visible = false;
    model::Slide s = slideFromState(now, c, kW, kH);
    CHECK(s.view.centerLon == doctest::Approx(37));
    CHECK(s.view.centerLat == doctest::Approx(36));
    CHECK(s.timeline.date == model::Date{2015, 9, 20});
    // Every layer's visibility is recorded, so the slide shows the same whatever changes later.
    CHECK(s.layers.size() == c.documents.size() + 6);  // base, deployment, attack, meeting, statement, other
    CHECK_FALSE(s.layers.at("category:base"));
    CHECK(s.layers.at(layerIdForArticle(c.documents[0]->file)));

    MapState back = slideMapState(s, c, now.styles, kW, kH);
    REQUIRE(back.view);
    CHECK(back.view->center.x == doctest::Approx(now.view->center.x).epsilon(1e-9));
    CHECK(back.view->center.y == doctest::Approx(now.view->center.y).epsilon(1e-9));
    CHECK(back.view->unitsPerPixel == 800);
    CHECK(back.time->day == now.time->day);
    CHECK(back.time->mode == now.time->mode);
    CHECK(placeMentions(c, back, kW, kH).size() == placeMentions(c, now, kW, kH).size());
}

TEST_CASE("a slide shows the area it was framed on at any size") {
    MapContent c = briefingContent();
    MapState now;
    now.view = View{geo::Projection::create(defaultProjection(c)).forward(geo::LonLat{37, 36}), 800};
    model::Slide s = slideFromState(now, c, 800, 500);
    CHECK(s.view.width == 800);
    CHECK(s.view.height == 500);
    auto scaleAt = [&](double w, double h) { return slideMapState(s, c, {}, w, h).view->unitsPerPixel; };
    CHECK(scaleAt(800, 500) == 800);
    CHECK(scaleAt(1600, 1000) == 400);  // a 4K-style export: same area, finer
    CHECK(scaleAt(800, 1000) == 800);   // taller: the width still fits, more map above and below
    CHECK(scaleAt(400, 500) == 1600);   // narrower: the width fits, more map above and below
    CHECK(slideMapState(s, c, {}, 1600, 1000).view->center.x == doctest::Approx(now.view->center.x));

    // A slide from a file written before views kept their size keeps its scale at any size.
    s.view.width = s.view.height = 0;
    CHECK(scaleAt(1600, 1000) == 800);
}
