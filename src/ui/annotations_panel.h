#pragma once
// The annotation tools (a strip over the map): select, text, callout, arrow, curved arrow,
// range ring, polygon, freehand; the editor of the selected annotation (text, style, time span);
// placing and dragging on the map; Delete, Ctrl+Z and Ctrl+Y / Ctrl+Shift+Z.
#include <optional>
#include <string>
#include <vector>

#include "core/geo/lonlat.h"
#include "core/geo/vec2.h"
#include "core/model/annotation.h"
#include "core/model/edit_history.h"
#include "ui/layout.h"

namespace cmap::ui {

struct Viewer;

enum class AnnotationTool { Select, Text, Callout, Arrow, CurvedArrow, RangeRing, Polygon, Freehand };

struct AnnotationsPanel {
    AnnotationTool tool = AnnotationTool::Select;
    std::optional<std::string> selected;  ///< id of the selected annotation
    std::vector<geo::LonLat> pending;     ///< points the tool has placed so far
    std::string text = "Label";           ///< for new text and callouts
    double ringKm = 100;
    model::AnnotationStyle style;         ///< for new annotations

    // A drag on the map: a point of the selected annotation (handle >= 0) or all of it.
    bool dragging = false;
    int handle = -1;
    geo::Vec2 lastProjected;
    std::optional<model::Edits> dragBefore;  ///< recorded once the drag moves
    bool editing = false;  ///< an editor widget is being changed (one undo step per change)
    std::string fromText, toText;  ///< the time span fields as typed
    std::string fieldsFor;         ///< the annotation the span fields were filled from
};

/// The tools in the strip r over the map; the tool's settings or the selected annotation's editor
/// drop down from it over the map's top left.
void drawAnnotationsPanel(Viewer& v, const Rect& r);
/// Mouse on the map for the annotation tools; returns whether it took the mouse (no pan then).
bool handleAnnotationInput(Viewer& v, bool over, double px, double py);
/// Undo and redo (of any edit), Delete, Esc and Enter, when no text field has the keyboard.
void handleAnnotationKeys(Viewer& v);
/// The selected annotation's handles and the tool's points so far, over the map.
void drawAnnotationOverlay(Viewer& v);

}  // namespace cmap::ui
