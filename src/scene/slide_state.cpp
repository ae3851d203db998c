#include "scene/slide_state.h"

#include <cmath>
#include <set>

#include "core/geo/projection.h"

namespace cmap::scene {

model::LayerStyle styleInEffect(const MapContent& content, const std::map<std::string, model::LayerStyle>& styles,
                                const std::string& id) {
    if (auto it = styles.find(id); it != styles.end()) return it->second;
    for (size_t d = 0; d < content.documents.size(); ++d)
        if (layerIdForArticle(content.documents[d]->file) == id) return defaultArticleStyle(d);
    for (const auto& table : content.events)
        if (table && layerIdForEvents(table->path) == id) return defaultEventStyle();
    return {};
}

std::optional<View> restoreView(const model::ViewState& v, const std::string& def, double width, double height) {
    if (v.scale <= 0) return std::nullopt;
    geo::Vec2 c = geo::Projection::create(def).forward(geo::LonLat{v.centerLon, v.centerLat});
    if (std::isnan(c.x)) return std::nullopt;
    return View{c, refitScale(v.scale, v.width, v.height, width, height)};
}

MapState slideMapState(const model::Slide& slide, const MapContent& content,
                       const std::map<std::string, model::LayerStyle>& styles, double width, double height,
                       double minConfidence) {
    MapState s;
    s.minConfidence = slide.minConfidence.value_or(minConfidence);
    s.projection = slide.view.projection;
    s.view = restoreView(slide.view, s.projection.empty() ? defaultProjection(content) : s.projection, width, height);
    if (slide.timeline.date) s.time = model::TimeQuery{slide.timeline.mode, slide.timeline.date->lastDay(), slide.timeline.windowDays};
    s.annotationIds = slide.annotations;
    s.styles = styles;
    for (const auto& [id, visible] : slide.layers) {
        model::LayerStyle st = styleInEffect(content, styles, id);
        st.visible = visible;
        s.styles[id] = st;
    }
    return s;
}

model::Slide slideFromState(const MapState& state, const MapContent& content, double width, double height) {
    model::Slide slide;
    slide.view.projection = state.projection;
    slide.annotations = state.annotationIds;
    slide.minConfidence = state.minConfidence;
    if (state.view) {
        std::string def = state.projection.empty() ? defaultProjection(content) : state.projection;
        geo::LonLat c = geo::Projection::create(def).inverse(state.view->center);
        if (!std::isnan(c.lon)) {
            slide.view.centerLon = c.lon;
            slide.view.centerLat = c.lat;
            slide.view.scale = state.view->unitsPerPixel;
            slide.view.width = width;
            slide.view.height = height;
        }
        slide.view.clampToReadable();
    }
    if (state.time) {
        slide.timeline.mode = state.time->mode;
        slide.timeline.date = model::Date::fromDays(state.time->day);
        slide.timeline.windowDays = state.time->windowDays;
    }
    for (const auto& doc : content.documents) {
        std::string id = layerIdForArticle(doc->file);
        slide.layers[id] = styleInEffect(content, state.styles, id).visible;
    }
    for (model::EventCategory c : eventCategories(content)) {
        std::string id = layerIdForCategory(c);
        slide.layers[id] = styleInEffect(content, state.styles, id).visible;
    }
    for (const auto& table : content.events) {
        if (!table) continue;
        std::string id = layerIdForEvents(table->path);
        slide.layers[id] = styleInEffect(content, state.styles, id).visible;
    }
    return slide;
}

}  // namespace cmap::scene
