// FeatureMesh's own checks, and the sea drawn single-sampled where it covers the image (no edge
// there to antialias): the same pixels as the multisampled fill of the same outline.
#include <doctest/doctest.h>

#include "core/geo/projection.h"
#include "render/feature_mesh.h"
#include "render/render_harness.h"
#include "scene/graticule.h"
#include "scene/scene.h"

using namespace cmap;

TEST_CASE("fillCovers: a box inside the fill, not one an edge or a hole meets") {
    test::renderer();  // a current context: the mesh uploads its vertices
    const auto plate = geo::Projection::create("EPSG:4326");
    auto box = [](double x0, double y0, double x1, double y1) { return std::pair{geo::Vec2{x0, y0}, geo::Vec2{x1, y1}}; };
    // A square of 20 degrees with a hole of 4 in its middle.
    render::FeatureMesh mesh(test::polygons({{{{-10, -10}, {10, -10}, {10, 10}, {-10, 10}},
                                              {{-2, -2}, {-2, 2}, {2, 2}, {2, -2}}}}),
                             plate);
    auto covers = [&](std::pair<geo::Vec2, geo::Vec2> b) { return mesh.fillCovers(b.first, b.second); };
    CHECK(covers(box(-9, -9, -3, 9)));
    CHECK(covers(box(3, -9, 9, -3)));
    CHECK_FALSE(covers(box(5, 5, 15, 15)));      // crosses the outer edge
    CHECK_FALSE(covers(box(-12, -12, 12, 12)));  // holds the whole square
    CHECK_FALSE(covers(box(20, 20, 30, 30)));    // outside
    CHECK_FALSE(covers(box(-1, -1, 1, 1)));      // in the hole
    CHECK_FALSE(covers(box(-3, -3, 3, 3)));      // holds the hole

    render::FeatureMesh line(test::lines({{{-10, 0}, {10, 0}}}), plate);
    CHECK_FALSE(line.fillCovers({-1, -1}, {1, 1}));  // lines fill nothing
}

TEST_CASE("The sea over the whole image has the pixels of its multisampled fill") {
    auto& r = test::renderer();
    // Two projections with a finite outline (an azimuthal view has none: its globe fills the plane).
    for (const std::string projection : {"EPSG:4326", "+proj=robin +lon_0=30"}) {
        CAPTURE(projection);
        const auto outline = scene::worldOutline(geo::Projection::create(projection).centralMeridian());
        const scene::Color sea = scene::rgb(0x9cc0e0, 0.8f);
        auto scene = [&](bool asGlobe, double unitsPerPixel) {
            scene::Scene s;
            s.projection = projection;
            s.view = scene::View{{0, 0}, unitsPerPixel};
            s.background = scene::rgb(0xf4f0e8);
            if (asGlobe) s.add("sea", scene::GlobeLayer{sea});
            else s.add("sea", scene::FillLayer{outline, sea, {}, std::nullopt});
            s.add("land", scene::FillLayer{test::polygons({{{{-3, -2}, {4, -2}, {0, 5}}}}), scene::rgb(0x336622), {}, std::nullopt});
            return s;
        };
        // Inside the world (the single-sampled sea), then the whole world with its edge in view.
        const bool degrees = projection == "EPSG:4326";
        for (double unitsPerPixel : {degrees ? 0.1 : 1e4, degrees ? 3.0 : 2e5}) {
            CAPTURE(unitsPerPixel);
            const render::Image globe = r.renderToImage(scene(true, unitsPerPixel), 160, 120);
            const render::Image fill = r.renderToImage(scene(false, unitsPerPixel), 160, 120);
            CHECK(test::differingPixels(globe, fill, 0) == 0);
        }
    }
}
