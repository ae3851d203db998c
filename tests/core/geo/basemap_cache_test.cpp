#include "core/geo/basemap_cache.h"

#include <doctest/doctest.h>

#include <fstream>
#include <thread>

#include "core/error.h"
#include "core/geo/vector_source.h"
#include "geo/test_geodata.h"

using namespace cmap;
using cmap::test::TempDir;

namespace {

const std::vector<std::string> kFields = {"name", "pop", "fcode"};

// The same layer: geometry, boxes and the kept attributes, value for value.
void checkSame(const geo::FeatureSet& a, const geo::FeatureSet& b) {
    CHECK(a.kind == b.kind);
    REQUIRE(a.featureCount() == b.featureCount());
    CHECK(std::equal(a.ringStart.begin(), a.ringStart.end(), b.ringStart.begin(), b.ringStart.end()));
    CHECK(std::equal(a.partStart.begin(), a.partStart.end(), b.partStart.begin(), b.partStart.end()));
    CHECK(std::equal(a.featureStart.begin(), a.featureStart.end(), b.featureStart.begin(), b.featureStart.end()));
    REQUIRE(a.coords.size() == b.coords.size());
    for (size_t i = 0; i < a.coords.size(); ++i) {
        CHECK(a.coords[i].lon == b.coords[i].lon);
        CHECK(a.coords[i].lat == b.coords[i].lat);
    }
    for (size_t f = 0; f < a.featureCount(); ++f) {
        CHECK(a.featureBox[f].minLon == b.featureBox[f].minLon);
        CHECK(a.featureBox[f].maxLat == b.featureBox[f].maxLat);
        for (const std::string& name : kFields) {
            auto fa = a.field(name), fb = b.field(name);
            REQUIRE(fa.has_value() == fb.has_value());
            if (fa) CHECK(a.attr(f, *fa) == b.attr(f, *fb));
        }
    }
}

void flipByte(const std::filesystem::path& file, std::streamoff at) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(at);
    char c = 0;
    f.get(c);
    f.seekp(at);
    f.put(static_cast<char>(c ^ 0x20));
}

}  // namespace

TEST_CASE("prepared basemap: read through GDAL once, then mapped from the cache with the same tables") {
    TempDir dir, cache;
    test::writeMiniGeodata(dir.path);
    const geo::PreparedLayers fresh = geo::BasemapCache::load(dir.path, kFields, cache.path);
    CHECK_FALSE(fresh.fromCache);
    const geo::PreparedLayers cached = geo::BasemapCache::load(dir.path, kFields, cache.path);
    CHECK(cached.fromCache);
    for (geo::Layer layer : geo::BasemapCache::kLayers) {
        CAPTURE(geo::kLayerNames[static_cast<size_t>(layer)]);
        REQUIRE(cached[layer]);
        const auto shp = dir / (std::string(geo::kLayerNames[static_cast<size_t>(layer)]) + ".shp");
        checkSame(*geo::loadVector(shp), *cached[layer]);
        CHECK(cached[layer]->problem().empty());
    }
    CHECK_FALSE(cached[geo::Layer::Facilities]);  // not drawn by the map
    // Only the attributes asked for are kept: a town's name, population and feature code.
    const geo::FeatureSet& places = *cached[geo::Layer::Places];
    CHECK(places.fieldNames.size() == 3);
    CHECK_FALSE(places.field("asciiname"));
    CHECK(places.attr(6, *places.field("name")) == "Moscow");
    CHECK(places.attr(6, *places.field("pop")) == "10381222");
    // The map of the Levant sees Damascus where the shapefile has it.
    CHECK(places.coords[places.ringStart[places.partStart[places.featureStart[0]]]].lon == doctest::Approx(36.29));
}

TEST_CASE("prepared basemap: rebuilt when a source file changes") {
    TempDir dir, cache;
    test::writeMiniGeodata(dir.path);
    (void)geo::BasemapCache::load(dir.path, kFields, cache.path);
    // Another admin1: one province only. Size and time both change; either would do.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) std::filesystem::remove(dir / (std::string("admin1") + ext));
    test::writeShapefile(dir / "admin1.shp", wkbMultiPolygon, {"id", "name"},
                         {{"MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)))", {"1", "Square"}}});
    const geo::PreparedLayers after = geo::BasemapCache::load(dir.path, kFields, cache.path);
    CHECK_FALSE(after.fromCache);
    REQUIRE(after[geo::Layer::Admin1]);
    CHECK(after[geo::Layer::Admin1]->featureCount() == 1);
    CHECK(geo::BasemapCache::load(dir.path, kFields, cache.path).fromCache);
    // Other fields make another cache too.
    CHECK_FALSE(geo::BasemapCache::load(dir.path, std::vector<std::string>{"name"}, cache.path).fromCache);
}

TEST_CASE("prepared basemap: a damaged cache is rejected whole and rebuilt") {
    TempDir dir, cache;
    test::writeMiniGeodata(dir.path);
    (void)geo::BasemapCache::load(dir.path, kFields, cache.path);
    const auto file = geo::BasemapCache::file(cache.path, dir.path);
    const uint64_t signature = geo::BasemapCache::signature(dir.path, kFields);
    REQUIRE(geo::BasemapCache::read(file, signature));
    const auto size = static_cast<std::streamoff>(std::filesystem::file_size(file));

    SUBCASE("one bit of a coordinate, an offset or a name") {
        // Anywhere past the header: the checksum catches what the tables' checks cannot.
        for (std::streamoff at : {std::streamoff{40}, size / 3, size / 2, size - 3}) {
            CAPTURE(at);
            flipByte(file, at);
            CHECK_FALSE(geo::BasemapCache::read(file, signature));
            flipByte(file, at);  // back as it was
            CHECK(geo::BasemapCache::read(file, signature));
        }
    }
    SUBCASE("cut short") {
        std::filesystem::resize_file(file, static_cast<uintmax_t>(size / 2));
        CHECK_FALSE(geo::BasemapCache::read(file, signature));
    }
    SUBCASE("not a cache at all") {
        std::ofstream(file, std::ios::binary | std::ios::trunc) << "not a basemap cache";
        CHECK_FALSE(geo::BasemapCache::read(file, signature));
    }
    // Whatever the damage, the next load rebuilds it from the shapefiles and the one after maps it.
    flipByte(file, 40);
    const geo::PreparedLayers rebuilt = geo::BasemapCache::load(dir.path, kFields, cache.path);
    CHECK_FALSE(rebuilt.fromCache);
    REQUIRE(rebuilt[geo::Layer::Admin0]);
    CHECK(rebuilt[geo::Layer::Admin0]->featureCount() == 4);  // the mini geodata's countries
    CHECK(geo::BasemapCache::load(dir.path, kFields, cache.path).fromCache);
}

TEST_CASE("prepared basemap: a broken source names its file; no cache folder means no cache") {
    TempDir dir, cache;
    test::writeMiniGeodata(dir.path);
    const geo::PreparedLayers uncached = geo::BasemapCache::load(dir.path, kFields, {});
    CHECK_FALSE(uncached.fromCache);
    REQUIRE(uncached[geo::Layer::Regions]);
    CHECK(uncached[geo::Layer::Regions]->featureCount() == 1);

    std::filesystem::remove(dir / "regions.shp");
    CHECK_THROWS_WITH_AS(geo::BasemapCache::load(dir.path, kFields, cache.path),
                         doctest::Contains((dir / "regions.shp").string().c_str()), DataError);
    TempDir other;
    test::writeMiniGeodata(other.path);
    for (const char* ext : {".shp", ".shx", ".dbf"})
        std::filesystem::copy_file(other / (std::string("places") + ext), other / (std::string("admin0") + ext),
                                   std::filesystem::copy_options::overwrite_existing);
    CHECK_THROWS_WITH_AS(geo::BasemapCache::load(other.path, kFields, cache.path),
                         doctest::Contains("admin0.shp: has points, expected polygons"), DataError);
}
