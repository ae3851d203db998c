#include <doctest/doctest.h>

#include <cmath>
#include <numbers>
#include <thread>
#include <vector>

#include "core/error.h"
#include "core/geo/projection.h"

using namespace cmap;
using namespace cmap::geo;

namespace {

double metres(Vec2 a, Vec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

// Shoelace area of a lon/lat cell's projected outline, edges densified so that curved parallels
// count: an equal-area projection must keep the cell's area on the ground.
double projectedCellArea(const Projection& p, double lon0, double lat0, double size) {
    std::vector<LonLat> ring;
    const int n = 32;
    for (int i = 0; i < n; ++i) ring.push_back({lon0 + size * i / n, lat0});
    for (int i = 0; i < n; ++i) ring.push_back({lon0 + size, lat0 + size * i / n});
    for (int i = 0; i < n; ++i) ring.push_back({lon0 + size - size * i / n, lat0 + size});
    for (int i = 0; i < n; ++i) ring.push_back({lon0, lat0 + size - size * i / n});
    std::vector<Vec2> xy(ring.size());
    p.forward(ring, xy);
    double twice = 0;
    for (size_t i = 0; i < xy.size(); ++i) {
        const Vec2& a = xy[i];
        const Vec2& b = xy[(i + 1) % xy.size()];
        twice += a.x * b.y - b.x * a.y;
    }
    return std::abs(twice) / 2;
}

}  // namespace

TEST_CASE("Web Mercator matches the closed-form sphere formulas in metres") {
    auto p = Projection::webMercator();
    constexpr double r = 6378137.0;
    constexpr double deg = std::numbers::pi / 180;
    Vec2 a = p.forward(LonLat{10, 45});
    Vec2 expected{r * 10 * deg, r * std::log(std::tan(std::numbers::pi / 4 + 45 * deg / 2))};
    CHECK(metres(a, expected) < 0.001);  // 1 mm
    CHECK_FALSE(p.isGeographic());
}

TEST_CASE("forward and inverse round-trip to a millimetre, in lon, lat order") {
    auto p = Projection::create("EPSG:3035");  // ETRS89-LAEA: officially northing first
    std::vector<LonLat> in{{10, 52}, {-5, 40}, {25, 65}, {35.8, 35.5}};
    std::vector<Vec2> xy(in.size());
    std::vector<LonLat> back(in.size());
    p.forward(in, xy);
    p.inverse(xy, back);
    // LAEA false easting is 4,321,000 m and false northing 3,210,000 m: x carries the longitude.
    CHECK(xy[0].x == doctest::Approx(4321000).epsilon(0.02));
    CHECK(xy[0].y == doctest::Approx(3210000).epsilon(0.02));
    // 1 cm: the WGS 84 -> ETRS89 step is a ballpark datum change whose inverse is not bit-exact.
    for (size_t i = 0; i < in.size(); ++i) CHECK(haversineKm(in[i], back[i]) * 1000 < 0.01);
}

TEST_CASE("EPSG:4326 is identity degrees") {
    auto p = Projection::create("EPSG:4326");
    CHECK(p.isGeographic());
    Vec2 v = p.forward(LonLat{36.3, 33.5});
    CHECK(v.x == doctest::Approx(36.3).epsilon(1e-12));
    CHECK(v.y == doctest::Approx(33.5).epsilon(1e-12));
}

TEST_CASE("Equal Earth keeps areas: a 1 degree cell at 60N has its ground area") {
    auto p = Projection::equalEarth();
    // Area of the cell on the WGS 84 ellipsoid, from the closed form for a zone between parallels.
    constexpr double a = 6378137.0;
    constexpr double f = 1 / 298.257223563;
    const double e2 = f * (2 - f);
    const double e = std::sqrt(e2);
    constexpr double deg = std::numbers::pi / 180;
    auto q = [&](double lat) {
        double s = std::sin(lat * deg);
        return s / (1 - e2 * s * s) - std::log((1 - e * s) / (1 + e * s)) / (2 * e);
    };
    double onGround = a * a * (1 - e2) / 2 * (q(61) - q(60)) * deg;
    // The densified outline leaves a tiny chord error; 0.1% is far below Mercator's 4x here.
    CHECK(projectedCellArea(p, 30, 60, 1) == doctest::Approx(onGround).epsilon(0.001));
    CHECK(projectedCellArea(Projection::webMercator(), 30, 60, 1) > 3 * onGround);
    CHECK(projectedCellArea(Projection::equalEarth(40), 30, 60, 1) ==
          doctest::Approx(onGround).epsilon(0.001));
}

TEST_CASE("plate carree is x = R lon, y = R lat in metres") {
    auto p = Projection::plateCarree();
    Vec2 v = p.forward(LonLat{90, 45});
    constexpr double quarter = 6378137.0 * std::numbers::pi / 2;
    CHECK(std::abs(v.x - quarter) < 0.001);
    CHECK(std::abs(v.y - quarter / 2) < 0.001);
}

TEST_CASE("fittedTo a region is conformal there and centred on it") {
    BBox middleEast{25, 12, 63, 42};
    auto p = Projection::fittedTo(middleEast);
    CHECK(p.definition().find("+proj=lcc") != std::string::npos);
    Vec2 centre = p.forward(middleEast.center());
    CHECK(std::hypot(centre.x, centre.y) < 1.0);  // metres
    LonLat damascus{36.29, 33.51};
    LonLat baghdad{44.37, 33.31};
    LonLat latakia{35.78, 35.52};
    LonLat tehran{51.39, 35.69};
    // Ground distances in km (great circle) against map distances: within 1% over the region.
    for (auto [a, b] : {std::pair{damascus, baghdad}, {latakia, tehran}, {damascus, latakia}}) {
        double mapKm = metres(p.forward(a), p.forward(b)) / 1000;
        CHECK(mapKm == doctest::Approx(haversineKm(a, b)).epsilon(0.01));
    }
}

TEST_CASE("fittedTo picks a projection that suits the extent") {
    CHECK(Projection::fittedTo(BBox{-180, -90, 180, 90}).definition().find("8857") !=
          std::string::npos);
    CHECK(Projection::fittedTo(BBox{-20, -35, 52, 37}).definition().find("stere") !=
          std::string::npos);  // Africa
    CHECK(Projection::fittedTo(BBox{95, -11, 141, 6}).definition().find("merc") !=
          std::string::npos);  // Indonesia straddles the equator
    CHECK_THROWS_AS(Projection::fittedTo(BBox{}), InputError);
}

TEST_CASE("a bare PROJ string is taken as the CRS it describes") {
    auto p = Projection::create("+proj=merc +datum=WGS84");
    Vec2 v = p.forward(LonLat{10, 0});
    CHECK(std::abs(v.x - 1113194.9079) < 0.001);
}

TEST_CASE("unprojectable points become NaN, the others still project") {
    // The far side of the globe has no place on an orthographic view.
    auto p = Projection::create("+proj=ortho +lat_0=30 +lon_0=40 +datum=WGS84");
    std::vector<LonLat> in{{-140, -30}, {10, 10}};
    std::vector<Vec2> out(2);
    p.forward(in, out);
    CHECK(std::isnan(out[0].x));
    CHECK(std::isnan(out[0].y));
    CHECK(std::isfinite(out[1].x));
}

TEST_CASE("PROJ's rejections name the definition") {
    CHECK_THROWS_WITH_AS(Projection::create("EPSG:999999"), doctest::Contains("EPSG:999999"),
                         InputError);
    CHECK_THROWS_WITH_AS(Projection::create("+proj=nonsense"), doctest::Contains("+proj=nonsense"),
                         InputError);
    CHECK_THROWS_AS(Projection::create(""), InputError);
}

TEST_CASE("clones project the same on other threads") {
    auto p = Projection::fittedTo(BBox{25, 12, 63, 42});
    Vec2 here = p.forward(LonLat{36.29, 33.51});
    Vec2 there;
    std::thread worker([&, q = p.clone()] { there = q.forward(LonLat{36.29, 33.51}); });
    worker.join();
    CHECK(metres(here, there) < 1e-6);
}

TEST_CASE("the central meridian comes from the definition, whatever its form") {
    CHECK(Projection::webMercator().centralMeridian() == 0);
    CHECK(Projection::equalEarth(44).centralMeridian() == doctest::Approx(44));
    CHECK(Projection::fittedTo(BBox{25, 12, 63, 42}).centralMeridian() == doctest::Approx(44));
    CHECK(Projection::create("EPSG:4326").centralMeridian() == 0);
    CHECK(Projection::create("EPSG:32637").centralMeridian() == doctest::Approx(39));  // UTM 37N
}

TEST_CASE("a geodesic range ring's points are its radius from the centre") {
    const LonLat hmeimim{35.95, 35.41};
    std::vector<LonLat> ring = geodesicCircle(hmeimim, 500, 72);
    REQUIRE(ring.size() == 72);
    for (const LonLat& p : ring) CHECK(std::abs(geodesicKm(hmeimim, p) - 500) < 0.001);  // 1 m
    // The first point is due north: the same longitude, about 4.5 degrees up.
    CHECK(ring[0].lon == doctest::Approx(35.95).epsilon(1e-9));
    CHECK(ring[0].lat == doctest::Approx(35.41 + 4.5).epsilon(0.01));
    // Known distance Moscow - Latakia (great circle ~2,270 km) within the sphere/ellipsoid spread.
    CHECK(std::abs(geodesicKm({37.62, 55.75}, {35.79, 35.52}) - haversineKm({37.62, 55.75}, {35.79, 35.52})) < 10);
}

TEST_CASE("a range ring at high latitude is distorted as each projection distorts, not drawn as a circle") {
    auto extent = [&](const Projection& p, LonLat centre, double km) {
        std::vector<LonLat> ring = geodesicCircle(centre, km, 360);
        std::vector<Vec2> xy(ring.size());
        p.forward(ring, xy);
        Vec2 lo{1e18, 1e18}, hi{-1e18, -1e18};
        for (const Vec2& v : xy) lo = {std::min(lo.x, v.x), std::min(lo.y, v.y)}, hi = {std::max(hi.x, v.x), std::max(hi.y, v.y)};
        return Vec2{hi.x - lo.x, hi.y - lo.y};
    };
    const LonLat murmansk{33.08, 68.97}, equator{33.08, 0};
    Projection merc = Projection::webMercator();
    // Mercator grows with 1/cos(lat) and faster towards the pole: a 1,500 km ring far north is an
    // egg, taller than wide, and about 1/cos(69) = 2.8 times as wide as the same ring at the equator.
    Vec2 north = extent(merc, murmansk, 1500);
    CHECK(north.y / north.x > 1.05);
    CHECK(north.x / extent(merc, equator, 1500).x == doctest::Approx(1 / std::cos(68.97 * std::numbers::pi / 180)).epsilon(0.15));
    // Plate carree keeps latitude spacing but not longitude: the same ring is wider than tall.
    Vec2 plate = extent(Projection::plateCarree(), murmansk, 300);
    CHECK(plate.x / plate.y == doctest::Approx(1 / std::cos(68.97 * std::numbers::pi / 180)).epsilon(0.05));
    // An azimuthal equidistant view centred on it shows the ring as a true circle of its radius.
    Vec2 azimuthal = extent(Projection::create("+proj=aeqd +lat_0=68.97 +lon_0=33.08 +datum=WGS84"), murmansk, 300);
    CHECK(azimuthal.y / azimuthal.x == doctest::Approx(1).epsilon(0.001));
    CHECK(azimuthal.x == doctest::Approx(600e3).epsilon(0.001));
}

TEST_CASE("a geodesic path runs from one end to the other at equal steps") {
    std::vector<LonLat> path = geodesicPath({37.62, 55.75}, {35.79, 35.52}, 16);
    REQUIRE(path.size() == 17);
    double total = geodesicKm(path.front(), path.back());
    for (size_t i = 1; i < path.size(); ++i) CHECK(geodesicKm(path[i - 1], path[i]) == doctest::Approx(total / 16).epsilon(1e-6));
    CHECK(path.back().lon == 35.79);
}

// An empty layer projects nothing (no coordinate array to point into: UBSan caught the old code
// taking a member of a null span's data).
TEST_CASE("projecting no points is a no-op, both ways") {
    const auto p = cmap::geo::Projection::create("EPSG:3857");
    p.forward(std::span<const cmap::geo::LonLat>{}, std::span<cmap::geo::Vec2>{});
    p.inverse(std::span<const cmap::geo::Vec2>{}, std::span<cmap::geo::LonLat>{});
    const cmap::geo::LonLat one{36, 35};
    CHECK_THROWS_AS(p.forward(std::span<const cmap::geo::LonLat>(&one, 1), std::span<cmap::geo::Vec2>{}), cmap::Error);
}
