#pragma once
// What `export` and `animate` share: the options that choose what the map shows and how it is
// framed, their checks (all before anything slow runs), the loading of the map's content, and
// the caption that says what a picture shows. Both commands then draw the same scene
// (DESIGN.md: one render path).
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "app/article_inputs.h"
#include "app/cli_common.h"
#include "core/geo/lonlat.h"
#include "core/model/slide.h"
#include "core/model/timeline.h"
#include "core/model/workspace.h"
#include "scene/map_scene.h"

namespace cmap::app {

struct MapOptions {
    ArticleInputs in;
    std::string size, scale, title, subtitle, mode, window, view, projection, minConfidence;
    bool noBasemap = false, noFurniture = false, titleGiven = false, subtitleGiven = false;

    /// Registers the options on cmd, with defaultSize as --size's default.
    void addTo(CLI::App& cmd, const std::string& defaultSize);
};

/// The map options parsed, without touching a file.
struct CheckedMap {
    int width = 0, height = 0;  ///< device pixels of the image
    float scale = 1;            ///< text and lines; the map is laid out in width / scale logical pixels
    double logicalWidth() const { return width / static_cast<double>(scale); }
    double logicalHeight() const { return height / static_cast<double>(scale); }
    std::optional<model::TimeMode> mode;
    std::optional<int> windowDays;
    std::optional<geo::BBox> view;
    std::optional<double> minConfidence;
};

/// Parses size, mode, window, view and projection. Throws InputError naming the option.
CheckedMap checkMap(const MapOptions& opt);

/// Progress on the terminal only: a redirected stderr keeps to the one-line error contract.
struct Progress {
    std::string command;
    bool on = false;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    Progress(std::string cmd, const GlobalOptions& global);
    void operator()(const std::string& what) const;
};

struct LoadedMap {
    model::Workspace workspace;  ///< the built-in briefing's slides when there is no workspace
    scene::MapContent content;
    std::string title;           ///< the workspace's or the briefing's
};

/// Loads the workspace (for the built-in briefing: its slides) and checks that the overlays
/// exist: what must be right before the slow loading starts. Throws DataError naming the file.
model::Workspace loadMapWorkspace(const MapOptions& opt);

/// Loads through the content loader the articles (or the briefing), the overlays and event
/// datasets (the workspace's, then the options'), with the geodata they need: the gazetteer when
/// something is geoparsed, the prepared basemap when it is drawn. Throws DataError naming a file
/// that cannot be read.
LoadedMap loadMapContent(const GlobalOptions& global, const MapOptions& opt, model::Workspace ws, const Progress& progress);

/// What the map shows without a slide: the workspace's view and time, changed by the options, at
/// date when given. Throws InputError for --mode or --window without any date.
model::Slide optionsSlide(const model::Workspace& ws, const MapOptions& opt, const CheckedMap& c,
                          const std::optional<model::Date>& date);

/// The map state of slide over the loaded map at the checked size, with --view fitted in its
/// projection when given. Throws InputError for a projection PROJ rejects.
scene::MapState mapState(const model::Slide& slide, const LoadedMap& map, const CheckedMap& c);

/// Adds the map furniture (title, date stamp, legend, scale bar, ...) unless --no-furniture: an
/// exported map is read without the tool that made it. A slide's title heads a map of that slide
/// (scene::furnitureText); --title and --subtitle win over both. Throws InputError for a bad
/// projection.
void addMapFurniture(scene::Scene& scene, const LoadedMap& map, const MapOptions& opt, const scene::MapState& state,
                     const CheckedMap& c, const model::Slide* slide = nullptr);
void addMapFurniture(scene::Scene& scene, const LoadedMap& map, const MapOptions& opt, const scene::MapState& state,
                     const CheckedMap& c, const model::Slide* slide, scene::SceneCache& cache);

}  // namespace cmap::app
