// `conflictmap export --out FILE.png [--size WxH] [--date D] [--mode M] [--window N] [--view BOX]
// [--projection P] [--workspace FILE] [--layer FILE]... [--no-basemap] [ARTICLE...]`, or a slide
// (`--slide N --out FILE.png`) or every slide (`--all-slides DIR`) of the workspace or of the
// built-in briefing: the briefing map as a PNG, drawn by the same scene builder and renderer as the
// viewer (DESIGN.md: one render path). Every argument is checked before anything slow runs, and the PNG is written through a
// temporary file, so bad input leaves no output behind.
//
// Hidden option for tests and scripts: --debug-json FILE also writes every drawn mention (document,
// mention index, file, place, kind, shape, lon/lat, pixel x/y in the image, opacity, colour, date)
// as JSON, so a test can look for a marker's colour at the pixel where the tool says it drew it.
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <optional>

#include "app/commands.h"

#if CMAP_HAVE_GUI
#include "app/map_inputs.h"
#include "core/error.h"
#include "core/geo/projection.h"
#include "core/io/partial_file.h"
#include "render/headless_renderer.h"
#include "scene/map_scene.h"
#include "scene/scene_cache.h"
#include "scene/slide_state.h"

namespace cmap::app {
namespace {

namespace fs = std::filesystem;

struct Options {
    std::string out, date, debugJson, allSlides;
    int slide = 0;  ///< 1-based; 0: none
    bool slideGiven = false;
    MapOptions map;
};

struct Checked {
    CheckedMap map;
    std::optional<model::Date> date;
};

// All argument checks that need no file: they run before any loading.
Checked check(const Options& opt) {
    Checked c;
    c.map = checkMap(opt.map);
    if (opt.slide < 0 || (opt.slide == 0 && opt.slideGiven))
        throw InputError("--slide: " + std::to_string(opt.slide) + " is not a slide number (the first slide is 1)");
    if (!opt.allSlides.empty()) {
        if (!opt.out.empty() || opt.slideGiven) throw InputError("--all-slides: writes every slide; give no --out or --slide");
        if (!opt.debugJson.empty()) throw InputError("--all-slides: --debug-json describes one image; use --slide N --out");
    } else {
        if (opt.out.empty()) throw InputError("--out: the PNG to write is missing (or give --all-slides DIR)");
        if (lowerExtension(opt.out) != ".png") throw InputError("--out: '" + opt.out + "' must end in .png");
        checkWritable(opt.out);
    }
    if (opt.slideGiven || !opt.allSlides.empty()) {
        // A slide is a view and a moment: options that set either would make it another picture.
        const char* flag = opt.slideGiven ? "--slide" : "--all-slides";
        for (const auto& [set, name] : {std::pair{!opt.date.empty(), "--date"}, {!opt.map.mode.empty(), "--mode"},
                                        {!opt.map.window.empty(), "--window"}, {!opt.map.view.empty(), "--view"},
                                        {!opt.map.projection.empty(), "--projection"}})
            if (set) throw InputError(std::string(flag) + ": " + name + " cannot be combined with it (the slide sets its own view and time)");
        if (!opt.map.in.articles.empty())
            throw InputError(std::string(flag) + ": slides come from --workspace or the built-in briefing, not from articles");
    }
    if (!opt.debugJson.empty()) checkWritable(opt.debugJson);
    if (!opt.date.empty()) {
        c.date = model::Date::parse(opt.date);
        if (!c.date || c.date->precision() != model::Precision::Day)
            throw InputError("--date: '" + opt.date + "' is not a day (expected YYYY-MM-DD)");
    }
    return c;
}

void writeDebugJson(const fs::path& path, const scene::MapContent& content, const scene::MapState& state,
                    const scene::Scene& scene, double width, double height) {
    nlohmann::json mentions = nlohmann::json::array();
    for (const scene::PlacedMention& p : scene::placeMentions(content, state, width, height)) {
        const model::Document& doc = *content.documents[p.ref.document];
        const model::Mention& m = doc.mentions[p.ref.mention];
        static constexpr const char* kShapes[] = {"marker", "facility", "area", "outline", "ring"};
        auto byte = [](float v) { return static_cast<int>(std::lround(v * 255)); };
        char color[8];
        std::snprintf(color, sizeof color, "#%02x%02x%02x", byte(p.color.r), byte(p.color.g), byte(p.color.b));
        mentions.push_back({{"document", p.ref.document},
                            {"mention", p.ref.mention},
                            {"file", doc.file},
                            {"place", m.place.name},
                            {"kind", geo::kindName(m.place.kind)},
                            {"shape", kShapes[static_cast<int>(p.shape)]},
                            {"lon", p.at.lon},
                            {"lat", p.at.lat},
                            {"x", std::isnan(p.pixel.x) ? nlohmann::json() : nlohmann::json(p.pixel.x)},
                            {"y", std::isnan(p.pixel.y) ? nlohmann::json() : nlohmann::json(p.pixel.y)},
                            {"opacity", p.opacity},
                            {"color", color},
                            {"date", m.date ? nlohmann::json(m.date->iso()) : nlohmann::json()},
                            {"day_precise", p.dayPrecise}});
    }
    nlohmann::json out{{"width", width},
                       {"height", height},
                       {"projection", scene.projection},
                       {"view", {{"x", scene.view.center.x}, {"y", scene.view.center.y}, {"unitsPerPixel", scene.view.unitsPerPixel}}},
                       {"mentions", std::move(mentions)}};
    io::writeFileAtomically(path, out.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

// One image to draw: a slide (the workspace's view and time, changed by the options, stand in for
// one when no slide is asked for) and where it goes.
struct Shot {
    model::Slide slide;
    std::string out;
};

// The images asked for, settled before anything is loaded: a slide that does not exist, or a
// folder that cannot be made, fails at once and writes nothing.
std::vector<Shot> plan(const Options& opt, const Checked& c, const model::Workspace& ws, const std::string& owner) {
    if (!opt.slideGiven && opt.allSlides.empty()) return {{optionsSlide(ws, opt.map, c.map, c.date), opt.out}};
    const size_t n = ws.slides.size();
    const std::string count = owner + " has " + (n == 0 ? "no slides" : n == 1 ? "1 slide" : std::to_string(n) + " slides");
    if (opt.slideGiven) {
        if (static_cast<size_t>(opt.slide) > n) throw InputError("--slide " + std::to_string(opt.slide) + ": " + count);
        return {{ws.slides[static_cast<size_t>(opt.slide) - 1], opt.out}};
    }
    if (n == 0) throw InputError("--all-slides: " + count);
    std::error_code ec;
    fs::create_directories(opt.allSlides, ec);
    if (ec || !fs::is_directory(opt.allSlides)) throw DataError(opt.allSlides, "cannot create the folder: " + (ec ? ec.message() : "a file is in the way"));
    if (::access(opt.allSlides.c_str(), W_OK) != 0) throw DataError(opt.allSlides, "cannot write: the folder is not writable");
    // Zero-padded to the same width, so the files sort in slide order.
    const size_t digits = std::max<size_t>(2, std::to_string(n).size());
    std::vector<Shot> shots;
    for (size_t i = 0; i < n; ++i) {
        std::string number = std::to_string(i + 1);
        number.insert(0, digits - number.size(), '0');
        shots.push_back({ws.slides[i], (fs::path(opt.allSlides) / ("slide-" + number + ".png")).string()});
    }
    return shots;
}

int run(const GlobalOptions& global, const Options& opt) {
    const Checked c = check(opt);
    Progress progress("export", global);
    // The GL context and the renderer are made on their own thread while the content loads and the
    // first scene is built.
    render::HeadlessRenderer gl;

    model::Workspace ws = loadMapWorkspace(opt.map);
    const std::vector<Shot> shots =
        plan(opt, c, ws, opt.map.in.workspace.empty() ? "the built-in briefing" : opt.map.in.workspace);
    for (const Shot& shot : shots) refuseOverwritingInput(shot.out, opt.map.in, ws);
    if (!opt.debugJson.empty()) refuseOverwritingInput(opt.debugJson, opt.map.in, ws);
    const LoadedMap map = loadMapContent(global, opt.map, std::move(ws), progress);

    // The map is laid out in logical pixels: a larger scale shows the same map with larger text
    // and lines, not more of the map.
    const int width = c.map.width, height = c.map.height;
    const double logicalW = c.map.logicalWidth(), logicalH = c.map.logicalHeight();
    // Each image shows one view: the basemap projects and meshes only what that view shows.
    scene::SceneCache cache(scene::SceneCache::Views::One);
    for (const Shot& shot : shots) {
        scene::MapState state = mapState(shot.slide, map, c.map);
        progress("building the map");
        scene::Scene scene = scene::buildMapScene(map.content, state, logicalW, logicalH, cache);
        // Slides too: presentation mode shows the furniture the viewer's map has.
        addMapFurniture(scene, map, opt.map, state, c.map, &shot.slide, cache);
        // Only now is the GL context waited for: the first scene is built while it is made.
        render::Renderer& renderer = gl.get();
        // Each image is drawn once: nothing is kept for a next frame (at 4K, 50 MB not taken).
        renderer.setKeepImages(false);
        progress("rendering " + std::to_string(width) + "x" + std::to_string(height));
        render::Image image = renderer.renderToImage(scene, width, height, c.map.scale);
        image.savePng(shot.out);
        if (!opt.debugJson.empty()) writeDebugJson(opt.debugJson, map.content, state, scene, logicalW, logicalH);
        progress("wrote " + shot.out);
    }
    return kOk;
}

}  // namespace

void registerExportCommand(CLI::App& app, GlobalOptions& global, CommandResult& result) {
    auto* cmd = app.add_subcommand("export", "Draw the briefing map (the built-in one without articles) into a PNG");
    auto opt = std::make_shared<Options>();
    cmd->add_option("--out", opt->out, "The PNG to write");
    cmd->add_option("--slide", opt->slide, "Draw slide N (1 = the first) of the workspace or the built-in briefing");
    cmd->add_option("--all-slides", opt->allSlides, "Draw every slide into DIR as slide-01.png, slide-02.png, ... (DIR is created)");
    cmd->add_option("--date", opt->date, "Timeline position YYYY-MM-DD (default: show everything)");
    opt->map.addTo(*cmd, "1600x1000");
    // For tests and scripts: the drawn mentions with their pixel positions, as JSON.
    cmd->add_option("--debug-json", opt->debugJson, "Also write the visible mentions with their pixel positions")
        ->group("");
    cmd->callback([cmd, &global, &result, opt] {
        opt->slideGiven = cmd->count("--slide") > 0;
        result.run = [&global, opt] { return run(global, *opt); };
    });
}

}  // namespace cmap::app

#else  // built without GL: the command exists and says why it cannot draw

namespace cmap::app {

void registerExportCommand(CLI::App& app, GlobalOptions&, CommandResult& result) {
    registerWithoutGl(app, result, "export", "Draw the briefing map into a PNG");
}

}  // namespace cmap::app
#endif
