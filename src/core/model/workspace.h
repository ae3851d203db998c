#pragma once
// Everything a user makes: the articles, corrections of geocodes and dates, layer styles, the
// view, the timeline state, the annotations and the slides. Saved as one JSON file, written
// atomically; a load that fails throws and leaves whatever the caller holds untouched.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/annotation.h"
#include "core/model/corrections.h"
#include "core/model/date.h"
#include "core/model/document.h"
#include "core/model/slide.h"
#include "core/model/furniture.h"
#include "core/model/timeline.h"
#include "core/model/view_state.h"

namespace cmap::model {

struct ArticleRef {
    std::string path;                  ///< as the user gave it (relative paths are to the workspace file)
    std::optional<Date> published;     ///< the user's correction of the article's date, if any
    friend bool operator==(const ArticleRef&, const ArticleRef&) = default;
};

struct LayerStyle {
    bool visible = true;
    uint32_t rgba = 0xd62728ff;
    float size = 1.f;     ///< marker scale
    float opacity = 1.f;
    bool labels = true;
    /// Event datasets: each dot in its event category's colour; false = all in rgba. Other
    /// layers have one colour and ignore it.
    bool byCategory = true;
    friend bool operator==(const LayerStyle&, const LayerStyle&) = default;
};

/// An imported event dataset (ACLED-style CSV, GeoJSON, GeoPackage), drawn as its own layer.
struct EventSourceRef {
    std::string path;       ///< as the user gave it (relative paths are to the workspace file)
    std::string dateField;  ///< empty = found by name or type
};

struct Workspace {
    static constexpr int kVersion = 1;
    std::string title;
    std::vector<ArticleRef> articles;
    std::vector<Correction> corrections;       ///< per mention
    std::vector<Correction> always;            ///< per surface text, for every mention spelled so
    double minConfidence = 0;                  ///< mentions below it leave the map and its exports
    std::vector<std::string> overlays;         ///< vector files drawn over the map, paths as for articles
    std::vector<EventSourceRef> events;
    std::map<std::string, LayerStyle> layers;  ///< by layer id ("article:FILE", "category:airstrike")
    ViewState view;
    TimelineState timeline;
    std::vector<Annotation> annotations;  ///< drawn in this order (later on top)
    std::vector<Slide> slides;  ///< the briefing's slides, in presentation order
    Furniture furniture;
};

/// Sets (or, with nullopt, clears) the user's publication date of an article. Returns false when
/// the workspace has no article with that path.
bool setArticleDate(Workspace& ws, std::string_view path, std::optional<Date> date);

/// Writes the workspace as JSON to a temporary file beside path, then renames it over path, so
/// a crash or a full disk never leaves a half-written workspace. Throws DataError naming path, and
/// writes nothing, also for a workspace that loadWorkspace would refuse (a value out of range).
void saveWorkspace(const Workspace& ws, const std::filesystem::path& path);

/// Reads a workspace. Throws DataError naming path for unreadable, malformed or future-version
/// files and for values of the wrong type or range.
Workspace loadWorkspace(const std::filesystem::path& path);

/// The workspace of JSON text, by loadWorkspace's rules; file names it in errors. Throws
/// DataError(file, ...).
Workspace parseWorkspace(const std::string& text, const std::string& file);

}  // namespace cmap::model
