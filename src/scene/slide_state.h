#pragma once
// Slides as map states: presentation mode and `export --slide` both turn a slide into a MapState
// here, so a slide exported from the command line is what the presenter showed.
#include <map>
#include <string>

#include "core/model/slide.h"
#include "core/model/workspace.h"
#include "scene/map_scene.h"

namespace cmap::scene {

/// The map a slide shows over content: its projection (empty: fitted to the content), its view
/// (none when the slide has no scale: the fit to the data at the drawing's size), its timeline
/// position (the last day of its date) and styles, the workspace's with the slide's visibility
/// laid over them. Throws InputError for a projection PROJ rejects.
MapState slideMapState(const model::Slide& slide, const MapContent& content,
                       const std::map<std::string, model::LayerStyle>& styles);

/// A slide of what state shows over content now: view, time and the visibility of every
/// article and event-category layer of content. Title, notes and annotations are left empty.
/// Throws InputError for a projection PROJ rejects.
model::Slide slideFromState(const MapState& state, const MapContent& content);

/// The style layer id has when styles does not set it (an article's palette colour). Throws
/// nothing.
model::LayerStyle styleInEffect(const MapContent& content, const std::map<std::string, model::LayerStyle>& styles,
                                const std::string& id);

}  // namespace cmap::scene
