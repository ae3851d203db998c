#include <doctest/doctest.h>

#include "render/label_placer.h"

#include <limits>

using namespace cmap::render;

namespace {
LabelRequest beside(float x, float y, float priority) {
    LabelRequest r;
    r.anchorX = x;
    r.anchorY = y;
    r.width = 40;
    r.height = 12;
    r.markerRadius = 3;
    r.priority = priority;
    return r;
}
}  // namespace

TEST_CASE("labels: the higher priority gets the preferred spot, the other moves") {
    std::vector<LabelRequest> rs{beside(100, 100, 1), beside(100, 104, 2)};
    auto placed = placeLabels(rs, {}, {}, 400, 300, 2);
    REQUIRE(placed.size() == 2);
    CHECK(placed[0].request == 1);
    CHECK(placed[0].box.x0 > 100);  // right of its anchor
    CHECK_FALSE(placed[0].box.overlaps(placed[1].box));
}

TEST_CASE("labels: never overlap, never leave the image, never cover obstacles") {
    std::vector<LabelRequest> rs;
    for (int i = 0; i < 200; ++i) rs.push_back(beside(static_cast<float>(20 + (i * 37) % 360), static_cast<float>(10 + (i * 53) % 280), static_cast<float>(i % 7)));
    std::vector<Box> obstacles{{150, 140, 170, 160}};
    auto placed = placeLabels(rs, obstacles, {}, 400, 300, 2);
    CHECK(placed.size() > 20);
    CHECK(placed.size() < rs.size());
    for (size_t i = 0; i < placed.size(); ++i) {
        const Box& b = placed[i].box;
        CHECK((b.x0 >= 0 && b.y0 >= 0 && b.x1 <= 400 && b.y1 <= 300));
        CHECK_FALSE(b.overlaps(obstacles[0]));
        for (size_t j = i + 1; j < placed.size(); ++j) CHECK_FALSE(b.overlaps(placed[j].box));
    }
}

TEST_CASE("labels: a centred label sits on its anchor; outside anchors are dropped") {
    LabelRequest area = beside(200, 150, 0);
    area.centred = true;
    LabelRequest outside = beside(-5, 150, 9);
    auto placed = placeLabels(std::vector{area, outside}, {}, {}, 400, 300, 2);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].box.x0 == doctest::Approx(180));
    CHECK(placed[0].box.y0 == doctest::Approx(144));
}

TEST_CASE("labels: text the user placed is always drawn, centred, and others keep clear of it") {
    LabelRequest fixed = beside(100, 100, 0);
    fixed.always = true;
    LabelRequest offEdge = fixed;  // half outside the image: still drawn
    offEdge.anchorX = 5;
    LabelRequest offMap = fixed;  // not on the map at all
    offMap.anchorX = offMap.anchorY = std::numeric_limits<float>::quiet_NaN();
    std::vector<Box> obstacles{{95, 95, 105, 105}};  // a marker under it does not move it
    std::vector<LabelRequest> rs{beside(100, 112, 50), fixed, offEdge, offMap};
    auto placed = placeLabels(rs, obstacles, {}, 400, 300, 2);
    REQUIRE(placed.size() == 3);
    CHECK(placed[0].request == 1);
    CHECK(placed[0].box.x0 == 80);
    CHECK(placed[0].box.y0 == 94);
    CHECK(placed[1].request == 2);
    CHECK(placed[1].box.x0 < 0);
    CHECK(placed[2].request == 0);
    CHECK_FALSE(placed[2].box.overlaps(placed[0].box));
}

TEST_CASE("labels: a place under a panel (the legend, the title) gets no label over the panel") {
    // The same box as a marker under the anchor does not block the label; as a panel it does.
    std::vector<Box> box{{80, 80, 300, 130}};
    std::vector<LabelRequest> rs{beside(100, 100, 1)};
    CHECK(placeLabels(rs, box, {}, 400, 300, 2).size() == 1);
    CHECK(placeLabels(rs, {}, box, 400, 300, 2).empty());
    // Beside a panel, a label goes where it does not overlap it.
    std::vector<LabelRequest> near{beside(100, 140, 1)};
    auto placed = placeLabels(near, {}, box, 400, 300, 2);
    REQUIRE(placed.size() == 1);
    CHECK_FALSE(placed[0].box.overlaps(box[0]));
}

// A marker the projection cannot show (NaN) or far off the image once made the grid convert a
// NaN or an out-of-range float to int (undefined; UBSan stopped export --all-slides on it).
TEST_CASE("labels: markers at NaN or far outside the image are ignored, the rest still placed") {
    LabelRequest lost = beside(std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::quiet_NaN(), 9);
    lost.ownMarker = true;
    LabelRequest far = beside(-3e12f, 4e12f, 8);
    far.ownMarker = true;
    std::vector<LabelRequest> rs{lost, far, beside(100, 100, 1)};
    auto placed = placeLabels(rs, {}, {}, 400, 300, 2);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].request == 2);
}
