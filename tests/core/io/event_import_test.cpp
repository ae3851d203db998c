#include "core/io/event_import.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <climits>
#include <fstream>

#include "core/error.h"
#include "geo/test_geodata.h"

using namespace cmap;
using model::EventCategory;
using model::EventTimePrecision;

namespace {

void write(const std::filesystem::path& p, const std::string& text) { std::ofstream(p) << text; }

std::string importError(const std::filesystem::path& p, io::EventImportOptions o = {}) {
    try {
        io::importEvents(p, o);
    } catch (const DataError& e) {
        return e.what();
    }
    return "no error";
}

int day(int y, int m, int d) { return model::daysFromCivil(y, m, d); }

constexpr const char* kHeader = "event_date,event_type,sub_event_type,latitude,longitude,geo_precision,time_precision,notes,source\n";

}  // namespace

TEST_CASE("ACLED event types map to our categories, the sub-event type first") {
    CHECK(io::categoryForEventType("Air/drone strike") == EventCategory::Airstrike);
    CHECK(io::categoryForEventType("Battles") == EventCategory::Attack);
    CHECK(io::categoryForEventType("Explosions/Remote violence") == EventCategory::Attack);
    CHECK(io::categoryForEventType("Headquarters or base established") == EventCategory::Base);
    CHECK(io::categoryForEventType("Agreement") == EventCategory::Meeting);
    CHECK(io::categoryForEventType("Peaceful protest") == EventCategory::Other);
    CHECK(io::categoryForEventType("deployment") == EventCategory::Deployment);
}

TEST_CASE("an ACLED CSV: dates as written, precision kept as day intervals, sorted by day") {
    test::TempDir dir;
    write(dir / "e.csv", std::string(kHeader) +
                             "3 March 2016,Explosions/Remote violence,Air/drone strike,36.20,37.15,1,1,Jets hit a market.,Agency A\n"
                             "2016-03-01,Battles,Armed clash,35.52,35.79,2,2,Clashes near the port.,Agency B\n"
                             "15 March 2016,Strategic developments,Agreement,33.51,36.29,3,3,Talks.,Agency A\n");
    auto t = io::importEvents(dir / "e.csv");
    REQUIRE(t->size() == 3);
    CHECK(t->badRows == 0);
    // The week-precision report (1 March, +-3 days) starts first; the month one spans March.
    CHECK(t->firstDay[0] == day(2016, 2, 27));
    CHECK(t->lastDay[0] == day(2016, 3, 4));
    CHECK(t->time[0] == EventTimePrecision::Week);
    CHECK(t->category[0] == EventCategory::Attack);
    CHECK(t->firstDay[1] == day(2016, 3, 1));
    CHECK(t->lastDay[1] == day(2016, 3, 31));
    CHECK(t->time[1] == EventTimePrecision::Month);
    CHECK(t->category[1] == EventCategory::Meeting);
    CHECK(t->geo[1] == model::EventGeoPrecision::Region);
    CHECK(t->firstDay[2] == day(2016, 3, 3));
    CHECK(t->lastDay[2] == day(2016, 3, 3));
    CHECK(t->category[2] == EventCategory::Airstrike);
    CHECK(t->lon[2] == doctest::Approx(37.15));
    CHECK(t->lat[2] == doctest::Approx(36.20));
    CHECK(t->sources[t->source[0]] == "Agency B");
    CHECK(t->sources[t->source[2]] == "Agency A");
    CHECK(t->source[1] == t->source[2]);  // names are kept once
}

TEST_CASE("bad rows are counted and the first one is named by its line; the good ones load") {
    test::TempDir dir;
    write(dir / "e.csv", std::string(kHeader) + "2016-03-01,Battles,,35.5,35.8,1,1,,S\n" +
                             "2016-02-30,Battles,,35.5,35.8,1,1,,S\n" + "2016-03-02,Battles,,north,35.8,1,1,,S\n" +
                             "2016-03-02,Battles,,95,35.8,1,1,,S\n");
    auto t = io::importEvents(dir / "e.csv");
    CHECK(t->size() == 1);
    CHECK(t->badRows == 3);
    CHECK(t->firstBadLine == 3);
    CHECK(t->firstBadReason.find("line 3") != std::string::npos);
    CHECK(t->firstBadReason.find("2016-02-30") != std::string::npos);
}

TEST_CASE("a CSV reads as GDAL's CSV driver reads it: quotes, line ends in quotes, blank lines, short rows") {
    // The same rows twice: a .csv the import reads itself, and one whose .csvt (every field text,
    // as the driver takes them untyped) sends it through GDAL.
    const std::string text =
        "\xEF\xBB\xBF" "event_date,event_type,sub_event_type,latitude,longitude,geo_precision,time_precision,notes,source\r\n"
        "3 March 2016,Explosions/Remote violence,Air/drone strike,35.0,36.0,1,1,\"A strike, with a comma\",Agency A\r\n"
        "2016-02-30,Battles,Armed clash,35.0,36.5,1,1,Not a day.,Agency B\r\n"
        "\r\n"
        "10 March 2016,Battles,Armed clash,35.0,35.5,2,2,\"two\r\nlines, \"\"quoted\"\"\",Agency B\r\n"
        "2016-04,Protests,,34.5,36.1,3,3,,\r\n"
        "2016,\"Battles\",Armed clash,34.0,36.2,,,x,\"Agency, C\"\r\n"
        ",Battles,Armed clash,34.0,36.2,1,1,no date,A\r\n"
        "5 May 2016,Battles\r\n"
        "6 May 2016,Strategic developments,Headquarters or base established, 34.1 ,36.3,1,3,spaces,A\r\n"
        "7-Jun-2016,Riots,Mob violence,34.2,36.4,2,1,x,A,extra,fields\r\n"
        "2016-06-08T12:00:00,Battles,Armed clash,35.0,36.0,1, 2,same place,Agency A\r\n"
        "\"9 June 2016\",Battles,Armed clash,35.0,36.0,x1,2x,quoted date,A";
    test::TempDir dir;
    write(dir / "own.csv", text);
    write(dir / "gdal.csv", text);
    write(dir / "gdal.csvt", "String,String,String,String,String,String,String,String,String\n");
    auto own = io::importEvents(dir / "own.csv");
    auto gdal = io::importEvents(dir / "gdal.csv");
    REQUIRE(own->size() == 7);
    REQUIRE(gdal->size() == own->size());
    CHECK(own->lon == gdal->lon);
    CHECK(own->lat == gdal->lat);
    CHECK(own->firstDay == gdal->firstDay);
    CHECK(own->lastDay == gdal->lastDay);
    CHECK(own->supersededDay == gdal->supersededDay);
    CHECK(own->time == gdal->time);
    CHECK(own->geo == gdal->geo);
    CHECK(own->category == gdal->category);
    CHECK(own->source == gdal->source);
    CHECK(own->sources == gdal->sources);
    CHECK(own->badRows == 4);
    CHECK(own->badRows == gdal->badRows);
    CHECK(own->firstBadReason == "line 3: date '2016-02-30' is not a date");
    CHECK(own->firstBadReason == gdal->firstBadReason);
    CHECK(std::find(own->sources.begin(), own->sources.end(), "Agency, C") != own->sources.end());
}

TEST_CASE("a file that is not an event table is refused with one message naming it") {
    test::TempDir dir;
    write(dir / "people.csv", "name,age\nAnna,30\n");
    CHECK(importError(dir / "people.csv").find((dir / "people.csv").string() + ": not an event table") == 0);
    write(dir / "junk.csv", std::string("\x89PNG\r\n\x1a\n\0\0\0", 12));
    CHECK(importError(dir / "junk.csv").find((dir / "junk.csv").string() + ": ") == 0);
    write(dir / "dates.csv", std::string(kHeader) + "someday,Battles,,35.5,35.8,1,1,,S\n");
    CHECK(importError(dir / "dates.csv").find("no usable event: 1 bad rows, the first at line 2") != std::string::npos);
    CHECK(importError(dir / "missing.csv").find("no such file") != std::string::npos);
    CHECK(importError(dir / "dates.csv", {"when"}).find("no field named 'when'") != std::string::npos);
    // A quote left open makes the rest of the file one field: the message quotes its start, on
    // one line, whichever reader read it.
    std::string open = std::string(kHeader) + "\"2016-05-01,Battles,,35.5,35.8,1,1,,S\n";
    for (int i = 0; i < 2000; ++i) open += "2016-05-02,Battles,,35.5,35.8,1,1,,S\n";
    write(dir / "open.csv", open);
    write(dir / "open_gdal.csv", open);
    write(dir / "open_gdal.csvt", "String,String,String,String,String,String,String,String,String\n");
    for (const char* name : {"open.csv", "open_gdal.csv"}) {
        const std::string error = importError(dir / name);
        CHECK(error.find("date '2016-05-01,Battles,,35.5,35.8,1,1,,S 201...' is not a date") != std::string::npos);
        CHECK(error.find('\n') == std::string::npos);
        CHECK(error.size() < 200);
    }
}

TEST_CASE("GeoJSON points with a date field, found by name or given") {
    test::TempDir dir;
    write(dir / "p.geojson", R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"when":"2015-09-30","category":"airstrike"},"geometry":{"type":"Point","coordinates":[36.1,35.4]}},
      {"type":"Feature","properties":{"when":"2015-09","category":"deployment"},"geometry":{"type":"Point","coordinates":[35.8,35.5]}},
      {"type":"Feature","properties":{"when":"2015-10-02","category":"base"},"geometry":null}]})");
    CHECK(importError(dir / "p.geojson").find("no date field") != std::string::npos);
    auto t = io::importEvents(dir / "p.geojson", {"when"});
    REQUIRE(t->size() == 2);
    CHECK(t->badRows == 1);
    CHECK(t->firstBadReason.find("feature 3") != std::string::npos);
    CHECK(t->category[0] == EventCategory::Deployment);  // September as a whole starts first
    CHECK(t->time[0] == EventTimePrecision::Month);
    CHECK(t->category[1] == EventCategory::Airstrike);
    CHECK(t->lon[1] == doctest::Approx(36.1));
}

TEST_CASE("the timeline over a table: window by binary search, as-of per place") {
    std::vector<model::EventRow> rows;
    auto row = [](float lon, int first, int last) {
        model::EventRow r;
        r.lon = lon, r.lat = 35, r.firstDay = first, r.lastDay = last;
        return r;
    };
    rows.push_back(row(36, 100, 100));
    rows.push_back(row(36, 110, 110));  // the same place, later: supersedes the first
    rows.push_back(row(37, 50, 80));
    rows.push_back(row(38, 200, 200));
    auto t = model::EventTable::build("t", rows, {""});
    CHECK(t.startedBy(99) == 1);
    CHECK(t.startedBy(110) == 3);
    model::TimeQuery window{model::TimeMode::Window, 115, 10};
    auto [b, e] = t.candidates(window);
    std::vector<float> shown;
    for (size_t i = 0; i < t.size(); ++i) shown.push_back(t.opacity(i, window));
    CHECK(shown == std::vector<float>{0.f, 0.f, 1.f - 5.f / 11.f, 0.f});  // only the report of day 110, fading
    CHECK(b <= 2);
    CHECK(e == 3);
    model::TimeQuery asOf{model::TimeMode::AsOf, 105, 30};
    CHECK(t.opacity(1, asOf) > 0);   // day 100 at lon 36, current
    CHECK(t.opacity(0, asOf) > 0);   // the place at lon 37 still shows its last report (day 50..80)
    asOf.day = 120;
    CHECK(t.opacity(1, asOf) == 0);  // superseded by day 110
    CHECK(t.opacity(2, asOf) > 0);
    // Opacities follow model::evaluate on the same items.
    std::vector<model::TimeItem> items;
    for (size_t i = 0; i < t.size(); ++i) items.push_back({t.firstDay[i], t.lastDay[i], static_cast<uint32_t>(t.lon[i])});
    for (model::TimeMode mode : {model::TimeMode::Cumulative, model::TimeMode::Window, model::TimeMode::AsOf}) {
        for (int d : {60, 100, 105, 110, 130, 250}) {
            model::TimeQuery q{mode, d, 20};
            std::vector<float> expected = model::evaluate(items, q);
            for (size_t i = 0; i < t.size(); ++i) CHECK(t.opacity(i, q) == doctest::Approx(expected[i]));
        }
    }
}

TEST_CASE("the table's columns are sorted together by day, file order kept within a day") {
    // Out of order, with ties: the builder sorts an order of rows and moves every column by it.
    const std::vector<std::array<int, 3>> given = {{300, 1, 7}, {100, 2, 8}, {300, 3, 9}, {100, 4, 7}, {200, 5, 8}, {100, 6, 7}};
    model::EventTable::Builder b;
    for (const auto& g : given) {
        model::EventRow r;
        r.firstDay = g[0], r.lastDay = g[0] + g[1];
        r.lon = static_cast<float>(g[2]), r.lat = 35;
        r.source = static_cast<uint32_t>(g[1]);
        r.category = static_cast<EventCategory>(g[1] % 3);
        b.add(r);
    }
    REQUIRE(b.size() == given.size());
    model::EventTable t = std::move(b).build("t", {"a", "b", "c", "d", "e", "f", "g"});
    REQUIRE(t.size() == given.size());
    std::vector<uint32_t> order(t.source.begin(), t.source.end());
    CHECK(order == std::vector<uint32_t>{2, 4, 6, 5, 1, 3});
    for (size_t i = 0; i < t.size(); ++i) {
        const auto& g = given[t.source[i] - 1];
        CHECK(t.firstDay[i] == g[0]);
        CHECK(t.lastDay[i] == g[0] + g[1]);
        CHECK(t.lon[i] == static_cast<float>(g[2]));
        CHECK(t.category[i] == static_cast<EventCategory>(g[1] % 3));
    }
    // Reports at lon 7 (rows 4, 6, 1 of the file): each is superseded by the next in time.
    CHECK(t.supersededDay[1] == 100);   // row 4 on day 100, then row 6 the same day
    CHECK(t.supersededDay[2] == 300);   // row 6, then row 1 on day 300
    CHECK(t.supersededDay[4] == INT_MAX);
    CHECK(t.maxSpanDays == 6);
    CHECK(t.sources.size() == 7);
}
