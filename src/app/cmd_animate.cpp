// `conflictmap animate --from DATE --to DATE --fps N --out FILE.mp4|.gif [--size WxH] [--mode M]
// [--window DAYS] [--duration SECONDS | --days-per-frame D] [--workspace FILE] [ARTICLE...]`: the
// timeline played from one day to another as a video or GIF. Each frame is the scene `export`
// draws for its day, caption (the date stamp) included, through the same renderer. Every
// argument is checked before anything slow runs; the file appears only when it is complete.
#include <cmath>
#include <cstdio>
#include <optional>

#include "app/commands.h"

#if CMAP_HAVE_GUI
#include "app/map_inputs.h"
#include "core/error.h"
#include "render/animation_writer.h"
#include "render/headless_renderer.h"
#include "scene/map_scene.h"

namespace cmap::app {
namespace {

// Ten minutes at 60 frames a second: beyond that a range is better cut in pieces, and a typo
// (--days-per-frame 0.0001) fails at once instead of rendering for hours.
constexpr int kMaxFrames = 36000;
constexpr double kDefaultSeconds = 10;

struct Options {
    std::string out, from, to, duration, daysPerFrame;
    int fps = 0;
    MapOptions map;
};

model::Date parseDay(const std::string& option, const std::string& text) {
    std::optional<model::Date> d = model::Date::parse(text);
    if (!d || d->precision() != model::Precision::Day)
        throw InputError(option + ": '" + text + "' is not a day (expected YYYY-MM-DD)");
    return *d;
}

double parsePositive(const std::string& option, const std::string& text, double max) {
    const auto v = parseNumber(text);
    if (!v || !(*v > 0 && *v <= max))
        throw InputError(option + ": '" + text + "' is not a number above 0 and at most " +
                         std::to_string(static_cast<long long>(max)));
    return *v;
}

/// The day of every frame, first and last day included.
std::vector<int> frameDays(const Options& opt, int first, int last) {
    const int span = last - first;
    std::vector<int> days;
    if (!opt.daysPerFrame.empty()) {
        double step = parsePositive("--days-per-frame", opt.daysPerFrame, 36500);
        double frames = std::floor(span / step) + 1;
        if (frames > kMaxFrames)
            throw InputError("--days-per-frame: " + opt.daysPerFrame + " makes " + std::to_string(static_cast<long long>(frames)) +
                             " frames; at most " + std::to_string(kMaxFrames));
        for (int i = 0; i < static_cast<int>(frames); ++i) days.push_back(first + static_cast<int>(std::floor(i * step)));
        if (days.back() != last) days.push_back(last);
        return days;
    }
    double seconds = opt.duration.empty() ? kDefaultSeconds : parsePositive("--duration", opt.duration, 3600);
    long long frames = std::max(2LL, std::llround(seconds * opt.fps));
    if (frames > kMaxFrames)
        throw InputError("--duration: " + opt.duration + " s at " + std::to_string(opt.fps) + " fps makes " +
                         std::to_string(frames) + " frames; at most " + std::to_string(kMaxFrames));
    for (long long i = 0; i < frames; ++i)
        days.push_back(first + static_cast<int>(std::llround(static_cast<double>(i) * span / static_cast<double>(frames - 1))));
    return days;
}

int run(const GlobalOptions& global, const Options& opt) {
    const CheckedMap c = checkMap(opt.map);
    render::checkAnimationSettings(opt.out, c.width, c.height, opt.fps);
    checkWritable(opt.out);
    const model::Date from = parseDay("--from", opt.from), to = parseDay("--to", opt.to);
    if (to < from) throw InputError("--from: " + opt.from + " is after --to " + opt.to);
    if (!opt.duration.empty() && !opt.daysPerFrame.empty())
        throw InputError("--duration and --days-per-frame: give one of them, not both");
    const std::vector<int> days = frameDays(opt, from.firstDay(), to.firstDay());

    Progress progress("animate", global);
    // The GL context and the renderer are made on their own thread while the content loads.
    render::HeadlessRenderer gl;
    model::Workspace ws = loadMapWorkspace(opt.map);
    refuseOverwritingInput(opt.out, opt.map.in, ws);
    const LoadedMap map = loadMapContent(global, opt.map, std::move(ws), progress);
    // The workspace's (or the options') view throughout, the time moving frame by frame.
    scene::MapState state = mapState(optionsSlide(map.workspace, opt.map, c, from), map, c);
    render::Renderer& renderer = gl.get();
    std::unique_ptr<render::AnimationWriter> writer = render::openAnimation(opt.out, c.width, c.height, opt.fps);
    progress(std::to_string(days.size()) + " frames of " + std::to_string(c.width) + "x" + std::to_string(c.height) +
             " as " + writer->description());
    size_t reported = 0;
    // Frame after frame: one PROJ object, the basemap built once, of the one view (only what it shows).
    scene::SceneCache cache(scene::SceneCache::Views::One);
    for (size_t i = 0; i < days.size(); ++i) {
        state.time->day = days[i];
        scene::Scene scene = scene::buildMapScene(map.content, state, c.logicalWidth(), c.logicalHeight(), cache);
        addMapFurniture(scene, map, opt.map, state, c, nullptr, cache);
        writer->addFrame(renderer.renderToImage(scene, c.width, c.height, c.scale));
        // About every tenth of the way: a line per step, not a flood.
        if ((i + 1) * 10 / days.size() > reported || i + 1 == days.size()) {
            reported = (i + 1) * 10 / days.size();
            progress("frame " + std::to_string(i + 1) + "/" + std::to_string(days.size()) + " (" +
                     model::Date::fromDays(days[i]).iso() + ")");
        }
    }
    writer->finish();
    progress("wrote " + opt.out);
    return kOk;
}

}  // namespace

void registerAnimateCommand(CLI::App& app, GlobalOptions& global, CommandResult& result) {
    auto* cmd = app.add_subcommand("animate", "Play the timeline from one day to another into an MP4 or GIF");
    auto opt = std::make_shared<Options>();
    cmd->add_option("--out", opt->out, "The file to write: .mp4 (H.264) or .gif")->required();
    cmd->add_option("--from", opt->from, "First day shown, YYYY-MM-DD")->required();
    cmd->add_option("--to", opt->to, "Last day shown, YYYY-MM-DD")->required();
    cmd->add_option("--fps", opt->fps, "Frames a second, 1 to 120")->required();
    auto* duration = cmd->add_option("--duration", opt->duration, "Length in seconds (default 10)");
    cmd->add_option("--days-per-frame", opt->daysPerFrame, "Days the timeline moves each frame (instead of --duration)")
        ->excludes(duration);
    opt->map.addTo(*cmd, "1280x720");
    cmd->callback([&global, &result, opt] { result.run = [&global, opt] { return run(global, *opt); }; });
}

}  // namespace cmap::app

#else  // built without GL: the command exists and says why it cannot draw

namespace cmap::app {

void registerAnimateCommand(CLI::App& app, GlobalOptions&, CommandResult& result) {
    registerWithoutGl(app, result, "animate", "Play the timeline into an MP4 or GIF");
}

}  // namespace cmap::app
#endif
