#pragma once
// The reference map under every briefing: sea, land, borders, a faint graticule and the larger
// towns, in a calm style that leaves strong colours to what the briefing is about.
#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/geo/feature_set.h"
#include "scene/scene.h"

namespace cmap::geo {
class Projection;
}

namespace cmap::scene {

struct BasemapData {
    geo::FeatureSetPtr admin0;  ///< countries (polygons); required
    geo::FeatureSetPtr admin1;  ///< first-level subdivisions (polygons); may be null
    geo::FeatureSetPtr places;  ///< populated places (points) with a name and a population; may be null
    friend bool operator==(const BasemapData&, const BasemapData&) = default;
};

/// The colours and sizes come from the style asset (defaultBasemapStyle(), scene/style.h); a
/// BasemapStyle made here has them black and zero.
struct BasemapStyle {
    Color paper;  ///< outside the globe, where a world projection ends
    Color sea;
    Color land;
    Color countryBorder;
    float countryBorderPx = 0;
    Color admin1Border;
    float admin1BorderPx = 0;
    bool graticule = true;
    GraticuleLayer graticuleStyle;

    /// Towns in three tiers of population: 5 million or more, 1 million or more, the rest.
    Color cityDot;
    Color cityDotOutline;
    float cityDotOutlinePx = 0;
    std::array<float, 3> cityDotPx{};
    Color cityLabel;
    std::array<float, 3> cityLabelPx{};
    Color cityHalo;
    float cityHaloPx = 0;
    Color countryLabel;
    float countryLabelPx = 0;
    Color countryHalo;
    float countryHaloPx = 0;
    bool countryLabels = true;
    /// About one town per this many square logical pixels: denser maps stop being readable.
    double pixelsPerTown = 16000;
    /// Attribute names tried in order (case-insensitive).
    std::vector<std::string> nameFields{"name", "name_en", "admin", "asciiname"};
    std::vector<std::string> populationFields{"population", "pop_max", "pop_est", "pop"};
    /// GeoNames feature code: capitals (PPLC) are named before larger towns around them.
    std::vector<std::string> featureCodeFields{"fcode", "feature_code"};
};

/// The default style's (defined in scene/style.cpp).
const BasemapStyle& defaultBasemapStyle();

/// A scene of the basemap under projection, seen through view in a width x height (logical
/// pixels) image: sea (the globe's outline where the projection has one), graticule, land,
/// admin-1 borders, country borders, names of countries large on screen, and the most populous
/// towns in view as dots with names (a town whose name finds no room is left out). The scene's projection is
/// projection.definition(); towns are chosen for this view, so build again after a large zoom.
Scene buildBasemap(const BasemapData& data, const geo::Projection& projection, const View& view, double width,
                   double height, const BasemapStyle& style = defaultBasemapStyle());

/// The features kept of fs (indices, in that order), with their attributes, in arrays of their own.
geo::FeatureSetPtr featureSubset(const geo::FeatureSet& fs, std::span<const uint32_t> kept);

/// The longitudes and latitudes a width x height image of view shows, the image grown by marginPx
/// on every side; nullopt where they are no plain box: the grown image reaches past the
/// projection's edge, holds a pole, or crosses the ±180° meridian. What lies outside the box is
/// off the image, so it need not be projected.
std::optional<geo::BBox> lonLatBoxOfView(const geo::Projection& projection, const View& view, double width,
                                         double height, double marginPx);

/// data with only the countries, subdivisions and places whose box meets what the image shows
/// (with a margin for borders' widths), for a caller that draws this one view: the scene then
/// projects and meshes a region instead of the world. Draws as data does in that view. data
/// itself where the view's box cannot be told (lonLatBoxOfView).
BasemapData basemapForView(const BasemapData& data, const geo::Projection& projection, const View& view,
                           double width, double height);

}  // namespace cmap::scene
