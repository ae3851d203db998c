#include "scene/basemap.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>

#include "core/error.h"
#include "core/geo/projection.h"

namespace cmap::scene {
namespace {

std::optional<size_t> firstField(const geo::FeatureSet& fs, const std::vector<std::string>& names) {
    for (const std::string& n : names)
        if (auto f = fs.field(n)) return f;
    return std::nullopt;
}

struct Town {
    size_t feature;
    geo::LonLat at;
    double population;
    bool capital;
};

// Places inside the image, most populous first, at most `limit` of them.
std::vector<Town> townsInView(const geo::FeatureSet& places, size_t population, std::optional<size_t> code,
                              const geo::Projection& projection, const View& view, double width, double height,
                              size_t limit) {
    std::vector<Town> towns;
    std::vector<geo::LonLat> at;
    for (size_t f = 0; f < places.featureCount(); ++f) {
        uint32_t part = places.featureStart[f];
        if (part == places.featureStart[f + 1]) continue;
        uint32_t ring = places.partStart[part];
        geo::LonLat p = places.coords[places.ringStart[ring]];
        double pop = std::strtod(std::string(places.attr(f, population)).c_str(), nullptr);
        bool capital = code && places.attr(f, *code).starts_with("PPLC");
        towns.push_back({f, p, pop, capital});
        at.push_back(p);
    }
    std::vector<geo::Vec2> xy(at.size());
    projection.forward(at, xy);
    std::vector<Town> inView;
    for (size_t i = 0; i < towns.size(); ++i) {
        if (std::isnan(xy[i].x)) continue;
        geo::Vec2 px = view.toPixel(xy[i], width, height);
        if (px.x >= 0 && px.y >= 0 && px.x <= width && px.y <= height) inView.push_back(towns[i]);
    }
    std::stable_sort(inView.begin(), inView.end(), [](const Town& a, const Town& b) {
        return a.capital != b.capital ? a.capital : a.population > b.population;
    });
    if (inView.size() > limit) inView.resize(limit);
    return inView;
}

void addTowns(Scene& scene, const geo::FeatureSet& places, const geo::Projection& projection, const View& view,
              double width, double height, const BasemapStyle& style) {
    auto name = firstField(places, style.nameFields);
    auto population = firstField(places, style.populationFields);
    if (!name || !population) return;  // a places layer without them has nothing to rank by
    auto limit = static_cast<size_t>(std::max(1.0, width * height / style.pixelsPerTown));
    std::vector<Town> towns = townsInView(places, *population, firstField(places, style.featureCodeFields),
                                          projection, view, width, height, limit);

    LabelLayer labels;
    labels.halo = style.cityHalo;
    labels.haloPx = style.cityHaloPx;
    labels.marker = LabelMarker{PointShape::Circle, style.cityDot, style.cityDotOutline, style.cityDotOutlinePx};
    for (const Town& t : towns) {
        // Three tiers are enough to read size at a glance without a legend.
        const size_t tier = t.population >= 5e6 ? 0 : t.population >= 1e6 ? 1 : 2;
        Label l;
        l.text = std::string(places.attr(t.feature, *name));
        l.anchor = t.at;
        // log10(population), a capital counting as a town ten times its size.
        l.priority = static_cast<float>(std::log10(std::max(t.population, 1.0)) + (t.capital ? 1 : 0));
        l.sizePx = style.cityLabelPx[tier];
        l.color = style.cityLabel;
        l.markerPx = style.cityDotPx[tier];
        labels.labels.push_back(std::move(l));
    }
    scene.add("towns", std::move(labels));
}

// On-screen size of a country: the smaller side of its largest part's projected box, so that
// island states spread over an ocean do not count as large.
double largestPartExtentPx(const geo::FeatureSet& fs, size_t feature, const geo::Projection& projection,
                           const View& view) {
    double best = 0;
    for (uint32_t part = fs.featureStart[feature]; part < fs.featureStart[feature + 1]; ++part) {
        uint32_t ring = fs.partStart[part];
        if (ring == fs.partStart[part + 1]) continue;
        geo::BBox box;
        for (uint32_t v = fs.ringStart[ring]; v < fs.ringStart[ring + 1]; ++v) box.extend(fs.coords[v]);
        if (box.empty()) continue;
        geo::Vec2 a = projection.forward(geo::LonLat{box.minLon, box.minLat});
        geo::Vec2 b = projection.forward(geo::LonLat{box.maxLon, box.maxLat});
        double extent = std::min(std::abs(b.x - a.x), std::abs(b.y - a.y)) / view.unitsPerPixel;
        if (!std::isnan(extent)) best = std::max(best, extent);
    }
    return best;
}

void addCountryLabels(Scene& scene, const geo::FeatureSet& admin0, const geo::Projection& projection,
                      const View& view, const BasemapStyle& style) {
    auto name = firstField(admin0, style.nameFields);
    if (!name) return;
    LabelLayer labels;
    labels.halo = style.countryHalo;
    labels.haloPx = style.countryHaloPx;
    for (size_t f = 0; f < admin0.featureCount(); ++f) {
        // Only countries that are large on screen get a name; small ones are named by their towns.
        double extentPx = largestPartExtentPx(admin0, f, projection, view);
        if (extentPx < 60) continue;
        Label l;
        l.text = std::string(admin0.attr(f, *name));
        l.anchor = admin0.representativePoint(f);
        // Between a town of one and of ten million: capitals stay, country names beat small towns.
        l.priority = 6.5f + static_cast<float>(std::min(extentPx, 2000.0) / 2000.0);
        l.sizePx = style.countryLabelPx;
        l.color = style.countryLabel;
        l.placement = LabelPlacement::Centred;
        labels.labels.push_back(std::move(l));
    }
    scene.add("country labels", std::move(labels));
}

}  // namespace

Scene buildBasemap(const BasemapData& data, const geo::Projection& projection, const View& view, double width,
                   double height, const BasemapStyle& style) {
    if (!data.admin0) throw InputError("a basemap needs the admin0 (countries) layer");
    Scene scene;
    scene.projection = projection.definition();
    scene.view = view;
    scene.background = style.paper;
    scene.add("sea", GlobeLayer{style.sea});
    if (style.graticule) scene.add("graticule", style.graticuleStyle);
    scene.add("land", FillLayer{data.admin0, style.land, {}, std::nullopt});
    if (data.admin1) scene.add("admin-1 borders", LineLayer{data.admin1, style.admin1Border, style.admin1BorderPx});
    scene.add("country borders", LineLayer{data.admin0, style.countryBorder, style.countryBorderPx});
    if (style.countryLabels) addCountryLabels(scene, *data.admin0, projection, view, style);
    if (data.places) addTowns(scene, *data.places, projection, view, width, height, style);
    scene.backdrop = scene.layers.size();
    return scene;
}

}  // namespace cmap::scene
