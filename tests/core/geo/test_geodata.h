#pragma once
// Writes small vector files with GDAL for tests: a layer is a list of rows (WKT + attributes).
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/geo/gdal_library.h"

namespace cmap::test {

/// Starts GDAL as the program does (core/geo/gdal_library.h): offline, file drivers only, and
/// with its one-time set-up outside the leak check, which a plain GDALAllRegister would not be.
inline void startGdal(const std::filesystem::path& forFile) { (void)geo::gdalLibrary(forFile.string()); }

/// A fresh, empty folder under the system temp dir, removed when the object dies.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() / ("cmap-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::filesystem::path operator/(const std::string& name) const { return path / name; }
};

struct Row {
    std::string wkt;
    std::vector<std::string> values;  ///< in the order of the field list
};

/// Writes an ESRI Shapefile (EPSG:4326 unless told, UTF-8) with string fields, except the ones
/// named in intFields.
inline void writeShapefile(const std::filesystem::path& shp, OGRwkbGeometryType type,
                           const std::vector<std::string>& fields, const std::vector<Row>& rows,
                           const std::vector<std::string>& intFields = {"id", "pop", "geonameid"}, int epsg = 4326) {
    startGdal(shp);
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    char** opts = CSLSetNameValue(nullptr, "ENCODING", "UTF-8");
    std::unique_ptr<GDALDataset> ds(drv->Create(shp.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.importFromEPSG(epsg);
    OGRLayer* layer = ds->CreateLayer(shp.stem().string().c_str(), &srs, type, opts);
    CSLDestroy(opts);
    for (const auto& f : fields) {
        bool isInt = std::find(intFields.begin(), intFields.end(), f) != intFields.end();
        OGRFieldDefn def(f.c_str(), isInt ? OFTInteger64 : OFTString);
        if (!isInt) def.SetWidth(254);
        layer->CreateField(&def);
    }
    for (const auto& r : rows) {
        OGRFeature* feat = OGRFeature::CreateFeature(layer->GetLayerDefn());
        for (size_t i = 0; i < r.values.size(); ++i) feat->SetField(static_cast<int>(i), r.values[i].c_str());
        OGRGeometry* g = nullptr;
        OGRGeometryFactory::createFromWkt(r.wkt.c_str(), nullptr, &g);
        feat->SetGeometryDirectly(g);
        if (layer->CreateFeature(feat) != OGRERR_NONE) throw std::runtime_error("cannot write a test feature");
        OGRFeature::DestroyFeature(feat);
    }
}

inline void writeText(const std::filesystem::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

/// A complete, tiny geodata folder in the project's layout (see geodata/build_geodata.py).
inline void writeMiniGeodata(const std::filesystem::path& dir) {
    const std::vector<std::string> core = {"id", "name", "kind", "country", "pop", "geonameid"};
    auto withExtra = [&](std::vector<std::string> extra) {
        auto f = core;
        f.insert(f.end(), extra.begin(), extra.end());
        return f;
    };
    writeShapefile(dir / "places.shp", wkbPoint, withExtra({"asciiname", "fcode", "admin1"}),
                   {
                       {"POINT (36.29 33.51)", {"170654", "Damascus", "city", "SY", "1569394", "170654", "Damascus", "PPLC", "13"}},
                       {"POINT (-77.15 39.27)", {"4354087", "Damascus", "city", "US", "15000", "4354087", "Damascus", "PPL", "MD"}},
                       {"POINT (35.79 35.52)", {"173579", "Latakia", "city", "SY", "340181", "173579", "Latakia", "PPLA", "02"}},
                       {"POINT (-77.04 38.90)", {"4140963", "Washington, D.C.", "city", "US", "601723", "4140963", "Washington, D.C.", "PPLC", "DC"}},
                       {"POINT (-87.15 38.66)", {"4263681", "Washington", "city", "US", "11509", "4263681", "Washington", "PPL", "IN"}},
                       {"POINT (45.69 43.31)", {"557893", "Groznyy", "city", "RU", "271573", "557893", "Groznyy", "PPLA", "12"}},
                       {"POINT (37.62 55.75)", {"524901", "Moscow", "city", "RU", "10381222", "524901", "Moscow", "PPLC", "48"}},
                       {"POINT (36.72 34.73)", {"169577", "Homs", "city", "SY", "1300000", "169577", "Homs", "PPLA", "11"}},
                       {"POINT (35.89 34.89)", {"163345", "Tartus", "city", "SY", "115769", "163345", "Tartus", "PPLA", "14"}},
                       // Homonyms of people and organisations the recognizer must not take for places.
                       {"POINT (40.40 56.14)", {"473247", "Vladimir", "city", "RU", "350087", "473247", "Vladimir", "PPLA", "83"}},
                       {"POINT (135.75 35.50)", {"1854487", "Obama", "city", "JP", "30000", "1854487", "Obama", "PPL", "10"}},
                       {"POINT (-79.24 42.10)", {"5122534", "Jamestown", "city", "US", "30000", "5122534", "Jamestown", "PPL", "NY"}},
                       {"POINT (-96.80 44.31)", {"5226534", "Brookings", "city", "US", "23000", "5226534", "Brookings", "PPL", "SD"}},
                       {"POINT (-82.43 8.43)", {"3712076", "David", "city", "PA", "82907", "3712076", "David", "PPLA", "04"}},
                       {"POINT (-97.92 29.56)", {"4738000", "Nice", "city", "US", "1000", "4738000", "Nice", "PPL", "TX"}},
                       // Transliterated names that reporting spells in other ways.
                       {"POINT (36.56 35.61)", {"169304", "Kafr Nubl", "city", "SY", "24754", "169304", "Kafr Nubl", "PPL", "07"}},
                       {"POINT (41.23 37.05)", {"173819", "Al Qāmishlī", "city", "SY", "184231", "173819", "Al Qamishli", "PPLA2", "05"}},
                       {"POINT (37.05 36.59)", {"169389", "I‘zāz", "city", "SY", "66138", "169389", "I`zaz", "PPLA2", "09"}},
                       {"POINT (36.10 32.62)", {"170592", "Dar‘ā", "city", "SY", "97969", "170592", "Dar`a", "PPLA", "12"}},
                       {"POINT (40.75 36.50)", {"173811", "Al Ḩasakah", "city", "SY", "188160", "173811", "Al Hasakah", "PPLA", "03"}},
                       {"POINT (40.14 35.34)", {"170794", "Deir ez-Zor", "city", "SY", "242565", "170794", "Deir ez-Zor", "PPLA", "04"}},
                       {"POINT (38.47 55.80)", {"9900001", "Lavrovo", "city", "RU", "1200", "9900001", "Lavrovo", "PPL", "47"}},
                       // Places named like people, and a town whose region shares a country's name.
                       {"POINT (2.35 48.86)", {"2988507", "Paris", "city", "FR", "2138551", "2988507", "Paris", "PPLC", "11"}},
                       {"POINT (-77.79 43.29)", {"5120025", "Hilton", "city", "US", "5900", "5120025", "Hilton", "PPL", "NY"}},
                       {"POINT (-77.46 37.55)", {"4781708", "Richmond", "city", "US", "226610", "4781708", "Richmond", "PPLA", "VA"}},
                       {"POINT (-84.39 33.75)", {"4180439", "Atlanta", "city", "US", "463878", "4180439", "Atlanta", "PPLA", "GA"}},
                       // GeoNames' current romanization as the name, the news spelling as an alternate;
                       // a village (GeoNames cities500 lists places down to 500 people); a tiny capital.
                       {"POINT (36.40 33.57)", {"170600", "Dūmā", "city", "SY", "111864", "170600", "Duma", "PPLA2", "08"}},
                       {"POINT (36.55 34.90)", {"9900002", "Kuhlan", "city", "SY", "800", "9900002", "Kuhlan", "PPL", "11"}},
                       {"POINT (12.45 41.90)", {"6691831", "Vatican City", "city", "VA", "829", "6691831", "Vatican City", "PPLC", ""}},
                       // A town that gives its name to a district, and a city named like a populous state.
                       {"POINT (37.56 48.72)", {"704147", "Kramatorsk", "city", "UA", "150000", "704147", "Kramatorsk", "PPLA2", "05"}},
                       // Ukrainian h for Russian g: the news also writes Gorlovka.
                       {"POINT (38.05 48.34)", {"707753", "Horlivka", "city", "UA", "239828", "707753", "Horlivka", "PPLA3", "05"}},
                       {"POINT (-123.37 48.43)", {"6174041", "Victoria", "city", "CA", "289625", "6174041", "Victoria", "PPLA", "02"}},
                       // Namesakes inside one country: a dateline, the outlet's home town or the
                       // province the story names says which (the two Syrian towns are made up).
                       {"POINT (-95.56 33.66)", {"4717560", "Paris", "city", "US", "24782", "4717560", "Paris", "PPLA2", "TX"}},
                       {"POINT (-89.64 39.80)", {"4250542", "Springfield", "city", "US", "116250", "4250542", "Springfield", "PPLA", "IL"}},
                       {"POINT (-93.30 37.22)", {"4409896", "Springfield", "city", "US", "166810", "4409896", "Springfield", "PPLA2", "MO"}},
                       {"POINT (35.95 35.25)", {"9900003", "Tell Hamra", "city", "SY", "4000", "9900003", "Tell Hamra", "PPL", "02"}},
                       {"POINT (36.20 32.80)", {"9900004", "Tell Hamra", "city", "SY", "9000", "9900004", "Tell Hamra", "PPL", "12"}},
                       // A village named like the first word of other names ("Tall Hamra").
                       {"POINT (38.90 36.10)", {"9900005", "Tall", "city", "SY", "700", "9900005", "Tall", "PPL", "04"}},
                       // A city that some outlets spell with a different first vowel ("Edlib").
                       {"POINT (36.63 35.93)", {"169388", "Idlib", "city", "SY", "165000", "169388", "Idlib", "PPLA", "07"}},
                       // A small town whose alternate name is a four-letter word, as people's names are.
                       {"POINT (36.90 36.40)", {"9900007", "Rāmah", "city", "SY", "9000", "9900007", "Ramah", "PPL", "09"}},
                       // Seats of government whose population GeoNames does not give (both made up).
                       {"POINT (39.50 35.80)", {"9900008", "Qasr Nadim", "city", "SY", "0", "9900008", "Qasr Nadim", "PPLA2", "04"}},
                       {"POINT (39.90 35.60)", {"9900009", "Khirbat Sulum", "city", "SY", "0", "9900009", "Khirbat Sulum", "PPLA4", "04"}},
                       // A village named like the word that begins many armed groups' names ("Ansar Allah").
                       {"POINT (35.40 33.37)", {"9900006", "Ansar", "city", "LB", "3000", "9900006", "Ansar", "PPL", "03"}},
                       // Made up: a town of three consonants, between 20,000 and 50,000 people; a
                       // name whose second word is a given name; a town with another name GeoNames
                       // lists (a former one) and one whose other name is a given name.
                       {"POINT (37.60 35.90)", {"9900010", "Al Ḩuwayjah", "city", "SY", "31000", "9900010", "Al Huwayjah", "PPL", "04"}},
                       {"POINT (36.90 34.50)", {"9900011", "Bani Hamid", "city", "SY", "6000", "9900011", "Bani Hamid", "PPL", "11"}},
                       {"POINT (38.55 35.84)", {"9900012", "Madīnat ath Thawrah", "city", "SY", "69000", "9900012", "Madinat ath Thawrah", "PPL", "04"}},
                       {"POINT (37.10 36.20)", {"9900013", "Sabīnah", "city", "SY", "64000", "9900013", "Sabinah", "PPL", "01"}},
                       // A village near Latakia, whose province shares its name (the population made up).
                       {"POINT (35.80 35.67)", {"9900015", "Burj Islam", "city", "SY", "600", "9900015", "Burj Islam", "PPL", "02"}},
                       // A village near David, Panama (the population made up).
                       {"POINT (-82.57 8.50)", {"9900014", "Boquerón", "city", "PA", "600", "9900014", "Boqueron", "PPL", "04"}},
                   });
    writeText(dir / "places_names.csv", "id,name\n173579,Al Lādhiqīyah\n173579,\"Laodicea, ad Mare\"\n557893,Grozny\n"
                                        "169389,A'zaz\n169389,Azaz\n170592,Daraa\n170600,Douma\n170600,Dumah\n524901,Москва\n"
                                        // GeoNames lists words like this among some town's names
                                        "170600,Alawite\n9900007,Rama\n707753,Gorlovka\n"
                                        // a former name, and another name that is a given name
                                        "9900012,Tabqa\n9900013,Khalil\n");
    writeShapefile(dir / "admin0.shp", wkbMultiPolygon, withExtra({"iso_a3"}),
                   {{"MULTIPOLYGON (((35.7 32.3, 42.4 32.3, 42.4 37.3, 35.7 37.3, 35.7 32.3)))",
                     {"1", "Syria", "country", "SY", "0", "0", "SYR"}},
                    {"MULTIPOLYGON (((27 41, 180 41, 180 78, 27 78, 27 41)))", {"2", "Russia", "country", "RU", "0", "0", "RUS"}},
                    {"MULTIPOLYGON (((-125 25, -66 25, -66 49, -125 49, -125 25)))",
                     {"3", "United States of America", "country", "US", "0", "0", "USA"}},
                    {"MULTIPOLYGON (((40 41, 46.7 41, 46.7 43.6, 40 43.6, 40 41)))", {"4", "Georgia", "country", "GE", "0", "0", "GEO"}}});
    writeText(dir / "admin0_names.csv", "id,name\n3,United States\n");
    // Provinces carry the summed population of their places (build_geodata.py); 0 is unknown.
    // Some carry the GeoNames codes of their places (admin1, and admin2 where the unit is one
    // GeoNames district); the others are matched by their box.
    writeShapefile(dir / "admin1.shp", wkbMultiPolygon, withExtra({"admin", "admin1", "admin2", "cores"}),
                   {{"MULTIPOLYGON (((35.7 35.2, 36.3 35.2, 36.3 36.0, 35.7 36.0, 35.7 35.2)))",
                     {"1", "Latakia", "admin1", "SY", "1200000", "0", "Syria"}},
                    {"MULTIPOLYGON (((-124.7 45.5, -117 45.5, -117 49, -124.7 49, -124.7 45.5)))",
                     {"2", "Washington", "admin1", "US", "0", "0", "United States of America"}},
                    // A province named like a first name: "Vladimir Putin" must stay a person.
                    {"MULTIPOLYGON (((38.3 55.1, 42.9 55.1, 42.9 56.8, 38.3 56.8, 38.3 55.1)))",
                     {"3", "Vladimir", "admin1", "RU", "0", "0", "Russia"}},
                    {"MULTIPOLYGON (((-94 29, -89 29, -89 33, -94 33, -94 29)))",
                     {"4", "Louisiana", "admin1", "US", "0", "0", "United States of America"}},
                    // An ordinary English word as a province's name.
                    {"MULTIPOLYGON (((25 -23, 28 -23, 28 -20, 25 -20, 25 -23)))",
                     {"5", "Central", "admin1", "BW", "0", "0", "Botswana"}},
                    {"MULTIPOLYGON (((-85.6 30.4, -80.8 30.4, -80.8 35, -85.6 35, -85.6 30.4)))",
                     {"6", "Georgia", "admin1", "US", "0", "0", "United States of America"}},
                    {"MULTIPOLYGON (((-10.7 51.6, -9.2 51.6, -9.2 52.6, -10.7 52.6, -10.7 51.6)))",
                     {"7", "Kerry", "admin1", "IE", "0", "0", "Ireland"}},
                    {"MULTIPOLYGON (((141 -39, 150 -39, 150 -34, 141 -34, 141 -39)))",
                     {"8", "Victoria", "admin1", "AU", "5000000", "0", "Australia"}},
                    {"MULTIPOLYGON (((-106.6 25.8, -93.5 25.8, -93.5 36.5, -106.6 36.5, -106.6 25.8)))",
                     {"9", "Texas", "admin1", "US", "0", "0", "United States of America"}},
                    {"MULTIPOLYGON (((-91.5 37, -87.5 37, -87.5 42.5, -91.5 42.5, -91.5 37)))",
                     {"10", "Illinois", "admin1", "US", "0", "0", "United States of America", "IL", ""}},
                    // With its bootheel Missouri's box reaches east past Springfield, Illinois.
                    {"MULTIPOLYGON (((-95.8 36, -89.1 36, -89.1 37, -90 37, -90 40.6, -95.8 40.6, -95.8 36)))",
                     {"11", "Missouri", "admin1", "US", "0", "0", "United States of America", "MO", ""}},
                    // A province named with its designator, and its name without it as a core.
                    {"MULTIPOLYGON (((36.3 34.9, 37.6 34.9, 37.6 35.6, 36.3 35.6, 36.3 34.9)))",
                     {"12", "Hama Governorate", "admin1", "SY", "1600000", "0", "Syria", "", "", "Hama"}}});
    // Second-order divisions: points with the box of their places and their names without designator.
    writeShapefile(dir / "admin2.shp", wkbPoint,
                   withExtra({"admin1", "admin2", "core", "cores", "min_lon", "min_lat", "max_lon", "max_lat"}),
                   {{"POINT (35.95 34.88)", {"1", "Tartus District", "admin2", "SY", "300000", "0", "14", "163343", "Tartus",
                                              "Tartus", "35.8", "34.7", "36.2", "35.1"}},
                    {"POINT (-77.28 38.83)", {"2", "Fairfax County", "admin2", "US", "1100000", "0", "VA", "059", "Fairfax",
                                              "Fairfax", "-77.5", "38.6", "-77.0", "39.05"}},
                    {"POINT (37.6 48.75)", {"3", "Kramatorskyi Raion", "admin2", "UA", "500000", "0", "05", "6", "Kramatorskyi",
                                             "Kramatorskyi;Kramatorsk;Kramator", "37.0", "48.4", "38.2", "49.1"}}});
    writeText(dir / "admin2_names.csv", "id,name\n");
    // A region with a hole: the test checks even-odd containment through the gazetteer.
    writeShapefile(dir / "regions.shp", wkbMultiPolygon, withExtra({"members"}),
                   {{"MULTIPOLYGON (((40 41, 49 41, 49 46, 40 46, 40 41), (47 44.5, 48 44.5, 48 45.5, 47 45.5, 47 44.5)))",
                     {"1", "North Caucasus", "region", "", "0", "0", "RU-CE;RU-DA"}}});
    writeShapefile(dir / "facilities.shp", wkbPoint, withExtra({"category", "source"}),
                   {{"POINT (37.6175 55.752)", {"1", "Kremlin", "poi", "RU", "0", "0", "government", "ours"}},
                    // Named after a town: the town stays a town unless the facility's kind follows.
                    {"POINT (35.873 34.911)", {"2", "Tartus naval facility", "poi", "SY", "0", "0", "naval_base", "ours"}}});
    writeText(dir / "facilities_names.csv", "id,name\n1,Moscow Kremlin\n2,Tartus naval base\n");
    writeText(dir / "aliases.csv", "alias,kind,country,geonameid,name\nUS,country,US,,United States of America\n"
                                   "Washington,city,US,4140963,Washington D.C.\nNowhere,city,ZZ,,Atlantis\n");
    writeText(dir / "demonyms.csv", "demonym,kind,country,geonameid,name\nSyrian,country,SY,,Syria\n"
                                    "Russian,country,RU,,Russia\nAmerican,country,US,,United States of America\n");
    // Ordinary English words, as geodata's dictionary has them: "tortoise" folds like Tartus.
    writeText(dir / "common_words.txt", "crowd\ncrowds\ntortoise\n");
}

}  // namespace cmap::test
