#pragma once
// What a briefing map's content gives every frame alike, worked out once per content rather than
// every frame: each mention's place number (mentions of one place share it), day interval, event
// category and shape, the box the default view shows, and the areas' one-feature shapes. The
// content loader builds it with the content (makeMapContent); buildMapScene and the other map
// functions read it instead of memos of their own. (What depends on the view is still kept per
// thread in map_scene.cpp: the basemap's towns for the last view and the last projection.)
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "scene/map_scene.h"

namespace cmap::scene {

struct SceneIndex {
    // What it was built from, by identity (held, so no address is reused): indexes() compares them.
    std::vector<std::shared_ptr<const model::Document>> documents;
    geo::PreparedLayers layers;  // the area polygons (shapeOf)
    std::vector<model::EventTablePtr> events;

    std::vector<size_t> first;    // flat index of each document's first mention
    std::vector<uint32_t> place;  // per flat mention
    std::vector<uint32_t> item;   // per flat mention: index into items, or kUndated
    // Per flat mention, so that a frame's filter reads these small arrays rather than each
    // Mention and Event (hundreds of bytes apart: with 100,000 mentions the loop was cache-bound).
    std::vector<uint8_t> category;    // EventCategory & 7, or kNoCategory (never hidden)
    std::vector<MentionShape> shape;  // how each draws, which depends on the polygons
    std::vector<model::TimeItem> items;
    size_t placeCount = 0;
    geo::BBox focus;         // what the default view shows
    std::string projection;  // the default projection, fitted to focus
    // Each drawn area's one feature as its own FeatureSet, so that it draws (and triangulates)
    // alone rather than as the whole admin-1 or regions layer, and as the same object on every
    // frame: the renderer keeps a mesh per FeatureSet.
    std::map<std::pair<geo::Layer, uint32_t>, geo::FeatureSetPtr> areas;
    static constexpr uint32_t kUndated = ~0u;
    static constexpr uint8_t kNoCategory = 7;

    /// Whether this indexes content: built from the same documents, polygons and event tables.
    bool indexes(const MapContent& content) const;
    /// An area mention's shape; null when its layer has no polygons.
    geo::FeatureSetPtr area(const model::ResolvedPlace& p) const;
};

/// Builds content's index. Throws nothing but std::bad_alloc.
std::shared_ptr<const SceneIndex> makeSceneIndex(const MapContent& content);

/// The polygon layer an area's place indexes (its Place::feature), or null.
const geo::FeatureSet* polygonLayer(const MapContent& content, geo::Layer layer);

}  // namespace cmap::scene
