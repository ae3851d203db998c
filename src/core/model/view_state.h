#pragma once
// Where the map looks and which moment it shows: the workspace keeps the current ones, each slide
// its own. Both are stored in the workspace file the same way (functions below).
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/date.h"
#include "core/model/timeline.h"

namespace cmap::model {

struct JsonReader;

struct ViewState {
    std::string projection;   ///< PROJ string or EPSG code; empty = fitted to the data
    double centerLon = 0, centerLat = 0;
    double scale = 0;         ///< map units per pixel; 0 = fit to the data
    /// The logical size of the map the view was framed on: shown at another size, the same area
    /// fits (scene::refitScale). 0 (files from before it was kept): the scale holds at any size.
    double width = 0, height = 0;
    friend bool operator==(const ViewState&, const ViewState&) = default;

    /// The largest scale and size readViewState accepts.
    static constexpr double kMaxScale = 1e9, kMaxSize = 1e6;
    /// Within the ranges readViewState accepts (a view zoomed past them keeps its nearest; NaN
    /// becomes "fit to the data"), so what the viewer saves it can open again. Throws nothing.
    void clampToReadable();
};

struct TimelineState {
    TimeMode mode = TimeMode::Cumulative;
    std::optional<Date> date;  ///< empty = show everything
    int windowDays = 30;
    friend bool operator==(const TimelineState&, const TimelineState&) = default;
};

/// "cumulative", "window", "asof". Throws nothing.
const char* timeModeName(TimeMode m);
/// The mode timeModeName names; empty for any other text. Throws nothing.
std::optional<TimeMode> parseTimeMode(std::string_view name);

/// {"projection", "center_lon", "center_lat", "scale", "width", "height"} (the size only when
/// known). Throws nothing.
nlohmann::json viewStateToJson(const ViewState& v);
/// Reads what viewStateToJson writes; absent fields keep their defaults. Throws DataError
/// (through r) naming the file and where + the field for a wrong type or range.
ViewState readViewState(const nlohmann::json& j, const JsonReader& r, const std::string& where);

/// {"mode", "date" (null = everything), "window_days"}. Throws nothing.
nlohmann::json timelineStateToJson(const TimelineState& t);
/// Reads what timelineStateToJson writes; absent fields keep their defaults. Throws DataError
/// (through r) like readViewState.
TimelineState readTimelineState(const nlohmann::json& j, const JsonReader& r, const std::string& where);

}  // namespace cmap::model
