#include <doctest/doctest.h>

#include <cmath>

#include "ui/camera.h"

using namespace cmap;

TEST_CASE("fly-to: ends exactly at the target, zooms geometrically, eases at both ends") {
    scene::View a{{0, 0}, 1000}, b{{1e6, -2e6}, 10};
    ui::Camera cam;
    cam.flyTo(a, b, 1.0);
    CHECK(cam.advance(0.5));
    // Half way in eased time is half way: the centre is midway and the scale the geometric mean.
    CHECK(cam.view->center.x == doctest::Approx(5e5));
    CHECK(cam.view->unitsPerPixel == doctest::Approx(100));
    CHECK_FALSE(cam.advance(0.6));
    CHECK(cam.view->center.x == 1e6);
    CHECK(cam.view->unitsPerPixel == 10);
    CHECK_FALSE(cam.flight);
    CHECK(ui::easeInOut(0.1) < 0.1);
    CHECK(ui::easeInOut(0.9) > 0.9);
}

TEST_CASE("pan moves the map with the pointer; wheel zoom keeps the point under the cursor") {
    scene::View v{{100, 100}, 2};
    ui::Camera cam;
    cam.pan(v, 10, 5);  // dragged right and down: the map's content moves right and down
    CHECK(v.center.x == 80);
    CHECK(v.center.y == 110);
    geo::Vec2 before = v.unproject(300, 200, 800, 600);
    v.zoomAbout(ui::wheelZoomFactor(4), 300, 200, 800, 600);
    CHECK(v.unitsPerPixel == doctest::Approx(1));  // four notches double the scale
    geo::Vec2 after = v.unproject(300, 200, 800, 600);
    CHECK(after.x == doctest::Approx(before.x));
    CHECK(after.y == doctest::Approx(before.y));
}
