#pragma once
// The reference map under every briefing: sea, land, borders, a faint graticule and the larger
// towns, in a calm style that leaves strong colours to what the briefing is about.
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

struct BasemapStyle {
    Color paper = rgb(0xfbfbf9);  ///< outside the globe, where a world projection ends
    Color sea = rgb(0xdde7ec);
    Color land = rgb(0xf3f0e8);
    Color countryBorder = rgb(0x6b6b6b);
    float countryBorderPx = 0.9f;
    Color admin1Border = rgb(0xbdb6aa);
    float admin1BorderPx = 0.5f;
    bool graticule = true;
    GraticuleLayer graticuleStyle{10, rgb(0x5a7a8c, 0.18f), 0.6f};

    Color cityDot = rgb(0x3c3c3c);
    Color cityLabel = rgb(0x2b2b2b);
    Color countryLabel = rgb(0x8a8073);
    bool countryLabels = true;
    /// About one town per this many square logical pixels: denser maps stop being readable.
    double pixelsPerTown = 16000;
    /// Attribute names tried in order (case-insensitive).
    std::vector<std::string> nameFields{"name", "name_en", "admin", "asciiname"};
    std::vector<std::string> populationFields{"population", "pop_max", "pop_est", "pop"};
    /// GeoNames feature code: capitals (PPLC) are named before larger towns around them.
    std::vector<std::string> featureCodeFields{"fcode", "feature_code"};
};

/// A scene of the basemap under projection, seen through view in a width x height (logical
/// pixels) image: sea (the globe's outline where the projection has one), graticule, land,
/// admin-1 borders, country borders, names of countries large on screen, and the most populous
/// towns in view as dots with names (a town whose name finds no room is left out). The scene's projection is
/// projection.definition(); towns are chosen for this view, so build again after a large zoom.
Scene buildBasemap(const BasemapData& data, const geo::Projection& projection, const View& view, double width,
                   double height, const BasemapStyle& style = {});

}  // namespace cmap::scene
