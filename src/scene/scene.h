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
#include "core/geo/vec2.h"
#include "core/model/furniture.h"
#include "scene/color.h"
#include "scene/view.h"

namespace cmap::scene {

/// Stripes drawn over a fill in screen space (they stay the same on screen while zooming).
struct Hatch {
    Color color = rgb(0x000000, 0.5f);
    float spacingPx = 6;
    float widthPx = 1;
    float angleDeg = 45;
    friend bool operator==(const Hatch&, const Hatch&) = default;
};

/// Polygon features filled. The renderer triangulates each FeatureSet once per projection.
struct FillLayer {
    geo::FeatureSetPtr features;
    Color color;
    /// Per-feature colours (size featureCount()) when not empty; alpha 0 hides a feature.
    std::vector<Color> featureColors;
    std::optional<Hatch> hatch;
    friend bool operator==(const FillLayer&, const FillLayer&) = default;
};

/// Polygon outlines (every ring) or line strings, as lines of constant screen width.
struct LineLayer {
    geo::FeatureSetPtr features;
    Color color;
    float widthPx = 1;
    friend bool operator==(const LineLayer&, const LineLayer&) = default;
};

/// Arrowhead: a narrow triangle whose tip lies ahead of the point by 0.3 of its size, so that a
/// line of up to size / 4.5 pixels ending at the point (round end included) stays inside it.
enum class PointShape { Circle, Square, Diamond, Triangle, Arrowhead };

struct Point {
    geo::LonLat at;
    float sizePx = 6;  ///< diameter (an arrowhead's length)
    Color color;
    float angleDeg = 0;  ///< where the shape points, counter-clockwise from the image's +x (east on most maps)
    friend bool operator==(const Point&, const Point&) = default;
};

/// Markers of constant screen size, drawn in order (later on top).
struct PointLayer {
    std::vector<Point> points;
    PointShape shape = PointShape::Circle;
    Color outline = rgb(0xffffff);
    float outlineWidthPx = 1;
    friend bool operator==(const PointLayer&, const PointLayer&) = default;
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
    friend bool operator==(const EventLayer&, const EventLayer&) = default;
};

enum class LabelPlacement {
    BesidePoint,  ///< right of the anchor, else left, above or below: for a marker of markerPx
    Centred,      ///< centred on the anchor: for areas
    Fixed,        ///< centred on the anchor and always drawn, placed before all others: text the user placed
};

struct Label {
    std::string text;  ///< UTF-8
    geo::LonLat anchor;
    float priority = 0;  ///< higher placed first; a label that would overlap a placed one is dropped
    float sizePx = 12;
    Color color = rgb(0x222222);
    LabelPlacement placement = LabelPlacement::BesidePoint;
    float markerPx = 6;  ///< diameter of the marker to keep clear of (BesidePoint)
    friend bool operator==(const Label&, const Label&) = default;
};

/// A marker drawn under each placed label of a layer (of the label's markerPx), and only then: a
/// town with no room for its name is left out whole instead of as an anonymous dot.
struct LabelMarker {
    PointShape shape = PointShape::Circle;
    Color color = rgb(0x3c3c3c);
    Color outline = rgb(0xffffff, 0.9f);
    float outlineWidthPx = 1;
    friend bool operator==(const LabelMarker&, const LabelMarker&) = default;
};

/// Labels of all label layers are placed together, by priority, and drawn above everything else.
struct LabelLayer {
    std::vector<Label> labels;
    Color halo = rgb(0xffffff, 0.85f);
    float haloPx = 1.5f;
    std::optional<LabelMarker> marker;
    friend bool operator==(const LabelLayer&, const LabelLayer&) = default;
};

/// Meridians and parallels every stepDeg degrees, projected like any other line.
struct GraticuleLayer {
    double stepDeg = 10;
    Color color = rgb(0x000000, 0.12f);
    float widthPx = 0.75f;
    friend bool operator==(const GraticuleLayer&, const GraticuleLayer&) = default;
};

/// The whole globe filled, as the projection shows it: the sea under a world map, with the
/// scene's background outside the projection's outline. Where the outline has no finite image
/// (azimuthal views), the globe covers the whole image. Meant as the first layer.
struct GlobeLayer {
    Color color;
    friend bool operator==(const GlobeLayer&, const GlobeLayer&) = default;
};

// ---- screen space: map furniture ----
// Title, legend, scale bar and the like sit on the image, not on the globe: they are given in
// logical pixels of the image and do not move with the view. The renderer measures their text and
// lays them out, so a piece's box fits its text at every scale.

/// Text on one line.
struct ScreenText {
    std::string text;  ///< UTF-8
    float sizePx = 11;
    Color color = rgb(0x1a1a1a);
    friend bool operator==(const ScreenText&, const ScreenText&) = default;
};

/// A legend symbol, sizePx square: how the map draws a kind of thing.
enum class SwatchKind : uint8_t { Marker, Diamond, Hatched, Outline, Ring, Block };
struct ScreenSwatch {
    SwatchKind kind = SwatchKind::Block;
    Color color = rgb(0x3c3c3c);
    float sizePx = 11;
    friend bool operator==(const ScreenSwatch&, const ScreenSwatch&) = default;
};

/// A bar lengthPx long in segments alternating dark and light, "0" under its start and label
/// (the distance it stands for, "200 km") under its end.
struct ScreenScaleBar {
    float lengthPx = 100;
    int segments = 4;
    std::string label;
    float textSizePx = 10;
    Color color = rgb(0x333333);
    friend bool operator==(const ScreenScaleBar&, const ScreenScaleBar&) = default;
};

/// An arrow pointing north, angleDeg clockwise from the image's up, with an N above its tip.
struct ScreenNorthArrow {
    float angleDeg = 0;
    float sizePx = 28;
    Color color = rgb(0x333333);
    friend bool operator==(const ScreenNorthArrow&, const ScreenNorthArrow&) = default;
};

/// One row of a panel: cells left to right, centred vertically on each other.
struct ScreenRow {
    std::vector<std::variant<ScreenText, ScreenSwatch, ScreenScaleBar, ScreenNorthArrow>> cells;
    float gapPx = 5;
    friend bool operator==(const ScreenRow&, const ScreenRow&) = default;
};

/// A box of rows. At a corner of the image (offset inwards), panels of one corner stacked inwards
/// in layer order; or, when `at` is set, placed with the point align (fractions of its size,
/// (0, 0) top-left, (1, 1) bottom-right) on that logical pixel, stacking with nothing.
struct ScreenPanel {
    model::Corner corner = model::Corner::TopLeft;
    geo::Vec2 offsetPx;
    std::optional<geo::Vec2> at;
    geo::Vec2 align;
    Color background = rgb(0xffffff, 0.86f);
    Color border = rgb(0x000000, 0.2f);
    float paddingPx = 6;
    float rowGapPx = 3;
    std::vector<ScreenRow> rows;
    friend bool operator==(const ScreenPanel&, const ScreenPanel&) = default;
};

/// Drawn above everything else (labels included), panels in order.
struct ScreenLayer {
    std::vector<ScreenPanel> panels;
    float marginPx = 10;     ///< between a corner's first panel and the image's edges
    float stackGapPx = 6;    ///< between panels stacked at one corner
    friend bool operator==(const ScreenLayer&, const ScreenLayer&) = default;
};

/// Layers compare by what they draw (their content, names aside): feature sets and event tables by
/// identity, since they are immutable and shared (edits make new ones), everything else by value. The
/// renderer keeps the image of the layers equal to last frame's.
struct Layer {
    std::string name;  ///< for layer lists and log lines
    std::variant<FillLayer, LineLayer, PointLayer, EventLayer, LabelLayer, GraticuleLayer, GlobeLayer, ScreenLayer> content;
};

struct Scene {
    std::string projection = "EPSG:3857";  ///< any definition geo::Projection::create accepts
    View view;
    Color background = rgb(0xffffff);
    std::vector<Layer> layers;  ///< drawn first to last
    /// How many leading layers are the backdrop (the basemap): they change with the view alone,
    /// the others with the timeline too, so the renderer keeps their image apart.
    size_t backdrop = 0;

    /// Appends a layer; returns it for further settings.
    template <class T>
    T& add(std::string name, T layer) {
        layers.push_back(Layer{std::move(name), std::move(layer)});
        return std::get<T>(layers.back().content);
    }
};

}  // namespace cmap::scene
