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

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

#include "app/commands.h"

#if CMAP_HAVE_GUI
#include "core/error.h"
#include "core/geo/projection.h"
#include "core/geo/vector_source.h"
#include "core/model/briefing.h"
#include "core/model/workspace.h"
#include "core/text/geoparse.h"
#include "render/gl_context.h"
#include "render/renderer.h"
#include "scene/map_scene.h"
#include "scene/slide_state.h"

namespace cmap::app {
namespace {

namespace fs = std::filesystem;

// Images are rendered in tiles, so the GL limits do not bound the size; memory does (4 bytes a
// pixel, twice over while reading back and encoding).
constexpr int kMaxSide = 16384;
constexpr long long kMaxPixels = 100'000'000;

struct Options {
    std::string out, size = "1600x1000", date, mode, window, view, projection, workspace, corpus, debugJson, allSlides;
    int slide = 0;  ///< 1-based; 0: none
    std::vector<std::string> layers, articles;
    bool noBasemap = false, noCaption = false, slideGiven = false;
};

struct Checked {
    int width = 0, height = 0;
    std::optional<model::Date> date;
    std::optional<model::TimeMode> mode;
    std::optional<int> windowDays;
    std::optional<geo::BBox> view;
};

std::pair<int, int> parseSize(const std::string& text) {
    int w = 0, h = 0;
    char x = 0, extra = 0;
    std::istringstream in(text);
    if (!(in >> w >> x >> h) || (x != 'x' && x != 'X') || (in >> extra))
        throw InputError("--size: '" + text + "' is not WIDTHxHEIGHT (for example 1600x1000)");
    if (w < 1 || h < 1) throw InputError("--size: " + text + " is empty; width and height must be at least 1");
    if (w > kMaxSide || h > kMaxSide || static_cast<long long>(w) * h > kMaxPixels)
        throw InputError("--size: " + text + " is too large; the limit is " + std::to_string(kMaxSide) +
                         " pixels a side and " + std::to_string(kMaxPixels / 1'000'000) + " megapixels");
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

// A file we may create: not a folder, in a folder that exists and that we may write to.
void checkWritable(const std::string& out) {
    fs::path path(out);
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw DataError(out, "is a directory");
    fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (!fs::is_directory(dir, ec)) throw DataError(out, "cannot write: folder " + dir.string() + " does not exist");
    if (::access(dir.c_str(), W_OK) != 0) throw DataError(out, "cannot write: folder " + dir.string() + " is not writable");
}

// All argument checks that need no file: they run before any loading.
Checked check(const Options& opt) {
    Checked c;
    std::tie(c.width, c.height) = parseSize(opt.size);
    if (opt.slide < 0 || (opt.slide == 0 && opt.slideGiven))
        throw InputError("--slide: " + std::to_string(opt.slide) + " is not a slide number (the first slide is 1)");
    if (!opt.allSlides.empty()) {
        if (!opt.out.empty() || opt.slideGiven) throw InputError("--all-slides: writes every slide; give no --out or --slide");
        if (!opt.debugJson.empty()) throw InputError("--all-slides: --debug-json describes one image; use --slide N --out");
    } else {
        if (opt.out.empty()) throw InputError("--out: the PNG to write is missing (or give --all-slides DIR)");
        std::string ext = fs::path(opt.out).extension().string();
        for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (ext != ".png") throw InputError("--out: '" + opt.out + "' must end in .png");
        checkWritable(opt.out);
    }
    if (opt.slideGiven || !opt.allSlides.empty()) {
        // A slide is a view and a moment: options that set either would make it another picture.
        const char* flag = opt.slideGiven ? "--slide" : "--all-slides";
        for (const auto& [set, name] : {std::pair{!opt.date.empty(), "--date"}, {!opt.mode.empty(), "--mode"},
                                        {!opt.window.empty(), "--window"}, {!opt.view.empty(), "--view"},
                                        {!opt.projection.empty(), "--projection"}})
            if (set) throw InputError(std::string(flag) + ": " + name + " cannot be combined with it (the slide sets its own view and time)");
        if (!opt.articles.empty())
            throw InputError(std::string(flag) + ": slides come from --workspace or the built-in briefing, not from articles");
    }
    if (!opt.debugJson.empty()) checkWritable(opt.debugJson);
    if (!opt.date.empty()) {
        c.date = model::Date::parse(opt.date);
        if (!c.date || c.date->precision() != model::Precision::Day)
            throw InputError("--date: '" + opt.date + "' is not a day (expected YYYY-MM-DD)");
    }
    if (!opt.mode.empty()) {
        if (opt.mode == "cumulative") c.mode = model::TimeMode::Cumulative;
        else if (opt.mode == "window") c.mode = model::TimeMode::Window;
        else if (opt.mode == "asof") c.mode = model::TimeMode::AsOf;
        else throw InputError("--mode: '" + opt.mode + "' is not one of cumulative, window, asof");
    }
    if (!opt.window.empty()) {
        size_t used = 0;
        int days = 0;
        try {
            days = std::stoi(opt.window, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != opt.window.size() || days < 1 || days > 36500)
            throw InputError("--window: '" + opt.window + "' is not a number of days from 1 to 36500");
        c.windowDays = days;
    }
    if (!opt.view.empty()) c.view = parseView(opt.view);
    if (!opt.projection.empty()) {
        try {
            (void)geo::Projection::create(opt.projection);
        } catch (const InputError& e) {
            throw InputError(std::string("--projection: ") + e.what());
        }
    }
    return c;
}

// Progress on the terminal only: a redirected stderr keeps to the one-line error contract.
struct Progress {
    bool on;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    void operator()(const std::string& what) const {
        if (!on) return;
        double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr, "conflictmap: export: %s (%.1f s)\n", what.c_str(), s);
    }
};

fs::path corpusDir(const Options& opt) {
    if (!opt.corpus.empty()) return opt.corpus;
    if (const char* env = std::getenv("CONFLICTMAP_CORPUS"); env && *env) return env;
#ifdef CMAP_SOURCE_DIR
    return fs::path(CMAP_SOURCE_DIR) / ".." / "shared" / "corpus";
#else
    return {};
#endif
}

std::shared_ptr<const model::Document> geoparseFile(const fs::path& path, const std::string& key,
                                                    std::optional<model::Date> published, const geo::Gazetteer& gaz,
                                                    const std::vector<model::Correction>& corrections) {
    model::Document doc = text::geoparse(text::loadArticle(path, published), gaz);
    doc.file = key;  // corrections and layer styles name the article as the user gave it
    model::applyCorrections(doc, corrections);
    return std::make_shared<const model::Document>(std::move(doc));
}

void writeDebugJson(const fs::path& path, const scene::MapContent& content, const scene::MapState& state,
                    const scene::Scene& scene, int width, int height) {
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
                            {"date", m.date ? nlohmann::json(m.date->iso()) : nlohmann::json()}});
    }
    nlohmann::json out{{"width", width},
                       {"height", height},
                       {"projection", scene.projection},
                       {"view", {{"x", scene.view.center.x}, {"y", scene.view.center.y}, {"unitsPerPixel", scene.view.unitsPerPixel}}},
                       {"mentions", std::move(mentions)}};
    fs::path tmp = path;
    tmp += ".tmp";
    {
        std::ofstream f(tmp);
        f << out.dump(1) << "\n";
        if (!f) throw DataError(path.string(), "cannot write");
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) throw DataError(path.string(), "cannot write: " + ec.message());
}

// What the picture shows, in its corner: an exported map is read without the tool that made it.
std::string captionText(const std::string& title, const std::optional<model::TimeQuery>& time) {
    std::string when = "all reports";
    if (time) {
        std::string day = model::Date::fromDays(time->day).iso();
        switch (time->mode) {
        case model::TimeMode::Cumulative: when = "reports up to " + day; break;
        case model::TimeMode::Window: when = day + ", the last " + std::to_string(time->windowDays) + " days"; break;
        case model::TimeMode::AsOf: when = "latest report per place as of " + day; break;
        }
    }
    return title.empty() ? when : title + " — " + when;
}

// Labels hang on a lon/lat anchor: the caption's is the place under the lower left corner, or on a
// world map whose corner is off the globe, under the middle of the bottom edge.
void addCaption(scene::Scene& scene, const std::string& text, int width, int height) {
    auto projection = geo::Projection::create(scene.projection);
    auto anchorAt = [&](double px, double py) -> std::optional<geo::LonLat> {
        geo::Vec2 xy = scene.view.unproject(px, py, width, height);
        geo::LonLat at = projection.inverse(xy);
        if (std::isnan(at.lon)) return std::nullopt;
        // Some projections invert points off the globe to somewhere else: keep only round trips.
        geo::Vec2 back = scene.view.toPixel(projection.forward(at), width, height);
        if (!(std::hypot(back.x - px, back.y - py) < 1)) return std::nullopt;
        return at;
    };
    bool centred = false;
    std::optional<geo::LonLat> at = anchorAt(10, height - 14);
    if (!at) at = anchorAt(width / 2.0, height - 14), centred = true;
    if (!at) return;
    scene::LabelLayer layer;
    scene::Label l;
    l.text = text;
    l.anchor = *at;
    if (centred) l.placement = scene::LabelPlacement::Centred;
    l.priority = 1e6f;  // before any place name
    l.sizePx = 13;
    l.color = scene::rgb(0x1a1a1a);
    l.markerPx = 0;
    layer.labels.push_back(std::move(l));
    layer.halo = scene::rgb(0xffffff, 0.9f);
    layer.haloPx = 2;
    scene.add("caption", std::move(layer));
}

// One image to draw: a slide (the workspace's view and time, changed by the options, stand in for
// one when no slide is asked for) and where it goes.
struct Shot {
    model::Slide slide;
    std::string out;
    bool caption = true;  ///< slides draw what presentation mode shows, which has no caption
};

// The images asked for, settled before anything is loaded: a slide that does not exist, or a
// folder that cannot be made, fails at once and writes nothing.
std::vector<Shot> plan(const Options& opt, const Checked& c, const model::Workspace& ws, const std::string& owner) {
    if (!opt.slideGiven && opt.allSlides.empty()) {
        model::Slide s;
        s.view = ws.view;
        if (!opt.projection.empty()) s.view.projection = opt.projection;
        s.timeline = ws.timeline;
        if (c.mode) s.timeline.mode = *c.mode;
        if (c.windowDays) s.timeline.windowDays = *c.windowDays;
        if (c.date) s.timeline.date = c.date;
        if (!s.timeline.date && (c.mode || c.windowDays))
            throw InputError("--mode and --window need --date (without it the map shows everything)");
        return {{s, opt.out}};
    }
    const size_t n = ws.slides.size();
    const std::string count = owner + " has " + (n == 0 ? "no slides" : n == 1 ? "1 slide" : std::to_string(n) + " slides");
    if (opt.slideGiven) {
        if (static_cast<size_t>(opt.slide) > n) throw InputError("--slide " + std::to_string(opt.slide) + ": " + count);
        return {{ws.slides[static_cast<size_t>(opt.slide) - 1], opt.out, false}};
    }
    if (n == 0) throw InputError("--all-slides: " + count);
    std::error_code ec;
    fs::create_directories(opt.allSlides, ec);
    if (ec || !fs::is_directory(opt.allSlides)) throw DataError(opt.allSlides, "cannot create the folder: " + (ec ? ec.message() : "a file is in the way"));
    if (::access(opt.allSlides.c_str(), W_OK) != 0) throw DataError(opt.allSlides, "cannot write: the folder is not writable");
    const int digits = std::max(2, static_cast<int>(std::to_string(n).size()));
    std::vector<Shot> shots;
    for (size_t i = 0; i < n; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "slide-%0*zu.png", digits, i + 1);
        shots.push_back({ws.slides[i], (fs::path(opt.allSlides) / name).string(), false});
    }
    return shots;
}

int run(const GlobalOptions& global, const Options& opt) {
    const Checked c = check(opt);
    Progress progress{global.verbose || ::isatty(STDERR_FILENO) != 0};
    // First, before any loading: without a display there is nothing to render with.
    render::GlContext context;

    model::Workspace ws;
    const bool haveWorkspace = !opt.workspace.empty();
    if (haveWorkspace) ws = model::loadWorkspace(opt.workspace);
    const fs::path wsDir = haveWorkspace ? fs::path(opt.workspace).parent_path() : fs::path();  // relative paths start here
    for (const std::string& layer : opt.layers)
        if (!fs::is_regular_file(layer)) throw DataError(layer, fs::exists(layer) ? "is not a file" : "no such file");
    const bool briefing = !haveWorkspace && opt.articles.empty();
    if (briefing) ws.slides = model::builtinBriefing().slides;
    const std::vector<Shot> shots = plan(opt, c, ws, haveWorkspace ? opt.workspace : "the built-in briefing");
    scene::MapContent content;
    progress("loading the gazetteer");
    try {
        content.gazetteer = geo::Gazetteer::load(geodataDir(global));
    } catch (const DataError&) {
        // The built-in briefing carries its own coordinates: without geodata it still draws, on
        // plain paper, when the user asked for no basemap anyway.
        if (!(briefing && opt.noBasemap)) throw;
    }
    if (briefing) {
        for (auto& bd : model::briefingDocuments(model::builtinBriefing(), content.gazetteer.get(), corpusDir(opt)))
            content.documents.push_back(std::make_shared<const model::Document>(std::move(bd.document)));
    } else {
        progress("geoparsing articles");
        for (const model::ArticleRef& ref : ws.articles) {
            fs::path p = fs::path(ref.path).is_absolute() ? fs::path(ref.path) : wsDir / ref.path;
            content.documents.push_back(geoparseFile(p, ref.path, ref.published, *content.gazetteer, ws.corrections));
        }
        for (const std::string& a : opt.articles)
            content.documents.push_back(geoparseFile(a, a, std::nullopt, *content.gazetteer, ws.corrections));
    }
    for (const std::string& ref : ws.overlays)
        content.overlays.push_back(geo::loadVector(fs::path(ref).is_absolute() ? fs::path(ref) : wsDir / ref));
    for (const std::string& layer : opt.layers) content.overlays.push_back(geo::loadVector(layer));
    if (!opt.noBasemap) {
        progress("loading the basemap");
        fs::path dir = geodataDir(global);
        content.basemap = {geo::loadVector(dir / "admin0.shp"), geo::loadVector(dir / "admin1.shp"),
                           geo::loadVector(dir / "places.shp")};
    }

    render::Renderer renderer;
    for (const Shot& shot : shots) {
        scene::MapState state = scene::slideMapState(shot.slide, content, ws.layers);
        if (c.view) {
            // The projection is settled before a view box is fitted in it.
            if (state.projection.empty()) state.projection = scene::defaultProjection(content);
            state.view = scene::fitBox(geo::Projection::create(state.projection), *c.view, c.width, c.height);
        }
        progress("building the map");
        scene::Scene scene = scene::buildMapScene(content, state, c.width, c.height);
        if (shot.caption && !opt.noCaption)
            addCaption(scene, captionText(briefing ? model::builtinBriefing().title : ws.title, state.time), c.width,
                       c.height);
        progress("rendering " + std::to_string(c.width) + "x" + std::to_string(c.height));
        render::Image image = renderer.renderToImage(scene, c.width, c.height);
        image.savePng(shot.out);
        if (!opt.debugJson.empty()) writeDebugJson(opt.debugJson, content, state, scene, c.width, c.height);
        progress("wrote " + shot.out);
    }
    return kOk;
}

}  // namespace

void registerExportCommand(CLI::App& app, GlobalOptions& global, CommandResult& result) {
    auto* cmd = app.add_subcommand("export", "Draw the briefing map (the built-in one without articles) into a PNG");
    auto opt = std::make_shared<Options>();
    cmd->add_option("ARTICLE", opt->articles, "Articles (.txt, .md, .html), each with an optional NAME.meta.json");
    cmd->add_option("--out", opt->out, "The PNG to write");
    cmd->add_option("--slide", opt->slide, "Draw slide N (1 = the first) of the workspace or the built-in briefing");
    cmd->add_option("--all-slides", opt->allSlides, "Draw every slide into DIR as slide-01.png, slide-02.png, ... (DIR is created)");
    cmd->add_option("--size", opt->size, "Image size WIDTHxHEIGHT in pixels (default 1600x1000; at most 16384 a side, 100 megapixels)");
    cmd->add_option("--date", opt->date, "Timeline position YYYY-MM-DD (default: show everything)");
    cmd->add_option("--mode", opt->mode, "Timeline mode: cumulative (default), window or asof");
    cmd->add_option("--window", opt->window, "Days in the window (and the age scale of asof); default 30");
    cmd->add_option("--view", opt->view, "Show this box: LONMIN,LATMIN,LONMAX,LATMAX (default: fit the mentions)");
    cmd->add_option("--projection", opt->projection, "EPSG:N or PROJ string (default: fitted to the mentions)");
    cmd->add_option("--workspace", opt->workspace, "Workspace JSON: its articles, corrections, styles, view and time");
    cmd->add_option("--layer", opt->layers, "Overlay vector file (Shapefile, GeoPackage, GeoJSON, KML, CSV); repeatable");
    cmd->add_flag("--no-basemap", opt->noBasemap, "Draw no basemap (sea, land, borders, towns)");
    cmd->add_flag("--no-caption", opt->noCaption, "Leave out the caption (title and time shown) in the lower left corner");
    cmd->add_option("--corpus", opt->corpus,
                    "Where the built-in briefing finds its articles (default: $CONFLICTMAP_CORPUS, then ../shared/corpus)");
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
    auto* cmd = app.add_subcommand("export", "Draw the briefing map into a PNG (needs a build with the viewer)");
    cmd->allow_extras();
    cmd->callback([&result] {
        result.run = [] {
            std::fprintf(stderr, "conflictmap: export needs OpenGL; this build has none (CMAP_BUILD_GUI=OFF)\n");
            return kInternal;
        };
    });
}

}  // namespace cmap::app
#endif
