#pragma once
// The briefing map as a Scene: the basemap, overlays, and the articles' mentions as layers the
// timeline filters. The viewer's frame, `export` and the render tests all build their scene
// here, so what the user sees is what the user exports (one render path, DESIGN.md).
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/geo/basemap_cache.h"
#include "core/geo/gazetteer.h"
#include "core/model/document.h"
#include "core/model/event_table.h"
#include "core/model/timeline.h"
#include "core/model/workspace.h"
#include "scene/basemap.h"
#include "scene/scene.h"
#include "scene/scene_cache.h"

namespace cmap::scene {

struct SceneIndex;

/// What a briefing map is made of: shared, immutable inputs (edits make new ones).
struct MapContent {
    BasemapData basemap;               ///< admin0 == nullptr: no basemap
    geo::GazetteerPtr gazetteer;       ///< what the documents were geoparsed with; may be null
    geo::PreparedLayers layers;        ///< polygons of area mentions (countries, admin1, regions), by layer
    std::vector<std::shared_ptr<const model::Document>> documents;  ///< corrections applied
    std::vector<model::CorrectionIndex> corrected;  ///< per document: its raw and corrected mentions
    std::vector<geo::FeatureSetPtr> overlays;                      ///< user vector files
    std::vector<model::EventTablePtr> events;                      ///< imported event datasets
    /// What the rest gives every frame alike (place numbers, area shapes, the default view; see
    /// scene/scene_index.h), built once with it by makeMapContent. Content put together or changed
    /// by hand may leave it empty: the functions below then make one for the call.
    std::shared_ptr<const SceneIndex> index;
};

/// A mention drawn on the map, for hover and click: which document and mention it is.
struct MentionRef {
    size_t document = 0;
    size_t mention = 0;
    friend bool operator==(const MentionRef&, const MentionRef&) = default;
};

/// What the user chose: projection, view, time, styles.
struct MapState {
    std::string projection;          ///< PROJ/EPSG definition; empty = fitted to the mentions
    std::optional<View> view;        ///< empty = fit the mentions (or the overlays) with a margin
    std::optional<model::TimeQuery> time;  ///< empty = show everything
    std::map<std::string, model::LayerStyle> styles;  ///< by layer id (see layerId*)
    bool labels = true;
    std::vector<model::Annotation> annotations;  ///< the workspace's; each shows within its time span
    /// Only the annotations with these ids (a slide's choice); empty optional = all of them.
    std::optional<std::vector<std::string>> annotationIds;
    double minConfidence = 0;  ///< mentions the geoparser was less sure of are not drawn
    /// The mention the analyst is looking at (its row or its words): ringed on the map.
    std::optional<MentionRef> highlight;

    friend bool operator==(const MapState&, const MapState&) = default;
};

/// Layer ids, stable across runs: one layer per article and one per event category.
std::string layerIdForArticle(const std::string& file);
std::string layerIdForCategory(model::EventCategory c);
std::string layerIdForEvents(const std::string& file);

/// The event categories of the articles' events and the imported datasets: those the category
/// toggles apply to. Throws nothing but std::bad_alloc.
std::set<model::EventCategory> eventCategories(const MapContent& content);

/// The colour of an event category's dots in imported event datasets (one hue per category, the
/// same in the legend). Throws nothing.
Color eventCategoryColor(model::EventCategory c);

/// The colour of the index-th overlay (MapContent::overlays) from a qualitative palette, the same
/// in the legend. Throws nothing.
Color overlayColor(size_t index);

/// The scene for a width x height (logical pixels) map. Mentions draw at the precision they
/// have: cities and facilities as markers, countries as outlines, regions and provinces as
/// translucent hatched areas; the timeline sets each one's opacity. What it needs of the content
/// beyond the frame comes from content.index. Throws InputError for a projection PROJ rejects.
/// With a cache (one that the caller keeps from frame to frame): the same scene, sooner.
Scene buildMapScene(const MapContent& content, const MapState& state, double width, double height);
Scene buildMapScene(const MapContent& content, const MapState& state, double width, double height,
                    SceneCache& cache);

/// The annotations the map shows: within their time span at state.time, among state.annotationIds.
std::vector<const model::Annotation*> visibleAnnotations(const MapState& state);

/// The projection and view buildMapScene uses when state leaves them empty.
std::string defaultProjection(const MapContent& content);
View defaultView(const MapContent& content, const std::string& projection, double width, double height);
View defaultView(const MapContent& content, const std::string& projection, double width, double height,
                 SceneCache& cache);

/// The mention whose marker or area is under logical pixel (px, py) of a scene built with the
/// same inputs, nearest first; empty when none is within a few pixels.
std::optional<MentionRef> pickMention(const MapContent& content, const MapState& state, double width,
                                      double height, double px, double py);
std::optional<MentionRef> pickMention(const MapContent& content, const MapState& state, double width,
                                      double height, double px, double py, SceneCache& cache);

/// How a mention is drawn: the precision it has (for hover text and the legend).
enum class MentionShape : uint8_t {
    Marker,    ///< a town: a filled circle
    Facility,  ///< a base, airport or other point of interest: a filled diamond
    Area,      ///< a region or province with a polygon: a translucent hatched fill and outline
    Outline,   ///< a country: its outline
    Ring,      ///< an area without a polygon (no geodata): a hollow ring at its centre
};

/// A mention as a scene built with the same inputs draws it.
struct PlacedMention {
    MentionRef ref;
    MentionShape shape = MentionShape::Marker;
    geo::LonLat at;         ///< the marker, or the area's representative point
    geo::Vec2 pixel;        ///< logical pixel of `at`; NaN where the projection cannot show it
    float opacity = 1;      ///< timeline x layer opacity, > 0
    Color color;            ///< the article layer's colour
    float sizePx = 0;       ///< marker diameter before emphasis; 0 for areas and outlines
    bool dayPrecise = true; ///< dated to the day (or undated); else drawn hollow
};

/// Every mention the timeline and the layer styles let through, in document and text order, with
/// where it lands on a width x height image: for hover lists, tests and `export --debug-json`.
/// Throws InputError for a projection PROJ rejects.
std::vector<PlacedMention> placeMentions(const MapContent& content, const MapState& state, double width,
                                         double height);
std::vector<PlacedMention> placeMentions(const MapContent& content, const MapState& state, double width,
                                         double height, SceneCache& cache);

/// The style an article layer has until the user changes it: visible, labelled, the document
/// index's colour from a categorical palette (red, blue, green, purple, ...).
model::LayerStyle defaultArticleStyle(size_t documentIndex);

/// The style an event dataset's layer has until the user changes it: visible, dots coloured by
/// event category (teal in rgba, for when the user turns that off).
model::LayerStyle defaultEventStyle();

}  // namespace cmap::scene
