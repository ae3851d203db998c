// Checks on the real geodata folder that setup.sh builds (geodata/out).
#include <doctest/doctest.h>

#include "core/geo/gazetteer.h"
#include "real_data.h"

using namespace cmap;

namespace {

const geo::Gazetteer& real() { return *test::realGazetteer(); }

uint32_t first(std::string_view name) {
    auto c = real().lookup(name, 1);
    REQUIRE_MESSAGE(!c.empty(), "no candidate for ", name);
    return c[0].place;
}

}  // namespace

TEST_CASE("real geodata: regions are polygons that cover their members") {
    auto nc = first("North Caucasus");
    CHECK(real().place(nc).kind == geo::PlaceKind::Region);
    CHECK(real().covers(nc, {45.70, 43.31}));        // Grozny
    CHECK_FALSE(real().covers(nc, {37.62, 55.75}));  // Moscow
    auto ca = first("Central Asia");
    CHECK(real().covers(ca, {69.24, 41.30}));        // Tashkent
    auto bs = first("Black Sea");
    CHECK(real().place(bs).kind == geo::PlaceKind::Water);
    CHECK(real().covers(bs, {34.0, 43.5}));
    CHECK_FALSE(real().covers(bs, {32.85, 39.93}));  // Ankara
}

TEST_CASE("real geodata: the Syrian cities of the seed briefing") {
    for (auto name : {"Latakia", "Tartus", "Homs", "Damascus", "Al Lādhiqīyah", "Lattakia"}) {
        auto id = first(name);
        CHECK_MESSAGE(real().place(id).countryCode() == "SY", name);
    }
    CHECK(geo::haversineKm(real().place(first("Latakia")).point, {35.79, 35.53}) < 40);
    auto sy = real().countryPlace("SY");
    REQUIRE(sy);
    CHECK(real().covers(*sy, real().place(first("Homs")).point));
    // Every country has a proper ISO code (Natural Earth marks some -99).
    for (auto iso : {"FR", "NO", "RU", "US", "GB", "DE", "TR", "IR", "UA", "GE"}) CHECK_MESSAGE(real().countryPlace(iso), iso);
    CHECK(real().warnings().empty());
}
