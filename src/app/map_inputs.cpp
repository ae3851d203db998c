#include "app/map_inputs.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/error.h"
#include "core/geo/vector_source.h"
#include "core/io/file_checks.h"
#include "core/geo/projection.h"
#include "core/model/briefing.h"
#include "core/model/view_state.h"
#include "scene/furniture_layers.h"
#include "scene/slide_state.h"

namespace cmap::app {
namespace {

namespace fs = std::filesystem;

// Images are rendered in tiles, so the GL limits do not bound the size; 8K a side (7680x4320 and
// its portrait) is what briefings are shown on, and keeps the image (4 bytes a pixel, twice over
// while reading back and encoding) within half a gigabyte.
constexpr int kMaxSide = 8192;
// Text and line scale factors: below a quarter text is unreadable, above 8 one letter fills a tile.
constexpr double kMinScale = 0.25, kMaxScale = 8;

std::pair<int, int> parseSize(const std::string& text) {
    int w = 0, h = 0;
    char x = 0, extra = 0;
    std::istringstream in(text);
    if (!(in >> w >> x >> h) || (x != 'x' && x != 'X') || (in >> extra))
        throw InputError("--size: '" + text + "' is not WIDTHxHEIGHT (for example 1600x1000)");
    if (w < 1 || h < 1) throw InputError("--size: " + text + " is empty; width and height must be at least 1");
    if (w > kMaxSide || h > kMaxSide)
        throw InputError("--size: " + text + " is too large; the limit is " + std::to_string(kMaxSide) +
                         " pixels a side (8K)");
    return {w, h};
}

geo::BBox parseView(const std::string& text) {
    double v[4];
    char comma = 0;
    std::istringstream in(text);
    bool ok = static_cast<bool>(in >> v[0]);
    for (int i = 1; ok && i < 4; ++i) ok = (in >> comma >> v[i]) && comma == ',';
    char extra = 0;
    if (!ok || (in >> extra))
        throw InputError("--view: '" + text + "' is not LONMIN,LATMIN,LONMAX,LATMAX (for example 33,30,45,38)");
    geo::BBox box{v[0], v[1], v[2], v[3]};
    if (box.minLon < -180 || box.maxLon > 180 || box.minLat < -90 || box.maxLat > 90)
        throw InputError("--view: '" + text + "' is outside the world (longitudes -180..180, latitudes -90..90)");
    if (!(box.minLon < box.maxLon) || !(box.minLat < box.maxLat))
        throw InputError("--view: '" + text + "' is empty; the minimum must come before the maximum");
    return box;
}

}  // namespace

void MapOptions::addTo(CLI::App& cmd, const std::string& defaultSize) {
    size = defaultSize;
    cmd.add_option("ARTICLE", in.articles, "Articles (.txt, .md, .html), each with an optional NAME.meta.json");
    cmd.add_option("--size", size, "Image size WIDTHxHEIGHT in pixels (default " + defaultSize +
                                        "; at most 8192 a side)");
    cmd.add_option("--scale", scale, "Text and line scale factor, 0.25 to 8 (default 1): --size 3200x2000 --scale 2 is the 1600x1000 map at twice the resolution");
    cmd.add_option("--title", title, "Title in the map's corner (default: the slide's, else the workspace's or the briefing's)")
        ->each([this](const std::string&) { titleGiven = true; });
    cmd.add_option("--subtitle", subtitle, "Subtitle under the title (default: the workspace's)")
        ->each([this](const std::string&) { subtitleGiven = true; });
    cmd.add_option("--mode", mode, "Timeline mode: cumulative (default), window or asof");
    cmd.add_option("--window", window, "Days in the window (and the age scale of asof); default 30");
    cmd.add_option("--view", view, "Show this box: LONMIN,LATMIN,LONMAX,LATMAX (default: fit the mentions)");
    cmd.add_option("--projection", projection, "EPSG:N or PROJ string (default: fitted to the mentions)");
    cmd.add_option("--min-confidence", minConfidence, kMinConfidenceHelp);
    cmd.add_option("--workspace", in.workspace, "Workspace JSON: its articles, corrections, styles, view and time");
    // One file each: repeatable, but never taking the articles after it ("--layer z.geojson a.txt").
    cmd.add_option("--layer", in.layers,
                   "Overlay vector file (Shapefile, GeoPackage, GeoJSON, KML, CSV with lon/lat or X/Y columns); repeatable")
        ->allow_extra_args(false);
    cmd.add_option("--events", in.events,
                   "Event dataset (ACLED-style CSV, GeoJSON or GeoPackage points with a date) drawn as dots; repeatable")
        ->allow_extra_args(false);
    cmd.add_option("--date-field", in.dateField, "The events' date field (default: found by name or type)");
    cmd.add_flag("--no-basemap", noBasemap, "Draw no basemap (sea, land, borders, towns)");
    cmd.add_flag("--no-furniture", noFurniture,
                 "Draw the map alone: no title, date, legend, scale bar, north arrow, attribution or footnotes");
    cmd.add_option("--corpus", in.corpus,
                   "Where the built-in briefing finds its articles (default: $CONFLICTMAP_CORPUS, then the source tree's ../shared/corpus for a build)");
}

CheckedMap checkMap(const MapOptions& opt) {
    CheckedMap c;
    std::tie(c.width, c.height) = parseSize(opt.size);
    if (!opt.scale.empty()) {
        const auto s = parseNumber(opt.scale);
        if (!s || !(*s >= kMinScale && *s <= kMaxScale))
            throw InputError("--scale: '" + opt.scale + "' is not a number from 0.25 to 8");
        c.scale = static_cast<float>(*s);
    }
    if (!opt.mode.empty()) {
        c.mode = model::parseTimeMode(opt.mode);
        if (!c.mode) throw InputError("--mode: '" + opt.mode + "' is not one of cumulative, window, asof");
    }
    if (!opt.window.empty()) {
        const auto days = parseNumber(opt.window);
        if (!days || *days != std::floor(*days) || *days < 1 || *days > 36500)
            throw InputError("--window: '" + opt.window + "' is not a number of days from 1 to 36500");
        c.windowDays = static_cast<int>(*days);
    }
    if (!opt.view.empty()) c.view = parseView(opt.view);
    c.minConfidence = parseMinConfidence(opt.minConfidence);
    if (!opt.projection.empty()) {
        try {
            (void)geo::Projection::create(opt.projection);
        } catch (const InputError& e) {
            throw InputError(std::string("--projection: ") + e.what());
        }
    }
    return c;
}

Progress::Progress(std::string cmd, const GlobalOptions& global)
    : command(std::move(cmd)), on(global.verbose || ::isatty(STDERR_FILENO) != 0) {}

void Progress::operator()(const std::string& what) const {
    if (!on) return;
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "conflictmap: %s: %s (%.2f s)\n", command.c_str(), what.c_str(), s);
}

model::Workspace loadMapWorkspace(const MapOptions& opt) {
    model::Workspace ws;
    if (!opt.in.workspace.empty()) ws = model::loadWorkspace(opt.in.workspace);
    if (opt.in.briefing()) ws.slides = model::builtinBriefing().slides;
    for (const auto* files : {&opt.in.layers, &opt.in.events})
        for (const std::string& file : *files) {
            geo::refuseRemoteName(file);
            io::requireExists(file);
            if (!fs::is_regular_file(file)) throw DataError(file, fs::exists(file) ? "is not a file" : "no such file");
        }
    return ws;
}

LoadedMap loadMapContent(const GlobalOptions& global, const MapOptions& opt, model::Workspace ws, const Progress& progress) {
    LoadedMap map;
    map.title = opt.in.briefing() ? model::builtinBriefing().title : ws.title;
    scene::ContentRequest request = contentRequest(opt.in, ws, geodataDir(global));
    request.basemap = !opt.noBasemap;
    map.content = *scene::loadContent(request, [&](const std::string& what) { progress(what); }).map;
    map.workspace = std::move(ws);
    return map;
}

model::Slide optionsSlide(const model::Workspace& ws, const MapOptions& opt, const CheckedMap& c,
                          const std::optional<model::Date>& date) {
    model::Slide s;
    s.view = ws.view;
    if (!opt.projection.empty()) s.view.projection = opt.projection;
    s.timeline = ws.timeline;
    if (c.mode) s.timeline.mode = *c.mode;
    if (c.windowDays) s.timeline.windowDays = *c.windowDays;
    if (date) s.timeline.date = date;
    if (!s.timeline.date && (c.mode || c.windowDays))
        throw InputError("--mode and --window need --date (without it the map shows everything)");
    return s;
}

scene::MapState mapState(const model::Slide& slide, const LoadedMap& map, const CheckedMap& c) {
    scene::MapState state = scene::slideMapState(slide, map.content, map.workspace.layers, c.logicalWidth(),
                                                 c.logicalHeight(), map.workspace.minConfidence);
    if (c.minConfidence) state.minConfidence = *c.minConfidence;
    state.annotations = map.workspace.annotations;
    if (c.view) {
        // The projection is settled before a view box is fitted in it.
        if (state.projection.empty()) state.projection = scene::defaultProjection(map.content);
        state.view = scene::fitBox(geo::Projection::create(state.projection), *c.view, c.logicalWidth(), c.logicalHeight());
    }
    return state;
}

void addMapFurniture(scene::Scene& scene, const LoadedMap& map, const MapOptions& opt, const scene::MapState& state,
                     const CheckedMap& c, const model::Slide* slide) {
    scene::SceneCache cache;
    addMapFurniture(scene, map, opt, state, c, slide, cache);
}

void addMapFurniture(scene::Scene& scene, const LoadedMap& map, const MapOptions& opt, const scene::MapState& state,
                     const CheckedMap& c, const model::Slide* slide, scene::SceneCache& cache) {
    if (opt.noFurniture) return;
    scene::FurnitureText text = scene::furnitureText(map.title, map.workspace.furniture, slide);
    if (opt.titleGiven) text.title = opt.title;
    if (opt.subtitleGiven) text.subtitle = opt.subtitle;
    scene::addFurniture(scene, map.workspace.furniture, text, map.content, state, c.logicalWidth(), c.logicalHeight(),
                        cache);
}

}  // namespace cmap::app
