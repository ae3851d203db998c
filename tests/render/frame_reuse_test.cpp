// The frame-reuse planner decides, from plain data, what a frame takes from the kept images: these
// tests run in the unit test binary, with no GL context. (That what it plans draws the same pixels
// as a frame drawn whole is frame_cache_test.cpp's, with a context.)
#include <doctest/doctest.h>

#include <vector>

#include "core/model/event_table.h"
#include "render/frame_reuse.h"
#include "render/renderer.h"

using namespace cmap;
using render::FrameFacts;
using render::FramePlan;
using render::FrameReuse;

namespace {

// A scene like a scrubbed briefing: sea and land (the backdrop), an area, markers, labels.
scene::Scene scrubbed(float areaAlpha = 0.2f, int markers = 1) {
    scene::Scene s;
    s.projection = "EPSG:4326";
    s.view = scene::View{{0, 0}, 0.25};
    s.add("sea", scene::GlobeLayer{scene::rgb(0xdde7ec)});
    s.add("land", scene::FillLayer{nullptr, scene::rgb(0xf3f0e8), {}, std::nullopt});
    s.add("borders", scene::LineLayer{nullptr, scene::rgb(0x6b6b6b), 0.9f});
    s.backdrop = 3;
    s.add("area", scene::FillLayer{nullptr, scene::rgb(0xd62728, areaAlpha), {}, std::nullopt});
    scene::PointLayer points;
    for (int i = 0; i < markers; ++i) points.points.push_back({{1.0 * i, 0}, 11, scene::rgb(0x1f77b4)});
    s.add("markers", std::move(points));
    s.add("labels", scene::LabelLayer{});
    return s;
}

// The facts of s at 200x100 as the renderer states them (drawn: every layer not drawn last).
struct Facts {
    std::vector<size_t> drawn;
    FrameFacts facts;
    Facts(const scene::Scene& s, bool singleTile = true, bool keepImages = true) {
        for (size_t i = 0; i < s.layers.size(); ++i)
            if (!render::drawnLast(s.layers[i])) drawn.push_back(i);
        facts.layers = s.layers;
        facts.drawn = drawn;
        facts.backdrop = s.backdrop;
        facts.context = render::contextOf(s, 200, 100, 1);
        facts.singleTile = singleTile;
        facts.keepImages = keepImages;
        for (const scene::Layer& l : s.layers)
            if (std::holds_alternative<scene::ScreenLayer>(l.content)) facts.furniture = true;
    }
};

// Plans a frame of s and records it as finished (drawn in one tile), as the renderer does.
FramePlan drawFrame(FrameReuse& reuse, const scene::Scene& s) {
    Facts f(s);
    FramePlan plan = reuse.plan(f.facts);
    reuse.frameOverwritten();
    reuse.finish(f.facts, plan, 0, 0);
    return plan;
}

scene::Scene withEvents(const model::EventTablePtr& table, model::TimeMode mode, int day) {
    scene::Scene s = scrubbed();
    scene::EventLayer events;
    events.events = table;
    events.time = model::TimeQuery{mode, day, 30};
    s.layers.insert(s.layers.begin() + 4, scene::Layer{"events", events});
    return s;
}

}  // namespace

TEST_CASE("frame reuse: a first frame keeps every drawn layer, and the backdrop on the way") {
    FrameReuse reuse;
    scene::Scene s = scrubbed();
    FramePlan p = drawFrame(reuse, s);
    CHECK(p.reuseBase == 0);
    CHECK(p.storeBase == 5);  // sea, land, borders, area, markers (labels are drawn last)
    CHECK(p.storeBackdrop == 3);
    CHECK(p.reuseBackdrop == 0);
    CHECK_FALSE(p.reuseUnder);
    CHECK_FALSE(p.storeUnder);  // no furniture
}

TEST_CASE("frame reuse: the same layers again come from the base image") {
    FrameReuse reuse;
    scene::Scene s = scrubbed();
    drawFrame(reuse, s);
    FramePlan p = drawFrame(reuse, s);
    CHECK(p.reuseBase == 5);
    CHECK(p.storeBase == 0);
    render::RenderStats stats;
    render::countPlan(p, stats);
    CHECK(stats.baseReused == 1);
    CHECK(stats.baseDrawn == 0);
}

TEST_CASE("frame reuse: a changed layer cuts the base image before it, at a run boundary") {
    FrameReuse reuse;
    drawFrame(reuse, scrubbed(0.2f, 1));
    SUBCASE("new markers: the layers under them stay") {
        FramePlan p = drawFrame(reuse, scrubbed(0.2f, 2));
        CHECK(p.reuseBase == 0);
        CHECK(p.storeBase == 4);  // sea .. area kept again, the markers drawn over them
        CHECK(p.reuseBackdrop == 3);
        FramePlan next = drawFrame(reuse, scrubbed(0.2f, 3));
        CHECK(next.reuseBase == 4);
    }
    SUBCASE("a changed area: the backdrop under it serves, the area and markers are drawn") {
        FramePlan p = drawFrame(reuse, scrubbed(0.5f, 1));
        CHECK(p.reuseBase == 0);
        CHECK(p.storeBase == 3);
        CHECK(p.reuseBackdrop == 3);
    }
}

TEST_CASE("frame reuse: a cut never splits a run of fills") {
    FrameReuse reuse;
    scene::Scene a = scrubbed();
    a.layers.erase(a.layers.begin() + 2);  // no borders: sea, land, area are one run of fills
    a.backdrop = 2;
    drawFrame(reuse, a);
    scene::Scene b = a;
    std::get<scene::FillLayer>(b.layers[2].content).color.a = 0.9f;  // the area changed
    FramePlan p = drawFrame(reuse, b);
    // Sea and land are the same, but the run goes on to the area: it is drawn whole, and with no
    // cut before the change, nothing is kept.
    CHECK(p.reuseBase == 0);
    CHECK(p.reuseBackdrop == 0);
    CHECK(p.storeBackdrop == 0);
    CHECK(p.storeBase == 0);
    CHECK(drawFrame(reuse, b).storeBase == 4);  // the next frame keeps it all again
}

TEST_CASE("frame reuse: another view or size shares nothing") {
    FrameReuse reuse;
    scene::Scene s = scrubbed();
    drawFrame(reuse, s);
    s.view.center.x += 1;
    FramePlan p = drawFrame(reuse, s);
    CHECK(p.reuseBase == 0);
    CHECK(p.reuseBackdrop == 0);
    CHECK(p.storeBase == 5);
}

TEST_CASE("frame reuse: tiled images and setKeepImages(false) keep nothing") {
    FrameReuse reuse;
    scene::Scene s = scrubbed();
    Facts tiled(s, false), unkept(s, true, false);
    for (const FrameFacts* f : {&tiled.facts, &unkept.facts}) {
        FramePlan p = reuse.plan(*f);
        CHECK(p.reuseBase == 0);
        CHECK(p.storeBase == 0);
        CHECK(p.storeBackdrop == 0);
        CHECK_FALSE(p.storeUnder);
    }
    reuse.finish(tiled.facts, {}, 0, 0);
    CHECK(reuse.sameAsFinished(s.layers, tiled.facts.context) == nullptr);
}

TEST_CASE("frame reuse: the finished frame serves an equal scene only") {
    FrameReuse reuse;
    scene::Scene s = scrubbed();
    Facts f(s);
    reuse.finish(f.facts, reuse.plan(f.facts), 7, 2);
    const render::FinishedFrame* k = reuse.sameAsFinished(s.layers, f.facts.context);
    REQUIRE(k != nullptr);
    CHECK(k->labelsPlaced == 7);
    CHECK(k->labelsDropped == 2);
    scene::Scene renamed = s;
    renamed.layers[0].name = "ocean";  // names do not draw
    CHECK(reuse.sameAsFinished(renamed.layers, f.facts.context) != nullptr);
    scene::Scene moved = scrubbed(0.2f, 2);
    CHECK(reuse.sameAsFinished(moved.layers, f.facts.context) == nullptr);
    CHECK(reuse.sameAsFinished(s.layers, render::contextOf(s, 201, 100, 1)) == nullptr);
    reuse.frameOverwritten();
    CHECK(reuse.sameAsFinished(s.layers, f.facts.context) == nullptr);
}

TEST_CASE("frame reuse: lost images and another projection forget what they showed") {
    FrameReuse reuse;
    scene::Scene s = scrubbed();
    drawFrame(reuse, s);
    reuse.imagesLost();
    CHECK(drawFrame(reuse, s).reuseBase == 0);
    reuse.projectionChanged();
    CHECK(drawFrame(reuse, s).reuseBase == 0);
    CHECK(drawFrame(reuse, s).reuseBase == 5);
}

TEST_CASE("frame reuse: cumulative events advance over the base image; other modes do not") {
    auto table = std::make_shared<model::EventTable>();
    FrameReuse reuse;
    SUBCASE("cumulative, a later day: the days since are drawn over the kept image") {
        drawFrame(reuse, withEvents(table, model::TimeMode::Cumulative, 10));
        // The first frame keeps every layer; the next one with new markers keeps through the events.
        drawFrame(reuse, [&] {
            scene::Scene s = withEvents(table, model::TimeMode::Cumulative, 10);
            std::get<scene::PointLayer>(s.layers[5].content).points.clear();
            return s;
        }());
        FramePlan p = drawFrame(reuse, withEvents(table, model::TimeMode::Cumulative, 12));
        CHECK(p.reuseBase == 5);  // sea, land, borders, area, events
        REQUIRE(p.advancedFrom.has_value());
        CHECK(*p.advancedFrom == 10);
        FramePlan back = drawFrame(reuse, withEvents(table, model::TimeMode::Cumulative, 11));
        CHECK_FALSE(back.advancedFrom.has_value());  // an earlier day is not the kept one and more
    }
    SUBCASE("window mode: events are drawn, never advanced") {
        drawFrame(reuse, withEvents(table, model::TimeMode::Window, 10));
        drawFrame(reuse, withEvents(table, model::TimeMode::Window, 10));
        FramePlan p = drawFrame(reuse, withEvents(table, model::TimeMode::Window, 12));
        CHECK_FALSE(p.advancedFrom.has_value());
        CHECK(p.reuseBase == 0);
        CHECK(p.storeBase == 4);  // the layers under the events, over the kept backdrop
        CHECK(p.reuseBackdrop == 3);
    }
}

TEST_CASE("frame reuse: furniture over a still view keeps the image under it, then only changed panels") {
    FrameReuse reuse;
    scene::Scene s = scrubbed();
    s.add("furniture", scene::ScreenLayer{});
    render::ScreenGeometry stamp;  // two panels: a title at the top left, a date stamp at the bottom right
    stamp.panels = {{10, 10, 60, 30}, {140, 70, 190, 90}};
    stamp.triangleEnds = {0, 0};
    stamp.glyphs.resize(6, render::GlyphVertex{1, 2, 0, 0, {0, 0, 0, 255}});
    stamp.glyphEnds = {3, 6};
    auto frame = [&](const render::ScreenGeometry& g) {
        Facts f(s);
        f.facts.screen = &g;
        FramePlan p = reuse.plan(f.facts);
        reuse.frameOverwritten();
        reuse.finish(f.facts, p, 0, 0);
        return p;
    };
    FramePlan first = frame(stamp);
    CHECK_FALSE(first.storeUnder);  // no view before it to have stood still in
    FramePlan second = frame(stamp);
    CHECK(second.storeUnder);
    CHECK_FALSE(second.reuseUnder);
    FramePlan third = frame(stamp);
    CHECK(third.reuseUnder);
    CHECK(third.panelsOnly);  // every panel the same: none drawn again
    CHECK(third.changedPanels.empty());
    CHECK(third.panelsKept == 2);

    render::ScreenGeometry nextDay = stamp;
    nextDay.glyphs[4].x = 5;  // the date stamp's text changed
    FramePlan fourth = frame(nextDay);
    CHECK(fourth.reuseUnder);
    CHECK(fourth.panelsOnly);
    CHECK(fourth.changedPanels == std::vector<size_t>{1});
    REQUIRE(fourth.restored.size() == 2);  // the stamp's box then and now
    CHECK(fourth.restored[0].x0 == 139);
    CHECK(fourth.restored[0].x1 == 191);
    CHECK(fourth.panelsKept == 1);

    render::ScreenGeometry grown = nextDay;
    grown.panels[1] = {50, 20, 190, 90};  // the stamp now reaches the title: every panel is drawn
    FramePlan fifth = frame(grown);
    CHECK(fifth.reuseUnder);
    CHECK_FALSE(fifth.panelsOnly);

    s.layers[4] = scene::Layer{"markers", scene::PointLayer{}};  // the map changed under the furniture
    FramePlan sixth = frame(grown);
    CHECK_FALSE(sixth.reuseUnder);
    CHECK(sixth.storeUnder);
}

TEST_CASE("frame reuse: panelReach covers every pixel a panel's drawing touches") {
    render::ImageBox r = render::panelReach({10.5f, 20.2f, 30.1f, 40.9f});
    CHECK(r.x0 == 9);
    CHECK(r.y0 == 19);
    CHECK(r.x1 == 32);
    CHECK(r.y1 == 42);
    CHECK(render::panelReach({5, 5, 5, 9}).empty());  // nothing to show
}
