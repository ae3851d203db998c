// `conflictmap view [--workspace FILE] [ARTICLE...] [--layer FILE]...`, and the viewer that opens
// when no command is given. Hidden options (--screenshot, --frames, --size, --date, --scrub,
// --timings, --present) drive the same window for tests and frame-time measurements.
#include <cstdio>
#include <cstdlib>

#include "app/article_inputs.h"
#include "app/commands.h"
#include "core/error.h"
#include "core/io/file_checks.h"

#ifdef CMAP_HAVE_GUI
#include "ui/viewer.h"
#endif

namespace cmap::app {
namespace {

struct Options {
    std::string workspace;
    std::vector<std::string> articles, layers, events;
    std::string dateField;
    std::string screenshot, size = "1600x1000", date;
    int frames = 3;
    int present = 0;  ///< 1-based; 0: none
    bool scrub = false, timings = false, noRecover = false;
};

int run(const GlobalOptions& global, const Options& opt) {
#ifdef CMAP_HAVE_GUI
    ui::ViewerOptions v;
    v.geodata = geodataDir(global);
    v.corpusDir = corpusDir("");
    if (!opt.workspace.empty()) v.workspace = opt.workspace;
    v.articles = opt.articles;
    v.layers = opt.layers;
    v.events = opt.events;
    v.dateField = opt.dateField;
    if (std::sscanf(opt.size.c_str(), "%dx%d", &v.width, &v.height) != 2 || v.width < 320 || v.height < 240 ||
        v.width > 8192 || v.height > 8192)
        throw InputError("--size: '" + opt.size + "' is not WIDTHxHEIGHT between 320x240 and 8192x8192");
    if (!opt.screenshot.empty()) v.screenshot = opt.screenshot;
    if (opt.frames < 1) throw InputError("--frames: must be at least 1");
    v.frames = opt.frames;
    if (!opt.date.empty()) v.date = opt.date;
    v.scrub = opt.scrub;
    v.timings = opt.timings;
    v.offerRecovery = !opt.noRecover;
    if (opt.present < 0) throw InputError("--present: " + std::to_string(opt.present) + " is not a slide number (the first is 1)");
    if (opt.present > 0) v.present = static_cast<size_t>(opt.present - 1);
    for (const auto* files : {&opt.articles, &opt.events, &opt.layers})
        for (const auto& f : *files) {
            io::requireExists(f);
            if (!std::filesystem::is_regular_file(f)) throw DataError(f, "is not a file");
        }
    return ui::runViewer(v);
#else
    (void)global;
    (void)opt;
    std::fprintf(stderr, "conflictmap: this build has no viewer (configured without GL/ImGui); try 'conflictmap --help'\n");
    return kBadInput;
#endif
}

}  // namespace

void registerViewCommand(CLI::App& app, GlobalOptions& global, CommandResult& result) {
    auto* cmd = app.add_subcommand("view", "Open the viewer (the built-in briefing when given nothing)");
    auto opt = std::make_shared<Options>();
    cmd->add_option("ARTICLE", opt->articles, "Articles to open (.txt, .md, .html)");
    cmd->add_option("--workspace", opt->workspace, "Workspace JSON to open");
    // One file each: repeatable, but never taking the articles after it.
    cmd->add_option("--layer", opt->layers, "Vector file to overlay (Shapefile, GeoPackage, GeoJSON, KML, CSV); repeatable")
        ->allow_extra_args(false);
    cmd->add_option("--events", opt->events,
                    "Event dataset to import (ACLED-style CSV, GeoJSON or GeoPackage points with a date); repeatable")
        ->allow_extra_args(false);
    cmd->add_option("--date-field", opt->dateField, "The events' date field (default: found by name or type)");
    // For tests and measurements: render frames without showing the window, write it, exit.
    cmd->add_option("--screenshot", opt->screenshot, "Write the window (panels included) to this PNG and exit")->group("");
    cmd->add_option("--frames", opt->frames, "Frames to render after loading, before the screenshot")->group("");
    cmd->add_option("--size", opt->size, "Window size WIDTHxHEIGHT")->group("");
    cmd->add_option("--date", opt->date, "Start the timeline at this date")->group("");
    cmd->add_flag("--scrub", opt->scrub, "Step the timeline a day every frame")->group("");
    cmd->add_flag("--timings", opt->timings, "Print frame times on exit")->group("");
    cmd->add_flag("--no-recover", opt->noRecover, "Do not offer an autosaved recovery copy")->group("");
    cmd->add_option("--present", opt->present, "Start presenting at slide N once loaded (with --screenshot: "
                                                "the map at the end of the fly-to)")->group("");
    cmd->callback([&global, &result, opt] { result.run = [&global, opt] { return run(global, *opt); }; });
}

int runView(const GlobalOptions& global) { return run(global, Options{}); }

}  // namespace cmap::app
