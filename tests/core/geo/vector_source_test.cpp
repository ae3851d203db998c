#include "core/geo/vector_source.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

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
    test::startGdal(dir / "m.geojson");
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

TEST_CASE("loadVector reprojects a shapefile whose .prj is in another CRS") {
    TempDir dir;
    // UTM zone 36N metres of a point near Latakia (cs2cs EPSG:32636 EPSG:4326: 35.78987E 35.51737N).
    test::writeShapefile(dir / "utm.shp", wkbPoint, {"name"}, {{"POINT (753000 3934000)", {"x"}}}, {}, 32636);
    auto fs = geo::loadVector(dir / "utm.shp");
    REQUIRE(fs->coords.size() == 1);
    CHECK(geo::haversineKm(fs->coords[0], {35.78987, 35.51737}) < 0.01);
}

TEST_CASE("loadVector reads attributes that are not UTF-8 as Windows-1252") {
    TempDir dir;
    test::writeShapefile(dir / "l.shp", wkbPoint, {"name"}, {{"POINT (35.79 35.52)", {"Cafe"}}});
    std::filesystem::remove(dir / "l.cpg");
    std::string dbf;
    {
        std::ifstream in(dir / "l.dbf", std::ios::binary);
        dbf.assign(std::istreambuf_iterator<char>(in), {});
    }
    dbf.replace(dbf.rfind("Cafe"), 4, "Caf\xe9");
    test::writeText(dir / "l.dbf", dbf);
    auto fs = geo::loadVector(dir / "l.shp");
    CHECK(fs->attr(0, 0) == "Caf\u00e9");
}

TEST_CASE("broken vector files are DataErrors that name the file") {
    TempDir dir;
    SUBCASE("missing") { CHECK(errorOf(dir / "nope.shp") == (dir / "nope.shp").string() + ": no such file"); }
    SUBCASE("not a vector file") {
        for (const char* ext : {"shp", "shx", "dbf"}) test::writeText(dir / ("text." + std::string(ext)), "this is not a shapefile at all");
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
    SUBCASE("a shapefile without its .shx or .dbf") {
        test::writeShapefile(dir / "p.shp", wkbPoint, {"id"}, {{"POINT (1 1)", {"1"}}});
        std::filesystem::remove(dir / "p.dbf");
        CHECK(errorOf(dir / "p.shp") == (dir / "p.dbf").string() + ": missing; p.shp cannot be read without it");
        std::filesystem::remove(dir / "p.shx");
        CHECK(errorOf(dir / "p.shp") == (dir / "p.shx").string() + ": missing; p.shp cannot be read without it");
    }
    SUBCASE("coordinates that are not longitude/latitude") {
        // Metres in a file that does not say so: the .prj is gone.
        test::writeShapefile(dir / "m.shp", wkbPoint, {"id"}, {{"POINT (3984189 4235830)", {"1"}}});
        std::filesystem::remove(dir / "m.prj");
        CHECK(errorOf(dir / "m.shp") == (dir / "m.shp").string() +
                                             ": feature 0 has a vertex at (3.98419e+06, 4.23583e+06), which is not a "
                                             "longitude/latitude; the file does not say its coordinate system (a .prj is missing?)");
        // A vertex that is not a number.
        test::writeText(dir / "n.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
            "geometry":{"type":"LineString","coordinates":[[1,1],[1e999,2]]}}]})");
        CHECK(errorOf(dir / "n.geojson").starts_with((dir / "n.geojson").string() + ": feature 0 has a vertex at (inf, 2)"));
    }
    SUBCASE("a folder") {
        std::filesystem::create_directory(dir / "d");
        CHECK(errorOf(dir / "d") == (dir / "d").string() + ": is a folder, not a vector file");
    }
}
