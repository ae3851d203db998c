#pragma once
// What to draw, as plain data (DESIGN.md): the GUI and `export` build a Scene, the renderer draws
// it, tests compare the result. No GL here, so a Scene can be built and checked on any thread.
#include <array>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/geo/feature_set.h"
#include "core/geo/lonlat.h"
#include "core/model/event_table.h"
#include "scene/color.h"
#include "scene/view.h"

namespace cmap::scene {

/// Stripes drawn over a fill in screen space (they stay the same on screen while zooming).
struct Hatch {
    Color color = rgb(0x000000, 0.5f);
    float spacingPx = 6;
    float widthPx = 1;
    float angleDeg = 45;
};

/// Polygon features filled. The renderer triangulates each FeatureSet once per projection.
struct FillLayer {
    geo::FeatureSetPtr features;
    Color color;
    /// Per-feature colours (size featureCount()) when not empty; alpha 0 hides a feature.
    std::vector<Color> featureColors;
    std::optional<Hatch> hatch;
};

/// Polygon outlines (every ring) or line strings, as lines of constant screen width.
struct LineLayer {
    geo::FeatureSetPtr features;
    Color color;
    float widthPx = 1;
};

enum class PointShape { Circle, Square, Diamond, Triangle };

struct Point {
    geo::LonLat at;
    float sizePx = 6;  ///< diameter
    Color color;
};

/// Markers of constant screen size, drawn in order (later on top).
struct PointLayer {
    std::vector<Point> points;
    PointShape shape = PointShape::Circle;
    Color outline = rgb(0xffffff);
    float outlineWidthPx = 1;
};

/// An imported event dataset as dots. Its columns go to the GPU once per projection and the
/// timeline filters them there (model::eventOpacity), so scrubbing a million events re-uploads
/// nothing. Drawn in table order (oldest first, the latest on top).
struct EventLayer {
    model::EventTablePtr events;
    std::optional<model::TimeQuery> time;  ///< empty = every event
    std::array<Color, 7> categoryColors;   ///< by model::EventCategory
    float opacity = 1;
    float sizePx = 4;  ///< diameter
    Color outline = rgb(0xffffff, 0.7f);
    float outlineWidthPx = 0.5f;
};

enum class LabelPlacement {
    BesidePoint,  ///< right of the anchor, else left, above or below: for a marker of markerPx
    Centred,      ///< centred on the anchor: for areas
};

struct Label {
    std::string text;  ///< UTF-8
    geo::LonLat anchor;
    float priority = 0;  ///< higher placed first; a label that would overlap a placed one is dropped
    float sizePx = 12;
    Color color = rgb(0x222222);
    LabelPlacement placement = LabelPlacement::BesidePoint;
    float markerPx = 6;  ///< diameter of the marker to keep clear of (BesidePoint)
};

/// A marker drawn under each placed label of a layer (of the label's markerPx), and only then: a
/// town with no room for its name is left out whole instead of as an anonymous dot.
struct LabelMarker {
    PointShape shape = PointShape::Circle;
    Color color = rgb(0x3c3c3c);
    Color outline = rgb(0xffffff, 0.9f);
    float outlineWidthPx = 1;
};

/// Labels of all label layers are placed together, by priority, and drawn above everything else.
struct LabelLayer {
    std::vector<Label> labels;
    Color halo = rgb(0xffffff, 0.85f);
    float haloPx = 1.5f;
    std::optional<LabelMarker> marker;
};

/// Meridians and parallels every stepDeg degrees, projected like any other line.
struct GraticuleLayer {
    double stepDeg = 10;
    Color color = rgb(0x000000, 0.12f);
    float widthPx = 0.75f;
};

/// The whole globe filled, as the projection shows it: the sea under a world map, with the
/// scene's background outside the projection's outline. Where the outline has no finite image
/// (azimuthal views), the globe covers the whole image. Meant as the first layer.
struct GlobeLayer {
    Color color;
};

struct Layer {
    std::string name;  ///< for layer lists and log lines
    std::variant<FillLayer, LineLayer, PointLayer, EventLayer, LabelLayer, GraticuleLayer, GlobeLayer> content;
};

struct Scene {
    std::string projection = "EPSG:3857";  ///< any definition geo::Projection::create accepts
    View view;
    Color background = rgb(0xffffff);
    std::vector<Layer> layers;  ///< drawn first to last

    /// Appends a layer; returns it for further settings.
    template <class T>
    T& add(std::string name, T layer) {
        layers.push_back(Layer{std::move(name), std::move(layer)});
        return std::get<T>(layers.back().content);
    }
};

}  // namespace cmap::scene
