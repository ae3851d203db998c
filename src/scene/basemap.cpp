#include "scene/basemap.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <vector>

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
    // Only the places in the image's box are projected (and their population read): a regional
    // map shows a few thousand of the world's places.
    const std::optional<geo::BBox> box = lonLatBoxOfView(projection, view, width, height, 1);
    // Room for every place: pages a smaller view never writes are never touched, where growing a
    // doubling at a time wrote each town two or three times over into fresh memory.
    std::vector<Town> towns;
    std::vector<geo::LonLat> at;
    towns.reserve(places.featureCount());
    at.reserve(places.featureCount());
    for (size_t f = 0; f < places.featureCount(); ++f) {
        uint32_t part = places.featureStart[f];
        if (part == places.featureStart[f + 1]) continue;
        uint32_t ring = places.partStart[part];
        geo::LonLat p = places.coords[places.ringStart[ring]];
        if (box && !box->contains(p)) continue;
        double pop = 0;  // none where the field is empty or not a number
        const std::string_view popText = places.attr(f, population);
        std::from_chars(popText.data(), popText.data() + popText.size(), pop);
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

// The features of set whose box meets box, in their order, with their attributes, in arrays of
// their own; set itself when every feature's box does.
geo::FeatureSetPtr featuresMeeting(const geo::FeatureSetPtr& set, const geo::BBox& box) {
    const geo::FeatureSet& fs = *set;
    const auto meets = [&](const geo::BBox& b) {
        return !b.empty() && b.minLon <= box.maxLon && b.maxLon >= box.minLon && b.minLat <= box.maxLat &&
               b.maxLat >= box.minLat;
    };
    std::vector<uint32_t> kept;
    for (size_t f = 0; f < fs.featureCount(); ++f)
        if (meets(fs.featureBox[f])) kept.push_back(static_cast<uint32_t>(f));
    if (kept.size() == fs.featureCount()) return set;

    return featureSubset(fs, kept);
}

}  // namespace

geo::FeatureSetPtr featureSubset(const geo::FeatureSet& fs, std::span<const uint32_t> kept) {
    geo::FeatureSetBuilder b;
    b.path = fs.path;
    b.layer = fs.layer;
    b.kind = fs.kind;
    b.fieldNames = fs.fieldNames;
    b.columns.resize(fs.columns.size());
    for (auto& c : b.columns) c.reserve(kept.size());
    b.featureBox.reserve(kept.size());
    b.featureStart.reserve(kept.size() + 1);
    size_t parts = 0, rings = 0, coords = 0;
    for (uint32_t f : kept) {
        parts += fs.featureStart[f + 1] - fs.featureStart[f];
        const uint32_t firstRing = fs.partStart[fs.featureStart[f]], endRing = fs.partStart[fs.featureStart[f + 1]];
        rings += endRing - firstRing;
        coords += fs.ringStart[endRing] - fs.ringStart[firstRing];
    }
    b.partStart.reserve(parts + 1);
    b.ringStart.reserve(rings + 1);
    b.coords.reserve(coords);
    for (uint32_t f : kept) {
        for (uint32_t part = fs.featureStart[f]; part < fs.featureStart[f + 1]; ++part) {
            for (uint32_t ring = fs.partStart[part]; ring < fs.partStart[part + 1]; ++ring) {
                b.coords.insert(b.coords.end(), fs.coords.begin() + fs.ringStart[ring],
                                fs.coords.begin() + fs.ringStart[ring + 1]);
                b.ringStart.push_back(static_cast<uint32_t>(b.coords.size()));
            }
            b.partStart.push_back(static_cast<uint32_t>(b.ringStart.size() - 1));
        }
        b.featureStart.push_back(static_cast<uint32_t>(b.partStart.size() - 1));
        b.featureBox.push_back(fs.featureBox[f]);
        b.box.extend(fs.featureBox[f]);
        for (size_t c = 0; c < fs.columns.size(); ++c) b.columns[c].push_back(fs.attr(f, c));
    }
    return std::move(b).finish();
}

std::optional<geo::BBox> lonLatBoxOfView(const geo::Projection& projection, const View& view, double width,
                                         double height, double marginPx) {
    // A grid over the grown image: the box of its points, unless neighbours lie either side of
    // the ±180° meridian. Latitude and longitude have no extremes inside an image that holds no
    // pole, so the edges' samples bound them, up to the bulge of an edge between two samples.
    constexpr int kSteps = 32;
    constexpr int kRow = kSteps + 1;
    std::vector<geo::Vec2> xy;
    xy.reserve(kRow * kRow);
    const double w = width + 2 * marginPx, h = height + 2 * marginPx;
    for (int j = 0; j <= kSteps; ++j)
        for (int i = 0; i <= kSteps; ++i)
            xy.push_back(view.unproject(-marginPx + w * i / kSteps, -marginPx + h * j / kSteps, width, height));
    std::vector<geo::LonLat> at(xy.size());
    projection.inverse(xy, at);
    geo::BBox box;
    for (int k = 0; k < kRow * kRow; ++k) {
        const geo::LonLat& p = at[static_cast<size_t>(k)];
        if (!std::isfinite(p.lon) || !std::isfinite(p.lat)) return std::nullopt;
        if (k % kRow > 0 && std::abs(p.lon - at[static_cast<size_t>(k - 1)].lon) > 180) return std::nullopt;
        if (k >= kRow && std::abs(p.lon - at[static_cast<size_t>(k - kRow)].lon) > 180) return std::nullopt;
        box.extend(p);
    }
    for (double lat : {90.0, -90.0}) {
        geo::Vec2 pole = view.toPixel(projection.forward(geo::LonLat{projection.centralMeridian(), lat}), width, height);
        if (pole.x >= -marginPx && pole.y >= -marginPx && pole.x <= width + marginPx && pole.y <= height + marginPx)
            return std::nullopt;
    }
    // Grown by a sample step's share of the box: far more than an edge bulges between samples.
    const double padLon = (box.maxLon - box.minLon) / kSteps + 1e-6;
    const double padLat = (box.maxLat - box.minLat) / kSteps + 1e-6;
    box.minLon -= padLon;
    box.maxLon += padLon;
    box.minLat = std::max(-90.0, box.minLat - padLat);
    box.maxLat = std::min(90.0, box.maxLat + padLat);
    return box;
}

BasemapData basemapForView(const BasemapData& data, const geo::Projection& projection, const View& view,
                           double width, double height) {
    // A generous margin: a border's width, and a country's label whose anchor lies in the image.
    const std::optional<geo::BBox> box =
        lonLatBoxOfView(projection, view, width, height, std::max(width, height) / 16 + 8);
    if (!box) return data;
    BasemapData inView;
    if (data.admin0) inView.admin0 = featuresMeeting(data.admin0, *box);
    if (data.admin1) inView.admin1 = featuresMeeting(data.admin1, *box);
    inView.places = data.places;  // towns are chosen by their own box (townsInView)
    return inView;
}

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
