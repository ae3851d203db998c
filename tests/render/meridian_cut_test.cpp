#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "render/meridian_cut.h"

using cmap::geo::LonLat;
using cmap::render::crossesCut;
using cmap::render::cutRing;

namespace {
// Planar area in square degrees: enough to check that pieces add up to the whole.
double area(const std::vector<LonLat>& ring) {
    double twice = 0;
    for (size_t i = 0; i < ring.size(); ++i) {
        const LonLat& a = ring[i];
        const LonLat& b = ring[(i + 1) % ring.size()];
        twice += a.lon * b.lat - b.lon * a.lat;
    }
    return std::abs(twice) / 2;
}
}  // namespace

TEST_CASE("the cut is the meridian opposite the centre; data split on it does not cross") {
    CHECK(crossesCut({170, 0}, {-170, 0}, 0));
    CHECK_FALSE(crossesCut({179, 0}, {180, 0}, 0));    // a ring ending on the antimeridian
    CHECK_FALSE(crossesCut({-180, 0}, {-179, 0}, 0));  // and one starting on it
    CHECK(crossesCut({-140, 60}, {-130, 60}, 44));     // Alaska on a map centred on Iraq
    CHECK_FALSE(crossesCut({-140, 60}, {-130, 60}, 0));
}

TEST_CASE("a ring across the cut splits into pieces either side that add up to it") {
    std::vector<LonLat> ring{{170, -10}, {-170, -10}, {-170, 10}, {170, 10}};  // 20 x 20 degrees
    auto pieces = cutRing(ring, 0);
    REQUIRE(pieces.size() == 2);
    double total = 0;
    for (const auto& piece : pieces) {
        total += area(piece);
        for (const LonLat& p : piece) {
            CHECK(p.lon >= -180);
            CHECK(p.lon <= 180);
        }
    }
    CHECK(total == doctest::Approx(400).epsilon(1e-6));
}

TEST_CASE("a ring that does not cross comes back whole") {
    std::vector<LonLat> ring{{10, 10}, {20, 10}, {20, 20}};
    auto pieces = cutRing(ring, 44);
    REQUIRE(pieces.size() == 1);
    CHECK(pieces[0].size() == 3);
}
