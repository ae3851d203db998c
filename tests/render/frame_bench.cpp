// Frame-time benchmark (issue 4, "Performance"), kept in the render-test binary because that is
// the one target that links the renderer, the scene and the viewer's geodata loader; it is
// skipped unless asked for (`--no-skip -tc='bench*'`), so ctest never runs it. bench/frame_bench.sh
// drives it. Each frame is what the viewer does while scrubbing: build the scene for the next
// day, draw it into an offscreen framebuffer, glFinish (llvmpipe renders lazily).
//
// Environment: CMAP_BENCH_SIZE (WxH, default 1920x1080), CMAP_BENCH_FRAMES (default 60),
// CMAP_BENCH_CASES (comma list of seed, events, events-scene; default all),
// CMAP_BENCH_SHOTS (a folder: first and last frame of each case as PNG, to compare by eye).
#include <doctest/doctest.h>

#include <glad/gl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "core/geo/projection.h"
#include "core/model/briefing.h"
#include "render/render_harness.h"
#include "scene/content_loader.h"
#include "scene/map_scene.h"
#include "scene/scene_index.h"

using namespace cmap;

namespace {

std::string env(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

bool wanted(const std::string& name) {
    std::string cases = "," + env("CMAP_BENCH_CASES", "seed,events,events-scene") + ",";
    return cases.find("," + name + ",") != std::string::npos;
}

struct Stats {
    std::vector<double> frame, scene, draw;
    void print(const char* name) const {
        auto line = [](const char* what, std::vector<double> v) {
            std::sort(v.begin(), v.end());
            double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
            std::printf("  %-6s mean %7.2f  median %7.2f  p95 %7.2f  max %7.2f ms\n", what, mean, v[v.size() / 2],
                        v[std::min(v.size() - 1, v.size() * 95 / 100)], v.back());
        };
        std::printf("%s (%zu frames)\n", name, frame.size());
        line("frame", frame);
        line("scene", scene);
        line("draw", draw);
        std::fflush(stdout);
    }
};

// An offscreen target the size of the map, standing in for the viewer's frame cache.
struct Target {
    GLuint fbo = 0, color = 0;
    int w, h;
    Target(int width, int height) : w(width), h(height) {
        glGenFramebuffers(1, &fbo);
        glGenRenderbuffers(1, &color);
        glBindRenderbuffer(GL_RENDERBUFFER, color);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color);
        glViewport(0, 0, w, h);
    }
    ~Target() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glDeleteRenderbuffers(1, &color);
        glDeleteFramebuffers(1, &fbo);
    }
};

// Runs frames of build + draw, the day advancing one a frame from firstDay.
void run(const char* name, int w, int h, int firstDay, const std::function<scene::Scene(int day)>& build) {
    auto& r = test::renderer();
    Target target(w, h);
    int frames = std::stoi(env("CMAP_BENCH_FRAMES", "60"));
    std::string shots = env("CMAP_BENCH_SHOTS", "");
    auto clock = std::chrono::steady_clock::now;
    auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    Stats stats;
    for (int i = -2; i < frames; ++i) {  // two warm-up frames: meshes, triangulations, font atlas
        auto t0 = clock();
        scene::Scene s = build(firstDay + i);
        auto t1 = clock();
        glBindFramebuffer(GL_FRAMEBUFFER, target.fbo);
        r.draw(s, render::Viewport{0, 0, w, h});
        glFinish();
        auto t2 = clock();
        if (i >= 0) {
            stats.frame.push_back(ms(t0, t2));
            stats.scene.push_back(ms(t0, t1));
            stats.draw.push_back(ms(t1, t2));
        }
        if (!shots.empty() && (i == 0 || i == frames - 1)) {
            std::filesystem::create_directories(shots);
            r.renderToImage(s, w, h).savePng(std::filesystem::path(shots) / (std::string(name) + (i == 0 ? "_first.png" : "_last.png")));
        }
    }
    stats.print(name);
}

std::shared_ptr<const scene::Geodata> geodata() {
    static auto g = scene::loadGeodata(CMAP_GEODATA_DIR, true, true);
    return g;
}

// 100,000 dated towns spread over the Middle East and the Caucasus, over 2005 to 2015, in 20
// articles: what a long-running briefing could hold.
std::vector<std::shared_ptr<const model::Document>> syntheticDocuments(size_t events) {
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> lon(28, 60), lat(25, 45);
    std::uniform_int_distribution<int> day(model::Date{2005, 1, 1}.firstDay(), model::Date{2015, 12, 31}.firstDay());
    std::vector<std::shared_ptr<const model::Document>> docs;
    const size_t perDoc = events / 20;
    for (size_t d = 0; d < 20; ++d) {
        auto doc = std::make_shared<model::Document>();
        doc->file = "synthetic_" + std::to_string(d) + ".txt";
        for (size_t i = 0; i < perDoc; ++i) {
            model::Mention m;
            m.place.name = "P" + std::to_string(d * perDoc + i);
            m.place.kind = geo::PlaceKind::City;
            m.place.point = {lon(rng), lat(rng)};
            m.place.box.extend(m.place.point);
            m.text = m.place.name;
            m.date = model::DateRange::of(model::Date::fromDays(day(rng)));
            m.event = static_cast<uint32_t>(doc->events.size());
            model::Event e;
            e.date = m.date;
            e.mentions.push_back(static_cast<uint32_t>(doc->mentions.size()));
            doc->mentions.push_back(m);
            doc->events.push_back(e);
        }
        docs.push_back(std::move(doc));
    }
    return docs;
}

}  // namespace

TEST_CASE("bench: frame times while scrubbing the timeline" * doctest::skip()) {
    if (!std::filesystem::exists(std::filesystem::path(CMAP_GEODATA_DIR) / "admin0.shp")) {
        MESSAGE("skipped: no geodata at " << CMAP_GEODATA_DIR);
        return;
    }
    int w = 1920, h = 1080;
    std::sscanf(env("CMAP_BENCH_SIZE", "1920x1080").c_str(), "%dx%d", &w, &h);
    auto g = geodata();

    if (wanted("seed")) {
        // (a) The built-in briefing over the full basemap, as the viewer opens it.
        const scene::MapContent content =
            *scene::makeMapContent(g.get(), true, scene::loadBriefingSources(g->gazetteer.get(), {}), {}, {}, {});
        // Meshes for everything the content can show, as the viewer prepares them when it loads.
        test::renderer().prepareMeshes(scene::buildMapScene(content, scene::MapState{}, w, h));
        scene::SceneCache cache;  // kept from frame to frame, as the viewer keeps its own
        run("seed briefing", w, h, model::Date{2015, 9, 1}.firstDay(), [&](int day) {
            scene::MapState state;
            state.time = model::TimeQuery{model::TimeMode::Cumulative, day, 30};
            return scene::buildMapScene(content, state, w, h, cache);
        });
    }

    if (wanted("events") || wanted("events-scene")) {
        auto docs = syntheticDocuments(100000);
        scene::MapContent content = *scene::makeMapContent(g.get(), true, {}, {}, {}, {});
        content.documents = docs;
        content.index = scene::makeSceneIndex(content);  // as makeMapContent builds it with the content
        // One fitted view of the events for both cases, so the basemap is built once.
        scene::MapState base;
        base.labels = false;  // 100,000 names would be noise; the markers are the load
        base.projection = scene::defaultProjection(content);
        base.view = scene::defaultView(content, base.projection, w, h);
        const scene::MapContent basemapOnly = *scene::makeMapContent(g.get(), true, {}, {}, {}, {});
        const int from = model::Date{2010, 1, 1}.firstDay();
        scene::SceneCache cache;
        if (wanted("events")) {
            // (b) The renderer's share: the basemap scene plus one point layer of the 100,000
            // events, their opacity from the timeline (window mode, 90 days) each frame.
            std::vector<model::TimeItem> items;
            for (const auto& d : docs)
                for (const auto& m : d->mentions) items.push_back({m.date->first, m.date->last, 0});
            run("100k events, scene made directly", w, h, from, [&](int day) {
                scene::Scene s = scene::buildMapScene(basemapOnly, base, w, h, cache);
                std::vector<float> opacity = model::evaluate(items, {model::TimeMode::Window, day, 90});
                scene::PointLayer points;
                size_t k = 0;
                for (const auto& d : docs)
                    for (const auto& m : d->mentions) {
                        float a = opacity[k++];
                        if (a > 0) points.points.push_back({m.place.point, 7, scene::rgb(0xd62728, a)});
                    }
                s.add("events", std::move(points));
                return s;
            });
        }
        if (wanted("events-scene")) {
            // (b') The whole path: buildMapScene merging, styling and layering the mentions.
            run("100k events through buildMapScene", w, h, from, [&](int day) {
                scene::MapState state = base;
                state.time = model::TimeQuery{model::TimeMode::Window, day, 90};
                return scene::buildMapScene(content, state, w, h, cache);
            });
        }
    }
}
