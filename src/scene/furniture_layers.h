#pragma once
// Map furniture as a scene layer (a scene::ScreenLayer): title, date stamp, legend, scale bar,
// north arrow, attribution and source footnotes, built from the workspace's furniture settings and
// what the map shows. The viewer, `export` and the render tests all add it here, so the furniture
// on screen is the furniture in the PNG.
#include <optional>
#include <string>

#include "core/model/furniture.h"
#include "core/model/slide.h"
#include "core/model/timeline.h"
#include "scene/map_scene.h"

namespace cmap::scene {

/// Ground kilometres per logical pixel at the centre of a width x height image, measured along
/// the image's horizontal (geodesic distance on the WGS 84 ellipsoid between the points the pixels show). Empty where
/// the centre is off the globe.
std::optional<double> kmPerPixelAtCentre(const geo::Projection& projection, const View& view, double width,
                                         double height);

/// The direction of north at the image centre, in degrees clockwise from the image's up. Empty
/// where the centre is off the globe.
std::optional<double> northAngleAtCentre(const geo::Projection& projection, const View& view, double width,
                                         double height);

/// Whether the meridians are vertical all over the image (within half a degree, sampled on a
/// grid): true for Web Mercator and plate carrée, false for conic, azimuthal and rotated views.
bool northUpEverywhere(const geo::Projection& projection, const View& view, double width, double height);

/// The date stamp for a timeline position: "All reports", "Reports up to 30 Sep 2015", ...
std::string dateStampText(const std::optional<model::TimeQuery>& time);

/// The texts that are not furniture settings: the title is the workspace's (or the briefing's,
/// or --title), the subtitle the furniture's unless --subtitle says otherwise.
struct FurnitureText {
    std::string title;
    std::string subtitle;
    friend bool operator==(const FurnitureText&, const FurnitureText&) = default;
};

/// The texts of a map of the briefing titled title, with the furniture's subtitle, showing slide
/// (none: the working map). A slide with a title shows it, over the briefing's title as subtitle:
/// the presenter named the slide, and the audience still sees whose briefing it is. Presentation
/// mode and `export --slide` both ask here, so they show the same words. Throws nothing.
FurnitureText furnitureText(const std::string& title, const model::Furniture& furniture, const model::Slide* slide);

/// Appends the furniture layer to scene (built by buildMapScene from the same content and state
/// for a width x height image): the pieces furniture switches on, at their corners. Throws
/// InputError for a projection PROJ rejects.
void addFurniture(Scene& scene, const model::Furniture& furniture, const FurnitureText& text,
                  const MapContent& content, const MapState& state, double width, double height);
void addFurniture(Scene& scene, const model::Furniture& furniture, const FurnitureText& text,
                  const MapContent& content, const MapState& state, double width, double height, SceneCache& cache);

}  // namespace cmap::scene
