#include "core/model/slide.h"

#include <nlohmann/json.hpp>

#include "core/model/json_reader.h"

namespace cmap::model {

using nlohmann::json;

json slideToJson(const Slide& s) {
    json layers = json::object();
    for (const auto& [id, visible] : s.layers) layers[id] = visible;
    return {{"title", s.title},
            {"notes", s.notes},
            {"view", viewStateToJson(s.view)},
            {"timeline", timelineStateToJson(s.timeline)},
            {"layers", std::move(layers)},
            {"annotations", s.annotations ? json(*s.annotations) : json(nullptr)},
            {"min_confidence", s.minConfidence ? json(*s.minConfidence) : json(nullptr)}};
}

std::vector<Slide> readSlides(const json& j, const JsonReader& r) {
    std::vector<Slide> out;
    for (size_t i = 0; i < r.list(j, "slides").size(); ++i) {
        const json& sj = j[i];
        const std::string w = "slides[" + std::to_string(i) + "]";
        if (!sj.is_object()) r.fail(w, "expected an object");
        Slide s;
        if (sj.contains("title")) s.title = r.str(sj["title"], w + ".title");
        if (sj.contains("notes")) s.notes = r.str(sj["notes"], w + ".notes");
        if (sj.contains("view")) s.view = readViewState(sj["view"], r, w + ".view");
        if (sj.contains("timeline")) s.timeline = readTimelineState(sj["timeline"], r, w + ".timeline");
        if (sj.contains("layers")) {
            if (!sj["layers"].is_object()) r.fail(w + ".layers", "expected an object");
            for (const auto& [id, visible] : sj["layers"].items())
                s.layers[id] = r.boolean(visible, w + ".layers." + id);
        }
        if (sj.contains("annotations") && !sj["annotations"].is_null()) {
            const json& ids = r.list(sj["annotations"], w + ".annotations");
            s.annotations.emplace();
            for (size_t k = 0; k < ids.size(); ++k)
                s.annotations->push_back(r.str(ids[k], w + ".annotations[" + std::to_string(k) + "]"));
        }
        if (sj.contains("min_confidence") && !sj["min_confidence"].is_null())
            s.minConfidence = r.num(sj["min_confidence"], w + ".min_confidence", 0, 1);
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace cmap::model
