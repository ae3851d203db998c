#pragma once
// The one content loader (DESIGN.md): the viewer, `export`, `animate`, `export-data` and the
// tests turn a workspace, articles, layers and event datasets into immutable content here. Paths
// are resolved here (a workspace's relative paths start at its folder), the geodata folder is
// opened once (the gazetteer only when something is geoparsed, the prepared basemap only when
// something is drawn), and no file is read twice.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo/basemap_cache.h"
#include "core/geo/gazetteer.h"
#include "core/model/event_table.h"
#include "core/model/workspace.h"
#include "core/text/decode.h"
#include "scene/map_scene.h"

namespace cmap::scene {

/// The workspace article path that stands for the built-in briefing's sources.
inline constexpr std::string_view kBuiltinBriefing = "builtin:briefing";

/// One article as read and geoparsed, before corrections. Immutable once made.
struct ArticleSource {
    std::string key;            ///< the workspace's path for it (ArticleRef::path); the document's file
    std::filesystem::path file; ///< where it was read from; empty for a briefing source without its article
    std::string bytes;          ///< the file as read; mention ranges index it
    text::DecodedText decoded;  ///< what the articles panel shows
    model::Document raw;        ///< geoparsed; raw.file == key
    std::vector<std::string> summaries;  ///< per event, for briefing facts (empty for articles)
};
using ArticleSourcePtr = std::shared_ptr<const ArticleSource>;

/// A vector layer the user brought, under the workspace's name for it.
struct Overlay {
    std::string path;
    geo::FeatureSetPtr features;
};

/// What a geodata folder gives everything else, loaded once and shared.
struct Geodata {
    geo::GazetteerPtr gazetteer;  ///< null when nothing is geoparsed
    geo::PreparedLayers layers;   ///< the prepared basemap; empty when nothing is drawn
};

/// Loads what is asked for of the geodata folder dir, each from its cache in cacheDir when it is
/// current. Throws DataError naming the folder or the file that fails.
std::shared_ptr<const Geodata> loadGeodata(const std::filesystem::path& dir, bool gazetteer, bool layers,
                                           const std::filesystem::path& cacheDir = geo::GazetteerOptions::defaultCacheDir());

/// Where a workspace's path points: absolute stays, relative is to the workspace file's folder (or
/// the current folder for an unsaved workspace). Throws nothing.
std::filesystem::path resolvePath(const std::string& ref, const std::filesystem::path& workspaceFile);

/// Reads and geoparses one article under the workspace's name key; published overrides the
/// sidecar's date. Throws DataError naming the file.
ArticleSourcePtr loadArticleSource(const std::string& key, const std::filesystem::path& file,
                                   std::optional<model::Date> published, const geo::Gazetteer& gazetteer);

/// The built-in briefing's sources as articles, linked to the seed articles found in corpusDir
/// (their text kept when linked), placed through gazetteer when there is one. Throws nothing
/// for a missing corpus; DataError only when the gazetteer's files fail.
std::vector<ArticleSourcePtr> loadBriefingSources(const geo::Gazetteer* gazetteer,
                                                  const std::filesystem::path& corpusDir);

/// A vector layer under the workspace's name key. A layer that will draw nothing (no features,
/// or none with a geometry) is loaded all the same, with a warning in the log that says why.
/// Throws DataError naming the file.
Overlay loadOverlay(const std::string& key, const std::filesystem::path& file);

/// An event dataset under the workspace's name for it (ref.path keys its layer style); skipped
/// rows are told in the log. Throws DataError naming the file.
model::EventTablePtr loadEventTable(const model::EventSourceRef& ref, const std::filesystem::path& file);

/// The map content of loaded parts: the articles' documents with the workspace's corrections
/// applied, the overlays, the event datasets, from geodata the area polygons and (when basemap)
/// the basemap, and their scene index. Throws nothing but std::bad_alloc.
std::shared_ptr<const MapContent> makeMapContent(const Geodata* geodata, bool basemap,
                                                 const std::vector<ArticleSourcePtr>& articles,
                                                 const std::vector<Overlay>& overlays,
                                                 const std::vector<model::EventTablePtr>& events,
                                                 const std::vector<model::Correction>& corrections,
                                                 const std::vector<model::Correction>& always = {});

struct ContentRequest {
    /// Its articles (kBuiltinBriefing for the built-in briefing's), overlays, event datasets and
    /// corrections.
    model::Workspace workspace;
    std::filesystem::path workspaceFile;  ///< where its relative paths start; empty: the current folder
    /// More, as given on the command line (relative to the current folder), after the workspace's.
    std::vector<std::string> articles, layers;
    std::vector<model::EventSourceRef> events;
    std::filesystem::path geodata;
    std::filesystem::path cacheDir = geo::GazetteerOptions::defaultCacheDir();
    std::filesystem::path corpusDir;  ///< where the built-in briefing's articles are
    bool draws = true;    ///< a map is drawn (`export-data` draws none: no basemap, no areas)
    bool basemap = true;  ///< the map has its basemap
};

/// Everything a command draws or writes.
struct Content {
    std::shared_ptr<const Geodata> geodata;  ///< null when nothing needed it
    std::vector<ArticleSourcePtr> articles;  ///< the workspace's, then the command line's
    std::vector<Overlay> overlays;
    std::vector<model::EventTablePtr> events;
    std::shared_ptr<const MapContent> map;   ///< all of it, corrections applied
};

/// Told what is being loaded, one short line at a time ("loading the gazetteer").
using LoadProgress = std::function<void(const std::string&)>;

/// Loads everything the request names. The built-in briefing needs no geodata when nothing is
/// drawn or the basemap is off (it carries its own coordinates). Throws DataError naming the first
/// file that fails.
Content loadContent(const ContentRequest& request, const LoadProgress& progress = {});

}  // namespace cmap::scene
