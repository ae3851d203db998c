#pragma once
// Slides as map states: presentation mode and `export --slide` both turn a slide into a MapState
// here, so a slide exported from the command line is what the presenter showed.
#include <map>
#include <optional>
#include <string>

#include "core/model/slide.h"
#include "core/model/workspace.h"
#include "scene/map_scene.h"

namespace cmap::scene {

/// The map a slide shows over content in a width x height (logical pixels) image: its projection
/// (empty: fitted to the content), its view (the area it was framed on, fitted to this size; none
/// when the slide has no scale: the fit to the data), its timeline position (the last day of its
/// date) and styles, the workspace's with the slide's visibility laid over them, and its confidence
/// threshold (minConfidence, the workspace's, for a slide that has none). Throws InputError for a
/// projection PROJ rejects.
MapState slideMapState(const model::Slide& slide, const MapContent& content,
                       const std::map<std::string, model::LayerStyle>& styles, double width, double height,
                       double minConfidence = 0);

/// The view a stored view state gives in a width x height image under projection definition def
/// (see slideMapState); none without a scale or when its centre does not project. Throws
/// InputError for a projection PROJ rejects.
std::optional<View> restoreView(const model::ViewState& v, const std::string& def, double width, double height);

/// A slide of what state shows over content now in a width x height image: view (with that
/// size, so that another screen shows the same area), time, confidence threshold and the
/// visibility of every article,
/// event-category and event-dataset layer of content. Title, notes and annotations are left
/// empty. Throws InputError for a projection PROJ rejects.
model::Slide slideFromState(const MapState& state, const MapContent& content, double width, double height);

/// The style layer id has when styles does not set it (an article's palette colour). Throws
/// nothing.
model::LayerStyle styleInEffect(const MapContent& content, const std::map<std::string, model::LayerStyle>& styles,
                                const std::string& id);

}  // namespace cmap::scene
