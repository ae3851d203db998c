#pragma once
// The slide list (left column): add a slide from the current view, reorder, update, delete, edit
// title and speaker notes; a click on a slide goes to it. F5 presents them (ui/presentation.h).
#include <cstddef>
#include <optional>

#include "core/model/slide.h"
#include "ui/layout.h"

namespace cmap::ui {

struct Viewer;

struct SlidesPanel {
    std::optional<size_t> selected;  ///< the slide last gone to or edited
};

void drawSlidesPanel(Viewer& v, const Rect& r);

/// A slide of what the map shows now (view, projection, time, layer visibility, the annotations),
/// titled "Slide N". Throws InputError for a projection PROJ rejects.
model::Slide slideOfCurrentView(const Viewer& v);

}  // namespace cmap::ui
