// A fill whose edges its own outline covers is drawn single-sampled: multisampling it costs a
// quarter of an export's time on llvmpipe, and the line over the edge leaves nothing of it to
// see. Without such an outline (or under a faint or thin one) the fill's edges are multisampled.
#include <doctest/doctest.h>

#include "render/render_harness.h"
#include "scene/scene.h"

using namespace cmap;

namespace {

// A triangle filled, and outlined when outline is given; with `beside`, a translucent fill of
// other features (outside the view) first in the same run of fills, which keeps the run
// multisampled.
scene::Scene shapeScene(std::optional<scene::Color> outline, float outlinePx = 1.2f, bool beside = false) {
    scene::Scene s;
    s.projection = "EPSG:4326";
    s.view = scene::View{{0, 0}, 0.1};
    s.background = scene::rgb(0xeeeeee);
    if (beside)
        s.add("beside", scene::FillLayer{test::polygons({{{{-9, -8}, {-8, -8}, {-8, -7}}}}), scene::rgb(0, 0.5f), {}, std::nullopt});
    auto shapes = test::polygons({{{{-5, -3}, {5, -3.4}, {0.3, 4}}}});
    s.add("fill", scene::FillLayer{shapes, scene::rgb(0x3366aa), {}, std::nullopt});
    if (outline) s.add("outline", scene::LineLayer{shapes, *outline, outlinePx});
    return s;
}

// The fills a fresh renderer draws single-sampled in s, and its image.
size_t outlinedIn(const scene::Scene& s, render::Image* image = nullptr) {
    test::renderer();  // the GL context
    render::Renderer r;
    render::Image drawn = r.renderToImage(s, 120, 90);
    if (image) *image = std::move(drawn);
    return r.stats().fillsOutlined;
}

}  // namespace

TEST_CASE("render: a fill under an opaque outline of its own features skips multisampling, to the same picture") {
    const scene::Color ink = scene::rgb(0x111111);
    render::Image single, multi;
    CHECK(outlinedIn(shapeScene(ink), &single) == 1);
    CHECK(outlinedIn(shapeScene(ink, 1.2f, true), &multi) == 0);
    // The line hides the fill's own edge: the pictures are alike but for a few pixels of it.
    CHECK(test::differingPixels(multi, single, 24) <= 6);
    // No outline, a faint one, a thin one: the staircase would show.
    CHECK(outlinedIn(shapeScene(std::nullopt)) == 0);
    CHECK(outlinedIn(shapeScene(scene::rgb(0x111111, 0.3f))) == 0);
    CHECK(outlinedIn(shapeScene(ink, 0.3f)) == 0);
}
