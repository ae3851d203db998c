// What the renderer must do beyond matching the cases in tests/render/cases/ (case_runner_test.cpp
// draws those): tiles, caches, scale and refusals. Scenes are 256 x 160 logical pixels in plain
// lon/lat (EPSG:4326, 0.1 degree a pixel) so that the geometry reads as pixel positions: lon 0,
// lat 0 is the image centre, 10 degrees is 100 pixels.
#include <doctest/doctest.h>

#include <filesystem>

#include "core/error.h"
#include "render/render_harness.h"
#include "scene/scene.h"

using namespace cmap;
using namespace cmap::scene;
using test::Ring;

namespace {

constexpr int kW = 256;
constexpr int kH = 160;

Scene plainScene() {
    Scene s;
    s.projection = "EPSG:4326";
    s.view = View{{0, 0}, 0.1};
    s.background = rgb(0xf4f4f0);
    return s;
}

Ring square(double x, double y, double size) { return {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}}; }

}  // namespace

TEST_CASE("render: a label the font cannot write is left out, not drawn as question marks") {
    auto placedOf = [](const char* text) {
        Scene s = plainScene();
        LabelLayer labels;
        Label l;
        l.text = text;
        l.anchor = {0, 0};
        labels.labels.push_back(l);
        s.add("labels", labels);
        auto& r = test::renderer();
        r.renderToImage(s, kW, kH);
        return r.stats().labelsPlaced;
    };
    CHECK(placedOf("Ḩimmīn") == 1);  // Latin with diacritics: in the atlas
    CHECK(placedOf("\u0643\u0627\u0641") == 0);  // Arabic script: not in it
}

TEST_CASE("render: tiles join seamlessly") {
    Scene s = plainScene();
    auto shapes = test::polygons({{square(-10, -6, 12), square(-7, -3, 6)}, {{{5, -6}, {11, -6}, {8, 5}}}});
    s.add("fill", FillLayer{shapes, rgb(0x7fa7c9), {}, Hatch{}});
    s.add("outline", LineLayer{shapes, rgb(0x333333), 3});
    s.add("graticule", GraticuleLayer{5, rgb(0x000000, 0.3f), 1});
    auto& r = test::renderer();
    render::Image whole = r.renderToImage(s, 300, 190);
    r.setMaxTileSize(64);
    size_t tilesBefore = r.stats().tilesDrawn;
    render::Image tiled = r.renderToImage(s, 300, 190);
    CHECK(r.stats().tilesDrawn - tilesBefore == 5 * 3);
    r.setMaxTileSize(1 << 20);
    // Multisampling is per pixel and every tile sees the same whole-image coordinates: at most a
    // handful of edge pixels may round differently.
    CHECK(test::differingPixels(whole, tiled, 8) <= 10);
}

TEST_CASE("render: moving the view re-projects nothing and re-uploads no geometry") {
    Scene s = plainScene();
    auto shapes = test::polygons({{square(-10, -6, 12), square(-7, -3, 6)}});
    s.add("fill", FillLayer{shapes, rgb(0x7fa7c9), {}, std::nullopt});
    s.add("outline", LineLayer{shapes, rgb(0x333333), 1});
    s.add("dots", PointLayer{{{{1, 1}, 6, rgb(0)}}, PointShape::Circle, rgb(0xffffff), 1});
    auto& r = test::renderer();
    r.renderToImage(s, 64, 64);
    render::RenderStats before = r.stats();
    s.view.center = {3, 2};
    s.view.unitsPerPixel = 0.05;
    r.renderToImage(s, 64, 64, 2);
    CHECK(r.stats().meshesBuilt == before.meshesBuilt);
    CHECK(r.stats().triangulations == before.triangulations);
    CHECK(r.stats().pointLayersProjected == before.pointLayersProjected);
    s.projection = "+proj=eqc +datum=WGS84";
    s.view.unitsPerPixel = 10000;
    r.renderToImage(s, 64, 64);
    CHECK(r.stats().meshesBuilt == before.meshesBuilt + 1);  // a new projection does
}

TEST_CASE("render: prepared meshes are there when a layer first shows, however many frames later") {
    Scene s = plainScene();
    auto area = test::polygons({{square(-10, -6, 12), square(-7, -3, 6)}});
    Scene later = s;
    later.add("area", FillLayer{area, rgb(0x7fa7c9), {}, Hatch{}});
    later.add("area outline", LineLayer{area, rgb(0x333333), 1});
    test::renderer();  // the GL context
    render::Renderer r;
    r.prepareMeshes(later);
    const render::RenderStats prepared = r.stats();
    CHECK(prepared.triangulations == 1);
    // Long past the frames an unused mesh is kept: the days before the area shows, each a new frame.
    for (int day = 0; day < 200; ++day) {
        Scene before = s;
        before.add("dot", PointLayer{{{{day * 0.01, 0}, 4, rgb(0)}}, PointShape::Circle, rgb(0xffffff), 1});
        r.renderToImage(before, 16, 16);
    }
    r.renderToImage(later, 64, 64);
    CHECK(r.stats().meshesBuilt == prepared.meshesBuilt);
    CHECK(r.stats().triangulations == prepared.triangulations);
}

TEST_CASE("render: scale draws the same map at more pixels") {
    Scene s = plainScene();
    auto shapes = test::polygons({{square(-10, -6, 12), square(-7, -3, 6)}});
    s.add("fill", FillLayer{shapes, rgb(0x7fa7c9), {}, std::nullopt});
    auto& r = test::renderer();
    render::Image one = r.renderToImage(s, 128, 80);
    render::Image two = r.renderToImage(s, 256, 160, 2);
    // A pixel well inside the fill and one well outside agree at both scales.
    CHECK(one.pixel(30, 50)[2] == two.pixel(60, 100)[2]);
    CHECK(one.pixel(5, 5)[0] == two.pixel(10, 10)[0]);
}

TEST_CASE("render: bad input is refused with a typed error") {
    Scene s = plainScene();
    s.projection = "EPSG:0";
    CHECK_THROWS_AS(test::renderer().renderToImage(s, 32, 32), InputError);
    s.projection = "EPSG:4326";
    CHECK_THROWS_AS(test::renderer().renderToImage(s, 0, 32), InputError);
}
