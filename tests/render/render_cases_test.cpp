// Render cases against baselines. Each renders 256 x 160 logical pixels in plain lon/lat
// (EPSG:4326, 0.1 degree a pixel) so that the geometry in the test reads as pixel positions:
// lon 0, lat 0 is the image centre, 10 degrees is 100 pixels.
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

TEST_CASE("render: a square with a hole, filled and outlined") {
    Scene s = plainScene();
    auto shapes = test::polygons({{square(-10, -6, 12), square(-7, -3, 6)}, {{{5, -6}, {11, -6}, {8, 5}}}});
    s.add("fill", FillLayer{shapes, rgb(0x7fa7c9), {}, std::nullopt});
    s.add("outline", LineLayer{shapes, rgb(0x333333), 1.5f});
    test::checkBaseline("square_with_hole", test::renderer().renderToImage(s, kW, kH));
}

TEST_CASE("render: thick translucent lines have even joints and round ends") {
    Scene s = plainScene();
    auto zigzag = test::lines({{{-11, -5}, {-7, 5}, {-3, -5}, {1, 5}, {3, -2}}, {{4, -6}, {11, -6}, {11, 6}}});
    auto thin = test::lines({{{-12, 6.5}, {12, 6.5}}, {{-12, 7.2}, {12, 7.2}}});
    s.add("wide", LineLayer{zigzag, rgb(0xc0392b, 0.6f), 10});
    s.add("narrow", LineLayer{zigzag, rgb(0x1b1b1b), 1});
    s.add("hairline", LineLayer{thin, rgb(0x1b1b1b), 0.5f});
    test::checkBaseline("thick_lines", test::renderer().renderToImage(s, kW, kH));
}

TEST_CASE("render: point shapes, sizes and outlines") {
    Scene s = plainScene();
    PointShape shapes[] = {PointShape::Circle, PointShape::Square, PointShape::Diamond, PointShape::Triangle};
    for (int i = 0; i < 4; ++i) {
        PointLayer layer;
        layer.shape = shapes[i];
        layer.outline = rgb(0x202020);
        layer.outlineWidthPx = i % 2 ? 1.5f : 0;
        for (int j = 0; j < 4; ++j)
            layer.points.push_back({{-9.0 + 6 * j, 5.0 - 3.5 * i}, static_cast<float>(4 + 4 * j), rgb(i % 2 ? 0xe67e22 : 0x2980b9)});
        s.add("points", std::move(layer));
    }
    test::checkBaseline("points", test::renderer().renderToImage(s, kW, kH));
}

TEST_CASE("render: per-feature colours and hatching") {
    Scene s = plainScene();
    auto tiles = test::polygons({{square(-12, -7, 7)}, {{square(-4, -7, 7)}}, {{square(4, -7, 7)}}});
    FillLayer fill{tiles, rgb(0xcccccc), {rgb(0x2ecc71), rgb(0xe74c3c, 0.5f), rgb(0x000000, 0)}, std::nullopt};
    s.add("tiles", fill);
    auto band = test::polygons({{{{-12, 1}, {12, 1}, {12, 7}, {-12, 7}}}});
    s.add("hatched", FillLayer{band, rgb(0xf1c40f, 0.3f), {}, Hatch{rgb(0x7f6000, 0.8f), 6, 1.5f, 45}});
    s.add("outline", LineLayer{tiles, rgb(0x555555), 1});
    test::checkBaseline("fills_hatch", test::renderer().renderToImage(s, kW, kH));
}

TEST_CASE("render: labels keep clear of each other and of markers, by priority") {
    Scene s = plainScene();
    PointLayer dots;
    LabelLayer labels;
    struct Place {
        const char* name;
        geo::LonLat at;
        float priority;
    };
    // Two crowded pairs: the lower priority of each pair must move or drop, never overlap.
    for (Place p : {Place{"Latakia", {-6, 3}, 5}, Place{"Jableh", {-5.6, 2.2}, 4}, Place{"Tartus", {-6, -1}, 4.5f},
                    Place{"Homs", {2, -1}, 5.8f}, Place{"Hama", {2.3, 0}, 5.5f}, Place{"Damascus", {3, -5}, 6.2f}}) {
        dots.points.push_back({p.at, 6, rgb(0x333333)});
        Label l;
        l.text = p.name;
        l.anchor = p.at;
        l.priority = p.priority;
        l.markerPx = 6;
        labels.labels.push_back(l);
    }
    Label area;
    area.text = "Syrie · Sūriyā";  // non-ASCII through the atlas
    area.anchor = {8, 5};
    area.placement = LabelPlacement::Centred;
    area.sizePx = 14;
    area.color = rgb(0x8a8073);
    labels.labels.push_back(area);
    s.add("dots", dots);
    s.add("labels", labels);
    auto& r = test::renderer();
    render::Image image = r.renderToImage(s, kW, kH);
    CHECK(r.stats().labelsPlaced >= 5);
    test::checkBaseline("labels", image);
}

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
