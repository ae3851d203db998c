#include "core/geo/gazetteer.h"

#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.h"
#include "geo/test_geodata.h"

using namespace cmap;
using cmap::test::TempDir;

namespace {

struct MiniGazetteer {
    TempDir data, cache;
    MiniGazetteer() { test::writeMiniGeodata(data.path); }
    geo::GazetteerPtr load() const { return geo::Gazetteer::load(data.path, {cache.path}); }
};

std::string best(const geo::Gazetteer& g, std::string_view name) {
    auto c = g.lookup(name, 1);
    if (c.empty()) return "none";
    const auto& p = g.place(c[0].place);
    return std::string(g.name(c[0].place)) + "/" + std::string(geo::kindName(p.kind)) + "/" + std::string(p.countryCode());
}

}  // namespace

TEST_CASE("gazetteer ranks by kind, population and name quality") {
    MiniGazetteer mini;
    auto g = mini.load();
    CHECK(best(*g, "Damascus") == "Damascus/city/SY");                // population beats Maryland
    CHECK(best(*g, "Washington") == "Washington, D.C./city/US");      // curated alias beats the town and state
    CHECK(best(*g, "US") == "United States of America/country/US");   // alias
    CHECK(best(*g, "united states") == "United States of America/country/US");  // side-table name
    CHECK(best(*g, "Syrian") == "Syria/country/SY");                  // demonym
    CHECK(best(*g, "Latakia") == "Latakia/city/SY");                  // a city over its province
    CHECK(best(*g, "AL LADHIQIYAH") == "Latakia/city/SY");            // alternate name, folded
    CHECK(best(*g, "Laodicea ad Mare") == "Latakia/city/SY");         // quoted CSV value with a comma
    CHECK(best(*g, "Grozny") == "Groznyy/city/RU");
    CHECK(best(*g, "the Kremlin") == "Kremlin/poi/RU");
    CHECK(best(*g, "Atlantis") == "none");
    auto all = g->lookup("Damascus", 10);
    CHECK(all.size() == 2);
    CHECK(all[0].score > all[1].score);
}

TEST_CASE("a seat of government of unknown population counts as its level's median seat") {
    MiniGazetteer mini;
    auto g = mini.load();
    auto population = [&](std::string_view name) {
        const auto c = g->lookup(name, 1);
        REQUIRE(c.size() == 1);
        const geo::Place& p = g->place(c[0].place);
        return std::pair{p.population, p.populationEstimated == 1};
    };
    // Three Syrian district seats (PPLA2) are known, too few: the median of the six anywhere
    // (24,782 66,138 111,864 150,000 166,810 184,231) is the upper middle one.
    CHECK(population("Qasr Nadim") == std::pair<int64_t, bool>{150000, true});
    CHECK(population("Homs") == std::pair<int64_t, bool>{1300000, false});
    // The lowest levels' medians say nothing: unknown stays unknown.
    CHECK(population("Khirbat Sulum") == std::pair<int64_t, bool>{0, false});
    // The cache keeps both.
    auto again = mini.load();
    REQUIRE(again->fromCache());
    const auto c = again->lookup("Qasr Nadim", 1);
    REQUIRE(c.size() == 1);
    CHECK(again->place(c[0].place).populationEstimated == 1);
}

TEST_CASE("areas know their polygons; points their distance") {
    MiniGazetteer mini;
    auto g = mini.load();
    auto nc = g->lookup("North Caucasus", 1);
    REQUIRE(nc.size() == 1);
    CHECK(g->place(nc[0].place).kind == geo::PlaceKind::Region);
    CHECK(g->covers(nc[0].place, {45.69, 43.31}));       // Grozny
    CHECK_FALSE(g->covers(nc[0].place, {37.62, 55.75}));  // Moscow
    CHECK_FALSE(g->covers(nc[0].place, {47.5, 45.0}));    // in the hole
    auto moscow = g->lookup("Moscow", 1)[0].place;
    CHECK(g->covers(moscow, {37.6175, 55.752}, 5));
    CHECK_FALSE(g->covers(moscow, {37.6175, 55.752}, 0.1));
    auto sy = g->countryPlace("SY");
    REQUIRE(sy);
    CHECK(g->name(*sy) == "Syria");
    CHECK_FALSE(g->countryPlace("ZZ"));
}

TEST_CASE("curated rows that point nowhere are reported, not fatal") {
    MiniGazetteer mini;
    auto g = mini.load();
    REQUIRE(g->warnings().size() == 1);
    CHECK(g->warnings()[0].find("Atlantis") != std::string::npos);
}

TEST_CASE("the cache gives the same answers and is rebuilt when a source changes") {
    MiniGazetteer mini;
    auto first = mini.load();
    CHECK_FALSE(first->fromCache());
    auto second = mini.load();
    CHECK(second->fromCache());
    CHECK(second->placeCount() == first->placeCount());
    CHECK(second->nameCount() == first->nameCount());
    REQUIRE(second->countryPlace("SY"));
    CHECK(second->name(*second->countryPlace("SY")) == "Syria");  // the country index comes from the cache
    CHECK(best(*second, "Washington") == "Washington, D.C./city/US");
    CHECK(second->warnings() == first->warnings());

    test::writeText(mini.data / "demonyms.csv", "demonym,kind,country,geonameid,name\nMuscovite,city,RU,524901,Moscow\n");
    auto third = mini.load();
    CHECK_FALSE(third->fromCache());
    CHECK(best(*third, "Muscovite") == "Moscow/city/RU");

    // A damaged cache is rejected and rebuilt, never trusted.
    for (auto& e : std::filesystem::directory_iterator(mini.cache.path)) std::filesystem::resize_file(e.path(), 100);
    auto fourth = mini.load();
    CHECK_FALSE(fourth->fromCache());
    CHECK(best(*fourth, "Muscovite") == "Moscow/city/RU");
}

TEST_CASE("a broken geodata folder names the file that is wrong") {
    MiniGazetteer mini;
    auto failure = [&] {
        try {
            mini.load();
        } catch (const DataError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    SUBCASE("missing layer") {
        std::filesystem::remove(mini.data / "regions.shp");
        CHECK(failure().starts_with((mini.data / "regions.shp").string() + ": no such file"));
    }
    SUBCASE("missing .dbf") {
        std::filesystem::remove(mini.data / "places.dbf");
        CHECK(failure().starts_with((mini.data / "places.dbf").string() + ": no such file"));
    }
    SUBCASE("wrong geometry type") {
        for (auto ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) std::filesystem::remove(mini.data / ("admin0" + std::string(ext)));
        test::writeShapefile(mini.data / "admin0.shp", wkbPoint, {"id", "name"}, {{"POINT (1 1)", {"1", "X"}}});
        CHECK(failure() == (mini.data / "admin0.shp").string() + ": has points, expected polygons");
    }
    SUBCASE("truncated places") {
        std::filesystem::resize_file(mini.data / "places.shp", 150);
        CHECK(failure().starts_with((mini.data / "places.shp").string() + ": "));
    }
    SUBCASE("no folder") {
        std::filesystem::remove_all(mini.data.path);
        CHECK(failure() == mini.data.path.string() + ": no such geodata folder");
    }
}

TEST_CASE("a cache damaged inside, its size intact, is read without harm") {
    // The entries of its large tables are checked where they are read, not at load: junk in any
    // eight bytes of the file must give right answers or none, never a crash, a hang or a read
    // out of bounds (ASan checks the reads in the sanitized suite).
    MiniGazetteer mini;
    mini.load();  // writes the cache
    std::filesystem::path file;
    for (auto& e : std::filesystem::directory_iterator(mini.cache.path)) file = e.path();
    std::string good;
    {
        std::ifstream in(file, std::ios::binary);
        good.assign(std::istreambuf_iterator<char>(in), {});
    }
    REQUIRE(good.size() > 64);
    size_t readAsCache = 0;
    // Every eight bytes past the header up to the two Bloom filters (128 KiB each, near the end:
    // any bits there are a valid filter, and going through them would take seconds).
    const size_t filters = 2 * (size_t{1} << 20) / 8;
    REQUIRE(good.size() > filters + 64);
    for (size_t at = 32; at + 8 <= good.size() - filters; at += 8) {
        for (const char junk : {'\x00', '\xff'}) {
            std::string bad = good;
            bad.replace(at, 8, 8, junk);
            {
                std::ofstream out(file, std::ios::binary | std::ios::trunc);
                out.write(bad.data(), static_cast<std::streamsize>(bad.size()));
            }
            auto g = mini.load();
            readAsCache += g->fromCache();
            for (const char* name : {"Damascus", "Latakia", "Syrian", "the Kremlin", "Atlantis"}) {
                const std::string found = best(*g, name);
                CHECK_MESSAGE((found == "none" || found.find('/') != std::string::npos), name << " at " << at);
            }
        }
    }
    CHECK(readAsCache > 0);  // most damage lies inside tables, which load does not read
}

TEST_CASE("a place is in a division by their GeoNames codes, by the division's box where a code is missing") {
    auto place = [](geo::PlaceKind kind, const char* country, const char* admin1, uint32_t admin2, geo::LonLat at) {
        geo::Place p;
        p.kind = kind;
        std::memcpy(p.country, country, 2);
        std::strncpy(p.admin1, admin1, sizeof p.admin1);
        p.admin2 = admin2;
        p.point = at;
        p.box[0] = static_cast<float>(at.lon - 1), p.box[1] = static_cast<float>(at.lat - 1);
        p.box[2] = static_cast<float>(at.lon + 1), p.box[3] = static_cast<float>(at.lat + 1);
        return p;
    };
    // A province that is one GeoNames district (England's counties are admin2 units of "ENG").
    const geo::Place kent = place(geo::PlaceKind::Admin1, "GB", "ENG", 7, {0.7, 51.2});
    CHECK(geo::inDivision(place(geo::PlaceKind::City, "GB", "ENG", 7, {1.1, 51.3}), kent));
    // Another county of England, within Kent's box: the codes say no.
    CHECK_FALSE(geo::inDivision(place(geo::PlaceKind::City, "GB", "ENG", 8, {0.1, 51.5}), kent));
    // A town without an admin2 code: the box decides, within its admin1 unit only.
    CHECK(geo::inDivision(place(geo::PlaceKind::City, "GB", "ENG", 0, {0.9, 51.1}), kent));
    CHECK_FALSE(geo::inDivision(place(geo::PlaceKind::City, "GB", "WLS", 0, {0.9, 51.1}), kent));
    // A district inside a province that is one admin1 unit; a province without a code: its box.
    const geo::Place region = place(geo::PlaceKind::Admin1, "GB", "ENG", 0, {-1, 52});
    CHECK(geo::inDivision(place(geo::PlaceKind::Admin2, "GB", "ENG", 7, {0.7, 51.2}), region));
    const geo::Place uncoded = place(geo::PlaceKind::Admin1, "GB", "", 0, {-1, 52});
    CHECK_FALSE(geo::inDivision(place(geo::PlaceKind::City, "GB", "ENG", 7, {0.7, 51.2}), uncoded));
    CHECK(geo::inDivision(place(geo::PlaceKind::City, "GB", "ENG", 7, {-0.5, 52.5}), uncoded));
    // Never across a border, whatever the box holds.
    CHECK_FALSE(geo::inDivision(place(geo::PlaceKind::City, "FR", "", 0, {0.8, 51.2}), kent));
}
