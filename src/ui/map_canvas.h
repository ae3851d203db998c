#pragma once
// The map canvas: the briefing map drawn by the renderer into the window's free area, steered
// with the mouse (drag to pan, wheel to zoom at the cursor) and keyboard (arrows, +/-, F, Home).
#include <optional>
#include <string>

#include "core/geo/projection.h"
#include "scene/map_scene.h"
#include "ui/camera.h"
#include "ui/layout.h"

namespace cmap::ui {

struct Viewer;

enum class ProjectionChoice { Fitted, WebMercator, EqualEarth, PlateCarree, Custom };

struct MapCanvas {
    Camera camera;
    ProjectionChoice choice = ProjectionChoice::Fitted;
    std::string customDefinition = "EPSG:3035";  ///< what the custom field holds
    std::string projection;       ///< in effect; empty = fitted to the data
    std::string projectionError;  ///< why the last custom definition was refused
    std::optional<scene::MentionRef> hovered;
    bool dragging = false;
    Rect rect;  ///< where the map was drawn last frame (logical pixels)
    std::optional<scene::MentionRef> placingByHand;  ///< article and raw mention waiting for a click on the map

    // Caches, refreshed when what they depend on changes (they are not user state).
    struct DefaultFit {
        uint64_t revision = ~0ull;
        std::string projection;
        float w = 0, h = 0;
        std::string definition;  ///< the projection in effect
        scene::View view;
    };
    mutable DefaultFit fit;
    mutable std::optional<geo::Projection> proj;  ///< for fly-to and hand placement
    mutable std::string projFor;
    /// The content revision and projection the renderer's meshes were prepared for.
    struct PreparedMeshes {
        uint64_t revision = ~0ull;
        std::string projection;
    };
    PreparedMeshes prepared;
    float hoverX = -1, hoverY = -1;
    uint64_t hoverRevision = ~0ull;
};

/// Sets the projection to a definition (empty: fitted to the data), choosing the switcher's entry
/// that names it, and resets the view. Does not check the definition. Throws nothing.
void setProjectionDefinition(MapCanvas& canvas, const std::string& definition);

/// The projection in effect (the fitted one when none is chosen).
const std::string& effectiveProjection(const Viewer& v);
/// A Projection object for the one in effect. Throws InputError for a bad definition.
const geo::Projection& projectionObject(const Viewer& v);

/// The projection definition for a choice ("" for Fitted, the custom text for Custom).
std::string projectionDefinition(ProjectionChoice choice, const std::string& custom);

/// Sets the projection, resetting the view to fit the data. A definition PROJ rejects leaves
/// the projection as it was and sets canvas.projectionError. Returns whether it was applied.
bool applyProjection(MapCanvas& canvas, ProjectionChoice choice);

/// The view the map shows now (the camera's, else the default fit).
scene::View currentView(const Viewer& v);
/// Mouse and keyboard for the map (when ImGui does not want them).
void handleMapInput(Viewer& v, double dt);
/// Tooltip for the mention under the pointer.
void drawMapTooltip(Viewer& v);
/// Projection switcher, drawn over the middle of the map's bottom edge.
void drawProjectionSwitcher(Viewer& v);
/// Flies to the default view of the data under the current projection.
void fitToData(Viewer& v);
/// Flies to a mention (its marker, or its area whole).
void flyToMention(Viewer& v, scene::MentionRef ref);

}  // namespace cmap::ui
