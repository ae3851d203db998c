// Sections: mention shapes | area shapes | focus | the index.
#include "scene/scene_index.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>
#include <utility>

#include "core/geo/projection.h"
#include "scene/basemap.h"

namespace cmap::scene {
namespace {

// ---- mention shapes ----

bool hasPolygon(const MapContent& content, const model::ResolvedPlace& p) {
    return polygonLayer(content, p.layer) != nullptr;
}

// A mention drawn at the precision it has: towns and facilities as markers; areas with a polygon as
// hatched fills (countries as outlines, their fill would bury the map); areas without one as rings.
MentionShape shapeOf(const MapContent& content, const model::ResolvedPlace& p) {
    if (p.kind == geo::PlaceKind::City) return MentionShape::Marker;
    if (p.kind == geo::PlaceKind::Poi) return MentionShape::Facility;
    if (!hasPolygon(content, p)) return MentionShape::Ring;
    return p.layer == geo::Layer::Admin0 ? MentionShape::Outline : MentionShape::Area;
}

// One place, whichever article mentions it: what markers and labels are merged by.
std::string placeKey(const model::ResolvedPlace& p) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "|%d|%.5f|%.5f", static_cast<int>(p.kind), p.point.lon, p.point.lat);
    return p.name + buf;
}

// ---- area shapes ----

// One feature of a polygon layer as its own FeatureSet, so that an area draws (and triangulates)
// alone rather than as the whole admin-1 or regions layer.
geo::FeatureSetPtr extractFeature(const geo::FeatureSet& src, uint32_t f) { return featureSubset(src, {&f, 1}); }

// ---- focus ----

// What the map should be about: the box of the mentioned towns, facilities and provinces (their
// points) without the far strays: a point more than 3 times as far from the median as the nearest
// three quarters are is left out, so a namesake town abroad or a speech in New York does not zoom a
// Syria briefing out to the world. Countries and regions count only when nothing finer is
// mentioned: their centres sit far from what an article is about (Central Asia's is in Kazakhstan),
// and they draw as areas that need no room of their own.
geo::BBox focusBox(const MapContent& content) {
    std::vector<geo::LonLat> fine, all;
    for (const auto& doc : content.documents) {
        for (const auto& m : doc->mentions) {
            all.push_back(m.place.point);
            if (m.place.kind != geo::PlaceKind::Country && m.place.kind != geo::PlaceKind::Region &&
                m.place.kind != geo::PlaceKind::Water)
                fine.push_back(m.place.point);
        }
    }
    const std::vector<geo::LonLat>& pts = fine.empty() ? all : fine;
    geo::BBox box;
    if (!pts.empty()) {
        std::vector<double> lon, lat;
        for (const auto& p : pts) lon.push_back(p.lon), lat.push_back(p.lat);
        std::nth_element(lon.begin(), lon.begin() + static_cast<long>(lon.size() / 2), lon.end());
        std::nth_element(lat.begin(), lat.begin() + static_cast<long>(lat.size() / 2), lat.end());
        geo::LonLat median{lon[lon.size() / 2], lat[lat.size() / 2]};
        std::vector<double> km;
        for (const auto& p : pts) km.push_back(geo::haversineKm(p, median));
        std::vector<double> sorted = km;
        std::sort(sorted.begin(), sorted.end());
        double cutoff = 3 * sorted[(sorted.size() * 3) / 4] + 50;  // + 50 km: a cluster of one town
        for (size_t i = 0; i < pts.size(); ++i)
            if (km[i] <= cutoff) box.extend(pts[i]);
    }
    if (box.empty())
        for (const auto& o : content.overlays) box.extend(o->box);
    if (box.empty())
        for (const auto& e : content.events) box.extend(e->focus);
    if (box.empty()) return {-180, -60, 180, 85};
    // A single town is shown with its surroundings: at least ~4 degrees across.
    constexpr double kMinSpan = 4;
    if (box.maxLon - box.minLon < kMinSpan) {
        double c = (box.minLon + box.maxLon) / 2;
        box.minLon = c - kMinSpan / 2, box.maxLon = c + kMinSpan / 2;
    }
    if (box.maxLat - box.minLat < kMinSpan * 0.75) {
        double c = (box.minLat + box.maxLat) / 2;
        box.minLat = std::max(-89.0, c - kMinSpan * 0.375), box.maxLat = std::min(89.0, c + kMinSpan * 0.375);
    }
    return box;
}

}  // namespace

// The polygon layer an area's place indexes (its Place::feature), or null.
const geo::FeatureSet* polygonLayer(const MapContent& content, geo::Layer layer) {
    const geo::FeatureSetPtr& fs = content.layers[layer];
    return fs && fs->kind == geo::GeometryKind::Polygon ? fs.get() : nullptr;
}

// ---- the index ----

bool SceneIndex::indexes(const MapContent& content) const {
    return documents == content.documents && layers.byLayer == content.layers.byLayer && events == content.events;
}

geo::FeatureSetPtr SceneIndex::area(const model::ResolvedPlace& p) const {
    auto it = areas.find({p.layer, p.feature});
    return it == areas.end() ? nullptr : it->second;
}

std::shared_ptr<const SceneIndex> makeSceneIndex(const MapContent& content) {
    auto index = std::make_shared<SceneIndex>();
    SceneIndex& p = *index;
    p.documents = content.documents;
    p.layers = content.layers;
    p.events = content.events;
    std::unordered_map<std::string, uint32_t> keys;
    for (const auto& doc : content.documents) {
        p.first.push_back(p.place.size());
        for (const model::Mention& m : doc->mentions) {
            uint32_t key = keys.try_emplace(placeKey(m.place), static_cast<uint32_t>(keys.size())).first->second;
            p.place.push_back(key);
            p.item.push_back(m.date ? static_cast<uint32_t>(p.items.size()) : SceneIndex::kUndated);
            if (m.date) p.items.push_back({m.date->first, m.date->last, key});
            p.category.push_back(m.event < doc->events.size()
                                     ? static_cast<uint8_t>(static_cast<size_t>(doc->events[m.event].category) & 7)
                                     : SceneIndex::kNoCategory);
            MentionShape shape = shapeOf(content, m.place);
            p.shape.push_back(shape);
            // shapeOf found its polygon layer; the feature must be one of it.
            if ((shape == MentionShape::Area || shape == MentionShape::Outline) &&
                m.place.feature < content.layers[m.place.layer]->featureCount()) {
                geo::FeatureSetPtr& area = p.areas[{m.place.layer, m.place.feature}];
                if (!area) area = extractFeature(*content.layers[m.place.layer], m.place.feature);
            }
        }
    }
    p.placeCount = keys.size();
    p.focus = focusBox(content);
    p.projection = geo::Projection::fittedDefinition(p.focus);
    return index;
}

}  // namespace cmap::scene
