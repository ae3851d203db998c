#include "core/model/view_state.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "core/geo/projection.h"
#include "core/model/json_reader.h"

namespace cmap::model {

using nlohmann::json;

const char* timeModeName(TimeMode m) {
    switch (m) {
    case TimeMode::Cumulative: return "cumulative";
    case TimeMode::Window: return "window";
    case TimeMode::AsOf: return "asof";
    }
    return "cumulative";
}

std::optional<TimeMode> parseTimeMode(std::string_view name) {
    for (TimeMode m : {TimeMode::Cumulative, TimeMode::Window, TimeMode::AsOf})
        if (name == timeModeName(m)) return m;
    return std::nullopt;
}

void ViewState::clampToReadable() {
    auto clamp = [](double v, double lo, double hi, double otherwise) { return std::isnan(v) ? otherwise : std::clamp(v, lo, hi); };
    centerLon = clamp(centerLon, -180, 180, 0);
    centerLat = clamp(centerLat, -90, 90, 0);
    scale = clamp(scale, 0, kMaxScale, 0);
    width = clamp(width, 0, kMaxSize, 0);
    height = clamp(height, 0, kMaxSize, 0);
}

json viewStateToJson(const ViewState& v) {
    json j{{"projection", v.projection}, {"center_lon", v.centerLon}, {"center_lat", v.centerLat}, {"scale", v.scale}};
    if (v.width > 0 && v.height > 0) {
        j["width"] = v.width;
        j["height"] = v.height;
    }
    return j;
}

ViewState readViewState(const json& j, const JsonReader& r, const std::string& where) {
    if (!j.is_object()) r.fail(where, "expected an object");
    ViewState v;
    if (j.contains("projection")) {
        v.projection = r.str(j["projection"], where + ".projection");
        // Checked here, where the field can be named, not when the map is first drawn.
        if (!v.projection.empty())
            if (auto why = geo::projectionProblem(v.projection)) r.fail(where + ".projection", *why);
    }
    if (j.contains("center_lon")) v.centerLon = r.num(j["center_lon"], where + ".center_lon", -180, 180);
    if (j.contains("center_lat")) v.centerLat = r.num(j["center_lat"], where + ".center_lat", -90, 90);
    if (j.contains("scale")) v.scale = r.num(j["scale"], where + ".scale", 0, ViewState::kMaxScale);
    if (j.contains("width")) v.width = r.num(j["width"], where + ".width", 0, ViewState::kMaxSize);
    if (j.contains("height")) v.height = r.num(j["height"], where + ".height", 0, ViewState::kMaxSize);
    return v;
}

json timelineStateToJson(const TimelineState& t) {
    return {{"mode", timeModeName(t.mode)},
            {"date", t.date ? json(t.date->iso()) : json(nullptr)},
            {"window_days", t.windowDays}};
}

TimelineState readTimelineState(const json& j, const JsonReader& r, const std::string& where) {
    if (!j.is_object()) r.fail(where, "expected an object");
    TimelineState t;
    if (j.contains("mode")) {
        std::string m = r.str(j["mode"], where + ".mode");
        auto mode = parseTimeMode(m);
        if (!mode) r.fail(where + ".mode", "'" + m + "' is not cumulative, window or asof");
        t.mode = *mode;
    }
    if (j.contains("date")) t.date = r.date(j["date"], where + ".date");
    if (j.contains("window_days"))
        t.windowDays = static_cast<int>(r.num(j["window_days"], where + ".window_days", 1, 36500));
    return t;
}

}  // namespace cmap::model
