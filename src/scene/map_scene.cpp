// Sections: styles and ids | which mentions show (timeline, layer styles) | default projection and
// view | scene layers | picking. What depends on the content alone is in scene_index.cpp.
#include "scene/map_scene.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/error.h"
#include "core/geo/projection.h"
#include "scene/annotation_layers.h"
#include "scene/graticule.h"
#include "scene/highlight_layer.h"
#include "scene/scene_index.h"
#include "scene/style.h"

namespace cmap::scene {
namespace {

// ---- styles and ids ----

// Labels of mentioned places outrank every basemap label (towns and countries stay below ~10).
constexpr float kMarkerLabelPriority = 100;
constexpr float kAreaLabelPriority = 90;
constexpr double kPickPx = 8;

Color fromRgba(uint32_t rgba, float opacity) {
    Color c = rgb(rgba >> 8, static_cast<float>(rgba & 0xff) / 255.0f);
    c.a *= opacity;
    return c;
}

Color withAlpha(Color c, float a) {
    c.a = a;
    return c;
}

const model::LayerStyle* findStyle(const MapState& state, const std::string& id) {
    auto it = state.styles.find(id);
    return it == state.styles.end() ? nullptr : &it->second;
}

model::LayerStyle articleStyle(const MapContent& content, const MapState& state, size_t d) {
    if (const auto* s = findStyle(state, layerIdForArticle(content.documents[d]->file))) return *s;
    return defaultArticleStyle(d);
}

bool categoryVisible(const MapState& state, model::EventCategory c) {
    const auto* s = findStyle(state, layerIdForCategory(c));
    return !s || s->visible;
}

// ---- which mentions show ----

struct Shown {
    MentionRef ref;
    const model::Mention* mention;
    uint32_t place;  // SceneIndex::place
    MentionShape shape;
    float opacity;   // timeline x layer opacity
    Color color;     // the article's, full alpha
    float sizePx;    // marker diameter
    bool labels;
    bool dayPrecise;  // dated to the day, or undated (nothing to be vague about)
};

// Whether a mention's date is as precise as a day: a week, month or longer draws hollow, so a
// report "in September" does not look like one of the 15th.
bool dayPrecise(const model::Mention& m) { return !m.date || m.date->precision == model::Precision::Day; }

// The visible mentions in document and text order: timeline first, then the article's and the
// event category's layer styles.
std::vector<Shown> shownMentions(const MapContent& content, const SceneIndex& prepared, const MapState& state) {
    std::vector<float> timeOpacity = state.time ? model::evaluate(prepared.items, *state.time) : std::vector<float>{};
    std::vector<Shown> shown;
    const auto& px = defaultStyle().mentions;
    for (size_t d = 0; d < content.documents.size(); ++d) {
        const auto& doc = *content.documents[d];
        model::LayerStyle style = articleStyle(content, state, d);
        if (!style.visible || style.opacity <= 0) continue;
        bool hidden[8] = {};  // by EventCategory: looked up once per document, not per mention
        for (int c = 0; c < 7; ++c) hidden[c] = !categoryVisible(state, static_cast<model::EventCategory>(c));
        // As of a day, a report published later was not yet known: its article shows nothing.
        if (state.time && state.time->mode == model::TimeMode::AsOf && doc.meta.published &&
            doc.meta.published->firstDay() > state.time->day)
            continue;
        Color color = fromRgba(style.rgba, 1);
        float size = std::max(style.size, 0.1f);
        // Only the prepared per-mention arrays are read until a mention is known to show: while
        // scrubbing, most of a long briefing is outside the window.
        for (size_t m = 0; m < doc.mentions.size(); ++m) {
            size_t flat = prepared.first[d] + m;
            if (hidden[prepared.category[flat]]) continue;
            uint32_t item = prepared.item[flat];
            // Undated mentions, and everything when no time is chosen, show fully.
            float opacity = state.time && item != SceneIndex::kUndated ? timeOpacity[item] : 1.f;
            opacity *= std::clamp(style.opacity, 0.f, 1.f);
            if (opacity <= 0) continue;
            const model::Mention& mention = doc.mentions[m];
            if (mention.confidence < state.minConfidence) continue;
            MentionShape shape = prepared.shape[flat];
            float base = shape == MentionShape::Facility ? px.facilityPx : shape == MentionShape::Ring ? px.ringPx : px.townPx;
            shown.push_back({{d, m}, &mention, prepared.place[flat], shape, opacity, color, base * size,
                             style.labels && state.labels, dayPrecise(mention)});
        }
    }
    return shown;
}
// ---- default projection and view ----

double marginPx(double width, double height) { return std::max(24.0, 0.08 * std::min(width, height)); }

// ---- scene layers ----

// Points of a layer the user brings: a handful of sites marked boldly, a hundred thousand towns as
// fine dots that leave the map readable: 7 pixels up to 100 points, 1.25 less for each tenfold
// more, 2.5 at least; below 5 pixels the white edge would be most of the dot, so there is none.
PointLayer overlayPoints(const geo::FeatureSet& o, Color c) {
    PointLayer points;
    points.shape = PointShape::Square;
    const size_t count = o.partStart.size() - 1;
    const auto size = static_cast<float>(
        std::clamp(7.0 - 1.25 * std::log10(static_cast<double>(std::max<size_t>(count, 1)) / 100.0), 2.5, 7.0));
    if (size < 5) points.outlineWidthPx = 0;
    points.points.reserve(count);
    for (size_t part = 0; part < count; ++part) points.points.push_back({o.coords[o.ringStart[o.partStart[part]]], size, c});
    return points;
}

void addOverlays(Scene& scene, const MapContent& content) {
    for (size_t i = 0; i < content.overlays.size(); ++i) {
        const auto& o = content.overlays[i];
        if (!o) continue;
        const Color c = overlayColor(i);
        std::string name = "overlay " + o->path;
        switch (o->kind) {
        case geo::GeometryKind::Polygon:
            scene.add(name, FillLayer{o, withAlpha(c, 0.15f), {}, std::nullopt});
            scene.add(name + " outline", LineLayer{o, withAlpha(c, 0.9f), 1.2f});
            break;
        case geo::GeometryKind::Line:
            scene.add(name, LineLayer{o, withAlpha(c, 0.9f), 1.8f});
            break;
        case geo::GeometryKind::Point:
            scene.add(name, overlayPoints(*o, c));
            break;
        case geo::GeometryKind::None:
            break;
        }
    }
}

// One entry per drawn place and article (markers) or per place (areas): mentions merged.
void addEvents(Scene& scene, const MapContent& content, const MapState& state) {
    for (const auto& table : content.events) {
        if (!table || table->size() == 0) continue;
        const auto* found = findStyle(state, layerIdForEvents(table->path));
        const model::LayerStyle style = found ? *found : defaultEventStyle();
        if (!style.visible || style.opacity <= 0) continue;
        EventLayer layer;
        layer.events = table;
        layer.time = state.time;
        layer.opacity = std::clamp(style.opacity, 0.f, 1.f);
        layer.sizePx = defaultStyle().mentions.eventPx * std::max(style.size, 0.1f);
        for (int c = 0; c < 7; ++c) {
            auto category = static_cast<model::EventCategory>(c);
            layer.categoryColors[static_cast<size_t>(c)] =
                !categoryVisible(state, category) ? withAlpha(rgb(0), 0)
                : style.byCategory                ? eventCategoryColor(category)
                                                  : fromRgba(style.rgba, 1);
        }
        scene.add("events " + table->path, std::move(layer));
    }
}

struct Mark {
    const Shown* first;  // the most opaque mention, which gives colour and size
    float opacity = 0;
    int count = 0;
    bool labels = false;
    float strength = 1;  // areas: fainter when they cover much of the image
    bool dayPrecise = false;  // some mention of it is dated to the day
};

void merge(Mark& mark, const Shown& s) {
    if (!mark.first || s.opacity > mark.opacity) mark.first = &s, mark.opacity = s.opacity;
    ++mark.count;
    mark.labels = mark.labels || s.labels;
    mark.dayPrecise = mark.dayPrecise || s.dayPrecise;
}

// Marker size grows a little with how often the article names the place: emphasis, not a scale.
float markerSize(const Mark& m) {
    return m.first->sizePx * (1.0f + 0.12f * std::min(3.0f, std::log2(static_cast<float>(m.count))));
}

// A fading mention's name fades less than its marker: it must stay readable, and darker than the
// basemap's names.
float labelAlpha(float opacity) { return 0.55f + 0.45f * opacity; }

// Opacity steps for layers whose outline colour is per layer: a fading marker's white edge must
// fade with it.
float opacityStep(float opacity) { return std::ceil(opacity * 16.0f) / 16.0f; }

// The share of the image a lon/lat box covers (its projected outline's bounding rectangle, clipped
// to the image), from 0 to 1.
double screenFraction(const geo::Projection& projection, const View& view, const geo::BBox& box, double width,
                      double height) {
    if (box.empty()) return 0;
    constexpr int kSteps = 8;
    std::vector<geo::LonLat> edge;
    for (int i = 0; i <= kSteps; ++i) {
        double t = static_cast<double>(i) / kSteps;
        double lon = box.minLon + t * (box.maxLon - box.minLon);
        double lat = box.minLat + t * (box.maxLat - box.minLat);
        edge.insert(edge.end(), {{lon, box.minLat}, {lon, box.maxLat}, {box.minLon, lat}, {box.maxLon, lat}});
    }
    std::vector<geo::Vec2> xy(edge.size());
    projection.forward(edge, xy);
    double x0 = width, y0 = height, x1 = 0, y1 = 0;
    for (const geo::Vec2& p : xy) {
        if (std::isnan(p.x)) continue;
        geo::Vec2 px = view.toPixel(p, width, height);
        x0 = std::min(x0, px.x), y0 = std::min(y0, px.y), x1 = std::max(x1, px.x), y1 = std::max(y1, px.y);
    }
    double w = std::clamp(x1, 0.0, width) - std::clamp(x0, 0.0, width);
    double h = std::clamp(y1, 0.0, height) - std::clamp(y0, 0.0, height);
    return w > 0 && h > 0 ? w * h / (width * height) : 0;
}

// How strongly an area is filled: fully while it is a detail of the map, fading to a faint tint
// once it covers much of the image ("the Middle East" must not bury the towns it contains).
float fillStrength(double fraction) {
    constexpr double kDetail = 0.03, kBackdrop = 0.2;
    if (fraction <= kDetail) return 1;
    if (fraction >= kBackdrop) return 0.2f;
    return static_cast<float>(1 - 0.8 * (fraction - kDetail) / (kBackdrop - kDetail));
}

void addAreas(Scene& scene, const SceneIndex& index, const std::vector<Shown>& shown,
              const geo::Projection& projection, double width, double height, std::vector<Label>& labels) {
    std::unordered_map<uint32_t, Mark> areas;
    std::vector<uint32_t> order;
    for (const Shown& s : shown) {
        if (s.shape != MentionShape::Area && s.shape != MentionShape::Outline) continue;
        if (!areas.contains(s.place)) order.push_back(s.place);
        merge(areas[s.place], s);
    }
    // Fills first (larger areas under smaller ones), then every outline above all fills.
    std::vector<std::pair<double, uint32_t>> bySize;
    for (uint32_t key : order) {
        const geo::BBox& b = areas[key].first->mention->place.box;
        bySize.push_back({b.empty() ? 0 : (b.maxLon - b.minLon) * (b.maxLat - b.minLat), key});
    }
    std::stable_sort(bySize.begin(), bySize.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::pair<geo::FeatureSetPtr, const Mark*>> outlines;
    for (const auto& [size, key] : bySize) {
        Mark& m = areas[key];
        const model::ResolvedPlace& place = m.first->mention->place;
        geo::FeatureSetPtr shape = index.area(place);
        if (!shape) continue;
        if (m.first->shape == MentionShape::Area) {
            Color c = m.first->color;
            float strength = fillStrength(screenFraction(projection, scene.view, shape->box, width, height));
            Hatch hatch{withAlpha(c, 0.6f * strength * m.opacity), strength < 1 ? 9.f : 7.f, 1.3f, 45};
            scene.add("area " + place.name, FillLayer{shape, withAlpha(c, 0.16f * strength * m.opacity), {}, hatch});
            m.strength = strength;
            if (m.labels) {
                Label l;
                l.text = place.name;
                l.anchor = place.point;
                l.priority = kAreaLabelPriority + static_cast<float>(m.count);
                l.sizePx = defaultStyle().mentions.areaLabelPx;
                l.color = withAlpha(defaultStyle().mentions.areaLabel, labelAlpha(m.opacity));
                l.placement = LabelPlacement::Centred;
                labels.push_back(std::move(l));
            }
        }
        outlines.push_back({shape, &m});
    }
    for (const auto& [shape, m] : outlines) {
        bool country = m->first->shape == MentionShape::Outline;
        scene.add((country ? "country " : "area outline ") + m->first->mention->place.name,
                  LineLayer{shape,
                            withAlpha(m->first->color, (country ? 0.85f : 0.75f * (0.4f + 0.6f * m->strength)) * m->opacity),
                            country ? 2.0f : 1.2f});
    }
}

void addMarkers(Scene& scene, const MapContent& content, const std::vector<Shown>& shown,
                std::vector<Label>& labels) {
    // Mentions of one place merge per article; the articles that share a place draw as concentric
    // discs (the first article's in the middle, each further one a ring around it), so every source
    // stays visible and the marker stays exactly on the place.
    std::unordered_map<uint32_t, std::map<size_t, Mark>> places;
    std::vector<uint32_t> order;
    for (const Shown& s : shown) {
        if (s.shape != MentionShape::Marker && s.shape != MentionShape::Facility && s.shape != MentionShape::Ring)
            continue;
        if (!places.contains(s.place)) order.push_back(s.place);
        merge(places[s.place][s.ref.document], s);
    }
    struct LayerKey {
        int ring;  // outer rings first
        MentionShape shape;
        size_t document;
        float step;
        bool vague;  // dated coarser than a day: white inside, the article's colour round it
        bool operator<(const LayerKey& o) const {
            if (ring != o.ring) return ring > o.ring;
            return std::tie(shape, document, step, vague) < std::tie(o.shape, o.document, o.step, o.vague);
        }
    };
    const auto& style = defaultStyle().mentions;
    std::map<LayerKey, PointLayer> layers;
    for (uint32_t key : order) {
        const auto& byDoc = places[key];
        const Mark& first = byDoc.begin()->second;
        const model::ResolvedPlace& place = first.first->mention->place;
        float size = markerSize(first);
        int ring = 0;
        bool labelled = false;
        float opacity = 0;
        for (const auto& [d, m] : byDoc) {
            float diameter = size + style.ringStepPx * static_cast<float>(ring);
            float step = opacityStep(m.opacity);
            bool hollow = m.first->shape == MentionShape::Ring;
            bool vague = !hollow && !m.dayPrecise;
            PointLayer& layer = layers[{ring, m.first->shape, d, step, vague}];
            layer.shape = m.first->shape == MentionShape::Facility ? PointShape::Diamond : PointShape::Circle;
            layer.outline = hollow || vague ? withAlpha(m.first->color, step) : withAlpha(style.markerEdge, step);
            layer.outlineWidthPx = hollow ? 2.5f : vague ? 3.f : 1.5f;
            // A ring's fill is clear: an area without a polygon marks where, not how far.
            Color fill = hollow ? withAlpha(m.first->color, 0.f)
                       : vague  ? withAlpha(style.markerEdge, m.opacity)
                                : withAlpha(m.first->color, m.opacity);
            layer.points.push_back({place.point, diameter, fill});
            labelled = labelled || m.labels;
            opacity = std::max(opacity, m.opacity);
            ++ring;
        }
        if (!labelled) continue;
        Label l;
        l.text = place.name;
        l.anchor = place.point;
        l.priority = kMarkerLabelPriority + static_cast<float>(ring);
        l.sizePx = style.labelPx;
        l.color = withAlpha(style.label, labelAlpha(opacity));
        l.markerPx = size + style.ringStepPx * static_cast<float>(ring - 1);
        labels.push_back(std::move(l));
    }
    for (auto& [k, layer] : layers)
        scene.add("markers " + content.documents[k.document]->file, std::move(layer));
}

// The basemap names the larger towns with a dot each, drawn above every marker. A town the
// briefing marks is named by the briefing alone; a town where the briefing marks a facility (the
// Kremlin in Moscow) keeps its name but loses its dot, which would cover the facility's marker.
void adjustBasemapTowns(Scene& scene, const std::vector<Shown>& shown) {
    constexpr double kSameTownKm = 5;
    std::vector<const Shown*> marked;
    for (const Shown& s : shown)
        if (s.shape == MentionShape::Marker || s.shape == MentionShape::Facility) marked.push_back(&s);
    if (marked.empty()) return;
    // Each town used to be compared with every marked mention (a haversine each: 10 ms a frame
    // with 2,000 markers shown). The same answer from fewer comparisons: names through a hash set,
    // and distances only for the mentions in the town's latitude band, as a great-circle distance
    // is at least R * |dLat| (5 km is 0.045 degrees; the band is wider to stay clear of rounding).
    // A town still goes when any mention has its name or is a town within 5 km, and otherwise
    // moves to the last facility within 5 km in document order, as before.
    constexpr double kBandDeg = 0.06;
    std::unordered_set<std::string_view> names;
    for (const Shown* s : marked) names.insert(s->mention->place.name);
    std::vector<uint32_t> byLat;     // indices into marked with a latitude, by latitude
    std::vector<uint32_t> anywhere;  // those without one (NaN): compared with every town
    for (uint32_t i = 0; i < marked.size(); ++i)
        (std::isnan(marked[i]->mention->place.point.lat) ? anywhere : byLat).push_back(i);
    auto latOf = [&](uint32_t i) { return marked[i]->mention->place.point.lat; };
    std::stable_sort(byLat.begin(), byLat.end(), [&](uint32_t a, uint32_t b) { return latOf(a) < latOf(b); });
    std::vector<uint32_t> nearby;
    LabelLayer undotted;
    for (Layer& layer : scene.layers) {
        auto* towns = std::get_if<LabelLayer>(&layer.content);
        if (!towns || !towns->marker) continue;  // only town layers draw their own dots
        undotted.halo = towns->halo;
        undotted.haloPx = towns->haloPx;
        std::erase_if(towns->labels, [&](const Label& l) {
            if (names.contains(l.text)) return true;
            nearby.assign(anywhere.begin(), anywhere.end());
            auto from = std::lower_bound(byLat.begin(), byLat.end(), l.anchor.lat - kBandDeg,
                                         [&](uint32_t i, double lat) { return latOf(i) < lat; });
            for (auto it = from; it != byLat.end() && latOf(*it) <= l.anchor.lat + kBandDeg; ++it) nearby.push_back(*it);
            const Shown* facility = nullptr;
            uint32_t facilityIndex = 0;
            for (uint32_t i : nearby) {
                const Shown* s = marked[i];
                // Not ">=": a NaN distance is never near, as before.
                if (!(geo::haversineKm(s->mention->place.point, l.anchor) < kSameTownKm)) continue;
                if (s->shape == MentionShape::Marker) return true;
                if (!facility || i > facilityIndex) facility = s, facilityIndex = i;  // the last in order
            }
            if (!facility) return false;
            Label moved = l;
            moved.anchor = facility->mention->place.point;
            moved.markerPx = std::max(l.markerPx, facility->sizePx + 8);  // clear of the marker and its rings
            undotted.labels.push_back(std::move(moved));
            return true;
        });
    }
    if (!undotted.labels.empty()) scene.add("towns at marked facilities", std::move(undotted));
}

struct Frame {
    std::string projection;
    View view;
};

View fitFocus(const SceneIndex& index, const std::string& projection, double width, double height,
              SceneCache& cache) {
    return fitBox(cache.projection(projection), index.focus, width, height, marginPx(width, height));
}

Frame frameFor(const SceneIndex& index, const MapState& state, double width, double height, SceneCache& cache) {
    Frame f;
    f.projection = state.projection.empty() ? index.projection : state.projection;
    f.view = state.view ? *state.view : fitFocus(index, f.projection, width, height, cache);
    return f;
}

// The content's own index (makeMapContent builds it with the content); content put together by
// hand (as tests do) or changed since gets one made for the call. Either way the result depends
// on the content alone.
std::shared_ptr<const SceneIndex> indexFor(const MapContent& content) {
    if (content.index && content.index->indexes(content)) return content.index;
    return makeSceneIndex(content);
}

std::vector<PlacedMention> placeWith(const MapContent& content, const SceneIndex& index, const MapState& state,
                                     double width, double height, SceneCache& cache) {
    Frame f = frameFor(index, state, width, height, cache);
    const geo::Projection& projection = cache.projection(f.projection);
    std::vector<PlacedMention> out;
    for (const Shown& s : shownMentions(content, index, state)) {
        geo::Vec2 xy = projection.forward(s.mention->place.point);
        geo::Vec2 px = std::isnan(xy.x) ? geo::Vec2{std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()} : f.view.toPixel(xy, width, height);
        bool marker = s.shape == MentionShape::Marker || s.shape == MentionShape::Facility || s.shape == MentionShape::Ring;
        out.push_back({s.ref, s.shape, s.mention->place.point, px, s.opacity, s.color, marker ? s.sizePx : 0.f,
                       s.dayPrecise});
    }
    return out;
}

}  // namespace

// ---- public ----

std::vector<const model::Annotation*> visibleAnnotations(const MapState& state) {
    return shownAnnotations(state.annotations, state.annotationIds,
                            state.time ? std::optional<int>(state.time->day) : std::nullopt);
}

std::string layerIdForArticle(const std::string& file) { return "article:" + file; }

std::string layerIdForCategory(model::EventCategory c) { return "category:" + std::string(model::categoryName(c)); }

std::string layerIdForEvents(const std::string& file) { return "events:" + file; }

std::set<model::EventCategory> eventCategories(const MapContent& content) {
    std::set<model::EventCategory> present;
    for (const auto& doc : content.documents)
        for (const model::Event& e : doc->events) present.insert(e.category);
    for (const auto& table : content.events)
        for (size_t c = 0; table && c < model::kEventCategoryCount; ++c)
            if (table->perCategory[c]) present.insert(static_cast<model::EventCategory>(c));
    return present;
}

Color overlayColor(size_t index) {
    const auto& palette = defaultStyle().palettes.overlays;
    return rgb(palette[index % palette.size()]);
}

Color eventCategoryColor(model::EventCategory c) {
    const auto& p = defaultStyle().palettes;
    return rgb(p.eventCategories[static_cast<size_t>(c) % p.eventCategories.size()], p.eventCategoryOpacity);
}

model::LayerStyle defaultEventStyle() {
    const auto& p = defaultStyle().palettes;
    model::LayerStyle s;
    // The category colours' opacity, so that turning colour by category off keeps the dots' weight.
    s.rgba = p.eventDataset << 8 | static_cast<uint32_t>(std::lround(p.eventCategoryOpacity * 255));
    return s;
}

model::LayerStyle defaultArticleStyle(size_t documentIndex) {
    const auto& palette = defaultStyle().palettes.articles;
    model::LayerStyle s;
    s.rgba = (palette[documentIndex % palette.size()] << 8) | 0xffu;
    return s;
}

std::string defaultProjection(const MapContent& content) { return indexFor(content)->projection; }

View defaultView(const MapContent& content, const std::string& projection, double width, double height) {
    SceneCache cache;
    return defaultView(content, projection, width, height, cache);
}

View defaultView(const MapContent& content, const std::string& projection, double width, double height,
                 SceneCache& cache) {
    return fitFocus(*indexFor(content), projection, width, height, cache);
}

std::vector<PlacedMention> placeMentions(const MapContent& content, const MapState& state, double width,
                                         double height) {
    SceneCache cache;
    return placeMentions(content, state, width, height, cache);
}

std::vector<PlacedMention> placeMentions(const MapContent& content, const MapState& state, double width,
                                         double height, SceneCache& cache) {
    return placeWith(content, *indexFor(content), state, width, height, cache);
}

Scene buildMapScene(const MapContent& content, const MapState& state, double width, double height) {
    SceneCache cache;
    return buildMapScene(content, state, width, height, cache);
}

Scene buildMapScene(const MapContent& content, const MapState& state, double width, double height,
                    SceneCache& cache) {
    const auto index = indexFor(content);
    Frame f = frameFor(*index, state, width, height, cache);
    const geo::Projection& projection = cache.projection(f.projection);
    Scene scene;
    if (content.basemap.admin0) {
        scene = cache.basemap(content.basemap, projection, f.view, width, height);
    } else {
        scene.projection = projection.definition();
        scene.view = f.view;
        scene.background = defaultStyle().withoutBasemap.paper;
        scene.add("graticule", defaultStyle().withoutBasemap.graticule);
        scene.backdrop = 1;
    }
    std::vector<Shown> shown = shownMentions(content, *index, state);
    adjustBasemapTowns(scene, shown);
    addOverlays(scene, content);
    addEvents(scene, content, state);
    std::vector<Label> labels;
    addAreas(scene, *index, shown, projection, width, height, labels);
    addMarkers(scene, content, shown, labels);
    if (!labels.empty()) {
        LabelLayer layer;
        layer.labels = std::move(labels);
        layer.halo = defaultStyle().mentions.labelHalo;
        layer.haloPx = defaultStyle().mentions.labelHaloPx;
        scene.add("mention labels", std::move(layer));
    }
    addAnnotationLayers(scene, visibleAnnotations(state), projection, cache);
    if (state.highlight) {
        // Only a mention the map shows gets its ring (not one hidden or below the threshold).
        auto it = std::find_if(shown.begin(), shown.end(), [&](const Shown& s) { return s.ref == *state.highlight; });
        if (it != shown.end()) addHighlight(scene, it->mention->place.point, it->sizePx);
    }
    return scene;
}

std::optional<MentionRef> pickMention(const MapContent& content, const MapState& state, double width, double height,
                                      double px, double py) {
    SceneCache cache;
    return pickMention(content, state, width, height, px, py, cache);
}

std::optional<MentionRef> pickMention(const MapContent& content, const MapState& state, double width, double height,
                                      double px, double py, SceneCache& cache) {
    const auto index = indexFor(content);
    std::vector<PlacedMention> placed = placeWith(content, *index, state, width, height, cache);
    // Markers first: the nearest whose edge is within a few pixels; later (drawn on top) wins ties.
    std::optional<MentionRef> best;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (const PlacedMention& p : placed) {
        if (p.sizePx <= 0 || std::isnan(p.pixel.x)) continue;
        double d = std::hypot(p.pixel.x - px, p.pixel.y - py);
        if (d <= std::max(kPickPx, p.sizePx / 2.0 + 3) && d <= bestDistance) best = p.ref, bestDistance = d;
    }
    if (best) return best;
    // Then the smallest area that contains the pixel.
    Frame f = frameFor(*index, state, width, height, cache);
    geo::LonLat at = cache.projection(f.projection).inverse(f.view.unproject(px, py, width, height));
    if (std::isnan(at.lon)) return std::nullopt;
    double smallest = std::numeric_limits<double>::infinity();
    for (const PlacedMention& p : placed) {
        if (p.shape != MentionShape::Area && p.shape != MentionShape::Outline) continue;
        const model::ResolvedPlace& place = content.documents[p.ref.document]->mentions[p.ref.mention].place;
        const geo::FeatureSet* layer = polygonLayer(content, place.layer);
        if (!layer || place.feature >= layer->featureCount() || !layer->contains(place.feature, at)) continue;
        const geo::BBox& b = layer->featureBox[place.feature];
        double size = (b.maxLon - b.minLon) * (b.maxLat - b.minLat);
        if (size < smallest) best = p.ref, smallest = size;
    }
    return best;
}

}  // namespace cmap::scene
