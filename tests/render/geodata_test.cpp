// Cases on the real geodata (CMAP_GEODATA_DIR, built by ./setup.sh); they fail when it is missing.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "core/geo/projection.h"
#include "core/geo/vector_source.h"
#include "real_data.h"
#include "render/render_harness.h"
#include "render/triangulate.h"
#include "scene/basemap.h"

using namespace cmap;

namespace {

std::filesystem::path geodata(const char* name) { return test::geodataDir() / name; }

}  // namespace

TEST_CASE("every admin0 country triangulates to its own area (Equal Earth, within 0.1%)") {
    auto admin0 = geo::loadVector(geodata("admin0.shp"));
    auto projection = geo::Projection::equalEarth();
    std::vector<geo::Vec2> xy(admin0->coords.size());
    projection.forward(admin0->coords, xy);
    size_t name = admin0->field("name").value_or(0);
    double worldPolygon = 0;
    double worldTriangles = 0;
    for (size_t f = 0; f < admin0->featureCount(); ++f) {
        double polygon = 0;
        std::vector<uint32_t> indices;
        for (uint32_t part = admin0->featureStart[f]; part < admin0->featureStart[f + 1]; ++part) {
            std::vector<render::RingRange> rings;
            for (uint32_t r = admin0->partStart[part]; r < admin0->partStart[part + 1]; ++r) {
                render::RingRange ring{admin0->ringStart[r], admin0->ringStart[r + 1] - admin0->ringStart[r]};
                double a = std::abs(render::ringArea(xy, ring));
                polygon += rings.empty() ? a : -a;
                rings.push_back(ring);
            }
            render::triangulatePolygon(xy, rings, indices);
        }
        double triangles = 0;
        for (size_t i = 0; i + 2 < indices.size(); i += 3) {
            const geo::Vec2& a = xy[indices[i]];
            const geo::Vec2& b = xy[indices[i + 1]];
            const geo::Vec2& c = xy[indices[i + 2]];
            triangles += ((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2;
        }
        INFO(admin0->attr(f, name) << ": polygon " << polygon / 1e6 << " km2, triangles " << triangles / 1e6 << " km2");
        CHECK(triangles == doctest::Approx(polygon).epsilon(0.001));
        worldPolygon += polygon;
        worldTriangles += triangles;
    }
    CHECK(worldTriangles == doctest::Approx(worldPolygon).epsilon(0.0001));
}

namespace {

// The basemap of the Levant from the real geodata: the case tests/render/cases/basemap_levant.
const test::CaseDriver basemapLevant("basemap_levant", [] {
    scene::BasemapData data{geo::loadVector(geodata("admin0.shp")), geo::loadVector(geodata("admin1.shp")),
                            geo::loadVector(geodata("places.shp"))};
    geo::BBox levant{33.5, 31, 40, 37.5};
    auto projection = geo::Projection::fittedTo(levant);
    // Small: borders and labels compress badly (~15 KB at this size).
    scene::View view = scene::fitBox(projection, levant, 192, 128);
    scene::Scene s = scene::buildBasemap(data, projection, view, 192, 128);
    return test::renderer().renderToImage(s, 192, 128);
});

}  // namespace
