// The renderer keeps the image of the leading layers that did not change (the basemap while the
// timeline scrubs) and the halo of labels that did not move. Both must be invisible: a frame
// drawn from kept images is the same bytes as one drawn from scratch by a fresh renderer (a
// stricter check than the render tests' tolerance, since screen and export share this path).
// Imported events in cumulative mode are kept with the base image and brought forward by drawing
// only the days since; other modes draw only the rows their time query can show.
// A scene equal to the last one drawn copies the whole finished frame, and only then; one whose
// furniture alone changed draws only the furniture, over the kept image of the rest, and of the
// furniture only the panels that changed. The scene's
// backdrop (its basemap) is kept apart, for when a new layer comes in among the base image's.
#include <doctest/doctest.h>

#include <glad/gl.h>

#include <cstring>
#include <filesystem>
#include <random>
#include <variant>
#include <vector>

#include "core/model/briefing.h"
#include "core/model/event_table.h"
#include "real_data.h"
#include "render/render_harness.h"
#include "scene/content_loader.h"
#include "scene/map_scene.h"

using namespace cmap;

namespace {

// A basemap-like scene (sea, graticule, land, borders, towns) with mentions that change with
// `day`: a fading hatched area, its outline and markers, labelled.
scene::Scene scrubbed(int day) {
    static auto land = test::polygons({{{{-20, -12}, {6, -14}, {18, 4}, {-4, 15}, {-22, 2}}},
                                       {{{8, 6}, {24, 8}, {22, 16}, {10, 14}}}});
    static auto area = test::polygons({{{{-8, -6}, {4, -7}, {6, 3}, {-6, 5}}}});
    scene::Scene s;
    s.projection = "EPSG:4326";
    s.view = scene::View{{0, 0}, 0.25};
    s.background = scene::rgb(0xfbfbf9);
    s.add("sea", scene::GlobeLayer{scene::rgb(0xdde7ec)});
    s.add("graticule", scene::GraticuleLayer{10, scene::rgb(0x5a7a8c, 0.3f), 0.6f});
    s.add("land", scene::FillLayer{land, scene::rgb(0xf3f0e8), {}, std::nullopt});
    s.add("borders", scene::LineLayer{land, scene::rgb(0x6b6b6b), 0.9f});
    scene::LabelLayer towns;
    towns.marker = scene::LabelMarker{};
    for (int i = 0; i < 6; ++i)
        towns.labels.push_back({"Town " + std::to_string(i), {-18.0 + 7 * i, -9.0 + 3 * i}, static_cast<float>(i), 11});
    s.add("towns", std::move(towns));

    float fade = static_cast<float>(10 - day % 10) / 10;
    scene::Hatch hatch{scene::rgb(0xd62728, 0.6f * fade), 7, 1.3f, 45};
    s.add("area", scene::FillLayer{area, scene::rgb(0xd62728, 0.16f * fade), {}, hatch});
    s.add("area outline", scene::LineLayer{area, scene::rgb(0xd62728, 0.75f * fade), 1.2f});
    scene::PointLayer markers;
    for (int i = 0; i <= day % 4; ++i) markers.points.push_back({{-2.0 + 3 * i, 1.0 - i}, 11, scene::rgb(0x1f77b4)});
    s.add("markers", std::move(markers));
    scene::LabelLayer mentions;
    mentions.labels.push_back({"Mentioned", {-2, 1}, 100, 13, scene::rgb(0x1a1a1a, fade)});
    s.add("mention labels", std::move(mentions));
    return s;
}

void checkSameAsFresh(render::Renderer& kept, const scene::Scene& s, int w, int h) {
    render::Image drawn = kept.renderToImage(s, w, h);
    render::Renderer fresh;
    render::Image expected = fresh.renderToImage(s, w, h);
    CHECK(test::differingPixels(expected, drawn, 0) == 0);
}

}  // namespace

TEST_CASE("render: without kept images every frame is drawn whole, to the same pixels, in tiles too") {
    test::renderer();  // the GL context
    render::Renderer kept, whole;
    whole.setKeepImages(false);
    const int w = 240, h = 160;
    for (int day = 0; day < 3; ++day) {
        CAPTURE(day);
        const render::Image a = kept.renderToImage(scrubbed(day), w, h);
        CHECK(test::differingPixels(a, whole.renderToImage(scrubbed(day), w, h), 0) == 0);
    }
    CHECK(whole.stats().baseDrawn == 0);
    CHECK(whole.stats().baseReused == 0);
    CHECK(whole.stats().backdropReused == 0);
    // In tiles too (each read back into its place in the image, its rows turned over there).
    kept.setMaxTileSize(64);
    whole.setMaxTileSize(64);
    CHECK(test::differingPixels(kept.renderToImage(scrubbed(5), w, h), whole.renderToImage(scrubbed(5), w, h), 0) == 0);
}

TEST_CASE("render: a frame drawn from the kept base image and halos equals one drawn from scratch") {
    test::renderer();  // the GL context
    render::Renderer r;
    const int w = 240, h = 160;
    r.renderToImage(scrubbed(0), w, h);  // keeps every layer: nothing known to stay yet
    r.renderToImage(scrubbed(1), w, h);  // the mentions changed: keeps the basemap only
    size_t reused = r.stats().baseReused;
    size_t halos = r.stats().halosDrawn;
    for (int day = 2; day < 6; ++day) {
        CAPTURE(day);
        checkSameAsFresh(r, scrubbed(day), w, h);
    }
    CHECK(r.stats().baseReused == reused + 4);
    // The towns' names never moved, so their halo was never drawn again; the mention label's
    // at most once a frame (the markers beside it come and go).
    CHECK(r.stats().halosDrawn <= halos + 4);

    // A moved view draws everything again, and still equals a fresh frame.
    scene::Scene moved = scrubbed(6);
    moved.view.center.x += 0.5;
    checkSameAsFresh(r, moved, w, h);
    CHECK(r.stats().baseReused == reused + 4);
}

TEST_CASE("render: layers that stayed the same over the base image join it, and the next frame draws over them") {
    test::renderer();
    render::Renderer r;
    const int w = 240, h = 160;
    // Day 1's area, with one more marker every frame: the area stays, the markers change.
    auto withMarkers = [](int n) {
        scene::Scene s = scrubbed(1);
        for (auto& layer : s.layers)
            if (auto* markers = std::get_if<scene::PointLayer>(&layer.content))
                for (int i = 0; i < n; ++i) markers->points.push_back({{-20.0 + 4 * i, -8.0}, 9, scene::rgb(0x2ca02c)});
        return s;
    };
    r.renderToImage(scrubbed(0), w, h);
    r.renderToImage(scrubbed(1), w, h);  // the area faded: the base image keeps the basemap alone
    const render::RenderStats before = r.stats();
    checkSameAsFresh(r, withMarkers(1), w, h);  // the area as the frame before drew it: kept too
    CHECK(r.stats().baseGrown == before.baseGrown + 1);
    checkSameAsFresh(r, withMarkers(2), w, h);  // drawn over the basemap and the area, kept
    CHECK(r.stats().baseReused == before.baseReused + 2);
    CHECK(r.stats().baseGrown == before.baseGrown + 1);
}

TEST_CASE("render: a town that comes and goes redraws the halo round it only, the same as from scratch") {
    test::renderer();
    render::Renderer r;
    const int w = 240, h = 160;
    // Six towns well apart, one of them left out on odd days, as a town gives way to a new
    // mention's name.
    auto withTowns = [](int day) {
        scene::Scene s = scrubbed(0);
        auto& towns = std::get<scene::LabelLayer>(s.layers[4].content).labels;
        towns.clear();
        for (int i = 0; i < 6; ++i) {
            if (day % 2 && i == 4) continue;
            towns.push_back({"Town " + std::to_string(i), {-26.0 + 17 * (i % 3), -12.0 + 20 * (i / 3)}, 1, 11});
        }
        return s;
    };
    r.renderToImage(withTowns(0), w, h);
    for (int day = 1; day < 4; ++day) {
        CAPTURE(day);
        size_t drawn = r.stats().haloLabelsDrawn;
        checkSameAsFresh(r, withTowns(day), w, h);
        CHECK(r.stats().labelsPlaced == (day % 2 ? 5u : 6u) + 1);  // every town, and the mention
        // The town that came (none when it went), not the five or six of the whole layer.
        CHECK(r.stats().haloLabelsDrawn - drawn <= 1);
    }
}

TEST_CASE("render: a layer that comes in among the base image's draws over the kept backdrop, the same as from scratch") {
    test::renderer();
    render::Renderer r;
    const int w = 240, h = 160;
    auto withBackdrop = [](scene::Scene s) {
        s.backdrop = 5;  // sea, graticule, land, borders, towns
        return s;
    };
    r.renderToImage(withBackdrop(scrubbed(0)), w, h);
    // The area stayed, the markers changed: the base image keeps the basemap and the area, the
    // backdrop image the basemap alone.
    r.renderToImage(withBackdrop(scrubbed(10)), w, h);
    const size_t reused = r.stats().backdropReused;
    // A larger area comes in under the first, as map scenes order them.
    scene::Scene s = withBackdrop(scrubbed(11));
    static auto larger = test::polygons({{{{-14, -10}, {10, -11}, {12, 8}, {-12, 9}}}});
    s.layers.insert(s.layers.begin() + 5,
                    scene::Layer{"larger area", scene::FillLayer{larger, scene::rgb(0x1f77b4, 0.16f), {}, std::nullopt}});
    checkSameAsFresh(r, s, w, h);
    CHECK(r.stats().backdropReused == reused + 1);
}

TEST_CASE("render: the briefing map while scrubbing equals a fresh frame, day after day") {
    const scene::MapContent content = test::briefingContent(true);
    test::renderer();
    render::Renderer r;
    const int w = 320, h = 200;
    // Window mode from the day of the Homs strike (a day-precision event): it fades a little every
    // day, so every frame has something new on top. (Month-precision mentions do not fade within
    // their month: days before it would be whole frames copied, not the base image.)
    for (int day = model::Date{2015, 9, 15}.firstDay(), n = 0; n < 5; ++day, ++n) {
        CAPTURE(n);
        scene::MapState state;
        state.time = model::TimeQuery{model::TimeMode::Window, day, 10};
        scene::Scene s = scene::buildMapScene(content, state, w, h);
        if (n < 2) r.renderToImage(s, w, h);
        else checkSameAsFresh(r, s, w, h);
    }
    CHECK(r.stats().baseReused >= 3);
}

// 3,000 events over 40 days from day 20000, spread over lon -30..30 (the far half beyond an
// orthographic view's horizon centred at 90E, lon 0), every 25th lasting five days.
model::EventTablePtr syntheticEvents() {
    static model::EventTablePtr table = [] {
        std::mt19937 rng(11);
        std::uniform_real_distribution<float> lon(-30, 30), lat(-12, 12);
        std::vector<model::EventRow> rows;
        for (int i = 0; i < 3000; ++i) {
            model::EventRow r;
            r.lon = lon(rng);
            r.lat = lat(rng);
            r.firstDay = 20000 + static_cast<int>(rng() % 40);
            r.lastDay = r.firstDay + (i % 25 == 0 ? 5 : 0);
            r.category = static_cast<model::EventCategory>(i % 7);
            rows.push_back(r);
        }
        return std::make_shared<const model::EventTable>(model::EventTable::build("synthetic.csv", std::move(rows), {"s"}));
    }();
    return table;
}

// The scrubbed scene at `day` with the events over its basemap, shown as `mode` says.
scene::Scene withEvents(int day, model::TimeMode mode, const std::string& projection = "EPSG:4326") {
    scene::Scene s = scrubbed(day);
    if (projection != s.projection) {
        s.projection = projection;
        s.view = scene::View{{0, 0}, 6.4e6 / 100};
    }
    scene::EventLayer events;
    events.events = syntheticEvents();
    events.time = model::TimeQuery{mode, 20000 + day, 10};
    for (size_t c = 0; c < 7; ++c) events.categoryColors[c] = scene::rgb(0x202020 + 0x1f0000 * static_cast<uint32_t>(c), 0.8f);
    s.layers.insert(s.layers.begin() + 4, scene::Layer{"events", std::move(events)});
    return s;
}

TEST_CASE("render: events in cumulative mode drawn day by day over the kept image equal a frame from scratch") {
    test::renderer();
    const int w = 240, h = 160;
    const model::EventTable& table = *syntheticEvents();
    for (const char* projection : {"EPSG:4326", "+proj=ortho +lon_0=90"}) {
        CAPTURE(projection);
        render::Renderer r;
        r.renderToImage(withEvents(10, model::TimeMode::Cumulative, projection), w, h);
        r.renderToImage(withEvents(11, model::TimeMode::Cumulative, projection), w, h);  // keeps the events
        for (int day = 12; day < 16; ++day) {
            CAPTURE(day);
            size_t drawn = r.stats().eventsDrawn;
            checkSameAsFresh(r, withEvents(day, model::TimeMode::Cumulative, projection), w, h);
            // Only that day's events were drawn (fewer where the projection shows fewer).
            CHECK(r.stats().eventsDrawn - drawn <= table.startedBy(20000 + day) - table.startedBy(20000 + day - 1));
        }
        // Back in time: everything again, and still the same as from scratch.
        checkSameAsFresh(r, withEvents(5, model::TimeMode::Cumulative, projection), w, h);
        // A window of ten days draws only what may last into it.
        for (int day = 30; day < 33; ++day) {
            size_t drawn = r.stats().eventsDrawn;
            checkSameAsFresh(r, withEvents(day, model::TimeMode::Window, projection), w, h);
            CHECK(r.stats().eventsDrawn - drawn < table.size() / 2);
        }
    }
}

// The basemap scene with furniture whose date stamp says `day`: a title and the stamp at the
// top left, a legend with symbols at the bottom right.
scene::Scene stamped(int mapDay, int day) {
    scene::Scene s = scrubbed(mapDay);
    scene::ScreenLayer furniture;
    scene::ScreenPanel title;
    title.rows.push_back({{scene::ScreenText{"A briefing", 14}}});
    furniture.panels.push_back(title);
    scene::ScreenPanel stamp;
    stamp.rows.push_back({{scene::ScreenText{"Reports up to day " + std::to_string(day), 11}}});
    furniture.panels.push_back(stamp);
    scene::ScreenPanel legend;
    legend.corner = model::Corner::BottomRight;
    legend.rows.push_back({{scene::ScreenSwatch{scene::SwatchKind::Marker, scene::rgb(0x1f77b4)}, scene::ScreenText{"Town"}}});
    legend.rows.push_back({{scene::ScreenSwatch{scene::SwatchKind::Hatched, scene::rgb(0xd62728)}, scene::ScreenText{"Area"}}});
    furniture.panels.push_back(legend);
    s.add("furniture", std::move(furniture));
    return s;
}

TEST_CASE("render: a frame whose furniture alone changed equals one drawn from scratch") {
    test::renderer();
    render::Renderer r;
    const int w = 240, h = 160;
    r.renderToImage(stamped(3, 0), w, h);
    r.renderToImage(stamped(3, 1), w, h);  // the same under the furniture twice: kept from now on
    size_t reused = r.stats().underReused;
    size_t panels = r.stats().panelsKept;
    for (int day = 2; day < 5; ++day) {
        CAPTURE(day);
        checkSameAsFresh(r, stamped(3, day), w, h);
    }
    CHECK(r.stats().underReused == reused + 3);
    // Only the date stamp changed: the title and the legend stayed as the frame before drew them.
    CHECK(r.stats().panelsKept == panels + 2 * 3);
    // The map under the furniture changed: drawn whole again, and still the same as from scratch.
    checkSameAsFresh(r, stamped(4, 5), w, h);
    CHECK(r.stats().underReused == reused + 3);
    // The view stood still, so that frame was kept: the next day with nothing new reuses it.
    checkSameAsFresh(r, stamped(4, 6), w, h);
    CHECK(r.stats().underReused == reused + 4);
}

TEST_CASE("render: a scene equal to the last one drawn copies the finished frame; one marker's opacity is a new frame") {
    test::renderer();  // the GL context
    render::Renderer r;
    const int w = 240, h = 160;
    render::Image first = r.renderToImage(scrubbed(3), w, h);
    render::RenderStats before = r.stats();

    // The same scene, built again (equal by value, not the same object): nothing is drawn.
    render::Image again = r.renderToImage(scrubbed(3), w, h);
    CHECK(test::differingPixels(first, again, 0) == 0);
    CHECK(r.stats().framesReused == before.framesReused + 1);
    CHECK(r.stats().tilesDrawn == before.tilesDrawn);
    CHECK(r.stats().baseReused == before.baseReused);
    CHECK(r.stats().labelsPlaced == before.labelsPlaced);

    // One marker a little more transparent: drawn again, and it shows.
    scene::Scene faded = scrubbed(3);
    for (scene::Layer& layer : faded.layers)
        if (auto* markers = std::get_if<scene::PointLayer>(&layer.content)) markers->points.back().color.a = 0.5f;
    render::RenderStats beforeFaded = r.stats();
    render::Image fadedImage = r.renderToImage(faded, w, h);
    CHECK(r.stats().framesReused == beforeFaded.framesReused);
    CHECK(r.stats().tilesDrawn == beforeFaded.tilesDrawn + 1);
    CHECK(test::differingPixels(first, fadedImage, 0) > 0);
    render::Renderer fresh;
    CHECK(test::differingPixels(fresh.renderToImage(faded, w, h), fadedImage, 0) == 0);

    // Another size is another frame too, and so is the frame after something else was drawn.
    r.renderToImage(faded, w, h + 1);
    CHECK(r.stats().framesReused == beforeFaded.framesReused);
    render::Image back = r.renderToImage(scrubbed(3), w, h);
    CHECK(r.stats().framesReused == beforeFaded.framesReused);
    CHECK(test::differingPixels(first, back, 0) == 0);
}

TEST_CASE("render: draw() into a framebuffer copies the finished frame for an equal scene") {
    test::renderer();
    render::Renderer r;
    const int w = 200, h = 120;
    render::Image expected = r.renderToImage(scrubbed(2), w, h);
    // The screen path: draw into a framebuffer of our own, twice, and read it back.
    GLuint fbo = 0, texture = 0;
    glGenFramebuffers(1, &fbo);
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
    REQUIRE(glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE);
    size_t reused = r.stats().framesReused;
    for (int i = 0; i < 2; ++i) {
        glClearColor(1, 0, 1, 1);  // what a copy that missed would leave
        glClear(GL_COLOR_BUFFER_BIT);
        r.draw(scrubbed(2), render::Viewport{0, 0, w, h});
        std::vector<uint8_t> rows(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
        render::Image drawn(w, h);
        for (int y = 0; y < h; ++y)  // GL rows go bottom-up
            std::memcpy(drawn.pixel(0, y), &rows[static_cast<size_t>(h - 1 - y) * static_cast<size_t>(w) * 4],
                        static_cast<size_t>(w) * 4);
        CAPTURE(i);
        CHECK(test::differingPixels(expected, drawn, 0) == 0);
    }
    // Both draws equal the image rendered just before them.
    CHECK(r.stats().framesReused == reused + 2);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    glDeleteTextures(1, &texture);
}
