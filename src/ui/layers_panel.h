#pragma once
// Layers (left panel): one layer per article, per imported event dataset and per event category,
// each toggled and styled; overlays opened from files, each removable.
#include <string>
#include <vector>

#include "core/model/event_table.h"
#include "core/model/workspace.h"
#include "ui/layout.h"

namespace cmap::ui {

struct Viewer;
struct Session;

/// One row of the "Event datasets" section: a dataset the workspace lists, in its order.
struct EventDatasetRow {
    std::string path;            ///< the workspace's name for it (EventSourceRef::path)
    std::string id;              ///< its layer id, the key of its style in the workspace
    std::string name;            ///< the file name
    std::string detail;          ///< "1,204 events, 2015-09-30 to 2016-03-01", and skipped rows
    model::EventTablePtr table;  ///< null until imported (or when the import failed)
    model::LayerStyle style;     ///< the workspace's, else the default
};

/// The rows of the "Event datasets" section. Throws nothing but std::bad_alloc.
std::vector<EventDatasetRow> eventDatasetRows(const Session& s);

/// Sets a layer's style in the workspace (saved with it), marking it changed. Throws nothing.
void setLayerStyle(Session& s, const std::string& id, const model::LayerStyle& style);

struct LayersPanel {
    bool labels = true;  ///< the map's labels as a whole
};

void drawLayersPanel(Viewer& v, const Rect& r);

}  // namespace cmap::ui
