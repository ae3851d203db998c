#pragma once
// What a briefing map's content gives every frame alike, worked out once per content rather than
// every frame: each mention's place number (mentions of one place share it), day interval, event
// category and shape, the box the default view shows, and the areas' one-feature shapes.
// Private to src/scene (map_scene.cpp builds scenes from it).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "scene/map_scene.h"

namespace cmap::scene {

struct SceneIndex {
    std::vector<std::shared_ptr<const model::Document>> documents;  // identity, held so no address is reused
    geo::PreparedLayers layers;                // the area polygons (shapeOf): identity too
    std::vector<model::EventTablePtr> events;  // identity too
    std::vector<size_t> first;                // flat index of each document's first mention
    std::vector<uint32_t> place;              // per flat mention
    std::vector<uint32_t> item;               // per flat mention: index into items, or kUndated
    // Per flat mention, so that a frame's filter reads these small arrays rather than each
    // Mention and Event (hundreds of bytes apart: with 100,000 mentions the loop was cache-bound).
    std::vector<uint8_t> category;            // EventCategory & 7, or kNoCategory (never hidden)
    std::vector<MentionShape> shape;          // shapeOf: depends on the gazetteer, part of the key
    std::vector<model::TimeItem> items;
    size_t placeCount = 0;
    geo::BBox focus;         // what the default view shows
    std::string projection;  // the default projection, fitted to focus
    static constexpr uint32_t kUndated = ~0u;
    static constexpr uint8_t kNoCategory = 7;
};

/// The index of content, kept per thread for the last content asked about.
const SceneIndex& sceneIndex(const MapContent& content);

/// The polygon layer an area's place indexes (its Place::feature), or null.
const geo::FeatureSet* polygonLayer(const MapContent& content, geo::Layer layer);

/// An area's one feature as its own FeatureSet (the same object on every frame while anyone holds
/// it), or null when its layer has no polygons.
geo::FeatureSetPtr areaShape(const MapContent& content, const model::ResolvedPlace& p);

}  // namespace cmap::scene
