#include "core/geo/vector_source.h"

#include <doctest/doctest.h>

#include "core/error.h"
#include "geo/test_geodata.h"

using namespace cmap;
using cmap::test::TempDir;

namespace {
std::string errorOf(const std::filesystem::path& p) {
    try {
        geo::loadVector(p);
    } catch (const DataError& e) {
        return e.what();
    }
    return "no error";
}
}  // namespace

TEST_CASE("loadVector flattens polygons with holes and keeps attributes") {
    TempDir dir;
    test::writeShapefile(dir / "a.shp", wkbMultiPolygon, {"id", "name"},
                         {{"MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 6 4, 6 6, 4 6, 4 4)), ((20 0, 22 0, 22 2, 20 0)))",
                           {"7", "Ḥimṣ"}}});
    auto fs = geo::loadVector(dir / "a.shp");
    REQUIRE(fs->featureCount() == 1);
    CHECK(fs->kind == geo::GeometryKind::Polygon);
    CHECK(fs->partStart.size() == 3);  // two parts
    CHECK(fs->ringStart.size() == 4);  // three rings
    CHECK(fs->attr(0, *fs->field("NAME")) == "Ḥimṣ");
    CHECK(fs->contains(0, {1, 1}));
    CHECK_FALSE(fs->contains(0, {5, 5}));  // in the hole
    CHECK(fs->contains(0, {21.5, 0.5}));
    CHECK_FALSE(fs->contains(0, {15, 5}));
    auto rp = fs->representativePoint(0);
    CHECK(fs->contains(0, rp));
}

TEST_CASE("representativePoint of a C-shaped polygon lies inside it") {
    TempDir dir;
    test::writeShapefile(dir / "c.shp", wkbPolygon, {"id"},
                         {{"POLYGON ((0 0, 10 0, 10 2, 2 2, 2 8, 10 8, 10 10, 0 10, 0 0))", {"1"}}});
    auto fs = geo::loadVector(dir / "c.shp");
    CHECK(fs->contains(0, fs->representativePoint(0)));
    CHECK_FALSE(fs->contains(0, fs->featureBox[0].center()));  // the naive answer would be outside
}

TEST_CASE("loadVector reads a projected layer as WGS 84 lon/lat") {
    TempDir dir;
    GDALAllRegister();
    auto* drv = GetGDALDriverManager()->GetDriverByName("GeoJSON");
    std::unique_ptr<GDALDataset> ds(drv->Create((dir / "m.geojson").string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference merc;
    merc.importFromEPSG(3857);
    auto* layer = ds->CreateLayer("m", &merc, wkbPoint, nullptr);
    OGRFeature f(layer->GetLayerDefn());
    OGRPoint p(3984189.0, 4235830.0);  // about 35.79E 35.52N
    f.SetGeometry(&p);
    REQUIRE(layer->CreateFeature(&f) == OGRERR_NONE);
    ds.reset();
    auto fs = geo::loadVector(dir / "m.geojson");
    REQUIRE(fs->coords.size() == 1);
    CHECK(geo::haversineKm(fs->coords[0], {35.79, 35.52}) < 1.0);
}

TEST_CASE("broken vector files are DataErrors that name the file") {
    TempDir dir;
    SUBCASE("missing") { CHECK(errorOf(dir / "nope.shp") == (dir / "nope.shp").string() + ": no such file"); }
    SUBCASE("not a vector file") {
        test::writeText(dir / "text.shp", "this is not a shapefile at all");
        CHECK(errorOf(dir / "text.shp").starts_with((dir / "text.shp").string() + ": "));
    }
    SUBCASE("truncated .shp") {
        std::vector<test::Row> rows;
        for (int i = 0; i < 200; ++i)
            rows.push_back({"POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", {std::to_string(i)}});
        test::writeShapefile(dir / "t.shp", wkbPolygon, {"id"}, rows);
        std::filesystem::resize_file(dir / "t.shp", std::filesystem::file_size(dir / "t.shp") / 2);
        std::string e = errorOf(dir / "t.shp");
        CHECK(e.starts_with((dir / "t.shp").string() + ": "));
    }
    SUBCASE("a folder") {
        std::filesystem::create_directory(dir / "d");
        CHECK(errorOf(dir / "d") == (dir / "d").string() + ": is a folder, not a vector file");
    }
}
