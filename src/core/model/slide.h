#pragma once
// A slide of a briefing: a saved view of the map (view, projection, timeline position, which
// layers and annotations show) with a title and speaker notes. Presentation mode and
// `export --slide` turn a slide into the same map state (scene/slide_state.h).
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/model/view_state.h"

namespace cmap::model {

struct JsonReader;

struct Slide {
    std::string title;
    std::string notes;  ///< speaker notes, shown to the presenter only
    ViewState view;
    TimelineState timeline;
    /// Visibility by layer id ("article:FILE", "category:airstrike"); layers not listed keep the
    /// workspace's setting, so a slide made before an article was added does not hide it.
    std::map<std::string, bool> layers;
    /// Ids of the annotations the slide shows; none (absent in the file) shows them all, as a
    /// slide written before its workspace had annotations would expect.
    std::optional<std::vector<std::string>> annotations;
    /// The confidence threshold it shows mentions with; none (absent) takes the workspace's.
    std::optional<double> minConfidence;

    friend bool operator==(const Slide&, const Slide&) = default;
};

/// The slide as a JSON object, as the workspace file stores it. Throws nothing.
nlohmann::json slideToJson(const Slide& s);
/// Reads a workspace's "slides" list. Throws DataError (through r) naming the file and the JSON
/// path ("slides[2].timeline.date") of a value of the wrong type or range.
std::vector<Slide> readSlides(const nlohmann::json& j, const JsonReader& r);

}  // namespace cmap::model
