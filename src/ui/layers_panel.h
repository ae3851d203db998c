#pragma once
// Layers (left panel): one layer per article and one per event category, each toggled and
// styled; overlays opened from files, each removable.
#include "ui/layout.h"

namespace cmap::ui {

struct Viewer;

struct LayersPanel {
    bool labels = true;  ///< the map's labels as a whole
};

void drawLayersPanel(Viewer& v, const Rect& r);

}  // namespace cmap::ui
