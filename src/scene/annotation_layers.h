#pragma once
// The user's annotations as scene layers: geometry in lon/lat (geodesic rings and arrows, curves
// smoothed in projected space), arrowheads and text of constant screen size, so they follow pan,
// zoom and projection like everything else the renderer draws. Also what they look like on the
// map for picking and editing handles in the viewer.
#include <optional>
#include <string>
#include <vector>

#include "core/geo/projection.h"
#include "core/model/annotation.h"
#include "scene/scene.h"
#include "scene/scene_cache.h"

namespace cmap::scene {

/// Which annotations show: those whose time span contains day (all when day is empty) and, when
/// ids is set, whose id is in it. In list order. Throws nothing.
std::vector<const model::Annotation*> shownAnnotations(const std::vector<model::Annotation>& list,
                                                       const std::optional<std::vector<std::string>>& ids,
                                                       std::optional<int> day);

/// An annotation's line as drawn, in lon/lat: the ring of an area (not repeating its first
/// point), the geodesic or curve of an arrow, the leader of a callout; empty for text.
struct AnnotationPath {
    std::vector<geo::LonLat> points;
    bool closed = false;
    std::optional<double> endAngleDeg;  ///< arrows: where the head points, as Point::angleDeg
};
/// Throws nothing; points that the projection cannot show make a curve's points NaN.
AnnotationPath annotationPath(const model::Annotation& a, const geo::Projection& projection);

/// Where an annotation's text goes (centred there), or nullopt for one without text.
std::optional<geo::LonLat> annotationTextAnchor(const model::Annotation& a, const geo::Projection& projection);
/// The text drawn for it: its text, and a range ring's radius ("S-400, 400 km"). Throws nothing.
std::string annotationLabel(const model::Annotation& a);

/// The line (or, closed, the area) of a path as a one-feature set; points the projection could
/// not show (NaN) are left out. Throws nothing but std::bad_alloc.
geo::FeatureSetPtr annotationFeatureSet(const AnnotationPath& path);

/// Appends the shown annotations as layers, in order (later on top): per annotation its fill,
/// line and arrowhead or target dot; then one layer with all their text, which is always drawn.
/// An unchanged annotation gets cache's feature set of the frame before (the renderer keeps its mesh).
void addAnnotationLayers(Scene& scene, const std::vector<const model::Annotation*>& shown,
                         const geo::Projection& projection, SceneCache& cache);

/// The topmost shown annotation drawn within a few pixels of logical pixel (px, py) of a
/// width x height image of view, or inside its area; its index into list. Throws nothing.
std::optional<size_t> pickAnnotation(const std::vector<model::Annotation>& list,
                                     const std::vector<const model::Annotation*>& shown,
                                     const geo::Projection& projection, const View& view, double width,
                                     double height, double px, double py);

}  // namespace cmap::scene
